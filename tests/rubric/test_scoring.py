"""Scoring: deductions, veto modes, grade bands, manual items (pure functions on outcomes)."""

from __future__ import annotations

import pytest

from casereview.model import Outcome
from casereview.rubric import Item, Rubric
from casereview.rubric.scoring import score


def rubric(veto_mode="zero", grades=(("优秀", 90), ("合格", 60), ("不合格", 0)), items=None) -> Rubric:
    items = items or {
        "A01": Item("A01", 1),
        "T01": Item("T01", 5),
        "N01": Item("N01", 10, veto=True),
        "D06": Item("D06", 3),
        "C03": Item("C03", 2, enabled=False),
    }
    return Rubric("t", "1", "t", veto_mode, 100.0, list(grades), {}, items, "0" * 64, "test")


def outcomes(**statuses) -> list[Outcome]:
    return [Outcome(code, status, "x") for code, status in statuses.items()]


def test_clean_file_scores_full_marks():
    s = score(outcomes(A01="pass", T01="pass", N01="pass", D06="na"), rubric())
    assert (s.score, s.grade, s.veto, s.needs_manual_review) == (100.0, "优秀", False, False)


def test_deductions_add_up_per_failed_item():
    outs = outcomes(A01="fail", T01="fail", N01="pass", D06="fail")
    s = score(outs, rubric())
    assert s.score == 91.0 and s.grade == "优秀"
    assert [o.points_deducted for o in outs] == [1.0, 5.0, 0.0, 3.0]
    assert s.failed_codes == ["A01", "T01", "D06"]


def test_score_never_below_zero():
    items = {f"X{i:02d}": Item(f"X{i:02d}", 30) for i in range(5)}
    s = score([Outcome(c, "fail", "x") for c in items], rubric(items=items))
    assert s.score == 0.0 and s.grade == "不合格"


@pytest.mark.parametrize(
    ("mode", "expected_score", "expected_grade"),
    [
        ("zero", 0.0, "不合格"),
        ("grade", 90.0, "不合格"),
        ("cap", 90.0, "合格"),
    ],
)
def test_veto_modes(mode, expected_score, expected_grade):
    outs = outcomes(A01="pass", T01="pass", N01="fail", D06="pass")
    s = score(outs, rubric(mode))
    assert (s.score, s.grade, s.veto, s.veto_codes) == (expected_score, expected_grade, True, ["N01"])
    assert outs[2].veto is True


def test_cap_leaves_a_lower_grade_alone():
    outs = outcomes(A01="fail", T01="fail", N01="fail", D06="fail")
    s = score(outs, rubric("cap"))
    assert s.score == 81.0 and s.grade == "合格"


def test_optional_liang_hao_band():
    grades = (("优秀", 90), ("良好", 80), ("合格", 60), ("不合格", 0))
    s = score(outcomes(A01="fail", T01="fail", N01="pass", D06="fail"), rubric(grades=grades))
    assert s.grade == "优秀"
    s = score(
        outcomes(A01="pass", T01="fail", N01="pass", D06="fail") + [Outcome("X01", "fail")],
        rubric(grades=grades, items={"T01": Item("T01", 5), "D06": Item("D06", 3), "X01": Item("X01", 5)}),
    )
    assert (s.score, s.grade) == (87.0, "良好")


def test_manual_deducts_nothing_but_marks_review():
    s = score(outcomes(A01="manual", T01="pass", N01="manual", D06="pass"), rubric())
    assert s.score == 100.0 and s.needs_manual_review and s.manual_codes == ["A01", "N01"]
    assert not s.veto


def test_disabled_item_deducts_nothing():
    outs = outcomes(C03="fail")
    s = score(outs, rubric())
    assert s.score == 100.0 and outs[0].points_deducted == 0.0
