"""Seals and signature ink on a page picture.

**Seals**: red pixels → a closing that joins a stamp's ring, star and text →
connected components → kept when the component is of stamp size (12-60 mm
across), round or oval (width/height 0.6-1.67), and its outline is a ring:
the outermost red in every direction from the centre lies at nearly the same
(scaled) distance — ``images.ring_fit``, the same test a stamp picture in a
.docx or a PDF gets. A red heading is too wide, a red table line too thin, a
red ruled box has its corners off the ring, a big red character has an
outline full of notches.

**Ink**: given the box of a signature label (当事人签名：), the region to its
right (or below it, where nothing is signed to the right) is searched for dark
strokes once printed text boxes and ruled lines are taken out: handwriting is
detected, not read. Strokes a few millimetres apart make one signature; each
signature is one mark. An empty box or a box holding only its printed label
has no ink left (clean); specks too big for dust and too small or flat for
writing are ``faint`` (a person looks).

**On the page's lines** (``page_pictures``, ``attach_ink``): the seals found
join the pictures the page already holds (a stamp image a PDF carries is not
counted twice), and every line holding a signature label gets what lies in its
field: one ``ink`` picture per signature, else a ``faint`` or ``clean`` mark.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from casereview.model import Block, ImageInfo
from casereview.parsers.images import RING_COVER, RING_SPREAD, analyse_pil, ring_fit
from casereview.parsers.ocr.engines import OcrLine
from casereview.text.labels import SIGNATURE_LABEL
from casereview.text.names import split_names

__all__ = [
    "Mark",
    "InkField",
    "find_seals",
    "find_ink",
    "red_mask",
    "drop_red",
    "straight_runs",
    "without_runs",
    "vertical_rules",
    "page_pictures",
    "attach_ink",
]

SEAL_MM = (12.0, 60.0)  # diameters of round stamps, from a personal name stamp to a large official seal
_LINE_MM = 8.0  # straight dark runs longer than this are ruled lines, not handwriting
_INK_MIN_MM2 = 3.0  # less dark area than this in a cluster is dust, speckles or a dot
_INK_MIN_SPAN_MM = 4.0  # a signature is at least one handwritten character wide or tall
_INK_MIN_HEIGHT_MM = 2.0  # and stands this high: a flat smear is a broken line, not writing
_RULE_MM = 0.8  # pieces thinner than this and three times as long are bits of ruled lines
_GAP_MM = (3.5, 2.5)  # strokes closer than this (across, down) belong to one signature
_FIELD_MM = 80.0  # how far right of its label a field is searched (two signatures side by side)
_SEAL_PAPER = 170  # in the red channel, lighter than this under a seal is paper or seal ink, darker is print
_RED_MIN = 120  # seal red is brighter than this in the red channel (0..255)
_RED_OVER_GREEN = 45  # and its red channel exceeds green by more than this (0..255)
_RED_OVER_BLUE = 35  # and blue by more than this (0..255)
_SEAL_ASPECT = (0.6, 1.67)  # width / height of a round or oval stamp (财务专用章 40 x 30 mm)
_DARK_GRAY = 140  # gray level (0..255) below which a pixel is dark ink
_RULE_GRAY = 150  # gray level (0..255) below which a pixel may belong to a ruled line
_INK_MAX_SHARE = 0.6  # a cluster inking more than this share of its box is a solid block, not writing
_SEAL_OVERLAP = 0.3  # a found seal overlapping a PDF stamp image by more than this share is that image
_NAME_MAX_CHARS = 4  # a segment of at most this many characters may be a name, written or typed
_PRINT_MIN_CHARS = 8  # a segment of more characters than this is printed text


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
    m = (
        (r > _RED_MIN)
        & (r - g > _RED_OVER_GREEN)
        & (r - b > _RED_OVER_BLUE)
        & (r * 10 > g * 14)
        & (r * 10 > b * 14)
    )
    return m.astype(np.uint8) * 255


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
        if not _SEAL_ASPECT[0] <= w / h <= _SEAL_ASPECT[1]:  # round, or an oval stamp (财务专用章 40 x 30 mm)
            continue
        crop = np.where(labels[y : y + h, x : x + w] == i, mask[y : y + h, x : x + w], 0)
        cover, spread = ring_fit(crop)
        if cover < RING_COVER or spread > RING_SPREAD:
            continue
        crop = mask[y : y + h, x : x + w]  # all the red inside the ring (star, text) belongs to the seal
        # Statistics of the stamp layer alone: black text printed under a seal is not part of it.
        rgb = arr[y : y + h, x : x + w].copy()
        rgb[crop == 0] = 255
        layer = Image.fromarray(rgb)
        info = analyse_pil(layer, digest=hashlib.sha256(rgb.tobytes()).hexdigest()[:16])
        out.append(Mark("seal", (x, y, x + w, y + h), info))
    return out


def drop_red(image, boxes, dpi: float | None = None):
    """The picture with a seal's red taken out inside ``boxes`` (for OCR of the print under a seal).

    Inside each box (grown by 1 mm for the blurred rim) the page is replaced by
    its red channel: red ink is as bright as the paper there, black print stays
    dark, and the pink fringe a blurred or faded stamp leaves goes with the
    rest. What is still lighter than ``_SEAL_PAPER`` is paper. Where the stamp
    overlaps the print the pixel is dark in every channel and stays.
    """
    import numpy as np
    from PIL import Image

    arr = np.array(image.convert("RGB"))
    H, W = arr.shape[:2]
    grow = int(round(_mm(dpi, 1.0))) if dpi else 0
    for x0, y0, x1, y1 in boxes:
        x0, y0 = max(0, int(x0) - grow), max(0, int(y0) - grow)
        x1, y1 = min(W, int(x1) + grow), min(H, int(y1) + grow)
        red = arr[y0:y1, x0:x1, 0].copy()
        red[red > _SEAL_PAPER] = 255
        arr[y0:y1, x0:x1] = red[:, :, None]
    return Image.fromarray(arr)


def _dark_mask(arr):
    import numpy as np

    rgb = arr.astype(np.int32)
    gray = (rgb[:, :, 0] * 299 + rgb[:, :, 1] * 587 + rgb[:, :, 2] * 114) // 1000
    red = (rgb[:, :, 0] - rgb[:, :, 1] > _RED_OVER_GREEN) & (rgb[:, :, 0] - rgb[:, :, 2] > _RED_OVER_BLUE)
    return ((gray < _DARK_GRAY) & ~red).astype(np.uint8) * 255


def straight_runs(mask, length: int):
    """(horizontal, vertical): the straight runs at least ``length`` pixels long in a 0/255 mask —
    ruled lines, underlines, box edges. One place for the pages' turning, ink search and cell borders."""
    import cv2

    horiz = cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1)))
    vert = cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, length)))
    return horiz, vert


def without_runs(mask, length: int):
    """The mask with its straight runs (and a pixel around them) taken out."""
    import cv2

    horiz, vert = straight_runs(mask, length)
    lines = cv2.dilate(cv2.bitwise_or(horiz, vert), cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    return cv2.bitwise_and(mask, cv2.bitwise_not(lines))


def vertical_rules(image, dpi: float) -> list[tuple[float, float, float]]:
    """A page's vertical ruled lines (x, top, bottom) in pixels: dark runs at least 6 mm tall, under 1 mm thick."""
    import cv2
    import numpy as np

    dark = (np.asarray(image.convert("L")) < _RULE_GRAY).astype(np.uint8) * 255
    _, runs = straight_runs(dark, max(5, int(round(_mm(dpi, 6.0)))))
    n, _, stats, _ = cv2.connectedComponentsWithStats(runs, connectivity=8)
    thick = _mm(dpi, 1.0)
    return [
        (x + w / 2.0, float(y), float(y + h))
        for x, y, w, h, _ in (stats[i] for i in range(1, n))
        if w <= thick
    ]


@dataclass(slots=True)
class InkField:
    """What lies beside one signature label: one ``Mark`` per signature found, or only ``faint`` marks.

    ``marks`` empty and ``faint`` False: the field is clean paper (blank).
    ``faint``: dark marks too small or too flat for handwriting and too big
    for dust (a broken ruled line, a smudge, a very light signature): the
    field is neither signed nor blank for sure, and is left for a person.
    """

    marks: list[Mark]
    faint: bool = False


def find_ink(image, label_box, text_boxes, dpi: float, limit_right: float | None = None) -> InkField:
    """Handwriting next to a signature label: to its right, else below it.

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
    right_end = min(W, x1 + _mm(dpi, _FIELD_MM), limit_right if limit_right is not None else W)
    regions = [
        (x1 + 0.15 * h, y0 - 0.9 * h, right_end - 0.15 * h, y1 + 0.9 * h),  # to the right
    ]
    below_end = y1 + 3.0 * h
    for bx0, by0, bx1, _ in text_boxes:
        if by0 > y1 + 0.2 * h and bx1 > x0 and bx0 < x0 + _mm(dpi, 50):
            below_end = min(below_end, by0 - 0.1 * h)  # stop at the next printed line below
    regions.append((x0 - 0.3 * h, y1 + 0.2 * h, min(W, x0 + _mm(dpi, 50)), below_end))
    faint = False
    for k, (rx0, ry0, rx1, ry1) in enumerate(regions):
        rx0, ry0 = int(max(0, rx0)), int(max(0, ry0))
        rx1, ry1 = int(min(W, rx1)), int(min(H, ry1))
        if rx1 - rx0 < _mm(dpi, 4) or ry1 - ry0 < _mm(dpi, 3):
            continue
        found = _ink_in(arr, (rx0, ry0, rx1, ry1), [label_box, *text_boxes], dpi)
        if k == 0:
            found.marks = [m for m in found.marks if not _nearer_another_line(m.box, label_box, text_boxes)]
        if found.marks:
            return found
        faint = faint or found.faint
    return InkField([], faint)


def _nearer_another_line(box, label_box, text_boxes) -> bool:
    """Handwriting whose middle stands nearer another printed line to its left than the label's line: it
    spills over from that line's field (a signature's flourish reaching down into the next line)."""
    cy = (box[1] + box[3]) / 2
    ly = (label_box[1] + label_box[3]) / 2
    lh = max(1.0, label_box[3] - label_box[1])
    for bx0, by0, _bx1, by1 in text_boxes:
        ty = (by0 + by1) / 2
        if abs(ty - ly) > 0.6 * lh and bx0 < box[0] and abs(cy - ty) < abs(cy - ly) - 0.2 * lh:
            return True
    return False


def _ink_in(arr, region, text_boxes, dpi: float) -> InkField:
    """Signatures in one region: dark strokes (printed text and ruled lines taken out) grouped into
    clusters a few millimetres apart; a cluster of handwriting size is a signature."""
    import cv2
    import numpy as np

    rx0, ry0, rx1, ry1 = region
    mask = _dark_mask(arr[ry0:ry1, rx0:rx1]).copy()
    pad = max(2, int(round(_mm(dpi, 0.4))))
    for bx0, by0, bx1, by1 in text_boxes:  # printed text is not handwriting
        ix0, iy0 = int(max(rx0, bx0 - pad)), int(max(ry0, by0 - pad))
        ix1, iy1 = int(min(rx1, bx1 + pad)), int(min(ry1, by1 + pad))
        if ix0 < ix1 and iy0 < iy1:
            mask[iy0 - ry0 : iy1 - ry0, ix0 - rx0 : ix1 - rx0] = 0
    mask = without_runs(mask, max(5, int(round(_mm(dpi, _LINE_MM)))))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    min_area = max(4, int(_mm(dpi, 0.6) ** 2))
    thin = _mm(dpi, _RULE_MM)
    keep = np.zeros(n, dtype=bool)
    for i in range(1, n):
        _, _, w, h, area = (int(v) for v in stats[i])
        if area < min_area:
            continue  # dust, noise
        if (h <= thin and w >= 3 * h) or (w <= thin and h >= 3 * w):
            continue  # a piece of a ruled line broken by noise or blur
        keep[i] = True
    if not keep.any():
        return InkField([])
    strokes = keep[labels].astype(np.uint8) * 255
    gap = cv2.getStructuringElement(
        cv2.MORPH_RECT, (max(3, int(_mm(dpi, _GAP_MM[0]))), max(3, int(_mm(dpi, _GAP_MM[1]))))
    )
    m, groups, gstats, _ = cv2.connectedComponentsWithStats(cv2.dilate(strokes, gap), connectivity=8)
    marks: list[Mark] = []
    for g in range(1, m):
        gx, gy, gw, gh, _ = (int(v) for v in gstats[g])
        ink = (groups[gy : gy + gh, gx : gx + gw] == g) & (strokes[gy : gy + gh, gx : gx + gw] > 0)
        ys, xs = np.nonzero(ink)
        if not len(xs):
            continue
        x0, y0, x1, y1 = int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1
        w, h, area = x1 - x0, y1 - y0, int(ink.sum())
        share = area / float(max(1, w * h))
        if (
            area < _mm(dpi, 1) ** 2 * _INK_MIN_MM2
            or max(w, h) < _mm(dpi, _INK_MIN_SPAN_MM)
            or h < _mm(dpi, _INK_MIN_HEIGHT_MM)
            or share > _INK_MAX_SHARE
        ):
            continue  # too little, too flat, or a solid block (a redaction, a filled box)
        crop = ink[y0:y1, x0:x1]
        info = ImageInfo(
            width=w,
            height=h,
            red_share=0.0,
            ink_share=share,
            dark_share=share,
            digest=hashlib.sha256(crop.tobytes()).hexdigest()[:16],
        )
        box = (rx0 + gx + x0, ry0 + gy + y0, rx0 + gx + x1, ry0 + gy + y1)
        marks.append(Mark("ink", box, info))
    marks.sort(key=lambda k: (k.box[0], k.box[1]))
    return InkField(marks, faint=not marks)


# -- marks given to the page's lines ----------------------------------------------------------------

_HANDWRITING_CONFIDENCE = 0.8


def page_pictures(image, dpi: float, pictures: list[ImageInfo] | None = None) -> list[ImageInfo]:
    """The page's pictures (boxes in points) and the seals found on its picture, a seal that a stamp
    image of the PDF already covers left out."""
    pt = 72.0 / dpi
    images = list(pictures or [])
    for seal in find_seals(image, dpi):
        box = tuple(v * pt for v in seal.box)
        if any(
            _overlap(box, p.bbox) > _SEAL_OVERLAP for p in images if p.bbox is not None and p.looks_like_seal
        ):
            continue  # the stamp image the PDF already holds
        seal.info.bbox = box
        images.append(seal.info)
    return images


def _overlap(a, b) -> float:
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1])) or 1.0
    return inter / smaller


def attach_ink(
    image, lines: list[OcrLine], blocks: list[Block], rows: list[list[OcrLine]], dpi: float
) -> None:
    """Look beside every signature label and give the label's line what is there: one ``ink`` picture per
    handwritten signature, a ``faint`` mark when it cannot be told, or a ``clean`` mark for paper only.

    ``image`` is the upright page picture and ``lines`` everything read on it; ``rows[i]`` holds the
    segments of ``blocks[i]``. What OCR read in the field counts as ink unless it is print: a
    handwritten name is often read as text (a short run of characters, or garbage with a low
    confidence). Text read in the label's own line after the label is the field's written value
    (signatures() reads it as a name), so its box is not counted a second time as a picture.
    """
    pt = 72.0 / dpi
    for block, row in zip(blocks, rows, strict=True):
        if not SIGNATURE_LABEL.search(block.text.replace(" ", "")):
            continue
        for i, seg in enumerate(row):
            compact = re.sub(r"\s+", "", seg.text)
            for m in SIGNATURE_LABEL.finditer(compact):
                n = len(compact) or 1
                x0, y0, x1, y1 = seg.box
                cw = (x1 - x0) / n
                label = (x0 + cw * m.start(), y0, x0 + cw * m.end(), y1)
                own_row = {id(s) for s in row}
                others = [
                    s.box
                    for s in lines
                    if s is not seg and (_is_print(s) or (id(s) in own_row and split_names(s.text)))
                ]
                limit = row[i + 1].box[0] if i + 1 < len(row) else None
                rest = compact[m.end() :]
                if rest.strip():
                    # What follows the label in its own segment is read as text (a name, or 日期：…).
                    others.append((label[2], y0, x1, y1))
                    limit = label[2] + cw * max(1, len(rest)) if limit is None else min(limit, x1)
                found = find_ink(image, label, others, dpi, limit_right=None if rest.strip() else limit)
                for mark in found.marks:
                    mark.info.bbox = tuple(v * pt for v in mark.box)
                    mark.info.mark = "ink"
                    block.images.append(mark.info)
                if not found.marks:
                    box = tuple(v * pt for v in label)
                    block.images.append(
                        ImageInfo(
                            0,
                            0,
                            box,
                            mark="faint" if found.faint else "clean",
                            digest=f"field:{round(box[0])}:{round(box[1])}",
                        )
                    )


def _is_print(seg: OcrLine) -> bool:
    """A segment read as printed text: anything but a short run that may be a handwritten name."""
    text = re.sub(r"\s+", "", seg.text)
    if SIGNATURE_LABEL.search(text) or re.search(r"[0-9０-９年月日:：]", text):
        return True
    if len(text) <= _NAME_MAX_CHARS:
        return False  # a name, written or typed
    return len(text) > _PRINT_MIN_CHARS or seg.confidence >= _HANDWRITING_CONFIDENCE
