"""The scoring sheet (评查评分表): one case of a results object, laid out for the reviewers.

One model, several renderings: ``report.xlsx`` (the working copy the reviewers
fill in), ``report.docx`` (print-ready A4) and ``report.pdf``. Everything a
sheet shows is decided here — titles, order, subtotals, the rectification
suggestion of each failed item, who settled what — so the writers only lay it
out.

The numbers come from the results (``score``, ``points_deducted``): a sheet
never re-scores a case. The rubric (points of each item, veto flags, grade
bands) comes from the snapshot ``api.review`` stores in ``results["rubric"]``,
or from the built-in rubric of the same id and sha256 (``rubric.snapshot``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from casereview.model import STATUS_LABELS
from casereview.report import write_atomic
from casereview.report.safe import clean_line, clean_name, clean_text, unique_stems
from casereview.report.safe import file_stem as file_stem  # re-exported: sheets are named by it
from casereview.rubric.snapshot import RubricInfo, rubric_info
from casereview.rules.base import CATEGORIES
from casereview.rules.registry import rule_by_code

log = logging.getLogger(__name__)

SHEET_TITLE = "行政执法案卷评查评分表"
PENDING_MARK = "待人工复核"
STATUS_LABEL = STATUS_LABELS
VETO_MODE_NOTE = {
    "zero": "否决项不符合的，案卷计 0 分，评为不合格",
    "grade": "否决项不符合的，保留得分，评为不合格",
    "cap": "否决项不符合的，保留得分，不得评为优秀",
}
MISSING = "（未识别）"
QUOTE_MAX = 80


SHOWN_EVIDENCE = 3  # evidence quotes printed under an item; more are counted


def num(x: float | int | None) -> str:
    """84.0 -> "84", 84.5 -> "84.5", None -> ""."""
    if x is None:
        return ""
    x = float(x)
    return str(int(x)) if x.is_integer() else f"{x:g}"


def period_label(period: str | None) -> str:
    """2024Q3 -> 2024年第三季度, 2024H2 -> 2024年下半年, 2024 -> 2024年度; anything else unchanged."""
    if not period:
        return ""
    m = re.fullmatch(r"(\d{4})(?:([QH])([1-4]))?", period.strip().upper())
    if not m:
        return period
    year, kind, n = m.groups()
    if kind == "Q":
        return f"{year}年第{'一二三四'[int(n) - 1]}季度"
    if kind == "H" and n in ("1", "2"):
        return f"{year}年{'上下'[int(n) - 1]}半年"
    if kind is None:
        return f"{year}年度"
    return period


def zh_date(iso: str | None) -> str:
    """2024-03-02 -> 2024年3月2日."""
    if not iso:
        return ""
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", iso)
    if not m:
        return iso
    return f"{int(m[1])}年{int(m[2])}月{int(m[3])}日"


# -- titles, categories, suggestions --------------------------------------------------------------


@lru_cache(maxsize=1)
def categories() -> dict[str, str]:
    return dict(CATEGORIES)


@lru_cache(maxsize=1)
def _rule_meta() -> dict[str, tuple[str, str, str]]:
    """code -> (title, category letter, legal basis) from the rule registry (whatever it holds now)."""
    try:
        rules = rule_by_code()
    except Exception:  # isolation point (logged or re-raised): a registry mid-change must not stop a report
        log.warning("the rule registry could not be read; sheets go without rule titles", exc_info=True)
        return {}
    return {
        code: (r.title, r.category, "；".join(str(b) for b in getattr(r, "legal_basis", ())))
        for code, r in rules.items()
    }


def item_title(code: str, rubric: RubricInfo | None = None) -> str:
    item = rubric.items.get(code) if rubric else None
    if item is not None and item.title:
        return item.title
    meta = _rule_meta().get(code)
    return meta[0] if meta else f"评查项 {code}"


def item_category(code: str) -> str:
    meta = _rule_meta().get(code)
    return meta[1] if meta else code[:1]


def item_basis(code: str) -> str:
    meta = _rule_meta().get(code)
    return meta[2] if meta else ""


@lru_cache(maxsize=1)
def suggestions() -> dict[str, str]:
    """整改建议 per code, from ``report/rectification.yaml``."""
    import yaml

    text = resources.files("casereview.report").joinpath("rectification.yaml").read_text("utf-8")
    return {str(k): str(v).strip() for k, v in (yaml.safe_load(text) or {}).items()}


def suggestion(code: str) -> str:
    return suggestions().get(code) or "对照评查标准逐项核查本项问题，依法补正或在今后办案中改进。"


# -- the model -------------------------------------------------------------------------------------


@dataclass(slots=True)
class Evidence:
    document: str
    page: int | None = None
    paragraph: int | None = None
    quote: str = ""

    @property
    def where(self) -> str:
        if self.page:
            return f"{self.document} 第{self.page}页"
        if self.paragraph:
            return f"{self.document} 第{self.paragraph}段"
        return self.document

    @property
    def short_quote(self) -> str:
        q = " ".join(self.quote.split())
        return q if len(q) <= QUOTE_MAX else q[: QUOTE_MAX - 1] + "…"

    def text(self) -> str:
        return f"{self.where}：“{self.short_quote}”" if self.quote else self.where


@dataclass(slots=True)
class Settlement:
    """A reviewer's decision on an item (from ``casereview apply``)."""

    reviewer: str
    at: str
    note: str
    tool_status: str  # what the tool had decided

    @property
    def label(self) -> str:
        return f"人工复核：{self.reviewer}，{self.at[:10]}；原判定：{STATUS_LABEL.get(self.tool_status, self.tool_status)}"


@dataclass(slots=True)
class Row:
    """One requirement on the sheet."""

    code: str
    title: str
    category: str
    points: float | None
    veto: bool
    status: str
    deducted: float
    message: str = ""
    evidence: list[Evidence] = field(default_factory=list)
    suggestion: str = ""
    settled: Settlement | None = None
    basis: str = ""

    @property
    def result(self) -> str:
        return STATUS_LABEL.get(self.status, self.status)

    @property
    def reason(self) -> str:
        """The reason with its evidence (document, page, quote), one per line."""
        lines = []
        if self.settled is not None:
            lines.append(f"【{self.settled.label}】" + (f"{self.settled.note}" if self.settled.note else ""))
        if self.message and (self.status in ("fail", "manual", "na") or self.settled is not None):
            lines.append(self.message)
        if self.status in ("fail", "manual") or self.settled is not None:
            lines.extend("证据：" + e.text() for e in self.evidence[:SHOWN_EVIDENCE])
            if len(self.evidence) > SHOWN_EVIDENCE:
                lines.append(f"（另有 {len(self.evidence) - 3} 处证据，见 results.json）")
        return "\n".join(lines)


@dataclass(slots=True)
class Category:
    key: str
    name: str
    rows: list[Row]

    @property
    def points(self) -> float:
        return sum(r.points or 0 for r in self.rows)

    @property
    def deducted(self) -> float:
        return sum(r.deducted for r in self.rows)


@dataclass(slots=True)
class ScoreSheet:
    """Everything one 评查评分表 shows."""

    case_id: str
    unit: str
    case_name: str
    case_number: str
    party: str
    officers: list[str]
    filing_date: str
    closing_date: str
    decision_date: str
    period: str
    rubric_id: str
    rubric_version: str
    rubric_title: str
    veto_mode: str
    start: float
    veto_rows: list[Row]
    categories: list[Category]
    score: float | None
    grade: str | None
    veto_codes: list[str]
    manual_codes: list[str]
    errors: list[str]
    generated_at: str = ""
    title: str = SHEET_TITLE
    stem: str = ""  # the file name stem of this case's sheets, unique in the batch (safe.unique_stems)

    def __post_init__(self) -> None:
        if not self.stem:
            self.stem = file_stem(self.case_id)

    @property
    def rows(self) -> list[Row]:
        """Every row, veto items first, then by category."""
        return self.veto_rows + [r for c in self.categories for r in c.rows]

    @property
    def pending(self) -> bool:
        """Manual items remain: the sheet is 待人工复核 until a reviewer settles them."""
        return bool(self.manual_codes)

    @property
    def deducted(self) -> float:
        return round(sum(r.deducted for r in self.rows), 2)

    @property
    def failed(self) -> list[Row]:
        return [r for r in self.rows if r.status == "fail"]

    @property
    def rectifications(self) -> list[Row]:
        """Failed items with their 整改建议, veto items first."""
        return self.failed

    @property
    def settled(self) -> list[Row]:
        return [r for r in self.rows if r.settled is not None]

    @property
    def score_text(self) -> str:
        if self.score is None:
            return "无法评分"
        return num(self.score)

    @property
    def grade_text(self) -> str:
        if self.grade is None:
            return "—"
        return f"{self.grade}（{PENDING_MARK}）" if self.pending else self.grade

    @property
    def veto_text(self) -> str:
        return "、".join(self.veto_codes) if self.veto_codes else "无"

    @property
    def score_note(self) -> str:
        if self.score is None:
            return "案卷无可读取内容，未评分，需人工评查"
        if self.veto_codes:
            return VETO_MODE_NOTE.get(self.veto_mode, "")
        return ""

    @property
    def header(self) -> list[tuple[str, str]]:
        """The header block: (label, value) pairs in print order."""
        return [
            ("被评查单位", self.unit),
            ("案卷编号", self.case_id),
            ("案件名称", self.case_name),
            ("案号", self.case_number),
            ("当事人", self.party),
            ("承办人员", "、".join(self.officers) or MISSING),
            ("立案日期", zh_date(self.filing_date) or MISSING),
            ("结案日期", zh_date(self.closing_date) or MISSING),
            ("评查期间", period_label(self.period) or "（未指定）"),
            ("评查标准", f"{self.rubric_id} 第{self.rubric_version}版"),
        ]


def _officers(entry: dict) -> list[str]:
    names = []
    for o in entry.get("officers") or []:
        name = o.get("name") if isinstance(o, dict) else str(o)
        if name and name not in names:
            names.append(name)
    return names


def _closing_date(entry: dict) -> str:
    dates = [
        d.get("date")
        for d in entry.get("documents") or []
        if d.get("type") == "closure_report" and d.get("date")
    ]
    return max(dates) if dates else ""


def _case_name(entry: dict, summary: dict) -> str:
    name = entry.get("case_name") or summary.get("case_name")
    if name:
        return name
    cause = entry.get("cause") or summary.get("cause")
    party = entry.get("party") or summary.get("party")
    if party and cause:
        return f"{party}{cause}案"
    if party:
        return f"{party}行政处罚案"
    return MISSING


def _row(check: dict, rubric: RubricInfo) -> Row:
    code = check["code"]
    item = rubric.items.get(code)
    status = check.get("status", "manual")
    settled = None
    if check.get("settled_by"):
        settled = Settlement(
            clean_line(check["settled_by"]),
            clean_line(check.get("settled_at", "")),
            clean_text(check.get("settled_note", "")),
            check.get("tool_status", status),
        )
    return Row(
        code=clean_line(code),
        title=clean_line(item_title(code, rubric)),
        category=item_category(code),
        points=item.points if item is not None and item.enabled else None,
        veto=bool(item.veto) if item is not None else bool(check.get("veto")),
        status=status,
        deducted=float(check.get("points_deducted") or 0) if status == "fail" else 0.0,
        message=clean_text(check.get("message", "")),
        evidence=[
            Evidence(
                clean_name(e.get("document", "")),
                _int(e.get("page")),
                _int(e.get("paragraph")),
                clean_line(e.get("quote", "")),
            )
            for e in check.get("evidence") or []
        ],
        suggestion=suggestion(code) if status == "fail" else "",
        settled=settled,
        basis=item_basis(code),
    )


def _int(x) -> int | None:
    return x if isinstance(x, int) and not isinstance(x, bool) else None


def build_sheet(entry: dict, results: dict, rubric: RubricInfo | None = None, stem: str = "") -> ScoreSheet:
    """The scoring sheet of one results case; every text on it cleaned (``report.safe.clean_text``).

    ``stem`` names its files (default: ``file_stem`` of the case id; ``build_sheets`` makes them unique).
    """
    rubric = rubric or rubric_info(results)
    summary = entry.get("summary") or {}
    names = categories()
    veto_rows: list[Row] = []
    by_cat: dict[str, list[Row]] = {}
    for check in entry.get("checks") or []:
        row = _row(check, rubric)
        if row.veto:
            veto_rows.append(row)
        else:
            by_cat.setdefault(row.category, []).append(row)
    order = list(names) + sorted(k for k in by_cat if k not in names)
    cats = [Category(k, names.get(k, k), by_cat[k]) for k in order if k in by_cat]
    manual = [r.code for r in veto_rows + [r for c in cats for r in c.rows] if r.status == "manual"]
    return ScoreSheet(
        case_id=clean_name(entry["case_id"]),
        unit=clean_line(entry.get("department") or summary.get("agency") or MISSING),
        case_name=clean_line(_case_name(entry, summary)),
        case_number=clean_line(entry.get("case_number") or summary.get("case_number") or MISSING),
        party=clean_line(entry.get("party") or summary.get("party") or MISSING),
        officers=[clean_line(o) for o in _officers(entry)],
        filing_date=clean_line(summary.get("filing_date") or ""),
        closing_date=clean_line(_closing_date(entry)),
        decision_date=clean_line(summary.get("decision_date") or ""),
        period=clean_line(results.get("period") or ""),
        rubric_id=clean_line(rubric.id),
        rubric_version=clean_line(rubric.version),
        rubric_title=clean_line(rubric.title),
        veto_mode=rubric.veto_mode,
        start=rubric.start,
        veto_rows=veto_rows,
        categories=cats,
        score=entry.get("score"),
        grade=entry.get("grade"),
        veto_codes=list(
            entry.get("veto_codes")
            or [c["code"] for c in entry.get("checks") or [] if c.get("status") == "fail" and c.get("veto")]
        ),
        manual_codes=manual,
        errors=[
            f"{clean_name(e.get('source', ''))}：{clean_line(e.get('reason', ''))}"
            for e in entry.get("errors") or []
        ],
        generated_at=clean_line(results.get("generated_at", "")),
        stem=stem,
    )


def build_sheets(results: dict, failures: list[tuple[str, str]] | None = None) -> list[ScoreSheet]:
    """The sheets of every case, each with a file stem unique in the batch.

    With a ``failures`` list, a case whose sheet cannot be built is appended
    there as (case id, reason) and left out instead of raising.
    """
    rubric = rubric_info(results)
    entries = results.get("cases") or []
    sheets = []
    for entry, stem in zip(entries, unique_stems(entries), strict=True):
        try:
            sheets.append(build_sheet(entry, results, rubric, stem))
        except (
            Exception
        ) as exc:  # isolation point (logged or re-raised): reported by the writer; the other cases go on
            if failures is None:
                raise
            log.warning("the sheet of case %s could not be built", entry.get("case_id", ""), exc_info=True)
            failures.append((str(entry.get("case_id", "")), f"{type(exc).__name__}: {exc}"))
    return sheets


def write_each_sheet(results: dict, out_dir, suffix: str, render) -> tuple[list, list[tuple[str, str]]]:
    """Render every case's sheet to ``DIR/sheets/STEM.suffix`` atomically; ``(written paths, failures)``.

    A case whose sheet cannot be built or written is a failure ``(case_id, reason)``, logged with its
    traceback; the others are still written (one case's content never costs the batch its sheets).
    """
    written, failures = [], []
    for sheet in build_sheets(results, failures):
        path = out_dir / "sheets" / f"{sheet.stem}.{suffix}"
        try:
            write_atomic(path, render(sheet))
        except Exception as exc:  # isolation point (logged or re-raised): one case's content never costs the batch its sheets
            log.warning("the .%s sheet of case %s could not be written", suffix, sheet.case_id, exc_info=True)
            failures.append((sheet.case_id, f"{type(exc).__name__}: {exc}"))
            continue
        written.append(path)
    return written, failures
