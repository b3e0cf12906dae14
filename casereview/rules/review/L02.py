"""L02 — the legal reviewer is not a handling officer."""

from __future__ import annotations

from casereview.model import DocType, Document, Location, Outcome
from casereview.rules.base import SISHUI_MEASURES, Basis, Context, Rule, confusable, doc_label, loc_of
from casereview.text.names import CN_NAME_LEN
from casereview.text.normalize import compact

# Roles on approval forms that name the case's handling officers.
HANDLING_ROLES = {"承办人", "承办人员", "经办人"}


def handling_officers(ctx: Context) -> dict[str, tuple[Document, Location]]:
    """Every handling officer of the case by name, with the first place that names them."""
    found: dict[str, tuple[Document, Location]] = {}

    def add(name: str | None, doc: Document, loc: Location) -> None:
        for n in (name or "").split("、"):
            n = n.strip()
            if CN_NAME_LEN[0] <= len(n) <= CN_NAME_LEN[1] and n not in found:
                found[n] = (doc, loc)

    for doc in ctx.docs(DocType.INSPECTION_RECORD, DocType.INQUIRY_RECORD):
        for o in doc.record.officers:
            add(o.value.name, doc, o.loc)
    for doc in ctx.docs(
        DocType.FILING_APPROVAL,
        DocType.INVESTIGATION_REPORT,
        DocType.CLOSURE_REPORT,
        DocType.EXTENSION_APPROVAL,
        DocType.LEGAL_REVIEW,
    ):
        for a in doc.approvals:
            if a.value.role in HANDLING_ROLES:
                add(a.value.signer, doc, a.loc)
    for doc in ctx.case.documents:
        for s in doc.signatures_of({"承办人"}):
            if s.value.signed:
                add(s.value.name, doc, s.loc)
    for doc in ctx.docs(DocType.HEARING_RECORD):
        for v in doc.fields.get("investigators", []):
            add(v.value, doc, v.loc)
    return found


def handling_certs(ctx: Context) -> dict[str, tuple[str, Document, Location]]:
    """The certificate numbers of the officers on the records: number -> (name, document, place)."""
    found: dict[str, tuple[str, Document, Location]] = {}
    for doc in ctx.docs(DocType.INSPECTION_RECORD, DocType.INQUIRY_RECORD):
        for o in doc.record.officers:
            cert = o.value.cert_no
            if cert and compact(cert) not in found:
                found[compact(cert)] = (o.value.name, doc, o.loc)
    return found


class L02(Rule):
    """法制审核人员同时是案件承办人员

    检查内容：法制审核由法制机构人员进行，审核人员不得是本案的承办（调查）人员。
    比对法制审核文书上的审核人员（姓名，或表上注明的执法证号）与检查笔录、询问笔录上的执法人员（姓名、执法证号），
    以及各审批表上的承办人。审核人手写签名、只注明执法证号的，按证号比对。
    依据：泗水县人民政府办公室《关于深入推进依法行政工作的若干措施》第五项（法制审核人员不得为案件承办人员）；《中华人民共和国行政处罚法》第五十八条。
    不合格示例：询问笔录的执法人员为李明辉、王建军，法制审核表的审核人为李明辉。
    合格示例：执法人员为李明辉、王建军，法制审核人为法规科的赵雪梅。
    不适用情形：案卷中没有法制审核文书。审核文书上认不出审核人姓名，也不能按执法证号核对（有承办人员的证号不明）时交人工核查。
    一方为扫描件、审核人员与某承办人员的姓名或执法证号只差个别字符（脱字、多字、错字，或识别置信度低而相差几个字符）的，
    以及姓名、证号相同但识别置信度低的，交人工核查，列出两处识别结果及所在页。
    """

    code = "L02"
    name = "legal-reviewer-is-handling-officer"
    title = "法制审核人员不是案件承办人员"
    category = "L"
    legal_basis = (
        SISHUI_MEASURES.at("第五项", "法制审核人员不得为案件承办人员"),
        Basis("中华人民共和国行政处罚法", "第五十八条"),
    )

    def applies(self, ctx: Context) -> str | None:
        if not ctx.has(DocType.LEGAL_REVIEW):
            return "案卷中没有法制审核文书"
        return None

    def check(self, ctx: Context) -> Outcome:  # noqa: C901 - extraction/rule logic kept as is until it can be split with its cases
        reviews = ctx.docs(DocType.LEGAL_REVIEW)
        reviewers = [(doc, v) for doc in reviews for v in doc.fields.get("reviewers", [])]
        reviewer_certs = [(doc, v) for doc in reviews for v in doc.fields.get("reviewer_certs", [])]
        certs = handling_certs(ctx)
        officers = handling_officers(ctx)
        clashes: list[tuple[str, list[Location]]] = []
        unsure: list[tuple[str, list[Location]]] = []
        for doc, v in reviewer_certs:
            mine = ctx.reading(v.value, ctx.showing(v.loc, v.value, doc), doc)
            for cert, (name, other, where) in certs.items():
                theirs = ctx.reading(cert, ctx.showing(where, cert, other), other)
                if (
                    compact(v.value) == cert
                ):  # the same certificate number: the same person, however the name is written
                    if mine.weak or theirs.weak:
                        unsure.append(
                            (
                                f"法制审核人员的执法证号{mine}与本案承办人员{name}的执法证号{theirs}相同，"
                                "但识别置信度低",
                                [mine.loc, theirs.loc],
                            )
                        )
                    else:
                        clashes.append(
                            (
                                f"法制审核人员（执法证号 {v.value}，{doc_label(doc)}）与本案承办人员{name}"
                                f"（{doc_label(other)}）的执法证号相同，审核人员是承办人员",
                                [mine.loc, theirs.loc],
                            )
                        )
                elif confusable(mine, theirs, compact):
                    unsure.append(
                        (
                            f"法制审核人员的执法证号{mine}与本案承办人员{name}的执法证号{theirs}只差个别字符",
                            [mine.loc, theirs.loc],
                        )
                    )
        for doc, v in reviewers:
            mine = ctx.reading(v.value, ctx.showing(v.loc, v.value, doc), doc)
            for name, (other, where) in officers.items():
                theirs = ctx.reading(name, ctx.showing(where, name, other), other)
                if v.value == name:
                    if mine.weak or theirs.weak:
                        unsure.append(
                            (
                                f"法制审核人员{mine}与本案承办人员{theirs}姓名相同，但识别置信度低",
                                [mine.loc, theirs.loc],
                            )
                        )
                    else:
                        clashes.append(
                            (
                                f"法制审核人员 {v.value}（{doc_label(doc)}）同时是本案承办人员（{doc_label(other)}）",
                                [mine.loc, theirs.loc],
                            )
                        )
                elif confusable(mine, theirs, compact):
                    # 邵文 read off a scan for 邵文华: may be the same person.
                    unsure.append(
                        (f"法制审核人员{mine}与本案承办人员{theirs}只差个别字", [mine.loc, theirs.loc])
                    )
        if clashes:
            clashes = list({m: (m, locs) for m, locs in clashes}.values())
            return self.failed(
                "；".join(m for m, _ in clashes),
                list(dict.fromkeys(loc for _, locs in clashes for loc in locs)),
            )
        if unsure:
            unsure = list({m: (m, locs) for m, locs in unsure}.values())
            return self.manual(
                "；".join(m for m, _ in unsure) + "，可能是识别误差，请人工核对审核人员是否为本案承办人员",
                list(dict.fromkeys(loc for _, locs in unsure for loc in locs)),
            )
        if not reviewers and reviewer_certs:
            # Reviewers who signed by hand beside their certificate numbers: compared by number, which needs
            # the number of every handling officer.
            known = {name for name, _, _ in certs.values()}
            if officers and set(officers) <= known:
                numbers = "、".join(dict.fromkeys(v.value for _, v in reviewer_certs))
                return self.passed(
                    f"法制审核人员（执法证号 {numbers}）不是本案承办人员",
                    list(dict.fromkeys(loc_of(doc, v) for doc, v in reviewer_certs)),
                )
        if not reviewers:
            return self.manual(
                f"{doc_label(reviews[0])}上未能识别法制审核人员姓名，请人工核对审核人是否为承办人员",
                [loc_of(r) for r in reviews],
            )
        if not officers:
            return self.manual(
                "案卷中未能识别案件承办（执法）人员姓名，无法比对法制审核人员，请人工核查",
                list(dict.fromkeys(loc_of(doc, v) for doc, v in reviewers)),
            )
        names = "、".join(dict.fromkeys(v.value for _, v in reviewers))
        return self.passed(
            f"法制审核人员 {names} 不是本案承办人员",
            list(dict.fromkeys(loc_of(doc, v) for doc, v in reviewers)),
        )
