"""The print-ready .docx sheet (read back with python-docx) and its PDF rendering."""

from __future__ import annotations

import shutil
import subprocess

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm

from casereview.report import WRITERS
from casereview.report.sheet import SHEET_TITLE


@pytest.fixture
def sheet_doc(tmp_path, one_case):
    (path,) = WRITERS["docx"](one_case, tmp_path)
    assert path == tmp_path / "sheets" / "qs-2024-017.docx"
    return docx.Document(str(path))


def _cells(table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def test_a4_portrait_with_page_numbers(sheet_doc):
    section = sheet_doc.sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.05) and abs(section.page_height - Cm(29.7)) < Cm(0.05)
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
    assert "qs-2024-017" in section.header.paragraphs[0].text


def test_east_asian_fonts_are_set(sheet_doc):
    east = {el.get(qn("w:eastAsia")) for el in sheet_doc.element.body.iter(qn("w:rFonts"))}
    assert {"宋体", "仿宋", "黑体"} <= east
    normal = sheet_doc.styles["Normal"].element.rPr.rFonts
    assert normal.get(qn("w:eastAsia")) == "仿宋"
    # every run that holds Chinese text names an East Asian font
    for run in sheet_doc.element.body.iter(qn("w:r")):
        text = "".join(t.text or "" for t in run.iter(qn("w:t")))
        if any("\u4e00" <= ch <= "\u9fff" for ch in text):
            fonts = run.find(qn("w:rPr")).find(qn("w:rFonts"))
            assert fonts is not None and fonts.get(qn("w:eastAsia")), text


def test_content_and_numbers(sheet_doc, one_case):
    entry = one_case["cases"][0]
    paragraphs = [p.text for p in sheet_doc.paragraphs]
    assert SHEET_TITLE in paragraphs
    assert "【待人工复核】" in paragraphs
    head, items, totals, opinion = sheet_doc.tables
    head_cells = _cells(head)
    assert ["被评查单位", "青山县市场监督管理局", "案卷编号", "qs-2024-017"] == head_cells[0]
    assert any("李明辉、王建军" in row for row in head_cells)
    rows = _cells(items)
    # the header row repeats on every page, and rows never split across pages
    first = items.rows[0]._tr
    assert first.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
    assert all(r._tr.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None for r in items.rows)
    assert rows[0] == ["序号", "代码", "评查项目", "分值", "扣分", "评查结果", "理由及证据"]
    by_code = {r[1]: r for r in rows if len(r[1]) == 3 and r[1][1:].isdigit()}
    assert sorted(by_code) == sorted(c["code"] for c in entry["checks"])
    assert by_code["S02"][4] == "2" and by_code["S02"][5] == "不符合" and "证据：" in by_code["S02"][6]
    assert by_code["N03"][4] == "3" and by_code["E03"][5] == "待人工核查" and by_code["H01"][5] == "不适用"
    assert by_code["N01"][3] == "否决"
    # veto items come before the scored items
    codes = [r[1] for r in rows if r[1] in by_code]
    vetoes = [c for c, v in one_case["rubric"]["items"].items() if v.get("veto")]
    assert codes[: len(vetoes)] == vetoes
    subtotal = next(r for r in rows if r[0] == "执法主体与人员 小计")
    assert subtotal[4] == "2"
    t = _cells(totals)
    assert t[0] == ["基础分", "扣分合计", "否决项", "总分", "等次"]
    assert t[1] == ["100", "5", "无", "95", "优秀（待人工复核）"]
    assert "评查意见" in _cells(opinion)[0][0]
    text = "\n".join(paragraphs)
    assert "1．S02 笔录载明执法人员执法证号" in text and "2．N03" in text
    assert "评查人员（签名）" in text and "复核人员（签名）" in text and "年____月____日" in text


def test_pdf_one_soffice_call_for_the_batch(tmp_path, results, soffice_bin, monkeypatch):
    calls = []
    real = subprocess.run

    def counting(cmd, *args, **kwargs):
        calls.append((cmd, kwargs.get("env") or {}))
        return real(cmd, *args, **kwargs)

    monkeypatch.setattr(subprocess, "run", counting)
    cases = dict(results, cases=results["cases"][:3])
    paths = WRITERS["pdf"](cases, tmp_path)
    assert [p.name for p in paths] == [f"{c['case_id']}.pdf" for c in cases["cases"]]
    assert len(calls) == 1
    cmd, env = calls[0]
    assert any(a.startswith("-env:UserInstallation=file://") for a in cmd)
    assert env.get("FONTCONFIG_FILE", "").endswith("fonts.conf")
    # the Chinese text is real text set in a CJK face, not boxes from a Latin fallback
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(paths[0]))
    text = pdf[0].get_textpage().get_text_range()
    assert SHEET_TITLE in text.replace(" ", "") and "case-001" in text
    assert len(pdf) >= 2
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(paths[0])], capture_output=True, text=True).stdout
        assert "CJK" in fonts or "UMing" in fonts or "Sung" in fonts, fonts


def test_pdf_renders_to_png(tmp_path, one_case, soffice_bin, pdftoppm):
    (pdf,) = WRITERS["pdf"](one_case, tmp_path)
    subprocess.run(
        [pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True
    )
    png = next(tmp_path.glob("page*.png"))
    from PIL import Image

    with Image.open(png) as im:
        assert abs(im.width / im.height - 21 / 29.7) < 0.01  # an A4 page
        # ink on the page: borders and text, not a blank render
        histogram = im.convert("L").histogram()
        dark = sum(histogram[:128])
        assert dark > 0.01 * im.width * im.height


def test_pdf_without_soffice_is_skipped_with_a_reason(tmp_path, one_case, monkeypatch):
    from casereview.report import Skipped
    from casereview.report import pdf as pdf_writer

    monkeypatch.setattr(pdf_writer, "soffice_binary", lambda: None)
    with pytest.raises(Skipped, match="LibreOffice"):
        WRITERS["pdf"](one_case, tmp_path)
    assert not (tmp_path / "sheets").exists()
