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
import stat
import zipfile
from pathlib import Path, PurePosixPath

from casereview.model import CaseError, SourceFile
from casereview.parsers.limits import DEFAULT_LIMITS, Limits, case_totals
from casereview.parsers.sniff import EXT_FORMATS, JUNK_NAMES, sniff, sniff_bytes, zip_entries, zip_kind

__all__ = ["Limits", "DEFAULT_LIMITS", "read_sources", "natural_key"]

_FORMAT_NAMES = {
    "pdf": "PDF",
    "docx": "Word (.docx)",
    "zip": "ZIP 压缩包",
    "ole": "Word/WPS (.doc/.wps)",
    "image": "图片",
    "txt": "文本",
}


def natural_key(name: str) -> list:
    """Sort key that puts '2 告知书' before '10 决定书'."""
    return [int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", name)]


def read_sources(
    path: str | os.PathLike, limits: Limits = DEFAULT_LIMITS
) -> tuple[list[SourceFile], list[CaseError]]:
    """Read every document of the case at ``path``; returns (sources, errors).

    Never raises for what is in the case: a file that breaks a parser becomes
    an error naming it, and the other files are still read. Only regular files
    are opened (FIFOs, devices and sockets are reported, never opened), and a
    symbolic link is followed only when it stays inside the case.
    """
    with case_totals():
        return _read_case(Path(path), limits)


def _read_case(root: Path, limits: Limits) -> tuple[list[SourceFile], list[CaseError]]:
    sources: list[SourceFile] = []
    errors: list[CaseError] = []
    try:
        st = root.stat()
    except OSError as exc:
        errors.append(CaseError(str(root), f"路径不存在或不可读取（{exc.strerror or exc}）", "unreadable"))
        return sources, errors
    if stat.S_ISDIR(st.st_mode):
        files = _walk(root, errors)
        if not files and not errors:
            errors.append(CaseError(root.name, "文件夹中没有任何文件，无法评查", "empty"))
        elif not files and not any(e.code in ("unreadable", "unsupported") for e in errors):
            errors.append(CaseError(root.name, "文件夹中没有可读取的案卷文书（只有被跳过的文件）", "empty"))
        for f, rel in files:
            _guarded(rel, errors, _read_path, f, rel, limits, sources, errors)
        if files and not any(s.blocks for s in sources) and not errors:
            errors.append(CaseError(root.name, "文件夹中没有可读取的案卷文书", "empty"))
    elif stat.S_ISREG(st.st_mode):
        _guarded(
            root.name,
            errors,
            _read_path,
            Path(os.path.realpath(root)),
            root.name,
            limits,
            sources,
            errors,
            case_root=True,
        )
    else:
        errors.append(
            CaseError(root.name, "不是普通文件或文件夹（管道、设备或套接字），未读取", "unsupported")
        )
    for s in sources:
        errors.extend(s.errors)
    return sources, errors


def _guarded(rel: str, errors: list[CaseError], read, *args, **kwargs) -> None:
    """``read(*args)`` with every failure of a parser turned into an error on the file ``rel``."""
    try:
        read(*args, **kwargs)
    except MemoryError:
        errors.append(CaseError(rel, "读取时内存不足（文件内容过大或结构异常），未能读取", "too_large"))
    except RecursionError:
        errors.append(CaseError(rel, "文件结构嵌套过深，无法读取", "unreadable"))
    except Exception as exc:  # noqa: BLE001 - a parser's failure loses this file, never the case
        errors.append(CaseError(rel, f"文件已损坏或结构异常，未能读取（{_exc_name(exc)}）", "unreadable"))


def _exc_name(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0][:120] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


_HIDDEN_REASON = "隐藏的文件或文件夹（名称以 . 开头），未读取；如是案卷文书请改名后重新评查"
_LOCK_REASON = "Office 临时锁定文件（~$ 开头），不是案卷文书，已跳过"
_MACOSX_REASON = "macOS 压缩时附带的系统文件夹，不是案卷文书，已跳过"
_SPECIAL_REASON = "不是普通文件（管道、设备或套接字），未读取"


def _walk(root: Path, errors: list[CaseError]) -> list[tuple[Path, str]]:  # noqa: C901 - one branch per kind of entry (folder, archive, file, link)
    """The regular files of a case folder as (path to open, name relative to the case), in reading order.

    Hidden entries, lock files, FIFOs/devices/sockets, folders that cannot be
    listed and symbolic links that leave the case (or loop, or dangle) are
    reported in ``errors``; a link to a file or folder of the case that is read
    anyway is reported as a duplicate. Nothing is skipped silently.
    """
    real_root = os.path.realpath(root)
    files: list[tuple[Path, str]] = []
    links: list[tuple[Path, str]] = []
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: dict[tuple[int, int], str] = {}

    def visit(folder: Path, prefix: str) -> None:
        try:
            st = folder.stat()
            seen_dirs.add((st.st_dev, st.st_ino))
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: natural_key(e.name))
        except OSError as exc:
            errors.append(
                CaseError(
                    prefix or root.name,
                    f"无法打开文件夹（{exc.strerror or exc}），其中的文件未读取",
                    "unreadable",
                )
            )
            return
        for entry in entries:
            name = entry.name
            rel = f"{prefix}/{name}" if prefix else name
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError as exc:
                errors.append(CaseError(rel, f"无法读取（{exc.strerror or exc}），未读取", "unreadable"))
                continue
            if stat.S_ISLNK(st.st_mode):
                links.append((Path(entry.path), rel))
            elif name.lower() in JUNK_NAMES:
                errors.append(CaseError(rel, "系统文件，不是案卷文书，已跳过", "skipped"))
            elif name.startswith("."):
                errors.append(CaseError(rel, _HIDDEN_REASON, "skipped"))
            elif name.startswith("~$"):
                errors.append(CaseError(rel, _LOCK_REASON, "skipped"))
            elif stat.S_ISDIR(st.st_mode):
                if name == "__MACOSX":
                    errors.append(CaseError(rel, _MACOSX_REASON, "skipped"))
                else:
                    visit(Path(entry.path), rel)
            elif stat.S_ISREG(st.st_mode):
                files.append((Path(entry.path), rel))
                seen_files[(st.st_dev, st.st_ino)] = rel
            else:
                errors.append(CaseError(rel, _SPECIAL_REASON, "unsupported"))

    visit(root, "")
    while links:  # after the walk: a link to a file of the case is then known to be a duplicate
        link, rel = links.pop(0)
        try:
            target = os.path.realpath(link, strict=True)
            st = os.stat(target)
        except (OSError, RuntimeError):
            errors.append(CaseError(rel, "符号链接指向不存在的位置或形成循环，未读取", "unreadable"))
            continue
        if os.path.commonpath([real_root, target]) != real_root:
            errors.append(
                CaseError(
                    rel,
                    "符号链接指向案卷文件夹以外，出于安全不予读取；如是案卷文书请复制到案卷文件夹中",
                    "unreadable",
                )
            )
            continue
        key = (st.st_dev, st.st_ino)
        if stat.S_ISDIR(st.st_mode):
            if key in seen_dirs:
                errors.append(
                    CaseError(rel, "符号链接指向本案卷中已读取的文件夹（或形成循环），不重复读取", "skipped")
                )
            else:
                visit(
                    Path(target), rel
                )  # a folder of the case not walked (under a hidden one): read via the link
        elif stat.S_ISREG(st.st_mode):
            if key in seen_files:
                errors.append(
                    CaseError(rel, f"符号链接指向本案卷中的文件 {seen_files[key]}，不重复读取", "skipped")
                )
            else:
                files.append((Path(target), rel))
                seen_files[key] = rel
        else:
            errors.append(CaseError(rel, _SPECIAL_REASON, "unsupported"))
    files.sort(key=lambda f: [natural_key(part) for part in f[1].split("/")])
    return files


def _read_path(
    path: Path,
    rel: str,
    limits: Limits,
    sources: list[SourceFile],
    errors: list[CaseError],
    case_root: bool = False,
) -> None:
    if path.name.lower() in JUNK_NAMES:
        errors.append(CaseError(rel, "系统文件，不是案卷文书，已跳过", "skipped"))
        return
    try:
        # O_NONBLOCK: a FIFO put in the file's place after the walk is never waited on; O_NOFOLLOW: nor a link.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        errors.append(CaseError(rel, f"无法打开文件：{exc.strerror or exc}", "unreadable"))
        return
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode):
            errors.append(CaseError(rel, _SPECIAL_REASON, "unsupported"))
            return
        size = st.st_size
        head = fh.read(2048)
    if size == 0:
        errors.append(CaseError(rel, "文件为空（0 字节）", "empty"))
        return
    if size > limits.max_file_bytes:
        errors.append(
            CaseError(
                rel,
                f"文件过大（{size / 1e6:.0f} MB，上限 {limits.max_file_bytes / 1e6:.0f} MB），未读取",
                "too_large",
            )
        )
        return
    if head[:2] == b"PK" and (refusal := zip_refusal(path, rel, limits)):
        errors.append(refusal)
        return
    kind = sniff(path, head)
    _check_extension(rel, kind, errors)
    if kind == "pdf":
        from casereview.parsers.pdf import read_pdf

        sources.append(read_pdf(path, rel, limits))
        return
    if kind in ("docx", "zip", "ole", "image", "txt", "broken_zip", "ooxml") and size > limits.max_docx_bytes:
        errors.append(CaseError(rel, f"文件过大（{size / 1e6:.0f} MB），未读取", "too_large"))
        return
    if kind == "zip" and case_root:
        # A case delivered as one archive: its members are named by their path inside it.
        _read_zip(path.read_bytes(), rel, limits, sources, errors, depth=0, prefix_members=False)
        return
    _read_bytes(path.read_bytes(), rel, kind, limits, sources, errors, depth=0)


def _read_bytes(
    data: bytes,
    rel: str,
    kind: str | None,
    limits: Limits,
    sources: list[SourceFile],
    errors: list[CaseError],
    depth: int,
) -> None:
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

        sources.append(read_text(data, rel, limits))
    elif kind == "zip":
        _read_zip(data, rel, limits, sources, errors, depth)
    elif kind == "broken_zip":
        errors.append(CaseError(rel, "文件已损坏或不完整（ZIP/Office 包结构无法打开）", "unreadable"))
    elif kind == "ooxml":
        if EXT_FORMATS.get(PurePosixPath(rel).suffix.lower()) == "docx":
            errors.append(
                CaseError(
                    rel, "文件已损坏：Word 文档缺少正文部件（word/document.xml），未能读取", "unreadable"
                )
            )
        else:
            errors.append(
                CaseError(rel, "不是 Word 文档的 Office 文件（如 Excel、PowerPoint），未读取", "unsupported")
            )
    else:
        suffix = PurePosixPath(rel).suffix.lower()
        if suffix in EXT_FORMATS:
            errors.append(
                CaseError(
                    rel,
                    f"文件内容与扩展名 {suffix} 不符，无法识别为{_FORMAT_NAMES.get(EXT_FORMATS[suffix], '文书')}，文件可能已损坏",
                    "unreadable",
                )
            )
        else:
            errors.append(
                CaseError(rel, f"不支持的文件类型（{suffix or '无扩展名'}），已跳过", "unsupported")
            )


def _check_extension(rel: str, kind: str | None, errors: list[CaseError]) -> None:
    suffix = PurePosixPath(rel).suffix.lower()
    expected = EXT_FORMATS.get(suffix)
    if kind is None or expected is None or kind in ("broken_zip", "ooxml"):
        return
    if expected != kind:
        errors.append(
            CaseError(
                rel,
                f"扩展名为 {suffix}，但文件内容是{_FORMAT_NAMES.get(kind, kind)}，已按实际内容读取",
                "extension_mismatch",
            )
        )


def _read_zip(  # noqa: C901 - one check per archive hazard (size, count, nesting, names)
    data: bytes,
    rel: str,
    limits: Limits,
    sources: list[SourceFile],
    errors: list[CaseError],
    depth: int,
    prefix_members: bool = True,
) -> None:
    if depth >= limits.max_zip_depth:
        errors.append(CaseError(rel, "压缩包嵌套层数过多，已跳过", "unsupported"))
        return
    if refusal := zip_refusal(data, rel, limits):
        errors.append(refusal)
        return
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - BadZipFile, but also ValueError/struct.error on crafted headers
        errors.append(CaseError(rel, f"压缩包已损坏，无法打开（{_exc_name(exc)}）", "unreadable"))
        return
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        if len(infos) > limits.max_zip_members:
            errors.append(
                CaseError(
                    rel,
                    f"压缩包内文件过多（{len(infos)} 个，上限 {limits.max_zip_members} 个），已拒绝读取",
                    "too_large",
                )
            )
            return
        total = sum(i.file_size for i in infos)
        if total > limits.max_unpacked_bytes:
            errors.append(
                CaseError(
                    rel,
                    f"压缩包解压后体积异常（{total / 1e6:.0f} MB），疑似压缩炸弹，已拒绝读取",
                    "too_large",
                )
            )
            return
        members = []
        macosx = False
        for info in infos:
            name = _member_name(info)
            parts = PurePosixPath(name.replace("\\", "/")).parts
            if name.startswith(("/", "\\")) or ".." in parts or re.match(r"^[A-Za-z]:", name):
                errors.append(
                    CaseError(
                        f"{rel}/{name}", "压缩包内文件路径不安全（含 .. 或绝对路径），已拒绝", "unsupported"
                    )
                )
                continue
            if parts and parts[0] == "__MACOSX":
                macosx = True
                continue
            if any(p.startswith(".") for p in parts):
                errors.append(
                    CaseError(f"{rel}/{name}" if prefix_members else name, _HIDDEN_REASON, "skipped")
                )
                continue
            members.append((name, info))
        if macosx:
            errors.append(
                CaseError(f"{rel}/__MACOSX" if prefix_members else "__MACOSX", _MACOSX_REASON, "skipped")
            )
        members.sort(key=lambda m: [natural_key(p) for p in PurePosixPath(m[0]).parts])
        if not members:
            errors.append(CaseError(rel, "压缩包中没有文件", "empty"))
        for name, info in members:
            member_rel = f"{rel}/{name}" if prefix_members else name
            if info.file_size == 0:
                errors.append(CaseError(member_rel, "文件为空（0 字节）", "empty"))
                continue
            if PurePosixPath(name).name.lower() in JUNK_NAMES:
                errors.append(CaseError(member_rel, "系统文件，不是案卷文书，已跳过", "skipped"))
                continue
            if info.file_size > limits.max_docx_bytes:
                errors.append(
                    CaseError(
                        member_rel, f"压缩包内文件过大（{info.file_size / 1e6:.0f} MB），未读取", "too_large"
                    )
                )
                continue
            try:
                with zf.open(info) as fh:
                    blob = fh.read(limits.max_docx_bytes + 1)
            except Exception as exc:  # noqa: BLE001 - BadZipFile, zlib.error, NotImplementedError (method), EOFError …
                errors.append(_member_error(member_rel, exc))
                continue
            kind = sniff_bytes(blob[:2048])
            if kind == "zipfile" and (refusal := zip_refusal(blob, member_rel, limits)):
                errors.append(refusal)
                continue
            if kind == "zipfile":
                try:
                    with zipfile.ZipFile(io.BytesIO(blob)) as inner:
                        kind = zip_kind(inner)
                except Exception:  # noqa: BLE001 - any damage to the inner archive's directory
                    kind = "broken_zip"
            elif kind is None and EXT_FORMATS.get(PurePosixPath(name).suffix.lower()) == "txt":
                kind = "txt"
            _check_extension(member_rel, kind, errors)
            _guarded(
                member_rel, errors, _read_bytes, blob, member_rel, kind, limits, sources, errors, depth + 1
            )


def zip_refusal(data: bytes | Path, rel: str, limits: Limits) -> CaseError | None:
    """An archive or Office package refused before its directory is parsed: too many entries declared."""
    declared = zip_entries(data)
    if declared is None:
        return None
    entries, directory = declared
    if entries > limits.max_zip_members:
        return CaseError(
            rel,
            f"压缩包（或 Office 文档）内文件过多（声明 {entries} 个，上限 {limits.max_zip_members} 个），"
            "已拒绝读取",
            "too_large",
        )
    if directory > limits.max_zip_directory_bytes:
        return CaseError(
            rel,
            f"压缩包（或 Office 文档）的文件目录异常庞大（{directory / 1e6:.0f} MB），疑似恶意构造，已拒绝读取",
            "too_large",
        )
    return None


def _member_error(rel: str, exc: Exception) -> CaseError:
    """Why a member of an archive could not be inflated, in the user's words."""
    text = str(exc).lower()
    if "encrypted" in text or "password" in text:
        return CaseError(rel, "压缩包内文件已加密，需要密码才能解压，未能读取", "encrypted")
    if isinstance(exc, NotImplementedError):
        return CaseError(
            rel, f"压缩包内文件使用了不支持的压缩方式，未能读取（{_exc_name(exc)}）", "unsupported"
        )
    if "crc" in text:
        return CaseError(rel, "压缩包内文件校验失败（CRC 不符），文件已损坏，未能读取", "unreadable")
    return CaseError(rel, f"压缩包内文件已损坏，无法解压（{_exc_name(exc)}）", "unreadable")


def _member_name(info: zipfile.ZipInfo) -> str:
    """Member name, decoding the GBK names Windows zip tools write without the UTF-8 flag."""
    name = info.filename
    if not info.flag_bits & 0x800:
        try:
            name = name.encode("cp437").decode("gb18030")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    return name
