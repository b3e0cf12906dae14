""".docx parsing: reading order, tables, headers and everything python-docx's API drops.

Expected values are those of tests/fixtures/README.md ("DOCX" table).
"""

from __future__ import annotations

import pytest

DECISION_BODY = [
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
DECISION_TABLE = [
    ["处罚种类", "没收违法所得", "罚款", "合计"],
    ["金额", "1,200.00元", "50,000.00元", "51,200.00元"],
]


def _one_source(read_fixture, name):
    sources, errors = read_fixture(name)
    assert errors == [], errors
    assert len(sources) == 1
    return sources[0]


def _body(src):
    return [b for b in src.blocks if b.part == "body"]


def _all_text(src) -> str:
    return "\n".join(b.text for b in src.blocks)


def test_docx_paragraphs_and_table_in_document_order(read_fixture):
    src = _one_source(read_fixture, "docx_basic.docx")
    assert src.format == "docx"
    body = _body(src)
    assert ["<table>" if b.kind == "table" else b.text for b in body] == DECISION_BODY
    table = next(b for b in body if b.kind == "table")
    assert table.rows == DECISION_TABLE
    assert (
        table.text == "处罚种类 | 没收违法所得 | 罚款 | 合计\n金额 | 1,200.00元 | 50,000.00元 | 51,200.00元"
    )


def test_docx_block_locations_are_numbered_in_reading_order(read_fixture):
    src = _one_source(read_fixture, "docx_basic.docx")
    assert [b.loc.paragraph for b in src.blocks] == list(range(1, len(src.blocks) + 1))
    assert all(b.loc.source == "docx_basic.docx" and b.loc.page is None for b in src.blocks)


@pytest.mark.parametrize(
    ("part", "expected"),
    [
        ("header", {"第一页页眉", "青山县市场监督管理局"}),  # first-page header (titlePg) and default header
        ("footer", {"第1页"}),  # PAGE field: its cached result, not the instrText
    ],
)
def test_docx_headers_and_footers_incl_first_page_header(read_fixture, part, expected):
    src = _one_source(read_fixture, "docx_basic.docx")
    assert {b.text for b in src.blocks if b.part == part} == expected


def test_docx_first_page_header_is_read_before_the_body(read_fixture):
    src = _one_source(read_fixture, "docx_basic.docx")
    first_body = next(i for i, b in enumerate(src.blocks) if b.part == "body")
    headers = [i for i, b in enumerate(src.blocks) if b.part == "header"]
    assert headers and max(headers) < first_body
    assert not any("PAGE" in b.text for b in src.blocks)


def test_docx_nested_table_text_is_in_the_outer_cell(read_fixture):
    src = _one_source(read_fixture, "docx_nested_table.docx")
    tables = [b for b in src.blocks if b.kind == "table"]
    assert len(tables) == 1  # the nested table is no block of its own
    rows = tables[0].rows
    assert rows[0] == ["检查时间", "2024年3月5日"]
    assert rows[1][0] == "检查情况"
    cell = rows[1][1]
    for fragment in ("外层单元格文字", "内层表格文字", "过期食品12件"):
        assert fragment in cell
    assert cell.index("外层单元格文字") < cell.index("内层表格文字") < cell.index("过期食品12件")
    assert _all_text(src).count("内层表格文字") == 1
    assert src.blocks[-1].text == "以上笔录经当事人核对无误。"


def test_docx_text_box_read_exactly_once(read_fixture):
    src = _one_source(read_fixture, "docx_textbox.docx")
    text = _all_text(src)
    assert text.count("文本框中的文字") == 1  # mc:Choice read, mc:Fallback skipped
    assert "正文前正文后" in [b.text for b in src.blocks]
    assert src.blocks[-1].text == "被询问人：李明"


def test_docx_tracked_insertion_read_and_deleted_text_never_read(read_fixture):
    src = _one_source(read_fixture, "docx_tracked_insert.docx")
    assert [b.text for b in src.blocks] == [
        "行政处罚决定书",
        "当事人于2024年3月5日插入的文字销售过期食品。",
        "罚款人民币伍万元整。",
    ]
    assert "删除的文字" not in _all_text(src)


def test_docx_inline_and_block_content_controls_both_read(read_fixture):
    src = _one_source(read_fixture, "docx_content_control.docx")
    assert [b.text for b in src.blocks] == [
        "行政处罚决定书",
        "当事人：青山县某某商贸有限公司（以下简称当事人）",  # inline w:sdt
        "内容控件中的文字",  # block-level w:sdt, its own paragraph
        "罚款人民币伍万元整。",
    ]


def test_docx_signature_picture_attached_to_signature_paragraph_as_ink(read_fixture):
    src = _one_source(read_fixture, "docx_pictures.docx")
    block = next(b for b in src.blocks if b.text == "当事人签名：")
    assert len(block.images) == 1
    sig = block.images[0]
    assert sig.looks_like_ink
    assert not sig.looks_like_seal


def test_docx_floating_seal_attached_to_closing_paragraph(read_fixture):
    src = _one_source(read_fixture, "docx_pictures.docx")
    block = next(b for b in src.blocks if b.text == "青山县市场监督管理局")
    assert len(block.images) == 1  # the wp:anchor picture python-docx's inline_shapes misses
    seal = block.images[0]
    assert seal.looks_like_seal
    assert not seal.looks_like_ink
    following = src.blocks[src.blocks.index(block) + 1]
    assert following.text == "2024年5月20日"


def test_docx_picture_in_table_cell_has_its_cell_position(read_fixture):
    src = _one_source(read_fixture, "docx_pictures.docx")
    table = next(b for b in src.blocks if b.kind == "table")
    assert table.rows[0][0] == "现场照片"
    assert len(table.images) == 1
    assert table.image_cells == [(0, 1)]
    assert not table.images[0].looks_like_seal


def test_docx_every_picture_counted_once(read_fixture):
    src = _one_source(read_fixture, "docx_pictures.docx")
    images = [img for b in src.blocks for img in b.images]
    assert len(images) == 3  # 2 wp:inline + 1 wp:anchor, as in word/media
    assert len({img.digest for img in images}) == 3


def test_docx_photo_in_table_cell_is_not_taken_for_a_signature(read_fixture):
    src = _one_source(read_fixture, "docx_pictures.docx")
    photo = next(b for b in src.blocks if b.kind == "table").images[0]
    assert not photo.looks_like_ink


def test_docx_each_signature_picture_belongs_to_the_field_it_follows(tmp_path):
    """询问人（签名）：[picture]  记录人（签名）：[picture] — one picture per field, not both to the last."""
    import shutil

    from casereview.api import load_case
    from tests.conftest import FIXTURES

    shutil.copy(FIXTURES / "docx_signature_fields.docx", tmp_path / "record.docx")
    record = load_case(tmp_path).documents[0]
    sigs = {s.value.role: s.value for s in record.signatures}
    assert (sigs["询问人"].kind, sigs["询问人"].images) == ("image", 1)
    assert (sigs["记录人"].kind, sigs["记录人"].images) == ("image", 1)


def test_docx_picture_places_follow_field_gaps():
    from casereview.parsers.docx import _PICTURE, picture_places

    raw = f"询问人（签名）：{_PICTURE}\t\t记录人（签名）：{_PICTURE}\n{_PICTURE}"
    assert picture_places(raw) == [(0, 0), (0, 1), (0, 1)]  # a picture on a line of its own: the field before
