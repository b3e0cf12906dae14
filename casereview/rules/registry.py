"""The one registry of rules: every requirement code, in the order of requirements.md."""

from __future__ import annotations

from functools import lru_cache

from casereview.rules.base import Rule

RETIRED: dict[str, str] = {}
"""Codes no longer in use, with why (a code is never reused: old results files and rubrics still name it).

None yet. When a requirement is dropped or renumbered, its code goes here with the reason
(``"N06": "merged into N05 on 2027-01-01: …"``); a rubric naming it is then refused with that reason,
and ``scripts/new_rule.py`` refuses to hand the code out again.
"""


@lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    """Every rule class, S01 … C03 (category packages each export RULES in code order)."""
    from casereview.rules import (
        archive,
        consistency,
        deadlines,
        decision,
        evidence,
        hearing,
        notices,
        officers,
        publicity,
        review,
        signatures,
    )

    rules: list[type[Rule]] = []
    for package in (
        officers,
        evidence,
        notices,
        hearing,
        review,
        decision,
        deadlines,
        signatures,
        publicity,
        archive,
        consistency,
    ):
        rules.extend(package.RULES)
    codes = [r.code for r in rules]
    if len(codes) != len(set(codes)):
        raise RuntimeError(f"duplicate rule codes: {sorted(c for c in codes if codes.count(c) > 1)}")
    return tuple(rules)


def rule_by_code() -> dict[str, type[Rule]]:
    return {r.code: r for r in all_rules()}
