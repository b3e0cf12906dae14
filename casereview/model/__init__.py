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
from casereview.model.outcome import STATUSES, Outcome, Status

__all__ = ["Block", "Case", "CaseError", "Document", "ImageInfo", "Location", "Outcome", "STATUSES", "SourceFile",
           "Status", "Value"]
