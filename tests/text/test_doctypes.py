"""Document titles of several counties and sectors, and lines that are not titles."""

from __future__ import annotations

import pytest

from casereview.parsers.segments import normalize_line
from casereview.text.doctypes import match_title

TITLES = [
    ("行政处罚决定书", "penalty_decision"),
    ("行 政 处 罚 决 定 书", "penalty_decision"),
    ("青山县市场监督管理局行政处罚决定书", "penalty_decision"),
    ("行政处罚决定书（副本）", "penalty_decision"),
    ("当场行政处罚决定书", "penalty_decision"),
    ("行政处罚事先告知书", "advance_notice"),
    ("行政处罚告知书", "advance_notice"),
    ("陈述申辩告知书", "advance_notice"),
    ("行政处罚事先（听证）告知书", "advance_notice"),
    ("听证告知书", "hearing_notice"),
    ("行政处罚听证通知书", "hearing_notice"),
    ("听证笔录", "hearing_record"),
    ("听证报告", "hearing_record"),
    ("立案审批表", "filing_approval"),
    ("立案呈批表", "filing_approval"),
    ("行政处罚立案审批表", "filing_approval"),
    ("现场检查笔录", "inspection_record"),
    ("现场检查（勘验）笔录", "inspection_record"),
    ("勘验笔录", "inspection_record"),
    ("现场笔录", "inspection_record"),
    ("询问笔录", "inquiry_record"),
    ("调查询问笔录", "inquiry_record"),
    ("询问笔录（第2页）", "inquiry_record"),
    ("营业执照（复印件）", "identity_proof"),
    ("身份证复印件", "identity_proof"),
    ("案件调查终结报告", "investigation_report"),
    ("案件处理审批表", "investigation_report"),
    ("延长办案期限审批表", "extension_approval"),
    ("法制审核意见书", "legal_review"),
    ("重大执法决定法制审核表", "legal_review"),
    ("案件集体讨论记录", "collective_discussion"),
    ("重大案件集体讨论笔录", "collective_discussion"),
    ("陈述申辩笔录", "statement_record"),
    ("放弃陈述申辩声明", "statement_record"),
    ("听证申请书", "statement_record"),
    ("送达回证", "service_receipt"),
    ("送达地址确认书", "service_receipt"),
    ("罚没款缴款凭证", "payment_proof"),
    ("非税收入一般缴款书", "payment_proof"),
    ("行政处罚决定履行催告书", "payment_proof"),
    ("行政处罚信息公示记录", "publicity_record"),
    ("执法音像记录登记表", "av_record"),
    ("结案审批表", "closure_report"),
    ("结案报告", "closure_report"),
    ("卷内备考表", "archive_note"),
    ("卷内文件目录", "index"),
    ("行政处罚案卷", "cover"),
    ("案件来源登记表", "case_source"),
    ("证据先行登记保存通知书", "evidence_preservation"),
    ("先行登记保存物品处理决定书", "evidence_preservation"),
    ("实施行政强制措施决定书", "seizure"),
    ("查封（扣押）决定书", "seizure"),
    ("检验报告", "other_evidence"),
    ("现场照片", "other_evidence"),
    ("不予行政处罚决定书", "unknown"),
    ("责令改正通知书", "unknown"),
]


@pytest.mark.parametrize(("line", "expected"), TITLES)
def test_title_types(line, expected):
    got = match_title(normalize_line(line))
    assert got is not None, line
    assert got[0] == expected


@pytest.mark.parametrize(
    "line",
    [
        "本局决定如下：",
        "当事人签名：",
        "经查，当事人于2024年3月5日销售过期食品，违反了《食品安全法》的规定。",
        "1 | 立案审批表 | 2024.3.2 | 3",
        "送达文书名称：行政处罚决定书",
        "依据本机关作出的行政处罚决定书",
    ],
)
def test_not_titles(line):
    assert match_title(line) is None
