"""Tests for casereview.workdays: the holiday calendar, day counts, override files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from casereview.workdays import (
    CalendarOverrides,
    add_working_days,
    days_between,
    is_working_day,
    load_calendar_overrides,
    working_days_between,
)

D = dt.date


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
