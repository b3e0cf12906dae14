"""Writers: the few layout primitives every document renderer uses.

A renderer calls title_block / para / table / closing on a writer. DocxWriter draws
them with python-docx (A4, Chinese fonts, page-number footers, pictures for
signatures and seals); TextWriter writes the same content as plain text lines for
the .txt documents. A bound file is one DocxWriter holding several documents.
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass, field

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from . import images


@dataclass(frozen=True)
class Sig:
    """A signature slot: typed name, a handwriting picture, or left blank."""

    kind: str  # text | image | blank
    name: str = ""
    ink: str = "blue"


@dataclass(frozen=True)
class Seal:
    """The agency's red seal; mode inline (own paragraph) or float (anchored over the 落款)."""

    agency: str
    mode: str = "inline"
    bottom: str = ""


@dataclass(frozen=True)
class Img:
    data: bytes
    width_cm: float = 12.0


class _Up(str):
    """A table cell that continues the cell above it (a vertically merged label such as 执法人员)."""


UP = _Up("")


@dataclass
class Look:
    """Typography of one agency's documents."""

    body_font: str = "仿宋_GB2312"
    title_font: str = "方正小标宋简体"
    form_font: str = "宋体"
    body_size: float = 15  # 小三 ~ 三号
    form_size: float = 11
    title_size: float = 20
    agency_size: float = 16
    footer: str = "dash"  # dash: - 1 -   of: 第1页 共2页   plain: 1   right: 1 (bottom right)
    margins_cm: tuple = (3.2, 2.8, 2.6, 2.6)  # top, bottom, left, right
    ink: str = "blue"


ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def _set_run_font(run, name: str, size: float | None = None, bold: bool = False, color=None):
    run.font.name = name
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for k in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(k), name)
    if size:
        run.font.size = Pt(size)
    if bold:
        run.font.bold = True
    if color:
        run.font.color.rgb = RGBColor(*color)


def _char_spacing(run, twips: int):
    rpr = run._element.get_or_add_rPr()
    sp = OxmlElement("w:spacing")
    sp.set(qn("w:val"), str(twips))
    rpr.append(sp)


def _add_field(paragraph, instr: str, font: str, size: float):  # noqa: ARG001 - kept in step with the docx writer's call
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), f" {instr} ")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    paragraph._p.append(fld)


def _float_picture(run, x_emu: int, y_emu: int, pic_id: int):
    """Turn the inline picture just added to `run` into an anchored one over the text."""
    inline = run._r.find(".//" + qn("wp:inline"))
    extent = inline.find(qn("wp:extent"))
    docpr = inline.find(qn("wp:docPr"))
    graphic = inline.find(qn("a:graphic"))
    anchor = OxmlElement("wp:anchor")
    for k, v in dict(
        distT="0",
        distB="0",
        distL="0",
        distR="0",
        simplePos="0",
        relativeHeight=str(251659264 + pic_id),
        behindDoc="0",
        locked="0",
        layoutInCell="1",
        allowOverlap="1",
    ).items():
        anchor.set(k, v)
    sp = OxmlElement("wp:simplePos")
    sp.set("x", "0")
    sp.set("y", "0")
    anchor.append(sp)
    for tag, rel, off in (("wp:positionH", "column", x_emu), ("wp:positionV", "paragraph", y_emu)):
        pos = OxmlElement(tag)
        pos.set("relativeFrom", rel)
        o = OxmlElement("wp:posOffset")
        o.text = str(off)
        pos.append(o)
        anchor.append(pos)
    anchor.append(copy.deepcopy(extent))
    ee = OxmlElement("wp:effectExtent")
    for k in "ltrb":
        ee.set(k, "0")
    anchor.append(ee)
    anchor.append(OxmlElement("wp:wrapNone"))
    anchor.append(copy.deepcopy(docpr))
    anchor.append(OxmlElement("wp:cNvGraphicFramePr"))
    anchor.append(copy.deepcopy(graphic))
    inline.getparent().replace(inline, anchor)


class DocxWriter:
    """One .docx file: a single document, or a bound file holding many."""

    def __init__(self, look: Look):
        self.look = look
        self.doc = Document()
        self._first = True
        self._break_next = False
        self._pics = 0
        self.marker = None
        sec = self.doc.sections[0]
        self._setup_section(sec)
        st = self.doc.styles["Normal"]
        st.font.name = look.body_font
        st.font.size = Pt(look.body_size)
        rpr = st.element.get_or_add_rPr()
        rfonts = rpr.find(qn("w:rFonts"))
        if rfonts is None:
            rfonts = OxmlElement("w:rFonts")
            rpr.insert(0, rfonts)
        for k in ("w:ascii", "w:hAnsi", "w:eastAsia"):
            rfonts.set(qn(k), look.body_font)
        pf = st.paragraph_format
        pf.space_before = Pt(0)
        pf.space_after = Pt(0)
        pf.line_spacing = 1.25
        # the default template's first paragraph does not exist; keep body empty
        self._footer(sec, look.footer)

    # -- page set-up -----------------------------------------------------
    def _setup_section(self, sec):
        sec.page_width = Cm(21.0)
        sec.page_height = Cm(29.7)
        top, bottom, left, right = self.look.margins_cm
        sec.top_margin, sec.bottom_margin = Cm(top), Cm(bottom)
        sec.left_margin, sec.right_margin = Cm(left), Cm(right)
        sec.footer_distance = Cm(1.4)

    def _footer(self, sec, kind: str, restart: bool = False):
        sec.footer.is_linked_to_previous = False
        ft = sec.footer
        p = ft.paragraphs[0]
        for r in list(p.runs):
            r._r.getparent().remove(r._r)
        font, size = self.look.form_font, 10.5
        if kind == "none":
            p.text = ""
        elif kind == "dash":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _set_run_font(p.add_run("- "), font, size)
            _add_field(p, "PAGE", font, size)
            _set_run_font(p.add_run(" -"), font, size)
        elif kind == "of":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _set_run_font(p.add_run("第 "), font, size)
            _add_field(p, "PAGE", font, size)
            _set_run_font(p.add_run(" 页 共 "), font, size)
            _add_field(p, "NUMPAGES", font, size)
            _set_run_font(p.add_run(" 页"), font, size)
        elif kind == "page":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _set_run_font(p.add_run("第 "), font, size)
            _add_field(p, "PAGE", font, size)
            _set_run_font(p.add_run(" 页"), font, size)
        elif kind in ("plain", "right"):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER if kind == "plain" else WD_ALIGN_PARAGRAPH.RIGHT
            _add_field(p, "PAGE", font, size)
        if restart:
            sectpr = sec._sectPr
            pg = sectpr.find(qn("w:pgNumType"))
            if pg is None:
                pg = OxmlElement("w:pgNumType")
                sectpr.append(pg)
            pg.set(qn("w:start"), "1")

    def new_section(self, footer: str, restart: bool = False):
        """Start a new page section (bound files: cover part, numbered body, back part)."""
        sec = self.doc.add_section(WD_SECTION.NEW_PAGE)
        self._setup_section(sec)
        self._footer(sec, footer, restart)
        self._break_next = False
        self._first = True

    # -- documents -------------------------------------------------------
    def begin_document(self):
        """Each document of a bound file starts on a new page."""
        if not self._first:
            self._break_next = True
        self._first = False

    def _para(self, align="justify", indent=False, size=None, space_after=0, space_before=0, line=None):
        p = self.doc.add_paragraph()
        if self._break_next:
            p.paragraph_format.page_break_before = True
            self._break_next = False
        if self.marker:
            # measuring pass only: a tiny tag that tells on which page a document starts
            _set_run_font(p.add_run(self.marker), self.look.body_font, 1)
            self.marker = None
        p.alignment = ALIGN[align]
        if indent:
            p.paragraph_format.first_line_indent = Pt((size or self.look.body_size) * 2)
        p.paragraph_format.space_after = Pt(space_after)
        p.paragraph_format.space_before = Pt(space_before)
        if line:
            p.paragraph_format.line_spacing = line
        return p

    def _pieces(self, p, pieces, font, size, bold=False):
        if isinstance(pieces, (str, Sig, Seal, Img)):
            pieces = [pieces]
        for pc in pieces:
            if isinstance(pc, str):
                if pc:
                    _set_run_font(p.add_run(pc), font, size, bold)
            elif isinstance(pc, Sig):
                if pc.kind == "text":
                    _set_run_font(p.add_run(pc.name), font, size)
                elif pc.kind == "image":
                    run = p.add_run()
                    run.add_picture(io.BytesIO(images.signature_png(pc.name, pc.ink)), height=Cm(1.05))
                else:
                    _set_run_font(p.add_run("          "), font, size)
            elif isinstance(pc, Seal):
                self._seal_run(p, pc)
            elif isinstance(pc, Img):
                p.add_run().add_picture(io.BytesIO(pc.data), width=Cm(pc.width_cm))

    def _seal_run(self, p, seal: Seal, x_cm: float = -2.2, y_cm: float = -1.6):
        run = p.add_run()
        run.add_picture(io.BytesIO(images.seal_png(seal.agency, seal.bottom)), width=Cm(4.0))
        if seal.mode == "float":
            self._pics += 1
            _float_picture(run, int(Cm(x_cm)), int(Cm(y_cm)), self._pics)

    def title_block(
        self,
        agency: str | None,
        title: str,
        number: str | None = None,
        spaced: str = "",
        form: bool = False,
        number_align: str = "right",
    ):
        """Agency line, the title (optionally letter-spaced), the 文号 line."""
        lk = self.look
        if agency:
            p = self._para("center", space_after=4)
            _set_run_font(p.add_run(agency), lk.title_font, lk.agency_size + (0 if form else 2), bold=True)
        p = self._para("center", space_after=8)
        if spaced == "spaces":
            text = " ".join(title)
        else:
            text = title
        run = p.add_run(text)
        _set_run_font(run, lk.title_font, lk.title_size - (2 if form else 0), bold=True)
        if spaced == "charspacing":
            _char_spacing(run, 120)
        if number:
            p = self._para(number_align, space_after=8)
            _set_run_font(p.add_run(number), lk.body_font, lk.body_size - 1)

    def heading(self, text: str, align="left", bold=True, size=None):
        p = self._para(align, space_before=4, space_after=2)
        _set_run_font(p.add_run(text), self.look.body_font, size or self.look.body_size, bold=bold)

    def para(
        self,
        pieces,
        indent=True,
        align="justify",
        bold=False,
        size=None,
        form=False,
        space_after=0,
        line=None,
    ):
        size = size or (self.look.form_size if form else self.look.body_size)
        p = self._para(align, indent=indent, size=size, space_after=space_after, line=line)
        self._pieces(p, pieces, self.look.form_font if form else self.look.body_font, size, bold)
        return p

    def blank(self, n=1):
        for _ in range(n):
            self._para("left")

    def table(
        self,
        rows,
        widths_cm=None,
        size=None,
        row_height_cm=None,
        bold_first=False,
        font=None,
        align_center_cols=(),
    ):
        """rows: list of rows; a row is a list of cells; a cell is pieces or (pieces, colspan).

        A string containing newlines becomes several paragraphs in the cell.
        """
        if self._break_next or self.marker:
            self._para("left")
        size = size or self.look.form_size
        font = font or self.look.form_font
        ncols = max(sum((c[1] if isinstance(c, tuple) else 1) for c in r) for r in rows)
        t = self.doc.add_table(rows=len(rows), cols=ncols)
        t.style = "Table Grid"
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        if widths_cm is None:
            widths_cm = [15.6 / ncols] * ncols
        ups = []
        for ri, row in enumerate(rows):
            tr = t.rows[ri]
            if row_height_cm:
                tr.height = Cm(row_height_cm)
            ci = 0
            for cell in row:
                pieces, span = cell if isinstance(cell, tuple) else (cell, 1)
                c = tr.cells[ci]
                if span > 1:
                    c = c.merge(tr.cells[ci + span - 1])
                c.width = Cm(sum(widths_cm[ci : ci + span]))
                if pieces is UP:
                    ups.append((ri, ci))
                else:
                    self._cell(c, pieces, font, size, bold_first and ci == 0, ci in align_center_cols)
                ci += span
        for ri, ci in ups:
            t.cell(ri - 1, ci).merge(t.cell(ri, ci))
        # LibreOffice lays tables out from the grid, Word from the cells: set both
        t.autofit = False
        grid = t._tbl.tblGrid
        for gc, wd in zip(grid.findall(qn("w:gridCol")), widths_cm, strict=False):
            gc.set(qn("w:w"), str(int(wd * 567)))
        return t

    def _cell(self, c, pieces, font, size, bold, center):
        if isinstance(pieces, (str, Sig, Seal, Img)):
            pieces = [pieces]
        # split strings on newlines into paragraphs
        paras, cur = [], []
        for pc in pieces:
            if isinstance(pc, str) and "\n" in pc:
                parts = pc.split("\n")
                cur.append(parts[0])
                for part in parts[1:]:
                    paras.append(cur)
                    cur = [part]
            else:
                cur.append(pc)
        paras.append(cur)
        first = True
        for pcs in paras:
            p = c.paragraphs[0] if first else c.add_paragraph()
            first = False
            p.paragraph_format.line_spacing = 1.15
            if center:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            self._pieces(p, pcs, font, size, bold)

    def closing(self, agency: str, date_text: str, seal: Seal | None, extra: list[str] = ()):
        """The 落款: agency name and date at the right, with the seal over or above them."""
        lk = self.look
        self._para("left")
        if seal and seal.mode == "inline":
            p = self._para("right")
            self._seal_run(p, seal)
        p = self._para("right")
        _set_run_font(p.add_run(agency + "    "), lk.body_font, lk.body_size)
        if seal and seal.mode == "float":
            self._seal_run(p, seal, x_cm=9.0, y_cm=-1.3)
        p = self._para("right")
        _set_run_font(p.add_run(date_text + "    "), lk.body_font, lk.body_size)
        for e in extra:
            p = self._para("left")
            _set_run_font(p.add_run(e), lk.body_font, lk.body_size - 2)

    def picture(self, data: bytes, width_cm: float, align="center"):
        p = self._para(align)
        p.add_run().add_picture(io.BytesIO(data), width=Cm(width_cm))

    def save(self, path, author: str = ""):
        cp = self.doc.core_properties
        import datetime as dt

        stamp = dt.datetime(2024, 12, 31, 9, 0, 0)
        cp.created = stamp
        cp.modified = stamp
        cp.last_printed = stamp
        cp.author = author
        cp.last_modified_by = author
        cp.revision = 1
        cp.title = ""
        slim(self.doc)
        buf = io.BytesIO()
        self.doc.save(buf)
        write_stable_zip(buf.getvalue(), path)


KEEP_STYLES = {
    "Normal",
    "DefaultParagraphFont",
    "TableNormal",
    "TableGrid",
    "NoList",
    "Header",
    "HeaderChar",
    "Footer",
    "FooterChar",
}


def slim(doc):
    """Drop what python-docx's default template carries but these documents never use
    (styles-with-effects, custom XML, the thumbnail, ~250 unused styles): ~30 KB per file."""
    for rels in (doc.part.rels, doc.part.package.rels):
        for rid, rel in list(rels.items()):
            if rel.reltype.endswith(("/stylesWithEffects", "/customXml", "/thumbnail")):
                del rels[rid]
    styles = doc.styles.element
    for st in list(styles):
        if st.tag == qn("w:latentStyles"):
            styles.remove(st)
        elif st.tag == qn("w:style") and st.get(qn("w:styleId")) not in KEEP_STYLES:
            styles.remove(st)


def write_stable_zip(data: bytes, path):
    """Rewrite a zip (docx) with fixed member timestamps so re-runs give identical bytes."""
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 12, 31, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            out.writestr(zi, src.read(info.filename))


@dataclass
class TextWriter:
    """Plain text rendering of the same primitives (for the .txt documents)."""

    lines: list[str] = field(default_factory=list)
    look: Look = field(default_factory=Look)

    def begin_document(self):
        if self.lines:
            self.lines.append("\f")

    def _flat(self, pieces) -> str:
        if isinstance(pieces, (str, Sig, Seal, Img)):
            pieces = [pieces]
        out = []
        for pc in pieces:
            if isinstance(pc, str):
                out.append(pc)
            elif isinstance(pc, Sig):
                out.append(pc.name if pc.kind == "text" else "        ")
            # seals and pictures cannot be carried by a .txt
        return "".join(out)

    def title_block(self, agency, title, number=None, spaced="", form=False, number_align="right"):  # noqa: ARG002 - the text writer mirrors the docx writer's methods
        if agency:
            self.lines.append(agency.center(30, "　").rstrip())
        self.lines.append((" ".join(title) if spaced else title).center(30, "　").rstrip())
        if number:
            self.lines.append(number.rjust(40))
        self.lines.append("")

    def heading(self, text, **kw):  # noqa: ARG002 - the text writer mirrors the docx writer's methods
        self.lines.append(text)

    def para(self, pieces, indent=True, **kw):  # noqa: ARG002 - the text writer mirrors the docx writer's methods
        self.lines.append(("　　" if indent else "") + self._flat(pieces))

    def blank(self, n=1):
        self.lines.extend([""] * n)

    def table(self, rows, **kw):  # noqa: ARG002 - the text writer mirrors the docx writer's methods
        for row in rows:
            cells = []
            for cell in row:
                pieces = cell[0] if isinstance(cell, tuple) else cell
                cells.append("" if pieces is UP else self._flat(pieces).replace("\n", " "))
            # label / value pairs read best as 标签：值
            txt = ""
            for i, c in enumerate(cells):
                if not c:
                    continue
                if txt and not txt.endswith("：") and i % 2 == 1:
                    txt += "：" + c
                elif txt:
                    txt += "    " + c
                else:
                    txt = c
            self.lines.append(txt)

    def closing(self, agency, date_text, seal, extra=()):  # noqa: ARG002 - the text writer mirrors the docx writer's methods
        self.lines.append("")
        self.lines.append(agency.rjust(36, "　"))
        self.lines.append(date_text.rjust(36, "　"))
        self.lines.extend(extra)

    def picture(self, data, width_cm, align="center"):
        pass

    def text(self) -> str:
        return "\n".join(self.lines).rstrip() + "\n"
