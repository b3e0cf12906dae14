"""Engines: selectable by name, lazy, clear when missing; low confidence goes to a person."""

from __future__ import annotations

import subprocess
import sys

import pytest

from casereview.parsers import read_sources
from casereview.parsers.ocr.apply import ocr_sources
from casereview.parsers.ocr.engines import (
    OcrLine,
    OcrUnavailable,
    TesseractEngine,
    available_engines,
    get_engine,
)


class Fake:
    name = "fake"
    version = "1"
    min_confidence = 0.85

    def __init__(self, lines):
        self.lines = lines

    def __call__(self, image):
        return list(self.lines)


def test_rapid_is_the_default_engine():
    from casereview.parsers.ocr import default_engine

    assert default_engine() == "rapid"
    assert available_engines()[0] == "rapid"


def test_unknown_engine_name_is_a_clear_error(fixtures_dir):
    from casereview.api import load_case

    with pytest.raises(ValueError, match="未知的 OCR 引擎"):
        load_case(fixtures_dir / "image_scan.png", ocr="abbyy")


def test_missing_engine_says_how_to_install_it(fixtures_dir):
    engine = TesseractEngine(lang="no_such_lang")
    path = fixtures_dir / "image_scan.png"
    sources, _ = read_sources(path)
    with pytest.raises(OcrUnavailable, match="apt-get install"):
        ocr_sources(sources, engine=engine, root=path)


def test_importing_the_ocr_package_loads_no_engine():
    code = (
        "import sys, casereview.api, casereview.parsers.ocr, casereview.parsers.ocr.engines; "
        "heavy = [m for m in ('onnxruntime', 'cv2', 'rapidocr_onnxruntime', 'numpy') if m in sys.modules]; "
        "assert not heavy, heavy"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_low_confidence_page_stays_listed_and_is_reported_with_page_and_confidence(fixtures_dir, tmp_path):
    path = fixtures_dir / "pdf_mixed_scan.pdf"
    sources, _ = read_sources(path)
    engine = Fake(
        [
            OcrLine("送达回证", (100, 100, 300, 150), 0.40),
            OcrLine("受送达人：某某", (100, 200, 500, 250), 0.40),
        ]
    )
    errors = ocr_sources(sources, engine=engine, cache_dir=tmp_path, root=path)
    assert sources[0].ocr_pages == [2]
    assert [e.code for e in errors] == ["needs_ocr"]
    assert "第 2 页" in errors[0].reason and "0.40" in errors[0].reason
    texts = [b.text for b in sources[0].blocks if b.loc.page == 2]
    assert texts == ["送达回证", "受送达人：某某"]  # the reading is kept, flagged for a person


def test_low_confidence_page_document_is_flagged_through_load_case(fixtures_dir, tmp_path, monkeypatch):
    from casereview.api import load_case
    from casereview.parsers.ocr import apply

    fake = Fake([OcrLine("送达回证", (100, 100, 300, 150), 0.5)])
    monkeypatch.setattr(apply, "get_engine", lambda engine="rapid", threads=None: fake)
    monkeypatch.setenv("CASEREVIEW_CACHE_DIR", str(tmp_path))
    case = load_case(fixtures_dir / "pdf_mixed_scan.pdf", ocr="fake")
    assert [(e.code, "第 2 页" in e.reason) for e in case.errors] == [("needs_ocr", True)]
    assert [(d.type, d.needs_ocr) for d in case.documents] == [
        ("penalty_decision", False),
        ("service_receipt", True),
    ]


def test_page_with_nothing_read_keeps_its_image(fixtures_dir, tmp_path):
    path = fixtures_dir / "image_scan.png"
    sources, _ = read_sources(path)
    errors = ocr_sources(sources, engine=Fake([]), cache_dir=tmp_path, root=path)
    assert [e.code for e in errors] == ["needs_ocr"] and "未识别出文字" in errors[0].reason
    assert sources[0].ocr_pages == [1] and [b.kind for b in sources[0].blocks] == ["image"]


def test_zip_member_scans_are_found_again(fixtures_dir, tmp_path):
    import zipfile

    from casereview.api import load_case

    z = tmp_path / "case.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.write(fixtures_dir / "image_scan.png", "案卷/扫描件.png")
    case = load_case(z)
    assert case.errors == []
    assert [d.type for d in case.documents] == ["penalty_decision"]


tesseract_missing = not TesseractEngine.installed()


@pytest.mark.skipif(tesseract_missing, reason="tesseract with chi_sim is not installed (CI installs it)")
def test_tesseract_engine_is_selectable(loaded, fixtures_dir):
    case = loaded(fixtures_dir / "pdf_mixed_scan.pdf", ocr="tesseract")
    assert case.errors == []
    receipt = case.documents[1]
    assert receipt.type == "service_receipt"
    assert receipt.service.recipient.value == "青山县某某商贸有限公司"
    assert all(b.confidence is not None for b in receipt.blocks)
    assert get_engine("tesseract").version.startswith("tesseract ")


@pytest.mark.skipif(tesseract_missing, reason="tesseract with chi_sim is not installed (CI installs it)")
def test_tesseract_reads_a_scan_with_its_case_number(loaded, scans_dir):
    case = loaded(scans_dir / "decision_upright.png", ocr="tesseract")
    doc = case.documents[0]
    assert doc.type == "penalty_decision"
    assert doc.case_number.value == "青市监处罚〔2024〕17号"
    assert doc.fields["party"].value == "青山县某某商贸有限公司"


def test_pool_workers_take_their_share_of_the_cores():
    """A worker of a local pool reads with cores // workers threads, not all the cores each."""
    from casereview.api import _init_worker
    from casereview.parsers.ocr.engines import get_engine, set_threads

    try:
        _init_worker("penalty-general", None, True, ocr_threads=1)
        assert get_engine("rapid").threads == 1
        assert get_engine("tesseract").threads == 1
    finally:
        set_threads(None)
    assert get_engine("rapid").threads is None
