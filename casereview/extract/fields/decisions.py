"""决定书 (penalty_decision, publicity_record): facts, evidence, payment, remedies, the closing, bare
citations, a reported hearing request, and a decision as published (公示)."""

from __future__ import annotations

import re

from casereview.extract.dates import find_dates
from casereview.extract.fields.closing import agency_in_closing, closing_date, unreadable_closing_date
from casereview.extract.fields.common import (
    AGENCY,
    CASE_NUMBER,
    DEADLINE,
    FlatText,
    Reader,
    cn_int,
    date_after_label,
    first_date,
    service_date,
    violation_date,
)
from casereview.extract.fields.party import party_name
from casereview.extract.fields.penalties import penalty_section
from casereview.extract.forms import value_of
from casereview.extract.nlp import find_phrases
from casereview.model import Penalty
from casereview.text.labels import published_labels
from casereview.text.normalize import canonical_brackets, compact

_REVIEW = re.compile(
    r"(?P<n>[\d一二三四五六七八九十百]+)\s*(?:个)?(?P<unit>日|天|个月|月|年)(?:内|之内|以内)?[^。；;\d一二三四五六七八九十]{0,40}?(?:申请)?(?:行政)?复议"
)
_LITIGATION = re.compile(
    r"(?P<n>[\d一二三四五六七八九十]+)\s*(?:个)?(?P<unit>日|天|个月|月|年)(?:内|之内|以内)?[^。；;\d一二三四五六七八九十]{0,40}?(?:提起|起诉)(?:行政)?(?:诉讼)?"
)
# A law cited to an article without 书名号: 依据食品安全法第一百二十四条 (D03 counts it as a citation).
_BARE_CITATION = re.compile(
    r"(?:依据|根据|依照|按照|违反了?)(?:\s*)(?P<law>(?:中华人民共和国)?[\u4e00-\u9fff]{2,30}?(?:法|条例|规定|办法|细则))"
    r"(?P<article>第[零一二三四五六七八九十百千〇两\d]+条)"
)


_NUMBER_MAX_CHARS = 30  # a line ending in 号 is taken as a 文号 only when it is this short


def read_decision(r: Reader) -> None:
    """penalty_decision: penalty, basis, payment, remedies, evidence."""
    f = r.fields
    f[Penalty.KEY] = penalty_section(r, proposed=False)
    facts = r.hits("FACTS")
    f["facts"] = r.value(True, facts[0].start, facts[0].end) if facts else None
    # 证据 in 当事人未提出新的事实、理由和证据 is the party's statement, not the evidence the decision rests on.
    ev = [h for h in r.hits("EVIDENCE") if not _NOT_EVIDENCE.search(r.text[max(0, h.start - 12) : h.start])]
    f["evidence"] = r.value(True, ev[0].start, ev[0].end) if ev else None
    pay = r.hits("PAYMENT")
    place = r.hits("PAYMENT_PLACE")
    # Payment and remedies are read on the flattened text: PDF lines wrap inside numbers
    # (六\n十日内) and words (银\n行), and page numbers stand between the parts of a sentence.
    flat = FlatText(r)
    deadline = None
    for m in DEADLINE.finditer(flat.text):
        window = flat.text[m.start() : m.end() + 40] + flat.text[max(0, m.start() - 30) : m.start()]
        if re.search(r"缴纳|缴至|交纳|缴入|缴款|缴付|罚款", window) and not re.search(
            r"复议|诉讼", flat.text[m.start() : m.end() + 20]
        ):
            deadline = flat.value({"days": cn_int(m.group("n")), "unit": m.group("unit")}, m.start(), m.end())
            break
    f["payment_deadline"] = deadline
    if not (place and pay):
        hits = find_phrases(flat.text)
        fpay = [h for h in hits if h.label == "PAYMENT"]
        fplace = [h for h in hits if h.label == "PAYMENT_PLACE"]
        f["payment_manner"] = flat.value(True, fplace[0].start, fplace[0].end) if fplace and fpay else None
    else:
        f["payment_manner"] = r.value(True, place[0].start, place[0].end)
    if f["payment_manner"] is None:
        # Where to pay, however the place is called: 持本决定书到…（各网点）缴纳, 通过…平台缴纳.
        m = _PAY_AT.search(flat.text)
        if m:
            f["payment_manner"] = flat.value(True, m.start(), m.end())
    f["violation_date"] = violation_date(r)
    rv = _REVIEW.search(flat.text)
    f["review_period"] = flat.value(_period(rv), rv.start(), rv.end()) if rv else None
    lt = _LITIGATION.search(flat.text)
    f["litigation_period"] = flat.value(_period(lt), lt.start(), lt.end()) if lt else None
    # The 落款 alone (no fall-back to the letterhead or to a date in the body): D07, and the
    # decision date the time-limit rules compare with.
    f["closing_agency"] = agency_in_closing(r)
    f["closing_date"] = closing_date(r)
    if f["closing_date"] is None:
        f["closing_date_unread"] = unreadable_closing_date(r)
    f["receipt_date"] = service_date(r)  # 当事人签收 … on the decision itself
    f["bare_citations"] = [
        flat.value({"law": m.group("law"), "article": m.group("article")}, m.start("law"), m.end())
        for m in _BARE_CITATION.finditer(flat.text)
    ]


_NOT_EVIDENCE = re.compile(
    r"(?:理由|事实)[和及、与]?$|(?:新的|其他|相关|有关|任何)$|(?:未|没有|不能|无法|拒绝)(?:提出|提供|出示)[^。；，]{0,6}$|"
    r"(?:提出|提供)(?:了)?(?:新的)?$|听证$|陈述申辩$|申辩$"
)
_PAY_AT = re.compile(
    r"(?:到|至|前往|通过|经由?|使用|登录)(?![^。；;，,]{0,30}(?:期限|日内|之日|逾期|规定时间))"
    r"[^。；;，,]{2,30}?(?:缴纳|缴款|交纳|缴至|缴入|缴付|缴清)"
)


def _period(m: re.Match[str]) -> dict:
    unit = m.group("unit")
    return {"n": cn_int(m.group("n")), "unit": {"天": "日", "月": "个月"}.get(unit, unit)}


def read_publicity(r: Reader) -> None:
    r.fields["publicity_date"] = date_after_label(
        r, re.compile(r"(?:公示|公开|发布|上网)(?:日期|时间)[:：]?")
    ) or first_date(r)
    read_published(r)


def read_published(r: Reader) -> None:  # noqa: C901 - extraction/rule logic kept as is until it can be split with its cases
    """A decision as published (公示 tables: 行政相对人名称 | …, 处罚机关 | …) or set out as a form: each column
    read by its label (``labels.json`` "published"), wherever its value stands; the penalty from the 处罚内容."""
    found: dict[str, tuple[str, int, str]] = {}
    labels = published_labels()
    for line in r.dt.lines:
        for col, cell in enumerate(line.cells):
            for key, rx in labels.items():
                m = rx.match(cell)
                if not m:
                    continue
                slot = value_of(r.dt, line, col, line.cell_starts[col] + m.end(), next_line=True)
                if slot.text.strip(" |") and key not in found:
                    found[key] = (slot.text.strip(" |"), slot.start, m.group())
                break
    if not found:
        return
    f = r.fields
    f["published"] = r.value(sorted(found), found[min(found, key=lambda k: found[k][1])][1])
    if "party" in found:
        text, off, _ = found["party"]
        name = party_name(text)
        if name and AGENCY.fullmatch(name) and "agency" not in found and "处罚主体" in found["party"][2]:
            found["agency"] = found.pop("party")  # 处罚主体 names the agency on some platforms
        elif name:
            f.setdefault("party", r.value(name, off, off + len(name)))
    if "case_number" in found:
        text, off, _ = found["case_number"]
        m = CASE_NUMBER.search(text)
        number = (
            m.group()
            if m
            else (
                compact(text)
                if re.search(r"号$", compact(text)) and len(compact(text)) <= _NUMBER_MAX_CHARS
                else None
            )
        )
        if number and f.get("own_case_number") is None:
            f["own_case_number"] = r.value(canonical_brackets(re.sub(r"\s+", "", number)), off)
            r.doc.case_number = r.doc.case_number or f["own_case_number"]
    if "agency" in found:
        text, off, _ = found["agency"]
        agency = re.split(r"[，,；;|\s]", text.strip())[0]
        if agency:
            f["published_agency"] = r.value(agency, off, off + len(agency))
    if "party_kind" in found:
        text, off, _ = found["party_kind"]
        kind = (
            "person"
            if re.match(r"\s*自然人", text)
            else "organization"
            if re.search(r"法人|组织|企业|个体", text)
            else None
        )
        if kind:
            f["published_party_kind"] = r.value(kind, off)
    if "decision_date" in found:
        text, off, _ = found["decision_date"]
        days = [d for d in find_dates(text) if d.precision == "day"]
        if days:
            f["decided_on"] = r.value(days[0].value, off + days[0].start, off + days[0].end)
    # The penalty: a decision's own section (read_decision), else one read from the columns (published).
    pen = r.doc.penalty or Penalty(published=True)
    for key in ("fine", "confiscation"):
        if key in found:
            text, off, label = found[key]
            number = re.match(r"\s*(\d+(?:\.\d+)?)\s*$", text.replace(",", ""))
            if number and float(number.group(1)) > 0:
                scale = 10000 if "万元" in label else 1
                setattr(pen, key, r.value(round(float(number.group(1)) * scale, 2), off))
    section = penalty_section(r, proposed=False)
    pen.types = pen.types or section.types
    pen.fine = pen.fine or section.fine
    pen.confiscation = pen.confiscation or section.confiscation
    if pen.types is None:  # only the amounts' columns say what was imposed
        kinds = [k for k, v in (("罚款", pen.fine), ("没收违法所得", pen.confiscation)) if v is not None]
        if kinds:
            pen.types = r.value(kinds, found[min(found, key=lambda k: found[k][1])][1])
    if pen.types or pen.fine or pen.confiscation:
        f[Penalty.KEY] = pen


_REQUEST_DENIED = re.compile(r"未|没有|不|放弃|逾期|撤回|无")
_REQUEST_OFFERED = re.compile(r"告知|有权|可以|可在|可于|享有|如|若|依法应当")


def read_hearing_mentions(r: Reader) -> None:
    """A narrative (the decision) saying the party asked for a hearing: 当事人于…提出听证申请.

    Only a clause that reports the request counts: not one that offers the right
    (告知其有要求听证的权利) or denies it (未在规定期限内申请听证).
    """
    found = None
    for h in r.hits("HEARING_REQUEST"):
        clause = re.split(r"[，。；,;\n]", r.text[max(0, h.start - 40) : h.start])[-1]
        after = r.text[h.end : h.end + 4]
        if _REQUEST_DENIED.search(clause) or _REQUEST_OFFERED.search(clause) or re.match(r"的?权", after):
            continue
        found = r.value(True, h.start, h.end)
        break
    r.fields["hearing_requested"] = found
