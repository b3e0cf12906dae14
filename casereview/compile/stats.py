"""The figures of a compilation: per department, the named files, the typical problems, the comparison.

Problems are grouped the way bulletins group them (standards.md §1.3), by the
rule's category:

- 实体 (substance): S 执法主体与人员, E 证据, D 处罚决定书 (facts, evidence, law applied, the decision);
- 程序 (procedure): N 告知, H 听证, L 法制审核与集体讨论, T 期限, G 签名与印章, P 公示与全过程记录;
- 卷宗 (the file itself): A 卷宗, C 一致性 (binding, completeness, documents agreeing with each other).

Rates are shares of the department's files; 合格率 counts every file graded
合格 or better. The ranking orders departments by mean score, then 优秀率,
then fewest 不合格 files.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from casereview.compile.periods import Period

GRADES = ("优秀", "良好", "合格", "不合格")
FAIL_GRADE = "不合格"
GROUPS = {"实体": "SED", "程序": "NHLTGP", "卷宗": "AC"}
GROUP_ORDER = tuple(GROUPS)


def pct(x: float) -> str:
    """0.706 -> "70.6%"."""
    return f"{x * 100:.1f}%"


def group_of(code: str) -> str:
    """实体 / 程序 / 卷宗 for a requirement code, by its rule category (unknown categories: 程序)."""
    from casereview.report.sheet import item_category

    category = item_category(code)
    for name, letters in GROUPS.items():
        if category in letters:
            return name
    return "程序"


def title_of(code: str) -> str:
    from casereview.report.sheet import item_title

    return item_title(code)


@dataclass
class DepartmentStats:
    department: str
    files: int = 0
    scored: int = 0
    mean: float | None = None
    grades: Counter = field(default_factory=Counter)
    rank: int = 0
    previous: DepartmentStats | None = None

    def rate(self, grade: str) -> float:
        return self.grades[grade] / self.files if self.files else 0.0

    @property
    def pass_rate(self) -> float:
        """合格率: files graded 合格 or better."""
        passed = sum(self.grades[g] for g in GRADES if g != FAIL_GRADE)
        return passed / self.files if self.files else 0.0

    @property
    def mean_delta(self) -> float | None:
        if self.previous is None or self.previous.mean is None or self.mean is None:
            return None
        return round(self.mean - self.previous.mean, 2)


@dataclass
class Problem:
    code: str
    title: str
    group: str
    files: int
    share: float


@dataclass
class Compilation:
    period: Period
    previous_period: Period
    cases: list[dict]
    departments: list[DepartmentStats]
    total: DepartmentStats
    problems: list[Problem]
    failed_items: dict[int, list[dict]]
    has_previous: bool

    def named(self, grade: str) -> list[dict]:
        return [c for c in self.cases if c["grade"] == grade]

    def department_cases(self, department: str) -> list[dict]:
        return [c for c in self.cases if c["department"] == department]


def department_stats(name: str, cases: list[dict]) -> DepartmentStats:
    scores = [c["score"] for c in cases if c["score"] is not None]
    return DepartmentStats(name, files=len(cases), scored=len(scores),
                           mean=round(sum(scores) / len(scores), 2) if scores else None,
                           grades=Counter(c["grade"] for c in cases if c["grade"]))


def _by_department(cases: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for c in cases:
        out.setdefault(c["department"], []).append(c)
    return out


def rank(departments: list[DepartmentStats]) -> list[DepartmentStats]:
    """Sorted best first, with ``rank`` set (ties on every key share a rank)."""
    def key(d: DepartmentStats):
        return (-(d.mean if d.mean is not None else -1), -d.rate("优秀"), d.grades[FAIL_GRADE])

    ordered = sorted(departments, key=lambda d: (key(d), d.department))
    for i, d in enumerate(ordered):
        d.rank = ordered[i - 1].rank if i and key(ordered[i - 1]) == key(d) else i + 1
    return ordered


def problems(cases: list[dict], failed: dict[int, list[dict]]) -> list[Problem]:
    """Failed codes by files affected, most frequent first, grouped 实体 / 程序 / 卷宗."""
    counts = Counter(code for c in cases for code in {f["code"] for f in failed.get(c["id"], [])})
    out = [Problem(code, title_of(code), group_of(code), n, n / len(cases)) for code, n in counts.items()]
    return sorted(out, key=lambda p: (GROUP_ORDER.index(p.group), -p.files, p.code))


def compile_stats(store, period: Period) -> Compilation:
    """Everything the workbook and the bulletin show for ``period``, from the store."""
    cases = store.cases_within(period)
    failed = store.failed_findings([c["id"] for c in cases])
    previous_period = period.previous()
    previous_cases = store.cases_within(previous_period)
    previous = {name: department_stats(name, cs) for name, cs in _by_department(previous_cases).items()}
    departments = []
    for name, cs in _by_department(cases).items():
        stats = department_stats(name, cs)
        stats.previous = previous.get(name)
        departments.append(stats)
    total = department_stats("合计", cases)
    total.previous = department_stats("合计", previous_cases) if previous_cases else None
    return Compilation(period, previous_period, cases, rank(departments), total, problems(cases, failed), failed,
                       bool(previous))
