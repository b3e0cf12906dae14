"""L05 — collective discussion precedes the decision and records a conclusion."""

from __future__ import annotations

from casereview.model import DocType, Outcome
from casereview.rules.base import Basis, Context, Rule, doc_label, loc_of
from casereview.rules.timing import as_date, date_of, fmt


class L05(Rule):
    """集体讨论晚于处罚决定或未记录讨论结论

    检查内容：负责人集体讨论应当在作出处罚决定之前进行（讨论日期不得晚于决定书落款日期，同日视为合格），
    讨论记录应当载明讨论结论（结论、决定意见、一致同意……）。
    依据：《中华人民共和国行政处罚法》第五十七条。
    不合格示例：集体讨论记录时间 2024-04-05，决定书落款 2024-03-29；或记录只有各人发言，没有讨论结论。
    合格示例：2024-03-27 集体讨论，记录“经讨论，一致同意对当事人罚款……”，2024-03-29 作出决定。
    不适用情形：案卷中没有集体讨论记录。没有决定书时只检查讨论结论。日期认不出时交人工核查。
    """

    code = "L05"
    name = "collective-discussion-late-or-inconclusive"
    title = "集体讨论在决定之前并记录结论"
    category = "L"
    legal_basis = (Basis("中华人民共和国行政处罚法", "第五十七条"),)

    def applies(self, ctx: Context) -> str | None:
        if not ctx.has(DocType.COLLECTIVE_DISCUSSION):
            return "案卷中没有集体讨论记录"
        return None

    def check(self, ctx: Context) -> Outcome:
        discussions = ctx.docs(DocType.COLLECTIVE_DISCUSSION)
        for doc in discussions:
            if not doc.fields.get("conclusion"):
                return self.failed(f"{doc_label(doc)}未记录讨论结论（结论/决定意见）", [loc_of(doc)])
        decision = ctx.decision
        if decision is None:
            return self.passed(
                "集体讨论记录载明讨论结论（案卷中没有决定书，不比较日期）",
                [loc_of(d, d.fields["conclusion"]) for d in discussions],
            )
        decided = date_of(decision)
        if decided is None or as_date(decided.value) is None:
            return self.manual(
                f"{doc_label(decision)}的落款日期未能识别，无法比较集体讨论日期", [loc_of(decision)]
            )
        day = as_date(decided.value)
        undated = []
        for doc in discussions:
            v = date_of(doc)
            held = as_date(v.value) if v is not None else None
            if held is None:
                undated.append(doc)
            elif held > day:
                return self.read_surely(
                    ctx,
                    self.failed(
                        f"集体讨论日期 {fmt(held)}（{doc_label(doc)}）晚于决定书落款日期 {fmt(day)}",
                        [ctx.at(doc, v), ctx.at(decision, decided)],
                    ),
                    (doc, v),
                    (decision, decided),
                )
        if undated:
            return self.manual(
                f"{doc_label(undated[0])}的讨论日期未能识别，无法判断是否在决定之前",
                [loc_of(d) for d in undated],
            )
        return self.read_surely(
            ctx,
            self.passed(
                f"集体讨论不晚于决定 {fmt(day)}，并载明讨论结论",
                [loc_of(d, d.fields["conclusion"]) for d in discussions] + [ctx.at(decision, decided)],
            ),
            (decision, decided),
            *((d, date_of(d)) for d in discussions),
        )
