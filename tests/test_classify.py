"""Document recognition: splitting bound files by their titles (the titles themselves: tests/text/test_doctypes.py)."""

from __future__ import annotations

from casereview.api import load_case


def test_bound_text_file_split_by_titles_not_file_name(tmp_path):
    text = (
        "青山县市场监督管理局\n立案审批表\n案由：销售过期食品\n负责人意见：同意立案。 签名：王强 2024年3月2日\n"
        "\f询问笔录\n询问时间：2024年3月5日9时30分\n问：你是否知道？\n答：知道。\n"
        "\f青山县市场监督管理局\n行政处罚决定书\n青市监处罚〔2024〕17号\n当事人：青山县某某商贸有限公司\n"
        "本局决定如下：罚款人民币伍仟元整。\n二〇二四年五月二十日\n"
    )
    p = tmp_path / "送达回证.txt"  # a misleading file name: content decides
    p.write_text(text, encoding="utf-8")
    case = load_case(p)
    assert [d.type for d in case.documents] == ["filing_approval", "inquiry_record", "penalty_decision"]
    assert case.documents[2].case_number.value == "青市监处罚〔2024〕17号"


def test_untitled_document_typed_by_content(tmp_path):
    p = tmp_path / "材料5.txt"
    p.write_text(
        "被询问人：王某某\n询问人：张伟、李明\n问：你的身份？\n答：我是店主。\n问：还有补充吗？\n答：没有。\n",
        encoding="utf-8",
    )
    case = load_case(p)
    assert [d.type for d in case.documents] == ["inquiry_record"]


def test_unrecognised_document_kept_as_unknown_with_title(tmp_path):
    p = tmp_path / "x.txt"
    p.write_text("关于加强门店管理的承诺书\n本人承诺今后依法经营。\n", encoding="utf-8")
    case = load_case(p)
    assert case.documents[0].type == "unknown"
    assert case.documents[0].title == "关于加强门店管理的承诺书"
