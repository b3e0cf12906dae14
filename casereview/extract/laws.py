"""Cited law: 《法名》第X条第X款第（X）项, chains (、第Y条), and citations without an article."""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUM = r"[零一二三四五六七八九十百千〇两\d]+"
_ARTICLE = rf"(?:第{_NUM}章)?(?:第{_NUM}节)?第{_NUM}条(?:之{_NUM})?(?:第{_NUM}款)?(?:第[（(]?{_NUM}[)）]?项)?(?:第{_NUM}目)?"
_LAW = r"《(?P<law>[^《》\n]{2,60})》"
# A note between the title and its articles: the version or the notice that issued it
# (《保险法》（2002年修正）第一百五十条, 《…裁量基准（一）》（海关总署公告2023年第182号）第九条).
_NOTE = r"(?:[（(][^（）()《》\n]{2,30}[)）])?"
CITATION = re.compile(rf"{_LAW}(?P<note>{_NOTE})(?P<articles>(?:{_ARTICLE}(?:[、，,和及以及]|和|及)?)*)")
_ONE_ARTICLE = re.compile(_ARTICLE)
_VAGUE = re.compile(r"(?:的)?(?:有关|相关|相应)(?:规定|条款)")
# Titles in 《》 that are documents, not law (决定书 names, notices).
_NOT_LAW = re.compile(r"(?:决定书|告知书|通知书|笔录|报告|回证|审批表|意见书)$")


@dataclass(frozen=True, slots=True)
class Citation:
    law: str
    articles: tuple[str, ...]  # each 第X条第X款第（X）项; empty when no article is cited
    start: int
    end: int
    text: str
    vague: bool  # 依据《…》的有关规定: no article
    note: str = (
        ""  # a remark between the title and the articles: （2002年修正）, （海关总署公告2023年第182号）
    )

    def strings(self) -> list[str]:
        """One string per cited article, with the law name (and its remark): 《法》第X条第X款."""
        if not self.articles:
            return [f"《{self.law}》"]
        return [f"《{self.law}》{self.note}{a}" for a in self.articles]


# The words before a citation that say what it is cited for.
_VIOLATED = re.compile(r"违反|违背|不符合|不遵守|未遵守|未按照|未执行")
_BASIS = re.compile(r"依据|根据|依照|按照|适用|参照|依")
_PROCEDURE = re.compile(
    r"复议|诉讼|逾期不(?:缴|交|履行|申请|提起)|逾期未(?:缴|交|履行)|到期不(?:缴|交|履行)|加处|滞纳|"
    r"强制执行|救济|公告送达|送达"
)


def role_of(text: str, start: int) -> str | None:
    """What a citation at ``start`` is cited for, from its own clause: "violated" (违反了…), "procedure"
    (remedies, the surcharge for late payment) or "basis" (依据… the penalty); None when the clause says nothing."""
    clause = re.split(r"[。；;\n]", text[max(0, start - 80) : start])[-1]
    after = re.split(r"[。；;\n]", text[start : start + 120])[0]
    if _PROCEDURE.search(clause) or re.search(r"申请(?:行政)?复议|提起(?:行政)?诉讼|加处罚款", after):
        return "procedure"
    v = max((m.end() for m in _VIOLATED.finditer(clause)), default=-1)
    b = max((m.end() for m in _BASIS.finditer(clause)), default=-1)
    if v < 0 and b < 0:
        return None
    return "violated" if v > b else "basis"


def find_citations(text: str) -> list[Citation]:
    """Every law cited in ``text`` in order, with its articles."""
    out = []
    for m in CITATION.finditer(text):
        law = m.group("law").strip()
        if _NOT_LAW.search(law):
            continue
        articles = tuple(a.group() for a in _ONE_ARTICLE.finditer(m.group("articles")))
        if not articles and m.end("law") + 1 < m.end():
            m = CITATION.match(
                text, m.start(), m.end("law") + 1
            )  # a bracketed remark but no article: not part of it
        tail = text[m.end() : m.end() + 12]
        vague = not articles and bool(_VAGUE.match(tail))
        note = m.group("note") if articles else ""
        out.append(Citation(law, articles, m.start(), m.end(), m.group(), vague, note))
    return out
