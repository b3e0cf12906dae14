"""E03 — inquiry records carry the party's confirmation of their content."""

from __future__ import annotations

from casereview.model import DocType, Outcome
from casereview.rules.base import Basis, Context, Rule, doc_label, loc_of


def _closing(doc) -> list:
    """Where the confirmation should stand: the record's title and its last signature line."""
    sigs = doc.signatures
    return [loc_of(doc)] + ([sigs[-1].loc] if sigs else [])


class E03(Rule):
    """询问笔录无被询问人核对确认

    检查内容：询问（调查）笔录末尾应有被询问人对笔录内容的确认，如“以上笔录我看过（已向我宣读），
    与我说的一致”；被询问人拒绝确认的，应注明拒绝情况。
    依据：《中华人民共和国行政处罚法》第五十五条。
    不合格示例：询问笔录以最后一问一答结束，没有被询问人核对笔录的记载。
    合格示例：“以上笔录我看过，与我说的一致。”；“被询问人拒绝签字确认，有执法记录仪录像为证。”
    不适用情形：案卷中没有询问笔录。
    """

    code = "E03"
    name = "record-confirmation-missing"
    title = "询问笔录经被询问人核对确认"
    category = "E"
    legal_basis = (Basis("中华人民共和国行政处罚法", "第五十五条"),)

    def applies(self, ctx: Context) -> str | None:
        if not ctx.has(DocType.INQUIRY_RECORD) and not ctx.unread:
            return "案卷中没有询问笔录"
        return None

    def check(self, ctx: Context) -> Outcome:
        records = ctx.docs(DocType.INQUIRY_RECORD)
        if not records:
            return self.manual(
                f"未见可读取的询问笔录，请人工核查未能读取的内容（{'；'.join(ctx.unread[:5])}）"
            )
        missing, ok = [], []
        for doc in records:
            mark = doc.record.confirmation or doc.record.party_refused
            if mark:
                ok.append(loc_of(doc, mark))
            else:
                missing.append(doc)
        if missing:
            message = "；".join(
                f"{doc_label(d)}无被询问人核对确认笔录内容的记载，也未注明拒绝确认" for d in missing
            )
            return ctx.absent(self, message, [loc for d in missing for loc in _closing(d)], within=missing)
        return self.passed(evidence=ok)
