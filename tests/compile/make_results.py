"""Small results objects with known scores for the compile tests and benchmarks/compile_speed.py.

``results()`` carries a rubric snapshot shaped like the one ``score`` writes (``rubric.snapshot.rubric_snapshot``):
by default the built-in penalty-general's three grades (优秀 ≥ 90, 合格 ≥ 60, 不合格) and veto items.
"""

from __future__ import annotations

CODES = ["S01", "E01", "N01", "N03", "T01", "A01", "C01", "D04"]
SHA = "a" * 64
THREE_GRADES = [("优秀", 90), ("合格", 60), ("不合格", 0)]
FOUR_GRADES = [("优秀", 90), ("良好", 80), ("合格", 60), ("不合格", 0)]
# penalty-general's veto items (casereview/rubric/builtin/penalty-general.yaml)
VETO = ("S01", "S03", "E01", "N01", "N02", "N04", "N05", "H01", "L01", "D03", "T03", "T05")
ALL_CODES = (
    [f"S0{i}" for i in range(1, 5)]
    + [f"E0{i}" for i in range(1, 4)]
    + [f"N0{i}" for i in range(1, 7)]
    + [f"H0{i}" for i in range(1, 4)]
    + [f"L0{i}" for i in range(1, 6)]
    + [f"D0{i}" for i in range(1, 8)]
    + [f"T0{i}" for i in range(1, 8)]
    + [f"G0{i}" for i in range(1, 6)]
    + ["P01", "P02"]
    + [f"A0{i}" for i in range(1, 5)]
    + [f"C0{i}" for i in range(1, 4)]
)


def grade_of(score: float, grades=THREE_GRADES) -> str:
    return next(name for name, low in grades if score >= low)


def snapshot(
    rubric_id: str = "penalty-general",
    grades=THREE_GRADES,
    veto=VETO,
    veto_mode: str = "zero",
    title: str = "一般程序行政处罚案卷评查标准（通用）",
    items: dict | None = None,
) -> dict:
    """A rubric snapshot as results.json carries it; ``items`` adds or overrides item entries."""
    entries = {c: ({"points": 10.0, "veto": True} if c in veto else {"points": 2.0}) for c in ALL_CODES}
    entries.update(items or {})
    return {
        "id": rubric_id,
        "version": "1",
        "sha256": SHA,
        "title": title,
        "veto_mode": veto_mode,
        "start": 100.0,
        "grades": [{"name": n, "min": float(m)} for n, m in grades],
        "items": entries,
    }


def case(
    case_id: str,
    department: str,
    score: float,
    fails=(),
    veto_codes=(),
    grade: str | None = None,
    decision_date: str | None = None,
) -> dict:
    """One case; ``fails`` lists failed codes (1 point each), ``veto_codes`` marks a veto (grade 不合格).

    Its checks are ``CODES`` plus any other failed code; ``decision_date`` fills ``summary`` as ``score`` does.
    """
    checks = []
    for code in CODES + sorted((set(fails) | set(veto_codes)) - set(CODES)):
        if code in fails or code in veto_codes:
            checks.append(
                {
                    "code": code,
                    "status": "fail",
                    "points_deducted": 1.0,
                    "message": f"{code} 不符合",
                    "evidence": [{"document": "决定书.docx", "quote": "摘录"}],
                }
            )
        else:
            checks.append({"code": code, "status": "pass"})
    summary = {"agency": department, "decision_date": decision_date} if decision_date else None
    return {
        "case_id": case_id,
        "path": f"batch/{case_id}",
        "department": department,
        "case_number": f"某处罚〔2024〕{case_id}号",
        "party": f"当事人{case_id}",
        "score": score,
        "grade": grade or ("不合格" if veto_codes else grade_of(score)),
        "veto": bool(veto_codes),
        "veto_codes": list(veto_codes),
        "needs_manual_review": False,
        "summary": summary,
        "checks": checks,
        "errors": [],
    }


def results(
    period: str | None,
    cases: list[dict],
    version: str = "0.1.0",
    rubric_id: str = "penalty-general",
    rubric: dict | None = None,
) -> dict:
    """A results object; ``rubric`` replaces the default snapshot (pass a bare reference to leave it out)."""
    return {
        "tool": {"name": "casereview", "version": version},
        "rubric": rubric if rubric is not None else snapshot(rubric_id),
        "period": period,
        "generated_at": "2024-10-08T09:30:00+08:00",
        "cases": cases,
    }
