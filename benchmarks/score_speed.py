"""Scoring speed: cases per second for ``score`` on a generated batch, 1 and all cores.

The batch is the bundled samples' .docx and text-PDF cases copied round-robin
up to ``--cases`` (default 200) into a temporary folder. Prints:
- cases per second in-process without limits, with 1 isolated worker (time and memory limits per
  case) and with all cores (median of --repeat runs);
- the share of time in parsing+extraction, rules+scoring and writing;
- peak memory per worker for two batch sizes (it must not grow with the batch).

    python benchmarks/score_speed.py [--cases 200] [--repeat 3]
"""

from __future__ import annotations

import argparse
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
sys.path.insert(0, str(Path(__file__).resolve().parent))


def build_batch(n: int, dest: Path) -> Path:
    sources = [
        p
        for p in sorted((ROOT / "samples" / "cases").iterdir())
        if p.is_dir() or p.suffix.lower() in (".pdf", ".docx")
    ]
    batch = dest / f"batch-{n}"
    batch.mkdir()
    for i in range(n):
        src = sources[i % len(sources)]
        target = batch / f"{i:04d}-{src.name}"
        if src.is_dir():
            shutil.copytree(src, target)
        else:
            shutil.copy(src, target)
    return batch


def timed(fn, repeat: int) -> float:
    ts = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts)


def stage_shares(batch: Path) -> dict[str, float]:
    """In-process: time spent reading (parse+extract), in rules+scoring, and writing."""
    from casereview.api import find_cases, load_case, run_rules
    from casereview.report import write_json
    from casereview.rubric import load_rubric
    from casereview.rubric.scoring import score

    rub = load_rubric("penalty-general")
    cases, _ = find_cases([batch])
    t_read = t_rules = 0.0
    entries = []
    for c in cases:
        t0 = time.perf_counter()
        case = load_case(c)
        t1 = time.perf_counter()
        outs = run_rules(case, rub)
        s = score(outs, rub)
        t2 = time.perf_counter()
        t_read += t1 - t0
        t_rules += t2 - t1
        entries.append({"case_id": case.case_id, "score": s.score, "checks": [o.to_json() for o in outs]})
    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        write_json({"cases": entries}, Path(out))
        t_write = time.perf_counter() - t0
    return {"read": t_read, "rules": t_rules, "write": t_write}


def worker_peak_mb(batch: Path, jobs: int) -> float:
    """The largest peak RSS any worker reported (workers start from a fork server, not as our children)."""
    from casereview.api import review
    from casereview.runner import LAST_RUN

    review([batch], jobs=jobs)
    return LAST_RUN["peak_worker_mb"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from casereview.api import review

    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        batch = build_batch(args.cases, Path(tmp))
        small = build_batch(max(10, args.cases // 4), Path(tmp))
        review([small], jobs=1)  # warm-up: imports, spaCy, rubric
        t0 = timed(lambda: review([batch], jobs=1, limits=False), args.repeat)
        t1 = timed(lambda: review([batch], jobs=1), args.repeat)
        tn = timed(lambda: review([batch], jobs=cores), args.repeat)
        print(f"batch of {args.cases} cases (samples copied round-robin), median of {args.repeat} runs")
        print(f"  in-process, no limits: {t0:6.1f} s  {args.cases / t0:6.1f} cases/s")
        print(f"  1 worker : {t1:6.1f} s  {args.cases / t1:6.1f} cases/s  (isolation costs {t1 / t0:.2f}x)")
        print(f"  {cores} workers: {tn:6.1f} s  {args.cases / tn:6.1f} cases/s  (speed-up {t1 / tn:.2f}x)")
        shares = stage_shares(batch)
        total = sum(shares.values())
        print(
            "time by stage (1 worker, in-process): "
            + ", ".join(f"{k} {v:.1f} s ({100 * v / total:.1f}%)" for k, v in shares.items())
        )
        print(f"  rules+scoring add {100 * shares['rules'] / shares['read']:.1f}% to parsing+extraction")
        peak_small = worker_peak_mb(small, cores)
        peak_big = worker_peak_mb(batch, cores)
        print(
            f"peak RSS per worker: {peak_small:.0f} MB for {max(10, args.cases // 4)} cases, "
            f"{peak_big:.0f} MB for {args.cases} cases"
        )
        print(f"this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
