"""Isolated failures are logged with their tracebacks; ``casereview -v`` shows them, the default stays quiet."""

from __future__ import annotations

import logging

import pytest
from click.testing import CliRunner

from casereview import api, log
from casereview.cli import main
from casereview.rules.base import STRICT_ENV
from casereview.rules.registry import rule_by_code

DECISION = """行政处罚决定书
青市监处罚〔2024〕17号
当事人：青山县某某商贸有限公司
本局决定如下：罚款人民币伍仟元整。
青山县市场监督管理局
2024年4月10日
"""


def _raise(self, ctx):
    raise RuntimeError("deliberately broken rule")


@pytest.fixture
def broken_rule(monkeypatch):
    """N01 raises, and the suite's strict mode is off: the review goes on with N01 as manual."""
    monkeypatch.delenv(STRICT_ENV, raising=False)
    monkeypatch.setattr(rule_by_code()["N01"], "check", _raise)


@pytest.fixture
def case(tmp_path):
    folder = tmp_path / "案卷"
    folder.mkdir()
    (folder / "决定书.txt").write_text(DECISION, encoding="utf-8")
    return folder


@pytest.fixture(autouse=True)
def _unconfigured():
    yield
    log.configure(0)  # no handler of one test's CLI run outlives it


def _check(case, *options):
    return CliRunner().invoke(main, [*options, "check", "--ocr", "off", str(case)], catch_exceptions=False)


def test_verbose_shows_a_broken_rules_traceback_on_stderr(broken_rule, case):
    res = _check(case, "-v")
    assert "N01" in res.stdout and "规则执行出错" in res.stdout  # the user's report says it, in Chinese
    assert "Traceback" in res.stderr and "deliberately broken rule" in res.stderr
    assert "ERROR casereview.rules: rule N01 raised on case 案卷" in res.stderr


def test_without_verbose_stderr_stays_clean(broken_rule, case):
    res = _check(case)
    assert "规则执行出错" in res.stdout
    assert "Traceback" not in res.stderr and "casereview.rules" not in res.stderr


def test_a_case_that_cannot_be_processed_is_logged_with_its_traceback(monkeypatch, caplog, case):
    def boom(*args, **kwargs):
        raise MemoryError("simulated")

    api._init_worker("penalty-general", None, ocr=False)
    monkeypatch.setattr(api, "review_case", boom)
    with caplog.at_level(logging.WARNING, logger="casereview"):
        entry = api._work(str(case))
    assert entry["errors"][0]["reason"].startswith("处理失败")
    [record] = [r for r in caplog.records if r.name == "casereview.api"]
    assert str(case) in record.getMessage() and record.exc_info and record.exc_info[0] is MemoryError


def test_configure_replaces_its_handler():
    root = logging.getLogger("casereview")
    before = len(root.handlers)
    log.configure(1)
    log.configure(2)
    assert len(root.handlers) == before + 1 and root.level == logging.DEBUG
    log.configure(0)
    assert len(root.handlers) == before and root.level == logging.NOTSET


def test_the_library_prints_nothing_unless_asked():
    assert any(isinstance(h, logging.NullHandler) for h in logging.getLogger("casereview").handlers)
