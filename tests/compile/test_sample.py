"""sample: stratified by department, N per department (all when fewer), reproducible from the seed."""

from __future__ import annotations

import csv
from collections import Counter

from click.testing import CliRunner

from casereview.cli import main
from casereview.compile.sampling import Candidate, candidates, draw


def pool() -> list[Candidate]:
    sizes = {"甲局": 10, "乙局": 3, "丙局": 6}
    return [Candidate(d, f"{d}-{i:02d}", f"/b/{d}-{i:02d}") for d, n in sizes.items() for i in range(n)]


def test_draw_is_stratified():
    chosen = draw(pool(), 4, seed=42)
    assert Counter(c.department for c in chosen) == {"甲局": 4, "乙局": 3, "丙局": 4}
    assert len(set(chosen)) == len(chosen)


def test_draw_is_reproducible_and_order_independent():
    first = draw(pool(), 4, seed=7)
    assert draw(list(reversed(pool())), 4, seed=7) == first
    assert any(draw(pool(), 4, seed=s) != first for s in range(8, 12))


def test_department_from_agency_else_batch(tmp_path):
    batch = tmp_path / "农业批次"
    for name in ("c1", "c2", "c3"):
        (batch / name).mkdir(parents=True)
        (batch / name / "决定书.txt").write_text("行政处罚决定书", "utf-8")
    found = candidates([batch], agency_of=lambda p: "某县农业农村局" if p.name == "c1" else None)
    assert [(c.department, c.case_id) for c in found] == [
        ("农业批次", "c2"),
        ("农业批次", "c3"),
        ("某县农业农村局", "c1"),
    ]


def test_cli_writes_the_draw(tmp_path):
    batches = []
    for dept, n in (("甲局", 5), ("乙局", 2)):
        batch = tmp_path / "in" / dept
        for i in range(n):
            (batch / f"{dept}{i}").mkdir(parents=True)
            (batch / f"{dept}{i}" / "a.txt").write_text("询问笔录", "utf-8")
        batches.append(str(batch))
    outs = []
    for k in range(2):
        out = tmp_path / f"draw{k}.csv"
        res = CliRunner().invoke(
            main,
            ["sample", *batches, "--period", "2024H2", "--per-unit", "3", "--seed", "5", "--out", str(out)],
        )
        assert res.exit_code == 0, res.output
        with out.open(encoding="utf-8-sig") as fh:
            outs.append(list(csv.DictReader(fh)))
    rows = outs[0]
    assert list(rows[0]) == ["period", "seed", "department", "case_id", "path", "drawn_at"]
    assert Counter(r["department"] for r in rows) == {"甲局": 3, "乙局": 2}
    assert {r["period"] for r in rows} == {"2024H2"} and {r["seed"] for r in rows} == {"5"}
    assert [r["case_id"] for r in rows] == [r["case_id"] for r in outs[1]]
