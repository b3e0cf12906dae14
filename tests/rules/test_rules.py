"""Every rule against its cases in tests/rules/cases/CODE.yaml (``pytest -k N01`` runs one rule).

A case lists documents (file name → text, or ``"@fixture NAME"`` to copy a
file from tests/fixtures/files); they are written into a fresh folder, read
by the full pipeline, and the rule is run with the default rubric's
parameters (overridable per case with ``params``) and an optional roster.

``unread: {FILE: [PAGES]}`` stands for pages of FILE's documents that a scan
left poorly read (OCR confidence below the threshold): the documents keep their
text and are marked as the OCR stage marks them (``needs_ocr``, ``unread_pages``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from casereview.api import load_case
from casereview.rules.base import Context
from casereview.rules.registry import rule_by_code

HERE = Path(__file__).parent
FIXTURES = HERE.parent / "fixtures" / "files"


def _cases():
    for path in sorted((HERE / "cases").glob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        for i, case in enumerate(data["cases"]):
            yield pytest.param(data["code"], case, id=f"{data['code']}-{i}-{case['expect']}-{case['name']}")


def default_params() -> dict:
    from casereview.rubric import read_rubric_data

    return read_rubric_data("penalty-general")[0]["params"]


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


@pytest.mark.parametrize(("code", "spec"), list(_cases()))
def test_rule_case(code, spec, tmp_path):
    folder = tmp_path / "case"
    folder.mkdir()
    for name, content in spec["documents"].items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str) and content.startswith("@fixture "):
            shutil.copy(FIXTURES / content.split(" ", 1)[1], target)
        else:
            target.write_text(content, encoding="utf-8")
    case = load_case(folder)
    for doc in case.documents:
        if doc.source in (spec.get("unread") or {}):
            doc.needs_ocr, doc.unread_pages = True, list(spec["unread"][doc.source])
    roster = frozenset((n, c) for n, c in spec["roster"]) if spec.get("roster") is not None else None
    ctx = Context(case, params=_merge(default_params(), spec.get("params") or {}), roster=roster)
    outcome = rule_by_code()[code]().run(ctx)
    assert outcome.status == spec["expect"], f"{outcome.status}: {outcome.message}"
    if spec.get("message_contains"):
        assert spec["message_contains"] in outcome.message
    if outcome.status == "fail":
        assert outcome.message, "a fail names the defect"
        assert outcome.evidence, "a fail carries its evidence"
