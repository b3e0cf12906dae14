"""A page reading laid out as the PDF parser lays out a text page: text segments → line blocks.

Segments that overlap vertically make one visual line (``_group``); a line is
split into table cells at wide gaps and at the page's vertical ruled lines
(``_join``), its cells joined with the tab that ``normalize_line`` turns into
`` | ``. Each line block carries ``bbox`` and ``cell_x`` in points, a font size
estimated from the box height and the line's OCR ``confidence``; the first has
``page_break_before``. Seals and signature ink (``marks``) are then attached,
and a paragraph's lines wrapped by the page are joined as for a text PDF.
"""

from __future__ import annotations

import re

from casereview.model import Block, ImageInfo, Location
from casereview.parsers.ocr.engines import OcrLine
from casereview.parsers.ocr.marks import attach_ink, page_pictures, vertical_rules
from casereview.parsers.ocr.page import PageReading, reading_score
from casereview.parsers.pdf import _attach_images, _join_wrapped
from casereview.parsers.segments import normalize_line

__all__ = ["page_blocks"]

# A gap wider than this many line heights separates table cells. Wider than the PDF parser's 1.0 em:
# an OCR box holds only the ink, so a full-width colon's box ends well before its advance does.
_CELL_GAP = 1.6
_SIZE_FACTOR = 1.1  # OCR boxes stand a little taller than the font size
_WRAP_CHARS = 20  # a line wrapped by the page is a body line: at least this many characters wide
# The round 〇 of a date in words (二〇二四年) is read as a letter O, a Q, a zero or ○: between
# Chinese numerals it can only be 〇.
_ZERO = re.compile(r"(?<=[一二三四五六七八九〇零十])[OoQ0○◯](?=[一二三四五六七八九〇零十年])")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def page_blocks(
    reading: PageReading, name: str, page_no: int, dpi: float, pictures: list[ImageInfo] | None = None
) -> list[Block]:
    """Text line blocks of a page reading, with seals and signature ink attached (coordinates in points).

    ``dpi`` is the upright picture's resolution; ``pictures`` are the page's
    own pictures to keep (a stamp image laid on a PDF page), in points.
    """
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
        blocks.append(
            Block(
                kind="paragraph",
                text=text,
                loc=Location(name, page_no),
                bbox=(x0 * pt, top * pt, x1 * pt, bottom * pt),
                size=round((bottom - top) * pt / _SIZE_FACTOR, 1),
                cell_x=[x * pt for x in cell_x],
                confidence=round(conf, 4),
            )
        )
        row_of_block.append(row)
    if not blocks:
        return blocks
    blocks[0].page_break_before = True
    _attach_images(blocks, page_pictures(reading.image, dpi, pictures), name, page_no)
    attach_ink(reading.image, reading.lines, blocks, row_of_block, dpi)
    # A paragraph's lines wrapped by the page, joined as for a text PDF (lines of body width only).
    return _join_wrapped(blocks, min_chars=_WRAP_CHARS)


def _group(lines: list[OcrLine]) -> list[list[OcrLine]]:
    """Segments into visual lines (vertical overlap), top to bottom, each left to right."""
    rows: list[list[OcrLine]] = []
    for seg in sorted(lines, key=lambda s: ((s.box[1] + s.box[3]) / 2, s.box[0])):
        mid = (seg.box[1] + seg.box[3]) / 2
        for row in reversed(rows[-3:]):
            top = min(s.box[1] for s in row)
            bottom = max(s.box[3] for s in row)
            h = bottom - top
            if top + 0.2 * h <= mid <= bottom - 0.2 * h or (
                top <= mid <= bottom and seg.box[3] - seg.box[1] < h
            ):
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
        ruled = any(
            prev.box[2] - 0.3 * h <= x <= seg.box[0] + 0.3 * h and top <= over and bottom >= under
            for x, top, bottom in rules
        )
        if gap > _CELL_GAP * h or ruled:
            cells.append(seg.text)
            cell_x.append(seg.box[0])
        else:
            a, b = cells[-1][-1:], seg.text[:1]
            spaced = (a.isascii() and a.isalnum() and b.isascii() and b.isalnum()) or (
                gap > 1.0 * h and _CJK.match(a) and _CJK.match(b)
            )
            cells[-1] += (" " if spaced else "") + seg.text
    return cells, cell_x
