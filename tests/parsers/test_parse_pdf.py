"""PDF parsing: text and pages, fake bold, broken text layers, scans, seals and signatures, spacing.

Expected values are those of tests/fixtures/README.md ("PDF" table).
"""

from __future__ import annotations

import re

import pytest

from casereview.api import extract_case, load_case

PAGE1_LINES = [
    "青山县市场监督管理局",
    "行政处罚决定书",
    "青市监处罚〔2024〕17号",
    "当事人：青山县某某商贸有限公司",
    "统一社会信用代码：91331123MA2B3C4D5E",
    "当事人于2024年3月5日在其经营场所销售超过保质期的食品，",
    "违法所得人民币壹仟贰佰元整（¥1,200.00）。",
    "本局决定：没收违法所得，并处罚款人民币伍万元整（¥50,000.00）。",
    "二〇二四年五月二十日",
]
# p2: the ruled 6 x 2 送达回证 table, one row per line, cells split by " | ".
PAGE2_LINES = [
    "送达回证",
    "送达文书 | 行政处罚决定书（青市监处罚〔2024〕17号）",
    "受送达人 | 青山县某某商贸有限公司",
    "送达时间 | 2024年5月21日",
    "送达地点 | 青山县城关镇解放路88号",
    "送达方式 | 直接送达",
    "送达人 | 张伟、刘洋",
    "备注：当事人拒绝签收的，由送达人注明情况。",
]
_GARBAGE = re.compile(r"\(cid:\d+\)|[\x00-\x08\x0b-\x1f\ufffd€‚]")


def _one_source(read_fixture, name):
    sources, errors = read_fixture(name)
    assert errors == [], errors
    assert len(sources) == 1
    src = sources[0]
    assert src.format == "pdf"
    return src


def _texts(src, page=None):
    """The page's lines: a paragraph line, or a row of a table rebuilt from its rules."""
    return [
        line
        for b in src.blocks
        if b.text and (page is None or b.loc.page == page)
        for line in b.text.split("\n")
    ]


@pytest.mark.parametrize(("page", "lines"), [(1, PAGE1_LINES), (2, PAGE2_LINES)])
def test_pdf_text_of_both_pages_with_page_numbers(read_fixture, page, lines):
    src = _one_source(read_fixture, "pdf_text_2pages.pdf")
    assert src.page_count == 2
    assert src.ocr_pages == []
    texts = _texts(src, page)
    for line in lines:
        assert line in texts, (line, texts)
    # reading order is kept within the page
    positions = [texts.index(line) for line in lines]
    assert positions == sorted(positions)


def test_pdf_every_block_has_its_page_and_pages_are_in_order(read_fixture):
    src = _one_source(read_fixture, "pdf_text_2pages.pdf")
    pages = [b.loc.page for b in src.blocks]
    assert set(pages) == {1, 2}
    assert pages == sorted(pages)
    assert _texts(src, 1)[-1] == "二〇二四年五月二十日"
    assert _texts(src, 2)[-1] == "备注：当事人拒绝签收的，由送达人注明情况。"
    assert all(b.loc.source == "pdf_text_2pages.pdf" for b in src.blocks)


def test_pdf_fake_bold_title_read_once(read_fixture):
    src = _one_source(read_fixture, "pdf_fake_bold.pdf")
    assert _texts(src) == ["行政处罚决定书", "当事人：青山县某某商贸有限公司"]
    assert not any("行行政政" in t for t in _texts(src))


def test_pdf_cid_garbage_page_goes_to_ocr_without_garbage_text(read_fixture):
    src = _one_source(read_fixture, "pdf_cid_garbage.pdf")
    assert src.page_count == 1
    assert src.ocr_pages == [1]
    for b in src.blocks:
        assert not _GARBAGE.search(b.text), repr(b.text)
        assert "2024" not in b.text  # the surviving ASCII digits are not read as text either
    assert _texts(src) == []


@pytest.mark.parametrize("name", ["pdf_image_only.pdf", "pdf_cid_garbage.pdf"])
def test_pdf_unreadable_page_loads_as_needs_ocr_document_never_empty(name, fixtures_dir):
    case = load_case(fixtures_dir / name, ocr=False)  # the parser alone: OCR is tests/ocr
    assert {(e.source, e.code) for e in case.errors} <= {(name, "needs_ocr")}  # flagged, never "empty"
    assert len(case.documents) == 1
    doc = case.documents[0]
    assert doc.needs_ocr is True
    assert doc.pages == [1]
    assert doc.blocks, "an OCR page is a document with its page, never an empty document"
    assert doc.type == "unknown"  # not typed as anything specific before OCR
    assert doc.title == ""
    assert not any(e.code == "empty" for e in case.errors)


def test_pdf_image_only_page_listed_for_ocr(read_fixture):
    src = _one_source(read_fixture, "pdf_image_only.pdf")
    assert src.page_count == 1
    assert src.ocr_pages == [1]
    assert _texts(src) == []
    assert [b.kind for b in src.blocks] == ["image"]
    assert src.blocks[0].loc.page == 1


def test_pdf_image_only_in_extract_case_json(fixtures_dir):
    data = extract_case(fixtures_dir / "pdf_image_only.pdf", ocr=False)
    assert [d["needs_ocr"] for d in data["documents"]] == [True]
    assert data["documents"][0]["type"] == "unknown"
    assert not any(e["code"] == "empty" for e in data["errors"])


def test_pdf_mixed_scan_only_page_2_needs_ocr(read_fixture, fixtures_dir):
    src = _one_source(read_fixture, "pdf_mixed_scan.pdf")
    assert src.page_count == 2
    assert src.ocr_pages == [2]
    page1 = _texts(src, 1)
    for line in PAGE1_LINES:
        assert line in page1
    assert _texts(src, 2) == []
    case = load_case(fixtures_dir / "pdf_mixed_scan.pdf", ocr=False)
    by_page = {tuple(d.pages): d for d in case.documents}
    assert set(by_page) == {(1,), (2,)}
    assert by_page[(1,)].needs_ocr is False
    assert by_page[(1,)].type == "penalty_decision"
    assert by_page[(2,)].needs_ocr is True
    assert by_page[(2,)].type == "unknown"


def test_pdf_stamp_seal_attached_to_a_closing_line(read_fixture):
    src = _one_source(read_fixture, "pdf_with_stamp.pdf")
    seals = [(b, img) for b in src.blocks for img in b.images if img.looks_like_seal]
    assert len(seals) == 1
    block, seal = seals[0]
    assert block.text in ("青山县市场监督管理局", "二〇二四年五月二十日")
    assert not seal.looks_like_ink
    assert seal.bbox is not None and seal.bbox[0] > 390  # the image over the agency and date


def test_pdf_signature_scribble_attached_to_signature_line_as_ink(read_fixture):
    src = _one_source(read_fixture, "pdf_with_stamp.pdf")
    block = next(b for b in src.blocks if b.text.startswith("当事人签名："))
    assert block.text == "当事人签名： | 日期：2024年5月21日"
    assert len(block.images) == 1
    sig = block.images[0]
    assert sig.looks_like_ink
    assert not sig.looks_like_seal


def test_pdf_stamp_text_under_the_seal_intact(read_fixture):
    src = _one_source(read_fixture, "pdf_with_stamp.pdf")
    assert _texts(src) == [
        "行政处罚决定书",
        "青市监处罚〔2024〕17号",
        "当事人应当自收到本决定书之日起十五日内缴纳罚款。",
        "当事人签名： | 日期：2024年5月21日",
        "青山县市场监督管理局",
        "二〇二四年五月二十日",
    ]
    assert src.ocr_pages == []


@pytest.mark.parametrize(
    "expected",
    [
        "行政处罚告知书",
        "于2024年3月5日",
        "拟处罚款人民币50000元。",
        "陈述申辩权利",
        "青山县某某商贸有限公司：",
    ],
)
def test_pdf_spaced_text_normalised(read_fixture, expected):
    src = _one_source(read_fixture, "pdf_spaced.pdf")
    assert any(expected in t for t in _texts(src)), _texts(src)
    assert not any("行 政" in t or "2024 年" in t for t in _texts(src))


def test_pdf_spaced_case_number_bracket_canonicalised_by_extract_case(fixtures_dir):
    data = extract_case(fixtures_dir / "pdf_spaced.pdf")
    assert [d["case_number"] for d in data["documents"]] == ["青市监罚告〔2024〕9号"]


def _lines(read_fixture, name, page):
    from casereview.extract.doctext import DocText
    from casereview.parsers.classify import split_source

    src = _one_source(read_fixture, name)
    docs = [d for d in split_source(src) if d.pages == [page]]
    return [line for d in docs for line in DocText(d).lines]


def test_ruled_form_cells_are_rebuilt_from_their_rules(read_fixture):
    """A wrapped cell is one cell (its broken certificate number whole), as a .docx table gives it."""
    texts = [line.text for line in _lines(read_fixture, "pdf_ruled_form.pdf", 1)]
    assert "询问人 | 周立新（执法证号：鲁交执3708150）" in texts
    assert "记录人 | 孟凡杰（执法证号：鲁交执3708162）" in texts
    assert all(
        line.row is not None
        for line in _lines(read_fixture, "pdf_ruled_form.pdf", 1)
        if line.text.startswith(("询问时间", "被询问人 |"))
    )


def test_ruled_form_keeps_empty_cells_and_puts_pictures_in_their_cell(read_fixture):
    lines = _lines(read_fixture, "pdf_ruled_form.pdf", 2)
    receipt = next(line for line in lines if line.text.startswith("受送达人签名或盖章"))
    assert receipt.cells == [
        "受送达人签名或盖章",
        "",
        "2024年5月20日",
    ]  # the label broken in its column, whole
    assert receipt.images_in_cell(1) == []
    server = next(line for line in lines if line.cells[0] == "送达人")
    assert [img.looks_like_ink for img in server.images_in_cell(1)] == [True]


def test_ruled_form_read_by_meaning(tmp_path):
    import shutil

    from tests.conftest import FIXTURES

    shutil.copy(FIXTURES / "pdf_ruled_form.pdf", tmp_path / "form.pdf")
    case = load_case(tmp_path)
    record, receipt = case.documents
    assert [(o.value.name, o.value.cert_no) for o in record.record.officers] == [
        ("周立新", "鲁交执3708150"),
        ("孟凡杰", "鲁交执3708162"),
    ]
    sig = next(s.value for s in receipt.signatures_of({"受送达人"}))
    assert (sig.signed, sig.kind) == (False, "blank")


def test_a_grid_drawn_as_one_path_is_rebuilt_too(tmp_path):
    """Some writers draw a whole table as one path of rectangles: its edges are the rules."""
    import io

    from tests.fixtures.make_fixtures import LEFT, new_canvas

    buf = io.BytesIO()
    c = new_canvas(buf)
    path = c.beginPath()
    for row in range(2):
        for x0, x1 in ((LEFT, LEFT + 90), (LEFT + 90, LEFT + 400)):
            path.rect(x0, 700 - row * 34, x1 - x0, 34)
    c.drawPath(path, stroke=1, fill=0)
    c.setFont("UMing", 11)
    c.drawString(LEFT + 4, 721, "检查人员")
    c.drawString(LEFT + 94, 721, "付明（执法证号：陕HB")
    c.drawString(LEFT + 94, 707, "21041）")
    c.drawString(LEFT + 4, 687, "记录人")
    c.drawString(LEFT + 94, 687, "武丰美")
    c.showPage()
    c.save()
    (tmp_path / "form.pdf").write_bytes(buf.getvalue())
    from casereview.parsers import read_sources

    sources, errors = read_sources(tmp_path)
    assert errors == []
    tables = [b for b in sources[0].blocks if b.kind == "table"]
    assert tables and tables[0].rows == [["检查人员", "付明（执法证号：陕HB21041）"], ["记录人", "武丰美"]]
