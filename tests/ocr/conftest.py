"""OCR tests: a private cache directory for the whole session, and the scans with their ground truth."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

SCANS = Path(__file__).parent / "files"


@pytest.fixture(scope="session", autouse=True)
def ocr_cache_dir(tmp_path_factory):
    """Every OCR test reads through a cache of its own (never the user's ~/.cache)."""
    path = tmp_path_factory.mktemp("ocr-cache")
    old = os.environ.get("CASEREVIEW_CACHE_DIR")
    os.environ["CASEREVIEW_CACHE_DIR"] = str(path)
    yield path
    if old is None:
        os.environ.pop("CASEREVIEW_CACHE_DIR", None)
    else:
        os.environ["CASEREVIEW_CACHE_DIR"] = old


@pytest.fixture(scope="session")
def scans_dir() -> Path:
    return SCANS


@pytest.fixture(scope="session")
def truth() -> dict:
    return json.loads((SCANS / "truth.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def loaded():
    """``loaded(path, ocr=True)`` -> Case, read once per session."""
    from casereview.api import load_case

    seen: dict = {}

    def load(path, ocr=True):
        key = (str(path), ocr)
        if key not in seen:
            seen[key] = load_case(path, ocr=ocr)
        return seen[key]

    return load


def cer(got: str, want: str) -> float:
    """Character error rate: edit distance / length of the truth (whitespace ignored)."""
    a = "".join(got.split())
    b = "".join(want.split())
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        prev = cur
    return prev[-1] / max(1, len(b))
