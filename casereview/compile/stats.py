"""The figures of a compilation: per department, the named files, the typical problems, the comparison.

Problems are grouped by category as the requirements define them
(``shared/spec/requirements.md``, kept in ``casereview.rules.base.CATEGORIES``):
执法主体与人员 (S), 证据 (E), 告知 (N), 听证 (H), 法制审核与集体讨论 (L),
处罚决定书 (D), 期限 (T), 签名与印章 (G), 公示与全过程记录 (P), 卷宗 (A),
一致性 (C); a rubric may map an item to another category. Within a category
the veto items of the rubric used come first, then the most frequent.

Grades, their bands and the veto items come from the rubrics the files were
scored with (``compile.rubrics``). Rates are shares of the department's
files: ``rate(g)`` counts files graded exactly ``g``; ``pass_rate`` (合格率)
counts every file graded 合格 or better, i.e. anything but 不合格. The ranking
orders departments by mean score, then the share of the best grade, then
fewest 不合格 files.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from casereview.compile.periods import Period
from casereview.compile.rubrics import (
    FAIL_GRADE,
    RubricUse,
    category_names,
    grade_set,
    rule_category,
    rule_title,
)

BEST_GRADE = "优秀"


def pct(x: float) -> str:
    """0.706 -> "70.6%"."""
    return f"{x * 100:.1f}%"


def group_of(code: str) -> str:
    """The category name of a requirement code by its rule (执法主体与人员, 证据, 告知 …); 其他 when unknown."""
    return rule_category(code)


def title_of(code: str) -> str:
    return rule_title(code)


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
        """合格率: files graded 合格 or better (any grade but 不合格)."""
        passed = sum(n for g, n in self.grades.items() if g != FAIL_GRADE)
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
    veto: bool = False  # a veto item of the rubric of some file it was found in


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
    grades: list[str] = field(default_factory=lambda: [BEST_GRADE, "合格", FAIL_GRADE])  # best first
    rubrics: list[RubricUse] = field(default_factory=list)  # those of this period's files, by id
    notes: list[str] = field(default_factory=list)  # on the grades of several rubrics (Chinese)
    titles: dict[str, str] = field(default_factory=dict)

    @property
    def groups(self) -> list[str]:
        """The categories with problems, in the order of the requirements (rubric-mapped others after)."""
        return list(dict.fromkeys(p.group for p in self.problems))

    def title(self, code: str) -> str:
        return self.titles.get(code) or title_of(code)

    def named(self, grade: str) -> list[dict]:
        return [c for c in self.cases if c["grade"] == grade]

    def department_cases(self, department: str) -> list[dict]:
        return [c for c in self.cases if c["department"] == department]


def department_stats(name: str, cases: list[dict]) -> DepartmentStats:
    scores = [c["score"] for c in cases if c["score"] is not None]
    return DepartmentStats(
        name,
        files=len(cases),
        scored=len(scores),
        mean=round(sum(scores) / len(scores), 2) if scores else None,
        grades=Counter(c["grade"] for c in cases if c["grade"]),
    )


def _by_department(cases: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for c in cases:
        out.setdefault(c["department"], []).append(c)
    return out


def rank(departments: list[DepartmentStats], best: str = BEST_GRADE) -> list[DepartmentStats]:
    """Sorted best first, with ``rank`` set (ties on every key share a rank)."""

    def key(d: DepartmentStats):
        return (-(d.mean if d.mean is not None else -1), -d.rate(best), d.grades[FAIL_GRADE])

    ordered = sorted(departments, key=lambda d: (key(d), d.department))
    for i, d in enumerate(ordered):
        d.rank = ordered[i - 1].rank if i and key(ordered[i - 1]) == key(d) else i + 1
    return ordered


def problems(cases: list[dict], failed: dict[int, list[dict]], rubric_of=None) -> list[Problem]:
    """Failed codes by files affected, grouped by category; in each, veto items first, then the most frequent.

    A code is a veto item when the rubric of a file it failed in makes it one, or it vetoed that file.
    ``rubric_of(case)`` gives the case's ``RubricUse`` (None: only the cases' veto codes count).
    """
    counts: Counter = Counter()
    veto: set[str] = set()
    titles: dict[str, str] = {}
    groups: dict[str, str] = {}
    for c in cases:
        use = rubric_of(c) if rubric_of else None
        for code in {f["code"] for f in failed.get(c["id"], [])}:
            counts[code] += 1
            if code in c["veto_codes"] or (use is not None and code in use.veto):
                veto.add(code)
            if use is not None:
                if code in use.titles:
                    titles.setdefault(code, use.titles[code])
                if code in use.categories:
                    groups.setdefault(code, use.categories[code])
    out = [
        Problem(
            code,
            titles.get(code) or title_of(code),
            groups.get(code) or group_of(code),
            n,
            n / len(cases),
            code in veto,
        )
        for code, n in counts.items()
    ]
    order = list(category_names().values())
    first = {g: i for i, g in enumerate(dict.fromkeys(p.group for p in sorted(out, key=lambda p: p.code)))}
    return sorted(
        out,
        key=lambda p: (
            order.index(p.group) if p.group in order else len(order) + first[p.group],
            not p.veto,
            -p.files,
            p.code,
        ),
    )


def _rubric_lookup(store, cases: list[dict]):
    stored = store.rubrics(c["import_id"] for c in cases)
    uses = {iid: RubricUse.from_snapshot(snap, ref) for iid, (snap, ref) in stored.items()}
    return lambda c: uses[c["import_id"]]


def compile_stats(store, period: Period) -> Compilation:
    """Everything the workbook and the bulletin show for ``period``, from the store."""
    cases = store.cases_within(period)
    failed = store.failed_findings([c["id"] for c in cases])
    rubric_of = _rubric_lookup(store, cases)
    grades, notes = grade_set(cases, rubric_of)
    rubrics = sorted({rubric_of(c).key: rubric_of(c) for c in cases}.values(), key=lambda u: u.key)
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
    found = problems(cases, failed, rubric_of)
    best = grades[0] if grades and grades[0] != FAIL_GRADE else BEST_GRADE
    return Compilation(
        period,
        previous_period,
        cases,
        rank(departments, best),
        total,
        found,
        failed,
        bool(previous),
        grades,
        rubrics,
        notes,
        {p.code: p.title for p in found},
    )
