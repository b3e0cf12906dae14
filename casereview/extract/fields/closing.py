"""The closing (落款) and the document's own date: the agency and the date a document is signed with."""

from __future__ import annotations

import re

from casereview.extract.dates import DateMatch
from casereview.extract.doctext import Line
from casereview.extract.fields.common import (
    AGENCY,
    Reader,
    date_after_label,
    first_date,
    last_date,
    service_date,
    title_type,
)
from casereview.model import DocType, Value
from casereview.text.labels import is_label_cell
from casereview.text.normalize import compact

_RECORD_TIME = re.compile(r"(?:检查|询问|勘验|勘查|调查|现场检查)?(?:时间|日期)[:：]?")


def closing_agency(r: Reader) -> Value | None:
    """The agency named in the closing (落款), else at the head: the line above the title (the letterhead) or the
    title line itself (醴陵市应急管理局行政处罚决定书), else one of the first lines that is only an agency's name."""
    lines = r.dt.lines
    closing = agency_in_closing(r)
    if closing is not None:
        return closing
    head = lines[:15]
    for i, line in enumerate(head):
        c = compact(line.text)
        m = AGENCY.match(c)
        if m is None:
            continue
        rest = c[m.end() :]
        if rest and (_TITLE_AFTER_AGENCY.match(rest) or title_type(rest.split("〔")[0]) is not None):
            return r.line_value(m.group(), line)  # the agency and the title on one line
        if not rest and i + 1 < len(head) and title_type(compact(head[i + 1].text)) is not None:
            return r.line_value(m.group(), line)  # the letterhead right above the title
    for line in lines[:3]:
        c = compact(line.text)
        m = AGENCY.fullmatch(c)
        if m:
            return r.line_value(m.group(), line)
    return None


_TITLE_AFTER_AGENCY = re.compile(
    r"[\u4e00-\u9fff\d]{0,20}(?:行政处罚)?(?:决定书|告知书|通知书|公示|公开|信息表)|"
    r"关于.{2,60}(?:处罚|决定)"
)
_LABELLING = re.compile(r"(?:名称|姓名|单位|人|对象|机关|地址|住所|住址)(?:[（(][^）)]*[）)])?[:：]?$")


def agency_in_closing(r: Reader) -> Value | None:
    """The agency named in the closing (落款) only: a line near the end that is just the agency's name.

    The first three lines (the letterhead) are never the closing, however short the document.
    """
    lines = r.dt.lines
    for li in range(len(lines) - 1, max(0, len(lines) - 10) - 1, -1):
        line = lines[li]
        for col, cell in enumerate(line.cells):
            if li < 3 and not _one_line_tail(line, col):
                continue  # the letterhead, unless the whole document stands on one line
            if col and any(
                _LABELLING.search(compact(x)) or is_label_cell(x) for x in line.cells[:col] if x.strip()
            ):
                continue  # a labelled value (被处罚单位名称 | 某镇人民政府) is not a closing
            c = compact(cell)
            # The agency and the date on one line (a seal over both joins them): 丰安县农业农村局二〇二四年七月十九日.
            start = line.cell_starts[col]
            for d in r.dates_in(start, start + len(cell)):
                c = c.replace(compact(d.text), "")
            c = re.sub(r"[（(][^（）()]*[）)]$", "", c) if re.search(r"公示|公开", c) else c
            m = AGENCY.fullmatch(re.sub(r"[（(]?(?:盖章|公章|印章|章)[)）]?$", "", c))
            if m:
                return r.line_value(m.group(), line)
    return None


def own_date(r: Reader) -> Value | None:
    """The date a document bears: type-specific labels first, then its closing line."""
    t = r.doc.type
    if t in (
        DocType.INSPECTION_RECORD,
        DocType.INQUIRY_RECORD,
        DocType.HEARING_RECORD,
        DocType.COLLECTIVE_DISCUSSION,
    ):
        d = date_after_label(r, _RECORD_TIME) or first_date(r)
        if d:
            return d
    if t == DocType.SERVICE_RECEIPT:
        d = service_date(r)
        if d:
            return d
    if t in (
        DocType.FILING_APPROVAL,
        DocType.INVESTIGATION_REPORT,
        DocType.CLOSURE_REPORT,
        DocType.EXTENSION_APPROVAL,
        DocType.LEGAL_REVIEW,
    ):
        dated = [a for a in r.doc.approvals if a.value.date]
        if dated:
            last = max(dated, key=lambda a: a.value.date)
            return Value(last.value.date, last.loc)
    if t == DocType.PUBLICITY_RECORD:
        d = date_after_label(r, re.compile(r"(?:公示|公开|发布|上网)(?:日期|时间)[:：]?"))
        if d:
            return d
    if t in (DocType.COVER, DocType.INDEX):
        return None  # a cover's dates are the case's (立案/结案), not its own
    if t == DocType.IDENTITY_PROOF:
        # A copy's date is when it was checked against the original, not the licence's dates.
        for line in reversed(r.dt.lines):
            if re.search(r"核对|原件|复印|提供人|提取", line.text):
                ds = [
                    d for d in r.dates_in(line.start, line.start + len(line.text) + 1) if d.precision == "day"
                ]
                if ds:
                    return r.value(ds[-1].value, ds[-1].start, ds[-1].end)
        days = [d for d in r.dates if d.precision == "day"]
        return r.value(max(days, key=lambda d: d.value).value, 0) if days else None
    closing = closing_date(r)
    if closing is not None or t in _DATED_BY_CLOSING:
        return closing  # a notice or decision without a dated closing has no date of its own
    return last_date(r)


# Documents whose own date is only the one in their closing (落款): any other date they
# mention is a date of the facts (the violation, the inspection), never theirs.
_DATED_BY_CLOSING = {
    DocType.ADVANCE_NOTICE,
    DocType.PENALTY_DECISION,
    DocType.HEARING_NOTICE,
    DocType.EVIDENCE_PRESERVATION,
    DocType.SEIZURE,
    DocType.LEGAL_REVIEW,
    DocType.STATEMENT_RECORD,
}


def _one_line_tail(line: Line, col: int) -> bool:
    """One of the last two fields of a paragraph that holds a whole document (a page copied without its line
    breaks, fields set apart by wide spaces): its closing."""
    return line.row is None and len(line.cells) >= 4 and col >= len(line.cells) - 2


def closing_date(r: Reader) -> Value | None:
    """A line near the end that is (almost) only a date, as in a 落款."""
    lines = r.dt.lines
    for li in range(len(lines) - 1, max(0, len(lines) - 12) - 1, -1):
        line = lines[li]
        for col, cell in enumerate(line.cells):
            start = line.cell_starts[col]
            ds = [d for d in r.dates_in(start, start + len(cell)) if d.precision == "day"]
            if not ds:
                continue
            rest = compact(cell)
            for d in ds:
                rest = rest.replace(compact(d.text), "")
            if len(line.cells) > 2 and not _one_line_tail(line, col):
                continue  # a row of a table of dates (记录时间 | …) is not a closing
            if _PAGE_DATE.search(cell):
                continue  # a web page's own dates (发文日期：…, 发布时间：…) are not the document's
            if _tail_after_sentence(cell, ds[-1], start) and li >= len(lines) - 3:
                d = ds[-1]
                return r.value(d.value, d.start, d.end)
            rest = re.sub(
                r"[\u4e00-\u9fff]{1,4}人[:：]?[\u4e00-\u9fff]{2,4}(?=[\u4e00-\u9fff]{0,4}(?:日期|时间))",
                "",
                rest,
            )
            rest = re.sub(
                r"[\u4e00-\u9fff]{0,4}(?:日期|落款|时间)[:：]?|[（(]?(?:盖章|公章|印章)[)）]?|[:：,，。]",
                "",
                rest,
            )
            rest = re.sub(r"[（(][^（）()]*[）)]$", "", rest)  # 二〇二四年八月五日（…将依法公示…）: a remark
            if len(rest) <= 2 or AGENCY.fullmatch(rest):
                d = ds[-1]
                return r.value(d.value, d.start, d.end)
    return None


_PAGE_DATE = re.compile(r"(?:发文|发布|生成|成文|印发|公开|更新|访问)(?:日期|时间)")


def _tail_after_sentence(cell: str, d: DateMatch, start: int) -> bool:
    """A closing run on after the last sentence of a document copied without line breaks: …提起行政诉讼。海川市
    自然资源和规划局 2024年12月9日 — the date at the very end, after 。, with at most the agency before it."""
    if d.end - start < len(cell.rstrip()) - 1:
        return False
    before = cell[: d.start - start]
    sentence = before.rfind("。")
    if sentence < 0:
        return False
    rest = compact(before[sentence + 1 :])
    return not rest or bool(AGENCY.fullmatch(rest))


_DATE_SHAPED = re.compile(r"^[\dOo〇○零一二三四五六七八九十买菱）)\s]{2,6}年.{1,4}月.{1,5}日$")


def unreadable_closing_date(r: Reader) -> Value | None:
    """A closing line shaped like a date that does not read as one (二O）买四年八月十三日, 2024年9月141日)."""
    for line in reversed(r.dt.lines[-8:]):
        c = compact(line.text)
        if _DATE_SHAPED.match(c) and not any(
            d.precision == "day" for d in r.dates_in(line.start, line.start + len(line.text))
        ):
            return r.line_value(c, line)
    return None
