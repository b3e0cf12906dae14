"""Write the ``casereview extract`` JSON of every sample case into a folder: a snapshot to compare a change with.

    python3 scripts/extract_snapshot.py DIR [--code CHECKOUT] [--ocr]

Writes ``DIR/<case>.json`` for each case of samples/cases and samples/scans/cases (read from this
checkout), and ``DIR/_meta.json``. ``--code`` imports casereview from another checkout, so the snapshot
of a commit is made with its code on the same sample files:

    git worktree add --detach /tmp/base HEAD
    python3 scripts/extract_snapshot.py /tmp/before --code /tmp/base
    CASEREVIEW_EXTRACT_BEFORE=/tmp/before python3 -m pytest tests/extract/test_extract_snapshot.py

Without ``--ocr`` scanned pages are left unread (fast, and the same whatever the OCR engine reads).
Paths in the JSON are relative to the checkout, so two checkouts write the same ones.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = ("samples/cases", "samples/scans/cases")


def sample_cases() -> list[Path]:
    """The sample cases, relative to the checkout: folders and bound files."""
    out = []
    for folder in SETS:
        for p in sorted((ROOT / folder).iterdir()):
            if p.is_dir() or p.suffix.lower() in (".pdf", ".docx", ".zip", ".doc", ".wps"):
                out.append(p.relative_to(ROOT))
    return out


def snapshot_name(case: Path) -> str:
    return f"{case.parent.name}-{case.name}.json" if case.parts[1] == "scans" else f"{case.name}.json"


def extract(case: Path, ocr: bool) -> dict:
    """The extract JSON of one sample case (read with the working directory at the checkout)."""
    from casereview.api import extract_case

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return json.loads(json.dumps(extract_case(case, ocr=ocr), ensure_ascii=False))
    finally:
        os.chdir(cwd)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--code", type=Path, default=ROOT, help="the checkout whose casereview is imported")
    ap.add_argument("--ocr", action="store_true", help="read scanned pages with the default OCR engine")
    args = ap.parse_args()
    sys.path.insert(0, str(args.code.resolve()))
    args.out.mkdir(parents=True, exist_ok=True)
    for case in sample_cases():
        data = extract(case, args.ocr)
        (args.out / snapshot_name(case)).write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")
    import casereview

    (args.out / "_meta.json").write_text(json.dumps({"ocr": args.ocr, "code": casereview.__file__}), "utf-8")
    print(f"{len(sample_cases())} cases written to {args.out} with {casereview.__file__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
