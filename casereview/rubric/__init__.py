"""Rubrics as data: loading, ``extends``, validation with every error's path.

A rubric is JSON or YAML (schemas/rubric.schema.json). ``load_rubric`` takes a
built-in id (``penalty-general``, ``shandong-county``, ``market-regulation``,
``ecology-environment``) or a file path, resolves ``extends`` (a built-in id or a
path relative to the file), merges parameters and items deeply, and checks
that every code exists. The resolved rubric's sha256 is recorded with every
result so a score can be reproduced.

Every problem is reported in Chinese with where it is: the path of the key
(``items/T01/ponits``) and its line in the file (YAML, or JSON read as YAML:
PyYAML's node marks), e.g. ``items/T01/ponits（第 6 行）：不允许的键“ponits”，是否应为“points”？``.
jsonschema's English messages are never shown: each error kind
(``error.validator``) has its Chinese sentence (``_schema_message``).
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from casereview.rules.registry import RETIRED, all_rules

BUILTIN = ("penalty-general", "shandong-county", "market-regulation", "ecology-environment")


_SHOWN_CHARS = 40  # a rubric value quoted in an error message is cut to this many characters


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


# -- where a key is: line numbers from the YAML node tree ------------------------------------------

Positions = dict[tuple[str, ...], int]


def key_lines(text: str) -> Positions:
    """Path (keys and list indexes as text) -> 1-based line of that key (or list item) in a YAML or JSON text.

    Empty when the text does not parse (its syntax error is reported instead).
    """
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, ValueError):
        return {}
    out: Positions = {}
    if root is None:
        return out
    out[()] = root.start_mark.line + 1
    stack = [((), root)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                sub = (*path, str(key.value))
                out.setdefault(sub, key.start_mark.line + 1)  # a duplicated key: the first one's line
                stack.append((sub, value))
        elif isinstance(node, yaml.SequenceNode):
            for i, value in enumerate(node.value):
                sub = (*path, str(i))
                out[sub] = value.start_mark.line + 1
                stack.append((sub, value))
    return out


def _line(positions: Positions, path) -> int | None:
    """The line of ``path``, or of its nearest parent that is in the file."""
    key = tuple(str(p) for p in path)
    while key not in positions and key:
        key = key[:-1]
    return positions.get(key)


def _where(path, positions: Positions) -> str:
    shown = "/".join(str(p) for p in path) or "（根）"
    line = _line(positions, path) if positions else None
    return f"{shown}（第 {line} 行）" if line else shown


def _positions_of(label: str) -> Positions:
    """Line numbers of a rubric given by its label (a file path or ``builtin:ID``); empty if unreadable."""
    try:
        if label.startswith("builtin:"):
            text = _builtin_path(label.split(":", 1)[1]).read_text("utf-8")
        else:
            text = Path(label).read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    return key_lines(text)


# -- syntax errors and schema errors in Chinese ------------------------------------------------------

_YAML_PROBLEMS = [  # (PyYAML's problem text, what it means)
    ("found character '\\t' that cannot start any token", "不能用制表符（Tab）缩进，请改用空格"),
    ("mapping values are not allowed here", "此处不能出现“键: 值”（冒号后的值是否缺少引号，或缩进不对？）"),
    ("expected <block end>", "缩进不一致"),
    ("could not find expected ':'", "缺少冒号“:”"),
    ("found duplicate anchor", "锚点重复"),
    ("found undefined alias", "引用了未定义的锚点"),
    ("found unexpected end of stream", "文件意外结束（引号或括号未闭合？）"),
    ("expected ',' or ']'", "列表缺少逗号或右方括号“]”"),
    ("expected ',' or '}'", "映射缺少逗号或右花括号“}”"),
    ("found unknown escape character", "字符串中有无效的转义字符"),
    ("while scanning a quoted scalar", "引号未闭合"),
]
_JSON_PROBLEMS = [
    ("Expecting ',' delimiter", "缺少逗号"),
    ("Expecting ':' delimiter", "缺少冒号"),
    ("Expecting property name enclosed in double quotes", "键名须用双引号括起，且最后一项后不能有逗号"),
    ("Expecting value", "缺少值（或有多余的逗号）"),
    ("Extra data", "JSON 结束后还有多余的内容"),
    ("Unterminated string", "字符串未结束（缺少右引号）"),
    ("Invalid control character", "字符串中有控制字符（换行须写作 \\n）"),
    ("Invalid \\escape", "字符串中有无效的转义字符"),
]


def syntax_message(exc: Exception) -> str:
    """A YAML/JSON syntax error (or an undecodable file) in Chinese, with its line and column."""
    import yaml

    if isinstance(exc, UnicodeDecodeError):
        return f"文件不是 UTF-8 编码（第 {exc.start + 1} 个字节无法解码），请另存为 UTF-8"
    if isinstance(exc, json.JSONDecodeError):
        what = next((zh for en, zh in _JSON_PROBLEMS if exc.msg.startswith(en)), "JSON 语法错误")
        return f"第 {exc.lineno} 行第 {exc.colno} 列：{what}"
    if isinstance(exc, yaml.MarkedYAMLError):
        text = " ".join(str(x) for x in (exc.context, exc.problem) if x)
        what = next((zh for en, zh in _YAML_PROBLEMS if en in text), "YAML 语法错误")
        mark = exc.problem_mark or exc.context_mark
        where = f"第 {mark.line + 1} 行第 {mark.column + 1} 列：" if mark is not None else ""
        return f"{where}{what}"
    return f"文件无法解析（{type(exc).__name__}）"


_TYPE_ZH = {
    "object": "对象（键: 值）",
    "array": "列表",
    "string": "文本",
    "integer": "整数",
    "number": "数字",
    "boolean": "布尔值（true 或 false）",
    "null": "空值",
}
_PATTERN_ZH = {
    "^[a-z0-9][a-z0-9-]*$": "小写字母、数字和连字符“-”，以字母或数字开头（如 county-2024）",
    "^[A-Z][0-9]{2}$": "一个大写字母加两位数字（如 N01）",
    "^\\d{4}-\\d{2}-\\d{2}$": "日期，如 2024-12-31",
}


def _kind(value: Any) -> str:
    if value is None:
        return "空值"
    if isinstance(value, bool):
        return "布尔值"
    if isinstance(value, int):
        return "整数"
    if isinstance(value, float):
        return "数字"
    if isinstance(value, str):
        return "文本"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "对象"
    return type(value).__name__


def _show(value: Any) -> str:
    """A value as the user wrote it, shortened."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    text = text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"
    return f"“{text}”"


def _types(value) -> list[str]:
    names = value if isinstance(value, list) else [value]
    return [_TYPE_ZH.get(str(n), str(n)) for n in names]


def _or(parts: list[str]) -> str:
    parts = list(dict.fromkeys(parts))
    return parts[0] if len(parts) == 1 else "、".join(parts[:-1]) + "或" + parts[-1]


def _type_mismatch(err) -> bool:
    """True when ``err`` says the value has the wrong type for this alternative (not a detail inside it)."""
    if err.validator == "type" and not err.relative_path:
        return True
    if err.validator in ("oneOf", "anyOf") and not err.relative_path and err.context:
        return all(any(_type_mismatch(c) for c in errs) for errs in _branches(err).values())
    return False


def _branches(err) -> dict:
    out: dict = {}
    for c in err.context or []:
        out.setdefault(c.relative_schema_path[0], []).append(c)
    return out


def _expected_types(err) -> list[str]:
    out = []
    for c in err.context or []:
        if c.validator == "type" and not c.relative_path:
            out.extend(_types(c.validator_value))
        elif c.validator in ("oneOf", "anyOf"):
            out.extend(_expected_types(c))
    return out


def _schema_message(err) -> list[tuple[list, str]]:  # noqa: C901 - a table of jsonschema validators to messages
    """(path, Chinese message) for one jsonschema error; one error may name several keys."""
    v, value, inst = err.validator, err.validator_value, err.instance
    path = list(err.absolute_path)
    if "propertyNames" in err.absolute_schema_path:  # a key's name is wrong: point at the key
        key = inst
        if v == "pattern":
            rule = _PATTERN_ZH.get(value, f"须匹配正则表达式 {value}")
            what = "评查项代码" if path and path[-1] == "items" else "键名"
            return [([*path, key], f"{what}“{key}”格式不对，应为{rule}")]
        return [([*path, key], f"键名“{key}”不允许")]
    if v == "additionalProperties" and isinstance(inst, dict):
        allowed = list(err.schema.get("properties") or {})
        patterns = list(err.schema.get("patternProperties") or {})
        extra = [k for k in inst if k not in allowed and not any(re.search(p, str(k)) for p in patterns)]
        out = []
        for k in extra:
            near = difflib.get_close_matches(str(k), allowed, n=1, cutoff=0.6)
            hint = f"，是否应为“{near[0]}”？" if near else ""
            avail = f"（此处可用的键：{'、'.join(allowed)}）" if allowed else ""
            out.append(([*path, k], f"不允许的键“{k}”{hint}{avail}"))
        return out
    if v == "required" and isinstance(inst, dict):
        return [(path, f"缺少必填的键“{k}”") for k in value if k not in inst]
    if v == "type":
        return [
            (
                path,
                f"应为{_or(_types(value))}，实际为{_kind(inst)}"
                + (f"{_show(inst)}" if inst is not None else ""),
            )
        ]
    if v == "enum":
        return [(path, f"取值{_show(inst)}无效，可选：{'、'.join(str(x) for x in value)}")]
    if v == "const":
        return [(path, f"取值{_show(inst)}无效，应为“{value}”")]
    if v == "minimum":
        return [(path, f"取值 {inst} 小于最小值 {value}")]
    if v == "maximum":
        return [(path, f"取值 {inst} 大于最大值 {value}")]
    if v == "exclusiveMinimum":
        return [(path, f"取值 {inst} 须大于 {value}")]
    if v == "exclusiveMaximum":
        return [(path, f"取值 {inst} 须小于 {value}")]
    if v == "multipleOf":
        return [(path, f"取值 {inst} 须为 {value} 的整数倍")]
    if v == "pattern":
        return [
            (
                path,
                f"取值{_show(inst)}格式不对，应为{_PATTERN_ZH.get(value, f'匹配正则表达式 {value} 的文本')}",
            )
        ]
    if v == "format":
        return [(path, f"取值{_show(inst)}不是有效的 {value} 格式")]
    if v in ("minItems", "maxItems"):
        word = "至少" if v == "minItems" else "至多"
        return [(path, f"列表{word}应有 {value} 项，实际为 {len(inst)} 项")]
    if v in ("minLength", "maxLength"):
        word = "至少" if v == "minLength" else "至多"
        return [(path, f"文本{word}应有 {value} 个字符，实际为 {len(inst)} 个")]
    if v in ("minProperties", "maxProperties"):
        word = "至少" if v == "minProperties" else "至多"
        return [(path, f"{word}应有 {value} 个键，实际为 {len(inst)} 个")]
    if v == "uniqueItems":
        return [(path, "列表中有重复的项")]
    if v in ("oneOf", "anyOf"):
        fitting = [errs for errs in _branches(err).values() if not any(_type_mismatch(c) for c in errs)]
        if fitting:  # the value has the right shape for one of the forms: say what is wrong inside it
            return [m for c in min(fitting, key=len) for m in _schema_message(c)]
        if not err.context and v == "oneOf":
            return [(path, "取值同时符合多种写法，无法确定其含义")]
        types = _expected_types(err)
        if types:
            return [
                (
                    path,
                    f"应为{_or(types)}，实际为{_kind(inst)}" + (f"{_show(inst)}" if inst is not None else ""),
                )
            ]
        return [(path, "取值不符合任何一种允许的写法（见 schemas/rubric.schema.json）")]
    if v == "not":
        return [(path, f"取值{_show(inst)}不允许")]
    if v in ("dependentRequired", "dependencies"):
        return [(path, "缺少与已有键配套的键：" + "、".join(str(x) for x in (value or {})))]
    if v is False or v == "false":
        return [(path, "此处不允许有值")]
    return [(path, f"取值{_show(inst)}不符合要求（规则 {v}，见 schemas/rubric.schema.json）")]


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
    if path.is_dir():
        raise RubricError(str(ref), ["这是一个文件夹，应为评查标准文件（.yaml、.yml 或 .json）"])
    try:
        data = _read(path)
    except Exception as exc:  # isolation point (logged or re-raised): YAML/JSON syntax errors, undecodable or unreadable files
        if isinstance(exc, OSError):
            raise RubricError(str(path), [f"文件无法读取（{exc.strerror or type(exc).__name__}）"]) from exc
        raise RubricError(str(path), [syntax_message(exc)]) from exc
    return data, str(path), path.parent


def schema_errors(data: Any, positions: Positions | None = None) -> list[str]:
    """Every schema violation in Chinese, each as ``path（第 N 行）：message``, in file order.

    ``positions`` (``key_lines`` of the file's text) adds the line numbers.
    """
    import jsonschema

    validator = jsonschema.Draft202012Validator(_schema())
    found = [(path, message) for err in validator.iter_errors(data) for path, message in _schema_message(err)]
    return _in_file_order(found, positions)


def _in_file_order(found: list[tuple[list, str]], positions: Positions | None) -> list[str]:
    """``path（第 N 行）：message`` lines sorted by line, then path; each once."""
    keyed = sorted(((_line(positions, p) or 0) if positions else 0, [str(x) for x in p], m) for p, m in found)
    out: list[str] = []
    for _, path, message in keyed:
        text = f"{_where(path, positions or {})}：{message}"
        if text not in out:
            out.append(text)
    return out


def _unknown_codes(data: Any) -> list[tuple[list, str]]:
    """Item codes that look like codes but name no rule (malformed ones are the schema's to report)."""
    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items, dict):
        return []
    codes = known_codes()
    return [
        (
            ["items", c],
            f"评查项代码 {c} 已停用：{RETIRED[c]}"
            if c in RETIRED
            else f"未知的评查项代码 {c}（casereview rules 列出全部代码）",
        )
        for c in items
        if c not in codes and re.fullmatch(r"[A-Z][0-9]{2}", str(c))
    ]


def known_codes() -> set[str]:
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
    import jsonschema

    validator = jsonschema.Draft202012Validator(_schema())
    found = [(path, message) for err in validator.iter_errors(data) for path, message in _schema_message(err)]
    found += _unknown_codes(data)
    if found:
        raise RubricError(label, _in_file_order(found, _positions_of(label)))
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
            errors.append(f"{key}：缺少（自身或 extends 的标准中都没有）")
    missing = sorted(known_codes() - set(merged.get("items") or {}))
    if missing and not errors:
        errors.append(
            f"items：缺少评查项 {'、'.join(missing)}（每个代码都必须在标准中出现，可用 enabled: false 停用）"
        )
    if errors:
        raise RubricError(label, errors)
    canonical = json.dumps(merged, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    items = {
        code: Item(
            code,
            float(v.get("points", 0)),
            bool(v.get("veto", False)),
            bool(v.get("enabled", True)),
            v.get("title"),
        )
        for code, v in merged["items"].items()
    }
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
