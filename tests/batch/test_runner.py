"""The local runner: a case that hangs, bloats or kills its worker is stopped and listed; the rest finish."""

from __future__ import annotations

import pytest

from casereview.runner import CaseLimits, Killed, run_isolated
from tests.batch import work_fns


def _run(names, limits, jobs=2):
    paths = [f"/nowhere/{n}" for n in names]
    return dict(
        run_isolated(paths, work_fns.work, jobs=jobs, init=work_fns.init, init_args=("t",), limits=limits)
    )


def test_every_case_finishes_and_is_read_in_a_worker():
    got = _run(["a", "b", "c", "d"], CaseLimits(60, None))
    assert sorted(got) == [f"/nowhere/{n}" for n in "abcd"]
    assert all(r["tag"] == "t" for r in got.values())  # the worker was initialised


def test_a_hanging_case_is_killed_at_its_time_limit_and_the_batch_goes_on():
    got = _run(["hang-1", "a", "b"], CaseLimits(2, None))
    assert isinstance(got["/nowhere/hang-1"], Killed)
    assert "处理超时" in got["/nowhere/hang-1"].reason and "2 秒" in got["/nowhere/hang-1"].reason
    assert got["/nowhere/a"]["tag"] == "t" and got["/nowhere/b"]["tag"] == "t"


def test_a_case_over_its_memory_limit_is_killed():
    pytest.importorskip("ctypes")
    got = _run(["bloat-1", "a"], CaseLimits(120, 300), jobs=1)
    assert isinstance(got["/nowhere/bloat-1"], Killed)
    assert "内存超限" in got["/nowhere/bloat-1"].reason
    assert got["/nowhere/a"]["tag"] == "t"  # a fresh worker took the next case


def test_a_worker_that_dies_costs_one_case():
    got = _run(["die-1", "a", "b"], CaseLimits(60, None), jobs=1)
    assert isinstance(got["/nowhere/die-1"], Killed)
    assert "异常退出" in got["/nowhere/die-1"].reason
    assert {got["/nowhere/a"]["tag"], got["/nowhere/b"]["tag"]} == {"t"}
