"""Read a plain-text document (UTF-8 with or without BOM, or GB18030)."""

from __future__ import annotations

import io

from casereview.model import Block, CaseError, Location, SourceFile
from casereview.parsers.limits import DEFAULT_LIMITS, Budget, LimitReached, Limits
from casereview.parsers.segments import normalize_line


def decode_text(data: bytes) -> str | None:
    """Decode UTF-8 (BOM or not), UTF-16 with BOM, or GB18030; None when none fits."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    for enc in ("utf-8", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return None


def read_text(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> SourceFile:
    """One block per non-empty line; a form feed starts a new page of a bound text.

    Lines are taken one at a time (never a list of millions of strings) and
    the file's text and block caps apply: a text of millions of short lines is
    read up to the cap and reported.
    """
    src = SourceFile(path=name, format="txt")
    text = decode_text(data)
    if text is None or "\x00" in text[:4096]:
        src.errors.append(
            CaseError(name, "无法识别文本编码（既非 UTF-8 也非 GB18030），或不是文本文件", "unreadable")
        )
        return src
    budget = Budget(limits, name, unit="行")
    page_break = False
    try:
        for line in io.StringIO(text, newline=None):  # \r\n and \r read as \n
            if "\f" in line:
                page_break = True
                line = line.replace("\f", "")
            t = normalize_line(line.rstrip("\n"))
            if t:
                budget.take(t)
                src.blocks.append(
                    Block(
                        kind="paragraph",
                        text=t,
                        loc=Location(name, None, len(src.blocks) + 1),
                        page_break_before=page_break,
                    )
                )
                page_break = False
    except LimitReached as stop:
        src.errors.append(stop.error)
    return src
