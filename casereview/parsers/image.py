"""Scanned pages as image files: one page each, always needing OCR."""

from __future__ import annotations

import io
import warnings

from casereview.model import Block, CaseError, Location, SourceFile
from casereview.parsers.images import analyse_pil
from casereview.parsers.limits import Limits


def read_image(data: bytes, name: str, limits: Limits) -> SourceFile:
    """Check the picture decodes and mark its page as needing OCR (read by the OCR stage).

    The pixel count is read from the header and checked before anything is
    decoded; a big JPEG is decoded at a reduced size (only its colours are
    measured here).
    """
    from PIL import Image

    src = SourceFile(path=name, format="image", page_count=1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                width, height = img.size
                if width * height > limits.max_image_pixels:
                    src.errors.append(CaseError(name, _too_many(width, height, limits), "too_large"))
                    return src
                if width * height > limits.max_measure_pixels:
                    img.draft(
                        "RGB", (_MEASURE_SIDE, _MEASURE_SIDE)
                    )  # a big JPEG: decoded at 1/2 … 1/8 of its size
                img.load()
                info = analyse_pil(img)
                info.width, info.height = width, height
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        src.errors.append(
            CaseError(name, "图片像素过多（超过 8900 万像素），疑似解压炸弹，未解码", "too_large")
        )
        return src
    except Exception as exc:  # noqa: BLE001 - any decoding failure is reported as unreadable
        src.errors.append(
            CaseError(name, f"图片无法解码，文件损坏或格式不符（{type(exc).__name__}）", "unreadable")
        )
        return src
    src.ocr_pages.append(1)
    src.blocks.append(Block(kind="image", text="", loc=Location(name, 1, 1), images=[info]))
    return src


_MEASURE_SIDE = 1024


def _too_many(width: int, height: int, limits: Limits) -> str:
    return (
        f"图片像素过多（{width}×{height}，约 {width * height / 1e6:.0f} 百万像素，上限 "
        f"{limits.max_image_pixels / 1e6:.0f} 百万），未解码"
    )
