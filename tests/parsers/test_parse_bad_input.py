"""Bad input: every broken, empty, hostile or mislabelled file becomes a CaseError naming it, never an exception."""

from __future__ import annotations

import re

import pytest

from casereview.api import load_case
from casereview.parsers import read_sources

CJK = re.compile(r"[\u4e00-\u9fff]")

# fixture -> the code of the one error it must give (and nothing read from it)
BAD_FILES = [
    ("pdf_encrypted.pdf", "encrypted"),
    ("pdf_truncated.pdf", "unreadable"),
    ("docx_truncated.docx", "unreadable"),
    ("empty.pdf", "empty"),
    ("empty.docx", "empty"),
    ("empty.txt", "empty"),
    ("docx_zip_bomb.docx", "too_large"),
    ("archive_bomb.zip", "too_large"),
    ("image_corrupt.jpg", "unreadable"),
]


@pytest.mark.parametrize(("name", "code"), BAD_FILES)
def test_bad_file_gives_one_named_error_with_code_and_chinese_reason(read_fixture, name, code):
    sources, errors = read_fixture(name)
    assert [(e.source, e.code) for e in errors] == [(name, code)]
    assert CJK.search(errors[0].reason), errors[0].reason
    assert not any(b.text for s in sources for b in s.blocks)


@pytest.mark.parametrize(("name", "code"), BAD_FILES)
def test_bad_file_loads_as_case_without_documents(fixtures_dir, name, code):
    case = load_case(fixtures_dir / name)
    assert case.documents == []  # never "document present"
    assert [e.code for e in case.errors] == [code]


@pytest.mark.parametrize(
    ("name", "real_format", "expected_text"),
    [
        (
            "docx_is_really_pdf.docx",
            "pdf",
            ["行政处罚决定书", "青市监处罚〔2024〕17号", "送达人 | 张伟、刘洋"],
        ),
        ("pdf_is_really_docx.pdf", "docx", ["行政处罚决定书", "青市监处罚〔2024〕17号", "2024年5月20日"]),
    ],
)
def test_extension_lie_reported_and_content_read_as_real_format(
    read_fixture, name, real_format, expected_text
):
    sources, errors = read_fixture(name)
    assert [(e.source, e.code) for e in errors] == [(name, "extension_mismatch")]
    assert CJK.search(errors[0].reason)
    assert len(sources) == 1 and sources[0].format == real_format
    texts = [
        line for b in sources[0].blocks for line in b.text.split("\n")
    ]  # a table block: one line per row
    for t in expected_text:
        assert t in texts


def test_extension_lie_pdf_content_keeps_its_pages(read_fixture):
    sources, _ = read_fixture("docx_is_really_pdf.docx")
    assert sources[0].page_count == 2
    assert {b.loc.page for b in sources[0].blocks} == {1, 2}


@pytest.mark.parametrize("name", ["docx_zip_bomb.docx", "archive_bomb.zip"])
def test_zip_bomb_refused_without_inflating(run_measured, fixtures_dir, name):
    path = fixtures_dir / name
    code = (
        "from casereview.parsers import read_sources; "
        f"s, e = read_sources({str(path)!r}); print([(x.source, x.code) for x in e])"
    )
    rc, out, err, peak_mb = run_measured(code)
    assert rc == 0, err
    assert out.strip() == repr([(name, "too_large")])
    assert peak_mb < 400, f"peak RSS {peak_mb:.0f} MiB: the bomb was inflated"


def test_docx_zip_bomb_never_handed_to_python_docx(monkeypatch, fixtures_dir):
    import docx

    def refuse(*args, **kwargs):
        raise AssertionError("docx.Document() called on a zip bomb")

    monkeypatch.setattr(docx, "Document", refuse)
    _, errors = read_sources(fixtures_dir / "docx_zip_bomb.docx")
    assert [e.code for e in errors] == ["too_large"]


def test_archive_bomb_members_never_opened(monkeypatch, fixtures_dir):
    import zipfile

    def refuse(self, *args, **kwargs):
        raise AssertionError("a member of the archive bomb was opened")

    monkeypatch.setattr(zipfile.ZipFile, "open", refuse)
    _, errors = read_sources(fixtures_dir / "archive_bomb.zip")
    assert [e.code for e in errors] == ["too_large"]


def test_corrupt_jpg_reported_as_damaged_image(read_fixture):
    sources, errors = read_fixture("image_corrupt.jpg")
    assert "图片" in errors[0].reason
    assert all(s.ocr_pages == [] for s in sources)  # nothing to OCR in a picture that does not decode


def test_empty_folder_gives_empty_error(tmp_path):
    case_dir = tmp_path / "空案卷"
    case_dir.mkdir()
    sources, errors = read_sources(case_dir)
    assert sources == []
    assert [(e.source, e.code) for e in errors] == [("空案卷", "empty")]
    assert CJK.search(errors[0].reason)


def test_nonexistent_path_gives_error_not_exception(tmp_path):
    missing = tmp_path / "没有这个案卷.pdf"
    sources, errors = read_sources(missing)
    assert sources == []
    assert len(errors) == 1
    assert "没有这个案卷.pdf" in errors[0].source
    assert errors[0].code == "unreadable"
    assert CJK.search(errors[0].reason)
    case = load_case(missing)
    assert case.documents == [] and [e.code for e in case.errors] == ["unreadable"]


def test_one_bad_file_does_not_stop_the_others(tmp_path, fixtures_dir):
    import shutil

    for name in ("pdf_encrypted.pdf", "docx_truncated.docx", "docx_basic.docx", "empty.txt"):
        shutil.copy2(fixtures_dir / name, tmp_path / name)
    sources, errors = read_sources(tmp_path)
    assert {(e.source, e.code) for e in errors} == {
        ("pdf_encrypted.pdf", "encrypted"),
        ("docx_truncated.docx", "unreadable"),
        ("empty.txt", "empty"),
    }
    assert [s.path for s in sources if s.blocks] == ["docx_basic.docx"]
