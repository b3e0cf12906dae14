"""Rubric errors in Chinese, each with the key's path and its line in the file (never jsonschema's English)."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from casereview.cli import main
from casereview.rubric import RubricError, key_lines, load_rubric

ENGLISH = re.compile(
    r"is not of type|is a required property|Additional properties|is not one of|does not match|"
    r"is not valid under|is less than|is greater than|was unexpected|expected|found|while"
)


def _errors(tmp_path, name: str, text: str) -> list[str]:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    with pytest.raises(RubricError) as exc:
        load_rubric(p)
    errors = exc.value.errors
    for e in errors:
        assert not ENGLISH.search(e), f"English left in {e!r}"
        assert re.search(r"[\u4e00-\u9fff]", e), e
    return errors


def _one(errors: list[str], path: str) -> str:
    found = [e for e in errors if e.startswith(path + "（") or e.startswith(path + "：")]
    assert len(found) == 1, (path, errors)
    return found[0]


RUBRIC = """\
id: county-x
version: 2
extends: penalty-general
veto_mode: cap
items:
  T01:
    ponits: 5
  A01: {points: three}
  Z99: {points: 1}
grades:
  - {name: 优秀, min: 90}
  - {name: 合格}
"""


def test_each_error_kind_in_chinese_with_path_and_line(tmp_path):
    errors = _errors(tmp_path, "county.yaml", RUBRIC)
    misspelt = _one(errors, "items/T01/ponits")
    assert "（第 7 行）" in misspelt and "不允许的键“ponits”" in misspelt and "是否应为“points”" in misspelt
    wrong_type = _one(errors, "items/A01/points")
    assert "（第 8 行）" in wrong_type and "应为数字，实际为文本“three”" in wrong_type
    unknown = _one(errors, "items/Z99")
    assert "（第 9 行）" in unknown and "未知的评查项代码 Z99" in unknown
    missing = _one(errors, "grades/1")
    assert "（第 12 行）" in missing and "缺少必填的键“min”" in missing
    lines = [int(re.search(r"第 (\d+) 行", e).group(1)) for e in errors]
    assert lines == sorted(lines), "in file order"


def test_missing_required_key_at_the_top(tmp_path):
    errors = _errors(tmp_path, "bare.yaml", "id: bare\nitems: {}\n")
    assert "缺少必填的键“version”" in _one(errors, "（根）")


def test_enum_pattern_range_and_alternatives(tmp_path):
    text = (
        "id: Bad Id\nversion: 1\nveto_mode: sometimes\nparams:\n  case_days: ninety\n  hearing:\n"
        "    fine_org_yuan: {abov: 5}\nitems:\n  t01: {points: 1}\n  N01: {points: 200}\n"
    )
    errors = _errors(tmp_path, "many.yaml", text)
    assert "第 1 行" in _one(errors, "id") and "小写字母" in _one(errors, "id")
    assert "可选：zero、grade、cap" in _one(errors, "veto_mode")
    assert "应为整数、对象（键: 值）或列表" in _one(errors, "params/case_days")
    assert "是否应为“above”" in _one(errors, "params/hearing/fine_org_yuan/abov")
    assert "评查项代码“t01”格式不对" in _one(errors, "items/t01")
    assert "大于最大值 100" in _one(errors, "items/N01/points")


def test_json_rubric_has_line_numbers_too(tmp_path):
    text = json.dumps(
        {"id": "x", "version": "1", "extends": "penalty-general", "items": {"T01": {"ponits": 3}}}, indent=2
    )
    errors = _errors(tmp_path, "x.json", text)
    assert "（第 7 行）" in _one(errors, "items/T01/ponits")


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("tab.yaml", "id: x\nversion: 1\nitems:\n\tT01: 1\n", "第 4 行第 1 列：不能用制表符"),
        ("colon.yaml", "id: x\ntitle: a: b\n", "第 2 行"),
        ("comma.json", '{"id": "x", "version": 1,}\n', "第 1 行第 26 列"),
    ],
)
def test_syntax_errors_in_chinese_with_line_and_column(tmp_path, name, text, expected):
    errors = _errors(tmp_path, name, text)
    assert len(errors) == 1 and expected in errors[0], errors


def test_not_utf8(tmp_path):
    p = tmp_path / "gbk.yaml"
    p.write_bytes("id: x\ntitle: 县级评查\n".encode("gbk"))
    with pytest.raises(RubricError) as exc:
        load_rubric(p)
    assert "不是 UTF-8 编码" in exc.value.errors[0]


def test_key_lines():
    lines = key_lines("a: 1\nb:\n  c: [1,\n    2]\n  d:\n    - x\n    - y\n")
    assert lines[("a",)] == 1 and lines[("b", "c")] == 3 and lines[("b", "c", "1")] == 4
    assert lines[("b", "d", "1")] == 7
    assert key_lines("a: [") == {}


def test_validate_command_prints_chinese_with_lines(tmp_path):
    p = tmp_path / "county.yaml"
    p.write_text(RUBRIC, encoding="utf-8")
    res = CliRunner().invoke(main, ["rubric", "validate", str(p)])
    assert res.exit_code == 1
    assert "items/T01/ponits（第 7 行）：不允许的键“ponits”" in res.output
    assert not ENGLISH.search(res.output), res.output
