"""N01 — advance notice before the decision."""

from __future__ import annotations

from casereview.model import DocType, Outcome
from casereview.rules.base import Basis, Context, DecisionRule, doc_label, loc_of


class N01(DecisionRule):
    """未见行政处罚事先告知书

    检查内容：作出行政处罚决定之前，应当告知当事人拟作出的行政处罚内容及事实、理由、依据，
    案卷中应有行政处罚事先告知书（行政处罚告知书、陈述申辩告知书等）。
    依据：《中华人民共和国行政处罚法》第四十四条。
    不合格示例：案卷有行政处罚决定书，但没有任何事先告知书。
    合格示例：案卷有行政处罚告知书，其后作出行政处罚决定书。
    不适用情形：案卷中没有行政处罚决定书（如不予处罚、撤案的案卷）。
    """

    code = "N01"
    name = "advance-notice-missing"
    title = "作出处罚决定前进行事先告知"
    category = "N"
    legal_basis = (Basis("中华人民共和国行政处罚法", "第四十四条"),)

    def check(self, ctx: Context) -> Outcome:
        decision = ctx.decision
        notices = ctx.docs(DocType.ADVANCE_NOTICE)
        if notices:
            return self.passed(evidence=[loc_of(notices[-1])])
        return ctx.absent(self, f"有{doc_label(decision)}，但未见行政处罚事先告知书", [loc_of(decision)])
