"""What the G rules share: a witness or a recording noted, and the unread pages right after a document."""

from __future__ import annotations

from casereview.model import Document, Value
from casereview.rules.base import (
    RECORDS,  # noqa: F401 - re-exported for the G rules
    Context,
    step_notes,
)


def witnessed(doc: Document) -> Value | None:
    """A witness to a refusal or a lien service: a named witness, or a filled 见证人 signature."""
    notes = step_notes(doc)
    if notes is not None and notes.witness is not None and notes.witness.value:
        return notes.witness
    for s in doc.signatures_of({"见证人"}):
        if s.value.signed:
            return s
    return None


def recorded(doc: Document) -> Value | None:
    """A note on the document that the step was recorded on audio/video."""
    notes = step_notes(doc)
    v = notes.recording if notes is not None else None
    return v if v is not None and v.value else None


def unread_after(ctx: Context, doc: Document) -> str | None:
    """Unread pages of ``doc`` itself, or with no text right after it in its own file (its last page,
    where signatures and seals stand, may be among them)."""
    if doc.needs_ocr:
        pages = doc.unread_pages or doc.pages
        return f"{doc.source} 第{'、'.join(map(str, pages))}页" if pages else doc.source
    docs = ctx.case.documents
    i = next((k for k, d in enumerate(docs) if d is doc), None)
    if i is None:
        return None
    for nxt in docs[i + 1 :]:
        if nxt.source != doc.source or not (nxt.needs_ocr and not nxt.has_text):
            return None
        pages = f"第{'、'.join(map(str, nxt.unread_pages or nxt.pages))}页" if nxt.pages else ""
        return f"{nxt.source} {pages}".strip()
    return None


def unread_note(ctx: Context, doc: Document) -> str:
    """'（其后…页待 OCR 识别）' when the document may continue on unread pages, else ''."""
    where = unread_after(ctx, doc)
    if where:
        return f"（{where} 未能识别，可能是本文书的后续页或落款）"
    if ctx.unread:
        return f"（案卷中另有待识别的内容：{'；'.join(ctx.unread[:3])}）"
    return ""
