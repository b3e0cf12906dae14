"""L04 — major cases are decided by collective discussion."""

from __future__ import annotations

from casereview.model import DocType, Outcome
from casereview.rules.base import SISHUI_MEASURES, Basis, Context, Rule, doc_label, loc_of
from casereview.rules.common import heavy, major_case, weak_amounts
from casereview.rules.review.L01 import describe_penalty, penalty_evidence


class L04(Rule):
    """重大案件未经负责人集体讨论

    检查内容：情节复杂或者重大违法行为给予行政处罚的（默认：处罚达到听证条件的案件，评查标准的
    major_case 参数可扩大范围），行政机关负责人应当集体讨论决定，案卷中应有集体讨论记录。
    依据：《中华人民共和国行政处罚法》第五十七条第二款；
    泗水县人民政府办公室《关于深入推进依法行政工作的若干措施》第八项（情节复杂或重大的行政执法决定应集体讨论决定）。
    不合格示例：吊销许可证件的决定，案卷中没有集体讨论记录。
    合格示例：案卷中有《重大案件集体讨论记录》，载明参加人员、讨论意见和结论。
    不适用情形：案卷中没有行政处罚决定书；处罚未达听证条件且不属于评查标准列明的重大案件。
    罚没金额是从扫描页上以低置信度识别出的、且案卷中没有相应文书时，交人工核查。
    当事人类型不明、无法判断是否重大案件时，若无集体讨论记录，交人工核查。
    """

    code = "L04"
    name = "major-case-without-collective-discussion"
    title = "重大案件经负责人集体讨论决定"
    category = "L"
    legal_basis = (
        Basis("中华人民共和国行政处罚法", "第五十七条第二款"),
        SISHUI_MEASURES.at("第八项"),
    )

    def applies(self, ctx: Context) -> str | None:
        if ctx.decision is None:
            return "案卷中没有行政处罚决定书"
        if major_case(ctx) is False and not weak_amounts(ctx):
            return f"处罚（{describe_penalty(ctx)}）未达听证条件，不属于重大案件"
        return None

    def check(self, ctx: Context) -> Outcome:
        decision = ctx.decision
        discussions = ctx.docs(DocType.COLLECTIVE_DISCUSSION)
        if discussions:
            return self.passed(evidence=[loc_of(d) for d in discussions])
        weak = weak_amounts(ctx)
        if weak and not heavy(ctx):
            return self.manual(
                f"{doc_label(decision)}的处罚金额识别为{'、'.join(map(str, weak))}，识别置信度低，无法可靠判断"
                "是否属于重大案件；案卷中未见集体讨论记录，请人工核查",
                [r.loc for r in weak],
            )
        if major_case(ctx) is None:
            return self.manual(
                f"{doc_label(decision)}的处罚（{describe_penalty(ctx)}）是否达到听证条件取决于当事人是个人还是单位，"
                "当事人类型未能识别；案卷中未见集体讨论记录，请人工判断是否属于重大案件",
                penalty_evidence(decision),
            )
        return ctx.absent(
            self, f"重大案件（{describe_penalty(ctx)}）未见负责人集体讨论记录", penalty_evidence(decision)
        )
