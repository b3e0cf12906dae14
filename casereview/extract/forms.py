"""Reading a form by its labels: a label and its value, wherever the form puts the value.

Forms set a value in one of four places relative to its label, and agencies
use all of them:

- after the label in the same cell or line (``询问人：张伟``, ``受送达人签名：李明``);
- in the next cell of the row (``询问人 | 张伟（执法证号…）``);
- in the cell below, when the row holds only labels (``询问人 | 记录人`` over
  ``张伟 | 李明``);
- nowhere: the field is blank (``受送达人签名或盖章 |  | ``).

``value_of`` answers where the value of one label is, on the one view every
format gives (``DocText``: .docx tables, PDF tables rebuilt from their rules
or lines cut at wide gaps, OCR'd tables). The label words are data
(``data/labels.json`` through ``text.labels``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from casereview.extract.doctext import DocText, Line
from casereview.model import ImageInfo
from casereview.text.labels import is_label_cell

_SHORT_CELL = 2  # a cell this short (序号, 1) may stand in a row of labels
_TEXT_TABLE_COLUMNS = 3  # a text line set apart by tabs into this many columns may be a table header


@dataclass(slots=True)
class Slot:
    """Where a label's value is: its text and pictures, the cells it came from, and how it was found."""

    text: str
    where: str  # inline | right | below | none
    cells: list[tuple[Line, int]] = field(default_factory=list)  # (line, column) of each value cell
    images: list[ImageInfo] = field(default_factory=list)
    start: int = 0  # offset of the value in DocText.text (of the label's end when blank)


def value_of(
    dt: DocText,
    line: Line,
    col: int,
    label_end: int,
    stop: re.Pattern[str] | None = None,
    next_line: bool = False,
) -> Slot:
    """The value of the label ending at ``label_end`` (an offset in ``dt.text``) in cell ``col`` of ``line``.

    ``stop`` ends an inline value (the next label in the same cell, a date). The pictures
    of the label's own cell always count with the value (a signature picture right after
    its label); so do those of the cell the value is found in. ``next_line``: a label alone
    on its line may have its value on the next line (a web page's table copied as text) —
    asked for by readers of such pages, never for a signature field (the line after a blank
    field is the next field).
    """
    cell = line.cells[col]
    cell_start = line.cell_starts[col]
    rest = cell[label_end - cell_start :]
    cut = stop.search(rest) if stop is not None else None
    inline = rest[: cut.start()] if cut else rest
    own = line.images_in_cell(col)
    if inline.strip(" :：|"):
        lead = len(inline) - len(inline.lstrip(" :："))
        return Slot(inline.strip(" :："), "inline", [(line, col)], own, label_end + lead)
    if cut is None:  # nothing else in the label's cell: the value may stand beside or below it
        nxt = _next_cell(line, col)
        if nxt is not None:
            return Slot(
                line.cells[nxt].strip(),
                "right",
                [(line, nxt)],
                own + line.images_in_cell(nxt),
                line.cell_starts[nxt],
            )
        below = _cell_below(dt, line, col) or (line_below(dt, line, col, label_end) if next_line else None)
        if below is not None:
            bline, bcol = below
            return Slot(
                bline.cells[bcol].strip(),
                "below",
                [below],
                own + bline.images_in_cell(bcol),
                bline.cell_starts[bcol],
            )
    return Slot("", "inline" if own else "none", [(line, col)], own, label_end)


_LABELLED = re.compile(r"[\u4e00-\u9fff（）()]{1,12}[:：]")


def line_below(dt: DocText, line: Line, col: int, label_end: int) -> tuple[Line, int] | None:
    """The value on the line after a label that stands alone on its line (a web page's table copied as text:
    处罚机关： / | / 某县农业农村局): the next line that is neither a lone separator nor another label."""
    if (
        line.row is not None
        or len(line.cells) != 1
        or line.cells[col][label_end - line.cell_starts[col] :].strip()
        or line.block.confidence is not None
    ):  # an OCR'd page wraps a form's labels onto the next line
        return None
    i = dt.lines.index(line)
    for nxt in dt.lines[i + 1 : i + 3]:
        text = nxt.text.strip(" |")
        if not text:
            continue
        if is_label_cell(text) or len(nxt.cells) > 1 or nxt.row is not None or _LABELLED.match(text):
            return None  # another field (备注：…), not this label's value
        return nxt, 0
    return None


def _next_cell(line: Line, col: int) -> int | None:
    """The next cell of the row, when it is not itself a label (an empty cell is a blank value)."""
    if col + 1 >= len(line.cells):
        return None
    if is_label_cell(line.cells[col + 1]):
        return None
    return col + 1


def _cell_below(dt: DocText, line: Line, col: int) -> tuple[Line, int] | None:
    """The cell under a label in a row of labels only (a header row of a form's table, or of columns set apart
    by tabs in a text: 序号 | 当事人 | 行政处罚决定书文号 … over 1 | 某某店 | 某罚〔2023〕1号 …)."""
    if not all(is_label_cell(c) or len(c.strip()) <= _SHORT_CELL for c in line.cells if c.strip()):
        return None
    i = dt.lines.index(line)
    if i + 1 >= len(dt.lines):
        return None
    nxt = dt.lines[i + 1]
    same_table = (
        nxt.block is line.block
        if line.row is not None
        else (
            nxt.row is None
            and len(line.cells) >= _TEXT_TABLE_COLUMNS
            and len(line.cells) - 1 <= len(nxt.cells) <= len(line.cells)
        )
    )
    if not same_table or col >= len(nxt.cells) or is_label_cell(nxt.cells[col]):
        return None
    return nxt, col
