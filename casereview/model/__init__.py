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
from casereview.model.outcome import STATUS_LABELS, STATUSES, Outcome, Status

__all__ = ["Block", "Case", "CaseError", "DocType", "Document", "ImageInfo", "Location", "Outcome",
           "STATUSES", "STATUS_LABELS", "SourceFile", "Status", "UnknownDocType", "Value", "doc_type",
           "doc_types", "now_iso"]
