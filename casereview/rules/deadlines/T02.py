"""T02 — the decision served within the service period."""

from __future__ import annotations

from casereview.model import DocType, Outcome
from casereview.rules.base import Basis, Context, DecisionRule, doc_label, loc_of
from casereview.rules.timing import (
    CalendarUnknown,
    as_date,
    calendar_unknown_reason,
    decision_day,
    fmt,
    measure,
    service_of,
)


class T02(DecisionRule):
    """处罚决定书未在七日内送达

    检查内容：行政处罚决定书应当在宣告后当场交付当事人；当事人不在场的，应当在七日内（评查标准参数
    service_days）送达。以送达回证（或当事人在决定书上签收）的日期减去决定书落款日期计算。
    案卷中没有决定书的任何送达凭证的，不能证明按期送达，判为不合格。
    依据：《中华人民共和国行政处罚法》第六十一条。
    不合格示例：决定书落款 2024-03-29，送达回证载明送达时间 2024-04-12，相隔 14 日。
    合格示例：决定书落款 2024-03-29，同日直接送达，当事人签收。
    不适用情形：案卷中没有行政处罚决定书。决定书或送达回证日期认不出、送达回证认不出所送文书时交人工核查。
    """

    code = "T02"
    name = "decision-served-late"
    title = "处罚决定书在七日内送达"
    category = "T"
    legal_basis = (Basis("中华人民共和国行政处罚法", "第六十一条"),)

    def check(self, ctx: Context) -> Outcome:
        decision = ctx.decision
        decided_v, decided = decision_day(decision)
        if decided is None:
            return self.manual(
                f"{doc_label(decision)}的落款日期未能识别，无法计算送达期限", [loc_of(decision)]
            )
        service = service_of(ctx, decision)
        if service is None:
            unknown = [r for r in ctx.docs(DocType.SERVICE_RECEIPT) if not r.service.served]
            if unknown:
                return self.manual(
                    f"未见写明送达处罚决定书的送达回证；{doc_label(unknown[0])}未能识别所送达的文书，"
                    "请人工核对",
                    [loc_of(r) for r in unknown],
                )
            return ctx.absent(
                self,
                f"未见{doc_label(decision)}的送达回证或当事人签收，无法证明决定书已按期送达",
                [ctx.at(decision, decided_v)],
            )
        if service.date is None:
            return self.manual(
                f"{doc_label(service.document)}的送达日期未能识别，无法计算送达期限",
                [loc_of(service.document), loc_of(decision, decided_v)],
            )
        served = as_date(service.date.value)
        evidence = [ctx.at(decision, decided_v), ctx.at(service.document, service.date)]
        read = ((decision, decided_v), (service.document, service.date))
        try:
            days, lim = measure(ctx, "service_days", decided, served, default=7)
        except CalendarUnknown as exc:
            return self.manual(calendar_unknown_reason(exc), evidence)
        unit = lim.unit_zh
        span = f"决定书落款日期 {fmt(decided)}，送达日期 {fmt(served)}（{doc_label(service.document)}），相隔 {days} {unit}"
        if days > lim.days:
            return self.read_surely(ctx, self.failed(f"{span}，超过 {lim}", evidence), *read)
        return self.read_surely(ctx, self.passed(span, evidence), *read)
