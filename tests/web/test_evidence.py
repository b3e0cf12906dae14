"""The evidence page pictures (``casereview.web.evidence``): the quote found and boxed on the page it stands on.

Inputs are made in ``tmp_path`` (reportlab with AR PL UMing for a real Unicode text layer, Pillow for
scans, plain text) and taken from the samples: a case is reviewed and its own evidence items are drawn,
so the quotes are exactly what the rules write (cells joined with `` | ``, cut with ``…``). The
LibreOffice and OCR tests are few: one .docx sample, one scanned page, one picture.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from casereview.web import evidence
from casereview.web.evidence import EvidenceError, page_count, render_evidence

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "cases"
SCANS = ROOT / "samples" / "scans" / "cases"
UMING = "/usr/share/fonts/truetype/arphic/uming.ttc"
NOTO_SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"

PAGE_1 = [
    "岱西县交通运输局",
    "现场检查笔录",
    "被检查人：薛宝林",
    "执法人员向被检查人出示了执法证件，表明了身份，说明了检查的依据和目的。",
]
PAGE_2 = [
    "行政处罚事先告知书",
    "岱交罚告〔2024〕26号",
    "依据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你享有",
    "陈述、申辩的权利。你可在收到本告知书之日起五日内向本局提出陈述、申辩",
    "意见，逾期未提出的，视为放弃上述权利。",
    "罚款人民币壹万元整（¥10,000.00）。",
]


# -- inputs ----------------------------------------------------------------------------------------


def _font_ready() -> None:
    if not Path(UMING).is_file():
        pytest.skip("fonts-arphic-uming is not installed (the PDFs here are drawn with AR PL UMing)")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "UMing" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("UMing", UMING, subfontIndex=0))


def make_pdf(
    path: Path, pages: list[list[str]], size=None, table: list[tuple[str, str]] | None = None
) -> Path:
    """A text PDF: each page's lines from the top; ``table``: label/value rows of a ruled table on page 1."""
    pytest.importorskip("reportlab")
    _font_ready()
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=size or A4, invariant=1)
    for k, lines in enumerate(pages):
        y = (size or A4)[1] - 72
        c.setFont("UMing", 12)
        for line in lines:
            c.drawString(72, y, line)
            y -= 24
        if table and k == 0:
            xs, top = [72, 172, 470], y - 10
            ys = [top - 26 * i for i in range(len(table) + 1)]
            c.grid(xs, ys)
            for (label, value), row_top in zip(table, ys, strict=False):
                c.drawString(78, row_top - 18, label)
                c.drawString(178, row_top - 18, value)
        c.showPage()
    c.save()
    return path


def make_scan_pdf(path: Path, lines: list[str]) -> Path:
    """A page that is only a picture of text (150 dpi, Noto Serif CJK), as a scanner makes it."""
    pytest.importorskip("reportlab")
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    if not Path(NOTO_SERIF).is_file():
        pytest.skip("fonts-noto-cjk is not installed")
    img = Image.new("L", (1240, 1754), 255)
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(NOTO_SERIF, 36, index=2)
    for i, line in enumerate(lines):
        d.text((120, 140 + i * 64), line, fill=20, font=font)
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.drawImage(ImageReader(img), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    return path


def coloured(png: Path, box) -> float:
    """Share of the pixels inside ``box`` (a little inside, clear of the outline) tinted yellow/orange."""
    from PIL import Image

    with Image.open(png) as img:
        rgb = img.convert("RGB")
        x0, top, x1, bottom = box
        crop = rgb.crop(
            (int(x0) + 3, int(top) + 3, max(int(x0) + 4, int(x1) - 3), max(int(top) + 4, int(bottom) - 3))
        )
        data = crop.tobytes()
    tinted = sum(1 for r, b in zip(data[0::3], data[2::3], strict=True) if r - b > 40)
    return tinted / max(len(data) // 3, 1)


def size_of(png: Path) -> tuple[int, int]:
    from PIL import Image

    with Image.open(png) as img:
        return img.size


def inside(box, size) -> bool:
    x0, top, x1, bottom = box
    return 0 <= x0 < x1 <= size[0] and 0 <= top < bottom <= size[1]


@pytest.fixture
def two_pages(tmp_path) -> Path:
    folder = tmp_path / "case"
    folder.mkdir()
    return make_pdf(folder / "11事先告知书.pdf", [PAGE_1, PAGE_2])


# -- text PDFs -------------------------------------------------------------------------------------


def test_quote_on_a_text_pdf_page_is_boxed_in_colour(two_pages, tmp_path):
    got = render_evidence(two_pages, 2, "罚款人民币壹万元整（¥10,000.00）。", tmp_path / "cache")
    assert got.found and got.page == 2 and got.pages == 2 and not got.ocr
    assert len(got.boxes) == 1
    size = size_of(got.png)
    assert inside(got.boxes[0], size)
    assert coloured(got.png, got.boxes[0]) > 0.9
    x0, top, x1, bottom = got.boxes[0]
    assert coloured(got.png, (x0, bottom + 40, x1, bottom + 80)) < 0.01  # the line below is not tinted
    assert got.png.is_file() and got.png.is_relative_to(tmp_path / "cache")


def test_a_quote_cut_with_ellipses_and_wrapped_over_lines_gets_a_box_per_line(two_pages, tmp_path):
    quote = "…法》第四十四条、第四十五条的规定，你享有陈述、申辩的权利。你可在收到本告知书之日起五日内向本局提出陈述、申辩意见，逾期未…"
    got = render_evidence(two_pages, 2, quote, tmp_path / "cache")
    assert got.found and got.page == 2
    assert len(got.boxes) == 3  # three lines of the page
    tops = [b[1] for b in got.boxes]
    assert tops == sorted(tops)
    assert all(coloured(got.png, b) > 0.9 for b in got.boxes)


def test_spaces_and_full_width_forms_of_the_quote_do_not_matter(two_pages, tmp_path):
    got = render_evidence(two_pages, 2, "罚款人民币 壹万元整(¥１０,０００.００)", tmp_path / "cache")
    assert got.found and len(got.boxes) == 1


def test_table_row_quote_boxes_the_label_beside_the_value_not_every_occurrence(tmp_path):
    pdf = make_pdf(
        tmp_path / "04现场检查笔录.pdf",
        [["现场检查笔录", "被检查人：薛宝林"]],
        table=[
            ("被检查人", "薛宝林"),
            ("检查人", "蔺卫东（执法证号：鲁交执3717150）"),
            ("检查人", "甄海涛（执法证号：鲁交执3717162）"),
        ],
    )
    got = render_evidence(pdf, 1, "检查人 | 甄海涛（执法证号：鲁交执3717162） |  |", tmp_path / "cache")
    assert got.found and len(got.boxes) == 2
    label, value = sorted(got.boxes)
    assert abs(label[1] - value[1]) < 3  # the same row
    other = render_evidence(pdf, 1, "检查人 | 蔺卫东（执法证号：鲁交执3717150） |  |", tmp_path / "cache")
    assert sorted(other.boxes)[0][1] < label[1]  # that row's own label, the row above


def test_a_quote_differing_in_one_character_is_found_by_its_runs(two_pages, tmp_path):
    got = render_evidence(
        two_pages, 2, "你可在收到本告知书之日起五日内向本局提岀陈述、申辩", tmp_path / "cache"
    )  # 岀 for 出
    assert got.found and got.boxes


def test_without_a_page_or_on_the_wrong_page_the_first_page_holding_the_quote_is_shown(two_pages, tmp_path):
    cache = tmp_path / "cache"
    assert render_evidence(two_pages, None, "行政处罚事先告知书", cache).page == 2
    moved = render_evidence(two_pages, 1, "逾期未提出的，视为放弃上述权利。", cache)
    assert moved.found and moved.page == 2
    assert render_evidence(two_pages, None, "执法人员向被检查人出示了执法证件", cache).page == 1


def test_an_absent_quote_shows_the_page_without_highlight(two_pages, tmp_path):
    got = render_evidence(two_pages, 2, "当事人于二〇二四年在本县经营烟花爆竹", tmp_path / "cache")
    assert not got.found and got.boxes == [] and got.page == 2
    assert got.png.is_file()
    assert coloured(got.png, (0, 0, *size_of(got.png))) < 0.001
    none = render_evidence(two_pages, None, None, tmp_path / "cache")
    assert none.page == 1 and not none.found


def test_a_second_call_reads_the_cache_and_nothing_is_written_beside_the_source(
    two_pages, tmp_path, monkeypatch
):
    before = sorted(p.name for p in two_pages.parent.iterdir())
    digest = hashlib.sha256(two_pages.read_bytes()).hexdigest()
    cache = tmp_path / "cache"
    first = render_evidence(two_pages, 2, "罚款人民币壹万元整", cache)

    def no_rendering(*a, **k):
        raise AssertionError("rendered again instead of reading the cache")

    monkeypatch.setattr(evidence, "_open", no_rendering)
    again = render_evidence(two_pages, 2, "罚款人民币壹万元整", cache)
    assert again == first
    with pytest.raises(AssertionError):
        render_evidence(two_pages, 2, "罚款人民币壹万元整", cache, dpi=150)  # another picture: not cached
    assert sorted(p.name for p in two_pages.parent.iterdir()) == before
    assert hashlib.sha256(two_pages.read_bytes()).hexdigest() == digest


def test_the_picture_never_exceeds_the_size_cap(tmp_path):
    big = make_pdf(tmp_path / "big.pdf", [["罚款人民币壹万元整"]], size=(3000, 4000))
    got = render_evidence(big, 1, "罚款人民币壹万元整", tmp_path / "cache", dpi=300)
    assert max(size_of(got.png)) <= evidence.MAX_SIDE
    assert got.found and inside(got.boxes[0], size_of(got.png)) and coloured(got.png, got.boxes[0]) > 0.9


# -- errors ----------------------------------------------------------------------------------------


def test_a_damaged_pdf_is_an_error_naming_the_file(two_pages, tmp_path):
    bad = tmp_path / "17处罚决定书.pdf"
    bad.write_bytes(two_pages.read_bytes()[: len(two_pages.read_bytes()) // 2])
    with pytest.raises(EvidenceError, match="17处罚决定书.pdf.*损坏"):
        render_evidence(bad, 1, "罚款", tmp_path / "cache")


def test_an_encrypted_pdf_is_an_error_saying_so(tmp_path):
    pytest.importorskip("reportlab")
    _font_ready()
    from reportlab.pdfgen import canvas

    path = tmp_path / "加密.pdf"
    c = canvas.Canvas(str(path), encrypt="secret")
    c.setFont("UMing", 12)
    c.drawString(72, 700, "罚款人民币壹万元整")
    c.showPage()
    c.save()
    with pytest.raises(EvidenceError, match="加密.pdf.*加密"):
        render_evidence(path, 1, "罚款", tmp_path / "cache")


def test_a_page_out_of_range_is_an_error(two_pages, tmp_path):
    with pytest.raises(EvidenceError, match="第 99 页不存在（共 2 页）"):
        render_evidence(two_pages, 99, "罚款", tmp_path / "cache")
    with pytest.raises(EvidenceError, match="第 0 页不存在"):
        render_evidence(two_pages, 0, None, tmp_path / "cache")


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("空白.pdf", b"", "为空"),
        ("不存在.pdf", None, "不存在"),
        ("案卷.zip", "zip", "压缩包"),
        ("数据.bin", b"\x00\x01\x02\x03" * 100, "不支持"),
        ("图片.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "图片"),
    ],
)
def test_unreadable_sources_are_errors_naming_the_file(tmp_path, name, data, reason):
    path = tmp_path / name
    if data == "zip":
        import zipfile

        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("a.txt", "x")
    elif data is not None:
        path.write_bytes(data)
    with pytest.raises(EvidenceError) as err:
        render_evidence(path, None, "罚款", tmp_path / "cache")
    assert name in str(err.value) and reason in str(err.value)


# -- plain text, page counts, finding the file ------------------------------------------------------


def test_a_text_file_is_drawn_on_pages_and_its_quote_boxed(tmp_path):
    txt = tmp_path / "16结案报告.txt"
    txt.write_bytes(
        (
            "结案报告\n\n本案已执行完毕，案卷材料齐全，建议结案。\f承办人意见：同意结案。\t签名：陈少华\t2024年11月13日\n"
        ).encode("gb18030")
    )
    assert page_count(txt, tmp_path / "cache") == 2
    got = render_evidence(
        txt, None, "承办人意见：同意结案。 | 签名：陈少华 | 2024年11月13日", tmp_path / "cache"
    )
    assert got.found and got.page == 2 and got.pages == 2 and len(got.boxes) == 3
    size = size_of(got.png)
    assert all(inside(b, size) and coloured(got.png, b) > 0.9 for b in got.boxes)


def test_page_count(two_pages, tmp_path):
    assert page_count(two_pages, tmp_path / "cache") == 2


def test_the_module_does_not_import_django():
    code = "import sys, casereview.web.evidence; sys.exit('django' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


# -- the samples: their own evidence items ---------------------------------------------------------


def _evidence_items(case: Path, limit: int) -> list[dict]:
    """Distinct evidence items (document, page, quote) of the case's review, spread over all of them."""
    from casereview.api import review_case

    result = review_case(case, ocr=False)
    seen, items = set(), []
    for check in result["checks"]:
        for e in check.get("evidence") or []:
            key = (e["document"], e.get("page"), e.get("quote"))
            if e.get("quote") and key not in seen:
                seen.add(key)
                items.append(e)
    step = max(1, len(items) // limit)
    return items[::step][:limit]


def _check_items(case: Path, items: list[dict], cache: Path, share: float) -> None:
    found = 0
    for e in items:
        source = case / e["document"] if case.is_dir() else case
        got = render_evidence(source, e.get("page"), e["quote"], cache, paragraph=e.get("paragraph"))
        if not got.found:
            continue
        found += 1
        size = size_of(got.png)
        assert got.boxes and all(inside(b, size) for b in got.boxes), e
        if e.get("page"):
            assert got.page == e["page"], e
        assert max(coloured(got.png, b) for b in got.boxes) > 0.8, e
    assert found >= share * len(items), f"{found} of {len(items)} quotes located"


def test_the_quotes_of_a_text_pdf_sample_are_located(tmp_path):
    case = SAMPLES / "dx-jiaotong-2024-026"
    items = _evidence_items(case, 30)
    assert len(items) >= 25
    _check_items(case, items, tmp_path / "cache", 0.9)


def test_the_quotes_of_a_docx_sample_are_located_on_its_pdf(tmp_path, soffice, monkeypatch):
    case = SAMPLES / "mx-shijian-2024-044.docx"
    cache = tmp_path / "cache"
    items = _evidence_items(case, 20)
    _check_items(case, items, cache, 0.9)
    assert len(list((cache / "pdf").rglob("*.pdf"))) == 1  # converted once, kept by the file's sha256
    import casereview.report.pdf as report_pdf

    monkeypatch.setattr(report_pdf, "convert", lambda *a, **k: pytest.fail("converted a second time"))
    pages = page_count(case, cache)
    assert pages > 10
    # A title the 卷内目录 lists too: shown on its own document, where its paragraph stands, with the hint.
    listed = render_evidence(case, None, "行政处罚告知书", cache)
    own = render_evidence(case, None, "行政处罚告知书", cache, paragraph=85)
    assert listed.found and own.found and listed.page < own.page
    assert own.boxes[0][1] < size_of(own.png)[1] / 4  # the title at the top of its first page
    bare = render_evidence(case, None, None, cache, paragraph=85)  # an item naming only its paragraph
    assert not bare.found and abs(bare.page - own.page) <= 1


# -- OCR: a scanned page, a picture, no engine --------------------------------------------------------


def _ocr_engine():
    from casereview.parsers.ocr import default_engine

    if default_engine() is None:
        pytest.skip("no OCR engine is installed")


def test_a_quote_on_a_scanned_sample_page_is_boxed_from_ocr(tmp_path):
    _ocr_engine()
    source = SCANS / "lc-jiaotong-2024-027-scan" / "12处罚决定书.pdf"
    got = render_evidence(source, 1, "二、罚款人民币伍仟元整。", tmp_path / "cache")
    assert got.found and got.ocr and got.page == 1 and got.pages == 2
    size = size_of(got.png)
    assert max(size) <= evidence.MAX_SIDE
    assert all(inside(b, size) for b in got.boxes)
    assert max(coloured(got.png, b) for b in got.boxes) > 0.8


def test_a_quote_on_a_picture_file_is_boxed_from_ocr(tmp_path):
    _ocr_engine()
    picture = tmp_path / "决定书.png"
    shutil.copyfile(ROOT / "tests" / "ocr" / "files" / "decision_upright.png", picture)
    got = render_evidence(
        picture, None, "本局决定：没收违法所得，并处罚款人民币伍万元整。", tmp_path / "cache"
    )
    assert got.found and got.ocr and got.page == 1 and got.pages == 1
    assert len(got.boxes) == 1 and coloured(got.png, got.boxes[0]) > 0.8
    assert not render_evidence(picture, 1, "这句话不在图片上出现过", tmp_path / "cache").found


def test_without_an_ocr_engine_a_scan_is_shown_without_highlight(tmp_path, monkeypatch):
    import casereview.parsers.ocr as ocr

    monkeypatch.setattr(ocr, "default_engine", lambda: None)
    scan = make_scan_pdf(tmp_path / "扫描.pdf", ["行政处罚决定书", "罚款人民币伍万元整。"])
    got = render_evidence(scan, 1, "罚款人民币伍万元整", tmp_path / "cache")
    assert not got.found and got.boxes == [] and got.page == 1 and size_of(got.png)[0] > 100


def test_a_render_is_a_png(two_pages, tmp_path):
    from PIL import Image

    got = render_evidence(two_pages, 1, None, tmp_path / "cache")
    with Image.open(io.BytesIO(got.png.read_bytes())) as img:
        assert img.format == "PNG"
