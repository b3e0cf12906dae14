"""A seeded, deterministic generator of hostile case files.

``build(dest, seed=…, mutations=…)`` writes batches of cases under ``dest``
and returns the manifest: one ``Input`` per case, saying what it exercises
(``kind``), which of its files must be reported in ``case.errors`` (``bad``),
which intact files beside them must still be read (``companions``) and
whether it belongs to the fast subset run in CI.

Two families:

- *specials*: one case per known attack — zip bombs (inflating, overlapping,
  nested, a text of millions of short lines), traversal member names,
  symbolic links out of the case and in loops, FIFOs and devices, XXE and
  billion-laughs .docx, ``gridSpan`` of two billion columns, huge page counts
  and pages, reference cycles, decompression-bomb pictures, 200k text
  objects, 300k paragraphs, blank-decoding fonts, encrypted files, missing
  .docx parts, odd file names, unreadable and hidden entries;
- *mutations*: files of ``samples/cases`` truncated, with bytes flipped, with
  ranges zeroed or duplicated, with a .docx part dropped or its XML cut, each
  as a case of its own (alone, or beside an intact companion document).

Files outside the cases (``dest/outside``) hold ``MARKER``; a symlink or an
external entity that leaks them into any output is caught by looking for it.
The same seed gives byte-identical files (zip timestamps are fixed).
"""

from __future__ import annotations

import io
import json
import os
import random
import socket
import stat
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "cases"
FIXTURES = ROOT / "tests" / "fixtures" / "files"

MARKER = "FUZZ-OUTSIDE-MARKER-7Q2X"  # content that lives outside every case; must never reach an output
_ZIP_TIME = (2024, 1, 1, 0, 0, 0)


@dataclass
class Input:
    """One generated case and what reading it must show."""

    batch: str
    case: str  # name inside the batch (str, with surrogate escapes for bytes that are not UTF-8)
    kind: str
    bad: list[str] = field(default_factory=list)  # files (relative to the case) that must be in case.errors
    bad_unless_root: list[str] = field(default_factory=list)  # unreadable only for a non-root user
    bad_without_ocr: list[str] = field(default_factory=list)  # reported when OCR is off (read when it is on)
    companions: list[str] = field(default_factory=list)  # intact files that must still be read
    fast: bool = False  # part of the CI subset
    ocr: bool = False  # exercises the OCR stage (rendering, page pictures)
    note: str = ""

    @property
    def path_in(self) -> str:
        return f"{self.batch}/{self.case}"


# -- building blocks: PDFs, .docx, PNGs, zips written by hand ---------------------------------------------


def zip_bytes(members: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED, level: int = 6) -> bytes:
    """A zip of ``members`` with fixed timestamps (deterministic bytes)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, _ZIP_TIME)
            info.compress_type = method
            info.external_attr = 0o644 << 16
            zf.writestr(
                info,
                data,
                compress_type=method,
                compresslevel=level if method == zipfile.ZIP_DEFLATED else None,
            )
    return buf.getvalue()


def deflate_repeat(
    chunk: bytes, times: int, head: bytes = b"", zlib_wrapper: bool = False
) -> tuple[bytes, int]:
    """Deflate ``head + chunk * times`` quickly (a full flush makes every copy of ``chunk`` compress to
    the same bytes); returns (data, crc32 of the inflated bytes). ``zlib_wrapper``: zlib format (PNG,
    PDF FlateDecode) instead of raw deflate (zip)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = comp.compress(head) + comp.flush(zlib.Z_FULL_FLUSH) if head else b""
    block = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    raw = first + block * times + comp.flush()
    crc, adler = zlib.crc32(head), zlib.adler32(head)
    for _ in range(times):
        crc, adler = zlib.crc32(chunk, crc), zlib.adler32(chunk, adler)
    if zlib_wrapper:
        raw = b"\x78\xda" + raw + adler.to_bytes(4, "big")
    return raw, crc


W_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
)

_CT = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Default Extension="png" ContentType="image/png"/>'
    b'<Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    b"</Types>"
)
_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    b'Target="word/document.xml"/></Relationships>'
)


def docx_bytes(
    body: str, doctype: str = "", media: dict[str, bytes] | None = None, deflate_level: int = 6
) -> bytes:
    """A minimal .docx whose body is ``body`` (WordprocessingML), with an optional DOCTYPE and pictures
    (``media``: rId -> PNG bytes, stored as word/media/<rId>.png)."""
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
        f"<w:document {W_NS}><w:body>{body}</w:body></w:document>"
    ).encode()
    members = [("[Content_Types].xml", _CT), ("_rels/.rels", _RELS), ("word/document.xml", xml)]
    if media:
        rels = "".join(
            f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'relationships/image" Target="media/{rid}.png"/>'
            for rid in media
        )
        members.append(
            (
                "word/_rels/document.xml.rels",
                (
                    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships '
                    f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>'
                ).encode(),
            )
        )
        members.extend((f"word/media/{rid}.png", data) for rid, data in media.items())
    return zip_bytes(members, level=deflate_level)


def para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


_DECISION = [
    "行政处罚决定书",
    "青市监处罚〔2024〕17号",
    "当事人：青州市某某商贸有限公司",
    "本机关依法作出如下行政处罚决定：罚款人民币伍仟元。",
    "青州市市场监督管理局",
    "2024年5月20日",
]


def good_docx(extra: str = "") -> bytes:
    """A small readable decision (the companion that must still be read)."""
    return docx_bytes("".join(para(t) for t in _DECISION) + extra)


def pdf_bytes(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF of ``objects`` (numbered from 1, object 1 the catalog) with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<</Size %d/Root 1 0 R%s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def stream(dict_body: bytes, data: bytes, compress: bool = True) -> bytes:
    if compress:
        data = zlib.compress(data, 9)
        dict_body += b"/Filter/FlateDecode"
    return b"<<%s/Length %d>>stream\n" % (dict_body, len(data)) + data + b"\nendstream"


_HELV = b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>"


def text_pdf(
    content: bytes,
    size: tuple[float, float] = (595, 842),
    font: bytes = _HELV,
    extra: list[bytes] | None = None,
    resources: bytes = b"",
) -> bytes:
    """One page with ``content`` (a content stream using font /F1) and optional extra objects (6, 7 …)."""
    objs = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 %g %g]/Resources<</Font<</F1 4 0 R>>%s>>/Contents 5 0 R>>"
        % (size[0], size[1], resources),
        font,
        stream(b"", content),
    ]
    return pdf_bytes(objs + (extra or []))


def png_bytes(width: int, height: int, ink: bool = False, truncate: bool = False) -> bytes:
    """A 1-bit grey PNG of ``width`` x ``height`` (a few hundred KB however large: rows of zeros compress)."""
    row = b"\x00" + (b"\x55" if ink else b"\xff") * ((width + 7) // 8)
    data, _ = deflate_repeat(row * 16, (height if not truncate else min(height, 16)) // 16, zlib_wrapper=True)

    def chunk(tag: bytes, body: bytes) -> bytes:
        return len(body).to_bytes(4, "big") + tag + body + zlib.crc32(tag + body).to_bytes(4, "big")

    ihdr = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([1, 0, 0, 0, 0])
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def image_pdf(
    page_size: tuple[float, float],
    px: tuple[int, int],
    placed: tuple[float, float, float, float],
    text: bytes = b"",
) -> bytes:
    """A page holding a 1-bit image of ``px`` pixels drawn at ``placed`` (x, y, w, h), plus optional text."""
    w, h = px
    data, _ = deflate_repeat(b"\xff" * ((w + 7) // 8), h, zlib_wrapper=True)
    img = (
        b"<</Type/XObject/Subtype/Image/Width %d/Height %d/ColorSpace/DeviceGray/BitsPerComponent 1"
        b"/Filter/FlateDecode/Length %d>>stream\n" % (w, h, len(data)) + data + b"\nendstream"
    )
    x, y, pw, ph = placed
    content = b"q %g 0 0 %g %g %g cm /Im1 Do Q " % (pw, ph, x, y) + text
    return text_pdf(content, size=page_size, extra=[img], resources=b"/XObject<</Im1 6 0 R>>")


# -- the specials: one case per known attack --------------------------------------------------------------


@dataclass
class Ctx:
    rng: random.Random
    outside: Path
    samples: list[Path]


Special = Callable[[Path, Ctx], dict]
SPECIALS: dict[str, tuple[Special, bool]] = {}


def special(name: str, fast: bool = True):
    def register(fn: Special) -> Special:
        SPECIALS[name] = (fn, fast)
        return fn

    return register


def _case(case_dir: Path, companion: bool = True) -> list[str]:
    case_dir.mkdir(parents=True, exist_ok=True)
    if companion:
        (case_dir / "决定书.docx").write_bytes(good_docx())
        return ["决定书.docx"]
    return []


@special("ref-cycle-pdf")
def _ref_cycle(d: Path, ctx: Ctx) -> dict:
    comp = _case(d)
    # The catalog's /Pages is an object that is a reference to itself: pdfminer's resolve1 loops forever.
    (d / "循环引用.pdf").write_bytes(pdf_bytes([b"<</Type/Catalog/Pages 2 0 R>>", b"2 0 R"]))
    (d / "循环引用2.pdf").write_bytes(pdf_bytes([b"<</Type/Catalog/Pages 2 0 R>>", b"3 0 R", b"2 0 R"]))
    (d / "页树自引用.pdf").write_bytes(
        pdf_bytes([b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[2 0 R]/Count 1>>"])
    )
    return {"bad": ["循环引用.pdf", "循环引用2.pdf", "页树自引用.pdf"], "companions": comp}


@special("fifo-in-case")
def _fifo(d: Path, ctx: Ctx) -> dict:
    comp = _case(d)
    os.mkfifo(d / "管道.pdf")
    sub = d / "附件"
    sub.mkdir()
    os.mkfifo(sub / "pipe.txt")
    return {"bad": ["管道.pdf", "附件/pipe.txt"], "companions": comp}


@special("device-and-socket")
def _devices(d: Path, ctx: Ctx) -> dict:
    comp = _case(d)
    bad = []
    try:  # a character device like /dev/zero: endless zeros if it were read
        os.mknod(d / "zero.txt", 0o600 | stat.S_IFCHR, os.makedev(1, 5))
        bad.append("zero.txt")
    except (PermissionError, OSError):
        pass
    sock_path = d / "s.sock"
    if len(os.fsencode(sock_path)) < 100:
        s = socket.socket(socket.AF_UNIX)
        try:
            s.bind(str(sock_path))
            bad.append("s.sock")
        except OSError:
            pass
        finally:
            s.close()
    return {"bad": bad, "companions": comp}


@special("symlinks-out")
def _symlinks_out(d: Path, ctx: Ctx) -> dict:
    comp = _case(d)
    os.symlink(ctx.outside / "secret.docx", d / "外部文书.docx")  # absolute, a valid .docx holding MARKER
    os.symlink(os.path.relpath(ctx.outside / "secret.txt", d), d / "外部.txt")  # relative
    os.symlink(ctx.outside / "dir", d / "外部文件夹")  # a folder outside
    os.symlink("/etc/passwd", d / "passwd.txt")
    os.symlink("..", d / "上级")  # the batch folder itself
    return {"bad": ["外部文书.docx", "外部.txt", "外部文件夹", "passwd.txt", "上级"], "companions": comp}


@special("symlink-loops")
def _symlink_loops(d: Path, ctx: Ctx) -> dict:
    comp = _case(d)
    os.symlink("b.pdf", d / "a.pdf")
    os.symlink("a.pdf", d / "b.pdf")
    os.symlink(".", d / "自身")
    sub = d / "子目录"
    sub.mkdir()
    os.symlink("..", sub / "回到上级")
    os.symlink("不存在.pdf", d / "断链.pdf")
    os.symlink("决定书.docx", d / "别名.docx")  # inside the case: the same file, not read twice
    return {
        "bad": ["a.pdf", "b.pdf", "自身", "子目录/回到上级", "断链.pdf"],
        "companions": comp,
        "note": "别名.docx (a link to a file of the case) must be accounted for, not read twice",
    }


@special("unreadable-entries")
def _unreadable(d: Path, ctx: Ctx) -> dict:
    comp = _case(d)
    locked = d / "锁定文件夹"
    locked.mkdir()
    (locked / "告知书.docx").write_bytes(good_docx())
    (d / "锁定.docx").write_bytes(good_docx())
    os.chmod(d / "锁定.docx", 0)
    os.chmod(locked, 0)
    return {"bad_unless_root": ["锁定文件夹", "锁定.docx"], "companions": comp}


@special("hidden-entries")
def _hidden(d: Path, ctx: Ctx) -> dict:
    comp = _case(d)
    (d / ".隐藏.docx").write_bytes(good_docx())
    (d / ".git").mkdir()
    (d / ".git" / "config").write_text("[core]\n")
    (d / "~$决定书.docx").write_bytes(b"\x00" * 162)
    (d / "Thumbs.db").write_bytes(b"\x00" * 64)
    mac = d / "__MACOSX"
    mac.mkdir()
    (mac / "._决定书.docx").write_bytes(b"\x00\x05\x16\x07" + b"\x00" * 60)
    return {"bad": [".隐藏.docx", ".git", "~$决定书.docx", "Thumbs.db", "__MACOSX"], "companions": comp}


@special("empty-files")
def _empty(d: Path, ctx: Ctx) -> dict:
    comp = _case(d)
    for name in ("空.pdf", "空.docx", "空.txt", "空.zip", "空.png"):
        (d / name).write_bytes(b"")
    (d / "空文件夹").mkdir()
    return {"bad": ["空.pdf", "空.docx", "空.txt", "空.zip", "空.png"], "companions": comp}


@special("empty-case")
def _empty_case(d: Path, ctx: Ctx) -> dict:
    d.mkdir(parents=True)
    return {"bad": []}


@special("encrypted")
def _encrypted(d: Path, ctx: Ctx) -> dict:
    comp = _case(d)
    (d / "加密.pdf").write_bytes((FIXTURES / "pdf_encrypted.pdf").read_bytes())
    # A zip whose member claims to be encrypted (flag bit 0): zipfile asks for a password.
    data = bytearray(zip_bytes([("告知书.docx", good_docx())]))
    _set_zip_flag(data, 0x1)
    (d / "加密压缩包.zip").write_bytes(bytes(data))
    return {"bad": ["加密.pdf", "加密压缩包.zip"], "companions": comp}


def _set_zip_flag(data: bytearray, flag: int) -> None:
    """Set a general-purpose flag bit in every local and central header of a zip (in place)."""
    for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        i = data.find(sig)
        while i >= 0:
            data[i + off] |= flag
            i = data.find(sig, i + 4)


@special("zip-bomb-declared")
def _zip_bomb(d: Path, ctx: Ctx) -> dict:
    comp = _case(d)
    (d / "炸弹.zip").write_bytes(_zeros_zip("决定书.txt", 600_000_000))
    (d / "炸弹.docx").write_bytes(_zeros_docx(500_000_000))
    return {"bad": ["炸弹.zip", "炸弹.docx"], "companions": comp}


def _zeros_zip(name: str, size: int) -> bytes:
    raw, crc = deflate_repeat(b"\x00" * 1_000_000, size // 1_000_000)
    return _raw_zip([(name, raw, size // 1_000_000 * 1_000_000, crc)])


def _zeros_docx(size: int) -> bytes:
    head = b'<?xml version="1.0"?><w:document ' + W_NS.encode() + b"><w:body>"
    n = size // 1_000_000
    raw, crc = deflate_repeat(b" " * 1_000_000, n, head=head)
    small = [
        (name, zlib.compress(data, 9)[2:-4], len(data), zlib.crc32(data))
        for name, data in (("[Content_Types].xml", _CT), ("_rels/.rels", _RELS))
    ]
    return _raw_zip(small + [("word/document.xml", raw, len(head) + n * 1_000_000, crc)])


def _raw_zip(members: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip of already-deflated members (name, raw deflate data, inflated size, crc)."""
    out = bytearray()
    central = bytearray()
    for name, raw, size, crc in members:
        n = name.encode()
        off = len(out)
        header = (
            b"PK\x03\x04"
            + (20).to_bytes(2, "little")
            + (0x800).to_bytes(2, "little")
            + (8).to_bytes(2, "little")
            + (0).to_bytes(4, "little")
            + crc.to_bytes(4, "little")
            + len(raw).to_bytes(4, "little")
            + size.to_bytes(4, "little")
            + len(n).to_bytes(2, "little")
            + (0).to_bytes(2, "little")
        )
        out += header + n + raw
        central += (
            b"PK\x01\x02"
            + (20).to_bytes(2, "little")
            + header[4:30]
            + (0).to_bytes(2, "little") * 3
            + (0).to_bytes(4, "little")
            + off.to_bytes(4, "little")
            + n
        )
    end = (
        b"PK\x05\x06"
        + (0).to_bytes(4, "little")
        + len(members).to_bytes(2, "little") * 2
        + len(central).to_bytes(4, "little")
        + len(out).to_bytes(4, "little")
        + (0).to_bytes(2, "little")
    )
    return bytes(out + central + end)


@special("zip-overlapping")
def _zip_overlap(d: Path, ctx: Ctx) -> dict:
    """Many central-directory entries pointing at one local file (Fifield's overlapping bomb)."""
    comp = _case(d)
    single = _zeros_zip("a.txt", 30_000_000)
    cd = single.find(b"PK\x01\x02")
    entry, local = single[cd : cd + 46], single[:cd]
    n = 300
    central = b"".join(entry + b"%05d" % i for i in range(n))  # the same name length (5), offset 0
    tail = (
        b"PK\x05\x06"
        + (0).to_bytes(4, "little")
        + n.to_bytes(2, "little") * 2
        + len(central).to_bytes(4, "little")
        + len(local).to_bytes(4, "little")
        + (0).to_bytes(2, "little")
    )
    (d / "重叠炸弹.zip").write_bytes(local + central + tail)
    return {"bad": ["重叠炸弹.zip"], "companions": comp}


@special("zip-many-entries")
def _zip_many(d: Path, ctx: Ctx) -> dict:
    """300,000 empty entries (zipfile would build an object for each), and a directory that declares one
    entry while holding 100,000."""
    comp = _case(d)
    (d / "三十万项.zip").write_bytes(_empty_entries_zip(300_000))
    lying = bytearray(_empty_entries_zip(100_000))
    end = lying.rfind(b"PK\x05\x06")
    lying[end + 8 : end + 12] = (1).to_bytes(2, "little") * 2
    (d / "谎报项数.zip").write_bytes(bytes(lying))
    return {"bad": ["三十万项.zip", "谎报项数.zip"], "companions": comp}


def _empty_entries_zip(n: int) -> bytes:
    local, central = [], []
    off = 0
    for i in range(n):
        name = b"%07d.txt" % i
        head = (
            b"PK\x03\x04"
            + (10).to_bytes(2, "little")
            + bytes(4)
            + bytes(4)
            + bytes(12)
            + len(name).to_bytes(2, "little")
            + bytes(2)
        )
        local.append(head + name)
        central.append(
            b"PK\x01\x02"
            + (20).to_bytes(2, "little")
            + head[4:30]
            + bytes(10)
            + off.to_bytes(4, "little")
            + name
        )
        off += len(head) + len(name)
    cd = b"".join(central)
    count = min(n, 0xFFFF).to_bytes(2, "little")
    return (
        b"".join(local)
        + cd
        + (
            b"PK\x05\x06"
            + bytes(4)
            + count * 2
            + len(cd).to_bytes(4, "little")
            + off.to_bytes(4, "little")
            + bytes(2)
        )
    )


@special("zip-nested")
def _zip_nested(d: Path, ctx: Ctx) -> dict:
    comp = _case(d)
    inner = zip_bytes([("决定书.docx", good_docx())])
    for level in range(6):
        inner = zip_bytes([(f"第{level}层.zip", inner), ("说明.txt", "嵌套压缩包".encode())])
    (d / "嵌套.zip").write_bytes(inner)
    return {"bad": ["嵌套.zip"], "companions": comp}


@special("zip-million-lines")
def _zip_lines(d: Path, ctx: Ctx) -> dict:
    """A small zip whose text member is 8M short lines (each would become a block)."""
    comp = _case(d)
    (d / "行炸弹.zip").write_bytes(zip_bytes([("询问笔录.txt", "问\n".encode() * 8_000_000)], level=9))
    (d / "行炸弹.txt").write_bytes("答\n".encode() * 3_000_000)
    return {"bad": ["行炸弹.zip", "行炸弹.txt"], "companions": comp}


@special("zip-traversal")
def _zip_traversal(d: Path, ctx: Ctx) -> dict:
    comp = _case(d)
    names = [
        "../../逃逸.docx",
        "/etc/逃逸.txt",
        "C:\\Windows\\逃逸.txt",
        "..\\..\\逃逸2.txt",
        "a/../../逃逸3.txt",
        "正常/../../逃逸4.docx",
    ]
    members = [(n, good_docx() if n.endswith(".docx") else MARKER.encode()) for n in names]
    members.append(("材料/告知书.docx", good_docx()))
    (d / "穿越.zip").write_bytes(zip_bytes(members))
    return {"bad": ["穿越.zip"], "companions": comp + ["穿越.zip/材料/告知书.docx"]}


@special("zip-bad-streams")
def _zip_bad_streams(d: Path, ctx: Ctx) -> dict:
    """Members whose deflate stream is corrupt (zlib.error), CRC wrong, or compression method unknown."""
    comp = _case(d)
    good = good_docx()
    data = bytearray(zip_bytes([("告知书.docx", good), ("决定书2.docx", good)], level=9))
    first = data.find(b"PK\x03\x04")
    start = first + 30 + data[first + 26] + (data[first + 27] << 8)
    for i in range(start + 2, start + 40):
        data[i] ^= 0xA5
    (d / "坏流.zip").write_bytes(bytes(data))
    data = bytearray(zip_bytes([("告知书.docx", good)]))
    crc_at = data.find(b"PK\x03\x04") + 14
    data[crc_at] ^= 0xFF
    cd = data.find(b"PK\x01\x02")
    data[cd + 16] ^= 0xFF
    (d / "校验错.zip").write_bytes(bytes(data))
    data = bytearray(zip_bytes([("告知书.docx", good)]))
    for sig, off in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        i = data.find(sig)
        data[i + off : i + off + 2] = (9).to_bytes(2, "little")  # deflate64: not supported by zipfile
    (d / "未知压缩.zip").write_bytes(bytes(data))
    (d / "坏流.docx").write_bytes(_corrupt_docx_stream(good))
    return {"bad": ["坏流.zip", "校验错.zip", "未知压缩.zip", "坏流.docx"], "companions": comp}


def _corrupt_docx_stream(good: bytes) -> bytes:
    data = bytearray(good)
    i = data.find(b"word/document.xml")
    start = i + len(b"word/document.xml")
    for k in range(start + 5, start + 60):
        data[k] ^= 0x5A
    return bytes(data)


@special("xxe-docx")
def _xxe(d: Path, ctx: Ctx) -> dict:
    comp = _case(d)
    target = (ctx.outside / "secret.txt").as_uri()
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{target}"><!ENTITY % pe SYSTEM "{target}"> %pe;]>'
    (d / "外部实体.docx").write_bytes(docx_bytes(para("当事人：&xxe;") + para("行政处罚决定书"), doctype))
    doctype2 = '<!DOCTYPE w:document SYSTEM "http://127.0.0.1:9/evil.dtd">'
    (d / "外部DTD.docx").write_bytes(docx_bytes(para("行政处罚告知书"), doctype2))
    return {"bad": [], "companions": comp}


@special("billion-laughs-docx")
def _laughs(d: Path, ctx: Ctx) -> dict:
    comp = _case(d)
    ents = '<!ENTITY lol "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    doctype = f"<!DOCTYPE w:document [{ents}]>"
    (d / "十亿笑.docx").write_bytes(docx_bytes(para("&lol9;") + para("行政处罚决定书"), doctype))
    return {"bad": [], "companions": comp}


@special("gridspan-bomb")
def _gridspan(d: Path, ctx: Ctx) -> dict:
    comp = _case(d)
    cell = '<w:tc><w:tcPr><w:gridSpan w:val="{}"/></w:tcPr>' + para("罚款") + "</w:tc>"
    rows = "".join(
        f"<w:tr>{cell.format(v)}{cell.format(v)}</w:tr>"
        for v in ("2000000000", "-5", "abc", "99999999999999999999", "3")
    )
    (d / "跨列.docx").write_bytes(docx_bytes(para("行政处罚决定书") + f"<w:tbl>{rows}</w:tbl>"))
    return {"bad": [], "companions": comp}


@special("docx-300k-paragraphs", fast=False)
def _many_paragraphs(d: Path, ctx: Ctx) -> dict:
    comp = _case(d)
    body = "".join(f"<w:p><w:r><w:t>第{i}段 询问笔录内容</w:t></w:r></w:p>" for i in range(300_000))
    (d / "长文书.docx").write_bytes(docx_bytes(body))
    return {"bad": [], "companions": comp}


@special("docx-60k-paragraphs")
def _paragraphs_fast(d: Path, ctx: Ctx) -> dict:
    comp = _case(d)
    body = "".join(f"<w:p><w:r><w:t>第{i}段 询问笔录内容</w:t></w:r></w:p>" for i in range(60_000))
    (d / "长文书.docx").write_bytes(docx_bytes(body))
    return {"bad": [], "companions": comp}


@special("docx-deep-nesting")
def _deep(d: Path, ctx: Ctx) -> dict:
    """Tables nested 3000 deep (recursion) and a paragraph of 100k runs."""
    comp = _case(d)
    depth = 3000
    body = "<w:tbl><w:tr><w:tc>" * depth + para("最里层") + "</w:tc></w:tr></w:tbl>" * depth
    runs = "".join(f"<w:r><w:t>字{i}</w:t></w:r>" for i in range(100_000))
    (d / "深嵌套.docx").write_bytes(docx_bytes(body + f"<w:p>{runs}</w:p>"))
    return {"bad": [], "companions": comp}


@special("docx-missing-parts")
def _missing_parts(d: Path, ctx: Ctx) -> dict:
    comp = _case(d)
    src = _first_sample(ctx, ".docx")
    with zipfile.ZipFile(src) as zf:
        members = [(i.filename, zf.read(i)) for i in zf.infolist()]
    bad = []
    for drop in (
        "word/document.xml",
        "[Content_Types].xml",
        "_rels/.rels",
        "word/styles.xml",
        "word/_rels/document.xml.rels",
    ):
        if any(n == drop for n, _ in members):
            name = f"缺{drop.replace('/', '_').replace('[', '').replace(']', '')}.docx"
            (d / name).write_bytes(zip_bytes([(n, b) for n, b in members if n != drop]))
            bad.append(name)
    # A relationship to a header part that is not in the package (python-docx: KeyError when asked).
    doc = docx_bytes(
        para("行政处罚决定书") + '<w:sectPr><w:headerReference w:type="default" r:id="rId9"/></w:sectPr>'
    )
    with zipfile.ZipFile(io.BytesIO(doc)) as zf:
        parts = [(i.filename, zf.read(i)) for i in zf.infolist()]
    parts.append(
        (
            "word/_rels/document.xml.rels",
            (
                b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
                b'2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                b'relationships/header" Target="header9.xml"/></Relationships>'
            ),
        )
    )
    (d / "缺页眉.docx").write_bytes(zip_bytes(parts))
    # styles.xml / header are optional: python-docx may read the rest; they must be read or reported.
    return {"bad": [b for b in bad if "styles" not in b and "document.xml.rels" not in b], "companions": comp}


@special("pdf-huge-page-count")
def _many_pages(d: Path, ctx: Ctx) -> dict:
    comp = _case(d)
    n = 20_000
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(n))
    objs = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[%s]/Count %d>>" % (kids, n),
        _HELV,
        stream(b"", b"BT /F1 12 Tf 72 700 Td (Page) Tj ET"),
    ]
    objs += [
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 3 0 R>>>>/Contents 4 0 R>>"
    ] * n
    (d / "两万页.pdf").write_bytes(pdf_bytes(objs))
    return {"bad": ["两万页.pdf"], "companions": comp}


@special("pdf-200k-text-objects", fast=False)
def _text_objects(d: Path, ctx: Ctx) -> dict:
    comp = _case(d)
    (d / "文字对象.pdf").write_bytes(_text_objects_pdf(200_000))
    return {"bad": [], "companions": comp}


@special("pdf-40k-text-objects")
def _text_objects_fast(d: Path, ctx: Ctx) -> dict:
    comp = _case(d)
    (d / "文字对象.pdf").write_bytes(_text_objects_pdf(40_000))
    return {"bad": [], "companions": comp}


def _text_objects_pdf(n: int) -> bytes:
    """``n`` separate text objects on one page, each a word apart from its neighbours."""
    cols = 200
    parts = []
    for i in range(n):
        x = 10 + (i % cols) * 5.8
        y = 1190 - (i // cols) * (1180 / (n // cols + 1))
        parts.append(b"BT /F1 1 Tf %.2f %.2f Td (ab) Tj ET" % (x, y))
    return text_pdf(b"\n".join(parts), size=(1200, 1200))


@special("pdf-blank-decoding")
def _blank_decoding(d: Path, ctx: Ctx) -> dict:
    """Text drawn with a font whose ToUnicode maps every code to a space: visible glyphs, blank text."""
    comp = _case(d)
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Blank def "
        b"1 begincodespacerange <00> <FF> endcodespacerange 95 beginbfchar "
        + b" ".join(b"<%02X> <0020>" % c for c in range(0x20, 0x7F))
        + b" endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    font = b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica/ToUnicode 6 0 R>>"
    lines = b"\n".join(
        b"BT /F1 14 Tf 72 %d Td (Administrative penalty decision line %d) Tj ET" % (780 - 20 * i, i)
        for i in range(30)
    )
    (d / "空白文字层.pdf").write_bytes(text_pdf(lines, font=font, extra=[stream(b"", cmap)]))
    # A PDF of pages with nothing on them at all.
    objs = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R 3 0 R]/Count 2>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>",
    ]
    (d / "空白页.pdf").write_bytes(pdf_bytes(objs))
    return {"bad": ["空白页.pdf"], "bad_without_ocr": ["空白文字层.pdf"], "companions": comp}


@special("pdf-malformed")
def _pdf_malformed(d: Path, ctx: Ctx) -> dict:
    """Damage pdfium refuses and pdfminer chokes on: no xref, a header only, a stream without end."""
    comp = _case(d)
    (d / "只有文件头.pdf").write_bytes(b"%PDF-1.7\n")
    (d / "无交叉引用.pdf").write_bytes(
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/Contents 4 0 R>>endobj\n"
        b"4 0 obj<</Length 999999>>stream\nBT /F1 12 Tf (x) Tj"
    )
    (d / "深层数组.pdf").write_bytes(
        text_pdf(b"BT /F1 12 Tf 72 700 Td (deep) Tj ET", extra=[b"[" * 100_000 + b"]" * 100_000])
    )
    return {"bad": ["只有文件头.pdf", "无交叉引用.pdf"], "companions": comp}


@special("pdf-huge-page-ocr")
def _huge_page(d: Path, ctx: Ctx) -> dict:
    """A scanned page of 6000 pt (and one of 200000 pt): rendered for OCR at 200 dpi, gigapixels."""
    comp = _case(d)
    (d / "巨幅扫描页.pdf").write_bytes(image_pdf((6000, 6000), (600, 600), (0, 0, 6000, 6000)))
    (d / "超大页面.pdf").write_bytes(image_pdf((200000, 200000), (300, 300), (0, 0, 200000, 200000)))
    return {"bad": [], "companions": comp, "ocr": True}


@special("pdf-image-bomb")
def _pdf_image_bomb(d: Path, ctx: Ctx) -> dict:
    """A 20000 x 20000 image object drawn small beside text (the parser measures small pictures)."""
    comp = _case(d)
    text = b"BT /F1 12 Tf 72 700 Td (Administrative penalty decision with a seal) Tj ET"
    (d / "图片炸弹.pdf").write_bytes(image_pdf((595, 842), (20000, 20000), (400, 80, 100, 100), text))
    return {"bad": [], "companions": comp}


@special("pdf-many-images")
def _many_images(d: Path, ctx: Ctx) -> dict:
    """One small picture drawn 20,000 times on a page (each draw is an image object to measure and place)."""
    comp = _case(d)
    img = (
        b"<</Type/XObject/Subtype/Image/Width 8/Height 8/ColorSpace/DeviceRGB/BitsPerComponent 8/Length 192>>"
        b"stream\n" + b"\xcc\x10\x10" * 64 + b"\nendstream"
    )
    draws = b"\n".join(
        b"q 2 0 0 2 %d %d cm /Im1 Do Q" % (10 + (i % 250) * 2.3, 10 + (i // 250) * 10) for i in range(20_000)
    )
    text = b"BT /F1 12 Tf 72 820 Td (Administrative penalty decision) Tj ET\n"
    (d / "两万张图.pdf").write_bytes(text_pdf(text + draws, extra=[img], resources=b"/XObject<</Im1 6 0 R>>"))
    return {"bad": ["两万张图.pdf"], "companions": comp}


@special("image-bombs")
def _image_bombs(d: Path, ctx: Ctx) -> dict:
    comp = _case(d)
    (d / "巨图.png").write_bytes(png_bytes(20000, 20000))
    (d / "声明巨大.png").write_bytes(png_bytes(100000, 100000, truncate=True))
    (d / "大图.png").write_bytes(png_bytes(9000, 9000, ink=True))  # 81 Mpx: under Pillow's bomb error
    (d / "带巨图.docx").write_bytes(
        docx_bytes(
            para("行政处罚决定书") + '<w:p><w:r><w:drawing><a:blip r:embed="rId7"/></w:drawing></w:r></w:p>',
            media={"rId7": png_bytes(20000, 20000)},
        )
    )
    return {"bad": ["巨图.png", "声明巨大.png"], "companions": comp + ["带巨图.docx"], "ocr": True}


@special("images-damaged")
def _images_damaged(d: Path, ctx: Ctx) -> dict:
    """Pictures cut short, with bytes flipped, or zeroed: Pillow's errors become reports."""
    comp = _case(d)
    jpg = next(p for p in SAMPLES.rglob("*.jpg")).read_bytes()
    png = (FIXTURES / "image_scan.png").read_bytes()
    (d / "截断.jpg").write_bytes(jpg[: len(jpg) // 3])
    (d / "翻转.png").write_bytes(_mutate(png, "flip", random.Random(5)))
    (d / "截断.png").write_bytes(png[: len(png) // 2])
    (d / "清零.jpg").write_bytes(jpg[:200] + bytes(len(jpg) - 200))
    return {
        "bad": [],
        "companions": comp,
        "ocr": True,
        "note": "a damaged picture may still decode in part: read or reported, never an exception",
    }


@special("office-damaged", fast=False)
def _office_damaged(d: Path, ctx: Ctx) -> dict:
    """Legacy .doc/.wps (converted by LibreOffice) truncated and with bytes flipped."""
    comp = _case(d)
    doc = (FIXTURES / "legacy.doc").read_bytes()
    wps = (FIXTURES / "legacy.wps").read_bytes()
    (d / "截断.doc").write_bytes(doc[: len(doc) // 2])
    (d / "翻转.wps").write_bytes(_mutate(wps, "flip", random.Random(7)))
    (d / "清零.doc").write_bytes(doc[:512] + bytes(len(doc) - 512))
    return {"bad": [], "companions": comp}


@special("odd-file-names")
def _odd_names(d: Path, ctx: Ctx) -> dict:
    comp = _case(d)
    names = [
        "\x07响铃.docx",
        "制表\t符.docx",
        "换行\n符.docx",
        "=cmd|' -C calc'!A0.docx",
        "-rf.docx",
        "--help.docx",
        "+1+1.docx",
        "@SUM(1).docx",
        "\u202e反向.docx",
        "字" * 80 + ".docx",
    ]
    for n in names:
        (d / n).write_bytes(good_docx())
    raw = os.fsdecode(b"\xff\xfe\xb0\xa1.docx")  # not UTF-8 (GBK 啊 after two junk bytes)
    (d / raw).write_bytes(good_docx())
    long_name = "长" * 83 + ".docx"  # 83 * 3 + 5 = 254 bytes
    (d / long_name).write_bytes(good_docx())
    return {"bad": [], "companions": comp + names + [raw, long_name]}


def _first_sample(ctx: Ctx, suffix: str) -> Path:
    return next(p for p in ctx.samples if p.suffix == suffix)


# Cases whose own (folder) names are odd: the writers must survive them.
ODD_CASE_NAMES = [
    "=1+1",
    "-案卷",
    "\x1b[31m红色",
    os.fsdecode(b"\xc0\xaf\xff\xfe\xce\xc4"),
    "案" * 84,
    "a\nb",
    "dup",
    "dup.pdf",
    "dup.docx",
]


def _batch_edges(dest: Path, batch_no: int, ctx: Ctx) -> list[Input]:
    """Entries of a batch folder itself (what ``score`` walks): a FIFO, links out and in loops, a hidden and a
    locked case, a file that is no case. Each must be scored or listed as skipped with its reason."""
    name = f"batch-{batch_no:02d}"
    batch = dest / name
    batch.mkdir(parents=True)
    (batch / "正常案卷").mkdir()
    (batch / "正常案卷" / "决定书.docx").write_bytes(good_docx())
    os.mkfifo(batch / "管道.pdf")
    os.symlink(ctx.outside / "dir", batch / "外部案卷")
    os.symlink(ctx.outside / "secret.docx", batch / "外部案卷.docx")
    os.symlink("回环", batch / "回环")
    os.symlink("正常案卷", batch / "别名案卷")
    (batch / ".隐藏案卷").mkdir()
    (batch / ".隐藏案卷" / "决定书.docx").write_bytes(good_docx())
    locked = batch / "锁定案卷"
    locked.mkdir()
    (locked / "决定书.docx").write_bytes(good_docx())
    os.chmod(locked, 0)
    (batch / "说明.md").write_text("不是案卷", encoding="utf-8")
    out = [Input(name, "正常案卷", "batch-normal", companions=["决定书.docx"])]
    out += [
        Input(name, n, k)
        for n, k in (
            ("管道.pdf", "batch-fifo"),
            ("外部案卷", "batch-symlink-out"),
            ("外部案卷.docx", "batch-symlink-out"),
            ("回环", "batch-symlink-loop"),
            ("别名案卷", "batch-symlink-in"),
            (".隐藏案卷", "batch-hidden"),
            ("锁定案卷", "batch-locked"),
            ("说明.md", "batch-not-a-case"),
        )
    ]
    return out


# -- mutations of the samples -------------------------------------------------------------------------


def _mutate(data: bytes, how: str, rng: random.Random) -> bytes:
    n = len(data)
    if how == "truncate":
        return data[: rng.randrange(max(1, n // 20), n)]
    if how == "flip":
        out = bytearray(data)
        for _ in range(rng.randint(1, 24)):
            out[rng.randrange(n)] ^= rng.randrange(1, 256)
        return bytes(out)
    if how == "zero":
        out = bytearray(data)
        length = rng.randint(16, 8192)
        start = rng.randrange(n)
        out[start : start + length] = bytes(min(length, n - start))
        return bytes(out)
    if how == "duplicate":
        a = rng.randrange(n)
        b = min(n, a + rng.randint(64, 65536))
        return data[:b] + data[a:b] * rng.randint(1, 4) + data[b:]
    if how == "head-tail":  # the end (xref, central directory) swapped for the start's bytes
        cut = rng.randrange(n // 2, n)
        return data[:cut] + data[: n - cut]
    raise ValueError(how)


def _mutate_docx(data: bytes, how: str, rng: random.Random) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = [(i.filename, zf.read(i)) for i in zf.infolist()]
    if how == "drop-part":
        k = rng.randrange(len(members))
        return zip_bytes(members[:k] + members[k + 1 :])
    out = []
    for name, body in members:
        if name == "word/document.xml":
            if how == "xml-cut":
                body = body[: rng.randrange(len(body) // 4, len(body))]
            elif how == "xml-flip":
                b = bytearray(body)
                for _ in range(rng.randint(1, 12)):
                    b[rng.randrange(len(b))] = rng.choice(b"<>&\"'/\x00\xff=")
                body = bytes(b)
        out.append((name, body))
    return zip_bytes(out)


BYTE_MUTATIONS = ("truncate", "flip", "zero", "duplicate", "head-tail")
DOCX_MUTATIONS = ("drop-part", "xml-cut", "xml-flip")


def sample_files() -> list[Path]:
    """The sample files mutations start from (.pdf, .docx, .zip), in a stable order."""
    files = [p for p in SAMPLES.rglob("*") if p.is_file() and p.suffix.lower() in (".pdf", ".docx", ".zip")]
    return sorted(files, key=lambda p: p.relative_to(SAMPLES).as_posix())


# -- the whole campaign ------------------------------------------------------------------------------


def _outside(dest: Path) -> Path:
    out = dest / "outside"
    (out / "dir").mkdir(parents=True, exist_ok=True)
    (out / "secret.txt").write_text(f"{MARKER}\n当事人：{MARKER}\n", encoding="utf-8")
    marker_doc = docx_bytes(
        "".join(para(t) for t in ["行政处罚决定书", f"当事人：{MARKER}", f"{MARKER} 罚款伍仟元"])
    )
    (out / "secret.docx").write_bytes(marker_doc)
    (out / "dir" / "决定书.docx").write_bytes(marker_doc)
    (out / "dir" / "说明.txt").write_text(MARKER, encoding="utf-8")
    return out


def build(
    dest: str | os.PathLike,
    seed: int = 11,
    mutations: int = 60,
    per_batch: int = 30,
    specials: bool = True,
    fast_only: bool = False,
) -> list[Input]:
    """Write the campaign under ``dest`` (created; must not exist or be empty); the manifest.

    ``mutations`` mutated-sample cases; ``fast_only`` writes only the specials of the fast subset (the
    slow ones — 300k paragraphs, 200k text objects — are left out).
    """
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    samples = sample_files()
    ctx = Ctx(rng, _outside(dest), samples)
    manifest: list[Input] = []
    batch_no = 0

    def batch_name() -> str:
        return f"batch-{batch_no:02d}"

    if specials:
        batch = dest / batch_name()
        for name, (fn, fast) in SPECIALS.items():
            if fast_only and not fast:
                continue
            spec = fn(batch / name, ctx)
            manifest.append(
                Input(
                    batch_name(),
                    name,
                    name,
                    bad=spec.get("bad", []),
                    bad_unless_root=spec.get("bad_unless_root", []),
                    bad_without_ocr=spec.get("bad_without_ocr", []),
                    companions=spec.get("companions", []),
                    fast=fast,
                    ocr=spec.get("ocr", False),
                    note=spec.get("note", ""),
                )
            )
        for i, case_name in enumerate(ODD_CASE_NAMES):
            if "." in case_name:  # a case delivered as one file
                (batch / case_name).write_bytes(
                    good_docx()
                    if case_name.endswith(".docx")
                    else (FIXTURES / "pdf_text_2pages.pdf").read_bytes()
                )
                manifest.append(Input(batch_name(), case_name, "odd-case-name", fast=i % 2 == 0))
            else:
                d = batch / case_name
                d.mkdir()
                (d / "决定书.docx").write_bytes(good_docx())
                manifest.append(
                    Input(
                        batch_name(), case_name, "odd-case-name", companions=["决定书.docx"], fast=i % 2 == 0
                    )
                )
        batch_no += 1
    if specials and not fast_only:
        manifest.extend(_batch_edges(dest, batch_no, ctx))
        batch_no += 1
    companion = good_docx()
    for i in range(mutations):
        if i % per_batch == 0 and i:
            batch_no += 1
        src = samples[rng.randrange(len(samples))]
        data = src.read_bytes()
        kinds = BYTE_MUTATIONS + (DOCX_MUTATIONS if src.suffix == ".docx" else ())
        how = rng.choice(kinds)
        mutated = (_mutate_docx if how in DOCX_MUTATIONS else _mutate)(data, how, rng)
        stem = f"m{i:04d}-{how}"
        batch = dest / batch_name()
        batch.mkdir(parents=True, exist_ok=True)
        if rng.random() < 0.5:  # the case is the mutated file itself
            case = f"{stem}{src.suffix}"
            (batch / case).write_bytes(mutated)
            manifest.append(
                Input(
                    batch_name(),
                    case,
                    f"mutate-{src.suffix[1:]}-{how}",
                    fast=i < 24,
                    note=src.relative_to(SAMPLES).as_posix(),
                )
            )
        else:  # a folder: the mutated file beside an intact decision
            (batch / stem).mkdir()
            (batch / stem / f"材料{src.suffix}").write_bytes(mutated)
            (batch / stem / "决定书.docx").write_bytes(companion)
            manifest.append(
                Input(
                    batch_name(),
                    stem,
                    f"mutate-{src.suffix[1:]}-{how}",
                    companions=["决定书.docx"],
                    fast=i < 24,
                    note=src.relative_to(SAMPLES).as_posix(),
                )
            )
    (dest / "manifest.json").write_text(
        json.dumps([asdict(m) for m in manifest], ensure_ascii=True, indent=1)
    )
    return manifest


def load_manifest(dest: str | os.PathLike) -> list[Input]:
    return [Input(**m) for m in json.loads((Path(dest) / "manifest.json").read_text())]


def tree_digest(root: str | os.PathLike, skip: str | None = None) -> dict[str, str]:
    """Every entry under ``root`` (links not followed) -> a digest of its content, type and mode.

    Unreadable entries are digested by their metadata; ``skip``: a top-level name left out (the output).
    """
    import hashlib

    out: dict[str, str] = {}
    root = Path(root)
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = os.path.relpath(dirpath, root)
        if skip and rel_dir == ".":
            dirnames[:] = [d for d in dirnames if d != skip]
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            rel = os.path.normpath(os.path.join(rel_dir, name))
            st = p.lstat()
            key = f"{stat.S_IFMT(st.st_mode)}:{stat.S_IMODE(st.st_mode):o}:{st.st_size}"
            if stat.S_ISLNK(st.st_mode):
                key += ":" + os.readlink(p)
            elif stat.S_ISREG(st.st_mode):
                try:
                    key += ":" + hashlib.sha256(p.read_bytes()).hexdigest()
                except OSError:
                    key += ":unreadable"
            out[rel] = key
    return out
