"""Fixtures of the report tests: synthetic results (numbers known in advance) and tool look-ups."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_results import builtin_rubric, make_entry, make_results


@pytest.fixture
def rubric():
    return builtin_rubric()


@pytest.fixture
def results():
    """12 cases over four units, with failures, vetoes, manual and 不适用 items."""
    return make_results(12)


@pytest.fixture
def one_case(rubric):
    """One case with known outcomes: S02 and N03 fail (2 + 3 points), E03 manual, H01 不适用."""
    entry = make_entry("qs-2024-017", rubric, {"S02": "fail", "N03": "fail", "E03": "manual", "H01": "na"})
    from casereview.rubric.snapshot import rubric_snapshot

    return {
        "tool": {"name": "casereview", "version": "0.1.0"},
        "rubric": rubric_snapshot(rubric),
        "period": "2024Q3",
        "generated_at": "2024-10-08T09:30:00+08:00",
        "cases": [entry],
        "skipped": [],
    }


@pytest.fixture(scope="session")
def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip(
        "headless Chromium is not installed (apt-get install -y chromium; CI installs it): "
        "report.html cannot be checked in a browser here"
    )


@pytest.fixture(scope="session")
def soffice_bin() -> str:
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        pytest.skip(
            "LibreOffice (soffice) is not installed: PDF sheets cannot be rendered here (CI installs it)"
        )
    return path


@pytest.fixture(scope="session")
def pdftoppm() -> str:
    path = shutil.which("pdftoppm")
    if path is None:
        pytest.skip("poppler-utils (pdftoppm) is not installed: pages cannot be rendered to PNG here")
    return path
