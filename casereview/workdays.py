"""Working days: the official holiday calendar with 调休 make-up days, and day counts.

Working days follow the State Council holiday notices through
``chinese_calendar``. For a year the library does not know, a
:class:`CalendarOverrides` (usually read by :func:`load_calendar_overrides`
from the file a rubric names in ``calendar_overrides``) must supply it: the
functions raise ``ValueError`` rather than guess. Rules count deadlines with
these (``rules/timing.py``); nothing here reads a case.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from os import PathLike
from typing import Any

import chinese_calendar

FIRST_YEAR, LAST_YEAR = 1990, 2099  # the years a calendar override may name
SATURDAY = 5  # date.weekday(): Monday is 0

__all__ = [
    "CalendarOverrides",
    "add_working_days",
    "days_between",
    "is_working_day",
    "load_calendar_overrides",
    "working_days_between",
]


@dataclass(frozen=True)
class CalendarOverrides:
    """Holiday data for years ``chinese_calendar`` lacks (or corrections to it).

    For a date in one of ``years``: listed holidays are days off, listed
    workdays (调休 make-up days) are working days, other days follow the
    Monday-Friday week. Dates in ``holidays``/``workdays`` also override the
    library for any other year.
    """

    years: frozenset[int] = frozenset()
    holidays: frozenset[dt.date] = frozenset()
    workdays: frozenset[dt.date] = frozenset()

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | Iterable[Mapping[str, Any]]) -> CalendarOverrides:
        """Build and validate overrides from ``{"year", "holidays", "workdays"}`` (or a list of them).

        Dates may be ``datetime.date`` or ISO strings. Without ``"year"`` the
        covered years are those of the listed dates. Raises ``ValueError``
        naming every problem found.
        """
        items = [data] if isinstance(data, Mapping) else list(data)
        merged = cls()
        for index, item in enumerate(items):
            where = f"entry {index}: " if len(items) > 1 else ""
            merged = merged.merged(_one_year(item, where))
        return merged

    def merged(self, other: CalendarOverrides) -> CalendarOverrides:
        """Return overrides covering both ``self`` and ``other``."""
        return CalendarOverrides(
            self.years | other.years, self.holidays | other.holidays, self.workdays | other.workdays
        )


@dataclass
class _Problems:
    """Collects validation messages so all of them are reported at once."""

    prefix: str
    messages: list[str] = field(default_factory=list)

    def add(self, message: str) -> None:
        self.messages.append(self.prefix + message)

    def raise_if_any(self) -> None:
        if self.messages:
            raise ValueError("invalid calendar overrides: " + "; ".join(self.messages))


def _one_year(item: Mapping[str, Any], where: str) -> CalendarOverrides:
    """Validate one year's mapping and convert it."""
    problems = _Problems(where)
    if not isinstance(item, Mapping):
        problems.add(f"expected an object with holidays/workdays, got {type(item).__name__}")
        problems.raise_if_any()
    unknown = set(item) - {"year", "holidays", "workdays", "source", "note"}
    if unknown:
        problems.add(f"unknown keys {sorted(unknown)}")
    year = item.get("year")
    if year is not None and (
        not isinstance(year, int) or isinstance(year, bool) or not FIRST_YEAR <= year <= LAST_YEAR
    ):
        problems.add(f"'year' must be an integer {FIRST_YEAR}-{LAST_YEAR}, got {year!r}")
        year = None
    holidays = _date_list(item.get("holidays", []), "holidays", year, problems)
    workdays = _date_list(item.get("workdays", []), "workdays", year, problems)
    for both in sorted(holidays & workdays):
        problems.add(f"{both.isoformat()} is listed as both holiday and workday")
    problems.raise_if_any()
    years = {year} if year is not None else {d.year for d in holidays | workdays}
    return CalendarOverrides(frozenset(years), frozenset(holidays), frozenset(workdays))


def _date_list(raw: Any, key: str, year: int | None, problems: _Problems) -> set[dt.date]:
    """Convert and check one list of dates."""
    if not isinstance(raw, list | tuple | set | frozenset):
        problems.add(f"'{key}' must be a list of dates, got {type(raw).__name__}")
        return set()
    dates: set[dt.date] = set()
    for value in raw:
        day = _as_date(value)
        if day is None:
            problems.add(f"'{key}': {value!r} is not a YYYY-MM-DD date")
        elif year is not None and day.year != year:
            problems.add(f"'{key}': {day.isoformat()} is not in year {year}")
        else:
            dates.add(day)
    return dates


def _as_date(value: Any) -> dt.date | None:
    """Accept a date (not a datetime) or an ISO ``YYYY-MM-DD`` string."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def load_calendar_overrides(path: str | PathLike[str]) -> CalendarOverrides:
    """Read and validate a JSON override file.

    The file holds one object ``{"year": 2027, "holidays": ["2027-01-01", ...],
    "workdays": ["2027-02-06", ...]}`` (``"year"`` is required; optional
    ``"source"``/``"note"`` strings are allowed) or a list of such objects.
    Raises ``ValueError`` naming the file and every problem.
    """
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not valid JSON: {exc}") from exc
    items = [data] if isinstance(data, dict) else data
    if not isinstance(items, list) or not items:
        raise ValueError(f"{path}: expected an object or a non-empty list of objects")
    for index, item in enumerate(items):
        if not isinstance(item, dict) or "year" not in item:
            where = f"entry {index} " if len(items) > 1 else ""
            raise ValueError(f"{path}: {where}needs a 'year' key (an object with year, holidays, workdays)")
    try:
        return CalendarOverrides.from_mapping(items)
    except ValueError as exc:
        raise ValueError(f"{path}: {exc}") from exc


OverridesLike = CalendarOverrides | Mapping[str, Any] | None


def _coerce(overrides: OverridesLike) -> CalendarOverrides | None:
    """Accept overrides as the dataclass or as a raw mapping."""
    if overrides is None or isinstance(overrides, CalendarOverrides):
        return overrides
    return CalendarOverrides.from_mapping(overrides)


def is_working_day(d: dt.date, overrides: OverridesLike = None) -> bool:
    """Tell whether ``d`` is a working day (调休 make-up days count as working days).

    Raises ``ValueError`` naming the year when neither ``chinese_calendar`` nor
    ``overrides`` covers ``d``.
    """
    return _is_working(d, _coerce(overrides))


def _is_working(d: dt.date, ov: CalendarOverrides | None) -> bool:
    """:func:`is_working_day` with overrides already coerced."""
    if isinstance(d, dt.datetime):
        d = d.date()
    if ov is not None:
        if d in ov.holidays:
            return False
        if d in ov.workdays:
            return True
        if d.year in ov.years:
            return d.weekday() < SATURDAY
    try:
        return chinese_calendar.is_workday(d)
    except NotImplementedError as exc:
        raise ValueError(
            f"no holiday calendar for year {d.year} (date {d.isoformat()}): chinese_calendar says "
            f"'{exc}'; add that year's State Council holiday notice as a calendar override file"
        ) from exc


def add_working_days(d: dt.date, n: int, overrides: OverridesLike = None) -> dt.date:
    """Return the ``n``-th working day after ``d`` (before it when ``n`` < 0).

    ``d`` itself is not counted, matching how 行政处罚法 periods run from the
    day after the triggering event; ``n == 0`` returns ``d``.
    """
    ov = _coerce(overrides)
    step = dt.timedelta(days=1 if n >= 0 else -1)
    remaining = abs(n)
    while remaining:
        d += step
        if _is_working(d, ov):
            remaining -= 1
    return d


def working_days_between(a: dt.date, b: dt.date, overrides: OverridesLike = None) -> int:
    """Count working days after ``a`` up to and including ``b``.

    Negative (the count for ``b``..``a``) when ``b`` is before ``a``; 0 when equal.
    """
    if b < a:
        return -working_days_between(b, a, overrides)
    ov = _coerce(overrides)
    one = dt.timedelta(days=1)
    count = 0
    day = a
    while day < b:
        day += one
        count += _is_working(day, ov)
    return count


def days_between(a: dt.date, b: dt.date) -> int:
    """Calendar days from ``a`` to ``b`` (``b - a``; negative when ``b`` is earlier)."""
    return (b - a).days
