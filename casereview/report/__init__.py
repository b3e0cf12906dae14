"""Report writers: JSON is the contract (results.json); the others are views of it.

Every writer takes the results object (as ``api.review`` returns it) and an
output folder, writes its files atomically (temporary file, then rename) and
returns the paths it wrote: ``WRITERS[name](results, out_dir) -> list[Path]``.

| name | writes |
| --- | --- |
| json | ``results.json`` (the contract) |
| text | ``summaries/CASE_ID.txt`` |
| xlsx | ``sheets/CASE_ID.xlsx``: the scoring sheet the reviewers fill in (复核结论 …) |
| docx | ``sheets/CASE_ID.docx``: the print-ready A4 scoring sheet |
| pdf | ``sheets/CASE_ID.pdf`` via LibreOffice (one call per batch); ``Skipped`` without it |
| summary | ``summary.xlsx``: cases, problems, per-unit statistics, charts |
| html | ``report.html``: the same, self-contained for a browser |

Heavy libraries (openpyxl, python-docx) load only when their writer runs.
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


class Skipped(Exception):
    """A writer could not produce (all of) its output for a reason the user should hear, not a failure.

    ``written`` lists what it did write; the message is Chinese and names what is missing and why.
    """

    def __init__(self, message: str, written=()) -> None:
        super().__init__(message)
        self.written = list(written)


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


def write_xlsx(results: dict, out_dir: Path) -> list[Path]:
    from casereview.report.xlsx import write_xlsx as write

    return write(results, out_dir)


def write_docx(results: dict, out_dir: Path) -> list[Path]:
    from casereview.report.docx import write_docx as write

    return write(results, out_dir)


def write_pdf(results: dict, out_dir: Path) -> list[Path]:
    from casereview.report.pdf import write_pdf as write

    return write(results, out_dir)


def write_summary(results: dict, out_dir: Path) -> list[Path]:
    from casereview.report.summary import write_summary as write

    return write(results, out_dir)


def write_html(results: dict, out_dir: Path) -> list[Path]:
    from casereview.report.html import write_html as write

    return write(results, out_dir)


WRITERS = {"json": write_json, "text": write_text, "xlsx": write_xlsx, "docx": write_docx, "pdf": write_pdf,
           "summary": write_summary, "html": write_html}
"""Every format, in the order ``score`` writes them (results.json first: the others are views of it)."""
