"""OCR speed and accuracy: seconds per page per engine, pages per second on all cores, CER, cache speed-up.

    python benchmarks/ocr_speed.py                      # both engines, default page set
    python benchmarks/ocr_speed.py --engines rapid --sample-pages 4

Pages with a known text:
  * the synthetic scans of tests/ocr/files (truth.json) and the scanned parser
    fixtures (image_scan.png, pdf_image_only.pdf, pdf_mixed_scan.pdf page 2);
  * a dense A4 page of 10.5 pt text (about 1,700 characters), the slow case;
  * "scanned samples": pages of the sample case PDFs (samples/cases) rendered at
    --dpi, turned by 0.6°, blurred and speckled like a scanner would; their
    text layer, read by the PDF parser, is the ground truth;
  * "scans": pages of the scanned samples themselves (samples/scans, made by
    samples/make_scans.py: JPEG page images, turned, blurred, noisy, red seals)
    whose original is a text PDF; the original page's text layer is the truth
    (the truth's page map says which page is which).
Character error rate = edit distance / truth length, after the pipeline's own
normalisation, with full/half-width brackets and colons folded (the
extractors accept both), whitespace and cell separators removed. Sample pages
with pictures are left out: OCR reads the text in a photo or an ID copy,
which the text layer used as truth does not hold. Seconds per page are
measured with one thread per engine (one core). The batch runs one process
per core over the same pages. The cache figure compares ``load_case`` of a
scanned sample PDF read cold, read again from the OCR cache, and its digital
original.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIXTURE_TRUTH = {
    "image_scan.png": [
        "行政处罚决定书",
        "青市监处罚〔2024〕17号",
        "当事人：青山县某某商贸有限公司",
        "罚款人民币伍万元整。",
    ],
    "pdf_image_only.pdf": [
        "行政处罚决定书",
        "青市监处罚〔2024〕17号",
        "当事人：青山县某某商贸有限公司",
        "罚款人民币伍万元整。",
    ],
    "pdf_mixed_scan.pdf": [
        "送达回证",
        "受送达人：青山县某某商贸有限公司",
        "送达时间：2024年5月21日",
        "签收人：李明",
    ],
}


_FOLD = str.maketrans(
    {
        "（": "(",
        "）": ")",
        "〔": "[",
        "〕": "]",
        "【": "[",
        "】": "]",
        "［": "[",
        "］": "]",
        "：": ":",
        "，": ",",
        "；": ";",
    }
)


def flat(text: str) -> str:
    """Text as compared: normalised as the pipeline does, bracket and colon widths folded (the
    extractors accept either), whitespace and cell separators removed."""
    from casereview.parsers.segments import normalize_line

    return "".join(normalize_line(text).replace(" | ", "").translate(_FOLD).split())


def cer(got: str, want: str) -> tuple[int, int]:
    """(edit distance, truth length) on flattened text."""
    a, b = flat(got), flat(want)
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        prev = cur
    return prev[-1], len(b)


def degrade(img, seed: int):
    """A scanner's look: a slight turn, blur, grey speckles; grayscale unless the page holds colour."""
    from PIL import ImageDraw, ImageFilter

    rnd = random.Random(seed)
    img = img.rotate(rnd.choice((-0.6, 0.6)), expand=True, fillcolor="white", resample=3)
    img = img.filter(ImageFilter.GaussianBlur(0.7))
    d = ImageDraw.Draw(img)
    for _ in range(600):
        v = rnd.randrange(100, 220)
        d.point((rnd.randrange(img.size[0]), rnd.randrange(img.size[1])), fill=(v, v, v))
    return img


def dense_page(dpi: int):
    """A full A4 page of 10.5 pt body text (about 1,700 characters): the slow case. (image, dpi, truth)"""
    from PIL import Image, ImageDraw, ImageFont

    size = round(10.5 / 72 * dpi)
    font = ImageFont.truetype("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", size, index=2)
    body = (
        "当事人于2024年3月5日在其经营场所销售超过保质期的食品，违法所得人民币壹仟贰佰元整。依据《中华人民共和国"
        "食品安全法》第一百二十四条第一款的规定，本局决定：罚款人民币伍万元整（¥50,000.00）。如不服本决定，可以"
        "在收到本决定书之日起六十日内申请行政复议，也可以在六个月内依法向人民法院提起行政诉讼。"
    )
    w, h = round(8.27 * dpi), round(11.69 * dpi)
    img = Image.new("RGB", (w, h), "white")
    d = ImageDraw.Draw(img)
    lines, y, i, per = [], round(0.8 * dpi), 0, 40
    while y < h - round(0.9 * dpi):
        line = (body * 2)[i : i + per]
        d.text((round(0.9 * dpi), y), line, fill=(20, 20, 20), font=font)
        lines.append(line)
        y += round(size * 1.75)
        i = (i + 17) % len(body)
    return degrade(img, 99), dpi, "\n".join(lines)


def page_set(dpi: int, sample_pages: int):
    """[(set, name, PIL image, page dpi or None, truth text)]"""
    from casereview.parsers.limits import DEFAULT_LIMITS
    from casereview.parsers.ocr.page import load_image, render_pdf_page
    from casereview.parsers.pdf import read_pdf

    out = []
    scans = ROOT / "tests" / "ocr" / "files"
    truth = json.loads((scans / "truth.json").read_text("utf-8"))
    for name, facts in truth.items():
        out.append(
            ("synthetic", name, load_image((scans / name).read_bytes()), None, "\n".join(facts["lines"]))
        )
    fx = ROOT / "tests" / "fixtures" / "files"
    out.append(
        (
            "fixtures",
            "image_scan.png",
            load_image((fx / "image_scan.png").read_bytes()),
            None,
            "\n".join(FIXTURE_TRUTH["image_scan.png"]),
        )
    )
    out.append(
        (
            "fixtures",
            "pdf_image_only.pdf#1",
            render_pdf_page(fx / "pdf_image_only.pdf", 1, dpi),
            dpi,
            "\n".join(FIXTURE_TRUTH["pdf_image_only.pdf"]),
        )
    )
    out.append(
        (
            "fixtures",
            "pdf_mixed_scan.pdf#2",
            render_pdf_page(fx / "pdf_mixed_scan.pdf", 2, dpi),
            dpi,
            "\n".join(FIXTURE_TRUTH["pdf_mixed_scan.pdf"]),
        )
    )
    out.append(("dense", "dense_a4.png", *dense_page(dpi)))
    pdfs = sorted((ROOT / "samples" / "cases").rglob("*.pdf"))
    # One page from each of documents spread over all the samples (a cover, a record, a decision …).
    pdfs = pdfs[:: max(1, len(pdfs) // max(1, sample_pages))]
    n = 0
    for pdf in pdfs:
        if n >= sample_pages:
            break
        src = read_pdf(pdf, pdf.name, DEFAULT_LIMITS)
        for page in range(1, (src.page_count or 0) + 1):
            if n >= sample_pages or page in src.ocr_pages:
                break
            text = "\n".join(b.text for b in src.blocks if b.loc.page == page and b.text)
            if len(flat(text)) < 80:
                continue  # a near-empty page says little about accuracy
            if any(b.images for b in src.blocks if b.loc.page == page):
                continue  # text inside photos and ID copies is read by OCR but absent from the text layer
            img = degrade(render_pdf_page(pdf, page, dpi), seed=n)
            out.append(("samples", f"{pdf.relative_to(ROOT / 'samples' / 'cases')}#{page}", img, dpi, text))
            n += 1
            break
    out.extend(scan_pages(dpi, 2 * sample_pages))
    return out


def scan_pages(dpi: int, limit: int):
    """Pages of samples/scans whose original page is a text PDF page, with that page's text as truth:
    one page per document, taken in turn from each scanned sample."""
    from itertools import chain, zip_longest

    from casereview.parsers.limits import DEFAULT_LIMITS
    from casereview.parsers.ocr.page import render_pdf_page
    from casereview.parsers.pdf import read_pdf

    root = ROOT / "samples" / "scans"
    per_scan = []
    for truth_file in sorted((root / "truth").glob("*.json")):
        t = json.loads(truth_file.read_text("utf-8"))
        digital, scan = ROOT / "samples" / t["digital"], root / t["input"]
        found = []
        for doc in t["documents"]:
            if not doc["source"].endswith(".pdf") or not doc.get("scan_pages"):
                continue
            original = digital if digital.is_file() else digital / doc["source"]
            scanned = scan if scan.is_file() else scan / doc["scan_source"]
            src = read_pdf(original, original.name, DEFAULT_LIMITS)
            for page, scan_page in zip(doc["pages"], doc["scan_pages"], strict=True):
                text = "\n".join(b.text for b in src.blocks if b.loc.page == page and b.text)
                if len(flat(text)) < 80 or any(b.images for b in src.blocks if b.loc.page == page):
                    continue  # near-empty, or with a picture whose text the text layer lacks
                found.append((scanned, scan_page, text))
                break
        per_scan.append(found)
    picked = [x for x in chain.from_iterable(zip_longest(*per_scan)) if x is not None][:limit]
    return [
        ("scans", f"{scanned.relative_to(root)}#{page}", render_pdf_page(scanned, page, dpi), dpi, text)
        for scanned, page, text in picked
    ]


def read_page(engine, img, page_dpi):
    from casereview.parsers.ocr.apply import ocr_image
    from casereview.parsers.ocr.cache import OcrCache
    from casereview.parsers.ocr.layout import page_blocks
    from casereview.parsers.ocr.page import image_dpi

    dpi = page_dpi or image_dpi(img)
    reading = ocr_image(img, engine, OcrCache(enabled=False), page_dpi=dpi)
    return "\n".join(b.text for b in page_blocks(reading, "bench", 1, dpi))


GROUPS = ("all", "synthetic", "fixtures", "dense", "samples", "scans")
_ENGINE = {}


def _init(name: str) -> None:
    from casereview.parsers.ocr.engines import get_engine

    _ENGINE["e"] = get_engine(name, threads=1)


def _work(args):
    from casereview.parsers.ocr.page import load_image

    png, page_dpi = args
    img = load_image(png)
    return read_page(_ENGINE["e"], img, page_dpi)


def png_bytes(img) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format="PNG", dpi=(img.info.get("dpi") or (150, 150)))
    return buf.getvalue()


def bench_engine(name: str, pages, jobs: int) -> dict:
    from casereview.parsers.ocr.engines import get_engine

    engine = get_engine(name, threads=1)
    engine(pages[0][2].crop((0, 0, 400, 200)))  # load the models outside the timing
    rows = []
    for group, page_name, img, page_dpi, truth in pages:
        t = time.perf_counter()
        text = read_page(engine, img, page_dpi)
        dt = time.perf_counter() - t
        errs, length = cer(text, truth)
        rows.append({"set": group, "page": page_name, "seconds": dt, "errors": errs, "chars": length})
        print(
            f"  {name:9} {group:9} {page_name:42} {dt:6.2f} s  CER {errs / max(1, length):6.2%} ({length} chars)",
            flush=True,
        )
    payload = [(png_bytes(img), page_dpi) for _, _, img, page_dpi, _ in pages]
    t = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init, initargs=(name,)) as pool:
        list(pool.map(_work, payload))
    wall = time.perf_counter() - t
    out = {"engine": name, "pages": len(rows), "rows": rows, "batch_seconds": wall, "jobs": jobs}
    for group in GROUPS:
        sel = [r for r in rows if group == "all" or r["set"] == group]
        if sel:
            out[group] = {
                "pages": len(sel),
                "s_per_page": statistics.mean(r["seconds"] for r in sel),
                "cer": sum(r["errors"] for r in sel) / max(1, sum(r["chars"] for r in sel)),
            }
    return out


def bench_cache(engine: str, dpi: int) -> dict | None:
    """load_case of a scanned sample PDF: cold, from the cache, and its digital original."""
    from casereview.api import load_case
    from casereview.parsers.ocr.page import render_pdf_page

    pdfs = [p for p in sorted((ROOT / "samples" / "cases").rglob("*.pdf")) if p.stat().st_size < 2_000_000]
    if not pdfs:
        return None
    import pypdfium2 as pdfium

    original = pdfs[0]
    n = len(pdfium.PdfDocument(str(original)))
    pages = [degrade(render_pdf_page(original, i, dpi), seed=i) for i in range(1, min(n, 3) + 1)]
    with tempfile.TemporaryDirectory() as tmp:
        scanned = Path(tmp) / "scan" / original.name
        scanned.parent.mkdir()
        pages[0].save(scanned, "PDF", save_all=True, append_images=pages[1:], resolution=dpi)
        cache = Path(tmp) / "cache"
        os.environ["CASEREVIEW_CACHE_DIR"] = str(cache)
        t = time.perf_counter()
        cold_case = load_case(scanned, ocr=engine)
        cold = time.perf_counter() - t
        t = time.perf_counter()
        warm_case = load_case(scanned, ocr=engine)
        warm = time.perf_counter() - t
        t = time.perf_counter()
        digital_case = load_case(original, ocr=False)
        digital = time.perf_counter() - t
    return {
        "file": str(original.relative_to(ROOT)),
        "pages": len(pages),
        "cold": cold,
        "warm": warm,
        "digital": digital,
        "speedup": cold / warm if warm else float("inf"),
        "types_scanned": [d.type for d in warm_case.documents],
        "types_digital": [d.type for d in digital_case.documents],
        "same_text": [b.text for d in cold_case.documents for b in d.blocks]
        == [b.text for d in warm_case.documents for b in d.blocks],
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--engines", default="rapid,tesseract")
    ap.add_argument("--dpi", type=int, default=200)
    ap.add_argument("--sample-pages", type=int, default=6)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args(argv)
    from casereview.parsers.ocr.engines import available_engines

    have = available_engines()
    engines = [e for e in args.engines.split(",") if e]
    pages = page_set(args.dpi, args.sample_pages)
    print(
        f"{len(pages)} pages ({sum(1 for p in pages if p[0] == 'samples')} scanned sample pages at {args.dpi} dpi), "
        f"{args.jobs} cores, load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    results = []
    for name in engines:
        if name not in have:
            print(f"{name}: not installed, skipped")
            continue
        results.append(bench_engine(name, pages, args.jobs))
    print()
    print(f"{'engine':10} {'set':10} {'pages':>5} {'s/page (1 core)':>16} {'CER':>7}")
    for r in results:
        for group in GROUPS:
            if group in r:
                g = r[group]
                print(f"{r['engine']:10} {group:10} {g['pages']:5d} {g['s_per_page']:16.2f} {g['cer']:7.2%}")
        print(
            f"{r['engine']:10} batch      {r['pages']:5d} pages in {r['batch_seconds']:.1f} s on {r['jobs']} "
            f"processes = {r['pages'] / r['batch_seconds']:.2f} pages/s"
        )
    cache = bench_cache(engines[0] if engines else "rapid", args.dpi) if results else None
    if cache:
        print(
            f"\ncache: load_case of a {cache['pages']}-page scanned {cache['file']}: cold {cache['cold']:.2f} s, "
            f"from cache {cache['warm']:.2f} s (x{cache['speedup']:.0f}), digital original {cache['digital']:.2f} s; "
            f"types scanned {cache['types_scanned']} vs digital {cache['types_digital']}; "
            f"same text from cache: {cache['same_text']}"
        )
    if args.json:
        Path(args.json).write_text(
            json.dumps({"engines": results, "cache": cache}, ensure_ascii=False, indent=1)
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
