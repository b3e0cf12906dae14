"""The library's entry points: read a case into the model, extract, serialise.

No printing and no ``sys.exit`` here: the CLI wires these to the terminal.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from casereview import log as _log  # noqa: F401 - the casereview loggers' NullHandler
from casereview.extract.serialize import case_json, value_json
from casereview.model import Case, CaseError, DocType, Outcome, now_iso
from casereview.parsers import DEFAULT_LIMITS, Limits, natural_key, read_sources
from casereview.parsers.classify import classify_sources
from casereview.rubric import Rubric, load_rubric
from casereview.rubric.scoring import score
from casereview.rubric.snapshot import rubric_snapshot
from casereview.rules.base import Context
from casereview.rules.registry import rule_by_code
from casereview.runner import DEFAULT_CASE_LIMITS, CaseLimits, Killed, run_isolated
from casereview.text.normalize import compact
from casereview.version import __version__
from casereview.workdays import load_calendar_overrides

log = logging.getLogger(__name__)


_SHOWN_PAGES = 20  # page numbers listed in a needs-OCR message; more are cut to …
_SHOWN_NUMBERS = 5  # case numbers listed when a case's documents disagree
_FEW_DOCUMENTS = 2  # a "case" of this many documents or fewer may be one case split into folders


def case_id_of(path: str | os.PathLike) -> str:
    """A case's id: its folder name, or its file name without extension."""
    p = Path(path)
    return p.name if p.is_dir() else p.stem


def load_case(path: str | os.PathLike, limits: Limits = DEFAULT_LIMITS, ocr: bool | str = True) -> Case:
    """Read every file of the case at ``path``, recognise its documents and extract their fields.

    ``ocr``: True reads scanned pages with the default OCR engine when one is
    installed (else they are only marked as needing OCR), an engine name
    ("rapid", "tesseract") asks for that engine, False never runs OCR.
    """
    # Here, not at the top: extraction loads cn2an and every field reader, which importing the api need not.
    from casereview.extract.fields import extract_document
    from casereview.extract.summary import build_summary

    sources, errors = read_sources(path, limits)
    engine = _ocr_engine(ocr) if any(s.ocr_pages for s in sources) else None
    if engine:
        from casereview.parsers.ocr import ocr_sources

        errors.extend(ocr_sources(sources, engine=engine, root=path))  # reports the pages left for a person
    for src in sources:
        if src.ocr_pages and not engine:
            errors.append(CaseError(src.path, _ocr_reason(src), "needs_ocr"))
    case = Case(case_id=case_id_of(path), path=str(path), errors=errors)
    case.files = [s.path for s in sources]
    case.documents = classify_sources(sources)
    for doc in case.documents:
        extract_document(doc)
    build_summary(case)
    return case


def _ocr_engine(ocr: bool | str | None) -> str | None:
    if ocr is True:
        from casereview.parsers.ocr.engines import default_engine

        return default_engine()
    return ocr or None


def _ocr_reason(src) -> str:
    if src.format == "image":
        return "图片文件没有文字层，需 OCR 识别后才能读取其内容；在此之前依赖它的评查项为待人工核查"
    pages = "、".join(str(p) for p in src.ocr_pages[:_SHOWN_PAGES]) + (
        "…" if len(src.ocr_pages) > _SHOWN_PAGES else ""
    )
    return f"第 {pages} 页没有可用的文字层（扫描页或字体编码损坏），需 OCR 识别；在此之前依赖这些页的评查项为待人工核查"


def extract_case(path: str | os.PathLike, limits: Limits = DEFAULT_LIMITS, ocr: bool | str = True) -> dict:
    """The JSON-ready case model (what ``casereview extract`` prints)."""
    return case_json(load_case(path, limits, ocr=ocr))


# -- review: rules and scoring -------------------------------------------------------

CASE_SUFFIXES = (".pdf", ".docx", ".zip", ".doc", ".wps")


def run_rules(case: Case, rubric, roster: frozenset[tuple[str, str]] | None = None) -> list:
    """Every rubric code's outcome for the case, in the rubric's code order."""
    calendar = None
    cal_path = (rubric.params or {}).get("calendar_overrides")
    if cal_path:
        calendar = load_calendar_overrides(cal_path)
    ctx = Context(case, params=rubric.params, roster=roster, calendar=calendar)
    rules = rule_by_code()
    outcomes = []
    for code, item in rubric.items.items():
        if not item.enabled:
            outcomes.append(Outcome(code, "na", "评查标准停用此项"))
            continue
        outcomes.append(rules[code]().run(ctx))
    return outcomes


def review_case(
    path: str | os.PathLike,
    rubric="penalty-general",
    roster=None,
    period: str | None = None,  # noqa: ARG001 - public signature: accepted for callers, no longer used
    limits: Limits = DEFAULT_LIMITS,
    ocr: bool | str = True,
) -> dict:
    """Read, check and score one case; the results.json entry for it (never raises for bad input)."""
    rub = rubric if isinstance(rubric, Rubric) else load_rubric(rubric)
    return review_loaded(load_case(path, limits, ocr=ocr), rub, roster)


def review_loaded(case: Case, rubric, roster=None) -> dict:
    """Check and score a case already read by ``load_case``; its results.json entry."""
    rub, path = rubric, case.path
    readable = any(d.has_text for d in case.documents)
    if readable:
        outcomes = run_rules(case, rub, roster)
    else:
        # Nothing could be read: no item is failed on what could not be seen (a fail needs evidence).
        why = "；".join(f"{e.source}：{e.reason}" for e in case.errors[:3]) or "案卷中没有文件"
        outcomes = [
            Outcome(code, "manual", f"案卷中没有可读取的文书（{why}），需人工评查")
            if item.enabled
            else Outcome(code, "na", "评查标准停用此项")
            for code, item in rub.items.items()
        ]
    result = score(outcomes, rub)
    summary = case.summary
    if not readable:
        # Nothing could be read: no score is given rather than a score of what is not there.
        result.score, result.grade = None, None
    return {
        "case_id": case.case_id,
        "path": str(path),
        "department": summary.get("agency"),
        "case_number": summary.get("case_number"),
        "party": summary.get("party"),
        "score": result.score,
        "grade": result.grade,
        "veto": result.veto,
        "veto_codes": result.veto_codes,
        "needs_manual_review": result.needs_manual_review,
        "readable": readable,
        "summary": value_json(summary),
        "officers": _officers(case),
        "documents": [
            {
                "type": d.type,
                "title": d.title,
                "source": d.source,
                "pages": d.pages,
                "date": d.date.value.isoformat()[:10] if d.date else None,
            }
            for d in case.documents
        ],
        "checks": [o.to_json() for o in outcomes],
        "errors": [e.to_json() for e in case.errors],
    }


def _officers(case: Case) -> list[dict]:
    """The handling officers named on the case's records (name and certificate number), each once."""
    seen: dict[str, dict] = {}
    for d in case.documents:
        for v in d.record.officers if d.record is not None else ():
            person = v.value
            if person.name and person.name not in seen:
                seen[person.name] = {"name": person.name, "cert_no": person.cert_no}
    return list(seen.values())


def failed_case(path: str | os.PathLike, reason: str, rubric, code: str = "unreadable") -> dict:
    """The results entry of a case that could not be processed at all (``code``: unreadable, killed)."""
    return {
        "case_id": case_id_of(path),
        "path": str(path),
        "department": None,
        "case_number": None,
        "party": None,
        "score": None,
        "grade": None,
        "veto": False,
        "veto_codes": [],
        "needs_manual_review": True,
        "readable": False,
        "summary": None,
        "documents": [],
        "checks": [Outcome(code, "manual", "案卷无法处理，需人工评查").to_json() for code in rubric.items],
        "errors": [{"source": case_id_of(path), "code": code, "reason": reason}],
    }


def find_cases(batches) -> tuple[list[Path], list[dict]]:
    """The cases of one or more batch folders (absolute paths), and what was skipped with why (never fatal).

    A symbolic link is never followed out of its batch, FIFOs and devices are never opened, and what
    cannot be listed or read is reported: nothing vanishes silently.
    """
    import stat

    cases: list[Path] = []
    skipped: list[dict] = []
    for batch in batches:
        root = Path(os.path.abspath(batch))
        if not root.is_dir():
            skipped.append({"path": str(batch), "reason": "批次不是文件夹"})
            continue
        try:
            children = sorted(root.iterdir(), key=lambda p: natural_key(p.name))
        except OSError as exc:
            skipped.append(
                {"path": str(root), "reason": f"无法列出批次文件夹的内容（{exc.strerror or exc}）"}
            )
            continue
        real_root = root.resolve()
        for child in children:
            name = child.name
            if name.startswith("~$"):
                continue  # an Office lock file, not a document
            try:
                st = child.lstat()
            except OSError as exc:
                skipped.append({"path": str(child), "reason": f"无法读取（{exc.strerror or exc}），已跳过"})
                continue
            if stat.S_ISLNK(st.st_mode):
                try:
                    target = child.resolve(strict=True)
                except (OSError, RuntimeError):
                    skipped.append(
                        {"path": str(child), "reason": "符号链接指向不存在的位置或形成循环，已跳过"}
                    )
                    continue
                if real_root not in target.parents:
                    skipped.append(
                        {"path": str(child), "reason": "符号链接指向批次文件夹以外，出于安全不予读取，已跳过"}
                    )
                    continue
                st = target.stat()
            if name.startswith("."):
                skipped.append(
                    {
                        "path": str(child),
                        "reason": "隐藏的文件或文件夹（名称以 . 开头），已跳过；如是案卷请改名",
                    }
                )
                continue
            if stat.S_ISDIR(st.st_mode):
                if not os.access(child, os.R_OK | os.X_OK):
                    skipped.append({"path": str(child), "reason": "没有读取权限的文件夹，已跳过"})
                    continue
                cases.append(child)
            elif not stat.S_ISREG(st.st_mode):
                skipped.append({"path": str(child), "reason": "不是普通文件（管道、设备或套接字），已跳过"})
            elif child.suffix.lower() in CASE_SUFFIXES:
                cases.append(child)
            else:
                skipped.append(
                    {
                        "path": str(child),
                        "reason": "不是案卷（既非文件夹，也非 .pdf/.docx/.zip/.doc/.wps 案卷文件），已跳过",
                    }
                )
    return cases, skipped


_WORKER: dict = {}


def _init_worker(rubric_ref, roster, ocr=True, ocr_threads: int | None = None) -> None:
    if ocr_threads:
        from casereview.parsers.ocr.engines import set_threads

        set_threads(ocr_threads)
    _WORKER["rubric"] = load_rubric(rubric_ref)
    _WORKER["roster"] = roster
    _WORKER["ocr"] = ocr


def _work(path: str) -> dict:
    rub = _WORKER["rubric"]
    if not os.path.exists(path):
        return failed_case(path, _failure(path, FileNotFoundError(path)), rub)
    try:
        return review_case(path, rub, _WORKER["roster"], ocr=_WORKER.get("ocr", True))
    except Exception as exc:  # isolation point (logged or re-raised): one bad case never stops the batch
        log.warning("case %s could not be processed", path, exc_info=True)
        return failed_case(path, _failure(path, exc), rub)


def _failure(path: str, exc: BaseException) -> str:
    """Why a case could not be processed, in words that name the path when it is the path that is wrong."""
    if not os.path.exists(path):
        return (
            f"处理失败：无法访问案卷路径 {path}（在运行评查的机器上不存在；在集群上运行时，"
            "各工作节点须能以同一绝对路径访问案卷，例如共享存储）"
        )
    return f"处理失败：{type(exc).__name__}: {exc}"


def _remote(path: str, rubric_ref, roster, ocr) -> dict:
    """A case on a cluster worker: like ``_work``, with the rubric loaded there (cached per worker)."""
    if _WORKER.get("ref") != (rubric_ref, ocr) or _WORKER.get("roster") != roster:
        _init_worker(rubric_ref, roster, ocr)
        _WORKER["ref"] = (rubric_ref, ocr)
    return _work(path)


def review(  # noqa: C901 - batch orchestration (jobs, progress, isolation), one branch per option
    batches,
    rubric="penalty-general",
    roster=None,
    period: str | None = None,
    jobs: int | None = None,
    executor=None,
    on_result=None,
    ocr: bool | str = True,
    limits=None,
    state=None,
) -> dict:
    """Score every case of the batches; the results.json object.

    By default each case runs in a worker process of a local pool of ``jobs``
    workers (all cores) under ``limits`` (a ``runner.CaseLimits``: wall time
    and memory per case; a case over them is killed and listed with why).
    ``limits=False`` runs without isolation (in-process when ``jobs == 1``).
    ``executor`` may be any ``concurrent.futures.Executor`` (a Dask
    ``Client.get_executor()``, a Ray pool …) for running on a cluster: paths
    are sent absolute, and the engine's own per-worker limits apply.
    ``on_result(entry)`` is called as each case finishes; ``state`` (a
    ``resume.RunState``) keeps each finished case on disk so an interrupted
    run resumes where it stopped.
    """
    rub = load_rubric(rubric) if not hasattr(rubric, "items") else rubric
    rubric_ref = rubric if isinstance(rubric, str | os.PathLike) else rub.source
    if isinstance(rubric_ref, os.PathLike) or (isinstance(rubric_ref, str) and os.path.exists(rubric_ref)):
        rubric_ref = os.path.abspath(rubric_ref)
    cases, skipped = find_cases(batches)
    paths = [str(p) for p in cases]
    results: dict[str, dict] = dict(state.finished(paths)) if state is not None else {}

    def finish(p: str, entry: dict) -> None:
        results[p] = entry
        if state is not None:
            state.save(p, entry)
        if on_result:
            on_result(entry)

    jobs = jobs or os.cpu_count() or 1
    if limits is None:
        limits = DEFAULT_CASE_LIMITS

    def run(todo: list[str]) -> None:
        if not todo:
            return
        if executor is not None:
            _on_executor(executor, todo, rubric_ref, roster, ocr, rub, finish)
        elif limits is False and jobs == 1:
            _init_worker(rubric_ref, roster, ocr)
            for p in todo:
                finish(p, _work(p))
        else:
            share = max(1, (os.cpu_count() or 1) // jobs)  # each worker's cores for OCR
            case_limits = limits if isinstance(limits, CaseLimits) else CaseLimits(None, None)
            for p, entry in run_isolated(
                todo,
                _work,
                jobs=jobs,
                init=_init_worker,
                init_args=(rubric_ref, roster, ocr, share),
                limits=case_limits,
            ):
                if isinstance(entry, Killed):
                    log.warning("case %s was stopped: %s", p, entry.reason)
                    entry = failed_case(p, entry.reason, rub, code="killed")
                finish(p, entry)

    run([p for p in paths if p not in results])
    notices = []
    for root, files, number in _one_case_batches(batches, cases, results):
        for p in files:
            del results[p]
        run([root])
        notices.append(
            {
                "path": root,
                "message": (
                    f"{root} 中的 {len(files)} 个文件是同一案卷的文书（案号 {number}），已作为一卷评查。"
                    "评查多个案卷时，请把每卷的文书放入批次文件夹下各自的子文件夹。"
                ),
            }
        )
    out = {
        "tool": {"name": "casereview", "version": __version__},
        "rubric": rubric_snapshot(rub),
        "period": period,
        "generated_at": now_iso(),
        "cases": [results[p] for p in paths + [n["path"] for n in notices] if p in results],
        "skipped": skipped,
    }
    if notices:
        out["notices"] = notices
    return out


def _on_executor(executor, paths, rubric_ref, roster, ocr, rub, finish) -> None:
    from concurrent.futures import as_completed

    futures = {executor.submit(_remote, p, rubric_ref, roster, ocr): p for p in paths}
    for fut in as_completed(futures):
        p = futures[fut]
        try:
            entry = fut.result()
        except (
            Exception
        ) as exc:  # isolation point (logged or re-raised): a lost worker: the case is listed with its error
            log.warning("case %s: its worker failed", p, exc_info=True)
            entry = failed_case(
                p, f"处理失败：工作节点出错（{type(exc).__name__}: {exc}）", rub, code="killed"
            )
        finish(p, entry)


# -- input shape: documents of one case given as a batch ------------------------------


def _one_case_batches(batches, cases, results: dict) -> list[tuple[str, list[str], str]]:
    """Batches that are really one case folder: (folder, its files' paths, the recurring case number).

    Decided by content: the batch's files are single documents rather than bound case files (at most
    two documents each, for four in five of them), a case number recurs across two or more of them, and
    they hold no two penalty decisions of different numbers. A batch of whole case files, or of one-page
    cases with a number each, is left alone.
    """
    found = []
    for batch in batches:
        root = Path(os.path.abspath(batch))
        mine = [str(c) for c in cases if c.parent == root and str(c) in results]
        entries = [results[p] for p in mine]
        if len(entries) <= 1 or any(Path(p).is_dir() for p in mine):
            continue
        small = sum(1 for e in entries if len(e.get("documents") or []) <= _FEW_DOCUMENTS)
        if small * 5 < len(entries) * 4:
            continue
        numbers = [compact(e["case_number"]) for e in entries if e.get("case_number")]
        if not any(numbers.count(n) > 1 for n in numbers):
            continue
        decided = {
            compact(e["case_number"])
            for e in entries
            if e.get("case_number")
            and any(d.get("type") == DocType.PENALTY_DECISION for d in e.get("documents") or [])
        }
        if len(decided) > 1:
            continue
        found.append((str(root), mine, _most_common(numbers)))
    return found


def _most_common(values: list[str]) -> str:
    return max(sorted(set(values)), key=values.count)


ONCE_PER_CASE = (
    DocType.PENALTY_DECISION,
    DocType.ADVANCE_NOTICE,
    DocType.FILING_APPROVAL,
    DocType.CLOSURE_REPORT,
    DocType.COVER,
)


def batch_in_case(case: Case) -> str | None:
    """Why a folder given as one case holds several cases (for ``check``), or None.

    By content: documents a case holds once (the decision, the advance notice, the filing approval, the
    closing report, the cover) found with two or more different case numbers of one kind. A notice's
    number beside the decision's (临交执罚告〔2024〕9号 / 临交执罚〔2024〕9号) is one case.
    """
    for kind in ONCE_PER_CASE:
        numbers = sorted(
            {compact(d.case_number.value) for d in case.documents if d.type == kind and d.case_number}
        )
        if len(numbers) > 1:
            return (
                f"其中的{_TYPE_NAMES.get(kind, kind)}有 {len(numbers)} 个不同的案号（{'、'.join(numbers[:_SHOWN_NUMBERS])}"
                f"{'…' if len(numbers) > _SHOWN_NUMBERS else ''}）"
            )
    return None


_TYPE_NAMES = {
    DocType.PENALTY_DECISION: "行政处罚决定书",
    DocType.ADVANCE_NOTICE: "事先告知书",
    DocType.FILING_APPROVAL: "立案审批表",
    DocType.CLOSURE_REPORT: "结案报告",
    DocType.COVER: "案卷封面",
}
