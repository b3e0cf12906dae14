"""The hostile-input campaign: ~1,000 generated inputs scored through the CLI, batch by batch, with counts.

Inputs come from ``tests/fuzz/generate.py`` (seeded, deterministic): one batch
of special attacks (bombs, traversal, links, FIFOs, XXE, huge pages …), one
of hostile batch-level entries, and mutated samples in batches of
``--per-batch``. Each batch is scored by ``casereview score BATCH --out OUT``
in a child process with a wall-time limit, watched by a fresh wrapper that
reads the memory of its whole process tree. Printed:

- inputs, batches, cases listed in results.json or skipped (with a reason),
  cases not listed at all;
- tracebacks on stderr, batches that hung (over ``--timeout``), cases killed
  by the per-case limits (their reasons), batches without results.json;
- peak RSS: the highest any one process reached (score, a worker, LibreOffice), and the highest
  sum over a batch's processes, read from /proc every 0.2 s; wall time;
- inputs changed (hash of every entry before and after), files written
  outside ``--out`` (the generated tree, the child's working folder, and any
  traversal target), outputs holding content from outside the cases
  (``MARKER`` files reached by links or entities, /etc/passwd);
- results.json files valid against ``result.schema.json``;
- bad files the manifest says must be reported, and how many were.

    python benchmarks/fuzz.py [--mutations 940] [--seed 11] [--batches N] [--jobs 2]
                              [--case-timeout 120] [--case-memory 1024] [--ocr off] [--keep DIR]

``--batches N`` runs only the first N batches (a partial run); the per-case
limits are passed as ``--case-timeout`` / ``--case-memory`` when ``score``
offers them (``--no-case-limits`` leaves them out).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fuzz.generate import MARKER, build, tree_digest  # noqa: E402

LEAKS = (MARKER.encode(), b"root:x:0:0")
TRAVERSAL_NAMES = ("逃逸", "evil")

# The score run of one batch, watched from a fresh interpreter: every 0.2 s the process tree under it
# (score, the forkserver, its workers, LibreOffice …) is read from /proc; the peak is the highest VmHWM
# any one of them reached, and the highest sum of their RSS. Over the time limit the tree is killed.
_WRAPPER = r"""
import json, os, signal, subprocess, sys, time

def tree(root):
    kids = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    s = f.read()
                kids.setdefault(int(s[s.rindex(")") + 2:].split()[1]), []).append(int(d))
            except (OSError, ValueError, IndexError):
                pass
    out, stack = [], [root]
    while stack:
        p = stack.pop()
        out.append(p)
        stack.extend(kids.get(p, []))
    return out

def memory(pid):
    hwm = rss = 0
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    hwm = int(line.split()[1])
                elif line.startswith("VmRSS:"):
                    rss = int(line.split()[1])
    except OSError:
        pass
    return hwm, rss

timeout = float(sys.argv[1])
t0 = time.time()
proc = subprocess.Popen(sys.argv[2:], stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
import threading
chunks = {"out": b"", "err": b""}
def drain(name, stream):
    chunks[name] = stream.read()
threads = [threading.Thread(target=drain, args=(n, s)) for n, s in (("out", proc.stdout), ("err", proc.stderr))]
for t in threads:
    t.start()
peak_one = peak_sum = 0
hung = False
parent = os.getppid()
while proc.poll() is None:
    if os.getppid() != parent:  # the benchmark was stopped: take the score run down with it
        os.killpg(proc.pid, signal.SIGKILL)
        break
    total = 0
    for pid in tree(proc.pid):
        hwm, rss = memory(pid)
        peak_one, total = max(peak_one, hwm), total + rss
    peak_sum = max(peak_sum, total)
    if time.time() - t0 > timeout:
        hung = True
        os.killpg(proc.pid, signal.SIGKILL)
        break
    time.sleep(0.2)
proc.wait()
for t in threads:
    t.join()
print(json.dumps({"rc": None if hung else proc.returncode, "hung": hung, "seconds": time.time() - t0,
                  "stderr": chunks["err"].decode("utf-8", "replace"), "stdout": chunks["out"].decode("utf-8", "replace"),
                  "peak_one_kb": peak_one, "peak_sum_kb": peak_sum}))
"""


def _validator():
    import jsonschema
    from referencing import Registry, Resource

    schemas = ROOT / "casereview" / "schemas"
    store = {
        n: json.loads((schemas / n).read_text("utf-8")) for n in ("result.schema.json", "case.schema.json")
    }
    resources = [(k, Resource.from_contents(v)) for k, v in store.items()]
    resources += [(v["$id"], Resource.from_contents(v)) for v in store.values() if "$id" in v]
    registry = Registry().with_resources(resources)
    return jsonschema.Draft202012Validator(
        store["result.schema.json"], registry=registry, format_checker=jsonschema.FormatChecker()
    )


def _score_options() -> set[str]:
    out = subprocess.run(
        [sys.executable, "-m", "casereview.cli", "score", "--help"], capture_output=True, text=True
    )
    if out.returncode != 0:
        out = subprocess.run(["casereview", "score", "--help"], capture_output=True, text=True)
    return {w.strip(",") for w in out.stdout.split() if w.startswith("--")}


def _leaks_in(path: Path) -> list[str]:
    """Outside content found in an output file (.xlsx/.docx searched inside their zip)."""
    found = []
    try:
        data = path.read_bytes()
    except OSError:
        return found
    blobs = [data]
    if data[:2] == b"PK":
        try:
            with zipfile.ZipFile(path) as zf:
                blobs += [zf.read(i) for i in zf.infolist() if i.file_size < 50_000_000]
        except zipfile.BadZipFile:
            pass
    for leak in LEAKS:
        if any(leak in b for b in blobs):
            found.append(leak.decode())
    return found


def _covers(names: set[str], rel: str) -> bool:
    return any(n == rel or n.startswith(rel + "/") or rel.startswith(n + "/") for n in names)


def _same_path(listed: str, path: str) -> bool:
    """A path as results.json lists it: as it is, or with bytes that are not UTF-8 written as \\xNN."""
    return listed == path or listed == "".join(
        f"\\x{ord(ch) - 0xDC00:02x}" if 0xDC80 <= ord(ch) <= 0xDCFF else ch for ch in path
    )


def main(argv=None) -> int:  # noqa: C901 - a flat script of checks/steps
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mutations", type=int, default=940)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--per-batch", type=int, default=30)
    ap.add_argument("--batches", type=int, default=0, help="run only the first N batches (0: all)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=1800.0, help="wall time of one batch's score run")
    ap.add_argument("--case-timeout", type=float, default=120.0)
    ap.add_argument("--case-memory", type=int, default=1024)
    ap.add_argument("--no-case-limits", action="store_true")
    ap.add_argument("--formats", default="json,xlsx,html")
    ap.add_argument("--ocr", default="off")
    ap.add_argument("--keep", type=Path, default=None, help="build and keep the campaign in this folder")
    args = ap.parse_args(argv)

    work = args.keep or Path(tempfile.mkdtemp(prefix="casereview-fuzz-"))
    dest, outs, cwd = work / "inputs", work / "out", work / "cwd"
    t0 = time.time()
    manifest = build(dest, seed=args.seed, mutations=args.mutations, per_batch=args.per_batch)
    outs.mkdir(parents=True, exist_ok=True)
    cwd.mkdir(exist_ok=True)
    print(f"generated {len(manifest)} inputs in {time.time() - t0:.0f} s under {dest}", flush=True)
    batches = sorted({m.batch for m in manifest})
    if args.batches:
        batches = batches[: args.batches]
    before = tree_digest(dest)
    env = {**os.environ, "CASEREVIEW_CACHE_DIR": str(work / "ocr-cache"), "PYTHONDONTWRITEBYTECODE": "1"}
    opts = _score_options()
    limits = []
    if not args.no_case_limits:
        if "--case-timeout" in opts:
            limits += ["--case-timeout", str(args.case_timeout)]
        if "--case-memory" in opts:
            limits += ["--case-memory", str(args.case_memory)]
    validator = _validator()
    counts: Counter = Counter()
    killed: list[tuple[str, str]] = []
    unlisted: list[str] = []
    unreported: list[tuple[str, str]] = []
    peak_kb, peak_sum_kb, tracebacks = 0, 0, []
    for batch in batches:
        out = outs / batch
        cmd = [
            sys.executable,
            "-m",
            "casereview.cli",
            "score",
            str(dest / batch),
            "--out",
            str(out),
            "--formats",
            args.formats,
            "--ocr",
            args.ocr,
            "--jobs",
            str(args.jobs),
            *limits,
        ]
        run = subprocess.run(
            [sys.executable, "-c", _WRAPPER, str(args.timeout), *cmd],
            capture_output=True,
            text=True,
            cwd=cwd,
            env=env,
        )
        res = json.loads(run.stdout)
        peak_kb = max(peak_kb, res["peak_one_kb"])
        peak_sum_kb = max(peak_sum_kb, res["peak_sum_kb"])
        counts["batches"] += 1
        counts["hung batches"] += res["hung"]
        n_tb = res["stderr"].count("Traceback (most recent call last)")
        counts["tracebacks"] += n_tb
        if n_tb:
            tracebacks.append((batch, res["stderr"][-1500:]))
        results_path = out / "results.json"
        mine = [m for m in manifest if m.batch == batch]
        counts["inputs run"] += len(mine)
        if not results_path.exists():
            counts["batches without results.json"] += 1
            unlisted += [m.path_in for m in mine]
            print(f"{batch}: no results.json (rc {res['rc']}, {res['seconds']:.0f} s)", flush=True)
            continue
        try:
            results = json.loads(results_path.read_text("utf-8"))
        except ValueError:
            counts["results.json unreadable"] += 1
            continue
        errors = list(validator.iter_errors(results))
        counts["results.json valid"] += not errors
        counts["results.json checked"] += 1
        if errors:
            print(f"{batch}: results.json breaks the schema: {errors[0].message[:200]}", flush=True)
        cases = {c["path"]: c for c in results.get("cases", [])}
        skipped = {s["path"]: s for s in results.get("skipped", [])}
        for m in mine:
            path = str((dest / m.batch / m.case).absolute())
            entry = next((c for p, c in cases.items() if _same_path(p, path)), None)
            skip = next((s for p, s in skipped.items() if _same_path(p, path)), None)
            if entry is None and skip is None:
                unlisted.append(m.path_in)
                continue
            counts["cases listed"] += entry is not None
            counts["entries skipped with a reason"] += skip is not None and bool(skip.get("reason"))
            if entry is None:
                continue
            codes = {e.get("code") for e in entry.get("errors") or []}
            if "killed" in codes:
                killed.append(
                    (m.path_in, next(e["reason"] for e in entry["errors"] if e.get("code") == "killed"))
                )
            if entry.get("score") is None:
                counts["cases unprocessable (listed with reason)"] += 1
            reported = {e.get("source", "") for e in entry.get("errors") or []}
            expected = (
                m.bad
                + ([] if os.geteuid() == 0 else m.bad_unless_root)
                + (m.bad_without_ocr if args.ocr == "off" else [])
            )
            counts["bad files expected"] += len(expected)
            for b in expected:
                if _covers(reported, b) or "killed" in codes:
                    counts["bad files reported"] += 1
                else:
                    unreported.append((m.path_in, b))
        for f in out.rglob("*"):
            if f.is_file():
                counts["output files"] += 1
                if _leaks_in(f):
                    counts["outputs with outside content"] += 1
                    print(f"{batch}: outside content in {f.relative_to(outs)}", flush=True)
        print(
            f"{batch}: {len(mine)} inputs, {res['seconds']:.0f} s, rc {res['rc']}, peak RSS "
            f"{res['peak_one_kb'] / 1024:.0f} MB (one process), {res['peak_sum_kb'] / 1024:.0f} MB (all)"
            f"{', HUNG' if res['hung'] else ''}",
            flush=True,
        )

    after = tree_digest(dest)
    changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    written_outside = [str(p) for p in cwd.rglob("*")]
    for top in {dest.parent, Path(tempfile.gettempdir()), Path.cwd(), Path("/etc")}:
        written_outside += [str(p) for p in top.glob("*") if any(t in p.name for t in TRAVERSAL_NAMES)]
    counts["inputs changed"] = len([c for c in changed if not c.startswith("outside")])
    counts["outside files changed"] = len([c for c in changed if c.startswith("outside")])
    counts["files written outside --out"] = len(written_outside) + len(changed)

    print()
    print(
        f"inputs                          {len(manifest)} ({counts['inputs run']} run in {counts['batches']} batches)"
    )
    for key in ("cases listed", "entries skipped with a reason", "cases unprocessable (listed with reason)"):
        print(f"{key:32}{counts[key]}")
    print(f"{'inputs not listed at all':32}{len(unlisted)}")
    print(f"{'tracebacks on stderr':32}{counts['tracebacks']}")
    print(f"{'batches hung (over --timeout)':32}{counts['hung batches']}")
    print(f"{'batches without results.json':32}{counts['batches without results.json']}")
    print(f"{'cases killed by case limits':32}{len(killed)}")
    print(
        f"{'peak RSS of one process':32}{peak_kb / 1024:.0f} MB (all processes of a batch: "
        f"{peak_sum_kb / 1024:.0f} MB)"
    )
    print(f"{'inputs changed':32}{counts['inputs changed']}")
    print(f"{'files written outside --out':32}{counts['files written outside --out']}")
    print(
        f"{'outputs with outside content':32}{counts['outputs with outside content']} of {counts['output files']}"
    )
    print(
        f"{'results.json schema-valid':32}{counts['results.json valid']} of {counts['results.json checked']}"
    )
    print(f"{'bad files reported':32}{counts['bad files reported']} of {counts['bad files expected']}")
    print(f"{'wall time':32}{time.time() - t0:.0f} s")
    for path, reason in killed:
        print(f"  killed: {path}: {reason}")
    for path in unlisted[:30]:
        print(f"  not listed: {path!r}")
    for path, name in unreported[:30]:
        print(f"  not reported: {path!r}: {name!r}")
    for batch, tail in tracebacks[:3]:
        print(f"  traceback in {batch}:\n{tail}")
    if written_outside or changed:
        print("  written/changed:", (written_outside + changed)[:20])
    if not args.keep:
        for dirpath, dirnames, _ in os.walk(work):
            for d in dirnames:
                p = Path(dirpath) / d
                if not p.is_symlink():
                    os.chmod(p, 0o755)
        shutil.rmtree(work, ignore_errors=True)
    bad = (
        counts["tracebacks"]
        or counts["hung batches"]
        or counts["batches without results.json"]
        or unlisted
        or counts["inputs changed"]
        or counts["outputs with outside content"]
        or unreported
        or counts["results.json valid"] != counts["results.json checked"]
    )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
