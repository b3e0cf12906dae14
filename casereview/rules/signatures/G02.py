"""G02 — inspection and inquiry records signed by every officer named on them."""

from __future__ import annotations

from casereview.model import Outcome
from casereview.rules.base import Basis, Context, RecordRule, doc_label, is_scanned, loc_of, misread_of
from casereview.rules.signatures._shared import unread_note
from casereview.text.labels import OFFICER_ROLES
from casereview.text.normalize import compact


class G02(RecordRule):
    """笔录记载的执法人员未签名

    检查内容：现场检查（勘验）笔录、询问（调查）笔录记载的每一名执法人员（检查人、询问人、记录人等）都应在笔录上签名。
    执法人员一方的签名栏（检查人员、询问人、记录人……签名）中写有其姓名，或这些签名栏中的手写签名图片不少于
    未写姓名的执法人员人数，视为已签名；记录人在“记录人签名”处签名即为其签名。
    扫描页上识别出的签名姓名与记载的执法人员对不上时，可能是手写字识别有误，结果为“人工核查”。
    依据：《中华人民共和国行政处罚法》第五十五条。
    不合格示例：笔录首部记载“执法人员：李明辉、王建军”，末尾“执法人员签名：李明辉”，王建军未签名；
    “询问人签名：李明辉”“记录人签名：王建军”，询问人王建军未作为询问人签名；执法人员签名栏空白。
    合格示例：“询问人签名：李明辉、王建军”；签名栏中有两个手写签名。
    不适用情形：案卷中没有现场检查笔录或询问笔录。
    笔录上读不到执法人员签名栏（如末页为待 OCR 识别的扫描页），或读不出记载的执法人员时，结果为“人工核查”。
    """

    code = "G02"
    name = "record-officer-signature-missing"
    title = "笔录由执法人员签名"
    category = "G"
    legal_basis = (Basis("中华人民共和国行政处罚法", "第五十五条"),)

    def check_records(self, ctx: Context, records: list) -> Outcome:
        failed, unknown, ok = [], [], []
        for doc in records:
            officers = doc.record.officers
            named = list(dict.fromkeys(v.value.name for v in officers))
            fields = doc.signatures_of(OFFICER_ROLES)
            if not fields:
                unknown.append((doc, "未找到执法人员签名栏"))
                continue
            if not named:
                if any(s.value.signed for s in fields):
                    ok.extend(s.loc for s in fields if s.value.signed)
                else:
                    failed.append(
                        (
                            f"{doc_label(doc)}执法人员签名栏（“{fields[0].value.label}”）空白",
                            [s.loc for s in fields],
                        )
                    )
                continue
            scanned = is_scanned(doc)
            missing = _unsigned(officers, fields, scanned)
            signed_names = _names(fields)
            others = [n for n in signed_names if not any(_signs(m, n, scanned) for m in named)]
            if missing and others and is_scanned(doc):
                # A handwritten name read off a scan that matches nobody listed may be a misreading.
                unknown.append(
                    (
                        doc,
                        f"扫描页上签名栏识别为“{'、'.join(sorted(others))}”，"
                        f"与记载的执法人员{'、'.join(missing)}对不上（可能是手写字识别有误）",
                    )
                )
                continue
            if missing:
                evidence = [
                    ctx.showing(v.loc, v.value.name, doc) for v in officers if v.value.name in missing
                ] + [s.loc for s in fields]
                pictures = sum(_pictures(s) for s in fields)
                if pictures:  # handwriting is not read: who is missing cannot be told, only how many
                    failed.append(
                        (
                            f"{doc_label(doc)}记载的执法人员{'、'.join(missing)}共{len(missing)}人未见其签名，"
                            f"相应签名栏的手写签名少于应签名人数（{self._signed_text(fields)}）",
                            evidence,
                        )
                    )
                else:
                    failed.append(
                        (
                            f"{doc_label(doc)}记载的执法人员{'、'.join(missing)}未在笔录上签名"
                            f"（{self._signed_text(fields)}）",
                            evidence,
                        )
                    )
            else:
                ok.extend(s.loc for s in fields if s.value.signed)
        if failed:
            return self.failed(
                "；".join(m for m, _ in failed), list(dict.fromkeys(loc for _, ls in failed for loc in ls))
            )
        if unknown:
            names = "；".join(f"{doc_label(d)}{reason}{unread_note(ctx, d)}" for d, reason in unknown)
            return self.manual(
                f"{names}，无法判断执法人员是否签名，请人工核查", [loc_of(d) for d, _ in unknown]
            )
        return self.passed(evidence=list(dict.fromkeys(ok)))

    @staticmethod
    def _signed_text(fields) -> str:
        """What the officers' signature fields hold, each field's label and its signed name quoted as written:
        签名栏“询问人签名：”有手写签名1处，“记录人签名：”写有“何静怡”."""
        parts = []
        for s in fields:
            v = s.value
            if v.kind == "text":
                parts.append(f"“{v.label}”写有“{v.name}”")
            elif v.kind == "image":
                parts.append(f"“{v.label}”有手写签名{v.images or 1}处")
            else:
                parts.append(f"“{v.label}”后空白")
        return "签名栏" + "，".join(parts)


def _names(fields) -> set[str]:
    return {compact(n) for s in fields if s.value.signed and s.value.name for n in s.value.name.split("、")}


def _pictures(field) -> int:
    """Handwritten signatures in a field besides the names read there (a field of pictures only: at least one)."""
    v = field.value
    if not v.signed:
        return 0
    return v.images or (1 if v.kind == "image" else 0)


def _signs(name: str, written: str, scanned: bool) -> bool:
    """``written`` (a name read in a signature field) is ``name``'s signature: it holds the name (a run of names
    read as one holds each), or, read off a scan, is one character from it (赵蠢 for 赵磊)."""
    name = compact(name)
    return name in written or (scanned and misread_of(written, name))


def _unsigned(officers, fields, scanned: bool = False) -> list[str]:
    """Officers with no signature: by role where the record has a field for the role they are listed under
    (询问人 in the 询问人 field, 记录人 in the 记录人 field), else in any field of the officers' side.

    A name signs for itself (a run of names read as one, 陈少华邹明, signs for each name it holds);
    the pictures of a group of fields sign for as many officers of the group as are not named there.
    """
    by_role: dict[str, list] = {}
    for f in fields:
        by_role.setdefault(f.value.role, []).append(f)
    groups: dict[str, list[str]] = {}
    for o in officers:
        roles = [r for r in o.value.roles if r in by_role]
        for role in roles or ["*"]:
            groups.setdefault(role, []).append(o.value.name)
    missing: list[str] = []
    for role, names in groups.items():
        group = by_role[role] if role != "*" else fields
        signed = _names(group) | (_names(fields) if role == "*" else set())
        left = [n for n in dict.fromkeys(names) if not any(_signs(n, s, scanned) for s in signed)]
        if len(left) > sum(_pictures(f) for f in group):
            missing.extend(n for n in left if n not in missing)
    return missing
