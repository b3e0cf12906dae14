"""Report speed: the scoring sheets and summaries for a batch of 200 cases.

The results are those of ``review`` on the bundled samples (real messages,
evidence and quotes), repeated with new case ids up to ``--cases``; with
``--synthetic`` they come from tests/report/make_results.py instead. Prints,
for the batch:

- the sheet model (build_sheets) for all cases;
- .xlsx sheets: per sheet mean / median / max (target: under 0.1 s a sheet);
- .docx sheets: per sheet;
- .pdf sheets: ONE LibreOffice call for the whole batch (skipped without soffice);
- summary.xlsx and report.html;
- reading a sheet's reviewer columns back (what apply does for each edited
  sheet), and the scan of a folder where no sheet was edited.

    python benchmarks/report_speed.py [--cases 200] [--synthetic | --results FILE] [--no-pdf]
"""

from __future__ import annotations

import argparse
import copy
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "report"))


def sample_results(n: int, results_file: Path | None = None) -> dict:
    """``n`` cases of real results (``results_file``, else a review of samples/cases), case ids made unique."""
    import json

    if results_file is not None:
        base = json.loads(results_file.read_text("utf-8"))
    else:
        from casereview.api import review

        base = review([ROOT / "samples" / "cases"], "penalty-general", period="2024H2")
    cases = [c for c in base["cases"] if c.get("score") is not None]
    if not cases:
        raise SystemExit("no scored case to repeat (samples/cases empty?): use --results FILE or --synthetic")
    out = []
    for i in range(n):
        entry = copy.deepcopy(cases[i % len(cases)])
        entry["case_id"] = f"{i:04d}-{entry['case_id']}"
        out.append(entry)
    return dict(base, cases=out)


def per_item(fn, items) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of ``fn`` on each item."""
    wall, cpu = [], []
    for item in items:
        t0, c0 = time.perf_counter(), time.process_time()
        fn(item)
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return wall, cpu


def line(label: str, times: tuple[list[float], list[float]], target: float | None = None) -> str:
    wall, cpu = times
    mean = statistics.fmean(wall)
    verdict = "" if target is None else ("  OK" if mean < target else f"  over the {target} s target")
    return (
        f"{label:<22} total {sum(wall):7.2f} s   per sheet mean {mean * 1000:6.1f} ms (CPU "
        f"{statistics.fmean(cpu) * 1000:5.1f} ms)   median {statistics.median(wall) * 1000:6.1f} ms   "
        f"max {max(wall) * 1000:6.1f} ms{verdict}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=200)
    ap.add_argument(
        "--synthetic", action="store_true", help="synthetic results instead of the reviewed samples"
    )
    ap.add_argument(
        "--results", type=Path, help="repeat the cases of this results.json instead of reviewing the samples"
    )
    ap.add_argument("--no-pdf", action="store_true", help="skip the LibreOffice conversion")
    args = ap.parse_args()

    from casereview.decisions import read_sheets
    from casereview.report import Skipped, write_atomic
    from casereview.report.docx import render_docx
    from casereview.report.html import write_html
    from casereview.report.pdf import soffice_binary, write_pdf
    from casereview.report.sheet import build_sheets, file_stem
    from casereview.report.summary import write_summary
    from casereview.report.xlsx import read_reviewer_rows, render_xlsx, write_xlsx

    t0 = time.perf_counter()
    if args.synthetic:
        from make_results import make_results

        results = make_results(args.cases)
        source = "synthetic (tests/report/make_results.py)"
    else:
        results = sample_results(args.cases, args.results)
        source = f"{args.results or 'reviewed samples/cases'}, repeated"
    prep = time.perf_counter() - t0
    n = len(results["cases"])
    rows = sum(len(c["checks"]) for c in results["cases"])
    print(f"{n} cases, {rows} items ({source}; results prepared in {prep:.1f} s)")
    print(
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start (wall times grow with it; "
        "CPU times much less)"
    )

    # warm the imports and caches once, as a real run does after the first sheet
    warm = build_sheets(dict(results, cases=results["cases"][:1]))[0]
    render_xlsx(warm)
    render_docx(warm)

    with tempfile.TemporaryDirectory(prefix="report-speed-") as tmp:
        out = Path(tmp)
        t0 = time.perf_counter()
        sheets = build_sheets(results)
        model = time.perf_counter() - t0
        print(f"{'sheet model':<22} total {model:7.2f} s   per sheet {model / n * 1000:6.1f} ms")

        def xlsx(sheet):
            write_atomic(out / "sheets" / f"{file_stem(sheet.case_id)}.xlsx", render_xlsx(sheet))

        print(line(".xlsx sheet", per_item(xlsx, sheets), target=0.1))

        def docx(sheet):
            write_atomic(out / "sheets" / f"{file_stem(sheet.case_id)}.docx", render_docx(sheet))

        print(line(".docx sheet", per_item(docx, sheets)))

        for label, writer in (("summary.xlsx", write_summary), ("report.html", write_html)):
            t0 = time.perf_counter()
            writer(results, out)
            print(f"{label:<22} total {time.perf_counter() - t0:7.2f} s")

        paths = sorted((out / "sheets").glob("*.xlsx"))
        print(line("read back one sheet", per_item(read_reviewer_rows, paths)))
        # what apply / score-into-the-same-folder pay when nobody edited a sheet: the manifest skips them
        write_xlsx(results, out)
        t0 = time.perf_counter()
        decisions, errors = read_sheets(out, results)
        print(
            f"{'scan, no edits':<22} total {time.perf_counter() - t0:7.2f} s   ({len(decisions)} decisions, "
            f"{len(errors)} errors: unedited sheets are skipped by the manifest)"
        )

        if args.no_pdf:
            print(".pdf sheets           skipped (--no-pdf)")
        elif soffice_binary() is None:
            print(".pdf sheets           skipped: LibreOffice (soffice) is not installed")
        else:
            t0 = time.perf_counter()
            c0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            try:
                made = write_pdf(results, out)
            except Skipped as exc:
                made = exc.written
                print(f"  note: {exc}")
            dt = time.perf_counter() - t0
            c1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            child = (c1.ru_utime - c0.ru_utime) + (c1.ru_stime - c0.ru_stime)
            print(
                f"{'.pdf sheets (1 call)':<22} total {dt:7.2f} s   per sheet {dt / n * 1000:6.1f} ms "
                f"(LibreOffice CPU {child / n * 1000:.0f} ms)   ({len(made)} of {n} converted, docx rendering included)"
            )
        size = sum(p.stat().st_size for p in (out / "sheets").iterdir()) / n / 1024
        print(f"average size of a case's sheets (.xlsx + .docx + .pdf): {size:.0f} KiB")
        shutil.rmtree(out / "sheets", ignore_errors=True)


if __name__ == "__main__":
    main()
