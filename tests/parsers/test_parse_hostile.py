"""Hostile input inside one case: each attack of issue 11 read safely, quickly and reported by file name.

The files are built with the fuzz generator's helpers (``tests/fuzz/generate.py``);
the whole campaign runs in ``tests/fuzz``. Each test here pins one behaviour.
"""

from __future__ import annotations

import os
import re
import threading
import time
import zipfile

import pytest

from casereview.parsers import Limits, read_sources
from tests.fuzz import generate as g

CJK = re.compile(r"[\u4e00-\u9fff]")


def _errors(errors) -> dict[str, str]:
    return {e.source: e.code for e in errors}


def _texts(sources) -> str:
    return "\n".join(b.text for s in sources for b in s.blocks)


def _read_within(path, seconds: float = 20.0, limits: Limits | None = None):
    """read_sources in a thread: a regression that blocks (a FIFO opened) fails the test instead of hanging it."""
    out: dict = {}

    def run():
        out["value"] = read_sources(path, limits) if limits else read_sources(path)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(seconds)
    assert "value" in out, f"reading {path} took more than {seconds} s"
    return out["value"]


@pytest.fixture
def ctx(tmp_path):
    import random

    return g.Ctx(random.Random(0), g._outside(tmp_path / "outside-root"), g.sample_files())


# -- the case folder: special files, links, hidden and locked entries ---------------------------------


def test_fifo_device_socket_reported_never_opened(tmp_path, ctx):
    case = tmp_path / "case"
    g._fifo(case, ctx)
    spec = g._devices(case, ctx)
    sources, errors = _read_within(case, 10)
    got = _errors(errors)
    for name in ["管道.pdf", "附件/pipe.txt", *spec["bad"]]:
        assert got[name] == "unsupported", name
    assert [s.path for s in sources] == ["决定书.docx"]
    assert all(CJK.search(e.reason) for e in errors)


def test_fifo_given_as_the_case_is_reported(tmp_path):
    os.mkfifo(tmp_path / "案卷.pdf")
    sources, errors = _read_within(tmp_path / "案卷.pdf", 10)
    assert sources == [] and [(e.source, e.code) for e in errors] == [("案卷.pdf", "unsupported")]


def test_symlinks_out_of_the_case_refused_and_never_read(tmp_path, ctx):
    case = tmp_path / "batch" / "case"
    case.parent.mkdir()
    spec = g._symlinks_out(case, ctx)
    sources, errors = read_sources(case)
    got = _errors(errors)
    assert {b: got.get(b) for b in spec["bad"]} == {b: "unreadable" for b in spec["bad"]}
    assert [s.path for s in sources] == ["决定书.docx"]
    assert g.MARKER not in _texts(sources) and "root:x:0:0" not in _texts(sources)
    assert all("案卷文件夹以外" in e.reason for e in errors)


def test_symlink_loops_dangling_and_duplicates(tmp_path, ctx):
    case = tmp_path / "case"
    g._symlink_loops(case, ctx)
    sources, errors = _read_within(case, 10)
    got = _errors(errors)
    assert got["a.pdf"] == got["b.pdf"] == got["断链.pdf"] == "unreadable"
    assert got["自身"] == got["子目录/回到上级"] == "skipped"
    assert got["别名.docx"] == "skipped" and "决定书.docx" in next(
        e.reason for e in errors if e.source == "别名.docx"
    )
    assert [s.path for s in sources] == ["决定书.docx"]  # read once


def test_link_inside_the_case_to_a_file_otherwise_hidden_is_read(tmp_path):
    case = tmp_path / "case"
    (case / ".原件").mkdir(parents=True)
    (case / ".原件" / "决定书.docx").write_bytes(g.good_docx())
    os.symlink(".原件/决定书.docx", case / "决定书.docx")
    sources, errors = read_sources(case)
    assert [s.path for s in sources] == ["决定书.docx"] and sources[0].blocks
    assert _errors(errors) == {".原件": "skipped"}


def test_hidden_lock_and_system_entries_reported_not_read(tmp_path, ctx):
    case = tmp_path / "case"
    spec = g._hidden(case, ctx)
    sources, errors = read_sources(case)
    assert _errors(errors) == {b: "skipped" for b in spec["bad"]}
    assert [s.path for s in sources] == ["决定书.docx"]
    assert "隐藏" in next(e.reason for e in errors if e.source == ".隐藏.docx")


def test_folder_with_only_skipped_entries_says_so(tmp_path):
    case = tmp_path / "case"
    case.mkdir()
    (case / ".DS_Store").write_bytes(b"\0" * 10)
    _, errors = read_sources(case)
    assert [(e.source, e.code) for e in errors] == [(".DS_Store", "skipped"), ("case", "empty")]


def test_unreadable_folder_and_file_reported(tmp_path, monkeypatch):
    case = tmp_path / "case"
    (case / "锁定文件夹").mkdir(parents=True)
    (case / "锁定文件夹" / "告知书.docx").write_bytes(g.good_docx())
    (case / "锁定.docx").write_bytes(g.good_docx())
    (case / "决定书.docx").write_bytes(g.good_docx())
    real_scandir, real_open = os.scandir, os.open

    def scandir(path):
        if str(path).endswith("锁定文件夹"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    def open_(path, flags, *args):
        if str(path).endswith("锁定.docx"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "scandir", scandir)  # as root, chmod 000 would not stop the read
    monkeypatch.setattr(os, "open", open_)
    sources, errors = read_sources(case)
    assert _errors(errors) == {"锁定文件夹": "unreadable", "锁定.docx": "unreadable"}
    assert [s.path for s in sources] == ["决定书.docx"]


# -- every parser failure is an error on its file ----------------------------------------------------


@pytest.mark.parametrize(
    ("exc", "code"),
    [
        (RuntimeError("boom"), "unreadable"),
        (KeyError("rId9"), "unreadable"),
        (RecursionError(), "unreadable"),
        (MemoryError(), "too_large"),
    ],
)
def test_a_parser_that_raises_loses_only_its_file(tmp_path, monkeypatch, exc, code):
    import casereview.parsers.docx as docx_parser

    case = tmp_path / "case"
    case.mkdir()
    (case / "坏.docx").write_bytes(g.good_docx())
    (case / "好.txt").write_text("行政处罚决定书\n", encoding="utf-8")

    def broken(*args, **kwargs):
        raise exc

    monkeypatch.setattr(docx_parser, "read_docx", broken)
    sources, errors = read_sources(case)
    assert [(e.source, e.code) for e in errors] == [("坏.docx", code)]
    assert CJK.search(errors[0].reason)
    assert [s.path for s in sources] == ["好.txt"]


def test_zip_members_that_fail_to_inflate_each_reported(tmp_path, ctx):
    case = tmp_path / "case"
    g._zip_bad_streams(case, ctx)
    g._encrypted(case, ctx)
    sources, errors = read_sources(case)
    got = _errors(errors)
    assert got["坏流.zip/告知书.docx"] == "unreadable"  # zlib.error
    assert got["校验错.zip/告知书.docx"] == "unreadable" and "CRC" in next(
        e.reason for e in errors if e.source == "校验错.zip/告知书.docx"
    )
    assert got["未知压缩.zip/告知书.docx"] == "unsupported"  # NotImplementedError: deflate64
    assert got["加密压缩包.zip/告知书.docx"] == "encrypted"
    assert got["坏流.docx"] == "unreadable"
    assert "坏流.zip/决定书2.docx" in [s.path for s in sources]  # the intact member beside the broken one


def test_zip_hidden_and_macos_members_reported(tmp_path):
    path = tmp_path / "案卷.zip"
    path.write_bytes(
        g.zip_bytes(
            [
                ("决定书.docx", g.good_docx()),
                ("__MACOSX/._决定书.docx", b"\0" * 40),
                (".隐藏.txt", b"x"),
                ("Thumbs.db", b"\0" * 40),
            ]
        )
    )
    sources, errors = read_sources(path)
    assert _errors(errors) == {"__MACOSX": "skipped", ".隐藏.txt": "skipped", "Thumbs.db": "skipped"}
    assert [s.path for s in sources] == ["决定书.docx"]


def test_too_many_zip_members_refused(tmp_path):
    path = tmp_path / "案卷.zip"
    path.write_bytes(g.zip_bytes([(f"{i}.txt", b"x") for i in range(30)]))
    sources, errors = read_sources(path, Limits(max_zip_members=20))
    assert sources == [] and [(e.source, e.code) for e in errors] == [("案卷.zip", "too_large")]


def test_zip_directories_of_too_many_entries_refused_before_parsing(tmp_path, ctx, monkeypatch):
    case = tmp_path / "case"
    spec = g._zip_many(case, ctx)
    monkeypatch.setattr(zipfile.ZipFile, "__init__", lambda *a, **k: pytest.fail("the directory was parsed"))
    sources, errors = read_sources(case / "三十万项.zip")
    assert sources == [] and [e.code for e in errors] == ["too_large"] and "65535" in errors[0].reason
    _, errors = read_sources(case / "谎报项数.zip")  # declares one entry, holds 100,000
    assert [e.code for e in errors] == ["too_large"] and "目录" in errors[0].reason
    assert spec["bad"] == ["三十万项.zip", "谎报项数.zip"]


def test_office_package_without_word_body_is_one_error(tmp_path):
    members = [("[Content_Types].xml", g._CT), ("_rels/.rels", g._RELS), ("word/styles.xml", b"<x/>")]
    (tmp_path / "a.docx").write_bytes(g.zip_bytes(members))
    (tmp_path / "b.xlsx").write_bytes(
        g.zip_bytes([("[Content_Types].xml", g._CT), ("xl/workbook.xml", b"<x/>")])
    )
    sources, errors = read_sources(tmp_path)
    assert _errors(errors) == {"a.docx": "unreadable", "b.xlsx": "unsupported"}
    assert sources == []


def test_docx_missing_parts_each_one_error(tmp_path, ctx):
    case = tmp_path / "case"
    spec = g._missing_parts(case, ctx)
    sources, errors = read_sources(case)
    got = _errors(errors)
    for name in spec["bad"]:
        assert got.get(name) == "unreadable", (name, got)
    assert not any("/" in e.source for e in errors)  # a damaged .docx is one error, never a list of its parts
    assert "缺页眉.docx" in got


# -- PDFs ------------------------------------------------------------------------------------------


def test_reference_cycle_pdf_bounded_and_reported(tmp_path, ctx):
    case = tmp_path / "case"
    spec = g._ref_cycle(case, ctx)
    t0 = time.monotonic()
    sources, errors = _read_within(case, 60)
    assert time.monotonic() - t0 < 30  # was: forever (pdfminer's resolve1 on 2 0 obj 2 0 R)
    assert {b: _errors(errors).get(b) for b in spec["bad"]} == {b: "unreadable" for b in spec["bad"]}
    assert "决定书.docx" in [s.path for s in sources if s.blocks]


def test_pdfminer_child_killed_past_its_time():
    from casereview.parsers.pdf_fallback import FallbackFailed, read_fallback

    with pytest.raises(FallbackFailed) as info:
        read_fallback(
            g.pdf_bytes([b"<</Type/Catalog/Pages 2 0 R>>", b"2 0 R"]), 10, timeout_s=0.01, memory_mb=512
        )
    assert info.value.code == "unreadable" and "超过" in info.value.reason


def test_page_that_fails_to_load_reported_others_read(tmp_path):
    objs = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R 2 0 R]/Count 2>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>",
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
        g.stream(b"", b"BT /F1 14 Tf 72 700 Td (Administrative penalty decision) Tj ET"),
    ]
    (tmp_path / "a.pdf").write_bytes(g.pdf_bytes(objs))
    sources, errors = read_sources(tmp_path / "a.pdf")
    assert [(e.source, e.code) for e in errors] == [("a.pdf", "unreadable")]
    assert "第 2 页" in errors[0].reason
    assert "Administrative penalty decision" in _texts(sources)


def test_blank_decoding_text_layer_goes_to_ocr_and_blank_pdf_reported(tmp_path, ctx):
    case = tmp_path / "case"
    g._blank_decoding(case, ctx)
    sources, errors = read_sources(case)
    by = {s.path: s for s in sources}
    assert by["空白文字层.pdf"].ocr_pages == [1]  # glyphs drawn, text decodes to spaces: read by OCR
    assert _errors(errors) == {
        "空白页.pdf": "unreadable"
    }  # blank or damaged: left for a person, never "missing"
    from casereview.api import load_case

    case_model = load_case(case, ocr=False)
    assert ("空白文字层.pdf", "needs_ocr") in {(e.source, e.code) for e in case_model.errors}


def test_200k_text_objects_read_in_linear_time(tmp_path):
    (tmp_path / "t.pdf").write_bytes(g._text_objects_pdf(200_000))
    t0 = time.monotonic()
    sources, errors = read_sources(tmp_path / "t.pdf")
    elapsed = time.monotonic() - t0
    assert errors == []
    assert elapsed < 30, elapsed  # was hours: one bounded-text query per run, each scanning the page
    assert sources[0].blocks[0].text.startswith("ab")


def test_char_runs_read_a_normal_page_as_the_bounded_queries_do(monkeypatch, fixtures_dir):
    """The linear path (for pages of very many runs) gives the same lines on an ordinary page."""
    import casereview.parsers.pdf as pdf_parser

    before, _ = read_sources(fixtures_dir / "pdf_text_2pages.pdf")
    monkeypatch.setattr(pdf_parser, "_BOUNDED_WORK", 0)
    after, _ = read_sources(fixtures_dir / "pdf_text_2pages.pdf")
    assert [b.text for b in after[0].blocks] == [b.text for b in before[0].blocks]


def test_page_count_and_deadline_caps_reported(tmp_path, ctx):
    case = tmp_path / "case"
    g._many_pages(case, ctx)
    sources, errors = read_sources(case / "两万页.pdf", Limits(max_pages=50))
    assert sources[0].page_count == 20_000 and {b.loc.page for b in sources[0].blocks} == set(range(1, 51))
    assert [e.code for e in errors] == ["too_large"] and "20000" in errors[0].reason
    sources, errors = read_sources(case / "两万页.pdf", Limits(max_file_seconds=0))
    assert [e.code for e in errors] == ["too_large", "too_large"] and "读取超时" in errors[1].reason


def test_big_image_object_in_a_pdf_never_decoded(tmp_path, ctx, run_measured):
    case = tmp_path / "case"
    g._pdf_image_bomb(case, ctx)
    code = (
        "from casereview.parsers import read_sources\n"
        f"s, e = read_sources({str(case / '图片炸弹.pdf')!r})\n"
        "imgs = [i for b in s[0].blocks for i in b.images]\n"
        "print([(i.width, i.height, i.red_share) for i in imgs], e)"
    )
    rc, out, err, peak = run_measured(code)
    assert rc == 0, err
    assert out.strip() == "[(20000, 20000, None)] []"  # known by its header, not measured
    assert peak < 400, peak  # was 3.2 GB: pdfium rendered the 400-megapixel picture to measure its colours


# -- .docx -----------------------------------------------------------------------------------------


def test_gridspan_of_two_billion_capped(tmp_path, ctx, run_measured):
    case = tmp_path / "case"
    g._gridspan(case, ctx)
    code = (
        "from casereview.parsers import read_sources\n"
        f"s, e = read_sources({str(case / '跨列.docx')!r})\n"
        "t = [b for b in s[0].blocks if b.kind == 'table'][0]\n"
        "print(max(len(r) for r in t.rows), e)"
    )
    rc, out, err, peak = run_measured(code)
    assert rc == 0, err
    assert (
        out.strip() == "64 []"
    )  # 63 columns spanned, then the row's second cell; was 2,000,000,000 cells, 6-14 GB
    assert peak < 400


def test_xxe_and_billion_laughs_harmless(tmp_path, ctx):
    case = tmp_path / "case"
    g._xxe(case, ctx)
    g._laughs(case, ctx)
    t0 = time.monotonic()
    sources, errors = read_sources(case)
    assert time.monotonic() - t0 < 10
    assert g.MARKER not in _texts(sources)  # the external entity is never fetched
    assert "lollol" not in _texts(sources)  # nor internal ones expanded
    assert "当事人：" in _texts(sources)
    assert set(_errors(errors)) <= {"十亿笑.docx"}


def test_docx_block_cap(tmp_path):
    body = "".join(g.para(f"第{i}段") for i in range(3000))
    (tmp_path / "a.docx").write_bytes(g.docx_bytes(body))
    sources, errors = read_sources(tmp_path / "a.docx", Limits(max_blocks=1000))
    assert len(sources[0].blocks) == 1000
    assert [(e.source, e.code) for e in errors] == [("a.docx", "too_large")] and "1000" in errors[0].reason


def test_docx_xml_part_cap(tmp_path):
    body = "".join(g.para("询问笔录内容" * 10) for _ in range(3000))
    (tmp_path / "a.docx").write_bytes(g.docx_bytes(body))
    sources, errors = read_sources(tmp_path / "a.docx", Limits(max_xml_bytes=100_000))
    assert sources[0].blocks == [] and [e.code for e in errors] == ["too_large"]
    assert "word/document.xml" in errors[0].reason


# -- text, and the case's own caps ----------------------------------------------------------------------


def test_millions_of_short_lines_capped_in_bounded_memory(tmp_path, ctx, run_measured):
    case = tmp_path / "case"
    g._zip_lines(case, ctx)
    code = (
        "from casereview.parsers import read_sources\n"
        f"s, e = read_sources({str(case)!r})\n"
        "print(sorted((x.source, x.code) for x in e), sum(len(x.blocks) for x in s))"
    )
    rc, out, err, peak = run_measured(code)
    assert rc == 0, err
    assert out.strip() == ("[('行炸弹.txt', 'too_large'), ('行炸弹.zip/询问笔录.txt', 'too_large')] 200006")
    assert peak < 700, peak  # was 7 GB (a block for each of 8M lines)


def test_case_caps_count_every_file(tmp_path):
    case = tmp_path / "case"
    case.mkdir()
    for i in range(3):
        (case / f"{i}.txt").write_text("\n".join(f"第{k}行" for k in range(400)), encoding="utf-8")
    sources, errors = read_sources(case, Limits(max_case_blocks=1000))
    assert sum(len(s.blocks) for s in sources) == 1000
    assert [(e.source, e.code) for e in errors] == [("2.txt", "too_large")] and "案卷内容总量" in errors[
        0
    ].reason


# -- pictures: pixels checked before decoding or rendering ---------------------------------------------


def test_decompression_bomb_images_refused_from_the_header(tmp_path, ctx, monkeypatch):
    from PIL import Image

    case = tmp_path / "case"
    g._image_bombs(case, ctx)
    sources, errors = read_sources(case)
    got = _errors(errors)
    assert got["巨图.png"] == got["声明巨大.png"] == "too_large"
    assert "像素" in next(e.reason for e in errors if e.source == "巨图.png")
    pictures = [i for s in sources if s.path == "带巨图.docx" for b in s.blocks for i in b.images]
    assert [i.red_share for i in pictures] == [None]  # present, never decoded
    (tmp_path / "b.png").write_bytes(g.png_bytes(3000, 3000))
    monkeypatch.setattr(Image.Image, "load", lambda self: pytest.fail("a picture over the cap was decoded"))
    sources, errors = read_sources(tmp_path / "b.png", Limits(max_image_pixels=1_000_000))
    assert [e.code for e in errors] == ["too_large"] and "3000×3000" in errors[0].reason


def test_render_scale_reduced_then_refused():
    from casereview.parsers.ocr.page import render_scale

    assert render_scale(595, 842, 200, 12_000_000) == pytest.approx(200 / 72)  # A4: as asked
    s = render_scale(3000, 3000, 200, 12_000_000)
    assert (3000 * s) ** 2 <= 12_000_001 and s < 200 / 72


def test_huge_pages_never_rendered_whole(tmp_path):
    from casereview.parsers.ocr.page import PageTooLarge, render_pdf_page

    big = g.image_pdf((2000, 2000), (50, 50), (0, 0, 2000, 2000))
    img = render_pdf_page(big, 1, dpi=200, max_pixels=4_000_000, min_dpi=60)
    assert img.size[0] * img.size[1] <= 4_000_000 and img.info["dpi"][0] == pytest.approx(72.0)
    with pytest.raises(PageTooLarge):
        render_pdf_page(
            g.image_pdf((200000, 200000), (50, 50), (0, 0, 200000, 200000)), 1, 200, 12_000_000, 60
        )
    with pytest.raises(PageTooLarge):  # pdfium decodes a picture whole to draw it
        render_pdf_page(
            g.image_pdf((595, 842), (5000, 5000), (0, 0, 595, 842)),
            1,
            200,
            12_000_000,
            60,
            max_image_pixels=10_000_000,
        )


def test_big_picture_reduced_before_ocr_with_its_dpi():
    import io

    from PIL import Image

    from casereview.parsers.ocr.page import load_image

    buf = io.BytesIO()
    Image.new("RGB", (4000, 3000), "white").save(buf, format="PNG", dpi=(600, 600))
    img = load_image(buf.getvalue(), max_pixels=3_000_000)
    assert img.size[0] * img.size[1] <= 3_000_000 and img.mode == "RGB"
    assert img.info["dpi"][0] == pytest.approx(600 * img.size[0] / 4000, rel=0.01)
    small = load_image(buf.getvalue())
    assert small.size == (4000, 3000)


def test_nothing_extracted_to_disk(tmp_path, ctx, monkeypatch):
    """No parser writes anything for a .zip (members are read in memory): traversal names are harmless."""
    case = tmp_path / "case"
    g._zip_traversal(case, ctx)
    writes = []
    real_open = open

    def spy(file, mode="r", *args, **kwargs):
        if any(m in mode for m in "wax+"):
            writes.append(file)
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", spy)
    monkeypatch.setattr(zipfile.ZipFile, "extract", lambda *a, **k: pytest.fail("extract"))
    monkeypatch.setattr(zipfile.ZipFile, "extractall", lambda *a, **k: pytest.fail("extractall"))
    sources, errors = read_sources(case)
    assert writes == []
    assert sum(1 for e in errors if "不安全" in e.reason) == 6
