"""The background review queue: cases wait in the database, worker threads review them one by one.

A case is queued by its upload (``Case.status = queued``). Each worker thread
claims the oldest queued case with one conditional UPDATE (so two threads, or
two server processes on one PostgreSQL database, never take the same case),
reviews it with ``casereview.api.review`` in an isolated worker process under
the per-case time and memory limits, and stores the result. The queue lives
in the database: a server stopped mid-review finds the case ``running`` at its
next start and queues it again (``requeue_interrupted``), so no upload is
lost and none is reviewed twice at once.
"""

from __future__ import annotations

import logging
import threading
import traceback
from pathlib import Path

from django.db import close_old_connections, transaction
from django.utils import timezone

from casereview.web.config import Workspace
from casereview.web.models import Case, Status

log = logging.getLogger(__name__)


def requeue_interrupted() -> int:
    """Cases a stopped server left ``running`` go back to the queue; how many."""
    return Case.objects.filter(status=Status.RUNNING).update(status=Status.QUEUED, started_at=None)


def claim() -> Case | None:
    """The oldest queued case, now marked running by this caller; None when the queue is empty."""
    for pk in Case.objects.filter(status=Status.QUEUED).order_by("id").values_list("pk", flat=True)[:5]:
        if Case.objects.filter(pk=pk, status=Status.QUEUED).update(
            status=Status.RUNNING, started_at=timezone.now()
        ):
            return Case.objects.select_related("round").get(pk=pk)
    return None


def case_dir(ws: Workspace, case: Case) -> Path:
    """The one-case batch folder holding the case's files."""
    return ws.cases_dir / case.store


def store_result(case: Case, results: dict) -> None:
    """Keep the review of ``case`` (its results entry and rubric snapshot) and its figures."""
    entries = results.get("cases") or []
    if not entries:
        skipped = results.get("skipped") or []
        reasons = "；".join(f"{Path(s.get('path', '')).name}：{s.get('reason', '')}" for s in skipped)
        case.status = Status.FAILED
        case.error = "上传的内容中没有可评查的案卷文书" + (f"（{reasons}）" if reasons else "")
    else:
        entry = entries[0]
        case.result = entry
        case.rubric = results.get("rubric")
        set_figures(case)
        case.status = Status.DONE
        case.error = "；".join(
            f"{e.get('source') or e.get('document') or ''} {e.get('reason') or e.get('message') or ''}".strip()
            for e in entry.get("errors") or []
        )
    case.finished_at = timezone.now()


def set_figures(case: Case) -> None:
    """Copy score, grade and flags of ``case.result`` into their columns."""
    entry = case.result or {}
    case.score = entry.get("score")
    case.grade = entry.get("grade") or ""
    case.veto = bool(entry.get("veto"))
    case.needs_manual = bool(entry.get("needs_manual_review"))


def review_one(ws: Workspace, case: Case, limits=None, ocr: bool | str = True) -> None:
    """Review ``case`` now and save the outcome: in an isolated process under ``limits`` (a
    ``runner.CaseLimits``; None: 30 minutes and 4 GB), or in this process with ``limits=False``."""
    from casereview.api import review
    from casereview.runner import CaseLimits

    try:
        results = review(
            [case_dir(ws, case)],
            rubric=case.round.rubric,
            period=case.round.period,
            jobs=1,
            limits=CaseLimits(timeout_s=1800, memory_mb=4096) if limits is None else limits,
            ocr=ocr,
        )
        store_result(case, results)
    except Exception as exc:  # noqa: BLE001 - any failure of one case is reported on that case, the queue goes on
        log.error("review of case %s failed:\n%s", case.pk, traceback.format_exc())
        case.status = Status.FAILED
        case.error = f"评查时出错：{exc}"
        case.finished_at = timezone.now()
    with transaction.atomic():
        case.save()
    if case.status == Status.DONE:
        prerender_quietly(ws, case)


def prerender_quietly(ws: Workspace, case: Case) -> None:
    """The evidence pictures drawn ahead (``service.prerender``); a failure only costs a later click time."""
    from casereview.web.service import prerender

    try:
        prerender(ws, case)
    except Exception:  # noqa: BLE001 - the review is saved; pictures are drawn on demand instead
        log.warning("evidence pages of case %s were not drawn ahead:\n%s", case.pk, traceback.format_exc())


class Queue:
    """``threads`` worker threads taking cases from the database until ``stop``."""

    def __init__(
        self, ws: Workspace, threads: int = 1, limits=None, ocr: bool | str = True, poll_s: float = 1.0
    ) -> None:
        self.ws = ws
        self.threads = max(1, threads)
        self.limits = limits
        self.ocr = ocr
        self.poll_s = poll_s
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._workers: list[threading.Thread] = []

    def start(self) -> None:
        requeue_interrupted()
        close_old_connections()
        for i in range(self.threads):
            t = threading.Thread(target=self._loop, name=f"casereview-review-{i}", daemon=True)
            t.start()
            self._workers.append(t)

    def wake(self) -> None:
        """A case was queued: look now instead of at the next poll."""
        self._wake.set()

    def stop(self, timeout: float | None = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        for t in self._workers:
            t.join(timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            close_old_connections()
            try:
                case = claim()
            except (
                Exception
            ):  # isolation point (logged or re-raised): a database hiccup must not end the worker
                log.exception("could not read the review queue")
                case = None
            if case is None:
                self._wake.wait(self.poll_s)
                self._wake.clear()
                continue
            review_one(self.ws, case, self.limits, self.ocr)


_QUEUE: list[Queue] = []


def wake() -> None:
    """Tell the running queue (if this process has one) that a case was queued."""
    for q in _QUEUE:
        q.wake()


def register(queue: Queue) -> None:
    _QUEUE.append(queue)
