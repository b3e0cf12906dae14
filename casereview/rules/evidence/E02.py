"""E02 — the party's identity is proven."""

from __future__ import annotations

from casereview.model import DocType, Outcome
from casereview.rules.base import Basis, Context, DecisionRule, doc_label, loc_of


class E02(DecisionRule):
    """当事人主体资格（身份）无证明

    检查内容：案卷应有当事人的身份证明（营业执照、身份证复印件等主体资格证明），
    或行政处罚决定书载明当事人的统一社会信用代码或公民身份号码。
    依据：《中华人民共和国行政处罚法》第五十九条第一项。
    不合格示例：案卷没有营业执照或身份证复印件，决定书当事人栏只有名称和地址。
    合格示例：案卷有营业执照复印件；或决定书写明“统一社会信用代码：91361123HHD54AJ12J”。
    不适用情形：案卷中没有行政处罚决定书。
    """

    code = "E02"
    name = "party-identity-unproven"
    title = "当事人身份有证明"
    category = "E"
    legal_basis = (Basis("中华人民共和国行政处罚法", "第五十九条第（一）项"),)

    def check(self, ctx: Context) -> Outcome:
        decision = ctx.decision
        proofs = ctx.docs(DocType.IDENTITY_PROOF)
        if proofs:
            return self.passed(evidence=[loc_of(d) for d in proofs])
        ids = [decision.fields[k] for k in ("credit_code", "id_number") if decision.fields.get(k)]
        if ids:
            return self.passed(evidence=[loc_of(decision, v) for v in ids])
        return ctx.absent(
            self,
            f"案卷中没有营业执照、身份证复印件等当事人身份证明，{doc_label(decision)}也未载明统一社会信用代码或公民身份号码",
            [loc_of(decision, decision.fields.get("party"))],
        )
