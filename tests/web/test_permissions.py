"""Every route of the workspace, for every role: who gets the page, who gets a 404, who is sent to sign in.

``PERMISSIONS`` is the permission matrix, one row per route name. The tests
walk ``casereview.web.urls.urlpatterns`` itself, so a new route without a row
fails (and so does a row for a route that is gone). Each row names the
world's objects the route is tried with and, per object, the roles that may
use it; every other signed-in role must get a 404 (never 403, 200 or 500),
for GET and for POST alike. POSTs carry a valid CSRF token, so a 404 is the
permission's answer, not the CSRF check's. Anonymous requests are sent to
``/login/?next=…`` (POSTs too, once their token is valid; without one they
are 403, see test_security.py). Allowed POSTs send data that changes nothing
(an empty form, the reviewers a round already has), so one test can try every
role in turn on the same world.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import pytest

pytest.importorskip("django")

from django.urls import reverse

from casereview.web.urls import urlpatterns

ANON, ADMIN, REVIEWER, OTHER, DEPT_A, DEPT_B = (
    "anonymous",
    "admin",
    "reviewer",
    "other_reviewer",
    "dept_a",
    "dept_b",
)
ROLES = (ANON, ADMIN, REVIEWER, OTHER, DEPT_A, DEPT_B)
SIGNED_IN = frozenset(ROLES[1:])


@dataclass(frozen=True)
class Expect:
    """An answer: the status and, for a redirect, where it goes (``{round}``/``{case}``/``{code}`` filled in)."""

    status: int
    location: str | None = None

    def __str__(self) -> str:
        return f"{self.status}" + (f" → {self.location}" if self.location else "")


LOGIN = Expect(302, "/login/?next={url}")  # login_required's redirect, back to the page asked for
NOT_FOUND = Expect(404)
PAGE = Expect(200)
WRONG_METHOD = Expect(405)

# Who sees which of the world's objects (the access rules of casereview/web/access.py, written out).
SEES_ROUND = {"self_round": {ADMIN, DEPT_A, DEPT_B}, "county_round": {ADMIN, REVIEWER}}
UPLOADS_TO = {"self_round": {ADMIN, DEPT_A, DEPT_B}, "county_round": {ADMIN}}
ADMIN_ROUND = {"self_round": {ADMIN}, "county_round": {ADMIN}}
SEES_CASE = {"case_a": {ADMIN, DEPT_A}, "case_b": {ADMIN, DEPT_B}, "county_case": {ADMIN, REVIEWER}}
EVERYONE = {"": set(SIGNED_IN)}
ADMIN_PAGE = {"": {ADMIN}}


def each(targets: dict[str, set[str]], *extra: str) -> dict[tuple[str, str], set[str]]:
    """The targets crossed with a second URL argument (a file name, a format): the same roles for each."""
    return (
        {(t, x): roles for t, roles in targets.items() for x in extra}
        if extra
        else {(t, ""): roles for t, roles in targets.items()}
    )


@dataclass(frozen=True)
class Row:
    """One route: the methods it answers, the objects it is tried with and who may use each, the answers."""

    methods: tuple[str, ...]
    who: dict[tuple[str, str], set[str]]  # (target, extra URL argument) → the signed-in roles allowed
    allowed: dict[str, Expect]  # method → the answer to an allowed role
    anonymous: dict[str, Expect] = field(default_factory=dict)  # method → answer (default: LOGIN)
    data: Callable[[object, str], dict] = lambda world, target: {}  # POST data changing nothing
    prepare: Callable[[object, str], None] | None = None  # run before each request


def _assign_data(world, target: str) -> dict:
    rnd = getattr(world, target)
    return {"reviewers": [str(pk) for pk in rnd.reviewers.values_list("pk", flat=True)]}


def _failed(world, target: str) -> None:
    """retry only takes a case that could not be reviewed: every request finds it failed."""
    from casereview.web.models import Case, Status

    Case.objects.filter(pk=getattr(world, target).pk).update(status=Status.FAILED)


GET, POST = ("GET",), ("POST",)
TO_ROUND, TO_CASE = Expect(302, "/rounds/{round}/"), Expect(302, "/cases/{case}/")

PERMISSIONS: dict[str, Row] = {
    "login": Row(
        ("GET", "POST"),
        each(EVERYONE),
        {"GET": Expect(302, "/"), "POST": Expect(302, "/")},
        anonymous={"GET": PAGE, "POST": PAGE},  # the form, again with its error for a wrong password
        data=lambda w, t: {"username": "nobody", "password": "wrong-password"},
    ),
    "logout": Row(
        POST, each(EVERYONE), {"POST": Expect(302, "/login/")}, anonymous={"POST": Expect(302, "/login/")}
    ),
    "home": Row(GET, each(EVERYONE), {"GET": PAGE}),
    "password": Row(
        ("GET", "POST"), each(EVERYONE), {"GET": PAGE, "POST": PAGE}
    ),  # an empty form: its errors
    "people": Row(
        ("GET", "POST"), each(ADMIN_PAGE), {"GET": PAGE, "POST": PAGE}
    ),  # an empty form: its errors
    "round_new": Row(
        POST, each(ADMIN_PAGE), {"POST": Expect(302, "/")}
    ),  # an empty form: back home with errors
    "round": Row(GET, each(SEES_ROUND), {"GET": PAGE}),
    "round_status": Row(GET, each(SEES_ROUND), {"GET": PAGE}),
    "upload": Row(POST, each(UPLOADS_TO), {"POST": TO_ROUND}),  # no files: refused with a message
    "assign": Row(POST, each(ADMIN_ROUND), {"POST": TO_ROUND}, data=_assign_data),
    "draw": Row(POST, each(ADMIN_ROUND), {"POST": TO_ROUND}),  # no source round: refused with a message
    "figures": Row(GET, each(ADMIN_ROUND), {"GET": PAGE}),
    "compiled_file": Row(GET, each(ADMIN_ROUND, "compile.xlsx", "bulletin.docx"), {"GET": PAGE}),
    "case": Row(GET, each(SEES_CASE), {"GET": PAGE}),
    "evidence": Row(GET, each(SEES_CASE), {"GET": PAGE}),
    "evidence_picture": Row(GET, each(SEES_CASE), {"GET": PAGE}),
    "settle": Row(
        POST,
        each(SEES_CASE),
        {"POST": Expect(302, "/cases/{case}/#item-{code}")},
        data=lambda w, t: {"decision": "", "note": ""},
    ),  # no decision: refused with a message
    "reviewed": Row(POST, each(SEES_CASE), {"POST": TO_CASE}, data=lambda w, t: {"reviewed": "0"}),
    "retry": Row(POST, each(SEES_CASE), {"POST": TO_CASE}, prepare=_failed),
    "sheet": Row(GET, each(SEES_CASE, "xlsx", "docx"), {"GET": PAGE}),
}

ROUTE_NAMES = [p.name for p in urlpatterns]


# --- building the requests ----------------------------------------------------------------------------


def user_of(world, role: str):
    return (
        None
        if role == ANON
        else {
            ADMIN: world.admin,
            REVIEWER: world.reviewer,
            OTHER: world.other_reviewer,
            DEPT_A: world.dept_a_user,
            DEPT_B: world.dept_b_user,
        }[role]
    )


def evidence_of(case) -> tuple[str, int]:
    """A real item code of ``case`` with evidence, and the index of its last evidence item."""
    check = next(c for c in case.result["checks"] if c.get("evidence"))
    return check["code"], len(check["evidence"]) - 1


def url_of(route: str, world, target: str, extra: str = "") -> str:
    """The route's URL for one of the world's objects (its real item codes and evidence indexes)."""
    if not target:
        return reverse(route)
    obj = getattr(world, target)
    kwargs: dict = {"pk": obj.pk}
    if route in ("evidence", "evidence_picture", "settle"):
        code, n = evidence_of(obj)
        kwargs["code"] = code
        if route != "settle":
            kwargs["n"] = n
    if route == "compiled_file":
        kwargs["name"] = extra
    if route == "sheet":
        kwargs["fmt"] = extra
    return reverse(route, kwargs=kwargs)


def token_of(client, signed_in: bool) -> str:
    """A CSRF token as a browser gets it: from a page with a form (home's sign-out form, or the login form)."""
    r = client.get("/" if signed_in else "/login/")
    assert r.status_code == 200, r.status_code
    return client.cookies["csrftoken"].value


@dataclass
class Caller:
    """A role's client and its CSRF token."""

    role: str
    client: object
    token: str

    def request(self, method: str, url: str, data: dict | None = None):
        if method == "GET":
            return self.client.get(url)
        return self.client.post(url, {**(data or {}), "csrfmiddlewaretoken": self.token})


def callers(world, login) -> dict[str, Caller]:
    out = {}
    for role in ROLES:
        client = login(user_of(world, role))
        out[role] = Caller(role, client, token_of(client, role != ANON))
    return out


def expected(row: Row, role: str, method: str, target: str, extra: str) -> Expect:
    if role == ANON:
        return row.anonymous.get(method, LOGIN)
    return row.allowed[method] if role in row.who[(target, extra)] else NOT_FOUND


def mismatch(r, want: Expect, world, route: str, target: str, url: str) -> str | None:
    """None when ``r`` is the answer ``want``; else what was wrong."""
    if r.status_code != want.status:
        return f"status {r.status_code}, expected {want}"
    if want.location is None:
        return None
    location = r.headers.get("Location", "")
    if want is LOGIN:
        parts = urlsplit(location)
        if parts.path != "/login/" or parse_qs(parts.query).get("next") != [url]:
            return f"redirected to {location}, expected /login/?next={url}"
        return None
    obj = getattr(world, target, None) if target else None
    code = evidence_of(obj)[0] if route == "settle" else ""
    wanted = want.location.format(round=getattr(obj, "pk", ""), case=getattr(obj, "pk", ""), code=code)
    return None if location == wanted else f"redirected to {location}, expected {wanted}"


def walk(route: str, world, login, roles=ROLES, only=None) -> list[str]:
    """Every request of ``route``'s row, by every role in ``roles``; the failures, each naming route, role, status.

    ``only`` keeps the (target, extra) pairs it accepts.
    """
    row = PERMISSIONS[route]
    who = callers(world, login)
    failures = []
    for target, extra in row.who:
        if only is not None and not only(target, extra):
            continue
        url = url_of(route, world, target, extra)
        for role in roles:
            for method in row.methods:
                if row.prepare:
                    row.prepare(world, target)
                r = who[role].request(method, url, row.data(world, target))
                want = expected(row, role, method, target, extra)
                wrong = mismatch(r, want, world, route, target, url)
                if wrong:
                    failures.append(
                        f"{route} [{target or '-'}{'/' + extra if extra else ''}] {method} {url} "
                        f"as {role}: {wrong}"
                    )
    return failures


# --- the tests ----------------------------------------------------------------------------------------


def test_the_table_covers_exactly_the_routes():
    names = [p.name for p in urlpatterns]
    assert None not in names, "every route needs a name (the permission table is keyed by it)"
    assert len(names) == len(set(names)), "two routes share a name"
    assert set(names) - set(PERMISSIONS) == set(), "routes without a row in PERMISSIONS"
    assert set(PERMISSIONS) - set(names) == set(), "rows in PERMISSIONS for routes that are gone"


@pytest.mark.parametrize("route", ROUTE_NAMES)
def test_every_role_gets_exactly_its_answer(route, world, login):
    assert route in PERMISSIONS, f"route {route!r} has no row in the permission table: add one"
    failures = walk(route, world, login) + other_method(route, world, login)
    assert not failures, f"{len(failures)} wrong answers:\n" + "\n".join(failures)


def other_method(route: str, world, login) -> list[str]:
    """A GET-only route does not answer POST (and the other way round), whoever asks: 405, never a page or a 500."""
    row = PERMISSIONS[route]
    others = [m for m in ("GET", "POST") if m not in row.methods]
    who = callers(world, login)
    failures = []
    for target, extra in row.who:
        url = url_of(route, world, target, extra)
        for role in sorted(SIGNED_IN):
            for method in others:
                r = who[role].request(method, url, row.data(world, target))
                if r.status_code != WRONG_METHOD.status:
                    failures.append(f"{route} {method} {url} as {role}: status {r.status_code}, expected 405")
    return failures


def test_the_matrix_says_what_the_brief_says():
    """The rows themselves, read once more against the rules (so a careless edit of the table is caught)."""
    for route, row in PERMISSIONS.items():
        for (target, _), roles in row.who.items():
            assert roles <= SIGNED_IN, route
            if target in ("case_a", "county_round", "county_case"):
                assert DEPT_B not in roles, f"{route}: dept B must not reach {target}"
            if target.startswith("county"):
                assert not roles & {DEPT_A, DEPT_B, OTHER}, (
                    f"{route}: {target} is not for departments or others"
                )
            if route in ("people", "round_new", "assign", "draw", "figures", "compiled_file"):
                assert roles == {ADMIN}, f"{route} is for the administrator only"
            if route == "upload":
                assert not roles & {REVIEWER, OTHER}, "reviewers do not upload"


def test_dept_b_gets_404_for_every_url_of_dept_a_and_the_county(world, login):
    """Guessing another department's URLs: every route of case_a and of the county round is a 404."""
    failures = []
    for route, row in PERMISSIONS.items():
        if any(t in ("case_a", "county_case", "county_round") for t, _ in row.who):
            failures += walk(
                route,
                world,
                login,
                roles=(DEPT_B,),
                only=lambda t, x: t in ("case_a", "county_case", "county_round"),
            )
    assert not failures, "\n".join(failures)


def test_a_hidden_object_and_a_missing_one_look_the_same(world, login):
    """No existence oracle: dept B's 404 for case_a is byte for byte the 404 for a case that does not exist
    (but for the page's CSRF token, masked afresh on every page)."""
    import re

    def page(r) -> bytes:
        return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", r.content)

    c = login(world.dept_b_user)
    hidden = c.get(f"/cases/{world.case_a.pk}/")
    missing = c.get("/cases/999999/")
    assert hidden.status_code == missing.status_code == 404
    assert page(hidden) == page(missing)
    assert "未找到该页面" in hidden.content.decode()
    assert world.case_a.case_id.encode() not in hidden.content
    assert page(c.get(f"/rounds/{world.county_round.pk}/")) == page(c.get("/rounds/999999/"))


def test_nothing_of_dept_a_reaches_dept_b(world, login):
    """The self round as dept B: only dept B's case in status.json, the round page and the home page's counts."""
    c = login(world.dept_b_user)
    data = c.get(f"/rounds/{world.self_round.pk}/status.json").json()
    assert [x["id"] for x in data["cases"]] == [world.case_b.pk]
    page = c.get(f"/rounds/{world.self_round.pk}/").content.decode()
    assert world.case_b.case_id in page
    assert world.case_a.case_id not in page and f"/cases/{world.case_a.pk}/" not in page
    assert world.dept_a.name not in page
    home = c.get("/").content.decode()
    total = re.search(
        rf'href="/rounds/{world.self_round.pk}/">[^<]*</a></td><td>[^<]*</td><td>[^<]*</td>\s*'
        r"<td>(\d+)</td>",
        home,
    )
    assert total and total.group(1) == "1", "the home page counts only dept B's own cases"
    assert world.county_round.name not in home
    # and the other way round: dept A sees its case, never dept B's
    data = login(world.dept_a_user).get(f"/rounds/{world.self_round.pk}/status.json").json()
    assert [x["id"] for x in data["cases"]] == [world.case_a.pk]


def test_a_reviewer_sees_only_the_cases_of_the_round_assigned(world, login):
    data = login(world.reviewer).get(f"/rounds/{world.county_round.pk}/status.json").json()
    assert [x["id"] for x in data["cases"]] == [world.county_case.pk]
    assert login(world.other_reviewer).get("/").content.decode().count("/rounds/") == 0


def test_retry_of_a_case_that_did_not_fail_is_404_even_for_the_admin(world, login):
    c = login(world.admin)
    token = token_of(c, True)
    r = c.post(f"/cases/{world.case_a.pk}/retry/", {"csrfmiddlewaretoken": token})
    assert r.status_code == 404
