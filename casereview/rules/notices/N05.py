"""N05 — no heavier penalty than the one notified, unless notified again."""

from __future__ import annotations

import datetime as dt

from casereview.model import DocType, Document, Outcome
from casereview.rules.base import Basis, Context, Rule, digits_confusable, doc_label, loc_of
from casereview.rules.timing import as_date


def _yuan(x: float) -> str:
    return f"{int(x)}" if float(x).is_integer() else f"{x:.2f}"


def _date(doc: Document) -> dt.date | None:
    return as_date(doc.date.value) if doc.date is not None else None


def latest_notice(notices: list[Document], decision: Document) -> Document:
    """The latest advance notice not dated after the decision (file order breaks ties and undated ones)."""
    decided = _date(decision)
    before = [n for n in notices if decided is None or _date(n) is None or _date(n) <= decided] or notices
    order = {id(n): i for i, n in enumerate(notices)}
    return max(before, key=lambda n: (_date(n) or dt.date.min, order[id(n)]))


class N05(Rule):
    """决定的处罚重于事先告知的处罚且未重新告知

    检查内容：行政处罚决定书决定的罚款、没收金额不得高于最后一次事先告知书拟作出的金额，
    也不得增加告知书未告知的处罚种类；加重的，应重新告知（以最后一份事先告知书为准）。
    依据：《中华人民共和国行政处罚法》第四十五条。
    不合格示例：告知书拟罚款 20000 元，决定书罚款 50000 元，案卷中没有重新告知。
    合格示例：决定书罚款 20000 元，与告知书一致；或告知书拟罚款 20000 元，
    后一份告知书改为拟罚款 50000 元，决定书罚款 50000 元。
    不适用情形：案卷中没有行政处罚决定书或没有事先告知书（后者由 N01 判定）。
    一方为扫描件、两个金额只差一位数字（如“5000”与“3000”），或识别置信度低的，交人工核查，列出两处识别结果及所在页。
    """

    code = "N05"
    name = "penalty-heavier-than-notified"
    title = "处罚不重于告知的处罚"
    category = "N"
    legal_basis = (Basis("中华人民共和国行政处罚法", "第四十五条"),)

    def applies(self, ctx: Context) -> str | None:
        if ctx.decision is None:
            return "案卷中没有行政处罚决定书"
        if not ctx.has(DocType.ADVANCE_NOTICE):
            return "案卷中没有事先告知书，无从比较（见 N01）"
        return None

    def check(self, ctx: Context) -> Outcome:
        decision = ctx.decision
        notice = latest_notice(ctx.docs(DocType.ADVANCE_NOTICE), decision)
        dp, np_ = decision.penalty, notice.penalty
        d_types, p_types = dp.type_list, np_.type_list
        d_fine, p_fine = dp.fine, np_.fine
        d_conf, p_conf = dp.confiscation, np_.confiscation
        dl, nl = doc_label(decision), doc_label(notice)
        if not d_types and d_fine is None and d_conf is None:
            return self.manual(f"未能从{dl}读出决定的处罚内容，请人工核对是否重于告知书", [loc_of(decision)])
        if not p_types and p_fine is None and p_conf is None:
            return self.manual(
                f"未能从{nl}读出拟作出的处罚内容，请人工核对决定是否重于告知", [loc_of(notice)]
            )
        heavier, unknown, evidence, unsure = [], [], [], []
        for name, d, p in (("罚款", d_fine, p_fine), ("没收", d_conf, p_conf)):
            if d is None:
                continue
            if p is not None:
                if d.value > p.value + 0.005:
                    dr = ctx.reading(
                        f"{_yuan(d.value)} 元", ctx.showing(d.loc, float(d.value), decision), decision
                    )
                    pr = ctx.reading(
                        f"{_yuan(p.value)} 元", ctx.showing(p.loc, float(p.value), notice), notice
                    )
                    if digits_confusable(dr, pr, float(d.value), float(p.value)):
                        # 5000 / 3000 read off a scan: one misread digit may make the difference.
                        unsure.append((f"{dl}{name}识别为{dr}，{nl}拟{name}识别为{pr}", [dr.loc, pr.loc]))
                        continue
                    heavier.append(f"{dl}{name} {_yuan(d.value)} 元重于{nl}拟{name} {_yuan(p.value)} 元")
                    evidence += [dr.loc, pr.loc]
            elif any(t.startswith(name) for t in p_types):
                unknown.append(f"{nl}拟{name}的金额未能读出")
        added = [t for t in d_types if t not in p_types and not (t == "罚款" and p_fine is not None)]
        if added:
            heavier.append(f"{dl}增加了{nl}未告知的处罚种类：{'、'.join(added)}")
            evidence += [loc_of(decision, dp.types), loc_of(notice, np_.types)]
        if heavier:
            return self.failed("；".join(heavier) + "，且无重新告知", list(dict.fromkeys(evidence)))
        if unsure:
            return self.manual(
                "；".join(m for m, _ in unsure) + "，只差一位数字或识别置信度低，可能是识别误差，"
                "请人工核对决定是否重于告知",
                list(dict.fromkeys(x for _, locs in unsure for x in locs)),
            )
        if unknown:
            return self.manual(
                "；".join(unknown) + f"，请人工核对{dl}是否重于告知", [loc_of(notice), loc_of(decision)]
            )
        ev = [loc_of(decision, v) for v in (d_fine, d_conf, dp.types) if v is not None]
        return self.passed(evidence=ev + [loc_of(notice)])
