"""Text from hostile files made safe for every output: file names, cells, paragraphs, JSON.

Everything a report shows may come from a file someone else wrote: case ids
are folder and file names (control characters, invalid UTF-8 decoded by
``os.fsdecode`` as lone surrogates, 255-byte names, ``..``), quotes and party
names are document text. One rule set, used by every writer, so a value reads
the same in results.json, the sheets, the summary and report.html:

- lone surrogates (the bytes of an invalid UTF-8 name) become ``\\xNN`` text —
  readable, deterministic and valid in every format (``surrogates``);
- in text (quotes, messages, party names), control characters (C0 except
  line feed, DEL, C1), bidirectional overrides and non-characters are
  removed; tab, vertical tab, form feed, CR and the Unicode line separators
  become a space or a line break (``clean_text``);
- in names (case ids, paths, document file names) every such character is
  shown as its escape instead (``\x07``, ``\u202e``), like an undecodable byte:
  a reviewer sees exactly what the name holds, and a cleaned name never reads
  as another case's (``clean_name``);
- file name stems are cleaned further, capped in bytes and marked with a
  short hash of the original whenever cleaning changed it, so two different
  ids never share a file (``file_stem``); ids that are still equal (``dup/``,
  ``dup.pdf``, ``dup.docx`` all have the case id ``dup``) are told apart by
  the batch (``unique_stems``).
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from pathlib import PurePath

SURROGATE = re.compile("[\ud800-\udfff]")
# Line-like whitespace: kept as a line break in multi-line text, a space otherwise.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_SPACES = re.compile("\t")
# What is left to remove: C0 controls but \n, DEL and C1, bidi embeddings/overrides/isolates, BOM, non-characters.
CONTROL = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff"
    "\U0001fffe\U0001ffff]"
)
EXCEL_CELL_MAX = 32767
# Excel, LibreOffice and CSV importers treat a cell starting with these as a formula (or DDE) when it is edited.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


_ESCAPED_BYTES = (0xDC80, 0xDCFF)  # lone surrogates os.fsdecode uses for undecodable bytes (PEP 383)
_ONE_BYTE = 0x100  # code points below this are escaped as \xNN


def _surrogate(m: re.Match) -> str:
    code = ord(m.group())
    if _ESCAPED_BYTES[0] <= code <= _ESCAPED_BYTES[1]:  # os.fsdecode's escape of one undecodable byte
        return f"\\x{code - 0xDC00:02x}"
    return "\ufffd"


def surrogates(text: str) -> str:
    """Lone surrogates (undecodable bytes of a file name) as ``\\xNN`` text; everything else unchanged."""
    return SURROGATE.sub(_surrogate, text) if SURROGATE.search(text) else text


def clean_text(value, multiline: bool = True) -> str:
    """``value`` as text any writer can store and any reader can show: no control characters, valid UTF-8.

    Line breaks are kept when ``multiline`` (a reason with its evidence lines),
    else they become spaces (a name, a title, a cell of one line).
    """
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    text = surrogates(text)
    text = _LINE_BREAKS.sub("\n" if multiline else " ", text)
    text = _SPACES.sub(" ", text)
    if not multiline:
        text = text.replace("\n", " ")
    return CONTROL.sub("", text)


def clean_line(value) -> str:
    """``clean_text`` on one line (titles, parties, single-line cells)."""
    return clean_text(value, multiline=False)


_NAME_CONTROL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ufeff\ufffe\uffff\U0001fffe\U0001ffff]"
)


def _escape(m: re.Match) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < _ONE_BYTE else f"\\u{code:04x}"


def clean_name(value) -> str:
    """A name (case id, path, file name) shown safely: undecodable bytes and control characters as escapes."""
    if value is None:
        return ""
    text = surrogates(value if isinstance(value, str) else str(value))
    return _NAME_CONTROL.sub(_escape, text)


def clean_json(obj):
    """A copy of a JSON-like object whose strings (keys too) are valid UTF-8 and whose numbers are finite.

    Control characters stay (JSON escapes them, and results.json is the
    faithful record); lone surrogates become ``\\xNN`` text as everywhere;
    NaN and infinities become null; tuples become lists; anything else not
    JSON (a path, a date) becomes its text.
    """
    if isinstance(obj, str):
        return surrogates(obj)
    if isinstance(obj, bool) or obj is None or isinstance(obj, int):
        return obj
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {
            surrogates(str(k)) if not isinstance(k, str) else surrogates(k): clean_json(v)
            for k, v in obj.items()
        }
    if isinstance(obj, list | tuple):
        return [clean_json(v) for v in obj]
    return surrogates(str(obj))


def cell_text(value) -> str:
    """One spreadsheet cell's text: cleaned and within Excel's 32,767 characters."""
    text = clean_text(value)
    return text if len(text) <= EXCEL_CELL_MAX else text[: EXCEL_CELL_MAX - 1] + "…"


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_START)


# -- file names ------------------------------------------------------------------------------------

# Characters no file name may hold on Windows, macOS or Linux (and the shares in between).
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|]')
_RESERVED = re.compile(r"(?i)^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$")
STEM_MAX_BYTES = 180  # + ".xlsx" + the temporary/lock-file affixes (~20 bytes) stays well under 255
HASH_LEN = 8


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:HASH_LEN]


def _truncate_bytes(text: str, limit: int) -> str:
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    return data[:limit].decode("utf-8", "ignore")


def file_stem(case_id: str) -> str:
    """A case id as a file name stem: safe on every system, at most ``STEM_MAX_BYTES`` bytes, deterministic.

    An id that is already safe is its own stem (``qs-2024-017``); one that had
    to be changed (control characters, invalid UTF-8, separators, ``..``, a
    reserved device name, a leading ``~$``, too long) gets ``-`` and 8 hex
    digits of the original's hash, so no two different ids share a stem.
    """
    raw = case_id if isinstance(case_id, str) else str(case_id)
    stem = surrogates(raw)
    stem = "".join(
        "_"
        if (unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp") or ch in "\ufffe\uffff")
        else ch
        for ch in stem
    )
    stem = _UNSAFE_NAME.sub("_", stem)
    stem = stem.strip(" .")  # no hidden files, no "..", no trailing dot (Windows drops it)
    if stem.startswith("~$"):  # Office lock-file prefix: such files are skipped when sheets are read back
        stem = "_" + stem[1:]
    if _RESERVED.match(stem):
        stem = "_" + stem
    changed = stem != raw
    if not stem:
        stem, changed = "case", True
    if changed or len(stem.encode("utf-8")) > STEM_MAX_BYTES:
        stem = _truncate_bytes(stem, STEM_MAX_BYTES - HASH_LEN - 1).rstrip(" .") + "-" + _hash(raw)
    return stem


def _source_tag(entry: dict) -> str:
    """What tells a file case from a folder case of the same id: ``.pdf`` for ``dup.pdf``, ``""`` for ``dup/``."""
    path, case_id = entry.get("path"), entry.get("case_id")
    if not isinstance(path, str) or not isinstance(case_id, str):
        return ""
    name = PurePath(path).name
    return name[len(case_id) :] if name.startswith(case_id) and name != case_id else ""


def unique_stems(entries: list[dict]) -> list[str]:
    """One file stem per results entry, unique in the batch (also ignoring case), deterministic.

    The stem of an id unique in the batch is ``file_stem(case_id)``. Entries
    whose stems collide (``dup/``, ``dup.pdf``, ``dup.docx`` all have the case
    id ``dup``; ``Dup`` and ``dup`` on a case-insensitive share) are told apart
    by their file extension (``dup``, ``dup.pdf``, ``dup.docx``), then by a
    hash of their path, then by their position.
    """
    stems = [file_stem(str(e.get("case_id", ""))) for e in entries]

    def collisions(names: list[str]) -> set[str]:
        seen: dict[str, int] = {}
        for n in names:
            seen[n.casefold()] = seen.get(n.casefold(), 0) + 1
        return {k for k, n in seen.items() if n > 1}

    clash = collisions(stems)
    if clash:
        for i, e in enumerate(entries):
            if stems[i].casefold() in clash:
                tag = _source_tag(e)
                if tag:
                    stems[i] = file_stem(str(e.get("case_id", "")) + tag)
        clash = collisions(stems)
    if clash:
        for i, e in enumerate(entries):
            if stems[i].casefold() in clash:
                stems[i] = (
                    _truncate_bytes(stems[i], STEM_MAX_BYTES - HASH_LEN - 1) + "-" + _hash(str(e.get("path")))
                )
    taken: set[str] = set()
    for i, s in enumerate(stems):  # same path listed twice (or a hash collision): number them in order
        candidate, n = s, 1
        while candidate.casefold() in taken:
            n += 1
            candidate = f"{s}-{n}"
        stems[i] = candidate
        taken.add(candidate.casefold())
    return stems


def guard_cell(cell) -> None:
    """Make an openpyxl cell holding text hold it as text, never as a live formula.

    openpyxl stores a string starting with ``=`` as a formula (and ``#N/A`` …
    as an error value). Such cells, and those starting with ``+ - @``, tab or
    CR, are stored as plain strings with Excel's quote prefix (the saved form
    of a typed apostrophe), so neither opening nor editing the cell evaluates
    it. Call after the cell's style is set (a style assignment resets it).
    """
    value = cell.value
    if not isinstance(value, str):
        return
    if cell.data_type in ("f", "e") or is_formula_like(value):
        cell.data_type = "s"
        cell.quotePrefix = True


def set_text(cell, value) -> None:
    """Put ``value`` in an openpyxl cell: text cleaned and capped (``cell_text``), numbers as they are."""
    if isinstance(value, str):
        cell.value = cell_text(value)
    else:
        cell.value = value


def safe_row(values) -> list:
    """A row for ``ws.append``: text cleaned and capped (``cell_text``); follow with ``guard_sheet``."""
    return [cell_text(v) if isinstance(v, str) else v for v in values]


def guard_sheet(ws) -> None:
    """``guard_cell`` on every cell of a filled openpyxl worksheet (for sheets written with ``ws.append``)."""
    for row in ws.iter_rows():
        for cell in row:
            guard_cell(cell)
