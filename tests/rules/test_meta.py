"""Meta-tests over the registry: every code of the spec exists once, documented, with a legal basis and cases."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from casereview.rules.base import CATEGORIES
from casereview.rules.registry import all_rules, rule_by_code

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT.parent / "shared" / "spec" / "requirements.md"
CASES = Path(__file__).parent / "cases"
HEADINGS = ("检查内容", "依据", "不合格示例", "合格示例", "不适用情形")


def spec_codes() -> list[str]:
    text = SPEC.read_text("utf-8")
    return re.findall(r"^\| ([A-Z]\d{2}) \|", text, flags=re.MULTILINE)


@pytest.mark.skipif(not SPEC.exists(), reason="../shared/spec/requirements.md is not beside this checkout")
def test_every_spec_code_has_exactly_one_rule():
    codes = [r.code for r in all_rules()]
    assert len(codes) == len(set(codes))
    assert sorted(codes) == sorted(spec_codes())
    assert len(codes) == 49


@pytest.mark.parametrize("code", sorted(rule_by_code()))
def test_rule_is_documented(code):
    rule = rule_by_code()[code]
    assert rule.code == code and rule.__name__ == code
    assert rule.category == code[0] and rule.category in CATEGORIES
    assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)+", rule.name), rule.name
    assert rule.title and re.search(r"[\u4e00-\u9fff]", rule.title)
    assert rule.legal_basis and all(b.law for b in rule.legal_basis)
    doc = rule.doc()
    for heading in HEADINGS:
        assert heading in doc, f"{code} docstring lacks {heading}"


@pytest.mark.parametrize("code", sorted(rule_by_code()))
def test_rule_has_cases_for_each_outcome(code):
    path = CASES / f"{code}.yaml"
    assert path.exists(), f"tests/rules/cases/{code}.yaml is missing"
    data = yaml.safe_load(path.read_text("utf-8"))
    assert data["code"] == code
    expects = {c["expect"] for c in data["cases"]}
    assert {"pass", "fail", "manual"} <= expects, f"{code} has cases only for {sorted(expects)}"


def test_rule_names_are_unique():
    names = [r.name for r in all_rules()]
    assert len(names) == len(set(names))
