"""L01 — major cases pass legal review before the decision."""

from __future__ import annotations

from casereview.model import DocType, Document, Location, Outcome
from casereview.rules.base import (
    SISHUI_MEASURES,
    WEIXI_THREE_SYSTEMS,
    Basis,
    Context,
    Rule,
    doc_label,
    loc_of,
)
from casereview.rules.common import heavy, major_case, penalty, weak_amounts


def describe_penalty(ctx: Context) -> str:
    """The decided penalty in a few words: 罚款 50000 元、吊销许可证件."""
    p = penalty(ctx)
    parts = [t for t in p.types if t != "罚款"]
    if p.fine is not None:
        parts.insert(0, f"罚款 {p.fine:,.0f} 元")
    elif "罚款" in p.types:
        parts.insert(0, "罚款")
    if p.confiscation is not None and not any(t.startswith("没收") for t in parts):
        parts.append(f"没收 {p.confiscation:,.0f} 元")
    return "、".join(parts) or "处罚内容未能识别"


def penalty_evidence(decision: Document) -> list[Location]:
    """Where the decision states its penalty: the sums the message names (fine, confiscation), else the penalty
    types, else its title."""
    pen = decision.penalty
    sums = [loc_of(decision, v) for v in (pen.fine, pen.confiscation) if v is not None]
    if sums:
        return list(dict.fromkeys(sums))
    return [loc_of(decision, pen.types) if pen.types is not None else loc_of(decision)]


class L01(Rule):
    """重大执法决定未经法制审核

    检查内容：重大执法决定（默认：处罚达到听证条件的案件，评查标准的 major_case 参数可扩大范围）
    在作出决定前应当经过法制审核，案卷中应有法制审核意见书（审核表）。
    依据：《中华人民共和国行政处罚法》第五十八条；
    泗水县人民政府办公室《关于深入推进依法行政工作的若干措施》第五项（重大执法决定法制审核制度）；
    维西傈僳族自治县农业农村局《维西县全面推行行政执法公示制度执法全过程记录制度重大行政执法决定法制审核制度的实施方案》第二部分（三）。
    不合格示例：对企业罚款 20 万元的决定书，案卷中没有任何法制审核文书。
    合格示例：对企业罚款 20 万元，案卷中有《重大执法决定法制审核表》，载明审核意见。
    不适用情形：案卷中没有行政处罚决定书；处罚未达听证条件且不属于评查标准列明的重大案件。
    罚没金额是从扫描页上以低置信度识别出的、且案卷中没有相应文书时，交人工核查。
    当事人类型不明、无法判断罚款是否达到听证标准时，若无法制审核文书，交人工核查。
    """

    code = "L01"
    name = "major-case-without-legal-review"
    title = "重大执法决定经法制审核"
    category = "L"
    legal_basis = (
        Basis("中华人民共和国行政处罚法", "第五十八条"),
        SISHUI_MEASURES.at("第五项"),
        WEIXI_THREE_SYSTEMS.at("第二部分（三）"),
    )

    def applies(self, ctx: Context) -> str | None:
        if ctx.decision is None:
            return "案卷中没有行政处罚决定书"
        if major_case(ctx) is False and not weak_amounts(ctx):
            return f"处罚（{describe_penalty(ctx)}）未达听证条件，不属于重大执法决定"
        return None

    def check(self, ctx: Context) -> Outcome:
        decision = ctx.decision
        reviews = ctx.docs(DocType.LEGAL_REVIEW)
        if reviews:
            return self.passed(evidence=[loc_of(r) for r in reviews])
        weak = weak_amounts(ctx)
        if weak and not heavy(ctx):
            return self.manual(
                f"{doc_label(decision)}的处罚金额识别为{'、'.join(map(str, weak))}，识别置信度低，无法可靠判断"
                "是否属于重大案件；案卷中未见法制审核文书，请人工核查",
                [r.loc for r in weak],
            )
        if major_case(ctx) is None:
            return self.manual(
                f"{doc_label(decision)}的处罚（{describe_penalty(ctx)}）是否达到听证条件取决于当事人是个人还是单位，"
                "当事人类型未能识别；案卷中未见法制审核文书，请人工判断是否属于重大执法决定",
                penalty_evidence(decision),
            )
        return ctx.absent(
            self,
            f"重大执法决定（{describe_penalty(ctx)}）作出前未见法制审核意见书（审核表）",
            penalty_evidence(decision),
        )
