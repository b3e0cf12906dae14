"""Peak memory of a piece of code run in a fresh Python process (the benchmarks' one helper for it)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def peak_rss_mb(code: str, children: bool = False) -> float:
    """Peak resident memory (MB) of ``code`` run in a new interpreter with the project importable;
    ``children``: of its child processes instead (the workers of a pool)."""
    who = "RUSAGE_CHILDREN" if children else "RUSAGE_SELF"
    script = (
        f"import resource, sys; sys.path.insert(0, {str(ROOT)!r})\n{code}\n"
        f"print(resource.getrusage(resource.{who}).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return int(out.stdout.strip().splitlines()[-1]) / 1024
