"""The local batch runner: each case in a worker process under a wall-time and memory limit.

A hostile or huge case file can hang a parser (a PDF whose objects refer to
each other in a cycle) or take gigabytes (a decompression bomb). Parsers cap
what they can, but the last line of defence is here: every case runs in a
worker process that the parent watches; a case over its time or memory budget
is killed with its worker (and the worker's children, e.g. LibreOffice),
reported with its reason, and a fresh worker takes the next case. The batch
always finishes.

What a worker logs (``casereview.*`` loggers, at the parent's level) is sent
back with each result and handled by the parent's loggers (``casereview.log``).

This module only runs functions on paths; what a case's result is and what a
killed case's entry looks like are the caller's (``casereview.api``).
On a cluster, an existing engine's executor (Dask, Ray …) is used instead and
its own per-worker limits apply.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import signal
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait

from casereview import log
from casereview.children import die_with_parent

POLL_S = 0.2  # how often busy workers' clocks and memory are read


@dataclass(frozen=True, slots=True)
class CaseLimits:
    """What one case may take; ``None`` means unlimited."""

    timeout_s: float | None = 900.0  # wall time of one case (OCR of a long scanned file takes minutes)
    memory_mb: int | None = 4096  # resident memory of the worker reading it, children included


DEFAULT_CASE_LIMITS = CaseLimits()


@dataclass(slots=True)
class Killed:
    """A case whose worker was stopped: ``reason`` says why, in the user's words."""

    path: str
    reason: str


def _context():
    """forkserver where there is one: workers start from a clean process (no threads, no OCR sessions
    inherited from the caller, which a plain fork would copy in a broken state)."""
    methods = mp.get_all_start_methods()
    return mp.get_context("forkserver" if "forkserver" in methods else "spawn")


def _worker_main(
    conn: Connection, init: Callable, init_args: tuple, work: Callable, log_level: int = logging.WARNING
) -> None:
    """A worker: its own process group (so it is killed with its children), dies with its parent.

    Records of ``log_level`` and above logged while a case is read go back to the parent with its result.
    """
    try:
        os.setpgrp()
    except OSError:
        pass
    die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides; Ctrl-C reaches it alone
    init(*init_args)
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return
        if path is None:
            return
        with log.capture(log_level) as records:
            result = work(path)
        conn.send((path, result, _peak_mb(), records))  # records are plain (casereview.log): they pickle


def _peak_mb() -> float:
    """This process's peak resident memory so far, in MB (Linux reports kB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


LAST_RUN: dict = {"peak_worker_mb": 0.0}  # figures of the latest run_isolated in this process (benchmarks)


def rss_mb(pid: int) -> float | None:
    """Resident memory of a process group led by ``pid`` (the worker and its children), in MB.

    Read from /proc; ``None`` where there is no /proc (then only the time limit applies).
    """
    total = 0
    found = False
    try:
        entries = os.listdir("/proc")
    except OSError:
        return None
    page = os.sysconf("SC_PAGE_SIZE")
    for name in entries:
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as fh:
                stat = fh.read()
            pgrp = int(stat[stat.rindex(b")") + 2 :].split()[2])
            if pgrp != pid:
                continue
            with open(f"/proc/{name}/statm", "rb") as fh:
                total += int(fh.read().split()[1]) * page
            found = True
        except (OSError, ValueError, IndexError):
            continue
    return total / 1e6 if found else None


class _Worker:
    def __init__(self, ctx, init, init_args, work) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(
            target=_worker_main, args=(child, init, init_args, work, log.level()), daemon=True
        )
        self.proc.start()
        child.close()
        self.path: str | None = None
        self.started = 0.0

    def give(self, path: str) -> None:
        self.path, self.started = path, time.monotonic()
        self.conn.send(path)

    def kill(self) -> None:
        pid = self.proc.pid
        for target in (lambda: os.killpg(pid, signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
            try:
                target()
                break
            except (ProcessLookupError, PermissionError, OSError):
                continue
        self.proc.join(5)
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except (OSError, BrokenPipeError):
            pass
        self.proc.join(2)
        if self.proc.is_alive():
            self.kill()


def run_isolated(  # noqa: C901 - process-pool supervision (timeouts, crashes, signals) in one place
    paths: Iterable[str],
    work: Callable[[str], dict],
    *,
    jobs: int,
    init: Callable,
    init_args: tuple = (),
    limits: CaseLimits = DEFAULT_CASE_LIMITS,
):
    """Yield ``(path, result)`` as cases finish; a case killed for a limit or a dead worker yields a ``Killed``.

    ``work`` and ``init`` must be importable module-level functions (they are sent to fresh processes).
    Workers are stopped on return, on an exception and on SIGTERM/SIGINT to the caller.
    """
    ctx = _context()
    LAST_RUN["peak_worker_mb"] = 0.0
    todo = list(paths)[::-1]
    workers: list[_Worker] = []
    jobs = max(1, min(jobs, len(todo)))

    def spawn() -> _Worker:
        return _Worker(ctx, init, init_args, work)

    previous = signal.getsignal(signal.SIGTERM)
    if previous is not None and previous is not signal.SIG_IGN:

        def on_term(_signum, _frame):  # kill the workers' groups, then behave as before
            for w in workers:
                w.kill()
            signal.signal(signal.SIGTERM, previous)
            os.kill(os.getpid(), signal.SIGTERM)

        try:
            signal.signal(signal.SIGTERM, on_term)
        except ValueError:  # not the main thread: the workers still die with this process (Linux)
            previous = None
    finished = False
    try:
        workers.extend(spawn() for _ in range(jobs))
        for w in workers:
            if todo:
                w.give(todo.pop())
        while any(w.path for w in workers):
            ready = wait([w.conn for w in workers if w.path], timeout=POLL_S)
            for w in list(workers):
                if w.path is None:
                    continue
                if w.conn in ready:
                    try:
                        path, result, peak, records = w.conn.recv()
                        LAST_RUN["peak_worker_mb"] = max(LAST_RUN["peak_worker_mb"], peak)
                        log.replay(records)
                    except (EOFError, OSError):
                        code = w.proc.exitcode
                        yield w.path, Killed(w.path, _died(code))
                        _replace(workers, w, spawn)
                        continue
                    yield path, result
                    w.path = None
                else:
                    why = _over_limit(w, limits)
                    if why is None:
                        continue
                    yield w.path, Killed(w.path, why)
                    _replace(workers, w, spawn)
                    continue
                if todo:
                    w.give(todo.pop())
            for w in workers:
                if w.path is None and todo:
                    w.give(todo.pop())
        finished = True
    finally:
        for w in workers:
            w.stop() if finished else w.kill()  # interrupted: no case is waited for
        if previous is not None and previous is not signal.SIG_IGN:
            try:
                signal.signal(signal.SIGTERM, previous)
            except ValueError:
                pass


def _replace(workers: list[_Worker], old: _Worker, spawn) -> None:
    old.kill()
    old.path = None
    workers[workers.index(old)] = spawn()


def _over_limit(w: _Worker, limits: CaseLimits) -> str | None:
    elapsed = time.monotonic() - w.started
    if limits.timeout_s is not None and elapsed > limits.timeout_s:
        return f"处理超时：超过每卷 {limits.timeout_s:g} 秒的时限，已中止（可用 --case-timeout 调整）"
    if limits.memory_mb is not None:
        used = rss_mb(w.proc.pid)
        if used is not None and used > limits.memory_mb:
            return (
                f"内存超限：读取时占用约 {used:.0f} MB，超过每卷 {limits.memory_mb} MB 的上限，已中止"
                f"（可用 --case-memory 调整）"
            )
    if not w.proc.is_alive():
        return _died(w.proc.exitcode)
    return None


def _died(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = str(-code)
        return f"处理进程异常终止（信号 {name}），可能是文件损坏或内存不足"
    return f"处理进程异常退出（退出码 {code}）"
