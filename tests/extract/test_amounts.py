"""Tests for casereview.extract.amounts."""

from __future__ import annotations

import pytest

from casereview.extract.amounts import (
    AmountMatch,
    find_amounts,
    parse_amount,
    to_words,
    words_figures_pairs,
)
from casereview.text.normalize import normalize


@pytest.mark.parametrize(
    ("text", "yuan", "form"),
    [
        # figures
        ("50000元", 50000, "figures"),
        ("5万元", 50000, "figures"),
        ("1.2万元", 12000, "figures"),
        ("1.5万元", 15000, "figures"),
        ("1.15万元", 11500, "figures"),
        ("3.5亿元", 350_000_000, "figures"),
        ("5千元", 5000, "figures"),
        ("50,000元", 50000, "figures"),
        ("50,000.00元", 50000, "figures"),
        ("50，000元", 50000, "figures"),
        ("1,234,567.89元", 1234567.89, "figures"),
        # a point grouping thousands (a comma misread by OCR, or written so): 元 has two decimals at most
        ("¥36.000", 36000, "figures"),
        ("36.000元", 36000, "figures"),
        ("1.250.000元", 1250000, "figures"),
        ("¥36.000.00", 36000, "figures"),
        ("¥1.250.000.50", 1250000.5, "figures"),
        ("1.500万元", 15000, "figures"),
        ("36.50元", 36.5, "figures"),
        ("¥50000", 50000, "figures"),
        ("￥50,000.00", 50000, "figures"),
        ("¥3,000.00", 3000, "figures"),
        ("¥5万", 50000, "figures"),
        ("人民币50000元", 50000, "figures"),
        ("人民币50000", 50000, "figures"),
        ("RMB 5000元", 5000, "figures"),
        ("RMB5000", 5000, "figures"),
        ("5000元整", 5000, "figures"),
        ("0.5元", 0.5, "figures"),
        # words: 大写
        ("伍仟元", 5000, "words"),
        ("叁万元整", 30000, "words"),
        ("壹拾万元", 100000, "words"),
        ("拾万元", 100000, "words"),
        ("贰仟伍佰元整", 2500, "words"),
        ("人民币壹万贰仟伍佰元整", 12500, "words"),
        ("人民币伍万元整", 50000, "words"),
        ("壹万零伍佰元", 10500, "words"),
        ("伍拾万元", 500000, "words"),
        ("壹万贰仟伍佰元伍角", 12500.5, "words"),
        ("叁元零伍分", 3.05, "words"),
        ("壹拾贰万叁仟肆佰伍拾陆元柒角捌分", 123456.78, "words"),
        ("壹万圆整", 10000, "words"),
        ("貳萬元", 20000, "words"),  # traditional variants
        # words: 小写 Chinese numerals
        ("十万元", 100000, "words"),
        ("两万元", 20000, "words"),
        ("五万元", 50000, "words"),
        ("两千元", 2000, "words"),
        ("一万二千五百元", 12500, "words"),
    ],
)
def test_find_amounts_single(text: str, yuan: float, form: str) -> None:
    assert find_amounts(text) == [AmountMatch(0, len(text), text, pytest.approx(yuan), form)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("罚款50000元", [("50000元", 50000, "figures")]),
        (
            "处以罚款人民币伍万元整（¥50,000.00）。",
            [("人民币伍万元整", 50000, "words"), ("¥50,000.00", 50000, "figures")],
        ),
        ("罚款伍万元整（¥5,000.00）", [("伍万元整", 50000, "words"), ("¥5,000.00", 5000, "figures")]),
        ("没收违法所得3,000元，并处罚款十万元", [("3,000元", 3000, "figures"), ("十万元", 100000, "words")]),
        ("处一万元以上十万元以下罚款", [("一万元", 10000, "words"), ("十万元", 100000, "words")]),
        ("人民币（大写）伍万元整", [("伍万元整", 50000, "words")]),
    ],
)
def test_find_amounts_in_context(text: str, expected: list[tuple[str, float, str]]) -> None:
    matches = find_amounts(text)
    assert [(m.text, m.yuan, m.form) for m in matches] == expected
    assert all(text[m.start : m.end] == m.text for m in matches)


@pytest.mark.parametrize(
    "text",
    [
        "3%",
        "百分之三",
        "5日内",
        "十五日内",
        "第十五条",
        "第三十二条第一款",
        "50000",
        "50,000.00",
        "共5万人次",
        "3千克",
        "2024年3月5日",
        "青市监罚〔2024〕17号",
        "5000美元",
        "数十万元",
        "几万元",
        "",
    ],
)
def test_find_amounts_negatives(text: str) -> None:
    assert find_amounts(text) == []


@pytest.mark.parametrize(
    ("raw", "yuan"),
    [
        ("５０，０００．００元", 50000),
        ("￥５０，０００．００", 50000),
        ("罚款 5000 元", 5000),
        ("１．５万元", 15000),
        ("伍 万 元 整", 50000),
    ],
)
def test_find_amounts_after_normalize(raw: str, yuan: float) -> None:
    [m] = find_amounts(normalize(raw))
    assert m.yuan == yuan


@pytest.mark.parametrize(
    ("text", "yuan"),
    [
        ("伍万元整", 50000),
        ("  ￥50,000.00 ", 50000),
        ("人民币壹万贰仟伍佰元整", 12500),
        ("1.2万元", 12000),
        ("50000", None),
        ("罚款50000元", None),
        ("50000元（伍万元）", None),
        ("", None),
    ],
)
def test_parse_amount(text: str, yuan: float | None) -> None:
    assert parse_amount(text) == yuan


@pytest.mark.parametrize(("text", "yuan"), [("50000", 50000), ("50,000.00", 50000), ("元", None)])
def test_parse_amount_bare_number(text: str, yuan: float | None) -> None:
    assert parse_amount(text, bare_number=True) == yuan


@pytest.mark.parametrize(
    ("yuan", "words"),
    [
        (50000, "伍万元整"),
        (12500, "壹万贰仟伍佰元整"),
        (12500.5, "壹万贰仟伍佰元伍角"),
        (10500, "壹万零伍佰元整"),
        (3.05, "叁元零伍分"),
    ],
)
def test_to_words(yuan: float, words: str) -> None:
    assert to_words(yuan) == words


@pytest.mark.parametrize("yuan", [1, 200, 3000, 12500, 50000, 100000, 123456.78, 10500, 3.05])
def test_to_words_round_trips(yuan: float) -> None:
    assert parse_amount(to_words(yuan)) == pytest.approx(yuan)


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("人民币伍万元整（¥50,000.00）", [(50000, 50000)]),
        ("伍万元整（¥5,000.00）", [(50000, 5000)]),
        ("罚款50000元（大写：伍万元整）", [(50000, 50000)]),
        ("大写：伍万元整，小写：¥50000.00", [(50000, 50000)]),
        ("人民币（大写）伍万元整（小写）¥50000.00", [(50000, 50000)]),
        (
            "罚款伍万元整（¥50,000.00），没收违法所得叁仟元（¥3,000.00）",
            [(50000, 50000), (3000, 3000)],
        ),
        # the figures before 叁仟元 belong to another sum: only the bracketed pair counts
        ("罚款50000元，没收叁仟元（¥3000）", [(3000, 3000)]),
        # a bare number in brackets after words is the figures
        ("人民币伍万元整（50,000.00）", [(50000, 50000)]),
        ("伍万元整(小写：5000)", [(50000, 5000)]),
        # same form on both sides, or far apart: no pair
        ("罚款50000元（¥50000）", []),
        ("罚款伍万元整，当事人已于2024年3月5日缴纳¥50000", []),
        ("罚款50000元", []),
    ],
)
def test_words_figures_pairs(text: str, pairs: list[tuple[float, float]]) -> None:
    found = words_figures_pairs(text)
    assert [(a.yuan, b.yuan) for a, b in found] == pairs
    assert all(a.form != b.form and a.end <= b.start for a, b in found)


def test_bracketed_bare_number_is_not_an_amount_on_its_own() -> None:
    assert [m.text for m in find_amounts("人民币伍万元整（50,000.00）")] == ["人民币伍万元整"]
    [(_, figures)] = words_figures_pairs("人民币伍万元整（50,000.00）")
    assert (figures.text, figures.start, figures.end) == ("50,000.00", 8, 17)
    assert words_figures_pairs("第3条（5）") == []


def test_pair_mismatch_is_detectable() -> None:
    [(words, figures)] = words_figures_pairs("罚款伍万元整（¥5,000.00）")
    assert (words.form, figures.form) == ("words", "figures")
    assert words.yuan != figures.yuan
    assert to_words(figures.yuan) == "伍仟元整"


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("人民币陆仟贰佰元整（¥6,20.00）", ["¥6,20.00"]),
        ("罚款人民币伍仟元整（¥5.0.00）", ["¥5.0.00"]),
        ("¥6,200.00 ¥36.000 ¥1.5万 ¥50000", []),
    ],
)
def test_malformed_figures_are_found_and_are_no_amount(text, bad):
    from casereview.extract.amounts import malformed_figures

    assert [t for _, _, t in malformed_figures(text)] == bad
    assert not any(a.form == "figures" and a.text in bad for a in find_amounts(text))
