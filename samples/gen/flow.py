"""Builders: create the documents of a case with their truth fields.

Each method appends one Doc to the case, in file order. The truth fields are set
here, from the same arguments the renderer will print, so a defect is injected by
passing different arguments (e.g. confirmation=False), never by editing output.
"""

from __future__ import annotations

import datetime as dt
import re

from .model import Case, Doc, Penalty, Person
from .util import fmt_time
from .writer import Sig


def iso(x):
    if x is None:
        return None
    if isinstance(x, dt.datetime):
        return x.strftime("%Y-%m-%dT%H:%M")
    return x.isoformat()


def ap(
    label: str,
    role: str,
    text: str,
    signers: list[str],
    date: dt.date | None,
    kind: str = "text",
    opinion: bool = True,
    ink: str = "blue",
    **kw,
) -> dict:
    """One approval row (承办人意见 / 承办机构意见 / 负责人审批意见)."""
    sig_objs = [Sig(kind, n, ink) for n in signers]
    signed = [n for n in signers if kind != "blank"]
    return dict(
        label=label,
        role=role,
        text=text if opinion else "",
        sigs=sig_objs,
        date=date,
        truth={
            "role": role,
            "opinion": opinion,
            "signer": "、".join(signed) if signed else None,
            "date": iso(date),
        },
        **kw,
    )


class Flow:
    def __init__(self, case: Case, party_sig: str = "image", officer_sig: str = "text", ink: str = "blue"):
        self.c = case
        self.party_sig = party_sig  # how the party signs by default
        self.officer_sig = officer_sig  # how officers sign by default
        self.ink = ink

    # -- helpers -----------------------------------------------------------
    def add(self, doc: Doc) -> Doc:
        self.c.docs.append(doc)
        return doc

    def S(self, name: str, kind: str | None = None) -> Sig:
        return Sig(kind or self.party_sig, name, self.ink)

    def OS(self, officers, kinds=None) -> list[Sig]:
        kinds = kinds or [self.officer_sig] * len(officers)
        return [
            Sig(k, o.name, "black" if k == "image" else self.ink)
            for o, k in zip(officers, kinds, strict=False)
        ]

    def num(self, kind: str) -> str | None:
        return self.c.agency.number(kind, self.c.serial)

    # -- the file ------------------------------------------------------------
    def cover(
        self, title="行政处罚案卷", variant="table", closure=None, retention="永久", spaced="spaces", **kw
    ):
        c = self.c
        result = c.penalty.types()
        return self.add(
            Doc(
                "cover",
                title,
                None,
                "cover",
                number=c.case_number,
                listed=False,
                fields={"case_name": f"{c.party.name}{c.story.cause}案"},
                data=dict(
                    closure_date=closure, retention=retention, result=result, archive_no=f"2024{c.serial:04d}"
                ),
                style=dict(variant=variant, spaced=spaced),
                **kw,
            )
        )

    def index(self, title="卷内目录", date_style="compact", phantom=(), **kw):
        return self.add(
            Doc(
                "index",
                title,
                None,
                "index",
                listed=False,
                fields={"listed": []},
                data=dict(entries=[], phantom=list(phantom)),
                style=dict(date_style=date_style),
                **kw,
            )
        )

    def archive_note(self, date, filer, checker, title="卷内备考表", **kw):
        return self.add(
            Doc(
                "archive_note",
                title,
                date,
                "archive_note",
                listed=False,
                data=dict(filer=filer, checker=checker),
                **kw,
            )
        )

    # -- filing --------------------------------------------------------------
    def case_source(
        self,
        time: dt.datetime,
        proposal="建议立案调查。",
        head="同意核查，报请立案。",
        title="案件来源登记表",
        sig="text",
        **kw,
    ):
        c = self.c
        return self.add(
            Doc(
                "case_source",
                title,
                time.date(),
                "case_source",
                number=kw.pop("number", None),
                fields={"source": c.story.source},
                data=dict(time=time, proposal=proposal, head_opinion=head, sig=sig),
                **kw,
            )
        )

    def filing(self, approvals: list[dict], title="立案审批表", summary=None, number=None, **kw):
        c = self.c
        date = max((a["date"] for a in approvals if a["date"]), default=None)
        return self.add(
            Doc(
                "filing_approval",
                title,
                date,
                "filing",
                number=number,
                fields={"approvals": [a["truth"] for a in approvals]},
                data=dict(
                    approvals=approvals,
                    summary=summary
                    or c.story.source_text
                    + "当事人涉嫌违反"
                    + c.story.violated
                    + "的规定，符合立案条件，建议立案调查。",
                ),
                **kw,
            )
        )

    def extension(self, approvals, due, reason, length="延长三十日", title="延长办案期限审批表", **kw):
        date = max(a["date"] for a in approvals if a["date"])
        return self.add(
            Doc(
                "extension_approval",
                title,
                date,
                "extension",
                fields={"approvals": [a["truth"] for a in approvals], "extended_days": 30},
                data=dict(approvals=approvals, due=due, reason=reason, length=length),
                **kw,
            )
        )

    # -- evidence ------------------------------------------------------------
    def identity(
        self,
        date=None,
        title=None,
        kind=None,
        person: Person | None = None,
        birth=None,
        certifier=None,
        party_sig=None,
        **kw,
    ):
        p = self.c.party
        kind = kind or ("licence" if p.kind != "person" else "idcard")
        title = title or ("营业执照（复印件）" if kind == "licence" else "居民身份证（复印件）")
        if kind == "idcard" and person is None:
            person = Person(p.name, p.gender, p.id, "", p.phone, p.address)
            birth = p.birth
        return self.add(
            Doc(
                "identity_proof",
                title,
                date,
                "identity",
                index_title=kw.pop("index_title", None),
                fields={"kind": kind, "id": person.id if kind == "idcard" else p.id},
                data=dict(kind=kind, person=person, birth=birth, certifier=certifier, party_sig=party_sig),
                **kw,
            )
        )

    def inspection(
        self,
        start,
        end,
        officers=None,
        title="现场检查笔录",
        layout="table",
        certificates_shown=True,
        party_sig=None,
        officer_sigs=None,
        refusal=None,
        witness=None,
        present=None,
        extra="",
        opinion=None,
        **kw,
    ):
        c = self.c
        officers = officers or c.officers
        psig = party_sig or self.S(c.party.rep or c.party.name)
        osigs = officer_sigs or self.OS(officers)
        signer_name = psig.name
        fields = {
            "officers": [{"name": o.name, "cert_no": o.cert} for o in officers],
            "certificates_shown": certificates_shown,
            "party_signed": psig.kind != "blank",
            "party_refused": bool(refusal),
            "officers_signed": [s.name for s in osigs if s.kind != "blank"],
            "start": iso(start),
            "party": c.party.name,
            "signature_kind": psig.kind,
            "signer": signer_name if psig.kind != "blank" else None,
            "witness": witness,
        }
        data = dict(
            start=start,
            end=end,
            officers=officers,
            party_sig=psig,
            officer_sigs=osigs,
            refusal=refusal,
            witness=witness,
            inspected=c.party.name,
            present=present or (c.party.rep or c.party.name),
            extra=extra,
        )
        if opinion:
            data["opinion"] = opinion
        return self.add(
            Doc(
                "inspection_record",
                title,
                start.date(),
                "inspection",
                fields=fields,
                data=data,
                style=dict(layout=layout, **kw.pop("style", {})),
                **kw,
            )
        )

    def inquiry(
        self,
        person: Person,
        start,
        end,
        qa,
        topic,
        place,
        officers=None,
        recorder=None,
        title="询问笔录",
        layout="table",
        certificates_shown=True,
        confirmation=True,
        party_sig=None,
        officer_sigs=None,
        confirm_text=None,
        refusal=None,
        **kw,
    ):
        c = self.c
        officers = officers or c.officers
        psig = party_sig or self.S(person.name)
        osigs = officer_sigs or self.OS(officers)
        fields = {
            "officers": [{"name": o.name, "cert_no": o.cert} for o in officers],
            "certificates_shown": certificates_shown,
            "party_signed": psig.kind != "blank",
            "party_refused": bool(refusal),
            "officers_signed": [s.name for s in osigs if s.kind != "blank"],
            "confirmation": confirmation,
            "start": iso(start),
            "interviewee": person.name,
            # A witness's record (与本案关系：证人) states no party: it only tells what the witness saw.
            "party": None if re.search(r"证人|乘客|顾客|知情人|群众", person.relation) else c.party.name,
            "signature_kind": psig.kind,
        }
        data = dict(
            person=person,
            start=start,
            end=end,
            qa=qa,
            topic=topic,
            place=place,
            officers=officers,
            recorder=recorder or officers[-1].name,
            party_sig=psig,
            officer_sigs=osigs,
            refusal=refusal,
        )
        if confirm_text:
            data["confirm_text"] = confirm_text
        return self.add(
            Doc(
                "inquiry_record",
                title,
                start.date(),
                "inquiry",
                fields=fields,
                data=data,
                style=dict(layout=layout),
                **kw,
            )
        )

    def photos(self, date, photos, title="现场照片", party_sig=None, **kw):
        c = self.c
        psig = party_sig or self.S(c.party.rep or c.party.name)
        return self.add(
            Doc(
                "other_evidence",
                title,
                date,
                "photo",
                fields={"kind": "photo", "needs_ocr": False, "signature_kind": psig.kind},
                data=dict(photos=photos, party_sig=psig),
                **kw,
            )
        )

    def test_report(self, date, title="检验报告", **data):
        return self.add(
            Doc(
                "other_evidence",
                title,
                date,
                "test_report",
                number=None,
                fields={"kind": "test_report", "needs_ocr": False},
                data=data,
                responsible=data["lab"],
            )
        )

    def weigh(self, date, title="车辆超限检测单", **data):
        c = self.c
        data.setdefault("officer_sigs", self.OS(c.officers))
        return self.add(
            Doc(
                "other_evidence",
                title,
                date,
                "weigh",
                fields={"kind": "weigh_slip", "needs_ocr": False},
                data=data,
            )
        )

    def scan(self, date, title, filename, jpg: bytes, **kw):
        """A scanned page with no text layer (a .jpg in the case folder)."""
        return self.add(
            Doc(
                "other_evidence",
                title,
                date,
                "scan",
                ext="jpg",
                filename=filename,
                fields={"kind": "photo", "needs_ocr": True},
                data=dict(jpg=jpg),
                **kw,
            )
        )

    def preservation_notice(self, date, where, how="就地封存", title="证据先行登记保存通知书", **kw):
        c = self.c
        return self.add(
            Doc(
                "evidence_preservation",
                title,
                date,
                "preservation",
                number=self.num("preserve"),
                fields={"kind": "notice", "seal": True, "party": c.party.name},
                data=dict(
                    where=where,
                    how=how,
                    party_sig=self.S(c.party.rep or c.party.name),
                    officer_sigs=self.OS(c.officers),
                ),
                **kw,
            )
        )

    def preservation_handling(self, date, notice: Doc, decision, title="先行登记保存物品处理决定书", **kw):
        c = self.c
        return self.add(
            Doc(
                "evidence_preservation",
                title,
                date,
                "preservation",
                number=self.num("preserve_h"),
                fields={"kind": "handling", "seal": True, "party": c.party.name},
                data=dict(
                    notice_number=notice.number,
                    notice_date=notice.date,
                    decision=decision,
                    party_sig=self.S(c.party.rep or c.party.name),
                    officer_sigs=self.OS(c.officers),
                ),
                **kw,
            )
        )

    # -- investigation, review -----------------------------------------------
    def investigation(
        self,
        approvals,
        title="案件调查终结报告",
        variant="report",
        proposed: Penalty | None = None,
        number=None,
        **kw,
    ):
        date = max((a["date"] for a in approvals if a["date"]), default=None)
        return self.add(
            Doc(
                "investigation_report",
                title,
                date,
                "investigation",
                number=number,
                fields={"approvals": [a["truth"] for a in approvals]},
                data=dict(approvals=approvals, proposed=proposed or self.c.penalty),
                style=dict(variant=variant),
                **kw,
            )
        )

    def legal_review(
        self,
        date,
        reviewers,
        submitted,
        opinion,
        head,
        title="法制审核意见书",
        variant="form",
        proposed=None,
        **kw,
    ):
        return self.add(
            Doc(
                "legal_review",
                title,
                date,
                "legal_review",
                number=kw.pop("number", None),
                fields={"reviewers": list(reviewers)},
                data=dict(
                    sigs=[Sig("text", n) for n in reviewers],
                    submitted=submitted,
                    opinion=opinion,
                    head_sig=Sig("text", head),
                    proposed=proposed or self.c.penalty,
                ),
                style=dict(variant=variant),
                **kw,
            )
        )

    def collective(
        self,
        time,
        end,
        chair,
        participants,
        attendees,
        recorder,
        speeches,
        conclusion_text,
        conclusion=True,
        place=None,
        title="案件集体讨论记录",
        **kw,
    ):
        return self.add(
            Doc(
                "collective_discussion",
                title,
                time.date(),
                "collective",
                fields={"conclusion": conclusion, "participants": list(participants), "chair": chair},
                data=dict(
                    time=time,
                    end=end,
                    chair=chair,
                    participants=participants,
                    attendees=attendees,
                    recorder=recorder,
                    speeches=speeches,
                    conclusion_text=conclusion_text,
                    place=place or f"{self.c.agency.name}三楼会议室",
                ),
                **kw,
            )
        )

    # -- notice, statements, hearing -----------------------------------------
    def notice(
        self,
        date,
        title="行政处罚告知书",
        hearing=False,
        statement=True,
        defence=True,
        proposed: Penalty | None = None,
        seal=True,
        receipt_strip=None,
        deadline="五个工作日",
        has_facts=True,
        has_reasons=True,
        has_legal_basis=True,
        contact=None,
        **kw,
    ):
        c = self.c
        proposed = proposed or c.penalty
        fields = {
            "rights": {"statement": statement, "defence": defence, "hearing": hearing},
            "proposed_fine_yuan": proposed.fine,
            "proposed_confiscation_yuan": proposed.gains,
            "proposed_penalty_types": proposed.types(),
            "has_facts": has_facts,
            "has_reasons": has_reasons,
            "has_legal_basis": has_legal_basis,
            "seal": seal,
            "recipient_signed": bool(receipt_strip and receipt_strip["sig"].kind != "blank"),
            "party": c.party.name,
        }
        if receipt_strip:
            fields["receipt_date"] = iso(receipt_strip.get("date"))
        return self.add(
            Doc(
                "advance_notice",
                title,
                date,
                "notice",
                number=kw.pop("number", self.num("notice")),
                fields=fields,
                data=dict(
                    proposed=proposed,
                    receipt_strip=receipt_strip,
                    deadline=deadline,
                    contact=contact
                    or f"{c.officers[0].name}、{c.officers[1].name if len(c.officers) > 1 else ''}".rstrip(
                        "、"
                    ),
                ),
                **kw,
            )
        )

    def statement(self, date, kind, title, sig=None, **data):
        c = self.c
        signer = sig or self.S(c.party.rep or c.party.name)
        data["sig"] = signer
        data["kind"] = kind
        fields = {
            "kind": kind,
            "hearing_requested": kind == "hearing_request",
            "waiver": kind == "waiver",
            "signature_kind": signer.kind,
        }
        return self.add(Doc("statement_record", title, date, "statement", fields=fields, data=data))

    def hearing_notice(
        self, date, time, place, presiding, presiding_post, members, clerk, title="行政处罚听证通知书", **kw
    ):
        return self.add(
            Doc(
                "hearing_notice",
                title,
                date,
                "hearing_notice",
                number=kw.pop("number", self.num("hearing")),
                fields={
                    "hearing_date": time.date().isoformat(),
                    "hearing_time": iso(time),
                    "presiding": presiding,
                    "seal": True,
                },
                data=dict(
                    time=time,
                    place=place,
                    presiding=presiding,
                    presiding_post=presiding_post,
                    members=members,
                    clerk=clerk,
                    contact=self.c.officers[0].name,
                ),
                **kw,
            )
        )

    def hearing_rights(
        self, date, title="行政处罚听证告知书", proposed: Penalty | None = None, deadline="五日", **kw
    ):
        """A separate notice of the right to request a hearing (no hearing date yet): a hearing_notice."""
        c = self.c
        return self.add(
            Doc(
                "hearing_notice",
                title,
                date,
                "hearing_rights",
                number=kw.pop("number", self.num("hearing_rights")),
                fields={
                    "hearing_date": None,
                    "hearing_time": None,
                    "presiding": None,
                    "seal": True,
                    "hearing_right": True,
                    "party": c.party.name,
                },
                data=dict(
                    proposed=proposed or c.penalty,
                    deadline=deadline,
                    contact=f"{c.officers[0].name}、{c.officers[1].name}",
                ),
                **kw,
            )
        )

    def hearing_record(
        self,
        time,
        end,
        place,
        presiding,
        members,
        clerk,
        party_attendees,
        transcript,
        title="听证笔录",
        investigators=None,
        **kw,
    ):
        c = self.c
        inv = investigators or c.officers
        return self.add(
            Doc(
                "hearing_record",
                title,
                time.date(),
                "hearing_record",
                fields={
                    "hearing_date": time.date().isoformat(),
                    "presiding": presiding,
                    "members": list(members),
                    "investigators": [o.name for o in inv],
                },
                data=dict(
                    time=time,
                    end=end,
                    place=place,
                    presiding=presiding,
                    members=members,
                    clerk=clerk,
                    investigators=inv,
                    party_attendees=party_attendees,
                    transcript=transcript,
                    party_sigs=[self.S(n) for n in party_attendees],
                ),
                **kw,
            )
        )

    # -- decision ------------------------------------------------------------
    def decision(
        self,
        date,
        history,
        title="行政处罚决定书",
        family="samr",
        payment="standard",
        remedy="standard",
        seal=True,
        statement_text=None,
        party=None,
        party_address=None,
        violated_text=None,
        basis_text=None,
        cited=None,
        fine_figure=None,
        inspected=None,
        has_evidence=True,
        mitigation=True,
        payment_place=None,
        **kw,
    ):
        c = self.c
        st, pen = c.story, c.penalty
        if cited is None:
            cited = [st.violated] + list(st.basis)
            if st.mitigation_cite and mitigation:
                cited.append(st.mitigation_cite)
        fields = {
            "party": party or c.party.name,
            "party_id": c.party.id,
            "party_address": c.party.address if party_address is None else party_address,
            "fine_yuan": pen.fine,
            "confiscation_yuan": pen.gains,
            "penalty_types": pen.types(),
            "cited_laws": cited,
            # the provision violated (违反了…) and the ones the penalty is imposed under (依据…, 从轻 included)
            "violated_laws": cited[:1],
            "basis_laws": cited[1:],
            "payment_deadline_days": None if payment == "missing" else 15,
            # deadline_only: 十五日内缴纳 but nowhere said where or how (D05)
            "payment_place": None
            if payment in ("missing", "deadline_only")
            else (payment_place or c.agency.bank),
            "review_days": 15 if remedy == "old" else 60,
            "litigation_months": 3 if remedy == "old" else 6,
            "seal": seal,
            "agency": c.agency.name,
            "has_facts": True,
            "has_evidence": has_evidence,
        }
        data = dict(
            history=history,
            payment=payment,
            remedy=remedy,
            statement_text=statement_text,
            inspected=inspected,
            mitigation=mitigation,
        )
        if violated_text:
            data["violated_text"] = violated_text
        if basis_text:
            data["basis_text"] = basis_text
        if kw.get("basis_sentence"):
            data["basis_sentence"] = kw.pop("basis_sentence")
        if fine_figure is not None:
            data["fine_figure"] = fine_figure
        return self.add(
            Doc(
                "penalty_decision",
                title,
                date,
                "decision",
                number=kw.pop("number", c.case_number),
                fields=fields,
                data=data,
                style=dict(family=family, **kw.pop("style", {})),
                **kw,
            )
        )

    # -- service, execution, closure -----------------------------------------
    def receipt(
        self,
        served: list[Doc],
        time: dt.datetime,
        manner="直接送达",
        recipient_sig=None,
        witness=None,
        remark="",
        place=None,
        proxy="",
        title="送达回证",
        sign_date=True,
        servers=None,
        recipient=None,
        time_style=None,
        number=None,
        **kw,
    ):
        c = self.c
        servers = servers or c.officers[:2]
        rsig = recipient_sig if recipient_sig is not None else self.S(c.party.rep or c.party.name)
        date_text = fmt_time(time, time_style or c.time_style)
        fields = {
            "served_documents": [d.title for d in served],
            "served_types": [d.type for d in served],
            "served_numbers": [d.number for d in served],
            "recipient": recipient or c.party.name,
            "service_date": time.date().isoformat(),
            "manner": manner,
            "recipient_signed": rsig.kind != "blank",
            "witness": witness,
            "signature_kind": rsig.kind,
        }
        data = dict(
            served=[(d.title, d.number) for d in served],
            place=place or c.party.address,
            time_text=date_text,
            recipient_sig=rsig,
            sign_date=(c.agency.d(time.date()) if sign_date and rsig.kind != "blank" else None),
            witness_sig=Sig("text", witness) if witness else None,
            remark=remark,
            proxy=proxy,
            server_sigs=self.OS(servers),
        )
        return self.add(
            Doc(
                "service_receipt",
                title,
                time.date(),
                "receipt",
                number=number,
                fields=fields,
                data=data,
                **kw,
            )
        )

    def payment(self, date, title="非税收入一般缴款书", amount=None, figure=None, header=None, no=None, **kw):
        c = self.c
        amount = amount if amount is not None else (c.penalty.fine or 0) + (c.penalty.gains or 0)
        return self.add(
            Doc(
                "payment_proof",
                title,
                date,
                "payment",
                number=kw.pop("number", c.case_number),
                fields={"amount_yuan": amount},
                data=dict(
                    amount=amount, figure=figure, header=header, no=no, unit_code=kw.pop("unit_code", "")
                ),
                **kw,
            )
        )

    def publicity(self, date, by, checker, title="行政处罚信息公示记录", date_style="iso", **kw):
        return self.add(
            Doc(
                "publicity_record",
                title,
                date,
                "publicity",
                number=kw.pop("number", self.c.case_number),
                fields={"publicity_date": date.isoformat(), "platform": self.c.agency.platform},
                data=dict(by=by, checker=checker, date_style=date_style),
                **kw,
            )
        )

    def av(self, date, entries, by, title="执法音像记录登记表", **kw):
        return self.add(
            Doc(
                "av_record",
                title,
                date,
                "av",
                fields={"covers": [e["what"] for e in entries]},
                data=dict(entries=entries, by=by),
                **kw,
            )
        )

    def closure(self, approvals, execution, title="结案审批表", variant="table", **kw):
        date = max((a["date"] for a in approvals if a["date"]), default=None)
        return self.add(
            Doc(
                "closure_report",
                title,
                date,
                "closure",
                fields={"approvals": [a["truth"] for a in approvals]},
                data=dict(approvals=approvals, execution=execution),
                style=dict(variant=variant),
                number=kw.pop("number", self.c.case_number),
                **kw,
            )
        )
