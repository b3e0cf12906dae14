"""Small results objects with known scores for the compile tests and benchmarks/compile_speed.py."""

from __future__ import annotations

CODES = ["S01", "E01", "N01", "N03", "T01", "A01", "C01", "D04"]
SHA = "a" * 64


def grade_of(score: float) -> str:
    return "优秀" if score >= 90 else "良好" if score >= 80 else "合格" if score >= 60 else "不合格"


def case(case_id: str, department: str, score: float, fails=(), veto_codes=()) -> dict:
    """One case; ``fails`` lists failed codes (1 point each), ``veto_codes`` marks a veto (grade 不合格)."""
    checks = []
    for code in CODES:
        if code in fails or code in veto_codes:
            checks.append({"code": code, "status": "fail", "points_deducted": 1.0, "message": f"{code} 不符合",
                           "evidence": [{"document": "决定书.docx", "quote": "摘录"}]})
        else:
            checks.append({"code": code, "status": "pass"})
    return {"case_id": case_id, "path": f"batch/{case_id}", "department": department,
            "case_number": f"某处罚〔2024〕{case_id}号", "party": f"当事人{case_id}", "score": score,
            "grade": "不合格" if veto_codes else grade_of(score), "veto": bool(veto_codes),
            "veto_codes": list(veto_codes), "needs_manual_review": False, "summary": None, "checks": checks,
            "errors": []}


def results(period: str | None, cases: list[dict], version: str = "0.1.0", rubric_id: str = "penalty-general") -> dict:
    return {"tool": {"name": "casereview", "version": version},
            "rubric": {"id": rubric_id, "version": "1", "sha256": SHA}, "period": period,
            "generated_at": "2024-10-08T09:30:00+08:00", "cases": cases}
