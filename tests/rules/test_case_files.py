"""The per-rule case files are checked against cases.schema.json: a misspelt key stops the run, named."""

from __future__ import annotations

import pytest

from tests.rules.yaml_cases import CASES, CaseFileError, load_case_file

GOOD_CASE = """\
  - name: a case
    expect: pass
    documents:
      告知书.txt: |
        行政处罚告知书
"""


def _file(tmp_path, body: str, name: str = "N01"):
    path = tmp_path / f"{name}.yaml"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize("path", sorted(CASES.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_case_file_follows_the_schema(path):
    load_case_file(path)


def test_a_well_formed_file_loads(tmp_path):
    data = load_case_file(_file(tmp_path, "code: N01\ncases:\n" + GOOD_CASE))
    assert data["cases"][0]["expect"] == "pass"


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        ("expcet", "expect"),
        ("mesage_contains", "message_contains"),
        ("parmas", "params"),
        ("unred", "unread"),
    ],
)
def test_a_misspelt_key_is_an_error_naming_the_case_and_the_key(tmp_path, wrong, right):
    body = "code: N01\ncases:\n" + GOOD_CASE + f"    {wrong}: {{}}\n"
    with pytest.raises(CaseFileError) as err:
        load_case_file(_file(tmp_path, body))
    text = str(err.value)
    assert "N01.yaml" in text and "cases[0] (a case)" in text
    assert f"unknown key {wrong!r} (did you mean {right!r}?)" in text


def test_a_misspelt_rubric_parameter_is_an_error(tmp_path):
    body = "code: N01\ncases:\n" + GOOD_CASE + "    params: {hearing: {fine_persn_yuan: 500}}\n"
    with pytest.raises(
        CaseFileError,
        match=r"params -> hearing: unknown key 'fine_persn_yuan' "
        r"\(did you mean 'fine_person_yuan'\?\)",
    ):
        load_case_file(_file(tmp_path, body))


def test_a_key_given_twice_is_an_error(tmp_path):
    path = _file(tmp_path, "code: N01\ncases:\n" + GOOD_CASE + "    expect: fail\n")  # PyYAML keeps the last
    with pytest.raises(CaseFileError, match=r"line 8: key 'expect' given twice \(first on line 4\)"):
        load_case_file(path)


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (
            "code: N01\ncases:\n" + GOOD_CASE.replace("expect: pass", "expect: passed"),
            "'passed' is not one of",
        ),
        (
            "code: N01\ncases:\n" + GOOD_CASE.replace("    expect: pass\n", ""),
            "'expect' is a required property",
        ),
        ("code: N02\ncases:\n" + GOOD_CASE, "not the file's name"),
        ("code: N01\ncase:\n" + GOOD_CASE, "unknown key 'case' (did you mean 'cases'?)"),
        ("code: N01\ncases:\n" + GOOD_CASE + "    unread: {告知书.txt: [0]}\n", "less than the minimum of 1"),
        ("code: N01\ncases:\n" + GOOD_CASE + "    roster: [[张三]]\n", "is too short"),
    ],
)
def test_other_mistakes_are_errors(tmp_path, body, says):
    with pytest.raises(CaseFileError) as err:
        load_case_file(_file(tmp_path, body))
    assert says in str(err.value)
