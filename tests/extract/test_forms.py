"""A label's value wherever a form puts it: after the label, in the next cell, under a row of labels, nowhere."""

from __future__ import annotations

import re

import pytest

from casereview.extract.doctext import DocText
from casereview.extract.forms import value_of
from casereview.extract.people import officers, signatures
from casereview.model import Block, Document, Location
from casereview.text.labels import is_label_cell


def _doc(*rows: list[str], paragraphs: tuple[str, ...] = ()) -> Document:
    blocks = [Block("paragraph", p, Location("x.docx", None, i + 1)) for i, p in enumerate(paragraphs)]
    table = [list(r) for r in rows]
    blocks.append(
        Block(
            "table",
            "\n".join(" | ".join(r) for r in table),
            Location("x.docx", None, len(blocks) + 1),
            rows=table,
        )
    )
    return Document("inquiry_record", "询问笔录", "x.docx", blocks)


def _value(dt: DocText, label: str):
    for line in dt.lines:
        for col, cell in enumerate(line.cells):
            m = re.search(re.escape(label), cell)
            if m:
                return value_of(dt, line, col, line.cell_starts[col] + m.end())
    raise AssertionError(label)


@pytest.mark.parametrize(
    ("rows", "label", "text", "where"),
    [
        ([["受送达人签名：李明", "2024年5月20日"]], "受送达人签名：", "李明", "inline"),
        ([["受送达人签名", "李明", "2024年5月20日"]], "受送达人签名", "李明", "right"),
        ([["询问人（签名）", "记录人（签名）"], ["张伟", "李明"]], "记录人（签名）", "李明", "below"),
        ([["受送达人签名或盖章", "", "2024年5月20日"]], "受送达人签名或盖章", "", "right"),
        ([["受送达人签名", "日期"]], "受送达人签名", "", "none"),  # the next cell is another label
    ],
)
def test_value_of_finds_the_value_where_the_form_puts_it(rows, label, text, where):
    slot = _value(DocText(_doc(*rows)), label)
    assert (slot.text, slot.where) == (text, where)


def test_signatures_under_a_row_of_labels():
    sigs = signatures(DocText(_doc(["询问人（签名）", "记录人（签名）"], ["张伟", "李明"])))
    assert [(s.role, s.name) for s in sigs] == [("询问人", "张伟"), ("记录人", "李明")]


def test_officers_in_rows_with_their_numbers_and_a_merged_label():
    doc = _doc(
        ["执法人员", "殷志鹏", "执法证号", "WH-3624-0117"],
        ["", "乔雪梅", "执法证号", ""],
        ["被询问人", "邵宏伟", "性别", "男"],
        paragraphs=("询问笔录",),
    )
    found = officers(DocText(doc))
    assert [(o.name, o.cert_no) for o in found] == [("殷志鹏", "WH-3624-0117"), ("乔雪梅", None)]


@pytest.mark.parametrize(
    ("cell", "label"),
    [
        ("询问人", True),
        ("检查人员1", True),
        ("执法证号：", True),
        ("受送达人（签名或盖章）", True),
        ("性别", True),
        ("张伟", False),
        ("2024年5月20日", False),
    ],
)
def test_label_cells(cell, label):
    assert is_label_cell(cell) is label
