"""Cited law: 《法名》第X条第X款第（X）项, chains (、第Y条), and citations without an article."""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUM = r"[零一二三四五六七八九十百千〇两\d]+"
_ARTICLE = rf"第{_NUM}条(?:之{_NUM})?(?:第{_NUM}款)?(?:第[（(]?{_NUM}[)）]?项)?(?:第{_NUM}目)?"
_LAW = r"《(?P<law>[^《》\n]{2,60})》"
CITATION = re.compile(rf"{_LAW}(?P<articles>(?:{_ARTICLE}(?:[、，,和及以及]|和|及)?)*)")
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

    def strings(self) -> list[str]:
        """One string per cited article, with the law name: 《法》第X条第X款."""
        if not self.articles:
            return [f"《{self.law}》"]
        return [f"《{self.law}》{a}" for a in self.articles]


def find_citations(text: str) -> list[Citation]:
    """Every law cited in ``text`` in order, with its articles."""
    out = []
    for m in CITATION.finditer(text):
        law = m.group("law").strip()
        if _NOT_LAW.search(law):
            continue
        articles = tuple(a.group() for a in _ONE_ARTICLE.finditer(m.group("articles")))
        tail = text[m.end(): m.end() + 12]
        vague = not articles and bool(_VAGUE.match(tail))
        out.append(Citation(law, articles, m.start(), m.end(), m.group(), vague))
    return out
