"""Field readers on small documents written the ways different agencies write them."""

from __future__ import annotations

import datetime as dt

import pytest

from casereview.api import load_case
from tests.truth_view import truth_view


def read(tmp_path, text: str, name: str = "doc.txt"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    case = load_case(p)
    assert case.documents, "no document recognised"
    return case


def facts(tmp_path, text: str):
    case = read(tmp_path, text)
    return truth_view(case.documents[0]), case.documents[0]


@pytest.mark.parametrize(
    "header",
    [
        "检查人员：张伟、李明    执法证号：16010012345、16010012346",
        "执法人员：张伟（执法证号：16010012345）、李明（执法证号：16010012346）",
        "执法人员 | 张伟 | 执法证号 | 16010012345\n | 李明 | 执法证号 | 16010012346",
        "询问人：张伟 执法证件号：16010012345；李明 执法证件号：16010012346",
    ],
)
def test_officers_with_certificates(tmp_path, header):
    f, _ = facts(
        tmp_path,
        f"现场检查笔录\n检查时间：2024年3月5日9时30分至10时30分\n{header}\n"
        "执法人员向当事人出示了执法证件。\n检查情况：店内货架上有过期食品。\n",
    )
    assert sorted((o["name"], o["cert_no"]) for o in f["officers"]) == [
        ("张伟", "16010012345"),
        ("李明", "16010012346"),
    ]
    assert f["certificates_shown"] is True


def test_officer_without_certificate_number(tmp_path):
    f, _ = facts(tmp_path, "询问笔录\n询问人：张伟（执法证号：16010012345）、李明\n问：你好\n答：你好\n")
    assert sorted((o["name"], o["cert_no"]) for o in f["officers"]) == [
        ("张伟", "16010012345"),
        ("李明", None),
    ]


def test_certificates_not_shown_is_not_shown(tmp_path):
    f, _ = facts(tmp_path, "询问笔录\n执法人员：张伟、李明\n执法人员未出示执法证件。\n问：你好\n答：你好\n")
    assert f["certificates_shown"] is False


@pytest.mark.parametrize(
    ("closing", "confirmed", "signed", "refused"),
    [
        ("以上笔录我看过，与我说的一致。\n被询问人签名：王某某 2024年3月5日", True, True, False),
        ("以上笔录已向我宣读，记录属实。\n被询问人（签名）：王某某", True, True, False),
        ("被询问人签名：\t\t日期：2024年3月5日", False, False, False),
        ("当事人拒绝签名，见证人：赵六。\n被询问人签名：", False, False, True),
    ],
)
def test_inquiry_confirmation_and_signature(tmp_path, closing, confirmed, signed, refused):
    f, _ = facts(
        tmp_path, "询问笔录\n询问人：张伟、李明\n问：你是否销售过期食品？\n答：是的。\n" + closing + "\n"
    )
    assert f["confirmation"] is confirmed
    assert f["party_signed"] is signed
    assert f["party_refused"] is refused


NOTICE = """青山县市场监督管理局
行政处罚告知书
青市监罚告〔2024〕9号
青山县某某商贸有限公司：
经查，你单位于2024年3月5日销售超过保质期的食品，违反了《中华人民共和国食品安全法》第三十四条第（十）项的规定。
依据《中华人民共和国食品安全法》第一百二十四条第一款第（三）项的规定，本局拟对你单位作出如下行政处罚：
罚款人民币伍万元整（¥50,000.00）。
{rights}
青山县市场监督管理局
二〇二四年四月一日
"""


@pytest.mark.parametrize(
    ("rights", "expected"),
    [
        (
            "根据《中华人民共和国行政处罚法》第四十五条的规定，你单位可在收到本告知书之日起五个工作日内进行陈述和申辩。",
            {"statement": True, "defence": True, "hearing": False},
        ),
        (
            "你单位有权进行陈述、申辩，并有权要求举行听证。",
            {"statement": True, "defence": True, "hearing": True},
        ),
        ("你单位可以在三日内进行陈述。", {"statement": True, "defence": False, "hearing": False}),
    ],
)
def test_notice_rights(tmp_path, rights, expected):
    f, doc = facts(tmp_path, NOTICE.format(rights=rights))
    assert doc.type == "advance_notice"
    assert f["rights"] == expected
    assert f["proposed_fine_yuan"] == 50000.0
    assert f["has_facts"] and f["has_reasons"] and f["has_legal_basis"]
    assert doc.date.value == dt.date(2024, 4, 1)
    assert doc.case_number.value == "青市监罚告〔2024〕9号"


DECISION = """行政处罚决定书
临环罚〔2024〕5号
当事人：临川县宏达化工有限公司
统一社会信用代码：91361000MA35XXXX1K
住所：临川县工业园区8号
经查明，当事人于2024年1月10日至2月3日期间超标排放废水。以上事实有现场检查笔录、监测报告为证。
依据《中华人民共和国水污染防治法》第八十三条第（二）项的规定，本局决定对当事人处罚款{amount}。
{payment}
{remedy}
临川县生态环境局
2024年5月8日
"""


@pytest.mark.parametrize(
    ("amount", "yuan"),
    [
        ("人民币贰拾万元整（¥200,000.00）", 200000.0),
        ("20万元", 200000.0),
        ("200000元", 200000.0),
    ],
)
def test_decision_amount_forms(tmp_path, amount, yuan):
    f, doc = facts(tmp_path, DECISION.format(amount=amount, payment="", remedy=""))
    assert f["fine_yuan"] == yuan
    assert f["penalty_types"] == ["罚款"]
    assert f["cited_laws"] == ["《中华人民共和国水污染防治法》第八十三条第（二）项"]
    assert doc.date.value == dt.date(2024, 5, 8)


@pytest.mark.parametrize(
    ("remedy", "review", "litigation"),
    [
        (
            "如不服本决定，可在收到本决定书之日起六十日内向临川县人民政府申请行政复议，或者在六个月内向临川县人民法院提起行政诉讼。",
            60,
            6,
        ),
        ("如不服本决定，可在十五日内申请复议，也可以在三个月内向人民法院起诉。", 15, 3),
    ],
)
def test_decision_remedies(tmp_path, remedy, review, litigation):
    f, _ = facts(tmp_path, DECISION.format(amount="5万元", payment="", remedy=remedy))
    assert f["review_days"] == review
    assert f["litigation_months"] == litigation


def test_decision_payment(tmp_path):
    f, _ = facts(
        tmp_path,
        DECISION.format(
            amount="5万元",
            payment="当事人应自收到本决定书之日起十五日内，到中国农业银行临川支行缴纳罚款。",
            remedy="",
        ),
    )
    assert f["payment_deadline_days"] == 15


def test_case_summary(tmp_path):
    case = read(tmp_path, DECISION.format(amount="5万元", payment="", remedy=""))
    s = case.summary
    assert s["party"] == "临川县宏达化工有限公司"
    assert s["party_kind"] == "organization"
    assert s["party_id"] == "91361000MA35XXXX1K"
    assert s["fine_yuan"] == 50000.0
    assert s["decision_date"] == "2024-05-08"
    assert s["agency"] == "临川县生态环境局"
    assert s["case_number"] == "临环罚〔2024〕5号"


def test_lien_service_receipt(tmp_path):
    f, doc = facts(
        tmp_path,
        """送达回证
送达文书名称 | 行政处罚决定书（临环罚〔2024〕5号）
受送达人 | 临川县宏达化工有限公司
送达时间 | 2024年5月9日10时
送达地点 | 临川县工业园区8号
送达方式 | 留置送达
受送达人签名或盖章 |
备注 | 当事人拒绝签收，执法人员将文书留置于其经营场所，并全程录像。见证人：孙七
送达人 | 周八、吴九
""",
    )
    assert doc.type == "service_receipt"
    assert f["served_types"] == ["penalty_decision"]
    assert f["recipient"] == "临川县宏达化工有限公司"
    assert f["service_date"] == "2024-05-09"
    assert f["manner"] == "留置送达"
    assert f["recipient_signed"] is False
    assert f["witness"] == "孙七"


def test_approval_form(tmp_path):
    f, doc = facts(
        tmp_path,
        """立案审批表
案由 | 涉嫌销售过期食品案
承办人意见 | 建议立案调查。 签名：张伟 2024年3月2日
承办机构意见 | 同意。 签名：赵敏 2024年3月2日
负责人审批意见 | 同意立案。 签名：王强 日期：2024年3月3日
""",
    )
    assert doc.type == "filing_approval"
    assert [(a["signer"], a["date"]) for a in f["approvals"]] == [
        ("张伟", "2024-03-02"),
        ("赵敏", "2024-03-02"),
        ("王强", "2024-03-03"),
    ]
    assert all(a["opinion"] for a in f["approvals"])
    assert doc.date.value == dt.date(2024, 3, 3)


def test_approval_without_signature_or_date(tmp_path):
    f, _ = facts(tmp_path, "结案审批表\n承办人意见 | 罚款已缴清，建议结案。\n负责人审批意见 | \n")
    assert f["approvals"][-1]["signer"] is None and f["approvals"][-1]["date"] is None


def test_hearing_record_presiding(tmp_path):
    f, _ = facts(
        tmp_path,
        "听证笔录\n听证时间：2024年4月20日9时\n听证主持人：钱十一\n听证员：孙十二\n案件调查人员：张伟、李明\n",
    )
    assert f["presiding"] == "钱十一"
    assert f["hearing_date"] == "2024-04-20"


def test_hearing_notice_date(tmp_path):
    f, _ = facts(
        tmp_path,
        "听证通知书\n青山县某某商贸有限公司：\n根据你单位的申请，本局定于2024年4月20日上午9时在本局三楼会议室举行听证。\n",
    )
    assert f["hearing_date"] == "2024-04-20"


def test_words_and_figures_mismatch_kept(tmp_path):
    f, _ = facts(tmp_path, DECISION.format(amount="人民币伍万元整（¥5,000.00）", payment="", remedy=""))
    assert f["amounts_words"] == [50000.0]
    assert f["amounts_figures"] == [5000.0]
