"""A04 — every document the index lists is in the file."""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

from casereview.model import DocType, Document, Outcome, Value
from casereview.rules.base import Basis, Context, Reading, Rule, confusable, doc_label, is_scanned, loc_of
from casereview.text.normalize import canonical_brackets, compact

NOT_LISTED = (DocType.COVER, DocType.INDEX)


_SIMILAR_MIN_CHARS = 4  # shorter titles are compared exactly
_SIMILAR_RATIO = 0.75  # titles differing in at most a quarter of their characters are the same


def _key(title: str) -> str:
    """A title for comparison: no spaces, width forms, brackets' remarks (（复印件）) or 《》."""
    t = compact(title)
    t = re.sub(r"[(\[【〔][^)\]】〕]{0,12}[)\]】〕]$", "", t)
    return t.strip("《》<>")


def _number_key(number: str) -> str:
    return re.sub(r"第(?=\d)", "", canonical_brackets(compact(number)))


def _own_number(doc: Document) -> str | None:
    v = doc.fields.get("own_case_number") or doc.case_number
    return _number_key(v.value) if isinstance(v, Value) and isinstance(v.value, str) else None


def _similar(a: str, b: str) -> bool:
    """Two titles of four or more characters that differ in at most a quarter of them."""
    if min(len(a), len(b)) < _SIMILAR_MIN_CHARS:
        return False
    return SequenceMatcher(None, a, b).ratio() >= _SIMILAR_RATIO


class A04(Rule):
    """卷内目录所列文件在案卷中缺失

    检查内容：卷内文件目录所列的每一份文件都应在案卷中：按文书类型对应（目录列两份送达回证，案卷中应有两份），
    目录中无法识别类型的题名按题名文字查找；只列文号的按文号找该文号的文书。
    依据：国家测绘地理信息局《测绘地理信息行政处罚案卷评查标准》案卷卷面标准（卷内目录排列有序、页码准确，每处错误扣分）；
    国家市场监督管理总局《市场监督管理行政处罚文书格式范本（2021年修订版）》（国市监法发〔2021〕42号）所列“卷内文件目录”。
    不合格示例：卷内目录第 15 项为“非税收入一般缴款书”，案卷中没有缴款凭证；目录列两份送达回证，案卷中只有一份。
    合格示例：目录所列 17 项文件在案卷中一一对应。
    不适用情形：案卷中没有卷内目录（缺目录由 A01 评查）。
    题名与文件标题略有出入（识别误差或写法不同，如“询间笔录”“案作来源登记表”）的按相近标题对应。
    目录中读不出任何题名时，案卷中有未能读取的内容时，或对不上的题名是从扫描的目录中识别出来的，缺失结论交人工核查；
    对不上的题名与某份扫描文书识别出的标题只差个别字（或该标题识别置信度低）时，也交人工核查。
    """

    code = "A04"
    name = "index-lists-missing-document"
    title = "卷内目录与案卷内容一致"
    category = "A"
    legal_basis = (
        Basis("测绘地理信息行政处罚案卷评查标准", "案卷卷面标准（卷内目录排列有序、页码准确）"),
        Basis("市场监督管理行政处罚文书格式范本（2021年修订版）", "（国市监法发〔2021〕42号）卷内文件目录"),
    )

    def applies(self, ctx: Context) -> str | None:
        if not ctx.has(DocType.INDEX):
            return "案卷中没有卷内目录"
        return None

    def check(self, ctx: Context) -> Outcome:
        indexes = ctx.docs(DocType.INDEX)
        entries: list[Value] = [
            e for d in indexes for e in (d.fields.get("entries") or d.fields.get("listed") or [])
        ]
        if not entries:
            return self.manual(
                f"未能从{'、'.join(doc_label(d) for d in indexes)}读出所列文件题名，请人工核对目录与案卷内容",
                [loc_of(d) for d in indexes],
            )
        held = [d for d in ctx.case.documents if d.type not in NOT_LISTED and d.has_text]
        missing = self._unmatched(entries, held)
        if not missing:
            return self.passed(evidence=[loc_of(d) for d in indexes])
        scanned_index = {id(e) for d in indexes if is_scanned(d) for e in d.fields.get("entries") or []}
        misread = [e for e in missing if e.value.get("scanned") or id(e) in scanned_index]
        if misread and len(misread) == len(missing):
            # Titles read off a scanned index: an unmatched one may be a misreading of a title the file holds.
            titles = "、".join(f"“{e.value['title']}”" for e in misread[:6])
            return self.manual(
                f"扫描的卷内目录中{titles}未能与案卷中的文件对应，可能是识别有误，请人工核对目录与案卷内容",
                [e.loc for e in misread],
            )
        # A title read off a scanned document that a misreading could make of a listed one: may be that document.
        titles_read = {
            id(d): ctx.reading(d.title, ctx.showing(d.first_loc, d.title, d), d) for d in held if d.title
        }
        near = [
            (e, d)
            for e in missing
            for d in held
            if d.title and confusable(Reading(e.value["title"], e.loc), titles_read[id(d)], _key)
        ]
        if near and len({id(e) for e, _ in near}) == len(missing):
            parts = "；".join(
                f"目录列有“{e.value['title']}”，案卷中有{doc_label(d)}，其标题识别为{titles_read[id(d)]}"
                for e, d in near
            )
            return self.manual(
                f"{parts}，只差个别字或识别置信度低，可能是识别误差，请人工核对目录与案卷内容",
                [e.loc for e, _ in near] + [titles_read[id(d)].loc for _, d in near],
            )
        listed = Counter(e.value.get("type") for e in entries)
        titles: dict[str, set[str]] = {}
        for e in entries:
            titles.setdefault(e.value.get("type"), set()).add(_key(e.value["title"]))
        have = Counter(d.type for d in held)
        parts = []
        for e in missing:
            t = e.value.get("type")
            if t and have[t]:
                same = "" if len(titles[t]) == 1 else "等同类文书"
                parts.append(f"目录列有{listed[t]}份“{e.value['title']}”{same}，案卷中只有{have[t]}份")
            else:
                parts.append(f"目录列有“{e.value['title']}”，案卷中未见该文件")
        message = "卷内目录所列文件缺失：" + "；".join(dict.fromkeys(parts))
        return ctx.absent(self, message, [e.loc for e in missing])

    @staticmethod
    def _unmatched(entries: list[Value], held: list[Document]) -> list[Value]:
        """Entries left after matching each to a distinct document: same title, then same type, then text."""
        used: set[int] = set()
        left: list[Value] = []
        pending = []
        for e in entries:  # 0. listed by its 文号 only: the document issued under that number
            number = e.value.get("number")
            if e.value.get("type") is None and number and e.value["title"] == number:
                doc = next(
                    (d for d in held if id(d) not in used and _own_number(d) == _number_key(number)), None
                )
                if doc is not None:
                    used.add(id(doc))
                    continue
            pending.append(e)
        for e in pending:  # 1. the same title
            doc = next(
                (
                    d
                    for d in held
                    if id(d) not in used and d.title and _key(d.title) == _key(e.value["title"])
                ),
                None,
            )
            if doc is not None:
                used.add(id(doc))
            else:
                left.append(e)
        pending, left = left, []
        for e in pending:  # 2. the same type
            t = e.value.get("type")
            doc = next((d for d in held if id(d) not in used and t and d.type == t), None)
            if doc is not None:
                used.add(id(doc))
            else:
                left.append(e)
        pending, left = left, []
        for e in (
            pending
        ):  # 3. a title spelt a little differently (a misread or a variant: 询间笔录, 案作来源登记表)
            key = _key(e.value["title"])
            doc = next(
                (d for d in held if id(d) not in used and d.title and _similar(key, _key(d.title))), None
            )
            if doc is not None:
                used.add(id(doc))
            else:
                left.append(e)
        missing = []
        for e in left:  # 4. a title the lexicon does not know: by its text
            key = _key(e.value["title"])
            if len(key) <= 1:
                continue
            doc = next(
                (
                    d
                    for d in held
                    if id(d) not in used
                    and d.title
                    and len(_key(d.title)) > 1
                    and (key in _key(d.title) or _key(d.title) in key)
                ),
                None,
            )
            if doc is not None:
                used.add(id(doc))
                continue
            if any(
                key != _key(d.title or "")
                and key in {_key(line) for b in d.blocks for line in b.text.split("\n")}
                for d in held
            ):
                continue  # a part of another document (a list or a photo page under its own heading)
            missing.append(e)
        return missing
