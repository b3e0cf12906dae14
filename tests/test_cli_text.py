"""Chinese everywhere the command line speaks: click's own messages, help boilerplate, check on a clean case."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from casereview import cli_text
from casereview.cli import main

ROOT = Path(__file__).resolve().parents[1]
# click's English that must never reach a user of casereview
ENGLISH = re.compile(
    r"Usage:|Options:|Commands:|Error:|Missing|Invalid value|does not exist|is not one of|"
    r"No such|Show this message|Show the version|\[required\]|\[default:|Try '|Got unexpected|"
    r"is not in the range|requires an argument|\b(TEXT|INTEGER|OPTIONS|COMMAND|ARGS)\b"
)
# (CASE, BATCHES..., FILE are casereview's own argument names, as in the documentation)
CJK = re.compile(r"[\u4e00-\u9fff]")


def _click_texts() -> tuple[set[str], set[tuple[str, str]]]:
    """Every literal text click marks with ``_`` or ``ngettext`` in the installed version's source."""
    singles: set[str] = set()
    plurals: set[tuple[str, str]] = set()
    for path in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            args = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if node.func.id == "_" and len(args) == 1:
                singles.add(args[0])
            elif node.func.id == "ngettext" and len(args) == 2:
                plurals.add((args[0], args[1]))
    singles.add("required")  # passed to _ through a variable: extra["required"] = "required"
    return singles, plurals


def test_every_message_of_the_installed_click_is_translated():
    singles, plurals = _click_texts()
    assert len(singles) > 50 and len(plurals) >= 5, "click's source was not read"
    assert sorted(singles - set(cli_text.MESSAGES)) == []
    assert sorted(plurals - set(cli_text.PLURALS)) == []


def _fields(text: str) -> set[str]:
    return {m.group(1) for m in re.finditer(r"\{(\w+)[^}]*\}", text)} | set(re.findall(r"%\((\w+)\)s", text))


def test_translations_use_only_the_fields_click_fills_in():
    for en, zh in cli_text.MESSAGES.items():
        assert _fields(zh) <= _fields(en), (en, zh)
    for (one, many), zh in cli_text.PLURALS.items():
        assert _fields(zh) <= _fields(one) | _fields(many), (one, zh)
        # click fills in both forms' fields for these (len, choices …), except where a field exists only in one
        assert _fields(zh) <= _fields(many), (many, zh)


def test_click_modules_use_the_translation():
    marking = {
        p.stem
        for p in Path(click.__file__).parent.glob("*.py")
        if "from gettext import" in p.read_text("utf-8")
    }
    assert marking <= set(cli_text.GETTEXT_MODULES), "a click module marks texts but is not translated"
    for mod in cli_text.click_modules():
        if hasattr(mod, "_"):
            assert mod._ is cli_text.gettext, mod.__name__
        if hasattr(mod, "ngettext"):
            assert mod.ngettext is cli_text.ngettext, mod.__name__


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--help"],
        ["check", "--help"],
        ["score", "--help"],
        ["compile", "--help"],
        ["rubric", "--help"],
        ["rubric", "validate", "--help"],
        ["score"],  # missing argument
        ["score", "/nonexistent/batch", "--out", "out"],  # path does not exist
        ["score", "samples/cases", "--out", "out", "--jobs", "0"],  # out of range
        ["check", "--format", "xml", "samples/cases/qs-shijian-2024-017"],  # not a choice
        ["check", "--bogus"],  # no such option
        ["chek"],  # no such command, with a suggestion
        ["rubric", "validate"],  # missing argument of a sub-group's command
        ["rubric", "validate", "samples"],  # a directory where a file is needed
        ["rules", "N01", "extra"],  # unexpected extra argument
        ["score", "samples/cases"],  # missing option --out
        ["--version"],
    ],
)
def test_click_speaks_chinese(args, monkeypatch):
    monkeypatch.chdir(ROOT)
    res = CliRunner().invoke(main, args, prog_name="casereview")
    out = res.output
    assert out.strip(), args
    assert not ENGLISH.search(out), f"{args}: English left:\n{out}"
    assert CJK.search(out), out
    if args and args[0] != "--version" and "--help" not in args:
        assert res.exit_code == 2, (args, res.exit_code, out)
        assert "错误：" in out and "查看帮助" in out


def test_help_names_the_types_in_chinese_and_aligns_them():
    out = CliRunner().invoke(main, ["score", "--help"], terminal_width=80, prog_name="casereview").output
    assert (
        "--out 目录" in out
        and "[必填]" in out
        and "[默认：penalty-general]" in out
        and "--jobs 整数范围" in out
    )
    assert "用法：casereview score [选项] BATCHES..." in out and "选项：" in out
    starts = {
        cli_text.display_width(line[: line.index(text)])
        for line in out.splitlines()
        for text in ("输出目录：", "并行进程数", "评查期间，")
        if text in line
    }
    assert len(starts) == 1, "the descriptions start in one column, Chinese metavars counted two columns wide"
    for line in out.splitlines():
        assert cli_text.display_width(line) <= 81, line  # one column of leeway: closing punctuation stays


def test_wrap_keeps_punctuation_and_notes_together():
    lines = cli_text.wrap(
        "输出目录：results.json、每卷评分表（sheets/）、汇总表 summary.xlsx 和 report.html。 [必填]", 30
    )
    assert all(cli_text.display_width(line) <= 31 for line in lines), lines
    assert not any(line[0] in "，。、）" for line in lines) and not any(line.endswith("（") for line in lines)
    assert "[必填]" in lines[-1]


def test_missing_argument_ends_with_a_chinese_full_stop():
    out = CliRunner().invoke(main, ["score"], prog_name="casereview").output
    assert "错误：缺少参数 'BATCHES...'。" in out


def test_check_on_a_clean_case_says_nothing_was_found(monkeypatch):
    """A clean sample (samples/truth: breaks 0) prints the no-findings line, then the score."""
    monkeypatch.chdir(ROOT)
    res = CliRunner().invoke(main, ["check", "samples/cases/qs-shijian-2024-017", "--ocr", "off"])
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert lines[0] == "未发现不符合或待人工核查的项目"
    assert lines[-1].startswith("得分 ") and "等次" in lines[-1]


def test_check_lines_and_no_findings_line():
    from casereview.report.text import NO_FINDINGS, check_report

    clean = {"checks": [{"code": "N01", "status": "pass"}, {"code": "H01", "status": "na"}], "documents": []}
    assert check_report(clean) == [NO_FINDINGS]
    dirty = {
        "checks": [
            {
                "code": "N03",
                "status": "fail",
                "points_deducted": 3,
                "message": "未载明\x1b[31m拟处罚",
                "evidence": [{"document": "告知书\x07.pdf", "page": 1}],
            }
        ],
        "documents": [],
    }
    assert check_report(dirty) == ["N03 扣3分 未载明[31m拟处罚  告知书\\x07.pdf 第1页"]
