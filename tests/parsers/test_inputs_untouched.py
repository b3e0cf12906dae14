"""Reading a case never modifies, locks or adds to its input files."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from casereview.api import load_case


def _snapshot(root: Path) -> dict[str, tuple[str, int, int]]:
    """Every entry under root (hidden ones included): sha256, size and mtime of files; dirs as 'dir'."""
    snap: dict[str, tuple[str, int, int]] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for d in dirnames:
            snap[(Path(dirpath) / d).relative_to(root).as_posix()] = ("dir", 0, 0)
        for f in filenames:
            p = Path(dirpath) / f
            st = p.stat()
            snap[p.relative_to(root).as_posix()] = (
                hashlib.sha256(p.read_bytes()).hexdigest(),
                st.st_size,
                st.st_mtime_ns,
            )
    return snap


@pytest.mark.parametrize("where", ["original", "copy"])
def test_inputs_never_modified_by_load_case(where, fixtures_dir, fixtures_copy, tmp_path, monkeypatch):
    root = fixtures_dir if where == "original" else fixtures_copy
    monkeypatch.chdir(tmp_path)
    before = _snapshot(root)
    assert len([k for k, v in before.items() if v[0] != "dir"]) >= 39
    for entry in sorted(root.iterdir()):
        load_case(entry)
    load_case(root)
    after = _snapshot(root)
    assert sorted(after) == sorted(before), "files were added or removed (lock files? extracted members?)"
    changed = [k for k in before if before[k] != after[k]]
    assert changed == []
    assert not any(name.startswith((".~lock", "~$")) for name in after)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["files"]  # nothing written to the cwd either
