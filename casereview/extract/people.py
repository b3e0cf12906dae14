"""People on a document: officers with certificate numbers, signatures, the party.

Forms write these many ways (执法人员：张伟、李明 执法证号：…; 张伟（执法证号
33010012345）; a table row 执法人员 | 张伟 | 执法证号 | …; signature cells
holding a typed name, a picture of ink, or nothing). The functions here read
them from the document's lines and cells, never from fixed positions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from casereview.extract.doctext import DocText, Line

CJK = "\u4e00-\u9fff"
NAME = rf"[{CJK}]{{1,3}}(?:·[{CJK}]{{1,6}})?"
# Words that are never names: labels and filler that stand next to names in forms.
_NOT_NAME = re.compile(
    r"拒绝签[名字收]|拒不签[名字收]?|拒签|拒收|拒绝|"
    r"执法证件?号码?|执法证编号|执法证|证件号码?|证件编号|证号|编号|号码|行政执法|执法人员|检查人员|调查人员|"
    r"询问人|检查人|调查人|记录人|承办人|执法人|办案人员?|分别为|分别是|以及|同志|签名|签字|盖章|日期|时间|"
    r"年|月|日|和|及|等|人员|等人|本人|当事人|被询问人|见证人|送达人|受送达人|签收|意见|同意|审批|负责人|"
    r"证件|工作证|出示|我们|是|的|为|姓名"
)
# A certificate number: digits with an optional letter/province prefix (鲁C12345678, 1411030023),
# or letters and hyphenated digit groups (CG-0512-033, JX-20418).
_CERT = re.compile(r"(?<![0-9A-Za-z])(?:(?:[" + CJK + r"][A-Z]?)?[A-Z]{0,3}[0-9]{5,18}[A-Z]?"
                   r"|[A-Z]{1,4}-?[0-9]{2,10}(?:-[0-9]{1,10})+|[A-Z]{1,4}-[0-9]{2,10})(?![0-9A-Za-z])")
_CERT_LABEL = re.compile(r"(?:行政)?执法证(?:件)?(?:号码?|编号)|证件号(?:码)?|证号|执法证")
OFFICER_LABEL = re.compile(
    r"(?<!被)(?:执法人员|检查人员|检查人|询问人员|询问人|调查人员|调查人|勘验人员?|勘查人员?|承办人员?|执法人|办案人员?|"
    r"询问（调查）人|询问\(调查\)人|检查（勘验）人员?)"
    r"(?:姓名)?(?:及|和|、)?(?:执法证(?:件)?号(?:码)?|证件号)?(?![签（(]?签)[:：]?"
)
RECORDER_LABEL = re.compile(r"记录人(?:员)?[:：]?")
SIG_ROLE = (
    r"被询问人|被检查人|被检查单位|被检查单位负责人|被调查人|被勘验人|当事人|现场负责人|法定代表人|委托代理人|"
    r"受送达人|收件人|代收人|见证人|送达人|执法人员|检查人员|检查人|询问人|调查人员?|记录人|承办人|"
    r"审批人|审核人|负责人|主持人|听证员|书记员|勘验人|复核人|签收人"
)
SIGNATURE_LABEL = re.compile(
    rf"(?P<role>{SIG_ROLE})(?:[（(]?(?:签名|签字|签章|签收|盖章|签名或盖章|签名并捺印)[)）]?"
    r"(?:[（(]?(?:或|并)?(?:盖章|捺印|签章|指印)[)）]?)?[:：]?|(?<=签收人)[:：])"  # 签收人：李明 is itself a signature
)
PARTY_ROLES = {"被询问人", "被检查人", "被检查单位", "被检查单位负责人", "被调查人", "被勘验人", "当事人",
               "现场负责人", "法定代表人", "委托代理人"}
OFFICER_ROLES = {"执法人员", "检查人员", "检查人", "询问人", "调查人", "调查人员", "记录人", "承办人", "勘验人"}
RECIPIENT_ROLES = {"受送达人", "收件人", "代收人", "当事人", "法定代表人", "委托代理人", "签收人"}
_VALUE_STOP = re.compile(
    rf"(?:{SIG_ROLE})[（(]?(?:签名|签字|签章|签收|盖章)|日期|时间|(?:19|20)\d\d[-年./]|[一二〇○零]{{4}}年|"
    r"[（(]?(?:签名|签字|盖章|捺印)[)）]?[:：]|年\s*月\s*日|[:：]"
)


@dataclass(slots=True)
class Officer:
    name: str
    cert_no: str | None
    line: Line


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


def split_names(text: str) -> list[str]:
    """Person names in a run of text such as 张伟、李明 or 张伟 李明 or 张伟（执法证号…）."""
    text = _CERT.sub(" ", text)
    text = _NOT_NAME.sub(" ", text)
    names = []
    for token in re.findall(rf"[{CJK}·]+", text):
        if 2 <= len(token) <= 4 or ("·" in token and len(token) <= 12):
            names.append(token)
    return names


_NAME_LIST = re.compile(r"[\u4e00-\u9fff]{2,4}(?:[、和及][\u4e00-\u9fff]{2,4})+")


def known_names(text: str) -> set[str]:
    """Names a document lists together (由许文涛、柯敏承办), to split names written side by side.

    The first item of a list may carry the words before it (由许文涛) and the
    last the words after it (柯敏承办): their 2-4 character ends are kept as
    candidates, and ``split_glued`` only accepts a split that covers the run.
    """
    out: set[str] = set()
    for m in _NAME_LIST.finditer(text):
        items = re.split(r"[、和及]", m.group())
        out.update(items[1:-1])
        out.update(items[0][-k:] for k in (2, 3, 4) if len(items[0]) >= k)
        out.update(items[-1][:k] for k in (2, 3, 4) if len(items[-1]) >= k)
    return out


def split_glued(written: str, known: set[str]) -> list[str]:
    """Names signed side by side and read as one run (OCR drops the gap: 许文涛柯敏), split into names
    the document gives elsewhere; a run that does not split so stays one value (the field is filled,
    whoever signed it). [] for anything but a run of 5 to 12 Chinese characters."""
    run = re.split(r"[0-9０-９]", re.sub(r"[\s|]", "", written))[0]  # 张立军陈晓东2024年…: the date ends it
    if not re.fullmatch(r"[\u4e00-\u9fff·]{5,12}", run):
        return []

    def cover(rest: str) -> list[str] | None:
        if not rest:
            return []
        for k in (4, 3, 2):  # longest name first
            if rest[:k] in known and (tail := cover(rest[k:])) is not None:
                return [rest[:k], *tail]
        return None

    return cover(run) or [run]


_BODY_START = re.compile(r"^(?:问[:：]|答[:：]|(?:现场)?检查情况|勘验情况|询问内容|调查内容|现场情况)")
# A list of names ends where a sentence goes on: 执法人员张伟、李明向当事人出示了执法证件.
_LIST_END = re.compile(r"[，。；;,]|向|对|在|已|依法|于|到|进行|共同|出示|告知|表明|按照|根据|前往|来到|现场|就")


def header_lines(dt: DocText) -> int:
    """Number of lines before a record's body (its Q&A or findings) starts."""
    for i, line in enumerate(dt.lines):
        if _BODY_START.match(line.cells[0].strip()):
            return i
    return len(dt.lines)


def officers(dt: DocText, limit_lines: int | None = None) -> list[Officer]:
    """Officers named on a record, each with the certificate number written next to the name.

    Only the record's header is read (before its Q&A or findings), so names in
    the questions and answers are never taken for officers.
    """
    found: dict[str, Officer] = {}
    lines = dt.lines[: limit_lines if limit_lines is not None else header_lines(dt)]
    i = 0
    while i < len(lines):
        line = lines[i]
        text = line.text
        m = OFFICER_LABEL.search(text)
        if not m or SIGNATURE_LABEL.match(text, m.start()):
            i += 1
            continue
        segment = text[m.end():]
        labelled = m.group().endswith((":", "：")) or segment.strip().startswith(("|", ":", "："))
        if not labelled and (cut := _LIST_END.search(segment)):
            segment = segment[: cut.start()]  # a sentence: keep only the names right after the label
        # A form that lists officers on following rows (执法人员 | 张伟 | 证号 | … / | 李明 | 证号 | …).
        j = i + 1
        while j < len(lines) and j <= i + 3:
            nxt = lines[j].text
            if OFFICER_LABEL.search(nxt) or SIGNATURE_LABEL.search(nxt) or RECORDER_LABEL.search(nxt):
                break
            if lines[j].row is not None and lines[j].block is line.block and not lines[j].cells[0].strip() and _CERT.search(nxt):
                segment += " | " + nxt
                j += 1
                continue
            if (_CERT_LABEL.match(nxt.strip()) or nxt.strip().startswith(("证号", "执法证"))) and _CERT.search(nxt):
                segment += " | " + nxt
                j += 1
                continue
            first = lines[j].cells[0].strip()
            if (_CERT.search(nxt) and _CERT_LABEL.search(nxt) and re.fullmatch(NAME, first)
                    and not re.search(r"[:：]", first)):
                segment += " | " + nxt  # a second officer on the next row: 李明 | 执法证号 | …
                j += 1
                continue
            break
        for off in _pair(segment, line):
            if off.name not in found or (found[off.name].cert_no is None and off.cert_no):
                found[off.name] = off
        i = j
    return list(found.values())


def _pair(segment: str, line: Line) -> list[Officer]:
    """Pair names and certificate numbers in order of appearance."""
    segment = RECORDER_LABEL.split(segment)[0]
    segment = re.split(r"被询问人|被检查人|当事人|地点|时间", segment)[0]
    tokens: list[tuple[str, str]] = []
    for m in re.finditer(rf"{_CERT.pattern}|[{CJK}·]+", segment):
        tok = m.group()
        if _CERT.fullmatch(tok):
            tokens.append(("cert", tok))
        else:
            for name in split_names(tok):
                tokens.append(("name", name))
    names = [t for k, t in tokens if k == "name"]
    certs = [t for k, t in tokens if k == "cert"]
    if not names:
        return []
    out: list[Officer] = []
    kinds = [k for k, _ in tokens]
    interleaved = len(names) == len(certs) and kinds[: 2 * len(names)] == ["name", "cert"] * len(names)
    if interleaved or len(names) == len(certs):
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
                rest = cell[m.end():]
                stop = _VALUE_STOP.search(rest)
                value = rest[: stop.start()] if stop else rest
                value_col = col
                images = line.images_in_cell(col)
                if not value.strip() and col + 1 < len(line.cells) and not SIGNATURE_LABEL.search(line.cells[col + 1]):
                    nxt = line.cells[col + 1]
                    stop = _VALUE_STOP.search(nxt)
                    value = nxt[: stop.start()] if stop else nxt
                    value_col = col + 1
                    images = images + line.images_in_cell(value_col)
                names = split_names(value)
                if not names and value.strip():
                    if known is None:
                        known = known_names(dt.text) | {o.name for o in officers(dt)}
                    names = split_glued(value, known)
                if names:
                    names += _names_in_following_cells(line, value_col)
                elif not value.strip() and not images:
                    images = _pictures_below(dt, line)
                if not names and line.block.bbox is not None:
                    images = images + _pdf_pictures_under(dt, line, value_col)
                looked = [img for img in images if img.mark in ("faint", "clean")]
                images = [img for img in images if img.mark not in ("faint", "clean")]
                ink = [img for img in images if not img.looks_like_seal]
                seal = [img for img in images if img.looks_like_seal]
                if not names and line.block.confidence is not None and not ink and not seal and \
                        not (looked and all(img.mark == "clean" for img in looked)):
                    # A scanned page where the field was not looked at (its label not found on the
                    # picture) or holds faint marks that are neither writing nor nothing: not read
                    # either way, so the rules that need it answer manual and name the page.
                    continue
                if names:
                    sig = Signature(role, m.group(), True, "text", "、".join(names), line, line.cell_starts[col] + m.start())
                elif ink or (images and not seal and any(img.red_share is None for img in images)):
                    sig = Signature(role, m.group(), True, "image", None, line, line.cell_starts[col] + m.start())
                elif seal and role in ("当事人", "被检查单位", "受送达人"):
                    sig = Signature(role, m.group(), True, "seal", None, line, line.cell_starts[col] + m.start())
                else:
                    sig = Signature(role, m.group(), False, "blank", None, line, line.cell_starts[col] + m.start())
                sig.images = len([img for img in images if not img.looks_like_seal and
                                  (img.looks_like_ink or img.red_share is None)])
                if names and line.block.confidence is None:
                    # A typed name with a picture beside it: the picture is that name's signature. On a
                    # scan, ink is looked for outside the names read, so it is someone else's signature.
                    sig.images = 0
                out.append(sig)
    return out


def _names_in_following_cells(line: Line, col: int) -> list[str]:
    """More signers in the cells after a filled field (询问人签名：张伟 | 李明 | 2024年3月8日)."""
    out = []
    for cell in line.cells[col + 1:]:
        c = cell.strip()
        if not c or SIGNATURE_LABEL.search(c) or _VALUE_STOP.search(c):
            break
        names = split_names(c)
        if not names or len("".join(names)) < len(re.sub(r"[\s、，,·]", "", c)):
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
    for nxt in dt.lines[i + 1: i + 4]:
        b = nxt.block
        if b is line.block or b.bbox is None or b.loc.page != line.block.loc.page or b.bbox[1] - bottom > 45:
            break
        if any(SIGNATURE_LABEL.search(c) for c in nxt.cells):
            break
        out.extend(img for img in b.images if img.bbox is not None and left <= img.bbox[0] < right
                   and img.bbox[1] - bottom < 45)
    return out


def _pictures_below(dt: DocText, line: Line) -> list:
    """The pictures of a line that holds only pictures right below a blank signature label."""
    i = dt.lines.index(line)
    if i + 1 < len(dt.lines):
        nxt = dt.lines[i + 1]
        if nxt.block is not line.block and not "".join(nxt.cells).strip() and nxt.block.kind != "table":
            return list(nxt.block.images)
    return []
