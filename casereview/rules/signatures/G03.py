"""G03 — the decision and the advance notice bear the agency's seal."""

from __future__ import annotations

from pathlib import PurePath

from casereview.model import DocType, Document, Outcome
from casereview.rules.base import Basis, Context, Rule, doc_label, loc_of
from casereview.rules.signatures._shared import unread_after

DOCS = (DocType.PENALTY_DECISION, DocType.ADVANCE_NOTICE)
TEXT_ONLY = {".txt"}  # formats that cannot hold a picture of a seal


def _unmeasured_pictures(doc: Document) -> int:
    """Pictures whose colours were not analysed (a page scan, an unreadable image)."""
    return sum(1 for b in doc.blocks for img in b.images if img.red_share is None)


class G03(Rule):
    """处罚决定书或事先告知书未加盖印章

    检查内容：行政处罚决定书和行政处罚事先告知书应加盖行政机关印章：文书中有红色印章图片
    （嵌入的印章图片，或页面上的红色印章）。
    依据：《中华人民共和国行政处罚法》第五十九条（必须盖有作出行政处罚决定的行政机关的印章）。
    不合格示例：决定书落款“青山县市场监督管理局 2024年5月20日”处没有印章。
    合格示例：决定书落款处有红色圆形印章图片覆盖机关名称和日期。
    不适用情形：案卷中没有行政处罚决定书和事先告知书。
    文书是纯文本文件（无法承载印章），或文书中有未能分析颜色的图片（扫描页），或其后页面待 OCR 识别时，
    结果为“人工核查”。
    """

    code = "G03"
    name = "decision-seal-missing"
    title = "决定书、告知书加盖印章"
    category = "G"
    legal_basis = (Basis("中华人民共和国行政处罚法", "第五十九条"),)

    def applies(self, ctx: Context) -> str | None:
        if not ctx.has(*DOCS) and not ctx.unread:
            return "案卷中没有行政处罚决定书和事先告知书"
        return None

    def check(self, ctx: Context) -> Outcome:
        docs = ctx.docs(*DOCS)
        if not docs:
            return self.manual(
                f"未见可读取的处罚决定书或事先告知书，请人工核查未能读取的内容（{'；'.join(ctx.unread[:5])}）"
            )
        missing, unknown, ok = [], [], []
        for doc in docs:
            seals = doc.fields.get("seals") or []
            if seals:
                closing = [s for s in seals if s.value.get("near_closing")] or seals
                ok.append(closing[0].loc)
            elif PurePath(doc.source).suffix.lower() in TEXT_ONLY:
                unknown.append((doc, "是纯文本文件，无法看到是否加盖印章"))
            elif n := _unmeasured_pictures(doc):
                unknown.append((doc, f"有 {n} 张图片未能分析颜色（如扫描页），无法判断是否有印章"))
            elif where := unread_after(ctx, doc):
                unknown.append((doc, f"未见印章，但 {where} 未能识别，可能是本文书的落款页"))
            else:
                missing.append(doc)
        if missing:
            message = "；".join(f"{doc_label(d)}未见行政机关印章" + self._closing_note(d) for d in missing)
            return self.failed(message, [loc for d in missing for loc in self._closing_locs(ctx, d)])
        if unknown:
            return self.manual(
                "；".join(f"{doc_label(d)}{why}" for d, why in unknown) + "，请人工核查",
                [loc_of(d) for d, _ in unknown],
            )
        return self.passed(evidence=ok)

    @staticmethod
    def _closing_locs(ctx: Context, doc: Document) -> list:
        """The closing (落款) where the seal belongs — its agency and its date, as the message names them — else
        the document's title."""
        agency = doc.fields.get("closing_agency") or doc.fields.get("agency")
        date = doc.fields.get("closing_date") or doc.date
        out = [ctx.at(doc, agency)] if agency is not None else []
        if date is not None and hasattr(date.value, "isoformat"):
            out.append(ctx.at(doc, date))
        return list(dict.fromkeys(out)) or [loc_of(doc)]

    @staticmethod
    def _closing_note(doc: Document) -> str:
        v = doc.fields.get("closing_agency") or doc.fields.get("agency")
        date = doc.fields.get("closing_date") or doc.date
        parts = [f"机关“{v.value}”"] if v is not None else []
        if date is not None and hasattr(date.value, "isoformat"):
            parts.append(f"日期 {date.value.isoformat()[:10]}")
        return f"（落款{'，'.join(parts)}）" if parts else ""
