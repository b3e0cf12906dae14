"""Colour statistics of a picture: enough to tell a red stamp from ink or a photo.

One function for every source (a .docx picture, a PDF image object, a page
scan), so seals and signatures are judged the same way whatever the format.
"""

from __future__ import annotations

import hashlib
import io
import math
import warnings

from casereview.model import ImageInfo

_SAMPLE = 96  # pictures are reduced to at most this many pixels a side before counting
# Pixel classes (RGBA, 0-255): ink is opaque and darker than paper; red ink is bright red with red well
# above green and blue (r > 1.6 g, r > 1.6 b); dark ink (black, blue) sums its channels below this.
_OPAQUE = 96
_PAPER = 215
_RED_MIN = 140
_DARK_SUM = 450
_MOSTLY_RED = 0.5  # red share of the ink from which the outline is tested for a stamp
_MIN_STAMP_PIXELS = 12  # fewer red pixels than this have no outline to speak of


def analyse_pil(img, bbox=None, digest: str = "") -> ImageInfo:
    """Count background, red and dark pixels of a PIL image (any mode); for a mostly red picture, also
    whether its red outline is round or oval (a stamp) — the same test ``find_seals`` applies on pages."""
    import numpy as np

    width, height = img.size
    a = np.asarray(_sample(img).convert("RGBA"), dtype=np.int16)
    r, g, b, alpha = a[..., 0], a[..., 1], a[..., 2], a[..., 3]
    total = r.size or 1
    ink_m = (alpha >= _OPAQUE) & (
        np.minimum(np.minimum(r, g), b) <= _PAPER
    )  # not transparent, not paper-white
    red_m = ink_m & (r > _RED_MIN) & (r * 10 > g * 16) & (r * 10 > b * 16)
    dark_m = ink_m & ~red_m & ((r + g + b) < _DARK_SUM)
    ink, red = int(ink_m.sum()), int(red_m.sum())
    red_share = (red / ink) if ink else 0.0
    return ImageInfo(
        width=width,
        height=height,
        bbox=bbox,
        red_share=red_share,
        ink_share=ink / total,
        dark_share=int(dark_m.sum()) / total,
        digest=digest,
        round=stamp_outline(red_m) if red_share >= _MOSTLY_RED else None,
    )


def _sample(img):
    """``img`` reduced to at most ``_SAMPLE`` pixels a side, as ``thumbnail`` would, without copying it
    first (a copy of a big picture would double its memory)."""
    from PIL import Image

    w, h = img.size
    if w <= _SAMPLE and h <= _SAMPLE:
        return img
    aspect = w / h
    x = y = _SAMPLE
    if x / y >= aspect:
        x = max(min(math.floor(y * aspect), math.ceil(y * aspect), key=lambda n: abs(aspect - n / y)), 1)
    else:
        y = max(
            min(
                math.floor(x / aspect),
                math.ceil(x / aspect),
                key=lambda n: 0 if n == 0 else abs(aspect - x / n),
            ),
            1,
        )
    return img.resize((x, y), Image.Resampling.BICUBIC, reducing_gap=2.0)


_RING_BINS = 72
RING_COVER = 0.9  # share of directions from the centre that meet red (a faded stamp may miss a few)
RING_SPREAD = 0.08  # most spread of the outer radius (std / mean) for a round or oval outline


def ring_fit(mask) -> tuple[float, float]:
    """How round (or oval) the outline of a shape is: (share of directions holding it, spread of its
    outer radius), on a boolean or 0/255 mask cropped to the shape.

    Coordinates are scaled by the crop's half width and half height, so an
    oval stamp counts as round. From the centre, the outermost pixel in each of
    72 directions then lies at the same distance for a ring (spread near 0); a
    square box or a character has corners and notches (spread 0.15 and more).
    """
    import math

    import numpy as np

    h, w = mask.shape
    ys, xs = np.nonzero(mask)
    if len(xs) == 0 or min(w, h) <= 1:
        return 0.0, 1.0
    dx = (xs - (w - 1) / 2.0) / (w / 2.0)
    dy = (ys - (h - 1) / 2.0) / (h / 2.0)
    rr = np.hypot(dx, dy)
    bins = (
        ((np.arctan2(dy, dx) + math.pi) / (2 * math.pi) * _RING_BINS).astype(np.int64).clip(0, _RING_BINS - 1)
    )
    outer = np.zeros(_RING_BINS)
    np.maximum.at(outer, bins, rr)
    held = outer[outer > 0]
    if len(held) <= 1:  # no spread to measure
        return 0.0, 1.0
    return len(held) / _RING_BINS, float(held.std() / held.mean())


def stamp_outline(mask) -> bool:
    """The shape's outline is a ring or an oval: a stamp, not a box, a banner or a character."""
    import numpy as np

    ys, xs = np.nonzero(mask)
    if len(xs) < _MIN_STAMP_PIXELS:
        return False
    crop = mask[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]
    cover, spread = ring_fit(crop)
    return cover >= RING_COVER and spread <= RING_SPREAD


def analyse_bytes(data: bytes, bbox=None, max_pixels: int = 40_000_000) -> ImageInfo | None:
    """Statistics of an encoded picture (PNG, JPEG, …); None when it cannot be decoded.

    EMF/WMF pictures (common in old templates) cannot be decoded by Pillow and
    give None: the caller keeps the picture as present but of unknown kind. A
    picture of more than ``max_pixels`` (after a JPEG's reduced decoding) is
    not decoded: its size is known, its colours are not.
    """
    from PIL import Image

    digest = hashlib.sha256(data).hexdigest()[:16]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                img.draft("RGB", (_SAMPLE * 2, _SAMPLE * 2))  # JPEG: decode at reduced size
                if img.size[0] * img.size[1] > max_pixels:  # checked on the header: never decoded
                    return ImageInfo(width=img.size[0], height=img.size[1], bbox=bbox, digest=digest)
                return analyse_pil(img, bbox=bbox, digest=digest)
    except Exception:  # noqa: BLE001 - any undecodable picture is simply "unknown"
        return None
