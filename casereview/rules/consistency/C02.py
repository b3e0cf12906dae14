"""C02 — one case number for each document throughout the file."""

from __future__ import annotations

import re
from dataclasses import dataclass

from casereview.model import DocType, Document, Outcome, Value
from casereview.rules.base import Basis, Context, Reading, Rule, confusable, doc_label, loc_of
from casereview.text.normalize import canonical_brackets, compact

# Documents that are issued under a 文号 of their own (each type its own series: 罚告, 处罚, 先保 …).
ISSUED = (
    DocType.PENALTY_DECISION,
    DocType.ADVANCE_NOTICE,
    DocType.HEARING_NOTICE,
    DocType.EVIDENCE_PRESERVATION,
    DocType.SEIZURE,
    DocType.FILING_APPROVAL,
    DocType.EXTENSION_APPROVAL,
)
_NUMBER = re.compile(r"^(?P<prefix>.*?)〔(?P<year>\d{4})〕第?(?P<serial>[A-Za-z]?\d+)号$")


_PAIR = 2  # exactly two distinct numbers, close to each other: one of them is a misreading


@dataclass(frozen=True, slots=True)
class Number:
    """A 文号 split into its series (prefix), year and serial."""

    text: str
    prefix: str
    year: int
    serial: str

    @classmethod
    def of(cls, raw: str) -> Number | None:
        text = compact(canonical_brackets(raw))
        m = _NUMBER.match(text)
        if not m:
            return None
        serial = m.group("serial")
        serial = serial[0] + str(int(serial[1:])) if serial[0].isalpha() else str(int(serial))
        return cls(text, m.group("prefix"), int(m.group("year")), serial)

    def same_series(self, other: Number) -> bool:
        """Same prefix and year; a prefix with prose run into it (贵局青市监罚告) still matches its tail."""
        a, b = self.prefix, other.prefix
        short = min(len(a), len(b))
        return self.year == other.year and short > 1 and (a.endswith(b) or b.endswith(a))

    def same(self, other: Number) -> bool:
        return self.same_series(other) and self.serial == other.serial

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class Owner:
    doc: Document
    value: Value
    number: Number


@dataclass(frozen=True, slots=True)
class Ref:
    doc: Document
    value: Value
    number: Number
    refers_to: str | None


def _owners(ctx: Context) -> list[Owner]:
    out = []
    for doc in ctx.docs(*ISSUED):
        v = doc.fields.get("own_case_number")
        n = Number.of(v.value) if isinstance(v, Value) else None
        if n is not None:
            out.append(Owner(doc, v, n))
    return out


def _refs(ctx: Context, owners: list[Owner]) -> list[Ref]:
    own = {(id(o.doc), o.value.loc, o.value.value) for o in owners}
    out = []
    for doc in ctx.case.documents:
        for v in doc.fields.get("number_refs") or []:
            if v.value.get("prior") or (id(doc), v.loc, v.value["number"]) in own:
                continue
            n = Number.of(v.value["number"])
            if n is not None:
                out.append(Ref(doc, v, n, v.value.get("refers_to")))
    return out


_NAMES = {
    DocType.PENALTY_DECISION: "处罚决定书",
    DocType.ADVANCE_NOTICE: "事先告知书",
    DocType.HEARING_NOTICE: "听证通知书",
    DocType.EVIDENCE_PRESERVATION: "先行登记保存文书",
    DocType.SEIZURE: "查封扣押文书",
    DocType.FILING_APPROVAL: "立案审批表",
    DocType.EXTENSION_APPROVAL: "延期审批表",
    DocType.PAYMENT_PROOF: "缴款凭证",
    DocType.PUBLICITY_RECORD: "公示记录",
    DocType.SERVICE_RECEIPT: "送达回证",
    DocType.CLOSURE_REPORT: "结案审批表",
    DocType.INVESTIGATION_REPORT: "调查终结报告",
}


def _series_conflicts(ctx: Context, owners: list[Owner]) -> list[tuple[str, list]]:
    """Documents of one case issued under one series (the same prefix and year: 汉环罚字〔2024〕) with different
    serials. A house style that numbers every document of a case with the case's number gives them all one
    serial; one that gives each kind of document its own series (罚告, 处罚) never shares a prefix across kinds.
    The serial most documents carry is the case's; the others are reported."""
    out = []
    seen: set[int] = set()
    for i, o in enumerate(owners):
        if i in seen:
            continue
        group = [k for k in range(i, len(owners)) if owners[k].number.same_series(o.number)]
        seen.update(group)
        serials: dict[str, list[Owner]] = {}
        for k in group:
            serials.setdefault(owners[k].number.serial, []).append(owners[k])
        kinds = {owners[k].doc.type for k in group}
        if len(serials) <= 1 or len(kinds) <= 1:
            continue
        ranked = sorted(serials.values(), key=len, reverse=True)
        if len(ranked[0]) == len(ranked[1]):
            continue  # no serial most documents share: not decided here
        main = ranked[0]
        for odd in ranked[1:]:
            if any(_near(ctx, x, main[0]) for x in odd):
                continue  # a misread serial on a scan is not an inconsistency to report
            names = "、".join(doc_label(x.doc) for x in odd)
            out.append(
                (
                    f"{names}文号“{odd[0].number}”与本案{'、'.join(doc_label(x.doc) for x in main[:3])}"
                    f"等文书所载“{main[0].number}”不一致",
                    [x.value.loc for x in odd] + [main[0].value.loc],
                )
            )
    return out


def _reading(ctx: Context, x: Owner | Ref) -> Reading:
    return ctx.reading(x.number.text, x.value.loc, x.doc)


def _near(ctx: Context, a: Owner | Ref, b: Owner | Ref) -> bool:
    """Two numbers that a misreading could make of one another: one read off a scan and one character from
    the other (椎综执 / 榨综执, 第10号 / 第16号), or read with a low confidence and a few characters off."""
    return confusable(_reading(ctx, a), _reading(ctx, b), lambda s: s)


def _name(doc_type: str) -> str:
    return _NAMES.get(doc_type, "文书")


class C02(Rule):
    """同一文书的文号前后不一致

    检查内容：各文书所载的文号应与该文书自身的文号一致：送达回证、封面、目录、缴款凭证、公示记录、结案审批表等
    引用的处罚决定书文号应与决定书文号相同，引用的告知书文号应与告知书文号相同。
    只比较同一文书系列（同一文号前缀，如“青市监处罚”）或明确指向同一文书的文号；
    告知书（青市监罚告〔2024〕9号）与决定书（青市监处罚〔2024〕17号）各有文号，不是不一致；
    各类文书共用同一文号系列（如均为“汉环罚字〔2024〕第N号”）时，本案文书的序号应当相同，与多数文书不同的为不一致。
    括号的不同写法（[2024]、（2024）、〔2024〕）、空格与“第”字不影响比较。
    依据：山东省司法厅《山东省行政处罚案卷评查标准》（鲁司〔2023〕33号）文书规范标准评查（文书制作规范）；
    国家测绘地理信息局《测绘地理信息行政处罚案卷评查标准》案卷卷面标准（文书按规范制作，填写不完整、不清楚、不规范的逐项扣分）。
    不合格示例：决定书文号“青市监处罚〔2024〕17号”，送达回证送达的决定书为“青市监处罚〔2024〕18号”。
    合格示例：决定书、送达回证、缴款书、公示记录均载“青市监处罚〔2024〕17号”。
    不适用情形：案卷中没有载明文号的文书，或只有一份文书载明文号且无其他文书引用。
    读不出决定书自身的文号，而其他文书引用了决定书文号时，结果为“人工核查”。
    历史处罚（“曾因……被处以……号”）中的文号不作比较。
    一方为扫描件、两个文号只差个别字符（可能是识别误差），或识别置信度低而相差几个字符时，结果为“人工核查”，
    列出两处识别结果及所在页。
    """

    code = "C02"
    name = "case-number-inconsistent"
    title = "文号前后一致"
    category = "C"
    legal_basis = (
        Basis("山东省行政处罚案卷评查标准", "（鲁司〔2023〕33号）文书规范标准评查（文书制作规范）"),
        Basis("测绘地理信息行政处罚案卷评查标准", "案卷卷面标准（文书制作规范）"),
    )

    def applies(self, ctx: Context) -> str | None:
        if not any(d.fields.get("case_numbers") for d in ctx.case.documents):
            return "案卷中没有载明文号的文书"
        return None

    def check(self, ctx: Context) -> Outcome:
        owners = _owners(ctx)
        refs = _refs(ctx, owners)
        conflicts: list[tuple[str, list]] = []
        unsure: list[tuple[Ref, Owner | Ref]] = []
        compared = []
        unowned: dict[str, list[Ref]] = {}
        for ref in refs:
            targets = [o for o in owners if ref.refers_to and o.doc.type == ref.refers_to]
            if not targets:
                targets = [o for o in owners if o.number.same_series(ref.number)]
            if targets:
                compared.append(ref.value.loc)
                if not any(o.number.same(ref.number) for o in targets):
                    o = targets[0]
                    if _near(ctx, o, ref):
                        unsure.append((ref, o))  # one character apart on a scan: may be a misreading
                        continue
                    conflicts.append(
                        (
                            f"{doc_label(ref.doc)}所载{_name(o.doc.type)}文号“{ref.number}”"
                            f"与{doc_label(o.doc)}文号“{o.number}”不一致",
                            [ref.value.loc, o.value.loc],
                        )
                    )
            elif ref.refers_to:
                unowned.setdefault(ref.refers_to, []).append(ref)
        conflicts.extend(_series_conflicts(ctx, owners))
        for doc_type, group in unowned.items():
            distinct: list[Ref] = []
            for ref in group:
                if not any(ref.number.same(d.number) for d in distinct):
                    distinct.append(ref)
            near = [(b, a) for i, a in enumerate(distinct) for b in distinct[i + 1 :] if _near(ctx, a, b)]
            if near and len(distinct) == _PAIR:
                unsure.extend(near)  # two citations of one number, one of them misread on a scan
            elif len(distinct) > 1:
                listed = "、".join(f"{doc_label(r.doc)}“{r.number}”" for r in distinct)
                conflicts.append(
                    (f"各文书所载{_name(doc_type)}文号不一致：{listed}", [r.value.loc for r in distinct])
                )
        if conflicts:
            conflicts = list(
                {m: (m, locs) for m, locs in conflicts}.values()
            )  # a number written twice on a form
            return self.failed(
                "；".join(m for m, _ in conflicts),
                list(dict.fromkeys(loc for _, locs in conflicts for loc in locs)),
            )
        if unsure:
            message = "；".join(
                f"{doc_label(r.doc)}所载文号{_reading(ctx, r)}与{doc_label(o.doc)}所载文号"
                f"{_reading(ctx, o)}相差个别字符"
                for r, o in unsure
            )
            return self.manual(
                message + "，可能是识别误差，请人工核对",
                list(dict.fromkeys(loc for r, o in unsure for loc in (r.value.loc, o.value.loc))),
            )
        decision = ctx.decision
        cited = unowned.get(DocType.PENALTY_DECISION)
        if cited and (decision is None or not any(o.doc is decision for o in owners)):
            where = (
                f"未能从{doc_label(decision)}读出其文号"
                if decision is not None
                else "案卷中没有可读取的行政处罚决定书"
            )
            return self.manual(
                f"{where}，其他文书引用的决定书文号“{cited[0].number}”无法与决定书核对，请人工核查",
                [r.value.loc for r in cited] + ([loc_of(decision)] if decision is not None else []),
            )
        return self.passed(
            evidence=list(
                dict.fromkeys(
                    [o.value.loc for o in owners]
                    + compared
                    + [r.value.loc for g in unowned.values() for r in g]
                )
            )
        )
