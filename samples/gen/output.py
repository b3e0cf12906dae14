"""Writing the cases to disk in their formats, converting to PDF, measuring pages."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pypdfium2 as pdfium

from .model import Case, Doc
from .render_more import RENDER
from .writer import DocxWriter, TextWriter

HERE = Path(__file__).resolve().parent
FONTS_CONF = HERE / "fonts.conf"

FIXED_ZIP_TIME = (2024, 12, 31, 9, 0, 0)


# --------------------------------------------------------------------------
# rendering


def _fresh(doc: Doc) -> None:
    """Renderers record the amounts they print; a document is rendered once per pass."""
    doc.fields.pop("amounts_words", None)
    doc.fields.pop("amounts_figures", None)


def render_single(case: Case, doc: Doc, marker: str | None = None) -> DocxWriter:
    w = DocxWriter(case.agency.look)
    if doc.style.get("footer"):
        w._footer(w.doc.sections[0], doc.style["footer"])
    w.begin_document()
    w.marker = marker
    _fresh(doc)
    RENDER[doc.render](w, case, doc)
    return w


def render_text(case: Case, doc: Doc) -> str:
    w = TextWriter(look=case.agency.look)
    _fresh(doc)
    RENDER[doc.render](w, case, doc)
    return w.text()


FRONT = {"cover", "index"}
BACK = {"archive_note"}


def render_bound(case: Case, markers: bool = False) -> DocxWriter:
    """The whole file in one .docx: cover and index unnumbered, body numbered from 1,备考表 unnumbered."""
    look = case.agency.look
    w = DocxWriter(look)
    w._footer(w.doc.sections[0], "none")
    part = "front"
    body_footer = case.extra.get("bound_footer", "right")
    for i, doc in enumerate(case.docs):
        if doc.type in FRONT:
            want = "front"
        elif doc.type in BACK:
            want = "back"
        else:
            want = "body"
        if want != part:
            w.new_section("none" if want != "body" else body_footer, restart=(want == "body"))
            part = want
        w.begin_document()
        if markers:
            w.marker = f"@@DOC{i:03d}@@"
        _fresh(doc)
        RENDER[doc.render](w, case, doc)
    return w


# --------------------------------------------------------------------------
# conversion


def soffice_convert(files: list[Path], outdir: Path, jobs: int = 2) -> None:
    """Convert many .docx to PDF with as few LibreOffice start-ups as possible."""
    outdir.mkdir(parents=True, exist_ok=True)
    if not files:
        return
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF))
    batches = [files[i::jobs] for i in range(jobs)]
    procs = []
    for k, batch in enumerate(batches):
        if not batch:
            continue
        prof = Path(tempfile.gettempdir()) / f"casereview_samples_lo_{k}"
        cmd = [
            "soffice",
            f"-env:UserInstallation=file://{prof}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
        ] + [str(f) for f in batch]
        procs.append(subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE))
    for p in procs:
        _, err = p.communicate()
        if p.returncode:
            raise RuntimeError(f"soffice failed: {err.decode(errors='replace')}")
    for f in files:
        if not (outdir / (f.stem + ".pdf")).exists():
            raise RuntimeError(f"soffice did not convert {f}")


def stabilise_pdf(path: Path) -> None:
    """Overwrite the creation date and file ID (same length) so re-runs give identical bytes."""
    data = path.read_bytes()

    def fix_date(m):
        fixed = (b"20241231090000+08'00'" + b"0" * 40)[: len(m.group(2))]
        return m.group(1) + fixed + m.group(3)

    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)([^)]*)(\))", fix_date, data)

    def fix_id(m):
        return re.sub(rb"<[0-9A-Fa-f]+>", lambda n: b"<" + b"0" * (len(n.group(0)) - 2) + b">", m.group(0))

    data = re.sub(rb"/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\]", fix_id, data)
    data = re.sub(
        rb"/DocChecksum /([0-9A-Fa-f]+)", lambda m: b"/DocChecksum /" + b"0" * len(m.group(1)), data
    )
    path.write_bytes(data)


def pdf_pages_text(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(str(path))
    out = []
    for i in range(len(pdf)):
        tp = pdf[i].get_textpage()
        out.append(tp.get_text_range())
        tp.close()
    pdf.close()
    return out


def norm(s: str) -> str:
    return re.sub(r"\s+", "", s)


# --------------------------------------------------------------------------
# the two passes

BOUND = {"bound-pdf", "bound-docx"}


def stored_as(case: Case, doc: Doc) -> str:
    """How one document of a folder-like case is stored: docx | pdf | txt | jpg."""
    if doc.ext in ("txt", "jpg"):
        return doc.ext
    if case.fmt == "pdf-folder":
        return "pdf"
    if case.fmt == "mixed":
        return doc.ext
    return "docx"


def _numbered(doc: Doc) -> bool:
    return doc.type not in FRONT and doc.type not in BACK


def measure(cases: list[Case], tmp: Path) -> None:  # noqa: C901 - a flat script of checks/steps
    """First pass: render everything, convert, count pages; fill the 卷内目录 page numbers."""
    mdir = tmp / "measure"
    mdir.mkdir(parents=True, exist_ok=True)
    for case in cases:
        # everything but the page numbers is known now: lay the index and cover out in full
        pieces = sum(1 for d in case.docs if _numbered(d))
        for doc in case.docs:
            if doc.type in ("cover", "archive_note"):
                doc.data["pieces"] = pieces
                doc.data["pages"] = "00"
            if doc.type == "index":
                doc.data["entries"] = [d for d in case.docs if _numbered(d) and d.listed]
    jobs = []  # (case, doc index or None, docx path)
    for case in cases:
        if case.fmt in BOUND:
            p = mdir / f"{case.case_id}__bound.docx"
            render_bound(case, markers=True).save(p)
            jobs.append((case, None, p))
            continue
        for i, doc in enumerate(case.docs):
            kind = stored_as(case, doc)
            if kind == "jpg":
                doc._count = 1
            elif kind == "txt":
                doc._count = max(1, -(-len(render_text(case, doc).splitlines()) // 42))
            else:
                p = mdir / f"{case.case_id}__{i:03d}.docx"
                render_single(case, doc).save(p)
                jobs.append((case, i, p))
    soffice_convert([j[2] for j in jobs], mdir / "pdf")
    for case, i, p in jobs:
        texts = pdf_pages_text(mdir / "pdf" / (p.stem + ".pdf"))
        if i is not None:
            case.docs[i]._count = len(texts)
            continue
        starts = {}
        for pg, t in enumerate(texts, 1):
            for m in re.finditer(r"@@DOC(\d{3})@@", t):
                starts.setdefault(int(m.group(1)), pg)
        if len(starts) != len(case.docs):
            raise RuntimeError(f"{case.case_id}: found {len(starts)} of {len(case.docs)} document markers")
        order = [starts[k] for k in range(len(case.docs))]
        for k, doc in enumerate(case.docs):
            end = (order[k + 1] - 1) if k + 1 < len(case.docs) else len(texts)
            doc._bound_pages = list(range(order[k], end + 1))
            doc._count = len(doc._bound_pages)
        case._bound_total = len(texts)
    for case in cases:
        n = 0
        for doc in case.docs:
            if _numbered(doc):
                a, n = n + 1, n + doc._count
                case.page_labels[id(doc)] = str(a) if a == n else f"{a}-{n}"
        case.page_total = n
        for doc in case.docs:
            if doc.type in ("cover", "archive_note"):
                doc.data["pages"] = n


def write_outputs(cases: list[Case], out: Path, tmp: Path) -> None:  # noqa: C901 - a flat script of checks/steps
    """Second pass: write every case in its format under out/cases; fill doc.source and doc.pages."""
    croot = out / "cases"
    fdir = tmp / "final"
    fdir.mkdir(parents=True, exist_ok=True)
    convert = []  # (docx path in tmp, final pdf path, case, doc or None)
    for case in cases:
        cid = case.case_id
        author = case.officers[0].name
        if case.fmt in BOUND:
            w = render_bound(case)
            if case.fmt == "bound-docx":
                name = f"{cid}.docx"
                w.save(croot / name, author=author)
                for d in case.docs:
                    d.source, d.pages = name, None
            else:
                p = fdir / f"{cid}__bound.docx"
                w.save(p, author=author)
                convert.append((p, croot / f"{cid}.pdf", case, None))
            continue
        if case.fmt == "zip":
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
                for i, doc in enumerate(case.docs):
                    member = (
                        f"{case.zip_root}/{doc.filename}.docx" if case.zip_root else f"{doc.filename}.docx"
                    )
                    tmpdoc = fdir / f"{cid}__{i:03d}.docx"
                    render_single(case, doc).save(tmpdoc, author=author)
                    zi = zipfile.ZipInfo(member, date_time=FIXED_ZIP_TIME)
                    zi.compress_type = zipfile.ZIP_DEFLATED
                    zi.external_attr = 0o644 << 16
                    zi.flag_bits |= 0x800  # UTF-8 member names
                    z.writestr(zi, tmpdoc.read_bytes())
                    doc.source, doc.pages = member, None
            (croot / f"{cid}.zip").write_bytes(buf.getvalue())
            continue
        cdir = croot / cid
        cdir.mkdir(parents=True, exist_ok=True)
        for i, doc in enumerate(case.docs):
            kind = stored_as(case, doc)
            fname = f"{doc.filename}.{kind}"
            doc.source = fname
            if kind == "docx":
                render_single(case, doc).save(cdir / fname, author=author)
                doc.pages = None
            elif kind == "txt":
                enc = case.extra.get("txt_encoding", "utf-8")
                text = render_text(case, doc)
                if enc == "utf-8":
                    (cdir / fname).write_text(text, encoding="utf-8")
                else:
                    (cdir / fname).write_bytes(text.replace("\n", "\r\n").encode(enc))
                doc.pages = None
            elif kind == "jpg":
                (cdir / fname).write_bytes(doc.data["jpg"])
                doc.pages = None
            else:
                p = fdir / f"{cid}__{i:03d}.docx"
                render_single(case, doc).save(p, author=author)
                convert.append((p, cdir / fname, case, doc))
    soffice_convert([c[0] for c in convert], fdir / "pdf")
    for p, final, case, doc in convert:
        src = fdir / "pdf" / (p.stem + ".pdf")
        shutil.copyfile(src, final)
        stabilise_pdf(final)
        texts = pdf_pages_text(final)
        if doc is not None:
            if len(texts) != doc._count:
                raise RuntimeError(f"{final}: {len(texts)} pages, measured {doc._count}")
            doc.pages = list(range(1, len(texts) + 1))
            _check_title(final, texts[0], doc)
            continue
        if len(texts) != case._bound_total:
            raise RuntimeError(f"{final}: {len(texts)} pages, measured {case._bound_total}")
        for d in case.docs:
            d.source, d.pages = final.name, d._bound_pages
            _check_title(final, texts[d.pages[0] - 1], d)


def _check_title(path: Path, first_page_text: str, doc: Doc) -> None:
    head = norm(first_page_text)[:160]
    if norm(doc.title) not in head:
        raise RuntimeError(
            f"{path.name}: page {doc.pages[0]} does not start with {doc.title!r}: {head[:60]!r}"
        )
