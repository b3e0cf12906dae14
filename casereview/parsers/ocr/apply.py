"""Read the pages parsers could not: OCR in place of the page image, through the cache.

``ocr_sources`` goes through every page listed in a source's ``ocr_pages``,
opens the file again (``reopen``), renders the page (PDF) or decodes the
picture (image file), reads it upright (``ocr_image``: ``page.prepare_page``
with a seal's red taken out first) and replaces the page's image block with
the text line blocks ``layout.page_blocks`` makes of the reading, seals and
signature ink attached (``marks``). Both the reading of a picture and the
finished page are cached (``cache`` keys, ``store`` entries): a warm run costs
a hash of the file and a JSON read per page. A page read with a good mean
confidence leaves ``ocr_pages``; a poor one stays listed and is reported (code
``needs_ocr``) with its page number and confidence, so a person looks at
exactly that page.
"""

from __future__ import annotations

import hashlib
import os
import zipfile
from pathlib import Path

from casereview.model import Block, CaseError, ImageInfo, SourceFile
from casereview.parsers.limits import DEFAULT_LIMITS, Limits
from casereview.parsers.ocr import page
from casereview.parsers.ocr.cache import OcrCache, file_digest, image_digest, page_key, reading_key
from casereview.parsers.ocr.engines import get_engine
from casereview.parsers.ocr.layout import page_blocks
from casereview.parsers.ocr.marks import drop_red, find_seals
from casereview.parsers.ocr.page import (
    PageReading,
    PageTooLarge,
    image_dpi,
    load_image,
    map_box,
    prepare_page,
    rotate,
    rotation_matrix,
)
from casereview.parsers.ocr.reopen import source_data
from casereview.parsers.ocr.store import page_entry, page_from_entry, reading_entry, reading_from_entry
from casereview.parsers.pdf import _number_blocks

__all__ = ["ocr_sources", "ocr_image", "PageReading"]

# What a damaged cache entry raises when read back (store.DamagedEntry is a ValueError): the page is
# read again and the entry overwritten.
_DAMAGED = (KeyError, TypeError, ValueError, IndexError)
_SAME_DPI = 0.01  # a rendered resolution within this of the asked one (dpi) is the asked one


def ocr_image(
    image,
    engine="rapid",
    cache: OcrCache | None = None,
    dpi: int | None = None,
    page_dpi: float | None = None,
) -> PageReading:
    """Read one page picture (before any turning) through the cache.

    ``dpi`` is the render resolution (part of the cache key, None for image
    files); ``page_dpi`` the picture's resolution, used to find seals, whose
    red is taken out before reading so that the print under a seal is read.
    """
    eng = get_engine(engine)
    cache = cache if cache is not None else OcrCache()
    key = reading_key(image_digest(image), eng, dpi)
    hit = cache.get(key)
    if hit is not None:
        try:
            lines, angle = reading_from_entry(hit)
            return PageReading(rotate(image, angle), lines, angle, True)
        except _DAMAGED:
            pass  # a damaged entry is read again and overwritten
    dpi_here = page_dpi or image_dpi(image)
    seals = find_seals(image, dpi_here)
    clean = drop_red(image, [m.box for m in seals], dpi_here) if seals else image
    prep = prepare_page(clean, eng, eng.min_confidence)
    if seals:
        prep.image = rotate(image, prep.angle)  # marks are looked for on the page as it is, seal included
    entry = reading_entry(eng, prep.angle, prep.image.size, prep.lines or [])
    cache.put(key, entry)
    # The reading as stored, so that a first run and a cached run give the same blocks.
    return PageReading(prep.image, reading_from_entry(entry)[0], prep.angle, False)


def ocr_sources(
    sources: list[SourceFile],
    engine="rapid",
    cache_dir: str | os.PathLike | None = None,
    dpi: int = 200,
    root: str | os.PathLike | None = None,
    cache: bool = True,
    limits: Limits = DEFAULT_LIMITS,
) -> list[CaseError]:
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
            errors.append(
                CaseError(src.path, f"无法重新打开文件进行 OCR（{exc}），扫描页需人工核查", "needs_ocr")
            )
            continue
        _ocr_source(src, data, eng, store, dpi, errors, limits)
    return errors


def _ocr_source(
    src: SourceFile,
    data: bytes | Path,
    eng,
    store: OcrCache,
    dpi: int,
    errors: list[CaseError],
    limits: Limits = DEFAULT_LIMITS,
) -> None:
    """OCR the listed pages of one source (``data``: its bytes, or its path on disk) in place."""
    # A PDF on disk is hashed in pieces and opened by path (pdfium reads it lazily): never held whole.
    raw_path = str(data)
    if isinstance(data, bytes) or src.format != "pdf":
        raw = data if isinstance(data, bytes) else Path(data).read_bytes()
        file_sha = hashlib.sha256(raw).hexdigest()
    else:
        raw = None
        file_sha = file_digest(raw_path)
    pdf = None
    try:
        for page_no in list(src.ocr_pages):
            where = "图片" if src.format == "image" else f"第 {page_no} 页"
            # The finished page (lines, seals, ink) by file and page: re-scoring a batch then costs a
            # hash of the file and a JSON read, no rendering, as fast as reading a digital file.
            key = page_key(
                file_sha, page_no, eng, dpi if src.format == "pdf" else None, limits.max_render_pixels
            )
            done = store.get(key)
            if done is not None:
                try:
                    blocks, conf, chars = page_from_entry(done, src.path, page_no)
                except _DAMAGED:
                    done = None
            if done is None:
                try:
                    if src.format == "pdf":
                        if pdf is None:
                            import pypdfium2 as pdfium

                            pdf = pdfium.PdfDocument(raw if raw is not None else raw_path)
                        # Pixels capped before anything is drawn: a huge page is rendered coarser, or refused.
                        picture = page.render_pdf_page(
                            pdf,
                            page_no,
                            dpi,
                            max_pixels=limits.max_render_pixels,
                            min_dpi=limits.min_render_dpi,
                            max_image_pixels=limits.max_image_pixels,
                        )
                        used = float(picture.info["dpi"][0])
                        page_dpi, key_dpi = (float(dpi), dpi) if abs(used - dpi) < _SAME_DPI else (used, used)
                    else:
                        picture = load_image(raw, max_pixels=limits.max_render_pixels)
                        page_dpi, key_dpi = image_dpi(picture), None
                    reading = ocr_image(picture, eng, store, key_dpi, page_dpi)
                except PageTooLarge as exc:
                    errors.append(CaseError(src.path, f"{where}{exc}，需人工核查", "needs_ocr"))
                    continue
                except MemoryError:
                    errors.append(
                        CaseError(src.path, f"{where} OCR 时内存不足（图像过大），需人工核查", "needs_ocr")
                    )
                    continue
                except Exception as exc:
                    if type(exc).__name__ == "OcrUnavailable":
                        raise
                    errors.append(
                        CaseError(
                            src.path,
                            f"{where} OCR 失败（{type(exc).__name__}: {exc}），需人工核查",
                            "needs_ocr",
                        )
                    )
                    continue
                old = [b for b in src.blocks if b.kind == "image" and b.loc.page == page_no]
                kept = _kept_pictures(old, picture.size, reading.angle, page_dpi, src.format)
                blocks = page_blocks(reading, src.path, page_no, page_dpi, kept) if reading.chars else []
                conf, chars = reading.confidence, reading.chars
                store.put(key, page_entry(blocks, conf, chars))
            if not chars or not blocks:
                errors.append(
                    CaseError(
                        src.path,
                        f"{where} OCR 未识别出文字（可能是照片、空白页或图像过于模糊），需人工核查",
                        "needs_ocr",
                    )
                )
                continue
            _replace_page(src, page_no, blocks)
            if conf >= eng.min_confidence:
                src.ocr_pages.remove(page_no)
            else:
                errors.append(
                    CaseError(
                        src.path,
                        f"{where}为扫描件，OCR 识别平均置信度 {conf:.2f}（低于 {eng.min_confidence:.2f}），"
                        f"识别出的文字可能有误，依赖此页的评查项需人工核查",
                        "needs_ocr",
                    )
                )
    finally:
        if pdf is not None:
            pdf.close()
    _number_blocks(src)


def _replace_page(src: SourceFile, page_no: int, blocks: list[Block]) -> None:
    """The page's image block(s) replaced by ``blocks`` where the first stood (at the end if none)."""
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
            out.append(
                ImageInfo(
                    img.width,
                    img.height,
                    tuple(v / px for v in box),
                    img.red_share,
                    img.ink_share,
                    img.dark_share,
                    img.digest,
                )
            )
    return out
