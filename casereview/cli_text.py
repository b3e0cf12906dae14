"""Click's own messages in Chinese: errors, usage, help boilerplate, type names.

The one place where the command line's built-in English is translated. Only
the CLI imports it, before any command is declared (``import
casereview.cli_text`` at the top of cli.py): importing it installs the
translation, because ``click.Path`` translates its kind — 文件, 目录, 路径 —
when it is created.

How: click marks its texts with gettext (``from gettext import gettext as _``
and ``ngettext`` in each of its modules) and formats them after translating.
``install()`` rebinds those two module-level names in click's modules to
look-ups in ``MESSAGES`` and ``PLURALS`` below; a text missing from them
(a newer click) falls back to click's English, and tests/test_cli_text.py,
which lists every marked text of the installed click from its source, fails
until it is added here. GNU gettext catalogs are not used: click calls the
process-wide default domain ("messages"), so binding a .mo file to it would
translate every other library's gettext calls as well, and .mo files need a
build step.

What click writes without gettext is handled here too, each in one small
documented piece: section headings end in an ASCII colon, the usage line
carries ``[OPTIONS]`` / ``COMMAND [ARGS]...``, and help text is wrapped and
aligned counting one column per character, where a Chinese character takes
two (``ZhHelpFormatter``, set as ``click.Context.formatter_class``); option
metavars come from English type names such as TEXT or INTEGER RANGE
(``TYPE_NAMES``); a missing parameter's message ends in an ASCII period
(``_missing_message``).
"""

from __future__ import annotations

import functools
import importlib
import re
import unicodedata

import click
from click.exceptions import MissingParameter

MESSAGES: dict[str, str] = {
    # core.py
    "deprecated": "已弃用",
    "Missing command.": "缺少命令。",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "位置参数",
    "Aborted!": "已中止！",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}": "弃用警告：命令“{name}”已弃用。{extra_message}",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}": "弃用警告：{param_type}“{name}”已弃用。{extra_message}",
    "Value must be an iterable.": "取值必须是可迭代的序列。",
    "Could not determine name for option with declarations {decls!r}": "无法根据声明 {decls!r} 确定选项名称",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument instead? "
    "Did you mean to pass '--{name}'?": "未定义选项却给出了名称（{name}）。是否应声明为参数，或写作“--{name}”？",
    "env var: {var}": "环境变量：{var}",
    "default: {default}": "默认：{default}",
    "required": "必填",
    "(dynamic)": "（动态）",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.": "参数只能有一个声明，实际为 {length} 个：{decls}。",
    "Name '{name}' defined twice": "名称“{name}”重复定义",
    "Boolean option {decl!r} cannot use the same flag for true/false.": "布尔选项 {decl!r} 的真、假两种写法不能相同。",
    # decorators.py
    "Do you want to continue?": "是否继续？",
    "Confirm the action without prompting.": "不经询问，直接确认操作。",
    "%(prog)s, version %(version)s": "%(prog)s，版本 %(version)s",
    "Show the version and exit.": "显示版本号并退出。",
    "Show this message and exit.": "显示本帮助并退出。",
    # exceptions.py
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行“{command} {option}”查看帮助。",
    "Invalid value: {message}": "取值无效：{message}",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的取值无效：{message}",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing {param_type}": "缺少{param_type}",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "No such option {name!r}.": "没有选项“{name}”。",
    "No such command {name!r}.": "没有命令“{name}”。",
    "unknown error": "未知错误",
    "Could not open file {filename!r}: {message}": "无法打开文件“{filename}”：{message}",
    # formatting.py
    "Usage:": "用法：",
    # parser.py
    "Invalid start character for option ({option})": "选项的起始字符无效（{option}）",
    "Option {name!r} does not take a value.": "选项“{name}”不接受取值。",
    "Argument {name!r} takes {nargs} values.": "参数“{name}”需要 {nargs} 个值。",
    # shell_completion.py
    "Couldn't detect Bash version, shell completion is not supported.": "无法检测 Bash 版本，不支持命令补全。",
    "Shell completion is not supported for Bash versions older than 4.4.": "Bash 4.4 以前的版本不支持命令补全。",
    # termui.py, _termui_impl.py, _winconsole.py, utils.py
    "Press any key to continue...": "按任意键继续……",
    "Repeat for confirmation": "请再输入一次以确认",
    "Error: The two entered values do not match.": "错误：两次输入的值不一致。",
    "Error: invalid input": "错误：输入无效",
    "Unknown color {colour!r}": "未知的颜色 {colour!r}",
    "d": "天",
    "{editor}: Editing failed": "{editor}：编辑失败",
    "{editor}: Editing failed: {e}": "{editor}：编辑失败：{e}",
    "Windows error: {error}": "Windows 错误：{error}",
    "Unknown standard stream '{name}'": "未知的标准流“{name}”",
    # types.py
    "file": "文件",
    "directory": "目录",
    "path": "路径",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    "Choice({choices})": "Choice({choices})",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "{value!r} is not a valid boolean. Recognized values: {states}": "“{value}”不是有效的布尔值，可用：{states}",
    "{value!r} is not a valid {number_type}.": "“{value}”不是有效的{number_type}。",
    "{value!r} is not a valid UUID.": "“{value}”不是有效的 UUID。",
    "{name} {filename!r} does not exist.": "{name}“{filename}”不存在。",
    "{name} {filename!r} is a file.": "{name}“{filename}”是文件，应为目录。",
    "{name} {filename!r} is a directory.": "{name}“{filename}”是目录，应为文件。",
    "{name} {filename!r} is not readable.": "{name}“{filename}”不可读。",
    "{name} {filename!r} is not writable.": "{name}“{filename}”不可写。",
    "{name} {filename!r} is not executable.": "{name}“{filename}”不可执行。",
}
"""click's English text -> Chinese; the Chinese may use any of the fields click formats the text with."""

PLURALS: dict[tuple[str, str], str] = {
    (
        "Got unexpected extra argument ({args})",
        "Got unexpected extra arguments ({args})",
    ): "多余的参数：{args}",
    (
        "Takes {nargs} values but 1 was given.",
        "Takes {nargs} values but {len} were given.",
    ): "需要 {nargs} 个值，实际给出 {len} 个。",
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): "是否应为 {possibilities}？",
    (
        "Option {name!r} requires an argument.",
        "Option {name!r} requires {nargs} arguments.",
    ): "选项“{name}”需要 {nargs} 个取值。",
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): "“{value}”无效，可选：{choices}。",
    (
        "{value!r} does not match the format {format}.",
        "{value!r} does not match the formats {formats}.",
    ): "“{value}”不符合格式 {formats}。",
    (
        "{len_type} values are required, but {len_value} was given.",
        "{len_type} values are required, but {len_value} were given.",
    ): "需要 {len_type} 个值，实际给出 {len_value} 个。",
}
"""(singular, plural) -> Chinese, which has one form for both: it may only use fields both are formatted with."""

TYPE_NAMES = {
    "text": "文本",
    "integer": "整数",
    "integer range": "整数范围",
    "float": "小数",
    "float range": "小数范围",
    "boolean": "布尔值",
    "uuid": "UUID",
    "filename": "文件名",
    "datetime": "日期时间",
    "choice": "选项",
}
"""click's parameter type names (shown as metavars: --period TEXT, and in 'not a valid integer') in Chinese."""

USAGE_PLACEHOLDERS = {
    "[OPTIONS]": "[选项]",
    "COMMAND [ARGS]...": "命令 [参数]...",
    "COMMAND1 [ARGS]... [COMMAND2 [ARGS]...]...": "命令1 [参数]... [命令2 [参数]...]...",
}


def gettext(message: str) -> str:
    """click's ``_``: the Chinese of ``message``, or ``message`` itself when there is none."""
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """click's ``ngettext``: the one Chinese form, or click's English singular/plural."""
    zh = PLURALS.get((singular, plural))
    if zh is not None:
        return zh
    return singular if n == 1 else plural


def display_width(text: str) -> int:
    """Terminal columns of ``text``: two for a wide (CJK) character, none for a combining mark."""
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        for ch in text
    )


_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"


@functools.cache
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    """(token, CJK character): compiled on first help output, not at import (their classes take ~5 ms)."""
    # A short bracketed note ([默认：auto], [必填]) is one token: it moves to the next line whole.
    return re.compile(f"\\[[^\\[\\]\\n]{{1,30}}\\]|\\s+|[{_CJK}]|[^\\s{_CJK}]+"), re.compile(f"[{_CJK}]")


_NO_LINE_START = set("，。、；：？！）》」』】〕…,.;:?!)]}")
_NO_LINE_END = set("（《「『【〔“‘")


def wrap(text: str, limit: int) -> list[str]:
    """Lines of at most ``limit`` columns: Chinese breaks between any two characters, other words at spaces.

    Closing punctuation never starts a line (it stays with its character, one column over if need be), and
    opening punctuation never ends one.
    """
    limit = max(limit, 10)
    out: list[str] = []
    line = ""
    for tok in _patterns()[0].findall(text):
        if tok.isspace():
            if line:
                line += " "
            continue
        if line.strip() and display_width(line) + display_width(tok) > limit and tok[0] not in _NO_LINE_START:
            carry = ""
            while line and line[-1] in _NO_LINE_END and line.strip() != line[-1]:
                carry, line = line[-1] + carry, line[:-1]
            out.append(line.rstrip())
            line = carry + tok
        else:
            line += tok
    if line.strip():
        out.append(line.rstrip())
    return out


def _paragraphs(text: str) -> list[tuple[bool, str]]:
    """(verbatim, text) paragraphs as click reads them: blank-line separated, ``\\b`` keeps one as written."""
    out = []
    for block in re.split(r"\n\s*\n", text.strip("\n")):
        lines = block.split("\n")
        if lines and lines[0].strip() == "\b":
            out.append((True, "\n".join(lines[1:])))
            continue
        joined = ""
        for part in (ln.strip() for ln in lines):
            cjk = _patterns()[1]
            if joined and part and not (cjk.match(joined[-1]) and cjk.match(part[0])):
                joined += " "
            joined += part
        out.append((False, joined))
    return out


class ZhHelpFormatter(click.HelpFormatter):
    """click's help formatter with Chinese punctuation and usage placeholders, wrapping by display width."""

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}：\n")

    def _wrapped(self, text: str, limit: int) -> list[str]:
        lines: list[str] = []
        for i, (verbatim, para) in enumerate(_paragraphs(text)):
            if i:
                lines.append("")
            lines.extend(para.split("\n") if verbatim else wrap(para, limit))
        return lines

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        for line in self._wrapped(text, self.width - self.current_indent):
            self.write(f"{indent}{line}\n" if line else "\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [tuple(r) + ("",) * (2 - len(r)) for r in rows]
        first_col = min(max((display_width(r[0]) for r in rows), default=0), col_max) + col_spacing
        pad = " " * (first_col + self.current_indent)
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if display_width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - display_width(first)))
            else:
                self.write("\n" + pad)
            lines = self._wrapped(second, max(self.width - first_col - self.current_indent - 2, 10)) or [""]
            self.write(f"{lines[0]}\n")
            for line in lines[1:]:
                self.write(f"{pad}{line}\n" if line else "\n")

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        for en, zh in USAGE_PLACEHOLDERS.items():
            args = args.replace(en, zh)
        if prefix is None:
            prefix = gettext("Usage:")  # 用法： has its own full-width colon: no space after it
        super().write_usage(prog, args, prefix)


_ORIGINAL_MISSING = MissingParameter.format_message


def _missing_message(self: MissingParameter) -> str:
    """click ends this message with an ASCII period after the parameter's name: a Chinese one instead."""
    text = _ORIGINAL_MISSING(self)
    return re.sub(r"(['\"])\.(?=\s|$)", r"\1。", text, count=1)


_installed = False


# click's modules that mark texts for translation (``click.testing`` does not, and it imports pdb: not loaded).
GETTEXT_MODULES = (
    "core",
    "decorators",
    "exceptions",
    "formatting",
    "parser",
    "shell_completion",
    "termui",
    "types",
    "utils",
    "_termui_impl",
    "_winconsole",
)


def click_modules() -> list:
    """The modules of the installed click that mark texts, as far as they import here (``_winconsole``: Windows)."""
    mods = []
    for name in GETTEXT_MODULES:
        try:
            mods.append(importlib.import_module(f"click.{name}"))
        except Exception:  # noqa: BLE001 - platform-specific modules (``_winconsole``) do not import elsewhere
            continue
    return mods


def install() -> None:
    """Translate click's messages from now on (idempotent). Call before commands are declared."""
    global _installed
    if _installed:
        return
    for mod in click_modules():
        if getattr(mod, "_", None) is not None and getattr(mod._, "__module__", "") == "gettext":
            mod._ = gettext
        if (
            getattr(mod, "ngettext", None) is not None
            and getattr(mod.ngettext, "__module__", "") == "gettext"
        ):
            mod.ngettext = ngettext
    for obj in vars(click.types).values():
        if isinstance(obj, type) and issubclass(obj, click.ParamType) and vars(obj).get("name") in TYPE_NAMES:
            obj.name = TYPE_NAMES[vars(obj)["name"]]
    click.Context.formatter_class = ZhHelpFormatter
    MissingParameter.format_message = _missing_message
    _installed = True


install()
