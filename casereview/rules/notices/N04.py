"""N04 — the hearing right is notified when the penalty qualifies for a hearing."""

from __future__ import annotations

from casereview.model import DocType, Outcome
from casereview.rules.base import SISHUI_MEASURES, Basis, Context, Rule, doc_label, loc_of
from casereview.rules.common import (
    HEAVY_PENALTIES,
    CasePenalty,
    hearing_due,
    hearing_threshold,
    heavy,
    party_kind,
    penalty,
    proposed,
    weak_amounts,
)

KIND = {"person": "个人", "organization": "单位"}


def _yuan(x: float) -> str:
    return f"{int(x)}" if float(x).is_integer() else f"{x:.2f}"


def _describe(p: CasePenalty) -> str:
    """What makes a penalty qualify: a listed penalty type, or the amount."""
    which = "决定书" if p.source == "decision" else "告知书拟"
    heavy = [t for t in p.types if t in HEAVY_PENALTIES]
    if heavy:
        return f"{which}{'、'.join(heavy)}"
    parts = []
    if p.fine is not None:
        parts.append(f"{which}罚款 {_yuan(p.fine)} 元")
    if p.confiscation is not None:
        parts.append(f"{which}没收 {_yuan(p.confiscation)} 元")
    if not parts and p.types:
        parts.append(f"{which}{'、'.join(p.types)}")
    return "，".join(parts) or "处罚内容不详"


def _standard(ctx: Context, p: CasePenalty) -> str:
    """The hearing threshold that applies to this party, as the message states it."""
    th = hearing_threshold(ctx)
    if th is None or any(t in HEAVY_PENALTIES for t in p.types):
        return ""
    kind = KIND.get(party_kind(ctx) or "", "")
    return f"{kind}听证标准为{'' if th.inclusive else '超过'} {_yuan(th.amount)} 元"


def _penalty_locs(ctx: Context, p: CasePenalty) -> list:
    doc = ctx.decision if p.source == "decision" else (ctx.docs(DocType.ADVANCE_NOTICE) or [None])[-1]
    if doc is None:
        return []
    pen = doc.penalty
    members = (pen.types, pen.fine, pen.confiscation) if pen is not None else ()
    return [loc_of(doc, v) for v in members if v is not None] or [loc_of(doc)]


class N04(Rule):
    """处罚达到听证条件但未告知听证权利

    检查内容：拟作出或作出的处罚达到听证条件的（罚款、没收金额达到听证标准：个人
    {hearing.fine_person_yuan} 元、单位 {hearing.fine_org_yuan} 元；或降低资质等级、吊销许可证件、
    责令停产停业、责令关闭、限制从业等），事先告知书或听证告知书应告知当事人有要求听证的权利。
    依据：《中华人民共和国行政处罚法》第六十三条、第六十四条；
    泗水县人民政府办公室《关于深入推进依法行政工作的若干措施》第八项（对公民处以500元以上罚款、对法人或者其他组织处以20000元以上罚款的，要告知并组织听证）。
    不合格示例：对公司拟罚款 150000 元，告知书只告知陈述、申辩权，案卷中也没有听证告知书。
    合格示例：告知书写明“你单位有权要求举行听证，可在收到本告知书之日起五日内提出”；
    或案卷有行政处罚听证告知书。
    不适用情形：处罚未达到听证条件。当事人是个人还是单位不能确定、而罚款额只达到其中一类标准时，
    若也未告知听证权利，结果为“人工核查”；罚没金额是从扫描页上以低置信度识别出的，也交人工核查。
    """

    code = "N04"
    name = "hearing-right-not-notified"
    title = "达到听证条件的告知听证权利"
    category = "N"
    legal_basis = (
        Basis("中华人民共和国行政处罚法", "第六十三条"),
        Basis("中华人民共和国行政处罚法", "第六十四条"),
        SISHUI_MEASURES.at("第八项"),
    )

    def applies(self, ctx: Context) -> str | None:
        if hearing_due(ctx) is False and not weak_amounts(ctx):
            p = penalty(ctx)
            if p.source == "none":
                return "案卷中没有处罚决定书或事先告知书，无处罚内容"
            return "处罚未达到听证条件：" + "，".join(x for x in (_describe(p), _standard(ctx, p)) if x)
        return None

    def check(self, ctx: Context) -> Outcome:
        notified = []
        for notice in ctx.docs(DocType.ADVANCE_NOTICE):
            right = (notice.fields.get("rights") or {}).get("hearing")
            if right:
                notified.append(loc_of(notice, right))
        notified.extend(loc_of(d) for d in ctx.docs(DocType.HEARING_NOTICE))
        if notified:
            return self.passed(evidence=notified)
        candidates = [p for p in (penalty(ctx), proposed(ctx)) if p.source != "none"]
        due = [p for p in candidates if hearing_due(ctx, p)]
        notices = ctx.docs(DocType.ADVANCE_NOTICE)
        where = (
            f"{'、'.join(doc_label(n) for n in notices)}未告知听证权利，案卷中也没有听证告知书"
            if notices
            else "案卷中没有告知听证权利的告知书或听证告知书"
        )
        weak = weak_amounts(ctx)
        if weak and not heavy(ctx):
            # Whether the sum reaches the threshold rests on a poorly read figure: not decided either way.
            return self.manual(
                f"{where}；处罚金额识别为{'、'.join(map(str, weak))}，识别置信度低，"
                "无法可靠判断是否达到听证条件，请人工核查",
                [r.loc for r in weak] + [loc_of(n) for n in notices],
            )
        if not due:
            p = candidates[0]
            return self.manual(
                f"{_describe(p)}，当事人是个人还是单位未能确定，无法判断是否达到听证条件；{where}，请人工核查",
                _penalty_locs(ctx, p) + [loc_of(n) for n in notices],
            )
        p = due[0]
        standard = _standard(ctx, p)
        return ctx.absent(
            self,
            f"{_describe(p)}{f'（{standard}）' if standard else ''}，达到听证条件，但{where}",
            _penalty_locs(ctx, p) + [loc_of(n) for n in notices],
        )
