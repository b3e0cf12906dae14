"""D06 — the decision states the remedies with the right periods."""

from __future__ import annotations

import datetime as dt

from casereview.model import Outcome, Value
from casereview.rules.base import Basis, Context, DecisionRule, Reading, doc_label, edits, loc_of, misread_of
from casereview.rules.timing import as_date, date_of

# The periods by the date of the decision: (in force from, reconsideration days, litigation months).
# 行政复议法 (1999-10-01) raised 15 days to 60; 行政诉讼法 (2014 revision, 2015-05-01) raised 3 months to 6.
PERIODS = (
    (dt.date(2015, 5, 1), 60, 6),
    (dt.date(1999, 10, 1), 60, 3),
    (dt.date(1990, 10, 1), 15, 3),
)


_TEN = 10  # 十: numbers below it are written with one numeral


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


_CN = "〇一二三四五六七八九"


def _cn(n: int) -> str:
    """A period's number as a decision writes it: 6 六, 15 十五, 60 六十."""
    if n < _TEN:
        return _CN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[ones] if ones else "")


_CN_LOOKALIKES = frozenset(frozenset(p) for p in ("一二", "二三"))  # strokes lost or merged


def _misread(r: Reading, said: int | None, wanted: int) -> bool:
    """A period read off a scan that may be the lawful one misread: a numeral dropped or added (六十日 read
    as 六日 or 十日), one numeral for a look-alike (二 / 三, 8 / 6), or read with a low confidence.
    A confidently read 三个月 against 六个月 is what the page says (the old template's period)."""
    if not r.ocr or said is None:
        return False
    if r.weak:
        return True
    cn_said, cn_wanted = _cn(said), _cn(wanted)
    if edits(cn_said, cn_wanted) == 1 and len(cn_said) != len(cn_wanted):
        return True
    if len(cn_said) == len(cn_wanted) and edits(cn_said, cn_wanted) == 1:
        a, b = next((x, y) for x, y in zip(cn_said, cn_wanted, strict=True) if x != y)
        if frozenset((a, b)) in _CN_LOOKALIKES:
            return True
    return misread_of(str(said), str(wanted))


class D06(DecisionRule):
    """处罚决定书未正确告知复议、诉讼期限

    检查内容：决定书应当告知当事人申请行政复议、提起行政诉讼的途径和期限：自收到决定书之日起六十日内
    申请行政复议，六个月内提起行政诉讼。旧文书模板的“十五日内申请复议”“三个月内起诉”不合格。
    期限按决定书日期适用当时的法律（2015-05-01 前起诉期限为三个月）。
    依据：《中华人民共和国行政处罚法》第五十九条第一款第（五）项；《中华人民共和国行政复议法》第二十条；
    《中华人民共和国行政诉讼法》第四十六条。
    不合格示例：“如不服本决定，可在接到本决定书之日起十五日内申请复议，也可在三个月内直接向人民法院起诉。”
    合格示例：“可以在收到本决定书之日起六十日内申请行政复议，或者在六个月内依法提起行政诉讼。”
    不适用情形：案卷中没有行政处罚决定书。期限不符而决定书日期认不出时交人工核查；扫描件上识别出的期限与法定期限
    只差一个字（如“六十日”识别为“六日”），或识别置信度低的，也交人工核查。
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
        missing = [
            what
            for what, v in (("申请行政复议的期限", review), ("提起行政诉讼的期限", litigation))
            if v is None
        ]
        if missing:
            found = [loc_of(decision, v) for v in (review, litigation) if v is not None] or [loc_of(decision)]
            return ctx.absent(
                self, f"{doc_label(decision)}未告知{'和'.join(missing)}", found, within=[decision]
            )
        decided = date_of(decision)
        day = as_date(decided.value) if decided is not None else None
        want_review, want_months = periods_on(day or dt.date.today())
        wrong, unsure = [], []
        for v, got, want, unit in (
            (review, _days(review), want_review, "日"),
            (litigation, _months(litigation), want_months, "个月"),
        ):
            if got == want:
                continue
            what = "复议期限" if v is review else "起诉期限"
            r = ctx.reading(_said(v), ctx.at(decision, v), decision)
            n = v.value.get("n") if v.value.get("unit") == ("日" if v is review else "个月") else None
            if _misread(r, n, want):
                unsure.append((f"{what}识别为{r}，法定为 {want} {unit}", r))
            else:
                wrong.append((f"{what}写作 {_said(v)}（应为 {want} {unit}）", r))
        evidence = [ctx.at(decision, review), ctx.at(decision, litigation)]
        if wrong:
            said = "，".join(m for m, _ in wrong)
            if day is None:
                return self.manual(
                    f"{doc_label(decision)}{said}，但决定书落款日期未能识别，"
                    "无法确定适用的法律版本，请人工核查",
                    evidence,
                )
            return self.read_surely(
                ctx,
                self.failed(
                    f"{doc_label(decision)}（落款日期 {day.isoformat()}）{said}",
                    evidence + [ctx.at(decision, decided)],
                ),
                (decision, decided),
            )
        if unsure:
            return self.manual(
                f"{doc_label(decision)}"
                + "；".join(m for m, _ in unsure)
                + "，只差个别字或识别置信度低，可能是识别误差，请人工核对",
                evidence,
            )
        return self.passed(f"复议 {_said(review)}，诉讼 {_said(litigation)}", evidence)
