"""The library's entry points: read a case into the model, extract, serialise.

No printing and no ``sys.exit`` here: the CLI wires these to the terminal.
"""

from __future__ import annotations

import os
from pathlib import Path

from casereview.model import Case, CaseError
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
    for src in sources:
        if src.ocr_pages:
            errors.append(CaseError(src.path, _ocr_reason(src), "needs_ocr"))
    case = Case(case_id=case_id_of(path), path=str(path), errors=errors)
    case.files = [s.path for s in sources]
    case.documents = classify_sources(sources)
    for doc in case.documents:
        extract_document(doc)
    build_summary(case)
    return case


def _ocr_reason(src) -> str:
    if src.format == "image":
        return "图片文件没有文字层，需 OCR 识别后才能读取其内容；在此之前依赖它的评查项为待人工核查"
    pages = "、".join(str(p) for p in src.ocr_pages[:20]) + ("…" if len(src.ocr_pages) > 20 else "")
    return f"第 {pages} 页没有可用的文字层（扫描页或字体编码损坏），需 OCR 识别；在此之前依赖这些页的评查项为待人工核查"


def extract_case(path: str | os.PathLike, limits: Limits = DEFAULT_LIMITS) -> dict:
    """The JSON-ready case model (what ``casereview extract`` prints)."""
    from casereview.extract.serialize import case_json

    return case_json(load_case(path, limits))
