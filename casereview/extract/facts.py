"""Plain facts of a document, derived from its located fields.

``document_facts(doc)`` flattens the fields into the plain values the
requirements talk about (party_signed, seal, rights …), the same names the
samples' ground truth uses. Rules that need the evidence read ``doc.fields``
(every value there keeps its location); this view is for comparison, summary
and quick reading.
"""

from __future__ import annotations

from typing import Any

from casereview.extract.summary import is_law
from casereview.model import DocType, Document, Value
from casereview.text.labels import OFFICER_ROLES, PARTY_ROLES, RECIPIENT_ROLES


def _val(v: Any) -> Any:
    if isinstance(v, Value):
        return v.value
    return v


def _iso(v: Any) -> Any:
    v = _val(v)
    return v.isoformat()[:10] if hasattr(v, "isoformat") else v


def _sigs(doc: Document, roles: set[str]) -> list[dict]:
    return [s.value for s in doc.fields.get("signatures", []) if s.value["role"] in roles]


def signed_by(doc: Document, roles: set[str]) -> bool | None:
    """True when a signature field of these roles is filled; False when present and blank; None when absent."""
    sigs = _sigs(doc, roles)
    if not sigs:
        return None
    return any(s["signed"] for s in sigs)


def document_facts(doc: Document) -> dict[str, Any]:
    f = doc.fields
    t = doc.type
    out: dict[str, Any] = {}
    if t in (DocType.INSPECTION_RECORD, DocType.INQUIRY_RECORD):
        out["officers"] = [dict(o.value) for o in f.get("officers", [])]
        out["certificates_shown"] = bool(_val(f.get("certificates_shown")))
        out["party_signed"] = bool(signed_by(doc, PARTY_ROLES - {"委托代理人"}))
        out["party_refused"] = bool(_val(f.get("party_refused")))
        officer_sigs = _sigs(doc, OFFICER_ROLES)
        out["officers_signed"] = sorted({n for s in officer_sigs if s["signed"] and s["name"]
                                         for n in s["name"].split("、")})
        out["officer_signatures"] = sum(1 for s in officer_sigs if s["signed"])
        if t == DocType.INQUIRY_RECORD:
            out["confirmation"] = bool(_val(f.get("confirmation")))
        party = _sigs(doc, PARTY_ROLES)
        out["signature_kind"] = next((s["kind"] for s in party if s["signed"]), "blank" if party else None)
        out["witness"] = _val(f.get("witness"))  # who witnessed a refusal to sign (G01)
    if t == DocType.ADVANCE_NOTICE:
        rights = f.get("rights") or {}
        out["rights"] = {k: bool(_val(rights.get(k))) for k in ("statement", "defence", "hearing")}
        out["proposed_fine_yuan"] = _val(f.get("proposed_fine_yuan"))
        out["proposed_penalty_types"] = _val(f.get("proposed_penalty_types")) or []
        out["has_facts"] = bool(_val(f.get("facts")))
        out["has_reasons"] = bool(_val(f.get("reasons")))
        out["has_legal_basis"] = bool(f.get("citations"))
        out["recipient_signed"] = bool(signed_by(doc, RECIPIENT_ROLES))
    if t in (DocType.ADVANCE_NOTICE, DocType.PENALTY_DECISION):
        out["seal"] = bool(f.get("seals"))
    if t == DocType.PENALTY_DECISION:
        out["party"] = _val(f.get("party"))
        out["party_address"] = _val(f.get("party_address"))
        out["fine_yuan"] = _val(f.get("fine_yuan"))
        out["confiscation_yuan"] = _val(f.get("confiscation_yuan"))
        out["penalty_types"] = _val(f.get("penalty_types")) or []
        out["cited_laws"] = [c.value["text"].rstrip("、，,和及") for c in f.get("citations", []) if is_law(c.value["law"])]
        pd = _val(f.get("payment_deadline"))
        out["payment_deadline_days"] = pd["days"] if pd else None
        rv = _val(f.get("review_period"))
        out["review_days"] = rv["n"] if rv and rv["unit"] == "日" else (rv["n"] * 30 if rv and rv["unit"] == "个月" else None)
        lt = _val(f.get("litigation_period"))
        out["litigation_months"] = lt["n"] if lt and lt["unit"] == "个月" else None
        out["agency"] = _val(f.get("agency"))
    if t == DocType.SERVICE_RECEIPT:
        served = [s.value for s in f.get("served", [])]
        out["served_documents"] = [s["title"] for s in served]
        out["served_types"] = [s["type"] for s in served]
        out["recipient"] = _val(f.get("recipient"))
        out["service_date"] = _iso(f.get("service_date")) or _iso(doc.date)
        out["manner"] = _val(f.get("manner"))
        out["recipient_signed"] = bool(signed_by(doc, RECIPIENT_ROLES))
        out["witness"] = _val(f.get("witness"))
        rec = _sigs(doc, RECIPIENT_ROLES)
        out["signature_kind"] = next((s["kind"] for s in rec if s["signed"]), "blank" if rec else None)
    if t in (DocType.FILING_APPROVAL, DocType.INVESTIGATION_REPORT, DocType.CLOSURE_REPORT,
             DocType.EXTENSION_APPROVAL):
        out["approvals"] = [{"role": a.value["role"], "opinion": bool(a.value["opinion"]),
                             "signer": a.value["signer"], "signed": a.value["signed"],
                             "date": _iso(a.value["date"])} for a in f.get("approvals", [])]
    if t == DocType.LEGAL_REVIEW:
        out["reviewers"] = sorted({v.value for v in f.get("reviewers", [])})
    if t == DocType.COLLECTIVE_DISCUSSION:
        out["conclusion"] = bool(_val(f.get("conclusion")))
        out["participants"] = [v.value for v in f.get("participants", [])]
    if t in (DocType.HEARING_NOTICE, DocType.HEARING_RECORD):
        out["hearing_date"] = _iso(f.get("hearing_date"))
    if t in (DocType.HEARING_RECORD, DocType.HEARING_NOTICE):
        out["presiding"] = _val(f.get("presiding"))
    if t == DocType.STATEMENT_RECORD:
        out["hearing_requested"] = bool(_val(f.get("hearing_requested")))
    if "kind" in f:
        out["kind"] = _val(f.get("kind"))
    if f.get("party") is not None:
        out["party"] = _val(f.get("party"))
    if t not in (DocType.ADVANCE_NOTICE, DocType.PENALTY_DECISION) and f.get("seals"):
        out["seal"] = True
    if t == DocType.STATEMENT_RECORD:
        out["waiver"] = bool(_val(f.get("waiver")))
    if t == DocType.PUBLICITY_RECORD:
        out["publicity_date"] = _iso(f.get("publicity_date"))
    if t == DocType.INDEX:
        out["listed"] = [v.value["title"] for v in f.get("listed", [])]
    pairs = f.get("amount_pairs") or []
    if pairs:
        out["amounts_words"] = [p.value["words"] for p in pairs]
        out["amounts_figures"] = [p.value["figures"] for p in pairs]
    return out
