"""A case: its items like the scoring sheet, the evidence on the page, settling items, the sheet files."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST, require_safe

from casereview.web import access, service
from casereview.web.config import workspace
from casereview.web.models import Status

# 维持 (keep the tool's conclusion) first: the default for an item the tool decided; a manual item has no
# conclusion to keep, so its form starts at 符合.
DECISIONS = [("维持", "维持原结论"), ("符合", "符合"), ("不符合", "不符合"), ("不适用", "不适用")]


def _points(x) -> str:
    return "无法评分" if x is None else f"{x:g}"


def _check(case, code: str) -> dict:
    for c in (case.result or {}).get("checks") or []:
        if c.get("code") == code:
            return c
    raise Http404("没有这个评查项")


@login_required
@require_GET
def case_page(request, pk: int):
    case = access.case_or_404(request.user, pk)
    ctx = {
        "case": case,
        "can_settle": access.can_settle(request.user, case) and case.status == Status.DONE,
        "decisions": DECISIONS,
        "audit": case.audit.select_related("user"),
    }
    if case.status == Status.DONE and case.result:
        sheet = service.sheet(case)
        checks = {c["code"]: c for c in case.result.get("checks") or []}
        ctx.update(
            sheet=sheet,
            checks=checks,
            summary=case.result.get("summary") or {},
            errors=case.result.get("errors") or [],
        )
    return render(request, "web/case.html", ctx)


def _evidence(case, code: str, n: int) -> dict:
    check = _check(case, code)
    items = check.get("evidence") or []
    if not 0 <= n < len(items):
        raise Http404("没有这条证据")
    return items[n]


@login_required
@require_GET
def evidence_page(request, pk: int, code: str, n: int):
    case = access.case_or_404(request.user, pk)
    check = _check(case, code)
    item = _evidence(case, code, n)
    return render(
        request,
        "web/evidence.html",
        {
            "case": case,
            "check": check,
            "item": item,
            "n": n,
            "code": code,
            "count": len(check.get("evidence") or []),
        },
    )


@login_required
@require_safe
def evidence_picture(request, pk: int, code: str, n: int):
    """The page the evidence rests on, with its quote highlighted (rendered once, then cached)."""
    from casereview.web.evidence import EvidenceError, render_evidence

    case = access.case_or_404(request.user, pk)
    item = _evidence(case, code, n)
    ws = workspace()
    try:
        source = service.source_of(ws, case, item.get("document") or "")
        rendered = render_evidence(
            source, item.get("page"), item.get("quote"), ws.pages_dir, paragraph=item.get("paragraph")
        )
    except (service.ServiceError, EvidenceError) as exc:
        return HttpResponse(str(exc), status=404, content_type="text/plain; charset=utf-8")
    response = FileResponse(rendered.png.open("rb"), content_type="image/png")
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Evidence-Found"] = "1" if rendered.found else "0"
    response["X-Evidence-Page"] = str(rendered.page)
    return response


@login_required
@require_POST
def settle(request, pk: int, code: str):
    case = access.case_or_404(request.user, pk)
    if not access.can_settle(request.user, case):
        raise Http404("没有这个页面")
    _check(case, code)
    try:
        entries = service.settle(
            case, request.user, code, request.POST.get("decision", ""), request.POST.get("note", "")
        )
    except service.ServiceError as exc:
        messages.error(request, f"{code}：{exc}")
        return redirect(f"/cases/{case.pk}/#item-{code}")
    if entries:
        e = entries[-1]
        messages.success(
            request,
            f"{code} 已复核：得分 {_points(e['score']['from'])} → {_points(e['score']['to'])}，"
            f"等次 {e['grade']['from'] or '无'} → {e['grade']['to'] or '无'}",
        )
    else:
        messages.info(request, f"{code}：复核结论与原判定相同，未作修改")
    return redirect(f"/cases/{case.pk}/#item-{code}")


@login_required
@require_POST
def reviewed(request, pk: int):
    case = access.case_or_404(request.user, pk)
    if not access.can_settle(request.user, case):
        raise Http404("没有这个页面")
    try:
        service.mark_reviewed(case, request.user, request.POST.get("reviewed", "1") == "1")
    except service.ServiceError as exc:
        messages.error(request, str(exc))
    return redirect("case", pk=case.pk)


@login_required
@require_GET
def sheet_file(request, pk: int, fmt: str):
    case = access.case_or_404(request.user, pk)
    try:
        data, name = service.sheet_file(workspace(), case, fmt)
    except service.ServiceError as exc:
        messages.error(request, str(exc))
        return redirect("case", pk=case.pk)
    response = HttpResponse(data, content_type=service.SHEET_FORMATS[fmt])
    from django.utils.http import content_disposition_header

    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


@login_required
@require_POST
def retry(request, pk: int):
    """Review a case that could not be reviewed again (after a server or tool update)."""
    case = access.case_or_404(request.user, pk)
    if not access.can_settle(request.user, case) or case.status != Status.FAILED:
        raise Http404("没有这个页面")
    case.status, case.error = Status.QUEUED, ""
    case.save(update_fields=["status", "error"])
    from casereview.web import jobs

    jobs.wake()
    return redirect("case", pk=case.pk)
