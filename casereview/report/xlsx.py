"""The scoring sheet as .xlsx: the reviewers' working copy (``DIR/sheets/CASE_ID.xlsx``).

Each item row ends with three columns the reviewers fill in — 复核结论 (符合 /
不符合 / 不适用 / 维持), 复核说明 and 复核人 — which ``casereview apply`` reads
back (``read_reviewer_rows``). Items a person already settled come pre-filled,
so a sheet written again after ``apply`` still shows every decision.
"""

from __future__ import annotations

import io
import json
import logging
from copy import copy
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.datavalidation import DataValidation

from casereview.report import Skipped, failures_message, write_atomic
from casereview.report.safe import cell_text, clean_line, clean_name, guard_cell
from casereview.report.sheet import PENDING_MARK, ScoreSheet, write_each_sheet

log = logging.getLogger(__name__)

SHEET_NAME = "评分表"
DECISION_VALUES = ("符合", "不符合", "不适用", "维持")
COLUMNS = [  # (header, width)
    ("代码", 6),
    ("评查项目", 24),
    ("分值", 6),
    ("扣分", 6),
    ("评查结果", 10),
    ("理由及证据", 50),
    ("整改建议", 36),
    ("复核结论", 10),
    ("复核说明", 26),
    ("复核人", 10),
]
COL = {name: i + 1 for i, (name, _) in enumerate(COLUMNS)}
REVIEW_HEADERS = ("复核结论", "复核说明", "复核人")
NCOL = len(COLUMNS)

_thin = Side(style="thin", color="000000")
BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
WRAP = Alignment(wrap_text=True, vertical="center")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center")
F_BASE = Font(name="宋体", size=10.5)
F_BOLD = Font(name="宋体", size=10.5, bold=True)
F_TITLE = Font(name="黑体", size=18, bold=True)
F_SECTION = Font(name="黑体", size=12, bold=True)
F_PENDING = Font(name="黑体", size=12, bold=True, color="C00000")
F_FAIL = Font(name="宋体", size=10.5, bold=True, color="C00000")
F_NOTE = Font(name="宋体", size=9, color="595959")
FILL_HEAD = PatternFill("solid", fgColor="D9D9D9")
FILL_CAT = PatternFill("solid", fgColor="F2F2F2")
FILL_REVIEW = PatternFill("solid", fgColor="FFF2CC")
FILL_SETTLED = PatternFill("solid", fgColor="E2EFDA")


class _Styles:
    """Style arrays computed once per (font, alignment, border, fill).

    openpyxl hashes every style object on each assignment; copying a ready
    style array is what keeps a sheet well under 0.1 s.
    """

    def __init__(self, wb) -> None:
        self.wb = wb
        self.cache: dict[tuple, object] = {}

    def apply(self, cell, font, align, border, fill) -> None:
        key = (id(font), id(align), border, id(fill))
        arr = self.cache.get(key)
        if arr is None:
            cell.font = font
            cell.alignment = align
            if border:
                cell.border = BORDER
            if fill is not None:
                cell.fill = fill
            self.cache[key] = copy(cell._style)
        else:
            cell._style = copy(arr)


def _cell(ws, row: int, col: int, value=None, font=F_BASE, align=WRAP, border=True, fill=None):
    """A styled cell; text is cleaned and stored as text (never a formula: ``safe.guard_cell``)."""
    c = ws.cell(row=row, column=col, value=cell_text(value) if isinstance(value, str) else value)
    ws._casereview_styles.apply(c, font, align, border, fill)
    guard_cell(c)
    return c


def _merged(
    ws, row: int, c1: int, c2: int, value, font=F_BASE, align=WRAP, border=True, fill=None, full=False
):
    """A merged cell over columns c1..c2 of one row.

    Only the cells that draw something are created (each costs time when
    saved): the first; the last too when bordered (its right edge); every
    covered cell when ``full`` (top and bottom edges not drawn by a bordered
    neighbour row).
    """
    if not border:
        cols = [c1]
    elif full:
        cols = list(range(c1, c2 + 1))
    else:
        cols = [c1, c2] if c2 > c1 else [c1]
    for col in cols:
        _cell(ws, row, col, value if col == c1 else None, font, align, border, fill)
    if c2 > c1:
        # The plain range: ws.merge_cells() would restyle every covered cell again (slow); they are styled already.
        ws.merged_cells.ranges.add(CellRange(min_col=c1, min_row=row, max_col=c2, max_row=row))


def _n(x: float | None):
    """A number for a cell: 3.0 -> 3, 2.5 -> 2.5 (numbers stay numbers so reviewers can add them up)."""
    if x is None:
        return None
    return int(x) if float(x).is_integer() else float(x)


def _lines(text: str) -> int:
    return max(1, text.count("\n") + 1)


def _table_header(ws, row: int) -> None:
    for i, (name, _) in enumerate(COLUMNS, start=1):
        _cell(ws, row, i, name, F_BOLD, CENTER, fill=FILL_REVIEW if name in REVIEW_HEADERS else FILL_HEAD)


def _item_row(ws, row: int, r, show_points: bool) -> None:
    settled = r.settled
    fill = FILL_SETTLED if settled is not None else None
    values = [
        r.code,
        r.title,
        _n(r.points) if show_points else "—",
        _n(r.deducted) if r.deducted else None,
        r.result,
        r.reason,
        r.suggestion,
    ]
    centered = (COL["代码"], COL["分值"], COL["扣分"], COL["评查结果"])
    for i, v in enumerate(values, start=1):
        font = F_FAIL if (i == COL["评查结果"] and r.status == "fail") else F_BASE
        align = CENTER if i in centered else WRAP
        _cell(ws, row, i, v, font, align, fill=fill)
    review = [r.result, settled.note or None, settled.reviewer] if settled is not None else [None, None, None]
    for j, v in enumerate(review):
        _cell(ws, row, COL["复核结论"] + j, v, F_BASE, CENTER if j != 1 else WRAP, fill=FILL_REVIEW)
    height = max(
        _lines(r.reason), len(r.reason) // 30 + 1, len(r.suggestion) // 20 + 1, len(r.title) // 14 + 1
    )
    ws.row_dimensions[row].height = min(409, 15 * height)


def render_xlsx(sheet: ScoreSheet) -> bytes:
    """The .xlsx bytes of one scoring sheet."""
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_NAME
    ws._casereview_styles = _Styles(wb)
    for i, (_, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width

    _merged(ws, 1, 1, NCOL, sheet.title, F_TITLE, CENTER, border=False)
    ws.row_dimensions[1].height = 32
    sub = f"评查标准：{sheet.rubric_title}（{sheet.rubric_id} 第{sheet.rubric_version}版）"
    _merged(ws, 2, 1, COL["整改建议"], sub, F_NOTE, Alignment(horizontal="center"), border=False)
    if sheet.pending:
        _merged(ws, 2, COL["复核结论"], NCOL, f"【{PENDING_MARK}】", F_PENDING, CENTER, border=False)

    row = 3
    header = sheet.header
    for k in range(0, len(header), 2):
        (l1, v1), (l2, v2) = header[k], header[k + 1]
        _merged(ws, row, COL["代码"], COL["评查项目"], l1, F_BOLD, CENTER, fill=FILL_HEAD, full=True)
        _merged(ws, row, COL["分值"], COL["理由及证据"], v1, F_BASE, WRAP, full=True)
        _cell(ws, row, COL["整改建议"], l2, F_BOLD, CENTER, fill=FILL_HEAD)
        _merged(ws, row, COL["复核结论"], NCOL, v2, F_BASE, WRAP, full=True)
        ws.row_dimensions[row].height = 20
        row += 1

    row += 1
    _merged(
        ws,
        row,
        1,
        NCOL,
        "一、否决项（任一项不符合即为否决）",
        F_SECTION,
        Alignment(vertical="center"),
        border=False,
    )
    row += 1
    header_row = row
    _table_header(ws, row)
    row += 1
    first_item = row
    show_veto_points = sheet.veto_mode != "zero"
    for r in sheet.veto_rows:
        _item_row(ws, row, r, show_veto_points)
        row += 1
    if not sheet.veto_rows:
        _merged(ws, row, 1, NCOL, "（本评查标准未设否决项）", F_BASE, CENTER)
        row += 1

    row += 1
    _merged(ws, row, 1, NCOL, "二、评分项", F_SECTION, Alignment(vertical="center"), border=False)
    row += 1
    _table_header(ws, row)
    row += 1
    for cat in sheet.categories:
        _merged(
            ws, row, 1, NCOL, f"{cat.name}（{cat.key}）", F_BOLD, Alignment(vertical="center"), fill=FILL_CAT
        )
        row += 1
        for r in cat.rows:
            _item_row(ws, row, r, True)
            row += 1
        _merged(ws, row, 1, 2, f"{cat.name} 小计", F_BOLD, RIGHT, full=True)
        _cell(ws, row, COL["分值"], _n(cat.points), F_BOLD, CENTER)
        _cell(ws, row, COL["扣分"], _n(cat.deducted), F_BOLD, CENTER)
        _merged(ws, row, COL["评查结果"], NCOL, "", F_BASE, full=True)
        row += 1
    last_item = row - 1

    row += 1
    _merged(ws, row, 1, NCOL, "三、得分与等次", F_SECTION, Alignment(vertical="center"), border=False)
    row += 1
    totals = [
        ("基础分", _n(sheet.start)),
        ("扣分合计", _n(sheet.deducted)),
        ("否决项", sheet.veto_text),
        ("总分", _n(sheet.score) if sheet.score is not None else sheet.score_text),
        ("等次", sheet.grade_text),
    ]
    for label, value in totals:
        _merged(ws, row, 1, 2, label, F_BOLD, CENTER, fill=FILL_HEAD, full=True)
        _merged(
            ws,
            row,
            3,
            6,
            value,
            F_FAIL if label == "否决项" and sheet.veto_codes else F_BOLD,
            CENTER,
            full=True,
        )
        _merged(ws, row, 7, NCOL, sheet.score_note if label == "总分" else "", F_NOTE, WRAP, full=True)
        ws.row_dimensions[row].height = 20
        row += 1
    if sheet.pending:
        _merged(
            ws,
            row,
            1,
            NCOL,
            f"尚有 {len(sheet.manual_codes)} 项待人工核查（{'、'.join(sheet.manual_codes)}），"
            f"等次为暂定，须评查人员复核后确定。",
            F_PENDING,
            WRAP,
            border=False,
        )
        row += 1
    if sheet.errors:
        _merged(ws, row, 1, NCOL, "未能读取的文件：" + "；".join(sheet.errors), F_NOTE, WRAP, border=False)
        ws.row_dimensions[row].height = min(409, 15 * (len("".join(sheet.errors)) // 120 + 1))
        row += 1

    row += 1
    for text in (
        "评查人员（签名）：____________________    ____________________    日期：______年____月____日",
        "复核人员（签名）：____________________    日期：______年____月____日",
    ):
        _merged(ws, row, 1, NCOL, text, F_BASE, Alignment(vertical="center"), border=False)
        ws.row_dimensions[row].height = 28
        row += 1
    row += 1
    note = (
        "填写说明：在“复核结论”列填写 符合、不符合、不适用 或 维持（确认工具的判定）；推翻工具判定的须在“复核说明”列写明理由；"
        "“复核人”填写姓名。保存后运行 casereview apply 输出目录，重新计分并记录复核过程。"
    )
    _merged(ws, row, 1, NCOL, note, F_NOTE, WRAP, border=False)
    ws.row_dimensions[row].height = 30

    dv = DataValidation(
        type="list",
        formula1='"' + ",".join(DECISION_VALUES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="复核结论无效",
        error="请填写：" + "、".join(DECISION_VALUES),
    )
    col = get_column_letter(COL["复核结论"])
    dv.add(f"{col}{first_item}:{col}{last_item}")
    ws.add_data_validation(dv)

    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
    wb.properties.title = clean_line(f"{sheet.title} {sheet.case_id}")
    wb.properties.identifier = clean_name(sheet.case_id)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


MANIFEST = ".casereview-sheets.json"


def write_xlsx(results: dict, out_dir: Path) -> list[Path]:
    """One .xlsx scoring sheet per case under ``DIR/sheets/``.

    A manifest beside them records each sheet's size and modification time as
    written, so reading the reviewers' edits back (``apply``, or ``score`` into
    the same folder) opens only the sheets someone saved since.
    """
    written, failures = write_each_sheet(results, out_dir, "xlsx", render_xlsx)
    stamps: dict[str, list[int]] = {}
    for path in written:
        st = path.stat()
        stamps[path.name] = [st.st_size, st.st_mtime_ns]
    if written:
        write_atomic(out_dir / "sheets" / MANIFEST, json.dumps(stamps, ensure_ascii=False))
    if failures:
        raise Skipped(failures_message("评分表（.xlsx）", failures), written, [c for c, _ in failures])
    return written


def unchanged_since_written(path: Path) -> bool:
    """True when ``path`` is exactly as ``write_xlsx`` left it (so it holds no reviewer edit to read)."""
    try:
        stamps = json.loads((path.parent / MANIFEST).read_text("utf-8"))
        st = path.stat()
    except (OSError, ValueError):
        return False
    return stamps.get(path.name) == [st.st_size, st.st_mtime_ns]


# -- reading the reviewers' columns back -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReviewerRow:
    """One item row of an edited sheet, with the cell references for error messages."""

    code: str
    decision: object  # raw cell value of 复核结论 (validated by casereview.decisions)
    note: object
    reviewer: object
    code_cell: str
    decision_cell: str
    note_cell: str = ""
    reviewer_cell: str = ""


class SheetFormatError(ValueError):
    """The file is not a casereview scoring sheet (or was restructured beyond recognition)."""


def _at(texts: list, cols: dict[str, int], name: str):
    i = cols.get(name)
    return texts[i] if i is not None and i < len(texts) else ""


def read_reviewer_rows(path: Path) -> tuple[str | None, list[ReviewerRow]]:
    """(case id, item rows that have any reviewer column filled) of an edited .xlsx sheet."""
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # isolation point (logged or re-raised): a damaged or non-xlsx file: say which
        raise SheetFormatError(f"{path}: 无法打开（{type(exc).__name__}: {exc}）") from exc
    try:
        ws = wb[SHEET_NAME] if SHEET_NAME in wb.sheetnames else wb.worksheets[0]
        case_id = wb.properties.identifier if wb.properties else None
        cols: dict[str, int] | None = None
        rows: list[ReviewerRow] = []
        for r_idx, values in enumerate(ws.iter_rows(values_only=True), start=1):
            cells = [("" if v is None else v) for v in values]
            texts = [str(v).strip() if isinstance(v, str) else v for v in cells]
            if "代码" in texts and "复核结论" in texts:
                cols = {
                    name: texts.index(name)
                    for name in ("代码", "复核结论", "复核说明", "复核人")
                    if name in texts
                }
                continue
            if "案卷编号" in texts:
                i = texts.index("案卷编号")
                rest = [t for t in texts[i + 1 :] if t not in ("", None)]
                if rest:
                    case_id = str(rest[0]).strip()
            if cols is None or "代码" not in cols:
                continue
            code = texts[cols["代码"]] if cols["代码"] < len(texts) else ""
            if not isinstance(code, str) or not code:
                continue
            decision, note, reviewer = (_at(texts, cols, name) for name in ("复核结论", "复核说明", "复核人"))
            if all(v in ("", None) for v in (decision, note, reviewer)):
                continue
            rows.append(
                ReviewerRow(
                    code=code,
                    decision=decision,
                    note=note,
                    reviewer=reviewer,
                    code_cell=f"{get_column_letter(cols['代码'] + 1)}{r_idx}",
                    decision_cell=f"{get_column_letter(cols['复核结论'] + 1)}{r_idx}",
                    note_cell=f"{get_column_letter(cols['复核说明'] + 1)}{r_idx}"
                    if "复核说明" in cols
                    else "",
                    reviewer_cell=f"{get_column_letter(cols['复核人'] + 1)}{r_idx}"
                    if "复核人" in cols
                    else "",
                )
            )
        if cols is None:
            raise SheetFormatError(f"{path}: 不是 casereview 评分表（找不到“代码”和“复核结论”表头）")
        return case_id, rows
    finally:
        wb.close()
