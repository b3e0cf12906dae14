"""G01 — inspection and inquiry records signed by the party."""

from __future__ import annotations

from casereview.model import Outcome
from casereview.rules.base import Basis, Context, RecordRule, doc_label, loc_of
from casereview.rules.signatures._shared import recorded, unread_note, witnessed
from casereview.text.labels import PARTY_ROLES


class G01(RecordRule):
    """笔录无当事人签名，也未注明拒签

    检查内容：现场检查（勘验）笔录、询问（调查）笔录应由当事人（被检查人、被询问人、现场负责人等）
    签名或盖章（签名栏有手写签名图片、签名文字或单位印章）；当事人拒绝签名的，应在笔录上注明，
    并有见证人签名或录音录像记载。
    依据：《中华人民共和国行政处罚法》第五十五条。
    不合格示例：询问笔录末尾“被询问人签名：”后空白，笔录中也无拒签的记载；
    笔录注明“当事人拒绝签名”，但没有见证人，也没有录音录像的记载。
    合格示例：“被检查人签名：陈国栋”或签名栏有手写签名；“被检查人拒绝签名，见证人：李某（签名），
    执法记录仪全程录像”。
    不适用情形：案卷中没有现场检查笔录或询问笔录。
    笔录上读不到当事人签名栏（如末页为待 OCR 识别的扫描页、版式未能识别）时，结果为“人工核查”。
    """

    code = "G01"
    name = "record-party-signature-missing"
    title = "笔录由当事人签名或注明拒签"
    category = "G"
    legal_basis = (Basis("中华人民共和国行政处罚法", "第五十五条"),)

    def check_records(self, ctx: Context, records: list) -> Outcome:
        failed, unknown, ok = [], [], []
        for doc in records:
            fields = doc.signatures_of(PARTY_ROLES)
            signed = [s for s in fields if s.value.signed]
            refused = doc.record.party_refused
            if signed:
                ok.append(signed[0].loc)
            elif refused:
                proof = witnessed(doc) or recorded(doc)
                if proof is not None:
                    ok.extend([refused.loc, proof.loc])
                else:
                    failed.append(
                        (
                            f"{doc_label(doc)}注明当事人拒绝签名，但无见证人签名，也无录音录像记载",
                            [refused.loc],
                        )
                    )
            elif fields:
                role = fields[0].value.role
                failed.append(
                    (
                        f"{doc_label(doc)}无{role}签名（“{fields[0].value.label}”后空白），也未注明拒签",
                        [s.loc for s in fields],
                    )
                )
            else:
                unknown.append(doc)
        if failed:
            return self.failed("；".join(m for m, _ in failed), [loc for _, locs in failed for loc in locs])
        if unknown:
            names = "；".join(doc_label(d) + unread_note(ctx, d) for d in unknown)
            return self.manual(
                f"未能在{names}上找到当事人签名栏，无法判断当事人是否签名，请人工核查",
                [loc_of(d) for d in unknown],
            )
        return self.passed(evidence=ok)
