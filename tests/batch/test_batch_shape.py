"""What a batch is: symlinks, pipes and hidden entries at its top, and a case folder given as a batch."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from casereview.api import find_cases
from casereview.cli import main

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "cases"
CASE_FOLDER = SAMPLES / "lc-jiaotong-2024-009"  # the documents of one case, one file each


def test_entries_that_are_not_cases_are_listed_with_why(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.pdf").write_bytes(b"%PDF-1.4 not a case of this batch")
    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copy(SAMPLES / "hl-yingji-2024-018.pdf", batch / "a.pdf")
    (batch / "escape.pdf").symlink_to(outside / "secret.pdf")
    (batch / "escape-dir").symlink_to(outside)
    (batch / "loop").symlink_to(batch / "loop")
    (batch / "inside.pdf").symlink_to(batch / "a.pdf")
    os.mkfifo(batch / "pipe.pdf")
    (batch / ".hidden-case").mkdir()
    (batch / "notes.txt").write_text("x", encoding="utf-8")

    cases, skipped = find_cases([batch])
    assert [c.name for c in cases] == ["a.pdf", "inside.pdf"]
    assert all(c.is_absolute() for c in cases)
    why = {Path(s["path"]).name: s["reason"] for s in skipped}
    assert "批次文件夹以外" in why["escape.pdf"] and "批次文件夹以外" in why["escape-dir"]
    assert "循环" in why["loop"]
    assert "管道" in why["pipe.pdf"]
    assert "隐藏" in why[".hidden-case"]
    assert "不是案卷" in why["notes.txt"]


def test_score_on_one_case_folder_scores_it_as_one_case_and_says_so(tmp_path):
    out = tmp_path / "out"
    res = CliRunner().invoke(
        main, ["score", str(CASE_FOLDER), "--out", str(out), "--formats", "json", "--jobs", "1"]
    )
    assert res.exit_code == 0, res.output
    results = json.loads((out / "results.json").read_text("utf-8"))
    assert [c["case_id"] for c in results["cases"]] == ["lc-jiaotong-2024-009"]
    assert len(results["cases"][0]["documents"]) >= 15
    assert results["notices"] and "同一案卷" in results["notices"][0]["message"]
    assert "已作为一卷评查" in res.output and "共 1 卷" in res.output


def test_a_batch_of_whole_case_files_is_left_alone(tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    for name in ("hl-yingji-2024-018.pdf", "np-shijian-2024-036.pdf", "tj-jiaotong-2024-041.docx"):
        shutil.copy(SAMPLES / name, batch / name)
    out = tmp_path / "out"
    res = CliRunner().invoke(
        main, ["score", str(batch), "--out", str(out), "--formats", "json", "--jobs", "1"]
    )
    assert res.exit_code == 0, res.output
    results = json.loads((out / "results.json").read_text("utf-8"))
    assert len(results["cases"]) == 3 and "notices" not in results


def test_check_on_a_batch_refuses_and_names_the_fix(tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    for name in ("hl-yingji-2024-018.pdf", "np-shijian-2024-036.pdf"):
        shutil.copy(SAMPLES / name, batch / name)
    res = CliRunner().invoke(main, ["check", str(batch)])
    assert res.exit_code == 2
    assert "像是一个批次" in res.output and "casereview score" in res.output
    assert "得分" not in res.output  # nothing was scored as if it were one case


@pytest.mark.parametrize("case", ["lc-jiaotong-2024-009", "hl-yingji-2024-018.pdf"])
def test_check_on_one_case_is_not_refused(case):
    res = CliRunner().invoke(main, ["check", str(SAMPLES / case)])
    assert res.exit_code in (0, 1), res.output
    assert "得分" in res.output
