"""Scanned versions of a few digital samples: python samples/make_scans.py (rewrites samples/scans/).

Three ways a paper file reaches the reviewer as a scan:

* ``SCANNED`` – the digital case's PDFs are scanned as they are. A bound PDF
  (``np-shijian-2024-036``) becomes ``cases/<id>-scan.pdf``; in a folder case
  (``lc-jiaotong-2024-027``) each PDF becomes a scanned PDF of the same name
  in ``cases/<id>-scan/`` and files of other kinds (.docx, .txt) are copied
  unchanged, the way a mixed file is handed over.
* ``PRINTED`` – a folder case printed and scanned file by file
  (``qs-shijian-2024-033``, .docx only, with the G02/G05 signature gaps):
  every file becomes ``cases/<id>-scan/<base name>.pdf``.
* ``BOUND`` – a folder case printed in file order and scanned as one paper
  file into a single PDF (``lc-jiaotong-2024-027`` again, as
  ``cases/lc-jiaotong-2024-027-bound-scan.pdf``, truth
  ``truth/lc-jiaotong-2024-027-bound.json`` with ``scan_id``; and the biggest
  folder case, ``fa-nongye-2024-012``, 27 PDFs, as
  ``cases/fa-nongye-2024-012-bound-scan.pdf``: the whole paper file in one scan).

Printing: .docx/.doc/.wps/.rtf/.odt and .txt (GB18030 or UTF-8, re-written as
UTF-8 first) go through ONE ``soffice --headless --convert-to pdf`` call per
case (private profile, ``gen/fonts.conf`` so 宋体/仿宋 map to the same CJK
fonts as in the generator); PDFs are printed as they are; a .jpg/.png picture
is printed on a white A4 sheet.

Scanning: every printed page is rendered with pypdfium2 in colour at 150 dpi
(so red seals stay red), turned by a slight angle (0.5–1.5°, either way) on
a white bed, blurred a little, given sensor noise and a few dust specks, and
saved as a JPEG (quality 60); a page without seal-red ink is kept in grey.
Each scanned PDF is image-only: one JPEG per page, no text layer. In a bound
scan a few pages are harder, as real scans are (``HARD``, recorded in the
truth's ``scan_effects``): one page fed upside down (turned 180°), one
scanned at 200 dpi instead of 150 (same A4 page size in the PDF), one
scanned in grey mode with a darker, uneven exposure (never a page with a red
seal: that page must have no seal-red ink, or the script stops), and in
``fa-nongye-2024-012-bound`` one page fed askew (turned 2.5° instead of
0.5–1.5°, ``skew``). The two bound scans make different kinds of pages hard:
a first page, a report and a decision in the lc scan; a continuation page
(the inquiry record's page 2), the hearing record, the legal review and an
attachment (the inspection report) in the fa scan.

Truth: ``scans/truth/<id>.json`` is the digital truth with ``input`` pointing
at the scan and ``format: "scan"`` (``digital``/``digital_format`` keep the
original's), ``scanned_pages`` (pages scanned in all), and for every
document ``scan_source`` (its scanned file, relative to the scan case: the
file name in a folder, the bound PDF's name for a bound scan) and
``scan_pages`` (1-based pages in that file; null for a file copied unscanned).

Two runs give identical files (fixed seeds per page; the PDF writer's date
is fixed). The digital samples are only read, never changed.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import os
import random
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter

ROOT = Path(__file__).resolve().parent
CASES = ROOT / "cases"
TRUTH = ROOT / "truth"
OUT = ROOT / "scans"
FONTS_CONF = ROOT / "gen" / "fonts.conf"
DPI = 150
QUALITY = 60
A4_PT = (595.28, 841.89)

# Few pages each (OCR time in CI): a bound PDF, and a mixed folder whose PDFs are
# scanned (it holds the G04 failure: 13送达回证.pdf has no recipient signature).
SCANNED = ["np-shijian-2024-036", "lc-jiaotong-2024-027"]
# Folder cases whose every file is printed and scanned (G02, G05: missing signatures).
PRINTED = ["qs-shijian-2024-033"]
# Folder cases printed whole and scanned into one PDF: scan id -> case id.
BOUND = {
    "lc-jiaotong-2024-027-bound": "lc-jiaotong-2024-027",
    "fa-nongye-2024-012-bound": "fa-nongye-2024-012",
}
# Harder pages of a scan: (file of the digital case, page in its printout) -> effect.
HARD = {
    "lc-jiaotong-2024-027-bound": {
        ("07询问笔录-孙海波.docx", 1): "upside_down",
        ("09调查终结报告.docx", 1): "grey",
        ("12处罚决定书.pdf", 1): "dpi200",
    },
    "fa-nongye-2024-012-bound": {
        ("07询问笔录.pdf", 2): "upside_down",  # a continuation page: questions and answers, the signatures
        ("17听证笔录.pdf", 1): "skew",
        ("19法制审核意见书.pdf", 1): "grey",  # its late date is the L03 failure
        ("10检验报告.pdf", 1): "dpi200",  # an attachment from the testing centre (red seal)
    },
}
EFFECT_DPI = {"dpi200": 200}
EFFECT_SKEW = {"skew": 2.5}  # degrees, either way, instead of the usual 0.5–1.5

OFFICE = {".doc", ".docx", ".wps", ".rtf", ".odt"}
TEXT = {".txt"}
PICTURE = {".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff"}

Page = tuple[Image.Image, int]  # a scanned JPEG page and its dpi


def seed_of(*parts: str) -> int:
    return int.from_bytes(hashlib.sha256("/".join(parts).encode()).digest()[:8], "big")


def scan_page(img: Image.Image, seed: int, skew: float | None = None) -> Image.Image:
    """A flatbed scan of a printed page: slight skew (``skew`` degrees if given), soft focus, noise, specks."""
    rnd = random.Random(seed)
    angle = rnd.uniform(0.5, 1.5) * rnd.choice((-1, 1))
    if skew is not None:
        angle = math.copysign(skew, angle)
    img = img.convert("RGB").rotate(
        angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=(255, 255, 255)
    )
    img = img.filter(ImageFilter.GaussianBlur(0.5))
    arr = np.asarray(img, dtype=np.int16)
    gen = np.random.default_rng(seed)
    noise = gen.normal(0.0, 3.0, arr.shape[:2])[..., None]  # grey sensor noise keeps red red
    arr = arr + noise.astype(np.int16) - 4  # paper slightly off-white
    h, w = arr.shape[:2]
    for _ in range(60):
        y, x = int(gen.integers(0, h - 2)), int(gen.integers(0, w - 2))
        arr[y : y + 2, x : x + 2] = int(gen.integers(110, 200))
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
    return img if has_red(img) else img.convert("L")  # a page without a seal is scanned in grey


def has_red(img: Image.Image) -> bool:
    """Any seal-red ink on the page (a red seal, a red signature): keep the page in colour."""
    a = np.asarray(img.reduce(4), dtype=np.int16)
    red = (a[..., 0] > 150) & (a[..., 0] - a[..., 1] > 60) & (a[..., 0] - a[..., 2] > 60)
    return int(red.sum()) > 20


def grey_exposure(img: Image.Image, seed: int) -> Image.Image:
    """Grey mode with the exposure off: less contrast, paper darker and uneven (about 235 down to 205)."""
    gen = np.random.default_rng(seed)
    arr = np.asarray(img, dtype=np.float32)
    h, w = arr.shape
    ys, xs = np.linspace(0.0, 1.0, h)[:, None], np.linspace(0.0, 1.0, w)[None, :]
    if gen.integers(0, 2):
        xs = 1.0 - xs
    shade = 30.0 * (0.6 * xs + 0.4 * ys)  # darker towards one corner, as a lid not closed flat
    arr = 18.0 + arr * (235.0 - 18.0) / 255.0 - shade
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L")


def jpeg(img: Image.Image) -> Image.Image:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=QUALITY, optimize=True)
    return Image.open(io.BytesIO(buf.getvalue()))


def write_pdf(dst: Path, pages: list[Page]) -> None:
    """An image-only PDF, each JPEG page at its own resolution (every page keeps its A4 size)."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    runs: list[tuple[int, list[Image.Image]]] = []
    for img, dpi in pages:
        if runs and runs[-1][0] == dpi:
            runs[-1][1].append(img)
        else:
            runs.append((dpi, [img]))
    # Pillow embeds JPEG pages as they are (DCTDecode); fixed dates keep two runs identical.
    # Pillow has one resolution per save: pages at another one are appended (incremental update).
    fixed = "D:20240101000000Z"
    for k, (dpi, imgs) in enumerate(runs):
        if k == 0:
            imgs[0].save(
                dst,
                "PDF",
                save_all=True,
                append_images=imgs[1:],
                resolution=dpi,
                creationDate=fixed,
                modDate=fixed,
                producer="samples/make_scans.py",
            )
        else:
            imgs[0].save(dst, "PDF", append=True, save_all=True, append_images=imgs[1:], resolution=dpi)
    _strip_id(dst)


def _strip_id(path: Path) -> None:
    """Pillow writes no random /ID; make sure nothing time-dependent is left."""
    data = path.read_bytes()
    assert b"/ID" not in data, path


# --------------------------------------------------------------------------
# printing


@dataclass
class Printout:
    """A file as printed on paper: ``render(i, dpi)`` gives page i (0-based) as the scanner sees it."""

    name: str
    pages: int
    render: Callable[[int, int], Image.Image]


def pdf_printout(name: str, path: Path) -> Printout:
    pdf = pdfium.PdfDocument(path.read_bytes())  # no file left open in the temporary folder

    def render(i: int, dpi: int) -> Image.Image:
        return pdf[i].render(scale=dpi / 72).to_pil()

    return Printout(name, len(pdf), render)


def picture_printout(name: str, path: Path) -> Printout:
    """A photo or scan picture printed on a white A4 sheet (1.5 cm margins, top centred, fitted)."""
    with Image.open(path) as im:
        pic = im.convert("RGB")

    def render(i: int, dpi: int) -> Image.Image:  # noqa: ARG001 - the page renderer's signature
        w, h = math.ceil(A4_PT[0] * dpi / 72), math.ceil(A4_PT[1] * dpi / 72)  # as pypdfium2 renders A4
        margin = round(1.5 / 2.54 * dpi)
        scale = min((w - 2 * margin) / pic.width, (h - 2 * margin) / pic.height)
        fitted = pic.resize(
            (max(1, round(pic.width * scale)), max(1, round(pic.height * scale))), Image.Resampling.LANCZOS
        )
        page = Image.new("RGB", (w, h), (255, 255, 255))
        page.paste(fitted, ((w - fitted.width) // 2, margin))
        return page

    return Printout(name, 1, render)


def read_text(data: bytes) -> str:
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def soffice_to_pdf(files: list[Path], outdir: Path, tmp: Path) -> None:
    """One LibreOffice start-up for all files (private profile, the generator's font mapping)."""
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if binary is None:
        raise SystemExit("PROBLEM: LibreOffice (soffice) is needed to print .docx/.txt files")
    # C locale: A4 paper for .txt and the same defaults on every machine.
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF), LC_ALL="C.UTF-8", LANG="C.UTF-8")
    cmd = [
        binary,
        f"-env:UserInstallation={(tmp / 'lo-profile').as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
    ] + [str(f) for f in files]
    run = subprocess.run(cmd, env=env, capture_output=True, timeout=600, check=False)
    missing = [f.name for f in files if not (outdir / f"{f.stem}.pdf").is_file()]
    if run.returncode or missing:
        raise SystemExit(f"PROBLEM: soffice did not convert {missing}: {run.stderr.decode(errors='replace')}")


def print_folder(folder: Path, tmp: Path) -> list[Printout]:
    """Every file of a folder case printed, in file order."""
    files = sorted(f for f in folder.iterdir())
    staged: dict[int, Path] = {}
    (tmp / "in").mkdir()
    for k, f in enumerate(files):
        ext = f.suffix.lower()
        if f.is_dir():
            raise SystemExit(f"PROBLEM: {f} is a folder")
        if ext in OFFICE:  # neutral names: no clash between 05x.docx and 05x.txt, no odd characters
            staged[k] = tmp / "in" / f"{k:03d}{ext}"
            shutil.copyfile(f, staged[k])
        elif ext in TEXT:
            staged[k] = tmp / "in" / f"{k:03d}.txt"
            # UTF-8 with a BOM: LibreOffice's text import then reads it as UTF-8
            staged[k].write_text("\ufeff" + read_text(f.read_bytes()), "utf-8")
        elif ext not in PICTURE and ext != ".pdf":
            raise SystemExit(f"PROBLEM: cannot print {f.name}")
    if staged:
        soffice_to_pdf(list(staged.values()), tmp / "out", tmp)
    out = []
    for k, f in enumerate(files):
        if k in staged:
            out.append(pdf_printout(f.name, tmp / "out" / f"{staged[k].stem}.pdf"))
        elif f.suffix.lower() == ".pdf":
            out.append(pdf_printout(f.name, f))
        else:
            out.append(picture_printout(f.name, f))
    return out


# --------------------------------------------------------------------------
# scanning


def scan_printout(
    p: Printout, key: str, hard: dict | None = None
) -> tuple[list[Page], list[tuple[int, str]]]:
    """The pages of one printout scanned, and the effects applied: (0-based page, effect)."""
    pages, effects = [], []
    for i in range(p.pages):
        effect = (hard or {}).get((p.name, i + 1))
        dpi = EFFECT_DPI.get(effect, DPI)
        img = p.render(i, dpi)
        if effect == "upside_down":
            img = img.rotate(180)
        seed = seed_of(key, str(i))
        img = scan_page(img, seed, EFFECT_SKEW.get(effect))
        if effect == "grey":
            if img.mode != "L":
                raise SystemExit(f"PROBLEM: {key} page {i + 1} has red ink: it may not be scanned in grey")
            img = grey_exposure(img, seed)
        if effect:
            effects.append((i, effect))
        pages.append((jpeg(img), dpi))
    return pages, effects


def scan_pdf(src: Path, dst: Path, key: str) -> int:
    pages, _ = scan_printout(pdf_printout(src.name, src), key)
    write_pdf(dst, pages)
    return len(pages)


def doc_pages(doc: dict, counts: dict[str, int], case_id: str) -> list[int]:
    """A digital document's pages within its own source file (all of it when ``pages`` is null)."""
    if doc["source"] not in counts:
        raise SystemExit(f"PROBLEM: {case_id}: no file {doc['source']!r} for {doc['title']}")
    n = counts[doc["source"]]
    pages = doc["pages"] or list(range(1, n + 1))
    if max(pages) > n:
        raise SystemExit(f"PROBLEM: {case_id}: {doc['source']} has {n} pages, truth says {pages}")
    return pages


def write_truth(
    name: str, truth: dict, docs: list[dict], dst: Path, pages: int, extra: dict | None = None
) -> dict:
    out = dict(truth)
    out["documents"] = docs
    out["digital"] = truth["input"]
    out["digital_format"] = truth["format"]
    out["input"] = dst.relative_to(OUT).as_posix()
    out["format"] = "scan"
    out["scanned_pages"] = pages
    out.update(extra or {})
    (OUT / "truth").mkdir(parents=True, exist_ok=True)
    (OUT / "truth" / f"{name}.json").write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return out


def scan_case(case_id: str) -> dict:
    """The digital case's PDFs scanned; other files of a folder copied unchanged."""
    truth = json.loads((TRUTH / f"{case_id}.json").read_text("utf-8"))
    src = ROOT / truth["input"]
    pages = 0
    scanned: dict[str, tuple[str, int | None]] = {}  # digital file -> (scanned file, its pages or None)
    if src.is_file():
        if src.suffix.lower() != ".pdf":
            raise SystemExit(f"PROBLEM: {case_id} is not a PDF")
        dst = OUT / "cases" / f"{case_id}-scan.pdf"
        pages += scan_pdf(src, dst, case_id)
        scanned[src.name] = (dst.name, pages)
    else:
        dst = OUT / "cases" / f"{case_id}-scan"
        dst.mkdir(parents=True)
        for f in sorted(src.iterdir()):
            if f.suffix.lower() == ".pdf":
                n = scan_pdf(f, dst / f.name, f"{case_id}/{f.name}")
                pages += n
                scanned[f.name] = (f.name, n)
            else:
                shutil.copyfile(f, dst / f.name)
                scanned[f.name] = (f.name, None)
    docs = []
    for d in truth["documents"]:
        name, n = scanned[d["source"]]
        counts = {d["source"]: n} if n is not None else {}
        mapped = doc_pages(d, counts, case_id) if n is not None else None  # None: copied, not scanned
        docs.append(dict(d, scan_source=name, scan_pages=mapped))
    return write_truth(case_id, truth, docs, dst, pages)


def scan_printed(case_id: str, tmp: Path) -> dict:
    """Every file of a folder case printed and scanned: one scanned PDF per file."""
    truth = json.loads((TRUTH / f"{case_id}.json").read_text("utf-8"))
    dst = OUT / "cases" / f"{case_id}-scan"
    dst.mkdir(parents=True)
    pages = 0
    counts, names = {}, {}
    for p in print_folder(ROOT / truth["input"], tmp):
        scans, _ = scan_printout(p, f"{case_id}/{p.name}")
        names[p.name] = f"{Path(p.name).stem}.pdf"
        if (dst / names[p.name]).exists():
            raise SystemExit(f"PROBLEM: {case_id}: two files print to {names[p.name]}")
        write_pdf(dst / names[p.name], scans)
        counts[p.name] = len(scans)
        pages += len(scans)
    docs = [
        dict(d, scan_source=names[d["source"]], scan_pages=doc_pages(d, counts, case_id))
        for d in truth["documents"]
    ]
    return write_truth(case_id, truth, docs, dst, pages)


def scan_bound(scan_id: str, case_id: str, tmp: Path) -> dict:
    """A folder case printed in file order and scanned as one paper file into one PDF."""
    truth = json.loads((TRUTH / f"{case_id}.json").read_text("utf-8"))
    dst = OUT / "cases" / f"{scan_id}-scan.pdf"
    hard = HARD.get(scan_id, {})
    pages: list[Page] = []
    counts, offsets, effects = {}, {}, []
    for p in print_folder(ROOT / truth["input"], tmp):
        scans, done = scan_printout(p, f"{scan_id}/{p.name}", hard)
        offsets[p.name], counts[p.name] = len(pages), len(scans)
        effects += [{"page": len(pages) + i + 1, "source": p.name, "effect": e} for i, e in done]
        pages += scans
    if len(effects) != len(hard):
        raise SystemExit(f"PROBLEM: {scan_id}: hard pages not found: {sorted(hard)}")
    write_pdf(dst, pages)
    docs = [
        dict(
            d,
            scan_source=dst.name,
            scan_pages=[offsets[d["source"]] + n for n in doc_pages(d, counts, case_id)],
        )
        for d in truth["documents"]
    ]
    out = write_truth(
        scan_id,
        {"case_id": case_id, "scan_id": scan_id, **truth},
        docs,
        dst,
        len(pages),
        {"scan_effects": effects},
    )
    return out


def main() -> None:
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir()
    done = []
    for case_id in SCANNED:
        done.append(scan_case(case_id))
    with tempfile.TemporaryDirectory(prefix="make-scans-") as tmp:
        for case_id in PRINTED:
            sub = Path(tmp) / case_id
            sub.mkdir()
            done.append(scan_printed(case_id, sub))
        for scan_id, case_id in BOUND.items():
            sub = Path(tmp) / scan_id
            sub.mkdir()
            done.append(scan_bound(scan_id, case_id, sub))
    for t in done:
        path = OUT / t["input"]
        size = path.stat().st_size if path.is_file() else sum(f.stat().st_size for f in path.rglob("*"))
        name = t.get("scan_id", t["case_id"])
        print(f"{name}: {t['scanned_pages']} pages, {size / 1e6:.2f} MB -> scans/{t['input']}")
    total = sum(f.stat().st_size for f in OUT.rglob("*") if f.is_file())
    print(f"total {total / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
