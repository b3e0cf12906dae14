"""Rubrics as data: loading, ``extends``, validation with every error's path.

A rubric is JSON or YAML (schemas/rubric.schema.json). ``load_rubric`` takes a
built-in id (``penalty-general``, ``shandong-county``, ``market-regulation``,
``ecology-environment``) or a file path, resolves ``extends`` (a built-in id or a
path relative to the file), merges parameters and items deeply, and checks
that every code exists. The resolved rubric's sha256 is recorded with every
result so a score can be reproduced.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

BUILTIN = ("penalty-general", "shandong-county", "market-regulation", "ecology-environment")


class RubricError(ValueError):
    """A rubric that cannot be used; ``errors`` lists each problem with its path."""

    def __init__(self, source: str, errors: list[str]) -> None:
        self.source = source
        self.errors = errors
        super().__init__(f"{source}: " + "; ".join(errors))


@dataclass(frozen=True, slots=True)
class Item:
    code: str
    points: float
    veto: bool = False
    enabled: bool = True
    title: str | None = None


@dataclass(slots=True)
class Rubric:
    id: str
    version: str
    title: str
    veto_mode: str
    start: float
    grades: list[tuple[str, float]]  # (name, minimum), highest first
    params: dict[str, Any]
    items: dict[str, Item]
    sha256: str
    source: str
    raw: dict[str, Any] = field(default_factory=dict)

    def grade_of(self, score: float) -> str:
        for name, minimum in self.grades:
            if score >= minimum:
                return name
        return self.grades[-1][0]

    def ref(self) -> dict[str, str]:
        return {"id": self.id, "version": self.version, "sha256": self.sha256}


def _schema() -> dict:
    return json.loads(resources.files("casereview").joinpath("schemas/rubric.schema.json").read_text("utf-8"))


def _read(path: Path) -> Any:
    text = path.read_text("utf-8")
    if path.suffix.lower() in (".yaml", ".yml"):
        import yaml

        return yaml.safe_load(text)
    return json.loads(text)


def _builtin_path(rubric_id: str):
    return resources.files("casereview.rubric").joinpath(f"builtin/{rubric_id}.yaml")


def read_rubric_data(ref: str | Path) -> tuple[dict, str, Path | None]:
    """Raw data of a rubric file or built-in id: (data, label, folder for relative extends)."""
    if isinstance(ref, str) and ref in BUILTIN:
        import yaml

        return yaml.safe_load(_builtin_path(ref).read_text("utf-8")), f"builtin:{ref}", None
    path = Path(ref)
    if not path.exists():
        raise RubricError(str(ref), [f"评查标准文件不存在，也不是内置标准（内置：{'、'.join(BUILTIN)}）"])
    try:
        data = _read(path)
    except Exception as exc:  # noqa: BLE001 - YAML/JSON syntax errors
        raise RubricError(str(path), [f"文件无法解析：{exc}"]) from exc
    return data, str(path), path.parent


def schema_errors(data: Any) -> list[str]:
    """Every schema violation, each as ``path: message``."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(_schema())
    out = []
    for err in sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path)):
        path = "/".join(str(p) for p in err.absolute_path) or "(根)"
        out.append(f"{path}: {err.message}")
    return out


def known_codes() -> set[str]:
    from casereview.rules.registry import all_rules

    return {r.code for r in all_rules()}


def validate_rubric(ref: str | Path) -> list[str]:
    """All problems of a rubric (and what it extends), empty when it is usable."""
    try:
        load_rubric(ref)
    except RubricError as exc:
        return [f"{exc.source}: {e}" if not e.startswith(exc.source) else e for e in exc.errors]
    return []


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for k, v in over.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict) and "above" not in v and "days" not in v:
            out[k] = _merge(out[k], v)
        else:
            out[k] = v
    return out


def _resolve(ref: str | Path, seen: tuple[str, ...] = ()) -> tuple[dict, str]:
    data, label, folder = read_rubric_data(ref)
    if label in seen:
        raise RubricError(label, [f"extends 形成循环：{' → '.join(seen + (label,))}"])
    errors = schema_errors(data)
    if errors:
        raise RubricError(label, errors)
    codes = known_codes()
    unknown = [c for c in (data.get("items") or {}) if c not in codes]
    if unknown:
        raise RubricError(label, [f"items/{c}: 未知的评查项代码 {c}" for c in unknown])
    parent_ref = data.get("extends")
    if parent_ref:
        if parent_ref not in BUILTIN and folder is not None:
            parent_ref = str(folder / parent_ref)
        parent, _ = _resolve(parent_ref, seen + (label,))
        merged = _merge(parent, {k: v for k, v in data.items() if k != "extends"})
    else:
        merged = data
    return merged, label


def load_rubric(ref: str | Path = "penalty-general") -> Rubric:
    """Load, resolve and check a rubric; raises RubricError with every problem."""
    merged, label = _resolve(ref)
    errors = []
    for key in ("veto_mode", "grades", "items"):
        if key not in merged:
            errors.append(f"{key}: 缺少（自身或 extends 的标准中都没有）")
    missing = sorted(known_codes() - set(merged.get("items") or {}))
    if missing and not errors:
        errors.append(f"items: 缺少评查项 {', '.join(missing)}（每个代码都必须在标准中出现，可用 enabled: false 停用）")
    if errors:
        raise RubricError(label, errors)
    canonical = json.dumps(merged, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    items = {code: Item(code, float(v.get("points", 0)), bool(v.get("veto", False)), bool(v.get("enabled", True)),
                        v.get("title")) for code, v in merged["items"].items()}
    grades = sorted(((g["name"], float(g["min"])) for g in merged["grades"]), key=lambda g: -g[1])
    return Rubric(
        id=str(merged["id"]),
        version=str(merged["version"]),
        title=str(merged.get("title", merged["id"])),
        veto_mode=merged["veto_mode"],
        start=float(merged.get("start", 100)),
        grades=grades,
        params=merged.get("params") or {},
        items=items,
        sha256=hashlib.sha256(canonical.encode("utf-8")).hexdigest(),
        source=str(ref),  # what load_rubric accepts again (a built-in id or a path), e.g. in worker processes
        raw=merged,
    )
