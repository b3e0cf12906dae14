"""The cluster path: a real dask.distributed cluster of worker processes scores like the local run."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from casereview.api import _remote, failed_case
from casereview.cli import main

distributed = pytest.importorskip("distributed")

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "cases"
SUBSET = ("hl-yingji-2024-018.pdf", "tj-jiaotong-2024-041.docx", "lc-jiaotong-2024-027")


def _comparable(results: dict) -> list[dict]:
    return [{k: v for k, v in c.items() if k != "path"} for c in results["cases"]]


def test_a_relative_batch_path_scores_on_the_cluster_as_locally(tmp_path, monkeypatch):
    work = tmp_path / "work"
    batch = work / "batch"
    batch.mkdir(parents=True)
    for name in SUBSET:
        src = SAMPLES / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, batch / name)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # the workers start here: "batch" means nothing to them
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    ) as cluster:
        monkeypatch.chdir(work)
        runner = CliRunner()
        remote = runner.invoke(
            main,
            [
                "score",
                "batch",
                "--out",
                str(tmp_path / "remote"),
                "--formats",
                "json",
                "--scheduler",
                cluster.scheduler_address,
            ],
        )
    assert remote.exit_code == 0, remote.output
    local = runner.invoke(
        main, ["score", "batch", "--out", str(tmp_path / "local"), "--formats", "json", "--jobs", "1"]
    )
    assert local.exit_code == 0, local.output
    got = json.loads((tmp_path / "remote" / "results.json").read_text("utf-8"))
    want = json.loads((tmp_path / "local" / "results.json").read_text("utf-8"))
    assert [c["case_id"] for c in got["cases"]] == [
        "hl-yingji-2024-018",
        "lc-jiaotong-2024-027",
        "tj-jiaotong-2024-041",
    ]
    assert all(os.path.isabs(c["path"]) for c in got["cases"])
    assert _comparable(got) == _comparable(want)
    assert all(c["score"] is not None for c in got["cases"])


def test_a_path_the_worker_cannot_see_says_which_and_why(tmp_path):
    entry = _remote(str(tmp_path / "not-on-this-node"), "penalty-general", None, False)
    reason = entry["errors"][0]["reason"]
    assert entry["score"] is None
    assert str(tmp_path / "not-on-this-node") in reason and "同一绝对路径" in reason
    assert failed_case("x", "r", _rubric())["errors"][0]["code"] == "unreadable"


def _rubric():
    from casereview.rubric import load_rubric

    return load_rubric("penalty-general")
