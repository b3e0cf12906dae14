"""A03 — performance of a fine or confiscation recorded."""

from __future__ import annotations

import re

from casereview.model import DocType, Document, Outcome
from casereview.rules.base import Basis, Context, Rule, doc_label, loc_of
from casereview.rules.common import penalty

MONEY_PENALTIES = ("罚款", "没收违法所得", "没收非法财物")


def _is_demand_only(doc: Document) -> bool:
    """A 履行催告书: it demands performance, it does not record it."""
    return bool(re.search(r"催告", doc.title or "")) and not re.search(r"强制执行", doc.title or "")


class A03(Rule):
    """处以罚款或没收的案卷无履行（缴款）凭证

    检查内容：决定罚款、没收违法所得（非法财物）的，案卷中应有罚没款缴款凭证（非税收入票据、银行缴款回单），
    或当事人不履行时的强制执行申请书，以证明决定已履行或已申请强制执行。
    依据：《中华人民共和国行政处罚法》第六十六条至第七十二条。
    不合格示例：决定罚款伍万元，案卷中没有缴款凭证，也没有强制执行申请书；只有履行催告书。
    合格示例：案卷附《非税收入一般缴款书》，金额与决定一致；或附《强制执行申请书》。
    不适用情形：案卷中没有行政处罚决定书；处罚不含罚款和没收（如仅警告、责令停产停业）。
    """

    code = "A03"
    name = "payment-proof-missing"
    title = "罚没款履行有凭证"
    category = "A"
    legal_basis = (Basis("中华人民共和国行政处罚法", "第六十六条至第七十二条"),)

    def applies(self, ctx: Context) -> str | None:
        if ctx.decision is None:
            return "案卷中没有行政处罚决定书"
        p = penalty(ctx)
        if (
            p.fine is None
            and p.confiscation is None
            and p.types
            and not any(t in MONEY_PENALTIES for t in p.types)
        ):
            return f"处罚（{'、'.join(p.types)}）不含罚款或没收"
        return None

    def check(self, ctx: Context) -> Outcome:
        decision = ctx.decision
        p = penalty(ctx)
        proofs = ctx.docs(DocType.PAYMENT_PROOF)
        records = [d for d in proofs if not _is_demand_only(d)]
        if records:
            return self.passed(evidence=[loc_of(d) for d in records])
        what = self._what(p)
        if not what:
            return self.manual(
                f"未能从{doc_label(decision)}读出处罚内容，无法判断是否处以罚款或没收；"
                "案卷中未见缴款凭证或强制执行申请书，请人工核查",
                [loc_of(decision)],
            )
        evidence = self._penalty_locs(ctx, decision)
        if proofs:
            return ctx.absent(
                self,
                f"{doc_label(decision)}决定{what}，案卷中仅有"
                f"{'、'.join(doc_label(d) for d in proofs)}，未见缴款凭证或强制执行申请书",
                evidence + [loc_of(d) for d in proofs],
            )
        return ctx.absent(
            self,
            f"{doc_label(decision)}决定{what}，但案卷中未见罚没款缴款凭证，也未见强制执行申请书",
            evidence,
        )

    @staticmethod
    def _what(p) -> str:
        parts = []
        if p.fine is not None:
            parts.append(f"罚款 {p.fine:,.2f} 元")
        elif "罚款" in p.types:
            parts.append("罚款")
        if p.confiscation is not None:
            parts.append(f"没收 {p.confiscation:,.2f} 元")
        parts += [t for t in p.types if t.startswith("没收") and p.confiscation is None]
        return "、".join(parts)

    @staticmethod
    def _penalty_locs(ctx: Context, decision: Document) -> list:
        """Where the decision states the sums the message names (the fine, the confiscation), else its penalty."""
        pen = decision.penalty
        sums = [ctx.at(decision, v) for v in (pen.fine, pen.confiscation) if v is not None]
        if sums:
            return list(dict.fromkeys(sums))
        return [loc_of(decision, pen.types) if pen.types is not None else loc_of(decision)]
