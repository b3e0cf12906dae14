"""A document's text as lines of cells, with offsets back to where each came from.

Every extractor works on this one view, whatever the source format: a .docx
paragraph is a line of one cell (or several, where fields were separated by
tabs or wide gaps), a table row is a line of cells, a PDF text line is a line
of cells split at wide gaps. ``text`` joins the lines with newlines and the
cells with `` | ``; ``loc(offset)`` gives the Location (file, page,
paragraph, quoted line) of any offset in it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from casereview.model import Block, Document, ImageInfo, Location

SEP = " | "


@dataclass(slots=True)
class Line:
    cells: list[str]
    block: Block
    row: int | None  # table row index, None for paragraphs
    start: int = 0  # offset of the line in DocText.text
    cell_starts: list[int] = field(default_factory=list)
    sub: int = 0  # the line's number within its paragraph block (a paragraph broken by line breaks)

    @property
    def text(self) -> str:
        return SEP.join(self.cells)

    def images_in_cell(self, col: int) -> list[ImageInfo]:
        """Pictures in one cell of this line (all the line's pictures for a one-cell line)."""
        b = self.block
        if b.kind == "table" and self.row is not None:
            return [
                img
                for img, (r, c) in zip(b.images, b.image_cells, strict=False)
                if r == self.row and c == col
            ]
        if b.image_cells and len(b.image_cells) == len(b.images):
            # A .docx paragraph knows which field each picture stands in.
            return [
                img
                for img, (sub, c) in zip(b.images, b.image_cells, strict=True)
                if sub == self.sub and min(c, len(self.cells) - 1) == col
            ]
        if len(self.cells) <= 1:
            return list(b.images)
        if b.bbox is not None and b.images:
            # A PDF line with several cells: give a picture to the cell whose text starts left of it.
            out = []
            bounds = getattr(b, "cell_x", None) or []
            for img in b.images:
                if img.bbox is None or not bounds:
                    continue
                x = img.bbox[0]
                owner = max((i for i, x0 in enumerate(bounds) if x0 <= x + 2), default=0)
                if owner == col:
                    out.append(img)
            return out
        return list(b.images) if col == len(self.cells) - 1 else []


class DocText:
    """Lines of a document with a flat text and an offset index."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.lines: list[Line] = []
        for block in doc.blocks:
            if block.part == "footer":
                continue
            if block.kind == "table" and block.rows is not None:
                for r, row in enumerate(block.rows):
                    cells = [c.replace("\n", " ") for c in row]
                    if any(cells):
                        self.lines.append(Line(cells, block, r))
            elif block.text:
                subs = [sub for sub in block.text.split("\n") if sub.strip()]
                for k, sub in enumerate(subs):
                    self.lines.append(Line(sub.split(SEP), block, None, sub=k))
            elif block.images:
                self.lines.append(Line([""], block, None))
        parts = []
        pos = 0
        for line in self.lines:
            line.start = pos
            cpos = pos
            for cell in line.cells:
                line.cell_starts.append(cpos)
                cpos += len(cell) + len(SEP)
            t = line.text
            parts.append(t)
            pos += len(t) + 1
        self.text = "\n".join(parts)
        self._starts = [line.start for line in self.lines]

    def line_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def line_at(self, offset: int) -> Line:
        return self.lines[self.line_index(offset)]

    def cell_at(self, offset: int) -> tuple[Line, int]:
        line = self.line_at(offset)
        col = max(0, bisect.bisect_right(line.cell_starts, offset) - 1)
        return line, col

    def loc(self, offset: int, end: int | None = None) -> Location:
        """Location of ``offset`` with the quoted line (shortened around the span)."""
        if not self.lines:
            return Location(self.doc.source, self.doc.pages[0] if self.doc.pages else None)
        line = self.line_at(offset)
        return line.block.loc.with_quote(
            quote_around(line.text, offset - line.start, (end - line.start) if end is not None else None)
        )

    def line_loc(self, line: Line) -> Location:
        return line.block.loc.with_quote(quote_around(line.text, 0, None))


def quote_around(text: str, start: int, end: int | None, width: int = 60) -> str:
    """The line, or a window of it around [start, end) when it is long."""
    text = text.strip()
    if len(text) <= width:
        return text
    end = end if end is not None else start
    lo = max(0, min(start, len(text)) - 20)
    hi = min(len(text), max(end, lo + width))
    return ("…" if lo > 0 else "") + text[lo:hi] + ("…" if hi < len(text) else "")
