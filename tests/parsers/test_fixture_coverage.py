"""Every fixture is read without an exception, and every fixture has an expectation here."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "files"

# fixture -> (format of what is read, or None when nothing is, error codes)
EXPECTED = {
    "archive.zip": ({"docx", "txt"}, []),
    "archive_bomb.zip": (None, ["too_large"]),
    "archive_nested.zip": ({"txt"}, []),
    "archive_traversal.zip": ({"txt"}, ["unsupported"]),
    "case_folder": ({"docx", "pdf", "txt"}, ["empty", "skipped"]),
    "docx_basic.docx": ({"docx"}, []),
    "docx_content_control.docx": ({"docx"}, []),
    "docx_is_really_pdf.docx": ({"pdf"}, ["extension_mismatch"]),
    "docx_nested_table.docx": ({"docx"}, []),
    "docx_pictures.docx": ({"docx"}, []),
    "docx_signature_fields.docx": ({"docx"}, []),
    "docx_textbox.docx": ({"docx"}, []),
    "docx_tracked_insert.docx": ({"docx"}, []),
    "docx_truncated.docx": (None, ["unreadable"]),
    "docx_zip_bomb.docx": (None, ["too_large"]),
    "empty.docx": (None, ["empty"]),
    "empty.pdf": (None, ["empty"]),
    "empty.txt": (None, ["empty"]),
    "image_corrupt.jpg": (None, ["unreadable"]),
    "image_scan.png": ({"image"}, []),
    "legacy.doc": ({"doc"}, []),
    "legacy.wps": ({"doc"}, []),
    "pdf_cid_garbage.pdf": ({"pdf"}, []),
    "pdf_encrypted.pdf": (None, ["encrypted"]),
    "pdf_fake_bold.pdf": ({"pdf"}, []),
    "pdf_image_only.pdf": ({"pdf"}, []),
    "pdf_is_really_docx.pdf": ({"docx"}, ["extension_mismatch"]),
    "pdf_mixed_scan.pdf": ({"pdf"}, []),
    "pdf_ruled_form.pdf": ({"pdf"}, []),
    "pdf_spaced.pdf": ({"pdf"}, []),
    "pdf_wrapped_amount.pdf": ({"pdf"}, []),
    "pdf_text_2pages.pdf": ({"pdf"}, []),
    "pdf_truncated.pdf": (None, ["unreadable"]),
    "pdf_with_stamp.pdf": ({"pdf"}, []),
    "text_fullwidth.txt": ({"txt"}, []),
    "text_gb18030.txt": ({"txt"}, []),
    "text_utf8.txt": ({"txt"}, []),
    "text_utf8_bom.txt": ({"txt"}, []),
}
_NEEDS_SOFFICE = {"legacy.doc", "legacy.wps"}


def test_every_fixture_has_an_expectation():
    assert sorted(p.name for p in FIXTURES.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_read_gives_content_or_named_errors(request, read_fixture, name):
    if name in _NEEDS_SOFFICE:
        request.getfixturevalue("soffice")
    formats, codes = EXPECTED[name]
    sources, errors = read_fixture(name)
    assert sorted(e.code for e in errors) == sorted(codes)
    read = [s for s in sources if s.blocks]
    if formats is None:
        assert read == []
    else:
        assert {s.format for s in read} == formats
        # content or OCR pages: nothing is silently empty
        assert all(any(b.text for b in s.blocks) or s.ocr_pages for s in read)
