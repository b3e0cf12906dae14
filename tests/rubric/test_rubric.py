"""Rubric files: built-ins, extends, validation errors with paths, the CLI validate command."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from casereview.cli import main
from casereview.rubric import BUILTIN, RubricError, load_rubric
from casereview.rules.registry import all_rules


@pytest.mark.parametrize("rubric_id", BUILTIN)
def test_builtin_rubrics_load_with_every_code(rubric_id):
    r = load_rubric(rubric_id)
    assert set(r.items) == {rule.code for rule in all_rules()}
    assert len(r.sha256) == 64


def test_general_rubric_matches_requirements():
    r = load_rubric("penalty-general")
    assert r.veto_mode == "zero" and r.grades[0] == ("优秀", 90.0) and r.grades[1] == ("合格", 60.0)
    vetoes = {c for c, i in r.items.items() if i.veto}
    assert vetoes == {"S01", "S03", "E01", "N01", "N02", "N04", "N05", "H01", "L01", "D03", "T03", "T05"}
    assert r.items["T01"].points == 5 and r.items["A01"].points == 1 and r.items["N03"].points == 3
    assert r.params["hearing"]["fine_person_yuan"] == 10000 and r.params["case_days"] == 90


def test_profiles_override_only_what_differs():
    base = load_rubric("penalty-general")
    sd = load_rubric("shandong-county")
    assert sd.params["hearing"]["fine_person_yuan"] == 500 and sd.params["hearing"]["fine_org_yuan"] == 20000
    assert sd.params["case_days"] == base.params["case_days"] and sd.items == base.items
    assert load_rubric("market-regulation").params["notice_wait_days"] == {"days": 5, "unit": "working"}
    assert load_rubric("ecology-environment").params["hearing"]["fine_org_yuan"] == {"above": 200000}
    assert sd.sha256 != base.sha256


def test_user_rubric_extends_builtin(tmp_path):
    p = tmp_path / "county.yaml"
    p.write_text(
        "id: county-x\nversion: 2\nextends: penalty-general\nveto_mode: cap\n"
        "grades: [{name: 优秀, min: 90}, {name: 良好, min: 80}, {name: 合格, min: 60}, {name: 不合格, min: 0}]\n"
        "items:\n  A01: {enabled: false}\n  T01: {points: 8}\n",
        encoding="utf-8",
    )
    r = load_rubric(p)
    assert r.veto_mode == "cap" and [g for g, _ in r.grades] == ["优秀", "良好", "合格", "不合格"]
    assert not r.items["A01"].enabled and r.items["T01"].points == 8 and r.items["N01"].veto


def test_unknown_code_and_wrong_types_are_errors_with_paths(tmp_path):
    p = tmp_path / "bad.json"
    p.write_text(
        json.dumps(
            {
                "id": "bad",
                "version": "1",
                "extends": "penalty-general",
                "veto_mode": "sometimes",
                "items": {"T01": {"points": "five"}, "Z99": {"points": 1}},
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(RubricError) as exc:
        load_rubric(p)
    text = "\n".join(exc.value.errors)
    assert "veto_mode" in text and "items/T01/points" in text


def test_unknown_code_alone_is_reported(tmp_path):
    p = tmp_path / "bad.yaml"
    p.write_text(
        "id: bad\nversion: 1\nextends: penalty-general\nitems:\n  Z99: {points: 1}\n", encoding="utf-8"
    )
    with pytest.raises(RubricError) as exc:
        load_rubric(p)
    assert any("Z99" in e and "未知" in e for e in exc.value.errors)


def test_extends_cycle_is_reported(tmp_path):
    (tmp_path / "a.yaml").write_text("id: a\nversion: 1\nextends: b.yaml\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("id: b\nversion: 1\nextends: a.yaml\n", encoding="utf-8")
    with pytest.raises(RubricError) as exc:
        load_rubric(tmp_path / "a.yaml")
    assert "循环" in "".join(exc.value.errors)


def test_validate_command(tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text("id: good\nversion: 1\nextends: shandong-county\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["rubric", "validate", str(good)])
    assert res.exit_code == 0 and "评查标准有效" in res.output
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "id: Bad Id\nversion: 1\nextends: penalty-general\nitems:\n  Z99: {points: -1}\n", encoding="utf-8"
    )
    res = CliRunner().invoke(main, ["rubric", "validate", str(bad)])
    assert res.exit_code == 1
    assert "id" in res.output and "Z99" in res.output
