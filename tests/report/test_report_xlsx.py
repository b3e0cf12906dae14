"""The .xlsx scoring sheet, read back with openpyxl and checked against the results."""

from __future__ import annotations

from openpyxl import load_workbook

from casereview.report import WRITERS
from casereview.report.sheet import SHEET_TITLE
from casereview.report.xlsx import COL, SHEET_NAME


def _rows(ws) -> list[list]:
    return [[c.value for c in row] for row in ws.iter_rows()]


def _find(rows, text) -> tuple[int, int]:
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            if v == text:
                return i, j
    raise AssertionError(f"{text!r} not on the sheet")


def test_one_sheet_per_case(tmp_path, results):
    paths = WRITERS["xlsx"](results, tmp_path)
    assert [p.name for p in paths] == [f"{c['case_id']}.xlsx" for c in results["cases"]]
    assert all(p.parent == tmp_path / "sheets" for p in paths)
    assert [p.name for p in (tmp_path / "sheets").glob(".*")] == [".casereview-sheets.json"], (
        "no temporary file left"
    )


def test_sheet_numbers_match_the_results(tmp_path, results):
    WRITERS["xlsx"](results, tmp_path)
    points = {c: v["points"] for c, v in results["rubric"]["items"].items()}
    label = {"pass": "符合", "fail": "不符合", "na": "不适用", "manual": "待人工核查"}
    for entry in results["cases"]:
        ws = load_workbook(tmp_path / "sheets" / f"{entry['case_id']}.xlsx")[SHEET_NAME]
        rows = _rows(ws)
        assert rows[0][0] == SHEET_TITLE
        i, j = _find(rows, "案卷编号")
        assert rows[i][j + 1] == entry["case_id"]
        i, j = _find(rows, "案号")
        assert rows[i][j + 1] == entry["case_number"]
        items = {
            r[COL["代码"] - 1]: r
            for r in rows
            if isinstance(r[0], str) and len(r[0]) == 3 and r[0][1:].isdigit()
        }
        assert sorted(items) == sorted(c["code"] for c in entry["checks"])
        for check in entry["checks"]:
            row = items[check["code"]]
            assert row[COL["评查结果"] - 1] == label[check["status"]]
            deducted = row[COL["扣分"] - 1] or 0
            assert deducted == check.get("points_deducted", 0) if check["status"] == "fail" else deducted == 0
            if not results["rubric"]["items"][check["code"]].get("veto"):
                assert row[COL["分值"] - 1] == points[check["code"]]
            if check["status"] == "fail":
                assert row[COL["整改建议"] - 1], f"{check['code']} has no 整改建议"
                assert check["evidence"][0]["document"] in row[COL["理由及证据"] - 1]
        i, j = _find(rows, "总分")
        assert rows[i][j + 2] == entry["score"]
        i, j = _find(rows, "等次")
        assert rows[i][j + 2].startswith(entry["grade"])
        i, j = _find(rows, "否决项")
        assert rows[i][j + 2] == ("、".join(entry["veto_codes"]) or "无")
        # the category subtotals add up to the deductions of the non-veto items
        subtotal = sum(
            r[COL["扣分"] - 1] or 0 for r in rows if isinstance(r[0], str) and r[0].endswith(" 小计")
        )
        veto_deducted = sum(c.get("points_deducted", 0) for c in entry["checks"] if c.get("veto"))
        assert subtotal + veto_deducted == sum(c.get("points_deducted", 0) for c in entry["checks"])
        text = "\n".join(str(v) for r in rows for v in r if v)
        assert "评查人员（签名）" in text and "复核人员（签名）" in text
        assert ("【待人工复核】" in text) == entry["needs_manual_review"]


def test_reviewer_columns_and_dropdown(tmp_path, one_case):
    WRITERS["xlsx"](one_case, tmp_path)
    ws = load_workbook(tmp_path / "sheets" / "qs-2024-017.xlsx")[SHEET_NAME]
    rows = _rows(ws)
    i, _ = _find(rows, "复核结论")
    assert rows[i][COL["复核结论"] - 1 :] == ["复核结论", "复核说明", "复核人"]
    lists = [dv.formula1 for dv in ws.data_validations.dataValidation]
    assert '"符合,不符合,不适用,维持"' in lists
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4


def test_settled_items_come_prefilled(tmp_path, one_case):
    check = next(c for c in one_case["cases"][0]["checks"] if c["code"] == "E03")
    check.update(
        status="pass",
        settled_by="张伟",
        settled_at="2024-10-10T10:00:00+08:00",
        settled_note="笔录末页有核对确认",
        tool_status="manual",
    )
    WRITERS["xlsx"](one_case, tmp_path)
    ws = load_workbook(tmp_path / "sheets" / "qs-2024-017.xlsx")[SHEET_NAME]
    row = next(r for r in _rows(ws) if r[0] == "E03")
    assert row[COL["复核结论"] - 1 :] == ["符合", "笔录末页有核对确认", "张伟"]
    assert row[COL["理由及证据"] - 1].startswith("【人工复核：张伟")
