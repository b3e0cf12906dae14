"""Report writers: JSON is the contract (results.json); the others are views of it.

Every writer takes the results object (as ``api.review`` returns it) and an
output folder, and writes its files atomically (temporary file, then rename).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write to a temporary file beside ``path``, then rename: never a half-written output."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_json(results: dict, out_dir: Path) -> list[Path]:
    path = out_dir / "results.json"
    write_atomic(path, json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    return [path]


def write_text(results: dict, out_dir: Path) -> list[Path]:
    from casereview.report.text import case_summary

    written = []
    for entry in results["cases"]:
        path = out_dir / "summaries" / f"{entry['case_id']}.txt"
        write_atomic(path, case_summary(entry, results))
        written.append(path)
    return written


WRITERS = {"json": write_json, "text": write_text}
