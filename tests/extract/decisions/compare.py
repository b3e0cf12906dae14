#!/usr/bin/env python3
"""Measure the reader on the decision texts of this folder against truth.json.

Runs ``casereview extract`` on every text (or the files named on the command line), compares
the summary with truth.json and prints per-field accuracy, then every mismatch.

    python3 tests/extract/decisions/compare.py            # all texts
    python3 tests/extract/decisions/compare.py 007 031    # some texts
    python3 tests/extract/decisions/compare.py --json out.json
    python3 tests/extract/decisions/compare.py --src /tmp/other-checkout   # another source tree

Comparison rules (stdlib only):
- strings: whitespace removed, NFKC (full-width to half-width), every bracket style made one;
- fine_yuan / confiscation_yuan: equal within 0.5 yuan (null equals null);
- penalty_types: as a set (null equals []);
- legal_basis: every truth provision must be among the reader's, compared as (law title without
  中华人民共和国 and without an edition in brackets, article number) pairs; a truth of null is not scored;
- everything else: equal after normalisation (null equals null only).
When the reader's summary also has ``penalty_basis`` or ``violated``, they are scored as extras:
the same pairs as truth's ``legal_basis`` / ``violated``, exactly (discretion standards left out).
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
FIELDS = (
    "case_number",
    "party",
    "party_kind",
    "party_id",
    "agency",
    "decision_date",
    "penalty_types",
    "fine_yuan",
    "confiscation_yuan",
    "legal_basis",
)
# keys some versions of the reader add to the summary; scored only when the reader outputs them:
# (reader key, truth key) — the provisions must be exactly the truth's, as (title, article) pairs
EXTRAS = (("penalty_basis", "legal_basis"), ("violated", "violated"))

OPEN = "(（〔[［【﹝〖｛{"
CLOSE = ")）〕]］】﹞〗｝}"
_BRACKETS = {**{c: "(" for c in OPEN}, **{c: ")" for c in CLOSE}}
# traditional characters that occur in law titles (so a mirror in traditional script still matches)
_TRAD = str.maketrans(
    "華國條項處罰關實環護汙號決權總務產業職債條規製經營貨區縣鄉與衛藥醫療機構農藥廣告",
    "华国条项处罚关实环护污号决权总务产业职债条规制经营货区县乡与卫药医疗机构农药广告",
)


def norm(s):
    if s is None:
        return None
    s = unicodedata.normalize("NFKC", str(s))
    s = "".join(_BRACKETS.get(c, c) for c in s)
    return re.sub(r"\s+", "", s)


_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNITS = {"十": 10, "百": 100, "千": 1000}


def cn_int(s: str) -> int | None:
    s = unicodedata.normalize("NFKC", s)
    if s.isdigit():
        return int(s)
    total, num = 0, 0
    for ch in s:
        if ch in _DIGITS:
            num = _DIGITS[ch]
        elif ch in _UNITS:
            total += (num or 1) * _UNITS[ch]
            num = 0
        else:
            return None
    return total + num


_CITE = re.compile(
    r"《([^》]+)》\s*(?:[(（][^)）]*[)）])?\s*第?([零〇一二两三四五六七八九十百千0-9０-９]+)[条條]"
)


def provisions(items) -> set[tuple[str, int]]:
    out = set()
    for item in items or []:
        for title, art in _CITE.findall(str(item)):
            title = unicodedata.normalize("NFKC", title).translate(_TRAD)
            title = re.sub(r"\([^)]*\)", "", title).replace("中华人民共和国", "")
            title = re.sub(r"\s+", "", title)
            n = cn_int(art)
            if n is not None:
                out.add((title, n))
    return out


def laws_only(pairs: set[tuple[str, int]]) -> set[tuple[str, int]]:
    """Drop discretion standards (裁量基准, 裁量权基准, 裁量标准 …): truth never lists them."""
    return {p for p in pairs if "裁量" not in p[0]}


def same(field: str, want, got) -> bool | None:
    """True/False, or None when the field is not scored for this text."""
    if field in ("fine_yuan", "confiscation_yuan"):
        if want is None or got is None:
            return want is None and got is None
        try:
            return abs(float(want) - float(got)) <= 0.5
        except (TypeError, ValueError):
            return False
    if field == "penalty_types":
        return {norm(x) for x in (want or [])} == {norm(x) for x in (got or [])}
    if field == "legal_basis":
        if want is None:
            return None
        return provisions(want) <= provisions(got)
    return norm(want) == norm(got)


def extract_cmd(src: str | None = None) -> list[str]:
    if src:  # a source tree given on the command line: import casereview from there
        boot = f"import sys; sys.path.insert(0, {str(Path(src).resolve())!r}); from casereview.cli import main; sys.exit(main())"
        return [sys.executable, "-c", boot]
    exe = shutil.which("casereview")
    return (
        [exe]
        if exe
        else [sys.executable, "-c", "import sys; from casereview.cli import main; sys.exit(main())"]
    )


def run_extract(path: Path, src: str | None = None) -> dict:
    proc = subprocess.run(
        extract_cmd(src) + ["extract", str(path)],
        cwd=src or REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    if proc.returncode != 0:
        return {"_error": (proc.stderr or proc.stdout).strip()[-500:]}
    try:
        return json.loads(proc.stdout).get("summary") or {}
    except json.JSONDecodeError as exc:
        return {"_error": f"not JSON: {exc}"}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", help="text numbers or names (default: all in truth.json)")
    ap.add_argument("--json", metavar="FILE", help="also write every comparison to FILE")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument(
        "--src", metavar="DIR", help="run the reader from this source tree instead of the installed one"
    )
    args = ap.parse_args(argv)

    truth = json.loads((HERE / "truth.json").read_text(encoding="utf-8"))
    if args.files:
        wanted = {f if f.endswith(".txt") else f"{int(f):03d}.txt" if f.isdigit() else f for f in args.files}
        truth = [t for t in truth if t["file"] in wanted]
    with cf.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        summaries = dict(
            zip(
                (t["file"] for t in truth),
                pool.map(lambda t: run_extract(HERE / t["file"], args.src), truth),
                strict=True,
            )
        )

    scored = {f: [0, 0] for f in FIELDS}
    extra: dict[str, list[int]] = {}
    mismatches, rows = [], []
    for t in truth:
        got = summaries[t["file"]]
        if "_error" in got:
            mismatches.append((t["file"], "*", "extract failed", got["_error"]))
            continue
        for f in FIELDS:
            ok = same(f, t.get(f), got.get(f))
            rows.append({"file": t["file"], "field": f, "truth": t.get(f), "got": got.get(f), "ok": ok})
            if ok is None:
                continue
            scored[f][1] += 1
            if ok:
                scored[f][0] += 1
            else:
                mismatches.append((t["file"], f, t.get(f), got.get(f)))
        for key, tkey in EXTRAS:
            if key not in got or t.get(tkey) is None:
                continue
            ok = laws_only(provisions(t[tkey])) == laws_only(provisions(got[key]))
            rows.append({"file": t["file"], "field": key, "truth": t[tkey], "got": got[key], "ok": ok})
            extra.setdefault(key, [0, 0])
            extra[key][1] += 1
            if ok:
                extra[key][0] += 1
            else:
                mismatches.append((t["file"], key, t[tkey], got[key]))

    print(f"{len(truth)} texts")
    print(f"{'field':<20}{'right':>7}{'scored':>8}{'accuracy':>10}")
    total = [0, 0]
    for f in FIELDS:
        r, n = scored[f]
        total[0] += r
        total[1] += n
        print(f"{f:<20}{r:>7}{n:>8}{(100 * r / n if n else 0):>9.1f}%")
    print(
        f"{'all fields':<20}{total[0]:>7}{total[1]:>8}{(100 * total[0] / total[1] if total[1] else 0):>9.1f}%"
    )
    for key, (r, n) in extra.items():
        print(f"{key + ' (extra)':<20}{r:>7}{n:>8}{(100 * r / n if n else 0):>9.1f}%")
    print(f"\n{len(mismatches)} mismatches")
    for file, f, want, got in mismatches:
        w = json.dumps(want, ensure_ascii=False)
        g = json.dumps(got, ensure_ascii=False)
        print(f"{file} {f}: truth {w} | reader {g}")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
