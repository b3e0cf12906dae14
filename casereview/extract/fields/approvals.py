"""审批表 and other forms with stages (filing_approval, investigation_report, closure_report,
extension_approval, legal_review, collective_discussion): each stage's opinion, signer and date, the
reviewers, the participants and conclusion, the extension asked."""

from __future__ import annotations

import re
from dataclasses import replace

from casereview.extract.dates import find_dates
from casereview.extract.doctext import Line
from casereview.extract.fields.common import Reader, cn_int, violation_date
from casereview.extract.forms import value_of
from casereview.extract.people import officers
from casereview.model import Approval, Value
from casereview.text.labels import CERT, is_label_cell
from casereview.text.names import known_names, split_glued, split_names
from casereview.text.normalize import compact


def read_report(r: Reader) -> None:
    """investigation_report: the violation date stated in its facts (T05), besides the approvals."""
    r.fields["violation_date"] = violation_date(r)


def read_extension(r: Reader) -> None:
    """extension_approval: the days of extension asked or granted, and the approvals."""
    m = re.search(
        r"延长(?:办案期限|期限|办理期限)?(?P<n>[\d一二三四五六七八九十]+)\s*(?:个)?(?P<unit>日|天|个工作日|工作日|个月)",
        r.text,
    )
    r.fields["extension"] = (
        r.value({"n": cn_int(m.group("n")), "unit": m.group("unit")}, m.start(), m.end()) if m else None
    )
    read_approvals(r)


_APPROVAL_ROLE = re.compile(
    r"(?P<role>承办人|承办人员|经办人|承办机构|承办部门|办案机构|办案部门|执法机构|审核机构|法制机构|法制审核机构|"
    r"部门负责人|科室负责人|机构负责人|分管负责人|分管领导|机关负责人|主要负责人|单位负责人|局领导|负责人|审核人|审批人|"
    r"分管局长|主管局长|副局长|局长|主管领导|领导审批|"
    r"审核|审批)(?:意见|审核意见|审批意见|审查意见|签批)?[:：]?"
)
_SIGNER = re.compile(
    r"(?:签名|签字|签批|签章|审批人[:：]|负责人[:：]|审核人[:：]|承办人[:：])[:：]?\s*(?P<names>[^\d]{0,30})"
)
# A line that starts another field of the form (立案日期：…, 备注): an approval stage ends before it.
_OTHER_FIELD = re.compile(
    r"^(?:(?!(?:审批|审核|签批|签字|签名|批准|审查)(?:日期|时间))[\u4e00-\u9fff]{2,6}(?:日期|时间)|备注|附件|说明|注)"
    r"[:：|]"
)


def read_approvals(r: Reader) -> None:
    """Approval forms: each stage's opinion, signer and date (承办人意见 … 负责人审批意见)."""
    sections: list[tuple[str, int, int, Line]] = []
    lines = r.dt.lines
    for li, line in enumerate(lines):
        first = line.cells[0] if line.cells else ""
        m = _APPROVAL_ROLE.match(compact(first)) if first else None
        if m and (
            m.group(0).endswith(("意见", "：", ":"))
            or len(compact(first)) <= 8
            or "意见" in compact(first)[:10]
            or
            # a narrow PDF cell wraps the label: 承办机构审核意 / 见
            re.match(r"(?:审核|审批|审查|签批)?意", compact(first)[m.end("role") :])
        ):
            sections.append((m.group("role"), li, li, line))
        elif (
            sections
            and sections[-1][2] == li - 1
            and not _APPROVAL_ROLE.match(compact(first) or "x")
            and not _OTHER_FIELD.match(compact(first))
            and (line.row is None or not first.strip() or line.block is not sections[-1][3].block)
        ):
            role, s, _, l0 = sections[-1]
            if li - s < 4:
                sections[-1] = (role, s, li, l0)
    approvals: list[Value[Approval]] = []
    known: set[str] = set()
    if sections:  # for names signed side by side, read as one run: the names the form lists
        known = known_names(r.text) | {o.name for o in officers(r.dt, limit_lines=len(lines))}
    for role, s, e, line in sections:
        text = "\n".join(x.text for x in lines[s : e + 1])
        body = _APPROVAL_ROLE.sub("", text, count=1)
        start = lines[s].start
        end = lines[e].start + len(lines[e].text)
        ds = [d for d in r.dates_in(start, end) if d.precision == "day"]
        sig = _SIGNER.search(body)
        written = re.split(r"日期|时间|年|\d", sig.group("names"))[0] if sig else ""
        head = _APPROVAL_ROLE.match(compact(lines[s].cells[0]))
        first_dated = any(d.start < lines[s].start + len(lines[s].text) for d in ds)
        if (
            sig is None
            and head is not None
            and head.group().endswith(("：", ":"))
            and "意见" not in head.group()
            and first_dated
        ):
            # 承办人：张三 李四 2024年5月11日 — the label signs itself: what follows it is the signers' names.
            written = re.split(r"日期|时间|年|\d|\|", body.split("\n")[0])[0]
        names = split_names(written) or split_glued(written, known)
        signer = "、".join(names) or None
        images = [img for x in lines[s : e + 1] for c in range(len(x.cells)) for img in x.images_in_cell(c)]
        ink = [img for img in images if not img.looks_like_seal]
        opinion_text = re.sub(
            r"(?:签名|签字|签批|日期|审批人|负责人|审核人)[:：]?\s*[\u4e00-\u9fff]{0,4}", "", body
        )
        for d in ds:
            opinion_text = opinion_text.replace(d.text, "")
        opinion_text = re.sub(r"[|\s:：（）()年月日]", "", opinion_text)
        # What is left of a broken date or a page footer (第1页共1页) is not an opinion.
        opinion_text = re.sub(r"第\d+页(?:共\d+页)?|共\d+页", "", opinion_text)
        opinion_text = re.sub(
            r"^(?:审批|审核|审查|签批|处理)?意见", "", opinion_text
        )  # the rest of a wrapped label
        if re.fullmatch(r"[\d.\-/]*", opinion_text):
            opinion_text = ""
        if (
            not ds
            and not sig
            and not names
            and not ink
            and "意见" not in text[:12]
            and not re.search(r"审批|审核|签批", text[:8])
        ):
            continue  # 承办人 | 张三、李四: a row naming the officers, not an approval stage
        scanned = any(x.block.confidence is not None for x in lines[s : e + 1])
        approvals.append(
            r.line_value(
                Approval(
                    role=role,
                    opinion=opinion_text[:80] or None,
                    signer=signer,
                    # On a scanned page an empty-looking box is not proof of no signature: unknown (None).
                    signed=True if (signer or ink) else (None if scanned else False),
                    date=ds[-1].value if ds else _glued_date(text),
                    scanned=scanned,
                    # A date-shaped text that does not read as a date (2024年7月22H): a misreading, not a missing date.
                    date_unread=not ds and _glued_date(text) is None and bool(_DATE_LIKE.search(text)),
                ),
                line,
            )
        )
    r.fields["approvals"] = _merge_same_role(approvals)


def _merge_same_role(approvals: list[Value[Approval]]) -> list[Value[Approval]]:
    """承办人处理意见 then 承办人意见: one stage written on two rows; the later row signs and dates it."""
    out: list[Value[Approval]] = []
    for a in approvals:
        prev = out[-1].value if out else None
        if prev is not None and prev.role == a.value.role and not prev.date and not prev.signed:
            out[-1] = Value(replace(a.value, opinion=a.value.opinion or prev.opinion), a.loc)
            continue
        out.append(a)
    return out


_DATE_LIKE = re.compile(
    r"(?:\d{4}|[〇零○Oo一二三四五六七八九]{4})\s*年\s*\S{1,3}\s*月|\d{4}\s*[-./]\s*\d{1,2}\s*[-./]"
)


def _glued_date(text: str):
    """A date a PDF cell broke over two lines (2024年09月13 / 日), read with the line breaks removed."""
    ds = [d for d in find_dates(re.sub(r"\s*\|\s*|\n", "", text)) if d.precision == "day"]
    return ds[-1].value if ds else None


_REVIEWER_LABEL = re.compile(r"(?:法制)?审核(?:人员?|员)(?:姓名)?(?:[（(]?(?:签名|签字|签章)[)）]?)?[:：]?")
_REVIEWER_STOP = re.compile(r"日期|时间|负责人|审核意见|\d{4}[-年./]")


def read_legal_review(r: Reader) -> None:
    """legal_review: the reviewers (names, and certificate numbers where the form gives them), the opinion."""
    f = r.fields
    names, certs = [], []
    for line in r.dt.lines:
        for col, cell in enumerate(line.cells):
            m = _REVIEWER_LABEL.search(cell)
            if not m:
                continue
            slot = value_of(r.dt, line, col, line.cell_starts[col] + m.end(), stop=_REVIEWER_STOP)
            parts = [slot.text]
            if slot.where == "right":  # 审核人（签名） | 甲（证号） | 乙（证号）: the reviewers fill the row
                _, vcol = slot.cells[0]
                for c in line.cells[vcol + 1 :]:
                    if _REVIEWER_STOP.search(c) or is_label_cell(c):
                        break
                    parts.append(c)
            text = re.split(_REVIEWER_STOP, " ".join(parts))[0]
            names.extend(r.value(n, slot.start) for n in split_names(text))
            certs.extend(r.value(c.group(), slot.start) for c in CERT.finditer(text))
    f["reviewers"] = list({v.value: v for v in names}.values())
    f["reviewer_certs"] = list({v.value: v for v in certs}.values())
    op = r.labelled_text(re.compile(r"审核意见[:：]?"))
    f["opinion"] = r.value(op[0][0][:80], op[0][1]) if op and op[0][0] else None
    read_approvals(r)


def read_discussion(r: Reader) -> None:
    f = r.fields
    parts = []
    for text, off in r.labelled_text(re.compile(r"(?:参加|出席|参会)(?:人员|人)[:：]?")):
        parts.extend(r.value(n, off) for n in split_names(text))
    f["participants"] = parts
    chair = r.labelled_text(re.compile(r"主持人[:：]?"))
    cn = [n for t, _ in chair for n in split_names(t[:8])]
    f["chair"] = r.value(cn[0], chair[0][1]) if cn else None
    concl = [h for h in r.hits("CONCLUSION")]
    f["conclusion"] = r.value(True, concl[-1].start, concl[-1].end) if concl else None
