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

from casereview.extract.dates import add_working_days, days_between, working_days_between
from casereview.rules.base import Context

LAW_REVISION_2021 = dt.date(2021, 7, 15)  # 行政处罚法 (2021 revision) in force


class CalendarUnknown(ValueError):
    """A working-day count needs a year the holiday calendar does not know."""


@dataclass(frozen=True, slots=True)
class Limit:
    days: int
    unit: str = "calendar"  # calendar | working

    def __str__(self) -> str:
        return f"{self.days}{'个工作日' if self.unit == 'working' else '日'}"


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


def elapsed(ctx: Context, start: dt.date, end: dt.date, unit: str = "calendar") -> int:
    """Days from ``start`` to ``end`` (end − start), in calendar or working days."""
    if unit == "working":
        try:
            return working_days_between(start, end, ctx.calendar) if end >= start else \
                -working_days_between(end, start, ctx.calendar)
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
