"""Plain-text views: the linter lines of ``check`` and the per-case summary of ``score``.

Every value from a case file is shown through ``safe.clean_line``: an escape
sequence in a file name or a quote never reaches the terminal.
"""

from __future__ import annotations

from casereview.model import STATUS_LABELS
from casereview.report.safe import clean_line, clean_name

STATUS_ZH = STATUS_LABELS
NO_FINDINGS = "未发现不符合或待人工核查的项目"
"""What ``check`` prints instead of finding lines when every item is 符合 or 不适用."""


def _where(check: dict) -> str:
    ev = (check.get("evidence") or [{}])[0]
    if not ev.get("document"):
        return ""
    page = f" 第{ev['page']}页" if ev.get("page") else ""
    return f"{clean_name(ev['document'])}{page}"


def _order(entry: dict):
    """Sort key: document order of the first evidence, then code."""
    position = {}
    for i, d in enumerate(entry.get("documents") or []):
        position.setdefault(d["source"], i)

    def key(check: dict):
        ev = (check.get("evidence") or [{}])[0]
        doc = ev.get("document")
        return (
            position.get(doc, len(position) + 1),
            ev.get("page") or 0,
            ev.get("paragraph") or 0,
            check["code"],
        )

    return key


def check_lines(entry: dict) -> list[str]:
    """One line per failed or manual item, in document order: CODE 严重程度 说明  文书."""
    lines = []
    items = [c for c in entry["checks"] if c["status"] in ("fail", "manual")]
    for c in sorted(items, key=_order(entry)):
        if c["status"] == "fail":
            severity = "否决" if c.get("veto") else f"扣{_num(c.get('points_deducted', 0))}分"
        else:
            severity = "待核查"
        where = _where(c)
        lines.append(
            clean_line(f"{c['code']} {severity} {c.get('message', '')}") + (f"  {where}" if where else "")
        )
    return lines


def error_line(err: dict) -> str:
    """``check``'s note on a document that could not be read (file name and reason shown safely)."""
    return f"提示：{clean_name(err.get('source'))}：{clean_line(err.get('reason'))}"


def check_report(entry: dict) -> list[str]:
    """What ``check`` prints before the verdict: the finding lines, or ``NO_FINDINGS`` when there are none."""
    return check_lines(entry) or [NO_FINDINGS]


def _num(x) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def verdict_line(entry: dict) -> str:
    if entry.get("score") is None:
        return "无法评分：案卷无法处理"
    extra = "（有否决项）" if entry.get("veto") else ""
    pending = (
        f"，{sum(1 for c in entry['checks'] if c['status'] == 'manual')} 项待人工核查"
        if entry.get("needs_manual_review")
        else ""
    )
    return f"得分 {_num(entry['score'])}，等次 {clean_line(entry['grade'])}{extra}{pending}"


def case_summary(entry: dict, results: dict) -> str:
    """The per-case text summary written by ``score``."""
    r = results["rubric"]
    c = clean_line
    out = [
        f"案卷：{clean_name(entry['case_id'])}（{clean_name(entry['path'])}）",
        f"被评查单位：{c(entry.get('department')) or '（未识别）'}",
        f"案号：{c(entry.get('case_number')) or '（未识别）'}    当事人：{c(entry.get('party')) or '（未识别）'}",
        f"评查标准：{c(r['id'])} 版本 {c(r['version'])}（sha256 {c(r['sha256'])[:12]}…）"
        + (f"    评查期间：{c(results['period'])}" if results.get("period") else ""),
        verdict_line(entry),
        "",
    ]
    lines = check_lines(entry)
    out.append("问题清单：" if lines else "问题清单：无")
    out.extend(f"  {line}" for line in lines)
    if entry.get("errors"):
        out.append("")
        out.append("未能读取的文件：")
        out.extend(f"  {clean_name(e.get('source'))}：{c(e.get('reason'))}" for e in entry["errors"])
    counts = {s: sum(1 for c in entry["checks"] if c["status"] == s) for s in STATUS_ZH}
    out.append("")
    out.append("统计：" + "，".join(f"{STATUS_ZH[s]} {n} 项" for s, n in counts.items()))
    return "\n".join(out) + "\n"
