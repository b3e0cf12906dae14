"""Department and party names come from case files: in compile.xlsx they are text, never formulas."""

from __future__ import annotations

import json

from openpyxl import load_workbook

from casereview.compile.run import compile_results
from tests.compile.make_results import case, results


def test_formula_like_and_control_character_names_stay_text(tmp_path):
    hostile = ['=HYPERLINK("http://x","点此")', "某县\x07市场监督管理局", "+1+1", "@SUM(A1)"]
    cases = [case(f"{i:03d}", name, 80.0 + i, decision_date="2024-08-01") for i, name in enumerate(hostile)]
    src = tmp_path / "results.json"
    src.write_text(json.dumps(results("2024Q3", cases), ensure_ascii=False), "utf-8")
    report = compile_results([src], tmp_path / "out", None, None, "auto")
    wb = load_workbook(next(p for p in report.written if str(p).endswith(".xlsx")))
    texts = [
        c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)
    ]
    assert not any(c.data_type == "f" for ws in wb.worksheets for row in ws.iter_rows() for c in row)
    assert not any("\x07" in t for t in texts)
    assert any("HYPERLINK" in t for t in texts) and any("某县市场监督管理局" in t for t in texts)
