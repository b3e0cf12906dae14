"""Serving load: simultaneous users browsing the case pages of a 200-case round through ``casereview serve``.

Set-up (into a temporary data directory, or ``--data DIR``; in a child process,
so this one never configures Django): a workspace with an administrator, a
reviewer assigned to the round and three department users; one self-check round
of ``--cases`` cases, the bundled digital samples (samples/cases) copied
cyclically under distinct case ids, each with its real review result. Each
distinct sample is reviewed once (``api.review``, in-process, no OCR) and its
entry reused with the case id changed; the case files are stored as the
workspace stores an upload. A data directory this script set up before is
reused; its cached evidence pictures (data/pages) are emptied first, unless
``--warm``, and then drawn ahead as the review queue draws them once a case is
reviewed (``service.prerender``, timed), unless ``--cold``: with ``--cold`` every
first click on a finding draws its page while the user waits.

Then the real server is started as a subprocess, ``casereview serve --data DIR
--port 0 --ocr off`` (waitress + Django, as a bureau runs it), and ``--users``
threads, each a requests.Session logged in through /login/ (CSRF token, correct
password: django-axes never sees a failure), browse for ``--seconds``: now and
then the round page, a case page, and for half the cases that have evidence
links, one evidence page followed at once by its picture (as a browser loads
the <img>). Between pages a user waits a random think time (uniform, mean
``--think`` seconds; ``--think 0``: every user clicks again the moment a page
arrives, a saturation test). Static files are left out (browsers cache them).
The users are threads of this process, not processes: a client thread spends
most of its time waiting on the socket, and the client's own CPU is printed
(a few per cent of one core at 20 users), so it is not what limits the figures.
A picture's "first render" is the first request for that picture's content
(copies of one sample share one cached picture); requests for it started
before that one was answered are counted apart.

Prints per kind of request the count, median, p95 and max (ms, the whole
response read), requests per second, evidence pictures' first render against
the cached ones, whether the case pages' p95 is under the 300 ms target, the
CPU used by the server and by this client (they share the machine), and the
load average before and after (other work on the machine shows there).

    python benchmarks/serve_load.py [--users 20] [--cases 200] [--seconds 30] [--think 1.0]
                                    [--data DIR] [--keep] [--warm] [--cold] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import queue
import random
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "cases"
MANIFEST = "serve_load.json"
PASSWORD = "Load-test-2024"  # every account this script makes
ROUND_NAME = "2024年第三季度执法单位自查（负载测试）"
DEPARTMENT_USERS = 3
TARGET_MS = 300.0
KINDS = ("round", "case", "evidence", "picture")


# -- set-up (child process: configures Django) ------------------------------------------------------------


def set_up(data: Path, n_cases: int) -> dict:
    """A workspace in ``data`` with the accounts and one round of ``n_cases`` reviewed cases; the manifest."""
    sys.path.insert(0, str(ROOT))
    from casereview.api import review
    from casereview.web.config import Workspace
    from casereview.web.server import prepare

    ws = prepare(Workspace(data=data))  # Django is configured from here on
    from django.contrib.auth import get_user_model

    from casereview.web.jobs import store_result
    from casereview.web.models import Department, Role, Round, RoundKind
    from casereview.web.service import add_local_case
    from casereview.web.views.accounts import create_person

    if get_user_model().objects.exists():
        raise SystemExit(
            f"{data} already holds a workspace this script did not set up: give an empty or new --data"
        )
    t0 = time.perf_counter()
    results = review([SAMPLES], jobs=1, limits=False, ocr=False, period="2024Q3")
    reviewed = {Path(e["path"]).name: e for e in results["cases"] if e.get("score") is not None}
    samples = sorted(reviewed)
    t_review = time.perf_counter() - t0
    if not samples:
        raise SystemExit("no sample case could be scored (samples/cases empty?)")

    admin = create_person("admin", PASSWORD, Role.ADMIN, display_name="司法局管理员")
    reviewer = create_person("reviewer", PASSWORD, Role.REVIEWER, display_name="评查员")
    rnd = Round.objects.create(name=ROUND_NAME, kind=RoundKind.SELF, period="2024Q3", created_by=admin)
    rnd.reviewers.add(reviewer)
    t0 = time.perf_counter()
    cases: dict[int, dict] = {}
    for i in range(n_cases):
        sample = samples[i % len(samples)]
        entry = json.loads(json.dumps(reviewed[sample]))  # a deep copy
        entry["case_id"] = f"{i:04d}-{entry['case_id']}"
        department = Department.objects.get_or_create(name=entry.get("department") or "未识别单位")[0]
        # Stored as the workspace stores an upload (a .zip unpacked), then given its review at once.
        case = add_local_case(ws, rnd, department, SAMPLES / sample, admin)
        case.case_id = entry["case_id"]
        entry["path"] = str(ws.cases_dir / case.store)
        store_result(case, {"rubric": results["rubric"], "cases": [entry]})
        case.save()
        # The evidence links the case page shows: those of failed and manual items.
        links = [
            (c["code"], k)
            for c in entry["checks"]
            if c.get("status") in ("fail", "manual")
            for k in range(len(c.get("evidence") or []))
        ]
        cases[case.pk] = {"sample": sample, "department": department.name, "evidence": links}
    departments = sorted({c["department"] for c in cases.values()})
    accounts = [
        {"username": "admin", "role": "admin", "cases": sorted(cases)},
        {"username": "reviewer", "role": "reviewer", "cases": sorted(cases)},
    ]
    for k, name in enumerate(departments[:DEPARTMENT_USERS], start=1):
        create_person(f"dept{k}", PASSWORD, Role.DEPARTMENT, department=name, display_name=name)
        accounts.append(
            {
                "username": f"dept{k}",
                "role": "department",
                "department": name,
                "cases": sorted(pk for pk, c in cases.items() if c["department"] == name),
            }
        )
    manifest = {
        "cases_count": n_cases,
        "round": rnd.pk,
        "password": PASSWORD,
        "accounts": accounts,
        "cases": {str(pk): c for pk, c in cases.items()},
        "samples": len(samples),
        "review_s": round(t_review, 1),
        "store_s": round(time.perf_counter() - t0, 1),
    }
    (data / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False), "utf-8")
    return manifest


def prepared(data: Path, n_cases: int) -> dict:
    """The manifest of ``data``, setting the workspace up in a child process first when there is none."""
    path = data / MANIFEST
    if path.is_file():
        manifest = json.loads(path.read_text("utf-8"))
        if manifest["cases_count"] != n_cases:
            raise SystemExit(f"{data} was set up with {manifest['cases_count']} cases, not {n_cases}")
        manifest["reused"] = True
        return manifest
    subprocess.run(
        [
            sys.executable,
            str(Path(__file__).resolve()),
            "--set-up",
            "--data",
            str(data),
            "--cases",
            str(n_cases),
        ],
        check=True,
        cwd=ROOT,
    )
    return json.loads(path.read_text("utf-8"))


# -- the server ------------------------------------------------------------------------------------------


class Server:
    """``casereview serve`` in a subprocess; its stderr kept in a file (waitress's queue warnings)."""

    def __init__(self, data: Path, log_dir: Path) -> None:
        self.stderr_path = log_dir / "serve-stderr.log"
        env = dict(
            os.environ,
            PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
            PYTHONUNBUFFERED="1",
        )
        self._stderr = open(self.stderr_path, "wb")  # closed in stop()
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "casereview.cli",
                "serve",
                "--data",
                str(data),
                "--port",
                "0",
                "--ocr",
                "off",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
            encoding="utf-8",
        )
        lines: queue.Queue[str | None] = queue.Queue()

        def drain() -> None:
            for line in self.proc.stdout:
                lines.put(line)
            lines.put(None)

        threading.Thread(target=drain, daemon=True).start()
        deadline = time.monotonic() + 120
        self.url = None
        while self.url is None:
            try:
                line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                line = None
            if line is None:
                self.stop()
                raise SystemExit(
                    f"casereview serve did not start; its stderr: {self.stderr_path.read_text()[-2000:]}"
                )
            m = re.search(r"案卷评查工作台已启动：(http://[^\s（]+/)", line)
            if m:
                self.url = m.group(1)

    def cpu_s(self) -> float:
        """CPU seconds of the server and of the children it has waited for (LibreOffice)."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return sum(int(v) for v in fields[11:15]) / os.sysconf("SC_CLK_TCK")

    def queue_warnings(self) -> list[int]:
        """The depths waitress reported when requests waited for a free thread."""
        return [
            int(d)
            for d in re.findall(r"Task queue depth is (\d+)", self.stderr_path.read_text("utf-8", "replace"))
        ]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._stderr.close()


# -- the users ---------------------------------------------------------------------------------------------


@dataclass
class Hit:
    kind: str
    start: float  # perf_counter at the request's start
    ms: float
    status: int
    key: tuple | None = (
        None  # a picture's content: (sample, code, n); copies of a sample share the cached picture
    )


@dataclass
class User:
    username: str
    cases: list[int]
    hits: list[Hit] = field(default_factory=list)
    error: str = ""


def log_in(session, url: str, username: str, password: str) -> None:
    """Sign in as a browser does: the form's CSRF token, then the POST; stops at the first failure (axes)."""
    page = session.get(url + "login/", timeout=60)
    m = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    if not m:
        raise RuntimeError(f"no CSRF token on /login/ (HTTP {page.status_code})")
    r = session.post(
        url + "login/",
        data={"username": username, "password": password, "csrfmiddlewaretoken": m.group(1)},
        headers={"Referer": url + "login/"},
        allow_redirects=False,
        timeout=60,
    )
    if r.status_code != 302 or "sessionid" not in session.cookies:
        raise RuntimeError(f"login of {username} failed (HTTP {r.status_code})")


def browse(
    user: User,
    url: str,
    manifest: dict,
    password: str,
    think: float,
    seed: int,
    start: threading.Barrier,
    times: dict,
) -> None:
    import requests

    rng = random.Random(seed)
    cases = manifest["cases"]
    session = requests.Session()
    try:
        log_in(session, url, user.username, password)
    except Exception as exc:  # noqa: BLE001 - reported, the others still run
        user.error = str(exc)
        start.abort()
        return
    try:
        start.wait()
    except threading.BrokenBarrierError:
        return
    deadline = times["end"]

    def get(kind: str, path: str, key=None) -> None:
        t0 = time.perf_counter()
        r = session.get(url + path, allow_redirects=False, timeout=120)
        _ = r.content
        user.hits.append(Hit(kind, t0, (time.perf_counter() - t0) * 1000, r.status_code, key))

    def pause() -> None:
        if think > 0:
            time.sleep(min(rng.uniform(0, 2 * think), max(0.0, deadline - time.perf_counter())))

    round_path = f"rounds/{manifest['round']}/"
    while time.perf_counter() < deadline:
        if rng.random() < 0.15:
            get("round", round_path)
            pause()
            continue
        pk = rng.choice(user.cases)
        get("case", f"cases/{pk}/")
        pause()
        links = cases[str(pk)]["evidence"]
        if links and rng.random() < 0.5 and time.perf_counter() < deadline:
            code, n = rng.choice(links)
            get("evidence", f"cases/{pk}/evidence/{code}/{n}/")
            get("picture", f"cases/{pk}/evidence/{code}/{n}.png", (cases[str(pk)]["sample"], code, n))
            pause()


# -- figures -----------------------------------------------------------------------------------------------


def pct(values: list[float], q: int) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def line(label: str, ms: list[float]) -> str:
    if not ms:
        return f"  {label:<22} {0:>6}"
    return f"  {label:<22} {len(ms):>6} {statistics.median(ms):>9.1f} {pct(ms, 95):>9.1f} {max(ms):>9.1f}"


def picture_split(hits: list[Hit]) -> tuple[list[float], list[float], list[float]]:
    """Picture times: the first request of each picture, those started after it had finished (served from the
    cache), and those started while it was still being drawn (waiting on, or repeating, that render)."""
    first: dict[tuple, Hit] = {}
    for h in sorted(hits, key=lambda h: h.start):
        first.setdefault(h.key, h)
    firsts, cached, during = [], [], []
    for h in hits:
        f = first[h.key]
        if h is f:
            firsts.append(h.ms)
        elif h.start >= f.start + f.ms / 1000:
            cached.append(h.ms)
        else:
            during.append(h.ms)
    return firsts, cached, during


def report(
    users: list[User], seconds: float, cpu: dict, server: Server, cached_before: int, args, load: tuple
) -> bool:
    hits = [h for u in users for h in u.hits]
    ok = [h for h in hits if h.status == 200]
    print(
        f"{len(users)} users, {args.think:g} s mean think time, {args.seconds:g} s of browsing, the last answer "
        f"after {seconds:.1f} s: {len(hits)} requests, {len(hits) / seconds:.1f} requests/s "
        f"({len(ok) / seconds:.1f}/s answered 200)"
    )
    print(f"  {'kind':<22} {'count':>6} {'median ms':>9} {'p95 ms':>9} {'max ms':>9}")
    for kind in KINDS:
        print(line(kind, [h.ms for h in ok if h.kind == kind]))
    bad = {}
    for h in hits:
        if h.status != 200:
            bad.setdefault((h.kind, h.status), []).append(h)
    for (kind, status), hs in sorted(bad.items()):
        samples = sorted({h.key[0] for h in hs if h.key})
        print(
            f"  not 200: {kind} HTTP {status} x{len(hs)} (median {statistics.median(h.ms for h in hs):.1f} ms)"
            + (f", samples {', '.join(samples)}" if samples else "")
        )
    pictures = [h for h in ok if h.kind == "picture"]
    if pictures:
        firsts, cached, during = picture_split(pictures)
        print(
            f"evidence pictures ({len(set(h.key for h in pictures))} distinct; copies of a sample share one "
            f"cached picture; {cached_before} in the cache at the start):"
        )
        print(line("first render" if not cached_before else "first request (--warm)", firsts))
        print(line("cached", cached))
        print(line("during first render", during))
        if firsts and cached:
            print(f"  first / cached: {statistics.median(firsts) / statistics.median(cached):.1f}x (medians)")
    case_ms = [h.ms for h in ok if h.kind == "case"]
    passed = bool(case_ms) and pct(case_ms, 95) < TARGET_MS
    if case_ms:
        print(
            f"case pages p95 {pct(case_ms, 95):.0f} ms: "
            + ("PASS" if passed else "over target")
            + f" (target < {TARGET_MS:.0f} ms)"
        )
    depths = server.queue_warnings()
    if depths:
        print(
            f"waitress queued requests for want of a thread {len(depths)} times (depth up to {max(depths)}; "
            f"it serves with 8 threads)"
        )
    cores = os.cpu_count() or 1
    print(
        f"machine: {cores} cores ({platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}); client and server share it"
    )
    print(
        f"  CPU over the run: server {cpu['server']:.1f} s ({100 * cpu['server'] / seconds:.0f}% of one core, "
        f"LibreOffice children included), client {cpu['client']:.1f} s "
        f"({100 * cpu['client'] / seconds:.0f}% of one core, {len(users)} threads)"
    )
    print(
        f"  load average (1 min) {load[0]:.2f} before, {load[1]:.2f} after; other work on this machine "
        "counts in both"
    )
    errors = [u for u in users if u.error]
    for u in errors:
        print(f"  {u.username}: {u.error}")
    return passed


def draw_ahead(data: Path, manifest: dict) -> None:
    """Draw the evidence pictures as the review queue does once a case is reviewed (``service.prerender``):
    one case per distinct sample (copies share their pictures: same content, same cache key)."""
    sys.path.insert(0, str(ROOT))
    from casereview.web.config import Workspace
    from casereview.web.server import prepare

    ws = prepare(Workspace(data=data))
    from casereview.web.models import Case
    from casereview.web.service import prerender

    seen: set[str] = set()
    t0 = time.perf_counter()
    drawn = 0
    for pk, c in sorted(manifest["cases"].items(), key=lambda kv: int(kv[0])):
        if c["sample"] in seen:
            continue
        seen.add(c["sample"])
        drawn += prerender(ws, Case.objects.get(pk=int(pk)))
    print(
        f"evidence pictures drawn ahead, as the review queue does: {drawn} for {len(seen)} samples in "
        f"{time.perf_counter() - t0:.1f} s"
    )


# -- main --------------------------------------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--users", type=int, default=20)
    ap.add_argument("--cases", type=int, default=200)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--think", type=float, default=1.0, help="mean seconds between a user's pages (0: none)")
    ap.add_argument("--data", type=Path, help="the workspace's data directory (default: a temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary data directory")
    ap.add_argument(
        "--warm",
        action="store_true",
        help="keep the evidence pictures an earlier run left in --data (default: drawn afresh)",
    )
    ap.add_argument(
        "--cold",
        action="store_true",
        help="do not draw the pictures ahead as the review queue does: every first click draws one",
    )
    ap.add_argument("--draw-ahead", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--set-up", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.set_up:
        set_up(args.data.resolve(), args.cases)
        return
    if args.draw_ahead:
        draw_ahead(args.data.resolve(), json.loads((args.data / MANIFEST).read_text("utf-8")))
        return

    data = (args.data or Path(tempfile.mkdtemp(prefix="casereview-serve-load-"))).resolve()
    server = None
    try:
        t0 = time.perf_counter()
        manifest = prepared(data, args.cases)
        if manifest.get("reused"):
            print(f"workspace {data}: reused ({args.cases} cases)")
        else:
            print(
                f"workspace {data}: {args.cases} cases from {manifest['samples']} samples set up in "
                f"{time.perf_counter() - t0:.1f} s (one review per sample: {manifest['review_s']} s)"
            )
        if not args.warm:  # every run measures the first renders: the pictures and LibreOffice's PDFs go
            shutil.rmtree(data / "pages", ignore_errors=True)
            (data / "pages").mkdir(mode=0o700)
            if not args.cold:
                subprocess.run([sys.executable, __file__, "--draw-ahead", "--data", str(data)], check=True)
        cached_before = len(list((data / "pages" / "evidence").glob("*/*.png")))
        server = Server(data, data)
        url = server.url
        accounts = manifest["accounts"]
        users = [
            User(accounts[k % len(accounts)]["username"], accounts[k % len(accounts)]["cases"])
            for k in range(args.users)
        ]
        print(
            f"server {url} (casereview serve --port 0 --ocr off); users: "
            + ", ".join(
                f"{a['username']} x{sum(u.username == a['username'] for u in users)} "
                f"({len(a['cases'])} cases)"
                for a in accounts
            )
        )
        warm_up(url, manifest)
        times: dict = {}

        def go() -> None:  # run by the barrier as the last user signs in, before anyone is released
            times["began"] = time.perf_counter()
            times["end"] = times["began"] + args.seconds

        start = threading.Barrier(args.users + 1, action=go)
        threads = [
            threading.Thread(
                target=browse,
                args=(u, url, manifest, manifest["password"], args.think, args.seed * 1000 + k, start, times),
                daemon=True,
            )
            for k, u in enumerate(users)
        ]
        for t in threads:
            t.start()
        load_before = os.getloadavg()[0]
        try:
            start.wait()
        except threading.BrokenBarrierError:
            raise SystemExit(
                "a user could not sign in: " + "; ".join(u.error for u in users if u.error)
            ) from None
        cpu0 = server.cpu_s(), _client_cpu()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - times["began"]
        cpu = {"server": server.cpu_s() - cpu0[0], "client": _client_cpu() - cpu0[1]}
        report(users, elapsed, cpu, server, cached_before, args, (load_before, os.getloadavg()[0]))
    finally:
        if server is not None:
            server.stop()
        if args.data is None and not args.keep:
            shutil.rmtree(data, ignore_errors=True)
        elif args.data is None:
            print(f"data kept in {data} (run again with --data {data})")


def warm_up(url: str, manifest: dict) -> None:
    """One round, case and evidence page before the clock starts (templates compiled, connections open);
    no picture, so the first renders are measured."""
    import requests

    acc = manifest["accounts"][0]
    s = requests.Session()
    log_in(s, url, acc["username"], manifest["password"])
    s.get(url + f"rounds/{manifest['round']}/", timeout=60)
    for pk, c in manifest["cases"].items():
        if c["evidence"]:
            code, n = c["evidence"][0]
            s.get(url + f"cases/{pk}/", timeout=60)
            s.get(url + f"cases/{pk}/evidence/{code}/{n}/", timeout=60)
            break


def _client_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


if __name__ == "__main__":
    main()
