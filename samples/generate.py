"""Generate the sample case files and their ground truth.

    python samples/generate.py            # writes samples/cases/, samples/truth/, samples/README.md
    python samples/generate.py --only qs-shijian-2024-017

Deterministic: every name, number, date and picture comes from the case data in
samples/gen/cases.py (seeded where random), so a re-run writes the same documents.
Needs python-docx, Pillow, pypdfium2 and LibreOffice (`soffice`) with CJK fonts.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen import oracle  # noqa: E402
from gen.cases import ALL_CASES  # noqa: E402
from gen.cases_more import NEW_CASES  # noqa: E402
from gen.output import measure, write_outputs  # noqa: E402
from gen.readme import write_readme  # noqa: E402
from gen.truth import truth  # noqa: E402


def _drawings(docx_bytes: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as z:
        return z.read("word/document.xml").count(b"<w:drawing>")


def check_pictures(t: dict, d: dict, data: bytes) -> list[str]:
    """Seals and signature pictures in the truth must be in the .docx (and absent ones absent)."""
    n = _drawings(data)
    f = d["fields"]
    where = f"{t['case_id']}: {d['source']}"
    if d["type"] == "penalty_decision" and f["seal"] != (n > 0):
        return [f"{where}: seal {f['seal']} but {n} pictures"]
    if f.get("signature_kind") == "image" and n == 0:
        return [f"{where}: image signature but no picture"]
    return []


def verify(out: Path, truths: list[dict]) -> list[str]:  # noqa: C901 - a flat script of checks/steps
    """Open every file, check truth JSON and page numbers; return problems."""
    import docx
    import pypdfium2 as pdfium

    problems = []
    for t in truths:
        root = out / t["input"]
        json.dumps(t, ensure_ascii=False)
        if not root.exists():
            problems.append(f"{t['case_id']}: missing {root}")
            continue
        pdf_pages = {}
        if t["format"] == "zip":
            with zipfile.ZipFile(root) as z:
                for name in z.namelist():
                    docx.Document(z.open(name))
                names = set(z.namelist())
                for d in t["documents"]:
                    if d["source"] in names:
                        problems += check_pictures(t, d, z.read(d["source"]))
            for d in t["documents"]:
                if d["source"] not in names:
                    problems.append(f"{t['case_id']}: {d['source']} not in zip")
            continue
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for f in files:
            if f.suffix == ".docx":
                docx.Document(str(f))
            elif f.suffix == ".pdf":
                pdf = pdfium.PdfDocument(str(f))
                pdf_pages[f.name] = len(pdf)
                pdf.close()
            elif f.suffix == ".txt":
                raw = f.read_bytes()
                try:
                    raw.decode("utf-8")
                except UnicodeDecodeError:
                    raw.decode("gb18030")
        sources = {f.name for f in files}
        for d in t["documents"]:
            if d["source"] not in sources:
                problems.append(f"{t['case_id']}: source {d['source']} missing")
            if d["source"].endswith(".docx") and root.is_dir():
                problems += check_pictures(t, d, (root / d["source"]).read_bytes())
            if d["source"].endswith(".pdf"):
                n = pdf_pages[d["source"]]
                if not d["pages"] or max(d["pages"]) > n:
                    problems.append(f"{t['case_id']}: pages {d['pages']} beyond {n} in {d['source']}")
            elif d["pages"] is not None:
                problems.append(f"{t['case_id']}: pages given for non-PDF {d['source']}")
        if t["format"] == "bound-pdf":
            covered = sorted(p for d in t["documents"] for p in d["pages"])
            if covered != list(range(1, pdf_pages[root.name] + 1)):
                problems.append(f"{t['case_id']}: bound pages do not tile the PDF")
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(HERE), help="where cases/ and truth/ go (default: samples/)")
    ap.add_argument("--only", nargs="*", help="case ids to generate (default: all)")
    ap.add_argument("--keep-tmp", action="store_true")
    args = ap.parse_args(argv)
    out = Path(args.out)
    t0 = time.time()
    cases = [f() for f in ALL_CASES + NEW_CASES]
    if args.only:
        cases = [c for c in cases if c.case_id in args.only]
    ids = [c.case_id for c in cases]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    if not args.only:
        for sub in ("cases", "truth"):
            shutil.rmtree(out / sub, ignore_errors=True)
    (out / "cases").mkdir(parents=True, exist_ok=True)
    (out / "truth").mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="casereview-samples-"))
    try:
        measure(cases, tmp)
        write_outputs(cases, out, tmp)
    finally:
        if not args.keep_tmp:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print("temporary files kept in", tmp)
    truths, bad = [], []
    for c in cases:
        t = truth(c)
        got = oracle.breaks(t)
        if got != sorted(c.intended):
            bad.append(f"{c.case_id}: intended {sorted(c.intended)} but the truth breaks {got}")
        truths.append(t)
        (out / "truth" / f"{c.case_id}.json").write_text(
            json.dumps(t, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    problems = verify(out, truths) + bad
    if not args.only:
        write_readme(out / "README.md", cases, truths)
    size = sum(p.stat().st_size for p in (out / "cases").rglob("*") if p.is_file())
    print(f"{len(cases)} cases, {size / 1e6:.1f} MB in cases/, {time.time() - t0:.0f} s")
    for t in truths:
        print(
            f"  {t['case_id']:<28} {t['format']:<12} {t['sector']:<12} {len(t['documents']):>3} docs  "
            f"breaks: {', '.join(t['breaks']) or '-'}"
        )
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
