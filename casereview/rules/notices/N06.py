"""N06 — the advance notice was served, with proof."""

from __future__ import annotations

import re

from casereview.model import DocType, Document, Outcome
from casereview.rules.base import Basis, Context, Rule, doc_label, loc_of
from casereview.text.labels import RECIPIENT_ROLES


def _key(s: str) -> str:
    """A case number for comparison: no whitespace, no brackets."""
    return re.sub(r"[\s〔〕\[\]【】（）()［］﹝﹞]", "", s or "")


def _serves_notice(receipt: Document) -> bool:
    return DocType.ADVANCE_NOTICE in receipt.service.served_types


def _names(receipt: Document, notice: Document) -> bool:
    """The receipt names the notice's own number (文号)."""
    if notice.case_number is None:
        return False
    number = _key(notice.case_number.value)
    return any(number and number in _key(v.loc.quote) for v in receipt.service.served)


class N06(Rule):
    """事先告知书无送达凭证

    检查内容：行政处罚事先告知书应有送达凭证：送达回证（所送达文书含该告知书），或受送达人在告知书上
    签收。当事人事后在放弃陈述申辩声明、决定书叙述等文书中称“已收到告知书”，不能代替送达凭证。
    依据：《中华人民共和国行政处罚法》第四十四条、第六十一条。
    不合格示例：案卷有告知书，送达回证只有决定书的一份；放弃陈述申辩声明称“已于3月26日收到告知书”。
    合格示例：送达回证写明“送达文书：《行政处罚告知书》（青市监罚告〔2024〕17号）”；
    或告知书下方“受送达人签收：陈国栋 2024年3月26日”。
    不适用情形：案卷中没有事先告知书。
    """

    code = "N06"
    name = "notice-service-unproven"
    title = "告知书送达有凭证"
    category = "N"
    legal_basis = (
        Basis("中华人民共和国行政处罚法", "第四十四条"),
        Basis("中华人民共和国行政处罚法", "第六十一条"),
    )

    def applies(self, ctx: Context) -> str | None:
        if not ctx.has(DocType.ADVANCE_NOTICE):
            return "案卷中没有行政处罚事先告知书"
        return None

    def check(self, ctx: Context) -> Outcome:
        receipts = [r for r in ctx.docs(DocType.SERVICE_RECEIPT) if _serves_notice(r)]
        unread = [r for r in ctx.docs(DocType.SERVICE_RECEIPT) if not r.service.served]
        used: set[int] = set()
        proven, unproven = [], []
        notices = ctx.docs(DocType.ADVANCE_NOTICE)
        for notice in notices:
            if notice.signed_by(RECIPIENT_ROLES):
                proven.append(loc_of(notice))
                continue
            # A receipt naming the notice's 文号 proves it (also for a second copy of the same notice).
            match = next((r for r in receipts if _names(r, notice)), None)
            match = match or next(
                (
                    r
                    for r in receipts
                    if id(r) not in used and not any(_names(r, n) for n in notices if n is not notice)
                ),
                None,
            )
            if match is not None:
                used.add(id(match))
                served = [v for v in match.service.served if v.value.type == DocType.ADVANCE_NOTICE]
                proven.append(loc_of(match, served[0] if served else None))
            else:
                unproven.append(notice)
        if not unproven:
            return self.passed(evidence=proven)
        message = "；".join(
            f"{doc_label(n)}{f'（{n.case_number.value}）' if n.case_number else ''}"
            "没有送达回证，告知书上也没有受送达人签收"
            for n in unproven
        )
        evidence = [loc_of(n, n.case_number) for n in unproven]
        if unread:
            return self.manual(
                f"{message}；{'、'.join(doc_label(r) for r in unread)}未能读出所送达的文书，请人工核查",
                evidence + [loc_of(r) for r in unread],
            )
        return ctx.absent(self, message, evidence)
