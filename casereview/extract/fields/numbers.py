"""文号: where a case number starts, which is the document's own, and which document each one names."""

from __future__ import annotations

import re

from casereview.extract.fields.common import TITLE_WORD, Reader, title_type
from casereview.model import Value
from casereview.text.normalize import compact

_HEAD_LINES = 6  # a document's own case number stands on a line of its own among its first lines


def own_case_number(r: Reader, numbers: list[Value]) -> Value:
    """The document's own 文号: one standing on its own line near the top, else the first."""
    for v in numbers[:3]:
        line = r.dt.line_at(_offset_of(r, v))
        if r.dt.lines.index(line) < _HEAD_LINES and len(compact(line.text)) <= len(compact(v.value)) + 8:
            return v
    return numbers[0]


def standalone_number(r: Reader, numbers: list[Value]) -> Value | None:
    """The 文号 that stands on a line of its own near the top (a document's own number), or None."""
    own = own_case_number(r, numbers)
    line = r.dt.line_at(_offset_of(r, own))
    if r.dt.lines.index(line) < _HEAD_LINES and len(compact(line.text)) <= len(compact(own.value)) + 8:
        return own
    return None


# Prose runs into a 文号 (2024年3月7日以青市监先保〔2024〕17号, 收到贵局青市监罚告〔2024〕17号):
# these words are never part of an agency's abbreviation.
_NUMBER_LEAD = re.compile(
    r"(?:.*(?:收到|贵局|贵单位|本局|我局|你局|本机关|根据|依据|按照|送达的|作出|出具|下达|制发|印发|签发|文号|编号|的|"
    r"决定书|告知书|通知书|审批表|呈批表|回证|笔录))?"
    r"(?:以|对|向)?"
)
_BRACKET_OPEN = re.compile(
    r"[〔\[【（(［﹝]\s*(?:19|20)\d{2}|(?:19|20)\d{2}(?=第|[-－])"
)  # where the year starts


def number_start(text: str, m: re.Match[str]) -> int:
    """Where a 文号 really starts: past a date's 日 and the prose words run into its prefix."""
    head = m.group()[: _BRACKET_OPEN.search(m.group()).start()]
    k = 0
    if (
        head.startswith("日")
        and m.start() > 0
        and re.match(r"[\d〇零一二三四五六七八九十]", text[m.start() - 1])
    ):
        k = 1
    lead = _NUMBER_LEAD.match(head, k)
    if lead is not None and len(head) - lead.end() > 1:
        k = lead.end()
    return m.start() + k


def number_ref(r: Reader, start: int, end: int) -> dict:
    """What a 文号 refers to: the title written next to it (《告知书》（X）, X《决定书》, 决定书文号 | X,
    an index row's title), and whether it is a prior case's (当事人曾被…处罚)."""
    line, col = r.dt.cell_at(start)
    cell = line.cells[col]
    cs = line.cell_starts[col]
    before, after = cell[: start - cs], cell[end - cs :]
    refers = None
    m = re.match(rf"\s*(?:的)?(《[^》]{{2,30}}》|[\u4e00-\u9fff]{{0,12}}{TITLE_WORD})", after)
    if m:
        refers = title_type(m.group(1))
    if refers is None:
        m = re.search(
            rf"(《[^》]{{2,30}}》|[\u4e00-\u9fff]{{2,16}}{TITLE_WORD})\s*[（(]?\s*(?:文号[:：]?)?\s*$", before
        )
        if m:
            refers = title_type(m.group(1))
    if refers is None:
        label = before if before.strip() else (line.cells[col - 1] if col > 0 else "")
        m = re.search(rf"([\u4e00-\u9fff]{{0,12}}{TITLE_WORD})\s*(?:文号|编号|字号)\s*[:：]?\s*$", label)
        if m:
            refers = title_type(m.group(1))
    if refers is None and line.row is not None and not before.strip():
        for k, other in enumerate(
            line.cells
        ):  # an index row: 13 | 青市监处罚〔2024〕17号 | … | 行政处罚决定书
            if k != col and other.strip():
                t = title_type(other)
                if t is not None:
                    refers = t
                    break
    sentence = re.split(r"[。；;]", r.text[max(0, start - 80) : start])[-1]
    prior = bool(re.search(r"曾|此前|前次|上次|另案|以往|先前", sentence))
    return {"refers_to": refers, "prior": prior}


def _offset_of(r: Reader, v: Value) -> int:
    idx = r.text.find(v.loc.quote.strip("…")[:10]) if v.loc.quote else 0
    return max(0, idx)
