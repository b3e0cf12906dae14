"""An independent reading of requirements.md over the truth files.

It decides every code (pass / fail / na) from the truth JSON alone, the same way
the spec describes, so the generator can check that each case breaks exactly the
codes it was meant to break. It is a test aid for the samples, not the product.
"""

from __future__ import annotations

import datetime as dt
import re

from .util import workdays_after

FINE_PERSON, FINE_ORG = 10000, 100000
SEVERE = {"吊销许可证件", "责令停产停业", "责令关闭", "限制从业", "降低资质等级"}
CODES = [
    "S01",
    "S02",
    "S03",
    "S04",
    "E01",
    "E02",
    "E03",
    "N01",
    "N02",
    "N03",
    "N04",
    "N05",
    "N06",
    "H01",
    "H02",
    "H03",
    "L01",
    "L02",
    "L03",
    "L04",
    "L05",
    "D01",
    "D02",
    "D03",
    "D04",
    "D05",
    "D06",
    "D07",
    "T01",
    "T02",
    "T03",
    "T04",
    "T05",
    "T06",
    "T07",
    "G01",
    "G02",
    "G03",
    "G04",
    "G05",
    "P01",
    "P02",
    "A01",
    "A02",
    "A03",
    "A04",
    "C01",
    "C02",
    "C03",
]


# The requirements' figures (../shared/spec/requirements.md), as the oracle applies them.
MIN_OFFICERS = 2  # S01: two enforcement officers on a record
HEARING_NOTICE_DAYS = 7  # H02: the hearing notice served seven days before the hearing
REVIEW_DAYS, LITIGATION_MONTHS = 60, 6  # D06: the periods a decision must state
DECISION_DAYS = 90  # T01: decided within 90 days of filing unless extended
SERVICE_DAYS = 7  # T02: the decision served within 7 days
NOTICE_WAIT_DAYS = 5  # T03: the statement period after the advance notice
LIMITATION_DAYS = 730  # T05: filed within two years of the violation
PRESERVATION_DAYS = 7  # T06: preserved evidence handled within 7 days
PUBLICITY_WORKDAYS = 7  # P01: the decision publicised within 7 working days


def _d(s):
    return dt.date.fromisoformat(s[:10]) if s else None


def _norm_name(s: str) -> str:
    s = re.sub(r"\s+", "", s or "")
    return s.replace("（", "(").replace("）", ")")


def _core(title: str) -> str:
    """A title without spaces, bracketed additions and 复印件: 询问笔录（张三） -> 询问笔录."""
    return re.sub(r"\([^)]*\)|复印件", "", _norm_name(title))


def _abbreviates(short: str, long: str) -> bool:
    """`short` is `long` with characters left out (决定书 / 行政处罚决定书, 现场笔录 / 现场检查笔录)."""
    rest = iter(long)
    return len(short) > 1 and all(ch in rest for ch in short)


def qualifies(kind: str, fine, conf, types) -> bool:
    thr = FINE_ORG if kind == "organization" else FINE_PERSON
    return bool((fine and fine >= thr) or (conf and conf >= thr) or (set(types or []) & SEVERE))


def _serial(num: str):
    m = re.search(r"[〔\[（(【](\d{4})[〕\]）)】]\D*(\d+)", num or "")
    return (m.group(1), int(m.group(2))) if m else None


def evaluate(t: dict) -> dict:  # noqa: C901 - a flat script of checks/steps
    docs = t["documents"]
    s = t["summary"]
    by = {}
    for d in docs:
        by.setdefault(d["type"], []).append(d)
    get = lambda k: by.get(k, [])  # noqa: E731
    out = {}

    def res(code, ok, applies=True):
        out[code] = "na" if not applies else ("pass" if ok else "fail")

    records = get("inspection_record") + get("inquiry_record")
    inquiries = get("inquiry_record")
    notices = get("advance_notice")
    decision = (get("penalty_decision") or [None])[0]
    dec = decision["fields"] if decision else {}
    dec_date = _d(decision["date"]) if decision else None
    receipts = get("service_receipt")
    investigators = {o["name"] for r in records for o in r["fields"]["officers"]}
    kind = s["party_kind"]

    # S
    res("S01", all(len(r["fields"]["officers"]) >= MIN_OFFICERS for r in records), bool(records))
    res("S02", all(o["cert_no"] for r in records for o in r["fields"]["officers"]), bool(records))
    out["S03"] = "na"
    res("S04", all(r["fields"]["certificates_shown"] for r in records), bool(records))
    # E
    res("E01", bool(records or get("other_evidence")))
    res("E02", bool(get("identity_proof") or dec.get("party_id")))
    res(
        "E03",
        all(r["fields"]["confirmation"] or r["fields"]["party_refused"] for r in inquiries),
        bool(inquiries),
    )
    # N
    res("N01", bool(notices), bool(decision))
    res(
        "N02",
        all(n["fields"]["rights"]["statement"] and n["fields"]["rights"]["defence"] for n in notices),
        bool(notices),
    )
    res(
        "N03",
        all(
            n["fields"]["has_facts"]
            and n["fields"]["has_reasons"]
            and n["fields"]["has_legal_basis"]
            and n["fields"]["proposed_penalty_types"]
            for n in notices
        ),
        bool(notices),
    )
    decided_q = qualifies(kind, dec.get("fine_yuan"), dec.get("confiscation_yuan"), dec.get("penalty_types"))
    proposed_q = any(
        qualifies(
            kind,
            n["fields"]["proposed_fine_yuan"],
            n["fields"].get("proposed_confiscation_yuan"),
            n["fields"]["proposed_penalty_types"],
        )
        for n in notices
    )
    major = decided_q or proposed_q
    hearing_told = any(n["fields"]["rights"]["hearing"] for n in notices) or bool(get("hearing_notice"))
    res("N04", hearing_told, major)
    if notices and decision:
        last = max(notices, key=lambda n: n["date"])["fields"]
        heavier = (dec.get("fine_yuan") or 0) > (last["proposed_fine_yuan"] or 0) or not set(
            dec.get("penalty_types") or []
        ) <= set(last["proposed_penalty_types"])
        res("N05", not heavier)
    else:
        out["N05"] = "na"

    def served(doc):
        """Service date of a document: a receipt serving it, or the signed strip on it."""
        for r in receipts:
            f = r["fields"]
            if doc["type"] in f["served_types"] and (
                doc["case_number"] in f.get("served_numbers", [doc["case_number"]])
            ):
                return _d(f["service_date"])
        if doc["fields"].get("recipient_signed"):
            return _d(doc["fields"].get("receipt_date"))
        return None

    res(
        "N06",
        all(served(n) or any(n["type"] in r["fields"]["served_types"] for r in receipts) for n in notices),
        bool(notices),
    )
    # H
    requested = any(d["fields"].get("hearing_requested") for d in get("statement_record"))
    res("H01", bool(get("hearing_record")), requested)
    hr = (get("hearing_record") or [None])[0]
    hn = (get("hearing_notice") or [None])[0]
    if hr and hn:
        sd = served(hn)
        res("H02", sd is not None and (_d(hr["fields"]["hearing_date"]) - sd).days >= HEARING_NOTICE_DAYS)
    else:
        out["H02"] = "na"
    res("H03", hr is not None and hr["fields"]["presiding"] not in investigators, hr is not None)
    # L
    lr = get("legal_review")
    cd = get("collective_discussion")
    res("L01", bool(lr), major)
    res("L02", all(not (set(x["fields"]["reviewers"]) & investigators) for x in lr), bool(lr))
    res("L03", all(_d(x["date"]) <= dec_date for x in lr), bool(lr) and bool(decision))
    res("L04", bool(cd), major)
    res(
        "L05",
        all(_d(x["date"]) <= dec_date and x["fields"]["conclusion"] for x in cd),
        bool(cd) and bool(decision),
    )
    # D
    if decision:
        res("D01", bool(dec.get("party")) and bool(dec.get("party_address")))
        res("D02", dec.get("has_facts") and dec.get("has_evidence"))
        res("D03", bool(dec.get("cited_laws")))
        res("D04", all(re.search(r"第.+条", c) for c in dec.get("cited_laws", [])))
        res(
            "D05",
            dec.get("payment_deadline_days") is not None and bool(dec.get("payment_place")),
            bool(dec.get("fine_yuan")),
        )
        res(
            "D06", dec.get("review_days") == REVIEW_DAYS and dec.get("litigation_months") == LITIGATION_MONTHS
        )
        res("D07", bool(dec.get("agency")) and bool(decision["date"]))
    else:
        for c in ("D01", "D02", "D03", "D04", "D05", "D06", "D07"):
            out[c] = "na"
    # T
    filing = _d(s["filing_date"])
    res("T01", (dec_date - filing).days <= DECISION_DAYS or bool(get("extension_approval")), bool(decision))
    dsd = served(decision) if decision else None
    res("T02", dsd is not None and (dsd - dec_date).days <= SERVICE_DAYS, bool(decision) and dsd is not None)
    if notices and decision:
        nsd = [served(n) for n in notices]
        nsd = [x for x in nsd if x]
        if nsd:
            last_served = max(nsd)
            waived = any(_d(x["date"]) < dec_date for x in get("statement_record"))
            res("T03", (dec_date - last_served).days >= NOTICE_WAIT_DAYS or waived)
        else:
            out["T03"] = "na"
    else:
        out["T03"] = "na"
    res("T04", all(_d(r["date"]) >= filing for r in inquiries), bool(inquiries))
    res("T05", (filing - _d(s["violation_date"])).days <= LIMITATION_DAYS)
    pres = get("evidence_preservation")
    pn = [p for p in pres if p["fields"]["kind"] == "notice"]
    ph = [p for p in pres if p["fields"]["kind"] == "handling"]
    res(
        "T06",
        all(any(0 <= (_d(h["date"]) - _d(n["date"])).days <= PRESERVATION_DAYS for h in ph) for n in pn),
        bool(pn),
    )
    bad = False
    for r in receipts:
        for d in docs:
            if (
                d["type"] in r["fields"]["served_types"]
                and d["case_number"] in r["fields"]["served_numbers"]
                and d["date"]
                and _d(r["fields"]["service_date"]) < _d(d["date"])
            ):
                bad = True
    for x in get("closure_report") + get("payment_proof") + get("publicity_record"):
        if decision and x["date"] and _d(x["date"]) < dec_date:
            bad = True
    for n in notices:
        if decision and _d(n["date"]) > dec_date:
            bad = True
    res("T07", not bad)
    # G
    res(
        "G01",
        all(r["fields"]["party_signed"] or r["fields"]["party_refused"] for r in records),
        bool(records),
    )
    res(
        "G02",
        all(
            {o["name"] for o in r["fields"]["officers"]} <= set(r["fields"]["officers_signed"])
            for r in records
        ),
        bool(records),
    )
    res(
        "G03",
        all(x["fields"]["seal"] for x in ([decision] if decision else []) + notices),
        bool(decision or notices),
    )
    res(
        "G04",
        all(
            r["fields"]["recipient_signed"]
            or (r["fields"]["manner"] == "留置送达" and r["fields"]["witness"])
            for r in receipts
        ),
        bool(receipts),
    )
    approvals = [
        a
        for k in ("filing_approval", "investigation_report", "closure_report")
        for x in get(k)
        for a in x["fields"]["approvals"]
    ]
    res("G05", all(a["opinion"] and a["signer"] and a["date"] for a in approvals), bool(approvals))
    # P
    beyond_warning = bool(set(dec.get("penalty_types") or []) - {"警告"})
    pubs = get("publicity_record")
    res(
        "P01",
        any(workdays_after(dec_date, _d(p["fields"]["publicity_date"])) <= PUBLICITY_WORKDAYS for p in pubs),
        bool(decision) and beyond_warning,
    )
    trig = (
        bool(get("seizure"))
        or any(r["fields"]["manner"] == "留置送达" for r in receipts)
        or bool(get("hearing_record"))
        or any(p["fields"].get("kind") == "enforcement" for p in get("payment_proof"))
    )
    res("P02", bool(get("av_record")), trig)
    # A
    res("A01", bool(get("cover")) and bool(get("index")))
    res("A02", bool(get("closure_report")), bool(decision))
    res("A03", bool(get("payment_proof")), bool(dec.get("fine_yuan") or dec.get("confiscation_yuan")))
    titles = [_core(d["title"]) for d in docs]
    idx = (get("index") or [None])[0]
    if idx:
        ok = all(
            any(_abbreviates(_core(x), tt) or _abbreviates(tt, _core(x)) for tt in titles)
            for x in idx["fields"]["listed"]
        )
        res("A04", ok)
    else:
        out["A04"] = "na"
    # C
    pname = _norm_name(dec.get("party"))
    names = (
        [_norm_name(n["fields"]["party"]) for n in notices]
        + [_norm_name(r["fields"]["party"]) for r in records if r["fields"].get("party")]
        + [_norm_name(r["fields"]["recipient"]) for r in receipts]
    )
    res("C01", all(n == pname for n in names), bool(decision))
    serials = {_serial(d["case_number"]) for d in docs if d["case_number"]}
    res("C02", len(serials) <= 1)
    res(
        "C03",
        all(
            w == f
            for d in docs
            for w, f in zip(
                d["fields"].get("amounts_words", []), d["fields"].get("amounts_figures", []), strict=False
            )
        ),
    )
    assert set(out) == set(CODES), set(CODES) ^ set(out)
    return out


def breaks(t: dict) -> list[str]:
    return sorted(c for c, v in evaluate(t).items() if v == "fail")
