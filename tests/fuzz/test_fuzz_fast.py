"""The hostile-input campaign's fast subset (about 60 inputs, under a minute): reading never crashes, hangs
or blows up, loses nothing silently, changes no input and lets nothing from outside the case in.

The inputs come from ``generate.build`` (seeded); they are read by ``runner``
in a child process with a capped address space and a per-case alarm, so a
regression shows as a failed assertion naming the input, not as a hung or
killed test session. The full ~1,000-input run is ``benchmarks/fuzz.py``.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fuzz.generate import ROOT, build, tree_digest

CASE_SECONDS = 60
MEMORY_MB = 3072
MAX_SECONDS = 20.0  # one case of the subset (the slowest take about 3 s)
MAX_RSS_MB = 1500  # the runner's peak over the whole subset, OCR models not loaded


@pytest.fixture(scope="module")
def campaign(tmp_path_factory):
    dest = tmp_path_factory.mktemp("fuzz")
    manifest = [m for m in build(dest, seed=11, mutations=24, fast_only=True) if m.fast]
    before = tree_digest(dest)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.fuzz.runner",
            str(dest),
            "--fast",
            "--small-limits",
            "--memory-mb",
            str(MEMORY_MB),
            "--case-seconds",
            str(CASE_SECONDS),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=900,
        check=False,
    )
    rows = {}
    for line in proc.stdout.splitlines():
        row = json.loads(line)
        rows[row["case"]] = row
    after = tree_digest(dest)
    yield {"dest": dest, "manifest": manifest, "rows": rows, "proc": proc, "before": before, "after": after}
    for dirpath, dirnames, _ in os.walk(dest):  # let pytest remove what the campaign locked
        for d in dirnames:
            p = Path(dirpath) / d
            if not p.is_symlink():
                os.chmod(p, 0o755)


def test_runner_finished_every_input(campaign):
    assert campaign["proc"].returncode == 0, campaign["proc"].stderr[-3000:]
    missing = [m.case for m in campaign["manifest"] if m.case not in campaign["rows"]]
    assert not missing, f"no result for {missing!r}; stderr: {campaign['proc'].stderr[-2000:]}"
    assert 40 <= len(campaign["manifest"]) <= 80


def test_no_exception_no_hang(campaign):
    bad = {
        case: row.get("exception") or "hang"
        for case, row in campaign["rows"].items()
        if row.get("exception") or row.get("hang")
    }
    assert not bad, json.dumps(
        {k: campaign["rows"][k].get("traceback", v) for k, v in bad.items()}, ensure_ascii=False, indent=1
    )


def test_time_and_memory_bounded(campaign):
    slow = {case: row["seconds"] for case, row in campaign["rows"].items() if row["seconds"] > MAX_SECONDS}
    assert not slow
    assert max(row["peak_rss_mb"] for row in campaign["rows"].values()) < MAX_RSS_MB


def test_nothing_from_outside_the_case(campaign):
    leaked = {case: row["leaks"] for case, row in campaign["rows"].items() if row.get("leaks")}
    assert not leaked


def test_inputs_unchanged(campaign):
    before, after = campaign["before"], campaign["after"]
    changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    assert not changed, changed[:20]


def _reported(row: dict) -> set[str]:
    return {e[0] for e in row.get("errors") or []}


def _covers(names: set[str], rel: str) -> bool:
    return any(n == rel or n.startswith(rel + "/") or rel.startswith(n + "/") for n in names)


def test_every_bad_file_reported_with_a_chinese_reason(campaign):
    root = os.geteuid() == 0
    missing = {}
    for m in campaign["manifest"]:
        row = campaign["rows"][m.case]
        expected = (
            m.bad + m.bad_without_ocr + ([] if root else m.bad_unless_root)
        )  # the subset runs without OCR
        lost = [b for b in expected if not _covers(_reported(row), b)]
        if lost:
            missing[m.case] = {"lost": lost, "errors": row.get("errors")}
    assert not missing, json.dumps(missing, ensure_ascii=False, indent=1)
    for row in campaign["rows"].values():
        for source, code, reason in row.get("errors") or []:
            assert source and code and any("\u4e00" <= ch <= "\u9fff" for ch in reason), (source, reason)


def test_intact_companions_still_read(campaign):
    unread = {
        m.case: [c for c in m.companions if c not in campaign["rows"][m.case].get("files", [])]
        for m in campaign["manifest"]
    }
    assert not {k: v for k, v in unread.items() if v}


def test_nothing_in_a_case_vanishes_silently(campaign):
    """Every entry of a case folder (links not followed) is read, or named in an error, or lies under a
    folder that is (a hidden, locked or linked one)."""
    silent = {}
    for m in campaign["manifest"]:
        case_dir = campaign["dest"] / m.batch / m.case
        if not case_dir.is_dir() or case_dir.is_symlink():
            continue
        row = campaign["rows"][m.case]
        known = _reported(row) | set(row.get("files") or [])
        for dirpath, dirnames, filenames in os.walk(case_dir):
            for name in filenames + [d for d in dirnames if (Path(dirpath) / d).is_symlink()]:
                rel = os.path.relpath(os.path.join(dirpath, name), case_dir)
                st = os.lstat(os.path.join(dirpath, name))
                if stat.S_ISDIR(st.st_mode):
                    continue
                if not _covers(known, rel):
                    silent.setdefault(m.case, []).append(rel)
    assert not silent, silent


@pytest.mark.parametrize(
    "kind",
    [
        "ref-cycle-pdf",
        "zip-million-lines",
        "gridspan-bomb",
        "pdf-40k-text-objects",
        "docx-60k-paragraphs",
        "image-bombs",
        "zip-bad-streams",
        "docx-missing-parts",
    ],
)
def test_known_failures_of_issue_11_now_read(campaign, kind):
    """The inputs that hung, took gigabytes or lost their case before: read, with the companion intact."""
    row = campaign["rows"][kind]
    assert not row.get("exception") and not row.get("hang")
    assert "决定书.docx" in row["files"]
