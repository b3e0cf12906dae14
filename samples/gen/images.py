"""Pictures embedded in the sample documents: handwritten signatures, red seals, scene photos.

Everything is drawn with Pillow from a seed derived from the text, so re-running the
generator draws the same pixels.
"""

from __future__ import annotations

import hashlib
import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
FONT_SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
FONT_MING = "/usr/share/fonts/truetype/arphic/uming.ttc"


def _rng(*key: object) -> random.Random:
    h = hashlib.sha256("|".join(map(str, key)).encode()).hexdigest()
    return random.Random(int(h[:16], 16))


def _font(path: str, size: int, index: int = 0) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size, index=index)


def _png(img: Image.Image, colors: int = 0) -> bytes:
    buf = io.BytesIO()
    if colors:
        img = img.quantize(colors=colors, method=Image.Quantize.FASTOCTREE)
    img.save(buf, "PNG", optimize=True)
    return buf.getvalue()


def _wave(img: Image.Image, rng: random.Random, amp: float, period: float) -> Image.Image:
    """Displace columns vertically along a sine so strokes wobble like a hand."""
    w, h = img.size
    out = Image.new(img.mode, img.size, (255, 255, 255, 0))
    phase = rng.uniform(0, 6.28)
    step = 4
    for x in range(0, w, step):
        dy = int(amp * math.sin(x / period + phase))
        out.paste(img.crop((x, 0, x + step, h)), (x, dy))
    return out


# --------------------------------------------------------------------------
# Signatures


def signature_png(name: str, ink: str = "blue") -> bytes:
    """A hurried handwritten-looking signature of `name`, ~300x100, transparent background.

    The glyphs are sheared, rotated and jittered one by one and joined by a
    running stroke, then a flourish is drawn under them.
    """
    rng = _rng("sig", name, ink)
    colour = (25, 35, 110) if ink == "blue" else (20, 20, 20)
    scale = 2
    w, h = 300 * scale, 100 * scale
    img = Image.new("RGBA", (w, h), (255, 255, 255, 0))
    font = _font(FONT_MING, 56 * scale)
    x = 18 * scale + rng.randint(0, 12)
    baseline = []
    for ch in name:
        glyph = Image.new("L", (90 * scale, 100 * scale), 0)
        ImageDraw.Draw(glyph).text((6 * scale, 2 * scale), ch, font=font, fill=255)
        # thicken a little so it reads like a ball-pen stroke
        glyph = glyph.filter(ImageFilter.MaxFilter(3))
        shear = rng.uniform(-0.55, -0.3)
        glyph = glyph.transform(glyph.size, Image.AFFINE, (1, shear, 18 * scale, 0, 1, 0), Image.BICUBIC)
        glyph = glyph.rotate(rng.uniform(-14, 6), resample=Image.BICUBIC, expand=False)
        y = rng.randint(4 * scale, 14 * scale)
        ink_layer = Image.new("RGBA", glyph.size, colour + (0,))
        ink_layer.putalpha(glyph)
        img.alpha_composite(ink_layer, (int(x), y))
        baseline.append((x + 45 * scale, y + 70 * scale))
        x += rng.randint(56, 70) * scale * 0.9
    d = ImageDraw.Draw(img)
    # a flourish under the name
    x0 = 10 * scale
    x1 = min(w - 10 * scale, int(x + 20 * scale))
    y0 = h - rng.randint(14, 24) * scale
    pts = []
    amp = rng.uniform(3, 7) * scale
    for i in range(60):
        t = i / 59
        pts.append(
            (x0 + (x1 - x0) * t, y0 - amp * math.sin(t * math.pi * rng.uniform(1.2, 1.8)) - 8 * scale * t)
        )
    d.line(pts, fill=colour + (230,), width=3 * scale, joint="curve")
    img = _wave(img, rng, amp=5 * scale, period=40 * scale)
    img = img.resize((300, 100), Image.LANCZOS)
    return _png(img, colors=16)


# --------------------------------------------------------------------------
# Seals


def seal_png(agency: str, bottom: str = "", size: int = 360) -> bytes:
    """A red round official seal: ring, five-pointed star, agency name around the top."""
    rng = _rng("seal", agency, bottom)
    scale = 2
    s = size * scale
    img = Image.new("RGBA", (s, s), (255, 255, 255, 0))
    d = ImageDraw.Draw(img)
    # Stamp-pad ink is translucent: print under a seal stays dark and readable, as on paper.
    red = (215, 25, 32, 180)
    c = s / 2
    ring = 14 * scale
    d.ellipse([ring / 2 + 6, ring / 2 + 6, s - ring / 2 - 6, s - ring / 2 - 6], outline=red, width=ring)
    # star
    r_out, r_in = s * 0.16, s * 0.16 * 0.382
    pts = []
    for i in range(10):
        a = -math.pi / 2 + i * math.pi / 5
        r = r_out if i % 2 == 0 else r_in
        pts.append((c + r * math.cos(a), c + r * math.sin(a)))
    d.polygon(pts, fill=red)
    # agency name on an arc over the top, ~240 degrees
    font = _font(FONT_SERIF, int(s * 0.105))
    n = len(agency)
    span = min(250.0, 22.0 * n)
    radius = s / 2 - ring - s * 0.085
    for i, ch in enumerate(agency):
        ang = -90 - span / 2 + span * (i + 0.5) / n  # degrees, 0 = east
        tile = Image.new("RGBA", (int(s * 0.14), int(s * 0.14)), (255, 255, 255, 0))
        ImageDraw.Draw(tile).text((tile.width / 2, tile.height / 2), ch, font=font, fill=red, anchor="mm")
        tile = tile.rotate(-(ang + 90), resample=Image.BICUBIC)
        x = c + radius * math.cos(math.radians(ang)) - tile.width / 2
        y = c + radius * math.sin(math.radians(ang)) - tile.height / 2
        img.alpha_composite(tile, (int(x), int(y)))
    if bottom:
        f2 = _font(FONT_SERIF, int(s * 0.075))
        d.text((c, c + s * 0.27), bottom, font=f2, fill=red, anchor="mm")
    # uneven ink: knock out random specks so it looks stamped
    alpha = img.getchannel("A")
    px = alpha.load()
    for _ in range(int(s * s * 0.02)):
        x, y = rng.randrange(s), rng.randrange(s)
        if px[x, y]:
            px[x, y] = int(px[x, y] * rng.uniform(0.2, 0.7))
    alpha = alpha.filter(ImageFilter.GaussianBlur(0.8))
    img.putalpha(alpha)
    img = img.resize((size, size), Image.LANCZOS)
    return _png(img, colors=24)


# --------------------------------------------------------------------------
# Scene photos and a scanned page


def scene_photo_jpg(
    label: str, stamp: str, kind: str = "shelf", w: int = 560, h: int = 400, seeded_noise: bool = False
) -> bytes:
    """A crude 'photo' of the scene (shelves, a vehicle, a river bank, a site) with a camera time stamp.

    `seeded_noise` draws the sensor noise from the photo's own seed instead of Pillow's
    effect_noise, whose C random state is shared by the whole run: the later samples use it
    so that adding them does not change the pixels of the earlier ones.
    """
    rng = _rng("photo", label, stamp, kind)
    img = Image.new("RGB", (w, h), (200, 205, 210))
    d = ImageDraw.Draw(img)
    if kind == "shelf":
        d.rectangle([0, 0, w, h], fill=(226, 222, 212))
        for row in range(4):
            y = 40 + row * 90
            d.rectangle([20, y + 70, w - 20, y + 78], fill=(120, 90, 60))
            x = 30
            while x < w - 60:
                bw = rng.randint(30, 60)
                bh = rng.randint(35, 68)
                col = tuple(rng.randint(60, 230) for _ in range(3))
                d.rectangle([x, y + 70 - bh, x + bw, y + 70], fill=col, outline=(40, 40, 40))
                x += bw + rng.randint(4, 12)
    elif kind == "truck":
        d.rectangle([0, 0, w, h * 0.55], fill=(170, 195, 225))
        d.rectangle([0, h * 0.55, w, h], fill=(95, 95, 100))
        d.rectangle([60, 150, 400, 300], fill=(40, 90, 160), outline=(10, 10, 10), width=3)
        d.rectangle([400, 190, 500, 300], fill=(200, 40, 40), outline=(10, 10, 10), width=3)
        for x in (110, 200, 330, 450):
            d.ellipse([x - 28, 280, x + 28, 336], fill=(20, 20, 20))
    elif kind == "river":
        d.rectangle([0, 0, w, h * 0.4], fill=(180, 200, 215))
        d.polygon([(0, h * 0.4), (w, h * 0.35), (w, h), (0, h)], fill=(80, 120, 110))
        d.polygon([(0, h * 0.7), (w, h * 0.6), (w, h), (0, h)], fill=(130, 110, 80))
        d.rectangle([260, 250, 330, 300], fill=(30, 30, 30))
        d.line([(330, 270), (430, 230)], fill=(20, 20, 20), width=4)
    else:  # site / chimney / yard
        d.rectangle([0, 0, w, h * 0.5], fill=(190, 190, 185))
        d.rectangle([0, h * 0.5, w, h], fill=(140, 130, 115))
        d.rectangle([80, 90, 130, 300], fill=(150, 150, 150), outline=(60, 60, 60))
        for i in range(6):
            d.ellipse([70 + i * 25, 40 - i * 10, 150 + i * 30, 100 - i * 8], fill=(120, 120, 120))
        d.rectangle([200, 180, 480, 300], fill=(170, 160, 140), outline=(70, 70, 70))
    # sensor noise
    if seeded_noise:
        noise = Image.frombytes("L", (w, h), rng.randbytes(w * h)).filter(ImageFilter.GaussianBlur(0.6))
        img = Image.blend(img, noise.convert("RGB"), 0.08)
    else:
        noise = Image.effect_noise((w, h), 18).convert("RGB")
        img = Image.blend(img, noise, 0.08)
    d = ImageDraw.Draw(img)
    d.text((w - 10, h - 10), stamp, font=_font(FONT_SANS, 18), fill=(255, 160, 40), anchor="rd")
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=72)
    return buf.getvalue()


def scanned_page_jpg(title: str, lines: list[str], photo: bytes) -> bytes:
    """A greyscale A4 'scan' (100 dpi) of a photo evidence sheet: no text layer, needs OCR."""
    w, h = 827, 1169
    page = Image.new("L", (w, h), 246)
    d = ImageDraw.Draw(page)
    d.text((w / 2, 90), title, font=_font(FONT_SERIF, 34), fill=20, anchor="mm")
    ph = Image.open(io.BytesIO(photo)).convert("L").resize((560, 400))
    page.paste(ph, (int((w - 560) / 2), 150))
    d.rectangle([(w - 560) / 2 - 2, 148, (w + 560) / 2 + 2, 552], outline=40, width=2)
    y = 590
    f = _font(FONT_MING, 22)
    for ln in lines:
        d.text((110, y), ln, font=f, fill=25)
        y += 40
    page = page.rotate(0.6, resample=Image.BICUBIC, fillcolor=246)
    noise = Image.effect_noise((w, h), 10)
    page = Image.blend(page, noise, 0.06)
    buf = io.BytesIO()
    page.save(buf, "JPEG", quality=55)
    return buf.getvalue()
