"""Typed payloads of a document's fields: the structured values extract reads and rules query.

Two kinds:

- **values**: what one located ``Value`` holds when it is more than a text, a date or a sum — an
  ``Officer`` named on a record, a ``Signature`` field, an ``Approval`` stage of a form, a document a
  receipt lists as ``Served``;
- **groups**: fields a reader reads together and rules use together, each member a located ``Value``
  (None when looked for and not found) — a record's ``Record`` (officers, certificates shown,
  confirmation …), a receipt's ``Service`` (what was served, to whom, how, when), the ``Penalty`` a notice
  proposes or a decision imposes. A group is kept in ``Document.fields`` under its key (``record``,
  ``service``, ``penalty``) and read through ``Document.record`` / ``.service`` / ``.penalty``.

The JSON of ``casereview extract`` (schemas/case.schema.json) is what it was when these were plain
dicts and flat keys: a value payload is written as the dict of its fields, in their order
(``to_json``); a group's members stand in the document's fields under their own names
(``json_fields``: ``officers``, ``service_date``, ``proposed_fine_yuan`` …).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, ClassVar

from casereview.model.doctype import DocType

if TYPE_CHECKING:
    from casereview.model.case import Value


class Payload:
    """A value payload: written to JSON as the dict of its fields (``_OMIT_NONE``: left out when None)."""

    __slots__ = ()
    _OMIT_NONE: ClassVar[frozenset[str]] = frozenset()

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):  # type: ignore[arg-type]
            v = getattr(self, f.name)
            if v is None and f.name in self._OMIT_NONE:
                continue
            out[f.name] = v.isoformat() if isinstance(v, dt.date) else (list(v) if isinstance(v, list) else v)
        return out


@dataclass(slots=True)
class Officer(Payload):
    """A handling officer a record names: the name, the certificate number written with it, the labels that
    name them (询问人, 记录人 …)."""

    name: str
    cert_no: str | None
    roles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Signature(Payload):
    """A signature field (被询问人签名：…): whose it is (``role``), whether it is filled, how (``kind``: text,
    image or blank), the name written in it, its label, the handwritten pictures besides the names read,
    and whether the line was read off a scan."""

    role: str
    signed: bool
    kind: str
    name: str | None
    label: str
    images: int = 0
    scanned: bool = False


@dataclass(slots=True)
class Approval(Payload):
    """One stage of an approval form (承办人意见 … 负责人审批意见): its opinion, signer, whether it is signed
    (None: a scanned box that looks empty, not proof of no signature), its date, and a date-shaped text that
    did not read as one (``date_unread``)."""

    role: str
    opinion: str | None
    signer: str | None
    signed: bool | None
    date: dt.date | None
    scanned: bool = False
    date_unread: bool = False


@dataclass(slots=True)
class Served(Payload):
    """A document a service receipt lists: its title as written, its type, and its 文号 where the receipt gives
    it."""

    _OMIT_NONE: ClassVar[frozenset[str]] = frozenset({"number"})

    title: str
    type: DocType
    number: str | None = None


class Group:
    """A group of a document's fields: its members spread into the document's fields in JSON.

    ``_JSON`` maps each member to its JSON key, in the order the keys are written; members in
    ``_OMIT_NONE`` are left out when None (the reader writes them only when it finds them), the others
    are written as null.
    """

    __slots__ = ()
    KEY: ClassVar[str]
    _JSON: ClassVar[tuple[tuple[str, str], ...]]
    _OMIT_NONE: ClassVar[frozenset[str]] = frozenset()

    def json_fields(self) -> list[tuple[str, Any]]:
        """(JSON key, member) pairs in the order the document's fields list them."""
        return [
            (key, getattr(self, name))
            for name, key in self._JSON
            if not (name in self._OMIT_NONE and getattr(self, name) is None)
        ]


@dataclass(slots=True)
class Record(Group):
    """What an inspection or inquiry record (笔录) says besides its text: the officers named, the notes that
    certificates were shown, that the record was read and confirmed, that the party refused to sign, that the
    step was recorded on video; the witness and recorder named; the time it started."""

    KEY: ClassVar[str] = "record"
    _JSON: ClassVar[tuple[tuple[str, str], ...]] = (
        ("officers", "officers"),
        ("certificates_shown", "certificates_shown"),
        ("confirmation", "confirmation"),
        ("party_refused", "party_refused"),
        ("recording", "recording"),
        ("witness", "witness"),
        ("recorder", "recorder"),
        ("start", "start"),
    )
    _OMIT_NONE: ClassVar[frozenset[str]] = frozenset({"witness", "recorder", "start"})

    officers: list[Value] = field(default_factory=list)  # Value[Officer]
    certificates_shown: Value | None = None
    confirmation: Value | None = None
    party_refused: Value | None = None
    recording: Value | None = None
    witness: Value | None = None
    recorder: Value | None = None
    start: Value | None = None  # a datetime


@dataclass(slots=True)
class Service(Group):
    """A service receipt's service (送达回证): the documents served, the recipient, the manner (直接送达,
    留置送达 …), lien service and the note of it, the witness, the date, a note that it was filmed."""

    KEY: ClassVar[str] = "service"
    _JSON: ClassVar[tuple[tuple[str, str], ...]] = (
        ("served", "served"),
        ("recipient", "recipient"),
        ("manner", "manner"),
        ("lien", "lien"),
        ("witness", "witness"),
        ("date", "service_date"),
        ("recording", "recording"),
        ("lien_note", "lien_note"),
    )
    _OMIT_NONE: ClassVar[frozenset[str]] = frozenset({"recipient"})

    served: list[Value] = field(default_factory=list)  # Value[Served]
    recipient: Value | None = None
    manner: Value | None = None
    lien: Value | None = None
    witness: Value | None = None
    date: Value | None = None
    recording: Value | None = None
    lien_note: Value | None = None

    @property
    def served_types(self) -> list[DocType]:
        """The types of the documents served, in the receipt's order."""
        return [s.value.type for s in self.served]

    @property
    def lien_shown(self) -> Value | None:
        """What shows lien service (留置送达): its note with the witness, the manner ticked, or a note of it."""
        if self.lien is not None:
            return self.lien
        if self.manner is not None and self.manner.value == "留置送达":
            return self.manner
        return self.lien_note


@dataclass(slots=True)
class Penalty(Group):
    """The penalty a notice proposes (``proposed``) or a decision imposes: its types (a Value of the list of
    types: 罚款, 警告, 没收违法所得 …), the fine and the confiscated sum (Values of yuan).

    ``published``: read from a published decision's columns, where a member not found is left out of the JSON
    (a penalty section writes it as null).
    """

    KEY: ClassVar[str] = "penalty"

    types: Value | None = None
    fine: Value | None = None
    confiscation: Value | None = None
    proposed: bool = False
    published: bool = False

    @property
    def type_list(self) -> list[str]:
        """The penalty types (empty when none was read)."""
        return list(self.types.value) if self.types is not None else []

    @property
    def fine_yuan(self) -> float | None:
        return self.fine.value if self.fine is not None else None

    @property
    def confiscation_yuan(self) -> float | None:
        return self.confiscation.value if self.confiscation is not None else None

    def json_fields(self) -> list[tuple[str, Any]]:
        pre = "proposed_" if self.proposed else ""
        pairs = [
            (f"{pre}penalty_types", self.types),
            (f"{pre}fine_yuan", self.fine),
            (f"{pre}confiscation_yuan", self.confiscation),
        ]
        return [(k, v) for k, v in pairs if v is not None or not self.published]
