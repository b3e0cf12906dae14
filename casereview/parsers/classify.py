"""Document recognition: split each source into documents and give each a type.

A document starts where a title line stands near the top of a page (or the
start of a file, or is set out as a title: centred, bold, a heading style).
The title is matched against the lexicon in ``data/doctypes.json`` (titles
vary by county and sector: 立案审批表 / 立案呈批表, 行政处罚告知书 /
陈述申辩告知书 …; ``casereview.text.doctypes``). A document without a recognisable title is typed from its
content keywords, or kept as ``unknown`` with its first line as title. File
names are never used. Pages with no text layer become ``needs_ocr`` documents
of unknown type: nothing is concluded from them.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from casereview.model import Block, DocType, Document, SourceFile
from casereview.text.doctypes import TITLE_MAX, match_title, type_specs

_TOP_LINES = 5  # a title must stand within this many lines of the page top (unless styled)
_AGENCY_END = re.compile(
    r"(局|队|大队|支队|委员会|政府|所|中心|办公室|站|厅|部|分局|办事处|镇|乡|街道|执法局|管委会|公司)$"
)
_PAGE_MARK = re.compile(r"第\s*([\d一二三四五六七八九十]+)\s*页")
_MIN_CONTENT_SCORE = 4


_TITLE_SIZE = 15  # points: text this large is set as a title (body text is 12-14 pt, 小四 to 四号)
_PREAMBLE_MAX_CHARS = 30  # a line above a title (agency, copy mark, number) is at most this long
_PREAMBLE_MAX_LINES = 3  # … and there are at most this many of them


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
    return (
        block.centered
        or block.bold
        or block.style.lower().startswith(("title", "heading"))
        or (block.size is not None and block.size >= _TITLE_SIZE)
    )


def _is_preamble(block: Block) -> bool:
    """A short line that may stand above a title: the agency name, a copy mark, a number."""
    return block.kind == "paragraph" and len(block.text) <= _PREAMBLE_MAX_CHARS and "|" not in block.text


def classify_sources(sources: list[SourceFile]) -> list[Document]:
    """Split every source into typed documents, in file order."""
    docs: list[Document] = []
    for src in sources:
        docs.extend(split_source(src))
    return docs


def split_source(src: SourceFile) -> list[Document]:  # noqa: C901 - document-splitting logic kept as is until it can be split with its tests
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
            starts.append((i, (DocType.UNKNOWN, "")))  # a page to be read by OCR: a unit of its own
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
    for b in blocks[begin : title_index + 3]:
        m = _PAGE_MARK.search(b.text)
        if m and m.group(1) not in ("1", "一"):
            return True
        if "续页" in b.text:
            return True
    return False


def _make_document(
    src: SourceFile, part: list[Block], title: tuple[str, str] | None, ocr_pages: set[int]
) -> Document:
    pages = sorted({b.loc.page for b in part if b.loc.page is not None}) or None
    needs_ocr = bool(pages and ocr_pages.intersection(pages)) or (
        src.format == "image" and bool(src.ocr_pages)
    )
    if needs_ocr and all(b.kind == "image" for b in part):
        # Nothing to read until OCR: the file name is the only hint (现场照片.jpg), and only a hint.
        hint = (
            match_title(PurePosixPath(src.path).stem)
            if (src.format == "image" or len(part) == len(src.blocks))
            else None
        )
        doc_type, doc_title = hint if hint else (DocType.UNKNOWN, "")
        return Document(
            type=doc_type,
            title=doc_title,
            source=src.path,
            blocks=part,
            pages=pages,
            needs_ocr=True,
            classify_score=0.5 if hint else 0.0,
            unread_pages=_unread(src, pages, ocr_pages),
        )
    if title is None:
        doc_type, doc_title, score = classify_by_content(part)
    else:
        doc_type, doc_title, score = title[0], title[1], 10.0
    return Document(
        type=doc_type,
        title=doc_title,
        source=src.path,
        blocks=part,
        pages=pages,
        needs_ocr=needs_ocr,
        classify_score=score,
        unread_pages=_unread(src, pages, ocr_pages),
    )


def _unread(src: SourceFile, pages: list[int] | None, ocr_pages: set[int]) -> list[int]:
    """The document's pages still waiting for a person (an image file counts as its page 1)."""
    if src.format == "image" and src.ocr_pages:
        return [1]
    return sorted(ocr_pages.intersection(pages or []))


def classify_by_content(blocks: list[Block]) -> tuple[str, str, float]:
    """Type from body keywords when there is no recognisable title."""
    text = "\n".join(b.text for b in blocks[:80])
    best_type, best_score = DocType.UNKNOWN, 0.0
    for spec in type_specs():
        score = sum(w for rx, w in spec.content if rx.search(text))
        if score > best_score:
            best_type, best_score = spec.type, score
    first = next(
        (re.sub(r"\s+", "", b.text) for b in blocks if b.kind == "paragraph" and b.part == "body" and b.text),
        "",
    )
    title = first[:TITLE_MAX] if len(first) <= TITLE_MAX else ""
    if best_score < _MIN_CONTENT_SCORE:
        return DocType.UNKNOWN, title, best_score
    return best_type, title, best_score


def _fold_headers(docs: list[Document]) -> None:
    """A document made only of a header before the first title joins the next document."""
    i = 0
    while i < len(docs) - 1:
        d = docs[i]
        if (
            d.type == DocType.UNKNOWN
            and not d.needs_ocr
            and all(_is_preamble(b) for b in d.blocks)
            and len(d.blocks) <= _PREAMBLE_MAX_LINES
        ):
            nxt = docs[i + 1]
            nxt.blocks = d.blocks + nxt.blocks
            if d.pages and nxt.pages:
                nxt.pages = sorted(set(d.pages) | set(nxt.pages))
            del docs[i]
            continue
        i += 1
