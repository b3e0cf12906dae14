"""A 200 MiB scanned PDF: every page routed to OCR, with bounded memory."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
from make_bigpdf import make_big_pdf


def test_big_pdf_pages_all_need_ocr_with_bounded_memory(tmp_path, run_measured):
    if shutil.disk_usage(tmp_path).free < 600 * 2**20:
        pytest.skip("less than 600 MiB free in the temporary folder for the 200 MiB PDF")
    path = tmp_path / "big.pdf"
    try:
        info = make_big_pdf(path)
        assert info["bytes"] >= 200 * 2**20
        code = (
            "import json; from casereview.parsers import read_sources; "
            f"s, e = read_sources({str(path)!r}); "
            "print(json.dumps({'errors': [(x.source, x.code) for x in e], "
            "'pages': [x.page_count for x in s], 'ocr': [x.ocr_pages for x in s], "
            "'text': [b.text for x in s for b in x.blocks if b.text]}))"
        )
        rc, out, err, peak_mb = run_measured(code)
    finally:
        path.unlink(missing_ok=True)
    assert rc == 0, err
    res = json.loads(out)
    assert res["errors"] == []
    assert res["pages"] == [info["pages"]]
    assert res["ocr"] == [list(range(1, info["pages"] + 1))]
    assert res["text"] == []  # the stamped "casereview big PDF page N of M" line is no text document
    assert peak_mb < 500, f"peak RSS {peak_mb:.0f} MiB"
