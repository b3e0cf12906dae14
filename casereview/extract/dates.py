"""Dates and times in case files, and date ranges.

The finders expect text that went through
:func:`casereview.text.normalize.normalize` (half-width digits, no stray
spaces); returned offsets index the text they were given. A single optional
space between the parts of a date is tolerated. Counting working days between
them is ``casereview.workdays``'.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from casereview.text.normalize import normalize

FIRST_YEAR, LAST_YEAR = 1990, 2099  # a year outside these is a misreading, not a case date
HOURS, MINUTES, NOON = 24, 60, 12

__all__ = [
    "DateMatch",
    "DateRange",
    "cn_number",
    "find_date_ranges",
    "find_dates",
    "parse_date",
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
    return value if FIRST_YEAR <= y <= LAST_YEAR else None


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
    if not (0 <= hour < HOURS and 0 <= minute < MINUTES and 0 <= second < MINUTES):
        return None
    return dt.time(hour, minute, second)


def _apply_ampm(hour: int, ampm: str | None) -> int:
    """Shift a 12-hour clock reading stated with 下午/晚上/中午 to 24 hours."""
    if ampm in _PM and 1 <= hour < NOON:
        return hour + 12
    if ampm == "中午" and 1 <= hour < NOON - 1:
        return hour + 12
    if ampm == "凌晨" and hour == NOON:
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
