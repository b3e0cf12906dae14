"""P01 — the decision publicised within the working-day limit."""

from __future__ import annotations

from casereview.model import DocType, Document, Outcome, Value
from casereview.rules.base import (
    SISHUI_MEASURES,
    YANSHAN_NINE_MEASURES,
    Basis,
    Context,
    Rule,
    doc_label,
    loc_of,
)
from casereview.rules.common import penalty
from casereview.rules.timing import (
    CalendarUnknown,
    as_date,
    calendar_unknown_reason,
    date_of,
    deadline,
    elapsed,
    limit,
)

WARNING_ONLY = {"警告"}


def _publicity_date(doc: Document) -> Value | None:
    v = doc.fields.get("publicity_date")
    if isinstance(v, Value) and as_date(v.value) is not None:
        return v
    return doc.date if doc.date is not None and as_date(doc.date.value) is not None else None


class P01(Rule):
    """处罚决定未在规定期限内公示

    检查内容：作出警告以外的行政处罚决定后，应在规定期限内（默认 7 个工作日，
    评查标准参数 publicity_working_days；工作日按国家法定节假日安排计算，含调休）通过信用信息公示系统等公开，
    案卷中应有行政处罚信息公示记录，公示日期距决定日期不超过期限。
    依据：《中华人民共和国行政处罚法》第四十八条；
    泗水县人民政府办公室《关于深入推进依法行政工作的若干措施》第五项（行政处罚决定在作出之日起7个工作日内公示）；
    砚山县人民政府办公室《砚山县贯彻落实〈文山州行政执法成效评估意见〉九条措施》第九条。
    不合格示例：决定书落款 2024年9月27日，公示日期 2024年10月14日（第 7 个工作日是 10月12日，国庆调休的星期六）；
    案卷中没有公示记录。
    合格示例：决定书 2024年3月29日作出，公示日期 2024年4月3日（第 3 个工作日）。
    不适用情形：案卷中没有行政处罚决定书；处罚仅为警告。
    决定书落款日期或公示日期读不出，或所涉年份的节假日安排不在日历中时，结果为“人工核查”。
    """

    code = "P01"
    name = "decision-publicity-late"
    title = "处罚决定按期公示"
    category = "P"
    legal_basis = (
        Basis("中华人民共和国行政处罚法", "第四十八条"),
        SISHUI_MEASURES.at("第五项"),
        YANSHAN_NINE_MEASURES.at("第九条"),
    )

    def applies(self, ctx: Context) -> str | None:
        if ctx.decision is None:
            return "案卷中没有行政处罚决定书"
        p = penalty(ctx)
        if p.types and set(p.types) <= WARNING_ONLY and p.fine is None and p.confiscation is None:
            return "处罚仅为警告，无需公示"
        return None

    def check(self, ctx: Context) -> Outcome:
        decision = ctx.decision
        p = penalty(ctx)
        if not p.types and p.fine is None and p.confiscation is None:
            unknown_penalty = f"未能从{doc_label(decision)}读出处罚种类，无法判断是否仅为警告"
        else:
            unknown_penalty = ""
        records = ctx.docs(DocType.PUBLICITY_RECORD)
        if not records:
            if unknown_penalty:
                return self.manual(f"{unknown_penalty}；案卷中未见公示记录，请人工核查", [loc_of(decision)])
            what = "、".join(p.types) or "罚没"
            return ctx.absent(
                self, f"{doc_label(decision)}处以{what}，但案卷中未见行政处罚信息公示记录", [loc_of(decision)]
            )
        decided = date_of(decision)
        day = as_date(decided.value) if decided is not None else None
        if day is None:
            return self.manual(
                f"未能读出{doc_label(decision)}的落款日期，无法计算公示期限，请人工核查",
                [loc_of(decision)] + [loc_of(r) for r in records],
            )
        dated = [(r, v) for r in records if (v := _publicity_date(r)) is not None]
        if not dated:
            return self.manual(
                "未能读出公示记录的公示日期：" + "、".join(doc_label(r) for r in records) + "，请人工核查",
                [loc_of(r) for r in records],
            )
        lim = limit(ctx, "publicity_working_days", on=day, default={"days": 7, "unit": "working"})
        try:
            last_day = deadline(ctx, day, lim)
            results = [
                (r, v, as_date(v.value), elapsed(ctx, day, as_date(v.value), lim.unit)) for r, v in dated
            ]
        except CalendarUnknown as exc:
            return self.manual(
                calendar_unknown_reason(exc), [loc_of(decision, decided)] + [v.loc for _, v in dated]
            )
        on_time = [(r, v) for r, v, d, _ in results if day <= d <= last_day]
        if on_time:
            r, v = on_time[0]
            return self.read_surely(
                ctx,
                self.passed(evidence=[ctx.at(decision, decided), ctx.at(r, v)]),
                (decision, decided),
                (r, v),
            )
        early = [(r, v, d) for r, v, d, _ in results if d < day]
        late = [(r, v, d, n) for r, v, d, n in results if d > last_day]
        if late:
            r, v, d, _ = min(late, key=lambda t: t[2])
            message = (
                f"{doc_label(r)}公示日期 {d.isoformat()} 晚于公示期限届满日 {last_day.isoformat()}"
                f"（决定书落款日期 {day.isoformat()} 后 {lim}）"
            )
            evidence = [ctx.at(decision, decided), ctx.at(r, v)]
            if unknown_penalty:
                return self.manual(f"{message}；但{unknown_penalty}，请人工核查", evidence)
            return self.read_surely(ctx, self.failed(message, evidence), (decision, decided), (r, v))
        r, v, d = early[0]
        return self.manual(
            f"{doc_label(r)}公示日期 {d.isoformat()} 早于决定书落款日期 {day.isoformat()}，"
            "日期可能读错或记载有误，请人工核查",
            [ctx.at(decision, decided), ctx.at(r, v)],
        )
