"""The archive's own documents (index, cover): the titles an index lists, the filing and closing dates."""

from __future__ import annotations

import re

from casereview.extract.doctext import Line
from casereview.extract.fields.common import AGENCY, CASE_NUMBER, Reader, date_after_label
from casereview.model import DocType, Value
from casereview.text.doctypes import match_title
from casereview.text.normalize import canonical_brackets, compact

_COMMON_MIN_ROWS = 4  # a cell repeated on most rows is the 责任者 only in a list at least this long
_NAME_MAX_CHARS = 3  # a "title" this short is a 责任者's name


def read_index(r: Reader) -> None:
    listed = []
    for line in r.dt.lines:
        for cell in line.cells:
            mt = match_title(cell)
            if mt and mt[0] != DocType.INDEX:
                listed.append(r.line_value({"title": mt[1], "type": mt[0]}, line))
                break
    r.fields["listed"] = listed
    r.fields["entries"] = _index_entries(r)


_INDEX_TITLE_HEAD = re.compile(r"^(?:文件|文书|材料|文件材料)?(?:题名|名称|标题)$|^题\s*名$")


def _index_entries(r: Reader) -> list[Value]:
    """Every title an index lists, recognised or not: one per row (序号 | 文号 | 责任者 | 题名 | 日期 | 页号).

    Each is ``{"title", "type"}`` with type None for a title the lexicon does not know
    (A04 then looks for it by its text). The 题名 column is found from the header: by
    position where the row's cells line up with it (a table), by x position on a PDF
    page; otherwise (text lines, where empty cells vanish) a numbered row's first cell
    that reads as a title and is not the 责任者 repeated on every row.
    """
    from collections import Counter

    rows: list[tuple[Line, list[str]]] = []
    header: Line | None = None
    col = None
    for line in r.dt.lines:
        heads = [i for i, c in enumerate(line.cells) if _INDEX_TITLE_HEAD.match(compact(c))]
        if heads:
            header, col = line, heads[0]
            continue
        lead = re.match(r"^\s*(\d{1,3})(?:[.、．]|\s|$)", line.text)
        if (
            header is not None
            and line.row is not None
            and line.block is header.block
            and len(line.cells) == len(header.cells)
        ):
            rows.append((line, [line.cells[col]]))
        elif lead:
            first = line.cells[0]
            rest = (
                first[lead.end() :]
                if len(line.cells) == 1 or not re.fullmatch(r"\s*\d{1,3}[.、．]?\s*", first)
                else ""
            )
            cells = ([rest] if rest.strip() else []) + line.cells[1:]
            at = _cell_under(header, col, line) if header is not None else None
            rows.append((line, [at] if at is not None else cells))
    repeated = Counter(compact(c) for _, cells in rows if len(cells) > 1 for c in set(cells))
    # the 责任者 on every row
    common = {c for c, n in repeated.items() if len(rows) >= _COMMON_MIN_ROWS and n > len(rows) / 2}
    out = []
    for line, cells in rows:
        titles = [t for t in (_index_title(c) for c in cells) if t and compact(t) not in common]
        title = next((t for t in titles if match_title(t)), None) or next(iter(titles), None)
        number = CASE_NUMBER.search(line.text)
        entry = {
            "scanned": line.block.confidence is not None,
            "number": canonical_brackets(compact(number.group())) if number else None,
        }
        if title:
            mt = match_title(title)
            out.append(r.line_value({"title": title, "type": mt[0] if mt else None, **entry}, line))
        elif number:  # a row that names its document by the 文号 only
            out.append(r.line_value({"title": entry["number"], "type": None, **entry}, line))
    return out


def _cell_under(header: Line, col: int, line: Line) -> str | None:
    """The cell of a PDF line that starts under the header's column ``col`` (by x position)."""
    hx, lx = header.block.cell_x, line.block.cell_x
    if not hx or not lx or len(hx) != len(header.cells) or len(lx) != len(line.cells):
        return None
    left = hx[col] - 8
    right = hx[col + 1] - 8 if col + 1 < len(hx) else float("inf")
    for x, cell in zip(lx, line.cells, strict=True):
        if left <= x < right:
            return cell
    return None


def _index_title(cell: str) -> str | None:
    """A cell of an index row as a title: not a number, date, page range, 文号 (whole or cut) or the agency."""
    title = re.sub(r"[.…·．]{2,}.*$|\s+\d[\d\-–~、]*\s*$", "", cell).strip()
    title = re.sub(
        r"^\d{1,3}(?=[\u4e00-\u9fff]{3})", "", title
    )  # a row number read glued to the title (24卷内备考表)
    c = compact(title)
    if (
        not c
        or re.fullmatch(r"[\d\s./\-–~、年月日页第共]*", c)
        or CASE_NUMBER.fullmatch(c)
        or AGENCY.fullmatch(c)
        or re.search(r"[〔\[【（(［﹝]\s*(?:19|20)\d{2}|(?:19|20)\d{2}\s*[〕\]】）)］﹞]", c)
        or not re.search(r"[\u4e00-\u9fff]{2}", c)
        or len(c) <= _NAME_MAX_CHARS
    ):  # a 责任者's name
        return None
    return title


def read_cover(r: Reader) -> None:
    f = r.fields
    for key, rx in (
        ("filing_date", r"立案(?:日期|时间)[:：]?"),
        ("closing_date", r"结案(?:日期|时间)[:：]?"),
    ):
        f[key] = date_after_label(r, re.compile(rx))
