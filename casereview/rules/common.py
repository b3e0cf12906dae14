"""Facts several rules share: hearing conditions, major cases, the penalty decided and proposed.

Kept here once so N04, L01, L04, P01 … decide "a hearing was due" or "a major
case" the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from casereview.model import DocType
from casereview.rules.base import Context, Reading

# Penalties that always qualify for a hearing (处罚法 第六十三条).
HEAVY_PENALTIES = (
    "降低资质等级",
    "吊销许可证件",
    "责令停产停业",
    "责令关闭",
    "限制从业",
    "限制开展生产经营活动",
)


@dataclass(frozen=True, slots=True)
class CasePenalty:
    """The penalty decided (or, without a decision, proposed) in the case, in plain values: what a hearing
    condition, a major case or a message is judged by."""

    types: tuple[str, ...]
    fine: float | None
    confiscation: float | None
    source: str  # "decision" | "notice" | "none"


NO_PENALTY = CasePenalty((), None, None, "none")


def penalty(ctx: Context) -> CasePenalty:
    """The decided penalty, else the latest proposed one."""
    d = ctx.decision
    if d is not None:
        p = d.penalty
        if p is None:
            return CasePenalty((), None, None, "decision")
        return CasePenalty(tuple(p.type_list), p.fine_yuan, p.confiscation_yuan, "decision")
    return proposed(ctx)


def proposed(ctx: Context) -> CasePenalty:
    """The penalty of the latest advance notice (its types and fine: a sum a notice proposes to confiscate
    is not weighed here; ``weak_amounts`` still looks at how surely it was read)."""
    notices = ctx.docs(DocType.ADVANCE_NOTICE)
    if not notices:
        return NO_PENALTY
    p = notices[-1].penalty
    if p is None:
        return CasePenalty((), None, None, "notice")
    return CasePenalty(tuple(p.type_list), p.fine_yuan, None, "notice")


def weak_amounts(ctx: Context) -> list[Reading]:
    """The sums a hearing condition is judged by (the decision's fine and confiscation, the latest notice's
    proposed ones) that were read off a scan with a low confidence: a misread digit may cross a threshold."""
    out = []
    d = ctx.decision
    if d is not None and d.penalty is not None:
        out += ctx.weak_readings((d, d.penalty.fine), (d, d.penalty.confiscation))
    notices = ctx.docs(DocType.ADVANCE_NOTICE)
    if notices and notices[-1].penalty is not None:
        n = notices[-1]
        out += ctx.weak_readings((n, n.penalty.fine), (n, n.penalty.confiscation))
    return out


def heavy(ctx: Context) -> bool:
    """A penalty decided or proposed that qualifies for a hearing whatever its sums (吊销许可证件 …)."""
    return any(t in HEAVY_PENALTIES for p in (penalty(ctx), proposed(ctx)) for t in p.types)


def party_kind(ctx: Context) -> str | None:
    """The party's kind for the hearing thresholds: a 个体工商户 counts as a natural person."""
    if ctx.case.summary.get("individual_business"):
        return "person"
    return ctx.case.summary.get("party_kind")


@dataclass(frozen=True, slots=True)
class Threshold:
    """A hearing threshold: ``amount`` qualifies when ``inclusive`` (≥), else only above it (>)."""

    amount: float
    inclusive: bool = True

    def met(self, value: float) -> bool:
        return value >= self.amount if self.inclusive else value > self.amount

    @classmethod
    def of(cls, raw) -> Threshold:
        if isinstance(raw, dict):
            return cls(float(raw["above"]), inclusive=False)
        return cls(float(raw))


def hearing_threshold(ctx: Context, kind: str | None = None) -> Threshold | None:
    """The fine/confiscation threshold for a hearing for this party (None when the kind is unknown)."""
    kind = kind or party_kind(ctx)
    if kind == "person":
        return Threshold.of(ctx.param("hearing.fine_person_yuan", 10000))
    if kind == "organization":
        return Threshold.of(ctx.param("hearing.fine_org_yuan", 100000))
    return None


def hearing_due(ctx: Context, which: CasePenalty | None = None) -> bool | None:
    """Does the penalty qualify for a hearing (处罚法 第六十三条)? None when it cannot be told.

    Either penalty counts: the decided one, or the proposed one (N04 asks whether
    "the decided or proposed penalty meets a hearing condition").
    """
    candidates = [which] if which is not None else [penalty(ctx), proposed(ctx)]
    unknown = False
    for p in candidates:
        if any(t in HEAVY_PENALTIES for t in p.types):
            return True
        amounts = [a for a in (p.fine, p.confiscation) if a is not None]
        if not amounts:
            continue
        threshold = hearing_threshold(ctx)
        if threshold is None:
            # Party kind unknown: met for both kinds means due; met for one only cannot be told.
            met = [hearing_threshold(ctx, k).met(max(amounts)) for k in ("person", "organization")]
            if all(met):
                return True
            if any(met):
                unknown = True
            continue
        if threshold.met(max(amounts)):
            return True
    return None if unknown else False


def major_case(ctx: Context) -> bool | None:
    """A major case (重大执法决定): a hearing was due, or the rubric's major_case criteria hold."""
    due = hearing_due(ctx)
    if due:
        return True
    crit = ctx.param("major_case", {}) or {}
    p = penalty(ctx)
    fine_min = crit.get("fine_yuan_min")
    if fine_min is not None and p.fine is not None and p.fine >= float(fine_min):
        return True
    if any(t in (crit.get("penalty_types") or ()) for t in p.types):
        return True
    return due
