"""The case model as JSON (the ``extract`` output, schemas/case.schema.json)."""

from __future__ import annotations

from typing import Any

from casereview.model import Case, Document, Group, Value
from casereview.model.case import _jsonable


def value_json(v: Any) -> Any:
    """A field value (Value, list, dict of Values, plain) as JSON."""
    if isinstance(v, Value):
        return v.to_json()
    if isinstance(v, list):
        return [value_json(x) for x in v]
    if isinstance(v, dict):
        return {k: value_json(x) for k, x in v.items()}
    return _jsonable(v)


def document_json(doc: Document) -> dict[str, Any]:
    return {
        "type": doc.type,
        "title": doc.title,
        "other_titles": doc.other_titles,
        "source": doc.source,
        "pages": doc.pages,
        "paragraphs": _paragraph_range(doc),
        "date": doc.date.value.isoformat() if doc.date is not None else None,
        "case_number": doc.case_number.value if doc.case_number is not None else None,
        "needs_ocr": doc.needs_ocr,
        "unread_pages": doc.unread_pages,
        "date_source": doc.date.loc.to_json() if doc.date is not None else None,
        "fields": fields_json(doc.fields),
    }


def fields_json(fields: dict[str, Any]) -> dict[str, Any]:
    """A document's fields as JSON: each by its name, a group's members (model.fields) under their own names."""
    out: dict[str, Any] = {}
    for k, v in fields.items():
        if isinstance(v, Group):
            out.update((key, value_json(member)) for key, member in v.json_fields())
        else:
            out[k] = value_json(v)
    return out


def _paragraph_range(doc: Document) -> list[int] | None:
    nums = [b.loc.paragraph for b in doc.blocks if b.loc.paragraph is not None]
    return [min(nums), max(nums)] if nums else None


def case_json(case: Case) -> dict[str, Any]:
    """The JSON object ``casereview extract`` prints; guaranteed keys first."""
    return {
        "case_id": case.case_id,
        "path": case.path,
        "summary": case.summary,
        "summary_sources": {k: loc.to_json() for k, loc in case.summary_locs.items()},
        "documents": [document_json(d) for d in case.documents],
        "files": case.files,
        "errors": [e.to_json() for e in case.errors],
    }
