"""scripts/new_rule.py, run as a maintainer runs it, against a copy of the package in a temporary folder.

The real tree is never written: ``casereview/``, ``schemas/`` (the package's schemas link to it) and
``scripts/`` are copied, and every command runs with that copy as its working directory and first on
``PYTHONPATH``, so the copy's registry, rubric and docs are the ones read and changed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from casereview.rules.registry import all_rules
from tests.rules.yaml_cases import load_case_file

ROOT = Path(__file__).resolve().parents[1]
TITLE = "告知书使用当事人通晓的语言"
NAME = "notice-language-missing"


def _next_code(letter: str) -> str:
    used = [int(r.code[1:]) for r in all_rules() if r.code[0] == letter]
    return f"{letter}{max(used, default=0) + 1:02d}"


CODE = _next_code("N")


def _copy(dest: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for part in ("casereview", "schemas", "scripts"):
        shutil.copytree(ROOT / part, dest / part, symlinks=True, ignore=ignore)
    assert (dest / "casereview" / "schemas" / "rubric.schema.json").exists()
    return dest


def _env(root: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(root), "PYTHONDONTWRITEBYTECODE": "1"}


def _scaffold(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(root / "scripts" / "new_rule.py"), *args],
        cwd=root,
        env=_env(root),
        capture_output=True,
        text=True,
        timeout=300,
    )


def _python(root: Path, code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, env=_env(root), capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink() and "__pycache__" not in p.parts
    }


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory):
    real = _snapshot(ROOT / "casereview" / "rules")
    root = _copy(tmp_path_factory.mktemp("checkout"))
    done = _scaffold(root, CODE, "--category", "N", "--name", NAME, "--title", TITLE)
    assert done.returncode == 0, done.stdout + done.stderr
    assert _snapshot(ROOT / "casereview" / "rules") == real, "the scaffold wrote into the real tree"
    return root, done


def test_the_rule_module_is_created_from_the_template(scaffolded):
    root, done = scaffolded
    module = root / "casereview" / "rules" / "notices" / f"{CODE}.py"
    text = module.read_text("utf-8")
    assert f"class {CODE}(Rule):" in text and f'name = "{NAME}"' in text and f'title = "{TITLE}"' in text
    for heading in ("检查内容：", "依据：", "不合格示例：", "合格示例：", "不适用情形："):
        assert f"    {heading}TODO" in text, heading
    assert f"wrote casereview/rules/notices/{CODE}.py" in done.stdout
    config = ["--config", str(ROOT / "pyproject.toml")]
    for command in (["check", *config], ["format", "--check", *config]):  # as the project's own code
        ruff = subprocess.run(
            [sys.executable, "-m", "ruff", *command, str(module), str(module.parent / "__init__.py")],
            capture_output=True,
            text=True,
        )
        assert ruff.returncode == 0, ruff.stdout + ruff.stderr


def test_the_rule_is_registered_scored_and_left_to_a_person(scaffolded):
    root, _ = scaffolded
    case = root / "case"
    case.mkdir(exist_ok=True)
    (case / "决定书.txt").write_text("行政处罚决定书\n当事人：青山县某某商贸有限公司\n", "utf-8")
    out = json.loads(
        _python(
            root,
            f"""
import json, casereview
from casereview.api import load_case
from casereview.rubric import BUILTIN, load_rubric
from casereview.rules.base import Context
from casereview.rules.registry import all_rules, rule_by_code
rule = rule_by_code()["{CODE}"]
outcome = rule().run(Context(load_case("case")))
print(json.dumps({{
    "package": casereview.__file__, "codes": [r.code for r in all_rules()],
    "attrs": [rule.name, rule.title, rule.category], "doc": rule.doc(),
    "points": {{r: [load_rubric(r).items["{CODE}"].points, load_rubric(r).items["{CODE}"].veto] for r in BUILTIN}},
    "outcome": [outcome.status, outcome.message],
}}, ensure_ascii=False))
""",
        )
    )
    assert Path(out["package"]).is_relative_to(root), "the copy's package was read"
    codes = out["codes"]
    assert CODE in codes and codes.index(CODE) == codes.index(f"N{int(CODE[1:]) - 1:02d}") + 1, (
        "in code order"
    )
    assert out["attrs"] == [NAME, TITLE, "N"]
    assert out["doc"].splitlines()[0].startswith("TODO")
    assert all(points == [1, False] for points in out["points"].values()), out["points"]
    assert out["outcome"][0] == "manual" and "TODO" in out["outcome"][1]
    rubric = (root / "casereview" / "rubric" / "builtin" / "penalty-general.yaml").read_text("utf-8")
    previous = f"N{int(CODE[1:]) - 1:02d}"
    assert re.search(rf"\n  {previous}: .*\n  {CODE}: {{points: 1}}\n", rubric), "after the code before it"
    suggestions = (root / "casereview" / "report" / "rectification.yaml").read_text("utf-8")
    assert re.search(rf"\n{previous}: .*\n{CODE}: TODO", suggestions), "a 整改建议 to write"


def test_the_rule_is_documented(scaffolded):
    root, _ = scaffolded
    reference = (root / "docs" / "rules.md").read_text("utf-8")
    assert f"### {CODE} {TITLE}" in reference and f"`{NAME}`" in reference
    check = subprocess.run(
        [sys.executable, str(root / "scripts" / "gen_rules_doc.py"), "--check"],
        cwd=root,
        env=_env(root),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert check.returncode == 0, check.stderr
    shown = _python(
        root, f"from casereview.cli import main; main(['rules', '{CODE}'], standalone_mode=False)"
    )
    assert shown.startswith(f"{CODE} {TITLE}（{NAME}）") and "检查内容：TODO" in shown


def test_the_case_file_skeleton_follows_the_schema(scaffolded):
    root, _ = scaffolded
    data = load_case_file(root / "tests" / "rules" / "cases" / f"{CODE}.yaml")
    assert data["code"] == CODE
    assert [c["expect"] for c in data["cases"]] == ["pass", "fail", "na", "manual"]


def test_a_veto_item_carries_ten_points(tmp_path):
    root = _copy(tmp_path)
    done = _scaffold(
        root, CODE, "--category", "notices", "--name", NAME, "--title", TITLE, "--veto", "--no-docs"
    )
    assert done.returncode == 0, done.stderr
    rubric = (root / "casereview" / "rubric" / "builtin" / "penalty-general.yaml").read_text("utf-8")
    assert f"  {CODE}: {{points: 10, veto: true}}\n" in rubric
    assert not (root / "docs" / "rules.md").exists()


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    """A copy whose registry lists a retired code, as registry.RETIRED would."""
    root = _copy(tmp_path_factory.mktemp("pristine"))
    registry = root / "casereview" / "rules" / "registry.py"
    registry.write_text(registry.read_text("utf-8") + '\nRETIRED = {"N90": "并入 N02（测试）"}\n', "utf-8")
    return root


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (
            ["N01", "--category", "N", "--name", "notice-new-thing", "--title", TITLE],
            ["code N01 exists", "never reused"],
        ),
        (
            ["N90", "--category", "N", "--name", "notice-new-thing", "--title", TITLE],
            ["code N90 was retired (并入 N02"],
        ),
        (
            ["H90", "--category", "N", "--name", "notice-new-thing", "--title", TITLE],
            ["does not start with the category's letter N"],
        ),
        (
            ["N7", "--category", "N", "--name", "notice-new-thing", "--title", TITLE],
            ["'N7' is not a capital letter"],
        ),
        (
            ["N91", "--category", "Z", "--name", "notice-new-thing", "--title", TITLE],
            ["unknown category 'Z'"],
        ),
        (
            ["N91", "--category", "N", "--name", "Notice_Thing", "--title", TITLE],
            ["'Notice_Thing' is not kebab-case"],
        ),
        (
            ["N91", "--category", "N", "--name", "advance-notice-missing", "--title", "Notice language"],
            ["'advance-notice-missing' is taken by N01", "'Notice language' is not one line of Chinese"],
        ),
    ],
    ids=[
        "existing",
        "retired",
        "wrong-letter",
        "bad-code",
        "unknown-category",
        "bad-name",
        "taken-name-and-title",
    ],
)
def test_refusals_change_nothing(pristine, args, says):
    before = _snapshot(pristine)
    done = _scaffold(pristine, *args)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "nothing changed" in done.stderr
    for text in says:
        assert text in done.stderr
    assert _snapshot(pristine) == before
