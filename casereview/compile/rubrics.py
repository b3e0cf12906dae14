"""The rubrics behind compiled figures: grade sets and bands, veto items, titles and categories.

Every import stores a snapshot of the rubric its results were scored with
(what ``score`` writes in ``results["rubric"]``; for a file without one, the
built-in rubric of the same id and sha256, else what the checks show). The
compilation takes from it

- the grade set and bands (a rubric may have 优秀/合格/不合格 or add 良好);
- the veto items, which head the list of problems;
- an item's title, and its category when the rubric maps one (``items.CODE.category``,
  a category name or a requirement letter); otherwise the category is the rule's,
  from the requirements' own table (``casereview.rules.base.CATEGORIES``).

Grades are never recomputed: a file keeps the grade its rubric gave it.
When the files of a period were scored with different rubrics, the
compilation counts the union of their grades (best first) and says so.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from casereview.report.sheet import categories, item_category, item_title, num
from casereview.rubric.snapshot import DEFAULT_GRADES, rubric_info

CANONICAL_GRADES = ("优秀", "良好", "合格", "不合格")
FAIL_GRADE = "不合格"
OTHER_CATEGORY = "其他"
ZH_COUNT = {1: "一", 2: "两", 3: "三", 4: "四", 5: "五", 6: "六"}


def category_names() -> dict[str, str]:
    """Requirement letter -> category name, in the order of the requirements (S, E, N, H, L, D, T, G, P, A, C)."""
    return categories()


def rule_category(code: str) -> str:
    """The category name of a requirement code, from its rule (else its letter); 其他 when unknown."""
    return category_names().get(item_category(code)) or category_names().get(code[:1]) or OTHER_CATEGORY


def rule_title(code: str) -> str:
    return item_title(code)


def snapshot_of(results: dict) -> dict:
    """What the store keeps of a results file's rubric (the shape of ``rubric.snapshot.rubric_snapshot``).

    ``exact`` is False when the file carries no snapshot and its rubric is not a known built-in: then
    the grades are the default bands and the veto items those the cases were failed on.
    """
    info = rubric_info(results)
    raw = (results.get("rubric") or {}).get("items")
    raw = raw if isinstance(raw, dict) else {}
    vetoed = {code for entry in results["cases"] for code in entry.get("veto_codes") or []}
    items = {}
    for code in sorted(set(info.items) | vetoed):
        item = info.items.get(code)
        entry: dict = {
            "points": item.points if item else None,
            "veto": bool(item and item.veto) or code in vetoed,
        }
        if item and item.title:
            entry["title"] = item.title
        if isinstance(raw.get(code), dict) and raw[code].get("category"):
            entry["category"] = str(raw[code]["category"])
        items[code] = entry
    return {
        "id": info.id,
        "version": info.version,
        "sha256": info.sha256,
        "title": info.title,
        "veto_mode": info.veto_mode,
        "start": info.start,
        "grades": [{"name": n, "min": m} for n, m in info.grades],
        "items": items,
        "exact": info.exact,
    }


@dataclass(frozen=True)
class RubricUse:
    """One rubric as the compilation needs it."""

    id: str
    version: str
    sha256: str
    title: str
    veto_mode: str
    grades: tuple[tuple[str, float], ...]  # best first
    veto: frozenset[str]
    titles: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    categories: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    exact: bool = True

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.id, self.version, self.sha256)

    @property
    def label(self) -> str:
        return f"《{self.title}》（{self.id}）" if self.title and self.title != self.id else self.id

    @property
    def grade_names(self) -> list[str]:
        return [n for n, _ in self.grades]

    def bands(self) -> str:
        """优秀（90 分及以上）、合格（60 分及以上）、不合格（60 分以下）."""
        parts = []
        for i, (name, low) in enumerate(self.grades):
            if i == len(self.grades) - 1 and i:
                parts.append(f"{name}（{num(self.grades[i - 1][1])} 分以下）")
            else:
                parts.append(f"{name}（{num(low)} 分及以上）")
        return "、".join(parts)

    def describe(self) -> str:
        """《title》（id）：分为 优秀（…）… 三个等次."""
        count = ZH_COUNT.get(len(self.grades), str(len(self.grades)))
        return f"{self.label}，分为{self.bands()}{count}个等次"

    @classmethod
    def from_snapshot(cls, snapshot: dict | None, ref: dict) -> RubricUse:
        """From a stored snapshot, or (stores written before snapshots were kept) from the rubric's reference."""
        if not snapshot:
            info = rubric_info({"rubric": dict(ref), "cases": []})
            return cls(
                info.id,
                info.version,
                info.sha256,
                info.title,
                info.veto_mode,
                tuple(info.grades),
                frozenset(c for c, i in info.items.items() if i.veto),
                {c: i.title for c, i in info.items.items() if i.title},
                {},
                info.exact,
            )
        grades = sorted(
            ((str(g["name"]), float(g["min"])) for g in snapshot.get("grades") or []), key=lambda g: -g[1]
        ) or list(DEFAULT_GRADES)
        items = snapshot.get("items") or {}
        names = category_names()
        categories = {
            c: names.get(str(v["category"]), str(v["category"]))
            for c, v in items.items()
            if v.get("category")
        }
        return cls(
            str(snapshot.get("id", "")),
            str(snapshot.get("version", "")),
            str(snapshot.get("sha256", "")),
            str(snapshot.get("title") or snapshot.get("id", "")),
            str(snapshot.get("veto_mode", "zero")),
            tuple(grades),
            frozenset(c for c, v in items.items() if v.get("veto")),
            {c: str(v["title"]) for c, v in items.items() if v.get("title")},
            categories,
            bool(snapshot.get("exact", True)),
        )


def _ordered(names) -> list[str]:
    names = set(names)
    return [g for g in CANONICAL_GRADES if g in names] + sorted(names - set(CANONICAL_GRADES))


def grade_set(cases: list[dict], rubric_of) -> tuple[list[str], list[str]]:
    """The grades the compilation counts (best first) and notes (Chinese) on how they were found.

    ``rubric_of(case)`` is the case's ``RubricUse``. One rubric: its grades. Several: the union of theirs,
    said in a note with each rubric's bands. A rubric without a snapshot (``exact`` False) adds the grades its
    cases actually have; a grade a case has that its rubric does not know is counted as it stands, and said.
    """
    uses: dict[tuple, RubricUse] = {}
    files: Counter = Counter()
    strays: dict[str, set[str]] = {}
    for c in cases:
        use = rubric_of(c)
        uses.setdefault(use.key, use)
        files[use.key] += 1
        if c["grade"] and c["grade"] not in use.grade_names:
            strays.setdefault(c["grade"], set()).add(use.id)
    ordered = sorted(uses.values(), key=lambda u: u.key)
    names = [n for use in ordered for n in use.grade_names]
    notes = []
    for use in (u for u in ordered if not u.exact):
        notes.append(
            f"评查标准 {use.id} 的结果文件未载明等次划分，按默认等次（{use.bands()}）及案卷实际评定的等次统计。"
        )
    for grade, ids in sorted(strays.items()):
        if all(not uses[k].exact for k in uses if uses[k].id in ids):
            continue
        notes.append(
            f"有案卷评为“{grade}”，不在其评查标准（{'、'.join(sorted(ids))}）的等次中，按原等次统计。"
        )
    grades = _ordered([*names, *strays])
    if len(uses) > 1:
        listed = "；".join(f"{u.describe()}（{files[u.key]} 卷）" for u in ordered)
        note = f"本期结果使用了 {len(uses)} 个评查标准：{listed}。各卷等次按其所用标准评定"
        if len({tuple(u.grade_names) for u in ordered}) > 1:
            only = [g for g in grades if not all(g in u.grade_names for u in ordered)]
            note += f"，汇总按各标准等次的合集（{'、'.join(grades)}）统计；" + "；".join(
                f"“{g}”等次仅 {'、'.join(u.id for u in ordered if g in u.grade_names)} 设有"
                for g in only
                if any(g in u.grade_names for u in ordered)
            )
        notes.append(note + "。")
    return grades, notes
