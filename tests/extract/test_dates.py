"""Tests for casereview.extract.dates."""

from __future__ import annotations

import datetime as dt

import pytest

from casereview.extract.dates import (
    DateMatch,
    cn_number,
    find_date_ranges,
    find_dates,
    parse_date,
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
