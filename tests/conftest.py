"""Shared fixtures: the parser fixture files and a cached reader.

The files under ``tests/fixtures/files/`` are described, one by one, in
``tests/fixtures/README.md``. Reading them is cached per test session because
the .doc/.wps fixtures go through LibreOffice (about 1.5 s each).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

# OCR results are cached outside the inputs; tests keep theirs out of the user's ~/.cache.
os.environ.setdefault("CASEREVIEW_CACHE_DIR", tempfile.mkdtemp(prefix="casereview-test-ocr-"))
# A rule that raises fails the test that ran it (Rule.run re-raises), instead of passing as "manual"; set here,
# before any worker process starts, so the batch runner's workers inherit it. A test of the non-strict
# behaviour unsets it with monkeypatch.
os.environ.setdefault("CASEREVIEW_STRICT_RULES", "1")

FIXTURES = Path(__file__).parent / "fixtures" / "files"


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    """The committed fixture folder (read-only: never write into it)."""
    return FIXTURES


@pytest.fixture(scope="session")
def read_fixture():
    """``read_fixture(name)`` -> (sources, errors) of ``read_sources`` on one fixture, cached."""
    from casereview.parsers import read_sources

    cache: dict[str, tuple] = {}

    def read(name: str):
        if name not in cache:
            cache[name] = read_sources(FIXTURES / name)
        return cache[name]

    return read


@pytest.fixture(scope="session")
def soffice() -> str:
    """Path of LibreOffice's soffice; the test is skipped (with the reason) when it is missing."""
    from casereview.parsers.office import soffice_binary

    binary = soffice_binary()
    if binary is None:
        pytest.skip(
            "LibreOffice (soffice) is not installed: .doc/.wps cannot be converted here (CI installs it)"
        )
    return binary


_RSS_WRAPPER = """
import json, resource, subprocess, sys
proc = subprocess.run([sys.executable, "-c", sys.argv[1]], capture_output=True, text=True)
print(json.dumps({
    "returncode": proc.returncode,
    "stdout": proc.stdout,
    "stderr": proc.stderr,
    "maxrss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
}))
"""


@pytest.fixture(scope="session")
def run_measured():
    """``run_measured(code)`` runs ``python -c code`` and returns (returncode, stdout, stderr, peak RSS MiB).

    The peak is ``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` taken in a
    fresh wrapper interpreter whose only child is the measured one, so children
    the test session started earlier (LibreOffice …) do not count.
    """

    def run(code: str, timeout: float = 300):
        out = subprocess.run(
            [sys.executable, "-c", _RSS_WRAPPER, code],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
        res = json.loads(out.stdout)
        return res["returncode"], res["stdout"], res["stderr"], res["maxrss_kb"] / 1024

    return run


@pytest.fixture
def fixtures_copy(tmp_path: Path) -> Path:
    """A private copy of the fixture folder (file times preserved)."""
    dest = tmp_path / "files"
    shutil.copytree(FIXTURES, dest)
    return dest
