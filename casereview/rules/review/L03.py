"""L03 — legal review precedes the decision."""

from __future__ import annotations

from casereview.model import DocType, Outcome
from casereview.rules.base import Basis, Context, Rule, doc_label, loc_of
from casereview.rules.timing import as_date, date_of, fmt


class L03(Rule):
    """法制审核晚于处罚决定

    检查内容：法制审核应当在作出行政处罚决定之前完成：法制审核文书的日期（最后一栏审核/审批意见的日期，
    或落款日期）不得晚于处罚决定书的落款日期。同日视为合格。
    依据：《中华人民共和国行政处罚法》第五十八条（“作出决定前”进行法制审核）。
    不合格示例：决定书落款 2024-03-29，法制审核表审核意见日期 2024-04-02。
    合格示例：法制审核表 2024-03-25 签署审核意见，决定书 2024-03-29 作出。
    不适用情形：案卷中没有法制审核文书或没有行政处罚决定书。日期认不出时交人工核查。
    """

    code = "L03"
    name = "legal-review-after-decision"
    title = "法制审核在处罚决定之前"
    category = "L"
    legal_basis = (Basis("中华人民共和国行政处罚法", "第五十八条"),)

    def applies(self, ctx: Context) -> str | None:
        if ctx.decision is None:
            return "案卷中没有行政处罚决定书"
        if not ctx.has(DocType.LEGAL_REVIEW):
            return "案卷中没有法制审核文书"
        return None

    def check(self, ctx: Context) -> Outcome:
        decision = ctx.decision
        decided = date_of(decision)
        if decided is None or as_date(decided.value) is None:
            return self.manual(
                f"{doc_label(decision)}的落款日期未能识别，无法比较法制审核日期", [loc_of(decision)]
            )
        day = as_date(decided.value)
        dated, undated = [], []
        for doc in ctx.docs(DocType.LEGAL_REVIEW):
            v = date_of(doc)
            if v is not None and as_date(v.value) is not None:
                dated.append((as_date(v.value), doc, v))
            else:
                undated.append(doc)
        before = [t for t in dated if t[0] <= day]
        if before:
            first = min(before, key=lambda t: t[0])
            return self.read_surely(
                ctx,
                self.passed(
                    f"法制审核 {fmt(first[0])} 不晚于决定 {fmt(day)}",
                    [ctx.at(first[1], first[2]), ctx.at(decision, decided)],
                ),
                (first[1], first[2]),
                (decision, decided),
            )
        if undated:
            return self.manual(
                f"{doc_label(undated[0])}的日期未能识别，无法判断法制审核是否在决定之前",
                [loc_of(d) for d in undated],
            )
        first = min(dated, key=lambda t: t[0])
        # The review's date where it is written (二〇二四年七月二十二日), not the row it was read with (审核人员：…).
        return self.read_surely(
            ctx,
            self.failed(
                f"法制审核日期 {fmt(first[0])}（{doc_label(first[1])}）晚于决定书落款日期 {fmt(day)}",
                [ctx.at(first[1], first[2]), ctx.at(decision, decided)],
            ),
            (first[1], first[2]),
            (decision, decided),
        )
