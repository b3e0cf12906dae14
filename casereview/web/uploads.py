"""Store the case files a user uploads through the browser, refusing anything hostile before it lands.

A case arrives as a .zip, as a folder (each file with its relative path,
"案卷A/03-笔录.docx"), as one document, or several cases at once
(``many=True``). ``store_upload`` checks every name and every declared size
first, stages the files in a temporary folder beside ``dest``, counts the real
bytes while writing, and moves the cases into ``dest`` only when every check
has passed; a refusal leaves ``dest`` as it was. Zip members are never trusted:
traversal, links, encryption, a lying or bomb-like size, too many entries or
too deep folders refuse the whole upload with a Chinese message naming the
file. Zips inside the upload stay files (the reader opens them, under its own
limits). ``LimitedUploadHandler`` at the bottom is the only Django part: it
stops an oversized request while Django is still receiving it.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict

from casereview.api import case_id_of
from casereview.parsers import _member_name, natural_key
from casereview.parsers.limits import DEFAULT_LIMITS
from casereview.parsers.sniff import EXT_FORMATS, JUNK_NAMES, zip_entries

__all__ = [
    "UploadLimits",
    "UploadRefused",
    "Incoming",
    "StoredCase",
    "store_upload",
    "check_declared_length",
    "LimitedUploadHandler",
]

# A case stored as one file: the documents the reader opens (a .zip is unpacked instead).
SINGLE_SUFFIXES = frozenset(s for s, kind in EXT_FORMATS.items() if kind != "zip")
# What makes a folder a case: at least one file the reader opens (a zip inside it included).
_READABLE_SUFFIXES = frozenset(EXT_FORMATS)
_SUPPORTED = "、".join(sorted({".pdf", ".docx", ".doc", ".wps", ".txt", ".jpg", ".png", ".tif", ".zip"}))
# Small members compress far better than 100:1 when they are blank (a white page saved as .bmp);
# like limits.Limits.max_ratio, the ratio is only a bomb sign once the member is this large.
RATIO_FLOOR = 1 << 20
_CHUNK = 1 << 20
_DRIVE = re.compile(r"^[A-Za-z]:")
_CONTROL_END, _DEL = 0x20, 0x7F  # C0 control characters and DEL never belong in a file name
_NAME_MAX = 255  # bytes in one path component (ext4, APFS, NTFS)
_NAMED_FOLDERS = 3  # folders named in the refusal; more are summed up as 等


@dataclass(frozen=True)
class UploadLimits:
    """Caps on one upload; all are checked on declared sizes first and again on the real bytes."""

    max_request_bytes: int = 1 << 30  # whole upload, refused before it is stored
    max_files: int = 3000  # files in the request plus entries in zips
    max_unpacked_bytes: int = 2 << 30  # total after unzipping
    max_ratio: int = 100  # per-entry uncompressed:compressed ratio for a zip bomb (members above RATIO_FLOOR)
    max_depth: int = 12  # folder depth


class UploadRefused(Exception):
    """The upload was refused as a whole; ``str(exc)`` tells the user which file and why."""

    def __init__(self, reason: str, name: str = "") -> None:
        super().__init__(f"{name}：{reason}" if name else reason)
        self.reason = reason
        self.name = name


@dataclass
class Incoming:
    """One uploaded file: its relative path as the browser sent it, its declared size and its bytes."""

    name: str
    size: int
    chunks: Callable[[], Iterable[bytes]]


@dataclass
class StoredCase:
    """A case stored under ``dest``: its id (as ``casereview.api.case_id_of``) and its folder or file."""

    case_id: str
    path: Path


def check_declared_length(content_length: str | None, limits: UploadLimits) -> None:
    """Refuse a request whose Content-Length is over the cap, before any of its body is read.

    A request without the header (chunked) passes: the running count of
    ``LimitedUploadHandler`` still stops it.
    """
    if content_length is None or not content_length.strip():
        return
    try:
        declared = int(content_length)
    except ValueError:
        raise UploadRefused(f"请求头 Content-Length 无效（{content_length[:40]}），已拒绝上传") from None
    if declared < 0:
        raise UploadRefused(f"请求头 Content-Length 无效（{declared}），已拒绝上传")
    if declared > limits.max_request_bytes:
        raise UploadRefused(
            f"上传内容过大（{_size(declared)}，上限 {_size(limits.max_request_bytes)}），已拒绝上传；"
            "请分批上传"
        )


def store_upload(
    items: list[Incoming], dest: Path, limits: UploadLimits = UploadLimits(), many: bool = False
) -> list[StoredCase]:
    """Store the uploaded ``items`` as one case (or, with ``many``, as several) under ``dest``.

    Returns the stored cases in upload order. Raises ``UploadRefused`` with
    ``dest`` untouched when any file is unsafe, over a limit, or the cases
    cannot be told apart. A case id already in ``dest`` is never overwritten:
    the new case gets "-2", "-3" … appended.
    """
    dest = Path(dest)
    if not items:
        raise UploadRefused("没有上传任何文件")
    if len(items) > limits.max_files:
        raise UploadRefused(
            f"上传的文件过多（{len(items)} 个，上限 {limits.max_files} 个），已拒绝上传；请分批上传"
        )
    declared = sum(max(it.size, 0) for it in items)
    if declared > limits.max_request_bytes:
        raise UploadRefused(
            f"上传内容过大（{_size(declared)}，上限 {_size(limits.max_request_bytes)}），已拒绝上传；"
            "请分批上传"
        )
    entries = [(parts, it) for it in items if (parts := _parts(it.name, limits, it.name)) is not None]
    if not entries:
        raise UploadRefused("上传的只有系统文件或隐藏文件（如 .DS_Store、Thumbs.db、__MACOSX），没有案卷文书")
    # what is stored as sent: everything but the top-level zips, which are unpacked (their members counted later)
    tally = _Tally(
        limits, files=len(items), unpacked=sum(it.size for parts, it in entries if not _is_zip(parts))
    )
    if tally.unpacked > limits.max_unpacked_bytes:
        raise UploadRefused(
            f"上传内容过大（{_size(tally.unpacked)}，上限 {_size(limits.max_unpacked_bytes)}），已拒绝上传"
        )
    dest.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".casereview-upload-", dir=dest.parent))
    zips: list[zipfile.ZipFile] = []
    try:
        cases = _plan(entries, many, limits, tally, staging, zips)
        _check_cases(cases)
        tally.unpacked = 0  # from here on, the real bytes
        staged = [_stage(case, staging / "cases" / str(i), tally) for i, case in enumerate(cases)]
        for zf in zips:
            zf.close()
        return _commit(staged, dest)
    except OSError as exc:  # the server's side (disk full, permissions): still nothing left behind
        raise UploadRefused(f"服务器无法保存上传的文件（{exc.strerror or exc}），请稍后重试") from exc
    finally:
        for zf in zips:
            zf.close()
        shutil.rmtree(staging, ignore_errors=True)


# --- planning: which files make which case -------------------------------------------------------

Source = Incoming | zipfile.ZipInfo


@dataclass
class _Case:
    name: str  # the case id asked for: folder name, or file name without extension
    shown: str  # how the messages name it
    single: str = ""  # file name when the case is one document stored as dest/<file name>
    members: list[tuple[tuple[str, ...], Source]] = field(
        default_factory=list
    )  # path inside the case, source
    zf: zipfile.ZipFile | None = None


@dataclass
class _Tally:
    limits: UploadLimits
    files: int = 0
    unpacked: int = 0  # declared while planning, then reset and counted while writing
    received: int = 0  # real bytes of the uploaded files


def _parts(name: str, limits: UploadLimits, shown: str) -> tuple[str, ...] | None:
    """The parts of a relative path (backslashes read as "/"), None for system junk; refuses unsafe paths."""
    name = unicodedata.normalize("NFC", name)
    if any(ord(c) < _CONTROL_END or ord(c) == _DEL for c in name):
        raise UploadRefused("文件名含有控制字符（如 NUL），已拒绝上传", _printable(shown))
    path = name.replace("\\", "/")
    if path.startswith("/") or _DRIVE.match(path):
        raise UploadRefused("文件路径是绝对路径，可能写到上传目录以外，已拒绝上传", shown)
    parts = tuple(p for p in path.split("/") if p not in ("", "."))
    if ".." in parts:
        raise UploadRefused("文件路径含有“..”，可能写到上传目录以外，已拒绝上传", shown)
    if not parts:
        raise UploadRefused("文件名为空，已拒绝上传", shown)
    if len(parts) - 1 > limits.max_depth:
        raise UploadRefused(
            f"文件夹层数过多（{len(parts) - 1} 层，上限 {limits.max_depth} 层），已拒绝上传", shown
        )
    if any(len(p.encode()) > _NAME_MAX for p in parts):
        raise UploadRefused(f"文件名过长（超过 {_NAME_MAX} 字节），无法保存，已拒绝上传", shown)
    if any(p == "__MACOSX" or p.startswith((".", "~$")) for p in parts) or parts[-1].lower() in JUNK_NAMES:
        return None  # hidden files, Office lock files, Finder and Explorer droppings: never case documents
    return parts


def _suffix(name: str) -> str:
    return Path(name).suffix.lower()


def _is_zip(parts: tuple[str, ...]) -> bool:
    """A top-level uploaded zip, which is unpacked (a zip inside a folder or a zip stays a file)."""
    return len(parts) == 1 and _suffix(parts[0]) == ".zip"


def _plan(
    entries: list[tuple[tuple[str, ...], Incoming]],
    many: bool,
    limits: UploadLimits,
    tally: _Tally,
    staging: Path,
    zips: list[zipfile.ZipFile],
) -> list[_Case]:
    tops: dict[str, _Case] = {}
    order: list[_Case | tuple[str, Incoming]] = []
    for parts, it in entries:
        if len(parts) == 1:
            order.append((parts[0], it))
        elif parts[0] not in tops:
            tops[parts[0]] = _Case(parts[0], f"{parts[0]}/")
            order.append(tops[parts[0]])
        if len(parts) > 1:
            tops[parts[0]].members.append((parts[1:], it))
    loose = [u for u in order if isinstance(u, tuple)]
    if not many and len(order) > 1:
        if tops and loose:
            why = "既有文件夹又有单独的文件"
        elif tops:
            why = f"包含 {len(tops)} 个文件夹（{'、'.join(list(tops)[:_NAMED_FOLDERS])}{' 等' if len(tops) > _NAMED_FOLDERS else ''}）"
        else:
            why = f"包含 {len(loose)} 个单独的文件"
        raise UploadRefused(
            f"一次只能上传一个案卷，本次上传{why}；多个案卷请选择批量上传，同一案卷的文件请放在一个文件夹中或打包为 .zip"
        )
    cases: list[_Case] = []
    for unit in order:
        if isinstance(unit, _Case):
            cases.append(unit)
            continue
        name, it = unit
        if _is_zip((name,)):
            cases.extend(_zip_cases(name, it, many, limits, tally, staging, zips))
        elif _suffix(name) in SINGLE_SUFFIXES:
            cases.append(_Case(Path(name).stem, name, single=name, members=[((name,), it)]))
        else:
            raise UploadRefused(
                f"不是案卷文书（支持 {_SUPPORTED}），已拒绝上传；其他材料请放入案卷文件夹或压缩包中", name
            )
    return cases


def _zip_cases(
    name: str,
    it: Incoming,
    many: bool,
    limits: UploadLimits,
    tally: _Tally,
    staging: Path,
    zips: list[zipfile.ZipFile],
) -> list[_Case]:
    """The cases an uploaded zip holds: one (named by its single root folder, else by the zip), or with
    ``many`` one per root folder and root document when its root holds several folders."""
    zf, members = _open_zip(name, it, limits, tally, staging, len(zips))
    zips.append(zf)
    stem = Path(name).stem
    folders: dict[str, _Case] = {}
    root_files = []
    for parts, info in members:
        if len(parts) == 1:
            root_files.append((parts, info))
        else:
            case = folders.setdefault(parts[0], _Case(parts[0], f"{name}/{parts[0]}/", zf=zf))
            case.members.append((parts[1:], info))
    if many and len(folders) > 1:
        cases = list(folders.values())
        for parts, info in root_files:
            if _suffix(parts[0]) not in SINGLE_SUFFIXES:
                raise UploadRefused(
                    f"批量压缩包根目录中的文件不是案卷文书（支持 {_SUPPORTED}），已拒绝上传；"
                    "请放入对应案卷的文件夹中",
                    f"{name}/{parts[0]}",
                )
            cases.append(
                _Case(
                    Path(parts[0]).stem, f"{name}/{parts[0]}", single=parts[0], members=[(parts, info)], zf=zf
                )
            )
        return cases
    if len(folders) == 1 and not root_files:
        return list(folders.values())
    return [_Case(stem, name, members=members, zf=zf)]


def _open_zip(  # noqa: C901 - one check per archive hazard (size, count, nesting, names)
    name: str,
    it: Incoming,
    limits: UploadLimits,
    tally: _Tally,
    staging: Path,
    index: int,
) -> tuple[zipfile.ZipFile, list[tuple[tuple[str, ...], zipfile.ZipInfo]]]:
    """Save an uploaded zip, check what its directory declares, and return its members worth storing."""
    (staging / "zips").mkdir(exist_ok=True)
    path = staging / "zips" / f"{index}.zip"
    with _create(staging, ("zips", f"{index}.zip"), name) as out:
        for chunk in _received(it, name, tally):
            out.write(chunk)
    declared = zip_entries(path)  # read from the end record, before zipfile builds an object per entry
    if declared is not None:
        entries, directory = declared
        if tally.files + entries > limits.max_files:
            raise UploadRefused(
                f"压缩包内文件过多（声明 {entries} 个，上限 {limits.max_files} 个），已拒绝上传", name
            )
        if directory > DEFAULT_LIMITS.max_zip_directory_bytes:
            raise UploadRefused(
                f"压缩包的文件目录异常庞大（{_size(directory)}），疑似恶意构造，已拒绝上传", name
            )
    try:
        zf = zipfile.ZipFile(path)
    except Exception as exc:  # noqa: BLE001 - BadZipFile, but also ValueError/struct.error on crafted headers
        raise UploadRefused(
            f"不是有效的 .zip 压缩包或已损坏（{type(exc).__name__}），已拒绝上传", name
        ) from None
    try:
        members = []
        for info in zf.infolist():
            shown = f"{name}/{_member_name(info)}"
            if "\0" in info.orig_filename:  # zipfile cuts the name at a NUL; the archive's own name keeps it
                raise UploadRefused("文件名含有控制字符（如 NUL），已拒绝上传", shown)
            parts = _parts(_member_name(info), limits, shown)
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                raise UploadRefused("压缩包内含符号链接，出于安全不予解压，已拒绝上传", shown)
            if stat.S_IFMT(mode) not in (0, stat.S_IFREG, stat.S_IFDIR):
                raise UploadRefused("压缩包内含特殊文件（设备、管道等），已拒绝上传", shown)
            if info.is_dir():
                continue
            tally.files += 1
            if tally.files > limits.max_files:
                raise UploadRefused(
                    f"上传的文件过多（含压缩包内文件超过 {limits.max_files} 个），已拒绝上传；请分批上传",
                    name,
                )
            if parts is None:
                continue
            if info.flag_bits & 0x1:
                raise UploadRefused(
                    "压缩包内文件已加密，需要密码才能解压，已拒绝上传；请上传未加密的压缩包", shown
                )
            tally.unpacked += info.file_size
            if tally.unpacked > limits.max_unpacked_bytes:
                raise UploadRefused(
                    f"解压后内容过大（超过 {_size(limits.max_unpacked_bytes)}），疑似压缩炸弹，已拒绝上传",
                    name,
                )
            if info.file_size > RATIO_FLOOR and info.file_size > limits.max_ratio * max(
                info.compress_size, 1
            ):
                raise UploadRefused(
                    f"压缩比异常（{_size(info.compress_size)} 解压为 {_size(info.file_size)}），"
                    "疑似压缩炸弹，已拒绝上传",
                    shown,
                )
            members.append((parts, info))
    except BaseException:
        zf.close()
        raise
    members.sort(key=lambda m: [natural_key(p) for p in m[0]])
    return zf, members


def _check_cases(cases: list[_Case]) -> None:
    """Refuse cases without a document, two files at one path, and two cases with one id."""
    seen: dict[str, str] = {}
    dupes: list[str] = []
    for case in cases:
        if not any(_suffix(parts[-1]) in _READABLE_SUFFIXES for parts, _ in case.members):
            raise UploadRefused(f"没有案卷文书（支持 {_SUPPORTED}），已拒绝上传", case.shown)
        files: set[tuple[str, ...]] = set()
        for parts, _ in case.members:
            if parts in files:
                raise UploadRefused(
                    "同一位置有两个同名文件，已拒绝上传", f"{case.shown.rstrip('/')}/{'/'.join(parts)}"
                )
            files.add(parts)
        for parts in files:
            for i in range(1, len(parts)):
                if parts[:i] in files:
                    raise UploadRefused(
                        "既是文件又是文件夹，已拒绝上传", f"{case.shown.rstrip('/')}/{'/'.join(parts[:i])}"
                    )
        if case.name in seen:
            dupes.append(f"“{case.name}”（{seen[case.name]} 与 {case.shown}）")
        seen.setdefault(case.name, case.shown)
    if dupes:
        raise UploadRefused(f"本次上传中有重复的案卷编号：{'；'.join(dupes)}；请改名后重新上传")


# --- writing: staging, then moving into place ------------------------------------------------------


def _stage(case: _Case, root: Path, tally: _Tally) -> tuple[Path, str]:
    """Write one case under ``root``; returns (its staged folder or file, the case name asked for)."""
    root.mkdir(parents=True)
    base = (case.single,) if case.single else (case.name,)
    if case.single:
        _write(root, base, case.members[0][1], case, tally)
    else:
        for parts, src in case.members:
            _write(root, base + parts, src, case, tally)
    return root / base[0], case.name


def _write(root: Path, parts: tuple[str, ...], src: Source, case: _Case, tally: _Tally) -> None:
    lim = tally.limits
    if isinstance(src, Incoming):
        shown = src.name
        with _create(root, parts, shown) as out:
            for chunk in _received(src, shown, tally):
                tally.unpacked += len(chunk)
                if tally.unpacked > lim.max_unpacked_bytes:
                    raise UploadRefused(f"上传内容过大（超过 {_size(lim.max_unpacked_bytes)}），已拒绝上传")
                out.write(chunk)
        return
    shown = f"{case.shown.split('/')[0]}/{_member_name(src)}"
    written = 0
    try:
        with _create(root, parts, shown) as out, case.zf.open(src) as fh:
            while chunk := fh.read(_CHUNK):
                written += len(chunk)
                tally.unpacked += len(chunk)
                if (
                    written > src.file_size
                ):  # zipfile stops at the declared size; this guards any reader that would not
                    raise UploadRefused("解压出的内容超过压缩包声明的大小，疑似恶意构造，已拒绝上传", shown)
                if tally.unpacked > lim.max_unpacked_bytes:
                    raise UploadRefused(
                        f"解压后内容过大（超过 {_size(lim.max_unpacked_bytes)}），疑似压缩炸弹，已拒绝上传",
                        shown,
                    )
                if written > RATIO_FLOOR and written > lim.max_ratio * max(src.compress_size, 1):
                    raise UploadRefused("压缩比异常，疑似压缩炸弹，已拒绝上传", shown)
                out.write(chunk)
    except UploadRefused:
        raise
    except OSError as exc:
        raise UploadRefused(f"无法保存（{exc.strerror or exc}），已拒绝上传", shown) from None
    except zipfile.BadZipFile as exc:
        if "crc" in str(exc).lower():
            raise UploadRefused(
                "压缩包内文件校验失败（内容与声明的大小或校验值不符，已损坏或被篡改），已拒绝上传", shown
            ) from None
        raise UploadRefused(f"压缩包内文件已损坏，无法解压（{exc}），已拒绝上传", shown) from None
    except NotImplementedError:
        raise UploadRefused(
            "压缩包内文件使用了不支持的压缩方式，已拒绝上传；请用常见的 ZIP 格式重新打包", shown
        ) from None
    except Exception as exc:  # noqa: BLE001 - zlib.error, EOFError, RuntimeError (password) on damaged members
        raise UploadRefused(
            f"压缩包内文件已损坏，无法解压（{type(exc).__name__}），已拒绝上传", shown
        ) from None
    if written != src.file_size:
        raise UploadRefused("解压出的内容与压缩包声明的大小不符，文件已损坏，已拒绝上传", shown)


def _received(it: Incoming, shown: str, tally: _Tally) -> Iterator[bytes]:
    """The uploaded file's bytes, counted against its declared size and the request cap."""
    got = 0
    for chunk in it.chunks():
        got += len(chunk)
        tally.received += len(chunk)
        if got > it.size:
            raise UploadRefused("实际大小超过声明的大小，已拒绝上传", shown)
        if tally.received > tally.limits.max_request_bytes:
            raise UploadRefused(
                f"上传内容过大（超过 {_size(tally.limits.max_request_bytes)}），已拒绝上传；请分批上传"
            )
        yield chunk


@contextmanager
def _create(root: Path, parts: tuple[str, ...], shown: str) -> Iterator[BinaryIO]:
    """A new file at ``root``/``parts`` open for writing (mode 0o644 less the umask), only ever inside ``root``."""
    target = root.joinpath(*parts)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _inside(root, target)
        # O_EXCL: a second file at one path, or anything already there (a link included), is never written through
        fd = os.open(
            target,
            os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0),
            0o644,
        )
    except OSError as exc:
        raise UploadRefused(f"无法保存（{exc.strerror or exc}），已拒绝上传", shown) from None
    with os.fdopen(fd, "wb") as fh:
        yield fh


def _inside(root: Path, target: Path) -> None:
    """Refuse to write ``target`` unless its real folder lies inside ``root``'s."""
    real_root = os.path.realpath(root)
    if os.path.commonpath([real_root, os.path.realpath(target.parent)]) != real_root:
        raise UploadRefused("文件路径指向上传目录以外，已拒绝上传", target.name)


def _commit(staged: list[tuple[Path, str]], dest: Path) -> list[StoredCase]:
    """Move the staged cases into ``dest`` under names no existing case uses; all or none."""
    dest.mkdir(parents=True, exist_ok=True)
    taken = {case_id_of(p) for p in dest.iterdir()}
    done: list[StoredCase] = []
    try:
        for path, name in staged:
            final = _place(path, name, dest, taken)
            done.append(StoredCase(case_id_of(final), final))
            taken.add(done[-1].case_id)
    except BaseException:
        for case in done:
            if case.path.is_dir() and not case.path.is_symlink():
                shutil.rmtree(case.path, ignore_errors=True)
            else:
                case.path.unlink(missing_ok=True)
        raise
    return done


def _place(path: Path, name: str, dest: Path, taken: set[str]) -> Path:
    """Move one staged case to dest/<name> (or <name>-2, -3 … when taken), never replacing anything."""
    suffix = "" if path.is_dir() else path.suffix
    for n in range(1, 10_000):
        cid = name if n == 1 else f"{name}-{n}"
        if cid in taken:
            continue
        final = dest / f"{cid}{suffix}"
        _inside(dest, final)
        try:
            if path.is_dir():
                os.mkdir(final)  # claims the name atomically; renaming onto an empty folder replaces it
                os.rename(path, final)
            else:
                os.link(path, final)  # fails, never replaces, when another upload took the name meanwhile
        except FileExistsError:
            continue
        except OSError as exc:
            raise UploadRefused(f"无法保存（{exc.strerror or exc}），已拒绝上传", name) from None
        return final
    raise UploadRefused("已有过多同名案卷，请改名后重新上传", name)


def _size(n: int) -> str:
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} 字节"


def _printable(name: str) -> str:
    return "".join(c if c.isprintable() else "?" for c in name)


# --- Django: stop an oversized request while it is received -------------------------------------


class LimitedUploadHandler(FileUploadHandler):
    """Put first in ``request.upload_handlers``: refuses a request over the byte or file cap before it is stored.

    A declared Content-Length over the cap is refused without reading the
    body; otherwise the running byte count and file count stop the upload
    (``StopUpload``, the rest of the body drained so the browser gets the
    answer). The reason is left on ``request.upload_refused`` (None when
    accepted): a view must look at it before ``request.FILES``, which then
    holds only what came before the stop. Django keeps only the file's base
    name, so a folder upload's relative paths must come in a form field.
    """

    def __init__(self, request=None, limits: UploadLimits = UploadLimits()) -> None:
        super().__init__(request)
        self.limits = limits
        self.received = 0
        self.files = 0
        if request is not None:
            request.upload_refused = None

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):  # noqa: ARG002 - Django's upload-handler signature; Django names the arguments
        try:
            check_declared_length(str(content_length), self.limits)
        except UploadRefused as exc:
            self._record(exc)
            return QueryDict(encoding=encoding or "utf-8"), MultiValueDict()  # the body is never read
        return None

    def new_file(self, *args, **kwargs) -> None:
        super().new_file(*args, **kwargs)
        self.files += 1
        if self.files > self.limits.max_files:
            self._stop(
                UploadRefused(f"上传的文件过多（超过 {self.limits.max_files} 个），已拒绝上传；请分批上传")
            )

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:  # noqa: ARG002 - Django's upload-handler signature
        self.received += len(raw_data)
        if self.received > self.limits.max_request_bytes:
            self._stop(
                UploadRefused(
                    f"上传内容过大（超过 {_size(self.limits.max_request_bytes)}），已拒绝上传；请分批上传",
                    self.file_name or "",
                )
            )
        return raw_data

    def file_complete(self, file_size: int) -> None:  # noqa: ARG002 - Django's upload-handler signature
        return None  # the next handler stores the file

    def _record(self, exc: UploadRefused) -> None:
        if self.request is not None:
            self.request.upload_refused = exc

    def _stop(self, exc: UploadRefused) -> None:
        self._record(exc)
        raise StopUpload(connection_reset=False)
