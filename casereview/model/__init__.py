"""Plain data classes of the case model; this package imports nothing else of casereview."""

from casereview.model.case import (
    Block,
    Case,
    CaseError,
    Document,
    ImageInfo,
    Location,
    SourceFile,
    Value,
)
from casereview.model.clock import now_iso
from casereview.model.doctype import DocType, UnknownDocType, doc_type, doc_types
from casereview.model.fields import Approval, Group, Officer, Penalty, Record, Served, Service, Signature
from casereview.model.outcome import STATUS_LABELS, STATUSES, Outcome, Status

__all__ = [
    "Approval",
    "Block",
    "Case",
    "CaseError",
    "DocType",
    "Document",
    "Group",
    "ImageInfo",
    "Location",
    "Officer",
    "Outcome",
    "Penalty",
    "Record",
    "STATUSES",
    "STATUS_LABELS",
    "Served",
    "Service",
    "Signature",
    "SourceFile",
    "Status",
    "UnknownDocType",
    "Value",
    "doc_type",
    "doc_types",
    "now_iso",
]
