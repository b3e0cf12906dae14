"""The library's entry points: read a case into the model, extract, serialise.

No printing and no ``sys.exit`` here: the CLI wires these to the terminal.
"""

from __future__ import annotations

import os
from pathlib import Path

from casereview.model import Case, CaseError
from casereview.parsers import DEFAULT_LIMITS, Limits, read_sources


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
    from casereview.extract.fields import extract_document
    from casereview.extract.summary import build_summary
    from casereview.parsers.classify import classify_sources

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
    pages = "、".join(str(p) for p in src.ocr_pages[:20]) + ("…" if len(src.ocr_pages) > 20 else "")
    return f"第 {pages} 页没有可用的文字层（扫描页或字体编码损坏），需 OCR 识别；在此之前依赖这些页的评查项为待人工核查"


def extract_case(path: str | os.PathLike, limits: Limits = DEFAULT_LIMITS, ocr: bool | str = True) -> dict:
    """The JSON-ready case model (what ``casereview extract`` prints)."""
    from casereview.extract.serialize import case_json

    return case_json(load_case(path, limits, ocr=ocr))


# -- review: rules and scoring -------------------------------------------------------

CASE_SUFFIXES = (".pdf", ".docx", ".zip", ".doc", ".wps")


def run_rules(case: Case, rubric, roster: frozenset[tuple[str, str]] | None = None) -> list:
    """Every rubric code's outcome for the case, in the rubric's code order."""
    from casereview.extract.dates import load_calendar_overrides
    from casereview.model import Outcome
    from casereview.rules.base import Context
    from casereview.rules.registry import rule_by_code

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


def review_case(path: str | os.PathLike, rubric="penalty-general", roster=None, period: str | None = None,
                limits: Limits = DEFAULT_LIMITS, ocr: bool | str = True) -> dict:
    """Read, check and score one case; the results.json entry for it (never raises for bad input)."""
    from casereview.extract.serialize import value_json
    from casereview.rubric import Rubric, load_rubric
    from casereview.rubric.scoring import score

    rub = rubric if isinstance(rubric, Rubric) else load_rubric(rubric)
    case = load_case(path, limits, ocr=ocr)
    outcomes = run_rules(case, rub, roster)
    result = score(outcomes, rub)
    summary = case.summary
    readable = any(d.has_text for d in case.documents)
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
        "documents": [{"type": d.type, "title": d.title, "source": d.source, "pages": d.pages,
                       "date": d.date.value.isoformat()[:10] if d.date else None} for d in case.documents],
        "checks": [o.to_json() for o in outcomes],
        "errors": [e.to_json() for e in case.errors],
    }


def _officers(case: Case) -> list[dict]:
    """The handling officers named on the case's records (name and certificate number), each once."""
    seen: dict[str, dict] = {}
    for d in case.documents:
        for v in d.fields.get("officers") or []:
            person = getattr(v, "value", None)
            if isinstance(person, dict) and person.get("name") and person["name"] not in seen:
                seen[person["name"]] = {"name": person["name"], "cert_no": person.get("cert_no")}
    return list(seen.values())


def failed_case(path: str | os.PathLike, reason: str, rubric) -> dict:
    """The results entry of a case that could not be processed at all."""
    from casereview.model import Outcome

    return {
        "case_id": case_id_of(path), "path": str(path), "department": None, "case_number": None, "party": None,
        "score": None, "grade": None, "veto": False, "veto_codes": [], "needs_manual_review": True,
        "readable": False, "summary": None, "documents": [],
        "checks": [Outcome(code, "manual", "案卷无法处理，需人工评查").to_json() for code in rubric.items],
        "errors": [{"source": case_id_of(path), "code": "unreadable", "reason": reason}],
    }


def find_cases(batches) -> tuple[list[Path], list[dict]]:
    """The cases of one or more batch folders, and what was skipped (never fatal)."""
    cases: list[Path] = []
    skipped: list[dict] = []
    from casereview.parsers import natural_key

    for batch in batches:
        root = Path(batch)
        if not root.is_dir():
            skipped.append({"path": str(root), "reason": "批次不是文件夹"})
            continue
        for child in sorted(root.iterdir(), key=lambda p: natural_key(p.name)):
            if child.name.startswith((".", "~$")):
                continue
            if child.is_dir() or child.suffix.lower() in CASE_SUFFIXES:
                cases.append(child)
            else:
                skipped.append({"path": str(child), "reason": "不是案卷（既非文件夹，也非 .pdf/.docx/.zip/.doc/.wps 案卷文件），已跳过"})
    return cases, skipped


_WORKER: dict = {}


def _init_worker(rubric_ref, roster, ocr=True, ocr_threads: int | None = None) -> None:
    from casereview.rubric import load_rubric

    if ocr_threads:
        from casereview.parsers.ocr.engines import set_threads

        set_threads(ocr_threads)
    _WORKER["rubric"] = load_rubric(rubric_ref)
    _WORKER["roster"] = roster
    _WORKER["ocr"] = ocr


def _work(path: str) -> dict:
    rub = _WORKER["rubric"]
    try:
        return review_case(path, rub, _WORKER["roster"], ocr=_WORKER.get("ocr", True))
    except Exception as exc:  # noqa: BLE001 - one bad case never stops the batch
        return failed_case(path, f"处理失败：{type(exc).__name__}: {exc}", rub)


def review(batches, rubric="penalty-general", roster=None, period: str | None = None, jobs: int | None = None,
           executor=None, on_result=None, ocr: bool | str = True) -> dict:
    """Score every case of the batches; the results.json object.

    ``executor`` may be any ``concurrent.futures.Executor`` (a Dask
    ``Client.get_executor()``, a Ray pool …) for running on a cluster; by
    default a local process pool of ``jobs`` workers (all cores), or in-process
    when ``jobs == 1``. ``on_result(entry)`` is called as each case finishes.
    """
    import datetime as dt

    from casereview import __version__
    from casereview.report.sheet import rubric_snapshot
    from casereview.rubric import load_rubric

    rub = load_rubric(rubric) if not hasattr(rubric, "items") else rubric
    rubric_ref = rubric if isinstance(rubric, str | os.PathLike) else rub.source
    cases, skipped = find_cases(batches)
    results: dict[str, dict] = {}
    paths = [str(p) for p in cases]
    jobs = jobs or os.cpu_count() or 1
    if executor is None and (jobs == 1 or len(paths) <= 1):
        _init_worker(rubric_ref, roster, ocr)
        for p in paths:
            results[p] = _work(p)
            if on_result:
                on_result(results[p])
    else:
        from concurrent.futures import ProcessPoolExecutor, as_completed

        own = executor is None
        share = max(1, (os.cpu_count() or 1) // jobs)  # each worker's cores for OCR
        pool = executor or ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker,
                                               initargs=(rubric_ref, roster, ocr, share))
        try:
            if own:
                futures = {pool.submit(_work, p): p for p in paths}
            else:
                futures = {pool.submit(review_case, p, rubric_ref, roster, ocr=ocr): p for p in paths}
            for fut in as_completed(futures):
                p = futures[fut]
                try:
                    results[p] = fut.result()
                except Exception as exc:  # noqa: BLE001 - a worker that died: the case is listed with its error
                    results[p] = failed_case(p, f"处理失败：{type(exc).__name__}: {exc}", rub)
                if on_result:
                    on_result(results[p])
        finally:
            if own:
                pool.shutdown()
    return {
        "tool": {"name": "casereview", "version": __version__},
        "rubric": rubric_snapshot(rub),
        "period": period,
        "generated_at": dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).isoformat(timespec="seconds"),
        "cases": [results[p] for p in paths],
        "skipped": skipped,
    }
