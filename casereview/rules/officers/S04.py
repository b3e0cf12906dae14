"""S04 — records state that the officers showed their certificates."""

from __future__ import annotations

from casereview.model import Outcome
from casereview.rules.base import SISHUI_MEASURES, Basis, Context, RecordRule, doc_label, loc_of


class S04(RecordRule):
    """笔录未记载执法人员出示执法证件

    检查内容：现场检查（勘验）笔录、询问（调查）笔录应记载执法人员向当事人或有关人员
    出示执法证件、表明身份。
    依据：《中华人民共和国行政处罚法》第五十五条；泗水县人民政府办公室《关于深入推进依法行政工作的若干措施》第八项（严格执行“亮证执法”）。
    不合格示例：现场检查笔录只有检查情况，没有“执法人员出示了执法证件”“表明身份”等记载。
    合格示例：“执法人员李明辉、王建军向被检查人出示了执法证件，表明了身份”；
    “我们是××局执法人员，这是我们的执法证件（出示执法证件）”。
    不适用情形：案卷中没有现场检查笔录或询问笔录。
    """

    code = "S04"
    name = "certificates-shown-not-recorded"
    title = "笔录记载出示执法证件"
    category = "S"
    legal_basis = (
        Basis("中华人民共和国行政处罚法", "第五十五条"),
        SISHUI_MEASURES.at("第八项"),
    )

    def check_records(self, ctx: Context, records: list) -> Outcome:
        missing = [d for d in records if d.record.certificates_shown is None]
        if missing:
            message = "；".join(f"{doc_label(d)}未记载执法人员出示执法证件" for d in missing)
            return ctx.absent(self, message, [loc_of(d) for d in missing], within=missing)
        return self.passed(evidence=[loc_of(d, d.record.certificates_shown) for d in records])
