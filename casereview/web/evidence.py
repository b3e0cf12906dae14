"""The page a finding rests on, as a picture with the quoted text highlighted.

A finding's evidence names a document, perhaps a page, and a quote (table
cells joined with `` | ``, long text cut with ``…``, spaces the page may not
have). ``render_evidence`` draws that page as a PNG with every place the
quote's fragments stand on it boxed: a translucent yellow fill with a red
outline. How the text is located depends on the file:

| source | the page picture | where the text stands |
| --- | --- | --- |
| PDF with a text layer | pypdfium2 | pdfplumber's character boxes |
| scanned PDF page, .jpg/.png/.tif | the upright page (as OCR turned it) | the OCR lines' boxes (``parsers.ocr``) |
| .docx / .doc / .wps | its PDF, made once by LibreOffice (cached) | as a PDF |
| .txt | its lines drawn on white A4 pages (a CJK font) | where they were drawn |

A quote is matched on text folded the same way on both sides (NFKC, so full
and half width agree; lower case; whitespace dropped). A fragment not found
whole is matched by its longest run of at least four characters, and its other
runs of four or more near it. A fragment that occurs more than once is kept
where it stands nearest the quote's longest fragment (``检查人`` beside the
officer's name, not every ``被检查人`` of the page). The page given is searched
first; when the quote is not there, or no page is given, every page is searched
and the first page holding the quote is shown — or, given the evidence item's
paragraph (a .docx or .txt has no pages), the holding page nearest where that
paragraph stands in the text. A page is taken as holding the quote when at
least half of the quote's characters, or a run of twelve, are matched;
otherwise ``found`` is False and the page is shown without highlight.

Without a page, a scan is read page by page until the quote is found: seconds a page, unless the
review's OCR cache (``parsers.ocr.cache``; pages are rendered as the review renders them) already
holds the reading. pdfium calls hold ``PDFIUM_LOCK`` (pdfium is not thread-safe).

Pictures are cached in ``cache_dir`` under a key from the source's sha256, the
page, the quote, the resolution and ``VERSION``; a second call reads the
cached file. Nothing is ever written beside the source. No Django here: this
is library code, tested on its own.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from casereview.parsers.limits import DEFAULT_LIMITS
from casereview.report import write_atomic

__all__ = [
    "Rendered",
    "EvidenceError",
    "render_evidence",
    "page_count",
    "convert_office",
    "VERSION",
    "MAX_SIDE",
    "PDFIUM_LOCK",
]

log = logging.getLogger(__name__)

VERSION = 1  # bump when the pictures or the matching change: cached pictures are then drawn again
MAX_SIDE = 2000  # the rendered picture's long side, in pixels, at most
OCR_DPI = (
    200  # scanned PDF pages are rendered as ``ocr_sources`` renders them, so the review's OCR cache answers
)
_MIN_FRAGMENT = 2  # fragments shorter than this (folded) are left out
_MIN_RUN = 4  # a fragment not found whole: its runs of at least this many characters
_FOUND_SHARE = 0.5  # a page holds the quote when this share of its characters is matched …
_FOUND_RUN = 12  # … or one run this long
_GOOD_SHARE = 0.9  # the first page matching this well is taken without looking further
_FILL = (255, 190, 0, 96)
_OUTLINE = (220, 0, 0, 255)
_PAD = 2  # pixels around a box
_QUICK_FALLBACK_PAGES = 30  # pages the quick look ruled out, looked at properly when no page held the quote
_QUICK_MIN_CHARS = 40  # a quick text layer shorter than this may be a stamp over a scan: looked at properly
_MAX_COUNTED = 256  # documents whose page counts are kept; beyond, the table starts again
_HEAD = 2048  # bytes read to tell a text file from a binary one
_SAME_DPI = 0.01  # a picture's stated resolution this close to OCR_DPI is OCR_DPI
_CJK_START = 0x2E80  # from the CJK radicals on, a character takes a full width (before it, half)
# pdfium is not thread-safe (pypdfium2's documentation): a web server answering two clicks at once in
# threads must not call into it concurrently, so every pdfium call here holds this lock.
PDFIUM_LOCK = threading.RLock()

Box = tuple[float, float, float, float]


class EvidenceError(Exception):
    """A page that cannot be shown; the message (Chinese) names the file and the reason."""


@dataclass(slots=True)
class Rendered:
    """A rendered page: the PNG, its page number (1-based) of ``pages``, and the highlighted boxes.

    ``boxes`` are (x0, top, x1, bottom) in pixels of the PNG. ``found`` is False when the quote was
    not located (the page is then shown without highlight). ``ocr`` says the boxes come from OCR
    (their places are approximate).
    """

    png: Path
    page: int
    pages: int
    found: bool
    boxes: list[Box] = field(default_factory=list)
    ocr: bool = False


# -- public API -------------------------------------------------------------------------------------


def render_evidence(
    source: Path,
    page: int | None,
    quote: str | None,
    cache_dir: Path,
    dpi: int = 110,
    paragraph: int | None = None,
) -> Rendered:
    """The page of ``source`` a finding rests on, as a PNG with the quote highlighted (see the module).

    ``page`` is 1-based (None: search every page); ``cache_dir`` holds the pictures (and a .docx's
    PDF). ``paragraph``, the evidence item's paragraph number, matters only without a page (.docx,
    .txt): of the pages holding the quote, the one nearest where that paragraph stands in the text is
    shown (a title quoted from a bound .docx is shown on its document, not on the 卷内目录 that lists
    it). Raises ``EvidenceError`` for an unreadable, damaged or encrypted source, a page out of range,
    or an unsupported format.
    """
    source, cache_dir = Path(source), Path(cache_dir)
    dpi = max(20, min(int(dpi), 600))
    digest = _digest(source)
    hint = paragraph if page is None and paragraph else None
    key = hashlib.sha256(f"{digest}|{page}|{quote or ''}|{dpi}|{hint}|v{VERSION}".encode()).hexdigest()
    png, meta = _cache_paths(cache_dir, key)
    hit = _cached(png, meta)
    if hit is not None:
        return hit
    with _drawing(key):  # a second request for the same picture waits for the first one's drawing
        hit = _cached(png, meta)
        if hit is not None:
            return hit
        return _draw(source, page, quote, cache_dir, dpi, digest, hint, png, meta)


def _draw(
    source: Path,
    page: int | None,
    quote: str | None,
    cache_dir: Path,
    dpi: int,
    digest: str,
    hint: int | None,
    png: Path,
    meta: Path,
) -> Rendered:
    doc = _open(source, digest, cache_dir)
    try:
        fragments = _fragments(quote)
        near = _page_near(doc, source, digest, hint) if hint else None  # an item without a quote: its page
        shown = _locate(doc, page, fragments, near)
        image, boxes = doc.picture(shown.page, dpi, shown.boxes, shown.ocr)
    finally:
        doc.close()
    image = _highlight(image, boxes)
    buf = io.BytesIO()
    image.save(buf, "PNG", optimize=False, compress_level=6)
    write_atomic(png, buf.getvalue())
    rounded = [tuple(round(v, 1) for v in b) for b in boxes]
    write_atomic(
        meta,
        json.dumps(
            {
                "page": shown.page,
                "pages": doc.pages,
                "found": bool(rounded),
                "boxes": rounded,
                "ocr": shown.ocr,
            }
        ),
    )
    return Rendered(png, shown.page, doc.pages, bool(rounded), rounded, shown.ocr)


_DRAWING: dict[str, threading.Lock] = {}
_DRAWING_GUARD = threading.Lock()


@contextmanager
def _drawing(key: str) -> Iterator[None]:
    """One lock per picture key while it is drawn (the threads of one server process): requests for a
    picture being drawn wait for it and then read it from the cache instead of drawing it again."""
    with _DRAWING_GUARD:
        lock = _DRAWING.setdefault(key, threading.Lock())
    with lock:
        yield
    with _DRAWING_GUARD:
        if _DRAWING.get(key) is lock and not lock.locked():
            del _DRAWING[key]


def convert_office(sources: list[Path], cache_dir: Path) -> int:
    """Make the PDFs of every .docx/.doc/.wps of ``sources`` not yet cached, in ONE LibreOffice call.

    LibreOffice's start costs seconds; converting a case's twenty Word files one call each costs ten
    times what one call for all of them does. The review queue calls this once a case is reviewed, so
    a reviewer's first click on a finding finds its page ready. Files LibreOffice cannot convert are
    left out (``render_evidence`` then names them). Returns how many PDFs were made.
    """
    from casereview.report import Skipped
    from casereview.report.pdf import convert, soffice_binary

    cache_dir = Path(cache_dir)
    todo: dict[str, tuple[Path, str]] = {}
    for source in map(Path, sources):
        try:
            kind = _kind(source)
            digest = _digest(source)
        except EvidenceError:
            continue
        target = cache_dir / "pdf" / digest[:2] / f"{digest}.pdf"
        if kind in ("docx", "ole") and not (target.is_file() and target.stat().st_size > 0):
            suffix = ".docx" if kind == "docx" else (".wps" if source.suffix.lower() == ".wps" else ".doc")
            todo[digest] = (source, suffix)
    if not todo or soffice_binary() is None:
        return 0
    made = 0
    with tempfile.TemporaryDirectory(prefix="casereview-evidence-") as tmp:
        copies = []
        for digest, (source, suffix) in todo.items():
            copy = Path(tmp) / f"{digest}{suffix}"  # named by content: two 询问笔录.docx never clash
            try:
                shutil.copyfile(source, copy)
            except OSError:
                continue
            copies.append(copy)
        try:
            pdfs = convert(copies, Path(tmp) / "out")
        except (Skipped, OSError, subprocess.SubprocessError) as exc:
            log.warning("LibreOffice could not convert %d files for evidence pages: %s", len(copies), exc)
            return 0
        for pdf in pdfs:
            write_atomic(cache_dir / "pdf" / pdf.stem[:2] / f"{pdf.stem}.pdf", pdf.read_bytes())
            made += 1
    return made


def page_count(source: Path, cache_dir: Path) -> int:
    """How many pages ``source`` shows as (a .docx: its PDF's pages; a picture: 1)."""
    source = Path(source)
    doc = _open(source, _digest(source), Path(cache_dir))
    try:
        return doc.pages
    finally:
        doc.close()


# -- the cache -------------------------------------------------------------------------------------


def _cache_paths(cache_dir: Path, key: str) -> tuple[Path, Path]:
    folder = cache_dir / "evidence" / key[:2]
    return folder / f"{key}.png", folder / f"{key}.json"


def _cached(png: Path, meta: Path) -> Rendered | None:
    try:
        data = json.loads(meta.read_text("utf-8"))
        if not png.is_file():
            return None
        boxes = [tuple(float(v) for v in b) for b in data["boxes"]]
        return Rendered(
            png, int(data["page"]), int(data["pages"]), bool(data["found"]), boxes, bool(data.get("ocr"))
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _digest(path: Path) -> str:
    """sha256 of the file, remembered while its size and time stay the same (a 200 MB scan: hashed once)."""
    try:
        st = path.stat()
    except OSError as exc:
        raise EvidenceError(f"{path.name}：无法打开文件（{_os_reason(exc)}）") from exc
    if not path.is_file():
        raise EvidenceError(f"{path.name}：不是普通文件，无法显示")
    if st.st_size > DEFAULT_LIMITS.max_file_bytes:
        raise EvidenceError(f"{path.name}：文件过大（{st.st_size / 1e6:.0f} MB），无法显示页面")
    return _digest_of(str(path), st.st_size, st.st_mtime_ns, st.st_ino)


@lru_cache(maxsize=512)
def _digest_of(path: str, size: int, mtime_ns: int, inode: int) -> str:  # noqa: ARG001 - size, mtime_ns and inode are the lru_cache key
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError as exc:
        raise EvidenceError(f"{Path(path).name}：无法读取文件（{_os_reason(exc)}）") from exc
    return h.hexdigest()


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "文件不存在"
    if isinstance(exc, PermissionError):
        return "没有读取权限"
    return exc.strerror or type(exc).__name__


# -- fragments and matching ------------------------------------------------------------------------


def _fold(text: str) -> str:
    """The form both sides are compared in: NFKC (full/half width agree), lower case, no whitespace."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).lower() if not ch.isspace())


def _fragments(quote: str | None) -> list[str]:
    """The quote's pieces: split at cell boundaries and ellipses, folded, short ones left out."""
    if not quote:
        return []
    parts = (_fold(p) for p in re.split(r"\s*\|\s*|…+|\.\.\.", quote))
    return [p for p in parts if len(p) >= _MIN_FRAGMENT]


@dataclass(slots=True)
class _Layer:
    """A page's text as folded characters, each with the box of the glyph it came from."""

    text: str
    boxes: list[Box]

    @classmethod
    def of(cls, glyphs: list[tuple[str, Box]]) -> _Layer:
        text, boxes = [], []
        for raw, box in glyphs:
            for ch in _fold(raw):
                text.append(ch)
                boxes.append(box)
        return cls("".join(text), boxes)


@dataclass(slots=True)
class _Match:
    share: float  # matched characters / the quote's characters
    run: int  # the longest matched run
    spans: list[tuple[int, int]]  # (start, length) in the layer's text


def _occurrences(hay: str, needle: str) -> list[int]:
    out, i = [], hay.find(needle)
    while i >= 0:
        out.append(i)
        i = hay.find(needle, i + len(needle))
    return out


def _partial(hay: str, frag: str) -> list[tuple[int, int]]:
    """Runs of at least ``_MIN_RUN`` characters of ``frag`` on the page, around its longest run."""
    if len(frag) < _MIN_RUN or not hay:
        return []
    m = SequenceMatcher(None, hay, frag, autojunk=False).find_longest_match(0, len(hay), 0, len(frag))
    if m.size < _MIN_RUN:
        return []
    start = m.a - m.b  # where the fragment would begin, aligned on its longest run
    slack = max(4, len(frag) // 4)
    lo, hi = max(0, start - slack), min(len(hay), start + len(frag) + slack)
    spans = [
        (lo + b.a, b.size)
        for b in SequenceMatcher(None, hay[lo:hi], frag, autojunk=False).get_matching_blocks()
        if b.size >= _MIN_RUN
    ]
    return spans or [(m.a, m.size)]


def _match(layer: _Layer, fragments: list[str]) -> _Match:
    """Where the fragments stand in a page's text (see the module for the rules)."""
    total = sum(len(f) for f in fragments)
    if not total or not layer.text:
        return _Match(0.0, 0, [])
    found: list[tuple[str, list[tuple[int, int]], bool]] = []
    for frag in fragments:
        hits = [(i, len(frag)) for i in _occurrences(layer.text, frag)]
        found.append((frag, hits, True) if hits else (frag, _partial(layer.text, frag), False))
    found = [f for f in found if f[1]]
    if not found:
        return _Match(0.0, 0, [])
    # The anchor: the longest fragment found whole (else the one with the longest run); the others are
    # kept where they stand nearest it.
    anchor = max(found, key=lambda f: (f[2], len(f[0]) if f[2] else max(n for _, n in f[1])))
    anchors = [s for s, _ in anchor[1]] if anchor[2] else [anchor[1][0][0]]
    spans: list[tuple[int, int]] = []
    matched = 0
    for frag, hits, whole in found:
        if not whole or frag is anchor[0] or len(hits) == 1:
            kept = hits
        else:
            kept = sorted({min(hits, key=lambda h, a=a: abs(h[0] - a)) for a in anchors})
        spans.extend(kept)
        matched += len(frag) if whole else sum(n for _, n in hits)
    return _Match(min(1.0, matched / total), max(n for _, n in spans), sorted(set(spans)))


def _holds(m: _Match) -> bool:
    return m.share >= _FOUND_SHARE or m.run >= _FOUND_RUN


def _line_boxes(layer: _Layer, spans: list[tuple[int, int]]) -> list[Box]:
    """One box per line of each matched span: the glyph boxes of a line merged."""
    out: list[Box] = []
    for start, length in spans:
        cur: list[float] | None = None
        seen: set[Box] = set()
        for box in layer.boxes[start : start + length]:
            if box in seen:  # one glyph folded into several characters
                continue
            seen.add(box)
            if cur is not None and _same_line(cur, box):
                cur = [min(cur[0], box[0]), min(cur[1], box[1]), max(cur[2], box[2]), max(cur[3], box[3])]
                continue
            if cur is not None:
                out.append(tuple(cur))
            cur = list(box)
        if cur is not None:
            out.append(tuple(cur))
    unique: list[Box] = []
    for b in out:
        if b not in unique:
            unique.append(b)
    return unique


def _same_line(cur: list[float], box: Box) -> bool:
    """``box`` continues the line ``cur``: beside it on a row, or (text set vertically, a page turned
    by a quarter) below it in a column one character wide."""
    height = max(1e-6, min(cur[3] - cur[1], box[3] - box[1]))
    overlap = min(cur[3], box[3]) - max(cur[1], box[1])
    if overlap >= 0.5 * height and box[0] >= cur[0] - height and box[0] - cur[2] <= 3 * height:
        return True
    width = max(1e-6, max(cur[2] - cur[0], box[2] - box[0]))
    across = min(cur[2], box[2]) - max(cur[0], box[0])
    return across >= 0.5 * width and box[1] >= cur[1] - width and box[1] - cur[3] <= 3 * width


# -- finding the page ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Shown:
    page: int
    boxes: list[Box]  # in the units of the page's layer (PDF points, or OCR picture pixels)
    ocr: bool = False


def _locate(doc, page: int | None, fragments: list[str], near: int | None = None) -> _Shown:
    """The page to show and the boxes on it: the given page if it holds the quote, else the first
    page that does (the best one when none holds it well), looking outward from ``near`` when it is
    given; no boxes when no page holds it."""
    if page is not None and not 1 <= page <= doc.pages:
        raise EvidenceError(f"{doc.name}：第 {page} 页不存在（共 {doc.pages} 页）")
    first = page or near or 1
    if not fragments:
        return _Shown(first, [], doc.is_ocr(first))
    if page is None and near is not None:
        order = sorted(range(1, doc.pages + 1), key=lambda n: (abs(n - near), n))
    else:
        order = ([page] if page else []) + [n for n in range(1, doc.pages + 1) if n != page]
    best: tuple[_Match, int, _Layer, bool] | None = None
    skipped: list[int] = []
    for pages in (order, skipped):
        if pages is skipped and len(skipped) > _QUICK_FALLBACK_PAGES:
            break
        for n in pages:
            # A quick look at another page's text first (pdfium: a millisecond a page, pdfplumber: 30);
            # the pages it rules out are looked at properly only when no page holds the quote, and
            # only when they are few.
            if n != page and pages is order:
                quick = doc.quick(n)
                if quick is not None and not _holds(_match(quick, fragments)):
                    skipped.append(n)
                    continue
            layer, ocr = doc.layer(n)
            if layer is None:
                continue
            m = _match(layer, fragments)
            if not _holds(m):
                continue
            if m.share >= _GOOD_SHARE or n == page:
                return _Shown(n, _line_boxes(layer, m.spans), ocr)
            if best is None or m.share > best[0].share:
                best = (m, n, layer, ocr)
        if best is not None:
            break
    if best is not None:
        m, n, layer, ocr = best
        return _Shown(n, _line_boxes(layer, m.spans), ocr)
    return _Shown(first, [], doc.is_ocr(first))


def _page_near(doc, source: Path, digest: str, paragraph: int) -> int | None:
    """The page where paragraph ``paragraph`` of a .docx or .txt (numbered as the parsers number blocks)
    stands: the share of the text before it, taken on the pages' text. None for other kinds."""
    if doc.kind not in ("docx", "txt"):
        return None  # a .doc/.wps: reading it again would cost a second LibreOffice run
    counts = _text_counts(digest, doc)
    blocks = _source_blocks(str(source), digest, doc.kind)
    total_src, total_pages = sum(n for _, n in blocks), sum(counts)
    if not total_src or not total_pages:
        return None
    before = sum(n for para, n in blocks if para < paragraph)
    target, at = before / total_src * total_pages, 0
    for k, n in enumerate(counts, start=1):
        at += n
        if at > target:
            return k
    return len(counts)


_COUNTS: dict[str, list[int]] = {}  # by source sha256: a document's pages are counted once per process


def _text_counts(digest: str, doc) -> list[int]:
    if digest not in _COUNTS:
        if len(_COUNTS) > _MAX_COUNTED:
            _COUNTS.clear()
        _COUNTS[digest] = doc.text_counts()
    return _COUNTS[digest]


@lru_cache(maxsize=64)
def _source_blocks(path: str, digest: str, kind: str) -> tuple[tuple[int, int], ...]:  # noqa: ARG001 - digest is the lru_cache key
    """(paragraph number, folded length) of each block as the parser reads the file (.docx, .txt)."""
    try:
        if kind == "txt":
            from casereview.parsers.text import read_text

            src = read_text(Path(path).read_bytes(), Path(path).name, DEFAULT_LIMITS)
        else:
            from casereview.parsers.docx import read_docx

            src = read_docx(Path(path), Path(path).name, DEFAULT_LIMITS)
    except Exception:  # isolation point (logged or re-raised): only a hint: without it the first page holding the quote is shown
        log.info("blocks of %s not read for the paragraph hint", path, exc_info=True)
        return ()
    return tuple((b.loc.paragraph or 0, len(_fold(b.text))) for b in src.blocks)


# -- opening sources -------------------------------------------------------------------------------


def _kind(path: Path) -> str:
    from casereview.parsers.sniff import EXT_FORMATS, sniff

    try:
        with open(path, "rb") as fh:
            head = fh.read(_HEAD)
    except OSError as exc:
        raise EvidenceError(f"{path.name}：无法读取文件（{_os_reason(exc)}）") from exc
    if not head:
        raise EvidenceError(f"{path.name}：文件为空，无法显示")
    kind = sniff(path, head)
    if kind is None and EXT_FORMATS.get(path.suffix.lower()) in ("txt", None) and _looks_like_text(head):
        kind = "txt"
    if kind in ("pdf", "docx", "ole", "image", "txt"):
        return kind
    if kind == "zip":
        raise EvidenceError(f"{path.name}：是压缩包，请指定包内的文书")
    if kind in ("broken_zip", "ooxml"):
        raise EvidenceError(f"{path.name}：文件已损坏或不是 Word 文档，无法显示")
    raise EvidenceError(f"{path.name}：不支持的文件格式，无法显示页面")


def _looks_like_text(head: bytes) -> bool:
    from casereview.parsers.text import decode_text

    text = decode_text(head[:-4] if len(head) == _HEAD else head)  # a cut multibyte character at the end
    return text is not None and "\x00" not in text


def _open(source: Path, digest: str, cache_dir: Path):
    kind = _kind(source)
    if kind == "pdf":
        return _PdfDoc(source, source.name)
    if kind in ("docx", "ole"):
        return _PdfDoc(_office_pdf(source, kind, digest, cache_dir), source.name, kind)
    if kind == "image":
        return _ImageDoc(source)
    return _TextDoc(source)


def _office_pdf(source: Path, kind: str, digest: str, cache_dir: Path) -> Path:
    """The .docx/.doc/.wps as a PDF made by LibreOffice once, kept in ``cache_dir`` by the file's sha256.

    LibreOffice is run as the scoring sheets are (``report.pdf.convert``: headless, a private profile,
    the CJK font aliases, a time limit) on a private copy, since it writes lock files beside what it
    opens.
    """
    from casereview.report import Skipped
    from casereview.report.pdf import convert, soffice_binary

    target = cache_dir / "pdf" / digest[:2] / f"{digest}.pdf"
    if target.is_file() and target.stat().st_size > 0:
        return target
    if soffice_binary() is None:
        raise EvidenceError(f"{source.name}：显示 Word/WPS 文书的页面需要 LibreOffice（soffice），本机未安装")
    suffix = ".docx" if kind == "docx" else (".wps" if source.suffix.lower() == ".wps" else ".doc")
    with tempfile.TemporaryDirectory(prefix="casereview-evidence-") as tmp:
        copy = Path(tmp) / f"source{suffix}"
        try:
            shutil.copyfile(source, copy)
        except OSError as exc:
            raise EvidenceError(f"{source.name}：无法读取文件（{_os_reason(exc)}）") from exc
        try:
            made = convert([copy], Path(tmp) / "out")
        except Skipped as exc:
            raise EvidenceError(f"{source.name}：{exc}") from exc
        except (OSError, subprocess.SubprocessError) as exc:
            raise EvidenceError(f"{source.name}：LibreOffice 无法运行（{type(exc).__name__}）") from exc
        if not made:
            raise EvidenceError(f"{source.name}：LibreOffice 无法将文件转换为 PDF，文件可能已损坏")
        write_atomic(target, made[0].read_bytes())
    return target


class _PdfDoc:
    """A PDF: text-layer pages located with pdfplumber, scanned pages with OCR."""

    def __init__(self, path: Path, name: str, kind: str = "pdf") -> None:
        import pypdfium2 as pdfium

        self.path, self.name, self.kind = path, name, kind
        with PDFIUM_LOCK:
            try:
                self.pdf = pdfium.PdfDocument(str(path))
            except pdfium.PdfiumError as exc:
                if "password" in str(exc).lower():
                    raise EvidenceError(f"{name}：PDF 已加密，需要密码才能打开，无法显示") from exc
                raise EvidenceError(f"{name}：PDF 无法打开，文件已损坏或格式不符（{exc}）") from exc
            except OSError as exc:
                raise EvidenceError(f"{name}：无法读取文件（{_os_reason(exc)}）") from exc
            self.pages = len(self.pdf)
            if self.pages == 0:
                self.pdf.close()
                raise EvidenceError(f"{name}：PDF 没有任何页面")
        self._plumber = None
        self._layers: dict[int, tuple[_Layer | None, bool]] = {}
        self._ocr: dict[int, tuple[object, list]] = {}

    def close(self) -> None:
        if self._plumber is not None:
            self._plumber.close()
        with PDFIUM_LOCK:
            self.pdf.close()

    def _page_text(self, n: int) -> tuple[list[tuple[str, Box]], bool]:
        """The text layer's glyphs (points, from the page's top left), and whether the page is a scan."""
        import pdfplumber

        if self._plumber is None:
            try:
                self._plumber = pdfplumber.open(str(self.path))
            except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds for damaged files
                log.info("pdfplumber cannot open %s: %s", self.name, exc)
                return [], True
        try:
            page = self._plumber.pages[n - 1].dedupe_chars()
            x0, top = float(page.bbox[0]), float(page.bbox[1])
            glyphs = [
                (c["text"], (c["x0"] - x0, c["top"] - top, c["x1"] - x0, c["bottom"] - top))
                for c in page.chars
            ]
            area = max(float(page.width) * float(page.height), 1.0)
            share = max([(i["x1"] - i["x0"]) * (i["bottom"] - i["top"]) / area for i in page.images] or [0.0])
        except Exception as exc:  # noqa: BLE001 - one damaged page: read by OCR instead
            log.info("pdfplumber cannot read page %d of %s: %s", n, self.name, exc)
            return [], True
        text = "".join(g for g, _ in glyphs)
        return glyphs, _needs_ocr(text, len(glyphs), share)

    def is_ocr(self, n: int) -> bool:
        return self.layer(n)[1]

    def _pdfium_text(self, n: int) -> str | None:
        try:
            with PDFIUM_LOCK:
                page = self.pdf[n - 1]
                try:
                    textpage = page.get_textpage()
                    try:
                        return textpage.get_text_range()
                    finally:
                        textpage.close()
                finally:
                    page.close()
        except Exception:  # noqa: BLE001 - a damaged page: looked at properly
            return None

    def quick(self, n: int) -> _Layer | None:
        """The page's text as pdfium reads it, without boxes; None when it may need OCR."""
        from casereview.parsers.pdf import _garbage

        text = self._pdfium_text(n)
        if text is None or _garbage(text) or len(re.sub(r"\s+", "", text)) < _QUICK_MIN_CHARS:
            return None
        return _Layer(_fold(text), [])

    def text_counts(self) -> list[int]:
        """Characters of text on each page (folded)."""
        return [len(_fold(self._pdfium_text(n) or "")) for n in range(1, self.pages + 1)]

    def layer(self, n: int) -> tuple[_Layer | None, bool]:
        if n not in self._layers:
            glyphs, scan = self._page_text(n)
            if not scan:
                self._layers[n] = (_Layer.of(glyphs), False)
            else:
                reading = self._read(n)
                self._layers[n] = (_ocr_layer(reading[1]) if reading else None, True)
        return self._layers[n]

    def _render(self, n: int, dpi: float):
        from casereview.parsers.ocr.page import PageTooLarge, render_pdf_page

        try:
            with PDFIUM_LOCK:
                return render_pdf_page(self.pdf, n, dpi, max_image_pixels=DEFAULT_LIMITS.max_image_pixels)
        except PageTooLarge as exc:
            raise EvidenceError(f"{self.name}：第 {n} 页{exc}") from exc
        except MemoryError as exc:
            raise EvidenceError(f"{self.name}：第 {n} 页过大，渲染时内存不足") from exc
        except Exception as exc:  # isolation point (logged or re-raised): pdfium: "Failed to load page."
            raise EvidenceError(f"{self.name}：第 {n} 页已损坏，无法显示（{type(exc).__name__}）") from exc

    def _read(self, n: int):
        """The page read by OCR as ``ocr_sources`` reads it (same picture, so the same cache entry)."""
        if n not in self._ocr:
            from casereview.parsers.ocr.page import render_pdf_page

            limits = DEFAULT_LIMITS
            try:
                with PDFIUM_LOCK:
                    picture = render_pdf_page(
                        self.pdf,
                        n,
                        OCR_DPI,
                        max_pixels=limits.max_render_pixels,
                        min_dpi=limits.min_render_dpi,
                        max_image_pixels=limits.max_image_pixels,
                    )
            except Exception as exc:  # noqa: BLE001 - shown without highlight; rendering for display says why
                log.info("page %d of %s not rendered for OCR: %s", n, self.name, exc)
                self._ocr[n] = None
                return None
            used = float(picture.info["dpi"][0])
            key_dpi = OCR_DPI if abs(used - OCR_DPI) < _SAME_DPI else used
            self._ocr[n] = _ocr(picture, key_dpi, used, f"{self.name} 第 {n} 页")
        return self._ocr[n]

    def picture(self, n: int, dpi: int, boxes: list[Box], ocr: bool):
        if ocr:
            reading = self._read(n)
            if reading is not None:
                return _scaled(reading[0], float(reading[0].info.get("dpi", (OCR_DPI,))[0]), dpi, boxes)
        with PDFIUM_LOCK:
            page = self.pdf[n - 1]
            try:
                width, height = page.get_size()
            finally:
                page.close()
        target = min(float(dpi), MAX_SIDE * 72.0 / max(width, height, 1.0))
        image = self._render(n, target)
        factor = image.size[0] / max(width, 1.0)
        return image, [tuple(v * factor for v in b) for b in boxes]


def _needs_ocr(text: str, n_glyphs: int, image_share: float) -> bool:
    """The PDF parser's test for a page without a usable text layer: garbage text (``(cid:…)``, private
    use), too little text over a large picture, a full-page picture under a stamped line, or glyphs that
    decode to blanks."""
    from casereview.parsers.pdf import (
        _FULL_PAGE_SHARE,
        _LARGE_PICTURE_SHARE,
        _MIN_LAYER_CHARS,
        _STAMP_MAX_CHARS,
        _garbage,
        _too_little,
    )

    stamp_only = len(re.sub(r"\s+", "", text)) < _STAMP_MAX_CHARS
    return (
        _garbage(text)
        or (_too_little(text) and image_share > _LARGE_PICTURE_SHARE)
        or (image_share > _FULL_PAGE_SHARE and stamp_only)
        or (n_glyphs >= _MIN_LAYER_CHARS and not text.strip())
    )


def _ocr(picture, key_dpi, page_dpi: float, where: str):
    """(upright picture, OCR lines in its pixels) through the project's OCR and its cache; None when no
    engine is installed or the reading fails (the page is then shown without highlight)."""
    from casereview.parsers.ocr import OcrUnavailable, default_engine
    from casereview.parsers.ocr.apply import ocr_image

    engine = default_engine()
    if engine is None:
        log.info("no OCR engine: %s shown without highlight", where)
        return None
    try:
        reading = ocr_image(picture, engine, None, key_dpi, page_dpi)
    except OcrUnavailable as exc:
        log.info("OCR unavailable for %s: %s", where, exc)
        return None
    except Exception:  # isolation point (logged or re-raised): a page OCR cannot read is still shown
        log.warning("OCR failed on %s", where, exc_info=True)
        return None
    image = reading.image
    image.info["dpi"] = (page_dpi, page_dpi)
    return image, reading.lines


def _ocr_layer(lines) -> _Layer:
    """OCR lines as glyphs: each character's box estimated within its line's box (a CJK character
    counts a full width, a Latin letter or digit half of one)."""
    glyphs: list[tuple[str, Box]] = []
    for line in lines:
        text = line.text
        x0, top, x1, bottom = line.box
        weights = [0.5 if ord(ch) < _CJK_START else 1.0 for ch in text]
        total = sum(weights) or 1.0
        at = 0.0
        for ch, w in zip(text, weights, strict=True):
            left = x0 + (x1 - x0) * at / total
            at += w
            glyphs.append((ch, (left, top, x0 + (x1 - x0) * at / total, bottom)))
    return _Layer.of(glyphs)


def _scaled(image, image_dpi: float, dpi: int, boxes: list[Box]):
    """A picture brought to ``dpi`` (never above ``MAX_SIDE`` pixels, never enlarged), boxes with it."""
    from PIL import Image

    factor = min(dpi / max(image_dpi, 1.0), MAX_SIDE / max(image.size), 1.0)
    if factor < 1.0:
        image = image.resize(
            (max(1, round(image.size[0] * factor)), max(1, round(image.size[1] * factor))),
            Image.Resampling.LANCZOS,
        )
    return image, [tuple(v * factor for v in b) for b in boxes]


class _ImageDoc:
    """A picture file (.jpg/.png/.tif): one page, located by OCR."""

    def __init__(self, path: Path) -> None:
        from PIL import Image

        from casereview.parsers.ocr.page import image_dpi, load_image

        self.name, self.pages, self.kind = path.name, 1, "image"
        limits = DEFAULT_LIMITS
        try:
            data = path.read_bytes()
            with Image.open(io.BytesIO(data)) as img:
                w, h = img.size
            if w * h > limits.max_image_pixels:
                raise EvidenceError(f"{self.name}：图片像素过多（{w}×{h}），无法显示")
            self.image = load_image(data, max_pixels=limits.max_render_pixels)
        except EvidenceError:
            raise
        except OSError as exc:
            raise EvidenceError(
                f"{self.name}：图片无法打开，文件已损坏或格式不符（{type(exc).__name__}）"
            ) from exc
        except Exception as exc:  # isolation point (logged or re-raised): any decoding failure
            raise EvidenceError(f"{self.name}：图片无法解码，文件已损坏（{type(exc).__name__}）") from exc
        self.dpi = image_dpi(self.image)
        self._reading = False, None

    def close(self) -> None:
        pass

    def _read(self):
        if not self._reading[0]:
            self._reading = True, _ocr(self.image, None, self.dpi, self.name)
        return self._reading[1]

    def is_ocr(self, n: int) -> bool:  # noqa: ARG002 - the page-source protocol
        return True

    def quick(self, n: int) -> _Layer | None:  # noqa: ARG002 - the page-source protocol
        return None

    def text_counts(self) -> list[int]:
        return []

    def layer(self, n: int) -> tuple[_Layer | None, bool]:  # noqa: ARG002 - the page-source protocol
        reading = self._read()
        return (_ocr_layer(reading[1]) if reading else None), True

    def picture(self, n: int, dpi: int, boxes: list[Box], ocr: bool):  # noqa: ARG002 - the page-source protocol
        reading = self._read()
        image = reading[0] if reading else self.image  # the page as OCR turned it upright
        return _scaled(image, self.dpi, dpi, boxes)


# -- plain text ------------------------------------------------------------------------------------

_A4_IN = (8.27, 11.69)
_MARGIN_IN = 0.8
_FONT_PT = 12.0
_LINE_STEP = 1.6
_FONTS = (
    ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),  # fonts-noto-cjk: Noto Serif CJK SC
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),  # fonts-arphic-uming
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
)


@lru_cache(maxsize=8)
def _font(size: int):
    """A CJK font at ``size`` pixels: Noto CJK (as the sheets' fonts.conf prefers), else what fontconfig
    finds for Chinese, else Pillow's own (boxes still right, characters drawn as blanks)."""
    from PIL import ImageFont

    candidates = list(_FONTS)
    fc = shutil.which("fc-match")
    if fc:
        try:
            out = subprocess.run(
                [fc, "-f", "%{file}|%{index}", ":lang=zh-cn"],
                capture_output=True,
                text=True,
                timeout=10,
                check=False,
            ).stdout
            file, _, index = out.partition("|")
            if file:
                candidates.append((file, int(index or 0)))
        except (OSError, subprocess.SubprocessError, ValueError):
            pass
    for path, index in candidates:
        if os.path.isfile(path):
            try:
                return ImageFont.truetype(path, size, index=index)
            except OSError:
                continue
    return ImageFont.load_default(size)


class _TextDoc:
    """A plain-text file drawn on white A4 pages (a form feed starts a new page; long lines wrap).

    The text is laid out once at ``_LAYOUT_DPI``; a picture at another resolution draws each character
    at its laid-out place scaled, so the boxes and the page breaks never depend on the resolution.
    """

    def __init__(self, path: Path) -> None:
        from casereview.parsers.text import decode_text

        self.name, self.kind = path.name, "txt"
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise EvidenceError(f"{self.name}：无法读取文件（{_os_reason(exc)}）") from exc
        if len(data) > DEFAULT_LIMITS.max_docx_bytes:
            raise EvidenceError(f"{self.name}：文本文件过大，无法显示")
        text = decode_text(data)
        if text is None or "\x00" in text[:4096]:
            raise EvidenceError(f"{self.name}：无法识别文本编码（既非 UTF-8 也非 GB18030），无法显示")
        self._pages = _lay_out(text.replace("\r\n", "\n").replace("\r", "\n"))
        self.pages = len(self._pages)

    def close(self) -> None:
        pass

    def is_ocr(self, n: int) -> bool:  # noqa: ARG002 - the page-source protocol
        return False

    def quick(self, n: int) -> _Layer | None:  # noqa: ARG002 - the page-source protocol
        return None

    def text_counts(self) -> list[int]:
        return [len(_Layer.of(glyphs).text) for glyphs in self._pages]

    def layer(self, n: int) -> tuple[_Layer | None, bool]:
        return _Layer.of(self._pages[n - 1]), False

    def picture(self, n: int, dpi: int, boxes: list[Box], ocr: bool):  # noqa: ARG002 - the page-source protocol
        from PIL import Image, ImageDraw

        target = min(float(dpi), MAX_SIDE / _A4_IN[1])
        f = target / _LAYOUT_DPI
        image = Image.new("RGB", (round(_A4_IN[0] * target), round(_A4_IN[1] * target)), "white")
        draw = ImageDraw.Draw(image)
        font = _font(max(6, round(_FONT_PT / 72.0 * target)))
        for ch, (x0, top, _, _) in self._pages[n - 1]:
            if not ch.isspace():
                draw.text((x0 * f, top * f), ch, fill=(20, 20, 20), font=font)
        return image, [tuple(v * f for v in b) for b in boxes]


_LAYOUT_DPI = 144.0


def _lay_out(text: str) -> list[list[tuple[str, Box]]]:
    """Each page's characters with their boxes, in pixels at ``_LAYOUT_DPI``."""
    size = round(_FONT_PT / 72.0 * _LAYOUT_DPI)
    font = _font(size)
    margin = _MARGIN_IN * _LAYOUT_DPI
    right = _A4_IN[0] * _LAYOUT_DPI - margin
    step = size * _LINE_STEP
    per_page = max(1, int((_A4_IN[1] * _LAYOUT_DPI - 2 * margin) // step))
    widths: dict[str, float] = {}
    pages: list[list[tuple[str, Box]]] = []
    for chunk in text.split("\f"):
        rows: list[list[tuple[str, float, float]]] = []  # (character, x, width)
        for line in chunk.split("\n"):
            row: list[tuple[str, float, float]] = []
            x = margin
            for ch in line.replace("\t", "    ").rstrip():
                w = widths.get(ch)
                if w is None:
                    w = widths[ch] = font.getlength(ch)
                if row and x + w > right:
                    rows.append(row)
                    row, x = [], margin
                row.append((ch, x, w))
                x += w
            rows.append(row)
        while rows and not rows[-1]:
            rows.pop()
        for i in range(0, max(len(rows), 1), per_page):
            glyphs = []
            for k, row in enumerate(rows[i : i + per_page]):
                top = margin + k * step
                glyphs.extend((ch, (x, top, x + w, top + size * 1.15)) for ch, x, w in row)
            pages.append(glyphs)
    return pages or [[]]


# -- drawing ---------------------------------------------------------------------------------------


def _highlight(image, boxes: list[Box]):
    """The page with each box filled translucent yellow and outlined in red."""
    from PIL import Image, ImageDraw

    base = image.convert("RGBA")
    overlay = Image.new("RGBA", base.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    w, h = base.size
    for x0, top, x1, bottom in boxes:
        rect = (max(0, x0 - _PAD), max(0, top - _PAD), min(w - 1, x1 + _PAD), min(h - 1, bottom + _PAD))
        if rect[2] > rect[0] and rect[3] > rect[1]:
            draw.rectangle(rect, fill=_FILL, outline=_OUTLINE, width=2)
    return Image.alpha_composite(base, overlay).convert("RGB")
