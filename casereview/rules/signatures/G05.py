"""G05 — approval forms carry each approver's opinion, signature and date."""

from __future__ import annotations

from dataclasses import replace

from casereview.model import Approval, DocType, Document, Outcome, Value
from casereview.rules.base import Basis, Context, Rule, doc_label, loc_of
from casereview.rules.signatures._shared import unread_note

FORMS = (DocType.FILING_APPROVAL, DocType.INVESTIGATION_REPORT, DocType.CLOSURE_REPORT)
# The final approval: the agency's head (or the one who signs for the agency).
FINAL_ROLES = {
    "负责人",
    "机关负责人",
    "主要负责人",
    "分管负责人",
    "单位负责人",
    "局领导",
    "分管领导",
    "审批人",
    "审批",
    "分管局长",
    "主管局长",
    "副局长",
    "局长",
    "主管领导",
    "领导审批",
}
# The officers who propose: their stage needs a signature and a date; the proposal is the form's body.
PROPOSER_ROLES = {"承办人", "承办人员", "经办人"}


def _gaps(a: Approval) -> list[str]:
    """What an approval stage lacks: 审批意见, 签名, 日期."""
    out = []
    if not a.opinion and a.role not in PROPOSER_ROLES:
        out.append("意见")
    if a.signed is False:  # None: a scanned box that could not be judged (see check)
        out.append("签名")
    if not a.date:
        out.append("日期")
    return out


def _unsure(a: Approval, gap: str) -> bool:
    """A gap that may be a misreading: a date written but not read as one (2024年7月22H)."""
    return gap == "日期" and a.date_unread


def _either(first: bool | None, second: bool | None) -> bool | None:
    """Signed if either row is; unknown if either is unknown; else not signed."""
    if first or second:
        return True
    return None if first is None or second is None else False


def _stages(approvals: list[Value[Approval]]) -> list[Value[Approval]]:
    """One stage per role in a row: 承办人处理意见 (the proposal) and 承办人意见 (signed, dated) are one stage."""
    out: list[Value[Approval]] = []
    for a in approvals:
        if out and out[-1].value.role == a.value.role:
            prev = out[-1].value
            merged = replace(
                prev,
                opinion=prev.opinion or a.value.opinion,
                signed=_either(prev.signed, a.value.signed),
                signer=prev.signer or a.value.signer,
                date=prev.date or a.value.date,
            )
            out[-1] = Value(merged, out[-1].loc)
        else:
            out.append(a)
    return out


def _stage(a: Value) -> str:
    role = a.value.role
    return role if role.endswith(("意见", "审批")) else f"{role}意见"


class G05(Rule):
    """审批表缺少审批意见、签名或日期

    检查内容：立案审批表、案件调查终结报告（案件处理审批表）、结案审批表的各审批栏
    （承办人、承办机构、负责人等）应有意见、签名和日期；至少应有负责人（机关负责人）的审批栏，
    且其审批意见、签名、日期齐全。承办人栏只要求签名和日期（其意见即表中的案情和建议）。
    依据：《中华人民共和国行政处罚法》第五十四条、第五十七条。
    不合格示例：立案审批表“负责人审批意见”栏只有“同意”，没有签名和日期；结案审批表没有负责人审批栏。
    合格示例：“负责人审批意见：同意立案。签名：刘振国 2024年3月2日”。
    不适用情形：案卷中没有立案审批表、调查终结报告和结案审批表。
    表上读不出任何审批栏（如版式未能识别、扫描页待 OCR）时，扫描页上签名栏无法判断时，日期处有形似日期却读不成
    日期的文字时（如“2024年7月22H”，可能是识别误差），或扫描页上读不到负责人栏时，结果为“人工核查”。
    """

    code = "G05"
    name = "approval-incomplete"
    title = "审批表意见、签名、日期齐全"
    category = "G"
    legal_basis = (
        Basis("中华人民共和国行政处罚法", "第五十四条"),
        Basis("中华人民共和国行政处罚法", "第五十七条"),
    )

    def applies(self, ctx: Context) -> str | None:
        if not ctx.has(*FORMS) and not ctx.unread:
            return "案卷中没有立案审批表、调查终结报告和结案审批表"
        return None

    def check(self, ctx: Context) -> Outcome:
        forms = ctx.docs(*FORMS)
        if not forms:
            return self.manual(f"未见可读取的审批表，请人工核查未能读取的内容（{'；'.join(ctx.unread[:5])}）")
        failed, no_final, unknown, ok, scans = [], [], [], [], []
        for doc in forms:
            approvals = _stages(doc.approvals)
            if not approvals:
                unknown.append(doc)
                continue
            # A date written but not read as one (2024年7月22H) may be a misreading; a signature box on a scan
            # that could not be judged is signed None (unsure below); anything else that is missing is seen.
            problems = [
                (a, gaps)
                for a in approvals
                if (gaps := [g for g in _gaps(a.value) if not _unsure(a.value, g)])
            ]
            for a, gaps in problems:
                failed.append((f"{doc_label(doc)}{_stage(a)}栏缺少{'、'.join(gaps)}", a.loc))
            if not any(a.value.role in FINAL_ROLES for a in approvals):
                if any(a.value.scanned for a in approvals):
                    unknown.append(doc)  # a label misread on a scan may hide the final stage
                else:
                    no_final.append(doc)
            # On a scan, a stage that reads as unsigned or undated may be a misreading (2024年7月22H): a person looks.
            unsure = [
                a
                for a in approvals
                if a.value.signed is None or any(_unsure(a.value, g) for g in _gaps(a.value))
            ]
            if unsure and not problems:
                scans.append((doc, unsure))
            elif not problems:
                ok.extend(a.loc for a in approvals)
        if failed:
            more = "；".join(f"{doc_label(d)}未见负责人审批栏" for d in no_final)
            message = "；".join(m for m, _ in failed) + (f"；{more}" if more else "")
            return self.failed(message, [loc for _, loc in failed] + [loc_of(d) for d in no_final])
        if no_final:
            message = "；".join(
                f"{doc_label(d)}未见负责人（机关负责人）审批栏，仅有"
                f"{'、'.join(_stage(a) for a in _stages(d.approvals))}"
                for d in no_final
            )
            return ctx.absent(self, message, [loc_of(d) for d in no_final], within=no_final)
        if unknown:
            return self.manual(
                "；".join(self._unknown(ctx, d) for d in unknown) + "，请人工核查",
                [loc_of(d) for d in unknown],
            )
        if scans:
            return self.manual(
                "；".join(
                    f"{doc_label(d)}为扫描页，{'、'.join(_stage(a) for a in u)}栏的签名或日期无法可靠识别"
                    for d, u in scans
                )
                + "，请人工核查",
                [a.loc for _, u in scans for a in u],
            )
        return self.passed(evidence=ok)

    @staticmethod
    def _unknown(ctx: Context, doc: Document) -> str:
        return f"未能在{doc_label(doc)}上识别审批栏（意见、签名、日期）{unread_note(ctx, doc)}"
