#!/usr/bin/env python3
"""Scaffold a new requirement: its rule module, its place in the registry and the rubric, its test cases.

    python3 scripts/new_rule.py N07 --category N --name notice-language-missing --title 告知书使用当事人通晓的语言

creates, beside this script (or in ``--root``):

- ``casereview/rules/<category package>/N07.py``: ``class N07(Rule)`` with the docstring headings
  (检查内容 / 依据 / 不合格示例 / 合格示例 / 不适用情形) and a ``check`` that returns ``manual`` — every
  line still to be written is marked TODO;
- the import and the ``RULES`` entry in that package's ``__init__.py`` (the registry reads ``RULES``);
- ``N07: {points: 1}`` in the default rubric ``casereview/rubric/builtin/penalty-general.yaml`` (the other
  built-in rubrics extend it; ``--points``, ``--veto``) and a TODO 整改建议 in ``casereview/report/rectification.yaml``;
- ``tests/rules/cases/N07.yaml`` with a ``pass``, ``fail``, ``na`` and ``manual`` case to fill in;
- ``docs/rules.md`` generated again (``scripts/gen_rules_doc.py``).

It refuses, changing nothing, a code that exists or was retired (``RETIRED`` in the registry, when it has
one), a code whose letter is not the category's, a name that is not kebab-case or is taken, and a title
without Chinese. The steps around it are in docs/adding-a-requirement.md.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CODE_RE = re.compile(r"[A-Z][0-9]{2}")
NAME_RE = re.compile(r"[a-z]+(-[a-z0-9]+)+")  # as tests/rules/test_meta.py requires
DEFAULT_RUBRIC = Path("casereview/rubric/builtin/penalty-general.yaml")
SUGGESTIONS = Path("casereview/report/rectification.yaml")  # 整改建议 on the scoring sheet, one per code

MODULE = '''\
"""{code} — TODO: what the rule checks, in one English line."""

from __future__ import annotations

from casereview.model import Outcome
from casereview.rules.base import Basis, Context, Rule, loc_of


class {code}(Rule):
    """TODO：不合格时的问题，一句话（如“未见行政处罚事先告知书”）

    检查内容：TODO：要求是什么，从案卷中的哪些文书、哪些内容判断；何时为“人工核查”。
    依据：TODO：发文机关《文件标题》或《法律全称》及条、款、项，与 legal_basis 一致。
    不合格示例：TODO：一份不合格的案卷是什么样。
    合格示例：TODO：一份合格的案卷是什么样。
    不适用情形：TODO：何时不适用（applies 返回的原因）；每份案卷都适用时写“无”。
    """

    code = "{code}"
    name = "{name}"
    title = "{title}"
    category = "{letter}"
    # TODO: the real law or document, never an internal name: Basis("中华人民共和国行政处罚法", "第四十四条");
    # a county's policy document by its issuing body: Policy("某县人民政府办公室", "标题").at("第八项").
    legal_basis = (Basis("TODO：法律或文件全称", "TODO：条款"),)

    # TODO: when the requirement does not apply to every case, define
    #     def applies(self, ctx: Context) -> str | None:  (None, or the reason in Chinese)
    # or derive from DecisionRule (needs a penalty decision) or RecordRule (inspection and inquiry records).

    def check(self, ctx: Context) -> Outcome:
        # TODO: decide from the case model (ctx.docs(DocType...), ctx.decision, doc.fields, doc.penalty …), never files.
        # self.passed(evidence=...); self.failed(message naming the defect and the evidence, evidence);
        # something missing: ctx.absent(self, message, evidence, within=[docs]) (manual when unread pages may
        # hold it); a value read off a scan: self.read_surely(ctx, outcome, (doc, value)).
        return self.manual(
            "TODO：本项检查尚未实现，请人工核查",
            [loc_of(d) for d in ctx.case.documents[:1]],
        )
'''

CASES = """\
# {code}: {title}.
# Each case writes its documents as files into a fresh case folder, reads them with the full pipeline and
# runs {code} (tests/rules/yaml_cases.py; keys in tests/rules/cases.schema.json). `pytest -k {code}` runs them.
# TODO: replace every document with text as real files write it, and every message_contains with words the
# rule's message must hold. Keep at least one pass, one fail and one manual case (tests/rules/test_meta.py).
code: {code}
cases:
  - name: TODO a file that meets the requirement
    expect: pass
    documents:
      决定书.txt: |
        行政处罚决定书
        TODO
  - name: TODO a file that breaks it
    expect: fail
    message_contains: TODO
    documents:
      决定书.txt: |
        行政处罚决定书
        TODO
  - name: TODO a file it does not apply to
    expect: na
    documents:
      询问笔录.txt: |
        询问笔录
        TODO
  - name: TODO a file where what is needed could not be read
    expect: manual
    message_contains: TODO
    documents:
      决定书.txt: |
        行政处罚决定书
        TODO
"""


class Refused(Exception):
    """The scaffold cannot go on; nothing was changed."""


def _load_registry(root: Path):
    """(rules, categories, retired codes) of the package under ``root``."""
    sys.path.insert(0, str(root))
    from casereview.rules import registry
    from casereview.rules.base import CATEGORIES

    return registry.all_rules(), CATEGORIES, dict(getattr(registry, "RETIRED", {}) or {})


def _category(value: str, code: str, rules, categories: dict[str, str]) -> tuple[str, str]:
    """(letter, package) of ``--category``: a letter (N), a package (notices) or a category's name (告知)."""
    packages = {r.category: r.__module__.split(".")[2] for r in rules}
    letter = next((k for k, p in packages.items() if value in (p, k)), None) or next(
        (k for k, zh in categories.items() if value in (k, zh)), None
    )
    if letter is None:
        known = "、".join(f"{k}（{packages.get(k, '?')}，{zh}）" for k, zh in categories.items())
        raise Refused(f"unknown category {value!r}; known: {known}")
    if letter not in packages:
        raise Refused(
            f"category {letter} has no package under casereview/rules yet: create one first "
            "(see docs/adding-a-requirement.md)"
        )
    if code[:1] != letter:
        raise Refused(
            f"code {code} does not start with the category's letter {letter}: a rule's code names "
            f"its category (category {letter} codes are {letter}01, {letter}02, …)"
        )
    return letter, packages[letter]


def check_request(root: Path, code: str, category: str, name: str, title: str) -> tuple[str, str]:
    """(letter, package) for the new rule, or ``Refused`` naming every problem."""
    problems = []
    if not CODE_RE.fullmatch(code):
        problems.append(f"code {code!r} is not a capital letter and two digits (N07)")
    if not NAME_RE.fullmatch(name):
        problems.append(
            f"name {name!r} is not kebab-case naming the defect (advance-notice-missing): "
            "lower-case words joined by '-', at least two"
        )
    if not re.search(r"[\u4e00-\u9fff]", title) or "\n" in title or '"' in title or "\\" in title:
        problems.append(
            f"title {title!r} is not one line of Chinese (the requirement as on the scoring sheet)"
        )
    rules, categories, retired = _load_registry(root)
    by_code = {r.code: r for r in rules}
    if code in by_code:
        problems.append(
            f"code {code} exists: {by_code[code].title} ({by_code[code].__module__}); "
            "codes are never reused — pick the next free one"
        )
    if code in retired:
        problems.append(f"code {code} was retired ({retired[code]}); codes are never reused — pick a new one")
    taken = {r.name: r.code for r in rules}
    if name in taken:
        problems.append(f"name {name!r} is taken by {taken[name]}")
    letter = package = ""
    if CODE_RE.fullmatch(code):
        try:
            letter, package = _category(category, code, rules, categories)
        except Refused as exc:
            problems.append(str(exc))
    if not problems:
        for path in (
            root / "casereview" / "rules" / package / f"{code}.py",
            root / "tests" / "rules" / "cases" / f"{code}.yaml",
        ):
            if path.exists():
                problems.append(f"{path.relative_to(root)} exists already")
        for listing in (DEFAULT_RUBRIC, SUGGESTIONS):
            if re.search(rf"^[ \t]*{code}:", (root / listing).read_text("utf-8"), re.MULTILINE):
                problems.append(f"{listing} lists {code} already")
    if problems:
        raise Refused("\n".join(problems))
    return letter, package


def register(init: Path, code: str) -> str:
    """The package's ``__init__.py`` with the rule imported and in ``RULES``, both in code order."""
    text = init.read_text("utf-8")
    imports = list(re.finditer(r"^from (\S+)\.([A-Z][0-9]{2}) import \2\n", text, re.MULTILINE))
    listed = re.search(r"^RULES = \[([^\]]*)\]", text, re.MULTILINE)
    if not imports or not listed:
        raise Refused(
            f"{init} does not import its rules as `from PACKAGE.CODE import CODE` lines with a "
            "`RULES = [...]` list: register the rule there by hand"
        )
    line = f"from {imports[0].group(1)}.{code} import {code}\n"
    after = [m for m in imports if m.group(2) < code]
    at = after[-1].end() if after else imports[0].start()
    text = text[:at] + line + text[at:]
    listed = re.search(r"^RULES = \[([^\]]*)\]", text, re.MULTILINE)
    codes = sorted({c.strip() for c in listed.group(1).split(",") if c.strip()} | {code})
    return text[: listed.start()] + f"RULES = [{', '.join(codes)}]" + text[listed.end() :]


def insert_entry(text: str, code: str, entry: str, where: str) -> str:
    """``text`` (a YAML mapping of codes) with ``CODE: entry`` after the last lower code of its letter,
    else before the first of its letter, else after the last code, indented as the others."""
    items = list(re.finditer(r"^([ \t]*)([A-Z][0-9]{2}): .*\n", text, re.MULTILINE))
    if not items:
        raise Refused(f"{where} has no `CODE: ...` lines to add {code} to")
    same = [m for m in items if m.group(2)[0] == code[0]]
    before = [m for m in same if m.group(2) < code]
    if before:
        at = before[-1].end()
    elif same:  # the lowest code of its letter
        at = same[0].start()
    else:  # a letter no item has yet
        at = items[-1].end()
    return text[:at] + f"{items[0].group(1)}{code}: {entry}\n" + text[at:]


def scaffold(
    root: Path, code: str, category: str, name: str, title: str, points: float = 1, veto: bool = False
) -> list[Path]:
    """Create and register the rule; the paths written, or ``Refused`` with nothing changed."""
    letter, package = check_request(root, code, category, name, title)
    module = root / "casereview" / "rules" / package / f"{code}.py"
    init = module.parent / "__init__.py"
    rubric, suggestions = root / DEFAULT_RUBRIC, root / SUGGESTIONS
    cases = root / "tests" / "rules" / "cases" / f"{code}.yaml"
    entry = f"{{points: {points:g}, veto: true}}" if veto else f"{{points: {points:g}}}"
    # Everything is computed before anything is written, so a refusal leaves the tree as it was.
    writes = {
        module: MODULE.format(code=code, name=name, title=title, letter=letter),
        init: register(init, code),
        rubric: insert_entry(rubric.read_text("utf-8"), code, entry, str(DEFAULT_RUBRIC)),
        suggestions: insert_entry(
            suggestions.read_text("utf-8"),
            code,
            f"TODO：“{title}”不符合时的整改建议（评分表上显示）。",
            str(SUGGESTIONS),
        ),
        cases: CASES.format(code=code, title=title),
    }
    for path, text in writes.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return list(writes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], epilog="Steps before and after: docs/adding-a-requirement.md"
    )
    parser.add_argument("code", help="the new code: the category's letter and the next free number (N07)")
    parser.add_argument(
        "--category", required=True, help="its category: a letter (N), package (notices) or 告知"
    )
    parser.add_argument(
        "--name", required=True, help="kebab-case name of the defect (notice-language-missing)"
    )
    parser.add_argument("--title", required=True, help="the requirement in Chinese, as on the scoring sheet")
    parser.add_argument(
        "--points", type=float, help="points in the default rubric (default 1; a veto item 10)"
    )
    parser.add_argument("--veto", action="store_true", help="a veto item in the default rubric")
    parser.add_argument(
        "--root", type=Path, default=HERE.parent, help="the checkout (default: this script's)"
    )
    parser.add_argument("--no-docs", action="store_true", help="do not regenerate docs/rules.md")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.points is None:
        args.points = 10 if args.veto else 1
    try:
        written = scaffold(root, args.code, args.category, args.name, args.title, args.points, args.veto)
    except Refused as exc:
        print(f"new_rule.py: nothing changed:\n{exc}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path.relative_to(root)}")
    generator = root / "scripts" / "gen_rules_doc.py"
    if not args.no_docs and generator.exists():
        done = subprocess.run([sys.executable, str(generator)], cwd=root)
        if done.returncode:
            print("docs/rules.md was not regenerated (see above)", file=sys.stderr)
            return 1
    print(f"""
Next (docs/adding-a-requirement.md):
  1. write {args.code}'s docstring, legal_basis and check() — every TODO in {written[0].relative_to(root)},
     and its 整改建议 in {SUGGESTIONS};
  2. write the cases in {written[4].relative_to(root)}; python3 -m pytest tests/rules -k {args.code};
  3. add the {args.code} row to ../shared/spec/requirements.md (tests/rules/test_meta.py compares the codes);
  4. set points/veto in the built-in rubrics if not {args.points:g}{" (veto)" if args.veto else ""};
  5. casereview rules {args.code}; python3 scripts/gen_rules_doc.py; python3 -m pytest tests/test_docs.py""")
    return 0


if __name__ == "__main__":
    sys.exit(main())
