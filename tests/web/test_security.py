"""The workspace against a hostile or careless user: CSRF, sign-in throttling, hostile uploads through the real
route, paths that try to leave the data directory, security headers, and guessed URLs.

Uploads are sent as the page's script sends them (the CSRF token in the X-CSRFToken header, Accept:
application/json) by department A into the self-check round, with the default limits; every refusal
is also checked to have left nothing behind: the cases folder, the upload temp folder and the Case
table are compared before and after.
"""

from __future__ import annotations

import io
import os
import re
import stat
import tempfile
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest

pytest.importorskip("django")

from tests.web.support import PASSWORD, SAMPLES
from tests.web.test_permissions import (
    ADMIN,
    ANON,
    DEPT_A,
    DEPT_B,
    PERMISSIONS,
    ROLES,
    evidence_of,
    token_of,
    url_of,
    user_of,
    walk,
)

PDF = b"%PDF-1.4\n% a tiny stand-in\n"
CJK = re.compile(r"[\u4e00-\u9fff]")


# --- helpers -------------------------------------------------------------------------------------------


def listing(root: Path) -> dict[str, tuple[int, int] | None]:
    """Every path under ``root``: (size, mtime) for files, None for folders."""
    out = {}
    for p in sorted(root.rglob("*")):
        st = p.lstat()
        out[str(p.relative_to(root))] = None if stat.S_ISDIR(st.st_mode) else (st.st_size, st.st_mtime_ns)
    return out


def changed(before: dict, after: dict) -> set[str]:
    return {k for k in set(before) | set(after) if before.get(k, "gone") != after.get(k, "gone")}


def make_zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def named(name: str, data: bytes) -> io.BytesIO:
    f = io.BytesIO(data)
    f.name = name
    return f


class Uploader:
    """Department A's client on the self round's page, sending uploads as app.js does."""

    def __init__(self, world, login, ws):
        from casereview.web.models import Case

        self.ws, self.Case = ws, Case
        self.client = login(world.dept_a_user)
        self.url = f"/rounds/{world.self_round.pk}/upload/"
        self.client.get(f"/rounds/{world.self_round.pk}/")
        self.token = self.client.cookies["csrftoken"].value

    def post(self, files: list[tuple[str, bytes]], **fields):
        return self.client.post(
            self.url,
            {**fields, "files": [named(n, d) for n, d in files]},
            HTTP_ACCEPT="application/json",
            HTTP_X_CSRFTOKEN=self.token,
        )

    def state(self):
        return listing(self.ws.cases_dir), listing(self.ws.tmp_dir), self.Case.objects.count()

    def refused(self, send, match: str) -> str:
        """``send()`` is answered 400 with a Chinese message matching ``match``, and nothing is stored."""
        before = self.state()
        r = send()
        assert r.status_code == 400, (r.status_code, r.content[:300])
        error = r.json()["error"]
        assert re.search(match, error), error
        assert CJK.search(error) and "已拒绝上传" in error, error
        assert self.state() == before, "a refused upload left something behind"
        return error


@pytest.fixture
def uploader(world, login, ws):
    return Uploader(world, login, ws)


def caller(login, user):
    c = login(user)
    return c, token_of(c, user is not None)


# --- CSRF ----------------------------------------------------------------------------------------------


POST_ROUTES = [name for name, row in PERMISSIONS.items() if "POST" in row.methods]


def test_every_post_route_wants_the_csrf_token(world, login):
    """No token, a wrong token, or a token without its cookie: 403; with it, the route's own answer."""
    from tests.web.test_permissions import expected, mismatch

    assert {
        "login",
        "logout",
        "upload",
        "settle",
        "assign",
        "draw",
        "people",
        "round_new",
        "reviewed",
        "retry",
    } <= set(POST_ROUTES)
    failures = []
    for route in POST_ROUTES:
        row = PERMISSIONS[route]
        (target, extra), roles = next(iter(row.who.items()))
        role = ANON if route in ("login", "logout") else sorted(roles)[0]
        user = user_of(world, role)
        url = url_of(route, world, target, extra)
        c, token = caller(login, user)
        other, _ = caller(login, user_of(world, DEPT_B if role != DEPT_B else ADMIN))
        wrong = other.cookies["csrftoken"].value  # a real token, but of another browser
        data = row.data(world, target)
        fresh = login(user)  # signed in, but never shown a page: no CSRF cookie
        for how, r in (
            ("no token", c.post(url, data)),
            ("a wrong token", c.post(url, {**data, "csrfmiddlewaretoken": wrong})),
            ("a wrong header token", c.post(url, data, HTTP_X_CSRFTOKEN=wrong)),
            ("no CSRF cookie", fresh.post(url, {**data, "csrfmiddlewaretoken": token})),
        ):
            if r.status_code != 403:
                failures.append(
                    f"{route} POST {url} as {role} with {how}: status {r.status_code}, expected 403"
                )
        if row.prepare:
            row.prepare(world, target)
        r = c.post(url, {**data, "csrfmiddlewaretoken": token})
        problem = mismatch(r, expected(row, role, "POST", target, extra), world, route, target, url)
        if r.status_code == 403 or problem:
            failures.append(f"{route} POST {url} as {role} with its token: {problem or 'status 403'}")
    assert not failures, "\n".join(failures)


def test_anonymous_posts_without_a_token_are_403_before_the_sign_in_redirect(world, login):
    c = login(None)
    for route in POST_ROUTES:
        row = PERMISSIONS[route]
        target, extra = next(iter(row.who))
        url = url_of(route, world, target, extra)
        assert c.post(url, row.data(world, target)).status_code == 403, route


def test_a_post_without_its_token_changes_nothing(world, login):
    """What the forged request asked for did not happen: no round, no user, no settled item, no new reviewer."""
    from django.contrib.auth import get_user_model

    from casereview.web.models import AuditEntry, Round

    admin = login(world.admin)
    admin.get("/")
    rounds = Round.objects.count()
    assert admin.post("/rounds/new/", {"name": "伪造", "kind": "self", "period": "2024Q4"}).status_code == 403
    assert (
        admin.post(
            "/people/", {"username": "mallory", "role": "admin", "password": "Another-pass-9"}
        ).status_code
        == 403
    )
    assert (
        admin.post(
            f"/rounds/{world.county_round.pk}/assign/", {"reviewers": [world.other_reviewer.pk]}
        ).status_code
        == 403
    )
    case = world.case_a
    code = next(k["code"] for k in case.result["checks"] if k["status"] == "pass")
    dept = login(world.dept_a_user)
    assert (
        dept.post(f"/cases/{case.pk}/settle/{code}/", {"decision": "不符合", "note": "伪造"}).status_code
        == 403
    )
    assert Round.objects.count() == rounds
    assert not get_user_model().objects.filter(username="mallory").exists()
    assert list(world.county_round.reviewers.all()) == [world.reviewer]
    assert not AuditEntry.objects.exists()


# --- signing in --------------------------------------------------------------------------------------------


def _sign_in(c, username: str, password: str, **extra):
    return c.post(
        "/login/",
        {"username": username, "password": password, "csrfmiddlewaretoken": c.cookies["csrftoken"].value},
        **extra,
    )


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(world, login):
    c, _ = caller(login, None)
    for i in range(4):
        r = _sign_in(c, "dept_a", f"wrong-password-{i}")
        assert r.status_code == 200 and "用户名或密码不正确" in r.content.decode(), i
    r = _sign_in(c, "dept_a", "wrong-password-5")
    assert r.status_code == 429 and "锁定" in r.content.decode()  # the fifth failure locks
    r = _sign_in(c, "dept_a", PASSWORD)
    assert r.status_code == 429, r.status_code
    assert "锁定" in r.content.decode() and "15 分钟" in r.content.decode()
    assert c.get("/").status_code == 302, "the locked sign-in must not have signed in"
    # a forged proxy header does not make the same browser a new address
    spoofed = _sign_in(c, "dept_a", PASSWORD, HTTP_X_FORWARDED_FOR="10.1.2.3", HTTP_X_REAL_IP="10.1.2.3")
    assert spoofed.status_code == 429
    # the lock is for this account from this address: another account here, or this one elsewhere, still signs in
    other, _ = caller(login, None)
    assert _sign_in(other, "dept_b", PASSWORD).status_code == 302
    elsewhere = login(None)
    elsewhere.get("/login/", REMOTE_ADDR="10.9.8.7")
    assert _sign_in(elsewhere, "dept_a", PASSWORD, REMOTE_ADDR="10.9.8.7").status_code == 302


def test_the_right_password_before_the_limit_signs_in_and_resets_the_count(world, login):
    c, _ = caller(login, None)
    for i in range(4):
        assert _sign_in(c, "dept_a", f"wrong-{i}").status_code == 200
    r = _sign_in(c, "dept_a", PASSWORD)
    assert r.status_code == 302 and r["Location"] == "/"
    assert c.get("/").status_code == 200
    again, _ = caller(login, None)
    for i in range(4):  # the success reset the count: four more failures do not lock yet
        assert _sign_in(again, "dept_a", f"wrong-again-{i}").status_code == 200
    assert _sign_in(again, "dept_a", PASSWORD).status_code == 302


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/", "http://testserver.evil.example/", "javascript:alert(1)"],
)
def test_signing_in_never_redirects_off_the_site(world, login, target):
    c, _ = caller(login, None)
    c.get("/login/", {"next": target})
    r = c.post(
        "/login/?next=" + target,
        {"username": "dept_a", "password": PASSWORD, "csrfmiddlewaretoken": c.cookies["csrftoken"].value},
    )
    assert r.status_code == 302 and r["Location"] == "/", r["Location"]


def test_passwords_are_stored_hashed(world, login):
    from django.contrib.auth import get_user_model

    for user in (world.admin, world.reviewer, world.dept_a_user):
        user.refresh_from_db()
        assert user.password.startswith("pbkdf2_sha256$") and PASSWORD not in user.password
    c, token = caller(login, world.admin)
    r = c.post(
        "/people/",
        {
            "username": "new_dept",
            "display_name": "新单位",
            "role": "department",
            "department": "丙县应急管理局",
            "password": "Fresh-secret-42",
            "csrfmiddlewaretoken": token,
        },
    )
    assert r.status_code == 302
    made = get_user_model().objects.get(username="new_dept")
    assert made.password.startswith("pbkdf2_sha256$") and "Fresh-secret-42" not in made.password
    assert made.check_password("Fresh-secret-42")


def test_sign_out_is_post_only(world, login):
    c, token = caller(login, world.dept_a_user)
    assert c.get("/logout/").status_code == 405
    assert c.get("/").status_code == 200, "a GET (a link, an <img>) must not sign anyone out"
    r = c.post("/logout/", {"csrfmiddlewaretoken": token})
    assert r.status_code == 302 and r["Location"] == "/login/"
    assert c.get("/").status_code == 302
    c, token = caller(login, world.dept_a_user)
    r = c.post("/logout/?next=https://evil.example/", {"csrfmiddlewaretoken": token})
    assert r.status_code == 302 and r["Location"] == "/login/", "signing out never redirects off the site"


def test_signing_in_sets_a_session_cookie_scripts_cannot_read_and_a_new_csrf_token(world, login):
    c, _ = caller(login, None)
    before = c.cookies["csrftoken"].value
    r = _sign_in(c, "reviewer", PASSWORD)
    assert r.status_code == 302
    session = r.cookies["sessionid"]
    assert session["httponly"] and session["samesite"] == "Lax"
    assert r.cookies["csrftoken"]["httponly"] and r.cookies["csrftoken"].value != before


# --- uploads ---------------------------------------------------------------------------------------------


def test_a_zip_bomb_is_refused_and_nothing_is_stored(uploader):
    zeros = bytes(60 << 20)
    bomb = make_zip({"案卷/决定书.pdf": PDF, "案卷/零.pdf": zeros})
    del zeros
    assert len(bomb) * 100 < 60 << 20  # a ratio far over 100
    uploader.refused(lambda: uploader.post([("案卷.zip", bomb)]), "压缩比异常|压缩炸弹")


def test_a_zip_declaring_more_than_the_unpacked_cap_is_refused_before_unpacking(uploader):
    data = bytearray(make_zip({"案卷/决定书.pdf": PDF, "案卷/大.pdf": b"x" * 1000}))
    i = data.find(b"PK\x01\x02", data.find(b"PK\x01\x02") + 4)  # the second member's central directory entry
    data[i + 24 : i + 28] = (3 << 30).to_bytes(4, "little")  # declares 3 GB unpacked
    uploader.refused(lambda: uploader.post([("案卷.zip", bytes(data))]), "解压后内容过大|压缩比异常")


@pytest.mark.parametrize("bad", ["../../evil.txt", "/etc/passwd-x", "a/../../x"])
def test_a_traversal_zip_is_refused_and_writes_nothing_outside(uploader, ws, bad):
    base = Path(bad).name
    # every folder an escaping entry could reach from the staging area: the upload's temp folders up to /
    reach = [ws.tmp_dir, *ws.tmp_dir.parents]
    existed = {d: (d / base).exists() for d in reach}
    error = uploader.refused(
        lambda: uploader.post([("案卷.zip", make_zip({"案卷/决定书.pdf": PDF, bad: b"pwned"}))]),
        "绝对路径|“\\.\\.”",
    )
    assert base in error or bad in error
    for d in reach:
        assert (d / base).exists() == existed[d], f"{d / base} appeared"
    assert not [p for p in ws.data.rglob(base)], f"{base} written inside the data directory"
    assert not Path("/etc/passwd-x").exists()


def test_folder_upload_paths_that_leave_the_upload_are_refused(uploader, ws):
    """A folder upload's relative paths come in a form field the user controls: each escaping one is refused."""
    existed = Path("/tmp/evil.pdf").exists()
    for bad in ("../evil.pdf", "/tmp/evil.pdf", "案卷/../../evil.pdf", "C:\\evil.pdf", "..\\..\\evil.pdf"):
        uploader.refused(
            lambda bad=bad: uploader.client.post(
                uploader.url,
                {"files": [named("a.pdf", PDF), named("b.pdf", PDF)], "paths": ["案卷/a.pdf", bad]},
                HTTP_ACCEPT="application/json",
                HTTP_X_CSRFTOKEN=uploader.token,
            ),
            "绝对路径|“\\.\\.”",
        )
    assert not [p for p in ws.data.rglob("evil.pdf")]
    assert Path("/tmp/evil.pdf").exists() == existed


def test_a_symlink_entry_is_refused(uploader):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("案卷/决定书.pdf", PDF)
        link = zipfile.ZipInfo("案卷/passwd.pdf")
        link.create_system = 3
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(link, "/etc/passwd")
    uploader.refused(lambda: uploader.post([("案卷.zip", buf.getvalue())]), "符号链接")


def _multipart(name: str, data: bytes) -> bytes:
    return (
        b'--B\r\nContent-Disposition: form-data; name="files"; filename="' + name.encode() + b'"\r\n'
        b"Content-Type: application/octet-stream\r\n\r\n" + data + b"\r\n--B--\r\n"
    )


def test_a_2gb_upload_is_refused_before_it_is_stored(uploader, ws):
    """A declared Content-Length of 2 GB with a small body: refused with 过大, the body never stored."""
    from django.conf import settings

    assert Path(settings.FILE_UPLOAD_TEMP_DIR) == ws.tmp_dir
    body = _multipart("案卷.zip", make_zip({"案卷/决定书.pdf": PDF}))

    def send(**headers):
        return uploader.client.generic(
            "POST",
            uploader.url,
            body,
            content_type="multipart/form-data; boundary=B",
            CONTENT_LENGTH=str(2 << 30),
            HTTP_ACCEPT="application/json",
            **headers,
        )

    error = uploader.refused(lambda: send(HTTP_X_CSRFTOKEN=uploader.token), "过大")
    assert "上传内容过大（2 GB，上限 1 GB）" in error
    # A plain form post carries its token in the body, which is never read: refused all the same (by the
    # CSRF check), and the page says the upload was too large rather than speaking of CSRF.
    before = uploader.state()
    r = send()
    assert r.status_code == 403
    assert "上传内容过大（2 GB，上限 1 GB）" in r.content.decode()
    assert uploader.state() == before


def test_too_many_files_are_refused(uploader):
    many = make_zip({f"案卷/{i:04d}.pdf": b"" for i in range(3001)}, zipfile.ZIP_STORED)
    uploader.refused(lambda: uploader.post([("案卷.zip", many)]), "文件过多")
    files = [(f"{i:04d}.pdf", b"x") for i in range(3001)]
    uploader.refused(lambda: uploader.post(files, many="1"), "文件过多")


def test_a_department_uploads_only_in_its_own_name(uploader, world):
    """A department user naming another department in the form still uploads as itself."""
    from casereview.web.models import Case

    r = uploader.post([("单卷.pdf", PDF)], department=world.dept_b.name)
    assert r.status_code == 200, r.content.decode()
    case = Case.objects.get(pk=r.json()["cases"][0])
    assert case.department == world.dept_a and case.round == world.self_round


def test_names_from_uploads_are_escaped_on_the_pages(uploader, world, login):
    """A file named like markup is shown as text: on the round page, the case page and status.json."""
    name = "<img src=x onerror=alert(1)>\"'.pdf"
    r = uploader.client.post(
        uploader.url,
        {"files": [named("x.pdf", PDF)], "paths": [name]},
        HTTP_ACCEPT="application/json",
        HTTP_X_CSRFTOKEN=uploader.token,
    )
    assert r.status_code == 200, r.content.decode()
    pk = r.json()["cases"][0]
    for url in (f"/rounds/{world.self_round.pk}/", f"/cases/{pk}/"):
        page = uploader.client.get(url).content.decode()
        assert "<img src=x onerror" not in page, url
        assert "&lt;img src=x onerror=alert(1)&gt;" in page, url
    admin_page = login(world.admin).get(f"/rounds/{world.self_round.pk}/").content.decode()
    assert "<img src=x onerror" not in admin_page


def test_a_good_upload_still_goes_through(uploader, ws):
    """The refusals above are not a closed door: the same route takes a real case."""
    folder = SAMPLES / "dx-jiaotong-2024-026"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                zf.write(p, f"{folder.name}/{p.relative_to(folder)}")
    before, tmp_before = set(listing(ws.cases_dir)), listing(ws.tmp_dir)
    r = uploader.post([("dx.zip", buf.getvalue())])
    assert r.status_code == 200, r.content.decode()
    new = set(listing(ws.cases_dir)) - before
    assert any(p.endswith("dx-jiaotong-2024-026") for p in new)
    assert listing(ws.tmp_dir) == tmp_before, "the upload left something in the temp folder"


# --- paths -----------------------------------------------------------------------------------------------


def _set_document(case, code: str, document: str) -> None:
    from casereview.web.models import Case

    result = Case.objects.get(pk=case.pk).result
    check = next(c for c in result["checks"] if c["code"] == code)
    check["evidence"][0]["document"] = document
    Case.objects.filter(pk=case.pk).update(result=result)


def test_evidence_documents_that_leave_the_case_folder_are_404(world, login, ws):
    """An evidence item's document pointing out of its case (another case's PDF, the site's key, /etc): 404."""
    from casereview.web import service
    from casereview.web.models import Case

    case, other = world.case_a, world.case_b
    code, _ = evidence_of(case)
    real = next(k for k in case.result["checks"] if k["code"] == code)["evidence"][0]["document"]
    top = ws.cases_dir / case.store / case.case_id
    assert top.is_dir()
    other_pdf = next(
        (ws.cases_dir / other.store).rglob("*.pdf")
    )  # dept B's document: renders fine if reached
    outside_txt = ws.data / "outside-secret.txt"
    outside_txt.write_text("机密：不应出现在任何页面", encoding="utf-8")
    link = top / "link.pdf"
    link.symlink_to(other_pdf)
    secret = (ws.data / "secret_key").read_bytes()
    bad = [
        "../../secret_key",
        "../../../secret_key",
        "../../../../secret_key",
        str(ws.data / "secret_key"),
        "/etc/passwd",
        f"../../{other.store}/{other_pdf.relative_to(ws.cases_dir / other.store)}",
        str(other_pdf),
        "../../../outside-secret.txt",
        str(outside_txt),
        "..\\..\\..\\secret_key",
        "link.pdf",
        ".",
        "",
    ]
    c = login(world.dept_a_user)
    url = f"/cases/{case.pk}/evidence/{code}/0.png"
    failures = []
    try:
        for document in bad:
            _set_document(case, code, document)
            r = c.get(url)
            body = b"".join(r.streaming_content) if r.streaming else r.content
            if r.status_code != 404 or body.startswith(b"\x89PNG") or secret in body or b"root:" in body:
                failures.append(f"document {document!r}: status {r.status_code}, {body[:60]!r}")
            try:
                got = service.source_of(ws, Case.objects.get(pk=case.pk), document)
                failures.append(f"source_of({document!r}) gave {got}")
            except service.ServiceError:
                pass
    finally:
        link.unlink()
        outside_txt.unlink()
    assert not failures, "\n".join(failures)
    # the same item with its real document still shows its page
    _set_document(case, code, real)
    assert c.get(url).status_code == 200


def test_server_paths_never_reach_a_user(uploader, world, ws):
    """Unreadable documents, their reasons, pages, progress and sheets name files as the user sent them."""
    from casereview.web import jobs

    r = uploader.client.post(
        uploader.url,
        {
            "files": [
                named("a.pdf", b"%PDF-1.4 garbage"),
                named("b.docx", b"PK garbage"),
                named("c.zip", b"PK\x03\x04"),
            ],
            "paths": ["坏案卷/a.pdf", "坏案卷/b.docx", "坏案卷/c.zip"],
        },
        HTTP_ACCEPT="application/json",
        HTTP_X_CSRFTOKEN=uploader.token,
    )
    assert r.status_code == 200, r.content.decode()
    case = jobs.claim()
    jobs.review_one(ws, case, limits=False, ocr=False)
    case.refresh_from_db()
    assert case.error or (case.result or {}).get("errors"), "the broken documents were not reported"
    c = uploader.client
    answers = {
        url: c.get(url).content
        for url in (
            f"/cases/{case.pk}/",
            f"/rounds/{world.self_round.pk}/status.json",
            f"/rounds/{world.self_round.pk}/",
            f"/cases/{world.case_a.pk}/",
            f"/cases/{world.case_a.pk}/sheet.docx",
            f"/cases/{world.case_a.pk}/sheet.xlsx",
        )
    }
    import openpyxl
    from docx import Document

    sheet = answers.pop(f"/cases/{world.case_a.pk}/sheet.xlsx")
    text = [
        str(v)
        for row in openpyxl.load_workbook(io.BytesIO(sheet)).active.iter_rows(values_only=True)
        for v in row
    ]
    doc = Document(io.BytesIO(answers.pop(f"/cases/{world.case_a.pk}/sheet.docx")))
    text += [p.text for p in doc.paragraphs] + [
        cell.text for t in doc.tables for row in t.rows for cell in row.cells
    ]
    leaks = [url for url, body in answers.items() if str(ws.data).encode() in body]
    leaks += ["a sheet"] if any(str(ws.data) in t for t in text) else []
    assert not leaks, f"the server's data directory {ws.data} shown in: {leaks}"


@pytest.fixture
def process_tmp(tmp_path, monkeypatch):
    """The process's default temp folder, moved to a folder of this test's own (so anything left there shows)."""
    d = tmp_path / "process-tmp"
    d.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(d))
    return d


def _database_file(rel: str) -> bool:
    return Path(rel).name.startswith("workspace.sqlite3")


def test_compiled_files_are_written_only_in_the_rounds_folder(world, login, ws, process_tmp):
    cwd = Path.cwd()
    cwd_before = set(os.listdir(cwd))
    data_before = listing(ws.data)
    c = login(world.admin)
    for rnd in (world.self_round, world.county_round):
        assert c.get(f"/rounds/{rnd.pk}/figures/").status_code == 200
        for name in ("compile.xlsx", "bulletin.docx"):
            r = c.get(f"/rounds/{rnd.pk}/files/{name}")
            assert r.status_code == 200 and b"".join(r.streaming_content).startswith(b"PK")
            assert (ws.rounds_dir / str(rnd.pk) / name).is_file()
    for name in ("../secret_key", "..%2Fsecret_key", "results.db", "results-1.json"):
        assert c.get(f"/rounds/{world.self_round.pk}/files/{name}").status_code == 404, name
    written = {p for p in changed(data_before, listing(ws.data)) if not _database_file(p)}
    assert written, "the compile wrote nothing?"
    rounds = ws.rounds_dir.relative_to(ws.data)
    outside = [p for p in written if not Path(p).is_relative_to(rounds)]
    assert not outside, f"written outside {ws.rounds_dir}: {outside}"
    assert list(process_tmp.iterdir()) == [], "temporary files left in the process's temp folder"
    assert {
        n for n in set(os.listdir(cwd)) - cwd_before if n.endswith((".xlsx", ".docx", ".json", ".db"))
    } == set()


def test_sheet_downloads_leave_nothing_behind(world, login, ws, process_tmp):
    c = login(world.dept_a_user)
    tmp_before, data_before = listing(ws.tmp_dir), listing(ws.data)
    for fmt in ("xlsx", "docx", "pdf"):
        r = c.get(f"/cases/{world.case_a.pk}/sheet.{fmt}")
        assert r.status_code in (200, 302), (
            fmt,
            r.status_code,
        )  # pdf: 302 with a message where it cannot be made
        if fmt != "pdf":
            assert r.status_code == 200 and r.content.startswith(b"PK")
    assert (
        c.get(f"/cases/{world.case_a.pk}/sheet.exe").status_code == 302
    )  # an unknown format: a message, no file
    assert listing(ws.tmp_dir) == tmp_before
    assert {p for p in changed(data_before, listing(ws.data)) if not _database_file(p)} == set()
    assert list(process_tmp.iterdir()) == []


# --- headers ------------------------------------------------------------------------------------------------


def test_every_kind_of_answer_carries_the_security_headers(world, login):
    admin = login(world.admin)
    dept = login(world.dept_a_user)
    code, n = evidence_of(world.case_a)
    answers = {
        "login page": login(None).get("/login/"),
        "sign-in redirect": login(None).get("/"),
        "home": dept.get("/"),
        "round page": dept.get(f"/rounds/{world.self_round.pk}/"),
        "status.json": dept.get(f"/rounds/{world.self_round.pk}/status.json"),
        "case page": dept.get(f"/cases/{world.case_a.pk}/"),
        "evidence picture": dept.get(f"/cases/{world.case_a.pk}/evidence/{code}/{n}.png"),
        "sheet": dept.get(f"/cases/{world.case_a.pk}/sheet.xlsx"),
        "compiled file": admin.get(f"/rounds/{world.self_round.pk}/files/compile.xlsx"),
        "404": dept.get(f"/cases/{world.case_b.pk}/"),
        "405": dept.get("/logout/"),
    }
    failures = []
    for what, r in answers.items():
        if r.get("X-Frame-Options") != "DENY":
            failures.append(f"{what} ({r.status_code}): X-Frame-Options {r.get('X-Frame-Options')!r}")
        if r.get("X-Content-Type-Options") != "nosniff":
            failures.append(
                f"{what} ({r.status_code}): X-Content-Type-Options {r.get('X-Content-Type-Options')!r}"
            )
        if r.get("Referrer-Policy") != "same-origin":
            failures.append(f"{what} ({r.status_code}): Referrer-Policy {r.get('Referrer-Policy')!r}")
    assert not failures, "\n".join(failures)
    assert answers["status.json"]["Content-Type"] == "application/json"
    assert answers["evidence picture"]["Content-Type"] == "image/png"
    assert "attachment" in answers["sheet"]["Content-Disposition"]


# --- guessed URLs ---------------------------------------------------------------------------------------


def test_a_department_guessing_another_departments_urls_gets_404_everywhere(world, login):
    """Dept A on dept B's case and on the county round, dept B on dept A's: every route, 404."""
    failures = []
    for role, theirs in (
        (DEPT_A, ("case_b", "county_case", "county_round")),
        (DEPT_B, ("case_a", "county_case", "county_round")),
    ):
        for route, row in PERMISSIONS.items():
            if any(t in theirs for t, _ in row.who):
                failures += walk(
                    route, world, login, roles=(role,), only=lambda t, x, theirs=theirs: t in theirs
                )
    assert not failures, "\n".join(failures)


def test_ids_that_do_not_exist_are_404_for_everyone(world, login):
    """Guessing ids: a round or case that does not exist is a 404 for every role, the administrator too."""
    ghost_case = SimpleNamespace(pk=987654, result=world.case_a.result)
    ghost = SimpleNamespace(
        self_round=SimpleNamespace(pk=987654),
        county_round=SimpleNamespace(pk=987655),
        case_a=ghost_case,
        case_b=ghost_case,
        county_case=ghost_case,
    )
    clients = {role: caller(login, user_of(world, role)) for role in ROLES if role != ANON}
    failures = []
    for route, row in PERMISSIONS.items():
        for target, extra in row.who:
            if not target:
                continue
            url = url_of(route, ghost, target, extra)
            for role, (c, token) in clients.items():
                for method in row.methods:
                    r = c.get(url) if method == "GET" else c.post(url, {"csrfmiddlewaretoken": token})
                    if r.status_code != 404:
                        failures.append(
                            f"{route} {method} {url} as {role}: status {r.status_code}, expected 404"
                        )
    assert not failures, "\n".join(failures)
