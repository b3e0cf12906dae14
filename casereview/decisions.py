"""Reviewer decisions: settle 待人工核查 items, overturn findings, keep an audit trail.

Reviewers write their conclusion in the 复核结论 / 复核说明 / 复核人 columns
of a case's sheet (``DIR/sheets/CASE_ID.xlsx``) and/or in a CSV with the
columns ``case_id, code, status, reviewer, note``. ``casereview apply DIR``
then

1. reads every decision and validates all of them before changing anything
   (unknown case or code, a value that is not 符合/不符合/不适用/维持, a
   missing reviewer, an overturn without a reason …): each error names the
   file and the cell or line;
2. applies the decisions that change something: the check's ``status``
   becomes the reviewer's, and the check records ``settled_by``,
   ``settled_at``, ``settled_note`` and ``tool_status`` (what the tool had
   said), so every later sheet shows the item as settled by a person;
3. re-scores the touched cases with ``rubric.scoring.score`` and appends one
   audit entry per changed item to ``results["audit_trail"]`` (who, when,
   from → to, why, where it was written, the case's score and grade before
   and after).

``casereview score`` into the same DIR re-applies the trail to the fresh
results (``carry_over``), so re-scoring never loses a person's decision; edits
made in the sheets but not yet applied are taken in first (``pending_trail``).
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from casereview.model import STATUS_LABELS, Outcome, now_iso
from casereview.report.safe import file_stem
from casereview.rubric.scoring import score
from casereview.rubric.snapshot import rubric_info

STATUS_OF = {
    "符合": "pass",
    "不符合": "fail",
    "不适用": "na",
    "维持": "keep",
    "pass": "pass",
    "fail": "fail",
    "na": "na",
    "keep": "keep",
}
LABEL = STATUS_LABELS
ALLOWED = "符合、不符合、不适用 或 维持"
CSV_COLUMNS = ("case_id", "code", "status", "reviewer", "note")
CODE_RE = re.compile(r"^[A-Z][0-9]{2}$")
TRAIL = "audit_trail"


class DecisionError(ValueError):
    """Reviewer input that cannot be applied; ``errors`` lists every problem with its file and cell."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass(slots=True)
class Decision:
    """One reviewer conclusion on one item of one case."""

    case_id: str
    code: str
    value: str  # pass / fail / na / keep
    reviewer: str
    note: str
    source: str  # where it was written: "sheets/X.xlsx!I14" or "decisions.csv 第3行"
    where_note: str = ""  # the cell of 复核说明 (for the overturn-without-reason message)
    where_reviewer: str = ""  # the cell of 复核人


def _clean(value) -> str | None:
    """Cell/CSV text, stripped (full-width spaces too); None when the value is not text."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return None
    return value.replace("\u3000", " ").strip()


# -- reading ---------------------------------------------------------------------------------------


def read_sheets(
    out_dir: Path, results: dict, default_reviewer: str | None = None
) -> tuple[list[Decision], list[str]]:
    """Decisions written in the 复核 columns of ``DIR/sheets/*.xlsx``; (decisions, errors)."""
    # Here, not at the top: the .xlsx reader loads openpyxl, which a CSV of decisions does not need.
    from casereview.report.xlsx import SheetFormatError, read_reviewer_rows, unchanged_since_written

    decisions: list[Decision] = []
    errors: list[str] = []
    sheets_dir = out_dir / "sheets"
    if not sheets_dir.is_dir():
        return [], []
    known = {c["case_id"] for c in results.get("cases") or []}
    by_stem = {file_stem(c): c for c in known}
    for path in sorted(sheets_dir.glob("*.xlsx")):
        if path.name.startswith(("~$", ".")) or unchanged_since_written(path):
            continue
        label = f"{sheets_dir.name}/{path.name}"
        try:
            case_id, rows = read_reviewer_rows(path)
        except SheetFormatError as exc:
            errors.append(f"{label}：{str(exc).split(': ', 1)[-1]}")
            continue
        if not rows:
            continue
        case_id = case_id if case_id in known else by_stem.get(path.stem, case_id)
        if case_id not in known:
            errors.append(f"{label}：案卷编号“{case_id}”不在 results.json 中，无法应用其复核结论")
            continue
        for r in rows:
            cell = f"{label}!{r.decision_cell}"
            value, note, reviewer = _clean(r.decision), _clean(r.note), _clean(r.reviewer)
            if value is None:
                errors.append(f"{cell}：复核结论“{r.decision}”无效，应填写 {ALLOWED}")
                continue
            if note is None:
                note = str(r.note)
            if reviewer is None:
                reviewer = str(r.reviewer)
            if not value:
                errors.append(
                    f"{cell}：复核结论为空，但同一行填写了复核说明或复核人；请填写 {ALLOWED}，或清空该行"
                )
                continue
            decisions.append(
                Decision(
                    case_id,
                    str(r.code).strip(),
                    value,
                    reviewer or (default_reviewer or ""),
                    note,
                    cell,
                    where_note=f"{label}!{r.note_cell}" if r.note_cell else cell,
                    where_reviewer=f"{label}!{r.reviewer_cell}" if r.reviewer_cell else cell,
                )
            )
    return decisions, errors


def read_csv(path: Path, default_reviewer: str | None = None) -> tuple[list[Decision], list[str]]:
    """Decisions from a CSV (case_id, code, status, reviewer, note); UTF-8 (with or without BOM) or GB18030."""
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        return [], [f"{path.name}：无法识别文件编码（应为 UTF-8 或 GB18030）"]
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in reader.fieldnames or []]
    missing = [c for c in CSV_COLUMNS[:3] if c not in header]
    if missing:
        return [], [f"{path.name} 第1行：缺少列 {', '.join(missing)}（应有列：{', '.join(CSV_COLUMNS)}）"]
    decisions, errors = [], []
    for line_no, row in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "") for k, v in row.items()}
        if not any(str(v).strip() for v in row.values()):
            continue
        where = f"{path.name} 第{line_no}行"
        value = _clean(row.get("status"))
        if not value:
            errors.append(f"{where} status 列：为空，应填写 {ALLOWED}")
            continue
        decisions.append(
            Decision(
                _clean(row.get("case_id")) or "",
                (_clean(row.get("code")) or "").upper(),
                value,
                _clean(row.get("reviewer")) or (default_reviewer or ""),
                _clean(row.get("note")) or "",
                f"{where} status 列",
                where_note=f"{where} note 列",
                where_reviewer=f"{where} reviewer 列",
            )
        )
    return decisions, errors


# -- validation ------------------------------------------------------------------------------------


def _checks(results: dict) -> dict[str, dict[str, dict]]:
    return {c["case_id"]: {k["code"]: k for k in c.get("checks") or []} for c in results.get("cases") or []}


def validate(decisions: list[Decision], results: dict, rubric) -> tuple[list[Decision], list[str]]:
    """The decisions that change something, and every error (each naming its file and cell)."""
    checks = _checks(results)
    errors: list[str] = []
    changes: list[Decision] = []
    seen: dict[tuple[str, str], Decision] = {}
    for d in decisions:
        where = d.source
        if d.case_id not in checks:
            errors.append(f"{where}：案卷“{d.case_id}”不在 results.json 中")
            continue
        code_where = where.replace("status 列", "code 列") if "status 列" in where else where
        if not CODE_RE.match(d.code) or d.code not in checks[d.case_id]:
            errors.append(
                f"{code_where}：未知的评查项代码“{d.code}”（案卷 {d.case_id} 的评查标准中没有此项）"
            )
            continue
        status = STATUS_OF.get(d.value)
        if status is None:
            errors.append(f"{where}：复核结论“{d.value}”无效，应填写 {ALLOWED}")
            continue
        check = checks[d.case_id][d.code]
        current = check.get("status")
        if status == "keep":
            if current == "manual":
                errors.append(f"{where}：{d.code} 为待人工核查项，不能“维持”，请填写 符合、不符合 或 不适用")
                continue
            status = current
        item = rubric.items.get(d.code) if rubric is not None else None
        if status == "fail" and item is not None and not item.enabled:
            errors.append(f"{where}：{d.code} 已被评查标准停用，不能认定为不符合")
            continue
        if not d.reviewer:
            errors.append(
                f"{d.where_reviewer or where}：未填写复核人（在“复核人”列填写姓名，或运行 apply 时用 --reviewer 指定）"
            )
            continue
        if current != "manual" and status != current and not d.note:
            errors.append(
                f"{d.where_note or where}：{d.code} 由“{LABEL.get(current, current)}”改为“{LABEL[status]}”"
                "属推翻原判定，须在复核说明中写明理由"
            )
            continue
        key = (d.case_id, d.code)
        earlier = seen.get(key)
        resolved = Decision(
            d.case_id, d.code, status, d.reviewer, d.note, d.source, d.where_note, d.where_reviewer
        )
        if earlier is not None:
            if (earlier.value, earlier.reviewer, earlier.note) != (status, d.reviewer, d.note):
                errors.append(f"{where}：与 {earlier.source} 对 {d.case_id} {d.code} 的复核结论不一致")
            continue
        seen[key] = resolved
        unchanged = (
            check.get("settled_by") == d.reviewer
            and current == status
            and (check.get("settled_note") or "") == d.note
        )
        if not unchanged:
            changes.append(resolved)
    return changes, errors


# -- applying and re-scoring -------------------------------------------------------------------------


def _settle(check: dict, status: str, reviewer: str, at: str, note: str, tool_status: str) -> None:
    check["status"] = status
    check["settled_by"] = reviewer
    check["settled_at"] = at
    if note:
        check["settled_note"] = note
    else:
        check.pop("settled_note", None)
    check["tool_status"] = tool_status
    if status == "fail":
        # A finding always names its evidence: the reviewer's conclusion is it when the tool had none.
        if not check.get("message"):
            check["message"] = f"人工复核认定不符合：{note}" if note else "人工复核认定不符合"
        if not check.get("evidence"):
            check["evidence"] = [
                {"document": f"人工复核意见（{reviewer}）", "quote": note or "人工复核认定不符合"}
            ]


def rescore(entry: dict, rubric) -> None:
    """Score and grade of one case from its checks' statuses (after reviewer decisions)."""
    outcomes = [Outcome(c["code"], c["status"]) for c in entry.get("checks") or []]
    result = score(outcomes, rubric)
    for check, o in zip(entry["checks"], outcomes, strict=True):
        if o.status == "fail" or o.points_deducted:
            check["points_deducted"] = o.points_deducted
        else:
            check.pop("points_deducted", None)
        if o.veto and o.status == "fail":
            check["veto"] = True
        else:
            check.pop("veto", None)
    unscored = entry.get("score") is None and entry.get("readable") is False and result.manual_codes
    entry["score"] = None if unscored else result.score
    entry["grade"] = None if unscored else result.grade
    entry["veto"] = result.veto
    entry["veto_codes"] = result.veto_codes
    entry["needs_manual_review"] = result.needs_manual_review


def scoring_rubric(results: dict, rubric=None):
    """The ``Rubric`` to re-score with: the given one (checked against the results' sha256) or the stored one."""
    ref = results.get("rubric") or {}
    if rubric is not None:
        if ref.get("sha256") and rubric.sha256 != ref["sha256"]:
            raise DecisionError(
                [
                    f"评查标准 {rubric.id} 第{rubric.version}版（sha256 {rubric.sha256[:12]}…）与 "
                    f"results.json 记录的（sha256 {str(ref['sha256'])[:12]}…）不一致，无法重新计分"
                ]
            )
        return rubric
    info = rubric_info(results)
    if not info.exact:
        raise DecisionError(
            [
                f"results.json 未记录评查标准“{ref.get('id')}”的分值，且它不是内置标准："
                "请用 --rubric 指定评分时使用的标准文件"
            ]
        )
    return info.to_rubric()


def apply(results: dict, decisions: list[Decision], rubric, at: str | None = None) -> list[dict]:
    """Apply validated, changing decisions in place; the new audit entries (also appended to the trail)."""
    at = at or now_iso()
    cases = {c["case_id"]: c for c in results.get("cases") or []}
    before = {cid: (c.get("score"), c.get("grade")) for cid, c in cases.items()}
    entries = []
    touched: list[str] = []
    for d in decisions:
        entry = cases[d.case_id]
        check = next(c for c in entry["checks"] if c["code"] == d.code)
        previous = check["status"]
        tool_status = check.get("tool_status", previous) if check.get("settled_by") else previous
        _settle(check, d.value, d.reviewer, at, d.note, tool_status)
        entries.append(
            {
                "case_id": d.case_id,
                "code": d.code,
                "from": previous,
                "to": d.value,
                "tool_status": tool_status,
                "reviewer": d.reviewer,
                "note": d.note,
                "at": at,
                "source": d.source,
            }
        )
        if d.case_id not in touched:
            touched.append(d.case_id)
    for cid in touched:
        rescore(cases[cid], rubric)
    for e in entries:
        c = cases[e["case_id"]]
        e["score"] = {"from": before[e["case_id"]][0], "to": c.get("score")}
        e["grade"] = {"from": before[e["case_id"]][1], "to": c.get("grade")}
    results.setdefault(TRAIL, []).extend(entries)
    return entries


def collect(
    out_dir: Path,
    results: dict,
    csv_path: Path | None = None,
    default_reviewer: str | None = None,
    rubric=None,
) -> list[Decision]:
    """Read and validate the decisions of the sheets (and of the CSV if given); raise DecisionError.

    The sheets are always read: ``apply`` writes them again afterwards, and an
    edit nobody applied would otherwise be overwritten.
    """
    decisions, errors = read_sheets(out_dir, results, default_reviewer)
    if csv_path is not None:
        more, more_errors = read_csv(csv_path, default_reviewer)
        decisions += more
        errors += more_errors
    changes, more = validate(decisions, results, rubric)
    errors += more
    if errors:
        raise DecisionError(errors)
    return changes


def apply_dir(
    out_dir: Path,
    results: dict,
    csv_path: Path | None = None,
    default_reviewer: str | None = None,
    rubric=None,
    at: str | None = None,
) -> list[dict]:
    """``casereview apply``: validate every decision, then apply the changing ones; the new audit entries."""
    rub = scoring_rubric(results, rubric)
    changes = collect(out_dir, results, csv_path, default_reviewer, rub)
    return apply(results, changes, rub, at) if changes else []


# -- keeping decisions when score runs again ---------------------------------------------------------


def load_results(out_dir: Path) -> dict | None:
    path = out_dir / "results.json"
    if not path.exists():
        return None
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise DecisionError([f"{path}：无法读取（{exc}）"]) from exc


def pending_trail(out_dir: Path, default_reviewer: str | None = None) -> list[dict]:
    """The audit trail of DIR's results.json plus edits in DIR's sheets not yet applied (validated).

    Called by ``score`` before it overwrites the sheets; raises DecisionError
    when an edit is invalid, so nothing a reviewer wrote is silently lost.
    """
    old = load_results(out_dir)
    if old is None:
        return []
    trail = list(old.get(TRAIL) or [])
    try:
        rub = scoring_rubric(old)
    except DecisionError:
        return trail
    changes = collect(out_dir, old, None, default_reviewer, rub)
    if changes:
        trail.extend(apply(old, changes, rub))
    return trail


def carry_over(results: dict, trail: list[dict], rubric) -> list[str]:
    """Re-apply the latest decision of each (case, code) of ``trail`` to fresh results; warnings for the rest."""
    if not trail:
        return []
    latest: dict[tuple[str, str], dict] = {}
    for e in trail:
        latest[(e["case_id"], e["code"])] = e
    cases = {c["case_id"]: c for c in results.get("cases") or []}
    warnings: list[str] = []
    touched: list[str] = []
    for (cid, code), e in latest.items():
        entry = cases.get(cid)
        if entry is None:
            warnings.append(
                f"复核记录 {cid} {code}（{e['reviewer']}）对应的案卷不在本次评查结果中，已保留在复核记录里"
            )
            continue
        check = next((c for c in entry.get("checks") or [] if c["code"] == code), None)
        if check is None:
            warnings.append(
                f"复核记录 {cid} {code}（{e['reviewer']}）对应的评查项不在本次评查标准中，已保留在复核记录里"
            )
            continue
        tool_status = check["status"]
        if tool_status != e.get("tool_status", e["from"]):
            warnings.append(
                f"{cid} {code}：工具判定已由“{LABEL.get(e.get('tool_status', e['from']), '')}”变为"
                f"“{LABEL.get(tool_status, tool_status)}”，仍按 {e['reviewer']} 的复核结论"
                f"“{LABEL.get(e['to'], e['to'])}”计分"
            )
        _settle(check, e["to"], e["reviewer"], e["at"], e.get("note") or "", tool_status)
        if cid not in touched:
            touched.append(cid)
    for cid in touched:
        rescore(cases[cid], rubric)
    results[TRAIL] = list(trail)
    return warnings
