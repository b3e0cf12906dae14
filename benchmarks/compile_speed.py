"""Compile speed: import 5,000 generated case results (20 departments, two quarters) and write the outputs.

Prints the time to read and import the results files into a fresh SQLite
store, to compute the figures and coverage, and to write compile.xlsx and
bulletin.docx. Target: the whole compile under 10 s.

    python benchmarks/compile_speed.py [--cases 5000]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from casereview.compile.run import compile_results  # noqa: E402
from tests.compile.make_results import CODES, case, results  # noqa: E402

DEPARTMENTS = [f"某县第{i + 1}执法局" for i in range(20)]


def generate(n: int, folder: Path) -> list[Path]:
    """``n`` cases split over two quarterly results files, each spread over every department."""
    rng = random.Random(1)
    paths = []
    for q, count in (("2024Q3", n // 2), ("2024Q4", n - n // 2)):
        cases = []
        for k in range(count):
            fails = rng.sample(CODES, rng.choice([0, 1, 2, 3]))
            veto = ["N01"] if k % 17 == 0 else []
            cases.append(
                case(f"{q}-{k:05d}", DEPARTMENTS[k % len(DEPARTMENTS)], 100 - 5 * len(fails), fails, veto)
            )
        path = folder / f"{q}.json"
        path.write_text(json.dumps(results(q, cases), ensure_ascii=False), "utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = generate(args.cases, Path(tmp))
        start = time.perf_counter()
        report = compile_results(paths, Path(tmp) / "out", period="2024H2")
        elapsed = time.perf_counter() - start
        print(
            f"compile of {report.files} cases, {report.departments} departments: {elapsed:.2f} s "
            f"({'within' if elapsed < 10 else 'OVER'} the 10 s target)"
        )
        for p in report.written:
            print(f"  {p.name}: {p.stat().st_size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
