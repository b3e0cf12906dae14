"""Plain text in its encodings, scanned images, and legacy .doc/.wps through LibreOffice."""

from __future__ import annotations

import re

import pytest

from casereview.api import load_case

UTF8_LINES = [
    "青山县市场监督管理局",
    "行政处罚决定书",
    "青市监处罚〔2024〕17号",
    "当事人：青山县某某商贸有限公司",
    "法定代表人：王䶮",
    "当事人于2024年3月5日在其经营场所销售超过保质期的食品，违法所得人民币壹仟贰佰元整（¥1,200.00）。",
    "依据《中华人民共和国食品安全法》第一百二十四条第一款的规定，本局决定：没收违法所得，并处罚款人民币伍万元整（¥50,000.00）。",
    "青山县市场监督管理局",
    "二〇二四年五月二十日",
]


def _one_source(read_fixture, name):
    sources, errors = read_fixture(name)
    assert errors == [], errors
    assert len(sources) == 1
    return sources[0]


@pytest.mark.parametrize("name", ["text_utf8.txt", "text_gb18030.txt", "text_utf8_bom.txt"])
def test_text_encodings_decode_to_the_same_lines(read_fixture, name):
    src = _one_source(read_fixture, name)
    assert src.format == "txt"
    assert [b.text for b in src.blocks] == UTF8_LINES
    assert [b.loc.paragraph for b in src.blocks] == list(range(1, len(UTF8_LINES) + 1))


def test_text_gb18030_keeps_ext_a_character(read_fixture):
    src = _one_source(read_fixture, "text_gb18030.txt")
    assert "法定代表人：王䶮" in [b.text for b in src.blocks]  # U+4DAE: a 4-byte GB18030 sequence
    assert not any("\ufffd" in b.text for b in src.blocks)


def test_text_bom_not_in_text(read_fixture):
    src = _one_source(read_fixture, "text_utf8_bom.txt")
    assert src.blocks[0].text == "青山县市场监督管理局"
    assert not any("\ufeff" in b.text for b in src.blocks)


@pytest.mark.parametrize(
    "expected",
    ["青市监罚告〔2024〕9号", "于2024年3月5日", "ABC-123", "0578-12345678"],
)
def test_text_fullwidth_digits_and_letters_normalised(read_fixture, expected):
    src = _one_source(read_fixture, "text_fullwidth.txt")
    assert any(expected in b.text for b in src.blocks), [b.text for b in src.blocks]


def test_text_fullwidth_leaves_no_fullwidth_alphanumerics_or_ideographic_spaces(read_fixture):
    src = _one_source(read_fixture, "text_fullwidth.txt")
    for b in src.blocks:
        assert not re.search(r"[０-９Ａ-Ｚａ-ｚ\u3000]", b.text), b.text
        assert b.text == b.text.strip()


def test_image_scan_is_one_page_needing_ocr(read_fixture, fixtures_dir):
    src = _one_source(read_fixture, "image_scan.png")
    assert src.format == "image"
    assert src.page_count == 1
    assert src.ocr_pages == [1]
    assert [b.kind for b in src.blocks] == ["image"]
    assert (src.blocks[0].images[0].width, src.blocks[0].images[0].height) == (1240, 1754)
    case = load_case(fixtures_dir / "image_scan.png", ocr=False)
    assert [(d.needs_ocr, d.type, d.pages) for d in case.documents] == [(True, "unknown", [1])]


LEGACY_BODY = [
    "行政处罚决定书",
    "青市监处罚〔2024〕17号",
    "当事人：青山县某某商贸有限公司",
    "当事人于2024年3月5日在其经营场所销售超过保质期的食品，违法所得人民币壹仟贰佰元整（¥1,200.00）。",
    "依据《中华人民共和国食品安全法》第一百二十四条第一款的规定，本局决定：",
    "<table>",
    "如不服本决定，可以在收到本决定书之日起六十日内申请行政复议，也可以在六个月内提起行政诉讼。",
    "青山县市场监督管理局",
    "2024年5月20日",
]


@pytest.mark.parametrize("name", ["legacy.doc", "legacy.wps"])
def test_legacy_doc_and_wps_paragraphs_and_table_via_libreoffice(soffice, read_fixture, name):
    src = _one_source(read_fixture, name)
    assert src.format == "doc"
    body = [b for b in src.blocks if b.part == "body"]
    assert ["<table>" if b.kind == "table" else b.text for b in body] == LEGACY_BODY
    table = next(b for b in body if b.kind == "table")
    assert table.rows == [
        ["处罚种类", "没收违法所得", "罚款", "合计"],
        ["金额", "1,200.00元", "50,000.00元", "51,200.00元"],
    ]
    assert {b.text for b in src.blocks if b.part == "header"} == {"第一页页眉", "青山县市场监督管理局"}
