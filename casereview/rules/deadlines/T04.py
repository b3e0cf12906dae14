"""T04 — no inquiry before the case is filed."""

from __future__ import annotations

from casereview.model import DocType, Outcome
from casereview.rules.base import Basis, Context, Rule, doc_label, loc_of
from casereview.rules.timing import as_date, date_of, filing_date, filing_date_unread, fmt


class T04(Rule):
    """立案前即进行询问调查（程序倒置）

    检查内容：符合立案标准的，应当及时立案后再调查取证。询问笔录的日期不得早于立案日期（立案审批表的
    审批日期，无审批表时取卷宗封面的立案日期）；同日视为合格。立案前的现场检查是发现案件的正常途径，不在此列。
    依据：《中华人民共和国行政处罚法》第五十四条。
    不合格示例：立案审批表负责人 2024-03-10 批准立案，询问笔录时间为 2024-03-06。
    合格示例：2024-03-01 现场检查，2024-03-02 批准立案，2024-03-08 询问当事人。
    不适用情形：案卷中没有询问笔录。立案日期或笔录日期认不出时交人工核查。
    """

    code = "T04"
    name = "inquiry-before-filing"
    title = "立案后再询问调查"
    category = "T"
    legal_basis = (Basis("中华人民共和国行政处罚法", "第五十四条"),)

    def applies(self, ctx: Context) -> str | None:
        if not ctx.has(DocType.INQUIRY_RECORD):
            return "案卷中没有询问笔录"
        return None

    def check(self, ctx: Context) -> Outcome:
        inquiries = ctx.docs(DocType.INQUIRY_RECORD)
        filed_v = filing_date(ctx)
        if filed_v is None:
            where, locs = filing_date_unread(ctx, inquiries[0])
            return self.manual(f"{where}，无法判断询问是否在立案之后", locs)
        filed = filed_v.value
        undated = []
        for doc in inquiries:
            v = date_of(doc)
            day = as_date(v.value) if v is not None else None
            if day is None:
                undated.append(doc)
            elif day < filed:
                return self.read_surely(
                    ctx,
                    self.failed(
                        f"{doc_label(doc)}的询问日期 {fmt(day)} 早于立案日期 {fmt(filed)}",
                        [ctx.at(doc, v), ctx.at(None, filed_v)],
                    ),
                    (doc, v),
                    (None, filed_v),
                )
        if undated:
            return self.manual(
                f"{doc_label(undated[0])}的询问日期未能识别，无法判断是否在立案之后",
                [loc_of(d) for d in undated],
            )
        return self.read_surely(
            ctx,
            self.passed(
                f"询问笔录均不早于立案日期 {fmt(filed)}",
                [ctx.at(None, filed_v)] + [ctx.at(d, date_of(d)) for d in inquiries],
            ),
            (None, filed_v),
            *((d, date_of(d)) for d in inquiries),
        )
