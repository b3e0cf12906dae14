"""The workspace's operations, each over the library: upload, settle, sheets, round figures, sampling.

Views call these and only render; tests call them directly too.
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from casereview.web.config import Workspace
from casereview.web.models import AuditEntry, Case, Department, Round, RoundKind, Status

SHEET_FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


class ServiceError(ValueError):
    """Something the user asked that cannot be done; the message is for them (Chinese)."""


# -- uploads -----------------------------------------------------------------------------------------


def queue_cases(ws: Workspace, rnd: Round, department: Department, stored, user) -> list[Case]:
    """Move each stored case (``uploads.StoredCase``) into its own one-case batch folder and queue it."""
    from casereview.web import jobs

    made = []
    for sc in stored:
        store = uuid.uuid4().hex
        target = ws.cases_dir / store
        target.mkdir(mode=0o700)
        shutil.move(str(sc.path), str(target / sc.path.name))
        made.append(
            Case.objects.create(
                round=rnd, department=department, case_id=sc.case_id, store=store, uploaded_by=user
            )
        )
    jobs.wake()
    return made


def add_local_case(ws: Workspace, rnd: Round, department: Department, source: Path, user=None) -> Case:
    """Queue a case file or folder from this machine (``serve --demo`` loads the samples so).

    It goes through the same safe storing as an upload (a .zip is unpacked with the same checks), so
    the case's files sit in the workspace exactly as an uploaded case's would.
    """
    from casereview.web.uploads import Incoming, store_upload

    def reader(path: Path):
        def chunks():
            with path.open("rb") as f:
                while block := f.read(1 << 20):
                    yield block

        return chunks

    if source.is_dir():
        items = [
            Incoming(f"{source.name}/{p.relative_to(source).as_posix()}", p.stat().st_size, reader(p))
            for p in sorted(source.rglob("*"))
            if p.is_file()
        ]
    else:
        items = [Incoming(source.name, source.stat().st_size, reader(source))]
    with tempfile.TemporaryDirectory(dir=ws.tmp_dir) as tmp:
        stored = store_upload(items, Path(tmp) / "in")
        return queue_cases(ws, rnd, department, stored, user)[0]


def source_of(ws: Workspace, case: Case, document: str) -> Path:
    """The file an evidence item names, inside the case's folder; ServiceError when it is not there.

    ``document`` comes from the review's own results, but it is still a path from a user's upload:
    it is resolved and must stay inside the case's folder (or be the case's single file).
    """
    root = (ws.cases_dir / case.store).resolve()
    entries = list(root.iterdir()) if root.is_dir() else []
    if len(entries) != 1:
        raise ServiceError("案卷文件已不在工作台的数据目录中")
    top = entries[0].resolve()
    if top.is_file():
        if document == top.name:
            return top
    elif document:
        # A case reviewed as a .zip names its documents from the zip's root, which may be the folder the
        # upload was unpacked as (``案卷/03-笔录.docx`` for the folder ``案卷``).
        head, _, rest = document.partition("/")
        for relative in [document] + ([rest] if head == top.name and rest else []):
            target = (top / relative).resolve()
            if target.is_file() and target.is_relative_to(top):
                return target
    raise ServiceError(f"在案卷中找不到文书“{document}”")


def prerender(ws: Workspace, case: Case) -> int:
    """Draw the evidence pages of the case's failed and manual items now (the review queue calls this
    once the case is reviewed), converting its Word files in one LibreOffice call first, so that a
    reviewer's first click on a finding finds its picture ready. Returns how many pictures were drawn;
    a page that cannot be drawn is left for the click, which then says why."""
    from casereview.web.evidence import EvidenceError, convert_office, render_evidence

    wanted = []
    for check in (case.result or {}).get("checks") or []:
        if check.get("status") not in ("fail", "manual"):
            continue
        for item in check.get("evidence") or []:
            try:
                wanted.append((source_of(ws, case, item.get("document") or ""), item))
            except ServiceError:
                continue
    convert_office(sorted({src for src, _ in wanted}), ws.pages_dir)
    drawn = 0
    for src, item in wanted:
        try:
            render_evidence(
                src, item.get("page"), item.get("quote"), ws.pages_dir, paragraph=item.get("paragraph")
            )
            drawn += 1
        except EvidenceError:
            continue
    return drawn


# -- results, settling, sheets -------------------------------------------------------------------------


def results_of(case: Case) -> dict:
    """The case as a one-case results.json object (what the report writers and decisions take)."""
    from casereview import __version__
    from casereview.model import now_iso

    trail = [a.entry for a in case.audit.all()]
    out = {
        "tool": {"name": "casereview", "version": __version__},
        "rubric": case.rubric,
        "period": case.round.period,
        "generated_at": now_iso(),
        "cases": [case.result],
    }
    if trail:
        out["audit_trail"] = trail
    return out


def sheet(case: Case):
    """The case's ScoreSheet (rows in the sheet's order: veto items first, then by category)."""
    from casereview.report.sheet import build_sheet

    results = results_of(case)
    return build_sheet(case.result, results)


def settle(case: Case, user, code: str, value: str, note: str) -> list[dict]:
    """A reviewer's 复核结论 on one item, validated and applied exactly as ``casereview apply`` does.

    Returns the new audit entries (none when nothing changed); ServiceError lists what is wrong.
    """
    from casereview.decisions import Decision, apply, scoring_rubric, validate

    if case.status != Status.DONE or not case.result:
        raise ServiceError("案卷尚未评查完成，不能复核")
    reviewer = (getattr(getattr(user, "profile", None), "display_name", "") or user.get_username()).strip()
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        results = results_of(case)
        rub = scoring_rubric(results)
        d = Decision(case.case_id, code, value.strip(), reviewer, note.strip(), source="工作台")
        changes, errors = validate([d], results, rub)
        if errors:
            raise ServiceError("；".join(e.split("：", 1)[-1] for e in errors))
        if not changes:
            return []
        entries = apply(results, changes, rub)
        case.result = results["cases"][0]
        from casereview.web.jobs import set_figures

        set_figures(case)
        case.save()
        for e in entries:
            AuditEntry.objects.create(case=case, user=user, code=e["code"], entry=e)
    return entries


def mark_reviewed(case: Case, user, reviewed: bool = True) -> None:
    if case.status != Status.DONE:
        raise ServiceError("案卷尚未评查完成")
    if reviewed and case.needs_manual:
        raise ServiceError("仍有待人工核查的评查项，请先逐项复核")
    case.reviewed_by = user if reviewed else None
    case.reviewed_at = timezone.now() if reviewed else None
    case.save(update_fields=["reviewed_by", "reviewed_at"])


def sheet_file(ws: Workspace, case: Case, fmt: str) -> tuple[bytes, str]:
    """The case's scoring sheet in ``fmt`` (xlsx/docx/pdf) from the report writers; (bytes, file name)."""
    from casereview.report import WRITERS, Skipped

    if fmt not in SHEET_FORMATS:
        raise ServiceError(f"不支持的格式：{fmt}")
    if case.status != Status.DONE or not case.result:
        raise ServiceError("案卷尚未评查完成")
    with tempfile.TemporaryDirectory(dir=ws.tmp_dir) as tmp:
        try:
            written = WRITERS[fmt](results_of(case), Path(tmp))
        except Skipped as exc:
            raise ServiceError(str(exc)) from exc
        files = [p for p in written if p.suffix == f".{fmt}"]
        if not files:
            raise ServiceError("评分表未能生成")
        return files[0].read_bytes(), f"{case.case_id}-评查评分表.{fmt}"


# -- rounds ------------------------------------------------------------------------------------------------


def round_results(rnd: Round) -> dict | None:
    """The round's reviewed cases as one results.json object (department = the uploading department)."""
    from casereview import __version__
    from casereview.model import now_iso

    cases = list(rnd.cases.filter(status=Status.DONE).select_related("department").prefetch_related("audit"))
    if not cases:
        return None
    entries, trail = [], []
    for c in cases:
        entry = dict(c.result)
        entry["department"] = c.department.name
        entries.append(entry)
        trail += [a.entry for a in c.audit.all()]
    out = {
        "tool": {"name": "casereview", "version": __version__},
        "rubric": cases[0].rubric,
        "period": rnd.period,
        "generated_at": now_iso(),
        "cases": entries,
    }
    if trail:
        out["audit_trail"] = trail
    return out


@dataclass
class RoundFigures:
    compilation: object  # compile.stats.Compilation
    coverage: object  # compile.coverage.Coverage
    written: list[Path]
    notes: list[str]


def compile_round(ws: Workspace, rnd: Round) -> RoundFigures:
    """``casereview compile`` over the round: figures, ranking, coverage and the two files to download.

    The round's self-check rounds of the same year are imported too, so coverage
    (which quarters each department checked) is what the bureau would compile.
    """
    from casereview.compile import CompileError
    from casereview.compile.run import compile_results
    from casereview.report import results_json, write_atomic

    out = ws.rounds_dir / str(rnd.pk)
    out.mkdir(parents=True, exist_ok=True, mode=0o700)
    year = rnd.period[:4]
    related = [rnd] + list(
        Round.objects.filter(kind=RoundKind.SELF, period__startswith=year).exclude(pk=rnd.pk)
    )
    if not rnd.cases.filter(status=Status.DONE).exists():
        raise ServiceError("本次评查活动还没有评查完成的案卷")
    # The results files and the store are made afresh for each compilation, in a private folder, so two
    # people opening the figures at once never share a half-written store.
    with tempfile.TemporaryDirectory(dir=ws.tmp_dir) as tmp:
        paths, kinds = [], {}
        for r in related:
            results = round_results(r)
            if results is None:
                continue
            path = Path(tmp) / f"results-{r.pk}.json"
            write_atomic(path, results_json(results))
            paths.append(path)
            kinds[str(path)] = "self" if r.kind == RoundKind.SELF else "county"
        try:
            report = compile_results(paths, out, Path(tmp) / "results.db", rnd.period, kinds)
        except CompileError as exc:
            raise ServiceError(str(exc)) from exc
    return RoundFigures(report.compilation, report.coverage, report.written, report.notes)


def draw_round(rnd: Round, source: Round, per_unit: int, seed: int) -> list[Case]:
    """Draw ``per_unit`` reviewed cases per department of ``source`` into the county round ``rnd``
    with ``sample``'s stratified, seeded draw; the drawn cases are copied with their results."""
    from casereview.compile.sampling import Candidate, draw

    pool = [
        Candidate(c.department.name, c.case_id, str(c.pk))
        for c in source.cases.filter(status=Status.DONE).select_related("department")
    ]
    pool.sort(key=lambda c: (c.department, c.path))
    chosen = draw(pool, per_unit, seed)
    made = []
    with transaction.atomic():
        for cand in chosen:
            src = Case.objects.get(pk=int(cand.path))
            made.append(
                Case.objects.create(
                    round=rnd,
                    department=src.department,
                    case_id=src.case_id,
                    store=src.store,
                    uploaded_by=src.uploaded_by,
                    status=src.status,
                    started_at=src.started_at,
                    finished_at=src.finished_at,
                    result=src.result,
                    rubric=src.rubric,
                    score=src.score,
                    grade=src.grade,
                    veto=src.veto,
                    needs_manual=src.needs_manual,
                    error=src.error,
                )
            )
        rnd.draw_seed, rnd.draw_per_unit, rnd.drawn_from = seed, per_unit, source
        rnd.save()
    return made
