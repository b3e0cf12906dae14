"""D02 — the decision states the facts and the evidence relied on."""

from __future__ import annotations

from casereview.model import Outcome
from casereview.rules.base import Basis, Context, DecisionRule, doc_label, loc_of


class D02(DecisionRule):
    """处罚决定书未载明违法事实或证据

    检查内容：行政处罚决定书应当载明违反法律、法规、规章的事实（经查、查明、违法事实……）和证据
    （以上事实有……等证据证明；笔录、照片、检验报告……）。
    依据：《中华人民共和国行政处罚法》第五十九条第一款第（二）项。
    不合格示例：决定书只写“你单位违反了《食品安全法》第三十四条的规定，决定罚款……”，没有事实和证据。
    合格示例：“经查，当事人于2024年3月5日销售超过保质期的食品……以上事实有现场检查笔录、询问笔录等证据证明。”
    不适用情形：案卷中没有行政处罚决定书。
    """

    code = "D02"
    name = "decision-facts-or-evidence-missing"
    title = "决定书载明违法事实和证据"
    category = "D"
    legal_basis = (Basis("中华人民共和国行政处罚法", "第五十九条第一款第（二）项"),)

    def check(self, ctx: Context) -> Outcome:
        decision = ctx.decision
        facts = decision.fields.get("facts")
        evidence = decision.fields.get("evidence")
        missing = [what for what, v in (("违法事实", facts), ("证据", evidence)) if v is None]
        if missing:
            found = [loc_of(decision, v) for v in (facts, evidence) if v is not None] or [loc_of(decision)]
            return ctx.absent(
                self, f"{doc_label(decision)}未载明{'和'.join(missing)}", found, within=[decision]
            )
        return self.passed(evidence=[loc_of(decision, facts), loc_of(decision, evidence)])
