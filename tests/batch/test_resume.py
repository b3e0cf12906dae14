"""Crash safety: a `score` killed with SIGKILL leaves nothing truncated and no process behind; a re-run
finishes only what is missing, and gives the results a clean run gives (apart from timestamps)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "cases"
SUBSET = (
    "hl-yingji-2024-018.pdf",
    "tj-jiaotong-2024-041.docx",
    "mx-shijian-2024-044.docx",
    "np-shijian-2024-036.pdf",
    "dx-jiaotong-2024-026",
)


def _score(batch: Path, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "casereview.cli",
            "score",
            str(batch),
            "--out",
            str(out),
            "--formats",
            "json,xlsx",
            "--jobs",
            "1",
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def _descendants(pid: int) -> list[int]:
    """Processes whose parent chain reaches ``pid`` or which share its session (workers, forkserver)."""
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            if os.getsid(int(name)) == pid:
                found.append(int(name))
        except OSError:
            continue
    return found


def _stable(results: dict) -> dict:
    results = dict(results)
    results.pop("generated_at")
    return results


def test_killed_mid_batch_then_resumed(tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    for name in SUBSET:
        src = SAMPLES / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, batch / name)
    out = tmp_path / "out"
    proc = _score(batch, out)
    kept = out / ".casereview-run" / "cases"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and len(list(kept.glob("*.json"))) < 2:
        time.sleep(0.05)
    assert len(list(kept.glob("*.json"))) >= 2, proc.communicate()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    t0 = time.monotonic()
    while _descendants(proc.pid) and time.monotonic() - t0 < 10:
        time.sleep(0.1)
    assert _descendants(proc.pid) == [], "workers or the forkserver outlived the killed score"
    print(f"processes gone {time.monotonic() - t0:.1f} s after the kill")
    for f in out.rglob("*"):
        if f.suffix == ".json":
            json.loads(f.read_text("utf-8"))  # nothing truncated
    assert not (out / "results.json").exists()
    done_before = len(list(kept.glob("*.json")))

    rerun = _score(batch, out)
    _, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    assert f"沿用已完成的 {done_before} 卷" in err
    assert err.count("] ") == len(SUBSET) - done_before  # only the missing cases were read again
    assert not (out / ".casereview-run").exists()
    resumed = json.loads((out / "results.json").read_text("utf-8"))

    clean = _score(batch, tmp_path / "clean")
    clean.communicate(timeout=600)
    again = _score(batch, tmp_path / "again")
    again.communicate(timeout=600)
    first = json.loads((tmp_path / "clean" / "results.json").read_text("utf-8"))
    second = json.loads((tmp_path / "again" / "results.json").read_text("utf-8"))
    assert _stable(first) == _stable(second)  # deterministic
    assert _stable(resumed) == _stable(first)  # a resumed run gives the clean run's results
    assert sorted(p.name for p in (out / "sheets").iterdir()) == sorted(
        p.name for p in (tmp_path / "clean" / "sheets").iterdir()
    )
