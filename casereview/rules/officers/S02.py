"""S02 — every officer on a record is identified by an enforcement certificate number."""

from __future__ import annotations

from casereview.model import Outcome
from casereview.rules.base import YANSHAN_NINE_MEASURES, Basis, Context, RecordRule, doc_label, loc_of


class S02(RecordRule):
    """笔录记载的执法人员未注明执法证号

    检查内容：现场检查（勘验）笔录、询问（调查）笔录所列每一名执法人员，姓名旁应注明
    其行政执法证件号码。
    依据：《中华人民共和国行政处罚法》第四十二条、第五十五条；
    砚山县人民政府办公室《砚山县贯彻落实〈文山州行政执法成效评估意见〉九条措施》第三条（全面推行亮证执法）。
    不合格示例：“执法人员：李明辉（执法证号 1411030023）、王建军”，王建军未注明证号。
    合格示例：“询问人：李明辉 执法证号 1411030023；王建军 执法证号 1411030031”。
    不适用情形：案卷中没有现场检查笔录或询问笔录。
    读不出笔录执法人员栏时，结果为“人工核查”。
    """

    code = "S02"
    name = "officer-certificate-number-missing"
    title = "笔录载明执法人员执法证号"
    category = "S"
    legal_basis = (
        Basis("中华人民共和国行政处罚法", "第四十二条"),
        Basis("中华人民共和国行政处罚法", "第五十五条"),
        YANSHAN_NINE_MEASURES.at("第三条"),
    )

    def check_records(self, ctx: Context, records: list) -> Outcome:
        missing, unknown, ok = [], [], []
        for doc in records:
            values = doc.record.officers
            if not values:
                unknown.append(doc)
                continue
            lacking = [v for v in values if not v.value.cert_no]
            if lacking:
                names = "、".join(v.value.name for v in lacking)
                missing.append(
                    (
                        f"{doc_label(doc)}记载的执法人员{names}未注明执法证号",
                        [ctx.showing(v.loc, v.value.name, doc) for v in lacking],
                    )
                )
            else:
                ok.extend(loc_of(doc, v) for v in values)
        if missing:
            return self.failed(
                "；".join(m for m, _ in missing),
                list(dict.fromkeys(loc for _, locs in missing for loc in locs)),
            )
        if unknown:
            docs = "、".join(doc_label(d) for d in unknown)
            return self.manual(
                f"未能从{docs}读出执法人员及其执法证号，请人工核查", [loc_of(d) for d in unknown]
            )
        return self.passed(evidence=list(dict.fromkeys(ok)))
