"""Seals and signature ink on a page picture.

**Seals**: red pixels → a closing that joins a stamp's ring, star and text →
connected components → kept when the component is of stamp size (12-60 mm
across), roughly square, and its outline is round: the outermost red in
every direction from the centre lies at nearly the same distance. A red heading is too wide,
a red table line too thin, a red ruled box has its corners off the circle, a
big red character has an outline full of notches.

**Ink**: given the box of a signature label (当事人签名：), the region to its
right (or below it, where nothing is signed to the right) is searched for dark
strokes once printed text boxes and ruled lines are taken out: handwriting is
detected, not read. An empty box or a box holding only its printed label has
no ink left.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

from casereview.model import ImageInfo
from casereview.parsers.images import analyse_pil

__all__ = ["Mark", "find_seals", "find_ink", "red_mask", "drop_red"]

SEAL_MM = (12.0, 60.0)  # diameters of round stamps, from a personal name stamp to a large official seal
_RING_BINS = 72
_RING_COVER = 0.9  # share of directions from the centre that meet red (a faded stamp may miss a few)
_RING_SPREAD = 0.08  # most spread of the outer radius (std / mean) for a round outline
_LINE_MM = 8.0  # straight dark runs longer than this are ruled lines, not handwriting
_INK_MIN_MM2 = 2.0  # less dark area than this is dust or speckles
_INK_MIN_SPAN_MM = 3.0


@dataclass(slots=True)
class Mark:
    """A seal or an ink region: ``box`` in pixels of the page picture, ``info`` its ImageInfo."""

    kind: str  # seal | ink
    box: tuple[int, int, int, int]
    info: ImageInfo


def _mm(dpi: float, mm: float) -> float:
    return dpi * mm / 25.4


def red_mask(arr):
    """Seal-red pixels of an RGB array (bright, red well above green and blue), as a uint8 0/255 mask."""
    import numpy as np

    r = arr[:, :, 0].astype(np.int16)
    g = arr[:, :, 1].astype(np.int16)
    b = arr[:, :, 2].astype(np.int16)
    m = (r > 120) & (r - g > 45) & (r - b > 35) & (r * 10 > g * 14) & (r * 10 > b * 14)
    return m.astype(np.uint8) * 255


def _ring_fit(mask_crop) -> tuple[float, float]:
    """How round the outline of a red shape is: (share of directions holding red, spread of the outer radius).

    From the crop's centre, the outermost red pixel in each of 72 directions
    lies at the same distance for a ring (spread near 0); a square box or a
    character has corners and notches (spread 0.15 and more).
    """
    import numpy as np

    h, w = mask_crop.shape
    ys, xs = np.nonzero(mask_crop)
    if len(xs) == 0:
        return 0.0, 1.0
    cx, cy = (w - 1) / 2.0, (h - 1) / 2.0
    dx, dy = xs - cx, ys - cy
    rr = np.hypot(dx, dy)
    bins = ((np.arctan2(dy, dx) + math.pi) / (2 * math.pi) * _RING_BINS).astype(np.int64).clip(0, _RING_BINS - 1)
    outer = np.zeros(_RING_BINS)
    np.maximum.at(outer, bins, rr)
    held = outer[outer > 0]
    if len(held) < 2:
        return 0.0, 1.0
    return len(held) / _RING_BINS, float(held.std() / held.mean())


def find_seals(image, dpi: float) -> list[Mark]:
    """Round red stamps on a page picture (RGB PIL image at ``dpi``)."""
    import cv2
    import numpy as np
    from PIL import Image

    arr = np.asarray(image.convert("RGB"))
    mask = red_mask(arr)
    if int(mask.sum()) // 255 < _mm(dpi, 3) ** 2:
        return []
    k = max(3, int(round(_mm(dpi, 1.5))))
    joined = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k)))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    lo, hi = _mm(dpi, SEAL_MM[0]), _mm(dpi, SEAL_MM[1])
    out = []
    for i in range(1, n):
        x, y, w, h, area = (int(v) for v in stats[i])
        if not (lo <= w <= hi and lo <= h <= hi):
            continue
        if not 0.75 <= w / h <= 1.33:
            continue
        crop = np.where(labels[y:y + h, x:x + w] == i, mask[y:y + h, x:x + w], 0)
        cover, spread = _ring_fit(crop)
        if cover < _RING_COVER or spread > _RING_SPREAD:
            continue
        crop = mask[y:y + h, x:x + w]  # all the red inside the ring (star, text) belongs to the seal
        # Statistics of the stamp layer alone: black text printed under a seal is not part of it.
        rgb = arr[y:y + h, x:x + w].copy()
        rgb[crop == 0] = 255
        layer = Image.fromarray(rgb)
        info = analyse_pil(layer, digest=hashlib.sha256(rgb.tobytes()).hexdigest()[:16])
        out.append(Mark("seal", (x, y, x + w, y + h), info))
    return out


def drop_red(image, boxes):
    """The picture with seal-red pixels inside ``boxes`` turned to paper white (for OCR of the text under a seal).

    Where the stamp overlaps black print the pixel is dark, not red, and stays.
    """
    import numpy as np
    from PIL import Image

    arr = np.array(image.convert("RGB"))
    for x0, y0, x1, y1 in boxes:
        part = arr[y0:y1, x0:x1]
        part[red_mask(part) > 0] = 255
    return Image.fromarray(arr)


def _dark_mask(arr):
    import numpy as np

    rgb = arr.astype(np.int32)
    gray = (rgb[:, :, 0] * 299 + rgb[:, :, 1] * 587 + rgb[:, :, 2] * 114) // 1000
    red = (rgb[:, :, 0] - rgb[:, :, 1] > 45) & (rgb[:, :, 0] - rgb[:, :, 2] > 35)
    return ((gray < 140) & ~red).astype(np.uint8) * 255


def _strip_lines(mask, dpi: float):
    """The mask without long straight horizontal and vertical runs (ruled lines, underlines, box edges)."""
    import cv2

    n = max(5, int(round(_mm(dpi, _LINE_MM))))
    horiz = cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (n, 1)))
    vert = cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, n)))
    lines = cv2.dilate(cv2.bitwise_or(horiz, vert), cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    return cv2.bitwise_and(mask, cv2.bitwise_not(lines))


def find_ink(image, label_box, text_boxes, dpi: float, limit_right: float | None = None) -> Mark | None:
    """Handwriting next to a signature label: to its right, else below it; None when the field is blank.

    ``label_box`` is the label's (x0, top, x1, bottom) in pixels; ``text_boxes``
    are the boxes of printed text read on the page (taken out of the search,
    with the label's own box); ``limit_right`` is where the next printed field
    of the same line starts.
    """
    import numpy as np

    arr = np.asarray(image.convert("RGB"))
    H, W = arr.shape[:2]
    x0, y0, x1, y1 = label_box
    h = max(8.0, y1 - y0)
    right_end = min(W, x1 + _mm(dpi, 50), limit_right if limit_right is not None else W)
    regions = [
        (x1 + 0.15 * h, y0 - 0.9 * h, right_end - 0.15 * h, y1 + 0.9 * h),  # to the right
    ]
    below_end = y1 + 3.0 * h
    for bx0, by0, bx1, _ in text_boxes:
        if by0 > y1 + 0.2 * h and bx1 > x0 and bx0 < x0 + _mm(dpi, 50):
            below_end = min(below_end, by0 - 0.1 * h)  # stop at the next printed line below
    regions.append((x0 - 0.3 * h, y1 + 0.2 * h, min(W, x0 + _mm(dpi, 50)), below_end))
    for rx0, ry0, rx1, ry1 in regions:
        rx0, ry0 = int(max(0, rx0)), int(max(0, ry0))
        rx1, ry1 = int(min(W, rx1)), int(min(H, ry1))
        if rx1 - rx0 < _mm(dpi, 4) or ry1 - ry0 < _mm(dpi, 3):
            continue
        found = _ink_in(arr, (rx0, ry0, rx1, ry1), [label_box, *text_boxes], dpi)
        if found is not None:
            return found
    return None


def _ink_in(arr, region, text_boxes, dpi: float) -> Mark | None:
    import cv2
    import numpy as np

    rx0, ry0, rx1, ry1 = region
    mask = _dark_mask(arr[ry0:ry1, rx0:rx1]).copy()
    pad = max(2, int(round(_mm(dpi, 0.4))))
    for bx0, by0, bx1, by1 in text_boxes:  # printed text is not handwriting
        ix0, iy0 = int(max(rx0, bx0 - pad)), int(max(ry0, by0 - pad))
        ix1, iy1 = int(min(rx1, bx1 + pad)), int(min(ry1, by1 + pad))
        if ix0 < ix1 and iy0 < iy1:
            mask[iy0 - ry0:iy1 - ry0, ix0 - rx0:ix1 - rx0] = 0
    mask = _strip_lines(mask, dpi)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    min_area = max(4, int(_mm(dpi, 0.6) ** 2))
    keep = [i for i in range(1, n) if stats[i][4] >= min_area]
    if not keep:
        return None
    area = sum(int(stats[i][4]) for i in keep)
    xs0 = min(int(stats[i][0]) for i in keep)
    ys0 = min(int(stats[i][1]) for i in keep)
    xs1 = max(int(stats[i][0] + stats[i][2]) for i in keep)
    ys1 = max(int(stats[i][1] + stats[i][3]) for i in keep)
    span = max(xs1 - xs0, ys1 - ys0)
    if area < _mm(dpi, 1) ** 2 * _INK_MIN_MM2 or span < _mm(dpi, _INK_MIN_SPAN_MM):
        return None
    w, h = xs1 - xs0, ys1 - ys0
    share = area / float(max(1, w * h))
    if share > 0.6:
        return None  # a solid dark block (a redaction, a filled box) is not a signature
    box = (rx0 + xs0, ry0 + ys0, rx0 + xs1, ry0 + ys1)
    crop = np.isin(labels[ys0:ys1, xs0:xs1], keep)
    digest = hashlib.sha256(crop.tobytes()).hexdigest()[:16]
    info = ImageInfo(width=w, height=h, red_share=0.0, ink_share=share, dark_share=share,
                     digest=digest)
    return Mark("ink", box, info)
