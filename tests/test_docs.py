"""The generated rules reference (docs/rules.md) is current, complete and free of scaffold placeholders;
the "Adding a requirement" guide is linked from the README and names files that exist."""

from __future__ import annotations

import difflib
import importlib.util
import re
from pathlib import Path

import pytest

from casereview.report.sheet import suggestions
from casereview.rules.registry import all_rules

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "docs" / "rules.md"
GUIDE = ROOT / "docs" / "adding-a-requirement.md"


def _generator():
    spec = importlib.util.spec_from_file_location("gen_rules_doc", ROOT / "scripts" / "gen_rules_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gen():
    return _generator()


@pytest.fixture(scope="module")
def generated(gen) -> str:
    return gen.render()


def test_the_rules_reference_is_current(generated):
    current = REFERENCE.read_text("utf-8") if REFERENCE.exists() else ""
    if current != generated:
        diff = "\n".join(
            list(
                difflib.unified_diff(
                    current.splitlines(),
                    generated.splitlines(),
                    "docs/rules.md",
                    "generated",
                    lineterm="",
                    n=0,
                )
            )[:30]
        )
        pytest.fail(
            "docs/rules.md is not what the rule registry and the rubrics give now: run "
            f"`python3 scripts/gen_rules_doc.py` and commit docs/rules.md\n{diff}"
        )


def test_every_rule_is_in_the_reference_with_its_sections(generated, gen):
    for rule in all_rules():
        block = generated.split(f"### {rule.code} ", 1)[1].split("\n### ", 1)[0]
        assert block.startswith(gen._escape(rule.title)), rule.code
        assert f"`{rule.name}`" in block
        for heading in gen.HEADINGS:
            assert f"**{heading}**：" in block, f"{rule.code} lacks {heading}"
        assert f"](#{rule.code.lower()})" in generated and f'<a id="{rule.code.lower()}"></a>' in generated


def test_check_says_which_command_to_run(gen, tmp_path, capsys):
    stale = tmp_path / "rules.md"
    stale.write_text("# an old reference\n", "utf-8")
    assert gen.main(["--check", "--output", str(stale)]) == 1
    assert "run `python3 scripts/gen_rules_doc.py`" in capsys.readouterr().err
    assert stale.read_text("utf-8") == "# an old reference\n", "--check never writes"
    assert gen.main(["--output", str(stale)]) == 0
    assert gen.main(["--check", "--output", str(stale)]) == 0


def test_docstrings_are_split_at_their_headings(gen):
    summary, sections = gen.parse_doc(
        """缺少某文书

    检查内容：第一行
    接着一行，and
    some words.
    依据：《中华人民共和国行政处罚法》第四十四条。
    不适用情形：无。
    """.replace("\n    ", "\n")
    )
    assert summary == "缺少某文书"
    assert sections == {
        "检查内容": "第一行接着一行，and some words.",
        "依据": "《中华人民共和国行政处罚法》第四十四条。",
        "不适用情形": "无。",
    }


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_no_rule_ships_with_scaffold_placeholders(rule):
    """scripts/new_rule.py marks everything left to write TODO; a rule reaches users only without them."""
    import inspect

    texts = {
        "title": rule.title,
        "docstring": rule.doc(),
        "legal_basis": "；".join(map(str, rule.legal_basis)),
        "module": inspect.getsource(inspect.getmodule(rule)),
    }
    texts["整改建议 (casereview/report/rectification.yaml)"] = suggestions().get(rule.code, "")
    left = [where for where, text in texts.items() if "TODO" in text]
    assert not left, f"{rule.code} still has TODO in its {', '.join(left)} (see docs/adding-a-requirement.md)"


def test_the_guide_is_linked_from_the_readme():
    assert "docs/adding-a-requirement.md" in (ROOT / "README.md").read_text("utf-8")


def test_the_guide_names_files_that_exist():
    """Paths the guide shows (`casereview/rules/base.py`) exist, so the guide follows the code when it moves."""
    text = GUIDE.read_text("utf-8")
    paths = set(re.findall(r"`((?:casereview|tests|scripts|docs|schemas)/[\w./-]+)`", text))
    assert paths, "the guide names no files"
    missing = sorted(p for p in paths if "CODE" not in p and not (ROOT / p).exists())
    assert not missing, f"docs/adding-a-requirement.md names files that do not exist: {missing}"
