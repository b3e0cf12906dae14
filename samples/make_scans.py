"""Scanned versions of a few digital samples: python samples/make_scans.py (rewrites samples/scans/).

Every page of the chosen cases' PDFs is rendered with pypdfium2 in colour at
150 dpi (so red seals stay red), then "scanned": turned by a slight angle
(0.5–1.5°, either way) on a white bed, blurred a little, given sensor noise
and a few dust specks, and saved as a JPEG (quality 60). Each scanned PDF is
image-only: one JPEG per page, no text layer. Files of other kinds in a
folder case (.docx, .txt) are copied unchanged, the way a mixed file is
handed over. ``scans/truth/<case_id>.json`` is the digital truth with
``input`` pointing at the scan and ``format: "scan"`` (``digital`` keeps the
original's ``input``).

Two runs give identical files (fixed seeds per page; the PDF writer's date
is fixed). The digital samples are only read, never changed.
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import shutil
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter

ROOT = Path(__file__).resolve().parent
CASES = ROOT / "cases"
TRUTH = ROOT / "truth"
OUT = ROOT / "scans"
DPI = 150
QUALITY = 60

# Few pages each (OCR time in CI): a bound PDF, and a mixed folder whose PDFs are
# scanned (it holds the G04 failure: 13送达回证.pdf has no recipient signature).
SCANNED = ["np-shijian-2024-036", "lc-jiaotong-2024-027"]


def seed_of(*parts: str) -> int:
    return int.from_bytes(hashlib.sha256("/".join(parts).encode()).digest()[:8], "big")


def scan_page(img: Image.Image, seed: int) -> Image.Image:
    """A flatbed scan of a printed page: slight skew, soft focus, noise, specks."""
    rnd = random.Random(seed)
    angle = rnd.uniform(0.5, 1.5) * rnd.choice((-1, 1))
    img = img.convert("RGB").rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=(255, 255, 255))
    img = img.filter(ImageFilter.GaussianBlur(0.5))
    arr = np.asarray(img, dtype=np.int16)
    gen = np.random.default_rng(seed)
    noise = gen.normal(0.0, 3.0, arr.shape[:2])[..., None]  # grey sensor noise keeps red red
    arr = arr + noise.astype(np.int16) - 4  # paper slightly off-white
    h, w = arr.shape[:2]
    for _ in range(60):
        y, x = int(gen.integers(0, h - 2)), int(gen.integers(0, w - 2))
        arr[y:y + 2, x:x + 2] = int(gen.integers(110, 200))
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
    return img if has_red(img) else img.convert("L")  # a page without a seal is scanned in grey


def has_red(img: Image.Image) -> bool:
    """Any seal-red ink on the page (a red seal, a red signature): keep the page in colour."""
    a = np.asarray(img.reduce(4), dtype=np.int16)
    red = (a[..., 0] > 150) & (a[..., 0] - a[..., 1] > 60) & (a[..., 0] - a[..., 2] > 60)
    return int(red.sum()) > 20


def scan_pdf(src: Path, dst: Path, key: str) -> int:
    pdf = pdfium.PdfDocument(str(src))
    pages = []
    for i in range(len(pdf)):
        bitmap = pdf[i].render(scale=DPI / 72)
        img = scan_page(bitmap.to_pil(), seed_of(key, str(i)))
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=QUALITY, optimize=True)
        pages.append(Image.open(io.BytesIO(buf.getvalue())))
    n = len(pages)
    pdf.close()
    dst.parent.mkdir(parents=True, exist_ok=True)
    # Pillow embeds JPEG pages as they are (DCTDecode); fixed dates keep two runs identical.
    fixed = "D:20240101000000Z"
    pages[0].save(dst, "PDF", save_all=True, append_images=pages[1:], resolution=DPI,
                  creationDate=fixed, modDate=fixed, producer="samples/make_scans.py")
    _strip_id(dst)
    return n


def _strip_id(path: Path) -> None:
    """Pillow writes no random /ID; make sure nothing time-dependent is left."""
    data = path.read_bytes()
    assert b"/ID" not in data, path


def scan_case(case_id: str) -> dict:
    truth = json.loads((TRUTH / f"{case_id}.json").read_text("utf-8"))
    src = ROOT / truth["input"]
    pages = 0
    if src.is_file():
        if src.suffix.lower() != ".pdf":
            raise SystemExit(f"PROBLEM: {case_id} is not a PDF")
        dst = OUT / "cases" / f"{case_id}-scan.pdf"
        pages += scan_pdf(src, dst, case_id)
    else:
        dst = OUT / "cases" / f"{case_id}-scan"
        dst.mkdir(parents=True)
        for f in sorted(src.iterdir()):
            if f.suffix.lower() == ".pdf":
                pages += scan_pdf(f, dst / f.name, f"{case_id}/{f.name}")
            else:
                shutil.copyfile(f, dst / f.name)
    out = dict(truth)
    out["digital"] = truth["input"]
    out["digital_format"] = truth["format"]
    out["input"] = dst.relative_to(OUT).as_posix()
    out["format"] = "scan"
    out["scanned_pages"] = pages
    (OUT / "truth").mkdir(parents=True, exist_ok=True)
    (OUT / "truth" / f"{case_id}.json").write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return out


def main() -> None:
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir()
    for case_id in SCANNED:
        t = scan_case(case_id)
        print(f"{case_id}: {t['scanned_pages']} pages -> scans/{t['input']}")
    total = sum(f.stat().st_size for f in OUT.rglob("*") if f.is_file())
    print(f"total {total / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
