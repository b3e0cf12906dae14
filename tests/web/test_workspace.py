"""The workspace's flows through its pages: rounds, upload and background review, case page, settling,
sheets, figures and sampling (Django's test client; real reviews of the samples)."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from tests.web.support import SAMPLES


def _zip_of(folder) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                z.write(p, f"{folder.name}/{p.relative_to(folder)}")
    return buf.getvalue()


def _csrf(client, url: str) -> str:
    client.get(url)
    return client.cookies["csrftoken"].value


def test_home_lists_only_the_rounds_a_user_may_see(world, login):
    admin = login(world.admin).get("/").content.decode()
    assert "2024年第三季度自查" in admin and "2024年下半年县级评查" in admin
    dept = login(world.dept_a_user).get("/").content.decode()
    assert "2024年第三季度自查" in dept and "县级评查</a>" not in dept
    other = login(world.other_reviewer).get("/").content.decode()
    assert "2024年第三季度自查" not in other and "2024年下半年县级评查" not in other
    assert "2024年下半年县级评查" in login(world.reviewer).get("/").content.decode()


def test_upload_a_zip_is_reviewed_in_the_background_and_kept_by_the_queue(world, login, ws):
    from casereview.web import jobs
    from casereview.web.models import Case, Status

    c = login(world.dept_a_user)
    token = _csrf(c, f"/rounds/{world.self_round.pk}/")
    data = _zip_of(SAMPLES / "dx-jiaotong-2024-026")
    up = io.BytesIO(data)
    up.name = "dx-jiaotong-2024-026.zip"
    r = c.post(
        f"/rounds/{world.self_round.pk}/upload/",
        {"files": up, "csrfmiddlewaretoken": token},
        HTTP_ACCEPT="application/json",
    )
    assert r.status_code == 200, r.content.decode()
    pk = r.json()["cases"][0]
    case = Case.objects.get(pk=pk)
    assert (
        case.status == Status.QUEUED
        and case.department == world.dept_a
        and case.uploaded_by == world.dept_a_user
    )
    # A server stopped while reviewing: the case goes back to the queue at the next start.
    assert jobs.claim().pk == pk
    assert Case.objects.get(pk=pk).status == Status.RUNNING
    assert jobs.requeue_interrupted() == 1
    case = jobs.claim()
    jobs.review_one(ws, case, limits=False, ocr=False)
    case.refresh_from_db()
    assert case.status == Status.DONE and case.result["case_id"] == "dx-jiaotong-2024-026"
    assert case.score is not None and case.grade
    assert jobs.claim() is None
    status = c.get(f"/rounds/{world.self_round.pk}/status.json").json()
    assert {"id": pk, "status": "done"}.items() <= next(x for x in status["cases"] if x["id"] == pk).items()


def test_a_broken_zip_is_refused_at_upload_naming_it(world, login):
    from casereview.web.models import Case

    c = login(world.dept_a_user)
    token = _csrf(c, f"/rounds/{world.self_round.pk}/")
    up = io.BytesIO(b"not a zip at all")
    up.name = "broken.zip"
    before = Case.objects.count()
    r = c.post(
        f"/rounds/{world.self_round.pk}/upload/",
        {"files": up, "csrfmiddlewaretoken": token},
        HTTP_ACCEPT="application/json",
    )
    assert r.status_code == 400 and "broken.zip" in r.json()["error"]
    assert Case.objects.count() == before


def test_an_unreadable_document_is_reviewed_as_manual_never_pass(world, login, ws):
    """A damaged PDF is accepted (its name says document), reviewed, and nothing it should show passes."""
    from casereview.web import jobs
    from casereview.web.models import Status

    c = login(world.dept_a_user)
    token = _csrf(c, f"/rounds/{world.self_round.pk}/")
    up = io.BytesIO(b"%PDF-1.7\n" + b"\x00garbage" * 200)
    up.name = "行政处罚决定书.pdf"
    r = c.post(
        f"/rounds/{world.self_round.pk}/upload/",
        {"files": up, "csrfmiddlewaretoken": token},
        HTTP_ACCEPT="application/json",
    )
    assert r.status_code == 200, r.content.decode()
    case = jobs.claim()
    jobs.review_one(ws, case, limits=False, ocr=False)
    case.refresh_from_db()
    assert case.status == Status.DONE
    assert case.result["errors"] and "行政处罚决定书.pdf" in case.result["errors"][0]["source"]
    assert case.error  # shown on the round page
    assert not [k["code"] for k in case.result["checks"] if k["status"] == "pass"]
    assert case.needs_manual


def test_case_page_lists_items_like_the_sheet(world, login):
    page = login(world.dept_a_user).get(f"/cases/{world.case_a.pk}/").content.decode()
    checks = world.case_a.result["checks"]
    for c in checks:
        assert f'id="item-{c["code"]}"' in page
    assert "否决项" in page  # veto items first, in their own section
    veto_at = page.index("否决项")
    first_category_at = min(page.index(name) for name in ("证据", "期限", "签名与印章") if name in page)
    assert veto_at < first_category_at
    assert "小计" in page
    score = world.case_a.result["score"]
    assert (str(int(score)) if float(score).is_integer() else f"{score:g}") in page


def test_evidence_picture_of_a_finding_highlights_the_quote(world, login):
    c = login(world.dept_a_user)
    checks = [
        k for k in world.case_a.result["checks"] if k.get("evidence") and k["status"] in ("fail", "manual")
    ]
    checks = checks or [k for k in world.case_a.result["checks"] if k.get("evidence")]
    code = checks[0]["code"]
    page = c.get(f"/cases/{world.case_a.pk}/evidence/{code}/0/")
    assert page.status_code == 200
    assert f"/cases/{world.case_a.pk}/evidence/{code}/0.png" in page.content.decode()
    pic = c.get(f"/cases/{world.case_a.pk}/evidence/{code}/0.png")
    assert pic.status_code == 200 and pic["Content-Type"] == "image/png"
    body = b"".join(pic.streaming_content)
    assert body.startswith(b"\x89PNG")
    assert pic["X-Evidence-Found"] == "1"  # a text PDF: the quote is found and boxed on its page
    assert c.get(f"/cases/{world.case_a.pk}/evidence/{code}/999.png").status_code == 404


def test_settling_an_item_rescores_and_keeps_the_audit_trail(world, login):
    from casereview.web.models import AuditEntry, Case

    case = world.case_a
    c = login(world.dept_a_user)
    token = _csrf(c, f"/cases/{case.pk}/")
    target = next(k for k in case.result["checks"] if k["status"] == "pass")
    # Overturning without a reason is refused, with the reason why.
    r = c.post(
        f"/cases/{case.pk}/settle/{target['code']}/",
        {"decision": "不符合", "note": "", "csrfmiddlewaretoken": token},
        follow=True,
    )
    assert "须在复核说明中写明理由" in r.content.decode()
    assert not AuditEntry.objects.exists()
    before = Case.objects.get(pk=case.pk).score
    r = c.post(
        f"/cases/{case.pk}/settle/{target['code']}/",
        {"decision": "不符合", "note": "送达回证无受送达人签名", "csrfmiddlewaretoken": token},
        follow=True,
    )
    assert r.status_code == 200
    after = Case.objects.get(pk=case.pk)
    check = next(k for k in after.result["checks"] if k["code"] == target["code"])
    assert check["status"] == "fail" and check["settled_by"] == "甲局" and check["tool_status"] == "pass"
    entry = AuditEntry.objects.get()
    assert entry.entry["from"] == "pass" and entry.entry["to"] == "fail" and entry.user == world.dept_a_user
    assert entry.entry["note"] == "送达回证无受送达人签名" and entry.entry["score"]["from"] == before
    assert after.score is not None and after.score <= before
    assert "送达回证无受送达人签名" in r.content.decode()  # the trail on the case page


def test_a_manual_item_must_be_settled_before_the_case_is_marked_reviewed(world, login):
    from casereview.web.models import Case

    case = world.case_a
    c = login(world.dept_a_user)
    token = _csrf(c, f"/cases/{case.pk}/")
    manual = [k["code"] for k in case.result["checks"] if k["status"] == "manual"]
    r = c.post(f"/cases/{case.pk}/reviewed/", {"csrfmiddlewaretoken": token}, follow=True)
    if manual:
        assert "待人工核查" in r.content.decode() and Case.objects.get(pk=case.pk).reviewed_at is None
        for code in manual:
            c.post(
                f"/cases/{case.pk}/settle/{code}/",
                {"decision": "符合", "note": "已核对原件", "csrfmiddlewaretoken": token},
            )
        r = c.post(f"/cases/{case.pk}/reviewed/", {"csrfmiddlewaretoken": token}, follow=True)
    done = Case.objects.get(pk=case.pk)
    assert done.reviewed_at is not None and done.reviewed_by == world.dept_a_user and not done.needs_manual


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_sheet_download_is_the_report_writers_sheet(world, login, fmt, tmp_path):
    r = login(world.reviewer).get(f"/cases/{world.county_case.pk}/sheet.{fmt}")
    assert r.status_code == 200
    assert "attachment" in r["Content-Disposition"]
    path = tmp_path / f"s.{fmt}"
    path.write_bytes(r.content)
    if fmt == "xlsx":
        import openpyxl

        text = "\n".join(
            str(v)
            for row in openpyxl.load_workbook(path).active.iter_rows(values_only=True)
            for v in row
            if v is not None
        )
    else:
        import docx

        d = docx.Document(path)
        text = "\n".join(cell.text for t in d.tables for row in t.rows for cell in row.cells)
    assert "评查" in text and world.county_case.case_id in text


def test_figures_and_compiled_files_for_the_bureau(world, login):
    import openpyxl

    c = login(world.admin)
    page = c.get(f"/rounds/{world.self_round.pk}/figures/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "甲县市场监督管理局" in html and "乙县交通运输局" in html and "自查覆盖情况" in html
    r = c.get(f"/rounds/{world.self_round.pk}/files/compile.xlsx")
    assert r.status_code == 200
    wb = openpyxl.load_workbook(io.BytesIO(b"".join(r.streaming_content)))
    assert len(wb.sheetnames) >= 3
    r = c.get(f"/rounds/{world.self_round.pk}/files/bulletin.docx")
    assert r.status_code == 200 and b"".join(r.streaming_content).startswith(b"PK")


def test_county_round_draws_with_samples_seeded_draw(world, login):
    from casereview.compile.sampling import Candidate, draw
    from casereview.web.models import Case, Round, RoundKind
    from tests.web.support import add_case

    add_case(world.self_round, world.dept_a, "lc-jiaotong-2024-009")
    add_case(world.self_round, world.dept_b, "qs-shijian-2024-017")
    rnd = Round.objects.create(name="抽查", kind=RoundKind.COUNTY, period="2024H2", created_by=world.admin)
    c = login(world.admin)
    token = _csrf(c, f"/rounds/{rnd.pk}/")
    r = c.post(
        f"/rounds/{rnd.pk}/draw/",
        {"source": world.self_round.pk, "per_unit": 1, "seed": 7, "csrfmiddlewaretoken": token},
        follow=True,
    )
    assert r.status_code == 200
    drawn = sorted(Case.objects.filter(round=rnd).values_list("department__name", "case_id"))
    pool = [
        Candidate(x.department.name, x.case_id, str(x.pk))
        for x in Case.objects.filter(round=world.self_round)
    ]
    pool.sort(key=lambda x: (x.department, x.path))
    assert drawn == sorted((x.department, x.case_id) for x in draw(pool, 1, 7))
    assert len(drawn) == 2 and {d for d, _ in drawn} == {"甲县市场监督管理局", "乙县交通运输局"}


def test_status_json_and_pages_are_scoped(world, login):
    data = login(world.dept_b_user).get(f"/rounds/{world.self_round.pk}/status.json").json()
    assert [x["id"] for x in data["cases"]] == [world.case_b.pk]
    assert json.dumps(data, ensure_ascii=False).count("甲") == 0


def test_evidence_pages_are_drawn_ahead_once_a_case_is_reviewed(world, login, ws, monkeypatch):
    """The queue draws the pages of failed and manual items (Word files converted in one LibreOffice call),
    so a reviewer's click is served from the cache."""
    from casereview.web import evidence, service

    wanted = [
        (k["code"], n)
        for k in world.case_a.result["checks"]
        if k["status"] in ("fail", "manual")
        for n, _ in enumerate(k.get("evidence") or [])
    ]
    if not wanted:
        pytest.skip("the sample has no failed or manual item with evidence")
    calls = []
    real = evidence.convert_office
    monkeypatch.setattr(
        evidence, "convert_office", lambda srcs, cache: calls.append(list(srcs)) or real(srcs, cache)
    )
    drawn = service.prerender(ws, world.case_a)
    assert drawn == len(wanted)
    assert len(calls) == 1  # one LibreOffice call for the whole case

    def no_drawing(*args, **kwargs):
        raise AssertionError("drawn again: the picture should come from the cache")

    monkeypatch.setattr(evidence, "_draw", no_drawing)
    c = login(world.dept_a_user)
    for code, n in wanted:
        assert c.get(f"/cases/{world.case_a.pk}/evidence/{code}/{n}.png").status_code == 200


def test_the_migrations_match_the_models():
    """A model changed without its migration would make PostgreSQL and SQLite stores differ from the code."""
    from django.core.management import call_command

    call_command("makemigrations", "web", "--check", "--dry-run", verbosity=0)


def test_a_user_changes_their_own_password(world, login):
    from tests.web.support import PASSWORD

    c = login(world.dept_a_user)
    token = _csrf(c, "/password/")
    weak = c.post(
        "/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "12345678",
            "new_password2": "12345678",
            "csrfmiddlewaretoken": token,
        },
    )
    assert weak.status_code == 200 and "errorlist" in weak.content.decode()
    r = c.post(
        "/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "Renew-2024-check",
            "new_password2": "Renew-2024-check",
            "csrfmiddlewaretoken": token,
        },
        follow=True,
    )
    assert "密码已修改" in r.content.decode()
    world.dept_a_user.refresh_from_db()
    assert world.dept_a_user.check_password("Renew-2024-check") and not world.dept_a_user.check_password(
        PASSWORD
    )


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"source": "999999", "per_unit": "1", "seed": "1"}, "请选择要从中抽取案卷的自查活动"),
        ({"per_unit": "x", "seed": "1"}, "须为整数"),
        ({"per_unit": "0", "seed": "1"}, "须为正整数"),
    ],
)
def test_a_draw_with_bad_parameters_says_what_is_wrong_in_chinese(world, login, form, message):
    c = login(world.admin)
    token = _csrf(c, f"/rounds/{world.county_round.pk}/")
    data = {"source": str(world.self_round.pk), **form, "csrfmiddlewaretoken": token}
    page = c.post(f"/rounds/{world.county_round.pk}/draw/", data, follow=True).content.decode()
    assert message in page and "does not exist" not in page
