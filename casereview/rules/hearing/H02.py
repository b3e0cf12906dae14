"""H02 — the hearing notice reaches the party at least {hearing.notice_days} days before the hearing."""

from __future__ import annotations

import datetime as dt
import re

from casereview.model import DocType, Document, Location, Outcome
from casereview.rules.base import Basis, Context, Rule, doc_label, loc_of
from casereview.rules.timing import CalendarUnknown, as_date, elapsed, fmt, limit


def _key(s: str) -> str:
    return re.sub(r"[\s〔〕\[\]【】（）()［］﹝﹞]", "", s or "")


def _scheduled(ctx: Context) -> list[Document]:
    """Hearing notices that fix a hearing date (听证通知书), as opposed to notices of the right only."""
    return [d for d in ctx.docs(DocType.HEARING_NOTICE) if d.fields.get("hearing_date")]


def _served_on(receipt: Document) -> dt.date | None:
    """The day a receipt says the document was served: its service date, else its own date."""
    value = receipt.service.date or receipt.date
    return as_date(value.value) if value is not None else None


def _service(
    ctx: Context, notice: Document, before: dt.date | None
) -> tuple[dt.date | None, Location, str, tuple]:
    """When the notice was served: its service receipt, else the notice's own date; with where, how, and the
    (document, value) read."""
    receipts = [
        r for r in ctx.docs(DocType.SERVICE_RECEIPT) if DocType.HEARING_NOTICE in r.service.served_types
    ]
    if notice.case_number is not None:
        number = _key(notice.case_number.value)
        named = [r for r in receipts if any(number in _key(v.loc.quote) for v in r.service.served)]
        receipts = named or receipts
    dated = [(d, r) for d, r in ((_served_on(r), r) for r in receipts) if d is not None]
    in_time = [(d, r) for d, r in dated if before is None or d <= before]
    if dated:
        # The latest service before the hearing; a notice served only after it counts from that (late) day.
        day, receipt = max(in_time, key=lambda x: x[0]) if in_time else min(dated, key=lambda x: x[0])
        value = receipt.service.date or receipt.date
        return day, ctx.at(receipt, value), f"据{doc_label(receipt)}", (receipt, value)
    if notice.date is not None and as_date(notice.date.value):
        day = as_date(notice.date.value)
        return day, ctx.at(notice, notice.date), "未见其送达回证，按通知书落款日期计", (notice, notice.date)
    return None, loc_of(notice), "", (notice, None)


class H02(Rule):
    """听证通知送达距听证日期不足法定天数

    检查内容：听证通知书应在举行听证的 {hearing.notice_days} 日前送达当事人：听证日期（听证笔录记载的日期，
    读不出时为通知书确定的日期）与听证通知书送达日期（其送达回证的日期；没有送达回证时按通知书落款日期）
    相差不得少于 {hearing.notice_days} 日。期限按评查标准的参数计算，可为自然日或工作日（市场监管：7 个工作日）。
    依据：《中华人民共和国行政处罚法》第六十四条第（二）项。
    不合格示例：听证通知书 2024年6月10日送达，听证于 2024年6月14日举行，仅提前 4 日。
    合格示例：听证通知书 2024年6月3日送达，定于 2024年6月12日举行听证。
    不适用情形：案卷中没有举行或安排听证（没有听证笔录，也没有确定听证日期的听证通知书）。
    读不出送达日期或听证日期、或工作日历不含该年份时，结果为“人工核查”。
    """

    code = "H02"
    name = "hearing-notice-late"
    title = "听证通知在听证七日前送达"
    category = "H"
    legal_basis = (Basis("中华人民共和国行政处罚法", "第六十四条第（二）项"),)

    def applies(self, ctx: Context) -> str | None:
        if not ctx.has(DocType.HEARING_RECORD) and not _scheduled(ctx):
            return "案卷中没有举行或安排听证"
        return None

    def check(self, ctx: Context) -> Outcome:
        record = ctx.last(DocType.HEARING_RECORD)
        held = record.fields.get("hearing_date") if record is not None else None
        notices = _scheduled(ctx)
        if not notices:
            # A 听证通知书 whose date could not be read, as opposed to a 听证告知书 that only offers the right.
            others = [d for d in ctx.docs(DocType.HEARING_NOTICE) if "通知" in (d.title or "")]
            if others:
                return self.manual(
                    f"未能从{'、'.join(doc_label(d) for d in others)}读出听证日期，请人工核查听证通知是否提前送达",
                    [loc_of(d) for d in others],
                )
            return ctx.absent(
                self,
                f"举行了听证（{doc_label(record)}），但案卷中没有确定听证时间、地点的听证通知书",
                [loc_of(record, held)],
            )
        hearing_value = held or notices[-1].fields["hearing_date"]
        hearing_doc = record if held else notices[-1]
        hearing = as_date(hearing_value.value)
        if hearing is None:
            return self.manual("未能读出听证日期，请人工核查听证通知是否提前送达", [loc_of(hearing_doc)])
        before = [
            n
            for n in notices
            if as_date(n.fields["hearing_date"].value) and as_date(n.fields["hearing_date"].value) <= hearing
        ] or notices
        notice = before[-1]
        served, where, how, read = _service(ctx, notice, hearing)
        if served is None:
            return self.manual(
                f"未能读出{doc_label(notice)}的送达日期，请人工核查听证通知是否提前送达", [where]
            )
        lim = limit(ctx, "hearing.notice_days", on=served, default=7)
        try:
            days = elapsed(ctx, served, hearing, lim.unit)
        except CalendarUnknown as exc:
            return self.manual(
                f"工作日历不含所需年份（{exc}），请人工核查听证通知是否提前 {lim} 送达",
                [where, ctx.at(hearing_doc, hearing_value)],
            )
        unit = lim.unit_zh
        evidence = [where, ctx.at(hearing_doc, hearing_value)]
        if days < lim.days:
            return self.read_surely(
                ctx,
                self.failed(
                    f"{doc_label(notice)}于 {fmt(served)} 送达（{how}），听证于 {fmt(hearing)} 举行"
                    f"（{doc_label(hearing_doc)}），仅提前 {days}{unit}，不足 {lim}",
                    evidence,
                ),
                read,
                (hearing_doc, hearing_value),
            )
        return self.read_surely(
            ctx,
            self.passed(f"听证通知送达 {fmt(served)}，听证 {fmt(hearing)}，提前 {days}{unit}", evidence),
            read,
            (hearing_doc, hearing_value),
        )
