"""Tests for casereview.extract.dates."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from casereview.extract.dates import (
    CalendarOverrides,
    DateMatch,
    add_working_days,
    cn_number,
    days_between,
    find_date_ranges,
    find_dates,
    is_working_day,
    load_calendar_overrides,
    parse_date,
    working_days_between,
)
from casereview.text.normalize import normalize

D = dt.date
T = dt.time

# --- cn_number ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("三十一", 31),
        ("二十", 20),
        ("十五", 15),
        ("十", 10),
        ("〇五", 5),
        ("五", 5),
        ("二〇二四", 2024),
        ("二○二四", 2024),
        ("二O二四", 2024),
        ("二0二四", 2024),
        ("二零二四", 2024),
        ("廿一", 21),
        ("两", 2),
        ("12", 12),
    ],
)
def test_cn_number(numeral: str, value: int) -> None:
    assert cn_number(numeral) == value


@pytest.mark.parametrize("bad", ["", "十十", "三十一十", "甲", "一百"])
def test_cn_number_rejects(bad: str) -> None:
    with pytest.raises(ValueError):
        cn_number(bad)


# --- find_dates: single dates ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "time"),
    [
        ("2024年3月5日", D(2024, 3, 5), None),
        ("2024年03月05日", D(2024, 3, 5), None),
        ("2024年3月5号", D(2024, 3, 5), None),
        ("2024-03-05", D(2024, 3, 5), None),
        ("2024/3/5", D(2024, 3, 5), None),
        ("2024.3.5", D(2024, 3, 5), None),
        ("2024.03.05", D(2024, 3, 5), None),
        ("二〇二四年三月五日", D(2024, 3, 5), None),
        ("二○二四年三月十五日", D(2024, 3, 15), None),
        ("二O二四年三月十五日", D(2024, 3, 15), None),
        ("二0二四年十月二十日", D(2024, 10, 20), None),
        ("二零二四年十二月三十一日", D(2024, 12, 31), None),
        ("二〇二四年元月八日", D(2024, 1, 8), None),
        ("1990年1月1日", D(1990, 1, 1), None),
        ("2099年12月31日", D(2099, 12, 31), None),
        ("2024年2月29日", D(2024, 2, 29), None),
        # with a time of day
        ("2024年3月5日9时30分", D(2024, 3, 5), T(9, 30)),
        ("2024年3月5日9:30", D(2024, 3, 5), T(9, 30)),
        ("2024年3月5日9：30", D(2024, 3, 5), T(9, 30)),
        ("2024年3月5日上午9时", D(2024, 3, 5), T(9, 0)),
        ("2024年3月5日下午3时20分", D(2024, 3, 5), T(15, 20)),
        ("2024年3月5日晚上8点", D(2024, 3, 5), T(20, 0)),
        ("2024年3月5日中午12时", D(2024, 3, 5), T(12, 0)),
        ("2024年3月5日9点半", D(2024, 3, 5), T(9, 30)),
        ("2024年3月5日（星期二）下午2时", D(2024, 3, 5), T(14, 0)),
        ("二〇二四年三月五日上午九时三十分", D(2024, 3, 5), T(9, 30)),
        ("2024-03-05 09:30", D(2024, 3, 5), T(9, 30)),
        ("2024-03-05 09:30:15", D(2024, 3, 5), T(9, 30, 15)),
    ],
)
def test_find_dates_whole_text(text: str, value: dt.date, time: dt.time | None) -> None:
    matches = find_dates(text)
    assert matches == [DateMatch(0, len(text), text, value, time, "day")]


@pytest.mark.parametrize(
    ("text", "matched", "value", "time"),
    [
        ("于2024年3月5日作出决定", "2024年3月5日", D(2024, 3, 5), None),
        ("2024年3月5日14时05分至15时10分", "2024年3月5日14时05分", D(2024, 3, 5), T(14, 5)),
        ("2024年3月5日10时许", "2024年3月5日10时", D(2024, 3, 5), T(10, 0)),
        ("2024年3月5日24时", "2024年3月5日", D(2024, 3, 5), None),  # invalid time is left out
        ("2024年3月5日下午", "2024年3月5日", D(2024, 3, 5), None),
        ("于2024.3.5。", "2024.3.5", D(2024, 3, 5), None),
        ("（2024年3月5日）", "2024年3月5日", D(2024, 3, 5), None),
    ],
)
def test_find_dates_in_context(text: str, matched: str, value: dt.date, time: dt.time | None) -> None:
    [m] = find_dates(text)
    assert (m.text, m.value, m.time) == (matched, value, time)
    assert text[m.start : m.end] == matched


@pytest.mark.parametrize(
    ("text", "matched", "value"),
    [
        ("2024年3月", "2024年3月", D(2024, 3, 1)),
        ("2024年3月底前整改", "2024年3月", D(2024, 3, 1)),
        ("二〇二四年十二月", "二〇二四年十二月", D(2024, 12, 1)),
    ],
)
def test_find_dates_month_precision(text: str, matched: str, value: dt.date) -> None:
    [m] = find_dates(text)
    assert (m.text, m.value, m.precision, m.time) == (matched, value, "month", None)


@pytest.mark.parametrize(
    "text",
    [
        "2024年2月30日",  # invalid day
        "2023年2月29日",
        "2024年13月1日",
        "2024年0月5日",
        "1989年3月5日",  # out of range years
        "2100年1月1日",
        "2024年度",
        "2024年",
        "青市监罚〔2024〕17号",
        "青市监罚[2024]17号",
        "370202199003051234",  # ID number
        "91370200MA3C2024",  # credit code fragment
        "12024年3月5日",
        "2024年3月155日",  # garbled day: not even a month match
        "v2024.3.5.1",
        "1.2024.3.5",
        "2024.3.55",
        "第十五条",
        "5日内",
        "",
    ],
)
def test_find_dates_negatives(text: str) -> None:
    assert find_dates(text) == []


def test_find_dates_order_and_offsets() -> None:
    text = "告知书于2024年3月1日送达，当事人于2024-03-04提出陈述，决定书二〇二四年三月十日作出。"
    matches = find_dates(text)
    assert [m.value for m in matches] == [D(2024, 3, 1), D(2024, 3, 4), D(2024, 3, 10)]
    assert all(text[m.start : m.end] == m.text for m in matches)
    assert [m.start for m in matches] == sorted(m.start for m in matches)


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("２０２４年３月５日", D(2024, 3, 5)),
        ("于 2024 年 3 月 5 日", D(2024, 3, 5)),
        ("于２０２４年　３月　５日", D(2024, 3, 5)),
        ("二〇二四 年 三 月 五 日", D(2024, 3, 5)),
        ("２０２４－０３－０５", D(2024, 3, 5)),
        ("2024年3月5日\u200b", D(2024, 3, 5)),
    ],
)
def test_find_dates_after_normalize(raw: str, value: dt.date) -> None:
    [m] = find_dates(normalize(raw))
    assert m.value == value


def test_find_dates_tolerates_single_spaces() -> None:
    [m] = find_dates("于 2024 年 3 月 5 日")
    assert (m.text, m.value) == ("2024 年 3 月 5 日", D(2024, 3, 5))


def test_as_datetime() -> None:
    [m] = find_dates("2024年3月5日下午3时20分")
    assert m.as_datetime() == dt.datetime(2024, 3, 5, 15, 20)
    assert find_dates("2024年3月5日")[0].as_datetime() is None


# --- ranges ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "last_text", "last_value", "last_time"),
    [
        ("2024年3月5日至2024年4月1日", (D(2024, 3, 5), None), "2024年4月1日", D(2024, 4, 1), None),
        ("2024年3月5日14时05分至15时10分", (D(2024, 3, 5), T(14, 5)), "15时10分", D(2024, 3, 5), T(15, 10)),
        ("2024年3月5日9:00-11:30", (D(2024, 3, 5), T(9, 0)), "11:30", D(2024, 3, 5), T(11, 30)),
        ("2024年3月5日至4月1日", (D(2024, 3, 5), None), "4月1日", D(2024, 4, 1), None),
        ("2024年3月5日至7日", (D(2024, 3, 5), None), "7日", D(2024, 3, 7), None),
        ("2024年12月28日至1月3日", (D(2024, 12, 28), None), "1月3日", D(2025, 1, 3), None),
        ("2024年3月28日至2日", (D(2024, 3, 28), None), "2日", D(2024, 4, 2), None),
        ("2024年3月5日至7日9时", (D(2024, 3, 5), None), "7日9时", D(2024, 3, 7), T(9, 0)),
        (
            "2024年3月5日9时至2024年3月6日10时",
            (D(2024, 3, 5), T(9, 0)),
            "2024年3月6日10时",
            D(2024, 3, 6),
            T(10, 0),
        ),
        ("2024年3月5日—2024年3月7日", (D(2024, 3, 5), None), "2024年3月7日", D(2024, 3, 7), None),
    ],
)
def test_find_date_ranges(
    text: str,
    first: tuple[dt.date, dt.time | None],
    last_text: str,
    last_value: dt.date,
    last_time: dt.time | None,
) -> None:
    [r] = find_date_ranges(text)
    assert (r.first.value, r.first.time) == first
    assert (r.last.text, r.last.value, r.last.time) == (last_text, last_value, last_time)
    assert (r.start, r.end, r.text) == (0, len(text), text)
    assert text[r.last.start : r.last.end] == last_text


@pytest.mark.parametrize(
    "text",
    [
        "2024年3月5日作出决定",
        "2024年3月5日至15时",  # a time end needs a start time
        "2024年3月5日至今",
        "2024年3月5日，2024年4月1日",
    ],
)
def test_find_date_ranges_negatives(text: str) -> None:
    assert find_date_ranges(text) == []


def test_range_end_time_is_not_a_date_match() -> None:
    text = "检查时间：2024年3月5日14时05分至15时10分"
    assert [m.text for m in find_dates(text)] == ["2024年3月5日14时05分"]


# --- parse_date --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2024年3月5日", D(2024, 3, 5)),
        (" 2024-03-05 ", D(2024, 3, 5)),
        ("２０２４年３月５日", D(2024, 3, 5)),
        ("二〇二四年三月五日", D(2024, 3, 5)),
        ("2024年3月5日下午3时", D(2024, 3, 5)),
        ("2024年3月", D(2024, 3, 1)),
        ("2024年2月30日", None),
        ("于2024年3月5日", None),
        ("2024年3月5日、6日", None),
        ("2024年3月5日至2024年3月6日", None),
        ("", None),
        ("abc", None),
    ],
)
def test_parse_date(text: str, value: dt.date | None) -> None:
    assert parse_date(text) == value


# --- working days ------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2024, 2, 4), True),  # Sunday, 调休 make-up day before 春节
        (D(2024, 2, 10), False),  # 春节
        (D(2024, 10, 1), False),
        (D(2024, 10, 4), False),
        (D(2024, 10, 7), False),
        (D(2024, 10, 8), True),
        (D(2024, 10, 12), True),  # Saturday, make-up day
        (D(2024, 10, 13), False),  # ordinary Sunday
        (D(2024, 3, 5), True),  # ordinary Tuesday
    ],
)
def test_is_working_day(day: dt.date, working: bool) -> None:
    assert is_working_day(day) is working


def test_add_working_days_over_national_day() -> None:
    # 2024-09-30 Mon; 10-01..07 off; 10-08 Tue is the first working day after.
    assert add_working_days(D(2024, 9, 30), 1) == D(2024, 10, 8)
    assert add_working_days(D(2024, 9, 30), 5) == D(2024, 10, 12)  # Sat make-up day counts
    assert add_working_days(D(2024, 9, 30), 0) == D(2024, 9, 30)
    assert add_working_days(D(2024, 10, 8), -1) == D(2024, 9, 30)


@pytest.mark.parametrize(
    ("a", "b", "count"),
    [
        (D(2024, 9, 30), D(2024, 10, 8), 1),
        (D(2024, 9, 30), D(2024, 10, 12), 5),
        (D(2024, 3, 4), D(2024, 3, 11), 5),  # Mon to next Mon
        (D(2024, 3, 5), D(2024, 3, 5), 0),
        (D(2024, 3, 11), D(2024, 3, 4), -5),
        (D(2024, 2, 2), D(2024, 2, 4), 1),  # Sat 2-3 off, Sun 2-4 a working day
    ],
)
def test_working_days_between(a: dt.date, b: dt.date, count: int) -> None:
    assert working_days_between(a, b) == count


def test_add_and_count_agree() -> None:
    start = D(2024, 1, 25)
    for n in range(1, 30):
        assert working_days_between(start, add_working_days(start, n)) == n


@pytest.mark.parametrize(
    ("a", "b", "days"),
    [
        (D(2024, 3, 1), D(2024, 3, 5), 4),
        (D(2024, 3, 5), D(2024, 3, 1), -4),
        (D(2024, 2, 28), D(2024, 3, 1), 2),
    ],
)
def test_days_between(a: dt.date, b: dt.date, days: int) -> None:
    assert days_between(a, b) == days


# --- years the library does not know --------------------------------------

OVERRIDES_2027 = {
    "year": 2027,
    "holidays": ["2027-01-01", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11"],
    "workdays": ["2027-02-06", "2027-02-20"],
}


def test_2027_without_overrides_raises_naming_the_year() -> None:
    with pytest.raises(ValueError, match="2027"):
        is_working_day(D(2027, 3, 1))
    with pytest.raises(ValueError, match="2027"):
        add_working_days(D(2026, 12, 30), 5)
    with pytest.raises(ValueError, match="2027"):
        working_days_between(D(2026, 12, 30), D(2027, 1, 8))


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2027, 1, 1), False),  # listed holiday (a Friday)
        (D(2027, 2, 6), True),  # listed make-up Saturday
        (D(2027, 2, 7), False),  # ordinary Sunday
        (D(2027, 3, 1), True),  # ordinary Monday
    ],
)
def test_2027_with_mapping_overrides(day: dt.date, working: bool) -> None:
    assert is_working_day(day, OVERRIDES_2027) is working


def test_overrides_across_years() -> None:
    ov = CalendarOverrides.from_mapping(OVERRIDES_2027)
    # 2026-12-31 Thu from the library, 2027-01-01 holiday, weekend, then 01-04 Mon.
    assert add_working_days(D(2026, 12, 30), 2, ov) == D(2027, 1, 4)
    assert working_days_between(D(2026, 12, 30), D(2027, 1, 4), ov) == 2


def test_overrides_without_year_cover_the_years_of_their_dates() -> None:
    ov = CalendarOverrides.from_mapping({"holidays": [D(2027, 1, 1)], "workdays": []})
    assert ov.years == frozenset({2027})
    assert is_working_day(D(2027, 1, 4), ov)
    with pytest.raises(ValueError, match="2028"):
        is_working_day(D(2028, 1, 3), ov)


def test_load_calendar_overrides(tmp_path: Path) -> None:
    path = tmp_path / "2027.json"
    path.write_text(json.dumps(OVERRIDES_2027), encoding="utf-8")
    ov = load_calendar_overrides(path)
    assert ov.years == frozenset({2027})
    assert D(2027, 2, 6) in ov.workdays
    assert is_working_day(D(2027, 2, 6), ov)
    assert not is_working_day(D(2027, 2, 8), ov)


def test_load_calendar_overrides_list_of_years(tmp_path: Path) -> None:
    path = tmp_path / "years.json"
    second = {"year": 2028, "holidays": ["2028-01-01"], "workdays": []}
    path.write_text(json.dumps([OVERRIDES_2027, second]), encoding="utf-8")
    assert load_calendar_overrides(path).years == frozenset({2027, 2028})


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ({"year": 2027, "holidays": ["2028-01-01"], "workdays": []}, "not in year 2027"),
        ({"year": 2027, "holidays": ["2027-02-06"], "workdays": ["2027-02-06"]}, "both holiday and workday"),
        ({"year": 2027, "holidays": ["2027-13-01"]}, "not a YYYY-MM-DD date"),
        ({"year": 2027, "holidays": "2027-01-01"}, "must be a list"),
        ({"year": "2027", "holidays": []}, "'year' must be an integer"),
        ({"holidays": ["2027-01-01"]}, "needs a 'year'"),
        ({"year": 2027, "holiday": []}, "unknown keys"),
        ([], "non-empty list"),
    ],
)
def test_load_calendar_overrides_rejects(tmp_path: Path, content: object, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(ValueError, match=message) as info:
        load_calendar_overrides(path)
    assert "bad.json" in str(info.value)


def test_load_calendar_overrides_reports_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    content = {"year": 2027, "holidays": ["2028-01-01", "x"], "workdays": []}
    path.write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(ValueError) as info:
        load_calendar_overrides(path)
    assert "2028-01-01" in str(info.value) and "'x'" in str(info.value)


def test_load_calendar_overrides_invalid_json(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(ValueError, match="not valid JSON"):
        load_calendar_overrides(path)
