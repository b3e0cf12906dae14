"""S01 — at least two enforcement officers on each inspection / inquiry record."""

from __future__ import annotations

from casereview.model import Outcome
from casereview.rules.base import (
    SISHUI_MEASURES,
    Basis,
    Context,
    Reading,
    RecordRule,
    confusable,
    doc_label,
    loc_of,
)
from casereview.text.labels import OFFICER_ROLES

MIN_OFFICERS = 2  # 行政处罚法 第四十二条: no fewer than two enforcement officers


class S01(RecordRule):
    """现场检查笔录或询问笔录记载的执法人员不足两人

    检查内容：每一份现场检查（勘验）笔录、询问（调查）笔录应记载至少两名执法人员
    （笔录首部的执法人员、询问人，或笔录末尾的执法人员签名）。
    依据：《中华人民共和国行政处罚法》第四十二条、第五十五条；
    泗水县人民政府办公室《关于深入推进依法行政工作的若干措施》第八项（严格规范行政程序：行政执法须有2人以上）。
    不合格示例：询问笔录首部仅记载“询问人：张伟（执法证号 33010012345）”，签名处也只有张伟一人。
    合格示例：现场检查笔录记载“执法人员：李明辉（1411030023）、王建军（1411030031）”。
    不适用情形：案卷中没有现场检查笔录或询问笔录。
    读不出笔录的执法人员栏、仅凭签名又不足两人时，结果为“人工核查”，不作判定；笔录有未能识别的页，
    或执法人员签名栏中的手写签名多于读出的姓名时，也为“人工核查”；扫描页上识别出的两个姓名只差个别字
    （可能是同一人的姓名识别有误，如“陈少华”“陈少毕”）、去掉后不足两人的，也为“人工核查”。
    """

    code = "S01"
    name = "record-single-officer"
    title = "调查、检查时执法人员不少于两人"
    category = "S"
    legal_basis = (
        Basis("中华人民共和国行政处罚法", "第四十二条"),
        Basis("中华人民共和国行政处罚法", "第五十五条"),
        SISHUI_MEASURES.at("第八项"),
    )

    def check_records(self, ctx: Context, records: list) -> Outcome:
        short, unknown, ok, twins = [], [], [], []
        for doc in records:
            values = doc.record.officers
            sigs = [s.value for s in doc.signatures_of(OFFICER_ROLES)]
            signed = sorted({n for s in sigs if s.signed and s.name for n in s.name.split("、")})
            names = list(dict.fromkeys([v.value.name for v in values] + signed))
            where = [ctx.showing(v.loc, v.value.name, doc) for v in values] or [loc_of(doc)]
            pictures = sum(
                s.images + (1 if s.kind == "image" and not s.images else 0)
                for s in sigs
                if s.signed and not s.name
            )
            if not names or (not values and len(names) < MIN_OFFICERS):
                # No officer line could be read: one signature alone does not show that only one officer took part.
                unknown.append((doc, where))
            elif len(names) < MIN_OFFICERS and (doc.unread_pages or pictures >= MIN_OFFICERS):
                # Part of the record is unread, or more officers signed by hand than are named: not decided.
                unknown.append((doc, where))
            elif len(names) < MIN_OFFICERS:
                short.append((doc, names[0], [ctx.showing(where[0], names[0], doc)] + where[1:]))
            elif pairs := self._twins(ctx, doc, names, values):
                # 陈少华 listed and 陈少毕 read off a scanned signature: perhaps one officer read twice.
                twins.append((doc, pairs))
            else:
                ok.extend(where)
        if short:
            message = "；".join(f"{doc_label(d)}仅记载执法人员{name}一人" for d, name, _ in short)
            return self.failed(message, list(dict.fromkeys(loc for *_, where in short for loc in where)))
        if twins:
            message = "；".join(
                f"{doc_label(d)}识别出的执法人员"
                + "、".join(f"{a}与{b}" for a, b in pairs)
                + "只差个别字，可能是同一人的姓名识别有误"
                for d, pairs in twins
            )
            return self.manual(
                message + "，请人工核查执法人员是否不少于两人",
                list(dict.fromkeys(r.loc for _, pairs in twins for pair in pairs for r in pair)),
            )
        if unknown:
            docs = "、".join(doc_label(d) for d, _ in unknown)
            return self.manual(
                f"未能从{docs}读出执法人员姓名，请人工核查执法人员是否不少于两人",
                list(dict.fromkeys(loc for _, where in unknown for loc in where)),
            )
        return self.passed(evidence=list(dict.fromkeys(ok)))

    @staticmethod
    def _twins(ctx: Context, doc, names: list[str], values: list) -> list[tuple[Reading, Reading]]:
        """Pairs of names a misreading could make of one person, when without them fewer than two remain."""
        place = {v.value.name: ctx.showing(v.loc, v.value.name, doc) for v in values}
        readings = [ctx.reading(n, place.get(n) or ctx.showing(loc_of(doc), n, doc), doc) for n in names]
        pairs = [(a, b) for i, a in enumerate(readings) for b in readings[i + 1 :] if confusable(a, b)]
        return pairs if len(names) - len(pairs) < MIN_OFFICERS else []
