"""Importing casereview (and `casereview --help`) must not pull in the heavy libraries."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("spacy", "pdfplumber", "docx", "openpyxl", "django", "waitress")
CHECK = f"assert not [m for m in {HEAVY!r} if m in sys.modules], [m for m in {HEAVY!r} if m in sys.modules]"


@pytest.mark.parametrize(
    "code",
    [
        "import casereview, sys; " + CHECK,
        "import sys\nfrom casereview.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit as e:\n"
        "    assert e.code == 0, e.code\n" + CHECK,
        "import sys\nfrom casereview.cli import main\ntry:\n    main(['extract', '--help'])\nexcept SystemExit as e:\n"
        "    assert e.code == 0, e.code\n" + CHECK,
        "import sys\nfrom casereview.cli import main\ntry:\n    main(['serve', '--help'])\nexcept SystemExit as e:\n"
        "    assert e.code == 0, e.code\n" + CHECK,
    ],
    ids=["import", "help", "extract-help", "serve-help"],
)
def test_light_import_no_heavy_modules(code):
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
