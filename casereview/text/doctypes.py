"""The document types of a case file and the titles that name them (``data/doctypes.json``).

Titles vary by county and sector (立案审批表 / 立案呈批表, 行政处罚告知书 /
陈述申辩告知书 …): the words are data, loaded once; ``match_title`` says
whether a line is a document's title and of which type. Parsers use it to
split bound files into documents, extract to recognise a document named
inside another (an index, a service receipt's list).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from casereview.model import DocType
from casereview.text.normalize import compact

__all__ = ["TITLE_MAX", "TypeSpec", "match_title", "type_names", "type_specs"]

TITLE_MAX = 40  # a title line is short
_SUFFIX = re.compile(
    r"[（(\[【〔](第.{1,4}页|共.{1,4}页|副本|正本|存根|复印件|第[一二三四五六七八九十\d]+联|[一二三四五六七八九十\d]+|.{0,4}联|代.{0,4}|续页?|首页|回执|摘要|节选|摘录|样本|原件|扫描件|影印件|打印件|截图|简易程序|一般程序|当场)[）)\]】〕]$"
)
# A title with its own 文号 run on after it (林业行政处罚决定书寻林罚决字〔2023〕第8号): the number is not the title.
_NUMBER = re.compile(
    r"(?:[（(][\u4e00-\u9fff\d]{1,6}[）)])?[\u4e00-\u9fffA-Za-z\d（）()]{1,16}[〔\[【（(［﹝]\s*(?:19|20)\d{2}\s*"
    r"[〕\]】）)］﹞]\s*第?\s*[A-Za-z]?[\d\-－]{1,8}\s*号"
)
_TITLE_END = re.compile(r"(?:书|表|证|录|单|执|报告|记录|说明)")
_LEAD_NUM = re.compile(r"^(\d{1,3}[.、．]|[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）)")
# A title may follow the agency's name: it starts after one of these words.
_AGENCY_INSIDE = re.compile(r"(?:局|队|委员会|政府|所|中心|办公室|站|厅|部|办事处|管委会)")


_MIN_TITLE_CHARS = 4  # a title that runs on into its 文号 is at least this many characters long


def _cut_number(c: str) -> str:
    """The title of a line that runs its 文号 on after it; the line unchanged when there is none."""
    for m in _TITLE_END.finditer(c):
        # 决定书文号 …: a label of the number (its 号 perhaps wrapped to the next line), not a title
        if (
            m.end() >= _MIN_TITLE_CHARS
            and _NUMBER.fullmatch(c, m.end())
            and not c.startswith(("文", "编号", "号"), m.end())
        ):
            return c[: m.end()]
    return c


@dataclass(frozen=True)
class TypeSpec:
    type: DocType
    zh: str
    titles: tuple[re.Pattern[str], ...]
    exclude: tuple[re.Pattern[str], ...]
    content: tuple[tuple[re.Pattern[str], float], ...]


@lru_cache(maxsize=1)
def _any_title() -> re.Pattern[str]:
    """All title patterns in one alternation: a cheap first test before the per-type search."""
    return re.compile("|".join(f"(?:{p.pattern})" for s in type_specs() for p in s.titles))


@lru_cache(maxsize=1)
def type_specs() -> tuple[TypeSpec, ...]:
    """The document-type lexicon, loaded once from package data."""
    raw = json.loads(resources.files("casereview.data").joinpath("doctypes.json").read_text("utf-8"))
    specs = []
    for entry in raw["types"]:
        specs.append(
            TypeSpec(
                type=DocType(entry["type"]),  # a type the enum lacks fails here, at the first load
                zh=entry.get("zh", ""),
                titles=tuple(re.compile(f"(?:{p})") for p in entry.get("titles", [])),
                exclude=tuple(re.compile(p) for p in entry.get("exclude", [])),
                content=tuple((re.compile(p), float(w)) for p, w in entry.get("content", [])),
            )
        )
    return tuple(specs)


def type_names() -> dict[DocType, str]:
    """type id -> Chinese name."""
    return {s.type: s.zh for s in type_specs()}


def match_title(line: str) -> tuple[DocType, str] | None:
    """(type, title) when ``line`` is a document title, else None.

    The title may be preceded by the agency's name (青山县市场监督管理局行政处罚决定书)
    and followed by a copy mark (（副本）, （第二联）).
    """
    if len(line) > 2 * TITLE_MAX or "|" in line or "。" in line or "，" in line or "；" in line:
        return None  # sentences and table rows are not titles
    c = compact(line)
    if not c or len(c) > TITLE_MAX:
        return None
    c = _LEAD_NUM.sub("", c)
    c = _cut_number(c)
    printed = c
    while True:
        stripped = _SUFFIX.sub("", c)
        if stripped == c:
            break
        c = stripped
    # A title is the whole line, or the line after the agency's name: try those starts only.
    starts = [0] + [m.end() for m in _AGENCY_INSIDE.finditer(c) if m.end() < len(c)]
    best: tuple[int, int, DocType, str] | None = None
    any_title = _any_title()
    for start in starts:
        if not any_title.fullmatch(c, start):
            continue
        for order, spec in enumerate(type_specs()):
            if any(x.search(c) for x in spec.exclude):
                continue
            if any(p.fullmatch(c, start) for p in spec.titles):
                best = (start, order, spec.type, printed[start:])
                break
        if best is not None:
            break
    if best is None:
        # An excluded title (e.g. 不予行政处罚决定书) is still a title: keep it as unknown.
        for spec in type_specs():
            if any(x.search(c) for x in spec.exclude):
                return (DocType.UNKNOWN, c)
        return None
    return best[2], best[3]
