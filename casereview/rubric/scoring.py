"""Scoring: pure functions from outcomes and a rubric to a score and a grade.

- every failed code deducts its points, never more than the item's points (扣完为止);
- the score never goes below zero;
- a failed veto item: ``zero`` scores the file 0 and 不合格; ``grade`` keeps the
  score and forces 不合格; ``cap`` keeps the score and only bars 优秀;
- ``manual`` outcomes deduct nothing; any of them marks the result 待人工复核.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from casereview.model import Outcome
from casereview.rubric import Rubric


@dataclass(slots=True)
class Score:
    score: float
    grade: str
    veto: bool
    veto_codes: list[str] = field(default_factory=list)
    failed_codes: list[str] = field(default_factory=list)
    manual_codes: list[str] = field(default_factory=list)
    deducted: float = 0.0

    @property
    def needs_manual_review(self) -> bool:
        return bool(self.manual_codes)


def apply_points(outcomes: list[Outcome], rubric: Rubric) -> None:
    """Set ``points_deducted`` and ``veto`` on each outcome from the rubric's items."""
    for o in outcomes:
        item = rubric.items.get(o.code)
        if item is None or not item.enabled or o.status != "fail":
            o.points_deducted = 0.0
            o.veto = False
            continue
        o.points_deducted = float(item.points)
        o.veto = item.veto


def score(outcomes: list[Outcome], rubric: Rubric) -> Score:
    """The case's score and grade under ``rubric``."""
    apply_points(outcomes, rubric)
    failed = [o for o in outcomes if o.status == "fail"]
    vetoes = [o.code for o in failed if o.veto]
    deducted = sum(o.points_deducted for o in failed)
    total = max(0.0, rubric.start - deducted)
    lowest = rubric.grades[-1][0]
    if vetoes and rubric.veto_mode == "zero":
        total, grade = 0.0, lowest
    elif vetoes and rubric.veto_mode == "grade":
        grade = lowest
    else:
        grade = rubric.grade_of(total)
        if vetoes and rubric.veto_mode == "cap" and grade == rubric.grades[0][0]:
            grade = rubric.grades[1][0]
    return Score(
        score=round(total, 2),
        grade=grade,
        veto=bool(vetoes),
        veto_codes=vetoes,
        failed_codes=[o.code for o in failed],
        manual_codes=[o.code for o in outcomes if o.status == "manual"],
        deducted=round(deducted, 2),
    )
