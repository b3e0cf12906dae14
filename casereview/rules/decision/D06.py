"""D06 — the decision states the remedies with the right periods."""

from __future__ import annotations

import datetime as dt

from casereview.model import Outcome, Value
from casereview.rules.base import Basis, Context, DecisionRule, doc_label, loc_of
from casereview.rules.timing import as_date, date_of

# The periods by the date of the decision: (in force from, reconsideration days, litigation months).
# 行政复议法 (1999-10-01) raised 15 days to 60; 行政诉讼法 (2014 revision, 2015-05-01) raised 3 months to 6.
PERIODS = (
    (dt.date(2015, 5, 1), 60, 6),
    (dt.date(1999, 10, 1), 60, 3),
    (dt.date(1990, 10, 1), 15, 3),
)


def periods_on(day: dt.date) -> tuple[int, int]:
    for since, review, litigation in PERIODS:
        if day >= since:
            return review, litigation
    return PERIODS[-1][1], PERIODS[-1][2]


def _days(v: Value) -> int | None:
    n, unit = v.value.get("n"), v.value.get("unit")
    if n is None:
        return None
    return {"日": n, "个月": n * 30, "年": n * 365}.get(unit)


def _months(v: Value) -> int | None:
    n, unit = v.value.get("n"), v.value.get("unit")
    if n is None:
        return None
    return {"个月": n, "年": n * 12}.get(unit, -1 if unit == "日" else None)


def _said(v: Value) -> str:
    return f"{v.value.get('n')}{v.value.get('unit')}"


class D06(DecisionRule):
    """处罚决定书未正确告知复议、诉讼期限

    检查内容：决定书应当告知当事人申请行政复议、提起行政诉讼的途径和期限：自收到决定书之日起六十日内
    申请行政复议，六个月内提起行政诉讼。旧文书模板的“十五日内申请复议”“三个月内起诉”不合格。
    期限按决定书日期适用当时的法律（2015-05-01 前起诉期限为三个月）。
    依据：《中华人民共和国行政处罚法》第五十九条第一款第（五）项；《中华人民共和国行政复议法》第二十条；
    《中华人民共和国行政诉讼法》第四十六条。
    不合格示例：“如不服本决定，可在接到本决定书之日起十五日内申请复议，也可在三个月内直接向人民法院起诉。”
    合格示例：“可以在收到本决定书之日起六十日内申请行政复议，或者在六个月内依法提起行政诉讼。”
    不适用情形：案卷中没有行政处罚决定书。期限不符而决定书日期认不出时交人工核查。
    """

    code = "D06"
    name = "remedy-periods-wrong-or-missing"
    title = "决定书正确告知复议和诉讼期限"
    category = "D"
    legal_basis = (
        Basis("中华人民共和国行政处罚法", "第五十九条第一款第（五）项"),
        Basis("中华人民共和国行政复议法", "第二十条"),
        Basis("中华人民共和国行政诉讼法", "第四十六条"),
    )

    def check(self, ctx: Context) -> Outcome:
        decision = ctx.decision
        review = decision.fields.get("review_period")
        litigation = decision.fields.get("litigation_period")
        missing = [what for what, v in (("申请行政复议的期限", review), ("提起行政诉讼的期限", litigation)) if v is None]
        if missing:
            found = [loc_of(decision, v) for v in (review, litigation) if v is not None] or [loc_of(decision)]
            return ctx.absent(self, f"{doc_label(decision)}未告知{'和'.join(missing)}", found, within=[decision])
        decided = date_of(decision)
        day = as_date(decided.value) if decided is not None else None
        want_review, want_months = periods_on(day or dt.date.today())
        wrong = []
        if _days(review) != want_review:
            wrong.append(f"复议期限写作 {_said(review)}（应为 {want_review} 日）")
        if _months(litigation) != want_months:
            wrong.append(f"起诉期限写作 {_said(litigation)}（应为 {want_months} 个月）")
        evidence = [loc_of(decision, review), loc_of(decision, litigation)]
        if wrong:
            if day is None:
                return self.manual(f"{doc_label(decision)}{'，'.join(wrong)}，但决定书落款日期未能识别，"
                                   "无法确定适用的法律版本，请人工核查", evidence)
            return self.failed(f"{doc_label(decision)}（{day.isoformat()}）{'，'.join(wrong)}", evidence)
        return self.passed(f"复议 {_said(review)}，诉讼 {_said(litigation)}", evidence)
