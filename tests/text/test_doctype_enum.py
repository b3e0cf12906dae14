"""``DocType``: exactly the types of the title lexicon and of the case schema; a misspelt type fails at once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casereview.model import Case, DocType, Document, UnknownDocType
from casereview.rules.base import Context
from casereview.text.doctypes import match_title, type_specs

ROOT = Path(__file__).resolve().parents[2]


def _lexicon() -> list[str]:
    raw = json.loads((ROOT / "casereview" / "data" / "doctypes.json").read_text("utf-8"))
    return [entry["type"] for entry in raw["types"]]


def test_members_are_the_lexicon_types_in_its_order():
    assert [t.value for t in DocType] == _lexicon()
    assert [s.type for s in type_specs()] == list(DocType)
    assert all(type(s.type) is DocType for s in type_specs())


@pytest.mark.parametrize("schema", ["schemas/case.schema.json", "casereview/schemas/case.schema.json"])
def test_members_are_the_schema_types(schema):
    document = json.loads((ROOT / schema).read_text("utf-8"))["$defs"]["document"]
    assert sorted(document["properties"]["type"]["enum"]) == sorted(t.value for t in DocType)


def test_a_member_is_its_string():
    assert DocType.PENALTY_DECISION == "penalty_decision"
    assert json.dumps({"type": DocType.ADVANCE_NOTICE}) == '{"type": "advance_notice"}'
    assert match_title("行政处罚决定书") == (DocType.PENALTY_DECISION, "行政处罚决定书")


def test_a_document_gets_a_member_and_refuses_an_unknown_type():
    doc = Document("advance_notice", "行政处罚事先告知书", "a.txt", [])
    assert type(doc.type) is DocType and doc.type is DocType.ADVANCE_NOTICE
    with pytest.raises(UnknownDocType, match="advance_notce.*advance_notice"):
        Document("advance_notce", "", "a.txt", [])


def test_looking_up_an_unknown_type_raises_instead_of_finding_nothing():
    case = Case("c", "c", documents=[Document(DocType.ADVANCE_NOTICE, "告知书", "a.txt", [])])
    ctx = Context(case)
    assert ctx.docs(DocType.ADVANCE_NOTICE) == case.documents
    assert ctx.docs("advance_notice") == case.documents  # the string of a member is that member
    for lookup in (
        lambda: ctx.docs("advance_notce"),
        lambda: ctx.has(DocType.COVER, "covr"),
        lambda: ctx.last("penalty_decison"),
        lambda: case.of_type("notice"),
        lambda: case.last_of("decision"),
    ):
        with pytest.raises(UnknownDocType):
            lookup()
