"""A failing item's evidence quotes the values its message names (issue 11, item 7).

A ``fail`` accuses someone, so the reader must be able to see, in the quoted
text, the value the finding rests on: the date, the amount, the name, the
number. For every failing item over the bundled samples (``samples/cases``)
and over every ``fail`` case of the per-rule YAML files, the values named in
the message are extracted and each must appear in at least one evidence
quote:

- dates as the messages write them (2024-03-05, 2024年3月5日), matched in any
  form a document writes them (2024年3月5日, 2024年03月05日, 2024/3/5,
  2024.3.5, 二〇二四年三月五日);
- amounts (5,000.00 元, 5000 元, ¥200.00, 伍仟元整), matched by value in
  figures or in Chinese capitals;
- text in “quotes”, and text after a full-width colon (up to the next
  punctuation), matched without spaces and with full/half width folded;
- names of the case's people (officers, reviewers, presiding officers, the
  party) wherever the message names them.

Values a rule states from the law or the rubric rather than reads from the
file need no quote, and the messages mark them so: a deadline it computes
(``届满`` next to the date), what the law requires (``应为 …``) and a rubric
threshold (``标准为 …``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest

from tests.rules.yaml_cases import all_cases, run_case

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "cases"

# -- reading values out of text ------------------------------------------------------------------

_CN_DIGIT = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CAPITAL = {
    "零": 0,
    "壹": 1,
    "贰": 2,
    "貳": 2,
    "叁": 3,
    "參": 3,
    "肆": 4,
    "伍": 5,
    "陆": 6,
    "陸": 6,
    "柒": 7,
    "捌": 8,
    "玖": 9,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNIT = {"拾": 10, "十": 10, "佰": 100, "百": 100, "仟": 1000, "千": 1000}


_BRACKETS = str.maketrans("〔［[【﹝〖（", "(((((((", "")
_CLOSING = str.maketrans("〕］]】﹞〗）", ")))))))", "")


def _fold(text: str) -> str:
    """Full-width letters and digits folded, every kind of bracket written ( )."""
    return unicodedata.normalize("NFKC", text).translate(_BRACKETS).translate(_CLOSING)


def _squeeze(text: str) -> str:
    """Folded, without whitespace."""
    return re.sub(r"\s+", "", _fold(text))


def _cn_small(s: str) -> int | None:
    """一 … 三十一 (months and days)."""
    if not s:
        return None
    if all(c in _CN_DIGIT for c in s) and len(s) <= 2:
        n = 0
        for c in s:
            n = n * 10 + _CN_DIGIT[c]
        return n
    m = re.fullmatch(r"([二三]?)十([一二三四五六七八九]?)", s)
    if m:
        return (_CN_DIGIT[m.group(1)] if m.group(1) else 1) * 10 + (
            _CN_DIGIT[m.group(2)] if m.group(2) else 0
        )
    return None


_DATE_FORMS = (
    re.compile(r"(?<!\d)(\d{4}) ?(?:年|/|\.|-) ?(\d{1,2}) ?(?:月|/|\.|-) ?(\d{1,2})(?!\d)"),
    re.compile(
        r"([〇○零一二三四五六七八九]{4}) ?年 ?([一二三四五六七八九十]{1,2}) ?月 ?([一二三四五六七八九十]{1,3}) ?[日号]"
    ),
)


def dates_in(text: str) -> set[str]:
    """Every date written in ``text``, as ISO strings."""
    text = re.sub(r"\s+", " ", _fold(text))
    out = set()
    for m in _DATE_FORMS[0].finditer(text):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            out.add(f"{y:04d}-{mo:02d}-{d:02d}")
    for m in _DATE_FORMS[1].finditer(text):
        y = int("".join(str(_CN_DIGIT[c]) for c in m.group(1)))
        mo, d = _cn_small(m.group(2)), _cn_small(m.group(3))
        if mo and d:
            out.add(f"{y:04d}-{mo:02d}-{d:02d}")
    return out


def _capitals(s: str) -> float | None:
    """伍万零壹佰元 / 贰仟元整 / 陆仟贰佰元伍角 → yuan."""
    m = re.fullmatch(r"(.*?)元(?:(.)角)?(?:(.)分)?整?", s)
    if not m:
        return None
    total, section, digit = 0, 0, 0
    for c in m.group(1):
        if c in _CAPITAL:
            digit = _CAPITAL[c]
        elif c in _UNIT:
            section += (digit or 1) * _UNIT[c]
            digit = 0
        elif c == "万":
            total += (section + digit) * 10000
            section, digit = 0, 0
        elif c == "亿":
            total += (section + digit) * 100000000
            section, digit = 0, 0
        else:
            return None
    yuan = float(total + section + digit)
    for part, scale in ((m.group(2), 0.1), (m.group(3), 0.01)):
        if part:
            yuan += _CAPITAL.get(part, 0) * scale
    return yuan


_FIGURES = re.compile(r"(?:[¥￥]\s?)(\d[\d,]*(?:\.\d+)?)|(\d[\d,]*(?:\.\d+)?)\s?(?:万元|元)")
_WORDS = re.compile(
    r"[零壹贰貳叁參肆伍陆陸柒捌玖拾佰仟万亿一二三四五六七八九十百千两]+元(?:[零壹贰叁肆伍陆柒捌玖]角)?"
    r"(?:[零壹贰叁肆伍陆柒捌玖]分)?整?"
)


def amounts_in(text: str) -> set[float]:
    """Every sum of money written in ``text`` (figures before 元 or after ¥, or in Chinese capitals)."""
    text = _squeeze(text)
    out = set()
    for m in _FIGURES.finditer(text):
        raw = (m.group(1) or m.group(2)).replace(",", "")
        try:
            value = float(raw)
        except ValueError:
            continue
        if m.group(0).endswith("万元"):
            value *= 10000
        out.add(round(value, 2))
    for m in _WORDS.finditer(text):
        value = _capitals(m.group(0))
        if value:
            out.add(round(value, 2))
    return out


# What the rule states from the law or the rubric: not read from the file.
_STATED = re.compile(r"(?:届满日?|应为|标准为(?:超过)?)\s?$")


def _stated(message: str, start: int, end: int) -> bool:
    before, after = message[max(0, start - 8) : start], message[end : end + 4]
    return bool(_STATED.search(before)) or after.lstrip().startswith("届满")


_ISO = re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)")
_QUOTED = re.compile(r"“([^“”]+)”")
# A label's value: the whole clause after a colon (a clause that runs into a quotation is prose, not a value).
_AFTER_COLON = re.compile(r"：([^，；。（）()“”《》：|]+)(?=[，；。）)]|$)")


def named_values(message: str, people: set[str], sources: tuple[str, ...] = ()) -> list[tuple[str, object]]:
    """(kind, value) of every value the message names: ("date", ISO), ("amount", yuan), ("text", text).

    ``sources``: the case's file names, which name documents, not values (a file may be named for a person).
    """
    for source in sorted(sources, key=len, reverse=True):
        message = message.replace(source, "")
    out: list[tuple[str, object]] = []
    for m in _ISO.finditer(message):
        if not _stated(message, m.start(), m.end()):
            out.append(("date", m.group(0)))
    for m in _FIGURES.finditer(message):
        if _stated(message, m.start(), m.end()):
            continue
        out.extend(("amount", a) for a in amounts_in(m.group(0)))
    for m in _QUOTED.finditer(message):
        out.append(("text", m.group(1)))
    unquoted = _QUOTED.sub("“”", message)
    for m in _AFTER_COLON.finditer(unquoted):
        value = m.group(1).strip()
        if value and not _ISO.search(value) and not _FIGURES.search(value):
            out.append(("text", value))
    for name in sorted(people):
        if name in message:
            out.append(("text", name))
    return list(dict.fromkeys(out))


def quoted(kind: str, value, quotes: list[str]) -> bool:
    if kind == "date":
        return any(value in dates_in(q) for q in quotes)
    if kind == "amount":
        return any(any(abs(value - a) < 0.005 for a in amounts_in(q)) for q in quotes)
    want = _squeeze(str(value)).strip("…")
    return any(want in _squeeze(q) or (len(want) > 20 and want[:20] in _squeeze(q)) for q in quotes)


def people_of(case) -> set[str]:
    """The names of the case's people as read (officers, reviewers, presiding officers, signers, the party)."""
    names: set[str] = set()
    for d in case.documents:
        f = d.fields
        for v in d.record.officers if d.record is not None else ():
            names.add(v.value.name or "")
        for key in ("reviewers", "investigators"):
            for v in f.get(key) or []:
                names.add(v.value if isinstance(v.value, str) else "")
        for v in (f.get("presiding"), f.get("party"), d.service.recipient if d.service is not None else None):
            if v is not None and isinstance(getattr(v, "value", None), str):
                names.add(v.value)
    return {n for n in names if len(n) >= 2}


def unquoted_values(outcome, case) -> list[str]:
    """The values an outcome's message names that no evidence quote shows."""
    quotes = [loc.quote for loc in outcome.evidence if loc.quote]
    sources = tuple({d.source for d in case.documents} | set(case.files))
    return [
        f"{kind} {value!r}"
        for kind, value in named_values(outcome.message, people_of(case), sources)
        if not quoted(kind, value, quotes)
    ]


# -- the reader itself ---------------------------------------------------------------------------


def test_values_are_read_from_messages():
    msg = (
        "法制审核日期 2024-07-22（法制审核意见书（19.pdf 第1页））晚于决定书落款日期 2024-07-19；"
        "公示期限届满日 2024-08-14；决定书罚款 5,000 元（个人听证标准为 10000 元）；“张军”与“张立军”"
    )
    got = named_values(msg, {"邵文华"})
    assert ("date", "2024-07-22") in got and ("date", "2024-07-19") in got
    assert ("date", "2024-08-14") not in got  # a computed deadline
    assert ("amount", 5000.0) in got and ("amount", 10000.0) not in got
    assert ("text", "张军") in got and ("text", "张立军") in got
    assert ("text", "目录列有") not in named_values(
        "卷内目录所列文件缺失：目录列有“现场照片”，案卷中未见该文件", set()
    )
    assert ("text", "何建平") not in named_values(
        "询问笔录（5、询问笔录（何建平）.docx）无确认", {"何建平"}, ("5、询问笔录（何建平）.docx",)
    )
    assert ("text", "申国华") in named_values("（签名栏：执法人员（签名）：申国华）", set())
    assert dates_in("二〇二四年七月十九日") == {"2024-07-19"}
    assert dates_in("签收日期 | 2024/04/23") == {"2024-04-23"}
    assert dates_in("2024.4.10 | 二〇二四年十二月三十一日") == {"2024-04-10", "2024-12-31"}
    assert amounts_in("罚款人民币贰仟元整（¥200.00）") == {2000.0, 200.0}
    assert amounts_in("伍万零壹佰壹拾肆元整") == {50114.0}
    assert amounts_in("罚款25000元（大写：贰万伍仟元整）") == {25000.0}
    assert not quoted("date", "2024-07-22", ["审核人员：邵文华"])
    assert quoted("date", "2024-07-22", ["二〇二四年七月二十二日"])
    assert quoted("date", "2024-07-16", ["听证时间：2024-07-16 14:30"])
    assert quoted("text", "青市监罚告〔2024〕19号", ["（青市监罚告[2024]19号）"])


# -- over the samples ----------------------------------------------------------------------------

SAMPLE_IDS = sorted(p.name for p in SAMPLES.iterdir() if not p.name.startswith("."))


@cache
def _rubric():
    from casereview.rubric import load_rubric

    return load_rubric("penalty-general")


@cache
def _sample(case_id: str):
    from casereview.api import load_case, run_rules

    case = load_case(SAMPLES / case_id)
    return case, run_rules(case, _rubric())


@pytest.mark.parametrize("case_id", SAMPLE_IDS)
def test_sample_failures_quote_their_values(case_id):
    case, outcomes = _sample(case_id)
    problems = []
    for o in outcomes:
        if o.status == "fail":
            missing = unquoted_values(o, case)
            if missing:
                problems.append(
                    f"{o.code}: {o.message}\n    not quoted: {missing}\n    quotes: "
                    f"{[loc.quote for loc in o.evidence]}"
                )
    assert not problems, "\n".join(problems)


# -- over every fail case of the per-rule YAML files ---------------------------------------------


@pytest.mark.parametrize(
    ("code", "spec"),
    [
        pytest.param(code, spec, id=f"{code}-{i}-{spec['name']}")
        for code, i, spec in all_cases()
        if spec["expect"] == "fail"
    ],
)
def test_rule_fail_cases_quote_their_values(code, spec, tmp_path):
    outcome, case = run_case(code, spec, tmp_path)
    assert outcome.status == "fail", outcome.message
    missing = unquoted_values(outcome, case)
    assert not missing, (
        f"{outcome.message}\n    not quoted: {missing}\n    quotes: {[x.quote for x in outcome.evidence]}"
    )
