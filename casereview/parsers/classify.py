"""Document recognition: split each source into documents and give each a type.

A document starts where a title line stands near the top of a page (or the
start of a file, or is set out as a title: centred, bold, a heading style).
The title is matched against the lexicon in ``data/doctypes.json`` (titles
vary by county and sector: 立案审批表 / 立案呈批表, 行政处罚告知书 /
陈述申辩告知书 …). A document without a recognisable title is typed from its
content keywords, or kept as ``unknown`` with its first line as title. File
names are never used. Pages with no text layer become ``needs_ocr`` documents
of unknown type: nothing is concluded from them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import PurePosixPath

from casereview.extract.normalize import compact
from casereview.model import Block, Document, SourceFile

_TITLE_MAX = 40  # a title line is short
_TOP_LINES = 5  # a title must stand within this many lines of the page top (unless styled)
_SUFFIX = re.compile(r"[（(\[【〔](第.{1,4}页|共.{1,4}页|副本|正本|存根|复印件|第[一二三四五六七八九十\d]+联|[一二三四五六七八九十\d]+|.{0,4}联|代.{0,4}|续页?|首页|回执|摘要|节选|摘录|样本|原件|扫描件|影印件|打印件|截图|简易程序|一般程序|当场)[）)\]】〕]$")
# A title with its own 文号 run on after it (林业行政处罚决定书寻林罚决字〔2023〕第8号): the number is not the title.
_NUMBER = re.compile(r"(?:[（(][\u4e00-\u9fff\d]{1,6}[）)])?[\u4e00-\u9fffA-Za-z\d（）()]{1,16}[〔\[【（(［﹝]\s*(?:19|20)\d{2}\s*"
                     r"[〕\]】）)］﹞]\s*第?\s*[A-Za-z]?[\d\-－]{1,8}\s*号")
_TITLE_END = re.compile(r"(?:书|表|证|录|单|执|报告|记录|说明)")


def _cut_number(c: str) -> str:
    """The title of a line that runs its 文号 on after it; the line unchanged when there is none."""
    for m in _TITLE_END.finditer(c):
        # 决定书文号 …: a label of the number (its 号 perhaps wrapped to the next line), not a title
        if m.end() >= 4 and _NUMBER.fullmatch(c, m.end()) and not c.startswith(("文", "编号", "号"), m.end()):
            return c[: m.end()]
    return c
_LEAD_NUM = re.compile(r"^(\d{1,3}[.、．]|[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）)")
_AGENCY_END = re.compile(r"(局|队|大队|支队|委员会|政府|所|中心|办公室|站|厅|部|分局|办事处|镇|乡|街道|执法局|管委会|公司)$")
_AGENCY_INSIDE = re.compile(r"(?:局|队|委员会|政府|所|中心|办公室|站|厅|部|办事处|管委会)")
_PAGE_MARK = re.compile(r"第\s*([\d一二三四五六七八九十]+)\s*页")
_MIN_CONTENT_SCORE = 4


@dataclass(frozen=True)
class TypeSpec:
    type: str
    zh: str
    titles: tuple[re.Pattern[str], ...]
    exclude: tuple[re.Pattern[str], ...]
    content: tuple[tuple[re.Pattern[str], float], ...]


@lru_cache(maxsize=1)
def _any_title() -> re.Pattern[str]:
    """All title patterns in one alternation: a cheap first test before the per-type search."""
    return re.compile("|".join(f"(?:{p.pattern})" for s in type_specs() for p in s.titles))


@lru_cache(maxsize=1)
def type_specs() -> tuple[TypeSpec, ...]:
    """The document-type lexicon, loaded once from package data."""
    raw = json.loads(resources.files("casereview.data").joinpath("doctypes.json").read_text("utf-8"))
    specs = []
    for entry in raw["types"]:
        specs.append(TypeSpec(
            type=entry["type"],
            zh=entry.get("zh", ""),
            titles=tuple(re.compile(f"(?:{p})") for p in entry.get("titles", [])),
            exclude=tuple(re.compile(p) for p in entry.get("exclude", [])),
            content=tuple((re.compile(p), float(w)) for p, w in entry.get("content", [])),
        ))
    return tuple(specs)


def type_names() -> dict[str, str]:
    """type id -> Chinese name."""
    return {s.type: s.zh for s in type_specs()}


def match_title(line: str) -> tuple[str, str] | None:
    """(type, title) when ``line`` is a document title, else None.

    The title may be preceded by the agency's name (青山县市场监督管理局行政处罚决定书)
    and followed by a copy mark (（副本）, （第二联）).
    """
    if len(line) > 2 * _TITLE_MAX or "|" in line or "。" in line or "，" in line or "；" in line:
        return None  # sentences and table rows are not titles
    c = compact(line)
    if not c or len(c) > _TITLE_MAX:
        return None
    c = _LEAD_NUM.sub("", c)
    c = _cut_number(c)
    printed = c
    while True:
        stripped = _SUFFIX.sub("", c)
        if stripped == c:
            break
        c = stripped
    # A title is the whole line, or the line after the agency's name: try those starts only.
    starts = [0] + [m.end() for m in _AGENCY_INSIDE.finditer(c) if m.end() < len(c)]
    best: tuple[int, int, str, str] | None = None
    any_title = _any_title()
    for start in starts:
        if not any_title.fullmatch(c, start):
            continue
        for order, spec in enumerate(type_specs()):
            if any(x.search(c) for x in spec.exclude):
                continue
            if any(p.fullmatch(c, start) for p in spec.titles):
                best = (start, order, spec.type, printed[start:])
                break
        if best is not None:
            break
    if best is None:
        # An excluded title (e.g. 不予行政处罚决定书) is still a title: keep it as unknown.
        for spec in type_specs():
            if any(x.search(c) for x in spec.exclude):
                return ("unknown", c)
        return None
    return best[2], best[3]


def _block_title(block: Block) -> tuple[str, str] | None:
    if block.part in ("header", "footer"):
        return None
    if block.kind == "paragraph":
        return match_title(block.text)
    if block.kind == "table" and block.rows:
        first = [c for c in dict.fromkeys(block.rows[0]) if c]
        if len(first) == 1:
            return match_title(first[0])
    return None


def _styled_title(block: Block) -> bool:
    return block.centered or block.bold or block.style.lower().startswith(("title", "heading")) or (
        block.size is not None and block.size >= 15)


def _is_preamble(block: Block) -> bool:
    """A short line that may stand above a title: the agency name, a copy mark, a number."""
    return block.kind == "paragraph" and len(block.text) <= 30 and "|" not in block.text


def classify_sources(sources: list[SourceFile]) -> list[Document]:
    """Split every source into typed documents, in file order."""
    docs: list[Document] = []
    for src in sources:
        docs.extend(split_source(src))
    return docs


def split_source(src: SourceFile) -> list[Document]:
    """The documents one file holds (a whole bound file gives many)."""
    blocks = src.blocks
    if not blocks:
        return []
    starts: list[tuple[int, tuple[str, str] | None]] = []
    alternatives: dict[int, list[str]] = {}
    page_start = 0
    since_top = 0
    current_type: str | None = None
    ocr_pages = set(src.ocr_pages)
    prev_page = None
    for i, b in enumerate(blocks):
        new_page = i == 0 or b.page_break_before or (b.loc.page is not None and b.loc.page != prev_page)
        prev_page = b.loc.page
        if new_page:
            page_start, since_top = i, 0
        if b.kind == "image" and b.loc.page in ocr_pages:
            starts.append((i, ("unknown", "")))  # a page to be read by OCR: a unit of its own
            current_type = "__ocr__"
            continue
        if current_type == "__ocr__" and new_page:
            starts.append((i, None))
            current_type = None
        title = _block_title(b)
        if title and (since_top < _TOP_LINES or _styled_title(b)):
            begin = i
            if since_top < _TOP_LINES and all(_is_preamble(x) for x in blocks[page_start:i]):
                begin = page_start
            if title[0] == current_type and not new_page and since_top >= _TOP_LINES:
                pass  # the same title again inside a document (e.g. a form's second part)
            elif title[0] == current_type and _continuation_page(blocks, begin, i):
                pass  # 询问笔录（第2页）: the same record continues
            else:
                if starts and starts[-1][0] == begin:
                    # A second title line at the same page top (非税收入一般缴款书 / 罚没款缴款凭证,
                    # 营业执照（复印件） above a table headed 营业执照): the first is kept as the title,
                    # the others are alternatives.
                    if starts[-1][1] and starts[-1][1][0] == title[0]:
                        alternatives.setdefault(begin, []).append(title[1])
                else:
                    starts.append((begin, title))
                current_type = title[0]
        if b.part == "body" or b.kind != "paragraph":
            since_top += 1
    if not starts or starts[0][0] != 0:
        starts.insert(0, (0, None))
    docs: list[Document] = []
    for n, (begin, title) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(blocks)
        part = blocks[begin:end]
        if not part:
            continue
        if all(b.part in ("header", "footer") for b in part) and docs:
            docs[-1].blocks.extend(part)
            continue
        doc = _make_document(src, part, title, ocr_pages)
        doc.other_titles = alternatives.get(begin, [])
        docs.append(doc)
    _fold_headers(docs)
    return docs


def _continuation_page(blocks: list[Block], begin: int, title_index: int) -> bool:
    for b in blocks[begin: title_index + 3]:
        m = _PAGE_MARK.search(b.text)
        if m and m.group(1) not in ("1", "一"):
            return True
        if "续页" in b.text:
            return True
    return False


def _make_document(src: SourceFile, part: list[Block], title: tuple[str, str] | None, ocr_pages: set[int]) -> Document:
    pages = sorted({b.loc.page for b in part if b.loc.page is not None}) or None
    needs_ocr = bool(pages and ocr_pages.intersection(pages)) or (
        src.format == "image" and bool(src.ocr_pages))
    if needs_ocr and all(b.kind == "image" for b in part):
        # Nothing to read until OCR: the file name is the only hint (现场照片.jpg), and only a hint.
        hint = match_title(PurePosixPath(src.path).stem) if (src.format == "image" or len(part) == len(src.blocks)) else None
        doc_type, doc_title = hint if hint else ("unknown", "")
        return Document(type=doc_type, title=doc_title, source=src.path, blocks=part, pages=pages, needs_ocr=True,
                        classify_score=0.5 if hint else 0.0, unread_pages=_unread(src, pages, ocr_pages))
    if title is None:
        doc_type, doc_title, score = classify_by_content(part)
    else:
        doc_type, doc_title, score = title[0], title[1], 10.0
    return Document(type=doc_type, title=doc_title, source=src.path, blocks=part, pages=pages,
                    needs_ocr=needs_ocr, classify_score=score, unread_pages=_unread(src, pages, ocr_pages))


def _unread(src: SourceFile, pages: list[int] | None, ocr_pages: set[int]) -> list[int]:
    """The document's pages still waiting for a person (an image file counts as its page 1)."""
    if src.format == "image" and src.ocr_pages:
        return [1]
    return sorted(ocr_pages.intersection(pages or []))


def classify_by_content(blocks: list[Block]) -> tuple[str, str, float]:
    """Type from body keywords when there is no recognisable title."""
    text = "\n".join(b.text for b in blocks[:80])
    best_type, best_score = "unknown", 0.0
    for spec in type_specs():
        score = sum(w for rx, w in spec.content if rx.search(text))
        if score > best_score:
            best_type, best_score = spec.type, score
    first = next((re.sub(r"\s+", "", b.text) for b in blocks if b.kind == "paragraph" and b.part == "body" and b.text), "")
    title = first[:_TITLE_MAX] if len(first) <= _TITLE_MAX else ""
    if best_score < _MIN_CONTENT_SCORE:
        return "unknown", title, best_score
    return best_type, title, best_score


def _fold_headers(docs: list[Document]) -> None:
    """A document made only of a header before the first title joins the next document."""
    i = 0
    while i < len(docs) - 1:
        d = docs[i]
        if d.type == "unknown" and not d.needs_ocr and all(_is_preamble(b) for b in d.blocks) and len(d.blocks) <= 3:
            nxt = docs[i + 1]
            nxt.blocks = d.blocks + nxt.blocks
            if d.pages and nxt.pages:
                nxt.pages = sorted(set(d.pages) | set(nxt.pages))
            del docs[i]
            continue
        i += 1
