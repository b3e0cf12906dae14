"""C01 — one party name throughout the file."""

from __future__ import annotations

import re

from casereview.extract.fields import party_kind
from casereview.model import DocType, Document, Outcome, Value
from casereview.rules.base import Basis, Context, DecisionRule, confusable, doc_label, loc_of
from casereview.text.normalize import compact

COMPARED = (
    DocType.ADVANCE_NOTICE,
    DocType.HEARING_NOTICE,
    DocType.INSPECTION_RECORD,
    DocType.INQUIRY_RECORD,
    DocType.SERVICE_RECEIPT,
)
# A remark after the name that is not part of it: 鑫源超市（个体工商户）, 张三（经营者）.
_REMARK = re.compile(r"[(（][^()（）]*(?:个体工商户|经营者|负责人|法定代表人|业主)[^()（）]*[)）]$")


def normalized(name: str) -> str:
    """A party name for comparison: no spacing, full/half-width folded, no trailing remark."""
    return compact(_REMARK.sub("", compact(name)))


def party_on(doc: Document) -> Value | None:
    """The party a document names: the receipt's 受送达人, else the labelled party or the addressee."""
    if doc.type == DocType.SERVICE_RECEIPT:
        v = doc.service.recipient
    else:
        if doc.fields.get("party_source") is not None:
            return None  # only inferred from an interviewee's employer: not a statement of the party
        v = doc.fields.get("party")
    return v if isinstance(v, Value) and isinstance(v.value, str) and v.value.strip() else None


class C01(DecisionRule):
    """各文书当事人名称不一致

    检查内容：处罚决定书载明的当事人名称，应与事先告知书、听证告知书、现场检查笔录、询问笔录
    （笔录首部载明的当事人、被检查人）和送达回证（受送达人）上的当事人名称一致；
    比较时忽略空格和全角/半角差异，以及名称后括注的“个体工商户”“经营者”等说明。
    依据：山东省司法厅《山东省行政处罚案卷评查标准》（鲁司〔2023〕33号）文书规范标准评查（文书制作规范）；
    国家测绘地理信息局《测绘地理信息行政处罚案卷评查标准》案卷卷面标准（文书按规范制作，填写不完整、不清楚、不规范的逐项扣分）。
    不合格示例：决定书当事人“青山县某某商贸有限公司”，送达回证受送达人“青山县某某商贸有限责任公司”。
    合格示例：各文书均为“青山县某某商贸有限公司”（“青山县某某商贸 有限公司”“某某(北京)”与“某某（北京）”视为一致）。
    不适用情形：案卷中没有行政处罚决定书。
    决定书上读不出当事人名称，或其他文书都读不出当事人名称时，结果为“人工核查”。
    送达回证的受送达人为自然人姓名而当事人为单位时（由法定代表人等代为签收），不作比较。
    一方为扫描件、识别出的名称与决定书略有出入（被单元格折行截断、脱字、多字、错字，或识别置信度低而相差几个字）时，
    结果为“人工核查”，列出两处识别结果及所在页。
    """

    code = "C01"
    name = "party-name-inconsistent"
    title = "当事人名称前后一致"
    category = "C"
    legal_basis = (
        Basis("山东省行政处罚案卷评查标准", "（鲁司〔2023〕33号）文书规范标准评查（文书制作规范）"),
        Basis("测绘地理信息行政处罚案卷评查标准", "案卷卷面标准（文书制作规范）"),
    )

    def check(self, ctx: Context) -> Outcome:
        decision = ctx.decision
        ref = decision.fields.get("party")
        if not isinstance(ref, Value) or not ref.value:
            return self.manual(
                f"未能从{doc_label(decision)}读出当事人名称，无法比对各文书的当事人，请人工核查",
                [loc_of(decision)],
            )
        want = normalized(ref.value)
        mine = ctx.reading(ref.value, ctx.showing(ref.loc, ref.value, decision), decision)
        org = (ctx.case.summary.get("party_kind") or party_kind(ref.value, None, None)) == "organization"
        others = [d for d in ctx.docs(*COMPARED) if d is not decision]
        compared, differ, unsure = [], [], []
        for doc in others:
            v = party_on(doc)
            if v is None:
                continue
            if org and doc.type == DocType.SERVICE_RECEIPT and party_kind(v.value, None, None) == "person":
                continue  # a person received for the organisation
            theirs = ctx.reading(v.value, ctx.showing(v.loc, v.value, doc), doc)
            compared.append(theirs.loc)
            if normalized(v.value) != want:
                if confusable(mine, theirs, normalized):
                    unsure.append((doc, theirs))  # read off a scan: cut by its cell, misread by a character
                else:
                    differ.append((doc, theirs))
        if differ:
            message = "；".join(
                f"决定书当事人“{ref.value}”与{doc_label(d)}“{r.text}”不一致" for d, r in differ
            )
            return self.failed(message, [mine.loc] + [r.loc for _, r in differ])
        if not compared and others:
            return self.manual(
                f"未能从{'、'.join(doc_label(d) for d in others[:5])}读出当事人名称，"
                f"无法与决定书当事人“{ref.value}”比对，请人工核查",
                [mine.loc],
            )
        if unsure:
            message = "；".join(
                f"{doc_label(d)}识别出的当事人{r}与决定书当事人{mine}略有出入" for d, r in unsure
            )
            return self.manual(
                message + "，可能是识别误差或单元格折行，请人工核对", [mine.loc] + [r.loc for _, r in unsure]
            )
        return self.passed(evidence=[mine.loc] + compared)
