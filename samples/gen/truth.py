"""The ground-truth JSON of a case, written from the case data (never from the output files)."""

from __future__ import annotations

import re

from .model import Case
from .oracle import qualifies

SUFFIX = {"bound-pdf": ".pdf", "bound-docx": ".docx", "zip": ".zip"}


def _nows(s: str) -> str:
    return re.sub(r"\s+", "", s)


def truth(case: Case) -> dict:
    dec = next(d for d in case.docs if d.type == "penalty_decision")
    p = case.party
    pen = case.penalty
    kind = p.kind_truth
    summary = {
        "agency": case.agency.name,
        "case_number": dec.number,
        "party": dec.fields["party"],
        "party_kind": kind,
        "party_id": p.id,
        "penalty_types": pen.types(),
        "fine_yuan": float(pen.fine) if pen.fine else None,
        "confiscation_yuan": float(pen.gains) if pen.gains else None,
        "decision_date": dec.date.isoformat(),
        "filing_date": case.filing_date.isoformat(),
        "legal_basis": [_nows(x) for x in dec.fields["cited_laws"]],
        "violated": [_nows(x) for x in dec.fields["violated_laws"]] or None,
        "penalty_basis": [_nows(x) for x in dec.fields["basis_laws"]] or None,
        # added keys
        "individual_business": p.kind == "ib",
        "party_subtype": {"org": "企业", "person": "自然人", "ib": "个体工商户"}[p.kind],
        "legal_representative": p.rep,
        "violation_date": case.story.violation_date.isoformat(),
        "cause": case.story.cause,
        "hearing_qualifies": qualifies(kind, pen.fine, pen.gains, pen.types()),
    }
    docs = []
    for d in case.docs:
        t = d.truth()
        if d.fields.get("amounts_words") is not None:
            t["fields"]["amounts_words"] = [float(x) for x in d.fields["amounts_words"]]
            t["fields"]["amounts_figures"] = [float(x) for x in d.fields["amounts_figures"]]
        docs.append(t)
    return {
        "case_id": case.case_id,
        "input": f"cases/{case.case_id}{SUFFIX.get(case.fmt, '')}",
        "format": case.fmt,
        "sector": case.agency.sector,
        "summary": summary,
        "documents": docs,
        "breaks": sorted(case.intended),
        "notes": case.notes,
    }
