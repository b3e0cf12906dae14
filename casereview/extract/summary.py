"""The case summary: the guaranteed keys of ``extract`` (interface.md), from the documents."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from casereview.extract.fields import ORG_PREFIX, individual_business, party_kind
from casereview.model import Case, DocType, Document, Location, Value
from casereview.text.normalize import compact

SUMMARY_KEYS = (
    "agency",
    "case_number",
    "party",
    "party_kind",
    "party_id",
    "penalty_types",
    "fine_yuan",
    "confiscation_yuan",
    "decision_date",
    "filing_date",
    "legal_basis",
    "violated",
    "penalty_basis",
    "cause",
    "case_name",
    "individual_business",
)


def _v(doc: Document | None, key: str) -> Value | None:
    if doc is None:
        return None
    v = doc.fields.get(key)
    return v if isinstance(v, Value) else None


def build_summary(case: Case) -> None:
    """Fill ``case.summary`` (plain JSON values) and ``case.summary_locs`` (where each came from)."""
    # The decision; a file holding only the decision as published (公示 columns) is read from that, and one
    # holding only another kind of decision (不予行政处罚决定书) from that.
    decision = (
        case.last_of(DocType.PENALTY_DECISION)
        or next((d for d in reversed(case.documents) if d.fields.get("published") is not None), None)
        or next(
            (
                d
                for d in reversed(case.documents)
                if d.type == DocType.UNKNOWN and re.search(r"决定书$", d.title or "")
            ),
            None,
        )
    )
    published = (
        decision is not None
        and decision.type != DocType.PENALTY_DECISION
        and decision.fields.get("published")
    )
    notices = case.of_type(DocType.ADVANCE_NOTICE)
    out: dict[str, Any] = dict.fromkeys(SUMMARY_KEYS)
    locs: dict[str, Location] = {}

    def put(key: str, value: Value | None, transform=lambda x: x) -> None:
        if value is not None and value.value not in (None, "", []):
            out[key] = transform(value.value)
            locs[key] = value.loc

    put("agency", _v(decision, "published_agency") or _first(case, "agency", prefer=decision))
    if decision is not None and decision.case_number is not None:
        put("case_number", _own_number(decision))
    else:
        numbers = Counter(compact(d.case_number.value) for d in case.documents if d.case_number)
        if numbers:
            best = numbers.most_common(1)[0][0]
            put(
                "case_number",
                next(
                    d.case_number
                    for d in case.documents
                    if d.case_number and compact(d.case_number.value) == best
                ),
            )
    put(
        "party",
        _first(
            case,
            "party",
            prefer=decision,
            order=(
                DocType.PENALTY_DECISION,
                DocType.ADVANCE_NOTICE,
                DocType.SERVICE_RECEIPT,
                DocType.INQUIRY_RECORD,
                DocType.INSPECTION_RECORD,
            ),
        ),
    )
    if out["party"] is None:
        put("party", _party_in_case_name(case, decision))
    # The decision's own numbers first: another document's number may be someone else's (a witness, a company).
    credit = _v(decision, "credit_code") or (
        None if _v(decision, "id_number") else _first(case, "credit_code")
    )
    idno = _v(decision, "id_number") or (None if credit is not None else _first(case, "id_number"))
    put("party_id", credit or idno)
    out["party_kind"] = party_kind(
        out["party"], credit.value if credit else None, idno.value if idno else None
    )
    published_kind = _v(decision, "published_party_kind")
    if published_kind is not None:
        out["party_kind"] = published_kind.value  # 行政相对人类别 | 法人及非法人组织
    out["individual_business"] = individual_business(
        out["party"], credit.value if credit else None, decision.text if decision is not None else ""
    )
    pen = decision.penalty if decision is not None else None
    if pen is not None:
        put("penalty_types", pen.types)
        put("fine_yuan", pen.fine, float)
        put("confiscation_yuan", pen.confiscation, float)
    if published:
        put("decision_date", _v(decision, "decided_on"), lambda d: d.isoformat())
    elif decision is not None and decision.date is not None:
        put("decision_date", decision.date, lambda d: d.isoformat())
    filings = case.of_type(DocType.FILING_APPROVAL)
    if filings and filings[0].date is not None:
        put("filing_date", filings[0].date, lambda d: d.isoformat())
    else:
        cover = _first(case, "filing_date")
        put("filing_date", cover, lambda d: d.isoformat())
    if decision is not None:
        cites = [
            c
            for c in decision.fields.get("citations") or []
            if is_law(c.value["law"]) and c.value.get("role") != "procedure"
        ]
        if cites:
            # One string per provision: every provision the decision rests on (the ones violated and the ones the
            # penalty is imposed under, not the remedies or the surcharge for late payment), then each kind apart.
            out["legal_basis"] = _provisions(cites)
            locs["legal_basis"] = cites[0].loc
            out["violated"] = _provisions([c for c in cites if c.value.get("role") == "violated"]) or None
            out["penalty_basis"] = (
                _provisions([c for c in cites if c.value.get("role") != "violated"]) or None
            )
    if notices and out["party"] is None:
        put("party", _v(notices[-1], "party"))
    _cause_and_name(case, out, locs)
    case.summary = out
    case.summary_locs = locs


def _cause_and_name(case: Case, out: dict[str, Any], locs: dict[str, Location]) -> None:
    """案由 and 案件名称: the cause as most documents state it (立案审批表 涉嫌…, 结案报告, 送达回证
    "party + cause + 案"); a table cell a PDF wrapped (…擅 / 自从事…) counts for the whole cause it starts;
    the case name as the cover gives it, completed from party and cause when the cover's cell wrapped."""
    party = out.get("party") or ""
    votes: Counter[str] = Counter()
    where: dict[str, Location] = {}
    for d in case.documents:
        for key in ("cause", "case_name"):
            v = _v(d, key)
            if v is None:
                continue
            cause = re.sub(r"^涉嫌", "", compact(v.value))
            if party and cause.startswith(compact(party)):
                cause = cause[len(compact(party)) :]
            cause = re.sub(r"(?:一)?案$", "", cause)
            if len(cause) > 1:
                votes[cause] += 1
                where.setdefault(cause, v.loc)
    if votes:
        # A cell cut where the page wrapped it is the start of the whole cause: its votes go to the whole.
        for short in sorted(votes, key=len):
            longer = [c for c in votes if len(c) > len(short) and c.startswith(short)]
            if longer:
                votes[max(longer, key=len)] += votes.pop(short)
        best = max(votes, key=lambda c: (votes[c], len(c)))
        out["cause"], locs["cause"] = best, where[best]
    covers = [v for d in case.documents if d.type == DocType.COVER and (v := _v(d, "case_name")) is not None]
    if covers:
        name = compact(covers[0].value)
        whole = f"{compact(party)}{out.get('cause') or ''}案"
        if not name.endswith("案") and out.get("cause") and whole.startswith(name):
            name = whole  # the cover's cell wrapped: 临川县鼎盛建材贸易有限公司未取得道路运输经营许可擅
        out["case_name"], locs["case_name"] = name, covers[0].loc


# Laws a decision cites for its procedure, discretion or remedies, not as the provision broken or applied.


# A law, a regulation, a rule, or a discretion standard cited beside them (《…行政处罚裁量权基准》第八条).
_LAW_NAME = re.compile(
    r"(?:法|条例|规定|办法|细则|规则|决定|解释|裁量(?:权)?基准|裁量(?:权)?标准)(?:[（(][^）)]{1,6}[)）])?$"
)


def _party_in_case_name(case: Case, decision: Document | None) -> Value | None:
    """Named only in the case's name (案名：某某农资店经营超过农药质量保证期的农药案): the organisation it starts with."""
    for d in ([decision] if decision is not None else []) + case.documents:
        name = _v(d, "case_name") or _v(d, "cause")
        m = ORG_PREFIX.match(compact(name.value)) if name is not None else None
        if m and not re.search(r"涉嫌|关于", m.group(1)):
            return Value(m.group(1), name.loc)
    return None


def _own_number(doc: Document) -> Value | None:
    """The decision's own 文号 — never the number of another document it cites (the notice served before it,
    an appraisal report) or of an earlier case."""
    own = _v(doc, "own_case_number")
    if own is not None:
        return own
    for ref in doc.fields.get("number_refs") or []:
        if ref.value["number"] == doc.case_number.value:
            ok = not ref.value.get("prior") and ref.value.get("refers_to") in (None, doc.type)
            return doc.case_number if ok else None
    return doc.case_number


def _provisions(cites: list[Value]) -> list[str]:
    return list(dict.fromkeys(x for c in cites for x in c.value.get("strings") or [c.value["text"]]))


def is_law(name: str) -> bool:
    """A law, regulation or rule by its name — not a technical standard (…标准) or a letter (《关于…的复函》)."""
    return bool(_LAW_NAME.search(name)) and not name.startswith("关于")


def _first(case: Case, key: str, prefer: Document | None = None, order: tuple[str, ...] = ()) -> Value | None:
    if prefer is not None:
        v = _v(prefer, key)
        if v is not None:
            return v
    docs = case.documents
    if order:
        rank = {t: i for i, t in enumerate(order)}
        docs = sorted(docs, key=lambda d: rank.get(d.type, len(rank)))
    for d in docs:
        v = _v(d, key)
        if v is not None and v.value not in (None, ""):
            return v
    return None
