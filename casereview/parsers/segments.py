"""Normalise one line while keeping its field boundaries.

Forms put fields on one line separated by tabs or runs of spaces
(``当事人签名：　　　　日期：``); normalisation removes single spaces between
CJK characters (letter-spaced titles, ``于 2024 年``), which would glue such
fields together. So a line is first cut at tabs and runs of two or more
spaces, each segment is normalised, and the segments are joined with `` | ``,
the same cell separator that table rows and PDF lines use.
"""

from __future__ import annotations

import re

from casereview.text.normalize import normalize

FIELD_GAP = re.compile(r"\t+|[ \u00a0]{2,}|\u3000{2,}")
_ONE_CJK = re.compile(r"^[\u4e00-\u9fff]$")
# A single space between two words of two or more CJK characters separates
# words (张伟 李明), unlike letter spacing (决 定 书): it is kept.
_WORD_SPACE = re.compile(r"(?<=[\u4e00-\u9fff]{2})[ \u3000](?=[\u4e00-\u9fff]{2})")
# A case number written with ASCII brackets keeps the spaces normalize() leaves
# around them (``青市监罚告 [2024] 9号``), which hides it from the case-number
# pattern; the brackets themselves are kept (their style is evidence).
_CASE_NO_SPACES = re.compile(r"([\u4e00-\u9fff]) ?([\[(] ?(?:19|20)\d{2} ?[\])]) ?(第?\d{1,6}号)")
_KEEP = "\x1f"
SEP = " | "


# Single characters in at least this many cells are one letter-spaced title (决  定  书).
_SPACED_TITLE_MIN = 3


def normalize_segments(segments: list[str]) -> str:
    """Normalise each segment and join them with the cell separator."""
    parts = [
        normalize(_WORD_SPACE.sub(_KEEP, s)).replace(_KEEP, " ").strip().strip("|").strip() for s in segments
    ]
    parts = [_CASE_NO_SPACES.sub(r"\1\2\3", p) for p in parts]
    parts = [p for p in parts if p]
    if len(parts) >= _SPACED_TITLE_MIN and all(_ONE_CJK.match(p) for p in parts):
        return "".join(parts)  # 决  定  书: a widely letter-spaced title, not fields
    return SEP.join(parts)


def normalize_line(raw: str) -> str:
    """A paragraph's text: normalised, with field gaps kept as `` | ``."""
    lines = []
    for line in raw.replace("\r", "\n").split("\n"):
        line = line.strip(" \t\u3000\u00a0")
        if line:
            lines.append(normalize_segments(FIELD_GAP.split(line)))
    return "\n".join(x for x in lines if x)
