"""A02 — closure recorded when a decision was made."""

from __future__ import annotations

from casereview.model import DocType, Outcome
from casereview.rules.base import Basis, Context, DecisionRule, doc_label, loc_of


class A02(DecisionRule):
    """作出处罚决定的案卷无结案审批

    检查内容：作出行政处罚决定的案件，执行完毕（或依法终结）后应办理结案，案卷中应有结案审批表（结案报告）。
    依据：《市场监督管理行政处罚程序规定》关于结案的规定；国家市场监督管理总局《市场监督管理行政处罚文书格式范本（2021年修订版）》（国市监法发〔2021〕42号）所列“结案审批表”。
    不合格示例：案卷有行政处罚决定书和缴款凭证，但没有结案审批表。
    合格示例：案卷末有结案审批表，载明执行情况和负责人审批意见。
    不适用情形：案卷中没有行政处罚决定书。
    """

    code = "A02"
    name = "closure-report-missing"
    title = "案件办理结案"
    category = "A"
    legal_basis = (
        Basis("市场监督管理行政处罚程序规定", "结案"),
        Basis("市场监督管理行政处罚文书格式范本（2021年修订版）", "（国市监法发〔2021〕42号）结案审批表"),
    )

    def check(self, ctx: Context) -> Outcome:
        closures = ctx.docs(DocType.CLOSURE_REPORT)
        if closures:
            return self.passed(evidence=[loc_of(d) for d in closures])
        decision = ctx.decision
        return ctx.absent(self, f"有{doc_label(decision)}，但未见结案审批表（结案报告）", [loc_of(decision)])
