"""D03 — the decision states the legal basis of the penalty."""

from __future__ import annotations

from casereview.model import Outcome
from casereview.rules.base import Basis, Context, DecisionRule, doc_label, loc_of

# Laws a decision cites for the remedies, not as the basis of the penalty.
REMEDY_LAWS = ("行政复议法", "行政诉讼法")


class D03(DecisionRule):
    """处罚决定书未引用处罚依据

    检查内容：行政处罚决定书应当载明行政处罚的种类和依据，至少引用一部法律、法规或规章
    （《中华人民共和国食品安全法》第一百二十四条……）。只为告知救济途径引用的《行政复议法》
    《行政诉讼法》不算处罚依据。
    依据：《中华人民共和国行政处罚法》第五十九条第一款第（三）项。
    不合格示例：“根据相关法律规定，决定对你单位罚款伍仟元。”
    合格示例：“依据《中华人民共和国食品安全法》第一百二十四条第一款第（五）项的规定，决定……”。
    不适用情形：案卷中没有行政处罚决定书。
    """

    code = "D03"
    name = "decision-legal-basis-missing"
    title = "决定书载明处罚种类和依据"
    category = "D"
    legal_basis = (Basis("中华人民共和国行政处罚法", "第五十九条第一款第（三）项"),)

    def check(self, ctx: Context) -> Outcome:
        decision = ctx.decision
        cites = [
            c
            for c in decision.fields.get("citations", [])
            if not any(c.value["law"].endswith(law) for law in REMEDY_LAWS)
        ]
        if cites:
            laws = "、".join(dict.fromkeys(f"《{c.value['law']}》" for c in cites))
            return self.passed(f"决定书引用了{laws}", [loc_of(decision, cites[0])])
        bare = decision.fields.get("bare_citations") or []
        if bare:
            b = bare[0]
            return self.passed(
                f"决定书引用了{b.value['law']}{b.value['article']}（未加书名号）", [loc_of(decision, b)]
            )
        return ctx.absent(
            self,
            f"{doc_label(decision)}未引用任何法律、法规或规章作为处罚依据",
            [loc_of(decision)],
            within=[decision],
        )
