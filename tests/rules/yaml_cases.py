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

Every file is checked against ``cases.schema.json`` when it is read: a
misspelt key (``expcet:``, ``mesage_contains:``, a rubric parameter that does
not exist), a duplicate key or a ``code`` that is not the file's name stops
the test run with the file, the case and the key, never silently ignored.
"""

from __future__ import annotations

import difflib
import json
import shutil
from functools import cache
from pathlib import Path

import yaml

from casereview.api import load_case
from casereview.model import Case, Outcome
from casereview.rules.base import Context
from casereview.rules.registry import rule_by_code

HERE = Path(__file__).parent
CASES = HERE / "cases"
FIXTURES = HERE.parent / "fixtures" / "files"
SCHEMA = HERE / "cases.schema.json"


class CaseFileError(ValueError):
    """A case file that does not follow cases.schema.json: every problem, with the file, case and key."""


class _UniqueKeyLoader(yaml.SafeLoader):
    """A YAML loader that refuses a key given twice in one mapping (PyYAML keeps the last one silently)."""

    def construct_mapping(self, node, deep=False):
        seen: dict = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise CaseFileError(
                    f"line {key_node.start_mark.line + 1}: key {key!r} given twice "
                    f"(first on line {seen[key] + 1})"
                )
            seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep)


def _closed(schema):
    """``schema`` with every object that lists its ``properties`` closed to other keys."""
    if isinstance(schema, list):
        return [_closed(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    out = {k: _closed(v) for k, v in schema.items()}
    if "properties" in out:
        out.setdefault("additionalProperties", False)
    return out


@cache
def _validator():
    import jsonschema

    schema = json.loads(SCHEMA.read_text("utf-8"))
    rubric = json.loads(
        (HERE.parents[1] / "casereview" / "schemas" / "rubric.schema.json").read_text("utf-8")
    )
    schema["$defs"]["params"] = _closed(rubric["properties"]["params"])
    for name, sub in rubric["$defs"].items():
        schema["$defs"].setdefault(name, sub)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _where(data, path) -> str:
    """An error's place: cases[3] (its name) -> params -> hearing."""
    parts, node = [], data
    for step in path:
        if isinstance(step, int):
            name = node[step].get("name") if isinstance(node[step], dict) else None
            parts[-1:] = [(parts[-1] if parts else "") + f"[{step}]" + (f" ({name})" if name else "")]
        else:
            parts.append(str(step))
        node = node[step]
    return " -> ".join(parts) or "top level"


def _problems(data, err) -> list[str]:
    """One line per problem of a schema error: an unknown key with its likely intended spelling."""
    where = _where(data, err.absolute_path)
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        allowed = list(err.schema.get("properties") or {})
        out = []
        for key in (k for k in err.instance if k not in allowed):
            near = difflib.get_close_matches(str(key), allowed, n=1)
            out.append(
                f"{where}: unknown key {key!r}"
                + (f" (did you mean {near[0]!r}?)" if near else "")
                + f"; allowed: {', '.join(allowed)}"
            )
        return out
    return [f"{where}: {err.message}"]


def load_case_file(path: Path) -> dict:
    """A rule's case file, checked against cases.schema.json; ``CaseFileError`` names every problem."""
    try:
        data = yaml.load(path.read_text("utf-8"), Loader=_UniqueKeyLoader)  # a SafeLoader: no Python objects
    except (CaseFileError, yaml.YAMLError) as exc:
        raise CaseFileError(f"{path}: {exc}") from None
    problems = sorted(p for e in _validator().iter_errors(data) for p in _problems(data, e))
    if not problems and data["code"] != path.stem:
        problems.append(f"code: {data['code']!r} is not the file's name ({path.stem})")
    if problems:
        raise CaseFileError(f"{path} does not follow {SCHEMA.name}:\n  " + "\n  ".join(problems))
    return data


def all_cases():
    """(code, index, spec) of every case of every rule, in file order (each file checked first)."""
    for path in sorted(CASES.glob("*.yaml")):
        data = load_case_file(path)
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
