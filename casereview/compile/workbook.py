"""``compile.xlsx``: the bureau's summary workbook.

Sheets: 汇总 (scope and totals, the rubrics and their grade bands, comparison
with the previous period), 单位排名 (per department), 问题统计 (failed codes by
the requirements' categories, veto items first), 覆盖情况 (self-review coverage
per quarter, county reviews per half-year), and one 整改台账 per department:
each failed item of each file with 整改要求 filled in and 整改期限 / 整改状态
left empty for the department.

The grade columns are the grades of the rubrics used. Every figure is stored
as a number (shares as fractions shown as percentages, ``0.0%``); a figure
that does not exist (no previous period) is an empty cell, never text.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from casereview.compile.coverage import Coverage
from casereview.compile.stats import Compilation, DepartmentStats
from casereview.report import write_atomic
from casereview.report.safe import guard_sheet, safe_row
from casereview.report.sheet import period_label, suggestion

HEAD_FONT = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="DDE5F0")
WRAP = Alignment(wrap_text=True, vertical="top")
LEDGER_COLUMNS = [("案卷", 28), ("问题", 50), ("整改要求", 50), ("整改期限", 14), ("整改状态", 14)]
PERCENT = "0.0%"
PASS_RATE = "合格率（合格及以上）"


_WITH_FORMAT = 3  # a summary row (label, value, number format) carries its format third
_WRAP_CHARS = 40  # a longer text value wraps in its cell


def _append(ws, row: list) -> None:
    """A row with its text cleaned (department and party names come from case files: never a formula)."""
    ws.append(safe_row(row))


def share_name(grade: str) -> str:
    """The column of the share of files graded exactly ``grade`` (合格等次占比, not to be read as 合格率)."""
    return f"{grade}等次占比"


def _header(ws, names: list[str], widths: list[int] | None = None) -> None:
    _append(ws, names)
    for i, cell in enumerate(ws[ws.max_row], start=1):
        cell.font, cell.fill = HEAD_FONT, HEAD_FILL
        if widths:
            ws.column_dimensions[get_column_letter(i)].width = widths[i - 1]
    ws.freeze_panes = f"A{ws.max_row + 1}"


def _mean(d: DepartmentStats | None) -> float | None:
    return d.mean if d is not None else None


def _formats(ws, row: int, formats: dict[int, str]) -> None:
    for col, fmt in formats.items():
        ws.cell(row=row, column=col).number_format = fmt


def _summary_sheet(ws, comp: Compilation) -> None:
    ws.title = "汇总"
    t = comp.total
    _append(ws, [f"行政执法案卷评查汇总（{period_label(str(comp.period))}）"])
    ws["A1"].font = Font(bold=True, size=14)
    rows: list[tuple] = [
        ("评查期间", str(comp.period)),
        ("被评查单位数", len(comp.departments)),
        ("评查案卷数", t.files),
        ("平均分", _mean(t)),
    ]
    rows += [("评查标准", "；".join(u.describe() for u in comp.rubrics))]
    rows += [(f"{g}（卷）", t.grades[g]) for g in comp.grades]
    rows += [(share_name(g), t.rate(g), PERCENT) for g in comp.grades]
    rows.append((PASS_RATE, t.pass_rate, PERCENT))
    if t.previous is not None:
        rows += [
            (f"上期（{comp.previous_period}）案卷数", t.previous.files),
            ("上期平均分", _mean(t.previous)),
            (f"上期{PASS_RATE}", t.previous.pass_rate, PERCENT),
        ]
    else:
        rows.append(("上期", f"结果库中没有 {comp.previous_period} 的评查结果"))
    rows += [("说明", note) for note in comp.notes]
    for row in rows:
        _append(ws, list(row[:2]))
        if len(row) >= _WITH_FORMAT:
            _formats(ws, ws.max_row, {2: row[2]})
        if isinstance(row[1], str) and len(row[1]) > _WRAP_CHARS:
            ws.cell(row=ws.max_row, column=2).alignment = WRAP
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 26, 60


def _ranking_sheet(ws, comp: Compilation) -> None:
    grades = comp.grades
    names = (
        ["排名", "单位", "案卷数", "平均分"]
        + [f"{g}（卷）" for g in grades]
        + [share_name(g) for g in grades]
        + [PASS_RATE, "上期案卷数", "上期平均分", "平均分增减"]
    )
    _header(ws, names, [6, 30, 8, 8] + [9] * len(grades) + [12] * len(grades) + [12, 10, 10, 10])
    n = len(grades)
    formats = {5 + n + i: PERCENT for i in range(n + 1)}  # the shares and the pass rate
    for d in comp.departments:
        prev = d.previous
        _append(
            ws,
            [d.rank, d.department, d.files, d.mean]
            + [d.grades[g] for g in grades]
            + [d.rate(g) for g in grades]
            + [d.pass_rate, prev.files if prev else None, prev.mean if prev else None, d.mean_delta],
        )
        _formats(ws, ws.max_row, formats)


def _problem_sheet(ws, comp: Compilation) -> None:
    _header(ws, ["类别", "代码", "问题", "否决项", "涉及案卷数", "占评查案卷比例"], [18, 8, 50, 8, 12, 14])
    for p in comp.problems:
        _append(ws, [p.group, p.code, p.title, "是" if p.veto else "否", p.files, p.share])
        _formats(ws, ws.max_row, {6: PERCENT})


def _coverage_sheet(ws, cov: Coverage) -> None:
    _header(
        ws, ["单位", "第一季度", "第二季度", "第三季度", "第四季度", "缺少的季度"], [30, 10, 10, 10, 10, 24]
    )
    mark = {True: "已评查", False: "缺", None: "未到期"}
    for row in cov.rows:
        _append(
            ws,
            [row.department]
            + [mark[row.quarters[q]] for q in range(1, 5)]
            + ["、".join(f"第{'一二三四'[q - 1]}季度" for q in row.missing) or "无"],
        )
    _append(ws, [])
    _append(
        ws,
        [
            f"县级评查（要求每年至少 2 次）：上半年 {len(cov.county[1])} 次，下半年 {len(cov.county[2])} 次，"
            f"截至本期应至少 {cov.county_due} 次，实际 {cov.county_total} 次"
        ],
    )
    for half in (1, 2):
        for item in cov.county[half]:
            _append(ws, [f"{'上下'[half - 1]}半年", item])


def _sheet_name(department: str, used: set[str]) -> str:
    base = "整改台账-" + re.sub(r"[\[\]:*?/\\\x00-\x1f\x7f]", "", department)
    name, n = base[:31], 2
    while name in used:
        suffix = f"({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name)
    return name


def _ledger_sheet(ws, comp: Compilation, department: str) -> None:
    _header(ws, [c for c, _ in LEDGER_COLUMNS], [w for _, w in LEDGER_COLUMNS])
    row = 1  # ws.max_row scans every cell: count rows here instead
    for case in comp.department_cases(department):
        label = f"{case['case_number'] or case['case_id']}（{case['case_id']}）"
        for f in comp.failed_items.get(case["id"], []):
            problem = f"{f['code']} {comp.title(f['code'])}" + (f"：{f['message']}" if f["message"] else "")
            _append(ws, [label, problem, suggestion(f["code"]), None, None])
            row += 1
            for col in (1, 2, 3):
                ws.cell(row=row, column=col).alignment = WRAP


def render_workbook(comp: Compilation, cov: Coverage) -> bytes:
    wb = Workbook()
    _summary_sheet(wb.active, comp)
    _ranking_sheet(wb.create_sheet("单位排名"), comp)
    _problem_sheet(wb.create_sheet("问题统计"), comp)
    _coverage_sheet(wb.create_sheet("覆盖情况"), cov)
    used: set[str] = set(wb.sheetnames)
    for d in sorted(comp.departments, key=lambda d: d.department):
        _ledger_sheet(wb.create_sheet(_sheet_name(d.department, used)), comp, d.department)
    for ws in wb.worksheets:
        guard_sheet(ws)  # text that reads as a formula stays text
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_workbook(comp: Compilation, cov: Coverage, out_dir: Path) -> Path:
    path = Path(out_dir) / "compile.xlsx"
    write_atomic(path, render_workbook(comp, cov))
    return path
