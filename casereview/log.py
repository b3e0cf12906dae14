"""Logging of the failures a review survives: a rule that raised, a case that could not be processed.

Each such failure already reaches the user in Chinese (a ``manual`` item, a
case listed with its reason); its traceback goes to the ``casereview.*``
loggers, for whoever wants it. As a library, casereview only logs (a
``NullHandler`` keeps Python from printing anything by default); the CLI's
``--verbose/-v`` shows the records on stderr.

Worker processes of the batch runner keep their records while they read a
case and send them back with its result (``capture`` / ``replay``): they reach
the parent's loggers and handlers as if they had been logged there.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

ROOT = "casereview"

logging.getLogger(ROOT).addHandler(logging.NullHandler())

FORMAT = "%(levelname)s %(name)s: %(message)s"


DEBUG_VERBOSITY = 2  # -vv: debug messages too (-v shows the tracebacks of isolated failures)


def configure(verbosity: int, stream: TextIO | None = None) -> None:
    """The CLI's ``-v``: 0 shows nothing (the failures are already in the output, in Chinese), 1 warnings
    and errors with their tracebacks on stderr, 2 and more debug records too.

    Calling it again replaces the handler it installed before.
    """
    logger = logging.getLogger(ROOT)
    for h in [h for h in logger.handlers if getattr(h, "_casereview_cli", False)]:
        logger.removeHandler(h)
    logger.setLevel(logging.NOTSET)
    if verbosity <= 0:
        return
    handler = logging.StreamHandler(stream) if stream is not None else _Stderr()
    handler.setFormatter(logging.Formatter(FORMAT))
    handler._casereview_cli = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if verbosity >= DEBUG_VERBOSITY else logging.WARNING)


class _Stderr(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is when a record comes (a test runner may swap it)."""

    def __init__(self) -> None:
        logging.Handler.__init__(self)

    @property
    def stream(self) -> TextIO:  # type: ignore[override]
        return sys.stderr


def level() -> int:
    """The level the ``casereview`` loggers record at here (what a worker process should record at)."""
    return logging.getLogger(ROOT).getEffectiveLevel()


class _Keep(logging.Handler):
    """Keeps records, made picklable (message formatted, traceback as text), to send to another process."""

    def __init__(self, level: int) -> None:
        super().__init__(level)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            exc_text = record.exc_text
            if record.exc_info and not exc_text:
                exc_text = logging.Formatter().formatException(record.exc_info)
            plain = {
                k: v if isinstance(v, str | int | float | bool | None) else str(v)
                for k, v in record.__dict__.items()
            }
            plain.update(msg=record.getMessage(), args=None, exc_info=None, exc_text=exc_text)
            self.records.append(logging.makeLogRecord(plain))
        except Exception:  # noqa: BLE001 - logging never breaks a review
            self.handleError(record)


@contextmanager
def capture(at: int) -> Iterator[list[logging.LogRecord]]:
    """Inside a worker process: keep the ``casereview.*`` records of level ``at`` and above, instead of
    handling them here; the list fills as they are logged (send it back with the result)."""
    logger = logging.getLogger(ROOT)
    keep = _Keep(at)
    saved = logger.level, logger.propagate
    logger.addHandler(keep)
    logger.setLevel(at)
    logger.propagate = False
    try:
        yield keep.records
    finally:
        logger.removeHandler(keep)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]


def replay(records: list[logging.LogRecord]) -> None:
    """In the parent: hand records kept by a worker to this process's loggers and handlers."""
    for record in records:
        logger = logging.getLogger(record.name)
        if logger.isEnabledFor(record.levelno):
            logger.handle(record)
