"""Sums of money (人民币), in Chinese numerals (大写/小写) and in figures.

The finder expects text that went through
:func:`casereview.text.normalize.normalize`; returned offsets index the
text it was given. Figures need a currency marker (元, 万元, ¥/￥, 人民币,
RMB/CNY): a bare number, ``3%`` or ``5日`` is not money.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Literal

import cn2an

from casereview.text.normalize import normalize

__all__ = [
    "AmountMatch",
    "find_amounts",
    "malformed_figures",
    "parse_amount",
    "to_words",
    "words_figures_pairs",
]

Form = Literal["words", "figures"]


@dataclass(frozen=True)
class AmountMatch:
    """A sum of money found in text; ``text == source[start:end]``.

    ``form`` is ``"words"`` for Chinese numerals (壹万贰仟伍佰元整, 五万元) and
    ``"figures"`` for Arabic digits (50,000.00元, ¥3000, 1.5万元).
    """

    start: int
    end: int
    text: str
    yuan: float
    form: Form


# --- patterns ---------------------------------------------------------------

_CN_DIGIT = "零〇壹贰貳貮叁參参肆伍陆陸柒捌玖一二三四五六七八九两"
_CN_UNIT = "拾十佰百仟千万萬亿億"
_YUAN = "元圆圓"

# Figures: 50000元, 50,000.00元, 50，000元, 1.5万元, 3千元, ¥3,000.00, 人民币50000元, RMB 5000元.
# Two alternatives so that a bare number never matches: a currency prefix
# (then 元 is optional and 万/亿 alone may follow), or a 元 suffix.
_NUMBER = (
    r"[0-9]{1,3}(?:[,，][0-9]{3})+(?:\.[0-9]+)?|[0-9]{1,3}(?:\.[0-9]{3})+\.[0-9]{2}(?![0-9])|"
    r"[0-9]{1,3}(?:\.[0-9]{3}){2,}|[0-9]+(?:\.[0-9]+)?"
)
# Money in 元 has at most two decimals (角, 分): 36.000 or 1.250.000 without 万 is a thousands
# separator written or read (OCR takes a comma for a point) as a point.
_POINT_GROUPED = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")
_POINT_GROUPED_CENTS = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+\.[0-9]{2}")
_NOT_A_TAIL = r"(?<![0-9.,])(?<![0-9]，)"  # not the tail of a longer number
_MULT = r"万亿|亿|万|千|百"
# A figure ends where its digits do: ¥6,20.00 or ¥5.0.00 (a misprint, or a misread scan) is no amount,
# not ¥6 or ¥5.
_ENDS = r"(?![0-9]|[.,，][0-9])"
_PREFIXED = (
    rf"(?P<prefixed>(?:人民币|RMB|CNY) ?(?:[¥￥] ?)?|[¥￥] ?){_NOT_A_TAIL}(?P<pnum>{_NUMBER}){_ENDS}"
    rf"(?: ?(?P<pmult>{_MULT})? ?[{_YUAN}]整?|(?P<pmult2>万亿|亿|万))?"
)
_SUFFIXED = rf"{_NOT_A_TAIL}(?P<snum>{_NUMBER}) ?(?P<smult>{_MULT})? ?[{_YUAN}]整?"
# Words: 人民币壹万贰仟伍佰元整, 伍万元, 十万元, 叁元零伍分. A numeral starts with a
# digit or with 十/拾 (拾万元); 数十万元/几万元 are vague and not amounts.
_WORDS = (
    rf"(?P<words>(?:人民币 ?)?(?<![数几])(?P<cn>[{_CN_DIGIT}十拾][{_CN_DIGIT}{_CN_UNIT}]{{0,30}})"
    rf"[{_YUAN}](?:零?(?P<jiao>[{_CN_DIGIT}])角)?(?:零?(?P<fen>[{_CN_DIGIT}])分)?(?:整|正)?)"
)
# The leading lookahead lets the engine reject most positions with one class test.
_AMOUNT = re.compile(f"(?=[人RC¥￥0-9{_CN_DIGIT}十拾])(?:{_PREFIXED}|{_SUFFIXED}|{_WORDS})")

# Between the two forms of one amount only brackets, punctuation and labels may stand.
_PAIR_GAP = re.compile(r"(?:[\s（）()【】\[\]〔〕：:，,、]|大写|小写|人民币|金额|即|计|合计|为)*")
_PAIR_MAX_GAP = 12
# A bare number in brackets right after an amount in words states the same sum:
# 伍万元整（50,000.00）.
_BRACKETED_BARE = re.compile(rf"[（(] ?(?:小写[：:]? ?)?(?P<num>{_NUMBER}) ?[）)]")

_MULTIPLIERS = {None: 1, "百": 100, "千": 1_000, "万": 10_000, "亿": 100_000_000, "万亿": 1_000_000_000_000}
_VARIANTS = str.maketrans({"貳": "贰", "貮": "贰", "參": "叁", "参": "叁", "陸": "陆", "萬": "万",
                           "億": "亿", "〇": "零", "圆": "元", "圓": "元"})  # fmt: skip
_DIGIT_VALUE = (
    {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
    | {c: i for i, c in enumerate("零一二三四五六七八九")}
    | {"两": 2}
)


# --- finding ----------------------------------------------------------------


def find_amounts(text: str) -> list[AmountMatch]:
    """Return every sum of money in ``text`` in text order.

    ``人民币伍万元整（¥50,000.00）`` gives two matches, one per form.
    """
    result: list[AmountMatch] = []
    for m in _AMOUNT.finditer(text):
        match = _words(m) if m.group("cn") is not None else _figures(m)
        if match is not None:
            result.append(match)
    return result


_FIGURE_LIKE = re.compile(r"[¥￥] ?[0-9][0-9.,，]*[0-9]")


def malformed_figures(text: str) -> list[tuple[int, int, str]]:
    """Sums after ¥ whose digits are not a number (¥6,20.00, ¥5.0.00): a misprint, or a misread scan.

    (start, end, text) of each; ``find_amounts`` does not take them for money.
    """
    out = []
    for m in _FIGURE_LIKE.finditer(text):
        number = m.group()[1:].strip()
        if not re.fullmatch(_NUMBER, number):
            out.append((m.start(), m.end(), m.group()))
    return out


def _figures(m: re.Match[str]) -> AmountMatch:
    """Convert a figures match (prefixed or 元-suffixed)."""
    if m.group("prefixed") is not None:
        number, mult = m.group("pnum"), m.group("pmult") or m.group("pmult2")
    else:
        number, mult = m.group("snum"), m.group("smult")
    number = number.replace(",", "").replace("，", "")
    if mult is None and _POINT_GROUPED.fullmatch(number):
        number = number.replace(".", "")
    elif _POINT_GROUPED_CENTS.fullmatch(number):  # 36.000.00: every point but the last groups thousands
        head, cents = number.rsplit(".", 1)
        number = head.replace(".", "") + "." + cents
    value = Decimal(number) * _MULTIPLIERS[mult]
    return AmountMatch(m.start(), m.end(), m.group(), float(value), "figures")


def _words(m: re.Match[str]) -> AmountMatch | None:
    """Convert a Chinese-numeral match; None when cn2an cannot read it."""
    integer = _cn_integer(m.group("cn"))
    if integer is None:
        return None
    cents = 10 * _digit(m.group("jiao")) + _digit(m.group("fen"))
    yuan = float(Decimal(integer) + Decimal(cents) / 100)
    return AmountMatch(m.start(), m.end(), m.group(), yuan, "words")


def _digit(char: str | None) -> int:
    """Value of one Chinese digit (大写 or 小写); 0 for None."""
    return 0 if char is None else _DIGIT_VALUE[char.translate(_VARIANTS)]


@lru_cache(maxsize=4096)
def _cn_integer(numeral: str) -> int | None:
    """Convert the yuan part (壹万贰仟伍佰, 两千, 十) with cn2an smart mode."""
    try:
        value = cn2an.cn2an(numeral.translate(_VARIANTS), "smart")
    except (ValueError, KeyError, IndexError):
        return None
    return int(value)


# --- single strings and messages --------------------------------------------


def parse_amount(s: str, *, bare_number: bool = False) -> float | None:
    """Parse a string that is exactly one sum of money, in yuan.

    The string is normalised and stripped first. With ``bare_number=True`` a
    plain number (``50000``, ``50,000.00``; e.g. a cell under a 金额（元）
    header) is read as yuan too. Returns None otherwise.
    """
    text = normalize(s).strip()
    matches = find_amounts(text)
    if len(matches) == 1 and matches[0].start == 0 and matches[0].end == len(text):
        return matches[0].yuan
    if bare_number and re.fullmatch(_NUMBER, text):
        return float(Decimal(text.replace(",", "").replace("，", "")))
    return None


def to_words(yuan: float) -> str:
    """The 大写 form of a sum for messages: 50000 -> 伍万元整, 12500.5 -> 壹万贰仟伍佰元伍角."""
    return cn2an.an2cn(round(yuan, 2), "rmb")


def words_figures_pairs(text: str) -> list[tuple[AmountMatch, AmountMatch]]:
    """Pair each amount in words with the figures stating it right before or after.

    Two neighbouring matches of different forms pair when at most
    ``_PAIR_MAX_GAP`` characters of brackets, punctuation and labels (大写,
    小写, 人民币 ...) separate them: ``伍万元整（¥5,000.00）``,
    ``50000元（大写：伍万元整）``, ``大写：伍万元整，小写：¥50000``. Pairs keep
    text order (words or figures first, as written); values are not compared.
    A bare number in brackets right after words (``伍万元整（50,000.00）``)
    counts as the figures although :func:`find_amounts` does not report it.
    """
    amounts = _with_bracketed_bare_numbers(text, find_amounts(text))
    pairs: list[tuple[AmountMatch, AmountMatch]] = []
    i = 0
    while i < len(amounts) - 1:
        a, b = amounts[i], amounts[i + 1]
        if a.form != b.form and _is_pair_gap(text[a.end : b.start]):
            pairs.append((a, b))
            i += 2
        else:
            i += 1
    return pairs


def _is_pair_gap(gap: str) -> bool:
    """Tell whether ``gap`` is short and holds only brackets, punctuation and labels."""
    return len(gap) <= _PAIR_MAX_GAP and _PAIR_GAP.fullmatch(gap) is not None


def _with_bracketed_bare_numbers(text: str, amounts: list[AmountMatch]) -> list[AmountMatch]:
    """Add the bare bracketed number after each amount in words as a figures match."""
    result: list[AmountMatch] = []
    for index, a in enumerate(amounts):
        result.append(a)
        if a.form != "words":
            continue
        m = _BRACKETED_BARE.match(text, a.end)
        following = amounts[index + 1].start if index + 1 < len(amounts) else len(text)
        if m is not None and m.end() <= following:
            number = m.group("num")
            value = float(Decimal(number.replace(",", "").replace("，", "")))
            result.append(AmountMatch(m.start("num"), m.end("num"), number, value, "figures"))
    return result
