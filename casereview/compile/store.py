"""The results store: every imported results file, its cases and their findings, in SQLite.

Schema (``PRAGMA user_version`` holds its version; ``schema_migrations``
records each migration applied):

- ``imports``: one row per results file (by sha256): file, tool version,
  rubric id/version/sha256, period, kind (``self`` = one department's own
  review, ``county`` = a cross-department review), imported_at, and (from
  schema version 2) ``rubric``: the snapshot of the rubric (grades and bands,
  veto items, titles) as JSON, see ``compile.rubrics``;
- ``cases``: department, case_id, case_number, party, score, grade, veto,
  veto codes, period, rubric id; unique on (department, case_id, period,
  rubric_id): importing the same case for the same period and rubric again
  replaces the earlier row (upsert), never duplicates it;
- ``findings``: code, status, points deducted and message of each check.

An import runs in one transaction: on any error nothing is written. A store
written by a newer casereview (higher ``user_version``) is refused untouched;
a locked database gives a clear message.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from casereview.compile import CompileError
from casereview.compile.periods import Period, parse_period
from casereview.compile.rubrics import snapshot_of
from casereview.model import now_iso

UNKNOWN_DEPARTMENT = "（未识别单位）"

MIGRATIONS: list[tuple[str, str]] = [
    (
        "结果库初始结构：imports、cases、findings",
        """
CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    file TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    tool_version TEXT,
    rubric_id TEXT NOT NULL,
    rubric_version TEXT,
    rubric_sha256 TEXT,
    period TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('self', 'county')),
    imported_at TEXT NOT NULL
);
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    import_id INTEGER NOT NULL REFERENCES imports(id),
    department TEXT NOT NULL,
    case_id TEXT NOT NULL,
    case_number TEXT,
    party TEXT,
    score REAL,
    grade TEXT,
    veto INTEGER NOT NULL,
    veto_codes TEXT NOT NULL,
    period TEXT NOT NULL,
    year INTEGER NOT NULL,
    first_quarter INTEGER NOT NULL,
    last_quarter INTEGER NOT NULL,
    rubric_id TEXT NOT NULL,
    UNIQUE (department, case_id, period, rubric_id)
);
CREATE INDEX cases_year ON cases (year, first_quarter, last_quarter);
CREATE TABLE findings (
    case_row INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    status TEXT NOT NULL,
    points REAL,
    message TEXT
);
CREATE INDEX findings_case ON findings (case_row);
""",
    ),
    (
        "imports 增加 rubric：评查标准快照（等次划分、否决项、评查项名称）",
        """
ALTER TABLE imports ADD COLUMN rubric TEXT
""",
    ),
]
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass
class ImportSummary:
    file: str
    period: str
    kind: str
    cases: int
    replaced: int
    period_source: str = ""  # how the period was found (Chinese): recorded, --period, decision dates

    def describe(self) -> str:
        """The import line: 已导入 FILE：2024Q3（结果文件记录的期间…），25 卷，单位自查."""
        how = f"（{self.period_source}）" if self.period_source else ""
        return (
            f"已导入 {self.file}：期间 {self.period}{how}，{self.cases} 卷"
            + (f"（替换原有 {self.replaced} 卷）" if self.replaced else "")
            + ("，县级评查" if self.kind == "county" else "，单位自查")
        )


def _now() -> str:
    return now_iso()


class Store:
    """A results store in one SQLite file; use as a context manager (closes the connection)."""

    def __init__(self, path: Path, timeout: float = 5.0) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
            self.conn.execute("PRAGMA foreign_keys = ON")
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise self._error(exc) from exc
        if version > SCHEMA_VERSION:
            self.conn.close()
            raise CompileError(
                f"结果库 {self.path} 由更新版本的 casereview 创建（结构版本 {version}，本程序支持到 "
                f"{SCHEMA_VERSION}），为免损坏未作任何修改；请升级 casereview 或另用 --db 指定结果库。"
            )
        self._migrate(version)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def _error(self, exc: sqlite3.Error) -> CompileError:
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            return CompileError(
                f"结果库 {self.path} 正被其他程序使用（数据库已锁定），未作任何修改；请稍后重试。"
            )
        if "not a database" in text or "malformed" in text:
            return CompileError(f"{self.path} 不是有效的结果库（SQLite 数据库），未作任何修改。")
        return CompileError(f"结果库 {self.path} 出错：{exc}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT; ROLLBACK on any error (nothing half-written)."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise self._error(exc) from exc
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise self._error(exc) from exc
            raise

    def _migrate(self, version: int) -> None:
        if version == SCHEMA_VERSION:
            return
        with self.transaction() as conn:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            for number, (description, sql) in enumerate(MIGRATIONS, start=1):
                if number <= version:
                    continue
                for statement in filter(str.strip, sql.split(";")):
                    conn.execute(statement)
                conn.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", (number, description, _now()))
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    # -- import -----------------------------------------------------------------------------------
    def import_results(
        self, results: dict, file: str, raw: bytes, period: Period, kind: str, period_source: str = ""
    ) -> ImportSummary:
        """Import one (checked) results object in one transaction; same case+period+rubric replaces."""
        return self.import_all([(results, file, raw, period, kind, period_source)])[0]

    def import_all(self, items) -> list[ImportSummary]:
        """Import (results, file, raw bytes, period, kind[, period_source]) items in ONE transaction: all or nothing."""
        with self.transaction() as conn:
            done = [self._import_one(conn, *item) for item in items]
            conn.execute("DELETE FROM imports WHERE id NOT IN (SELECT DISTINCT import_id FROM cases)")
        return done

    def _import_one(
        self, conn, results: dict, file: str, raw: bytes, period: Period, kind: str, period_source: str = ""
    ) -> ImportSummary:
        rubric_id = str((results.get("rubric") or {}).get("id", ""))
        import_id = self._import_row(conn, results, file, hashlib.sha256(raw).hexdigest(), period, kind)
        replaced = sum(
            self._put_case(conn, import_id, entry, period, rubric_id) for entry in results["cases"]
        )
        return ImportSummary(file, str(period), kind, len(results["cases"]), replaced, period_source)

    def _import_row(self, conn, results: dict, file: str, digest: str, period: Period, kind: str) -> int:
        rubric = results.get("rubric") or {}
        row = (
            file,
            digest,
            str((results.get("tool") or {}).get("version", "")),
            str(rubric.get("id", "")),
            str(rubric.get("version", "")),
            str(rubric.get("sha256", "")),
            str(period),
            kind,
            _now(),
            json.dumps(snapshot_of(results), ensure_ascii=False, sort_keys=True),
        )
        conn.execute(
            "INSERT INTO imports (file, sha256, tool_version, rubric_id, rubric_version, rubric_sha256, "
            "period, kind, imported_at, rubric) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) "
            "DO UPDATE SET file = excluded.file, period = excluded.period, kind = excluded.kind, "
            "imported_at = excluded.imported_at, rubric = excluded.rubric",
            row,
        )
        return conn.execute("SELECT id FROM imports WHERE sha256 = ?", (digest,)).fetchone()[0]

    def _put_case(self, conn, import_id: int, entry: dict, period: Period, rubric_id: str) -> int:
        department = department_of(entry)
        old = conn.execute(
            "DELETE FROM cases WHERE department = ? AND case_id = ? AND period = ? AND rubric_id = ?",
            (department, entry["case_id"], str(period), rubric_id),
        ).rowcount
        cur = conn.execute(
            "INSERT INTO cases (import_id, department, case_id, case_number, party, score, grade, veto, veto_codes, "
            "period, year, first_quarter, last_quarter, rubric_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                import_id,
                department,
                entry["case_id"],
                entry.get("case_number"),
                entry.get("party"),
                entry.get("score"),
                entry.get("grade"),
                int(bool(entry.get("veto"))),
                json.dumps(entry.get("veto_codes") or []),
                str(period),
                period.year,
                period.first,
                period.last,
                rubric_id,
            ),
        )
        conn.executemany(
            "INSERT INTO findings VALUES (?, ?, ?, ?, ?)",
            [
                (cur.lastrowid, c["code"], c["status"], c.get("points_deducted"), c.get("message"))
                for c in entry.get("checks") or []
            ],
        )
        return old

    # -- queries ----------------------------------------------------------------------------------
    def cases_within(self, period: Period) -> list[dict]:
        """Every stored case whose period lies inside ``period``."""
        cur = self.conn.execute(
            "SELECT c.id, c.import_id, c.department, c.case_id, c.case_number, c.party, c.score, c.grade, c.veto, "
            "c.veto_codes, c.period, c.rubric_id, i.kind FROM cases c JOIN imports i ON i.id = c.import_id "
            "WHERE c.year = ? AND c.first_quarter >= ? AND c.last_quarter <= ? ORDER BY c.department, c.case_id",
            (period.year, period.first, period.last),
        )
        keys = [d[0] for d in cur.description]
        rows = [dict(zip(keys, r, strict=True)) for r in cur.fetchall()]
        for r in rows:
            r["veto"] = bool(r["veto"])
            r["veto_codes"] = json.loads(r["veto_codes"])
        return rows

    def rubrics(self, import_ids) -> dict[int, tuple[dict | None, dict]]:
        """import id -> (its rubric snapshot, or None for imports stored before snapshots were kept; its reference)."""
        out = {}
        ids = sorted(set(import_ids))
        for start in range(0, len(ids), 900):
            chunk = ids[start : start + 900]
            marks = ",".join("?" * len(chunk))
            for iid, snap, rid, version, sha in self.conn.execute(
                f"SELECT id, rubric, rubric_id, rubric_version, rubric_sha256 FROM imports WHERE id IN ({marks})",
                chunk,
            ):
                out[iid] = (
                    json.loads(snap) if snap else None,
                    {"id": rid, "version": version, "sha256": sha},
                )
        return out

    def failed_findings(self, case_rows: list[int]) -> dict[int, list[dict]]:
        """case row id -> its failed findings (code, points, message), in code order."""
        out: dict[int, list[dict]] = {}
        ids = list(case_rows)
        for start in range(0, len(ids), 900):
            chunk = ids[start : start + 900]
            marks = ",".join("?" * len(chunk))
            for row, code, points, message in self.conn.execute(
                f"SELECT case_row, code, points, message FROM findings WHERE status = 'fail' AND case_row IN ({marks}) "
                "ORDER BY case_row, code",
                chunk,
            ):
                out.setdefault(row, []).append({"code": code, "points": points, "message": message or ""})
        return out

    def imports_within(self, period: Period) -> list[dict]:
        """Imports (file, period, kind, departments) whose period lies inside ``period``'s year."""
        cur = self.conn.execute(
            "SELECT i.file, i.period, i.kind, COUNT(DISTINCT c.department) FROM imports i JOIN cases c "
            "ON c.import_id = i.id WHERE c.year = ? GROUP BY i.id ORDER BY i.period, i.file",
            (period.year,),
        )
        return [
            {"file": f, "period": parse_period(p), "kind": k, "departments": n}
            for f, p, k, n in cur.fetchall()
        ]

    def departments(self, year: int) -> list[str]:
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT department FROM cases WHERE year = ? ORDER BY department", (year,)
            )
        ]

    def quarters_with_results(self, year: int) -> dict[str, set[int]]:
        """department -> quarters of ``year`` for which it has results of a quarter (or finer) period."""
        out: dict[str, set[int]] = {}
        for dept, q in self.conn.execute(
            "SELECT DISTINCT department, first_quarter FROM cases WHERE year = ? "
            "AND first_quarter = last_quarter",
            (year,),
        ):
            out.setdefault(dept, set()).add(q)
        return out


def department_of(entry: dict) -> str:
    """The case's department: its ``department``, else the extracted agency, else a placeholder."""
    summary = entry.get("summary") or {}
    return (entry.get("department") or summary.get("agency") or UNKNOWN_DEPARTMENT).strip()
