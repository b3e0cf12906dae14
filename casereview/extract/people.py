"""People on a document: officers with certificate numbers, signatures, the party.

Forms write these many ways (执法人员：张伟、李明 执法证号：…; 张伟（执法证号
33010012345）; a table row 执法人员 | 张伟 | 执法证号 | …; signature cells
holding a typed name, a picture of ink, or nothing). The functions here read
them from the document's lines and cells, never from fixed positions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from casereview.extract.doctext import DocText, Line
from casereview.extract.forms import value_of
from casereview.text.labels import (
    ALL_ROLES,
    CERT,
    CERT_LABEL,
    CJK,
    OFFICER_LABEL,
    OFFICER_ROLES,
    SIGNATURE_LABEL,
    alternation,
    is_label_cell,
)
from casereview.text.names import NOT_NAME, known_names, split_glued, split_names

__all__ = ["Officer", "Signature", "header_lines", "officers", "signatures"]

NAME = rf"[{CJK}]{{1,3}}(?:·[{CJK}]{{1,6}})?"
# Any label of another field in an officers' row: the officers' value ends there.
_OTHER_LABEL = re.compile(
    rf"(?:{alternation(ALL_ROLES - OFFICER_ROLES)})|被询问|被检查|被调查|地点|时间|日期|性别|民族|住址|联系电话|工作单位"
)
SIG_ROLE = alternation(ALL_ROLES)
_VALUE_STOP = re.compile(
    rf"(?:{SIG_ROLE})[（(]?(?:签名|签字|签章|签收|盖章)|日期|时间|(?:19|20)\d\d[-年./]|[一二〇○零]{{4}}年|"
    r"[（(]?(?:签名|签字|盖章|捺印)[)）]?[:：]|年\s*月\s*日|[:：]"
)


_NEAR_BELOW = 45  # points: a signature picture whose top is at most this far below a label belongs to it


@dataclass(slots=True)
class Officer:
    name: str
    cert_no: str | None
    line: Line
    roles: list[str] = field(default_factory=list)  # the labels that name them (询问人, 记录人 …)


@dataclass(slots=True)
class Signature:
    role: str
    label: str
    signed: bool
    kind: str  # text | image | blank
    name: str | None
    line: Line
    offset: int
    images: int = 0  # handwritten signatures in the field besides the names read in it


_BODY_START = re.compile(r"^(?:问[:：]|答[:：]|(?:现场)?检查情况|勘验情况|询问内容|调查内容|现场情况)")
# What may follow a name in a sentence listing officers (the list goes on, or the sentence does).
_AFTER_NAME = re.compile(
    r"\s*(?:$|[、，,。；;和及与（(|）)]|[0-9A-Z]|"
    + CERT.pattern
    + r"|向|对|在|已|依法|于|到|进行|共同|出示|告知|表明|按照|根据|"
    r"前往|来到|现场|就|同志|等|两人|二人|一同|一起|执法证|证件|证号|持|经|依)"
)
# Words that begin a sentence's verb phrase, never a name.
_NOT_NAME_START = re.compile(
    r"^(?:向|对|在|已|依|于|到|进|共|出示|告知|表明|按|根|前往|来到|现场|就|的|是|为|及|和|与|等|均|分别|"
    r"之前|以前|此前|今天|今日|本次|这|那|你|我|他|她|其|该|有|没|不|也|都|还|将|要|可|请|应)"
)
_OPENING = re.compile(r"执法证|证件|证号|表明身份|出示")


def header_lines(dt: DocText) -> int:
    """Number of lines before a record's body (its Q&A or findings) starts."""
    for i, line in enumerate(dt.lines):
        if _BODY_START.match(line.cells[0].strip()):
            return i
    return len(dt.lines)


def officers(dt: DocText, limit_lines: int | None = None) -> list[Officer]:  # noqa: C901 - extraction/rule logic kept as is until it can be split with its cases
    """Officers named on a record, each with the certificate number written next to the name.

    Read in the record's header (before its Q&A or findings): every label of the
    investigating side (执法人员, 检查人员1, 询问人, 记录人, 调查人, 勘验人, 承办人 …
    — ``data/labels.json``) with its value after the colon, in the cells after it or
    in the rows that continue it; in the opening statement (the first question,
    or the line recording that certificates were shown: 我们是…执法人员张伟（执法证号…）、
    李明（…）, 执法人员张伟、李明向当事人出示了执法证件); and on a typed signature line
    whose names carry their numbers. Names in the questions and answers are never
    taken for officers. Each officer keeps the roles that name them.
    """
    found: dict[str, Officer] = {}

    def add(offs: list[Officer], role: str) -> None:
        for off in offs:
            old = found.get(off.name)
            if old is None or (old.cert_no is None and off.cert_no):
                found[off.name] = off
                off.roles = old.roles if old is not None else []
            if role not in found[off.name].roles:
                found[off.name].roles.append(role)

    head = limit_lines if limit_lines is not None else header_lines(dt)
    lines = dt.lines[:head]
    i = 0
    while i < len(lines):
        line = lines[i]
        hits = [
            m
            for m in OFFICER_LABEL.finditer(line.text)
            if not SIGNATURE_LABEL.match(line.text, m.start())
            and not _inside_other_label(line.text, m.start())
        ]
        if not hits:
            i += 1
            continue
        j = i + 1
        for k, m in enumerate(hits):
            end = hits[k + 1].start() if k + 1 < len(hits) else len(line.text)
            segment = line.text[m.end() : end]
            labelled = (
                m.group().endswith((":", "："))
                or segment.lstrip().startswith(("|", ":", "："))
                or not segment.strip()
                or is_label_cell(line.text[m.start() : m.end()])
                and _cell_edge(line, m.end())
            )
            if labelled:
                if k + 1 == len(hits):
                    segment, j = _with_continuation(lines, i, segment)
                add(_pair(segment, line), _role(m.group()))
            else:
                add([Officer(n, c, line) for n, c in _read_list(segment)], _role(m.group()))
        _give_listed_numbers(line, found)
        i = j
    # The opening statement: the first lines of the body where the officers introduce themselves.
    for line in dt.lines[head : head + 4]:
        text = line.text
        if text.startswith(("答", "答：")) or not _OPENING.search(text):
            continue
        for m in OFFICER_LABEL.finditer(text):
            if not SIGNATURE_LABEL.match(text, m.start()):
                add([Officer(n, c, line) for n, c in _read_list(text[m.end() :])], _role(m.group()))
        _give_listed_numbers(line, found)
    if limit_lines is None:
        # The signature lines at the end: a record may name its officers only there (询问人（签名）：张伟（执法证号…）).
        # Typed lines only (a handwritten name read off a scan may be misread); a field whose names carry
        # certificate numbers lists the officers (all its names, so one without a number is seen).
        for line in dt.lines[head:]:
            if line.block.confidence is not None:
                continue
            for m in SIGNATURE_LABEL.finditer(line.text):
                if m.group("role") in OFFICER_ROLES:
                    nxt = SIGNATURE_LABEL.search(line.text, m.end())
                    signed = _pair(line.text[m.end() : nxt.start() if nxt else len(line.text)], line)
                    if any(o.cert_no for o in signed):
                        add(signed, m.group("role"))
    return list(found.values())


def _role(label: str) -> str:
    """The role word of an officers' label (检查人员1：→ 检查人员, 询问人及执法证号 → 询问人)."""
    m = _ROLE_WORD.match(label)
    return m.group() if m else label


_ROLE_WORD = re.compile(alternation(OFFICER_ROLES))


def _inside_other_label(text: str, at: int) -> bool:
    """调查人 inside 被调查人, 检查人 inside 被检查人（单位）: part of a party's label."""
    return at > 0 and text[at - 1] == "被"


def _cell_edge(line: Line, offset: int) -> bool:
    """The offset ends its cell (the label fills the cell: its value is in the cells after it)."""
    pos = line.start + offset
    for start, cell in zip(line.cell_starts, line.cells, strict=True):
        if start <= pos <= start + len(cell):
            return not cell[pos - start :].strip()
    return False


def _with_continuation(lines: list[Line], i: int, segment: str) -> tuple[str, int]:
    """An officers' value that goes on in the next rows (执法人员 | 张伟 | 证号 | … / | 李明 | 证号 | …)."""
    line = lines[i]
    j = i + 1
    while j < len(lines) and j <= i + 3:
        nxt = lines[j].text
        if (
            OFFICER_LABEL.search(nxt)
            or SIGNATURE_LABEL.search(nxt)
            or _OTHER_LABEL.match(lines[j].cells[0].strip())
        ):
            break
        if _OPEN_END.search(segment) and (CERT.match(nxt.strip()) or re.match(r"[\d）)]", nxt.strip())):
            segment += nxt.strip()  # a cell the page broke inside a number (执法证号：豫卫执 / 132665）)
            j += 1
            continue
        if (
            lines[j].row is not None
            and lines[j].block is line.block
            and not lines[j].cells[0].strip()
            and (
                CERT.search(nxt)
                or split_names(" ".join(c for c in lines[j].cells[1:] if not is_label_cell(c)))
            )
        ):
            segment += " | " + nxt  # the next officer under a merged label cell (its number may be missing)
            j += 1
            continue
        if (CERT_LABEL.match(nxt.strip()) or nxt.strip().startswith(("证号", "执法证"))) and CERT.search(nxt):
            segment += " | " + nxt
            j += 1
            continue
        first = lines[j].cells[0].strip()
        if (
            CERT.search(nxt)
            and CERT_LABEL.search(nxt)
            and re.fullmatch(NAME, first)
            and not re.search(r"[:：]", first)
        ):
            segment += " | " + nxt  # a second officer on the next row: 李明 | 执法证号 | …
            j += 1
            continue
        break
    return segment, j


# A value that stops inside a bracket or right after a number's label: the next line goes on with it.
_OPEN_END = re.compile(rf"(?:[（(][^）)]*|(?:{CERT_LABEL.pattern})|[{CJK}]{{1,4}}执)\s*$")


def _read_list(s: str) -> list[tuple[str, str | None]]:
    """Names listed in a sentence, each with the certificate number in brackets or right after it.

    张伟（执法证号：33010012345）、李明（33010012346）向当事人出示… → both with numbers;
    彭霞正、向思向被检查人出示… → 彭霞正, 向思 (a name ends where a name list or the
    sentence goes on; three characters are tried first, then two, then four). Names
    follow each other after 、/和/及/与, or after a comma when both carry a number.
    """
    out: list[tuple[str, str | None]] = []
    i = 0
    comma = False
    while True:
        item = _list_item(s, i, first=not out)
        if item is None or (comma and item[1] is None):
            break
        name, cert, i = item
        out.append((name, cert))
        d = re.match(r"\s*(?:[、]|和|及|与|(?P<comma>[，,]))\s*", s[i:])
        if not d:
            break
        comma = bool(d.group("comma"))
        if comma and cert is None:
            break
        i += d.end()
    return out


def _list_item(s: str, i: int, first: bool) -> tuple[str, str | None, int] | None:
    """One name (and its number) at ``i``: (name, cert, end) or None."""
    i += re.match(r"[\s|:：]*", s[i:]).end()
    run = re.match(rf"[{CJK}·]+", s[i:])
    if not run:
        return None
    cand = run.group()
    chosen = None
    for k in (3, 2, 4):
        name = cand[:k]
        if (
            len(cand) >= k
            and (k == len(cand) or _AFTER_NAME.match(s, i + k))
            and not (first and _NOT_NAME_START.match(name))
            and not NOT_NAME.search(name)
            and not re.search(r"[的了是在有]", name[1:])
        ):
            chosen = k
            break
    if chosen is None:
        return None
    name = cand[:chosen]
    i += chosen
    cert = None
    br = re.match(r"\s*[（(]([^（）()]{0,40})[)）]", s[i:])
    if br:
        c = CERT.search(br.group(1))
        if c:
            cert = c.group()
            i += br.end()
    elif not re.match(
        r"\s*[，,]?\s*[^，,。；;]{0,8}分别", s[i:]
    ):  # 张伟、李明，执法证号分别为…: given out later
        c = re.match(rf"\s*(?:[，,]?\s*(?:{CERT_LABEL.pattern}))?\s*({CERT.pattern})", s[i:])
        if c:
            cert = c.group(1)
            i += c.end()
    return name, cert, i


def _give_listed_numbers(line: Line, found: dict[str, Officer]) -> None:
    """执法人员张伟、李明，执法证号分别为…、…: the numbers go to the names of the line in order."""
    certs = _cert_list(line.text)
    named = [o for o in found.values() if o.line is line]
    if certs and len(certs) == len(named) and all(o.cert_no is None for o in named):
        for o, c in zip(named, certs, strict=True):
            o.cert_no = c


def _cert_list(text: str) -> list[str]:
    """Numbers given together after a label: 执法证号分别为61102610232、61102610222."""
    m = re.search(rf"(?:{CERT_LABEL.pattern})\s*(?:分别)?", text)
    if not m or not re.search(r"分别", text[m.start() : m.end() + 4]):
        return []
    return [c.group() for c in CERT.finditer(text[m.end() : m.end() + 80])]


def _pair(segment: str, line: Line) -> list[Officer]:
    """Pair names and certificate numbers in order of appearance in a labelled value."""
    other = _OTHER_LABEL.search(segment)
    if other:
        segment = segment[: other.start()]
    tokens: list[tuple[str, str]] = []
    for m in re.finditer(rf"{CERT.pattern}|[{CJK}·]+", segment):
        tok = m.group()
        if CERT.fullmatch(tok):
            tokens.append(("cert", tok))
        else:
            for name in split_names(tok):
                tokens.append(("name", name))
    names = [t for k, t in tokens if k == "name"]
    certs = [t for k, t in tokens if k == "cert"]
    if not names:
        return []
    out: list[Officer] = []
    if len(names) == len(certs):
        return [Officer(n, c, line) for n, c in zip(names, certs, strict=False)]
    # Fewer numbers than names: give each number to the name just before it.
    pending: Officer | None = None
    for kind, tok in tokens:
        if kind == "name":
            pending = Officer(tok, None, line)
            out.append(pending)
        elif pending is not None and pending.cert_no is None:
            pending.cert_no = tok
    return out


def signatures(dt: DocText) -> list[Signature]:
    """Every signature field of the document and whether it is filled (name, picture) or blank."""
    out: list[Signature] = []
    known: set[str] | None = None  # names the document gives, for names read as one run (computed once)
    for line in dt.lines:
        for col, cell in enumerate(line.cells):
            for m in SIGNATURE_LABEL.finditer(cell):
                role = m.group("role")
                # The field's value: after the label, in the next cell, or under a row of labels (forms.value_of).
                slot = value_of(dt, line, col, line.cell_starts[col] + m.end(), stop=_VALUE_STOP)
                stop = _VALUE_STOP.search(slot.text) if slot.where != "inline" else None
                value = slot.text[: stop.start()] if stop else slot.text
                value_line, value_col = slot.cells[0]
                images = list(slot.images)
                if (
                    not value.strip()
                    and not images
                    and slot.where in ("none", "inline")
                    and col + 1 < len(line.cells)
                    and not SIGNATURE_LABEL.search(line.cells[col + 1])
                ):
                    images = line.images_in_cell(
                        col + 1
                    )  # a signature written over the next label (日期) on a scan
                names = split_names(value)
                if not names and value.strip():
                    if known is None:
                        known = known_names(dt.text) | {o.name for o in officers(dt)}
                    names = split_glued(value, known)
                if names and slot.where != "below":  # under a row of labels, the next cells are other fields
                    names += _names_in_following_cells(value_line, value_col)
                elif not value.strip() and not images:
                    images = _pictures_below(dt, line)
                if not names and line.block.bbox is not None:
                    images = images + _pdf_pictures_under(dt, line, value_col)
                looked = [img for img in images if img.mark in ("faint", "clean")]
                images = [img for img in images if img.mark not in ("faint", "clean")]
                ink = [img for img in images if not img.looks_like_seal]
                seal = [img for img in images if img.looks_like_seal]
                if (
                    not names
                    and line.block.confidence is not None
                    and not ink
                    and not seal
                    and not (looked and all(img.mark == "clean" for img in looked))
                ):
                    # A scanned page where the field was not looked at (its label not found on the
                    # picture) or holds faint marks that are neither writing nor nothing: not read
                    # either way, so the rules that need it answer manual and name the page.
                    continue
                if names:
                    sig = Signature(
                        role,
                        m.group(),
                        True,
                        "text",
                        "、".join(names),
                        line,
                        line.cell_starts[col] + m.start(),
                    )
                elif ink or (images and not seal and any(img.red_share is None for img in images)):
                    sig = Signature(
                        role, m.group(), True, "image", None, line, line.cell_starts[col] + m.start()
                    )
                elif seal and role in ("当事人", "被检查单位", "受送达人"):
                    sig = Signature(
                        role, m.group(), True, "seal", None, line, line.cell_starts[col] + m.start()
                    )
                else:
                    sig = Signature(
                        role, m.group(), False, "blank", None, line, line.cell_starts[col] + m.start()
                    )
                sig.images = len(
                    [
                        img
                        for img in images
                        if not img.looks_like_seal and (img.looks_like_ink or img.red_share is None)
                    ]
                )
                if names and line.block.confidence is None:
                    # A typed name with a picture beside it: the picture is that name's signature. On a
                    # scan, ink is looked for outside the names read, so it is someone else's signature.
                    sig.images = 0
                out.append(sig)
    return out


def _names_in_following_cells(line: Line, col: int) -> list[str]:
    """More signers in the cells after a filled field (询问人签名：张伟 | 李明 | 2024年3月8日)."""
    out = []
    for cell in line.cells[col + 1 :]:
        c = cell.strip()
        bare = re.sub(
            r"[（(][^（）()]*[）)]", "", CERT.sub("", c)
        )  # 李明（执法证号：…）: the number is no obstacle
        if not c or SIGNATURE_LABEL.search(c) or _VALUE_STOP.search(bare):
            break
        names = split_names(bare)
        if not names or len("".join(names)) < len(re.sub(r"[\s、，,·]", "", bare)):
            break  # not just names
        out.extend(names)
    return out


def _pdf_pictures_under(dt: DocText, line: Line, col: int) -> list:
    """Signature pictures a PDF lays just below a field's label (a second officer's signature under the first).

    A picture on one of the next lines of the page counts when it starts within the
    label's column (between this cell's left edge and the next cell's) and its top is
    close below the label; the search stops at the next line holding a signature label.
    """
    bounds = line.block.cell_x or []
    if line.block.bbox is None or col >= len(bounds):
        return []
    left = bounds[col] - 5
    right = bounds[col + 1] - 5 if col + 1 < len(bounds) else float("inf")
    bottom = line.block.bbox[3]
    out = []
    i = dt.lines.index(line)
    for nxt in dt.lines[i + 1 : i + 4]:
        b = nxt.block
        if (
            b is line.block
            or b.bbox is None
            or b.loc.page != line.block.loc.page
            or b.bbox[1] - bottom > _NEAR_BELOW
        ):
            break
        if any(SIGNATURE_LABEL.search(c) for c in nxt.cells):
            break
        out.extend(
            img
            for img in b.images
            if img.bbox is not None and left <= img.bbox[0] < right and img.bbox[1] - bottom < _NEAR_BELOW
        )
    return out


def _pictures_below(dt: DocText, line: Line) -> list:
    """The pictures of a line that holds only pictures right below a blank signature label."""
    i = dt.lines.index(line)
    if i + 1 < len(dt.lines):
        nxt = dt.lines[i + 1]
        if nxt.block is not line.block and not "".join(nxt.cells).strip() and nxt.block.kind != "table":
            return list(nxt.block.images)
    return []
