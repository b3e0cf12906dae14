"""``casereview sample``: the bureau's random draw of files to review, stratified by department.

Every case of the batches is assigned to its department (the agency the
extraction reads from its documents; when none is found, the batch folder's
name). The departments are taken in sorted order and, within each, the cases
sorted by path; one ``random.Random(seed)`` then draws ``per_unit`` cases from
each department in turn (all of them when it has fewer). The same batches and
seed give the same draw on any machine. The draw is written as a CSV (UTF-8
with BOM, for Excel): period, seed, department, case_id, path, drawn_at.
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from casereview.api import case_id_of, extract_case, find_cases
from casereview.model import now_iso
from casereview.report import write_atomic

CSV_COLUMNS = ["period", "seed", "department", "case_id", "path", "drawn_at"]


@dataclass(frozen=True)
class Candidate:
    department: str
    case_id: str
    path: str


def extracted_agency(path: Path) -> str | None:
    """The agency named in the case's documents (text only: no OCR, for speed); None when not found."""
    try:
        return (extract_case(path, ocr=False).get("summary") or {}).get("agency")
    except Exception:  # noqa: BLE001 - an unreadable case still belongs to its batch's department
        return None


def candidates(batches, agency_of: Callable[[Path], str | None] = extracted_agency) -> list[Candidate]:
    """Every case of the batches with its department, sorted (department, path)."""
    out = []
    for batch in batches:
        cases, _ = find_cases([batch])
        for path in cases:
            department = (agency_of(path) or "").strip() or Path(batch).resolve().name
            out.append(Candidate(department, case_id_of(path), str(path)))
    return sorted(out, key=lambda c: (c.department, c.path))


def draw(pool: list[Candidate], per_unit: int, seed: int) -> list[Candidate]:
    """``per_unit`` cases per department (all when fewer), reproducible from ``seed``."""
    rng = random.Random(seed)
    by_dept: dict[str, list[Candidate]] = {}
    for c in sorted(pool, key=lambda c: (c.department, c.path)):
        by_dept.setdefault(c.department, []).append(c)
    chosen = []
    for dept in sorted(by_dept):
        group = by_dept[dept]
        picked = group if len(group) <= per_unit else rng.sample(group, per_unit)
        chosen.extend(sorted(picked, key=lambda c: c.path))
    return chosen


def write_draw(chosen: list[Candidate], period: str, seed: int, out: Path) -> Path:
    """The draw as CSV, written atomically."""
    drawn_at = now_iso()
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for c in chosen:
        writer.writerow([period, seed, c.department, c.case_id, c.path, drawn_at])
    write_atomic(Path(out), "\ufeff" + buf.getvalue())
    return Path(out)
