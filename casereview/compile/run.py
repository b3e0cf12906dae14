"""``casereview compile``: import results files into the store, then write compile.xlsx and bulletin.docx."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from casereview.compile import CompileError
from casereview.compile.coverage import Coverage, coverage
from casereview.compile.load import kind_of, period_of, read_results
from casereview.compile.periods import Period, latest, parse_period
from casereview.compile.stats import Compilation, compile_stats
from casereview.compile.store import ImportSummary, Store


@dataclass
class CompileReport:
    period: Period
    imported: list[ImportSummary]
    written: list[Path] = field(default_factory=list)
    departments: int = 0
    files: int = 0
    period_source: str = ""  # how the compiled period was chosen (Chinese)
    notes: list[str] = field(default_factory=list)  # for the user: several rubrics, grades (Chinese)
    compilation: Compilation | None = None  # the figures the two files show (for a web page, say)
    coverage: Coverage | None = None


def _read_all(paths, default_period: str | None, kind: str | dict[str, str]):
    """Every file read and checked before the store is touched: one bad file stops the whole run.

    ``kind`` is one kind for every file, or a kind per path (``str(path)``; ``auto`` for those not named).
    """
    loaded = []
    for path in paths:
        results, raw = read_results(Path(path))
        period, how = period_of(results, Path(path), default_period)
        wanted = kind.get(str(path), "auto") if isinstance(kind, dict) else kind
        loaded.append((Path(path), results, raw, period, how, kind_of(results, wanted)))
    return loaded


def compile_results(
    paths,
    out_dir: Path,
    db: Path | None = None,
    period: str | None = None,
    kind: str | dict[str, str] = "auto",
) -> CompileReport:
    """Import ``paths`` into the store (all files checked first, then one transaction) and write the outputs.

    ``period`` is the period reported on (default: the latest of the files') and the period of files that
    record none; a file that records none without ``period`` gets the one its decision dates lie in.
    """
    # Here, not at the top: the two writers load python-docx and openpyxl.
    from casereview.compile.bulletin import write_bulletin
    from casereview.compile.workbook import write_workbook

    target = parse_period(period) if period else None
    how = "取自 compile --period" if target else ""
    loaded = _read_all(paths, period, kind)
    if target is None and loaded:
        target, how = latest(p for _, _, _, p, _, _ in loaded), "取结果文件中最晚的期间"
    if target is None:
        raise CompileError("没有结果文件，也未用 --period 指定评查期间。")
    out_dir = Path(out_dir)
    with Store(Path(db) if db else out_dir / "results.db") as store:
        imported = store.import_all(
            [(results, str(path), raw, p, k, h) for path, results, raw, p, h, k in loaded]
        )
        comp = compile_stats(store, target)
        if not comp.cases:
            raise CompileError(
                f"结果库中没有 {target} 期间的评查结果；如需汇总其他期间，请用 compile --period 指定。"
            )
        cov = coverage(store, target)
    report = CompileReport(
        target,
        imported,
        departments=len(comp.departments),
        files=comp.total.files,
        period_source=how,
        notes=list(comp.notes),
        compilation=comp,
        coverage=cov,
    )
    report.written = [write_workbook(comp, cov, out_dir), write_bulletin(comp, cov, out_dir)]
    return report
