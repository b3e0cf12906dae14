"""Report writers: JSON is the contract (results.json); the others are views of it.

Every writer takes the results object (as ``api.review`` returns it) and an
output folder, writes its files atomically (temporary file, then rename) and
returns the paths it wrote: ``WRITERS[name](results, out_dir) -> list[Path]``.

| name | writes |
| --- | --- |
| json | ``results.json`` (the contract) |
| text | ``summaries/CASE_ID.txt`` (CASE_ID made a safe, unique file name: ``report.safe``) |
| xlsx | ``sheets/CASE_ID.xlsx``: the scoring sheet the reviewers fill in (复核结论 …) |
| docx | ``sheets/CASE_ID.docx``: the print-ready A4 scoring sheet |
| pdf | ``sheets/CASE_ID.pdf`` via LibreOffice (one call per batch); ``Skipped`` without it |
| summary | ``summary.xlsx``: cases, problems, per-unit statistics, charts |
| html | ``report.html``: the same, self-contained for a browser |

Heavy libraries (openpyxl, python-docx) load only when their writer runs.

Outputs are for colleagues too (a shared folder, a web server): files get the
usual ``0666 & ~umask`` (``-rw-r--r--`` under umask 022), not the private mode
of the temporary file they are written through. Whatever a case file holds, a
writer never dies of it: text goes through ``report.safe`` (control
characters, invalid UTF-8, names), per-case sheets get unique file names
(``safe.unique_stems``), and a case a per-case writer still cannot render is
reported (``Skipped`` naming it) while the others are written.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
from pathlib import Path

from casereview.report.safe import clean_json, clean_line, unique_stems

log = logging.getLogger(__name__)

_UMASK_LOCK = threading.Lock()


SHOWN_FAILURES = 10  # cases named in a writer's failure line; more are counted


def current_umask() -> int:
    """The process umask, read without changing it where the system allows (Linux: /proc/self/status)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _UMASK_LOCK:  # elsewhere the only way to read it is to set it (and put it back at once)
        mask = os.umask(0o077)
        os.umask(mask)
    return mask


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write to a temporary file beside ``path``, then rename: never a half-written output.

    The file gets ``0666 & ~umask`` like any file a program creates (the
    temporary file is created ``0600``). Its content is on disk (fsync) before
    the rename, so after a crash ``path`` holds the old file or the new one,
    whole, never a truncated one. The folder is not synced after each rename
    (3–4 ms a file, thousands of sheets a batch): a crash just after it may
    keep the old version, which a re-run replaces. Text is written as UTF-8, a
    lone surrogate (an undecodable file-name byte) as U+FFFD rather than failing.
    """
    if isinstance(data, str):
        try:
            payload = data.encode("utf-8")
        except UnicodeEncodeError:
            payload = data.encode("utf-8", "replace")
    else:
        payload = data
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            mode = 0o666 & ~current_umask()
            if hasattr(os, "fchmod"):
                os.fchmod(fh.fileno(), mode)
            else:  # pragma: no cover - Windows before Python 3.13
                os.chmod(tmp, mode)
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class Skipped(Exception):
    """A writer could not produce (all of) its output for a reason the user should hear, not a failure.

    ``written`` lists what it did write; ``failed`` the case ids it could not
    write (when the reason was one case's content); the message is Chinese and
    names what is missing and why.
    """

    def __init__(self, message: str, written=(), failed=()) -> None:
        super().__init__(message)
        self.written = list(written)
        self.failed = list(failed)


def failures_message(what: str, failures: list[tuple[str, str]]) -> str:
    """The Chinese line naming the cases a writer left out: (case id, reason) pairs."""
    shown = "；".join(
        f"{clean_line(cid)}（{clean_line(reason)}）" for cid, reason in failures[:SHOWN_FAILURES]
    )
    more = f"等 {len(failures)} 卷" if len(failures) > SHOWN_FAILURES else ""
    return f"{len(failures)} 卷的{what}未能生成，其余案卷已写出：{shown}{more}"


def per_case(results: dict, out_dir: Path, what: str, write_one) -> list[Path]:
    """Run ``write_one(entry, stem, out_dir) -> Path`` for every case; one case failing never stops the rest.

    Raises ``Skipped`` (with what was written) naming the cases that failed.
    """
    entries = results.get("cases") or []
    written: list[Path] = []
    failures: list[tuple[str, str]] = []
    for entry, stem in zip(entries, unique_stems(entries), strict=True):
        try:
            written.append(write_one(entry, stem, out_dir))
        except Exception as exc:  # isolation point (logged or re-raised): one case's content must not cost the batch its outputs
            log.warning("%s of case %s could not be written", what, entry.get("case_id", ""), exc_info=True)
            failures.append((str(entry.get("case_id", "")), f"{type(exc).__name__}: {exc}"))
    if failures:
        raise Skipped(failures_message(what, failures), written, [c for c, _ in failures])
    return written


def results_json(results: dict, indent: int | None = 2) -> str:
    """results.json's text: valid UTF-8 JSON whatever the cases hold (see ``safe.clean_json``)."""
    return json.dumps(clean_json(results), ensure_ascii=False, indent=indent, allow_nan=False) + "\n"


def write_json(results: dict, out_dir: Path) -> list[Path]:
    path = out_dir / "results.json"
    write_atomic(path, results_json(results))
    return [path]


def write_text(results: dict, out_dir: Path) -> list[Path]:
    from casereview.report.text import case_summary

    def one(entry: dict, stem: str, out: Path) -> Path:
        path = out / "summaries" / f"{stem}.txt"
        write_atomic(path, case_summary(entry, results))
        return path

    return per_case(results, out_dir, "文字摘要", one)


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


WRITERS = {
    "json": write_json,
    "text": write_text,
    "xlsx": write_xlsx,
    "docx": write_docx,
    "pdf": write_pdf,
    "summary": write_summary,
    "html": write_html,
}
"""Every format, in the order ``score`` writes them (results.json first: the others are views of it)."""
