"""The rule framework: one requirement, one class; a context the rules read.

A rule reads the case model (documents and their located fields, the structured
ones typed: ``doc.record``, ``doc.service``, ``doc.penalty``, ``doc.signatures``,
``doc.approvals``) and returns an ``Outcome``: ``pass``, ``fail`` (with a Chinese message
naming the defect and its evidence), ``na`` (with the reason it does not
apply) or ``manual`` (what a person must look at). Rules never open files.
Points and veto flags live in the rubric, not here.

"Never guess silently": when a rule would fail because something is *absent*
but a part of the case that could hold it was not read (unreadable files,
pages nothing was read from, a document's own poorly read pages),
``ctx.absent(..., within=[docs])`` turns that into ``manual`` naming those
pages. A rule that raises is reported as ``manual`` with the error, never as
``pass``, and the traceback is logged (logger ``casereview.rules``); under
``CASEREVIEW_STRICT_RULES=1`` (the test suite) it is raised instead, so a rule
that crashes fails its tests.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar

from casereview.extract.dates import find_dates
from casereview.extract.doctext import quote_around
from casereview.model import (
    Block,
    Case,
    DocType,
    Document,
    Location,
    Outcome,
    Record,
    Service,
    Value,
    doc_types,
)
from casereview.text.normalize import canonical_brackets, compact

CATEGORIES = {
    "S": "执法主体与人员",
    "E": "证据",
    "N": "告知",
    "H": "听证",
    "L": "法制审核与集体讨论",
    "D": "处罚决定书",
    "T": "期限",
    "G": "签名与印章",
    "P": "公示与全过程记录",
    "A": "卷宗",
    "C": "一致性",
}

log = logging.getLogger("casereview.rules")

# Set (to anything but "" or "0") where a rule's exception must propagate: the test suite sets it, so that a
# rule that crashes fails its tests instead of passing them as ``manual``.
STRICT_ENV = "CASEREVIEW_STRICT_RULES"
# The start of the message of a rule that raised: the one ``manual`` that is the tool's fault, not the case's.
INTERNAL_ERROR = "规则执行出错"


def strict_rules() -> bool:
    """Whether a rule's exception propagates instead of becoming ``manual`` (``CASEREVIEW_STRICT_RULES``)."""
    return os.environ.get(STRICT_ENV, "") not in ("", "0")


UNREAD_CODES = {"needs_ocr", "unreadable", "encrypted", "too_large"}

# An OCR line read below this confidence may be wrong in several characters (rapidocr reads clean lines at
# 0.95 and above; a page whose lines average below 0.85 is already left for a person).
LOW_CONFIDENCE = 0.80

# Two sums of money are the same when they differ by less than half a fen (float noise, not a difference).
SAME_SUM = 0.005
# A reading shorter than this is too short to be taken for a wrapped cell's cut-off start (misread_of).
MIN_CUT_READING = 4
# Weak readings: words shorter than this may differ in one character; longer ones in a quarter of them.
SHORT_WORD = 3


@dataclass(frozen=True, slots=True)
class Basis:
    """A legal basis: the law or document, the article or section, and what it says where that helps.

    ``issuer`` names the body that issued a policy document (a county government's office), cited before
    its title: 泗水县人民政府办公室《关于深入推进依法行政工作的若干措施》第八项.
    """

    law: str
    article: str = ""
    note: str = ""
    issuer: str = ""

    def __str__(self) -> str:
        return f"{self.issuer}《{self.law}》{self.article}"


@dataclass(frozen=True, slots=True)
class Policy:
    """A local policy document the requirements cite: its issuing body and title."""

    issuer: str
    title: str

    def at(self, section: str = "", note: str = "") -> Basis:
        """The basis of one section of it (第八项, 第三条)."""
        return Basis(self.title, section, note, issuer=self.issuer)


# The county policy documents of ../shared/spec/requirements.md, cited by issuing body and title.
YANSHAN_NINE_MEASURES = Policy("砚山县人民政府办公室", "砚山县贯彻落实〈文山州行政执法成效评估意见〉九条措施")
HANYIN_MEASURES = Policy(
    "汉阴县人民政府办公室", "贯彻落实〈提升行政执法质量三年行动计划(2023—2025年)〉若干措施"
)
SISHUI_MEASURES = Policy("泗水县人民政府办公室", "关于深入推进依法行政工作的若干措施")
ZHASHUI_TASKS = Policy("柞水县人民政府办公室", "柞水县关于进一步推进法治政府建设若干措施任务清单")
WEIXI_THREE_SYSTEMS = Policy(
    "维西傈僳族自治县农业农村局",
    "维西县全面推行行政执法公示制度执法全过程记录制度重大行政执法决定法制审核制度的实施方案",
)


@dataclass
class Context:
    """What a rule may read: the case, the rubric's parameters, the roster of certified officers."""

    case: Case
    params: dict[str, Any] = field(default_factory=dict)
    roster: frozenset[tuple[str, str]] | None = None
    calendar: Any = None  # working-day overrides (workdays.CalendarOverrides) for years the library lacks

    def param(self, key: str, default: Any = None) -> Any:
        """A rubric parameter by dotted key (``hearing.fine_person_yuan``)."""
        node: Any = self.params
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        return node

    # -- documents ------------------------------------------------------------
    def docs(self, *types: DocType) -> list[Document]:
        """Readable documents of these types, in file order.

        A type that is not a ``DocType`` raises ``UnknownDocType`` at once: a misspelt type is a
        programming error, never "no such document".
        """
        wanted = doc_types(types)
        return [d for d in self.case.documents if d.type in wanted and not (d.needs_ocr and not d.has_text)]

    def has(self, *types: DocType) -> bool:
        return bool(self.docs(*types))

    def last(self, type_: DocType) -> Document | None:
        return self.case.last_of(type_, self.docs(type_))

    @property
    def decision(self) -> Document | None:
        """The penalty decision (the last one, if the file holds a corrected one)."""
        return self.last(DocType.PENALTY_DECISION)

    # -- what could not be read -------------------------------------------------
    @cached_property
    def unread(self) -> list[str]:
        """Files or pages that could not be read (each a short Chinese description naming the pages)."""
        out = []
        for err in self.case.errors:
            if err.code in UNREAD_CODES:
                out.append(err.source)
        for d in self.case.documents:
            if d.needs_ocr and (d.unread_pages or d.pages):
                out.append(_pages_of(d, d.unread_pages or d.pages))
        return sorted(set(out))

    def unread_of(self, *docs: Document) -> list[str]:
        """The unread parts that may hold something missing from these documents: unreadable files and
        unread pages nothing could be read from (they may be anything, a continuation included), and
        the documents' own pages read too poorly to trust. A poorly read page of another document,
        whose type is known, is not among them."""
        out = [err.source for err in self.case.errors if err.code in UNREAD_CODES]
        for d in self.case.documents:
            if not d.needs_ocr:
                continue
            if not d.has_text or (d.unread_pages and any(d is x for x in docs)):
                out.append(_pages_of(d, d.unread_pages or d.pages))
        return list(dict.fromkeys(out))

    def absent(
        self,
        rule: Rule,
        message: str,
        evidence: Sequence[Location] = (),
        within: Iterable[Document] | None = None,
    ) -> Outcome:
        """``fail`` for something missing — or ``manual`` when unread parts of the case may hold it.

        ``within``: the documents the missing item belongs in (a decision's
        remedies, a record's confirmation); then only their unread pages count,
        and the message names exactly those pages. Without it the missing thing
        is a document, which any unread page or file may hold.
        """
        where = self.unread_of(*within) if within is not None else self.unread
        if where:
            return rule.manual(
                f"{message}；但{'；'.join(where[:5])}未能读取（扫描页未识别或识别置信度低），"
                f"可能载有所缺内容，请人工核查",
                evidence,
            )
        return rule.failed(message, evidence)

    # -- how surely a value was read ----------------------------------------------
    @cached_property
    def _blocks(self) -> dict[tuple[str, int | None, int | None], tuple[Block, Document]]:
        out: dict[tuple[str, int | None, int | None], tuple[Block, Document]] = {}
        for d in self.case.documents:
            for b in d.blocks:
                out.setdefault((b.loc.source, b.loc.page, b.loc.paragraph), (b, d))
        return out

    def reading(self, text: Any, loc: Location, doc: Document | None = None) -> Reading:
        """How the value ``text`` at ``loc`` was read: off a page picture (OCR) or a text layer, and how surely.

        The line's own OCR confidence where the line is known; a document marked for OCR whose lines carry
        no confidence (read before OCR, or poorly) counts as read off a picture with no confidence known.
        """
        hit = self._blocks.get((loc.source, loc.page, loc.paragraph))
        if hit is not None:
            block, owner = hit
            if block.confidence is not None:
                return Reading(str(text), loc, True, block.confidence)
            return Reading(
                str(text), loc, owner.needs_ocr and not any(b.confidence is not None for b in owner.blocks)
            )
        return Reading(str(text), loc, doc is not None and is_scanned(doc))

    def weak_readings(self, *values: tuple[Document | None, Value | None]) -> list[Reading]:
        """The values (document, value) read off a picture with a low confidence: not to decide on."""
        out = []
        for doc, v in values:
            if v is None:
                continue
            r = self.reading(_display(v.value), self.at(doc, v), doc)  # the line the value is written on
            if r.weak:
                out.append(r)
        return out

    # -- evidence that shows the value ----------------------------------------------
    def at(self, doc: Document | None, value: Value | None) -> Location:
        """Evidence for a value (a date, a sum, a name): its place, quoting a line that shows it (``showing``);
        the document's title line without a value."""
        if value is None:
            return loc_of(doc) if doc is not None else Location("")
        return self.showing(value.loc, _shown(value.value), doc)

    def showing(self, loc: Location, value: Any, doc: Document | None = None) -> Location:
        """``loc`` when its quote shows ``value`` (a text, a date or a sum of money); else the nearest line of
        the same document that does (the same block, the same page, then anywhere in it); else ``loc``.

        Evidence quotes what a finding rests on: a date's place, not the label of the row it was found in.
        """
        if _shows(loc.quote, value):
            return loc
        blocks = [b for b in (doc.blocks if doc is not None else ()) if b.loc.source == loc.source] or [
            b for b, _ in self._blocks.values() if b.loc.source == loc.source
        ]
        ranked = sorted(
            range(len(blocks)),
            key=lambda i: (
                blocks[i].loc.paragraph != loc.paragraph or blocks[i].loc.page != loc.page,
                blocks[i].loc.page != loc.page,
                i,
            ),
        )
        for i in ranked:
            for line in blocks[i].text.split("\n"):
                if _shows(line, value):
                    return blocks[i].loc.with_quote(_quote_of(line, value))
        return loc


def _shown(value: Any) -> Any:
    """A value as ``showing`` looks for it: a date, a sum (float) or a text."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date | float | int | str):
        return value
    return str(value)


def _display(value: Any) -> str:
    """A value as a message names it: 2024-07-22, 10000 元, the text."""
    v = _shown(value)
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, float | int) and not isinstance(v, bool):
        return f"{int(v)} 元" if float(v).is_integer() else f"{v:.2f} 元"
    return str(v)


def _plain(s: str) -> str:
    return compact(canonical_brackets(s or ""))


def _shows(quote: str, value: Any) -> bool:
    """Does ``quote`` show ``value``: the date in any written form, the sum in figures or words, the text?"""
    if not quote:
        return False
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return any(m.value == value and m.precision == "day" for m in find_dates(quote))
    if isinstance(value, int | float) and not isinstance(value, bool):
        from casereview.extract.amounts import find_amounts  # cn2an, loaded with the first sum

        return any(abs(m.yuan - float(value)) < SAME_SUM for m in find_amounts(quote))
    want = _plain(str(value))
    return bool(want) and want in _plain(quote)


def _quote_of(line: str, value: Any) -> str:
    """The line, or a window of a long line around where it shows ``value``."""
    span = (0, 0)
    if isinstance(value, dt.date):
        span = next(((m.start, m.end) for m in find_dates(line) if m.value == value), span)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        from casereview.extract.amounts import find_amounts

        span = next(
            ((m.start, m.end) for m in find_amounts(line) if abs(m.yuan - float(value)) < SAME_SUM), span
        )
    else:
        want = re.sub(r"\s+", "", str(value))
        at = re.sub(r"\s+", "", line).find(want)
        if at >= 0:  # the offset in the line with its spaces
            seen = -1
            for i, c in enumerate(line):
                seen += not c.isspace()
                if seen == at:
                    span = (i, i + len(want))
                    break
    return quote_around(line, span[0], span[1])


@dataclass(frozen=True, slots=True)
class Reading:
    """A value as it was read: its text, its place, and whether it was read off a page picture (OCR) and how
    surely (the OCR line's confidence; None when not known)."""

    text: str
    loc: Location
    ocr: bool = False
    confidence: float | None = None

    @property
    def weak(self) -> bool:
        """Read off a picture with a low confidence: it may be wrong in several characters."""
        return self.ocr and self.confidence is not None and self.confidence < LOW_CONFIDENCE

    @property
    def where(self) -> str:
        """The file and page, and how it was read: 14.pdf 第2页，扫描识别，置信度 0.62."""
        page = f" 第{self.loc.page}页" if self.loc.page else ""
        how = "，扫描识别" if self.ocr else ""
        sure = f"，置信度 {self.confidence:.2f}" if self.weak else ""
        return f"{self.loc.source}{page}{how}{sure}"

    def __str__(self) -> str:
        return f"“{self.text}”（{self.where}）"


def confusable(a: Reading, b: Reading, norm=None) -> bool:
    """Two different readings that a misreading could explain: one was read off a scan and is one character
    from the other (dropped, added or substituted: 张军 / 张立军), cut short by its cell, or read with a low
    confidence and a few characters off (two, or a quarter of a longer value)."""
    if not (a.ocr or b.ocr):
        return False
    x, y = (norm or _plain)(a.text), (norm or _plain)(b.text)
    if x == y:
        return False
    if (a.ocr and misread_of(x, y)) or (b.ocr and misread_of(y, x)):
        return True
    if a.weak or b.weak:
        longer = max(len(x), len(y))
        return edits(x, y) <= (1 if longer < SHORT_WORD else max(2, longer // 4))
    return False


def digits_confusable(a: Reading, b: Reading, x: float, y: float) -> bool:
    """Two sums one misread digit apart (5000 / 3000, 50000 / 5000) when either was read off a scan, or
    any two sums when either was read with a low confidence."""
    if not (a.ocr or b.ocr):
        return False
    if a.weak or b.weak:
        return True
    dx, dy = _digits(x), _digits(y)
    return misread_of(dx, dy) if a.ocr else misread_of(dy, dx)


def _digits(x: float) -> str:
    """A sum's digits as written without trailing zero cents: 5000, 120.5."""
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _pages_of(doc: Document, pages: Sequence[int] | None) -> str:
    return f"{doc.source} 第{'、'.join(map(str, pages))}页" if pages else doc.source


class Rule:
    """Base class of every requirement. Subclasses set the class attributes and ``check``.

    The class docstring is the rule's documentation, under the headings
    检查内容 / 依据 / 不合格示例 / 合格示例 / 不适用情形 (``casereview rules CODE`` prints it).
    """

    code: ClassVar[str]
    name: ClassVar[str]  # kebab-case, names the defect: advance-notice-missing
    title: ClassVar[str]  # the requirement in Chinese, as on the scoring sheet
    category: ClassVar[str]  # one of CATEGORIES
    legal_basis: ClassVar[tuple[Basis, ...]]

    def applies(self, ctx: Context) -> str | None:  # noqa: ARG002 - the Rule protocol: subclasses read ctx
        """None when the requirement applies; otherwise the reason (Chinese) it does not."""
        return None

    def check(self, ctx: Context) -> Outcome:  # pragma: no cover - abstract
        raise NotImplementedError

    def run(self, ctx: Context) -> Outcome:
        """Decide the requirement; an unexpected error becomes ``manual``, never ``pass``.

        The error's traceback is logged; with ``CASEREVIEW_STRICT_RULES`` set it is raised instead.
        """
        try:
            reason = self.applies(ctx)
            if reason is not None:
                return self.na(reason)
            return self.check(ctx)
        except (
            Exception
        ) as exc:  # isolation point (logged or re-raised): one broken rule must not stop the review
            if strict_rules():
                raise
            log.exception("rule %s raised on case %s", self.code, ctx.case.case_id)
            return self.manual(f"{INTERNAL_ERROR}，需人工核查：{type(exc).__name__}: {exc}")

    # -- outcome constructors ----------------------------------------------------
    def passed(self, message: str = "", evidence: Iterable[Location] = ()) -> Outcome:
        return Outcome(self.code, "pass", message, list(evidence))

    def failed(self, message: str, evidence: Iterable[Location] = ()) -> Outcome:
        return Outcome(self.code, "fail", message, list(evidence))

    def na(self, reason: str) -> Outcome:
        return Outcome(self.code, "na", reason)

    def manual(self, reason: str, evidence: Iterable[Location] = ()) -> Outcome:
        return Outcome(self.code, "manual", reason, list(evidence))

    def read_surely(
        self, ctx: Context, outcome: Outcome, *values: tuple[Document | None, Value | None]
    ) -> Outcome:
        """``outcome``, a pass or a fail computed from ``values`` (dates, sums) — or ``manual`` when any of them
        was read off a scan with a low confidence: what it rests on may be misread, so nothing is decided."""
        if outcome.status not in ("pass", "fail"):
            return outcome
        weak = ctx.weak_readings(*values)
        if not weak:
            return outcome
        said = outcome.message or ("判为合格" if outcome.status == "pass" else "判为不合格")
        return self.manual(
            f"{said}；但所依据的{'、'.join(map(str, weak))}识别置信度低，可能识别有误，请人工核对后再作结论",
            list(dict.fromkeys(outcome.evidence + [r.loc for r in weak])),
        )

    # -- documentation -----------------------------------------------------------
    @classmethod
    def doc(cls) -> str:
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")


RECORDS = (DocType.INSPECTION_RECORD, DocType.INQUIRY_RECORD)


class DecisionRule(Rule):
    """A requirement that only applies when the file holds a penalty decision."""

    def applies(self, ctx: Context) -> str | None:
        if ctx.decision is None:
            return "案卷中没有行政处罚决定书"
        return None


class RecordRule(Rule):
    """A requirement on every inspection and inquiry record (S01–S04, G01, G02).

    Not applicable without records; ``manual`` when records may exist only in
    what could not be read; otherwise ``check_records`` decides over the
    readable records.
    """

    def applies(self, ctx: Context) -> str | None:
        if not ctx.has(*RECORDS) and not ctx.unread:
            return "案卷中没有现场检查笔录或询问笔录"
        return None

    def check(self, ctx: Context) -> Outcome:
        records = ctx.docs(*RECORDS)
        if not records:
            return self.manual(
                f"未见可读取的现场检查笔录或询问笔录，请人工核查未能读取的内容（{'；'.join(ctx.unread[:5])}）"
            )
        return self.check_records(ctx, records)

    def check_records(self, ctx: Context, records: list[Document]) -> Outcome:  # pragma: no cover - abstract
        raise NotImplementedError


def loc_of(doc: Document, value: Value | None = None) -> Location:
    """Evidence location: the value's own location, else the document's title line."""
    if value is not None:
        return value.loc
    first = doc.first_loc
    return Location(doc.source, first.page, first.paragraph, doc.title or first.quote)


def step_notes(doc: Document) -> Record | Service | None:
    """What a record or a service receipt notes of the step it records: the witness, the audio/video recording."""
    return doc.record or doc.service


def doc_label(doc: Document) -> str:
    """How a message names a document: its title and file (and page)."""
    page = f" 第{doc.pages[0]}页" if doc.pages else ""
    return f"{doc.title or '文书'}（{doc.source}{page}）"


def is_scanned(doc: Document) -> bool:
    """The document was read off page pictures (OCR): a reading that differs by a character may be a misreading."""
    return doc.needs_ocr or any(b.confidence is not None for b in doc.blocks)


def edits(a: str, b: str) -> int:
    """Levenshtein distance: how many characters to change, add or drop to turn ``a`` into ``b``."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


# Digits an OCR engine takes for one another (closed or broken loops, a lost stroke): 8/0/6/9/3/5, 1/7/4.
# Other substitutions in a confidently read number (3 for 6, 4 for 3) are what the page says.
_DIGIT_LOOKALIKES = frozenset(
    frozenset(p) for p in ("08", "06", "09", "38", "35", "56", "58", "68", "89", "17", "14", "49")
)


def misread_of(read: str, printed: str) -> bool:
    """``read`` off a scan may be ``printed`` misread: one character off, or cut short (a wrapped cell).

    One digit read for another counts only between look-alike digits (``_DIGIT_LOOKALIKES``): a
    confident 3个月 against 6个月 is a real difference, a weak reading is handled by its confidence.
    """
    if not read:
        return False
    if len(read) >= MIN_CUT_READING and printed.startswith(read):
        return True
    if edits(read, printed) > 1:
        return False
    if len(read) == len(printed):
        pair = {(a, b) for a, b in zip(read, printed, strict=True) if a != b}
        if pair:
            a, b = next(iter(pair))
            if a.isdigit() and b.isdigit():
                return frozenset((a, b)) in _DIGIT_LOOKALIKES
    return True
