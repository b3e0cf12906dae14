"""S03 — the officers on the records hold valid certificates (checked against a roster)."""

from __future__ import annotations

import re
import unicodedata

from casereview.model import DocType, Location, Outcome
from casereview.rules.base import (
    HANYIN_MEASURES,
    Basis,
    Context,
    Reading,
    Rule,
    confusable,
    doc_label,
    loc_of,
)

RECORDS = (DocType.INSPECTION_RECORD, DocType.INQUIRY_RECORD)


def _norm(s: str) -> str:
    """Names and numbers compare without whitespace and with full-width forms made ASCII."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or "")).upper()


def _near_pairs(name: Reading, cert: Reading, pairs: set[tuple[str, str]]) -> list[tuple[str, str]]:
    """Roster pairs that the pair read off a scan may be a misreading of: each of name and number the same,
    one misreading away, or (the number) unread or cut short; not both the same."""

    def close(r: Reading, printed: str) -> bool:
        return _norm(r.text) == printed or confusable(r, Reading(printed, ROSTER), _norm)

    if not (name.ocr or cert.ocr):
        return []
    return sorted((n, c) for n, c in pairs if close(name, n) and (not cert.text or close(cert, c)))


ROSTER = Location("持证执法人员名册")


class S03(Rule):
    """笔录记载的执法人员或执法证号不在持证执法人员名册中

    检查内容：提供持证执法人员名册（姓名 + 执法证号）时，逐一核对现场检查笔录、询问笔录
    记载的执法人员姓名与执法证号是否在名册中且相互对应。
    依据：《中华人民共和国行政处罚法》第四十二条；
    汉阴县人民政府办公室《贯彻落实〈提升行政执法质量三年行动计划(2023—2025年)〉若干措施》第一部分（三）第6条（执法人员持证上岗）。
    不合格示例：笔录记载“王建军 执法证号 1411030099”，名册中王建军的证号为 1411030031，
    或名册中没有王建军。
    合格示例：笔录记载的每一对姓名、证号均在名册中。
    不适用情形：未提供持证执法人员名册；案卷中没有现场检查笔录或询问笔录。
    笔录只写姓名未写证号、而该姓名在名册中的，本项不扣（证号缺失由 S02 判定）；
    读不出执法人员的笔录为“人工核查”；扫描页上识别出的姓名、证号与名册中的一对只差个别字符（或证号识别不全，
    或识别置信度低而相差几个字符）的，也为“人工核查”，列出识别结果、所在页和名册中的记载。
    """

    code = "S03"
    name = "officer-not-on-roster"
    title = "执法人员具有有效执法证件"
    category = "S"
    legal_basis = (
        Basis("中华人民共和国行政处罚法", "第四十二条"),
        HANYIN_MEASURES.at("第一部分（三）第6条"),
    )

    def applies(self, ctx: Context) -> str | None:
        if ctx.roster is None:
            return "未提供持证执法人员名册，无法核对执法证件"
        if not ctx.has(*RECORDS) and not ctx.unread:
            return "案卷中没有现场检查笔录或询问笔录"
        return None

    def check(self, ctx: Context) -> Outcome:
        pairs = {(_norm(n), _norm(c)) for n, c in ctx.roster or ()}
        by_name: dict[str, set[str]] = {}
        by_cert: dict[str, set[str]] = {}
        for n, c in pairs:
            by_name.setdefault(n, set()).add(c)
            by_cert.setdefault(c, set()).add(n)
        records = ctx.docs(*RECORDS)
        if not records:
            return self.manual(
                f"未见可读取的现场检查笔录或询问笔录，请人工核查未能读取的内容（{'；'.join(ctx.unread[:5])}）"
            )
        bad, unknown, ok, unsure = [], [], [], []
        for doc in records:
            values = doc.record.officers
            if not values:
                unknown.append(doc)
            for v in values:
                name, cert = v.value.name, v.value.cert_no
                n, c = _norm(name), _norm(cert or "")
                if (cert and (n, c) in pairs) or (not cert and n in by_name):
                    ok.append(loc_of(doc, v))
                    continue
                where = ctx.showing(v.loc, name, doc)
                near = _near_pairs(ctx.reading(name, where, doc), ctx.reading(cert or "", where, doc), pairs)
                if near:
                    listed = "、".join(f"{rn}（证号 {rc}）" for rn, rc in near[:3])
                    unsure.append(
                        (
                            f"{doc_label(doc)}识别出执法人员“{name}”、证号“{cert or '（未识别）'}”"
                            f"（{ctx.reading(name, where, doc).where}），与名册略有出入（名册中为{listed}）",
                            where,
                        )
                    )
                    continue
                if not cert:
                    why = f"执法人员{name}（未注明证号）不在持证执法人员名册中"
                elif n in by_name:
                    why = (
                        f"记载{name}的执法证号为 {cert}，名册中{name}的证号为 {'、'.join(sorted(by_name[n]))}"
                    )
                elif c in by_cert:
                    why = f"执法证号 {cert} 在名册中属于{'、'.join(sorted(by_cert[c]))}，而非{name}"
                else:
                    why = f"执法人员{name}（执法证号 {cert}）不在持证执法人员名册中"
                bad.append((f"{doc_label(doc)}{why}", ctx.showing(v.loc, cert or name, doc)))
        if bad:
            return self.failed("；".join(m for m, _ in bad), list(dict.fromkeys(loc for _, loc in bad)))
        if unsure:
            return self.manual(
                "；".join(m for m, _ in unsure) + "，可能是识别误差，请人工核对执法证件",
                list(dict.fromkeys(loc for _, loc in unsure)),
            )
        if unknown:
            docs = "、".join(doc_label(d) for d in unknown)
            return self.manual(
                f"未能从{docs}读出执法人员及其执法证号，无法与名册核对，请人工核查",
                [loc_of(d) for d in unknown],
            )
        return self.passed(evidence=list(dict.fromkeys(ok)))
