"""Resuming an interrupted ``score``: each finished case is kept on disk until the run completes.

``DIR/.casereview-run/`` holds ``run.json`` (what the run depends on: tool
version, rubric, roster, OCR engine) and one file per finished case with the
fingerprint of its inputs (every file's relative path, size and mtime). A
re-run into the same directory reuses a kept case only when both still match,
so a changed rubric or an edited case file is scored again. The folder is
removed once the run's reports are written. Every file is written atomically:
a run killed at any instant leaves nothing truncated.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from casereview.report import write_atomic

DIRNAME = ".casereview-run"


def inputs_fingerprint(path: str) -> str:
    """A case's inputs as (relative path, size, mtime) of every file, hashed; symlinks as their target text."""
    h = hashlib.sha256()
    root = Path(path)
    if root.is_file():
        st = root.stat()
        h.update(f"{root.name}\0{st.st_size}\0{st.st_mtime_ns}".encode("utf-8", "surrogateescape"))
        return h.hexdigest()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            p = os.path.join(dirpath, name)
            try:
                st = os.lstat(p)
            except OSError:
                continue
            rel = os.path.relpath(p, root)
            h.update(f"{rel}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


class RunState:
    """The finished cases of one ``score`` run into ``out_dir``."""

    def __init__(self, out_dir: Path, depends_on: dict) -> None:
        self.dir = Path(out_dir) / DIRNAME
        self.depends_on = depends_on
        self.resumed = 0

    def start(self, restart: bool = False) -> None:
        """Keep what an earlier run with the same dependencies finished; otherwise start clean."""
        meta = self.dir / "run.json"
        same = False
        if meta.exists() and not restart:
            try:
                same = json.loads(meta.read_text("utf-8")) == self.depends_on
            except (OSError, ValueError):
                same = False
        if not same and self.dir.exists():
            shutil.rmtree(self.dir, ignore_errors=True)
        (self.dir / "cases").mkdir(parents=True, exist_ok=True)
        if not same:
            _write(meta, json.dumps(self.depends_on, ensure_ascii=False, sort_keys=True))

    def _file(self, path: str) -> Path:
        return (
            self.dir / "cases" / (hashlib.sha1(path.encode("utf-8", "surrogateescape")).hexdigest() + ".json")
        )

    def finished(self, paths: list[str]) -> dict[str, dict]:
        """The kept entries of ``paths`` whose inputs have not changed since."""
        out = {}
        for p in paths:
            f = self._file(p)
            if not f.exists():
                continue
            try:
                kept = json.loads(f.read_text("utf-8"))
            except (OSError, ValueError):
                continue
            if kept.get("path") == p and kept.get("inputs") == inputs_fingerprint(p):
                out[p] = kept["entry"]
        self.resumed = len(out)
        return out

    def save(self, path: str, entry: dict) -> None:
        try:
            fp = inputs_fingerprint(path)
        except OSError:
            return
        _write(self._file(path), json.dumps({"path": path, "inputs": fp, "entry": entry}))

    def done(self) -> None:
        """The run's reports are written: nothing left to resume."""
        shutil.rmtree(self.dir, ignore_errors=True)


def _write(path: Path, text: str) -> None:
    write_atomic(path, text)
