"""Self-review coverage: who reviewed its own files in which quarter, and the county's reviews per half-year.

The seeds (汉阴 2024〔39〕号 item 12, 柞水 2024〔54〕号 item 10) require every
enforcement department to review its own files at least once a quarter, and the
county (司法局 / 县政府) at least twice a year. A department's quarter counts
as covered when the store holds results of that department for that quarter
(a results file of a quarter period). A county review is an import covering
several departments (or imported with ``--kind county``); it is counted in the
half-year its period lies in (a whole-year review: the second half). The table covers the quarters of the period's
year up to the period's end; later quarters are not yet due.
"""

from __future__ import annotations

from dataclasses import dataclass

from casereview.compile.periods import FIRST_HALF_END, Period

COUNTY_PER_YEAR = 2


@dataclass
class CoverageRow:
    department: str
    quarters: dict[int, bool | None]  # quarter -> covered; None when not yet due

    @property
    def missing(self) -> list[int]:
        return [q for q, ok in self.quarters.items() if ok is False]


@dataclass
class Coverage:
    period: Period
    rows: list[CoverageRow]
    county: dict[int, list[str]]  # half-year -> county review files (periods) in it

    @property
    def county_total(self) -> int:
        return sum(len(v) for v in self.county.values())

    @property
    def county_due(self) -> int:
        """County reviews required by the end of the period (two a year, one per half)."""
        return COUNTY_PER_YEAR if self.period.last > FIRST_HALF_END else 1


def coverage(store, period: Period) -> Coverage:
    covered = store.quarters_with_results(period.year)
    rows = []
    for dept in store.departments(period.year):
        have = covered.get(dept, set())
        rows.append(CoverageRow(dept, {q: (q in have) if q <= period.last else None for q in range(1, 5)}))
    county: dict[int, list[str]] = {1: [], 2: []}
    for imp in store.imports_within(period):
        if imp["kind"] == "county":
            county[imp["period"].half() or 2].append(f"{imp['period']} {imp['file']}")
    return Coverage(period, rows, county)
