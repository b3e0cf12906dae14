"""Scanned fixture pages read through ``load_case`` come out as their digital originals do."""

from __future__ import annotations

import pytest

from tests.ocr.conftest import cer

SCAN_DECISION = [
    "行政处罚决定书",
    "青市监处罚〔2024〕17号",
    "当事人：青山县某某商贸有限公司",
    "罚款人民币伍万元整。",
]
SCAN_SERVICE = ["送达回证", "受送达人：青山县某某商贸有限公司", "送达时间：2024年5月21日", "签收人：李明"]


@pytest.fixture(scope="module")
def digital(loaded, fixtures_dir):
    """The digital original: the text PDF both scans were drawn from."""
    case = loaded(fixtures_dir / "pdf_text_2pages.pdf", ocr=False)
    return {d.type: d for d in case.documents}


def _ocr_lines(doc, page):
    return [b for b in doc.blocks if b.loc.page == page and b.confidence is not None]


@pytest.mark.parametrize("name", ["image_scan.png", "pdf_image_only.pdf"])
def test_scanned_decision_is_typed_and_read_like_the_digital_original(name, loaded, fixtures_dir, digital):
    case = loaded(fixtures_dir / name)
    assert case.errors == []
    assert [d.type for d in case.documents] == ["penalty_decision"]
    doc = case.documents[0]
    assert doc.needs_ocr is False and doc.title == "行政处罚决定书"
    want = digital["penalty_decision"]
    assert doc.case_number.value == want.case_number.value == "青市监处罚〔2024〕17号"
    assert doc.fields["party"].value == want.fields["party"].value
    fine = [a.value["yuan"] for a in doc.fields["amounts"]]
    assert 50000.0 in fine and 50000.0 in [a.value["yuan"] for a in want.fields["amounts"]]
    assert case.summary["fine_yuan"] == 50000.0
    lines = _ocr_lines(doc, 1)
    assert cer("".join(b.text for b in lines), "".join(SCAN_DECISION)) <= 0.05
    assert [b.text for b in lines][0] == "行政处罚决定书"
    assert "当事人：青山县某某商贸有限公司" in [b.text for b in lines]


def test_mixed_scan_page_2_becomes_a_service_receipt(loaded, fixtures_dir, digital):
    case = loaded(fixtures_dir / "pdf_mixed_scan.pdf")
    assert case.errors == []
    assert [(d.type, d.pages, d.needs_ocr) for d in case.documents] == [
        ("penalty_decision", [1], False),
        ("service_receipt", [2], False),
    ]
    receipt = case.documents[1]
    want = digital["service_receipt"]
    assert receipt.service.recipient.value == want.service.recipient.value == "青山县某某商贸有限公司"
    assert receipt.service.date.value == want.service.date.value
    assert [b.text for b in _ocr_lines(receipt, 2)] == SCAN_SERVICE
    # Page 1 kept its text layer: no OCR there.
    assert all(b.confidence is None for b in case.documents[0].blocks)


def test_ocr_blocks_carry_page_box_confidence_and_page_break(loaded, fixtures_dir):
    case = loaded(fixtures_dir / "pdf_mixed_scan.pdf")
    lines = _ocr_lines(case.documents[1], 2)
    assert lines[0].page_break_before is True
    assert not any(b.page_break_before for b in lines[1:])
    for b in lines:
        assert b.kind == "paragraph" and b.loc.page == 2 and b.loc.paragraph
        assert 0.85 <= b.confidence <= 1.0
        x0, top, x1, bottom = b.bbox
        assert 0 <= x0 < x1 <= 595.5 and 0 <= top < bottom <= 842.5  # PDF points on an A4 page
    tops = [b.bbox[1] for b in lines]
    assert tops == sorted(tops)


def test_cid_garbage_page_is_read_from_its_rendering(loaded, fixtures_dir):
    case = loaded(fixtures_dir / "pdf_cid_garbage.pdf")
    assert case.errors == []
    doc = case.documents[0]
    assert doc.type == "penalty_decision" and doc.case_number.value == "青市监处罚〔2024〕17号"


def test_ocr_off_keeps_the_page_for_a_person(loaded, fixtures_dir):
    case = loaded(fixtures_dir / "image_scan.png", ocr=False)
    assert [(e.code) for e in case.errors] == ["needs_ocr"]
    assert [(d.needs_ocr, d.type) for d in case.documents] == [(True, "unknown")]


def test_no_engine_installed_keeps_todays_behaviour(fixtures_dir, monkeypatch):
    from casereview.api import load_case
    from casereview.parsers.ocr import engines

    monkeypatch.setattr(engines, "default_engine", lambda: None)
    case = load_case(fixtures_dir / "pdf_image_only.pdf")
    assert [(e.source, e.code) for e in case.errors] == [("pdf_image_only.pdf", "needs_ocr")]
    assert case.documents[0].needs_ocr is True


def test_seal_image_on_a_text_pdf_is_found_by_the_same_detector(fixtures_dir):
    """One detector over the picture, whatever its source: the rendered stamped PDF page has one seal."""
    from casereview.parsers.ocr.marks import find_seals
    from casereview.parsers.ocr.page import render_pdf_page

    image = render_pdf_page(fixtures_dir / "pdf_with_stamp.pdf", 1, dpi=100)
    seals = find_seals(image, 100)
    assert len(seals) == 1
    x0, y0, x1, y1 = (v * 72 / 100 for v in seals[0].box)
    # pdf_with_stamp's seal image stands at x0 393.3, top 231.9, x1 513.3, bottom 351.9 (README).
    assert abs(x0 - 393) < 12 and abs(y0 - 232) < 12 and abs(x1 - 513) < 12 and abs(y1 - 352) < 12
    assert seals[0].info.looks_like_seal
