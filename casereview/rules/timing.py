"""The one date engine for every time-limit rule (T codes, H02, P01).

Limits come from the rubric's parameters and may be:
- a number of calendar days: ``case_days: 90``;
- a number with a unit: ``notice_wait: {days: 5, unit: working}``;
- a list of limits by the date of the procedural step, for rules that changed
  (the 2021-07-15 revision of 处罚法): ``[{until: "2021-07-14", days: 3}, {days: 5}]``.

Working days follow the official holiday calendar with 调休 (chinese-calendar,
plus the rubric's override file for years the library does not know); a year
that neither knows raises ``CalendarUnknown`` so the rule can answer
``manual`` rather than guess.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from casereview.model import DocType, Document, Location, Value
from casereview.rules.base import Context, doc_label, loc_of
from casereview.workdays import add_working_days, days_between, working_days_between


class CalendarUnknown(ValueError):
    """A working-day count needs a year the holiday calendar does not know."""


@dataclass(frozen=True, slots=True)
class Limit:
    days: int
    unit: str = "calendar"  # calendar | working

    @property
    def unit_zh(self) -> str:
        return "个工作日" if self.unit == "working" else "日"

    def __str__(self) -> str:
        return f"{self.days}{self.unit_zh}"


def limit(ctx: Context, key: str, on: dt.date | None = None, default: Any = None) -> Limit:
    """The limit named ``key`` in the rubric, chosen by the date ``on`` of the step where it changed."""
    raw = ctx.param(key, default)
    if isinstance(raw, list):
        chosen = None
        for entry in raw:
            until = entry.get("until")
            if until is None or (on is not None and on <= dt.date.fromisoformat(str(until))):
                chosen = entry
                break
        raw = chosen if chosen is not None else raw[-1]
    if isinstance(raw, dict):
        return Limit(int(raw["days"]), str(raw.get("unit", "calendar")))
    if raw is None:
        raise KeyError(f"rubric parameter {key} is missing")
    return Limit(int(raw))


def decision_day(decision) -> tuple[Any, dt.date | None]:
    """The decision's closing date as (Value, date); (None, None) when it cannot be read."""
    value = date_of(decision)
    return value, (as_date(value.value) if value is not None else None)


def measure(ctx: Context, key: str, start: dt.date, end: dt.date, default: Any = None) -> tuple[int, Limit]:
    """Days from ``start`` to ``end`` counted the way the rubric's limit ``key`` counts (chosen by ``start``).

    Returns (days, limit); raises CalendarUnknown for a working-day count in a year no calendar knows.
    """
    lim = limit(ctx, key, on=start, default=default)
    return elapsed(ctx, start, end, lim.unit), lim


def elapsed(ctx: Context, start: dt.date, end: dt.date, unit: str = "calendar") -> int:
    """Days from ``start`` to ``end`` (end − start), in calendar or working days."""
    if unit == "working":
        try:
            return (
                working_days_between(start, end, ctx.calendar)
                if end >= start
                else -working_days_between(end, start, ctx.calendar)
            )
        except ValueError as exc:
            raise CalendarUnknown(str(exc)) from exc
    return days_between(start, end)


def deadline(ctx: Context, start: dt.date, lim: Limit) -> dt.date:
    """The last day allowed: ``start`` plus the limit."""
    if lim.unit == "working":
        try:
            return add_working_days(start, lim.days, ctx.calendar)
        except ValueError as exc:
            raise CalendarUnknown(str(exc)) from exc
    return start + dt.timedelta(days=lim.days)


def as_date(value: Any) -> dt.date | None:
    """A date from a date, datetime or ISO string (None passes through)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def fmt(d: dt.date | None) -> str:
    return d.isoformat() if d else "（日期不详）"


# -- dates the time-limit rules share (T01–T07, L03, L05) ----------------------------


def date_of(doc: Document) -> Value | None:
    """The date a document bears, for date arithmetic.

    A penalty decision counts only by the date in its closing (落款): the
    extractor's fall-back (the last date anywhere in the text) may be a date
    of the narrative, and a time limit must not be computed from a guess.
    """
    if doc.type == DocType.PENALTY_DECISION:
        return doc.fields.get("closing_date")
    return doc.date


def filing_date(ctx: Context) -> Value | None:
    """The filing date (立案): the filing approval's date, else the cover's (the case summary)."""
    raw = ctx.case.summary.get("filing_date")
    day = as_date(raw)
    if day is None:
        return None
    loc = ctx.case.summary_locs.get("filing_date") or Location("", quote=str(raw))
    return Value(day, loc)


def filing_date_unread(ctx: Context, fallback: Document) -> tuple[str, list[Location]]:
    """Why no filing date is known, and where to look (the filing approval, else ``fallback``), for a
    rule that must then answer manual: "<why>，无法…"."""
    filings = ctx.docs(DocType.FILING_APPROVAL)
    if filings:
        return f"{doc_label(filings[0])}上的立案日期未能识别", [loc_of(filings[0])]
    return "案卷中未见立案审批表，也未见载明立案日期的封面", [loc_of(fallback)]


@dataclass(frozen=True, slots=True)
class ServiceProof:
    """Proof that a document was served: a service receipt (or the recipient's receipt on the document)."""

    document: Document  # the service receipt, or the served document itself when signed on it
    date: Value | None  # None when the proof's date could not be read


def service_of(ctx: Context, doc: Document) -> ServiceProof | None:
    """The earliest proof of service of ``doc``, None when the file holds none.

    Receipts are matched by the type of document they name (``served``); when
    the file holds several documents of that type, by the served document's
    文号, else by date (a receipt cannot precede what it serves). Without a
    receipt, the recipient's dated signature on the document itself counts.
    """
    candidates = [r for r in ctx.docs(DocType.SERVICE_RECEIPT) if doc.type in r.service.served_types]
    if doc.case_number is not None and candidates:
        own = _compact_number(doc.case_number.value)
        numbered = [
            r
            for r in candidates
            if own in {_compact_number(v.value) for v in r.fields.get("case_numbers", [])}
        ]
        if numbered:
            candidates = numbered
        elif len(ctx.docs(doc.type)) > 1:
            candidates = [
                r for r in candidates if not r.fields.get("case_numbers")
            ]  # others name other documents
    if len(ctx.docs(doc.type)) > 1 and candidates:
        own_day = as_date(date_of(doc).value) if date_of(doc) is not None else None
        if own_day is not None:
            later = [
                r for r in candidates if (d := _receipt_date(r)) is not None and as_date(d.value) >= own_day
            ]
            candidates = later or candidates
    if candidates:
        dated = [(as_date(d.value), r, d) for r in candidates if (d := _receipt_date(r)) is not None]
        if dated:
            _, receipt, value = min(dated, key=lambda t: t[0])
            return ServiceProof(receipt, value)
        return ServiceProof(candidates[0], None)
    own_receipt = doc.fields.get("receipt_date")
    if isinstance(own_receipt, Value) and as_date(own_receipt.value) is not None:
        return ServiceProof(doc, own_receipt)
    return None


def _receipt_date(receipt: Document) -> Value | None:
    v = receipt.service.date
    return (
        v
        if v is not None and as_date(v.value) is not None
        else (receipt.date if receipt.date is not None and as_date(receipt.date.value) is not None else None)
    )


def _compact_number(s: str) -> str:
    return "".join(str(s).split())


def calendar_unknown_reason(exc: CalendarUnknown) -> str:
    """The manual reason for a working-day count over a year the holiday calendar lacks."""
    import re

    years = sorted(set(re.findall(r"year (\d{4})", str(exc))))
    which = "、".join(years) if years else "所涉年份"
    return (
        f"{which} 年的法定节假日安排（含调休）不在节假日日历中，无法按工作日计算期限；"
        f"请提供该年度的日历覆盖文件或人工核算"
    )


def add_months(d: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months later (the month's last day when it is shorter)."""
    import calendar

    index = d.month - 1 + months
    year, month = d.year + index // 12, index % 12 + 1
    return d.replace(year=year, month=month, day=min(d.day, calendar.monthrange(year, month)[1]))


def add_years(d: dt.date, years: int) -> dt.date:
    """The same day ``years`` later (29 February becomes 28 February)."""
    return add_months(d, 12 * years)
