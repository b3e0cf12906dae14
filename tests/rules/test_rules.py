"""Every rule against its cases in tests/rules/cases/CODE.yaml (``pytest -k N01`` runs one rule).

The case format (documents, ``params``, ``roster``, ``unread``, ``ocr``) is
described in ``yaml_cases.py``; every file is checked against ``cases.schema.json``.
The suite runs with ``CASEREVIEW_STRICT_RULES=1`` (tests/conftest.py): a rule that raises fails its
cases instead of passing an ``expect: manual`` one.
"""

from __future__ import annotations

import pytest

from casereview.rules.base import INTERNAL_ERROR
from tests.rules.yaml_cases import all_cases, run_case


@pytest.mark.parametrize(
    ("code", "spec"),
    [
        pytest.param(code, case, id=f"{code}-{i}-{case['expect']}-{case['name']}")
        for code, i, case in all_cases()
    ],
)
def test_rule_case(code, spec, tmp_path):
    outcome, _ = run_case(code, spec, tmp_path)
    assert not outcome.message.startswith(INTERNAL_ERROR), f"the rule raised: {outcome.message}"
    assert outcome.status == spec["expect"], f"{outcome.status}: {outcome.message}"
    wanted = spec.get("message_contains") or []
    for text in [wanted] if isinstance(wanted, str) else wanted:
        assert text in outcome.message, outcome.message
    if outcome.status == "fail":
        assert outcome.message, "a fail names the defect"
        assert outcome.evidence, "a fail carries its evidence"
