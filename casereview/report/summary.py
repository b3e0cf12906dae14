"""The batch summary: a row per case, the problem table, per-unit statistics, charts.

``batch_summary(results)`` computes the figures once (the model); the
workbook writer here (``DIR/summary.xlsx``) and ``report.html`` lay them out.
Rates are shares of the files that received a grade; a file that could not be
processed at all is counted as reviewed but not graded.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from casereview.report import write_atomic
from casereview.report.safe import clean_line, clean_name, guard_cell, set_text, unique_stems
from casereview.report.sheet import (
    MISSING,
    categories,
    item_category,
    item_title,
    period_label,
)
from casereview.rubric.snapshot import rubric_info

UNKNOWN_UNIT = "（未识别单位）"
TOP_PROBLEMS = 10


_CENTRED_CHARS = 8  # text up to this long is centred in its cell, longer text left-aligned


@dataclass(slots=True)
class CaseLine:
    case_id: str
    unit: str
    case_number: str
    party: str
    score: float | None
    grade: str | None
    veto_codes: list[str]
    failed_codes: list[str]
    manual_codes: list[str]
    settled_codes: list[str]
    stem: str = ""  # file name stem of the case's sheets (unique in the batch)

    @property
    def pending(self) -> bool:
        return bool(self.manual_codes)


@dataclass(slots=True)
class Problem:
    code: str
    title: str
    category: str
    veto: bool
    files: int  # files where the item is 不符合
    share: float  # of the graded files
    manual_files: int  # files where it waits for a reviewer


@dataclass(slots=True)
class UnitStats:
    unit: str
    files: int = 0
    graded: int = 0
    total_score: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)
    pending: int = 0
    veto_files: int = 0

    @property
    def ungraded(self) -> int:
        return self.files - self.graded

    @property
    def mean(self) -> float | None:
        return round(self.total_score / self.graded, 2) if self.graded else None

    def rate(self, grade: str) -> float | None:
        return self.counts.get(grade, 0) / self.graded if self.graded else None


@dataclass(slots=True)
class BatchSummary:
    period: str
    rubric_id: str
    rubric_version: str
    rubric_title: str
    generated_at: str
    grades: list[str]  # the rubric's grade names, best first
    cases: list[CaseLine]
    problems: list[Problem]  # every code failed in at least one file, most frequent first
    units: list[UnitStats]
    total: UnitStats

    @property
    def top_problems(self) -> list[Problem]:
        return [p for p in self.problems if p.files][:TOP_PROBLEMS]


def _add(stats: UnitStats, line: CaseLine) -> None:
    stats.files += 1
    if line.grade is not None and line.score is not None:
        stats.graded += 1
        stats.total_score += line.score
        stats.counts[line.grade] = stats.counts.get(line.grade, 0) + 1
    if line.pending:
        stats.pending += 1
    if line.veto_codes:
        stats.veto_files += 1


def batch_summary(results: dict) -> BatchSummary:
    """Every figure of summary.xlsx and report.html, computed from the results."""
    rubric = rubric_info(results)
    grades = [g for g, _ in rubric.grades]
    lines: list[CaseLine] = []
    failed: dict[str, int] = {}
    manual: dict[str, int] = {}
    order: dict[str, int] = {}
    entries = results.get("cases") or []
    for entry, stem in zip(entries, unique_stems(entries), strict=True):
        checks = entry.get("checks") or []
        for i, c in enumerate(checks):
            order.setdefault(c["code"], i)
        fails = [c["code"] for c in checks if c.get("status") == "fail"]
        manuals = [c["code"] for c in checks if c.get("status") == "manual"]
        for code in fails:
            failed[code] = failed.get(code, 0) + 1
        for code in manuals:
            manual[code] = manual.get(code, 0) + 1
        lines.append(
            CaseLine(
                case_id=clean_name(entry.get("case_id")),
                unit=clean_line(entry.get("department")) or UNKNOWN_UNIT,
                case_number=clean_line(entry.get("case_number")) or MISSING,
                party=clean_line(entry.get("party")) or MISSING,
                score=entry.get("score"),
                grade=clean_line(entry["grade"]) if entry.get("grade") is not None else None,
                veto_codes=[clean_line(c) for c in entry.get("veto_codes") or []],
                failed_codes=[clean_line(c) for c in fails],
                manual_codes=[clean_line(c) for c in manuals],
                settled_codes=[clean_line(c["code"]) for c in checks if c.get("settled_by")],
                stem=stem,
            )
        )
    by_unit: dict[str, UnitStats] = {}
    total = UnitStats("合计")
    for line in lines:
        _add(by_unit.setdefault(line.unit, UnitStats(line.unit)), line)
        _add(total, line)
    graded = total.graded
    problems = [
        Problem(
            clean_line(code),
            clean_line(item_title(code, rubric)),
            item_category(code),
            bool(rubric.items.get(code).veto) if rubric.items.get(code) else False,
            failed.get(code, 0),
            failed.get(code, 0) / graded if graded else 0.0,
            manual.get(code, 0),
        )
        for code in set(failed) | set(manual)
    ]
    problems.sort(key=lambda p: (-p.files, -p.manual_files, order.get(p.code, 0), p.code))
    units = sorted(by_unit.values(), key=lambda u: (u.unit == UNKNOWN_UNIT, u.unit))
    return BatchSummary(
        period=clean_line(results.get("period") or ""),
        rubric_id=clean_line(rubric.id),
        rubric_version=clean_line(rubric.version),
        rubric_title=clean_line(rubric.title),
        generated_at=clean_line(results.get("generated_at", "")),
        grades=grades,
        cases=lines,
        problems=problems,
        units=units,
        total=total,
    )


def pct(x: float | None) -> str:
    return "" if x is None else f"{x * 100:.1f}%"


# -- summary.xlsx ----------------------------------------------------------------------------------


def render_summary(summary: BatchSummary) -> bytes:
    """The summary workbook: 案卷一览, 问题统计, 单位统计, 等次分布 (with charts)."""
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, PieChart, Reference
    from openpyxl.chart.label import DataLabelList
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_font, base_font = Font(name="宋体", size=10.5, bold=True), Font(name="宋体", size=10.5)
    title_font = Font(name="黑体", size=16, bold=True)
    head_fill = PatternFill("solid", fgColor="D9D9D9")
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(vertical="center", wrap_text=True)

    def labels(value: bool = False, percent: bool = False) -> DataLabelList:
        # Every flag explicit: LibreOffice reads a missing one as "show" (series and category names too).
        return DataLabelList(
            showVal=value,
            showPercent=percent,
            showSerName=False,
            showCatName=False,
            showLegendKey=False,
            showLeaderLines=False,
        )

    wb = Workbook()
    period = period_label(summary.period)
    subtitle = "　".join(
        x
        for x in (
            f"评查期间：{period}" if period else "",
            f"评查标准：{summary.rubric_title}（{summary.rubric_id} 第{summary.rubric_version}版）",
            f"生成时间：{summary.generated_at}" if summary.generated_at else "",
        )
        if x
    )

    def table(ws, title: str, headers: list[tuple[str, int]], rows: list[list], pct_cols=(), num_cols=()):
        ws.cell(row=1, column=1, value=title).font = title_font
        ws.cell(row=2, column=1, value=subtitle).font = Font(name="宋体", size=9, color="595959")
        for j, (name, width) in enumerate(headers, start=1):
            c = ws.cell(row=4, column=j, value=name)
            c.font, c.fill, c.alignment, c.border = head_font, head_fill, center, border
            ws.column_dimensions[get_column_letter(j)].width = width
        for i, values in enumerate(rows, start=5):
            for j, v in enumerate(values, start=1):
                c = ws.cell(row=i, column=j)
                # text cleaned and capped; a value starting with = stays text (guard_cell below)
                set_text(c, v)
                c.font, c.border = base_font, border
                c.alignment = left if isinstance(v, str) and len(v) > _CENTRED_CHARS else center
                if j in pct_cols and isinstance(v, float):
                    c.number_format = "0.0%"
                elif j in num_cols and isinstance(v, float):
                    c.number_format = "0.##"
                guard_cell(c)
        ws.freeze_panes = "A5"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_title_rows = "4:4"
        return 5, 4 + len(rows)

    # 案卷一览
    ws = wb.active
    ws.title = "案卷一览"
    rows = [
        [
            i,
            c.unit,
            c.case_id,
            c.case_number,
            c.party,
            c.score,
            c.grade or "无法评分",
            "、".join(c.veto_codes),
            "、".join(c.failed_codes),
            "、".join(c.manual_codes),
            "、".join(c.settled_codes),
        ]
        for i, c in enumerate(summary.cases, start=1)
    ]
    table(
        ws,
        "评查案卷一览",
        [
            ("序号", 6),
            ("被评查单位", 24),
            ("案卷编号", 20),
            ("案号", 24),
            ("当事人", 24),
            ("得分", 8),
            ("等次", 10),
            ("否决项", 12),
            ("不符合项", 28),
            ("待人工核查项", 18),
            ("人工复核项", 14),
        ],
        rows,
        num_cols=(6,),
    )

    # 问题统计
    ws = wb.create_sheet("问题统计")
    cats = categories()
    rows = [
        [
            p.code,
            cats.get(p.category, p.category),
            p.title,
            "是" if p.veto else "否",
            p.files,
            p.share,
            p.manual_files,
        ]
        for p in summary.problems
    ]
    first, last = table(
        ws,
        "问题统计（按涉及案卷数排序）",
        [
            ("代码", 8),
            ("类别", 16),
            ("评查项目", 32),
            ("否决项", 8),
            ("涉及案卷数", 12),
            ("占已评分案卷比例", 16),
            ("待人工核查卷数", 14),
        ],
        rows,
        pct_cols=(6,),
    )
    top = summary.top_problems
    if top:
        chart = BarChart()
        chart.type = "bar"
        chart.title = f"最常见问题（前 {len(top)} 项）"
        chart.y_axis.title = "涉及案卷数"
        chart.legend = None
        data = Reference(ws, min_col=5, min_row=4, max_row=4 + len(top))
        cats_ref = Reference(ws, min_col=1, min_row=5, max_row=4 + len(top))
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(cats_ref)
        chart.y_axis.majorGridlines = None
        chart.x_axis.scaling.orientation = "maxMin"  # most frequent on top
        chart.dataLabels = labels(value=True)
        chart.height, chart.width = 9, 16
        ws.add_chart(chart, "I4")

    # 单位统计
    ws = wb.create_sheet("单位统计")
    headers = [("被评查单位", 26), ("评查案卷数", 10), ("已评分", 8), ("平均分", 8)]
    for g in summary.grades:
        headers += [(f"{g}数", 8), (f"{g}率", 8)]
    headers += [("有否决项", 9), ("待人工复核", 10), ("无法评分", 9)]
    rate_cols = tuple(5 + 2 * k + 1 for k in range(len(summary.grades)))
    rows = []
    for u in [*summary.units, summary.total]:
        row = [u.unit, u.files, u.graded, u.mean]
        for g in summary.grades:
            row += [u.counts.get(g, 0), u.rate(g)]
        row += [u.veto_files, u.pending, u.ungraded]
        rows.append(row)
    table(ws, "各单位评查结果统计", headers, rows, pct_cols=rate_cols, num_cols=(4,))
    for j in range(1, len(headers) + 1):
        ws.cell(row=4 + len(rows), column=j).font = head_font

    # 等次分布
    ws = wb.create_sheet("等次分布")
    total = summary.total
    rows = [[g, total.counts.get(g, 0), total.rate(g)] for g in summary.grades]
    if total.ungraded:
        rows.append(["无法评分", total.ungraded, None])
    first, last = table(
        ws, "等次分布", [("等次", 12), ("案卷数", 10), ("占已评分案卷比例", 18)], rows, pct_cols=(3,)
    )
    if summary.cases:
        chart = BarChart()
        chart.title = "等次分布"
        chart.y_axis.title = "案卷数"
        chart.legend = None
        n = len(summary.grades)
        chart.add_data(Reference(ws, min_col=2, min_row=4, max_row=4 + n), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=5, max_row=4 + n))
        chart.dataLabels = labels(value=True)
        chart.height, chart.width = 8, 12
        ws.add_chart(chart, "E4")
        pie = PieChart()
        pie.title = "等次占比"
        pie.add_data(Reference(ws, min_col=2, min_row=4, max_row=4 + n), titles_from_data=True)
        pie.set_categories(Reference(ws, min_col=1, min_row=5, max_row=4 + n))
        pie.dataLabels = labels(percent=True)
        pie.height, pie.width = 8, 12
        ws.add_chart(pie, "M4")

    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_summary(results: dict, out_dir: Path) -> list[Path]:
    """``DIR/summary.xlsx``."""
    path = out_dir / "summary.xlsx"
    write_atomic(path, render_summary(batch_summary(results)))
    return [path]


__all__ = [
    "BatchSummary",
    "CaseLine",
    "Problem",
    "UnitStats",
    "batch_summary",
    "pct",
    "render_summary",
    "write_summary",
]
