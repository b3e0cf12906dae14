"""T01 — the decision within the case-handling period after filing."""

from __future__ import annotations

import datetime as dt

from casereview.model import DocType, Document, Location, Outcome, Value
from casereview.rules.base import Basis, Context, DecisionRule, doc_label, loc_of
from casereview.rules.timing import (
    CalendarUnknown,
    Limit,
    add_months,
    as_date,
    calendar_unknown_reason,
    date_of,
    deadline,
    decision_day,
    elapsed,
    filing_date,
    filing_date_unread,
    fmt,
    limit,
    service_of,
)


def _extend(ctx: Context, end: dt.date, ext: dict) -> dt.date | None:
    """The end of the period after an extension of ``{n, unit}`` (日/天, 工作日, 个月)."""
    n, unit = ext.get("n"), str(ext.get("unit") or "")
    if n is None:
        return None
    if "工作日" in unit:
        return deadline(ctx, end, Limit(n, "working"))
    if "月" in unit:
        return add_months(end, n)
    return end + dt.timedelta(days=n)


class T01(DecisionRule):
    """超过办案期限作出处罚决定

    检查内容：行政机关应当自立案之日起九十日内（评查标准参数 case_days）作出行政处罚决定。
    立案日期取立案审批表的审批日期（无审批表时取卷宗封面的立案日期），决定日期取决定书落款日期。
    听证期间（听证通知送达之日至听证之日）不计入办案期限；案卷中有延长办案期限审批表的，期限加上其批准的
    延长期限（未载明延长期限的，视为已依法延长）。
    依据：《中华人民共和国行政处罚法》第六十条。
    不合格示例：立案 2024-01-02，决定 2024-05-20，共 139 日，案卷中没有延期审批。
    合格示例：立案 2024-03-02，决定 2024-03-29，共 27 日。
    不适用情形：案卷中没有行政处罚决定书。立案或决定日期认不出、超期而听证期间认不出时交人工核查。
    """

    code = "T01"
    name = "decision-after-case-period"
    title = "立案后在办案期限内作出决定"
    category = "T"
    legal_basis = (Basis("中华人民共和国行政处罚法", "第六十条"),)

    def check(self, ctx: Context) -> Outcome:
        decision = ctx.decision
        decided_v, decided = decision_day(decision)
        if decided is None:
            return self.manual(
                f"{doc_label(decision)}的落款日期未能识别，无法计算办案期限", [loc_of(decision)]
            )
        filed_v = filing_date(ctx)
        if filed_v is None:
            where, locs = filing_date_unread(ctx, decision)
            return self.manual(f"{where}，无法计算办案期限", locs)
        filed = filed_v.value
        evidence = [ctx.at(None, filed_v), ctx.at(decision, decided_v)]
        read: list[tuple[Document | None, Value | None]] = [(None, filed_v), (decision, decided_v)]
        try:
            return self.read_surely(ctx, self._decide(ctx, filed, decided, evidence, read), *read)
        except CalendarUnknown as exc:
            return self.manual(calendar_unknown_reason(exc), evidence)

    def _decide(
        self, ctx: Context, filed: dt.date, decided: dt.date, evidence: list[Location], read: list
    ) -> Outcome:
        lim = limit(ctx, "case_days", on=filed, default=90)
        unit = lim.unit_zh
        total = elapsed(ctx, filed, decided, lim.unit)
        span = f"立案 {fmt(filed)} 至决定 {fmt(decided)} 共 {total} {unit}"
        if total <= lim.days:
            return self.passed(f"{span}，未超过 {lim}", evidence)
        hearing = self._hearing_period(ctx)
        excluded = 0
        if hearing is not None:
            (start, end), where, values = hearing
            read.extend(values)
            if start is None or end is None:
                return self.manual(
                    f"{span}，超过 {lim}；案卷中有听证，但听证通知送达日期或听证日期未能识别，"
                    "无法扣除听证期间，请人工核算",
                    evidence + where,
                )
            excluded = max(0, elapsed(ctx, start, end, lim.unit))
            evidence = evidence + where
        net = total - excluded
        note = (
            f"（扣除听证期间 {fmt(start)} 至 {fmt(end)} 共 {excluded} {unit}后为 {net} {unit}）"
            if excluded
            else ""
        )
        if net <= lim.days:
            return self.passed(f"{span}{note}，未超过 {lim}", evidence)
        extensions = ctx.docs(DocType.EXTENSION_APPROVAL)
        if not extensions:
            return ctx.absent(self, f"{span}{note}，超过 {lim}且无延期审批", evidence)
        ext_v = next(
            (e.fields["extension"] for e in extensions if isinstance(e.fields.get("extension"), Value)), None
        )
        ext_doc = next((e for e in extensions if e.fields.get("extension") is ext_v), extensions[0])
        evidence = evidence + [ctx.at(ext_doc, ext_v)]
        if ext_v is None:
            return self.passed(
                f"{span}{note}，超过 {lim}，案卷中有{doc_label(ext_doc)}（未载明延长期限）", evidence
            )
        base_end = deadline(ctx, filed, lim)
        ext_end = _extend(ctx, base_end, ext_v.value)
        allowed = lim.days + elapsed(ctx, base_end, ext_end, lim.unit) if ext_end is not None else None
        said = f"{ext_v.value.get('n')}{ext_v.value.get('unit')}"
        if allowed is None:
            return self.passed(f"{span}{note}，超过 {lim}，案卷中有{doc_label(ext_doc)}", evidence)
        if net <= allowed:
            return self.passed(f"{span}{note}，经延期审批延长 {said}，未超过 {allowed} {unit}", evidence)
        return self.failed(
            f"{span}{note}，超过 {lim}及延期审批延长的 {said}（共 {allowed} {unit}）", evidence
        )

    @staticmethod
    def _hearing_period(
        ctx: Context,
    ) -> tuple[tuple[dt.date | None, dt.date | None], list[Location], list] | None:
        """((hearing notice served, hearing held), their places, their (document, value)) when the file shows a
        hearing; None without one."""
        notices = ctx.docs(DocType.HEARING_NOTICE)
        records = ctx.docs(DocType.HEARING_RECORD)
        if not notices and not records:
            return None
        where: list[Location] = []
        values: list[tuple[Document, Value]] = []
        start = end = None
        if notices:
            notice: Document = notices[-1]
            service = service_of(ctx, notice)
            sv = service.date if service is not None else None
            by = service.document if sv is not None else notice
            sv = sv or date_of(notice)
            if sv is not None:
                start = as_date(sv.value)
                where.append(ctx.at(by, sv))
                values.append((by, sv))
            hv = notice.fields.get("hearing_date")
            if (
                hv is not None
                and as_date(hv.value) is not None
                and not any(
                    as_date(r.fields["hearing_date"].value) for r in records if r.fields.get("hearing_date")
                )
            ):
                end = as_date(hv.value)  # the hearing as the notice fixed it: no record dates it
                where.append(ctx.at(notice, hv))
                values.append((notice, hv))
        for record in records:
            hv = record.fields.get("hearing_date")
            if hv is not None and as_date(hv.value) is not None:
                end = as_date(hv.value)
                where.append(ctx.at(record, hv))
                values.append((record, hv))
                break
        return (start, end), where, values
