"""Field extraction: what each document says that the requirements need.

``extract_document(doc)`` fills ``doc.fields`` (every value a ``Value`` with
its Location), ``doc.date`` (the document's own date: 落款, the record's
time, the service date) and ``doc.case_number``. Generic fields are read from
every document; type-specific readers add the rest. Nothing here decides a
requirement: absent means "not found", and rules decide what that implies.

The readers are grouped by document family: ``generic`` (every document, with
``party``, ``numbers`` and ``closing``), ``records`` (笔录), ``notices``
(告知书, the hearing), ``decisions`` (决定书, as issued and as published, with
``penalties``), ``approvals`` (审批表 and other staged forms), ``service``
(送达回证), ``archive`` (index, cover) and ``evidence``; ``common`` holds the
``Reader`` and what several families share.
"""

from __future__ import annotations

from collections.abc import Callable

from casereview.extract.fields.approvals import (
    read_approvals,
    read_discussion,
    read_extension,
    read_legal_review,
    read_report,
)
from casereview.extract.fields.archive import read_cover, read_index
from casereview.extract.fields.closing import own_date
from casereview.extract.fields.common import ORG_PREFIX, Reader, cn_int
from casereview.extract.fields.decisions import (
    read_decision,
    read_hearing_mentions,
    read_publicity,
    read_published,
)
from casereview.extract.fields.evidence import (
    read_identity,
    read_other_evidence,
    read_payment,
    read_preservation,
)
from casereview.extract.fields.generic import read_generic
from casereview.extract.fields.notices import (
    read_hearing_notice,
    read_hearing_record,
    read_notice,
    read_statement,
)
from casereview.extract.fields.party import individual_business, party_kind
from casereview.extract.fields.records import read_record
from casereview.extract.fields.service import read_service
from casereview.model import DocType, Document

READERS: dict[DocType, list[Callable[[Reader], None]]] = {
    DocType.INSPECTION_RECORD: [read_record],
    DocType.INQUIRY_RECORD: [read_record],
    DocType.ADVANCE_NOTICE: [read_notice],
    DocType.PENALTY_DECISION: [read_decision, read_hearing_mentions, read_published],
    DocType.SERVICE_RECEIPT: [read_service],
    DocType.FILING_APPROVAL: [read_approvals],
    DocType.INVESTIGATION_REPORT: [read_approvals, read_report],
    DocType.CLOSURE_REPORT: [read_approvals],
    DocType.EXTENSION_APPROVAL: [read_extension],
    DocType.PAYMENT_PROOF: [read_payment],
    DocType.LEGAL_REVIEW: [read_legal_review],
    DocType.COLLECTIVE_DISCUSSION: [read_discussion],
    DocType.HEARING_NOTICE: [read_hearing_notice],
    DocType.HEARING_RECORD: [read_hearing_record],
    DocType.STATEMENT_RECORD: [read_statement],
    DocType.EVIDENCE_PRESERVATION: [read_preservation],
    DocType.OTHER_EVIDENCE: [read_other_evidence],
    DocType.IDENTITY_PROOF: [read_identity],
    DocType.INDEX: [read_index],
    DocType.COVER: [read_cover],
    DocType.PUBLICITY_RECORD: [read_publicity],
}


def extract_document(doc: Document) -> None:
    """Fill ``doc.fields``, ``doc.date`` and ``doc.case_number`` from the document's text."""
    if doc.needs_ocr and not any(b.text for b in doc.blocks):
        return
    r = Reader(doc)
    read_generic(r)
    for reader in READERS.get(doc.type, []):
        reader(r)
    doc.date = own_date(r)


__all__ = ["ORG_PREFIX", "READERS", "cn_int", "extract_document", "individual_business", "party_kind"]
