"""Turned and skewed pages, seals and signature ink on synthetic scans (tests/ocr/make_scans.py)."""

from __future__ import annotations

import pytest

from tests.ocr.conftest import cer


def _ocr_text(case) -> str:
    return "\n".join(b.text for d in case.documents for b in d.blocks if b.confidence is not None)


def _seals(case):
    return [s for d in case.documents for s in d.fields.get("seals", [])]


def _signatures(case) -> dict[str, tuple[bool, str]]:
    return {s.value.role: (s.value.signed, s.value.kind) for d in case.documents for s in d.signatures}


@pytest.mark.parametrize("name", ["decision_upright.png", "decision_rot90.png", "decision_skew3.png"])
def test_turned_and_skewed_pages_read_like_the_upright_one(name, loaded, scans_dir, truth):
    case = loaded(scans_dir / name)
    assert case.errors == []
    assert [d.type for d in case.documents] == ["penalty_decision"]
    doc = case.documents[0]
    assert doc.case_number.value == "青市监处罚〔2024〕17号"
    assert doc.fields["party"].value == "青山县某某商贸有限公司"
    assert cer(_ocr_text(case), "".join(truth[name]["lines"])) <= 0.02
    lines = [b for b in doc.blocks if b.confidence is not None]
    assert lines[0].text == "行政处罚决定书"  # read top to bottom: the page was turned upright


@pytest.mark.parametrize(("turn", "expected"), [(0, 0.0), (3, -3.0), (-2, 2.0), (90, 90.0), (270, 90.0)])
def test_estimate_angle_returns_the_turn_that_makes_lines_horizontal(turn, expected, scans_dir):
    """90 and 270 both give 90: the 180° ambiguity is settled by reading (prepare_page)."""
    from casereview.parsers.ocr.page import estimate_angle, load_image

    img = load_image((scans_dir / "decision_upright.png").read_bytes())
    turned = img.rotate(turn, expand=True, fillcolor="white")
    assert estimate_angle(turned) == pytest.approx(expected, abs=0.3)


def test_upside_down_page_is_settled_by_reading(scans_dir):
    from casereview.parsers.ocr.engines import get_engine
    from casereview.parsers.ocr.page import load_image, prepare_page, reading_score

    img = load_image((scans_dir / "decision_upright.png").read_bytes()).rotate(180)
    prep = prepare_page(img, get_engine("rapid"))
    assert prep.angle % 360 == pytest.approx(180.0, abs=0.3)
    assert prep.tried[:2] == [0.0, 180.0]
    assert reading_score(prep.lines)[0] > 0.9
    assert min(prep.lines, key=lambda x: x.box[1]).text == "行政处罚决定书"


def test_red_round_seal_on_a_scan_is_found_near_the_closing(loaded, scans_dir):
    case = loaded(scans_dir / "sealed_closing.png")
    seals = _seals(case)
    assert len(seals) == 1
    assert seals[0].value["near_closing"] is True
    assert seals[0].value["image"]["kind"] == "seal"
    # Given to the line it is stamped over, the agency's name, which is read despite the seal.
    assert seals[0].loc.quote == "青山县市场监督管理局"
    assert "二〇二四年五月二十日" in _ocr_text(case)


def test_black_and_white_scan_has_no_seal(loaded, scans_dir):
    case = loaded(scans_dir / "sealed_closing_bw.png")
    assert _seals(case) == []
    assert case.documents[0].type == "penalty_decision"


@pytest.mark.parametrize("name", ["red_heading.png", "red_table.png"])
def test_red_heading_and_red_table_lines_are_not_seals(name, loaded, scans_dir, truth):
    case = loaded(scans_dir / name)
    assert _seals(case) == []
    assert not [i for d in case.documents for b in d.blocks for i in b.images]
    assert cer(_ocr_text(case).replace(" | ", ""), "".join(truth[name]["lines"]).replace(" ", "")) <= 0.05


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("sealed_closing.png", {"当事人": (True, "image")}),  # a scribble after the label, a seal nearby
        ("sealed_closing_bw.png", {"当事人": (True, "image")}),
        # an empty ruled box; a box with only its printed label; a box with a scribble
        (
            "signature_boxes.png",
            {"当事人": (False, "blank"), "执法人员": (False, "blank"), "受送达人": (True, "image")},
        ),
    ],
)
def test_signature_fields_on_scans_are_decided_from_the_page_picture(
    name, expected, loaded, scans_dir, truth
):
    got = _signatures(loaded(scans_dir / name))
    assert got == expected
    if "signatures" in truth[name]:
        assert {role: signed for role, (signed, _) in got.items()} == truth[name]["signatures"]


def test_find_ink_directly_on_regions(scans_dir):
    """The detector itself: one mark for the scribble right of a label; clean paper in an empty ruled box."""
    from casereview.parsers.ocr.marks import find_ink
    from casereview.parsers.ocr.page import load_image

    img = load_image((scans_dir / "signature_boxes.png").read_bytes())
    # Row 3 label (受送达人签名：) at x 120-330, y 580-615; its box to the right holds the scribble.
    found = find_ink(img, (120, 580, 330, 615), [], 150.0)
    assert len(found.marks) == 1 and found.marks[0].info.looks_like_ink
    x0, y0, x1, y1 = found.marks[0].box
    assert 470 <= x0 and x1 <= 720 and 530 <= y0 and y1 <= 650  # the scribble, not the ruled lines
    # Row 1 label (当事人签名：): its box to the right is empty, bounded by ruled lines.
    empty = find_ink(img, (120, 180, 300, 215), [], 150.0)
    assert empty.marks == [] and not empty.faint


def test_two_signatures_side_by_side_are_two_marks():
    """Two names signed a few millimetres apart count as two signatures (G02 counts them)."""
    from PIL import Image, ImageDraw

    from casereview.parsers.ocr.marks import find_ink
    from tests.ocr.make_scans import scribble

    img = Image.new("RGB", (1240, 300), "white")
    d = ImageDraw.Draw(img)
    scribble(d, 400, 100, 180, 70, seed=3)
    scribble(d, 700, 100, 180, 70, seed=4)  # 120 px = 20 mm to the right of the first
    found = find_ink(img, (100, 120, 380, 155), [], 150.0)
    assert len(found.marks) == 2


def test_specks_and_a_broken_line_are_not_a_signature():
    """Dust is nothing; a short flat smear is neither writing nor nothing: faint (left for a person)."""
    from PIL import Image, ImageDraw

    from casereview.parsers.ocr.marks import find_ink

    img = Image.new("RGB", (1240, 300), "white")
    d = ImageDraw.Draw(img)
    for x, y in ((420, 120), (520, 140), (610, 110)):
        d.rectangle((x, y, x + 1, y + 1), fill=(90, 90, 90))  # dust: 2 px at 150 dpi
    assert find_ink(img, (100, 120, 380, 155), [], 150.0).marks == []
    assert not find_ink(img, (100, 120, 380, 155), [], 150.0).faint
    d.rectangle((450, 130, 462, 137), fill=(30, 30, 30))  # a 2 x 1.2 mm smudge
    found = find_ink(img, (100, 120, 380, 155), [], 150.0)
    assert found.marks == [] and found.faint


def test_evenly_spaced_characters_are_not_taken_for_a_page_on_its_side():
    """A full page of monospaced CJK text peaks the column profile too; the blank rows between lines
    decide which way the lines run."""
    from PIL import Image, ImageDraw, ImageFont

    from casereview.parsers.ocr.page import estimate_angle

    font = ImageFont.truetype("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 26, index=2)
    img = Image.new("RGB", (1240, 1754), "white")
    d = ImageDraw.Draw(img)
    text = (
        "当事人于二〇二四年三月五日在其经营场所销售超过保质期的食品违法所得人民币壹仟贰佰元整依据食品安全法"
    )
    for i in range(36):
        d.text((120, 120 + i * 42), (text * 2)[i % 17 : i % 17 + 36], fill=(20, 20, 20), font=font)
    assert estimate_angle(img) == pytest.approx(0.0, abs=0.3)
    assert estimate_angle(img.rotate(90, expand=True, fillcolor="white")) == pytest.approx(90.0, abs=0.3)


def _stamp_like(w: int, h: int, oval: bool):
    """A red stamp-like mark on white: an oval ring with a star and text-like blobs, or a ruled box."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (w + 40, h + 40), "white")
    d = ImageDraw.Draw(img)
    red = (210, 30, 40)
    if oval:
        d.ellipse((20, 20, 20 + w, 20 + h), outline=red, width=max(3, w // 40))
    else:
        d.rectangle((20, 20, 20 + w, 20 + h), outline=red, width=max(3, w // 40))
    cx, cy = 20 + w // 2, 20 + h // 2
    d.regular_polygon((cx, cy, h // 6), 5, fill=red)
    for k in range(6):
        d.rectangle(
            (
                cx - w // 3 + k * w // 9,
                20 + h // 6,
                cx - w // 3 + k * w // 9 + w // 14,
                20 + h // 6 + h // 10,
            ),
            fill=red,
        )
    return img


@pytest.mark.parametrize(("oval", "found"), [(True, 1), (False, 0)])
def test_oval_stamp_is_a_seal_and_a_red_box_is_not(oval, found):
    """A 40 x 30 mm oval stamp (财务专用章) on a 150 dpi page is found; a red ruled box of its size is not."""
    from PIL import Image

    from casereview.parsers.ocr.marks import find_seals

    page = Image.new("RGB", (1240, 800), "white")
    page.paste(_stamp_like(236, 177, oval), (700, 300))
    assert len(find_seals(page, 150.0)) == found


@pytest.mark.parametrize(("oval", "seal"), [(True, True), (False, False)])
def test_a_stamp_picture_gets_the_same_outline_test(oval, seal):
    """A picture in a .docx or a PDF (analysed by parsers.images) is a seal only with a round or oval
    outline: the same ring test find_seals applies on page pictures."""
    import io

    from casereview.parsers.images import analyse_bytes

    buf = io.BytesIO()
    _stamp_like(240, 180, oval).save(buf, "PNG")
    info = analyse_bytes(buf.getvalue())
    assert info.round is seal
    assert info.looks_like_seal is seal


def test_ocr_cells_split_at_a_table_rule_and_names_side_by_side_keep_a_space():
    """A column border between two close segments makes two cells (序号 | 责任者 | 题名 on a scanned
    index); a character's own tall stroke does not; two names a line height apart stay two names."""
    from casereview.parsers.ocr.engines import OcrLine
    from casereview.parsers.ocr.layout import _join

    row = [
        OcrLine("南屏县市场监", (100, 200, 280, 230), 0.99),
        OcrLine("现场检查笔录", (290, 200, 470, 230), 0.99),
    ]
    border = [(285.0, 150.0, 300.0)]  # x 285, from above the row to below it
    assert _join(row, border)[0] == ["南屏县市场监", "现场检查笔录"]
    assert _join(row, [(285.0, 201.0, 229.0)])[0] == ["南屏县市场监现场检查笔录"]  # a stroke inside the line
    names = [OcrLine("许文涛", (100, 200, 190, 230), 0.9), OcrLine("柯敏", (230, 200, 290, 230), 0.9)]
    assert _join(names)[0] == ["许文涛 柯敏"]


def test_page_numbers_do_not_lower_a_page_confidence():
    from casereview.parsers.ocr.engines import OcrLine
    from casereview.parsers.ocr.page import PageReading

    lines = [OcrLine("南屏县市场监督管理局", (0, 0, 300, 30), 0.9), OcrLine("-11.", (0, 900, 40, 930), 0.3)]
    assert PageReading(None, lines, 0.0, False).confidence == pytest.approx(0.9)
