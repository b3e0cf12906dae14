"""D05 — the decision states how and by when to pay."""

from __future__ import annotations

from casereview.model import Outcome
from casereview.rules.base import Basis, Context, Rule, doc_label, loc_of


class D05(Rule):
    """处罚决定书未载明罚款缴纳期限或方式

    检查内容：决定书处以罚款的，应当载明履行的期限（如“自收到本决定书之日起十五日内”）和方式、
    地点（到指定银行缴纳、通过电子支付系统缴纳、缴入国库……）。
    依据：《中华人民共和国行政处罚法》第五十九条第一款第（四）项、第六十七条。
    不合格示例：“决定对你单位罚款人民币伍仟元整。”此后直接告知复议诉讼权利，没有缴纳期限和地点。
    合格示例：“当事人应当自收到本决定书之日起十五日内，持本决定书到中国农业银行青山县支行缴纳罚款。”
    不适用情形：案卷中没有行政处罚决定书；决定未处以罚款（如仅警告、吊销许可证件）。
    决定书的处罚内容未能识别时交人工核查。
    """

    code = "D05"
    name = "payment-deadline-or-manner-missing"
    title = "决定书载明罚款缴纳期限和方式"
    category = "D"
    legal_basis = (
        Basis("中华人民共和国行政处罚法", "第五十九条第一款第（四）项"),
        Basis("中华人民共和国行政处罚法", "第六十七条"),
    )

    def applies(self, ctx: Context) -> str | None:
        decision = ctx.decision
        if decision is None:
            return "案卷中没有行政处罚决定书"
        types = decision.penalty.type_list
        if types and "罚款" not in types and decision.penalty.fine is None:
            return f"决定未处以罚款（{'、'.join(types)}）"
        return None

    def check(self, ctx: Context) -> Outcome:
        decision = ctx.decision
        f, pen = decision.fields, decision.penalty
        fine = pen.fine
        if fine is None and pen.types is None:
            return self.manual(
                f"{doc_label(decision)}的处罚内容未能识别，无法判断是否处以罚款", [loc_of(decision)]
            )
        deadline = f.get("payment_deadline")
        manner = f.get("payment_manner")
        missing = [what for what, v in (("缴纳期限", deadline), ("缴纳方式或地点", manner)) if v is None]
        where = [loc_of(decision, fine)] if fine is not None else [loc_of(decision, pen.types)]
        if missing:
            what = f"罚款 {fine.value:,.0f} 元" if fine is not None else "罚款"
            return ctx.absent(
                self,
                f"{doc_label(decision)}处以{what}，但未载明{'和'.join(missing)}",
                where,
                within=[decision],
            )
        return self.passed(evidence=[loc_of(decision, deadline), loc_of(decision, manner)])
