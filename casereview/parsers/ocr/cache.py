"""OCR results cached on disk by page-image hash, so re-scoring a batch does not read it again.

The key is the sha256 of the page picture's pixels (mode, size and bytes, as
rendered or decoded, before any turning), the engine's name and version, and
this pipeline's version. Entries are small JSON files under a cache directory
that is never inside the input folders: ``CASEREVIEW_CACHE_DIR`` if set, else
``$XDG_CACHE_HOME/casereview/ocr``, else ``~/.cache/casereview/ocr``; an
explicit argument wins over both. Writes are atomic (a temporary file in the
same directory, then ``os.replace``), so parallel workers never see half an entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

__all__ = ["OcrCache", "default_cache_dir", "image_digest", "PIPELINE_VERSION"]

PIPELINE_VERSION = 2  # bump when page preparation or the stored layout changes


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


class OcrCache:
    """A directory of OCR results; ``get``/``put`` by key. Never raises for an unusable cache."""

    def __init__(self, directory: str | os.PathLike | None = None, enabled: bool = True) -> None:
        self.directory = Path(directory).expanduser() if directory else default_cache_dir()
        self.enabled = enabled
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(digest: str, engine_name: str, engine_version: str, dpi: int | None = None) -> str:
        raw = f"{digest}|{engine_name}|{engine_version}|dpi={dpi}|v{PIPELINE_VERSION}"
        return hashlib.sha256(raw.encode()).hexdigest()

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
        if not isinstance(data, dict) or data.get("pipeline") != PIPELINE_VERSION:
            self.misses += 1
            return None
        self.hits += 1
        return data

    def put(self, key: str, data: dict) -> bool:
        """Store an entry atomically; False (not an error) when the directory is not writable."""
        if not self.enabled:
            return False
        target = self.path(key)
        payload = json.dumps({**data, "pipeline": PIPELINE_VERSION}, ensure_ascii=False, separators=(",", ":"))
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
