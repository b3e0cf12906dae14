"""Outcomes of requirements: one per code per case, with the evidence it rests on."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from casereview.model.case import Location

Status = Literal["pass", "fail", "na", "manual"]
STATUSES: tuple[Status, ...] = ("pass", "fail", "na", "manual")
# How every sheet, message and summary names a status (one place: sheets, check, apply, decisions).
STATUS_LABELS: dict[str, str] = {"pass": "符合", "fail": "不符合", "na": "不适用", "manual": "待人工核查"}


@dataclass(slots=True)
class Outcome:
    """The decision of one requirement for one case.

    ``message`` is Chinese and names the defect and its evidence for ``fail``;
    for ``manual`` it says what a person must look at; for ``na`` why the
    requirement does not apply. ``evidence`` holds the locations (file, page or
    paragraph, quoted text) the decision rests on.
    """

    code: str
    status: Status
    message: str = ""
    evidence: list[Location] = field(default_factory=list)
    points_deducted: float = 0.0
    veto: bool = False
    settled_by: str | None = None  # a reviewer who settled or overturned it (later issues)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "status": self.status}
        if self.status == "fail" or self.points_deducted:
            out["points_deducted"] = self.points_deducted
        if self.veto and self.status == "fail":
            out["veto"] = True
        if self.message:
            out["message"] = self.message
        if self.evidence:
            out["evidence"] = [_evidence_json(loc) for loc in self.evidence]
        if self.settled_by:
            out["settled_by"] = self.settled_by
        return out


def _evidence_json(loc: Location) -> dict[str, Any]:
    out: dict[str, Any] = {"document": loc.source}
    if loc.page is not None:
        out["page"] = loc.page
    if loc.paragraph is not None:
        out["paragraph"] = loc.paragraph
    if loc.quote:
        out["quote"] = loc.quote
    return out
