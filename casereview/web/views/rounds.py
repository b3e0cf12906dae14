"""Review rounds: the list, a round's cases with their progress, uploads, figures and sampling."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_GET, require_POST

from casereview.web import access, service
from casereview.web.config import workspace
from casereview.web.models import Department, Role, Round, RoundKind, Status


class RoundForm(forms.Form):
    name = forms.CharField(label="名称", max_length=120)
    kind = forms.ChoiceField(label="类型", choices=RoundKind.choices)
    period = forms.CharField(label="评查期间（如 2024Q3、2024H2、2024）", max_length=10)

    def clean_period(self) -> str:
        from casereview.compile import CompileError
        from casereview.compile.periods import parse_period

        value = self.cleaned_data["period"].strip().upper()
        try:
            parse_period(value)
        except CompileError as exc:
            raise ValidationError(str(exc)) from exc
        return value


@login_required
@require_GET
def home(request):
    rounds = access.rounds_for(request.user).distinct()
    cases = access.cases_for(request.user)
    counts: dict[int, dict[str, int]] = {}
    for rid, status in cases.values_list("round_id", "status"):
        n = counts.setdefault(rid, {"total": 0})
        n[status] = n.get(status, 0) + 1
        n["total"] += 1
    rows = [(r, counts.get(r.pk, {})) for r in rounds]
    return render(
        request,
        "web/home.html",
        {"rows": rows, "form": RoundForm() if access.is_admin(request.user) else None},
    )


@login_required
@require_POST
def round_new(request):
    access.admin_or_404(request.user)
    form = RoundForm(request.POST)
    if not form.is_valid():
        for errs in form.errors.values():
            for e in errs:
                messages.error(request, e)
        return redirect("home")
    rnd = Round.objects.create(created_by=request.user, **form.cleaned_data)
    messages.success(request, f"已创建评查活动“{rnd.name}”")
    return redirect("round", pk=rnd.pk)


def _visible_cases(request, rnd: Round):
    # The lists show figures only: the review results (tens of KB of JSON a case) are not read.
    return (
        access.cases_for(request.user)
        .filter(round=rnd)
        .select_related("department")
        .defer("result", "rubric")
        .order_by("department__name", "id")
    )


@login_required
@require_GET
def round_page(request, pk: int):
    rnd = access.round_or_404(request.user, pk)
    cases = _visible_cases(request, rnd)
    is_admin = access.is_admin(request.user)
    ctx = {
        "round": rnd,
        "cases": cases,
        "can_upload": access.can_upload(request.user, rnd),
        "departments": Department.objects.all() if is_admin else None,
        "reviewers": get_user_model().objects.filter(profile__role=Role.REVIEWER) if is_admin else None,
        "sources": Round.objects.filter(kind=RoundKind.SELF)
        if is_admin and rnd.kind == RoundKind.COUNTY
        else None,
        "pending": cases.filter(status__in=[Status.QUEUED, Status.RUNNING]).exists(),
    }
    return render(request, "web/round.html", ctx)


@login_required
@require_GET
def round_status(request, pk: int):
    """Progress of the round's cases, polled by the page while some are queued or running."""
    rnd = access.round_or_404(request.user, pk)
    rows = []
    for c in _visible_cases(request, rnd):
        rows.append(
            {
                "id": c.pk,
                "status": c.status,
                "label": Status(c.status).label,
                "score": c.score,
                "grade": c.grade,
                "veto": c.veto,
                "manual": c.needs_manual,
                "started": c.started_at.isoformat() if c.started_at else None,
                "error": c.error,
            }
        )
    return JsonResponse({"cases": rows})


@login_required
@csrf_protect
@require_POST
def upload(request, pk: int):
    """Cases uploaded into a round (zip, folder or files; one case or many), stored safely and queued."""
    from casereview.web.uploads import Incoming, UploadRefused, store_upload

    rnd = access.round_or_404(request.user, pk)
    if not access.can_upload(request.user, rnd):
        raise Http404("没有这个页面")
    wants_json = request.headers.get("Accept", "").startswith("application/json")
    ws = workspace()
    try:
        files = request.FILES.getlist("files")  # parses the body through uploads.LimitedUploadHandler
        if getattr(request, "upload_refused", None):
            raise request.upload_refused
        department = _upload_department(request)
        names = request.POST.getlist("paths")
        items = []
        for i, f in enumerate(files):
            name = names[i] if i < len(names) and names[i] else f.name
            items.append(Incoming(name=name, size=f.size, chunks=f.chunks))
        many = request.POST.get("many") == "1"
        with tempfile.TemporaryDirectory(dir=ws.tmp_dir) as tmp:
            stored = store_upload(items, Path(tmp) / "in", many=many)
            made = service.queue_cases(ws, rnd, department, stored, request.user)
    except (UploadRefused, service.ServiceError) as exc:
        if wants_json:
            return JsonResponse({"error": str(exc)}, status=400)
        messages.error(request, str(exc))
        return redirect("round", pk=rnd.pk)
    text = f"已上传 {len(made)} 卷，正在后台评查：" + "、".join(c.case_id for c in made)
    if wants_json:
        return JsonResponse({"message": text, "cases": [c.pk for c in made]})
    messages.success(request, text)
    return redirect("round", pk=rnd.pk)


def _upload_department(request) -> Department:
    profile = request.user.profile
    if profile.role == Role.DEPARTMENT:
        return profile.department
    name = (request.POST.get("department") or "").strip()
    if not name:
        raise service.ServiceError("请选择或填写被评查单位")
    return Department.objects.get_or_create(name=name)[0]


@login_required
@require_POST
def assign(request, pk: int):
    access.admin_or_404(request.user)
    rnd = access.round_or_404(request.user, pk)
    ids = [int(x) for x in request.POST.getlist("reviewers") if x.isdigit()]
    rnd.reviewers.set(get_user_model().objects.filter(pk__in=ids, profile__role=Role.REVIEWER))
    messages.success(request, "已更新评查人员")
    return redirect("round", pk=rnd.pk)


@login_required
@require_POST
def draw(request, pk: int):
    access.admin_or_404(request.user)
    rnd = access.round_or_404(request.user, pk)
    try:
        if rnd.kind != RoundKind.COUNTY:
            raise service.ServiceError("只有县级评查活动可以抽取案卷")
        source = Round.objects.get(pk=int(request.POST.get("source", "0")), kind=RoundKind.SELF)
        per_unit = int(request.POST.get("per_unit", "0"))
        seed = int(request.POST.get("seed", "0"))
        if per_unit < 1:
            raise service.ServiceError("每个单位抽取的卷数须为正整数")
        made = service.draw_round(rnd, source, per_unit, seed)
    except Round.DoesNotExist:
        messages.error(request, "请选择要从中抽取案卷的自查活动")
        return redirect("round", pk=rnd.pk)
    except service.ServiceError as exc:
        messages.error(request, str(exc))
        return redirect("round", pk=rnd.pk)
    except ValueError:
        messages.error(request, "抽取参数有误：每单位卷数和随机种子须为整数")
        return redirect("round", pk=rnd.pk)
    messages.success(request, f"已按种子 {seed} 从“{source.name}”每单位抽取 {per_unit} 卷，共 {len(made)} 卷")
    return redirect("round", pk=rnd.pk)


@login_required
@require_GET
def figures(request, pk: int):
    access.admin_or_404(request.user)
    rnd = access.round_or_404(request.user, pk)
    try:
        figs = service.compile_round(workspace(), rnd)
    except service.ServiceError as exc:
        messages.error(request, str(exc))
        return redirect("round", pk=rnd.pk)
    comp, cov = figs.compilation, figs.coverage
    departments = [
        {
            "rank": d.rank,
            "department": d.department,
            "files": d.files,
            "scored": d.scored,
            "mean": d.mean,
            "grade_counts": [d.grades.get(g, 0) for g in comp.grades],
        }
        for d in comp.departments
    ]
    quarters = sorted({q for row in cov.rows for q in row.quarters})
    return render(
        request,
        "web/figures.html",
        {
            "round": rnd,
            "figs": figs,
            "comp": comp,
            "cov": cov,
            "departments": departments,
            "total_grades": [comp.total.grades.get(g, 0) for g in comp.grades],
            "quarters": quarters,
            "coverage_rows": [(row.department, [row.quarters.get(q) for q in quarters]) for row in cov.rows],
        },
    )


@login_required
@require_GET
def compiled_file(request, pk: int, name: str):
    access.admin_or_404(request.user)
    rnd = access.round_or_404(request.user, pk)
    if name not in ("compile.xlsx", "bulletin.docx"):
        raise Http404("没有这个文件")
    try:
        figs = service.compile_round(workspace(), rnd)
    except service.ServiceError as exc:
        messages.error(request, str(exc))
        return redirect("round", pk=rnd.pk)
    path = next(p for p in figs.written if p.name == name)
    return FileResponse(path.open("rb"), as_attachment=True, filename=f"{rnd.name}-{name}")
