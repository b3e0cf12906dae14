"""H03 — the hearing is chaired by someone other than the investigators."""

from __future__ import annotations

import re

from casereview.model import DocType, Document, Outcome
from casereview.rules.base import Basis, Context, Reading, Rule, confusable, doc_label, loc_of


def _n(name: str) -> str:
    return re.sub(r"\s+", "", name or "")


class H03(Rule):
    """听证主持人系本案调查人员

    检查内容：听证由行政机关指定的非本案调查人员主持。将听证笔录记载的听证主持人，与现场检查笔录、
    询问笔录记载的执法人员及听证笔录记载的案件调查人员相比对。
    依据：《中华人民共和国行政处罚法》第六十四条第（四）项。
    不合格示例：询问笔录的询问人为李明辉、王建军，听证笔录记载“听证主持人：李明辉”。
    合格示例：听证主持人为法制机构的赵磊，调查人员为李明辉、王建军。
    不适用情形：案卷中没有听证笔录。读不出听证主持人，或读不出任何调查人员的，结果为“人工核查”；
    一方为扫描件、识别出的主持人与某调查人员只差个别字（如“张军”与“张立军”：脱字、多字、错字，
    或识别置信度低而相差几个字）的，也为“人工核查”，列出两处识别结果及所在页；姓名相同但识别置信度低的，
    不据以认定，同样交人工核查。
    """

    code = "H03"
    name = "hearing-chaired-by-investigator"
    title = "听证由非本案调查人员主持"
    category = "H"
    legal_basis = (Basis("中华人民共和国行政处罚法", "第六十四条第（四）项"),)

    def applies(self, ctx: Context) -> str | None:
        if not ctx.has(DocType.HEARING_RECORD):
            return "案卷中没有听证笔录"
        return None

    def check(self, ctx: Context) -> Outcome:
        investigators: dict[str, list[tuple[Document, Reading]]] = {}
        for doc in ctx.docs(DocType.INSPECTION_RECORD, DocType.INQUIRY_RECORD):
            for v in doc.record.officers:
                name = v.value.name
                investigators.setdefault(_n(name), []).append(
                    (doc, ctx.reading(name, ctx.showing(v.loc, name, doc), doc))
                )
        records = ctx.docs(DocType.HEARING_RECORD)
        for rec in records:
            for v in rec.fields.get("investigators") or []:
                investigators.setdefault(_n(v.value), []).append(
                    (rec, ctx.reading(v.value, ctx.showing(v.loc, v.value, rec), rec))
                )
        clashes, unread, ok, unsure = [], [], [], []
        for rec in records:
            presiding = rec.fields.get("presiding")
            if not presiding:
                unread.append(rec)
                continue
            chair = ctx.reading(presiding.value, ctx.showing(presiding.loc, presiding.value, rec), rec)
            seen = investigators.get(_n(presiding.value))
            if seen:
                weak = [r for r in [chair] + [r for _, r in seen] if r.weak]
                if weak:
                    # The same name, but read too poorly to accuse anyone: a person looks.
                    unsure.append(
                        (
                            f"{doc_label(rec)}识别出的听证主持人{chair}与本案调查人员"
                            f"{'、'.join(str(r) for _, r in seen)}相同，但识别置信度低",
                            [chair.loc] + [r.loc for _, r in seen],
                        )
                    )
                    continue
                where = "、".join(dict.fromkeys(doc_label(d) for d, _ in seen))
                clashes.append(
                    (
                        f"{doc_label(rec)}记载听证主持人{presiding.value}，而{presiding.value}是本案调查人员（{where}）",
                        [chair.loc] + [r.loc for _, r in seen],
                    )
                )
                continue
            near = [
                next(r for _, r in readings if confusable(chair, r, _n))
                for readings in investigators.values()
                if any(confusable(chair, r, _n) for _, r in readings)
            ]
            if near:
                # Read off a scan one character away from an investigator (张军 / 张立军): may be that person.
                unsure.append(
                    (
                        f"{doc_label(rec)}识别出的听证主持人{chair}与本案调查人员"
                        f"{'、'.join(str(r) for r in near)}只差个别字",
                        [chair.loc] + [r.loc for r in near],
                    )
                )
            else:
                ok.append(chair.loc)
        if clashes:
            return self.failed(
                "；".join(m for m, _ in clashes), list(dict.fromkeys(x for _, locs in clashes for x in locs))
            )
        if unread:
            return self.manual(
                f"未能从{'、'.join(doc_label(r) for r in unread)}读出听证主持人，请人工核查主持人是否为本案调查人员",
                [loc_of(r) for r in unread],
            )
        if unsure:
            return self.manual(
                "；".join(m for m, _ in unsure) + "，可能是识别误差，请人工核对主持人是否为本案调查人员",
                list(dict.fromkeys(x for _, locs in unsure for x in locs)),
            )
        if not investigators:
            return self.manual(
                "未能从笔录或听证笔录读出本案调查人员，无法核对听证主持人是否为调查人员，请人工核查", ok
            )
        return self.passed(evidence=ok)
