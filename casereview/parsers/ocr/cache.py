"""OCR results cached on disk, keyed by what decides them, so re-scoring a batch does not read again.

Two kinds of entry (their JSON is ``store.py``'s):

* a **reading** — what the engine read on one page picture — keyed by
  ``reading_key``: the sha256 of the picture's pixels (mode, size and bytes,
  as rendered or decoded, before any turning), the engine's name and version
  (for rapidocr: the package, its model files, onnxruntime and the settings;
  for tesseract: its version line, language and page mode), the engine's
  confidence floor (it decides which extra turns are read), the render dpi
  (None for an image file) and ``READING_VERSION``;
* a **finished page** — the blocks put in place of a page image, seals and
  ink attached — keyed by ``page_key``: the sha256 of the source file, the
  page number, the same engine inputs, the dpi asked for, the pixel cap a
  page is rendered within, the signature labels looked for (the text of
  ``text.labels.SIGNATURE_LABEL``: data from another layer, which changes the
  ink found), ``READING_VERSION`` and ``LAYOUT_VERSION``.

A key is a function of these declared inputs only: no source file is read or
hashed, so reformatting or refactoring the code keeps every cached page. The
price is a rule: **bump a version when its output changes** (see each
constant). Entries are small JSON files under a cache directory that is never
inside the input folders: ``CASEREVIEW_CACHE_DIR`` if set, else
``$XDG_CACHE_HOME/casereview/ocr``, else ``~/.cache/casereview/ocr``; an
explicit argument wins over both. Writes are atomic (a temporary file in the
same directory, then ``os.replace``), so parallel workers never see half an entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import cache
from pathlib import Path

from casereview.text.labels import SIGNATURE_LABEL

__all__ = [
    "OcrCache",
    "default_cache_dir",
    "image_digest",
    "file_digest",
    "reading_key",
    "page_key",
    "READING_VERSION",
    "LAYOUT_VERSION",
]

# Bump when what a page picture reads as changes for the same engine: page preparation (turning,
# de-skewing, the extra readings of page.prepare_page), the seal red taken out before reading
# (marks.find_seals, marks.drop_red), engine settings its version string does not name, or the
# stored reading (store.reading_entry). (2: the former PIPELINE_VERSION.)
READING_VERSION = 2
# Bump when the finished page changes for the same reading: lines → blocks, cells and wrapped lines
# (layout.py), seals and signature ink attached (marks.py), the stored blocks (store.py), pictures
# carried over from the PDF (apply._kept_pictures), or what these borrow from other modules
# (segments.normalize_line, pdf._join_wrapped and _attach_images, text.names.split_names,
# images.ring_fit / analyse_pil).
LAYOUT_VERSION = 1


def default_cache_dir() -> Path:
    """Where OCR results are kept unless told otherwise."""
    env = os.environ.get("CASEREVIEW_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "casereview" / "ocr"


def image_digest(image) -> str:
    """sha256 of a PIL image's pixels (with its mode and size, so two layouts never collide)."""
    h = hashlib.sha256()
    h.update(f"{image.mode}:{image.size[0]}x{image.size[1]}:".encode())
    h.update(image.tobytes())
    return h.hexdigest()


def file_digest(path: str | os.PathLike) -> str:
    """sha256 of a file, read in pieces (a big scanned PDF is never held whole)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _engine_inputs(engine) -> dict:
    return {"engine": engine.name, "engine_version": engine.version, "min_confidence": engine.min_confidence}


def _digest(kind: str, inputs: dict) -> str:
    raw = json.dumps({"kind": kind, **inputs}, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(raw.encode()).hexdigest()


@cache
def _labels() -> str:
    return hashlib.sha256(SIGNATURE_LABEL.pattern.encode()).hexdigest()[:16]


def reading_key(image_sha: str, engine, dpi: float | None = None) -> str:
    """Key of one page picture's reading: its pixels' sha256 (``image_digest``), the engine (name,
    version, confidence floor), the render dpi (None for an image file) and ``READING_VERSION``."""
    return _digest(
        "reading",
        {"image": image_sha, **_engine_inputs(engine), "dpi": dpi, "reading_version": READING_VERSION},
    )


def page_key(file_sha: str, page_no: int, engine, dpi: int | None, max_pixels: int | None) -> str:
    """Key of a finished page: the source file's sha256 and the page number, the engine, the dpi asked
    for (None for an image file) and the pixel cap it is rendered or decoded within, the signature
    labels looked for, ``READING_VERSION`` and ``LAYOUT_VERSION``."""
    return _digest(
        "page",
        {
            "file": file_sha,
            "page": page_no,
            **_engine_inputs(engine),
            "dpi": dpi,
            "max_pixels": max_pixels,
            "labels": _labels(),
            "reading_version": READING_VERSION,
            "layout_version": LAYOUT_VERSION,
        },
    )


class OcrCache:
    """A directory of OCR results; ``get``/``put`` by key. Never raises for an unusable cache."""

    def __init__(self, directory: str | os.PathLike | None = None, enabled: bool = True) -> None:
        self.directory = Path(directory).expanduser() if directory else default_cache_dir()
        self.enabled = enabled
        self.hits = 0
        self.misses = 0

    def path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict | None:
        if not self.enabled:
            return None
        try:
            data = json.loads(self.path(key).read_text("utf-8"))
        except (OSError, ValueError):
            self.misses += 1
            return None
        if not isinstance(data, dict):
            self.misses += 1
            return None
        self.hits += 1
        return data

    def put(self, key: str, data: dict) -> bool:
        """Store an entry atomically; False (not an error) when the directory is not writable."""
        if not self.enabled:
            return False
        target = self.path(key)
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=target.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    fh.write(payload)
                os.replace(tmp, target)
            except BaseException:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
                raise
        except OSError:
            return False
        return True
