"""Person names in a run of text: 张伟、李明, 张伟 李明, 张伟（执法证号…）, names signed side by side.

Pure text: the labels, role words and certificate numbers that stand next to
names in forms (``casereview.text.labels``) are never names. Reading who is
named where on a document is ``extract.people``'s.
"""

from __future__ import annotations

import re

from casereview.text.labels import ALL_ROLES, CERT, CJK, alternation

__all__ = ["CN_NAME_LEN", "NOT_NAME", "known_names", "split_glued", "split_names"]

# Words that are never names: labels and filler that stand next to names in forms.
CN_NAME_LEN = (2, 4)  # characters of a Chinese personal name (surname and given name)
_TRANSLITERATED_MAX = 12  # a transliterated name with · (艾力·买买提) is at most this long


NOT_NAME = re.compile(
    r"拒绝签[名字收]|拒不签[名字收]?|拒签|拒收|拒绝|"
    rf"{alternation(ALL_ROLES)}|"
    r"执法证件?号码?|执法证编号|执法证|证件号码?|证件编号|证号|编号|号码|行政执法|执法人员|检查人员|调查人员|"
    r"询问人|检查人|调查人|记录人|承办人|执法人|办案人员?|分别为|分别是|以及|同志|签名|签字|盖章|日期|时间|"
    r"年|月|日|和|及|等|人员|等人|本人|当事人|被询问人|见证人|送达人|受送达人|签收|意见|同意|审批|负责人|"
    r"证件|工作证|出示|我们|是|的|为|姓名|执法|证号"
)


def split_names(text: str) -> list[str]:
    """Person names in a run of text such as 张伟、李明 or 张伟 李明 or 张伟（执法证号…）."""
    text = CERT.sub(" ", text)
    text = NOT_NAME.sub(" ", text)
    names = []
    for token in re.findall(rf"[{CJK}·]+", text):
        if CN_NAME_LEN[0] <= len(token) <= CN_NAME_LEN[1] or (
            "·" in token and len(token) <= _TRANSLITERATED_MAX
        ):
            names.append(token)
    return names


_NAME_LIST = re.compile(r"[\u4e00-\u9fff]{2,4}(?:[、和及][\u4e00-\u9fff]{2,4})+")


def known_names(text: str) -> set[str]:
    """Names a document lists together (由许文涛、柯敏承办), to split names written side by side.

    The first item of a list may carry the words before it (由许文涛) and the
    last the words after it (柯敏承办): their 2-4 character ends are kept as
    candidates, and ``split_glued`` only accepts a split that covers the run.
    """
    out: set[str] = set()
    for m in _NAME_LIST.finditer(text):
        items = re.split(r"[、和及]", m.group())
        out.update(items[1:-1])
        out.update(items[0][-k:] for k in (2, 3, 4) if len(items[0]) >= k)
        out.update(items[-1][:k] for k in (2, 3, 4) if len(items[-1]) >= k)
    return out


def split_glued(written: str, known: set[str]) -> list[str]:
    """Names signed side by side and read as one run (OCR drops the gap: 许文涛柯敏), split into names
    the document gives elsewhere; a run that does not split so stays one value (the field is filled,
    whoever signed it). [] for anything but a run of 5 to 12 Chinese characters."""
    run = re.split(r"[0-9０-９]", re.sub(r"[\s|]", "", written))[0]  # 张立军陈晓东2024年…: the date ends it
    if not re.fullmatch(r"[\u4e00-\u9fff·]{5,12}", run):
        return []

    def cover(rest: str) -> list[str] | None:
        if not rest:
            return []
        for k in (4, 3, 2):  # longest name first
            if rest[:k] in known and (tail := cover(rest[k:])) is not None:
                return [rest[:k], *tail]
        return None

    return cover(run) or [run]
