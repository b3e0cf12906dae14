"""Dates and times in case files, date ranges, and working-day arithmetic.

The finders expect text that went through
:func:`casereview.text.normalize.normalize` (half-width digits, no stray
spaces); returned offsets index the text they were given. A single optional
space between the parts of a date is tolerated.

Working days follow the State Council holiday notices through
``chinese_calendar`` (with 调休 make-up days). For a year the library does not
know, a :class:`CalendarOverrides` (usually read by
:func:`load_calendar_overrides`) must supply it: the functions raise
``ValueError`` rather than guess.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from os import PathLike
from typing import Any, Literal

import chinese_calendar

from casereview.text.normalize import normalize

__all__ = [
    "CalendarOverrides",
    "DateMatch",
    "DateRange",
    "add_working_days",
    "cn_number",
    "days_between",
    "find_date_ranges",
    "find_dates",
    "is_working_day",
    "load_calendar_overrides",
    "parse_date",
    "working_days_between",
]

Precision = Literal["day", "month", "year"]


@dataclass(frozen=True)
class DateMatch:
    """A date (optionally with a time of day) found in text.

    ``start``/``end`` index the searched text and ``text == source[start:end]``.
    For ``precision == "month"`` ``value`` is the first day of that month.
    """

    start: int
    end: int
    text: str
    value: dt.date
    time: dt.time | None = None
    precision: Precision = "day"

    def as_datetime(self) -> dt.datetime | None:
        """Return date and time combined, or None when no time was stated."""
        return None if self.time is None else dt.datetime.combine(self.value, self.time)


@dataclass(frozen=True)
class DateRange:
    """``first`` 至 ``last``: a period such as 2024年3月5日14时05分至15时10分.

    ``last`` is a :class:`DateMatch` too, but its text may state only a time
    (``15时10分``), a day (``7日``) or month and day (``4月1日``); its ``value``
    then carries the date inherited from ``first``. ``start``/``end``/``text``
    cover the whole range.
    """

    first: DateMatch
    last: DateMatch
    text: str

    @property
    def start(self) -> int:
        """Offset of the range's first character."""
        return self.first.start

    @property
    def end(self) -> int:
        """Offset just past the range's last character."""
        return self.last.end


# --- Chinese numerals -------------------------------------------------------

_CN_DIGITS = {
    "〇": 0, "○": 0, "零": 0, "O": 0, "o": 0, "Ο": 0, "0": 0,  # lookalikes of 〇 seen in year numbers
    "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip


def cn_number(s: str) -> int:
    """Convert a numeral as written in dates and times to an int.

    Handles Arabic digits, digit-by-digit Chinese numerals (``二〇二四`` 2024,
    ``〇五`` 5, with ○/O/0 lookalikes of 〇) and tens (``十`` 10, ``十五`` 15,
    ``二十`` 20, ``三十一`` 31, ``廿一`` 21, ``卅`` 30). Raises ``ValueError`` for
    anything else.
    """
    s = s.strip()
    if not s:
        raise ValueError("empty numeral")
    if s.isascii() and s.isdigit():
        return int(s)
    s = s.replace("廿", "二十").replace("卅", "三十")
    if "十" in s:
        return _cn_tens(s)
    try:
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    except KeyError as exc:
        raise ValueError(f"not a date numeral: {s!r}") from exc


def _cn_tens(s: str) -> int:
    """Convert ``[digit]十[digit]`` (at most 99)."""
    tens, _, units = s.partition("十")
    if len(tens) > 1 or len(units) > 1 or "十" in units:
        raise ValueError(f"not a date numeral: {s!r}")
    try:
        high = _CN_DIGITS[tens] if tens else 1
        low = _CN_DIGITS[units] if units else 0
    except KeyError as exc:
        raise ValueError(f"not a date numeral: {s!r}") from exc
    return high * 10 + low


# --- patterns ---------------------------------------------------------------

_CN_NUM = "〇○零一二三四五六七八九十两"
_YEAR = (
    rf"(?P<y>(?<![0-9])(?:199[0-9]|20[0-9]{{2}})|(?<![{_CN_NUM}])[一二][〇○零Oo0Ο一二三四五六七八九]{{3}})"
)
_MONTH = r"(?P<m>[0-9]{1,2}|[〇○零一二三四五六七八九十]{1,3}|元)"
_DAY = r"(?P<d>[0-9]{1,2}|[〇○零一二三四五六七八九十廿卅]{1,4})"
_NUM_HM = rf"[0-9]{{1,2}}|[{_CN_NUM}]{{1,3}}"

# A time of day: (星期二) 上午 9时30分 / 9:30 / 9:30:15 / 9点半 / 十时许.
_TIME_BODY = (
    r"(?:[(（]?(?:星期|周)[一二三四五六日天][)）]? ?)?"
    r"(?P<ampm>上午|下午|中午|晚上|早上|凌晨|傍晚|夜间|晚)? ?"
    rf"(?P<h>{_NUM_HM}) ?"
    r"(?:[:：] ?(?P<cm>[0-9]{2})(?:[:：](?P<cs>[0-9]{2}))?(?![0-9])"
    rf"|[时点](?: ?(?:(?P<mi>{_NUM_HM}) ?分|(?P<half>半)))?)"
)
# Optional time right after a date.
_TIME = rf"(?P<time> ?{_TIME_BODY})?"

_CN_DATE = re.compile(rf"{_YEAR} ?年 ?{_MONTH}(?P<mend> ?月)(?: ?{_DAY} ?[日号])?{_TIME}")
_SEP_DATE = re.compile(
    r"(?<![0-9A-Za-z.\-/])(?P<y>199[0-9]|20[0-9]{2})(?P<sep>[-/.])(?P<m>[0-9]{1,2})(?P=sep)"
    rf"(?P<d>[0-9]{{1,2}})(?![0-9])(?![-/.][0-9]){_TIME}"
)
# After a month-precision date, any numeral means the day was garbled: no match.
_NUMERAL_AHEAD = re.compile(r" ?[0-9〇○零一二三四五六七八九十廿卅]")
# Time-only text (the end of a range on the same day).
_TIME_ONLY = re.compile(rf"(?P<time>{_TIME_BODY})")

_RANGE_SEP = re.compile(r" ?(?:至|到|—{1,2}|-{1,2}|~) ?")
_MONTH_DAY = re.compile(rf"{_MONTH} ?月 ?{_DAY} ?[日号]{_TIME}")
_DAY_ONLY = re.compile(rf"{_DAY} ?[日号]{_TIME}")


# --- finding dates ----------------------------------------------------------


def find_dates(text: str) -> list[DateMatch]:
    """Return every date in ``text`` in text order, without overlaps.

    Recognised: 2024年3月5日 / 2024年03月05日 / 2024年3月5号 / 2024-03-05 /
    2024/3/5 / 2024.3.5 / 二〇二四年三月十五日 (also ○, O, 0 for 〇) / 元月,
    with an optional time (9时30分, 9:30, 上午9时, 下午3时20分 -> 15:20, 9点半).
    ``2024年3月`` is a month-precision match when no day follows.
    Not dates: invalid days (2024年2月30日), years outside 1990-2099, parts of
    longer digit runs, ``〔2024〕17号``, ``2024年度``.
    """
    found = list(_iter_candidates(text))
    found.sort(key=lambda m: (m.start, -m.end))
    result: list[DateMatch] = []
    for m in found:
        if not result or m.start >= result[-1].end:
            result.append(m)
    return result


def _iter_candidates(text: str) -> Iterable[DateMatch]:
    """Yield valid matches of both date patterns (they may overlap)."""
    for regex in (_CN_DATE, _SEP_DATE):
        for m in regex.finditer(text):
            dm = _to_match(m, text)
            if dm is not None:
                yield dm


def _to_match(m: re.Match[str], text: str) -> DateMatch | None:
    """Turn a regex match into a validated DateMatch, or None."""
    day_text = m.group("d")
    if day_text is None and _NUMERAL_AHEAD.match(text, m.end("mend")):
        return None
    value = _make_date(m.group("y"), m.group("m"), day_text)
    if value is None:
        return None
    if day_text is None:  # a month-precision date carries no time
        end = m.start("time") if m.group("time") is not None else m.end()
        return DateMatch(m.start(), end, text[m.start() : end], value, None, "month")
    return _with_time(m, text, value)


def _with_time(m: re.Match[str], text: str, value: dt.date) -> DateMatch:
    """Build a day-precision DateMatch, keeping the time part only when it is valid."""
    time = _make_time(m) if m.group("time") is not None else None
    end = m.end() if time is not None or m.group("time") is None else m.start("time")
    return DateMatch(m.start(), end, text[m.start() : end], value, time, "day")


def _make_date(year: str, month: str, day: str | None) -> dt.date | None:
    """Build a date from numeral strings; None when invalid or out of range."""
    try:
        y = cn_number(year)
        mo = 1 if month == "元" else cn_number(month)
        d = cn_number(day) if day is not None else 1
        value = dt.date(y, mo, d)
    except ValueError:
        return None
    return value if 1990 <= y <= 2099 else None


_PM = {"下午", "晚上", "傍晚", "晚", "夜间"}


def _make_time(m: re.Match[str]) -> dt.time | None:
    """Build the time of day from the time groups; None when invalid."""
    try:
        hour = cn_number(m.group("h"))
        minute_text = m.group("cm") or m.group("mi")
        minute = 30 if m.group("half") else (cn_number(minute_text) if minute_text else 0)
        second = int(m.group("cs")) if m.group("cs") else 0
    except ValueError:
        return None
    hour = _apply_ampm(hour, m.group("ampm"))
    if not (0 <= hour <= 23 and 0 <= minute <= 59 and 0 <= second <= 59):
        return None
    return dt.time(hour, minute, second)


def _apply_ampm(hour: int, ampm: str | None) -> int:
    """Shift a 12-hour clock reading stated with 下午/晚上/中午 to 24 hours."""
    if ampm in _PM and 1 <= hour < 12:
        return hour + 12
    if ampm == "中午" and 1 <= hour < 11:
        return hour + 12
    if ampm == "凌晨" and hour == 12:
        return 0
    return hour


def parse_date(s: str) -> dt.date | None:
    """Parse a string that is exactly one date in any form :func:`find_dates` knows.

    The string is normalised first; surrounding whitespace is ignored and a
    time part is allowed. A month-precision date gives the first of the month.
    Returns None when the string is not exactly one valid date.
    """
    text = normalize(s).strip()
    matches = find_dates(text)
    if len(matches) == 1 and matches[0].start == 0 and matches[0].end == len(text):
        return matches[0].value
    return None


# --- ranges -----------------------------------------------------------------


def find_date_ranges(text: str) -> list[DateRange]:
    """Return periods written as ``<date>至<date|month-day|day|time>`` in text order.

    ``2024年3月5日至2024年4月1日``, ``2024年3月5日至4月1日``,
    ``2024年3月5日至7日`` and ``2024年3月5日14时05分至15时10分`` (the end is a
    time on the same day; only when the start states a time). Separators:
    至, 到, —, -, ~. The end is not checked to follow the start.
    """
    dates = find_dates(text)
    by_start = {d.start: d for d in dates}
    ranges: list[DateRange] = []
    for first in dates:
        if ranges and first.start < ranges[-1].end:
            continue
        sep = _RANGE_SEP.match(text, first.end)
        if sep is None:
            continue
        last = by_start.get(sep.end()) or _partial_end(text, sep.end(), first)
        if last is not None:
            ranges.append(DateRange(first, last, text[first.start : last.end]))
    return ranges


def _partial_end(text: str, pos: int, first: DateMatch) -> DateMatch | None:
    """Read a range end that omits the year (4月1日), month (7日) or date (15时).

    An end that would fall before ``first`` rolls over into the next year
    (12月28日至1月3日) or month (3月28日至2日).
    """
    start = first.value
    m = _MONTH_DAY.match(text, pos)
    if m is not None:
        value = _make_date(str(start.year), m.group("m"), m.group("d"))
        if value is not None and value < start:
            value = _make_date(str(start.year + 1), m.group("m"), m.group("d"))
        return None if value is None else _with_time(m, text, value)
    m = _DAY_ONLY.match(text, pos)
    if m is not None:
        value = _make_date(str(start.year), str(start.month), m.group("d"))
        if value is not None and value < start:
            following = (start.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
            value = _make_date(str(following.year), str(following.month), m.group("d"))
        return None if value is None else _with_time(m, text, value)
    if first.time is not None and first.precision == "day":
        m = _TIME_ONLY.match(text, pos)
        if m is not None and (time := _make_time(m)) is not None:
            return DateMatch(pos, m.end(), text[pos : m.end()], first.value, time, "day")
    return None


# --- calendar ---------------------------------------------------------------


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
    if year is not None and (not isinstance(year, int) or isinstance(year, bool) or not 1990 <= year <= 2099):
        problems.add(f"'year' must be an integer 1990-2099, got {year!r}")
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
            return d.weekday() < 5
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
