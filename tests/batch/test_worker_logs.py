"""What a worker process logs reaches the parent's loggers, at the parent's level, tracebacks included."""

from __future__ import annotations

import logging

from casereview.runner import CaseLimits, run_isolated


def init() -> None:
    pass


def work(path: str) -> dict:
    """Log a caught failure with its traceback (as api._work does), and a debug line below the parent's level."""
    logger = logging.getLogger("casereview.test_worker")
    logger.debug("not wanted at WARNING")
    try:
        {}["missing"]
    except KeyError:
        logger.warning("case %s could not be processed", path, exc_info=True)
    return {"path": path}


def test_a_workers_records_come_back_with_their_tracebacks(caplog):
    with caplog.at_level(logging.WARNING, logger="casereview"):
        got = dict(
            run_isolated(["/nowhere/a", "/nowhere/b"], work, jobs=1, init=init, limits=CaseLimits(60, None))
        )
    assert sorted(got) == ["/nowhere/a", "/nowhere/b"]
    mine = [r for r in caplog.records if r.name == "casereview.test_worker"]
    assert sorted(r.getMessage() for r in mine) == [
        "case /nowhere/a could not be processed",
        "case /nowhere/b could not be processed",
    ]
    assert all(r.levelno == logging.WARNING and "KeyError: 'missing'" in r.exc_text for r in mine)
    assert "Traceback" in caplog.text and "not wanted" not in caplog.text


def test_at_debug_the_worker_sends_debug_records_too(caplog):
    with caplog.at_level(logging.DEBUG, logger="casereview"):
        dict(run_isolated(["/nowhere/a"], work, jobs=1, init=init, limits=CaseLimits(60, None)))
    assert "not wanted at WARNING" in caplog.text
