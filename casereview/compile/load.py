"""Reading results files for the store: JSON, compatibility checks, schema validation, the period.

A results file written by the same major version of casereview with a
built-in rubric is trusted after a light check of the keys compile reads. One
from another major version, or scored with a rubric casereview does not know,
is accepted only when it validates against ``schemas/result.schema.json``.
Every error names the file.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

from casereview.compile import CompileError
from casereview.compile.periods import Period, parse_period, period_containing
from casereview.compile.store import department_of
from casereview.rubric import BUILTIN
from casereview.version import __version__

CASE_KEYS = ("case_id", "score", "grade", "veto", "checks")


def _major(version: str) -> str:
    return str(version).split(".", 1)[0]


@lru_cache(maxsize=1)
def _validator():
    import jsonschema
    from referencing import Registry, Resource

    store = {}
    for name in ("result.schema.json", "case.schema.json"):
        schema = json.loads(resources.files("casereview.schemas").joinpath(name).read_text("utf-8"))
        store[name] = schema
        store[schema["$id"]] = schema
    registry = Registry().with_resources((k, Resource.from_contents(v)) for k, v in store.items())
    return jsonschema.Draft202012Validator(store["result.schema.json"], registry=registry)


def _known_rubric(rubric: dict) -> bool:
    return rubric.get("id") in BUILTIN


def _schema_errors(results: dict, limit: int = 5) -> list[str]:
    errors = sorted(_validator().iter_errors(results), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(str(p) for p in e.absolute_path) or '（根）'}：{e.message}" for e in errors[:limit]]


def _light_check(results: dict, path: Path) -> None:
    if not isinstance(results.get("cases"), list):
        raise CompileError(f"结果文件 {path} 缺少 cases 列表，不是 casereview 的结果文件。")
    for n, entry in enumerate(results["cases"]):
        missing = [k for k in CASE_KEYS if not isinstance(entry, dict) or k not in entry]
        if missing:
            raise CompileError(f"结果文件 {path} 第 {n + 1} 个案卷缺少字段：{'、'.join(missing)}。")


def read_results(path: Path) -> tuple[dict, bytes]:
    """The results object and its raw bytes; CompileError naming the file when it cannot be used."""
    try:
        raw = Path(path).read_bytes()
        results = json.loads(raw.decode("utf-8-sig"))
    except OSError as exc:
        raise CompileError(f"无法读取结果文件 {path}：{exc.strerror or exc}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CompileError(f"结果文件 {path} 不是有效的 JSON：{exc}") from exc
    if not isinstance(results, dict):
        raise CompileError(f"结果文件 {path} 不是 casereview 的结果文件（顶层应为对象）。")
    tool = results.get("tool") or {}
    rubric = results.get("rubric") or {}
    foreign = _major(tool.get("version", "")) != _major(__version__) or not _known_rubric(rubric)
    if foreign or tool.get("name") != "casereview":
        errors = _schema_errors(results)
        if errors:
            why = (
                f"由 casereview {tool.get('version', '未知版本')}、评查标准 {rubric.get('id', '未知')} 生成，"
                "且不符合结果文件格式（schemas/result.schema.json）"
            )
            raise CompileError(f"结果文件 {path} {why}：\n  " + "\n  ".join(errors))
    _light_check(results, path)
    return results, raw


PERIOD_RECORDED = "取自结果文件中 score --period 记录的期间"
PERIOD_GIVEN = "取自 compile --period"


def _decision_dates(results: dict) -> tuple[list[dt.date], int]:
    """The cases' decision dates (``summary.decision_date``) and the number of cases without a readable one."""
    dates, missing = [], 0
    for entry in results["cases"]:
        text = (entry.get("summary") or {}).get("decision_date")
        try:
            dates.append(dt.date.fromisoformat(str(text)[:10]))
        except ValueError:
            missing += 1
    return dates, missing


def period_of(results: dict, path: Path, given: str | None) -> tuple[Period, str]:
    """The file's period and how it was found (Chinese, for the import line); CompileError when none can be.

    In order: the period ``score --period`` recorded in the file; ``given`` (``compile --period``); the
    shortest period (quarter, half-year, year) holding every case's decision date.
    """
    if results.get("period"):
        text, how = str(results["period"]), PERIOD_RECORDED
    elif given:
        text, how = given, PERIOD_GIVEN
    else:
        return _period_from_dates(results, path)
    try:
        return parse_period(text), how
    except CompileError as exc:
        raise CompileError(f"结果文件 {path}：{exc}") from exc


def _period_from_dates(results: dict, path: Path) -> tuple[Period, str]:
    fix = "请用 compile --period 指定评查期间（如 2024Q3），或评查时用 score --period 记入结果文件。"
    dates, missing = _decision_dates(results)
    if not dates:
        raise CompileError(
            f"结果文件 {path} 未记录评查期间（score 未用 --period），案卷中也没有可据以推定期间的"
            f"处罚决定日期；{fix}"
        )
    period = period_containing(dates)
    if period is None:
        raise CompileError(
            f"结果文件 {path} 未记录评查期间（score 未用 --period），案卷的处罚决定日期"
            f"（{min(dates)} 至 {max(dates)}）跨年度，无法推定一个期间；{fix}"
        )
    how = f"由 {len(dates)} 卷的处罚决定日期推定，{min(dates)} 至 {max(dates)}"
    if missing:
        how += f"；另有 {missing} 卷无决定日期"
    return period, how


def kind_of(results: dict, requested: str) -> str:
    """``self`` (one department's own review) or ``county`` (cross-department); ``auto`` decides by departments."""
    if requested in ("self", "county"):
        return requested
    return "county" if len({department_of(c) for c in results["cases"]}) > 1 else "self"
