"""D07 — the decision's closing names the agency and the date."""

from __future__ import annotations

from casereview.model import Outcome
from casereview.rules.base import Basis, Context, DecisionRule, doc_label, is_scanned, loc_of


class D07(DecisionRule):
    """处罚决定书落款缺少机关名称或日期

    检查内容：决定书的落款应当有作出决定的行政机关名称和作出决定的日期（年月日）。
    只看落款：文首的机关名称（版头）和正文中的日期不能代替落款。
    依据：《中华人民共和国行政处罚法》第五十九条第一款第（六）项、第二款。
    不合格示例：决定书末尾只有“（印章）”，没有机关名称和日期；或有机关名称而日期空白“年 月 日”。
    合格示例：末尾“青山县市场监督管理局 / 二〇二四年三月二十九日”。
    不适用情形：案卷中没有行政处罚决定书。扫描件落款无机关名称文字但盖有印章的（名称可能在印章下未能识别），交人工核对；
    落款有形似日期但读不成有效日期的文字（扫描识别误差、笔误）的，交人工核对。
    """

    code = "D07"
    name = "decision-closing-incomplete"
    title = "决定书落款载明机关名称和日期"
    category = "D"
    legal_basis = (Basis("中华人民共和国行政处罚法", "第五十九条第一款第（六）项"),)

    def check(self, ctx: Context) -> Outcome:
        decision = ctx.decision
        agency = decision.fields.get("closing_agency")
        date = decision.fields.get("closing_date")
        if agency is not None and date is not None:
            return self.passed(
                f"落款 {agency.value} {date.value.isoformat()}",
                [loc_of(decision, agency), loc_of(decision, date)],
            )
        missing = [what for what, v in (("机关名称", agency), ("日期", date)) if v is None]
        found = [loc_of(decision, v) for v in (agency, date) if v is not None]
        unread = decision.fields.get("closing_date_unread")
        if date is None and unread is not None:
            return self.manual(
                f"{doc_label(decision)}落款日期“{unread.value}”无法识别为有效日期（可能是识别误差或笔误），"
                "请人工核对落款日期",
                found + [loc_of(decision, unread)],
            )
        seals = [s for s in decision.fields.get("seals", []) if s.value.get("near_closing")]
        if agency is None and seals and is_scanned(decision):
            return self.manual(
                f"{doc_label(decision)}落款处未见机关名称文字，仅有印章，请人工核对印章上的机关名称"
                + ("；落款也没有日期" if date is None else ""),
                found + [loc_of(decision, seals[0])],
            )
        sealed = "（虽盖有印章，落款未写明机关名称）" if agency is None and seals else ""
        return ctx.absent(
            self,
            f"{doc_label(decision)}落款缺少{'和'.join(missing)}{sealed}",
            (found or [loc_of(decision)]) + [loc_of(decision, s) for s in seals[:1]],
            within=[decision],
        )
