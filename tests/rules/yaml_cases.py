"""The per-rule YAML cases (tests/rules/cases/CODE.yaml): reading them and running one.

A case lists documents (file name → text, or ``"@fixture NAME"`` to copy a
file from tests/fixtures/files); they are written into a fresh folder, read
by the full pipeline, and the rule is run with the default rubric's
parameters (overridable per case with ``params``) and an optional roster.

``unread: {FILE: [PAGES]}`` stands for pages of FILE's documents that a scan
left poorly read (OCR confidence below the threshold): the documents keep their
text and are marked as the OCR stage marks them (``needs_ocr``, ``unread_pages``).

``ocr: {FILE: CONFIDENCE}`` stands for FILE read off page pictures by OCR, every
line with that confidence; ``ocr: {FILE: {TEXT: CONFIDENCE, "*": CONFIDENCE}}``
gives the lines holding TEXT their own confidence (``*``: every other line,
0.98 when not given).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from casereview.api import load_case
from casereview.model import Case, Outcome
from casereview.rules.base import Context
from casereview.rules.registry import rule_by_code

HERE = Path(__file__).parent
CASES = HERE / "cases"
FIXTURES = HERE.parent / "fixtures" / "files"


def all_cases():
    """(code, index, spec) of every case of every rule, in file order."""
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        for i, case in enumerate(data["cases"]):
            yield data["code"], i, case


def default_params() -> dict:
    from casereview.rubric import read_rubric_data

    return read_rubric_data("penalty-general")[0]["params"]


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def _read_by_ocr(case: Case, ocr: dict) -> None:
    for doc in case.documents:
        spec = ocr.get(doc.source)
        if spec is None:
            continue
        lines = spec if isinstance(spec, dict) else {"*": spec}
        for block in doc.blocks:
            hit = [conf for text, conf in lines.items() if text != "*" and text in block.text]
            block.confidence = float(min(hit) if hit else lines.get("*", 0.98))


def run_case(code: str, spec: dict, folder: Path) -> tuple[Outcome, Case]:
    """Write the case's documents under ``folder``, read them and run rule ``code``: (outcome, case)."""
    folder = folder / "case"
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
    _read_by_ocr(case, spec.get("ocr") or {})
    roster = frozenset((n, c) for n, c in spec["roster"]) if spec.get("roster") is not None else None
    ctx = Context(case, params=_merge(default_params(), spec.get("params") or {}), roster=roster)
    return rule_by_code()[code]().run(ctx), case
