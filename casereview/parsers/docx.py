"""Read a .docx into blocks: paragraphs and tables in document order.

python-docx opens the package and resolves relationships; the body is walked
on the XML so that nothing python-docx's paragraph API drops is lost: text in
text boxes (``w:txbxContent``), tracked insertions (``w:ins``), content
controls (``w:sdt``) and nested tables. Deleted text (``w:delText``) and the
``mc:Fallback`` copy of drawings are skipped so nothing is read twice.
Pictures are kept with the paragraph or table cell they sit in.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from casereview.model import Block, CaseError, ImageInfo, Location, SourceFile
from casereview.parsers.images import analyse_bytes
from casereview.parsers.limits import Budget, LimitReached, Limits
from casereview.parsers.segments import FIELD_GAP, normalize_line

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
V = "urn:schemas-microsoft-com:vml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

_P, _TBL, _SDT, _TR, _TC = (f"{{{W}}}{t}" for t in ("p", "tbl", "sdt", "tr", "tc"))
_T, _TAB, _BR, _CR = (f"{{{W}}}{t}" for t in ("t", "tab", "br", "cr"))
_TXBX = f"{{{W}}}txbxContent"
_FALLBACK = f"{{{MC}}}Fallback"
_DEL = f"{{{W}}}del"
_BLIP = f"{{{A}}}blip"
_IMAGEDATA = f"{{{V}}}imagedata"
_SKIP_TEXT = {_TXBX, _FALLBACK, _DEL, _TBL}
_PICTURE = "\ue000"  # where a picture stands in a paragraph's text (private use: never in a document's text)


_RATIO_FLOOR = 20_000_000  # below this many unpacked bytes the compression ratio is not a zip bomb's


def check_package(data: bytes | Path, name: str, limits: Limits) -> CaseError | None:
    """Refuse a package whose members would inflate beyond the limits (zip bomb), from the declared sizes
    only: nothing is inflated here. An XML part over ``max_xml_bytes`` is refused too (a parsed tree
    takes about ten times its text)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data) if isinstance(data, bytes) else data) as zf:
            infos = zf.infolist()
    except Exception:  # noqa: BLE001 - BadZipFile, and ValueError/struct.error on crafted directories
        return CaseError(name, "文件已损坏或不完整，无法作为 .docx 打开", "unreadable")
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if total > limits.max_unpacked_bytes or (total > _RATIO_FLOOR and total / packed > limits.max_ratio):
        return CaseError(
            name,
            f"解压后体积异常（{total / 1e6:.0f} MB，压缩比 {total / packed:.0f}:1），疑似压缩炸弹，已拒绝读取",
            "too_large",
        )
    big = [
        i
        for i in infos
        if i.filename.lower().endswith((".xml", ".rels")) and i.file_size > limits.max_xml_bytes
    ]
    if big:
        return CaseError(
            name,
            f"文档内容部件过大（{big[0].filename}，{big[0].file_size / 1e6:.0f} MB，上限 "
            f"{limits.max_xml_bytes / 1e6:.0f} MB），未读取",
            "too_large",
        )
    return None


def read_docx(data: bytes | Path, name: str, limits: Limits) -> SourceFile:
    """Parse a .docx (bytes or path) into a SourceFile; failures become errors, never exceptions.

    python-docx parses with lxml, ``resolve_entities=False`` and without
    ``huge_tree``: external entities (XXE) are never fetched, internal ones
    (billion laughs) never expanded, and a tree deeper than libxml2's limit is
    refused as damaged. The walk stops at the file's text and block caps and
    its deadline; what it read before a failure is kept and the failure
    reported.
    """
    src = SourceFile(path=name, format="docx")
    err = check_package(data, name, limits)
    if err:
        src.errors.append(err)
        return src
    import docx  # python-docx: loaded only when a .docx is read

    try:
        document = docx.Document(io.BytesIO(data) if isinstance(data, bytes) else str(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds for broken files
        src.errors.append(
            CaseError(name, f"文件已损坏或不是有效的 .docx：{type(exc).__name__}", "unreadable")
        )
        return src
    walker = _Walker(name, document.part, Budget(limits, name))
    try:
        for section_part in _header_parts(document):
            walker.walk_container(section_part.element, part="header", rel_part=section_part)
        walker.walk_container(document.element.body, part="body", rel_part=document.part)
        for section_part in _footer_parts(document):
            walker.walk_container(section_part.element, part="footer", rel_part=section_part)
    except LimitReached as stop:
        src.errors.append(stop.error)
    except RecursionError:
        src.errors.append(CaseError(name, "文档结构嵌套过深，部分内容未能读取", "unreadable"))
    except Exception as exc:  # noqa: BLE001 - a part python-docx cannot give (KeyError on a missing header …)
        src.errors.append(
            CaseError(name, f"文档结构已损坏（{type(exc).__name__}），部分内容未能读取", "unreadable")
        )
    src.blocks = walker.blocks
    return src


def _header_parts(document):
    return _distinct_parts(document, ("first_page_header", "header", "even_page_header"))


def _footer_parts(document):
    return _distinct_parts(document, ("first_page_footer", "footer", "even_page_footer"))


def _distinct_parts(document, attrs):
    seen, parts = set(), []
    for section in document.sections:
        for attr in attrs:
            hf = getattr(section, attr)
            if hf.is_linked_to_previous:
                continue
            part = hf.part
            if id(part) not in seen:
                seen.add(id(part))
                parts.append(part)
    return parts


class _Walker:
    """Walks body/header XML and emits blocks in reading order."""

    def __init__(self, name: str, main_part, budget: Budget) -> None:
        self.name = name
        self.main_part = main_part
        self.budget = budget
        self.blocks: list[Block] = []
        self._image_cache: dict[str, ImageInfo | None] = {}
        self._pending_break = False

    # -- containers ---------------------------------------------------------
    def walk_container(self, element, part: str, rel_part) -> None:
        for child in element:
            tag = child.tag
            if tag == _P:
                self._paragraph(child, part, rel_part)
            elif tag == _TBL:
                self._table(child, part, rel_part)
            elif tag == _SDT:
                content = child.find(f"{{{W}}}sdtContent")
                if content is not None:
                    self.walk_container(content, part, rel_part)

    # -- paragraphs ---------------------------------------------------------
    def _paragraph(self, p, part: str, rel_part) -> None:
        images = self._images(p, rel_part)
        text = _run_text(p, marks=bool(images))
        places = picture_places(text)
        text = text.replace(_PICTURE, "")
        page_break = self._pending_break or _breaks_page_before(p)
        self._pending_break = _breaks_page_after(p)
        norm = normalize_line(text)
        if norm or images:
            self._emit(
                Block(
                    kind="paragraph" if norm else "image",
                    text=norm,
                    loc=Location(self.name),
                    images=images,
                    image_cells=places if len(places) == len(images) else [],
                    part=part,  # type: ignore[arg-type]
                    style=_style(p),
                    centered=_centered(p),
                    bold=_bold(p),
                    size=_size(p),
                    page_break_before=page_break,
                )
            )
        elif page_break:
            self._pending_break = True  # an empty paragraph carrying the break: pass it on
        # Text boxes anchored in this paragraph follow it as their own blocks.
        for txbx in _iter_txbx(p):
            self.walk_container(txbx, "textbox", rel_part)

    # -- tables -------------------------------------------------------------
    def _table(self, tbl, part: str, rel_part) -> None:
        rows: list[list[str]] = []
        images: list[ImageInfo] = []
        cells_of_images: list[tuple[int, int]] = []
        page_break = self._pending_break
        self._pending_break = False
        width = _grid_width(tbl)
        for tr in tbl.iter(_TR):
            if _nearest(tr, _TBL) is not tbl:
                continue  # rows of nested tables are read through their cell
            row: list[str] = []
            for tc in tr.findall(_TC):
                if _is_vmerge_continue(tc):
                    row.append("")
                    continue
                row.append(_cell_text(tc))
                for img in self._images(tc, rel_part):
                    images.append(img)
                    cells_of_images.append((len(rows), len(row) - 1))
                # A span never reaches past the table's grid (w:gridSpan="2000000000" would take gigabytes).
                span = min(_grid_span(tc), max(1, width - len(row) + 1))
                row.extend([""] * (span - 1))
            rows.append(row)
            self.budget.tick()
        text = "\n".join(" | ".join(c for c in row) for row in rows)
        self._emit(
            Block(
                kind="table",
                text=text,
                loc=Location(self.name),
                rows=rows,
                images=images,
                image_cells=cells_of_images,
                part=part,  # type: ignore[arg-type]
                page_break_before=page_break,
            )
        )
        # Text boxes inside the table's cells.
        for txbx in _iter_txbx(tbl):
            self.walk_container(txbx, "textbox", rel_part)

    # -- pictures -----------------------------------------------------------
    def _images(self, element, rel_part) -> list[ImageInfo]:
        out: list[ImageInfo] = []
        for el in element.iter(_BLIP, _IMAGEDATA):
            if _inside(el, _FALLBACK, stop=element):
                continue
            rid = el.get(f"{{{R}}}embed") or el.get(f"{{{R}}}id")
            if not rid:
                continue
            key = f"{id(rel_part)}:{rid}"
            if key not in self._image_cache:
                self._image_cache[key] = self._load_image(rel_part, rid)
            info = self._image_cache[key]
            if info is not None:
                out.append(info)
        return out

    @staticmethod
    def _load_image(rel_part, rid: str) -> ImageInfo | None:
        try:
            blob = rel_part.related_parts[rid].blob
        except (KeyError, AttributeError):
            return None
        info = analyse_bytes(blob)
        return info if info is not None else ImageInfo(width=0, height=0)

    def _emit(self, block: Block) -> None:
        self.budget.take(block.text)
        block.loc = Location(self.name, None, len(self.blocks) + 1)
        self.blocks.append(block)


# -- XML helpers ------------------------------------------------------------


def _run_text(p, marks: bool = False) -> str:
    """All text of a paragraph, skipping text boxes, deleted runs and fallbacks.

    ``marks``: a picture's place in the text is kept as ``_PICTURE`` (to tell which field it fills).
    """
    parts: list[str] = []
    stack = list(reversed(list(p)))
    while stack:
        el = stack.pop()
        tag = el.tag
        if tag in _SKIP_TEXT:
            continue
        if marks and tag in (_BLIP, _IMAGEDATA):
            parts.append(_PICTURE)
            continue
        if tag == _T:
            parts.append(el.text or "")
        elif tag == _TAB:
            parts.append("\t")
        elif tag in (_BR, _CR) and el.get(f"{{{W}}}type") != "page":
            parts.append("\n")
        else:
            stack.extend(reversed(list(el)))
    return "".join(parts)


def picture_places(raw: str) -> list[tuple[int, int]]:
    """(line, field) of each picture mark in a paragraph's raw text, as ``normalize_line`` cuts it.

    A picture in a field with text (``询问人签名：[picture]``) belongs to that field; a picture
    standing in a field of its own, or on a line of its own, to the field before it.
    """
    places: list[tuple[int, int]] = []
    last = (0, 0)  # the field the last text stood in
    line_no = -1
    for line in raw.replace("\r", "\n").split("\n"):
        line = line.strip(" \t\u3000\u00a0")
        if not line.replace(_PICTURE, "").strip(" \t\u3000\u00a0"):
            places.extend([last] * line.count(_PICTURE))  # pictures on a line of their own
            continue
        line_no += 1
        col = -1
        for seg in FIELD_GAP.split(line):
            if seg.replace(_PICTURE, "").strip():
                col += 1
            last = (line_no, max(col, 0))
            places.extend([last] * seg.count(_PICTURE))
    return places


def _cell_text(tc) -> str:
    """Text of a table cell: its paragraphs, nested tables and content controls."""
    lines: list[str] = []
    for child in tc:
        if child.tag == _P:
            t = normalize_line(_run_text(child))
            if t:
                lines.append(t)
        elif child.tag == _TBL:
            for tr in child.iter(_TR):
                if _nearest(tr, _TBL) is child:
                    cells = [_cell_text(c) for c in tr.findall(_TC)]
                    lines.append(" ".join(c for c in cells if c))
        elif child.tag == _SDT:
            content = child.find(f"{{{W}}}sdtContent")
            if content is not None:
                t = _cell_text(content)
                if t:
                    lines.append(t)
    return "\n".join(lines)


def _iter_txbx(element):
    for txbx in element.iter(_TXBX):
        if not _inside(txbx, _FALLBACK, stop=element) and not _inside(txbx, _TXBX, stop=element):
            yield txbx


def _inside(el, tag: str, stop) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False


def _nearest(el, tag: str):
    parent = el.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def _is_vmerge_continue(tc) -> bool:
    vm = tc.find(f"{{{W}}}tcPr/{{{W}}}vMerge")
    return vm is not None and vm.get(f"{{{W}}}val") in (None, "continue")


_MAX_COLUMNS = 63  # Word's own limit on a table's columns


def _grid_width(tbl) -> int:
    """Columns a row of the table may span: its grid (w:tblGrid), at least Word's 63 and at most 1000."""
    grid = tbl.find(f"{{{W}}}tblGrid")
    cols = len(grid.findall(f"{{{W}}}gridCol")) if grid is not None else 0
    return min(max(cols, _MAX_COLUMNS), 1000)


def _grid_span(tc) -> int:
    gs = tc.find(f"{{{W}}}tcPr/{{{W}}}gridSpan")
    try:
        return max(1, int(gs.get(f"{{{W}}}val"))) if gs is not None else 1
    except (TypeError, ValueError):
        return 1


def _breaks_page_before(p) -> bool:
    ppr = p.find(f"{{{W}}}pPr")
    if ppr is not None and ppr.find(f"{{{W}}}pageBreakBefore") is not None:
        return True
    # A page break at the very start of the paragraph's runs.
    for el in p.iter(_BR, _T):
        if el.tag == _T and (el.text or "").strip():
            return False
        if el.tag == _BR and el.get(f"{{{W}}}type") == "page":
            return True
    return False


def _breaks_page_after(p) -> bool:
    ppr = p.find(f"{{{W}}}pPr")
    if ppr is not None and ppr.find(f"{{{W}}}sectPr") is not None:
        return True  # section break: the next section starts a new page
    seen_text = False
    last_break_after_text = False
    for el in p.iter(_BR, _T):
        if el.tag == _T and (el.text or "").strip():
            seen_text = True
            last_break_after_text = False
        elif el.tag == _BR and el.get(f"{{{W}}}type") == "page" and seen_text:
            last_break_after_text = True
    return last_break_after_text


def _style(p) -> str:
    ps = p.find(f"{{{W}}}pPr/{{{W}}}pStyle")
    return ps.get(f"{{{W}}}val", "") if ps is not None else ""


def _centered(p) -> bool:
    jc = p.find(f"{{{W}}}pPr/{{{W}}}jc")
    return jc is not None and jc.get(f"{{{W}}}val") in ("center", "distribute")


def _bold(p) -> bool:
    runs = [r for r in p.iter(f"{{{W}}}r") if "".join(t.text or "" for t in r.iter(_T)).strip()]
    if not runs:
        return False
    for r in runs:
        b = r.find(f"{{{W}}}rPr/{{{W}}}b")
        if b is None or b.get(f"{{{W}}}val") in ("0", "false"):
            return False
    return True


def _size(p) -> float | None:
    for r in p.iter(f"{{{W}}}r"):
        sz = r.find(f"{{{W}}}rPr/{{{W}}}sz")
        if sz is not None and "".join(t.text or "" for t in r.iter(_T)).strip():
            try:
                return int(sz.get(f"{{{W}}}val")) / 2
            except (TypeError, ValueError):
                return None
    return None
