"""Small synthetic scans for the OCR tests: python tests/ocr/make_scans.py (rewrites tests/ocr/files/).

Every page is drawn with Pillow and Noto Serif CJK SC at 150 dpi (A4 width,
part of the height to keep files and OCR time small), then "scanned": a slight
blur and grey speckles. Pages without colour are saved grayscale; pages with
red are saved as small palette PNGs. ``truth.json`` holds each page's printed
lines (the ground truth for OCR, handwriting excluded) and what the page holds
(seal, ink). Two runs give identical files (fixed seeds).

| file | what |
| --- | --- |
| decision_upright.png | a decision page, upright |
| decision_rot90.png | the same page turned 90° (a page fed sideways) |
| decision_skew3.png | the same page skewed by 3° |
| sealed_closing.png | closing with a red round seal over agency and date, ink after 当事人签名： |
| sealed_closing_bw.png | the same page scanned black-and-white (grayscale): the seal is not red |
| red_heading.png | a 红头 heading in red and a red rule under it: not a seal |
| red_table.png | a table ruled in red with square cells: not a seal |
| signature_boxes.png | a form: an empty signature box, a box with only its printed label, a signed box |
"""

from __future__ import annotations

import json
import math
import random
import shutil
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

OUT = Path(__file__).parent / "files"
FONT = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
FONT_INDEX = 2  # Noto Serif CJK SC inside the collection
DPI = 150
WIDTH = 1240  # A4 width at 150 dpi
RED = (214, 36, 44)
INK = (24, 28, 60)  # blue-black pen

AGENCY = "青山县市场监督管理局"
CASE_NO = "青市监处罚〔2024〕17号"
PARTY = "青山县某某商贸有限公司"
DECISION = [
    "行政处罚决定书",
    CASE_NO,
    f"当事人：{PARTY}",
    "统一社会信用代码：91331123MA2B3C4D5E",
    "当事人于2024年3月5日在其经营场所销售超过保质期的食品，",
    "违法所得人民币壹仟贰佰元整（¥1,200.00）。",
    "本局决定：没收违法所得，并处罚款人民币伍万元整。",
    "如不服本决定，可以在收到本决定书之日起六十日内申请行政复议。",
]


def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONT, size, index=FONT_INDEX)


def page(height: int) -> Image.Image:
    return Image.new("RGB", (WIDTH, height), (255, 255, 255))


def text_lines(
    draw: ImageDraw.ImageDraw, lines: list[str], x: int, y: int, size: int = 30, step: float = 1.7
) -> int:
    f = font(size)
    for line in lines:
        draw.text((x, y), line, fill=(20, 20, 20), font=f)
        y += int(size * step)
    return y


def scribble(draw: ImageDraw.ImageDraw, x: int, y: int, w: int, h: int, seed: int) -> None:
    """A handwritten-looking signature: a few joined loops of varying slant, drawn in pen ink."""
    rnd = random.Random(seed)
    pts = []
    n = 90
    loops = rnd.randint(3, 4)
    for i in range(n + 1):
        t = i / n
        px = x + t * w + math.sin(t * math.pi * 2 * loops) * w * 0.06
        py = y + h / 2 + math.sin(t * math.pi * 2 * loops + 1.3) * h * 0.38 * (0.6 + 0.4 * math.sin(t * 5))
        pts.append((px, py))
    draw.line(pts, fill=INK, width=3, joint="curve")
    draw.line([(x + w * 0.15, y + h * 0.85), (x + w * 0.55, y + h * 0.2)], fill=INK, width=3)


def seal(size_px: int, text: str = AGENCY) -> Image.Image:
    """A red round seal (ring, star, agency name along the arc) on white, to be multiplied onto a page."""
    img = Image.new("RGB", (size_px, size_px), (255, 255, 255))
    d = ImageDraw.Draw(img)
    w = max(3, size_px // 24)
    d.ellipse((w, w, size_px - w, size_px - w), outline=RED, width=w)
    cx = cy = size_px / 2
    r_star = size_px * 0.16
    pts = []
    for i in range(10):
        r = r_star if i % 2 == 0 else r_star * 0.38
        a = -math.pi / 2 + i * math.pi / 5
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    d.polygon(pts, fill=RED)
    f = font(int(size_px * 0.12))
    n = len(text)
    span = math.radians(220)
    for i, ch in enumerate(text):
        a = -math.pi / 2 - span / 2 + span * (i + 0.5) / n
        glyph = Image.new("L", (int(size_px * 0.16), int(size_px * 0.16)), 0)
        ImageDraw.Draw(glyph).text((glyph.size[0] / 2, glyph.size[1] / 2), ch, fill=255, font=f, anchor="mm")
        glyph = glyph.rotate(-math.degrees(a) - 90, resample=Image.Resampling.BICUBIC)
        r = size_px * 0.36
        gx = int(cx + r * math.cos(a) - glyph.size[0] / 2)
        gy = int(cy + r * math.sin(a) - glyph.size[1] / 2)
        img.paste(Image.new("RGB", glyph.size, RED), (gx, gy), glyph)
    return img


def stamp(img: Image.Image, mark: Image.Image, x: int, y: int) -> None:
    """Lay a seal on the page the way stamp ink does: it darkens, it does not cover."""
    region = img.crop((x, y, x + mark.size[0], y + mark.size[1]))
    img.paste(ImageChops.multiply(region, mark), (x, y))


def scan(img: Image.Image, seed: int, gray: bool) -> Image.Image:
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    d = ImageDraw.Draw(img)
    rnd = random.Random(seed)
    for _ in range(250):
        v = rnd.randrange(120, 220)
        d.point((rnd.randrange(img.size[0]), rnd.randrange(img.size[1])), fill=(v, v, v))
    return img.convert("L") if gray else img.convert("P", palette=Image.Palette.ADAPTIVE, colors=32)


def decision_page() -> Image.Image:
    img = page(900)
    d = ImageDraw.Draw(img)
    d.text((WIDTH // 2, 110), DECISION[0], fill=(20, 20, 20), font=font(44), anchor="mm")
    text_lines(d, DECISION[1:], 130, 180)
    return img


def sealed_closing() -> tuple[Image.Image, list[str]]:
    img = page(760)
    d = ImageDraw.Draw(img)
    lines = ["行政处罚决定书", CASE_NO, f"当事人：{PARTY}", "罚款人民币伍万元整。"]
    d.text((WIDTH // 2, 100), lines[0], fill=(20, 20, 20), font=font(44), anchor="mm")
    text_lines(d, lines[1:], 130, 170)
    f = font(30)
    d.text((130, 420), "当事人签名：", fill=(20, 20, 20), font=f)
    scribble(d, 330, 395, 210, 80, seed=7)
    d.text((800, 420), "日期：2024年5月21日", fill=(20, 20, 20), font=f)
    d.text((760, 560), AGENCY, fill=(20, 20, 20), font=f)
    d.text((760, 611), "二〇二四年五月二十日", fill=(20, 20, 20), font=f)
    stamp(img, seal(236), 790, 470)  # 40 mm across at 150 dpi, over agency and date
    return img, lines + ["当事人签名：", "日期：2024年5月21日", AGENCY, "二〇二四年五月二十日"]


def red_heading() -> tuple[Image.Image, list[str]]:
    img = page(640)
    d = ImageDraw.Draw(img)
    head = f"{AGENCY}文件"
    d.text((WIDTH // 2, 120), head, fill=RED, font=font(64), anchor="mm")
    d.line((90, 200, WIDTH - 90, 200), fill=RED, width=5)
    d.text((WIDTH // 2, 250), "★", fill=RED, font=font(30), anchor="mm")  # the star some red headings carry
    body = ["关于开展食品安全专项检查的通知", "各镇（街道）市场监督管理所：", "现将有关事项通知如下。"]
    text_lines(d, body, 130, 300)
    return img, [head, *body]


def red_table() -> tuple[Image.Image, list[str]]:
    img = page(760)
    d = ImageDraw.Draw(img)
    cell = 236  # 40 mm square cells: the size of a seal
    x0, y0 = 130, 120
    labels = [
        ["检查项目", "结果", "备注", "签名"],
        ["证照", "齐全", "无", "张伟"],
        ["标签", "合格", "无", "李明"],
    ]
    for r in range(len(labels) + 1):
        d.line((x0, y0 + r * 190, x0 + 4 * cell, y0 + r * 190), fill=RED, width=3)
    for c in range(5):
        d.line((x0 + c * cell, y0, x0 + c * cell, y0 + 3 * 190), fill=RED, width=3)
    f = font(30)
    for r, row in enumerate(labels):
        for c, text in enumerate(row):
            d.text((x0 + c * cell + 20, y0 + r * 190 + 70), text, fill=(20, 20, 20), font=f)
    # A square red box of seal size, on its own: ruled, not round.
    d.rectangle((x0 + 4 * cell + 60, y0, x0 + 4 * cell + 60 + 200, y0 + 200), outline=RED, width=4)
    return img, [" ".join(row) for row in labels]


def signature_boxes() -> tuple[Image.Image, list[str]]:
    img = page(760)
    d = ImageDraw.Draw(img)
    f = font(30)
    x0, x1, x2 = 100, 420, 1140
    rows = ["当事人签名：", "执法人员签名：", "受送达人签名："]
    ys = [100, 300, 500]
    for y in ys + [700]:
        d.line((x0, y, x2, y), fill=(20, 20, 20), width=3)
    for x in (x0, x1, x2):
        d.line((x, 100, x, 700), fill=(20, 20, 20), width=3)
    # Row 1: label in the left cell, an empty box to its right.
    d.text((x0 + 20, 180), rows[0], fill=(20, 20, 20), font=f)
    # Row 2: the right cell holds only a printed label, nothing written after it.
    d.text((x0 + 20, 380), "审核意见", fill=(20, 20, 20), font=f)
    d.text((x1 + 20, 380), rows[1], fill=(20, 20, 20), font=f)
    # Row 3: label, and a signature in the box.
    d.text((x0 + 20, 580), rows[2], fill=(20, 20, 20), font=f)
    scribble(d, x1 + 60, 545, 230, 90, seed=11)
    return img, [rows[0], "审核意见 " + rows[1], rows[2]]


def main() -> None:
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    truth: dict[str, dict] = {}

    def save(name: str, img: Image.Image, lines: list[str], **facts) -> None:
        img.save(OUT / name, format="PNG", optimize=True, dpi=(DPI, DPI))
        truth[name] = {"lines": lines, **facts}

    decision = decision_page()
    save("decision_upright.png", scan(decision, 1, gray=True), DECISION, seal=False, ink=False)
    save(
        "decision_rot90.png",
        scan(decision.rotate(90, expand=True, fillcolor="white"), 2, gray=True),
        DECISION,
        seal=False,
        ink=False,
        rotated=90,
    )
    skewed = decision.rotate(3, resample=Image.Resampling.BICUBIC, expand=True, fillcolor="white")
    save("decision_skew3.png", scan(skewed, 3, gray=True), DECISION, seal=False, ink=False, rotated=3)
    img, lines = sealed_closing()
    save("sealed_closing.png", scan(img, 4, gray=False), lines, seal=True, ink=True)
    save("sealed_closing_bw.png", scan(img, 4, gray=True), lines, seal=False, ink=True)
    img, lines = red_heading()
    save("red_heading.png", scan(img, 5, gray=False), lines, seal=False, ink=False)
    img, lines = red_table()
    save("red_table.png", scan(img, 6, gray=False), lines, seal=False, ink=False)
    img, lines = signature_boxes()
    save(
        "signature_boxes.png",
        scan(img, 7, gray=True),
        lines,
        seal=False,
        signatures={"当事人": False, "执法人员": False, "受送达人": True},
    )
    (OUT / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    total = sum(p.stat().st_size for p in OUT.iterdir())
    print(f"wrote {len(truth)} scans to {OUT} ({total:,} bytes)")


if __name__ == "__main__":
    main()
