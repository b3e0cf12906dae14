"""Building blocks of the Word documents casereview writes: the scoring sheet and compile's bulletin.

Chinese fonts are set on ``w:eastAsia`` (python-docx's ``font.name`` only sets
the Latin slots, and Word/LibreOffice then fall back to a Latin face for
Chinese text): ``SONG`` 宋体 for tables, ``FANG`` 仿宋 for prose, ``HEI`` 黑体
for headings.

- on python-docx objects: ``set_fonts`` (a run or a style), ``add_run``,
  ``add_paragraph``, ``add_table`` (a table written as XML text) and
  ``page_number_footer`` (第 X 页 共 Y 页);
- tables as WordprocessingML text, each function named after the element it
  returns: ``rpr`` (run properties), ``p`` (a paragraph of runs), ``tc`` (a
  cell of paragraphs), ``cell`` (a cell holding text), ``tr`` (a row that does
  not split across pages; ``header`` repeats it on every page) and ``tbl``
  (a bordered table of fixed column widths in cm).

Every text is cleaned of what XML cannot hold (``safe.clean_text``).
"""

from __future__ import annotations

from xml.sax.saxutils import escape as xml_escape

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from casereview.report.safe import clean_text

__all__ = [
    "FANG",
    "HEI",
    "LATIN",
    "SONG",
    "add_paragraph",
    "add_run",
    "add_table",
    "cell",
    "p",
    "page_number_footer",
    "rpr",
    "set_fonts",
    "tbl",
    "tc",
    "tr",
]

SONG, FANG, HEI, LATIN = "宋体", "仿宋", "黑体", "Times New Roman"


def set_fonts(rpr_parent, east: str, latin: str = LATIN) -> None:
    """Set the Latin and East Asian font of a run or style (``w:rFonts``)."""
    props = rpr_parent.get_or_add_rPr()
    rfonts = props.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        props.insert(0, rfonts)
    for slot in ("w:ascii", "w:hAnsi", "w:cs"):
        rfonts.set(qn(slot), latin)
    rfonts.set(qn("w:eastAsia"), east)


def add_run(
    par, text: str, east: str = SONG, size: float = 10.5, bold: bool = False, color: RGBColor | None = None
):
    """A run of ``text`` appended to the paragraph ``par``, its fonts set for Chinese."""
    run = par.add_run(clean_text(text))  # XML cannot hold control characters or lone surrogates
    set_fonts(run._r, east)
    run.font.size = Pt(size)
    if bold:
        run.font.bold = True
    if color is not None:
        run.font.color.rgb = color
    return run


def add_paragraph(
    container,
    text: str = "",
    east: str = FANG,
    size: float = 12,
    bold: bool = False,
    align=WD_ALIGN_PARAGRAPH.LEFT,
    color: RGBColor | None = None,
    before: float = 0,
    after: float = 0,
    keep_with_next: bool = False,
):
    """A paragraph appended to ``container`` (a document or a cell), with ``text`` as one run when given."""
    par = container.add_paragraph()
    par.alignment = align
    fmt = par.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if keep_with_next:
        fmt.keep_with_next = True
    if text:
        add_run(par, text, east, size, bold, color)
    return par


# -- tables as WordprocessingML ------------------------------------------------------------------
# python-docx builds a table cell by cell through its object API at ~3 ms a cell;
# a sheet has ~400 cells. The rows are written here as XML text and parsed once.

_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_BORDER = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'


def _twips(cm: float) -> int:
    return round(cm * 567)


def _esc(text: str) -> str:
    return xml_escape(clean_text(text))


def rpr(east: str, size: float, bold: bool = False, color: str | None = None) -> str:
    """Run properties: the fonts (``east`` for Chinese), the size in points, bold, a colour (hex RGB)."""
    half = round(size * 2)
    return (
        f'<w:rPr><w:rFonts w:ascii="{LATIN}" w:hAnsi="{LATIN}" w:eastAsia="{east}" w:cs="{LATIN}"/>'
        + ("<w:b/><w:bCs/>" if bold else "")
        + (f'<w:color w:val="{color}"/>' if color else "")
        + f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/></w:rPr>'
    )


def p(runs: list[tuple[str, str]], align: str = "center", keep: bool = False) -> str:
    """A paragraph of (rPr xml, text) runs; ``keep`` keeps it on the page of the next one."""
    body = "".join(f'<w:r>{props}<w:t xml:space="preserve">{_esc(t)}</w:t></w:r>' for props, t in runs if t)
    return (
        f"<w:p><w:pPr>{'<w:keepNext/>' if keep else ''}"
        '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
        f'<w:jc w:val="{align}"/></w:pPr>{body}</w:p>'
    )


def tc(width_cm: float, paragraphs: str, span: int = 1, fill: str | None = None) -> str:
    """A cell of paragraphs (``p``), vertically centred; ``span`` grid columns, ``fill`` a shade (hex RGB)."""
    return (
        "<w:tc><w:tcPr>"
        + f'<w:tcW w:w="{_twips(width_cm)}" w:type="dxa"/>'
        + (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "")
        + (f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else "")
        + '<w:vAlign w:val="center"/></w:tcPr>'
        + (paragraphs or p([]))
        + "</w:tc>"
    )


def cell(
    width_cm: float,
    text: str,
    size: float = 10,
    bold: bool = False,
    align: str = "center",
    color: str | None = None,
    east: str = SONG,
    span: int = 1,
    fill: str | None = None,
    keep: bool = False,
) -> str:
    """A cell holding ``text``, one paragraph per line."""
    props = rpr(east, size, bold, color)
    paras = "".join(p([(props, line)], align, keep) for line in (text.split("\n") if text else [""]))
    return tc(width_cm, paras, span, fill)


def tr(cells: list[str], header: bool = False) -> str:
    """A row that never splits across pages; a ``header`` row repeats at the top of every page."""
    flags = '<w:cantSplit w:val="true"/>' + ('<w:tblHeader w:val="true"/>' if header else "")
    return f"<w:tr><w:trPr>{flags}</w:trPr>{''.join(cells)}</w:tr>"


def tbl(widths: list[float], rows: list[str]) -> str:
    """A centred table with single borders and fixed column ``widths`` (cm) holding ``rows`` (``tr``)."""
    borders = "".join(
        _BORDER.format(side) for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    grid = "".join(f'<w:gridCol w:w="{_twips(w)}"/>' for w in widths)
    return (
        f"<w:tbl {_W_NS}><w:tblPr>"
        f'<w:tblW w:w="{_twips(sum(widths))}" w:type="dxa"/><w:jc w:val="center"/>'
        f"<w:tblBorders>{borders}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


def add_table(doc, xml: str) -> None:
    """Append a table (XML text) at the end of the body, before the section properties."""
    body = doc.element.body
    body.insert(len(body) - 1, parse_xml(xml))


def page_number_footer(section) -> None:
    """The footer 第 X 页 共 Y 页 (Word fields, filled in when the document is laid out)."""
    par = section.footer.paragraphs[0]
    par.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def field(instr: str) -> None:
        run = add_run(par, "", SONG, 9)
        for kind, text in (("begin", None), (None, instr), ("separate", None), (None, "1"), ("end", None)):
            if kind:
                el = OxmlElement("w:fldChar")
                el.set(qn("w:fldCharType"), kind)
                run._r.append(el)
            elif text == instr:
                el = OxmlElement("w:instrText")
                el.set(qn("xml:space"), "preserve")
                el.text = f" {instr} "
                run._r.append(el)
            else:
                el = OxmlElement("w:t")
                el.text = text
                run._r.append(el)

    add_run(par, "第 ", SONG, 9)
    field("PAGE")
    add_run(par, " 页  共 ", SONG, 9)
    field("NUMPAGES")
    add_run(par, " 页", SONG, 9)
