"""Cases delivered as a .zip or as a folder: member names, nesting, traversal, junk files."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from casereview.api import load_case
from casereview.parsers import read_sources


def _texts(src):
    """Every line: a paragraph line, or a row of a table (a PDF table rebuilt from its rules is one block)."""
    return [line for b in src.blocks if b.text for line in b.text.split("\n")]


def _by_path(sources):
    return {s.path: s for s in sources}


@pytest.mark.parametrize(
    ("member", "fmt", "first_line"),
    [
        ("告知书.txt", "txt", "行政处罚告知书"),  # GBK name without the UTF-8 flag, GBK content
        ("案卷/01 决定书.docx", "docx", "第一页页眉"),
        ("案卷/02 送达回证.txt", "txt", "送达回证"),
    ],
)
def test_archive_members_read_with_decoded_names(read_fixture, member, fmt, first_line):
    sources, errors = read_fixture("archive.zip")
    assert errors == []
    by_path = _by_path(sources)
    assert set(by_path) == {"告知书.txt", "案卷/01 决定书.docx", "案卷/02 送达回证.txt"}
    src = by_path[member]
    assert src.format == fmt
    assert _texts(src)[0] == first_line


def test_archive_gbk_member_name_and_content_decoded(read_fixture):
    sources, _ = read_fixture("archive.zip")
    src = _by_path(sources)["告知书.txt"]
    assert "青市监罚告〔2024〕9号" in _texts(src)
    assert not any("╕" in s.path or "\ufffd" in s.path for s in sources)
    assert not any("\ufffd" in t for t in _texts(src))


def test_archive_nested_zip_read(read_fixture):
    sources, errors = read_fixture("archive_nested.zip")
    assert errors == []
    inner = [s for s in sources if s.path.endswith("02 送达回证.txt")]
    assert len(inner) == 1
    assert "inner.zip" in inner[0].path
    assert _texts(inner[0])[0] == "送达回证"
    assert "受送达人：青山县某某商贸有限公司" in _texts(inner[0])
    assert any(s.path == "说明.txt" for s in sources)


def _no_evil_anywhere(*dirs: Path) -> None:
    for d in dirs:
        for up in (d, d.parent, d.parent.parent):
            assert not (up / "evil.txt").exists(), up


def test_archive_traversal_member_rejected_and_nothing_written(
    read_fixture, fixtures_dir, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    before = set(os.listdir(tempfile.gettempdir()))
    sources, errors = read_sources(fixtures_dir / "archive_traversal.zip")
    rejected = [e for e in errors if "evil.txt" in e.source]
    assert len(rejected) == 1
    assert "archive_traversal.zip" in rejected[0].source
    assert rejected[0].code == "unsupported"
    assert "不安全" in rejected[0].reason
    assert [e for e in errors if e not in rejected] == []
    assert [s.path for s in sources] == ["正常.txt"]  # the safe member is still read
    assert _texts(sources[0])[0] == "送达回证"
    assert not any("evil" in s.path for s in sources)
    _no_evil_anywhere(fixtures_dir, Path.cwd(), Path(tempfile.gettempdir()))
    assert list(tmp_path.iterdir()) == []
    assert not any("evil" in n for n in set(os.listdir(tempfile.gettempdir())) - before)


def test_case_folder_documents_read_empty_reported_junk_skipped(read_fixture):
    sources, errors = read_fixture("case_folder")
    assert [s.path for s in sources] == ["01 决定书.docx", "02 回证.pdf", "notes/说明.txt"]
    assert all(_texts(s) for s in sources)
    assert {(e.source, e.code) for e in errors} == {("03.pdf", "empty"), ("desktop.ini", "skipped")}
    assert not any("ShellClassInfo" in t for s in sources for t in _texts(s))


def test_case_folder_loads_three_documents(fixtures_dir):
    case = load_case(fixtures_dir / "case_folder")
    assert case.case_id == "case_folder"
    assert [d.source for d in case.documents] == ["01 决定书.docx", "02 回证.pdf", "notes/说明.txt"]
    assert [d.type for d in case.documents[:2]] == ["penalty_decision", "service_receipt"]
    empty = [e for e in case.errors if e.code == "empty"]
    assert [e.source for e in empty] == ["03.pdf"]
    assert not any(d.source == "desktop.ini" for d in case.documents)


def test_case_folder_pdf_receipt_table_lines(read_fixture):
    sources, _ = read_fixture("case_folder")
    receipt = _by_path(sources)["02 回证.pdf"]
    assert receipt.page_count == 1 and receipt.ocr_pages == []
    assert "送达时间 | 2024年5月21日" in _texts(receipt)
    assert all(b.loc.page == 1 for b in receipt.blocks)
