"""T07 — documents dated in a possible order."""

from __future__ import annotations

import datetime as dt

from casereview.model import DocType, Document, Location, Outcome, Value
from casereview.rules.base import Basis, Context, Rule, doc_label, loc_of
from casereview.rules.timing import as_date, date_of, fmt


def _day(doc: Document) -> tuple[dt.date, Value] | None:
    v = date_of(doc)
    day = as_date(v.value) if v is not None else None
    return (day, v) if day is not None else None


def _receipt_day(receipt: Document) -> tuple[dt.date, Value] | None:
    v = receipt.service.date
    if v is not None and as_date(v.value) is not None:
        return as_date(v.value), v
    return _day(receipt)


def _numbers(doc: Document) -> set[str]:
    return {"".join(str(v.value).split()) for v in doc.fields.get("case_numbers", [])}


class T07(Rule):
    """文书日期顺序倒置

    检查内容：文书日期之间不得出现不可能的先后顺序：送达回证的送达日期早于所送达文书的日期；
    结案审批表（结案报告）早于处罚决定书；事先告知书晚于处罚决定书。同日视为合格。
    依据：《中华人民共和国行政处罚法》第五章（行政处罚的决定程序）。
    不合格示例：决定书落款 2024-03-29，其送达回证载明 2024-03-27 送达；结案审批表 2024-03-20，决定书 2024-03-29。
    合格示例：告知书 2024-03-25，送达 2024-03-26，决定 2024-03-29 当日送达，2024-04-12 结案。
    不适用情形：案卷中没有可比较日期的文书（送达回证、结案审批表、告知书与决定书）。
    相关文书日期认不出、送达回证认不出所送文书时交人工核查。
    """

    code = "T07"
    name = "documents-dated-out-of-order"
    title = "文书日期顺序合理"
    category = "T"
    legal_basis = (Basis("中华人民共和国行政处罚法", "第五章"),)

    def applies(self, ctx: Context) -> str | None:
        if ctx.has(DocType.SERVICE_RECEIPT):
            return None
        if ctx.decision is not None and ctx.has(DocType.CLOSURE_REPORT, DocType.ADVANCE_NOTICE):
            return None
        return "案卷中没有可比较日期先后的文书（送达回证、结案审批表、告知书与决定书）"

    def check(self, ctx: Context) -> Outcome:
        unclear: list[tuple[str, Location]] = []
        checked = 0
        seen: list[Location] = []
        read: list[tuple[Document, Value]] = []
        for receipt in ctx.docs(DocType.SERVICE_RECEIPT):
            outcome = self._receipt(ctx, receipt, unclear, read)
            if isinstance(outcome, Outcome):
                return outcome
            if outcome:
                checked += 1
                seen.append(loc_of(receipt))
        decision = ctx.decision
        if decision is not None:
            decided = _day(decision)
            later = ctx.docs(DocType.CLOSURE_REPORT, DocType.ADVANCE_NOTICE)
            if later and decided is None:
                unclear.append((f"{doc_label(decision)}的落款日期未能识别", loc_of(decision)))
            for doc in later if decided is not None else ():
                d = _day(doc)
                if d is None:
                    unclear.append((f"{doc_label(doc)}的日期未能识别", loc_of(doc)))
                    continue
                checked += 1
                seen.append(ctx.at(doc, d[1]))
                read += [(doc, d[1]), (decision, decided[1])]
                pair = ((doc, d[1]), (decision, decided[1]))
                evidence = [ctx.at(doc, d[1]), ctx.at(decision, decided[1])]
                if doc.type == DocType.CLOSURE_REPORT and d[0] < decided[0]:
                    return self.read_surely(
                        ctx,
                        self.failed(
                            f"{doc_label(doc)}日期 {fmt(d[0])} 早于决定书落款日期 {fmt(decided[0])}", evidence
                        ),
                        *pair,
                    )
                if doc.type == DocType.ADVANCE_NOTICE and d[0] > decided[0]:
                    return self.read_surely(
                        ctx,
                        self.failed(
                            f"{doc_label(doc)}日期 {fmt(d[0])} 晚于决定书落款日期 {fmt(decided[0])}", evidence
                        ),
                        *pair,
                    )
        if unclear:
            return self.manual(
                "；".join(dict.fromkeys(m for m, _ in unclear)) + "，无法核对文书日期先后",
                list(dict.fromkeys(loc for _, loc in unclear)),
            )
        return self.read_surely(ctx, self.passed(f"已核对 {checked} 组文书日期，未见顺序倒置", seen), *read)

    def _receipt(self, ctx: Context, receipt: Document, unclear: list, read: list) -> Outcome | bool | None:
        """Check one receipt against what it serves: a fail, True when checked, None when nothing to check."""
        served_types = [
            t for t in dict.fromkeys(receipt.service.served_types) if t != DocType.SERVICE_RECEIPT
        ]
        if not served_types:
            if not receipt.service.served and "地址确认" not in receipt.title:
                unclear.append((f"{doc_label(receipt)}未能识别所送达的文书", loc_of(receipt)))
            return None
        rd = _receipt_day(receipt)
        result: bool | None = None
        for t in served_types:
            docs = ctx.docs(t)
            if not docs:
                continue
            numbered = [
                d
                for d in docs
                if d.case_number is not None
                and "".join(str(d.case_number.value).split()) in _numbers(receipt)
            ]
            docs = numbered or docs
            if rd is None:
                unclear.append((f"{doc_label(receipt)}的送达日期未能识别", loc_of(receipt)))
                return None
            dated = [(d, x) for d in docs if (x := _day(d)) is not None]
            before = [(d, x) for d, x in dated if x[0] <= rd[0]]
            if before:
                read += [(receipt, rd[1]), (before[0][0], before[0][1][1])]
                result = True
                continue
            if len(dated) < len(docs):
                undated = next(d for d in docs if _day(d) is None)
                unclear.append((f"{doc_label(undated)}的日期未能识别", loc_of(undated)))
                continue
            doc, (day, v) = min(dated, key=lambda t: t[1][0])
            return self.read_surely(
                ctx,
                self.failed(
                    f"{doc_label(receipt)}的送达日期 {fmt(rd[0])} 早于所送达的{doc_label(doc)}日期 {fmt(day)}",
                    [ctx.at(receipt, rd[1]), ctx.at(doc, v)],
                ),
                (receipt, rd[1]),
                (doc, v),
            )
        return result
