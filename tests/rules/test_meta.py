"""Meta-tests over the registry: every code of the spec exists once, documented, with a legal basis and cases;
legal bases cite documents a reviewer can look up (never an internal file name)."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import pytest

from casereview.rules.base import CATEGORIES
from casereview.rules.registry import all_rules, rule_by_code
from tests.rules.yaml_cases import load_case_file

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
    assert len(spec_codes()) == len(set(spec_codes())), "a code is listed twice in requirements.md"


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
    data = load_case_file(path)
    expects = {c["expect"] for c in data["cases"]}
    assert {"pass", "fail", "manual"} <= expects, f"{code} has cases only for {sorted(expects)}"


def test_rule_names_are_unique():
    names = [r.name for r in all_rules()]
    assert len(names) == len(set(names))


def _strings(tree) -> list[str]:
    """Every string literal of a module (messages, f-string parts, docstrings)."""
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


@pytest.mark.parametrize("code", sorted(rule_by_code()))
def test_no_internal_file_name_reaches_users(code):
    """``seed NNN`` names a file of the project's research, not a document a reviewer can look up."""
    rule = rule_by_code()[code]
    texts = [rule.title, rule.doc()] + [f"{b} {b.note}" for b in rule.legal_basis]
    texts += _strings(ast.parse(inspect.getsource(inspect.getmodule(rule))))  # its messages
    for case in load_case_file(CASES / f"{code}.yaml")["cases"]:
        wanted = case.get("message_contains") or []
        texts += [wanted] if isinstance(wanted, str) else wanted
    found = [t for t in texts if re.search(r"seed", t, re.IGNORECASE)]
    assert not found, f"{code} shows users an internal name: {found}"


def _cite_as() -> dict[str, str]:
    """requirements.md's table: seed number -> how a user-facing citation names the document."""
    return dict(re.findall(r"^\| (\d{3}) \| (.+?) \|$", SPEC.read_text("utf-8"), flags=re.MULTILINE))


@pytest.mark.skipif(not SPEC.exists(), reason="../shared/spec/requirements.md is not beside this checkout")
@pytest.mark.parametrize("code", sorted(rule_by_code()))
def test_policy_documents_are_cited_as_the_spec_says(code):
    """A rule cites exactly the county documents its spec row cites (by seed number), by issuer and title."""
    row = re.search(rf"^\| {code} \|.*\| ([^|]*) \|$", SPEC.read_text("utf-8"), flags=re.MULTILINE)
    cite_as = _cite_as()
    assert len(cite_as) == 5 and row
    wanted = {cite_as[n] for n in re.findall(r"seed (\d{3})", row.group(1))}
    rule = rule_by_code()[code]
    cited = {f"{b.issuer}《{b.law}》" for b in rule.legal_basis if b.issuer}
    assert cited == wanted
    for citation in cited:
        assert citation in re.sub(r"\s+", "", rule.doc()), f"{code}'s 依据 does not name {citation}"


@pytest.mark.skipif(not SPEC.exists(), reason="../shared/spec/requirements.md is not beside this checkout")
def test_the_policy_documents_are_the_specs():
    from casereview.rules import base

    policies = {f"{p.issuer}《{p.title}》" for p in vars(base).values() if isinstance(p, base.Policy)}
    assert policies == set(_cite_as().values())


def test_retired_codes_are_never_in_use_and_a_rubric_naming_one_is_told_why(monkeypatch, tmp_path):
    from casereview.rubric import RubricError, load_rubric
    from casereview.rules import registry

    assert not set(registry.RETIRED) & {r.code for r in registry.all_rules()}
    monkeypatch.setitem(registry.RETIRED, "Z98", "并入 Z99（测试）")
    path = tmp_path / "r.yaml"
    path.write_text("id: t\nversion: '1'\nextends: penalty-general\nitems:\n  Z98: {points: 1}\n", "utf-8")
    with pytest.raises(RubricError) as exc:
        load_rubric(path)
    assert any("Z98 已停用：并入 Z99（测试）" in e for e in exc.value.errors)
