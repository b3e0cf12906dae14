"""The case model: what a case file holds, as read from its files.

Data flows one way: parsers fill ``SourceFile`` objects with ``Block`` objects;
recognition groups blocks into ``Document`` objects; extraction fills each
document's ``fields`` with ``Value`` objects that keep their ``Location``.
Rules read this model and never files.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

from casereview.model.doctype import DocType, doc_type, doc_types
from casereview.model.fields import Approval, Payload, Penalty, Record, Service, Signature

# What a picture's pixel shares say about it (see Picture.looks_like_seal / looks_like_ink).
SEAL_RED_SHARE = 0.5  # red is at least half the ink of a seal (and less than half of a signature's)
SEAL_ASPECT = (0.6, 1.67)  # width / height of a round or oval stamp, photographed slightly askew
SEAL_MIN_INK = 0.02  # below this share of inked pixels a red picture is a speck, not a stamp
STROKES_INK = (0.005, 0.45)  # handwriting inks some of its box: more than dust, less than a photo

BlockKind = Literal["paragraph", "table", "image"]
Part = Literal["body", "header", "footer", "textbox"]


@dataclass(frozen=True, slots=True)
class Location:
    """Where a piece of text or a value was found.

    ``page`` is 1-based for paged sources (PDF, images); ``paragraph`` is the
    1-based block number within the source file for flowing sources (.docx,
    .txt) and is also set for PDFs (block number within the file).
    """

    source: str
    page: int | None = None
    paragraph: int | None = None
    quote: str = ""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"source": self.source}
        if self.page is not None:
            out["page"] = self.page
        if self.paragraph is not None:
            out["paragraph"] = self.paragraph
        if self.quote:
            out["quote"] = self.quote
        return out

    def with_quote(self, quote: str) -> Location:
        return Location(self.source, self.page, self.paragraph, quote)


@dataclass(slots=True)
class ImageInfo:
    """A picture in a document: a signature, a seal, a photo or a scanned page.

    Colour statistics are computed once by the parser from the pixels, so that
    later stages can tell a red stamp from ink without re-reading the file.
    ``bbox`` is (x0, top, x1, bottom) in PDF points for PDF images.
    """

    width: int
    height: int
    bbox: tuple[float, float, float, float] | None = None
    red_share: float | None = None  # share of inked pixels that are seal-red
    ink_share: float | None = None  # share of pixels that are not background
    dark_share: float | None = None  # share of pixels that are dark ink (black/blue)
    digest: str = ""
    # What a look at a signature field on a page picture found (OCR): "ink" (handwriting),
    # "faint" (marks that are neither clearly writing nor clearly nothing) or "clean" (paper only).
    # None for a real picture.
    mark: str | None = None
    round: bool | None = None  # a mostly red picture: its outline is a ring or an oval (None: not tested)

    @property
    def looks_like_seal(self) -> bool:
        """Red dominates the ink, the picture is roughly square and its red outline round or oval (a stamp)."""
        if self.mark in ("faint", "clean"):
            return False
        if self.red_share is None or self.width == 0 or self.height == 0:
            return False
        aspect = self.width / self.height
        return (
            self.red_share >= SEAL_RED_SHARE
            and SEAL_ASPECT[0] <= aspect <= SEAL_ASPECT[1]
            and (self.ink_share or 0) > SEAL_MIN_INK
            and self.round is not False
        )

    @property
    def looks_like_ink(self) -> bool:
        """Non-red ink strokes on a light background: a handwritten signature."""
        if self.mark in ("faint", "clean"):
            return False
        if self.red_share is None:
            return False
        # Strokes are sparse: a photo or a filled box inks most of its area.
        return self.red_share < SEAL_RED_SHARE and STROKES_INK[0] < (self.ink_share or 0) < STROKES_INK[1]

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"width": self.width, "height": self.height}
        if self.bbox is not None:
            out["bbox"] = [round(v, 1) for v in self.bbox]
        if self.red_share is not None:
            out["red_share"] = round(self.red_share, 3)
            out["ink_share"] = round(self.ink_share or 0.0, 3)
        out["kind"] = (
            self.mark
            if self.mark in ("faint", "clean")
            else "seal"
            if self.looks_like_seal
            else ("ink" if self.looks_like_ink else "picture")
        )
        return out


@dataclass(slots=True)
class Block:
    """One unit of content in reading order: a paragraph, a table or a picture.

    ``text`` is normalised (see text.normalize); for a table it is the rows
    joined with newlines and the cells with `` | ``. ``rows`` keeps the table's
    cells (normalised). ``images`` are the pictures anchored in this paragraph
    or in this table's cells (``image_cells`` gives their (row, col)).
    """

    kind: BlockKind
    text: str
    loc: Location
    rows: list[list[str]] | None = None
    images: list[ImageInfo] = field(default_factory=list)
    image_cells: list[tuple[int, int]] = field(default_factory=list)
    part: Part = "body"
    style: str = ""
    centered: bool = False
    bold: bool = False
    size: float | None = None  # font size in points where known
    page_break_before: bool = False
    bbox: tuple[float, float, float, float] | None = None  # (x0, top, x1, bottom) on a PDF page
    cell_x: list[float] | None = None  # left edge of each cell of a PDF line
    confidence: float | None = None  # OCR confidence of the line (0..1); None for text read from a text layer


@dataclass(slots=True)
class CaseError:
    """A file, or part of one, that could not be read: named, with the reason."""

    source: str
    reason: str
    code: str = "unreadable"  # unreadable | encrypted | empty | too_large | unsupported | needs_ocr | skipped

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "code": self.code, "reason": self.reason}


@dataclass(slots=True)
class SourceFile:
    """One input file as the parser read it."""

    path: str  # relative to the case root (or the member path inside a zip)
    format: str  # docx | pdf | txt | image | doc
    blocks: list[Block] = field(default_factory=list)
    page_count: int | None = None
    ocr_pages: list[int] = field(default_factory=list)  # pages with no usable text layer
    errors: list[CaseError] = field(default_factory=list)


T = TypeVar("T")


@dataclass(slots=True)
class Value(Generic[T]):
    """An extracted value with the place it came from (a text, a date, a sum, or a payload of model.fields)."""

    value: T
    loc: Location

    def to_json(self) -> dict[str, Any]:
        return {"value": _jsonable(self.value), **self.loc.to_json()}


@dataclass(slots=True)
class Document:
    """One document of the case (a notice, a record, a decision …).

    ``type`` is a ``DocType``; a string given for it is checked and converted (``UnknownDocType`` when
    it is none). ``fields`` holds what extract read, by name: located ``Value`` objects (None when looked
    for and not found), lists of them, and the groups of ``model.fields`` — read those through the typed
    properties (``record``, ``service``, ``penalty``, ``signatures``, ``approvals``).
    """

    type: DocType
    title: str
    source: str
    blocks: list[Block]
    pages: list[int] | None = None
    needs_ocr: bool = False
    date: Value | None = None  # the document's own date (落款)
    unread_pages: list[int] = field(default_factory=list)  # its pages left for a person (no or poor OCR)
    case_number: Value | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    classify_score: float = 0.0  # 10: from the title; content keyword score; 0.5: file-name hint only
    other_titles: list[str] = field(default_factory=list)  # further title lines at the document's head

    def __post_init__(self) -> None:
        if type(self.type) is not DocType:
            self.type = doc_type(self.type)

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks if b.text)

    @property
    def has_text(self) -> bool:
        """False for a document that is only page images waiting for OCR."""
        return any(b.text for b in self.blocks)

    # -- the typed payloads (model.fields) ------------------------------------------
    @property
    def record(self) -> Record | None:
        """An inspection or inquiry record's officers and notes."""
        return self.fields.get(Record.KEY)

    @property
    def service(self) -> Service | None:
        """A service receipt's service: what, to whom, how, when."""
        return self.fields.get(Service.KEY)

    @property
    def penalty(self) -> Penalty | None:
        """The penalty a notice proposes or a decision imposes (as issued or as published)."""
        return self.fields.get(Penalty.KEY)

    @property
    def signatures(self) -> list[Value[Signature]]:
        """The signature fields, in text order."""
        return self.fields.get("signatures") or []

    @property
    def approvals(self) -> list[Value[Approval]]:
        """The stages of an approval form, in form order."""
        return self.fields.get("approvals") or []

    def signatures_of(self, roles: Collection[str]) -> list[Value[Signature]]:
        """The signature fields of these roles (text.labels: PARTY_ROLES, OFFICER_ROLES …), in text order."""
        return [s for s in self.signatures if s.value.role in roles]

    def signed_by(self, roles: Collection[str]) -> bool | None:
        """True when a signature field of these roles is filled; False when there is one and all are blank; None
        when there is none."""
        sigs = self.signatures_of(roles)
        return any(s.value.signed for s in sigs) if sigs else None

    @property
    def first_loc(self) -> Location:
        if self.blocks:
            return self.blocks[0].loc
        return Location(self.source, self.pages[0] if self.pages else None)


TITLED = 10.0  # Document.classify_score of a document recognised by its title


@dataclass(slots=True)
class Case:
    """A case file: its documents in file order, and what could not be read."""

    case_id: str
    path: str
    documents: list[Document] = field(default_factory=list)
    errors: list[CaseError] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)
    summary_locs: dict[str, Location] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    def of_type(self, *types: DocType) -> list[Document]:
        """The documents of these types, in file order (``UnknownDocType`` for a type that is none)."""
        wanted = doc_types(types)
        return [d for d in self.documents if d.type in wanted]

    def last_of(self, type_: DocType, docs: list[Document] | None = None) -> Document | None:
        """The last document of a type (a corrected one follows the first), preferring one recognised by its
        title over one typed from its content only (an untitled page that reads like the type)."""
        wanted = doc_type(type_)
        docs = [d for d in (self.documents if docs is None else docs) if d.type == wanted]
        titled = [d for d in docs if d.classify_score >= TITLED]
        return (titled or docs)[-1] if docs else None


def _jsonable(value: Any) -> Any:
    """Dates and times to ISO strings; payloads to their dicts; containers recursively."""
    if isinstance(value, Payload):
        return value.to_json()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value
