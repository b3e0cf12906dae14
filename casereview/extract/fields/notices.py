"""告知书 and the hearing (advance_notice, hearing_notice, hearing_record, statement_record): rights and their
deadlines, the proposed penalty, the hearing's date and presiding officer, a statement, waiver or request."""

from __future__ import annotations

import re

from casereview.extract.fields.common import (
    DEADLINE,
    Reader,
    cn_int,
    date_after_label,
    date_or_time,
    first_date,
    service_date,
    violation_date,
)
from casereview.extract.fields.penalties import penalty_section
from casereview.model import Penalty, Value
from casereview.text.names import split_names
from casereview.text.normalize import compact

_TITLE_LINES = 5  # a document's title is among its first lines


def _in_title(r: Reader, offset: int) -> bool:
    """The offset lies on the document's title line (陈述申辩告知书 names the rights, it does not state them)."""
    title = compact(r.doc.title or "")
    if not title:
        return False
    index = r.dt.line_index(offset)
    return index < _TITLE_LINES and compact(r.dt.lines[index].text).endswith(title)


def read_notice(r: Reader) -> None:
    """advance_notice: facts, reasons, legal basis, proposed penalty, rights and their deadline."""
    f = r.fields
    rights = {}
    for right in ("statement", "defence", "hearing"):
        hs = [h for h in r.hits("RIGHT", right) if not r.negated(h) and not _in_title(r, h.start)]
        rights[right] = r.value(True, hs[0].start, hs[0].end) if hs else None
    f["rights"] = rights
    deadline = None
    for m in DEADLINE.finditer(r.text):
        window = r.text[max(0, m.start() - 60) : m.end() + 60]
        if re.search(r"陈述|申辩|听证", window):
            deadline = r.value({"days": cn_int(m.group("n")), "unit": m.group("unit")}, m.start(), m.end())
            break
    f["rights_deadline"] = deadline
    hearing_deadline = None
    for m in DEADLINE.finditer(r.text):
        window = r.text[max(0, m.start() - 30) : m.end() + 30]
        if "听证" in window:
            hearing_deadline = r.value(
                {"days": cn_int(m.group("n")), "unit": m.group("unit")}, m.start(), m.end()
            )
            break
    f["hearing_deadline"] = hearing_deadline
    f["violation_date"] = violation_date(r)
    # The party's dated receipt on the notice itself (签收：… 2024年3月5日), when there is one.
    f["receipt_date"] = service_date(r)
    facts = r.hits("FACTS")
    f["facts"] = r.value(True, facts[0].start, facts[0].end) if facts else None
    reasons = r.hits("REASON")
    f["reasons"] = r.value(True, reasons[0].start, reasons[0].end) if reasons else None
    cites = f.get("citations") or []
    f["legal_basis"] = cites[0] if cites else None
    f[Penalty.KEY] = penalty_section(r, proposed=True)


_PRESIDING = re.compile(r"(?:听证)?主持人[:：]?(?![（(]?签)")


def _presiding(r: Reader) -> Value | None:
    """The hearing's presiding officer, as a notice announces or a record names them (主持人：…)."""
    found = r.labelled_text(_PRESIDING)
    names = [n for t, _ in found for n in split_names(re.split(r"[，,；;|、]|听证员|书记员|记录", t)[0])]
    return r.value(names[0], found[0][1]) if names else None


def read_hearing_notice(r: Reader) -> None:
    """hearing_notice: the hearing's date and, where the notice names them, its presiding officer."""
    m = re.search(r"(?:定于|将于|拟于|兹定于)", r.text)
    ds = r.dates_in(m.end(), m.end() + 12) if m else []
    r.fields["hearing_date"] = r.value(date_or_time(ds[0]), ds[0].start, ds[0].end) if ds else None
    r.fields["presiding"] = _presiding(r)


def read_hearing_record(r: Reader) -> None:
    f = r.fields
    d = date_after_label(r, re.compile(r"(?:听证)?(?:时间|日期)[:：]?"))
    f["hearing_date"] = d or first_date(r)
    f["presiding"] = _presiding(r)
    inv = r.labelled_text(re.compile(r"(?:案件)?调查(?:人员|人)[:：]?"))
    f["investigators"] = [
        r.value(n, off) for t, off in inv for n in split_names(re.split(r"当事人|委托", t)[0])
    ]


def read_statement(r: Reader) -> None:
    """statement_record: a statement, a waiver, or a hearing request."""
    f = r.fields
    waiver = r.hits("WAIVER")
    req = [
        h
        for h in r.hits("HEARING_REQUEST")
        if not r.negated(h)
        and not any(w.id == "waive_hearing" and w.start <= h.start < w.end + 2 for w in waiver)
    ]
    f["hearing_requested"] = r.value(True, req[0].start, req[0].end) if req else None
    f["waiver"] = r.value([h.id for h in waiver], waiver[0].start, waiver[0].end) if waiver else None
    if req and re.search(r"听证", r.doc.title):
        kind = "hearing_request"
    elif waiver and re.search(r"放弃|声明", r.doc.title + r.text[:200]):
        kind = "waiver"
    elif re.search(r"复核", r.doc.title):
        kind = "review"
    else:
        kind = "statement"
    f["kind"] = Value(kind, r.doc.first_loc.with_quote(r.doc.title))
