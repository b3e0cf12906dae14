"""What the field readers share: the ``Reader`` over a document's text, the text without line breaks
(``FlatText``), small numbers, dates after a label, and the patterns several families use (文号, agencies,
organisations, deadlines)."""

from __future__ import annotations

import re

from casereview.extract.dates import DateMatch, find_date_ranges, find_dates
from casereview.extract.doctext import DocText, Line
from casereview.extract.forms import line_below
from casereview.extract.nlp import PhraseHit, find_phrases
from casereview.model import DocType, Document, Value
from casereview.text.doctypes import match_title
from casereview.text.labels import RECIPIENT_ROLES

# A 文号: the issuer's abbreviation (湘(岳)文执罚网字, （津滨）应急罚, 豫0185环罚决字, a form's blanks filled in:
# _香_农罚), the year (in brackets, or bare
# before 第 or a hyphen), a serial (17, 第8号, K-17, 05-09, 建设第15号, 087（非）), and 号 — or a line's end where
# a page leaves 号 out (（三源）文罚字〔 2021 〕-015).
CASE_NUMBER = re.compile(
    r"(?:[（(][\u4e00-\u9fff]{1,6}[）)])?[\u4e00-\u9fffA-Za-z_](?:[\u4e00-\u9fffA-Za-z_]|\s?\d{2,6}+\s?){0,15}"
    r"(?:[（(][\u4e00-\u9fff]{1,6}[）)][\u4e00-\u9fffA-Za-z]{0,8})?"
    r"(?:\s*[〔\[【（(［﹝]\s*(?:19|20)\d{2}\s*[〕\]】）)］﹞]|(?<=[字罚决告号])(?:19|20)\d{2}(?=第|[-－]))"
    r"\s*[\u4e00-\u9fff]{0,3}第?\s*[A-Za-z]{0,2}[-－]?\d{1,6}(?:[-－]\d{1,4})?\s*"
    r"(?:[（(][\u4e00-\u9fff]{1,3}[）)]\s*)?(?:号|(?=\s*(?:$|\n|\|)))"
)
ORG_PREFIX = re.compile(
    r"(.{2,38}(?:有限责任公司|股份有限公司|有限公司|分公司|公司|集团|合作社|经营部|门市部|商行|超市|商店|"
    r"餐馆|饭店|酒店|宾馆|旅行社|加工厂|厂|店|馆|中心|养殖场|农场|诊所|药房|工作室))"
)
ORG_WORDS = (
    r"公司|厂|店|部|社|中心|合作社|商行|超市|集团|医院|学校|协会|工作室|事务所|酒店|宾馆|餐厅|饭店|诊所|药房|"
    r"门市|加工坊|养殖场|场|站|车队|物流|企业|单位|个体工商户|经营户|馆|行|坊|园|所"
)
ORG_SUFFIX = re.compile(rf"(?:{ORG_WORDS})$")
DEADLINE = re.compile(
    r"(?P<n>[\d一二三四五六七八九十]+)\s*(?:个)?(?P<unit>工作日|日|天|个月|月)(?:内|之内|以内)"
)
AGENCY = re.compile(  # (a name never holds 决定书, 来源于, 以下, 根据 …: those are sentences about one)
    r"(?:(?!决定书|通知书|告知书|来源|以下|根据|依据|关于|按照|发布|本文)[\u4e00-\u9fff（）()]){2,30}?(?:人民政府|综合行政执法局|综合执法局|行政执法局|执法局|管理局|监督管理局|"
    r"监督局|执法大队|执法支队|执法队|救援支队|救援大队|分局|局|委员会|办事处|人民政府办公室|海关|管理所|监督所)"
    r"(?:[\u4e00-\u9fff]{0,8}(?:大队|支队|中队|分局))?"
)


def cn_int(s: str) -> int | None:
    """Small Chinese or Arabic integer (十五, 六十, 15); None if not one."""
    if s.isdigit():
        return int(s)
    try:
        import cn2an

        return int(cn2an.cn2an(s, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


class Reader:
    """Shared view of one document for the field readers: lines, dates, phrases."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.dt = DocText(doc)
        self.text = self.dt.text
        self.dates: list[DateMatch] = find_dates(self.text)
        self._phrases: list[PhraseHit] | None = None
        self.fields = doc.fields

    @property
    def phrases(self) -> list[PhraseHit]:
        """Phrase matches, computed on first use (generic fields do not need them)."""
        if self._phrases is None:
            self._phrases = find_phrases(self.text)
        return self._phrases

    def value(self, value, start: int, end: int | None = None) -> Value:
        return Value(value, self.dt.loc(start, end))

    def line_value(self, value, line: Line) -> Value:
        return Value(value, self.dt.line_loc(line))

    def hits(self, label: str, pid: str | None = None) -> list[PhraseHit]:
        return [h for h in self.phrases if h.label == label and (pid is None or h.id == pid)]

    def negated(self, hit: PhraseHit) -> bool:
        """未/没有/不 shortly before the phrase (未出示执法证件)."""
        before = self.text[max(0, hit.start - 4) : hit.start]
        return bool(re.search(r"未|没有|不(?!得)|无(?!异议)|拒绝", before))

    def dates_in(self, start: int, end: int) -> list[DateMatch]:
        return [d for d in self.dates if start <= d.start < end]

    def labelled_text(self, label: re.Pattern[str]) -> list[tuple[str, int]]:
        """Values after a label in a line (`label：value`) or in the next cell (label | value)."""
        out = []
        for line in self.dt.lines:
            for col, cell in enumerate(line.cells):
                m = label.search(cell)
                if not m:
                    continue
                rest = cell[m.end() :].strip()
                offset = line.cell_starts[col] + m.end()
                if not rest and col + 1 < len(line.cells):
                    rest = line.cells[col + 1].strip()
                    offset = line.cell_starts[col + 1]
                elif not rest and m.start() == 0:
                    below = line_below(self.dt, line, col, line.cell_starts[col] + m.end())
                    if below is not None:  # a label on a line of its own (a web page's table, copied)
                        rest, offset = below[0].cells[0].strip(), below[0].cell_starts[0]
                out.append((rest, offset))
        return out


def date_or_time(d: DateMatch):
    return d.as_datetime() or d.value


TITLE_WORD = r"(?:决定书|告知书|通知书|审批表|呈批表|回证|报告|笔录|催告书|申请书|缴款书)"


def title_type(title: str) -> DocType | None:
    """The document type a title names (行政处罚决定书, 处罚决定书, 告知书 …)."""
    title = title.strip("《》〈〉<> ")
    mt = match_title(title)
    if mt:
        return mt[0]
    if title.endswith("决定书") and not re.search(r"先行|保存|强制|查封|扣押|不予|复议", title):
        return DocType.PENALTY_DECISION
    if title.endswith("告知书"):
        return DocType.HEARING_NOTICE if "听证" in title else DocType.ADVANCE_NOTICE
    return None


def date_after_label(r: Reader, label: re.Pattern[str]) -> Value | None:
    for _, off in r.labelled_text(label):
        for d in r.dates:
            if off <= d.start <= off + 6:
                return r.value(d.value, d.start, d.end)
    return None


def first_date(r: Reader) -> Value | None:
    return r.value(r.dates[0].value, r.dates[0].start, r.dates[0].end) if r.dates else None


def last_date(r: Reader) -> Value | None:
    days = [d for d in r.dates if d.precision == "day"]
    return r.value(days[-1].value, days[-1].start, days[-1].end) if days else None


def service_date(r: Reader) -> Value | None:
    d = date_after_label(r, re.compile(r"(?:送达|签收|收到|收件)(?:时间|日期)[:：]?"))
    if d:
        return d
    for s in r.doc.signatures_of(RECIPIENT_ROLES):
        line_start = r.text.find(s.loc.quote.strip("…")[:12]) if s.loc.quote else -1
        if line_start >= 0:
            ds = r.dates_in(line_start, line_start + 80)
            if ds:
                return r.value(ds[0].value, ds[0].start, ds[0].end)
    return None


def find_recording(r: Reader) -> Value | None:
    """A note that the step was recorded on audio/video (全程录音录像, 执法记录仪), not negated."""
    hits = [h for h in r.hits("RECORDING") if not r.negated(h) and not r.text.startswith("的", h.end)]
    return r.value(True, hits[0].start, hits[0].end) if hits else None


# A line that is only a page number: - 1 -, 第1页, 第1页共2页, 共2页第1页, 1/2.
_PAGE_NUMBER_LINE = re.compile(
    r"^\s*(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页\s*[,，/]?\s*(?:共\s*\d+\s*页)?|共\s*\d+\s*页\s*[,，/]?\s*第\s*\d+\s*页|"
    r"\d+\s*/\s*\d+)\s*$"
)


class FlatText:
    """A document's text without line breaks and page-number lines, mapped back to the Reader's offsets."""

    def __init__(self, r: Reader) -> None:
        self.r = r
        chars: list[str] = []
        self.where: list[int] = []
        pos = 0
        for line in r.text.split("\n"):
            if not _PAGE_NUMBER_LINE.match(line):
                chars.append(line)
                self.where.extend(range(pos, pos + len(line)))
            pos += len(line) + 1
        self.text = "".join(chars)

    def value(self, value, start: int, end: int) -> Value:
        """A Value located at the flat span [start, end) (quoted from the original line)."""
        a = self.where[start] if start < len(self.where) else len(self.r.text)
        b = self.where[end - 1] + 1 if 0 < end <= len(self.where) else a
        return self.r.value(value, a, b)


def violation_date(r: Reader) -> Value | None:
    """The latest date stated in the facts (the end of a continuing violation), before 违反…的规定."""
    facts = r.hits("FACTS")
    if not facts:
        return None
    start = facts[0].start
    reason = next((h for h in r.hits("REASON") if h.start > start), None)
    end = reason.start if reason else min(len(r.text), start + 300)
    ds = [d for d in r.dates_in(start, end) if d.precision in ("day", "month")]
    ranges = [rg for rg in find_date_ranges(r.text[start:end])]
    if ranges:
        last = max(ranges, key=lambda rg: rg.last.value)
        return r.value(last.last.value, start + last.start, start + last.end)
    if not ds:
        return None
    d = max(ds, key=lambda x: x.value)
    return r.value(d.value, d.start, d.end)
