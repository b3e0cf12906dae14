"""Text normalisation: full/half width, stray whitespace, brackets in case numbers.

Every extractor matches against ``normalize(text)``; offsets returned by the
date and amount finders index that normalised text, so callers should keep and
quote the normalised paragraph.

``normalize`` is called on every paragraph of every document: it is one
``str.translate`` plus four precompiled regex passes.
"""

from __future__ import annotations

import re

__all__ = ["CJK_CHARS", "canonical_brackets", "compact", "normalize"]

# Full-width forms that Chinese text normally writes full width. They are
# kept as they are; every other character of U+FF01-FF5E becomes ASCII.
# (、。“”‘’《》〔〕【】 lie outside that block and are never touched.)
_KEPT_FULLWIDTH = "，：；？！（）"

# Horizontal spaces that become a plain space (then collapse).
_SPACES = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
# Invisible characters that are dropped: zero-width space/joiners, BOM, word joiner, soft hyphen.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# Other line breaks that become "\n" (Word's vertical tab, form feed, Unicode separators).
_LINE_BREAKS = "\x0b\x0c\u2028\u2029\x85"


def _width_table(keep: str) -> dict[int, int | str | None]:
    """Build the translate table: full width to ASCII (except ``keep``), spaces, invisibles."""
    table: dict[int, int | str | None] = {
        cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if chr(cp) not in keep
    }
    table[0xFFE5] = "\u00a5"  # fullwidth yen/yuan sign ￥ -> ¥
    table.update({ord(c): " " for c in _SPACES})
    table.update({ord(c): None for c in _INVISIBLE})
    table.update({ord(c): "\n" for c in _LINE_BREAKS})
    return table


def _runs_of(table: dict[int, int | str | None]) -> re.Pattern[str]:
    """Compile a pattern matching runs of the characters ``table`` changes."""
    points = sorted(table)
    ranges: list[tuple[int, int]] = []
    for cp in points:
        if ranges and cp == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], cp)
        else:
            ranges.append((cp, cp))
    body = "".join(
        re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in ranges
    )
    return re.compile(f"[{body}]+")


_TABLE = _width_table(_KEPT_FULLWIDTH)
_COMPACT_TABLE = _width_table("")
# str.translate with a dict is slow on long CJK text; translating only the
# (few, short) runs that need it is about 2.5x faster.
_TO_TRANSLATE = _runs_of(_TABLE)

#: Character-class body (for use inside ``[...]``) of characters treated as CJK
#: when deciding whether a space is an artefact: ideographs (incl. 〇 and the
#: supplementary planes), kana, CJK and full-width punctuation, Chinese quotes.
CJK_CHARS = (
    "\u2e80-\u2fdf"  # radicals
    "\u3001-\u303f"  # CJK symbols and punctuation (、。〃〇《》「」【】〔〕…), not U+3000
    "\u3040-\u30ff"  # kana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # ideographs
    "\U00020000-\U0003134f"  # ideographs, extensions B-H (rare characters in names)
    "\ufe30-\ufe6b"  # CJK compatibility and small forms (﹝﹞ etc.)
    "\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f"  # the kept full-width punctuation
    "\u2018\u2019\u201c\u201d\u2014\u2026"  # ‘’“” — …
)

_MULTI_SPACE = re.compile(r" {2,}")
# A single space (runs are collapsed first) between CJK and CJK/ASCII alphanumerics.
# The pattern starts with the literal space so the engine can skip ahead quickly.
_ARTEFACT_SPACE = re.compile(
    rf" (?:(?<=[{CJK_CHARS}] )(?=[{CJK_CHARS}0-9A-Za-z])|(?<=[0-9A-Za-z] )(?=[{CJK_CHARS}]))"
)
_LINE_EDGE_SPACE = re.compile(r"^ | $", re.MULTILINE)
_ALL_WHITESPACE = re.compile(r"\s+")

_OPEN = r"[〔\[【（(［﹝〖{｛]"
_CLOSE = r"[〕\]】）)］﹞〗}｝]"
_BRACKETED_YEAR = re.compile(rf"{_OPEN}\s*((?:19|20)[0-9]{{2}})\s*{_CLOSE}")


def normalize(text: str) -> str:
    """Return the canonical form of ``text`` used for matching and quoting.

    - full-width ASCII letters, digits and symbols (U+FF01-FF5E) become half
      width, except the Chinese punctuation ，：；？！（） which stays full width;
      ￥ becomes ¥;
    - ideographic space, NBSP, tabs and other Unicode spaces become a space;
      zero-width characters and BOMs are dropped; ``\\r\\n``/``\\r`` become ``\\n``;
    - runs of spaces collapse to one; a space between two CJK characters or
      between CJK and an ASCII letter/digit is removed (``于 2024 年`` ->
      ``于2024年``, ``决 定 书`` -> ``决定书``); a space between two ASCII
      words stays; spaces at line starts and ends are removed.

    Newlines are kept. The function is idempotent.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _TRADITIONAL.search(text):
        text = _simplified(text)
    text = _TO_TRANSLATE.sub(_translate_run, text)
    if " " not in text:
        return text
    text = _MULTI_SPACE.sub(" ", text)
    text = _ARTEFACT_SPACE.sub("", text)
    return _LINE_EDGE_SPACE.sub("", text)


# Characters only traditional script writes (a web page's 繁體 mirror of a decision issued in simplified
# characters): one of them in a paragraph has it read in simplified characters, as the document was issued.
_TRADITIONAL = re.compile(
    "[處罰決當與為從對機關號條區縣鄉鎮業證據點體發這們時會來說國際經審廳執違規範應請須場間記錄實確認調檢驗價貨錢銀"
    "稅費額產權責務現開門問聽辦總數標準環護衛醫藥輸運營農漁廣電聯網絡紙質勞動術師學養資設計測劃過達進連還選適續練"
    "組織結統訴復議裁備圍徵書號頁員嚴聲稱單讓辭類屬於歸檔檢察僅們]"
)


def _simplified(text: str) -> str:
    """Traditional characters converted to simplified (OpenCC t2s: phrases and characters, offline data)."""
    global _T2S
    if _T2S is None:
        import opencc

        _T2S = opencc.OpenCC("t2s")
    return _T2S.convert(text)


_T2S = None


def _translate_run(m: re.Match[str]) -> str:
    """Translate one run of characters that normalisation changes."""
    return m.group().translate(_TABLE)


def canonical_brackets(s: str) -> str:
    """Write the brackets around a year in a case number as 〔〕.

    ``青市监罚[2024]17号``, ``青市监罚（2024）17号``, ``青市监罚【2024】17号``
    and ``青市监罚﹝２０２４﹞17号`` all become ``青市监罚〔2024〕17号``.
    Mixed pairs (``[2024〕``) and spaces inside the brackets are tolerated.
    Only brackets around a 4-digit year 1900-2099 change; combine with
    :func:`compact` to also ignore spaces elsewhere.
    """
    return _BRACKETED_YEAR.sub(r"〔\1〕", s.translate(_TABLE))


def compact(s: str) -> str:
    """Return ``s`` without any whitespace and with every full-width form made ASCII.

    For comparing names and numbers, not for display: unlike :func:`normalize`
    it also turns （）：， etc. into ASCII, so ``某某（北京） 有限公司`` and
    ``某某(北京)有限公司`` compare equal.
    """
    return _ALL_WHITESPACE.sub("", s.translate(_COMPACT_TABLE))
