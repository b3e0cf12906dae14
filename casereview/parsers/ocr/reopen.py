"""Finding the bytes of a source again for OCR: the file on disk, or a member of a (nested) zip.

Parsers keep a source's path relative to what was read (a case folder, one
file, or a .zip), not its bytes; OCR needs the page pictures, so it opens the
file again from that root.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path, PurePosixPath

from casereview.parsers import _member_name

__all__ = ["source_data"]


def source_data(rel: str, root: str | os.PathLike | None) -> bytes | Path:
    """The file a SourceFile was read from: a path on disk, or the bytes of a (nested) zip member."""
    if root is None:
        return Path(rel)
    base = Path(root)
    if base.is_file():
        if zipfile.is_zipfile(base) and base.suffix.lower() not in (".docx", ".pdf") and rel != base.name:
            return _from_zip(base.read_bytes(), PurePosixPath(rel).parts)
        return base
    parts = PurePosixPath(rel).parts
    for k in range(len(parts), 0, -1):
        p = base.joinpath(*parts[:k])
        if p.is_file():
            if k == len(parts):
                return p
            return _from_zip(p.read_bytes(), parts[k:])
    raise FileNotFoundError(rel)


def _from_zip(data: bytes, parts: tuple[str, ...]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = {_member_name(i): i for i in zf.infolist() if not i.is_dir()}
        for k in range(len(parts), 0, -1):
            info = names.get("/".join(parts[:k]))
            if info is None:
                continue
            blob = zf.read(info)
            return blob if k == len(parts) else _from_zip(blob, parts[k:])
    raise KeyError("/".join(parts))
