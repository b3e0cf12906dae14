"""The rubric a results file was scored with, as ``results["rubric"]`` stores it.

``rubric_snapshot`` writes it (``api.review``: the rubric's reference, title,
veto mode, start, grade bands and every item's points, veto flag and title);
``rubric_info`` reads it back as a ``RubricInfo`` — from the snapshot, the
built-in rubric of the same id and sha256, or, for a file with neither, what
the checks show (``exact`` is then False). Sheets lay out with it, decisions
re-score with it (``RubricInfo.to_rubric``), compile counts grades with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from casereview.rubric import BUILTIN, Item, Rubric, RubricError, load_rubric

__all__ = ["DEFAULT_GRADES", "ItemInfo", "RubricInfo", "rubric_info", "rubric_snapshot"]

DEFAULT_GRADES = [("优秀", 90.0), ("合格", 60.0), ("不合格", 0.0)]


@dataclass(frozen=True, slots=True)
class ItemInfo:
    code: str
    points: float | None
    veto: bool = False
    enabled: bool = True
    title: str | None = None


@dataclass(slots=True)
class RubricInfo:
    """What the sheets need of the rubric: points, veto flags, grade bands, titles."""

    id: str
    version: str
    sha256: str
    title: str
    veto_mode: str
    start: float
    grades: list[tuple[str, float]]  # highest first
    items: dict[str, ItemInfo]
    exact: bool = True  # False when points had to be guessed from the checks

    def to_rubric(self) -> Rubric:
        """A ``Rubric`` for ``rubric.scoring.score`` (re-scoring after reviewer decisions)."""
        items = {c: Item(c, float(i.points or 0), i.veto, i.enabled, i.title) for c, i in self.items.items()}
        return Rubric(
            self.id,
            self.version,
            self.title,
            self.veto_mode,
            self.start,
            list(self.grades),
            {},
            items,
            self.sha256,
            f"results:{self.id}",
        )


def rubric_snapshot(rub: Rubric) -> dict[str, Any]:
    """The rubric as stored in results.json: its reference plus what is needed to lay out and re-score sheets."""
    out: dict[str, Any] = dict(rub.ref())
    out.update(
        {
            "title": rub.title,
            "veto_mode": rub.veto_mode,
            "start": rub.start,
            "grades": [{"name": n, "min": m} for n, m in rub.grades],
            "items": {},
        }
    )
    for code, item in rub.items.items():
        entry: dict[str, Any] = {"points": item.points}
        if item.veto:
            entry["veto"] = True
        if not item.enabled:
            entry["enabled"] = False
        if item.title:
            entry["title"] = item.title
        out["items"][code] = entry
    return out


def _from_rubric(rub: Rubric) -> RubricInfo:
    return RubricInfo(
        rub.id,
        rub.version,
        rub.sha256,
        rub.title,
        rub.veto_mode,
        rub.start,
        list(rub.grades),
        {c: ItemInfo(c, i.points, i.veto, i.enabled, i.title) for c, i in rub.items.items()},
    )


@lru_cache(maxsize=8)
def _builtin(rubric_id: str) -> Rubric | None:
    if rubric_id not in BUILTIN:
        return None
    try:
        return load_rubric(rubric_id)
    except RubricError:
        return None


def rubric_info(results: dict, rubric: Rubric | None = None) -> RubricInfo:
    """The rubric of ``results``: the given ``Rubric``, the stored snapshot, the matching built-in, or a guess."""
    if rubric is not None:
        return _from_rubric(rubric)
    ref = results.get("rubric") or {}
    if isinstance(ref.get("items"), dict):
        return RubricInfo(
            id=str(ref.get("id", "")),
            version=str(ref.get("version", "")),
            sha256=str(ref.get("sha256", "")),
            title=str(ref.get("title") or ref.get("id", "")),
            veto_mode=ref.get("veto_mode", "zero"),
            start=float(ref.get("start", 100)),
            grades=sorted(
                ((g["name"], float(g["min"])) for g in ref.get("grades") or []), key=lambda g: -g[1]
            )
            or list(DEFAULT_GRADES),
            items={
                c: ItemInfo(
                    c,
                    float(v.get("points", 0)),
                    bool(v.get("veto")),
                    v.get("enabled", True) is not False,
                    v.get("title"),
                )
                for c, v in ref["items"].items()
            },
        )
    builtin = _builtin(str(ref.get("id", "")))
    if builtin is not None and builtin.sha256 == ref.get("sha256"):
        return _from_rubric(builtin)
    # Unknown rubric: take what the checks say (deducted points of failed items); others are unknown.
    items: dict[str, ItemInfo] = {}
    for entry in results.get("cases") or []:
        for c in entry.get("checks") or []:
            known = items.get(c["code"])
            pts = c.get("points_deducted") if c.get("status") == "fail" else None
            if known is None or (known.points is None and pts is not None):
                items[c["code"]] = ItemInfo(c["code"], pts, bool(c.get("veto")))
    return RubricInfo(
        str(ref.get("id", "")),
        str(ref.get("version", "")),
        str(ref.get("sha256", "")),
        str(ref.get("id", "")),
        "zero",
        100.0,
        list(DEFAULT_GRADES),
        items,
        exact=False,
    )
