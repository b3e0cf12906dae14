"""Colour statistics of a picture: enough to tell a red stamp from ink or a photo.

One function for every source (a .docx picture, a PDF image object, a page
scan), so seals and signatures are judged the same way whatever the format.
"""

from __future__ import annotations

import hashlib
import io
import warnings

from casereview.model import ImageInfo

_SAMPLE = 96  # pictures are reduced to at most this many pixels a side before counting


def analyse_pil(img, bbox=None, digest: str = "") -> ImageInfo:
    """Count background, red and dark pixels of a PIL image (any mode)."""
    width, height = img.size
    small = img.copy()
    small.thumbnail((_SAMPLE, _SAMPLE))
    rgba = small.convert("RGBA")
    total = rgba.size[0] * rgba.size[1] or 1
    ink = red = dark = 0
    # Image.getdata is deprecated (removed in Pillow 14); get_flattened_data exists from Pillow 12.1.
    pixels = rgba.get_flattened_data() if hasattr(rgba, "get_flattened_data") else rgba.getdata()
    for r, g, b, a in pixels:
        if a < 96 or min(r, g, b) > 215:
            continue  # transparent or paper-white
        ink += 1
        if r > 140 and r > 1.6 * g and r > 1.6 * b:
            red += 1
        elif (r + g + b) / 3 < 150:
            dark += 1
    return ImageInfo(
        width=width,
        height=height,
        bbox=bbox,
        red_share=(red / ink) if ink else 0.0,
        ink_share=ink / total,
        dark_share=dark / total,
        digest=digest,
    )


def analyse_bytes(data: bytes, bbox=None) -> ImageInfo | None:
    """Statistics of an encoded picture (PNG, JPEG, …); None when it cannot be decoded.

    EMF/WMF pictures (common in old templates) cannot be decoded by Pillow and
    give None: the caller keeps the picture as present but of unknown kind.
    """
    from PIL import Image

    digest = hashlib.sha256(data).hexdigest()[:16]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                img.draft("RGB", (_SAMPLE * 2, _SAMPLE * 2))  # JPEG: decode at reduced size
                return analyse_pil(img, bbox=bbox, digest=digest)
    except Exception:  # noqa: BLE001 - any undecodable picture is simply "unknown"
        return None
