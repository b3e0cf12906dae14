"""Read generated cases in this process and report, per case, what came out (one JSON line each).

    python -m tests.fuzz.runner DEST [--only NAME ...] [--fast] [--ocr] [--small-limits]
                                     [--memory-mb N] [--case-seconds S]

Run as a child of the test (or the benchmark) so that a case that breaks a
limit cannot take the caller with it: the address space is capped
(``RLIMIT_AS``), each case has a wall-time alarm, and what happened is written
as soon as each case is done. Per case: the exception that escaped (with its
traceback) or none, the seconds taken, the peak RSS so far, the files read,
the errors (source, code, reason), and whether ``MARKER`` or the outside world
(``/etc/passwd``) reached the case model or its results entry.
"""

from __future__ import annotations

import argparse
import json
import resource
import signal
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.fuzz.generate import MARKER, load_manifest  # noqa: E402

LEAKS = (MARKER, "root:x:0:0")  # outside content: the marker files, /etc/passwd


class CaseTimeout(BaseException):
    """Raised by the alarm in a case that runs over its time (BaseException: no ``except Exception`` eats it)."""


def _alarm(signum, frame):
    raise CaseTimeout()


# Caps scaled down for the CI subset: the same code paths stop at the same kinds of caps, sooner.
SMALL_LIMITS = {
    "max_blocks": 5_000,
    "max_case_blocks": 12_000,
    "max_text_chars": 2_000_000,
    "max_case_text_chars": 4_000_000,
    "max_pages": 200,
}


def run_one(path: str, rubric, ocr: bool, limits=None) -> dict:
    from casereview.api import load_case, review_loaded
    from casereview.extract.serialize import case_json
    from casereview.parsers import DEFAULT_LIMITS

    t0 = time.perf_counter()
    out: dict = {"path": path}
    try:
        case = load_case(path, limits or DEFAULT_LIMITS, ocr="rapid" if ocr else False)
        model = json.dumps(case_json(case), ensure_ascii=False, default=str)
        texts = "\n".join(b.text for d in case.documents for b in d.blocks)
        entry = review_loaded(case, rubric)
        result = json.dumps(entry, ensure_ascii=False, default=str)
        out.update(
            files=case.files,
            errors=[[e.source, e.code, e.reason] for e in case.errors],
            documents=len(case.documents),
            leaks=[m for m in LEAKS if m in model or m in result or m in texts],
        )
    except CaseTimeout:
        out["hang"] = True
    except BaseException as exc:  # noqa: BLE001 - recorded, the campaign goes on
        out["exception"] = f"{type(exc).__name__}: {exc}"[:500]
        out["traceback"] = traceback.format_exc()[-4000:]
    out["seconds"] = round(time.perf_counter() - t0, 3)
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("dest")
    ap.add_argument("--only", nargs="*", default=None, help="case names (Input.case) to run")
    ap.add_argument("--fast", action="store_true", help="only the inputs of the fast subset")
    ap.add_argument("--ocr", action="store_true", help="run OCR (rapid) on the inputs that exercise it")
    ap.add_argument("--memory-mb", type=int, default=3072)
    ap.add_argument("--case-seconds", type=int, default=60)
    ap.add_argument("--small-limits", action="store_true", help="the CI subset's scaled-down caps")
    args = ap.parse_args(argv)
    if args.memory_mb:
        limit = args.memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    signal.signal(signal.SIGALRM, _alarm)
    from casereview.parsers import Limits
    from casereview.rubric import load_rubric

    rubric = load_rubric("penalty-general")
    limits = Limits(**SMALL_LIMITS) if args.small_limits else None
    dest = Path(args.dest)
    for item in load_manifest(dest):
        if args.fast and not item.fast:
            continue
        if args.only is not None and item.case not in args.only:
            continue
        signal.alarm(args.case_seconds)
        try:
            row = run_one(
                str(dest / item.batch / item.case), rubric, ocr=args.ocr and item.ocr, limits=limits
            )
        finally:
            signal.alarm(0)
        row["case"] = item.case
        print(json.dumps(row, ensure_ascii=True), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
