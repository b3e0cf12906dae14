#!/usr/bin/env python3
"""Write docs/rules.md, the rules reference, from the rule registry and the built-in rubrics.

    python3 scripts/gen_rules_doc.py            # write docs/rules.md
    python3 scripts/gen_rules_doc.py --check    # exit 1 (saying so) when docs/rules.md is not current

Nothing in the reference is written by hand: every rule of ``casereview.rules.registry`` gives its code,
title, kebab-case name, category and structured legal basis, and its docstring under the fixed headings
(检查内容 / 依据 / 不合格示例 / 合格示例 / 不适用情形 — what ``casereview rules CODE`` prints); the
built-in rubrics give each rule's points and veto flag. So a rule changed without running this script
fails ``tests/test_docs.py``. The output depends only on the code (no dates, no machine paths).
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "docs" / "rules.md"
COMMAND = "python3 scripts/gen_rules_doc.py"
DEFAULT_RUBRIC = "penalty-general"
HEADINGS = ("检查内容", "依据", "不合格示例", "合格示例", "不适用情形")
_HEADING = re.compile(rf"^({'|'.join(HEADINGS)})：")
_IDEOGRAPH = re.compile(r"[\u3400-\u9fff]")
# Rubric parameters written in a docstring ({hearing.notice_days}, publicity_working_days): shown as code.
_PARAM = re.compile(r"\{[a-z_.]+\}|\b[a-z]+(?:_[a-z]+)+\b")


SHOWN_DIFF = 60  # diff lines printed when the reference is not current


def _import_casereview() -> None:
    """Read the package beside this script (a checkout, or a copy of one), not another installed one."""
    if str(ROOT) not in sys.path[:1]:
        sys.path.insert(0, str(ROOT))


def parse_doc(doc: str) -> tuple[str, dict[str, str]]:
    """A rule's docstring as (summary line, {heading: text}); a heading's text runs to the next heading.

    Lines wrapped in the source are joined: without a space between Chinese text, with one between words.
    """
    lines = doc.strip().splitlines()
    summary = lines[0].strip() if lines else ""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in lines[1:]:
        line = raw.strip()
        if not line:
            continue
        m = _HEADING.match(line)
        if m:
            current = sections.setdefault(m.group(1), [])
            line = line[m.end() :].strip()
            if not line:
                continue
        elif current is None:  # text between the summary and the first heading: part of the summary
            summary = _join([summary, line])
            continue
        current.append(line)
    return summary, {h: _join(parts) for h, parts in sections.items()}


def _join(parts: list[str]) -> str:
    out = ""
    for part in parts:
        if out and (out[-1].isascii() or (_IDEOGRAPH.match(out[-1]) and re.match(r"[A-Za-z0-9{(]", part))):
            out += " "
        out += part
    return out


def _md(text: str) -> str:
    """Text for Markdown: parameter names as code, characters Markdown would read escaped."""
    pieces, last = [], 0
    for m in _PARAM.finditer(text):
        pieces.append(_escape(text[last : m.start()]))
        pieces.append(f"`{m.group(0)}`")
        last = m.end()
    pieces.append(_escape(text[last:]))
    return "".join(pieces)


def _escape(text: str) -> str:
    return re.sub(r"([\\`*_<|])", r"\\\1", text)


def _bases(bases) -> str:
    """The legal bases as one line, articles of one law together: 《…行政处罚法》第四十二条、第五十五条；…"""
    groups: list[tuple[str, list[str]]] = []
    for b in bases:
        title = f"{b.issuer}《{b.law}》"
        article = b.article + (f"（{b.note}）" if b.note else "")
        if groups and groups[-1][0] == title and article:
            groups[-1][1].append(article)
        else:
            groups.append((title, [article]))
    return "；".join(_escape(title + "、".join(a for a in articles if a)) for title, articles in groups)


def _points(item) -> str:
    if item is None:
        return "（未列入）"
    if not item.enabled:
        return "停用"
    return f"否决（{item.points:g} 分）" if item.veto else f"{item.points:g} 分"


def _value(v) -> str:
    """A rubric parameter as a reader says it: 7 个工作日, 超过 200000, 500."""
    if isinstance(v, dict) and set(v) <= {"days", "unit"} and "days" in v:
        return f"{v['days']} 个工作日" if v.get("unit") == "working" else f"{v['days']} 日"
    if isinstance(v, dict) and set(v) == {"above"}:
        return f"超过 {v['above']}"
    return json.dumps(v, ensure_ascii=False, sort_keys=True, separators=(", ", ": "))


def _flat(params: dict, prefix: str = "") -> dict[str, object]:
    out: dict[str, object] = {}
    for k, v in params.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict) and v and not ({"days", "above"} & set(v)):
            out.update(_flat(v, key + "."))
        else:
            out[key] = v
    return out


def render() -> str:
    """The whole of docs/rules.md."""
    _import_casereview()
    from casereview.rubric import BUILTIN, load_rubric
    from casereview.rules.base import CATEGORIES
    from casereview.rules.registry import all_rules

    rules = all_rules()
    default = load_rubric(DEFAULT_RUBRIC)
    others = [load_rubric(r) for r in BUILTIN if r != DEFAULT_RUBRIC]
    differs = {o.id: {c for c, i in o.items.items() if i != default.items.get(c)} for o in others}

    out = [
        f"<!-- Generated by {COMMAND} from the rule registry (casereview/rules/) and the built-in rubrics.",
        f"     Do not edit by hand: change the rule's class or docstring, then run {COMMAND}. -->",
        "",
        "# 评查项参考",
        "",
        f"casereview 检查的全部 {len(rules)} 个评查项，按类别和代码排列。每一项的说明取自规则类的文档字符串"
        "（与 `casereview rules 代码` 显示的相同），分值取自内置评查标准。新增评查项的步骤见"
        "[adding-a-requirement.md](adding-a-requirement.md)。",
        "",
        f"分值为默认评查标准 `{DEFAULT_RUBRIC}`（{_escape(default.title)}）中的分值；“否决”项不合格时"
        f"案卷评为不合格（`veto_mode: {default.veto_mode}`）。每一项的结论为合格、不合格（附证据）、"
        "不适用或待人工核查。",
        "",
        "## 一览",
        "",
        "| 代码 | 评查项 | 名称 | 类别 | 分值 |",
        "| --- | --- | --- | --- | --- |",
    ]
    for r in rules:
        out.append(
            f"| [{r.code}](#{r.code.lower()}) | {_escape(r.title)} | `{r.name}` | {CATEGORIES[r.category]} | "
            f"{_points(default.items.get(r.code))} |"
        )
    out += ["", "## 内置评查标准", "", "`--rubric` 可选的内置标准，以及它们与默认标准的不同之处：", ""]
    base_params = _flat(default.params)
    for rub in [default, *others]:
        line = f"- `{rub.id}`：{_escape(rub.title)}"
        if rub is default:
            out.append(line + "（默认）。")
            continue
        notes = []
        changed = sorted(differs[rub.id])
        notes.append(
            "分值："
            + (
                "、".join(f"{c} {_points(rub.items[c])}" for c in changed)
                if changed
                else f"与 `{DEFAULT_RUBRIC}` 相同"
            )
        )
        params = _flat(rub.params)
        diff = [f"`{k}` = {_escape(_value(v))}" for k, v in sorted(params.items()) if base_params.get(k) != v]
        if diff:
            notes.append("参数：" + "，".join(diff))
        if rub.veto_mode != default.veto_mode:
            notes.append(f"`veto_mode: {rub.veto_mode}`")
        if rub.grades != default.grades:
            notes.append("等次：" + "，".join(f"{n} ≥ {m:g}" for n, m in rub.grades))
        out.append(line + "。" + "；".join(notes) + "。")

    for letter, category in CATEGORIES.items():
        members = [r for r in rules if r.category == letter]
        if not members:
            continue
        out += ["", f"## {letter} — {category}"]
        for r in members:
            summary, sections = parse_doc(r.doc())
            item = default.items.get(r.code)
            points = _points(item)
            varied = [f"`{o.id}` {_points(o.items.get(r.code))}" for o in others if r.code in differs[o.id]]
            if varied:
                points += "（" + "，".join(varied) + "）"
            out += [
                "",
                f'<a id="{r.code.lower()}"></a>',
                "",
                f"### {r.code} {_escape(r.title)}",
                "",
                f"- 名称：`{r.name}`",
                f"- 类别：{letter} {category}",
                f"- 分值：{points}",
                f"- 法律依据：{_bases(r.legal_basis)}",
                f"- 不合格时：{_md(summary)}",
            ]
            for heading in HEADINGS:
                if heading in sections:
                    out += ["", f"**{heading}**：{_md(sections[heading])}"]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="do not write; exit 1 when the file is not current"
    )
    parser.add_argument("--output", type=Path, default=OUTPUT, help="the file (default: docs/rules.md)")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = args.output.read_text("utf-8") if args.output.exists() else ""
        if current == text:
            return 0
        shown = args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output
        diff = list(
            difflib.unified_diff(
                current.splitlines(), text.splitlines(), str(shown), "generated", lineterm="", n=1
            )
        )
        print(f"{shown} is not current: run `{COMMAND}` and commit the file.", file=sys.stderr)
        print("\n".join(diff[:SHOWN_DIFF]) + ("\n…" if len(diff) > SHOWN_DIFF else ""), file=sys.stderr)
        return 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    if not args.output.exists() or args.output.read_text("utf-8") != text:
        args.output.write_text(text, "utf-8")
        print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
