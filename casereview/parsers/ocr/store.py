"""What the OCR cache holds, as JSON and back: a page picture's reading and a finished page's blocks.

A reading entry keeps the engine, the turn applied, the upright picture's size
and the text segments (``OcrLine.to_json``); a page entry keeps the finished
page's blocks (text, box, cells, confidence and their pictures: seals, ink and
field marks), its mean confidence and its character count. Reading an entry
back raises ``DamagedEntry`` for anything malformed: the caller reads the page
again and overwrites it. A change to either form is a change to the cache's
``READING_VERSION`` or ``LAYOUT_VERSION``.
"""

from __future__ import annotations

from casereview.model import Block, ImageInfo, Location
from casereview.parsers.ocr.engines import OcrLine

__all__ = [
    "DamagedEntry",
    "reading_entry",
    "reading_from_entry",
    "page_entry",
    "page_from_entry",
    "block_json",
    "block_from_json",
]

_IMAGE_FIELDS = ("width", "height", "bbox", "red_share", "ink_share", "dark_share", "digest", "mark", "round")


class DamagedEntry(ValueError):
    """A cache entry that cannot be read back (truncated, edited, or of another form)."""


def reading_entry(engine, angle: float, size, lines: list[OcrLine]) -> dict:
    """A page picture's reading as stored: the engine, the turn, the upright size, the segments."""
    return {
        "engine": engine.name,
        "engine_version": engine.version,
        "angle": angle,
        "size": list(size),
        "lines": [x.to_json() for x in lines],
    }


def reading_from_entry(entry: dict) -> tuple[list[OcrLine], float]:
    """(segments, turn) of a stored reading."""
    try:
        return [OcrLine.from_json(x) for x in entry["lines"]], float(entry["angle"])
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise DamagedEntry(str(exc)) from exc


def page_entry(blocks: list[Block], confidence: float, chars: int) -> dict:
    """A finished page as stored: its blocks, mean confidence and character count."""
    return {"blocks": [block_json(b) for b in blocks], "confidence": confidence, "chars": chars}


def page_from_entry(entry: dict, name: str, page_no: int) -> tuple[list[Block], float, int]:
    """(blocks, confidence, chars) of a stored page, the blocks located in file ``name`` at ``page_no``."""
    try:
        blocks = [block_from_json(x, name, page_no) for x in entry["blocks"]]
        return blocks, float(entry["confidence"]), int(entry["chars"])
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise DamagedEntry(str(exc)) from exc


def block_json(b: Block) -> dict:
    """One text line block of an OCR page, with its pictures, as JSON."""
    return {
        "text": b.text,
        "bbox": list(b.bbox) if b.bbox else None,
        "size": b.size,
        "cell_x": b.cell_x,
        "confidence": b.confidence,
        "page_break_before": b.page_break_before,
        "images": [
            {k: (list(v) if isinstance(v, tuple) else v) for k in _IMAGE_FIELDS for v in [getattr(i, k)]}
            for i in b.images
        ],
    }


def block_from_json(d: dict, name: str, page_no: int) -> Block:
    """A block stored by ``block_json``, back in file ``name`` at ``page_no``."""
    images = [
        ImageInfo(**{**i, "bbox": tuple(i["bbox"]) if i.get("bbox") else None}) for i in d.get("images", [])
    ]
    return Block(
        kind="paragraph",
        text=d["text"],
        loc=Location(name, page_no),
        bbox=tuple(d["bbox"]) if d.get("bbox") else None,
        size=d.get("size"),
        cell_x=d.get("cell_x"),
        confidence=d.get("confidence"),
        page_break_before=bool(d.get("page_break_before")),
        images=images,
    )
