"""The library's entry points: read a case into the model, extract, serialise.

No printing and no ``sys.exit`` here: the CLI wires these to the terminal.
"""

from __future__ import annotations

import os
from pathlib import Path

from casereview.model import Case
from casereview.parsers import DEFAULT_LIMITS, Limits, read_sources


def case_id_of(path: str | os.PathLike) -> str:
    """A case's id: its folder name, or its file name without extension."""
    p = Path(path)
    return p.name if p.is_dir() else p.stem


def load_case(path: str | os.PathLike, limits: Limits = DEFAULT_LIMITS) -> Case:
    """Read every file of the case at ``path``, recognise its documents and extract their fields."""
    from casereview.extract.fields import extract_document
    from casereview.extract.summary import build_summary
    from casereview.parsers.classify import classify_sources

    sources, errors = read_sources(path, limits)
    case = Case(case_id=case_id_of(path), path=str(path), errors=errors)
    case.files = [s.path for s in sources]
    case.documents = classify_sources(sources)
    for doc in case.documents:
        extract_document(doc)
    build_summary(case)
    return case


def extract_case(path: str | os.PathLike, limits: Limits = DEFAULT_LIMITS) -> dict:
    """The JSON-ready case model (what ``casereview extract`` prints)."""
    from casereview.extract.serialize import case_json

    return case_json(load_case(path, limits))
