"""Uploads through the browser: zips, folders, single files and batches stored safely, hostile ones refused
with nothing left behind.

Every refusal is checked against a snapshot of the whole folder around
``dest`` (the staging area lives beside it), so "refused" always also means
"nothing written, nothing left over". Archives are built here, byte-patched
where a hostile one needs a lie zipfile would not write.
"""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest

pytest.importorskip("django")

from casereview.web.uploads import (
    Incoming,
    LimitedUploadHandler,
    StoredCase,
    UploadLimits,
    UploadRefused,
    check_declared_length,
    store_upload,
)

ROOT = Path(__file__).resolve().parents[2]
SMALL = UploadLimits(
    max_request_bytes=4 << 20, max_files=20, max_unpacked_bytes=32 << 20, max_ratio=100, max_depth=4
)
PDF = b"%PDF-1.4\n% a tiny stand-in\n"


def inc(name: str, data: bytes = PDF, size: int | None = None) -> Incoming:
    """An uploaded file, its bytes arriving in small chunks."""
    return Incoming(
        name, len(data) if size is None else size, lambda: (data[i : i + 7] for i in range(0, len(data), 7))
    )


def make_zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def zip_item(name: str, members: dict[str, bytes]) -> Incoming:
    return inc(name, make_zip(members))


def tree(root: Path) -> dict[str, bytes | None]:
    """Every path under ``root`` (folders as None), to compare before and after."""
    return {
        str(p.relative_to(root)): (None if p.is_dir() else p.read_bytes()) for p in sorted(root.rglob("*"))
    }


@pytest.fixture
def area(tmp_path):
    """(dest, snapshot): dest holds one earlier case; snapshot() lists everything in dest's parent."""
    dest = tmp_path / "store" / "cases"
    (dest / "旧案卷").mkdir(parents=True)
    (dest / "旧案卷" / "决定书.pdf").write_bytes(PDF)
    return dest, lambda: tree(tmp_path)


def refused(area, items, limits=SMALL, many=False, match=""):
    """Assert the upload is refused with ``match`` in the message and nothing changed around dest."""
    dest, snapshot = area
    before = snapshot()
    with pytest.raises(UploadRefused, match=match) as info:
        store_upload(items, dest, limits, many=many)
    assert snapshot() == before
    return str(info.value)


def files_of(path: Path) -> list[str]:
    return sorted(str(p.relative_to(path)) for p in path.rglob("*") if p.is_file())


# --- one case -----------------------------------------------------------------------------------------


def test_one_zip_is_unpacked_into_a_folder_named_after_it(area):
    dest, _ = area
    stored = store_upload(
        [zip_item("案卷B.zip", {"01-立案审批表.pdf": PDF, "卷内/02-笔录.docx": b"x"})], dest, SMALL
    )
    assert stored == [StoredCase("案卷B", dest / "案卷B")]
    assert files_of(dest / "案卷B") == ["01-立案审批表.pdf", "卷内/02-笔录.docx"]
    assert (dest / "案卷B" / "01-立案审批表.pdf").read_bytes() == PDF


def test_a_zip_holding_one_folder_is_named_by_that_folder_and_junk_is_skipped(area):
    dest, _ = area
    members = {
        "案卷C/01-决定书.pdf": PDF,
        "案卷C/.DS_Store": b"x",
        "__MACOSX/案卷C/._01-决定书.pdf": b"x",
        "案卷C/Thumbs.db": b"x",
        "案卷C/desktop.ini": b"x",
        "案卷C/~$决定书.docx": b"x",
    }
    stored = store_upload([zip_item("下载.zip", members)], dest, SMALL)
    assert stored == [StoredCase("案卷C", dest / "案卷C")]
    assert files_of(dest / "案卷C") == ["01-决定书.pdf"]


class _GbkInfo(zipfile.ZipInfo):
    """Writes its name as raw GBK bytes without the UTF-8 flag, like zip tools on Chinese Windows."""

    def _encodeFilenameFlags(self):  # zipfile's own name
        return self.filename.encode("cp437"), self.flag_bits & ~0x800


def test_gbk_names_from_chinese_windows_are_decoded(area):
    dest, _ = area
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name in ("案卷D/01-行政处罚决定书.pdf", "案卷D/送达回证.pdf"):
            zf.writestr(_GbkInfo(name.encode("gbk").decode("cp437")), PDF)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zf:
        assert all(not i.flag_bits & 0x800 for i in zf.infolist())  # really written the Windows way
    stored = store_upload([inc("案卷D.zip", buf.getvalue())], dest, SMALL)
    assert stored == [StoredCase("案卷D", dest / "案卷D")]
    assert files_of(dest / "案卷D") == ["01-行政处罚决定书.pdf", "送达回证.pdf"]


def test_a_folder_upload_keeps_its_relative_paths(area):
    dest, _ = area
    items = [
        inc("案卷E/03-笔录.docx", b"docx"),
        inc("案卷E/附件/照片.jpg", b"jpg"),
        inc("案卷E/Thumbs.db", b"x"),
        inc("案卷E\\01-立案.pdf"),
        inc("案卷E/内卷.zip", make_zip({"a.pdf": PDF})),
    ]
    stored = store_upload(items, dest, SMALL)
    assert stored == [StoredCase("案卷E", dest / "案卷E")]
    assert files_of(dest / "案卷E") == ["01-立案.pdf", "03-笔录.docx", "内卷.zip", "附件/照片.jpg"]
    assert (dest / "案卷E" / "内卷.zip").read_bytes()[:2] == b"PK"  # a zip inside a case stays a file


def test_a_single_document_is_stored_as_a_file(area):
    dest, _ = area
    stored = store_upload([inc("决定书F.pdf")], dest, SMALL)
    assert stored == [StoredCase("决定书F", dest / "决定书F.pdf")]
    mode = stat.S_IMODE((dest / "决定书F.pdf").stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o644 & ~umask


def test_a_zip_inside_a_zip_stays_a_file(area):
    dest, _ = area
    inner = make_zip({"x.pdf": PDF})
    store_upload([zip_item("案卷G.zip", {"正卷/决定书.pdf": PDF, "副卷/附件.zip": inner})], dest, SMALL)
    assert files_of(dest / "案卷G") == ["副卷/附件.zip", "正卷/决定书.pdf"]
    assert (dest / "案卷G" / "副卷" / "附件.zip").read_bytes() == inner


def test_an_existing_case_id_is_never_overwritten(area):
    dest, _ = area
    first = store_upload([inc("旧案卷/新.pdf")], dest, SMALL)
    second = store_upload([zip_item("旧案卷.zip", {"b.pdf": PDF})], dest, SMALL)
    third = store_upload([inc("旧案卷.pdf")], dest, SMALL)
    assert [s.case_id for s in first + second + third] == ["旧案卷-2", "旧案卷-3", "旧案卷-4"]
    assert third[0].path == dest / "旧案卷-4.pdf"
    assert files_of(dest / "旧案卷") == ["决定书.pdf"]  # the earlier case as it was


def test_one_case_mode_refuses_what_is_not_one_case(area):
    refused(area, [inc("案卷A/a.pdf"), inc("案卷B/b.pdf")], match="一次只能上传一个案卷")
    refused(area, [inc("a.pdf"), inc("b.pdf")], match="一次只能上传一个案卷")
    refused(area, [inc("案卷A/a.pdf"), inc("b.pdf")], match="既有文件夹又有单独的文件")
    refused(area, [inc("名单.xlsx", b"x")], match="不是案卷文书")


# --- many cases -------------------------------------------------------------------------------------


def test_many_cases_from_zips_folders_and_files(area):
    dest, _ = area
    batch = make_zip({"案卷K/决定书.pdf": PDF, "案卷L/决定书.pdf": PDF, "案卷M.pdf": PDF, "__MACOSX/x": b"x"})
    items = [
        zip_item("案卷H.zip", {"01.pdf": PDF}),
        zip_item("打包.zip", {"案卷I/01.pdf": PDF}),
        inc("案卷J/笔录.docx", b"d"),
        inc("案卷J/附件/图.png", b"p"),
        inc("案卷N/决定书.pdf"),
        inc("单卷O.pdf"),
        inc("批次.zip", batch),
        inc(".DS_Store", b"x"),
    ]
    stored = store_upload(items, dest, SMALL, many=True)
    assert [s.case_id for s in stored] == [
        "案卷H",
        "案卷I",
        "案卷J",
        "案卷N",
        "单卷O",
        "案卷K",
        "案卷L",
        "案卷M",
    ]
    assert files_of(dest / "案卷J") == ["笔录.docx", "附件/图.png"]
    assert (dest / "单卷O.pdf").is_file() and (dest / "案卷M.pdf").is_file()
    assert files_of(dest / "案卷K") == ["决定书.pdf"]
    assert [p.name for p in dest.parent.iterdir()] == ["cases"]  # the staging folder beside dest is gone


def test_duplicate_case_ids_in_one_upload_are_refused_by_name(area):
    msg = refused(
        area,
        [zip_item("案卷A.zip", {"a.pdf": PDF}), inc("案卷A/b.pdf"), inc("案卷B.pdf"), inc("案卷B/c.pdf")],
        many=True,
        match="重复的案卷编号",
    )
    assert "案卷A" in msg and "案卷B" in msg


def test_a_case_without_a_document_and_an_empty_upload_are_refused(area):
    refused(area, [], match="没有上传任何文件")
    refused(area, [inc(".DS_Store", b"x"), inc("__MACOSX/._a.pdf", b"x")], match="只有系统文件")
    refused(area, [inc("案卷A/a.pdf"), inc("案卷B/名单.xlsx", b"x")], many=True, match="案卷B/：没有案卷文书")
    refused(
        area,
        [zip_item("空.zip", {"__MACOSX/._a.pdf": b"x", "dir/.hidden": b"x"})],
        match="空.zip：没有案卷文书",
    )
    refused(
        area,
        [inc("批次.zip", make_zip({"A/a.pdf": PDF, "B/b.pdf": PDF, "目录.xlsx": b"x"}))],
        many=True,
        match="批次.zip/目录.xlsx",
    )


# --- hostile names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bad", ["../x.pdf", "/etc/x.pdf", "a/../../x.pdf", "C:\\x.pdf", "C:/x.pdf", "\\\\srv\\x.pdf"]
)
def test_traversal_in_a_zip_is_refused(area, tmp_path, bad):
    msg = refused(area, [zip_item("案卷.zip", {"ok.pdf": PDF, bad: PDF})], match="已拒绝上传")
    assert "绝对路径" in msg or ".." in msg
    assert not (tmp_path / "store" / "x.pdf").exists() and not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("bad", ["../x.pdf", "/etc/x.pdf", "案卷/../../x.pdf", "C:\\x.pdf", "案卷/a\x00.pdf"])
def test_traversal_in_a_folder_upload_is_refused(area, bad):
    refused(area, [inc("案卷/ok.pdf"), inc(bad)], many=True, match="已拒绝上传")


def test_a_nul_in_a_zip_member_name_is_refused(area):
    data = make_zip({"案卷/aXb.pdf": PDF}).replace(b"aXb.pdf", b"a\x00b.pdf")
    refused(area, [inc("案卷.zip", data)], match="控制字符")


def test_too_deep_folders_are_refused(area):
    refused(area, [inc("a/b/c/d/e/f.pdf")], match="文件夹层数过多")
    refused(area, [zip_item("案卷.zip", {"a/b/c/d/e/f.pdf": PDF})], match="文件夹层数过多")


def test_a_symlink_entry_is_refused(area):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("案卷/决定书.pdf", PDF)
        link = zipfile.ZipInfo("案卷/passwd.pdf")
        link.create_system = 3
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(link, "/etc/passwd")
    refused(area, [inc("案卷.zip", buf.getvalue())], match="符号链接")


def test_an_encrypted_entry_is_refused(area):
    data = bytearray(make_zip({"案卷/决定书.pdf": PDF}))
    for sig, flags_at in (
        (b"PK\x03\x04", 6),
        (b"PK\x01\x02", 8),
    ):  # set bit 0 in the local and central headers
        i = data.find(sig)
        data[i + flags_at] |= 0x1
    refused(area, [inc("案卷.zip", bytes(data))], match="已加密")


def test_duplicate_paths_in_a_zip_are_refused(area):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf, pytest.warns(UserWarning):
        zf.writestr("a.pdf", PDF)
        zf.writestr("a.pdf", PDF)
    refused(area, [inc("案卷.zip", buf.getvalue())], match="两个同名文件")


# --- sizes and counts -------------------------------------------------------------------------------


def test_a_zip_bomb_is_refused_by_its_ratio(area):
    bomb = make_zip({"案卷/决定书.pdf": PDF, "案卷/零.pdf": bytes(8 << 20)})
    assert len(bomb) < 64 << 10
    refused(area, [inc("案卷.zip", bomb)], match="压缩比异常")


def test_a_zip_over_the_unpacked_total_is_refused_before_unpacking(area):
    members = {f"案卷/{i}.pdf": os.urandom(1 << 20) for i in range(3)}
    limits = UploadLimits(max_request_bytes=8 << 20, max_files=20, max_unpacked_bytes=2 << 20)
    refused(area, [zip_item("案卷.zip", members)], limits=limits, match="解压后内容过大")


def test_a_zip_whose_header_lies_about_the_size_is_stopped(area):
    data = bytearray(make_zip({"案卷/决定书.pdf": PDF, "案卷/零.pdf": bytes(8 << 20)}))
    i = data.find(b"PK\x01\x02", data.find(b"PK\x01\x02") + 4)  # the second member's central directory entry
    assert int.from_bytes(data[i + 24 : i + 28], "little") == 8 << 20
    data[i + 24 : i + 28] = (1000).to_bytes(4, "little")  # declares 1000 bytes: no ratio or total check fires
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        assert zf.getinfo("案卷/零.pdf").file_size == 1000
    refused(area, [inc("案卷.zip", bytes(data))], match="校验失败|声明的大小")


def test_the_real_byte_count_stops_a_reader_that_trusts_no_declared_size(area, monkeypatch):
    """zipfile stops at the declared size (then fails the CRC); were it not to, the running count stops it."""
    data = bytearray(make_zip({"案卷/决定书.pdf": PDF, "案卷/零.pdf": bytes(8 << 20)}))
    i = data.find(b"PK\x01\x02", data.find(b"PK\x01\x02") + 4)
    data[i + 24 : i + 28] = (1000).to_bytes(4, "little")
    opened = zipfile.ZipExtFile.__init__

    def unbounded(self, *args, **kwargs):
        opened(self, *args, **kwargs)
        self._left = 1 << 40  # read on past the declared size

    monkeypatch.setattr(zipfile.ZipExtFile, "__init__", unbounded)
    refused(area, [inc("案卷.zip", bytes(data))], match="解压出的内容超过压缩包声明的大小")


def test_an_upload_larger_than_it_declared_is_stopped(area):
    refused(area, [inc("案卷/a.pdf", PDF * 100, size=len(PDF))], match="实际大小超过声明的大小")


def test_too_many_files_are_refused(area):
    refused(area, [inc(f"案卷/{i}.pdf") for i in range(21)], match="文件过多")
    refused(area, [zip_item("案卷.zip", {f"{i}.pdf": PDF for i in range(25)})], match="声明 25 个")
    refused(
        area,
        [
            zip_item("案卷.zip", {f"{i}.pdf": PDF for i in range(15)}),
            zip_item("案卷2.zip", {f"{i}.pdf": PDF for i in range(15)}),
        ],
        many=True,
        match="文件过多",
    )


def test_a_request_over_the_cap_is_refused(area):
    refused(area, [inc("案卷/a.pdf", size=5 << 20)], match="上传内容过大")


def test_a_2gb_content_length_is_refused_before_reading():
    with pytest.raises(UploadRefused, match="上传内容过大（2 GB，上限 1 GB）"):
        check_declared_length(str(2 << 30), UploadLimits())
    check_declared_length(str(1 << 30), UploadLimits())
    check_declared_length(None, UploadLimits())
    with pytest.raises(UploadRefused, match="无效"):
        check_declared_length("12abc", UploadLimits())


# --- the Django handler -------------------------------------------------------------------------------


class _Unreadable:
    def read(self, *args):
        raise AssertionError("the body was read")


def test_the_handler_stops_on_the_running_byte_and_file_counts():
    from django.core.files.uploadhandler import StopUpload

    request = SimpleNamespace()
    handler = LimitedUploadHandler(request, UploadLimits(max_request_bytes=100, max_files=2))
    assert request.upload_refused is None
    assert handler.handle_raw_input(_Unreadable(), {}, 100, b"x", "utf-8") is None
    handler.new_file("files", "a.pdf", "application/pdf", None)
    assert handler.receive_data_chunk(b"x" * 60, 0) == b"x" * 60
    with pytest.raises(StopUpload) as stop:
        handler.receive_data_chunk(b"x" * 60, 60)
    assert not stop.value.connection_reset
    assert "a.pdf：上传内容过大" in str(request.upload_refused)
    handler = LimitedUploadHandler(request, UploadLimits(max_files=2))
    handler.new_file("files", "a.pdf", "application/pdf", None)
    handler.new_file("files", "b.pdf", "application/pdf", None)
    with pytest.raises(StopUpload):
        handler.new_file("files", "c.pdf", "application/pdf", None)
    assert "文件过多" in str(request.upload_refused)


def test_the_handler_stops_a_real_multipart_request_before_it_is_stored(tmp_path):
    """Through Django's own parser, in a child process (its settings stay out of this session)."""
    script = textwrap.dedent("""
        import io, os, sys
        from types import SimpleNamespace
        from django.conf import settings
        settings.configure(FILE_UPLOAD_TEMP_DIR=sys.argv[1], FILE_UPLOAD_MAX_MEMORY_SIZE=0)
        from django.core.files.uploadhandler import TemporaryFileUploadHandler
        from django.http.multipartparser import MultiPartParser
        from casereview.web.uploads import LimitedUploadHandler, UploadLimits

        def body(sizes):
            out = b""
            for i, size in enumerate(sizes):
                out += (b"--B\\r\\nContent-Disposition: form-data; name=\\"files\\"; filename=\\"%d.pdf\\"\\r\\n"
                        b"Content-Type: application/pdf\\r\\n\\r\\n" % i) + b"x" * size + b"\\r\\n"
            return out + b"--B--\\r\\n"

        class Unreadable(io.BytesIO):
            def read(self, *args):
                raise AssertionError("the body was read")

        def parse(sizes, limits, declared=None, stream=None):
            data = body(sizes)
            meta = {"CONTENT_TYPE": "multipart/form-data; boundary=B", "CONTENT_LENGTH": str(declared or len(data))}
            request = SimpleNamespace()
            handlers = [LimitedUploadHandler(request, limits), TemporaryFileUploadHandler(request)]
            stream = stream or io.BytesIO(data)
            post, files = MultiPartParser(meta, stream, handlers).parse()
            return str(request.upload_refused), len(files.getlist("files")), stream.tell() == len(data)

        print(parse([300_000, 300_000], UploadLimits(max_request_bytes=1 << 20)))
        print(parse([10], UploadLimits(), declared=2 << 30, stream=Unreadable()))
        print(parse([10, 10, 10], UploadLimits(max_files=2)))
        print(os.listdir(sys.argv[1]))
    """)
    res = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert res.returncode == 0, res.stderr
    accepted, too_big, too_many, leftovers = res.stdout.splitlines()
    assert accepted == "('None', 2, True)"
    assert (
        too_big == "('上传内容过大（2 GB，上限 1 GB），已拒绝上传；请分批上传', 0, False)"
    )  # the body never read
    assert (
        too_many == "('上传的文件过多（超过 2 个），已拒绝上传；请分批上传', 2, True)"
    )  # drained: the browser gets the answer
    assert leftovers == "[]"  # no temporary file outlives its request
