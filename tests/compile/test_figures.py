"""The bureau's figures against a compile worked out by hand (issue 11): period, problems, categories, grades,
column names, numbers stored as numbers.

The small results file ``six`` (2024Q3, penalty-general's snapshot: 优秀 ≥ 90, 合格 ≥ 60, 不合格; veto N01, T03 …):

| case | unit | score | grade | failed (veto) |
| --- | --- | --- | --- | --- |
| a1 | A | 92 | 优秀 | T01 T02 G01 |
| a2 | A | 83.5 | 合格 | T01 T02 T04 T06 T07 S02 E03 |
| a3 | A | 0 | 不合格 | (N01) T04 T06 T07 S04 N03 |
| b1 | B | 70 | 合格 | S02 N03 G01 |
| b2 | B | 0 | 不合格 | (T03) E03 N03 |
| b3 | B | 95 | 优秀 | — |

By hand: 6 files, mean 340.5 / 6 = 56.75; A 175.5 / 3 = 58.5 (rank 1), B 165 / 3 = 55 (rank 2); each unit
优秀 1, 合格 1, 不合格 1, so exactly-合格 1/3 but 合格 or better 2/3 (total 4/6). Files per code: N03 3;
T01 T02 T04 T06 T07 S02 E03 G01 2 each; N01 T03 S04 1 each. Categories (requirements.md): S 执法主体与人员,
E 证据, N 告知, T 期限, G 签名与印章.
"""

from __future__ import annotations

import json
import re

import docx
import openpyxl
import pytest
from click.testing import CliRunner

from casereview.cli import main
from casereview.compile import CompileError
from casereview.compile.periods import parse_period
from casereview.compile.rubrics import RubricUse
from casereview.compile.run import compile_results
from casereview.compile.stats import compile_stats, group_of, problems
from casereview.compile.store import Store
from tests.compile.make_results import FOUR_GRADES, case, results, snapshot

A, B = "某县市场监督管理局", "某县农业农村局"


def write(path, obj):
    path.write_text(json.dumps(obj, ensure_ascii=False), "utf-8")
    return path


def six_cases() -> list[dict]:
    return [
        case("a1", A, 92, ["T01", "T02", "G01"]),
        case("a2", A, 83.5, ["T01", "T02", "T04", "T06", "T07", "S02", "E03"]),
        case("a3", A, 0, ["T04", "T06", "T07", "S04", "N03"], veto_codes=["N01"]),
        case("b1", B, 70, ["S02", "N03", "G01"]),
        case("b2", B, 0, ["E03", "N03"], veto_codes=["T03"]),
        case("b3", B, 95),
    ]


@pytest.fixture
def six(tmp_path):
    path = write(tmp_path / "six.json", results("2024Q3", six_cases()))
    out = tmp_path / "out"
    compile_results([path], out)
    return out


def bulletin_text(out) -> str:
    return "\n".join(p.text for p in docx.Document(out / "bulletin.docx").paragraphs)


def problem_section(out) -> str:
    text = bulletin_text(out)
    return text[text.index("三、存在的主要问题") : text.index("四、")]


def sheet_rows(out, name: str) -> list[tuple]:
    return list(openpyxl.load_workbook(out / "compile.xlsx")[name].iter_rows(values_only=True))


# -- 1. the period: from the file, else the decision dates, else ask for --period ---------------------


def test_period_recorded_by_score_needs_no_option(tmp_path):
    path = write(tmp_path / "r.json", results("2024Q3", [case("x1", A, 95)]))
    report = compile_results([path], tmp_path / "o")
    assert str(report.period) == "2024Q3"
    assert report.imported[0].describe() == (
        f"已导入 {path}：期间 2024Q3（取自结果文件中 score --period 记录的期间），1 卷，单位自查"
    )


def test_period_from_decision_dates(tmp_path):
    # Decisions of 2024-07-05 and 2024-09-30 lie in the third quarter; 2024-05-20 with 2024-08-01 only in 2024.
    q3 = write(
        tmp_path / "q3.json",
        results(
            None,
            [
                case("x1", A, 95, decision_date="2024-07-05"),
                case("x2", A, 70, decision_date="2024-09-30"),
                case("x3", A, 75),
            ],
        ),
    )
    res = CliRunner().invoke(main, ["compile", str(q3), "--out", str(tmp_path / "o1")])
    assert res.exit_code == 0, res.output
    report = compile_results([q3], tmp_path / "o2")
    assert str(report.period) == "2024Q3"
    assert (
        report.imported[0].period_source
        == "由 2 卷的处罚决定日期推定，2024-07-05 至 2024-09-30；另有 1 卷无决定日期"
    )
    assert "期间 2024Q3（由 2 卷的处罚决定日期推定" in report.imported[0].describe()
    year = write(
        tmp_path / "y.json",
        results(
            None,
            [case("y1", B, 95, decision_date="2024-05-20"), case("y2", B, 95, decision_date="2024-08-01")],
        ),
    )
    assert str(compile_results([year], tmp_path / "o3").period) == "2024"
    half = write(
        tmp_path / "h.json",
        results(
            None,
            [case("z1", B, 95, decision_date="2024-01-02"), case("z2", B, 95, decision_date="2024-06-30")],
        ),
    )
    assert str(compile_results([half], tmp_path / "o4").period) == "2024H1"


def test_period_refused_across_years_naming_the_option(tmp_path):
    path = write(
        tmp_path / "two-years.json",
        results(
            None,
            [case("x1", A, 95, decision_date="2023-12-28"), case("x2", A, 95, decision_date="2024-01-03")],
        ),
    )
    res = CliRunner().invoke(main, ["compile", str(path), "--out", str(tmp_path / "o")])
    assert res.exit_code == 2
    assert "two-years.json" in res.output and "跨年度" in res.output and "compile --period" in res.output
    assert not (tmp_path / "o" / "compile.xlsx").exists()


# -- 2. problems: veto items first, never dropped ----------------------------------------------------


def test_veto_items_first_and_never_dropped(six):
    section = problem_section(six)
    lines = [ln for ln in section.split("\n") if re.match(r"\d+\. ", ln)]
    codes = [re.search(r"（([A-Z]\d\d)[，）]", ln).group(1) for ln in lines]
    assert {"N01", "T03"} <= set(codes)
    # by hand: S02 2, S04 1 | E03 2 | N01 veto 1, N03 3 | T03 veto 1, then T01 T02 T04 T06 (2 each, by code) | G01 2
    assert codes == ["S02", "S04", "E03", "N01", "N03", "T03", "T01", "T02", "T04", "T06", "G01"]
    assert "本次评查发现否决项问题 2 项（N01、T03）" in section
    assert "1. 作出处罚决定前进行事先告知（N01，否决项），涉及 1 卷，占评查案卷的 16.7%。" in section
    assert "2. " in section and "（N03），涉及 3 卷，占评查案卷的 50.0%。" in section
    assert "另有 T07 共 1 项问题，详见汇总表《问题统计》。" in section
    stats = [(r[1], r[3], r[4]) for r in sheet_rows(six, "问题统计")[1:]]
    assert stats == [
        ("S02", "否", 2),
        ("S04", "否", 1),
        ("E03", "否", 2),
        ("N01", "是", 1),
        ("N03", "否", 3),
        ("T03", "是", 1),
        ("T01", "否", 2),
        ("T02", "否", 2),
        ("T04", "否", 2),
        ("T06", "否", 2),
        ("T07", "否", 2),
        ("G01", "否", 2),
    ]


def test_vetoes_listed_before_more_frequent_items(tmp_path):
    # 告知: four veto items in one file each, N03 and N06 in all seven files. Every veto is listed; the one place
    # left of five goes to N03 (7 files, before N06 by code) and N06 is named as left out.
    vetoes = ["N01", "N02", "N04", "N05"]
    cases = [case(f"v{i}", A, 0, ["N03", "N06"], veto_codes=[code]) for i, code in enumerate(vetoes)]
    cases += [case(f"w{i}", A, 95, ["N03", "N06"]) for i in range(3)]
    path = write(tmp_path / "v.json", results("2024Q3", cases))
    compile_results([path], tmp_path / "o")
    lines = [ln for ln in problem_section(tmp_path / "o").split("\n") if re.match(r"\d+\. ", ln)]
    assert [ln[:2] + re.search(r"（([A-Z]\d\d)[，）]", ln).group(1) for ln in lines] == [
        "1.N01",
        "2.N02",
        "3.N04",
        "4.N05",
        "5.N03",
    ]
    assert all("否决项），涉及 1 卷，占评查案卷的 14.3%" in ln for ln in lines[:4])
    assert "另有 N06 共 1 项问题" in problem_section(tmp_path / "o")


def test_veto_per_the_rubric_snapshot():
    use = RubricUse(
        "county-x",
        "1",
        "b" * 64,
        "某县标准",
        "zero",
        (("优秀", 90.0), ("合格", 60.0), ("不合格", 0.0)),
        frozenset({"D04"}),
    )
    cases = [{"id": 1, "veto_codes": []}, {"id": 2, "veto_codes": []}, {"id": 3, "veto_codes": []}]
    failed = {1: [{"code": "D04"}], 2: [{"code": "D02"}], 3: [{"code": "D02"}]}
    found = problems(cases, failed, lambda c: use)
    assert [(p.code, p.veto, p.files) for p in found] == [("D04", True, 1), ("D02", False, 2)]


# -- 3. categories: the requirements' own table -------------------------------------------------------

# Copied by hand from shared/spec/requirements.md (### S — enforcement officers (执法主体与人员) …).
REQUIREMENT_CATEGORIES = {
    "S": "执法主体与人员",
    "E": "证据",
    "N": "告知",
    "H": "听证",
    "L": "法制审核与集体讨论",
    "D": "处罚决定书",
    "T": "期限",
    "G": "签名与印章",
    "P": "公示与全过程记录",
    "A": "卷宗",
    "C": "一致性",
}


def test_categories_from_the_requirements():
    assert [group_of(c) for c in ("S01", "S02", "S04", "E03")] == ["执法主体与人员"] * 3 + ["证据"]
    from casereview.rules.registry import rule_by_code

    for code in rule_by_code():
        assert group_of(code) == REQUIREMENT_CATEGORIES[code[0]], code


def test_categories_in_the_outputs(six):
    groups = {r[1]: r[0] for r in sheet_rows(six, "问题统计")[1:]}
    assert groups["S02"] == groups["S04"] == "执法主体与人员" and groups["E03"] == "证据"
    assert groups["N01"] == "告知" and groups["T03"] == "期限" and groups["G01"] == "签名与印章"
    headings = [ln for ln in problem_section(six).split("\n") if ln.startswith("（")]
    assert headings == [
        "（一）执法主体与人员方面",
        "（二）证据方面",
        "（三）告知方面",
        "（四）期限方面",
        "（五）签名与印章方面",
    ]
    assert "实体" not in problem_section(six)


def test_category_mapped_by_the_rubric(tmp_path):
    rubric = snapshot("county-x", items={"S02": {"points": 2.0, "category": "实体"}})
    path = write(tmp_path / "m.json", results("2024Q3", [case("x1", A, 95, ["S02", "S04"])], rubric=rubric))
    compile_results([path], tmp_path / "o")
    groups = {r[1]: r[0] for r in sheet_rows(tmp_path / "o", "问题统计")[1:]}
    assert groups == {"S02": "实体", "S04": "执法主体与人员"}


# -- 4. grades and bands from the rubric ---------------------------------------------------------------


def test_three_grades_of_the_rubric(six):
    head = sheet_rows(six, "单位排名")[0]
    assert not any("良好" in str(h) for h in head)
    assert [h for h in head if str(h).endswith("（卷）")] == ["优秀（卷）", "合格（卷）", "不合格（卷）"]
    text = bulletin_text(six)
    assert "良好" not in text
    assert (
        "评查结果分为优秀（90 分及以上）、合格（60 分及以上）、不合格（60 分以下）三个等次；"
        "否决项不符合的，案卷计 0 分，评为不合格。"
    ) in text
    assert (
        "其中优秀 2 卷（33.3%），合格 2 卷，不合格 2 卷（33.3%），合格率（合格及以上等次的案卷占比）66.7%。"
        in text
    )
    table = docx.Document(six / "bulletin.docx").tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "排名",
        "单位",
        "案卷数",
        "平均分",
        "优秀",
        "合格",
        "不合格",
        "合格率（合格及以上）",
        "较上期",
    ]
    assert [c.text for c in table.rows[1].cells] == ["1", A, "3", "58.5", "1", "1", "1", "66.7%", ""]
    assert [c.text for c in table.rows[3].cells] == ["", "合计", "6", "56.75", "2", "2", "2", "66.7%", ""]


def test_four_grades_when_the_rubric_has_them(tmp_path):
    rubric = snapshot("county-four", grades=FOUR_GRADES, title="某县四等次标准")
    cases = [
        case("x1", A, 95, grade="优秀"),
        case("x2", A, 85, grade="良好"),
        case("x3", A, 70, grade="合格"),
    ]
    path = write(tmp_path / "f.json", results("2024Q3", cases, rubric=rubric))
    compile_results([path], tmp_path / "o")
    head = sheet_rows(tmp_path / "o", "单位排名")[0]
    assert [h for h in head if str(h).endswith("（卷）")] == [
        "优秀（卷）",
        "良好（卷）",
        "合格（卷）",
        "不合格（卷）",
    ]
    assert sheet_rows(tmp_path / "o", "单位排名")[1][4:8] == (1, 1, 1, 0)
    assert (
        "优秀（90 分及以上）、良好（80 分及以上）、合格（60 分及以上）、不合格（60 分以下）四个等次"
        in bulletin_text(tmp_path / "o")
    )


def test_different_rubrics_counted_together_and_said(tmp_path):
    three = write(tmp_path / "m1.json", results("2024Q3", [case("x1", A, 95), case("x2", A, 85)]))
    four = write(
        tmp_path / "m2.json",
        results(
            "2024Q3",
            [case("y1", B, 85, grade="良好"), case("y2", B, 65)],
            rubric=snapshot("county-four", grades=FOUR_GRADES, title="某县四等次标准"),
        ),
    )
    report = compile_results([three, four], tmp_path / "o")
    with Store(tmp_path / "o" / "results.db") as store:
        comp = compile_stats(store, parse_period("2024Q3"))
    assert comp.grades == ["优秀", "良好", "合格", "不合格"]
    assert dict(comp.total.grades) == {"优秀": 1, "良好": 1, "合格": 2}
    assert len(report.notes) == 1 and report.notes == comp.notes
    note = comp.notes[0]
    assert note.startswith(
        "本期结果使用了 2 个评查标准：《某县四等次标准》（county-four），分为优秀（90 分及以上）、"
        "良好（80 分及以上）、合格（60 分及以上）、不合格（60 分以下）四个等次（2 卷）；"
        "《一般程序行政处罚案卷评查标准（通用）》（penalty-general），分为优秀（90 分及以上）、"
        "合格（60 分及以上）、不合格（60 分以下）三个等次（2 卷）。"
    )
    assert "“良好”等次仅 county-four 设有" in note
    assert note in bulletin_text(tmp_path / "o")
    assert ("说明", note) in sheet_rows(tmp_path / "o", "汇总")


def test_results_without_a_snapshot_say_how_grades_were_taken(tmp_path):
    bare = {"id": "penalty-general", "version": "1", "sha256": "c" * 64}
    path = write(
        tmp_path / "b.json",
        results("2024Q3", [case("x1", A, 95), case("x2", A, 85, grade="良好")], rubric=bare),
    )
    report = compile_results([path], tmp_path / "o")
    assert report.notes == [
        "评查标准 penalty-general 的结果文件未载明等次划分，按默认等次（优秀（90 分及以上）、"
        "合格（60 分及以上）、不合格（60 分以下））及案卷实际评定的等次统计。"
    ]
    head = sheet_rows(tmp_path / "o", "单位排名")[0]
    assert [h for h in head if str(h).endswith("（卷）")] == [
        "优秀（卷）",
        "良好（卷）",
        "合格（卷）",
        "不合格（卷）",
    ]


# -- 5. distinct, self-explaining column names ---------------------------------------------------------


def test_ranking_columns_distinct_and_explained(six):
    rows = sheet_rows(six, "单位排名")
    head = rows[0]
    assert len(set(head)) == len(head)
    assert list(head) == [
        "排名",
        "单位",
        "案卷数",
        "平均分",
        "优秀（卷）",
        "合格（卷）",
        "不合格（卷）",
        "优秀等次占比",
        "合格等次占比",
        "不合格等次占比",
        "合格率（合格及以上）",
        "上期案卷数",
        "上期平均分",
        "平均分增减",
    ]
    a = dict(zip(head, rows[1], strict=True))
    assert a["单位"] == A and a["排名"] == 1 and a["平均分"] == 58.5
    assert a["合格等次占比"] == pytest.approx(1 / 3) and a["合格率（合格及以上）"] == pytest.approx(2 / 3)
    b = dict(zip(head, rows[2], strict=True))
    assert b["单位"] == B and b["排名"] == 2 and b["平均分"] == 55


# -- 6. numbers stored as numbers ------------------------------------------------------------------------

NUMBER_TEXT = re.compile(r"[+-]?\d+(\.\d+)?%?")


def test_every_number_stored_as_a_number(six):
    wb = openpyxl.load_workbook(six / "compile.xlsx")
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    assert not NUMBER_TEXT.fullmatch(cell.value.strip()), (
                        ws.title,
                        cell.coordinate,
                        cell.value,
                    )
    summary = {r[0].value: r[1] for r in wb["汇总"].iter_rows(min_row=2) if r[0].value}
    assert summary["平均分"].data_type == "n" and summary["平均分"].value == 56.75
    assert summary["评查案卷数"].value == 6 and summary["被评查单位数"].value == 2
    assert summary["合格率（合格及以上）"].data_type == "n"
    assert summary["合格率（合格及以上）"].value == pytest.approx(4 / 6)
    assert summary["合格率（合格及以上）"].number_format == "0.0%"
    assert summary["不合格等次占比"].value == pytest.approx(2 / 6)
    ranking = wb["单位排名"]
    for cell in ranking[2]:
        assert cell.data_type == "n" or cell.column == 2, cell.coordinate
    share = wb["问题统计"]["F2"]
    assert share.data_type == "n" and share.value == pytest.approx(2 / 6) and share.number_format == "0.0%"


def test_previous_period_figures_are_numbers(tmp_path):
    q2 = write(tmp_path / "q2.json", results("2024Q2", [case("p1", A, 80), case("p2", A, 61)]))
    q3 = write(tmp_path / "q3.json", results("2024Q3", [case("a1", A, 92), case("a2", A, 70.5)]))
    compile_results([q2, q3], tmp_path / "o")
    wb = openpyxl.load_workbook(tmp_path / "o" / "compile.xlsx")
    head = [c.value for c in wb["单位排名"][1]]
    row = dict(zip(head, wb["单位排名"][2], strict=True))
    # by hand: Q3 mean (92 + 70.5) / 2 = 81.25, Q2 (80 + 61) / 2 = 70.5, change +10.75
    assert (
        row["平均分"].value,
        row["上期案卷数"].value,
        row["上期平均分"].value,
        row["平均分增减"].value,
    ) == (81.25, 2, 70.5, 10.75)
    assert all(row[k].data_type == "n" for k in ("平均分", "上期案卷数", "上期平均分", "平均分增减"))
    summary = {r[0].value: r[1] for r in wb["汇总"].iter_rows(min_row=2) if r[0].value}
    assert summary["上期平均分"].value == 70.5 and summary["上期合格率（合格及以上）"].value == 1


def test_store_before_rubric_snapshots_still_compiles(tmp_path):
    """A store of schema version 1 (no rubric snapshots) migrates; its imports fall back to the rubric's reference."""
    import sqlite3

    from casereview.compile.store import MIGRATIONS

    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    conn.executescript(MIGRATIONS[0][1])
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    path = write(tmp_path / "r.json", results("2024Q3", six_cases()))
    compile_results([path], tmp_path / "o", db)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    conn.execute("UPDATE imports SET rubric = NULL")
    conn.commit()
    conn.close()
    with Store(db) as store:
        comp = compile_stats(store, parse_period("2024Q3"))
    # sha256 "a…a" is not the built-in's: grades default, vetoes those the cases were failed on.
    assert comp.grades == ["优秀", "合格", "不合格"] and comp.notes
    assert [p.code for p in comp.problems if p.veto] == ["N01", "T03"]


def test_period_error_is_a_compile_error(tmp_path):
    path = write(tmp_path / "none.json", results(None, [case("x1", A, 95, decision_date="not a date")]))
    with pytest.raises(CompileError, match="compile --period"):
        compile_results([path], tmp_path / "o")
