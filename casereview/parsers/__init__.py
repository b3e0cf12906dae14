"""Parsers: turn the files of one case into SourceFile objects (blocks in reading order).

``read_sources(path)`` accepts a case folder (any depth), a single file or a
.zip, tells each file's real format from its bytes, and never raises for a bad
file: every problem becomes a ``CaseError`` naming the file and the reason, and
the other files are still read. Inputs are opened read-only.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path, PurePosixPath

from casereview.model import CaseError, SourceFile
from casereview.parsers.limits import DEFAULT_LIMITS, Limits
from casereview.parsers.sniff import EXT_FORMATS, JUNK_NAMES, sniff, sniff_bytes, zip_kind

__all__ = ["Limits", "DEFAULT_LIMITS", "read_sources", "natural_key"]

_FORMAT_NAMES = {"pdf": "PDF", "docx": "Word (.docx)", "zip": "ZIP 压缩包", "ole": "Word/WPS (.doc/.wps)",
                 "image": "图片", "txt": "文本"}


def natural_key(name: str) -> list:
    """Sort key that puts '2 告知书' before '10 决定书'."""
    return [int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", name)]


def read_sources(path: str | os.PathLike, limits: Limits = DEFAULT_LIMITS) -> tuple[list[SourceFile], list[CaseError]]:
    """Read every document of the case at ``path``; returns (sources, errors)."""
    root = Path(path)
    sources: list[SourceFile] = []
    errors: list[CaseError] = []
    if root.is_dir():
        files = _walk(root)
        if not files:
            errors.append(CaseError(root.name, "文件夹中没有任何文件，无法评查", "empty"))
        for f in files:
            rel = f.relative_to(root).as_posix()
            _read_path(f, rel, limits, sources, errors)
        if files and not any(s.blocks for s in sources) and not errors:
            errors.append(CaseError(root.name, "文件夹中没有可读取的案卷文书", "empty"))
    elif root.is_file():
        _read_path(root, root.name, limits, sources, errors, case_root=True)
    else:
        errors.append(CaseError(str(path), "路径不存在或不可读取", "unreadable"))
    for s in sources:
        errors.extend(s.errors)
    return sources, errors


def _walk(root: Path) -> list[Path]:
    out: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted((d for d in dirnames if not d.startswith(".") and d != "__MACOSX"), key=natural_key)
        for name in sorted(filenames, key=natural_key):
            if name.startswith((".", "~$")):
                continue  # hidden files and Office lock files
            out.append(Path(dirpath) / name)
    out.sort(key=lambda p: [natural_key(part) for part in p.relative_to(root).parts])
    return out


def _read_path(path: Path, rel: str, limits: Limits, sources: list[SourceFile], errors: list[CaseError],
               case_root: bool = False) -> None:
    if path.name.lower() in JUNK_NAMES:
        errors.append(CaseError(rel, "系统文件，不是案卷文书，已跳过", "skipped"))
        return
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(2048)
    except OSError as exc:
        errors.append(CaseError(rel, f"无法打开文件：{exc.strerror or exc}", "unreadable"))
        return
    if size == 0:
        errors.append(CaseError(rel, "文件为空（0 字节）", "empty"))
        return
    if size > limits.max_file_bytes:
        errors.append(CaseError(rel, f"文件过大（{size / 1e6:.0f} MB，上限 {limits.max_file_bytes / 1e6:.0f} MB），未读取", "too_large"))
        return
    kind = sniff(path, head)
    _check_extension(rel, kind, errors)
    if kind == "pdf":
        from casereview.parsers.pdf import read_pdf

        sources.append(read_pdf(path, rel, limits))
        return
    if kind in ("docx", "zip", "ole", "image", "txt", "broken_zip") and size > limits.max_docx_bytes:
        errors.append(CaseError(rel, f"文件过大（{size / 1e6:.0f} MB），未读取", "too_large"))
        return
    if kind == "zip" and case_root:
        # A case delivered as one archive: its members are named by their path inside it.
        _read_zip(path.read_bytes(), rel, limits, sources, errors, depth=0, prefix_members=False)
        return
    _read_bytes(path.read_bytes(), rel, kind, limits, sources, errors, depth=0)


def _read_bytes(data: bytes, rel: str, kind: str | None, limits: Limits, sources: list[SourceFile],
                errors: list[CaseError], depth: int) -> None:
    if kind == "pdf":
        from casereview.parsers.pdf import read_pdf

        sources.append(read_pdf(data, rel, limits))
    elif kind == "docx":
        from casereview.parsers.docx import read_docx

        sources.append(read_docx(data, rel, limits))
    elif kind == "ole":
        from casereview.parsers.office import read_office

        sources.append(read_office(data, rel, limits))
    elif kind == "image":
        from casereview.parsers.image import read_image

        sources.append(read_image(data, rel, limits))
    elif kind == "txt":
        from casereview.parsers.text import read_text

        sources.append(read_text(data, rel))
    elif kind == "zip":
        _read_zip(data, rel, limits, sources, errors, depth)
    elif kind == "broken_zip":
        errors.append(CaseError(rel, "文件已损坏或不完整（ZIP/Office 包结构无法打开）", "unreadable"))
    else:
        suffix = PurePosixPath(rel).suffix.lower()
        if suffix in EXT_FORMATS:
            errors.append(CaseError(rel, f"文件内容与扩展名 {suffix} 不符，无法识别为{_FORMAT_NAMES.get(EXT_FORMATS[suffix], '文书')}，文件可能已损坏", "unreadable"))
        else:
            errors.append(CaseError(rel, f"不支持的文件类型（{suffix or '无扩展名'}），已跳过", "unsupported"))


def _check_extension(rel: str, kind: str | None, errors: list[CaseError]) -> None:
    suffix = PurePosixPath(rel).suffix.lower()
    expected = EXT_FORMATS.get(suffix)
    if kind is None or expected is None or kind == "broken_zip":
        return
    if expected != kind:
        errors.append(CaseError(
            rel, f"扩展名为 {suffix}，但文件内容是{_FORMAT_NAMES.get(kind, kind)}，已按实际内容读取", "extension_mismatch"))


def _read_zip(data: bytes, rel: str, limits: Limits, sources: list[SourceFile], errors: list[CaseError],
              depth: int, prefix_members: bool = True) -> None:
    if depth >= limits.max_zip_depth:
        errors.append(CaseError(rel, "压缩包嵌套层数过多，已跳过", "unsupported"))
        return
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        errors.append(CaseError(rel, "压缩包已损坏，无法打开", "unreadable"))
        return
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        total = sum(i.file_size for i in infos)
        if total > limits.max_unpacked_bytes:
            errors.append(CaseError(rel, f"压缩包解压后体积异常（{total / 1e6:.0f} MB），疑似压缩炸弹，已拒绝读取", "too_large"))
            return
        members = []
        for info in infos:
            name = _member_name(info)
            parts = PurePosixPath(name.replace("\\", "/")).parts
            if name.startswith(("/", "\\")) or ".." in parts or re.match(r"^[A-Za-z]:", name):
                errors.append(CaseError(f"{rel}/{name}", "压缩包内文件路径不安全（含 .. 或绝对路径），已拒绝", "unsupported"))
                continue
            if parts and (parts[0] == "__MACOSX" or any(p.startswith(".") for p in parts)):
                continue
            members.append((name, info))
        members.sort(key=lambda m: [natural_key(p) for p in PurePosixPath(m[0]).parts])
        if not members:
            errors.append(CaseError(rel, "压缩包中没有文件", "empty"))
        for name, info in members:
            member_rel = f"{rel}/{name}" if prefix_members else name
            if info.file_size == 0:
                errors.append(CaseError(member_rel, "文件为空（0 字节）", "empty"))
                continue
            if PurePosixPath(name).name.lower() in JUNK_NAMES:
                continue
            if info.file_size > limits.max_docx_bytes:
                errors.append(CaseError(member_rel, f"压缩包内文件过大（{info.file_size / 1e6:.0f} MB），未读取", "too_large"))
                continue
            try:
                with zf.open(info) as fh:
                    blob = fh.read(limits.max_docx_bytes + 1)
            except (zipfile.BadZipFile, RuntimeError, OSError, EOFError) as exc:
                code = "encrypted" if "encrypted" in str(exc).lower() or "password" in str(exc).lower() else "unreadable"
                errors.append(CaseError(member_rel, f"压缩包内文件无法解压：{exc}", code))
                continue
            kind = sniff_bytes(blob[:2048])
            if kind == "zipfile":
                try:
                    with zipfile.ZipFile(io.BytesIO(blob)) as inner:
                        kind = zip_kind(inner)
                except zipfile.BadZipFile:
                    kind = "broken_zip"
            elif kind is None and EXT_FORMATS.get(PurePosixPath(name).suffix.lower()) == "txt":
                kind = "txt"
            _check_extension(member_rel, kind, errors)
            _read_bytes(blob, member_rel, kind, limits, sources, errors, depth + 1)


def _member_name(info: zipfile.ZipInfo) -> str:
    """Member name, decoding the GBK names Windows zip tools write without the UTF-8 flag."""
    name = info.filename
    if not info.flag_bits & 0x800:
        try:
            name = name.encode("cp437").decode("gb18030")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    return name
