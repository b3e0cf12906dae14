"""E01 — the file holds evidence for the facts."""

from __future__ import annotations

from casereview.model import DocType, Outcome
from casereview.rules.base import Basis, Context, Rule, loc_of

EVIDENCE = (DocType.INSPECTION_RECORD, DocType.INQUIRY_RECORD, DocType.OTHER_EVIDENCE)


class E01(Rule):
    """案卷中没有证明违法事实的证据材料

    检查内容：案卷应有证明违法事实的证据：现场检查（勘验）笔录、询问（调查）笔录，
    或照片、检验报告、抽样记录、视听资料说明等其他证据。
    依据：《中华人民共和国行政处罚法》第四十条。
    不合格示例：案卷只有立案审批表、告知书和决定书，没有任何笔录或其他证据。
    合格示例：案卷有现场检查笔录、现场照片和询问笔录。
    不适用情形：无（每一份处罚案卷都应有证据）。
    """

    code = "E01"
    name = "evidence-missing"
    title = "案卷有证明违法事实的证据"
    category = "E"
    legal_basis = (Basis("中华人民共和国行政处罚法", "第四十条"),)

    def check(self, ctx: Context) -> Outcome:
        found = ctx.docs(*EVIDENCE)
        if found:
            return self.passed(evidence=[loc_of(d) for d in found])
        anchor = ctx.decision or (ctx.case.documents[0] if ctx.case.documents else None)
        evidence = [loc_of(anchor)] if anchor is not None else []
        return ctx.absent(self, "案卷中没有现场检查笔录、询问笔录或其他证据材料", evidence)
