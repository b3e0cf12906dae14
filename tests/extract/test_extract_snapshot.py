"""The extract JSON of every sample case is what a snapshot says it was (a refactoring changes nothing).

Runs when ``CASEREVIEW_EXTRACT_BEFORE`` names a snapshot folder written by ``scripts/extract_snapshot.py``
(from the commit before the change, see its docstring); skipped otherwise. The JSON is compared as
values: the same keys, values and list orders (an object's key order is not compared).
"""

from __future__ import annotations

import difflib
import importlib.util
import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BEFORE = os.environ.get("CASEREVIEW_EXTRACT_BEFORE")

pytestmark = pytest.mark.skipif(not BEFORE, reason="CASEREVIEW_EXTRACT_BEFORE names no snapshot folder")


def _script():
    spec = importlib.util.spec_from_file_location(
        "extract_snapshot", ROOT / "scripts" / "extract_snapshot.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SNAP = _script()


@pytest.mark.parametrize("case", SNAP.sample_cases(), ids=str)
def test_extract_json_unchanged(case):
    before_dir = Path(BEFORE)
    meta = json.loads((before_dir / "_meta.json").read_text("utf-8"))
    before = json.loads((before_dir / SNAP.snapshot_name(case)).read_text("utf-8"))
    now = SNAP.extract(case, meta["ocr"])
    if now != before:
        diff = difflib.unified_diff(
            json.dumps(before, ensure_ascii=False, indent=1, sort_keys=True).splitlines(),
            json.dumps(now, ensure_ascii=False, indent=1, sort_keys=True).splitlines(),
            "before",
            "now",
            lineterm="",
            n=2,
        )
        pytest.fail("extract JSON changed:\n" + "\n".join(list(diff)[:80]))
