"""compile: store, figures, ranking, comparison, coverage, bad input, the outputs read back."""

from __future__ import annotations

import json
import sqlite3

import docx
import openpyxl
import pytest
from click.testing import CliRunner

from casereview.cli import main
from casereview.compile import CompileError
from casereview.compile.periods import parse_period
from casereview.compile.run import compile_results
from casereview.compile.store import SCHEMA_VERSION, Store
from tests.compile.make_results import case, results

A, B, C = "某县市场监督管理局", "某县农业农村局", "某县交通运输局"


def write(path, obj):
    path.write_text(json.dumps(obj, ensure_ascii=False), "utf-8")
    return path


@pytest.fixture
def files(tmp_path):
    """Q3: A self-review; Q4: county review of A, B, C (A 95/85, B 70/50 veto, C 92); three grades."""
    q3 = results("2024Q3", [case("a1", A, 80, ["N03"]), case("a2", A, 60, ["N03", "A01"])])
    q4 = results(
        "2024Q4",
        [
            case("a3", A, 95),
            case("a4", A, 85, ["N03"]),
            case("b1", B, 70, ["S01", "N03"]),
            case("b2", B, 50, ["A01"], veto_codes=["N01"]),
            case("c1", C, 92),
        ],
    )
    return write(tmp_path / "q3.json", q3), write(tmp_path / "q4.json", q4)


def test_periods():
    assert str(parse_period("2024q3").previous()) == "2024Q2"
    assert str(parse_period("2024Q1").previous()) == "2023Q4"
    assert str(parse_period("2024H1").previous()) == "2023H2"
    assert str(parse_period("2024").previous()) == "2023"
    assert parse_period("2024H2").contains(parse_period("2024Q3"))
    with pytest.raises(CompileError, match="无法识别"):
        parse_period("2024Q5")


def test_figures_ranking_comparison_and_coverage(tmp_path, files):
    from casereview.compile.coverage import coverage
    from casereview.compile.stats import compile_stats

    report = compile_results(files, tmp_path / "out")
    assert str(report.period) == "2024Q4"
    with Store(tmp_path / "out" / "results.db") as store:
        comp = compile_stats(store, parse_period("2024Q4"))
        cov = coverage(store, parse_period("2024Q4"))
    by = {d.department: d for d in comp.departments}
    assert by[A].files == 2 and by[A].mean == 90 and by[A].grades["优秀"] == 1 and by[A].grades["合格"] == 1
    assert by[B].mean == 60 and by[B].grades["不合格"] == 1 and by[B].rate("不合格") == 0.5
    assert [d.department for d in comp.departments] == [C, A, B]
    assert [d.rank for d in comp.departments] == [1, 2, 3]
    assert by[A].previous.mean == 70 and by[A].mean_delta == 20
    assert by[B].previous is None
    assert comp.total.files == 5 and comp.total.previous.files == 2
    assert [c["case_id"] for c in comp.named("不合格")] == ["b2"] and comp.named("不合格")[0][
        "veto_codes"
    ] == ["N01"]
    top = {p.code: p.files for p in comp.problems}
    assert top == {"N03": 2, "S01": 1, "A01": 1, "N01": 1}
    rows = {r.department: r.quarters for r in cov.rows}
    assert rows[A] == {1: False, 2: False, 3: True, 4: True}
    assert rows[B] == {1: False, 2: False, 3: False, 4: True}
    assert len(cov.county[2]) == 1 and cov.county[1] == []


def test_outputs_read_back(tmp_path, files):
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["compile", *map(str, files), "--out", str(out), "--period", "2024H2"])
    assert res.exit_code == 0, res.output
    wb = openpyxl.load_workbook(out / "compile.xlsx")
    assert wb.sheetnames[:4] == ["汇总", "单位排名", "问题统计", "覆盖情况"]
    ranking = list(wb["单位排名"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[2], r[3]) for r in ranking] == [(1, C, 1, 92), (2, A, 4, 80), (3, B, 2, 60)]
    ledger = wb[f"整改台账-{B}"]
    assert [c.value for c in ledger[1]] == ["案卷", "问题", "整改要求", "整改期限", "整改状态"]
    items = list(ledger.iter_rows(min_row=2, values_only=True))
    assert len(items) == 4 and all(r[2] and r[3] is None and r[4] is None for r in items)
    cover = list(wb["覆盖情况"].iter_rows(min_row=2, max_row=4, values_only=True))
    assert cover[0][:5] == (C, "缺", "缺", "缺", "已评查")
    text = "\n".join(p.text for p in docx.Document(out / "bulletin.docx").paragraphs)
    for heading in ("评查范围和方法", "评查结果", "存在的主要问题", "优秀案卷和不合格案卷", "整改要求"):
        assert heading in text
    named = docx.Document(out / "bulletin.docx").tables[2]
    assert [c.text for c in named.rows[1].cells] == ["1", B, "某处罚〔2024〕b2号", "当事人b2", "50", "N01"]
    table = docx.Document(out / "bulletin.docx").tables[0]
    assert [c.text for c in table.rows[1].cells][:4] == ["1", C, "1", "92"]
    section = docx.Document(out / "bulletin.docx").sections[0]
    assert round(section.page_width.cm, 1) == 21.0


def test_reimport_does_not_duplicate(tmp_path, files):
    db = tmp_path / "r.db"
    compile_results(files, tmp_path / "o1", db)
    report = compile_results([files[1]], tmp_path / "o2", db)
    assert report.imported[0].replaced == 5
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == 7
    assert conn.execute("SELECT COUNT(*) FROM imports").fetchone()[0] == 2
    assert conn.execute("SELECT COUNT(*) FROM findings").fetchone()[0] == 7 * 8


def test_newer_store_refused_untouched(tmp_path, files):
    db = tmp_path / "r.db"
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = db.read_bytes()
    res = CliRunner().invoke(main, ["compile", str(files[0]), "--out", str(tmp_path / "o"), "--db", str(db)])
    assert res.exit_code == 2 and "更新版本" in res.output
    assert db.read_bytes() == before
    assert not (tmp_path / "o" / "compile.xlsx").exists()


def test_locked_store(tmp_path, files):
    db = tmp_path / "r.db"
    compile_results([files[0]], tmp_path / "o", db)
    locker = sqlite3.connect(db, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(CompileError, match="锁定"), Store(db, timeout=0.1) as store:
            store.import_results(
                json.loads(files[1].read_text("utf-8")), "x", b"x", parse_period("2024Q4"), "self"
            )
    finally:
        locker.execute("ROLLBACK")


def test_invalid_foreign_file_refused_naming_it(tmp_path, files):
    bad = results("2024Q4", [case("x1", A, 80)], version="9.0.0")
    bad["cases"][0]["grade"] = "很好"
    path = write(tmp_path / "foreign.json", bad)
    db = tmp_path / "r.db"
    res = CliRunner().invoke(
        main, ["compile", str(files[0]), str(path), "--out", str(tmp_path / "o"), "--db", str(db)]
    )
    assert res.exit_code == 2 and "foreign.json" in res.output and "很好" in res.output
    with Store(db) as store:
        assert store.cases_within(parse_period("2024")) == []


def test_valid_foreign_file_accepted(tmp_path):
    path = write(tmp_path / "custom.json", results("2024Q4", [case("x1", A, 80)], rubric_id="my-county"))
    assert compile_results([path], tmp_path / "o").files == 1


def test_file_without_period_or_dates_needs_one(tmp_path):
    path = write(tmp_path / "np.json", results(None, [case("x1", A, 80)]))
    with pytest.raises(CompileError, match="np.json") as err:
        compile_results([path], tmp_path / "o")
    assert "compile --period" in str(err.value) and "决定日期" in str(err.value)
    report = compile_results([path], tmp_path / "o", period="2024Q1")
    assert str(report.period) == "2024Q1" and report.imported[0].period_source == "取自 compile --period"
