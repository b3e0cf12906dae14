"""Accuracy on the yardsticks beside the project: case files of other agencies, real published decisions.

1. ``../shared/dev-corpus``: runs ``casereview score`` on its batch (with its roster, JSON only)
   into a temporary folder and prints the summary of the corpus's own ``evaluate.py``: micro F1,
   precision and recall over the injected defects, false alarms on clean files, grade agreement,
   per-code detection, the misses and false alarms (``-v``), and the time the scoring took.
2. ``../shared/real-decisions``: runs its ``evaluate.py`` (which calls ``casereview extract`` on
   every decision) and prints its summary: fields read right per kind and overall.

Neither yardstick is copied into the project or its tests; this script only reads them in place.

    python benchmarks/accuracy.py [--shared ../shared] [--jobs N] [--only dev|real] [-v]
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The command line of this checkout, whatever is installed on PATH.
CASEREVIEW = [sys.executable, "-c", "import sys; from casereview.cli import main; sys.exit(main())"]


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, text=True, capture_output=True, **kw)


def dev_corpus(shared: Path, jobs: int | None, verbose: bool) -> int:
    corpus = shared / "dev-corpus"
    if not (corpus / "batch").is_dir():
        print(f"[dev-corpus] not found at {corpus}: skipped")
        return 0
    with tempfile.TemporaryDirectory(prefix="casereview-accuracy-") as tmp:
        cmd = [
            *CASEREVIEW,
            "score",
            str(corpus / "batch"),
            "--out",
            tmp,
            "--roster",
            str(corpus / "roster.csv"),
            "--formats",
            "json",
        ]
        if jobs:
            cmd += ["--jobs", str(jobs)]
        t0 = time.perf_counter()
        scored = run(cmd, cwd=ROOT)
        took = time.perf_counter() - t0
        results = Path(tmp) / "results.json"
        if not results.exists():
            print(f"[dev-corpus] score wrote no results (exit {scored.returncode}):\n{scored.stderr[-2000:]}")
            return 1
        evaluation = run(
            [sys.executable, str(corpus / "evaluate.py"), str(results)] + (["-v"] if verbose else [])
        )
    print(f"== dev-corpus: {corpus} (score took {took:.1f} s, exit {scored.returncode})")
    print(evaluation.stdout.rstrip())
    return evaluation.returncode


def real_decisions(shared: Path, verbose: bool) -> int:
    corpus = shared / "real-decisions"
    if not (corpus / "evaluate.py").exists():
        print(f"[real-decisions] not found at {corpus}: skipped")
        return 0
    with tempfile.TemporaryDirectory(prefix="casereview-cli-") as tmp:
        wrapper = Path(tmp) / "casereview"
        wrapper.write_text(f'#!/bin/sh\nexec {" ".join(shlex.quote(c) for c in CASEREVIEW)} "$@"\n')
        wrapper.chmod(0o755)
        t0 = time.perf_counter()
        evaluation = run(
            [sys.executable, str(corpus / "evaluate.py"), "--casereview", str(wrapper)]
            + (["-v"] if verbose else []),
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
    print(f"== real-decisions: {corpus} ({time.perf_counter() - t0:.1f} s)")
    print(evaluation.stdout.rstrip())
    if evaluation.returncode:
        print(evaluation.stderr[-2000:])
    return evaluation.returncode


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--only", choices=("dev", "real"))
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss and false alarm")
    args = ap.parse_args()
    status = 0
    if args.only in (None, "dev"):
        status |= dev_corpus(args.shared, args.jobs, args.verbose)
    if args.only in (None, "real"):
        status |= real_decisions(args.shared, args.verbose)
    return status


if __name__ == "__main__":
    sys.exit(main())
