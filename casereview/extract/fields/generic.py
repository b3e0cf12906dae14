"""The fields read from every document: case numbers, dates, amounts, citations, signatures, seals, the party,
the agency, the cause and the case name."""

from __future__ import annotations

import re

from casereview.extract.amounts import find_amounts, malformed_figures, words_figures_pairs
from casereview.extract.doctext import Line
from casereview.extract.fields.closing import closing_agency
from casereview.extract.fields.common import CASE_NUMBER, FlatText, Reader, date_or_time
from casereview.extract.fields.numbers import number_ref, number_start, own_case_number, standalone_number
from casereview.extract.fields.party import (
    ADDRESS_LABEL,
    CREDIT_CODE,
    ID_NUMBER,
    MASKED_CREDIT_CODE,
    MASKED_ID_NUMBER,
    find_party,
    party_number,
)
from casereview.extract.laws import find_citations, role_of
from casereview.extract.people import signatures
from casereview.model import Signature, Value
from casereview.text.normalize import canonical_brackets


def read_generic(r: Reader) -> None:  # noqa: C901 - extraction/rule logic kept as is until it can be split with its cases
    doc, f = r.doc, r.fields
    numbers = []
    refs = []
    for m in CASE_NUMBER.finditer(r.text):
        start = number_start(r.text, m)
        numbers.append(
            r.value(canonical_brackets(re.sub(r"\s+", "", r.text[start : m.end()])), start, m.end())
        )
        refs.append(number_ref(r, start, m.end()))
    if numbers:
        f["case_numbers"] = numbers
        doc.case_number = own_case_number(r, numbers)
        # Which document each 文号 names (C02): the title next to it, or None.
        f["number_refs"] = [
            Value({"number": v.value, **ref}, v.loc) for v, ref in zip(numbers, refs, strict=True)
        ]
        own = standalone_number(r, numbers)
        if own is not None:
            f["own_case_number"] = own  # the document's own 文号 on a line of its own near the top
    f["dates"] = [
        r.value(d.value if d.time is None else date_or_time(d), d.start, d.end)
        for d in r.dates
        if d.precision == "day"
    ]
    amounts = find_amounts(r.text)
    if amounts:
        f["amounts"] = [
            r.value({"yuan": a.yuan, "form": a.form, "text": a.text}, a.start, a.end) for a in amounts
        ]
    # The same two amounts may be paired both ways (大写…小写 on adjacent lines): keep each pair once.
    # Pairs come in text order (50000元（大写：伍万元整）): put the words first.
    pairs = list(
        {
            (w.start, g.start): (w, g)
            for w, g in (
                (a, b) if a.form == "words" else (b, a)
                for a, b in words_figures_pairs(r.text) + _labelled_pairs(r)
            )
        }.values()
    )
    if pairs:
        f["amount_pairs"] = [
            r.value(
                {
                    "words": w.yuan,
                    "figures": g.yuan,
                    "text": r.text[min(w.start, g.start) : max(w.end, g.end)],
                    "words_text": w.text,
                    "figures_text": g.text,
                },
                min(w.start, g.start),
                max(w.end, g.end),
            )
            for w, g in pairs
        ]
    bad = malformed_figures(r.text)
    if bad:
        # On a scan the print may be right and the reading wrong: C03 then asks a person to look.
        f["malformed_figures"] = [
            r.value({"text": t, "scanned": r.dt.line_at(a).block.confidence is not None}, a, b)
            for a, b, t in bad
        ]
    # Citations are read on the flattened text: PDF lines wrap inside law names and articles
    # (《中华人民共和国大气污\n染防治法》第九十\n九条).
    flat = FlatText(r)
    cites = find_citations(flat.text)
    if cites:
        f["citations"] = [
            flat.value(
                {
                    "law": c.law,
                    "articles": list(c.articles),
                    "vague": c.vague,
                    "text": c.text,
                    "strings": c.strings(),
                    "role": role_of(flat.text, c.start),
                    "alias": _is_alias(flat.text, c.start, c.end),
                    "loose_article": _loose_article(flat.text, c.end) if not c.articles else None,
                },
                c.start,
                c.end,
            )
            for c in cites
        ]
    sigs = signatures(r.dt)
    if sigs:
        f["signatures"] = [
            Value(
                Signature(
                    s.role,
                    s.signed,
                    s.kind,
                    s.name,
                    s.label,
                    s.images,
                    scanned=s.line.block.confidence is not None,
                ),
                r.dt.line_loc(s.line),
            )
            for s in sigs
        ]
    seals = []
    n_lines = len(r.dt.lines)
    first_of_block: dict[int, Line] = {}  # id(block) -> its first line, built once (linear in the lines)
    for line in r.dt.lines:
        first_of_block.setdefault(id(line.block), line)
    for i, line in enumerate(r.dt.lines):
        if line.row is not None and line.block.kind == "table":
            imgs = [
                img
                for img, (row, _) in zip(line.block.images, line.block.image_cells, strict=False)
                if row == line.row
            ]
        elif line.block.kind != "table" and line is first_of_block.get(id(line.block), line):
            imgs = line.block.images
        else:
            imgs = []
        for img in imgs:
            if img.looks_like_seal:
                seals.append(r.line_value({"near_closing": i >= n_lines - 12, "image": img.to_json()}, line))
    f["seals"] = seals
    f["images"] = sum(len(b.images) for b in doc.blocks)
    party = find_party(r)
    if party:
        f["party"] = party
    for rxs, key in (
        (((CREDIT_CODE, False), (MASKED_CREDIT_CODE, True)), "credit_code"),
        (((ID_NUMBER, False), (MASKED_ID_NUMBER, True)), "id_number"),
    ):
        m = party_number(r, rxs, key)
        if m is not None:
            f[key] = r.value(m.group(), m.start(), m.end())
    addr = [(t, o) for t, o in r.labelled_text(ADDRESS_LABEL) if t]
    if addr:
        t, o = addr[0]
        f["party_address"] = r.value(re.split(r"[，。；;|]|\s{2,}", t)[0], o)
    agency = closing_agency(r)
    if agency:
        f["agency"] = agency
    for key, label in (("cause", _CAUSE_LABEL), ("case_name", _CASE_NAME_LABEL)):
        found = [(t, o) for t, o in r.labelled_text(label) if t]
        if found:
            text, off = found[0]
            value = re.split(r"\s*\|\s*|[。；;\n]", text)[0].strip()
            if value:
                f[key] = r.value(value, off, off + len(value))


_CAUSE_LABEL = re.compile(r"^\s*案\s*由[:：]?")
_CASE_NAME_LABEL = re.compile(r"^\s*(?:案件名称|案卷名称|案\s*名)[:：]?")


def _labelled_pairs(r: Reader) -> list:
    """金额（大写） | 伍万元整 on one row and 金额（小写） | ¥50,000.00 on the next: one amount in two forms."""
    out = []
    lines = r.dt.lines
    for i, line in enumerate(lines):
        if "大写" not in line.text:
            continue
        words = [a for a in find_amounts(line.text) if a.form == "words"]
        if not words:
            continue
        above = [(k, x) for k, x in enumerate(lines[max(0, i - 2) : i]) if "小写" in x.text]
        if above and "小写" not in line.text:  # 金额（小写） | ¥13,000.00 above 金额（大写） | 壹万叁仟元整
            _, prev = above[-1]
            figs = [a for a in find_amounts(prev.text) if a.form == "figures"]
            if figs:
                out.append((_shift(words[0], line.start), _shift(figs[0], prev.start)))
                continue
        small = line.text.find("小写", words[0].end)
        if small >= 0:  # 金额（大写） | 叁仟元整 | 金额（小写） | ¥3000.00 on one row
            figs = [a for a in find_amounts(line.text[small:]) if a.form == "figures"]
            if figs:
                out.append((_shift(words[0], line.start), _shift(figs[0], line.start + small)))
                continue
        for nxt in lines[i + 1 : i + 3]:
            if "小写" in nxt.text:
                figs = [a for a in find_amounts(nxt.text) if a.form == "figures"]
                if figs:
                    w, g = words[0], figs[0]
                    out.append((_shift(w, line.start), _shift(g, nxt.start)))
                break
    return out


def _shift(a, offset: int):
    from dataclasses import replace

    return replace(a, start=a.start + offset, end=a.end + offset)


def _is_alias(text: str, start: int, end: int) -> bool:
    """A law named only to define its short form: 《中华人民共和国食品安全法》（以下简称《食品安全法》）."""
    return bool(
        re.match(r"\s*[（(]\s*以下简称", text[end : end + 8])
        or re.search(r"以下简称\s*$", text[max(0, start - 8) : start])
    )


def _loose_article(text: str, end: int) -> str | None:
    """An article written irregularly right after the law (一百二十四条, （第三十四条）, 第124 条): its text."""
    m = re.match(r"\s*[（(]?\s*第?\s*[零一二三四五六七八九十百千〇两\d]+\s*条", text[end : end + 16])
    return m.group().strip() if m else None
