"""T03 — no decision before the statement period after the advance notice ends."""

from __future__ import annotations

import datetime as dt

from casereview.model import DocType, Document, Outcome, Value
from casereview.rules.base import Basis, Context, Rule, doc_label, loc_of
from casereview.rules.timing import (
    CalendarUnknown,
    as_date,
    calendar_unknown_reason,
    date_of,
    fmt,
    measure,
    service_of,
)


def _dated(doc: Document) -> tuple[dt.date, Value] | None:
    v = date_of(doc)
    day = as_date(v.value) if v is not None else None
    return (day, v) if day is not None else None


class T03(Rule):
    """陈述申辩期限未届满即作出处罚决定

    检查内容：事先告知书送达后，应当给当事人陈述、申辩的期间（评查标准参数 notice_wait_days，
    默认 5 日；市场监管等可设为 5 个工作日，工作日按国家法定节假日及调休计算）。决定书落款日期距告知书
    送达日期（送达回证日期；无回证时取当事人在告知书上签收的日期，再无则取告知书日期并在结论中说明）
    少于该期间的，不合格；但当事人在决定作出前已书面陈述申辩或声明放弃（陈述申辩笔录、放弃声明）的除外。
    依据：《中华人民共和国行政处罚法》第四十四条、第四十五条、第六十二条。
    不合格示例：告知书 2024-10-08 送达，2024-10-11 即作出决定（仅 3 个工作日），当事人没有陈述申辩或放弃声明。
    合格示例：告知书 2024-10-08 送达，2024-10-14 作出决定（10-12 周六调休上班，共 5 个工作日）。
    不适用情形：案卷中没有行政处罚决定书或事先告知书。日期认不出、所需年份的节假日安排未知时交人工核查。
    """

    code = "T03"
    name = "decision-before-notice-period"
    title = "陈述申辩期满后作出决定"
    category = "T"
    legal_basis = (
        Basis("中华人民共和国行政处罚法", "第四十四条"),
        Basis("中华人民共和国行政处罚法", "第四十五条"),
        Basis("中华人民共和国行政处罚法", "第六十二条"),
    )

    def applies(self, ctx: Context) -> str | None:
        if ctx.decision is None:
            return "案卷中没有行政处罚决定书"
        if not ctx.has(DocType.ADVANCE_NOTICE):
            return "案卷中没有事先告知书（见 N01）"
        return None

    def check(self, ctx: Context) -> Outcome:
        decision = ctx.decision
        decided = _dated(decision)
        if decided is None:
            return self.manual(
                f"{doc_label(decision)}的落款日期未能识别，无法计算陈述申辩期间", [loc_of(decision)]
            )
        day, decided_v = decided
        notice = self._notice(ctx, day)
        service = service_of(ctx, notice)
        if service is not None and service.date is not None:
            start_v, note = service.date, ""
            what = "签收日期" if service.document is notice else "送达日期"
        elif _dated(notice) is not None:
            start_v, what = _dated(notice)[1], "落款日期"
            note = (
                "（未见送达回证，按告知书落款日期计算）"
                if service is None
                else f"（{doc_label(service.document)}的送达日期未能识别，按告知书落款日期计算）"
            )
        else:
            return self.manual(
                f"{doc_label(notice)}既无可识别的送达日期，也无落款日期，无法计算陈述申辩期间",
                [loc_of(notice), loc_of(decision, decided_v)],
            )
        start = as_date(start_v.value)
        start_doc = service.document if service is not None and service.date is start_v else notice
        evidence = [ctx.at(start_doc, start_v), ctx.at(decision, decided_v)]
        read = [(start_doc, start_v), (decision, decided_v)]
        try:
            days, lim = measure(ctx, "notice_wait_days", start, day, default=5)
        except CalendarUnknown as exc:
            return self.manual(calendar_unknown_reason(exc), evidence)
        unit = lim.unit_zh
        span = f"告知书{what} {fmt(start)} 至决定书落款日期 {fmt(day)} 共 {days} {unit}{note}"
        if days >= lim.days:
            return self.read_surely(ctx, self.passed(f"{span}，不少于 {lim}", evidence), *read)
        statement = self._statement_before(ctx, day)
        if statement is not None:
            doc, v = statement
            return self.read_surely(
                ctx,
                self.passed(
                    f"{span}，少于 {lim}，但当事人已于 {fmt(as_date(v.value))} 陈述申辩或放弃（{doc_label(doc)}）",
                    evidence + [ctx.at(doc, v)],
                ),
                *read,
                (doc, v),
            )
        return self.read_surely(
            ctx,
            ctx.absent(
                self,
                f"{span}，少于 {lim}的陈述申辩期间，且案卷中无当事人在决定前的陈述申辩或放弃声明",
                evidence,
            ),
            *read,
        )

    @staticmethod
    def _notice(ctx: Context, decided: dt.date) -> Document:
        """The latest advance notice dated no later than the decision (else the last one in the file)."""
        notices = ctx.docs(DocType.ADVANCE_NOTICE)
        dated = [(d[0], n) for n in notices if (d := _dated(n)) is not None and d[0] <= decided]
        return max(dated, key=lambda t: t[0])[1] if dated else notices[-1]

    @staticmethod
    def _statement_before(ctx: Context, decided: dt.date) -> tuple[Document, Value] | None:
        """The party's statement, defence or waiver dated no later than the decision.

        A bare hearing request is not a statement: the statement period still runs.
        """
        for doc in ctx.docs(DocType.STATEMENT_RECORD):
            if doc.fields.get("hearing_requested") and not doc.fields.get("waiver") and "听证" in doc.title:
                continue
            d = _dated(doc)
            if d is not None and d[0] <= decided:
                return doc, d[1]
        return None
