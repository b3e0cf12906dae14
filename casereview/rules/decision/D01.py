"""D01 — the decision identifies the party: name and address."""

from __future__ import annotations

from casereview.model import Outcome
from casereview.rules.base import Basis, Context, DecisionRule, doc_label, loc_of


class D01(DecisionRule):
    """处罚决定书未载明当事人姓名（名称）或地址

    检查内容：行政处罚决定书应当载明当事人的姓名或者名称、地址（住所、住址、经营场所）。
    依据：《中华人民共和国行政处罚法》第五十九条第一款第（一）项。
    不合格示例：决定书只写“当事人：青山县某某商贸有限公司”，没有住所或地址。
    合格示例：“当事人：青山县某某商贸有限公司 …… 住所：青山县城关镇解放路88号”。
    不适用情形：案卷中没有行政处罚决定书。
    """

    code = "D01"
    name = "decision-party-incomplete"
    title = "决定书载明当事人姓名（名称）和地址"
    category = "D"
    legal_basis = (Basis("中华人民共和国行政处罚法", "第五十九条第一款第（一）项"),)

    def check(self, ctx: Context) -> Outcome:
        decision = ctx.decision
        party = decision.fields.get("party")
        address = decision.fields.get("party_address")
        missing = [
            what for what, v in (("当事人姓名（名称）", party), ("当事人地址（住所）", address)) if v is None
        ]
        if missing:
            found = [loc_of(decision, v) for v in (party, address) if v is not None] or [loc_of(decision)]
            return ctx.absent(
                self, f"{doc_label(decision)}未载明{'和'.join(missing)}", found, within=[decision]
            )
        return self.passed(
            f"当事人 {party.value}，地址 {address.value}",
            [loc_of(decision, party), loc_of(decision, address)],
        )
