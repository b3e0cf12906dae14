"""G04 — service receipts signed by the recipient, or a witnessed lien service."""

from __future__ import annotations

from casereview.model import DocType, Outcome
from casereview.rules.base import Basis, Context, Rule, doc_label, loc_of
from casereview.rules.signatures._shared import recorded, unread_note, witnessed
from casereview.text.labels import RECIPIENT_ROLES

# Manners of service whose proof is not the recipient's signature on the receipt.
NO_SIGNATURE_MANNERS = ("邮寄送达", "公告送达", "电子送达")


class G04(Rule):
    """送达回证无受送达人签收，也无见证的留置送达记载

    检查内容：送达回证应有受送达人（或代收人）签名、盖章；受送达人拒绝签收的，应注明留置送达的情况，
    并有见证人签名或录音录像记载。
    依据：《中华人民共和国行政处罚法》第六十一条；《中华人民共和国民事诉讼法》第八十九条（留置送达）。
    不合格示例：送达回证“受送达人签名或盖章”栏空白，也未注明拒收、留置送达；
    注明“当事人拒绝签收，已留置送达”，但没有见证人签名，也没有录像记载。
    合格示例：受送达人栏有签名或单位印章；“受送达人拒绝签收，已留置送达。见证人：张某（签名），
    执法记录仪全程录像”。
    不适用情形：案卷中没有送达回证。
    以邮寄、公告、电子方式送达而回证上无签名的，需核对邮件签收记录或公告，结果为“人工核查”；
    回证上读不到受送达人签名栏时也为“人工核查”。
    """

    code = "G04"
    name = "receipt-recipient-signature-missing"
    title = "送达回证由受送达人签收或见证留置送达"
    category = "G"
    legal_basis = (
        Basis("中华人民共和国行政处罚法", "第六十一条"),
        Basis("中华人民共和国民事诉讼法", "第八十九条"),
    )

    def applies(self, ctx: Context) -> str | None:
        if not ctx.has(DocType.SERVICE_RECEIPT) and not ctx.unread:
            return "案卷中没有送达回证"
        return None

    def check(self, ctx: Context) -> Outcome:
        receipts = ctx.docs(DocType.SERVICE_RECEIPT)
        if not receipts:
            return self.manual(
                f"未见可读取的送达回证，请人工核查未能读取的内容（{'；'.join(ctx.unread[:5])}）"
            )
        failed, unknown, ok = [], [], []
        for doc in receipts:
            fields = doc.signatures_of(RECIPIENT_ROLES)
            signed = [s for s in fields if s.value.signed]
            manner = doc.service.manner
            lien = doc.service.lien_shown
            if signed:
                ok.append(signed[0].loc)
            elif lien is not None:
                proof = witnessed(doc) or recorded(doc)
                if proof is not None:
                    ok.extend([lien.loc, proof.loc])
                else:
                    failed.append(
                        (f"{doc_label(doc)}记载留置送达，但无见证人签名，也无录音录像记载", [lien.loc])
                    )
            elif manner is not None and manner.value in NO_SIGNATURE_MANNERS:
                unknown.append(
                    (
                        doc,
                        f"送达方式为{manner.value}，回证上无受送达人签名，需核对邮件签收记录、"
                        "公告或电子送达记录",
                        manner.loc,
                    )
                )
            elif fields:
                failed.append(
                    (
                        f"{doc_label(doc)}无受送达人签名（“{fields[0].value.label}”后空白），"
                        "也未注明留置送达",
                        [s.loc for s in fields],
                    )
                )
            else:
                unknown.append((doc, "未找到受送达人签名栏" + unread_note(ctx, doc), loc_of(doc)))
        if failed:
            return self.failed("；".join(m for m, _ in failed), [loc for _, locs in failed for loc in locs])
        if unknown:
            return self.manual(
                "；".join(f"{doc_label(d)}{why}" for d, why, _ in unknown) + "，请人工核查",
                [loc for *_, loc in unknown],
            )
        return self.passed(evidence=ok)
