"""casereview: review Chinese administrative law-enforcement case files (行政执法案卷评查).

The public API is small and light to import: heavy libraries (spaCy,
pdfplumber, python-docx) load only when a case is actually read.
"""

from __future__ import annotations

from casereview.version import __version__

__all__ = ["__version__", "load_case", "extract_case"]


def load_case(path, **kwargs):
    """Read and extract the case at ``path`` (folder, .pdf, .docx, .zip …) into a ``Case``."""
    from casereview.api import load_case as _load_case

    return _load_case(path, **kwargs)


def extract_case(path, **kwargs) -> dict:
    """The case model of ``path`` as the JSON-ready dict printed by ``casereview extract``."""
    from casereview.api import extract_case as _extract_case

    return _extract_case(path, **kwargs)
