"""Small helpers: Chinese numerals and dates, fake identifiers, the 2024 work calendar."""

from __future__ import annotations

import datetime as dt
import random

# --------------------------------------------------------------------------
# Dates

CN_DIGITS = "〇一二三四五六七八九"


def _cn_small(n: int) -> str:
    """1..31 in Chinese as written in dates (十, 十五, 二十一, 三十)."""
    if n < 10:
        return "〇一二三四五六七八九"[n]
    tens, ones = divmod(n, 10)
    s = ("" if tens == 1 else CN_DIGITS[tens]) + "十"
    return s + (CN_DIGITS[ones] if ones else "")


def fmt_date(d: dt.date, style: str = "cn") -> str:
    """Render a date the way county documents write it.

    cn      2024年3月5日
    cn0     2024年03月05日
    iso     2024-03-05
    dot     2024.3.5
    slash   2024/3/5
    slash0  2024/03/05
    spaced  2024 年 3 月 5 日
    numeral 二〇二四年三月五日   (落款 of decisions and notices)
    """
    if style == "cn":
        return f"{d.year}年{d.month}月{d.day}日"
    if style == "cn0":
        return f"{d.year}年{d.month:02d}月{d.day:02d}日"
    if style == "iso":
        return d.isoformat()
    if style == "dot":
        return f"{d.year}.{d.month}.{d.day}"
    if style == "slash":
        return f"{d.year}/{d.month}/{d.day}"
    if style == "slash0":
        return f"{d.year}/{d.month:02d}/{d.day:02d}"
    if style == "spaced":
        return f"{d.year} 年 {d.month} 月 {d.day} 日"
    if style == "numeral":
        year = "".join(CN_DIGITS[int(c)] for c in str(d.year))
        return f"{year}年{_cn_small(d.month)}月{_cn_small(d.day)}日"
    raise ValueError(style)


def fmt_time(t: dt.datetime, style: str = "cn") -> str:
    """cn: 2024年3月5日9时30分 ; colon: 2024年3月5日 9:30 ; iso: 2024-03-05 09:30 ;
    spaced: 2024 年 3 月 5 日 9 时 30 分 ; slash: 2024/03/05 09:30 ; dot: 2024.3.5 9:30."""
    if style == "cn":
        return f"{fmt_date(t.date(), 'cn')}{t.hour}时{t.minute:02d}分"
    if style == "colon":
        return f"{fmt_date(t.date(), 'cn')} {t.hour}:{t.minute:02d}"
    if style == "iso":
        return f"{t.date().isoformat()} {t.hour:02d}:{t.minute:02d}"
    if style == "spaced":
        return f"{fmt_date(t.date(), 'spaced')} {t.hour} 时 {t.minute:02d} 分"
    if style == "slash":
        return f"{fmt_date(t.date(), 'slash0')} {t.hour:02d}:{t.minute:02d}"
    if style == "dot":
        return f"{fmt_date(t.date(), 'dot')} {t.hour}:{t.minute:02d}"
    raise ValueError(style)


def hm(t: dt.datetime, style: str = "cn") -> str:
    return f"{t.hour}时{t.minute:02d}分" if style == "cn" else f"{t.hour}:{t.minute:02d}"


def D(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


def T(s: str) -> dt.datetime:
    return dt.datetime.fromisoformat(s)


# --------------------------------------------------------------------------
# Amounts

_CAP = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ["", "拾", "佰", "仟"]


def _four(n: int) -> str:
    """0 < n < 10000 in capital numerals, with inner zeros collapsed."""
    s, zero = "", False
    for i in range(3, -1, -1):
        d = (n // 10**i) % 10
        if d == 0:
            zero = bool(s)
        else:
            if zero:
                s += "零"
                zero = False
            s += _CAP[d] + _UNITS[i]
    return s


def rmb_upper(amount: float) -> str:
    """50000 -> 伍万元整, 356.5 -> 叁佰伍拾陆元伍角, 100000 -> 壹拾万元整."""
    cents = round(amount * 100)
    yuan, frac = divmod(cents, 100)
    jiao, fen = divmod(frac, 10)
    parts = []
    wan, low = divmod(yuan, 10000)
    yi, wan = divmod(wan, 10000)
    if yi:
        parts.append(_four(yi) + "亿")
    if wan:
        if yi and wan < 1000:
            parts.append("零")
        parts.append(_four(wan) + "万")
    if low:
        if (yi or wan) and low < 1000:
            parts.append("零")
        parts.append(_four(low))
    s = "".join(parts)
    if s:
        s += "元"
    if not jiao and not fen:
        return s + "整"
    if jiao:
        s += _CAP[jiao] + "角"
    elif s:
        s += "零"
    if fen:
        s += _CAP[fen] + "分"
    return s


def rmb_fig(amount: float) -> str:
    """50000 -> ¥50,000.00"""
    return f"¥{amount:,.2f}"


def plain_num(amount: float) -> str:
    """50000 -> 50000 ; 356.5 -> 356.5"""
    return f"{amount:.2f}".rstrip("0").rstrip(".") if amount != int(amount) else str(int(amount))


def wan(amount: float) -> str:
    """50000 -> 5万 ; 2000 -> 0.2万."""
    return plain_num(amount / 10000) + "万"


# --------------------------------------------------------------------------
# Fake identifiers, well-formed (valid check characters), never real

_ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_ID_C = "10X98765432"


def id_number(region: str, birth: dt.date, seq: int, male: bool) -> str:
    """GB 11643 citizen ID with a valid check digit."""
    seq = seq % 1000
    if (seq % 2 == 1) != male:
        seq = (seq + 1) % 1000
    body = f"{region}{birth:%Y%m%d}{seq:03d}"
    s = sum(int(c) * w for c, w in zip(body, _ID_W, strict=False))
    return body + _ID_C[s % 11]


_CC = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
_ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]
_ORG_CH = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def credit_code(prefix: str, region: str, rng: random.Random) -> str:
    """GB 32100 unified social credit code (e.g. prefix 91 company, 92 个体工商户)."""
    while True:
        org = "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
        s = sum(_ORG_CH.index(c) * w for c, w in zip(org, _ORG_W, strict=False))
        c9 = 11 - s % 11
        org += "X" if c9 == 10 else ("0" if c9 == 11 else str(c9))
        body = prefix + region + org
        if all(c in _CC for c in body):
            break
    s = sum(_CC.index(c) * w for c, w in zip(body, _CC_W, strict=False))
    return body + _CC[(31 - s % 31) % 31]


def check_id_number(x: str) -> bool:
    s = sum(int(c) * w for c, w in zip(x[:17], _ID_W, strict=False))
    return len(x) == 18 and _ID_C[s % 11] == x[17]


def check_credit_code(x: str) -> bool:
    if len(x) != 18 or any(c not in _CC for c in x):
        return False
    s = sum(_CC.index(c) * w for c, w in zip(x[:17], _CC_W, strict=False))
    return _CC[(31 - s % 31) % 31] == x[17]


# --------------------------------------------------------------------------
# Working days: 国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号)

HOLIDAYS_2024 = {
    "2024-01-01",
    *(f"2024-02-{d:02d}" for d in range(10, 18)),
    "2024-04-04",
    "2024-04-05",
    "2024-04-06",
    *(f"2024-05-{d:02d}" for d in range(1, 6)),
    "2024-06-10",
    "2024-09-15",
    "2024-09-16",
    "2024-09-17",
    *(f"2024-10-{d:02d}" for d in range(1, 8)),
}
MAKEUP_WORKDAYS_2024 = {
    "2024-02-04",
    "2024-02-18",
    "2024-04-07",
    "2024-04-28",
    "2024-05-11",
    "2024-09-14",
    "2024-09-29",
    "2024-10-12",
}


def is_workday(d: dt.date) -> bool:
    if d.year != 2024:
        raise ValueError("the sample calendar covers 2024 only")
    iso = d.isoformat()
    if iso in MAKEUP_WORKDAYS_2024:
        return True
    if iso in HOLIDAYS_2024:
        return False
    return d.weekday() < 5


def workdays_after(start: dt.date, end: dt.date) -> int:
    """Working days in (start, end]: how many working days `end` lies after `start`."""
    n, d = 0, start
    while d < end:
        d += dt.timedelta(days=1)
        if is_workday(d):
            n += 1
    return n


def add_workdays(start: dt.date, n: int) -> dt.date:
    d = start
    while n > 0:
        d += dt.timedelta(days=1)
        if is_workday(d):
            n -= 1
    return d
