"""A page as an upright picture: render a PDF page or decode an image file, then turn and de-skew it.

Orientation and skew come from the ink itself (ruled lines taken out): text
lines make the row profile of the ink (pixels counted per row) sharply peaked
when they run straight, so the angle that maximises the profile's energy near
0° and near 90° gives the skew; the gaps between lines leave many blank rows,
which a grid of evenly spaced characters seen sideways does not, and that
chooses between the two.
Whether a page is upside down cannot be told from profiles: ``prepare_page``
reads the page and, when the confidence is poor, reads it again turned by 180°
(and then by the other quarter turns) and keeps the best reading.
``PageReading`` is a page as read: the upright picture, its text segments and
its confidence.
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from casereview.parsers.ocr.marks import without_runs

if TYPE_CHECKING:
    from casereview.parsers.ocr.engines import OcrLine

__all__ = [
    "render_pdf_page",
    "render_scale",
    "PageTooLarge",
    "load_image",
    "estimate_angle",
    "rotate",
    "rotation_matrix",
    "map_box",
    "prepare_page",
    "PreparedPage",
    "PageReading",
    "A4_WIDTH_IN",
    "image_dpi",
]

A4_WIDTH_IN = 8.27
_PROFILE_SIDE = 900  # pages are reduced to this long side for the angle search
_MAX_SKEW = 8.0
_MIN_DPI, _MAX_DPI = 100, 1200  # a stated resolution (dpi) outside this range is not believed
_MAX_INK_POINTS = 80_000  # ink pixels sampled for the angle search, at most
_MIN_INK_POINTS = 200  # fewer ink pixels than this: too little to judge the angle
_MIN_ANGLE = 0.15  # a turn smaller than this (degrees) is left undone
_MIN_CHARS = 2  # fewer characters than this in a box (or a reading) say nothing of its direction
_MIN_WIDE_SHARE = 0.6  # a reading with a lower share of wide lines lies on its side
# A page number line (folio): - 11 -, 16., 第1页共2页.
_FOLIO = re.compile(
    r"[-—–_.·・\s]*[0-9]{1,4}[-—–_.·・\s]*|第?[0-9]{1,4}页?[，,/\s]*共[0-9]{1,4}页|"
    r"共[0-9]{1,4}页[，,/\s]*第[0-9]{1,4}页|第[0-9]{1,4}页"
)


@dataclass(slots=True)
class PreparedPage:
    """The upright page, the angle it was turned by (degrees, counter-clockwise) and its reading."""

    image: object  # PIL.Image
    angle: float
    lines: list | None = None
    tried: list[float] = field(default_factory=list)


class PageReading:
    """One page as read: the upright picture, its text segments, the turn applied, cache hit or not."""

    __slots__ = ("image", "lines", "angle", "cached")

    def __init__(self, image, lines: list[OcrLine], angle: float, cached: bool) -> None:
        self.image, self.lines, self.angle, self.cached = image, lines, angle, cached

    @property
    def confidence(self) -> float:
        """Mean confidence over the page's text; a folio (页码 -11-, 第1页共2页) is left out: a misread
        page number changes nothing a review decides, and on a sparse page it would send the page to a
        person."""
        return reading_score([x for x in self.lines if not _FOLIO.fullmatch(x.text.strip())] or self.lines)[0]

    @property
    def chars(self) -> int:
        return reading_score(self.lines)[1]


class PageTooLarge(ValueError):
    """A page or picture that cannot be rendered or decoded within the pixel caps; the text says why."""


def render_scale(width_pt: float, height_pt: float, dpi: float, max_pixels: int | None) -> float:
    """The scale (pixels per point) to render a page at: ``dpi``, reduced so the bitmap stays within
    ``max_pixels`` (a 6000 pt page at 200 dpi would be 280 million pixels)."""
    scale = dpi / 72.0
    area = max(width_pt, 1.0) * max(height_pt, 1.0)
    if max_pixels and area * scale * scale > max_pixels:
        scale = math.sqrt(max_pixels / area)
    return scale


def render_pdf_page(
    pdf,
    page_no: int,
    dpi: int = 200,
    max_pixels: int | None = None,
    min_dpi: float = 0.0,
    max_image_pixels: int | None = None,
):
    """Page ``page_no`` (1-based) of a PDF (bytes, path or an open pypdfium2 document) as an RGB PIL image.

    The page's size is checked before anything is drawn: the scale is reduced
    so that the bitmap holds at most ``max_pixels``, and a page that would then
    fall under ``min_dpi``, or that holds a picture of more than
    ``max_image_pixels`` (pdfium decodes pictures whole to draw them), raises
    ``PageTooLarge``. The image's ``info["dpi"]`` is the resolution used.
    """
    import pypdfium2 as pdfium

    own = not isinstance(pdf, pdfium.PdfDocument)
    doc = pdfium.PdfDocument(pdf) if own else pdf
    try:
        page = doc[page_no - 1]
        try:
            width, height = page.get_size()
            scale = render_scale(width, height, dpi, max_pixels)
            if scale * 72.0 < min_dpi:
                raise PageTooLarge(
                    f"页面尺寸异常（{width:.0f}×{height:.0f} 磅），缩小到像素上限内后分辨率过低，未渲染"
                )
            if max_image_pixels:
                _check_page_images(page, max_image_pixels)
            bitmap = page.render(scale=scale)
            image = bitmap.to_pil().convert("RGB")
            used = round(scale * 72.0, 2)
            image.info["dpi"] = (used, used)
            return image
        finally:
            page.close()
    finally:
        if own:
            doc.close()


def _check_page_images(page, max_pixels: int) -> None:
    import pypdfium2.raw as pdfium_c

    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3):
        w, h = obj.get_px_size()
        if w * h > max_pixels:
            raise PageTooLarge(
                f"页面中的图像过大（{w}×{h} 像素，上限 {max_pixels // 1_000_000} 百万像素），未渲染"
            )


def load_image(data: bytes, max_pixels: int | None = None):
    """An image file's first frame as RGB, turned as its EXIF orientation says (phone photos).

    ``max_pixels``: a larger picture is reduced to fit (a JPEG already while
    decoding); its stated dpi is reduced in proportion.
    """
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(data)) as img:
        w, h = img.size
        factor = 1.0
        if max_pixels and w * h > max_pixels:
            factor = math.sqrt(max_pixels / (w * h))
            img.draft(
                "RGB", (max(1, int(w * factor)), max(1, int(h * factor)))
            )  # JPEG: decoded at 1/2, 1/4, 1/8
        img.load()
        ImageOps.exif_transpose(img, in_place=True)  # in place: a copy of a big picture would double it
        info = dict(img.info)
        if factor < 1.0:
            if img.size[0] * img.size[1] > max_pixels:
                if img.mode == "1":
                    img = img.convert("L")
                elif img.mode == "P":
                    img = img.convert("RGBA" if "transparency" in img.info else "RGB")
                img = img.resize(
                    (max(1, int(img.size[0] * factor)), max(1, int(img.size[1] * factor))),
                    Image.Resampling.BOX,
                )
            actual = max(img.size) / max(w, h)
            try:
                info["dpi"] = (float(info["dpi"][0]) * actual, float(info["dpi"][1]) * actual)
            except (KeyError, TypeError, ValueError, IndexError):
                info.pop("dpi", None)
        if img.mode in ("RGBA", "LA", "P"):
            bg = Image.new("RGB", img.size, (255, 255, 255))
            rgba = img.convert("RGBA")
            bg.paste(rgba, mask=rgba.getchannel("A"))
            bg.info = info  # keep the stated dpi
            return bg
        out = img.convert("RGB")
        out.info = info
        return out


def image_dpi(image) -> float:
    """Resolution of a page picture: the dpi the file states, else the page taken as A4 wide.

    72 and 96 are what software writes when it knows nothing, so they count as unstated.
    """
    stated = image.info.get("dpi") if hasattr(image, "info") else None
    try:
        value = float(stated[0]) if stated else 0.0
    except (TypeError, ValueError, IndexError):
        value = 0.0
    if _MIN_DPI <= value <= _MAX_DPI and round(value) not in (72, 96):
        return value
    return max(50.0, min(1200.0, min(image.size) / A4_WIDTH_IN))


def _ink_points(image):
    import numpy as np

    gray = image.convert("L")
    scale = min(1.0, _PROFILE_SIDE / max(gray.size))
    if scale < 1.0:
        gray = gray.resize((max(1, round(gray.size[0] * scale)), max(1, round(gray.size[1] * scale))))
    a = np.asarray(gray, dtype=np.uint8)
    # Ink is what is clearly darker than the paper: a threshold relative to the page's own background.
    paper = float(np.percentile(a, 90))
    ink = (a < min(160.0, paper - 60.0)).astype(np.uint8) * 255
    ink = _without_rules(ink)
    ys, xs = np.nonzero(ink)
    if len(xs) > _MAX_INK_POINTS:
        step = len(xs) // _MAX_INK_POINTS + 1
        xs, ys = xs[::step], ys[::step]
    return xs.astype(np.float64), ys.astype(np.float64)


def _without_rules(ink):
    """The ink without long straight runs: a table's ruled lines would make its columns look like lines
    of text turned by 90°."""
    return without_runs(ink, max(15, min(ink.shape) // 12))


def _rows(xs, ys, angle: float):
    """Row profile (ink per row) once the points are turned counter-clockwise by ``angle`` degrees."""
    import numpy as np

    t = math.radians(angle)
    rows = ys * math.cos(t) - xs * math.sin(t)  # y axis points down
    return np.bincount((rows - rows.min()).astype(np.int64))


def _blank_share(xs, ys, angle: float) -> float:
    """Share of the rows between the first and last ink that hold (almost) no ink."""
    hist = _rows(xs, ys, angle)
    return float((hist <= max(1, int(hist.max()) // 100)).mean())


def _profile_energy(xs, ys, angle: float) -> float:
    """Energy of the row profile after turning the points by ``angle`` degrees (counter-clockwise)."""
    import numpy as np

    hist = _rows(xs, ys, angle)
    return float(np.dot(hist, hist)) / (len(xs) ** 2)


def estimate_angle(image) -> float:
    """Counter-clockwise turn (degrees) that makes the text lines horizontal: 0/90 plus the skew.

    Returns 0.0 for a page with too little ink to judge. 180° ambiguity is
    left to ``prepare_page`` (a profile looks the same upside down).
    """
    xs, ys = _ink_points(image)
    if len(xs) < _MIN_INK_POINTS:
        return 0.0
    best = (-1.0, 0.0)
    for base in (0.0, 90.0):
        coarse = [base + a for a in _frange(-_MAX_SKEW, _MAX_SKEW, 0.5)]
        top = max((_profile_energy(xs, ys, a), a) for a in coarse)
        fine = max(
            [(_profile_energy(xs, ys, a), a) for a in _frange(top[1] - 0.5, top[1] + 0.5, 0.1)] + [top]
        )
        # Which way the lines run: the gaps between lines leave many blank rows; a grid of evenly
        # spaced characters (or a table's columns) also peaks the column profile, but leaves few
        # blank columns.
        best = max(best, (_blank_share(xs, ys, fine[1]), fine[1]))
    angle = round(best[1], 1)
    if abs(angle) < _MIN_ANGLE:
        angle = 0.0
    return angle


def _frange(lo: float, hi: float, step: float) -> list[float]:
    n = int(round((hi - lo) / step))
    return [round(lo + i * step, 3) for i in range(n + 1)]


def rotation_matrix(size: tuple[int, int], angle: float):
    """2x3 affine matrix of a counter-clockwise turn by ``angle`` on a canvas grown to hold the page,
    and the new size."""
    import numpy as np

    w, h = size
    t = math.radians(angle)
    c, s = math.cos(t), math.sin(t)
    new_w = int(math.ceil(abs(w * c) + abs(h * s) - 1e-6))
    new_h = int(math.ceil(abs(w * s) + abs(h * c) - 1e-6))
    # x' = c*(x-cx) + s*(y-cy) + ncx ; y' = -s*(x-cx) + c*(y-cy) + ncy  (y axis down: visually counter-clockwise)
    cx, cy = w / 2.0, h / 2.0
    m = np.array(
        [[c, s, new_w / 2.0 - c * cx - s * cy], [-s, c, new_h / 2.0 + s * cx - c * cy]], dtype=np.float64
    )
    return m, (new_w, new_h)


def map_box(box, matrix) -> tuple[float, float, float, float]:
    """A box (x0, top, x1, bottom) through an affine matrix: the bounding box of its turned corners."""
    x0, y0, x1, y1 = box
    pts = [(x0, y0), (x1, y0), (x0, y1), (x1, y1)]
    xs = [matrix[0][0] * x + matrix[0][1] * y + matrix[0][2] for x, y in pts]
    ys = [matrix[1][0] * x + matrix[1][1] * y + matrix[1][2] for x, y in pts]
    return (min(xs), min(ys), max(xs), max(ys))


def rotate(image, angle: float):
    """The page turned counter-clockwise by ``angle`` degrees on a white canvas grown to hold it."""
    from PIL import Image

    angle = angle % 360.0
    if angle == 0.0:
        return image
    quarter = {
        90.0: Image.Transpose.ROTATE_90,
        180.0: Image.Transpose.ROTATE_180,
        270.0: Image.Transpose.ROTATE_270,
    }.get(round(angle, 3))
    if quarter is not None:
        return image.transpose(quarter)  # exact, no resampling
    import cv2
    import numpy as np

    m, (nw, nh) = rotation_matrix(image.size, angle)
    arr = np.asarray(image.convert("RGB"))
    out = cv2.warpAffine(arr, m, (nw, nh), flags=cv2.INTER_LINEAR, borderValue=(255, 255, 255))
    return Image.fromarray(out)


def reading_score(lines) -> tuple[float, int]:
    """(mean confidence weighted by characters, characters) of a reading."""
    chars = sum(len(x.text) for x in lines)
    if not chars:
        return 0.0, 0
    return sum(x.confidence * len(x.text) for x in lines) / chars, chars


def horizontal_share(lines) -> float:
    """Share of the characters read in boxes wider than tall: near 1 for an upright page, low when the
    page lies on its side (each line is then read from a tall box)."""
    total = wide = 0
    for x in lines:
        n = len(x.text)
        total += n
        w, h = x.box[2] - x.box[0], x.box[3] - x.box[1]
        if n < _MIN_CHARS or w >= h:
            wide += n
    return wide / total if total else 1.0  # nothing read: no sign of a page on its side


def prepare_page(image, ocr=None, min_confidence: float = 0.85) -> PreparedPage:
    """Turn and de-skew a page; with an ``ocr`` callable, read it and settle 0°/180° (and 90°/270°).

    The profile estimate is read first; only a poor reading pays for more
    readings. A reading whose lines come from tall boxes means the page lies
    on its side (a table's columns can outweigh its rows in the profile): the
    quarter turns are tried first. A reading of wide lines with a low
    confidence means the page may be upside down: 180° is tried first. The
    best reading (confidence x characters x share of wide lines) is kept.
    """
    angle = estimate_angle(image)
    upright = rotate(image, angle)
    if ocr is None:
        return PreparedPage(upright, angle)
    lines = ocr(upright)
    best = PreparedPage(upright, angle, lines, tried=[angle])

    def quality(got) -> tuple[bool, float]:
        conf, chars = reading_score(got)
        share = horizontal_share(got)
        ok = conf >= min_confidence and chars >= _MIN_CHARS and share >= _MIN_WIDE_SHARE
        return ok, conf * min(chars, 50) * share

    good, best_score = quality(lines)
    if good:
        return best
    extras = (90.0, 270.0, 180.0) if horizontal_share(lines) < _MIN_WIDE_SHARE else (180.0, 90.0, 270.0)
    for extra in extras:
        a = round((angle + extra) % 360.0, 2)
        img = rotate(image, a)
        got = ocr(img)
        best.tried.append(a)
        ok, score = quality(got)
        if score > best_score:
            best_score = score
            best = PreparedPage(img, a, got, tried=best.tried)
        if ok:
            break
    return best
