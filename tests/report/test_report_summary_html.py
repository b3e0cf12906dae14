"""summary.xlsx (openpyxl) and report.html (headless Chromium): the figures against the results."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from statistics import mean

import pytest
from openpyxl import load_workbook

from casereview.report import WRITERS


def expected(results: dict) -> dict:
    """The figures computed independently from the results."""
    cases = results["cases"]
    graded = [c for c in cases if c["grade"] is not None]
    units: dict[str, list[dict]] = {}
    for c in cases:
        units.setdefault(c["department"], []).append(c)
    failed: dict[str, int] = {}
    for c in cases:
        for k in c["checks"]:
            if k["status"] == "fail":
                failed[k["code"]] = failed.get(k["code"], 0) + 1
    return {
        "graded": len(graded),
        "units": units,
        "failed": failed,
        "grades": {g: sum(1 for c in graded if c["grade"] == g) for g in ("优秀", "合格", "不合格")},
    }


def test_summary_workbook(tmp_path, results):
    (path,) = WRITERS["summary"](results, tmp_path)
    assert path == tmp_path / "summary.xlsx"
    wb = load_workbook(path)
    assert wb.sheetnames == ["案卷一览", "问题统计", "单位统计", "等次分布"]
    exp = expected(results)

    ws = wb["案卷一览"]
    header = [c.value for c in ws[4]]
    assert header[:8] == ["序号", "被评查单位", "案卷编号", "案号", "当事人", "得分", "等次", "否决项"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=5)]
    assert len(rows) == len(results["cases"])
    for row, c in zip(rows, results["cases"], strict=True):
        assert row[1:7] == [
            c["department"],
            c["case_id"],
            c["case_number"],
            c["party"],
            c["score"],
            c["grade"],
        ]
        assert row[7] == ("、".join(c["veto_codes"]) or None)
        assert row[8] == ("、".join(k["code"] for k in c["checks"] if k["status"] == "fail") or None)
        assert row[9] == ("、".join(k["code"] for k in c["checks"] if k["status"] == "manual") or None)

    ws = wb["问题统计"]
    problems = {r[0].value: [c.value for c in r] for r in ws.iter_rows(min_row=5)}
    for code, n in exp["failed"].items():
        assert problems[code][4] == n
        assert problems[code][5] == pytest.approx(n / exp["graded"])
    counts = [r[4] for r in problems.values()]
    assert counts == sorted(counts, reverse=True)
    assert len(ws._charts) == 1

    ws = wb["单位统计"]
    header = [c.value for c in ws[4]]
    rows = {r[0].value: [c.value for c in r] for r in ws.iter_rows(min_row=5)}
    assert set(rows) == set(exp["units"]) | {"合计"}
    for unit, cases in exp["units"].items():
        row = dict(zip(header, rows[unit], strict=True))
        assert row["评查案卷数"] == len(cases) and row["已评分"] == len(cases)
        assert row["平均分"] == pytest.approx(round(mean(c["score"] for c in cases), 2))
        for g in ("优秀", "合格", "不合格"):
            n = sum(1 for c in cases if c["grade"] == g)
            assert row[f"{g}数"] == n and row[f"{g}率"] == pytest.approx(n / len(cases))
    total = dict(zip(header, rows["合计"], strict=True))
    assert total["评查案卷数"] == len(results["cases"])
    assert total["平均分"] == pytest.approx(round(mean(c["score"] for c in results["cases"]), 2))

    ws = wb["等次分布"]
    dist = {r[0].value: r[1].value for r in ws.iter_rows(min_row=5)}
    assert dist == exp["grades"]
    assert len(ws._charts) == 2


def test_unprocessable_case_is_counted_but_not_graded(tmp_path, results):
    broken = dict(
        results["cases"][0],
        case_id="broken",
        score=None,
        grade=None,
        veto_codes=[],
        checks=[dict(k, status="manual") for k in results["cases"][0]["checks"]],
    )
    res = dict(results, cases=[*results["cases"], broken])
    WRITERS["summary"](res, tmp_path)
    wb = load_workbook(tmp_path / "summary.xlsx")
    header = [c.value for c in wb["单位统计"][4]]
    total = dict(
        zip(header, [c.value for c in wb["单位统计"][4 + 1 + len(expected(res)["units"])]], strict=True)
    )
    assert total["评查案卷数"] == len(res["cases"]) and total["无法评分"] == 1
    assert total["已评分"] == len(results["cases"])
    dist = {r[0].value: r[1].value for r in wb["等次分布"].iter_rows(min_row=5)}
    assert dist["无法评分"] == 1


class _Tables(HTMLParser):
    """Cells of every table by id, and every src/href, from the DOM Chromium dumps."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.refs: list[str] = []
        self.svgs: list[str] = []
        self.cards: dict[str, str] = {}
        self._table = self._row = self._cell = None
        self._card = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("src", "href"):
            if a.get(key):
                self.refs.append(a[key])
        if tag == "table":
            self._table = self.tables.setdefault(a.get("id", ""), [])
        elif tag == "tr" and self._table is not None:
            self._row = []
            self._table.append(self._row)
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag == "svg":
            self.svgs.append(a.get("id", ""))
        elif tag == "div" and "card" in (a.get("class") or "").split():
            self._card = a.get("data-key")
            self.cards[self._card] = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "table":
            self._table = None
        elif tag == "div":
            self._card = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        if self._card is not None and not self.cards[self._card]:
            self.cards[self._card] = data.strip()


def test_report_html_in_headless_chromium(tmp_path, results, chromium):
    WRITERS["xlsx"](results, tmp_path)
    (path,) = WRITERS["html"](results, tmp_path)
    source = path.read_text("utf-8")
    # self-contained: no script, no stylesheet link, nothing fetched from a network
    assert "<script" not in source and "<link" not in source
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", source)
    dom = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", path.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    assert "行政执法案卷评查结果汇总" in dom, "Chromium did not render the page"
    page = _Tables()
    page.feed(dom)
    exp = expected(results)
    assert {"chart-grades", "chart-problems"} <= set(page.svgs)
    assert all(not ref.startswith(("http:", "https:", "//")) for ref in page.refs)
    assert page.cards["files"] == str(len(results["cases"]))
    assert page.cards["mean"] == f"{round(mean(c['score'] for c in results['cases']), 2):g}"
    for g, n in exp["grades"].items():
        assert page.cards[f"grade-{g}"] == str(n)

    cases = page.tables["cases"][1:]
    assert [r[2] for r in cases] == [c["case_id"] for c in results["cases"]]
    for row, c in zip(cases, results["cases"], strict=True):
        assert float(row[5]) == c["score"] and row[6].startswith(c["grade"])
        assert row[7] == "、".join(c["veto_codes"])
    assert all(ref.startswith("sheets/") for ref in page.refs)

    problems = {r[0]: r for r in page.tables["problems"][1:]}
    for code, n in exp["failed"].items():
        assert int(problems[code][4]) == n
        assert problems[code][5] == f"{n / exp['graded'] * 100:.1f}%"

    units = {r[0]: r for r in page.tables["units"][1:]}
    header = page.tables["units"][0]
    for unit, cs in exp["units"].items():
        row = dict(zip(header, units[unit], strict=True))
        assert int(row["评查案卷数"]) == len(cs)
        assert float(row["平均分"]) == pytest.approx(round(mean(c["score"] for c in cs), 2))
        n = sum(1 for c in cs if c["grade"] == "不合格")
        assert int(row["不合格数"]) == n and row["不合格率"] == f"{n / len(cs) * 100:.1f}%"
