"""Read the pages parsers could not: OCR in place of the page image, seals and ink from the picture.

``ocr_sources`` goes through every page listed in a source's ``ocr_pages``,
renders it (PDF) or decodes it (image file), turns it upright, reads it
(through the cache) and replaces the page's image block with text line blocks
shaped like the PDF parser's: normalised text with `` | `` between cells,
``bbox`` and ``cell_x`` in points, ``page_break_before`` on the first line, and
the line's OCR ``confidence``. Red round stamps found on the page image are
attached to the nearest line, and ink found beside a signature label to that
label's line, so extraction judges seals and signatures on a scan as it does
on a digital file. A page read with a good mean confidence leaves
``ocr_pages``; a poor one stays listed and is reported (code ``needs_ocr``)
with its page number and confidence, so a person looks at exactly that page.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import zipfile
from functools import cache
from pathlib import Path, PurePosixPath

from casereview.model import Block, CaseError, ImageInfo, Location, SourceFile
from casereview.parsers import _member_name
from casereview.parsers.limits import DEFAULT_LIMITS, Limits
from casereview.parsers.ocr import marks
from casereview.parsers.ocr.cache import OcrCache, image_digest
from casereview.parsers.ocr.engines import OcrLine, get_engine
from casereview.parsers.ocr.marks import drop_red, find_ink, find_seals, vertical_rules
from casereview.parsers.ocr.page import (
    PageTooLarge,
    image_dpi,
    load_image,
    map_box,
    prepare_page,
    reading_score,
    rotate,
    rotation_matrix,
)
from casereview.parsers.pdf import _attach_images, _join_wrapped, _number_blocks
from casereview.parsers.segments import normalize_line
from casereview.text.labels import SIGNATURE_LABEL
from casereview.text.names import split_names

__all__ = ["ocr_sources", "ocr_image", "PageReading"]

# A gap wider than this many line heights separates table cells. Wider than the PDF parser's 1.0 em:
# an OCR box holds only the ink, so a full-width colon's box ends well before its advance does.
_CELL_GAP = 1.6
_SIZE_FACTOR = 1.1  # OCR boxes stand a little taller than the font size
_WRAP_CHARS = 20  # a line wrapped by the page is a body line: at least this many characters wide
# A page number line (folio): - 11 -, 16., 第1页共2页.
_FOLIO = re.compile(r"[-—–_.·・\s]*[0-9]{1,4}[-—–_.·・\s]*|第?[0-9]{1,4}页?[，,/\s]*共[0-9]{1,4}页|"
                    r"共[0-9]{1,4}页[，,/\s]*第[0-9]{1,4}页|第[0-9]{1,4}页")
# The round 〇 of a date in words (二〇二四年) is read as a letter O, a Q, a zero or ○: between
# Chinese numerals it can only be 〇.
_ZERO = re.compile(r"(?<=[一二三四五六七八九〇零十])[OoQ0○◯](?=[一二三四五六七八九〇零十年])")


class PageReading:
    """One page as read: the upright picture, its text segments, the turn applied, cache hit or not."""

    __slots__ = ("image", "lines", "angle", "cached")

    def __init__(self, image, lines: list[OcrLine], angle: float, cached: bool) -> None:
        self.image, self.lines, self.angle, self.cached = image, lines, angle, cached

    @property
    def confidence(self) -> float:
        """Mean confidence over the page's text; a folio (页码 -11-, 第1页共2页) is left out: a misread
        page number changes nothing a review decides, and on a sparse page it would send the page to a
        person."""
        return reading_score([x for x in self.lines if not _FOLIO.fullmatch(x.text.strip())] or self.lines)[0]

    @property
    def chars(self) -> int:
        return reading_score(self.lines)[1]


def ocr_image(image, engine="rapid", cache: OcrCache | None = None, dpi: int | None = None,
              page_dpi: float | None = None) -> PageReading:
    """Read one page picture (before any turning) through the cache.

    ``dpi`` is the render resolution (part of the cache key, None for image
    files); ``page_dpi`` the picture's resolution, used to find seals, whose
    red is taken out before reading so that the print under a seal is read.
    """
    eng = get_engine(engine)
    cache = cache if cache is not None else OcrCache()
    key = cache.key(image_digest(image), eng.name, eng.version, dpi)
    hit = cache.get(key)
    if hit is not None:
        try:
            lines = [OcrLine.from_json(x) for x in hit["lines"]]
            angle = float(hit["angle"])
            return PageReading(rotate(image, angle), lines, angle, True)
        except (KeyError, TypeError, ValueError, IndexError):
            pass  # a damaged entry is read again and overwritten
    dpi_here = page_dpi or image_dpi(image)
    seals = find_seals(image, dpi_here)
    clean = drop_red(image, [m.box for m in seals], dpi_here) if seals else image
    prep = prepare_page(clean, eng, eng.min_confidence)
    if seals:
        prep.image = rotate(image, prep.angle)  # marks are looked for on the page as it is, seal included
    stored = [x.to_json() for x in prep.lines or []]
    cache.put(key, {"engine": eng.name, "engine_version": eng.version, "angle": prep.angle,
                    "size": list(prep.image.size), "lines": stored})
    # The reading as stored, so that a first run and a cached run give the same blocks.
    return PageReading(prep.image, [OcrLine.from_json(x) for x in stored], prep.angle, False)


def ocr_sources(sources: list[SourceFile], engine="rapid", cache_dir: str | os.PathLike | None = None,
                dpi: int = 200, root: str | os.PathLike | None = None, cache: bool = True,
                limits: Limits = DEFAULT_LIMITS) -> list[CaseError]:
    """OCR every page in each source's ``ocr_pages`` in place; the pages left for a person, as errors.

    ``root`` is the path the sources were read from (case folder, file or
    .zip), used to open each file again; ``cache_dir`` overrides the cache
    location (see ``cache.default_cache_dir``). Raises ``OcrUnavailable`` when
    the engine asked for is not installed.
    """
    todo = [s for s in sources if s.ocr_pages and s.format in ("pdf", "image")]
    errors: list[CaseError] = []
    if not todo:
        return errors
    eng = get_engine(engine)
    _ = eng.version  # fails early, with the install line, when the engine is missing
    store = OcrCache(cache_dir, enabled=cache)
    for src in todo:
        try:
            data = source_data(src.path, root)
        except (OSError, KeyError, zipfile.BadZipFile, ValueError) as exc:
            errors.append(CaseError(src.path, f"无法重新打开文件进行 OCR（{exc}），扫描页需人工核查", "needs_ocr"))
            continue
        _ocr_source(src, data, eng, store, dpi, errors, limits)
    return errors


def _ocr_source(src: SourceFile, data, eng, store: OcrCache, dpi: int, errors: list[CaseError],
                limits: Limits = DEFAULT_LIMITS) -> None:
    # A PDF on disk is hashed in pieces and opened by path (pdfium reads it lazily): never held whole.
    raw_path = str(data)
    if isinstance(data, bytes) or src.format != "pdf":
        raw = data if isinstance(data, bytes) else Path(data).read_bytes()
        file_digest = hashlib.sha256(raw).hexdigest()
    else:
        raw = None
        file_digest = _file_digest(raw_path)
    pdf = None
    try:
        for page_no in list(src.ocr_pages):
            where = "图片" if src.format == "image" else f"第 {page_no} 页"
            # The finished page (lines, seals, ink) by file and page: re-scoring a batch then costs a
            # hash of the file and a JSON read, no rendering, as fast as reading a digital file.
            page_key = store.key(f"page:{file_digest}:{page_no}:{_marks_version()}", eng.name, eng.version,
                                 dpi if src.format == "pdf" else None)
            done = store.get(page_key)
            if done is not None:
                try:
                    blocks = [_block_from_json(x, src.path, page_no) for x in done["blocks"]]
                    conf, chars = float(done["confidence"]), int(done["chars"])
                except (KeyError, TypeError, ValueError, IndexError):
                    done = None
            if done is None:
                try:
                    if src.format == "pdf":
                        if pdf is None:
                            import pypdfium2 as pdfium

                            pdf = pdfium.PdfDocument(raw if raw is not None else raw_path)
                        from casereview.parsers.ocr.page import render_pdf_page

                        # Pixels capped before anything is drawn: a huge page is rendered coarser, or refused.
                        picture = render_pdf_page(pdf, page_no, dpi, max_pixels=limits.max_render_pixels,
                                                  min_dpi=limits.min_render_dpi,
                                                  max_image_pixels=limits.max_image_pixels)
                        used = float(picture.info["dpi"][0])
                        page_dpi, key_dpi = (float(dpi), dpi) if abs(used - dpi) < 0.01 else (used, used)
                    else:
                        picture = load_image(raw, max_pixels=limits.max_render_pixels)
                        page_dpi, key_dpi = image_dpi(picture), None
                    reading = ocr_image(picture, eng, store, key_dpi, page_dpi)
                except PageTooLarge as exc:
                    errors.append(CaseError(src.path, f"{where}{exc}，需人工核查", "needs_ocr"))
                    continue
                except MemoryError:
                    errors.append(CaseError(src.path, f"{where} OCR 时内存不足（图像过大），需人工核查", "needs_ocr"))
                    continue
                except Exception as exc:  # noqa: BLE001 - one page that fails to read must not lose the others
                    if type(exc).__name__ == "OcrUnavailable":
                        raise
                    errors.append(CaseError(src.path, f"{where} OCR 失败（{type(exc).__name__}: {exc}），需人工核查",
                                            "needs_ocr"))
                    continue
                old = [b for b in src.blocks if b.kind == "image" and b.loc.page == page_no]
                kept = _kept_pictures(old, picture.size, reading.angle, page_dpi, src.format)
                blocks = page_blocks(reading, src.path, page_no, page_dpi, kept) if reading.chars else []
                conf, chars = reading.confidence, reading.chars
                store.put(page_key, {"blocks": [_block_json(b) for b in blocks], "confidence": conf, "chars": chars})
            if not chars or not blocks:
                errors.append(CaseError(src.path, f"{where} OCR 未识别出文字（可能是照片、空白页或图像过于模糊），需人工核查",
                                        "needs_ocr"))
                continue
            _replace_page(src, page_no, blocks)
            if conf >= eng.min_confidence:
                src.ocr_pages.remove(page_no)
            else:
                errors.append(CaseError(
                    src.path, f"{where}为扫描件，OCR 识别平均置信度 {conf:.2f}（低于 {eng.min_confidence:.2f}），"
                              f"识别出的文字可能有误，依赖此页的评查项需人工核查", "needs_ocr"))
    finally:
        if pdf is not None:
            pdf.close()
    _number_blocks(src)


def _file_digest(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@cache
def _marks_version() -> str:
    """What the finished page also depends on: the signature labels looked for (``text.labels``) and the
    code that builds the page's blocks and marks (a change to either makes cached pages stale)."""
    h = hashlib.sha256(SIGNATURE_LABEL.pattern.encode())
    for module in (marks.__file__, __file__):
        h.update(Path(module).read_bytes())
    return h.hexdigest()[:12]


_IMAGE_FIELDS = ("width", "height", "bbox", "red_share", "ink_share", "dark_share", "digest", "mark", "round")


def _block_json(b: Block) -> dict:
    return {"text": b.text, "bbox": list(b.bbox) if b.bbox else None, "size": b.size, "cell_x": b.cell_x,
            "confidence": b.confidence, "page_break_before": b.page_break_before,
            "images": [{k: (list(v) if isinstance(v, tuple) else v) for k in _IMAGE_FIELDS
                        for v in [getattr(i, k)]} for i in b.images]}


def _block_from_json(d: dict, name: str, page_no: int) -> Block:
    images = [ImageInfo(**{**i, "bbox": tuple(i["bbox"]) if i.get("bbox") else None}) for i in d.get("images", [])]
    return Block(kind="paragraph", text=d["text"], loc=Location(name, page_no),
                 bbox=tuple(d["bbox"]) if d.get("bbox") else None, size=d.get("size"), cell_x=d.get("cell_x"),
                 confidence=d.get("confidence"), page_break_before=bool(d.get("page_break_before")), images=images)


def _replace_page(src: SourceFile, page_no: int, blocks: list[Block]) -> None:
    out: list[Block] = []
    placed = False
    for b in src.blocks:
        if b.kind == "image" and b.loc.page == page_no and not b.text:
            if not placed:
                out.extend(blocks)
                placed = True
            continue
        out.append(b)
    if not placed:
        out.extend(blocks)
    src.blocks = out


def _kept_pictures(old: list[Block], size, angle: float, dpi: float, fmt: str) -> list[ImageInfo]:
    """Pictures of the page other than the scan itself (a stamp image laid on a PDF page), moved upright."""
    if fmt != "pdf":
        return []
    matrix, _ = rotation_matrix(size, angle)
    px = dpi / 72.0
    out = []
    for b in old:
        for img in b.images:
            if img.red_share is None or img.bbox is None:
                continue  # the page scan (not measured by the parser) is what was read
            box = map_box(tuple(v * px for v in img.bbox), matrix)
            out.append(ImageInfo(img.width, img.height, tuple(v / px for v in box), img.red_share,
                                 img.ink_share, img.dark_share, img.digest))
    return out


def _group(lines: list[OcrLine]) -> list[list[OcrLine]]:
    """Segments into visual lines (vertical overlap), top to bottom, each left to right."""
    rows: list[list[OcrLine]] = []
    for seg in sorted(lines, key=lambda s: ((s.box[1] + s.box[3]) / 2, s.box[0])):
        mid = (seg.box[1] + seg.box[3]) / 2
        for row in reversed(rows[-3:]):
            top = min(s.box[1] for s in row)
            bottom = max(s.box[3] for s in row)
            h = bottom - top
            if top + 0.2 * h <= mid <= bottom - 0.2 * h or (top <= mid <= bottom and seg.box[3] - seg.box[1] < h):
                row.append(seg)
                break
        else:
            rows.append([seg])
    rows.sort(key=lambda r: min(s.box[1] for s in r))
    for row in rows:
        row.sort(key=lambda s: s.box[0])
    return rows


def _join(row: list[OcrLine], rules: list[tuple[float, float, float]] = ()) -> tuple[list[str], list[float]]:
    """Cells of a visual line (split at wide gaps and at ruled lines) and the x of each cell's start.

    ``rules`` are the page's vertical ruled lines (x, top, bottom) in pixels: a
    table's column border between two segments separates cells however close
    they stand. Two runs of Chinese apart by more than a line height (two
    names signed side by side) keep a space between them.
    """
    heights = sorted(s.box[3] - s.box[1] for s in row)
    h = heights[len(heights) // 2] or 10.0
    cells: list[str] = [row[0].text]
    cell_x = [row[0].box[0]]
    for prev, seg in zip(row, row[1:], strict=False):
        gap = seg.box[0] - prev.box[2]
        # A border stands above and below the text it separates; a character's own stroke does not.
        over = min(prev.box[1], seg.box[1]) - 0.15 * h
        under = max(prev.box[3], seg.box[3]) + 0.15 * h
        ruled = any(prev.box[2] - 0.3 * h <= x <= seg.box[0] + 0.3 * h and top <= over and bottom >= under
                    for x, top, bottom in rules)
        if gap > _CELL_GAP * h or ruled:
            cells.append(seg.text)
            cell_x.append(seg.box[0])
        else:
            a, b = cells[-1][-1:], seg.text[:1]
            spaced = (a.isascii() and a.isalnum() and b.isascii() and b.isalnum()) or \
                (gap > 1.0 * h and _CJK.match(a) and _CJK.match(b))
            cells[-1] += (" " if spaced else "") + seg.text
    return cells, cell_x


_CJK = re.compile(r"[\u4e00-\u9fff]")


def page_blocks(reading: PageReading, name: str, page_no: int, dpi: float,
                pictures: list[ImageInfo] | None = None) -> list[Block]:
    """Text line blocks of a page reading, with seals and signature ink attached (coordinates in points)."""
    pt = 72.0 / dpi
    blocks: list[Block] = []
    rows = _group(reading.lines)
    rules = vertical_rules(reading.image, dpi)
    row_of_block: list[list[OcrLine]] = []
    for row in rows:
        cells, cell_x = _join(row, rules)
        text = normalize_line(_ZERO.sub("〇", "\t".join(cells)))
        if not text:
            continue
        x0 = min(s.box[0] for s in row)
        top = min(s.box[1] for s in row)
        x1 = max(s.box[2] for s in row)
        bottom = max(s.box[3] for s in row)
        conf, _ = reading_score(row)
        blocks.append(Block(kind="paragraph", text=text, loc=Location(name, page_no),
                            bbox=(x0 * pt, top * pt, x1 * pt, bottom * pt),
                            size=round((bottom - top) * pt / _SIZE_FACTOR, 1),
                            cell_x=[x * pt for x in cell_x], confidence=round(conf, 4)))
        row_of_block.append(row)
    if not blocks:
        return blocks
    blocks[0].page_break_before = True
    images = list(pictures or [])
    for seal in find_seals(reading.image, dpi):
        box = tuple(v * pt for v in seal.box)
        if any(_overlap(box, p.bbox) > 0.3 for p in images if p.bbox is not None and p.looks_like_seal):
            continue  # the stamp image the PDF already holds
        seal.info.bbox = box
        images.append(seal.info)
    _attach_images(blocks, images, name, page_no)
    _attach_ink(reading, blocks, row_of_block, dpi)
    # A paragraph's lines wrapped by the page, joined as for a text PDF (lines of body width only).
    return _join_wrapped(blocks, min_chars=_WRAP_CHARS)


def _overlap(a, b) -> float:
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1])) or 1.0
    return inter / smaller


def _attach_ink(reading: PageReading, blocks: list[Block], rows: list[list[OcrLine]], dpi: float) -> None:
    """Look beside every signature label and give the label's line what is there: one ``ink`` picture per
    handwritten signature, a ``faint`` mark when it cannot be told, or a ``clean`` mark for paper only.

    What OCR read in the field counts as ink unless it is print: a handwritten name is often read as
    text (a short run of characters, or garbage with a low confidence). Text read in the label's own
    line after the label is the field's written value (signatures() reads it as a name), so its box is
    not counted a second time as a picture.
    """
    pt = 72.0 / dpi
    for block, row in zip(blocks, rows, strict=True):
        if not SIGNATURE_LABEL.search(block.text.replace(" ", "")):
            continue
        for i, seg in enumerate(row):
            compact = re.sub(r"\s+", "", seg.text)
            for m in SIGNATURE_LABEL.finditer(compact):
                n = len(compact) or 1
                x0, y0, x1, y1 = seg.box
                cw = (x1 - x0) / n
                label = (x0 + cw * m.start(), y0, x0 + cw * m.end(), y1)
                own_row = {id(s) for s in row}
                others = [s.box for s in reading.lines
                          if s is not seg and (_is_print(s) or (id(s) in own_row and split_names(s.text)))]
                limit = row[i + 1].box[0] if i + 1 < len(row) else None
                rest = compact[m.end():]
                if rest.strip():
                    # What follows the label in its own segment is read as text (a name, or 日期：…).
                    others.append((label[2], y0, x1, y1))
                    limit = label[2] + cw * max(1, len(rest)) if limit is None else min(limit, x1)
                found = find_ink(reading.image, label, others, dpi, limit_right=None if rest.strip() else limit)
                for mark in found.marks:
                    mark.info.bbox = tuple(v * pt for v in mark.box)
                    mark.info.mark = "ink"
                    block.images.append(mark.info)
                if not found.marks:
                    box = tuple(v * pt for v in label)
                    block.images.append(ImageInfo(0, 0, box, mark="faint" if found.faint else "clean",
                                                  digest=f"field:{round(box[0])}:{round(box[1])}"))


_HANDWRITING_CONFIDENCE = 0.8


def _is_print(seg: OcrLine) -> bool:
    """A segment read as printed text: anything but a short run that may be a handwritten name."""
    text = re.sub(r"\s+", "", seg.text)
    if SIGNATURE_LABEL.search(text) or re.search(r"[0-9０-９年月日:：]", text):
        return True
    if len(text) <= 4:
        return False  # a name, written or typed
    return len(text) > 8 or seg.confidence >= _HANDWRITING_CONFIDENCE


# -- finding the bytes of a source again ------------------------------------------------------


def source_data(rel: str, root: str | os.PathLike | None) -> bytes | Path:
    """The file a SourceFile was read from: a path on disk, or the bytes of a (nested) zip member."""
    if root is None:
        return Path(rel)
    base = Path(root)
    if base.is_file():
        if zipfile.is_zipfile(base) and base.suffix.lower() not in (".docx", ".pdf") and rel != base.name:
            return _from_zip(base.read_bytes(), PurePosixPath(rel).parts)
        return base
    parts = PurePosixPath(rel).parts
    for k in range(len(parts), 0, -1):
        p = base.joinpath(*parts[:k])
        if p.is_file():
            if k == len(parts):
                return p
            return _from_zip(p.read_bytes(), parts[k:])
    raise FileNotFoundError(rel)


def _from_zip(data: bytes, parts: tuple[str, ...]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = {_member_name(i): i for i in zf.infolist() if not i.is_dir()}
        for k in range(len(parts), 0, -1):
            info = names.get("/".join(parts[:k]))
            if info is None:
                continue
            blob = zf.read(info)
            return blob if k == len(parts) else _from_zip(blob, parts[k:])
    raise KeyError("/".join(parts))
