"""The label vocabulary of forms, compiled from ``data/labels.json``.

Forms of different agencies call the same field by different words (询问人,
调查人员, 检查（勘验）人员 …) and write certificate numbers in different forms
(61102610232, 豫卫执132665, 陕HB21044, 应急执字第0021号). The words are data;
this module turns them into the patterns the readers use, so a new house
style is taught by adding its words, not code.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

CJK = "\u4e00-\u9fff"


@cache
def _data() -> dict:
    return json.loads(resources.files("casereview.data").joinpath("labels.json").read_text("utf-8"))


def words(kind: str) -> tuple[str, ...]:
    """The role words of one side (officer, party, recipient, witness, server, other)."""
    return tuple(_data()["roles"][kind]["words"])


def alternation(items) -> str:
    """A regex alternation of literal words, longest first (so 检查人员 wins over 检查人)."""
    return "|".join(re.escape(w) for w in sorted(set(items), key=lambda w: (-len(w), w)))


OFFICER_ROLES = frozenset(words("officer"))
PARTY_ROLES = frozenset(words("party"))
RECIPIENT_ROLES = frozenset(words("recipient")) | {"当事人", "法定代表人", "委托代理人"}
ALL_ROLES = frozenset(w for kind in _data()["roles"] for w in words(kind))

_ROLE_ALT = alternation(ALL_ROLES)
_MARK = r"(?:签名|签字|签章|签收|盖章)"
_MORE_MARK = r"(?:或者?|并|及)?(?:盖章|捺印|签章|指印|签名|签字)"
# A signature field's label: a role and a signing mark (询问人（签名）：, 受送达人签名或盖章, 执法人员签字),
# or 签收人： alone. A label a narrow cell cut after 或 (受送达人签名或 / 盖章) is still the label.
SIGNATURE_LABEL = re.compile(
    rf"(?P<role>{_ROLE_ALT})(?:[1-9一二三])?(?:[（(]?{_MARK}(?:[)）]?[（(]?{_MORE_MARK})*[)）]?(?:或)?[:：]?"
    r"|(?<=签收人)[:：])"
)


def spaced(items) -> str:
    """An alternation of words that a page may letter-space (执法 证号, 执 法 证 号)."""
    return "|".join(r"\s?".join(map(re.escape, w)) for w in sorted(set(items), key=lambda w: (-len(w), w)))


CERT_LABEL = re.compile(rf"(?:{spaced(_data()['cert_labels'])})(?:分别为|分别是|为|是)?[:：]?")

_prefix = _data()["cert_prefix"]
_SECTOR = alternation(_prefix["words"])
_PROVINCE = f"[{_prefix['provinces']}]"
# A certificate number: an optional province/sector prefix (豫卫执, 鲁交执, 陕, 应急执字第), letters, and
# digits (5 or more without a prefix, so a year or a count is never one), or letters and hyphenated groups
# (CG-0512-033). Never followed by 年/月/日 (a date) or more digits.
CERT = re.compile(
    rf"(?<![0-9A-Za-z])(?:(?:{_PROVINCE}(?:{_SECTOR})*|(?![第字号])(?:{_SECTOR})+) ?[A-Z]{{0,4}}-?[0-9]{{3,18}}[A-Z]?号?"
    r"|[A-Z]{0,4}[0-9]{5,18}[A-Z]?"
    r"|[A-Z]{1,4}-?[0-9]{2,10}(?:-[0-9]{1,10})+|[A-Z]{1,4}-[0-9]{2,10})"
    r"(?![0-9A-Za-z年月日时分])"
)

OFFICER_LABEL = re.compile(
    rf"(?<!被)(?:{alternation(OFFICER_ROLES)})(?:[1-9一二三])?(?:姓名)?(?:及|和|、)?(?:{alternation(_data()['cert_labels'])})?"
    r"(?![（(]?(?:签|盖章))[:：]?"
)

_GENERIC = alternation(
    _data()["generic"]["words"]
    + [w for k, ws in _data()["published"].items() if not k.startswith("_") for w in ws]
)
# A cell that is only a label (of any field these forms hold): a value never is one.
LABEL_CELL = re.compile(
    rf"^(?:{_ROLE_ALT}|{alternation(_data()['cert_labels'])}|{_GENERIC})(?:[1-9一二三])?(?:姓名)?"
    rf"(?:[（(][{CJK}、/或]{{1,10}}[)）])?(?:{_MARK}(?:{_MORE_MARK})*)?[:：]?$"
)


def is_label_cell(cell: str) -> bool:
    """True for a cell holding only a label (询问人, 执法证号：, 受送达人（签名或盖章）)."""
    return bool(LABEL_CELL.match(re.sub(r"[\s|]+", "", cell)))


def published_labels() -> dict[str, re.Pattern[str]]:
    """field -> the label of that column in a published decision (``labels.json`` "published"), as a pattern
    that matches a whole label cell or the label and its colon at the start of a line."""
    out = {}
    for key, items in _data()["published"].items():
        if key.startswith("_"):
            continue
        out[key] = re.compile(rf"^\s*[【\[]?(?:{alternation(items)})[】\]]?\s*(?:[:：]\s*|$)")
    return out
