"""N02 — the advance notice states the rights of statement and defence."""

from __future__ import annotations

from casereview.model import DocType, Outcome
from casereview.rules.base import Basis, Context, Rule, doc_label, loc_of

RIGHTS = {"statement": "陈述权", "defence": "申辩权"}


class N02(Rule):
    """事先告知书未告知陈述、申辩权利

    检查内容：行政处罚事先告知书应告知当事人依法享有陈述、申辩的权利（两项都应告知）。
    只看告知书正文：标题“陈述申辩告知书”本身不算告知了权利。
    依据：《中华人民共和国行政处罚法》第四十四条、第四十五条。
    不合格示例：告知书只写明拟处罚内容和“如不服可申请行政复议”，未告知陈述、申辩权；
    或只写“你单位可以进行陈述”，未告知申辩权。
    合格示例：“你单位享有陈述、申辩的权利，可在收到本告知书之日起五日内提出。”
    不适用情形：案卷中没有行政处罚事先告知书。
    """

    code = "N02"
    name = "notice-rights-missing"
    title = "告知书告知陈述、申辩权利"
    category = "N"
    legal_basis = (
        Basis("中华人民共和国行政处罚法", "第四十四条"),
        Basis("中华人民共和国行政处罚法", "第四十五条"),
    )

    def applies(self, ctx: Context) -> str | None:
        if not ctx.has(DocType.ADVANCE_NOTICE):
            return "案卷中没有行政处罚事先告知书"
        return None

    def check(self, ctx: Context) -> Outcome:
        faults, evidence, ok, faulty = [], [], [], []
        for notice in ctx.docs(DocType.ADVANCE_NOTICE):
            rights = notice.fields.get("rights") or {}
            found = {k: rights.get(k) for k in RIGHTS if rights.get(k)}
            lacking = [label for k, label in RIGHTS.items() if k not in found]
            if lacking:
                faults.append(f"{doc_label(notice)}未告知当事人享有{'、'.join(lacking)}")
                faulty.append(notice)
                evidence.append(loc_of(notice))
                evidence.extend(loc_of(notice, v) for v in found.values())
            else:
                ok.extend(loc_of(notice, v) for v in found.values())
        if faults:
            return ctx.absent(self, "；".join(faults), list(dict.fromkeys(evidence)), within=faulty)
        return self.passed(evidence=list(dict.fromkeys(ok)))
