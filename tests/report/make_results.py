"""Synthetic results objects for the report tests and benchmarks/report_speed.py.

Built from the built-in rubric's data (every code, whatever the rule registry
holds at the moment) and scored with ``rubric.scoring.score``, so the numbers
are the ones ``casereview score`` would write for the same outcomes.
"""

from __future__ import annotations

import random
from importlib import resources

import yaml

from casereview.model import Location, Outcome
from casereview.rubric import Item, Rubric
from casereview.rubric.scoring import score
from casereview.rubric.snapshot import rubric_snapshot

UNITS = ["青山县市场监督管理局", "青山县农业农村局", "青山县交通运输局", "青山县城市管理局"]
PARTIES = ["青山县鑫源商贸有限公司", "青山县福满楼餐饮店", "张某某", "青山县顺达运输有限公司", "李某"]
DOCS = [
    "04 现场检查笔录.docx",
    "09 询问笔录（陈国栋）.docx",
    "11 行政处罚告知书.pdf",
    "14 行政处罚决定书.pdf",
    "15 送达回证.docx",
]


def builtin_rubric(rubric_id: str = "penalty-general", veto_mode: str | None = None) -> Rubric:
    """The built-in rubric as data, without the registry check (the registry may be incomplete)."""
    text = resources.files("casereview.rubric").joinpath(f"builtin/{rubric_id}.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    items = {
        c: Item(c, float(v.get("points", 0)), bool(v.get("veto", False)), bool(v.get("enabled", True)))
        for c, v in data["items"].items()
    }
    grades = sorted(((g["name"], float(g["min"])) for g in data["grades"]), key=lambda g: -g[1])
    return Rubric(
        data["id"],
        str(data["version"]),
        data["title"],
        veto_mode or data["veto_mode"],
        float(data.get("start", 100)),
        grades,
        data.get("params") or {},
        items,
        "a" * 64,
        "test",
    )


def make_entry(
    case_id: str,
    rubric: Rubric,
    statuses: dict[str, str],
    unit: str = UNITS[0],
    party: str = PARTIES[0],
    number: int = 17,
) -> dict:
    """One results case: every rubric code, ``statuses`` overriding ``pass``."""
    outcomes = []
    for i, code in enumerate(rubric.items):
        status = statuses.get(code, "pass")
        doc = DOCS[i % len(DOCS)]
        if status == "fail":
            ev = [
                Location(
                    doc,
                    page=1 + i % 3 if doc.endswith(".pdf") else None,
                    paragraph=None if doc.endswith(".pdf") else 3 + i,
                    quote=f"{code} 的原文摘录：执法人员李明辉出示了执法证件",
                )
            ]
            outcomes.append(Outcome(code, "fail", f"{code} 不符合：{doc} 缺少规定内容", ev))
        elif status == "manual":
            outcomes.append(
                Outcome(
                    code,
                    "manual",
                    f"{doc} 第2页为扫描页，无法判断 {code}，请人工核查",
                    [Location(doc, page=2)],
                )
            )
        elif status == "na":
            outcomes.append(Outcome(code, "na", "本案不涉及此项"))
        else:
            outcomes.append(Outcome(code, "pass"))
    s = score(outcomes, rubric)
    return {
        "case_id": case_id,
        "path": f"batch/{case_id}",
        "department": unit,
        "case_number": f"青市监处罚〔2024〕{number}号",
        "party": party,
        "score": s.score,
        "grade": s.grade,
        "veto": s.veto,
        "veto_codes": s.veto_codes,
        "needs_manual_review": s.needs_manual_review,
        "readable": True,
        "summary": {
            "agency": unit,
            "case_number": f"青市监处罚〔2024〕{number}号",
            "party": party,
            "party_kind": "organization",
            "party_id": None,
            "penalty_types": ["罚款"],
            "fine_yuan": 5000.0,
            "confiscation_yuan": None,
            "decision_date": "2024-03-29",
            "filing_date": "2024-03-02",
            "legal_basis": [],
        },
        "officers": [
            {"name": "李明辉", "cert_no": "1411030023"},
            {"name": "王建军", "cert_no": "1411030031"},
        ],
        "documents": [
            {
                "type": "closure_report",
                "title": "结案审批表",
                "source": "18 结案审批表.docx",
                "pages": [],
                "date": "2024-04-12",
            }
        ],
        "checks": [o.to_json() for o in outcomes],
        "errors": [],
    }


def make_results(n: int = 12, seed: int = 7, rubric: Rubric | None = None, period: str = "2024H2") -> dict:
    """``n`` cases spread over four units with a deterministic mix of failures, vetoes and manual items."""
    rubric = rubric or builtin_rubric()
    rng = random.Random(seed)
    codes = list(rubric.items)
    plain = [c for c in codes if not rubric.items[c].veto]
    vetoes = [c for c in codes if rubric.items[c].veto]
    cases = []
    for k in range(n):
        statuses = {c: "fail" for c in rng.sample(plain, rng.choice([0, 1, 2, 3, 5]))}
        if k % 5 == 3:
            statuses[rng.choice(vetoes)] = "fail"
        if k % 4 == 1:
            statuses[rng.choice([c for c in plain if c not in statuses])] = "manual"
        for c in rng.sample(codes, 4):
            statuses.setdefault(c, "na")
        cases.append(
            make_entry(
                f"case-{k + 1:03d}",
                rubric,
                statuses,
                unit=UNITS[k % len(UNITS)],
                party=PARTIES[k % len(PARTIES)],
                number=k + 1,
            )
        )
    return {
        "tool": {"name": "casereview", "version": "0.1.0"},
        "rubric": rubric_snapshot(rubric),
        "period": period,
        "generated_at": "2024-10-08T09:30:00+08:00",
        "cases": cases,
        "skipped": [],
    }
