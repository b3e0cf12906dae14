"""Extraction speed and memory: our full extraction beside bare pypdfium2 and pdfplumber.

Prints, for the bundled samples and for generated bound PDFs of 50 and 200
pages (built by concatenating the sample PDFs, so the pages are real case
documents): pages per second of ``load_case`` (parse + recognise + extract,
warm: spaCy already loaded), of bare pypdfium2 text extraction and of
pdfplumber ``extract_text`` on the same pages, the ratios, and the peak
memory of a fresh process extracting each file (so memory growth with page
count shows); and the time to read one penalty decision given alone (median
and slowest, warm) over the decision texts in tests/extract/decisions and the
real published decisions of ../shared/real-decisions when they are there.
One core: everything runs in this one process.

    python benchmarks/extract_speed.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _rss import peak_rss_mb  # noqa: E402


def median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def bare_pdfium(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    n = 0
    for page in pdf:
        n += len(page.get_textpage().get_text_range())
        page.close()
    pdf.close()
    return n


def bare_pdfplumber(path: Path) -> int:
    import pdfplumber

    n = 0
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            n += len(page.extract_text() or "")
            page.close()
    return n


def sample_pdfs() -> list[Path]:
    return sorted((ROOT / "samples" / "cases").rglob("*.pdf"))


def build_bound_pdf(pages: int, out: Path) -> Path:
    """Concatenate sample PDFs (cycling) into one PDF of ``pages`` pages."""
    import pypdfium2 as pdfium

    sources = sample_pdfs()
    if not sources:
        sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
        from make_bigpdf import make_text_pdf  # type: ignore[import-not-found]

        make_text_pdf(out, pages=pages)
        return out
    dest = pdfium.PdfDocument.new()
    i = 0
    while len(dest) < pages:
        src = pdfium.PdfDocument(str(sources[i % len(sources)]))
        take = min(len(src), pages - len(dest))
        dest.import_pages(src, list(range(take)))
        src.close()
        i += 1
    dest.save(str(out))
    dest.close()
    return out


def load_peak_mb(path: Path) -> float:
    return peak_rss_mb(f"from casereview.api import load_case\nload_case({str(path)!r})")


def baseline_rss_mb() -> float:
    return peak_rss_mb("import casereview.extract.nlp as n; n._engine(); import pypdfium2, docx")


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    n = len(pdf)
    pdf.close()
    return n


def _decision_texts() -> dict[str, list[Path]]:
    """Decisions given alone: the forms of real decisions in our words (tests/extract/decisions), and the real
    published decisions of the yardstick beside the project (read in place, when it is there)."""
    out = {}
    ours = sorted((ROOT / "tests" / "extract" / "decisions").glob("*.txt"))
    if ours:
        out["our forms"] = ours
    real = ROOT.parent / "shared" / "real-decisions"
    if (real / "key.json").exists():
        key = json.loads((real / "key.json").read_text("utf-8"))
        out["real, ../shared/real-decisions"] = [
            real / "texts" / k["file"] for k in key if k.get("doc_type") == "行政处罚决定书"
        ]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = ap.parse_args()

    from casereview.api import load_case
    from casereview.extract.nlp import _engine

    t0 = time.perf_counter()
    _engine()
    import pdfplumber  # noqa: F401  (import cost kept out of the timings)

    print(f"one-time start-up (spaCy blank zh + matcher): {time.perf_counter() - t0:.2f} s\n")
    figures = {}

    cases = (
        sorted(p for p in (ROOT / "samples" / "cases").iterdir())
        if (ROOT / "samples" / "cases").exists()
        else []
    )
    if cases:
        print(f"{'sample case':38} {'docs':>4} {'s/case':>8}")
        per_case = []
        for case in cases:
            t = median_time(lambda c=case: load_case(c), args.repeat)
            n = len(load_case(case).documents)
            per_case.append(t)
            print(f"{case.name:38} {n:4d} {t:8.3f}")
        print(f"median per sample case: {statistics.median(per_case):.3f} s over {len(cases)} cases\n")
        figures["sample_case_median_s"] = statistics.median(per_case)

    decisions = _decision_texts()
    for label, files in decisions.items():
        times = [median_time(lambda f=f: load_case(f), args.repeat) for f in files]
        figures[f"decision_{label}_median_ms"] = statistics.median(times) * 1000
        print(
            f"one decision alone ({label}, {len(files)} texts, warm): median {statistics.median(times) * 1000:.1f} ms, "
            f"slowest {max(times) * 1000:.1f} ms"
        )
    if decisions:
        print()

    with tempfile.TemporaryDirectory() as tmp:
        print(
            f"{'PDF':22} {'pages':>5} {'ours p/s':>9} {'pdfium p/s':>10} {'plumber p/s':>11} "
            f"{'ours/pdfium':>11} {'ours/plumber':>12} {'ours s':>7} {'peak MB':>8}"
        )
        for pages in (50, 200):
            path = build_bound_pdf(pages, Path(tmp) / f"bound-{pages}.pdf")
            n = page_count(path)
            ours = median_time(lambda p=path: load_case(p), args.repeat)
            pdfium_t = median_time(lambda p=path: bare_pdfium(p), args.repeat)
            plumber_t = median_time(lambda p=path: bare_pdfplumber(p), max(1, min(args.repeat, 2)))
            rss = load_peak_mb(path)
            figures[f"bound_{pages}"] = {
                "pages": n,
                "ours_s": ours,
                "pdfium_s": pdfium_t,
                "pdfplumber_s": plumber_t,
                "peak_rss_mb": rss,
            }
            print(
                f"bound case ({pages:3d} p)     {n:5d} {n / ours:9.0f} {n / pdfium_t:10.0f} {n / plumber_t:11.1f} "
                f"{ours / pdfium_t:11.1f}x {ours / plumber_t:11.2f}x {ours:7.3f} {rss:8.0f}"
            )
    base = baseline_rss_mb()
    figures["baseline_rss_mb"] = base
    print(
        f"\nbaseline RSS of a process with the libraries loaded: {base:.0f} MB "
        "(peak MB above includes it; growth from 50 to 200 pages is the per-page cost)"
    )
    if args.json:
        print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
