"""Scanned pages as image files: one page each, always needing OCR."""

from __future__ import annotations

import io
import warnings

from casereview.model import Block, CaseError, Location, SourceFile
from casereview.parsers.images import analyse_pil
from casereview.parsers.limits import Limits


def read_image(data: bytes, name: str, limits: Limits) -> SourceFile:
    """Check the picture decodes and mark its page as needing OCR (read by the OCR stage)."""
    from PIL import Image

    src = SourceFile(path=name, format="image", page_count=1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                if img.size[0] * img.size[1] > limits.max_image_pixels:
                    raise ValueError("too many pixels")
                img.load()
                info = analyse_pil(img)
    except Exception as exc:  # noqa: BLE001 - any decoding failure is reported as unreadable
        src.errors.append(CaseError(name, f"图片无法解码，文件损坏或格式不符（{type(exc).__name__}）", "unreadable"))
        return src
    src.ocr_pages.append(1)
    src.blocks.append(Block(kind="image", text="", loc=Location(name, 1, 1), images=[info]))
    return src
