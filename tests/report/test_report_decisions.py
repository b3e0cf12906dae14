"""Reviewer decisions: edited sheets or a CSV, validation with the cell, re-scoring, audit trail, re-runs."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from casereview.cli import main
from casereview.decisions import DecisionError, apply_dir, carry_over, pending_trail, scoring_rubric
from casereview.report import WRITERS
from casereview.report.xlsx import COL, SHEET_NAME

AT = "2024-10-10T10:00:00+08:00"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def write_dir(out: Path, results: dict) -> Path:
    for name in ("json", "xlsx"):
        WRITERS[name](results, out)
    return out


def edit_sheet(out: Path, case_id: str, edits: dict[str, tuple]) -> None:
    """Fill the 复核 columns of the given codes, as a reviewer would in Excel/WPS."""
    path = out / "sheets" / f"{case_id}.xlsx"
    wb = load_workbook(path)
    ws = wb[SHEET_NAME]
    for row in ws.iter_rows():
        code = row[COL["代码"] - 1].value
        if code in edits:
            for offset, value in enumerate(edits[code]):
                row[COL["复核结论"] - 1 + offset].value = value
    wb.save(path)


def statuses(results: dict) -> dict[tuple[str, str], str]:
    return {(c["case_id"], k["code"]): k["status"] for c in results["cases"] for k in c["checks"]}


def test_sheet_decisions_change_exactly_the_decided_items(tmp_path, one_case):
    out = write_dir(tmp_path, one_case)
    before = copy.deepcopy(one_case)
    edit_sheet(
        out,
        "qs-2024-017",
        {
            "E03": ("符合", "笔录末页有“以上笔录我看过”并签名", "张伟"),  # settles the manual item
            "S02": ("符合", "执法证号写在笔录首页表格中", "李娜"),  # overturns a finding
            "D06": ("维持", None, "张伟"),  # confirms a pass
        },
    )
    results = json.loads((out / "results.json").read_text("utf-8"))
    entries = apply_dir(out, results, at=AT)

    changed = {k for k, v in statuses(results).items() if statuses(before)[k] != v}
    assert changed == {("qs-2024-017", "E03"), ("qs-2024-017", "S02")}
    case = results["cases"][0]
    assert case["score"] == 97.0 and case["grade"] == "优秀"  # only N03 (3) still deducted
    assert case["needs_manual_review"] is False
    e03 = next(k for k in case["checks"] if k["code"] == "E03")
    assert (e03["settled_by"], e03["settled_at"], e03["tool_status"]) == ("张伟", AT, "manual")
    s02 = next(k for k in case["checks"] if k["code"] == "S02")
    assert s02["status"] == "pass" and "points_deducted" not in s02 and s02["settled_by"] == "李娜"
    d06 = next(k for k in case["checks"] if k["code"] == "D06")
    assert d06["status"] == "pass" and d06["settled_by"] == "张伟"

    trail = results["audit_trail"]
    assert trail == entries
    assert [(e["code"], e["from"], e["to"], e["reviewer"]) for e in trail] == [
        ("S02", "fail", "pass", "李娜"),
        ("E03", "manual", "pass", "张伟"),
        ("D06", "pass", "pass", "张伟"),
    ]
    s02_entry = trail[0]
    assert s02_entry["note"] == "执法证号写在笔录首页表格中" and s02_entry["at"] == AT
    assert s02_entry["source"].startswith("sheets/qs-2024-017.xlsx!")
    assert s02_entry["score"] == {"from": 95.0, "to": 97.0}


def test_csv_decisions_and_a_new_finding(tmp_path, one_case):
    out = write_dir(tmp_path, one_case)
    csv = tmp_path / "decisions.csv"
    csv.write_text(
        "case_id,code,status,reviewer,note\n"
        "qs-2024-017,E03,不符合,张伟,询问笔录无被询问人核对确认\n"
        "qs-2024-017,T01,fail,张伟,立案至决定 95 日且无延期审批\n",
        encoding="utf-8-sig",
    )
    results = json.loads((out / "results.json").read_text("utf-8"))
    apply_dir(out, results, csv, at=AT)
    case = results["cases"][0]
    assert case["score"] == 100 - 2 - 3 - 2 - 5
    t01 = next(k for k in case["checks"] if k["code"] == "T01")
    assert t01["status"] == "fail" and t01["points_deducted"] == 5
    # a finding always names its evidence; here the reviewer's conclusion is it
    assert t01["evidence"] and "张伟" in t01["evidence"][0]["document"] and t01["message"]
    from tests.test_cli_review import schema

    schema("result.schema.json").validate(results)


def test_gb18030_csv_from_excel(tmp_path, one_case):
    out = write_dir(tmp_path, one_case)
    csv = tmp_path / "decisions.csv"
    csv.write_bytes("case_id,code,status,reviewer,note\nqs-2024-017,E03,符合,张伟,\n".encode("gb18030"))
    results = json.loads((out / "results.json").read_text("utf-8"))
    assert [e["code"] for e in apply_dir(out, results, csv, at=AT)] == ["E03"]


@pytest.mark.parametrize(
    "edit, message",
    [
        ({"E03": ("合规", None, "张伟")}, "复核结论“合规”无效，应填写 符合、不符合、不适用 或 维持"),
        ({"E03": (3, None, "张伟")}, "复核结论“3”无效"),
        ({"E03": ("维持", None, "张伟")}, "E03 为待人工核查项，不能“维持”"),
        ({"E03": ("符合", None, None)}, "未填写复核人"),
        ({"S02": ("符合", None, "张伟")}, "须在复核说明中写明理由"),
        ({"E03": (None, "看过了", "张伟")}, "复核结论为空"),
    ],
)
def test_invalid_sheet_edit_names_the_file_and_cell(tmp_path, one_case, edit, message):
    out = write_dir(tmp_path, one_case)
    edit_sheet(out, "qs-2024-017", edit)
    code = next(iter(edit))
    ws = load_workbook(out / "sheets" / "qs-2024-017.xlsx")[SHEET_NAME]
    row = next(r[0].row for r in ws.iter_rows() if r[COL["代码"] - 1].value == code)
    res = run("apply", out)
    assert res.exit_code == 2
    assert message in res.output
    assert "sheets/qs-2024-017.xlsx!" in res.output and str(row) in res.output
    # nothing changed
    assert "audit_trail" not in json.loads((out / "results.json").read_text("utf-8"))


def test_unknown_code_in_a_hand_edited_sheet(tmp_path, one_case):
    out = write_dir(tmp_path, one_case)
    path = out / "sheets" / "qs-2024-017.xlsx"
    wb = load_workbook(path)
    ws = wb[SHEET_NAME]
    row = next(r for r in ws.iter_rows() if r[COL["代码"] - 1].value == "H01")
    row[COL["代码"] - 1].value = "H09"
    row[COL["复核结论"] - 1].value = "符合"
    row[COL["复核人"] - 1].value = "张伟"
    wb.save(path)
    res = run("apply", out)
    assert res.exit_code == 2 and "未知的评查项代码“H09”" in res.output


def test_invalid_csv_lines(tmp_path, one_case):
    out = write_dir(tmp_path, one_case)
    csv = tmp_path / "d.csv"
    csv.write_text(
        "case_id,code,status,reviewer,note\n"
        "qs-2024-017,Z99,符合,张伟,\n"
        "qs-2024-017,E03,通过,张伟,\n"
        "nope,E03,符合,张伟,\n",
        encoding="utf-8",
    )
    res = run("apply", out, "--decisions", csv)
    assert res.exit_code == 2
    assert "d.csv 第2行 code 列：未知的评查项代码“Z99”" in res.output
    assert "d.csv 第3行 status 列：复核结论“通过”无效" in res.output
    assert "d.csv 第4行 status 列：案卷“nope”不在 results.json 中" in res.output
    csv.write_text("case,code\nx,y\n", encoding="utf-8")
    res = run("apply", out, "--decisions", csv)
    assert res.exit_code == 2 and "缺少列 case_id, status" in res.output


def test_apply_cli_rewrites_the_sheets_with_the_settled_items(tmp_path, one_case):
    out = write_dir(tmp_path, one_case)
    edit_sheet(out, "qs-2024-017", {"E03": ("符合", "已核对", "张伟")})
    res = run("apply", out)
    assert res.exit_code == 0, res.output
    assert "E03：待人工核查 → 符合（张伟：已核对）" in res.output
    assert "qs-2024-017：得分 95 → 95，等次 优秀 → 优秀" in res.output
    ws = load_workbook(out / "sheets" / "qs-2024-017.xlsx")[SHEET_NAME]
    text = "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
    assert "【待人工复核】" not in text and "【人工复核：张伟" in text
    assert (out / "summary.xlsx").exists() and (out / "report.html").exists()
    # applying the same sheet again changes nothing
    res = run("apply", out)
    assert res.exit_code == 0 and "没有新的复核结论" in res.output
    assert len(json.loads((out / "results.json").read_text("utf-8"))["audit_trail"]) == 1


def test_carry_over_keeps_decisions_on_fresh_results(tmp_path, one_case):
    out = write_dir(tmp_path, one_case)
    edit_sheet(out, "qs-2024-017", {"S02": ("符合", "证号在首页", "李娜")})
    results = json.loads((out / "results.json").read_text("utf-8"))
    apply_dir(out, results, at=AT)
    (out / "results.json").write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")
    fresh = copy.deepcopy(one_case)  # what a new score run produces: the tool's findings again
    trail = pending_trail(out)
    warnings = carry_over(fresh, trail, scoring_rubric(fresh))
    assert warnings == []
    s02 = next(k for k in fresh["cases"][0]["checks"] if k["code"] == "S02")
    assert s02["status"] == "pass" and s02["settled_by"] == "李娜" and s02["tool_status"] == "fail"
    assert fresh["cases"][0]["score"] == 97.0
    assert fresh["audit_trail"] == results["audit_trail"]


DECISION_ONLY = """青山县市场监督管理局
行政处罚决定书
青市监处罚〔2024〕17号
当事人：青山县某某商贸有限公司
本局决定如下：罚款人民币伍仟元整。
青山县市场监督管理局
2024年4月10日
"""


def test_rescoring_keeps_decisions_and_unapplied_sheet_edits(tmp_path):
    batch = tmp_path / "batch"
    case = batch / "2024-017"
    case.mkdir(parents=True)
    (case / "决定书.txt").write_text(DECISION_ONLY, encoding="utf-8")
    out = tmp_path / "out"
    res = run("score", batch, "--out", out, "--period", "2024Q3", "--jobs", "1")
    assert res.exit_code == 0, res.output
    for name in (
        "results.json",
        "summary.xlsx",
        "report.html",
        "sheets/2024-017.xlsx",
        "sheets/2024-017.docx",
    ):
        assert (out / name).exists(), name
    first = json.loads((out / "results.json").read_text("utf-8"))
    assert first["cases"][0]["veto_codes"] and first["cases"][0]["grade"] == "不合格"
    veto = first["cases"][0]["veto_codes"][0]
    # the reviewer overturns every veto finding in the sheet and applies it ...
    edits = {c: ("符合", "案卷另册中有该文书", "张伟") for c in first["cases"][0]["veto_codes"]}
    edit_sheet(out, "2024-017", edits)
    assert run("apply", out).exit_code == 0
    applied = json.loads((out / "results.json").read_text("utf-8"))
    assert not applied["cases"][0]["veto_codes"]
    # ... then fills one more item in the sheet without applying it, and scores again
    other = next(
        k["code"] for k in applied["cases"][0]["checks"] if k["status"] == "fail" and k["code"] not in edits
    )
    edit_sheet(out, "2024-017", {other: ("符合", "见附件", "李娜")})
    res = run("score", batch, "--out", out, "--period", "2024Q3", "--jobs", "1")
    assert res.exit_code == 0, res.output
    again = json.loads((out / "results.json").read_text("utf-8"))
    checks = {k["code"]: k for k in again["cases"][0]["checks"]}
    assert checks[veto]["status"] == "pass" and checks[veto]["settled_by"] == "张伟"
    assert checks[other]["status"] == "pass" and checks[other]["settled_by"] == "李娜"
    assert not again["cases"][0]["veto_codes"]
    assert [e["code"] for e in again["audit_trail"]] == [*edits, other]
    ws = load_workbook(out / "sheets" / "2024-017.xlsx")[SHEET_NAME]
    row = next(r for r in ws.iter_rows() if r[COL["代码"] - 1].value == other)
    assert [c.value for c in row[COL["复核结论"] - 1 :]] == ["符合", "见附件", "李娜"]


def test_score_refuses_to_overwrite_invalid_unapplied_edits(tmp_path):
    batch = tmp_path / "batch"
    case = batch / "2024-017"
    case.mkdir(parents=True)
    (case / "决定书.txt").write_text(DECISION_ONLY, encoding="utf-8")
    out = tmp_path / "out"
    assert run("score", batch, "--out", out, "--jobs", "1").exit_code == 0
    edit_sheet(out, "2024-017", {"D01": ("大概符合", None, "张伟")})
    before = (out / "sheets" / "2024-017.xlsx").read_bytes()
    res = run("score", batch, "--out", out, "--jobs", "1")
    assert res.exit_code == 2 and "复核结论“大概符合”无效" in res.output
    assert (out / "sheets" / "2024-017.xlsx").read_bytes() == before


def test_rubric_mismatch_is_refused(tmp_path, one_case):
    from casereview.rubric import load_rubric

    out = write_dir(tmp_path, one_case)
    results = json.loads((out / "results.json").read_text("utf-8"))
    with pytest.raises(DecisionError, match="不一致"):
        apply_dir(out, results, rubric=load_rubric("shandong-county"))


def test_csv_and_sheet_edits_are_applied_together_and_conflicts_named(tmp_path, one_case):
    out = write_dir(tmp_path, one_case)
    edit_sheet(out, "qs-2024-017", {"E03": ("符合", "已核对", "张伟")})
    csv = tmp_path / "d.csv"
    csv.write_text(
        "case_id,code,status,reviewer,note\nqs-2024-017,E03,不符合,李娜,未见核对确认\n", encoding="utf-8"
    )
    res = run("apply", out, "--decisions", csv)
    assert res.exit_code == 2
    assert "d.csv 第2行 status 列：与 sheets/qs-2024-017.xlsx!" in res.output and "不一致" in res.output
    csv.write_text(
        "case_id,code,status,reviewer,note\nqs-2024-017,S02,符合,李娜,证号在首页\n", encoding="utf-8"
    )
    res = run("apply", out, "--decisions", csv)
    assert res.exit_code == 0, res.output
    trail = json.loads((out / "results.json").read_text("utf-8"))["audit_trail"]
    assert sorted(e["code"] for e in trail) == ["E03", "S02"]
