"""T05 — the case is filed within the limitation period."""

from __future__ import annotations

from casereview.model import DocType, Document, Outcome, Value
from casereview.rules.base import Basis, Context, Rule, doc_label, loc_of
from casereview.rules.timing import add_years, as_date, date_of, filing_date, fmt


class T05(Rule):
    """超过追责时效立案处罚

    检查内容：违法行为在二年内（评查标准参数 limitation_years；涉及公民生命健康安全、金融安全且有危害后果的
    为五年）未被发现的，不再给予行政处罚；连续或者继续状态的违法行为从终了之日起计算。违法行为日期取
    决定书（其次告知书、调查终结报告）事实部分载明的最后日期，与立案日期比较。
    按立案日期已超过时效、但案件来源登记或现场检查（发现违法行为）在时效内的，交人工核查。
    依据：《中华人民共和国行政处罚法》第三十六条。
    不合格示例：违法行为 2021-05-10，立案 2024-03-02，已超过二年。
    合格示例：违法行为持续至 2024-03-01，2024-03-02 立案。
    不适用情形：案卷中没有决定书、告知书或调查终结报告（无可比较的违法行为日期）。日期认不出时交人工核查。
    """

    code = "T05"
    name = "limitation-period-exceeded"
    title = "在追责时效内立案处罚"
    category = "T"
    legal_basis = (Basis("中华人民共和国行政处罚法", "第三十六条"),)

    SOURCES = (DocType.PENALTY_DECISION, DocType.ADVANCE_NOTICE, DocType.INVESTIGATION_REPORT)

    def applies(self, ctx: Context) -> str | None:
        if not ctx.has(*self.SOURCES):
            return "案卷中没有决定书、告知书或调查终结报告，无违法行为日期可比较"
        return None

    def check(self, ctx: Context) -> Outcome:
        found = self._violation(ctx)
        if found is None:
            doc = ctx.decision or ctx.docs(*self.SOURCES)[-1]
            return self.manual(
                f"{doc_label(doc)}未能识别违法行为发生（终了）日期，无法判断是否超过追责时效", [loc_of(doc)]
            )
        doc, v = found
        violated = as_date(v.value)
        filed_v = filing_date(ctx)
        if filed_v is None:
            return self.manual(
                "未能识别立案日期（立案审批表或封面），无法判断是否超过追责时效", [loc_of(doc, v)]
            )
        filed = filed_v.value
        years = int(ctx.param("limitation_years", 2))
        expiry = add_years(violated, years)
        evidence = [ctx.at(doc, v), ctx.at(None, filed_v)]
        read = ((doc, v), (None, filed_v))
        span = f"违法行为日期 {fmt(violated)}（{doc_label(doc)}），立案日期 {fmt(filed)}"
        if filed <= expiry:
            return self.read_surely(ctx, self.passed(f"{span}，未超过 {years} 年", evidence), *read)
        discovered = self._discovered(ctx, expiry)
        if discovered is not None:
            ddoc, dv = discovered
            return self.manual(
                f"{span}，立案时已超过 {years} 年；但{doc_label(ddoc)}显示 {fmt(as_date(dv.value))} "
                "即已发现违法行为（处罚法第三十六条以“发现”为准），请人工核实",
                evidence + [ctx.at(ddoc, dv)],
            )
        return self.read_surely(
            ctx,
            self.failed(f"{span}，距违法行为终了已超过 {years} 年追责时效（{fmt(expiry)} 届满）", evidence),
            *read,
        )

    def _violation(self, ctx: Context) -> tuple[Document, Value] | None:
        for t in self.SOURCES:
            for doc in reversed(ctx.docs(t)):
                v = doc.fields.get("violation_date")
                if isinstance(v, Value) and as_date(v.value) is not None:
                    return doc, v
        return None

    @staticmethod
    def _discovered(ctx: Context, expiry) -> tuple[Document, Value] | None:
        """A case-source register or inspection dated within the period: the violation was found in time."""
        for doc in ctx.docs(DocType.CASE_SOURCE, DocType.INSPECTION_RECORD):
            v = date_of(doc)
            if v is not None and as_date(v.value) is not None and as_date(v.value) <= expiry:
                return doc, v
        return None
