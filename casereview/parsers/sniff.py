"""Tell a file's real format from its first bytes; the extension is only a hint."""

from __future__ import annotations

import zipfile
from pathlib import Path

EXT_FORMATS = {
    ".docx": "docx",
    ".docm": "docx",
    ".pdf": "pdf",
    ".txt": "txt",
    ".text": "txt",
    ".doc": "ole",
    ".wps": "ole",
    ".zip": "zip",
    ".jpg": "image",
    ".jpeg": "image",
    ".png": "image",
    ".tif": "image",
    ".tiff": "image",
    ".bmp": "image",
}

# Files that are never case documents; reported as skipped, not as errors.
JUNK_NAMES = {"desktop.ini", "thumbs.db", ".ds_store"}


# Sizes from the ZIP specification (APPNOTE 4.3.15, 4.3.14): the zip64 end-of-central-directory locator
# and the fixed part of the zip64 end-of-central-directory record.
_ZIP64_LOCATOR = 20
_ZIP64_END = 56


def sniff_bytes(head: bytes) -> str | None:
    """Format from magic bytes, or None when the bytes say nothing (plain text, junk)."""
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zipfile"  # .docx or a plain archive: decided by its members
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"  # .doc, .wps (Kingsoft), .xls …: converted by LibreOffice
    if head.startswith(b"\x89PNG\r\n\x1a\n") or head.startswith(b"\xff\xd8\xff"):
        return "image"
    if head[:4] in (b"II*\x00", b"MM\x00*") or head.startswith(b"BM"):
        return "image"
    return None


def zip_entries(data: bytes | Path) -> tuple[int, int] | None:
    """(entries, central directory bytes) a zip declares at its end, read without parsing its directory
    (``zipfile`` builds an object per entry: a directory of millions of entries takes gigabytes)."""
    try:
        if isinstance(data, bytes):
            tail, blob = data[-(65536 + 22) :], data
        else:
            with open(data, "rb") as fh:
                fh.seek(max(0, fh.seek(0, 2) - (65536 + 22)))
                tail = fh.read()
            blob = None
        i = tail.rfind(b"PK\x05\x06")
        if i < 0 or len(tail) < i + 22:
            return None
        entries = int.from_bytes(tail[i + 10 : i + 12], "little")
        cd_size = int.from_bytes(tail[i + 12 : i + 16], "little")
        loc = tail[i - _ZIP64_LOCATOR : i] if i >= _ZIP64_LOCATOR else b""
        if loc[:4] == b"PK\x06\x07":  # ZIP64: the real counts are in the ZIP64 end record
            off = int.from_bytes(loc[8:16], "little")
            if blob is not None:
                rec = blob[off : off + 56]
            else:
                with open(data, "rb") as fh:
                    fh.seek(off)
                    rec = fh.read(_ZIP64_END)
            if rec[:4] == b"PK\x06\x06" and len(rec) == _ZIP64_END:
                entries = int.from_bytes(rec[32:40], "little")
                cd_size = int.from_bytes(rec[40:48], "little")
        return entries, cd_size
    except (OSError, ValueError):
        return None


def zip_kind(zf: zipfile.ZipFile) -> str:
    """'docx' for a Word package (its parts list may be damaged: python-docx then says so), 'ooxml' for
    another Office package (Excel, PowerPoint, or a Word package without its body), 'zip' for an archive."""
    names = set(zf.namelist())
    if "word/document.xml" in names:
        return "docx"
    if "[Content_Types].xml" in names or any(n.startswith("word/") for n in names):
        return "ooxml"
    return "zip"


def sniff(path: Path, head: bytes) -> str | None:
    """Real format of the file at ``path`` given its first bytes."""
    kind = sniff_bytes(head)
    if kind == "zipfile":
        try:
            with zipfile.ZipFile(path) as zf:
                return zip_kind(zf)
        except Exception:  # noqa: BLE001 - BadZipFile, OSError, and ValueError/struct.error on crafted directories
            return "broken_zip"
    if kind is None and EXT_FORMATS.get(path.suffix.lower()) == "txt":
        return "txt"
    return kind
