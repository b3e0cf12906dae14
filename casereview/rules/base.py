"""The rule framework: one requirement, one class; a context the rules read.

A rule reads the case model (documents, their located fields and plain
facts) and returns an ``Outcome``: ``pass``, ``fail`` (with a Chinese message
naming the defect and its evidence), ``na`` (with the reason it does not
apply) or ``manual`` (what a person must look at). Rules never open files.
Points and veto flags live in the rubric, not here.

"Never guess silently": when a rule would fail because something is *absent*
but a part of the case that could hold it was not read (unreadable files,
pages nothing was read from, a document's own poorly read pages),
``ctx.absent(..., within=[docs])`` turns that into ``manual`` naming those
pages. A rule that raises is reported as ``manual`` with the error, never as
``pass``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar

from casereview.model import Case, Document, Location, Outcome, Value

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

UNREAD_CODES = {"needs_ocr", "unreadable", "encrypted", "too_large"}


@dataclass(frozen=True, slots=True)
class Basis:
    """A legal basis: the law (or seed document) and the article."""

    law: str
    article: str = ""
    note: str = ""

    def __str__(self) -> str:
        return f"《{self.law}》{self.article}" if not self.law.startswith("seed") else f"{self.law} {self.article}"


@dataclass
class Context:
    """What a rule may read: the case, the rubric's parameters, the roster of certified officers."""

    case: Case
    params: dict[str, Any] = field(default_factory=dict)
    roster: frozenset[tuple[str, str]] | None = None
    calendar: Any = None  # working-day overrides (extract.dates.CalendarOverrides) for years the library lacks

    def param(self, key: str, default: Any = None) -> Any:
        """A rubric parameter by dotted key (``hearing.fine_person_yuan``)."""
        node: Any = self.params
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        return node

    # -- documents ------------------------------------------------------------
    def docs(self, *types: str) -> list[Document]:
        """Readable documents of these types, in file order."""
        return [d for d in self.case.documents if d.type in types and not (d.needs_ocr and not d.has_text)]

    def has(self, *types: str) -> bool:
        return bool(self.docs(*types))

    def last(self, doc_type: str) -> Document | None:
        return self.case.last_of(doc_type, self.docs(doc_type))

    @property
    def decision(self) -> Document | None:
        """The penalty decision (the last one, if the file holds a corrected one)."""
        return self.last("penalty_decision")

    def facts(self, doc: Document) -> dict[str, Any]:
        """Plain facts of a document (extract.facts), computed once."""
        cache = self.__dict__.setdefault("_facts", {})
        if id(doc) not in cache:
            from casereview.extract.facts import document_facts

            cache[id(doc)] = document_facts(doc)
        return cache[id(doc)]

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

    def absent(self, rule: Rule, message: str, evidence: Sequence[Location] = (),
               within: Iterable[Document] | None = None) -> Outcome:
        """``fail`` for something missing — or ``manual`` when unread parts of the case may hold it.

        ``within``: the documents the missing item belongs in (a decision's
        remedies, a record's confirmation); then only their unread pages count,
        and the message names exactly those pages. Without it the missing thing
        is a document, which any unread page or file may hold.
        """
        where = self.unread_of(*within) if within is not None else self.unread
        if where:
            return rule.manual(f"{message}；但{'；'.join(where[:5])}未能读取（扫描页未识别或识别置信度低），"
                               f"可能载有所缺内容，请人工核查", evidence)
        return rule.failed(message, evidence)


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

    def applies(self, ctx: Context) -> str | None:
        """None when the requirement applies; otherwise the reason (Chinese) it does not."""
        return None

    def check(self, ctx: Context) -> Outcome:  # pragma: no cover - abstract
        raise NotImplementedError

    def run(self, ctx: Context) -> Outcome:
        """Decide the requirement; an unexpected error becomes ``manual``, never ``pass``."""
        try:
            reason = self.applies(ctx)
            if reason is not None:
                return self.na(reason)
            return self.check(ctx)
        except Exception as exc:  # noqa: BLE001 - one broken rule must not stop the review
            return self.manual(f"规则执行出错，需人工核查：{type(exc).__name__}: {exc}")

    # -- outcome constructors ----------------------------------------------------
    def passed(self, message: str = "", evidence: Iterable[Location] = ()) -> Outcome:
        return Outcome(self.code, "pass", message, list(evidence))

    def failed(self, message: str, evidence: Iterable[Location] = ()) -> Outcome:
        return Outcome(self.code, "fail", message, list(evidence))

    def na(self, reason: str) -> Outcome:
        return Outcome(self.code, "na", reason)

    def manual(self, reason: str, evidence: Iterable[Location] = ()) -> Outcome:
        return Outcome(self.code, "manual", reason, list(evidence))

    # -- documentation -----------------------------------------------------------
    @classmethod
    def doc(cls) -> str:
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")


RECORDS = ("inspection_record", "inquiry_record")


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
            return self.manual(f"未见可读取的现场检查笔录或询问笔录，请人工核查未能读取的内容（{'；'.join(ctx.unread[:5])}）")
        return self.check_records(ctx, records)

    def check_records(self, ctx: Context, records: list[Document]) -> Outcome:  # pragma: no cover - abstract
        raise NotImplementedError


def loc_of(doc: Document, value: Value | None = None) -> Location:
    """Evidence location: the value's own location, else the document's title line."""
    if value is not None:
        return value.loc
    first = doc.first_loc
    return Location(doc.source, first.page, first.paragraph, doc.title or first.quote)


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


def misread_of(read: str, printed: str) -> bool:
    """``read`` off a scan may be ``printed`` misread: one character off, or cut short (a wrapped cell)."""
    return bool(read) and (edits(read, printed) <= 1 or (len(read) >= 4 and printed.startswith(read)))
