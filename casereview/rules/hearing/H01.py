"""H01 — a requested hearing was held."""

from __future__ import annotations

import datetime as dt

from casereview.model import DocType, Document, Location, Outcome
from casereview.rules.base import Basis, Context, Rule, doc_label, loc_of
from casereview.rules.timing import as_date


def _date(doc: Document) -> dt.date | None:
    return as_date(doc.date.value) if doc.date is not None else None


def _latest(asked: list) -> dt.date | None:
    """The date of the latest request, None when any request is undated."""
    dates = [_date(d) for d, *_ in asked]
    return None if any(x is None for x in dates) else max(dates)


def requests(ctx: Context) -> list[tuple[Document, Location, str]]:
    """Where the file shows the party asked for a hearing: (document, where, how it shows it)."""
    out = []
    for doc in ctx.docs(DocType.STATEMENT_RECORD, DocType.PENALTY_DECISION):
        v = doc.fields.get("hearing_requested")
        if v:
            out.append((doc, loc_of(doc, v), f"{doc_label(doc)}记载当事人要求听证（“{v.loc.quote}”）"))
    for doc in ctx.docs(DocType.HEARING_NOTICE):
        v = doc.fields.get("hearing_date")
        if v:
            out.append((doc, loc_of(doc, v), f"{doc_label(doc)}已安排举行听证"))
    return out


def withdrawals(ctx: Context) -> list[Document]:
    """Statements that waive or withdraw the hearing (放弃听证、撤回听证申请)."""
    return [
        d
        for d in ctx.docs(DocType.STATEMENT_RECORD)
        if "waive_hearing" in ((d.fields.get("waiver").value if d.fields.get("waiver") else None) or [])
    ]


class H01(Rule):
    """当事人要求听证但未举行听证

    检查内容：案卷显示当事人要求听证（听证申请书、陈述申辩笔录中要求听证，决定书记载当事人
    提出听证申请，或已发出定期举行听证的听证通知书），且其后未放弃或撤回的，案卷中应有听证笔录。
    依据：《中华人民共和国行政处罚法》第六十四条。
    不合格示例：当事人书面申请听证，案卷中没有听证笔录，即作出处罚决定。
    合格示例：当事人申请听证后，机关发出听证通知书并举行听证，案卷有听证笔录。
    不适用情形：案卷中没有当事人要求听证的记载；或当事人要求后又书面放弃、撤回听证申请。
    """

    code = "H01"
    name = "requested-hearing-not-held"
    title = "当事人要求听证的依法组织听证"
    category = "H"
    legal_basis = (Basis("中华人民共和国行政处罚法", "第六十四条"),)

    @staticmethod
    def _weak(ctx: Context, asked: list) -> list:
        """Dates of the requests and withdrawals read off a scan with a low confidence: their order is unsure."""
        return ctx.weak_readings(*((d, d.date) for d, *_ in asked), *((w, w.date) for w in withdrawals(ctx)))

    def applies(self, ctx: Context) -> str | None:
        asked = requests(ctx)
        if not asked:
            return "案卷中没有当事人要求听证的记载"
        latest = _latest(asked)
        if self._weak(ctx, asked):
            return None  # which came last rests on a poorly read date: check decides, or a person
        for w in withdrawals(ctx):
            if latest is not None and _date(w) is not None and _date(w) >= latest:
                return f"当事人已放弃或撤回听证申请（{doc_label(w)}）"
        return None

    def check(self, ctx: Context) -> Outcome:
        records = ctx.docs(DocType.HEARING_RECORD)
        if records:
            return self.passed(evidence=[loc_of(d) for d in records])
        asked = requests(ctx)
        latest = _latest(asked)
        weak = self._weak(ctx, asked)
        unclear = [
            w for w in withdrawals(ctx) if weak or latest is None or _date(w) is None or _date(w) >= latest
        ]
        if unclear:
            why = f"（{'、'.join(map(str, weak))}识别置信度低）" if weak else ""
            return self.manual(
                f"{asked[0][2]}，{'、'.join(doc_label(w) for w in unclear)}又记载放弃或撤回听证，"
                f"先后顺序无法确定{why}，案卷中没有听证笔录，请人工核查",
                [loc for _, loc, _ in asked] + [loc_of(w, w.fields.get("waiver")) for w in unclear],
            )
        return ctx.absent(self, f"{asked[0][2]}，但案卷中没有听证笔录", [loc for _, loc, _ in asked])
