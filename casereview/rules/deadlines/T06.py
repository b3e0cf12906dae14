"""T06 — evidence under preservation is dealt with in time."""

from __future__ import annotations

import re

from casereview.model import DocType, Document, Outcome
from casereview.rules.base import Basis, Context, Rule, doc_label, loc_of
from casereview.rules.timing import (
    CalendarUnknown,
    as_date,
    calendar_unknown_reason,
    date_of,
    fmt,
    measure,
)


def _is_notice(doc: Document) -> bool:
    """The notice that puts evidence under preservation (not its approval form, list or handling decision)."""
    kind = doc.fields.get("kind")
    return (kind is not None and kind.value == "notice") and not re.search(r"审批|清单", doc.title)


def _day(doc: Document):
    v = date_of(doc)
    return as_date(v.value) if v is not None else None


def _is_handling(doc: Document) -> bool:
    kind = doc.fields.get("kind")
    return kind is not None and kind.value == "handling"


class T06(Rule):
    """先行登记保存的证据未在七日内作出处理决定

    检查内容：先行登记保存证据的，应当在七日内（评查标准参数 preservation_days，可设为工作日）作出处理决定
    （先行登记保存处理决定书、解除先行登记保存通知书，或转为查封扣押决定）。
    依据：《中华人民共和国行政处罚法》第五十六条。
    不合格示例：2024-03-01 先行登记保存，案卷中没有处理决定；或处理决定 2024-03-15 才作出。
    合格示例：2024-03-01 先行登记保存，2024-03-07 作出先行登记保存物品处理决定书。
    不适用情形：案卷中没有证据先行登记保存通知书。日期认不出时交人工核查。
    """

    code = "T06"
    name = "preservation-not-handled-in-time"
    title = "先行登记保存七日内作出处理决定"
    category = "T"
    legal_basis = (Basis("中华人民共和国行政处罚法", "第五十六条"),)

    def applies(self, ctx: Context) -> str | None:
        if not any(_is_notice(d) for d in ctx.docs(DocType.EVIDENCE_PRESERVATION)):
            return "案卷中没有证据先行登记保存通知书"
        return None

    def check(self, ctx: Context) -> Outcome:
        docs = ctx.docs(DocType.EVIDENCE_PRESERVATION)
        handlings = [d for d in docs if _is_handling(d)] + ctx.docs(DocType.SEIZURE)
        undated = [h for h in handlings if _day(h) is None]
        results = []
        for notice in (d for d in docs if _is_notice(d)):
            nv = date_of(notice)
            start = as_date(nv.value) if nv is not None else None
            if start is None:
                if not handlings:  # never handled: no date is needed to see that
                    return ctx.absent(
                        self, f"{doc_label(notice)}先行登记保存后，未见处理决定", [loc_of(notice)]
                    )
                return self.manual(f"{doc_label(notice)}的日期未能识别，无法计算处理期限", [loc_of(notice)])
            later = [(day, h) for h in handlings if (day := _day(h)) is not None and day >= start]
            if not later:
                if undated:
                    return self.manual(
                        f"{doc_label(undated[0])}的日期未能识别，无法判断先行登记保存是否按期处理",
                        [loc_of(notice, nv), loc_of(undated[0])],
                    )
                return ctx.absent(
                    self,
                    f"{doc_label(notice)}（{fmt(start)}）先行登记保存后，未见处理决定",
                    [ctx.at(notice, nv)],
                )
            day, handling = min(later, key=lambda t: t[0])
            evidence = [ctx.at(notice, nv), ctx.at(handling, date_of(handling))]
            read = ((notice, nv), (handling, date_of(handling)))
            try:
                days, lim = measure(ctx, "preservation_days", start, day, default=7)
            except CalendarUnknown as exc:
                return self.manual(calendar_unknown_reason(exc), evidence)
            unit = lim.unit_zh
            span = (
                f"先行登记保存 {fmt(start)}，处理决定 {fmt(day)}（{doc_label(handling)}），相隔 {days} {unit}"
            )
            if days > lim.days:
                return self.read_surely(ctx, self.failed(f"{span}，超过 {lim}", evidence), *read)
            results.append((span, evidence, read))
        return self.read_surely(
            ctx,
            self.passed("；".join(s for s, _, _ in results), [loc for _, locs, _ in results for loc in locs]),
            *(x for *_, read in results for x in read),
        )
