"""A rule that raises: a failed test under the suite's strict mode, ``manual`` with a logged traceback otherwise.

``Rule.run`` keeps one broken rule from stopping a review by turning its
exception into ``manual``. That must never let a crashing rule pass its own
``expect: manual`` cases: the suite runs with ``CASEREVIEW_STRICT_RULES=1``
(tests/conftest.py), under which the exception propagates.
"""

from __future__ import annotations

import logging

import pytest

from casereview.model import Case
from casereview.rules.base import INTERNAL_ERROR, STRICT_ENV, Context, Rule, strict_rules
from casereview.rules.registry import rule_by_code
from tests.rules.yaml_cases import all_cases, run_case


class Broken(Rule):
    code = "Z99"
    name = "always-raises"
    title = "测试用"
    category = "A"
    legal_basis = ()

    def check(self, ctx: Context):
        return {}["no such field"]  # the kind of slip a rule makes: a field it expected is not there


def _ctx() -> Context:
    return Context(Case(case_id="测试案卷", path="/nowhere"))


def test_the_suite_runs_rules_strictly():
    assert strict_rules(), f"tests/conftest.py sets {STRICT_ENV}"


def test_a_rule_that_raises_fails_under_strict_mode():
    with pytest.raises(KeyError):
        Broken().run(_ctx())


def test_a_yaml_manual_case_fails_when_its_rule_raises(monkeypatch, tmp_path):
    code, _, spec = next(
        (c, i, s) for c, i, s in all_cases() if s["expect"] == "manual" and not s.get("message_contains")
    )
    monkeypatch.setattr(rule_by_code()[code], "check", Broken.check)
    with pytest.raises(KeyError):
        run_case(code, spec, tmp_path)


def test_outside_strict_mode_a_raising_rule_is_manual_and_its_traceback_logged(monkeypatch, caplog):
    monkeypatch.delenv(STRICT_ENV, raising=False)
    with caplog.at_level(logging.WARNING, logger="casereview"):
        out = Broken().run(_ctx())
    assert out.status == "manual" and out.message.startswith(INTERNAL_ERROR) and "KeyError" in out.message
    [record] = [r for r in caplog.records if r.name == "casereview.rules"]
    assert (
        record.levelno == logging.ERROR and "Z99" in record.getMessage() and "测试案卷" in record.getMessage()
    )
    assert record.exc_info and record.exc_info[0] is KeyError
    assert "no such field" in caplog.text and "Traceback" in caplog.text


@pytest.mark.parametrize("value", ["0", ""])
def test_strict_mode_is_off_when_the_variable_says_so(monkeypatch, value):
    monkeypatch.setenv(STRICT_ENV, value)
    assert not strict_rules()
    assert Broken().run(_ctx()).status == "manual"
