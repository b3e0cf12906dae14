"""Read a PDF into text-line blocks, page by page, with bounded memory.

pypdfium2 is the fast path for every page: its text rectangles give the text
runs with positions, which are grouped into lines; a wide gap between two runs
on one line is a table-cell boundary and is kept as `` | `` so that an empty
signature cell stays visible. Image objects are measured (seal red, ink) and
attached to the line they sit beside. Pages whose text layer is empty or
garbage (``(cid:…)`` fonts, private-use characters) are listed in
``ocr_pages``: they are never read as empty documents.

pdfplumber is the fallback for files pdfium cannot open, with fake-bold
characters de-duplicated (``dedupe_chars``).
"""

from __future__ import annotations

import re
from pathlib import Path

from casereview.model import Block, CaseError, ImageInfo, Location, SourceFile
from casereview.parsers.images import analyse_pil
from casereview.parsers.limits import Budget, LimitReached, Limits
from casereview.parsers.pdf_fallback import FallbackFailed, read_fallback
from casereview.parsers.pdf_tables import (
    cell_runs,
    column_index,
    find_grids,
    global_columns,
    is_frame,
    page_rules,
    row_cells,
    split_runs,
)
from casereview.parsers.segments import normalize_segments
from casereview.text.normalize import normalize

_CID = re.compile(r"\(cid:\d+\)")
_CELL_GAP_EM = 1.0  # a gap wider than this many line heights separates table cells (CJK text abuts)
_MIN_TEXT_CHARS = 8  # fewer readable characters than this on a page with an image: needs OCR
# A scan covering the page whose text layer is only a stamped line or two (a page
# number, a Bates or archive stamp added by a PDF tool) is still a scan: needs OCR.
_FULL_PAGE_SHARE = 0.8
_LARGE_PICTURE_SHARE = 0.25  # a picture over this share of the page makes too little text a scan
_STAMP_MAX_CHARS = 40
_STAMP_MAX_LINES = 2
_NO_WIDTH = 0.01  # a character box narrower or lower than this (points) is not drawn
_GARBAGE_SHARE = 0.3  # a text layer with more undecodable characters than this share is not trusted
# Code points that are never real text: U+FFFD, the private-use area, C0 controls, the specials block.
_REPLACEMENT, _PRIVATE_USE, _CONTROL_END, _SPECIALS = 0xFFFD, (0xE000, 0xF8FF), 0x20, 0xFFF0


def read_pdf(data: bytes | Path, name: str, limits: Limits) -> SourceFile:
    """Parse a PDF (path preferred: pdfium then reads lazily) into a SourceFile.

    Every page is read on its own: a page that fails to load or to read is
    reported and the others are still read. The file's text and block caps
    and its reading deadline (``Limits``) stop the loop with a report of what
    was left unread; a file that yields nothing at all is reported too.
    """
    import pypdfium2 as pdfium

    src = SourceFile(path=name, format="pdf")
    try:
        pdf = pdfium.PdfDocument(data if isinstance(data, bytes) else str(data))
    except pdfium.PdfiumError as exc:
        # pdfium's last error is global and may be left over from another file: "password" is believed only
        # when the file itself declares encryption.
        if "password" in str(exc).lower() and _declares_encryption(data):
            src.errors.append(CaseError(name, "PDF 已加密，需要密码才能打开，未能读取", "encrypted"))
            return src
        return _fallback_pdfplumber(data, name, limits, src)
    budget = Budget(limits, name, unit="行")
    try:
        n = len(pdf)
        src.page_count = n
        if n == 0:
            src.errors.append(CaseError(name, "PDF 没有任何页面", "empty"))
            return src
        if n > limits.max_pages:
            src.errors.append(
                CaseError(
                    name,
                    f"PDF 共 {n} 页，超过上限 {limits.max_pages} 页，仅读取前 {limits.max_pages} 页",
                    "too_large",
                )
            )
        for index in range(min(n, limits.max_pages)):
            budget.tick(f"第 {index} 页")
            try:
                page = pdf[index]
            except Exception as exc:  # noqa: BLE001 - pdfium: "Failed to load page."
                src.errors.append(
                    CaseError(
                        name,
                        f"第 {index + 1} 页已损坏，无法加载（{type(exc).__name__}），该页未读取",
                        "unreadable",
                    )
                )
                continue
            try:
                _read_page(page, index + 1, name, src, limits, budget)
            except LimitReached:
                raise
            except Exception as exc:  # noqa: BLE001 - one bad page must not lose the others
                src.errors.append(
                    CaseError(name, f"第 {index + 1} 页无法读取：{type(exc).__name__}", "unreadable")
                )
                src.ocr_pages.append(index + 1)
            finally:
                page.close()
    except LimitReached as stop:
        src.errors.append(stop.error)
    finally:
        pdf.close()
    _number_blocks(src)
    if not src.errors and not src.ocr_pages and not any(b.text or b.images for b in src.blocks):
        src.errors.append(CaseError(name, _NOTHING_READ.format(src.page_count), "unreadable"))
    return src


def _declares_encryption(data: bytes | Path) -> bool:
    """The trailer (or a cross-reference stream) names an /Encrypt dictionary: looked for in the first and
    last megabyte, where they stand."""
    if isinstance(data, bytes):
        return b"/Encrypt" in data[: 1 << 20] or b"/Encrypt" in data[-(1 << 20) :]
    with open(data, "rb") as fh:
        head = fh.read(1 << 20)
        fh.seek(max(0, fh.seek(0, 2) - (1 << 20)))
        return b"/Encrypt" in head or b"/Encrypt" in fh.read()


# Blank pages and pages whose content is damaged look alike: "unreadable" (never "empty"), so that what
# such a file should hold is left for a person rather than judged missing.
_NOTHING_READ = "PDF 的 {} 页中没有读出任何文字或图片（空白页，或页面内容已损坏），未能读取"


# A page whose text rectangles times characters exceed this is read char by char (linear): each
# bounded-text query scans the whole page, so 200k text objects would take hours the other way.
_BOUNDED_WORK = 20_000_000
_MIN_LAYER_CHARS = 8  # a text layer of at least this many characters that decodes to blanks needs OCR


def _read_page(page, page_no: int, name: str, src: SourceFile, limits: Limits, budget: Budget) -> None:
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        n_chars = textpage.count_chars()
        n_rects = textpage.count_rects()
        if n_rects * max(n_chars, 1) > _BOUNDED_WORK:
            runs = _runs_by_chars(textpage, n_chars, height)
        else:
            runs = []
            for i in range(n_rects):
                left, bottom, right, top = textpage.get_rect(i)
                # Neighbouring rectangles overlap by a fraction of a point, and pdfium returns a
                # character for every rectangle it touches (执法人员对 / 员对): shrink before asking.
                pad = min(1.0, (right - left) / 4)
                text = textpage.get_text_bounded(left + pad, bottom, right - pad, top)
                if text.strip():
                    runs.append((left, height - top, right, height - bottom, text))
    finally:
        textpage.close()
    budget.tick(f"第 {page_no} 页")
    lines = _group_lines(runs)
    page_text = "".join(t for line in lines for (_, _, _, _, t) in line)
    images = []
    for n_images, obj in enumerate(page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3)):
        if n_images == limits.max_page_images:
            src.errors.append(
                CaseError(
                    name,
                    f"第 {page_no} 页的图片超过 {limits.max_page_images} 个，其余图片未读取",
                    "too_large",
                )
            )
            break
        left, bottom, right, top = obj.get_bounds()
        bbox = (left, height - top, right, height - bottom)
        area = (right - left) * (top - bottom)
        px_w, px_h = obj.get_px_size()
        if area > 0.4 * width * height or px_w * px_h > limits.max_measure_pixels:
            # A page scan (not measured here), or a picture too large to decode for measuring.
            images.append(ImageInfo(px_w, px_h, bbox=bbox))
            continue
        try:
            pil = obj.get_bitmap(render=True).to_pil()
            images.append(analyse_pil(pil, bbox=bbox))
        except Exception:  # noqa: BLE001 - an undecodable image is still a picture
            images.append(ImageInfo(px_w, px_h, bbox=bbox))
    large_image = any(
        i.bbox and (i.bbox[2] - i.bbox[0]) * (i.bbox[3] - i.bbox[1]) > _LARGE_PICTURE_SHARE * width * height
        for i in images
    )
    full_page_image = any(
        i.bbox and (i.bbox[2] - i.bbox[0]) * (i.bbox[3] - i.bbox[1]) > _FULL_PAGE_SHARE * width * height
        for i in images
    )
    stamp_only = len(lines) <= _STAMP_MAX_LINES and len(re.sub(r"\s+", "", page_text)) < _STAMP_MAX_CHARS
    # Glyphs drawn but decoding to blanks (a font without a usable ToUnicode map): only OCR can read them.
    blank_layer = n_chars >= _MIN_LAYER_CHARS and not page_text.strip()
    if (
        _garbage(page_text)
        or (_too_little(page_text) and large_image)
        or (full_page_image and stamp_only)
        or blank_layer
    ):
        src.ocr_pages.append(page_no)
        src.blocks.append(
            Block(
                kind="image", text="", loc=Location(name, page_no), images=images, bbox=(0, 0, width, height)
            )
        )
        return
    grids = [g for g in find_grids(page_rules(page, height)) if not is_frame(g)]
    tables: list[Block] = []
    if grids:
        inside, outside = split_runs(grids, runs)
        pairs = [(_table_block(g, rs, name, page_no), g) for g, rs in zip(grids, inside, strict=True) if rs]
        images = _attach_table_images(pairs, images)
        tables = [b for b, _ in pairs]
        lines = _group_lines(outside)
    blocks = [b for b in (_line_block(line, name, page_no) for line in lines) if b.text]
    blocks = _join_wrapped(sorted(blocks + tables, key=lambda b: b.bbox[1] if b.bbox else 0.0))
    if blocks:
        blocks[0].page_break_before = True
    _attach_images(blocks, images, name, page_no)
    for b in blocks:
        budget.take(b.text)
        src.blocks.append(b)


def _runs_by_chars(textpage, n_chars: int, height: float) -> list[tuple]:
    """Text runs (x0, top, x1, bottom, text) from the characters in content order, in one pass.

    A run is what pdfium makes a text rectangle of: consecutive characters of
    one text object (generated spaces and line breaks, and characters without
    a box, are left out). Used for pages with so many runs that a bounded-text
    query per run would be quadratic.
    """
    import ctypes

    import pypdfium2.raw as pdfium_c

    raw = textpage.raw
    full = textpage.get_text_range(0, n_chars)
    one_to_one = len(full) == n_chars
    runs: list[tuple] = []
    cur: list | None = None  # [x0, top, x1, bottom, [chars], text object]
    for i in range(n_chars):
        obj = ctypes.cast(pdfium_c.FPDFText_GetTextObject(raw, i), ctypes.c_void_p).value
        if obj is None or pdfium_c.FPDFText_IsGenerated(raw, i) == 1:
            cur = _close_run(cur, runs)
            continue
        left, bottom, right, top = textpage.get_charbox(i)
        if right - left < _NO_WIDTH or top - bottom < _NO_WIDTH:
            continue
        ch = full[i] if one_to_one else textpage.get_text_range(i, 1)
        x0, y0, x1, y1 = left, height - top, right, height - bottom
        if cur is not None and cur[5] != obj:
            cur = _close_run(cur, runs)
        if cur is None:
            cur = [x0, y0, x1, y1, [ch], obj]
        else:
            cur[0], cur[1], cur[2], cur[3] = (
                min(cur[0], x0),
                min(cur[1], y0),
                max(cur[2], x1),
                max(cur[3], y1),
            )
            cur[4].append(ch)
    _close_run(cur, runs)
    return runs


def _close_run(cur, runs: list) -> None:
    if cur is not None:
        text = "".join(cur[4])
        if text.strip():
            runs.append((cur[0], cur[1], cur[2], cur[3], text))
    return None


def _table_block(grid, runs, name: str, page_no: int) -> Block:
    """A ruled table as rows of cells (the runs of a cell joined across its wrapped lines)."""
    by_cell = cell_runs(grid, runs)
    width = len(global_columns(grid)) - 1
    rows: list[list[str]] = []
    for r in range(len(grid.ys) - 1):
        row = [""] * width
        for col, right in row_cells(grid, r):
            if col < width:
                row[col] = _cell_text(by_cell.get((r, col), []), right)
        rows.append(row)
    heights = sorted(run[3] - run[1] for run in runs)
    text = "\n".join(" | ".join(row) for row in rows)
    return Block(
        kind="table",
        text=text,
        loc=Location(name, page_no),
        rows=rows,
        bbox=(grid.x0, grid.top, grid.x1, grid.bottom),
        size=round(heights[len(heights) // 2], 1),
    )


def _cell_text(runs, right: float) -> str:
    """One cell's text: its lines, a line that runs to the cell's right edge joined to the next (wrapped)."""
    if not runs:
        return ""
    out = ""
    last_right = last_height = None
    for line in _group_lines(runs) if len(runs) > 1 else [runs]:
        text, height = _line_text(line)
        if not text:
            continue
        if last_right is None:
            out = text
        elif last_right >= right - 3.2 * last_height or _split_number(out, text):
            # words of Latin letters wrapped at a space keep one; a code or number broken by the cell does not
            sep = " " if re.search(r"[A-Za-z]$", out) and re.match(r"[A-Za-z]", text) else ""
            out += sep + text
        else:
            out += "\n" + text
        last_right, last_height = max(r[2] for r in line), height
    return out


def _attach_table_images(tables: list[tuple[Block, object]], images: list[ImageInfo]) -> list[ImageInfo]:
    """Give each picture whose centre lies in a table cell to that cell; return the others."""
    rest = []
    for img in images:
        cx = cy = None
        if img.bbox is not None:
            cx, cy = (img.bbox[0] + img.bbox[2]) / 2, (img.bbox[1] + img.bbox[3]) / 2
        for block, grid in tables:
            if cx is not None and grid.contains(cx, cy) and (r := grid.row_of(cy)) is not None:
                col = column_index(global_columns(grid), grid.cols[r][grid.col_of(r, cx)])
                block.images.append(img)
                block.image_cells.append((r, col))
                break
        else:
            rest.append(img)
    return rest


_ASCII_END = re.compile(r"[A-Za-z0-9]$")
_SENTENCE_END = re.compile(r"[。；;：:！!？?）)]$")


def _split_number(before: str, after: str) -> bool:
    """A date or number a narrow cell broke (2023年5月 / 12日, 〔2023〕 / 第011号): one run of text."""
    a, b = before[-1:], after[:1]
    if b.isascii() and b.isalnum() and (a.isalnum() or a in "：:-"):
        return True  # a number or code the cell broke (执法证号：豫卫执 / 132678, 91411326MNNTEU0C / 93)
    return bool(
        (a in "年月" and b.isdigit())
        or (a.isdigit() and b in "日月年号")
        or (a in "〕]" and b in "第0123456789")
    )


_ASCII_START = re.compile(r"^[A-Za-z0-9]")


def _join_wrapped(blocks: list[Block], min_chars: float = 0.0) -> list[Block]:
    """Join the lines of a paragraph that the page wrapped (第十 / 八条, 执法证号： / HB36110251).

    A line continues the one above when both are single-cell lines, the one
    above runs to the right edge of the text, the next one is not indented
    (a new paragraph starts two characters in) and follows at normal spacing.
    ``min_chars``: the line above must also be at least this many characters
    wide (an OCR'd page of a few short lines has its longest line "at the
    right edge" without any wrapping).
    """
    if len(blocks) <= 1:
        return blocks
    right = max(b.bbox[2] for b in blocks if b.bbox)
    left = min(b.bbox[0] for b in blocks if b.bbox)
    out: list[Block] = [blocks[0]]
    last = blocks[0].bbox  # the last physical line of out[-1]
    for b in blocks[1:]:
        prev = out[-1]
        h = prev.size or 10.0
        if (
            last
            and b.bbox
            and "|" not in prev.text
            and (
                "|" not in b.text or not _SENTENCE_END.search(prev.text)
            )  # a sentence wraps into a gapped line
            and prev.kind == b.kind == "paragraph"
            and last[2] >= right - 1.6 * h
            and last[2] - last[0] >= min_chars * h
            and last[0] <= left + 2.6 * h  # the line above starts at the margin (or a 2-character indent)
            and b.bbox[0] <= left + 1.0 * h  # this one at the margin: right-aligned closings never join
            and 0 <= b.bbox[1] - last[3] <= 1.2 * h
            and not prev.images
        ):
            sep = " " if _ASCII_END.search(prev.text) and _ASCII_START.search(b.text) else ""
            prev.text = prev.text + sep + b.text
            prev.bbox = (min(prev.bbox[0], b.bbox[0]), prev.bbox[1], max(prev.bbox[2], b.bbox[2]), b.bbox[3])
            prev.images.extend(b.images)
            if prev.confidence is not None and b.confidence is not None:  # OCR lines: the weaker reading
                prev.confidence = min(prev.confidence, b.confidence)
            last = b.bbox
            continue
        out.append(b)
        last = b.bbox
    return out


def _too_little(text: str) -> bool:
    return len(re.sub(r"\s+", "", text)) < _MIN_TEXT_CHARS


def _garbage(text: str) -> bool:
    """True when a text layer is present but cannot be trusted: (cid:…) or private-use glyphs."""
    stripped = re.sub(r"\s+", "", text)
    if not stripped:
        return False
    if _CID.search(stripped):
        return True
    bad = sum(1 for ch in stripped if _garbage_char(ch))
    return bad / len(stripped) > _GARBAGE_SHARE


def _unusable(text: str) -> bool:
    """True when a page's text layer cannot be trusted: too little, or garbage."""
    return _garbage(text) or _too_little(text)


def _garbage_char(ch: str) -> bool:
    o = ord(ch)
    return o == _REPLACEMENT or _PRIVATE_USE[0] <= o <= _PRIVATE_USE[1] or o < _CONTROL_END or _SPECIALS <= o


def _group_lines(runs):
    """Group text runs (x0, top, x1, bottom, text) into lines, top to bottom, left to right."""
    runs = sorted(runs, key=lambda r: (round(r[1] + r[3]) / 2, r[0]))
    lines: list[list] = []
    spans: list[
        list[float]
    ] = []  # each line's [top, bottom], kept as runs join it (linear, however long the line)
    for run in runs:
        mid = (run[1] + run[3]) / 2
        for k in range(len(lines) - 1, max(len(lines) - 4, -1), -1):
            span = spans[k]
            if span[0] - 1 <= mid <= span[1] + 1:
                lines[k].append(run)
                span[0], span[1] = min(span[0], run[1]), max(span[1], run[3])
                break
        else:
            lines.append([run])
            spans.append([run[1], run[3]])
    order = sorted(range(len(lines)), key=lambda k: spans[k][0])
    lines = [lines[k] for k in order]
    for line in lines:
        line.sort(key=lambda r: r[0])
    return lines


def _line_text(line) -> tuple[str, float]:
    """The normalised text of one line of runs (a wide gap is a cell boundary, `` | ``), and its height."""
    text, height, _ = _line_parts(line)
    return text, height


def _line_parts(line) -> tuple[str, float, list[float]]:
    height = max(r[3] - r[1] for r in line) or 10.0
    segments: list[str] = []
    pieces: list[str] = []
    cell_x = [line[0][0]]
    prev_right = None
    for x0, _, x1, _, text in line:
        if prev_right is not None and x0 - prev_right > _CELL_GAP_EM * height:
            segments.append("".join(pieces))
            pieces = []
            cell_x.append(x0)
        pieces.append(text)
        prev_right = x1
    segments.append("".join(pieces))
    return normalize_segments(segments), height, cell_x


def _line_block(line, name: str, page_no: int) -> Block:
    text, height, cell_x = _line_parts(line)
    bbox = (
        min(r[0] for r in line),
        min(r[1] for r in line),
        max(r[2] for r in line),
        max(r[3] for r in line),
    )
    return Block(
        kind="paragraph",
        text=text,
        loc=Location(name, page_no),
        bbox=bbox,
        size=round(height, 1),
        cell_x=cell_x,
    )


def _attach_images(blocks: list[Block], images: list[ImageInfo], name: str, page_no: int) -> None:
    """Give each picture to the line beside it (vertical overlap), else to the nearest line."""
    for img in images:
        if img.bbox is None:
            continue
        x0, top, x1, bottom = img.bbox
        best, best_d = None, None
        for b in blocks:
            if b.bbox is None:
                continue
            mid = (b.bbox[1] + b.bbox[3]) / 2
            overlap = top <= mid <= bottom
            d = 0.0 if overlap else min(abs(mid - top), abs(mid - bottom))
            # Prefer the line whose label ends left of the picture (…签名： [picture]).
            if overlap and b.bbox[0] <= x0:
                d -= 0.5
            if best_d is None or d < best_d:
                best, best_d = b, d
        if best is not None:
            best.images.append(img)
        else:
            blocks.append(
                Block(kind="image", text="", loc=Location(name, page_no), images=[img], bbox=img.bbox)
            )


def _number_blocks(src: SourceFile) -> None:
    for i, b in enumerate(src.blocks, 1):
        b.loc = Location(b.loc.source, b.loc.page, i)


def _fallback_pdfplumber(data, name: str, limits: Limits, src: SourceFile) -> SourceFile:
    """Second opinion for PDFs pdfium refuses (pdfminer parses differently), in a child process that is
    killed past its time or memory (pdfminer loops forever on some reference cycles)."""
    try:
        out = read_fallback(
            data,
            limits.max_pages,
            timeout_s=min(limits.max_file_seconds, limits.fallback_seconds),
            memory_mb=limits.fallback_memory_mb,
        )
    except FallbackFailed as exc:
        src.errors.append(CaseError(name, exc.reason, exc.code))
        return src
    src.page_count = out["page_count"]
    budget = Budget(limits, name, unit="行")
    try:
        if src.page_count > limits.max_pages:
            src.errors.append(
                CaseError(
                    name,
                    f"PDF 共 {src.page_count} 页，超过上限 {limits.max_pages} 页，仅读取前 {limits.max_pages} 页",
                    "too_large",
                )
            )
        for index, lines in enumerate(out["pages"]):
            page_no = index + 1
            if lines is None:
                src.errors.append(CaseError(name, f"第 {page_no} 页已损坏，无法读取", "unreadable"))
                continue
            if _unusable("".join(lines)):
                src.ocr_pages.append(page_no)
                src.blocks.append(Block(kind="image", text="", loc=Location(name, page_no)))
                continue
            first = True
            for line in lines:
                t = normalize(line).strip()
                if t:
                    budget.take(t)
                    src.blocks.append(
                        Block(kind="paragraph", text=t, loc=Location(name, page_no), page_break_before=first)
                    )
                    first = False
    except LimitReached as stop:
        src.errors.append(stop.error)
    _number_blocks(src)
    if src.page_count == 0:
        src.errors.append(CaseError(name, "PDF 没有任何页面（文件结构已损坏），未能读取", "unreadable"))
    elif not src.errors and not src.ocr_pages and not any(b.text for b in src.blocks):
        src.errors.append(CaseError(name, _NOTHING_READ.format(src.page_count), "unreadable"))
    return src
