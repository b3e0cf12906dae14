"""Signing in and out, changing one's password, and the administrator's list of people."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from casereview.web.access import admin_or_404
from casereview.web.models import Department, Profile, Role


class LoginForm(AuthenticationForm):
    error_messages = {"invalid_login": "用户名或密码不正确。", "inactive": "该账号已停用。"}


class PersonForm(forms.Form):
    username = forms.CharField(label="用户名", max_length=60)
    display_name = forms.CharField(label="姓名", max_length=60, required=False)
    role = forms.ChoiceField(label="角色", choices=Role.choices)
    department = forms.CharField(label="所属单位（执法单位用户必填）", max_length=120, required=False)
    password = forms.CharField(label="初始密码", widget=forms.PasswordInput)

    def clean_username(self) -> str:
        name = self.cleaned_data["username"].strip()
        if get_user_model().objects.filter(username=name).exists():
            raise ValidationError("该用户名已存在")
        return name

    def clean(self) -> dict:
        data = super().clean()
        if data.get("role") == Role.DEPARTMENT and not (data.get("department") or "").strip():
            self.add_error("department", "执法单位用户须填写所属单位")
        if data.get("password"):
            try:
                password_validation.validate_password(data["password"])
            except ValidationError as exc:
                self.add_error("password", exc)
        return data


def create_person(
    username: str, password: str, role: str, department: str | None = None, display_name: str = ""
):
    """A user with a role (and the department, made when new)."""
    with transaction.atomic():
        user = get_user_model().objects.create_user(username=username, password=password)
        dept = Department.objects.get_or_create(name=department.strip())[0] if department else None
        Profile.objects.create(
            user=user,
            role=role,
            department=dept if role == Role.DEPARTMENT else None,
            display_name=display_name or username,
        )
    return user


@login_required
@require_http_methods(["GET", "POST"])
def people(request):
    admin_or_404(request.user)
    form = PersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        create_person(d["username"], d["password"], d["role"], d.get("department"), d.get("display_name", ""))
        messages.success(request, f"已添加用户 {d['username']}")
        return redirect("people")
    users = get_user_model().objects.select_related("profile", "profile__department").order_by("username")
    return render(request, "web/people.html", {"form": form, "users": users})


class PasswordChange(auth_views.PasswordChangeView):
    """Anyone signed in changes their own password (the administrator gives only an initial one)."""

    template_name = "web/password.html"
    success_url = "/"

    def form_valid(self, form):
        messages.success(self.request, "密码已修改")
        return super().form_valid(form)
