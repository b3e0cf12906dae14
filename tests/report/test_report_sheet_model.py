"""The ScoreSheet model: rows, veto items apart, subtotals, totals, suggestions, marks."""

from __future__ import annotations

from importlib import resources

import yaml

from casereview.report.sheet import (
    PENDING_MARK,
    build_sheet,
    build_sheets,
    period_label,
    suggestions,
)
from casereview.rubric.snapshot import rubric_info
from casereview.rules.registry import all_rules, rule_by_code


def test_every_code_of_every_builtin_rubric_has_a_rectification_suggestion():
    for rid in ("penalty-general", "shandong-county", "market-regulation", "ecology-environment"):
        data = yaml.safe_load(
            resources.files("casereview.rubric").joinpath(f"builtin/{rid}.yaml").read_text("utf-8")
        )
        for code in data.get("items") or {}:
            assert suggestions().get(code), f"{code} has no 整改建议 in report/rectification.yaml"
    assert sorted(suggestions()) == sorted(rule_by_code())  # one per rule, none for a code that is gone


def test_rows_follow_the_results(one_case, rubric):
    sheet = build_sheet(one_case["cases"][0], one_case)
    codes = [r.code for r in sheet.rows]
    assert sorted(codes) == sorted(rubric.items) and len(codes) == len(set(codes))
    # veto items are set apart, and only there
    assert [r.code for r in sheet.veto_rows] == [c for c, i in rubric.items.items() if i.veto]
    assert all(not r.veto for cat in sheet.categories for r in cat.rows)
    by_code = {r.code: r for r in sheet.rows}
    assert (by_code["S02"].result, by_code["S02"].deducted, by_code["S02"].points) == ("不符合", 2, 2)
    assert (by_code["N03"].result, by_code["N03"].deducted) == ("不符合", 3)
    assert by_code["E03"].result == "待人工核查" and by_code["H01"].result == "不适用"
    assert by_code["D01"].result == "符合" and by_code["D01"].reason == ""
    # the reason carries the evidence: document, page or paragraph, quote
    assert "证据：" in by_code["S02"].reason and "原文摘录" in by_code["S02"].reason


def test_subtotals_total_and_grade(one_case, rubric):
    entry = one_case["cases"][0]
    sheet = build_sheet(entry, one_case)
    officers = next(c for c in sheet.categories if c.key == "S")
    assert officers.points == sum(i.points for c, i in rubric.items.items() if c[0] == "S" and not i.veto)
    assert officers.deducted == 2
    assert sum(c.deducted for c in sheet.categories) == 5 == sheet.deducted
    assert sheet.score == entry["score"] == 95.0
    assert sheet.grade == entry["grade"] == "优秀"
    assert sheet.veto_text == "无"


def test_rectification_per_failed_item(one_case):
    sheet = build_sheet(one_case["cases"][0], one_case)
    assert [r.code for r in sheet.rectifications] == ["S02", "N03"]
    assert all(r.suggestion == suggestions()[r.code] for r in sheet.rectifications)
    assert all(not r.suggestion for r in sheet.rows if r.status != "fail")


def test_pending_mark_while_manual_items_remain(one_case):
    sheet = build_sheet(one_case["cases"][0], one_case)
    assert sheet.pending and sheet.manual_codes == ["E03"]
    assert sheet.grade_text == f"优秀（{PENDING_MARK}）"


def test_header_block(one_case):
    sheet = build_sheet(one_case["cases"][0], one_case)
    header = dict(sheet.header)
    assert header["被评查单位"] == "青山县市场监督管理局"
    assert header["案号"] == "青市监处罚〔2024〕17号"
    assert header["承办人员"] == "李明辉、王建军"
    assert header["立案日期"] == "2024年3月2日" and header["结案日期"] == "2024年4月12日"
    assert header["评查期间"] == "2024年第三季度"
    assert header["评查标准"] == "penalty-general 第1版"
    assert "青山县鑫源商贸有限公司" in header["案件名称"]


def test_veto_case_scores_zero_and_says_why(results):
    veto_case = next(c for c in results["cases"] if c["veto_codes"])
    sheet = build_sheet(veto_case, results)
    assert sheet.score == 0 and sheet.grade == "不合格"
    assert sheet.veto_text == "、".join(veto_case["veto_codes"])
    assert "0 分" in sheet.score_note


def test_settled_items_are_marked(one_case):
    entry = one_case["cases"][0]
    check = next(c for c in entry["checks"] if c["code"] == "E03")
    check.update(
        status="pass",
        settled_by="张伟",
        settled_at="2024-10-10T10:00:00+08:00",
        settled_note="笔录末页有核对确认",
        tool_status="manual",
    )
    row = next(r for r in build_sheet(entry, one_case).rows if r.code == "E03")
    assert row.settled is not None and row.result == "符合"
    assert row.reason.startswith("【人工复核：张伟，2024-10-10；原判定：待人工核查】笔录末页有核对确认")


def test_period_labels():
    assert period_label("2024Q3") == "2024年第三季度"
    assert period_label("2024H2") == "2024年下半年"
    assert period_label("2024") == "2024年度"
    assert period_label("2024-春季") == "2024-春季"


def test_rubric_from_builtin_when_results_hold_only_the_reference(one_case):
    from casereview.rubric import load_rubric

    rub = load_rubric("penalty-general")
    bare = dict(one_case, rubric=rub.ref())
    info = rubric_info(bare)
    assert info.exact and info.items["N01"].veto and info.items["S02"].points == 2


def test_unknown_rubric_falls_back_to_the_checks(one_case):
    bare = dict(one_case, rubric={"id": "county-x", "version": "3", "sha256": "0" * 64})
    info = rubric_info(bare)
    assert not info.exact and info.items["S02"].points == 2
    assert len(build_sheets(bare)[0].rows) == len(all_rules())
