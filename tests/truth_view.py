"""A document of the case model in the vocabulary of the samples' ground truth (samples/truth/*.json).

The truth files name what a document says in plain values (``party_signed``, ``fine_yuan``,
``served_types`` …); ``truth_view(doc)`` derives those from the typed model so tests can compare. It is a
test adapter only: rules read the model itself (``doc.record``, ``doc.service``, ``doc.penalty`` …).
"""

from __future__ import annotations

from typing import Any

from casereview.extract.summary import is_law
from casereview.model import DocType, Document, Value
from casereview.text.labels import OFFICER_ROLES, PARTY_ROLES, RECIPIENT_ROLES

RECORDS = (DocType.INSPECTION_RECORD, DocType.INQUIRY_RECORD)
APPROVAL_FORMS = (
    DocType.FILING_APPROVAL,
    DocType.INVESTIGATION_REPORT,
    DocType.CLOSURE_REPORT,
    DocType.EXTENSION_APPROVAL,
)


def _val(v: Any) -> Any:
    return v.value if isinstance(v, Value) else v


def _iso(v: Any) -> Any:
    v = _val(v)
    return v.isoformat()[:10] if hasattr(v, "isoformat") else v


def _kind(doc: Document, roles) -> str | None:
    """How the first filled field of these roles is signed (text, image), ``blank``, or None without one."""
    sigs = doc.signatures_of(roles)
    return next((s.value.kind for s in sigs if s.value.signed), "blank" if sigs else None)


def truth_view(doc: Document) -> dict[str, Any]:  # noqa: C901 - a flat script of checks/steps
    f, t = doc.fields, doc.type
    out: dict[str, Any] = {}
    if t in RECORDS:
        rec = doc.record
        out["officers"] = [
            {"name": o.value.name, "cert_no": o.value.cert_no, "roles": o.value.roles} for o in rec.officers
        ]
        out["certificates_shown"] = bool(_val(rec.certificates_shown))
        out["party_signed"] = bool(doc.signed_by(PARTY_ROLES - {"委托代理人"}))
        out["party_refused"] = bool(_val(rec.party_refused))
        officer_sigs = [s.value for s in doc.signatures_of(OFFICER_ROLES)]
        out["officers_signed"] = sorted(
            {n for s in officer_sigs if s.signed and s.name for n in s.name.split("、")}
        )
        out["officer_signatures"] = sum(1 for s in officer_sigs if s.signed)
        if t == DocType.INQUIRY_RECORD:
            out["confirmation"] = bool(_val(rec.confirmation))
        out["signature_kind"] = _kind(doc, PARTY_ROLES)
        out["witness"] = _val(rec.witness)
    if t == DocType.ADVANCE_NOTICE:
        rights = f.get("rights") or {}
        out["rights"] = {k: bool(_val(rights.get(k))) for k in ("statement", "defence", "hearing")}
        out["proposed_fine_yuan"] = doc.penalty.fine_yuan
        out["proposed_penalty_types"] = doc.penalty.type_list
        out["has_facts"] = bool(_val(f.get("facts")))
        out["has_reasons"] = bool(_val(f.get("reasons")))
        out["has_legal_basis"] = bool(f.get("citations"))
        out["recipient_signed"] = bool(doc.signed_by(RECIPIENT_ROLES))
    if t in (DocType.ADVANCE_NOTICE, DocType.PENALTY_DECISION):
        out["seal"] = bool(f.get("seals"))
    if t == DocType.PENALTY_DECISION:
        pen = doc.penalty
        out["party"] = _val(f.get("party"))
        out["party_address"] = _val(f.get("party_address"))
        out["fine_yuan"] = pen.fine_yuan
        out["confiscation_yuan"] = pen.confiscation_yuan
        out["penalty_types"] = pen.type_list
        out["cited_laws"] = [
            c.value["text"].rstrip("、，,和及") for c in f.get("citations", []) if is_law(c.value["law"])
        ]
        pd = _val(f.get("payment_deadline"))
        out["payment_deadline_days"] = pd["days"] if pd else None
        rv = _val(f.get("review_period"))
        out["review_days"] = (
            rv["n"] if rv and rv["unit"] == "日" else (rv["n"] * 30 if rv and rv["unit"] == "个月" else None)
        )
        lt = _val(f.get("litigation_period"))
        out["litigation_months"] = lt["n"] if lt and lt["unit"] == "个月" else None
        out["agency"] = _val(f.get("agency"))
    if t == DocType.SERVICE_RECEIPT:
        svc = doc.service
        out["served_documents"] = [s.value.title for s in svc.served]
        out["served_types"] = svc.served_types
        out["recipient"] = _val(svc.recipient)
        out["service_date"] = _iso(svc.date) or _iso(doc.date)
        out["manner"] = _val(svc.manner)
        out["recipient_signed"] = bool(doc.signed_by(RECIPIENT_ROLES))
        out["witness"] = _val(svc.witness)
        out["signature_kind"] = _kind(doc, RECIPIENT_ROLES)
    if t in APPROVAL_FORMS:
        out["approvals"] = [
            {
                "role": a.value.role,
                "opinion": bool(a.value.opinion),
                "signer": a.value.signer,
                "signed": a.value.signed,
                "date": _iso(a.value.date),
            }
            for a in doc.approvals
        ]
    if t == DocType.LEGAL_REVIEW:
        out["reviewers"] = sorted({v.value for v in f.get("reviewers", [])})
    if t == DocType.COLLECTIVE_DISCUSSION:
        out["conclusion"] = bool(_val(f.get("conclusion")))
        out["participants"] = [v.value for v in f.get("participants", [])]
    if t in (DocType.HEARING_NOTICE, DocType.HEARING_RECORD):
        out["hearing_date"] = _iso(f.get("hearing_date"))
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
