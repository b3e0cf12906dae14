"""C03 — a sum stated in Chinese numerals equals the same sum in figures."""

from __future__ import annotations

from casereview.model import Outcome, Value
from casereview.rules.base import SAME_SUM, Basis, Context, Rule, digits_confusable, doc_label


def _figures(v: dict) -> str:
    return v.get("figures_text") or f"{v['figures']:,.2f}"


def _words(v: dict) -> str:
    return v.get("words_text") or f"{v['words']:,.2f} 元"


class C03(Rule):
    """大写金额与小写金额不一致

    检查内容：文书中同一金额同时以中文大写和阿拉伯数字书写的（如“人民币伍万元整（¥50,000.00）”、
    缴款书“金额（大写）”“金额（小写）”两栏），两者应相等。
    小写金额本身写错、不成数字的（如“¥6,20.00”“¥5.0.00”）同样不合格；若该金额在扫描页上，可能是识别错误，结果为“人工核查”。
    扫描页上大小写金额只差一位数字（错读、漏读或多读一位，如“伍万元”与“¥5,000.00”），或识别置信度低而不一致的，
    也为“人工核查”，列出两处识别结果及所在页。
    依据：山东省司法厅《山东省行政处罚案卷评查标准》（鲁司〔2023〕33号）文书规范标准评查（文书制作规范）；
    国家测绘地理信息局《测绘地理信息行政处罚案卷评查标准》案卷卷面标准（文书按规范制作，填写不完整、不清楚、不规范的逐项扣分）。
    不合格示例：告知书“罚款人民币伍万元整（¥5,000.00）”；“人民币陆仟贰佰元整（¥6,20.00）”。
    合格示例：“罚款人民币伍万元整（¥50,000.00）”；“伍万零壹佰壹拾肆元整 / ¥50,114.00”。
    不适用情形：案卷中没有同时以大写和小写书写的金额。
    案卷中没有读到大小写金额、但有未能读取的内容时，结果为“人工核查”。
    """

    code = "C03"
    name = "amount-words-figures-differ"
    title = "大小写金额一致"
    category = "C"
    legal_basis = (
        Basis("山东省行政处罚案卷评查标准", "（鲁司〔2023〕33号）文书规范标准评查（文书制作规范）"),
        Basis("测绘地理信息行政处罚案卷评查标准", "案卷卷面标准（文书制作规范）"),
    )

    def applies(self, ctx: Context) -> str | None:
        if (
            not any(
                d.fields.get("amount_pairs") or d.fields.get("malformed_figures") for d in ctx.case.documents
            )
            and not ctx.unread
        ):
            return "案卷中没有同时以大写和小写书写的金额"
        return None

    def check(self, ctx: Context) -> Outcome:
        pairs: list[tuple] = [
            (d, v)
            for d in ctx.case.documents
            for v in d.fields.get("amount_pairs") or []
            if isinstance(v, Value)
        ]
        bad = [(d, v) for d in ctx.case.documents for v in d.fields.get("malformed_figures") or []]
        misprinted = [(d, v) for d, v in bad if not v.value["scanned"]]
        misread = [(d, v) for d, v in bad if v.value["scanned"]]
        if not pairs and not bad:
            return self.manual(
                f"未读到大小写金额；案卷中有未能读取的内容（{'；'.join(ctx.unread[:5])}），"
                "其中的金额请人工核对"
            )
        differ, misread_pairs = [], []
        for d, v in pairs:
            words, figures = float(v.value["words"]), float(v.value["figures"])
            if abs(words - figures) <= SAME_SUM:
                continue
            w = ctx.reading(_words(v.value), ctx.showing(v.loc, words, d), d)
            f = ctx.reading(_figures(v.value), ctx.showing(v.loc, figures, d), d)
            # Read off a scan one digit apart (¥5,000.00 for 伍万元), or with a low confidence: maybe a misreading.
            (misread_pairs if digits_confusable(w, f, words, figures) else differ).append((d, v, w, f))
        if differ or misprinted:
            message = "；".join(
                [
                    f"{doc_label(d)}大写金额{_words(v.value)}与小写 {_figures(v.value)} 不一致"
                    for d, v, _, _ in differ
                ]
                + [f"{doc_label(d)}小写金额“{v.value['text']}”书写有误，不成数字" for d, v in misprinted]
            )
            return self.failed(
                message,
                list(
                    dict.fromkeys(
                        [loc for *_, w, f in differ for loc in (w.loc, f.loc)]
                        + [v.loc for _, v in misprinted]
                    )
                ),
            )
        if misread_pairs:
            return self.manual(
                "；".join(
                    f"{doc_label(d)}大写金额识别为{w}，小写金额识别为{f}，两者不一致"
                    for d, _, w, f in misread_pairs
                )
                + "，可能是识别误差（个别数字识别有误），请人工核对",
                list(dict.fromkeys(loc for *_, w, f in misread_pairs for loc in (w.loc, f.loc))),
            )
        if misread:
            return self.manual(
                "；".join(
                    f"{doc_label(d)}扫描页上的小写金额识别为“{v.value['text']}”，不成数字，可能是识别错误"
                    for d, v in misread
                )
                + "，请人工核对大小写金额是否一致",
                [v.loc for _, v in misread],
            )
        return self.passed(evidence=[v.loc for _, v in pairs])
