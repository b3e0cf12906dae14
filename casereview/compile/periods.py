"""Review periods: ``2024Q3`` (a quarter), ``2024H2`` (a half-year), ``2024`` (a year).

A period is a span of quarters; one period lies *inside* another when its
quarters are a subset. The previous period is the one of the same kind just
before: 2024Q1 -> 2023Q4, 2024H1 -> 2023H2, 2024 -> 2023.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from casereview.compile import CompileError

_PATTERN = re.compile(r"(\d{4})(?:([QH])(\d))?")


QUARTERS = 4  # a period is counted in quarters: Q1-Q4, H1 = Q1-Q2, H2 = Q3-Q4, a year = Q1-Q4
FIRST_HALF_END = 2  # the last quarter of H1


@dataclass(frozen=True, order=True)
class Period:
    """A year, and the first and last quarter (1-4) of the span."""

    year: int
    first: int
    last: int

    @property
    def kind(self) -> str:
        return {1: "Q", 2: "H", 4: "Y"}[self.last - self.first + 1]

    def __str__(self) -> str:
        if self.kind == "Q":
            return f"{self.year}Q{self.first}"
        if self.kind == "H":
            return f"{self.year}H{(self.first + 1) // 2}"
        return str(self.year)

    def quarters(self) -> list[Period]:
        return [Period(self.year, q, q) for q in range(self.first, self.last + 1)]

    def contains(self, other: Period) -> bool:
        return self.year == other.year and self.first <= other.first and other.last <= self.last

    def previous(self) -> Period:
        span = self.last - self.first + 1
        if self.first - span >= 1:
            return Period(self.year, self.first - span, self.last - span)
        return (
            Period(self.year - 1, QUARTERS + 1 - span, QUARTERS)
            if span < QUARTERS
            else Period(self.year - 1, 1, QUARTERS)
        )

    def half(self) -> int | None:
        """1 or 2 when the period lies within one half-year, else None."""
        if self.last <= FIRST_HALF_END:
            return 1
        if self.first > FIRST_HALF_END:
            return 2
        return None


def parse_period(text: str | None) -> Period:
    """``2024Q3`` / ``2024H2`` / ``2024`` -> Period; CompileError with a Chinese message otherwise."""
    m = _PATTERN.fullmatch((text or "").strip().upper())
    if not m:
        raise CompileError(f"无法识别的评查期间：{text!r}（应为 2024Q3、2024H2 或 2024 这样的形式）")
    year, kind, n = int(m.group(1)), m.group(2), int(m.group(3) or 0)
    if kind == "Q" and 1 <= n <= QUARTERS:
        return Period(year, n, n)
    if kind == "H" and n in (1, 2):
        return Period(year, 2 * n - 1, 2 * n)
    if kind is None:
        return Period(year, 1, QUARTERS)
    raise CompileError(f"无法识别的评查期间：{text!r}（季度为 Q1–Q4，半年为 H1–H2）")


def latest(periods) -> Period:
    """The latest of several periods: by the end, then the shortest (2024Q4 before 2024H2 before 2024)."""
    return max(periods, key=lambda p: (p.year, p.last, p.first))


def period_containing(dates: Iterable[dt.date]) -> Period | None:
    """The shortest period (a quarter, else a half-year, else the year) holding every date; None across years."""
    quarters = {(d.year, (d.month - 1) // 3 + 1) for d in dates}
    if not quarters or len({y for y, _ in quarters}) > 1:
        return None
    year = next(iter(quarters))[0]
    first, last = min(q for _, q in quarters), max(q for _, q in quarters)
    if first == last or (first - 1) // 2 == (last - 1) // 2:  # one quarter, or the two of one half-year
        return Period(year, first, last)
    return Period(year, 1, 4)
