"""N03 — the advance notice states facts, reasons, legal basis and the proposed penalty."""

from __future__ import annotations

from casereview.model import DocType, Document, Outcome
from casereview.rules.base import Basis, Context, Rule, doc_label, loc_of


def _substantive_citations(notice: Document) -> list:
    """Laws cited for the violation or the penalty: 行政处罚法 is cited for the procedure (rights), not as the basis."""
    return [c for c in notice.fields.get("citations") or [] if "行政处罚法" not in c.value["law"]]


class N03(Rule):
    """事先告知书缺少违法事实、理由、依据或拟处罚内容

    检查内容：行政处罚事先告知书应当载明拟作出处罚的违法事实、理由（违反的规定、构成的违法行为）、
    法律依据（所引用的法律、法规、规章，不含仅为告知权利而引用的《行政处罚法》）和拟作出的处罚内容，
    四项缺一不可。
    依据：《中华人民共和国行政处罚法》第四十四条。
    不合格示例：告知书只写“你单位的违法行为，本局拟罚款5000元”，未写明违法事实和所依据的法律条文。
    合格示例：“经查，你单位于2024年3月5日销售超过保质期的食品……违反了《中华人民共和国食品安全法》
    第三十四条第（十）项的规定，依据该法第一百二十四条第一款第（五）项，本局拟对你单位罚款伍万元。”
    不适用情形：案卷中没有行政处罚事先告知书。
    """

    code = "N03"
    name = "notice-content-incomplete"
    title = "告知书载明事实、理由、依据和拟处罚内容"
    category = "N"
    legal_basis = (Basis("中华人民共和国行政处罚法", "第四十四条"),)

    def applies(self, ctx: Context) -> str | None:
        if not ctx.has(DocType.ADVANCE_NOTICE):
            return "案卷中没有行政处罚事先告知书"
        return None

    def check(self, ctx: Context) -> Outcome:
        faults, evidence, ok, faulty = [], [], [], []
        for notice in ctx.docs(DocType.ADVANCE_NOTICE):
            f = notice.fields
            cites = _substantive_citations(notice)
            parts = {
                "违法事实": f.get("facts"),
                "理由": f.get("reasons"),
                "法律依据": cites[0] if cites else None,
                "拟作出的处罚": notice.penalty.types or notice.penalty.fine,
            }
            lacking = [k for k, v in parts.items() if not v]
            present = [loc_of(notice, v) for v in parts.values() if v]
            if lacking:
                faults.append(f"{doc_label(notice)}未载明{'、'.join(lacking)}")
                faulty.append(notice)
                evidence.append(loc_of(notice))
                evidence.extend(present)
            else:
                ok.extend(present)
        if faults:
            return ctx.absent(self, "；".join(faults), list(dict.fromkeys(evidence)), within=faulty)
        return self.passed(evidence=list(dict.fromkeys(ok)))
