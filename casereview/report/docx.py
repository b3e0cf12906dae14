"""The scoring sheet as a print-ready A4 .docx (``DIR/sheets/CASE_ID.docx``).

Chinese fonts are set on ``w:eastAsia`` (python-docx's ``font.name`` only sets
the Latin slots, and Word/LibreOffice then fall back to a Latin face for
Chinese text): 宋体 for the table, 仿宋 for prose, 黑体 for headings. The
page is A4 (python-docx defaults to Letter), the items table repeats its header
row on every page and its rows do not split across pages, and the footer
numbers the pages (第 X 页 共 Y 页).
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from casereview.report import Skipped, failures_message
from casereview.report.docxkit import (
    FANG,
    HEI,
    SONG,
    add_paragraph,
    add_run,
    add_table,
    cell,
    p,
    page_number_footer,
    rpr,
    set_fonts,
    tbl,
    tc,
    tr,
)
from casereview.report.safe import clean_line, clean_name
from casereview.report.sheet import PENDING_MARK, ScoreSheet, num, write_each_sheet

log = logging.getLogger(__name__)

RED = RGBColor(0xC0, 0x00, 0x00)
RED_HEX = "C00000"
SHEET_TITLE_SHORT = "评查评分表"
GREY = RGBColor(0x40, 0x40, 0x40)
# The items table fills the 16.6 cm text width of A4 with 2.2 cm margins.
ITEM_COLS = [
    ("序号", 1.1),
    ("代码", 1.3),
    ("评查项目", 3.6),
    ("分值", 1.3),
    ("扣分", 1.3),
    ("评查结果", 2.2),
    ("理由及证据", 5.8),
]
HEAD_COLS = [2.4, 5.9, 2.4, 5.9]
TOTAL_COLS = [("基础分", 2.6), ("扣分合计", 2.6), ("否决项", 3.6), ("总分", 2.6), ("等次", 5.2)]


def _setup(doc, sheet: ScoreSheet) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.0)
    section.left_margin, section.right_margin = Cm(2.2), Cm(2.2)
    section.header_distance, section.footer_distance = Cm(1.2), Cm(1.0)
    # The template declares East Asian text as en-US: LibreOffice then picks the Japanese glyph forms of the
    # CJK face. Declare Simplified Chinese.
    for lang in doc.styles.element.iter(qn("w:lang")):
        lang.set(qn("w:eastAsia"), "zh-CN")
    normal = doc.styles["Normal"]
    set_fonts(normal.element, FANG)
    normal.font.size = Pt(12)
    page_number_footer(section)
    # A running header, so a page that comes loose still says which file it belongs to.
    head = section.header.paragraphs[0]
    head.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    add_run(head, f"{SHEET_TITLE_SHORT}　{sheet.case_number}　案卷编号 {sheet.case_id}", SONG, 9, color=GREY)


def _item_row(n: int, r, points_text: str) -> str:
    widths = [w for _, w in ITEM_COLS]
    result = r.result + ("\n（已复核）" if r.settled is not None else "")
    reason_paras = []
    for line in r.reason.split("\n") if r.reason else []:
        if line.startswith("证据："):
            props = rpr(SONG, 8.5, color="404040")
        else:
            props = rpr(SONG, 9.5, bold=line.startswith("【人工复核"))
        reason_paras.append(p([(props, line)], "left"))
    return tr(
        [
            cell(widths[0], str(n)),
            cell(widths[1], r.code),
            cell(widths[2], r.title, align="left"),
            cell(widths[3], points_text),
            cell(widths[4], num(r.deducted) if r.deducted else ""),
            cell(
                widths[5],
                result,
                bold=r.status in ("fail", "manual"),
                color=RED_HEX if r.status == "fail" else None,
            ),
            tc(widths[6], "".join(reason_paras)),
        ]
    )


def _span_row(
    text: str, fill: str | None = None, bold: bool = True, align: str = "left", east: str = SONG
) -> str:
    total = sum(w for _, w in ITEM_COLS)
    return tr([cell(total, text, 10.5, bold, align, east=east, span=len(ITEM_COLS), fill=fill)])


def _items_table(sheet: ScoreSheet) -> str:
    widths = [w for _, w in ITEM_COLS]
    rows = [tr([cell(w, name, 10.5, True, east=HEI, fill="D9D9D9") for name, w in ITEM_COLS], header=True)]
    rows.append(_span_row("一、否决项（任一项不符合，案卷即为不合格）", "F2F2F2", east=HEI))
    n = 0
    for r in sheet.veto_rows:
        n += 1
        rows.append(_item_row(n, r, "否决" if sheet.veto_mode == "zero" else f"{num(r.points)}\n（否决）"))
    if not sheet.veto_rows:
        rows.append(_span_row("（本评查标准未设否决项）", bold=False, align="center"))
    rows.append(_span_row("二、评分项", "F2F2F2", east=HEI))
    for cat in sheet.categories:
        rows.append(_span_row(f"{cat.name}（{cat.key}）"))
        for r in cat.rows:
            n += 1
            rows.append(_item_row(n, r, num(r.points)))
        rows.append(
            tr(
                [
                    cell(sum(widths[:3]), f"{cat.name} 小计", 10, True, "right", span=3),
                    cell(widths[3], num(cat.points), 10, True),
                    cell(widths[4], num(cat.deducted), 10, True),
                    cell(sum(widths[5:]), "", span=2),
                ]
            )
        )
    return tbl(widths, rows)


def _header_table(sheet: ScoreSheet) -> str:
    rows = []
    pairs = sheet.header
    for k in range(0, len(pairs), 2):
        cells = []
        for j, (label, value) in enumerate(pairs[k : k + 2]):
            cells.append(cell(HEAD_COLS[2 * j], label, 10.5, True, fill="E7E6E6"))
            cells.append(cell(HEAD_COLS[2 * j + 1], value, 10.5, align="left"))
        rows.append(tr(cells))
    return tbl(HEAD_COLS, rows)


def _totals_table(sheet: ScoreSheet) -> str:
    widths = [w for _, w in TOTAL_COLS]
    values = [num(sheet.start), num(sheet.deducted), sheet.veto_text, sheet.score_text, sheet.grade_text]
    head = tr([cell(w, label, 10.5, True, east=HEI, fill="D9D9D9", keep=True) for label, w in TOTAL_COLS])
    vals = tr(
        [
            cell(w, v, 12, True, color=RED_HEX if (label == "否决项" and sheet.veto_codes) else None)
            for (label, w), v in zip(TOTAL_COLS, values, strict=True)
        ]
    )
    return tbl(widths, [head, vals])


def _opinion_table() -> str:
    """评查意见: a labelled box the reviewers write in."""
    total = sum(HEAD_COLS)
    row = (
        '<w:tr><w:trPr><w:cantSplit w:val="true"/><w:trHeight w:val="1700" w:hRule="atLeast"/></w:trPr>'
        + cell(HEAD_COLS[0], "评查意见", 10.5, True, fill="E7E6E6", keep=True)
        + cell(total - HEAD_COLS[0], "", align="left", keep=True)
        + "</w:tr>"
    )
    return tbl([HEAD_COLS[0], total - HEAD_COLS[0]], [row])


def render_docx(sheet: ScoreSheet) -> bytes:
    """The .docx bytes of one scoring sheet."""
    doc = Document()
    _setup(doc, sheet)

    if sheet.pending:
        add_paragraph(doc, f"【{PENDING_MARK}】", HEI, 12, True, WD_ALIGN_PARAGRAPH.RIGHT, RED)
    add_paragraph(
        doc, sheet.title, SONG, 20, True, WD_ALIGN_PARAGRAPH.CENTER, before=0 if sheet.pending else 6, after=4
    )
    add_paragraph(
        doc,
        f"评查标准：{sheet.rubric_title}（{sheet.rubric_id} 第{sheet.rubric_version}版）",
        FANG,
        11,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        after=8,
    )
    add_table(doc, _header_table(sheet))
    add_paragraph(doc, "", size=6)
    add_table(doc, _items_table(sheet))

    add_paragraph(doc, "三、得分与等次", HEI, 12, True, before=10, after=4, keep_with_next=True)
    add_table(doc, _totals_table(sheet))
    notes = [sheet.score_note] if sheet.score_note else []
    if sheet.pending:
        notes.append(
            f"尚有 {len(sheet.manual_codes)} 项待人工核查（{'、'.join(sheet.manual_codes)}），等次为暂定，"
            "须评查人员复核后确定。"
        )
    if sheet.settled:
        notes.append(
            f"已有 {len(sheet.settled)} 项经人工复核（{'、'.join(r.code for r in sheet.settled)}），"
            "得分按复核结论计算。"
        )
    if sheet.errors:
        notes.append("未能读取的文件：" + "；".join(sheet.errors))
    for note in notes:
        add_paragraph(doc, "注：" + note, FANG, 10.5, before=2)

    add_paragraph(doc, "四、整改建议", HEI, 12, True, before=10, after=4, keep_with_next=True)
    if sheet.rectifications:
        for i, r in enumerate(sheet.rectifications, start=1):
            par = add_paragraph(doc, "", after=2)
            par.paragraph_format.first_line_indent = Pt(24)
            add_run(par, f"{i}．{r.code} {r.title}：", FANG, 12, True)
            add_run(par, r.suggestion, FANG, 12)
    else:
        add_paragraph(
            doc, "本案卷未发现不符合评查标准的问题，无需整改。", FANG, 12
        ).paragraph_format.first_line_indent = Pt(24)

    add_paragraph(doc, "五、评查意见", HEI, 12, True, before=10, after=4, keep_with_next=True)
    add_table(doc, _opinion_table())
    add_paragraph(
        doc,
        "评查人员（签名）：________________　　评查日期：______年____月____日",
        FANG,
        12,
        before=20,
        after=14,
        keep_with_next=True,
    )
    add_paragraph(
        doc, "复核人员（签名）：________________　　复核日期：______年____月____日", FANG, 12, after=12
    )
    if sheet.generated_at:
        add_paragraph(
            doc,
            f"本表由 casereview 依据评查结果生成（{sheet.generated_at[:10]}，案卷编号 {sheet.case_id}），"
            "经评查人员核对签名后有效。",
            FANG,
            9,
            color=GREY,
            before=6,
        )

    doc.core_properties.title = clean_line(f"{sheet.title} {sheet.case_id}")[:255]
    doc.core_properties.identifier = clean_name(sheet.case_id)[:255]
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def write_docx(results: dict, out_dir: Path) -> list[Path]:
    """One print-ready .docx scoring sheet per case under ``DIR/sheets/``; a case that fails is named, not fatal."""
    written, failures = write_each_sheet(results, out_dir, "docx", render_docx)
    if failures:
        raise Skipped(failures_message("评分表（.docx）", failures), written, [c for c, _ in failures])
    return written
