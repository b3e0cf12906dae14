"""What the workspace stores: departments, people's roles, review rounds, cases and their audit trail.

A case's review result is the library's results entry (``Case.result``, the
same object as one element of results.json's ``cases``) with the rubric
snapshot it was scored with (``Case.rubric``); score, grade and flags are
copied into columns only so lists can be sorted and counted in the database.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Role(models.TextChoices):
    ADMIN = "admin", "司法局管理员"
    REVIEWER = "reviewer", "评查人员"
    DEPARTMENT = "department", "执法单位"


class Department(models.Model):
    """An enforcement department (执法单位), e.g. 某县市场监督管理局."""

    name = models.CharField("单位名称", max_length=120, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Profile(models.Model):
    """A person's role; a department user belongs to one department."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    role = models.CharField("角色", max_length=20, choices=Role.choices)
    department = models.ForeignKey(
        Department, null=True, blank=True, on_delete=models.PROTECT, related_name="members"
    )
    display_name = models.CharField("姓名", max_length=60, blank=True)

    def __str__(self) -> str:
        return self.display_name or self.user.get_username()


class RoundKind(models.TextChoices):
    SELF = "self", "季度自查"
    COUNTY = "county", "县级评查"


class Round(models.Model):
    """A review round: a quarter's self-checks of every department, or the county's sample review."""

    name = models.CharField("名称", max_length=120)
    kind = models.CharField("类型", max_length=10, choices=RoundKind.choices)
    period = models.CharField("评查期间", max_length=10)
    rubric = models.CharField("评查标准", max_length=200, default="penalty-general")
    reviewers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="assigned_rounds")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    draw_seed = models.IntegerField(null=True, blank=True)
    draw_per_unit = models.IntegerField(null=True, blank=True)
    drawn_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name


class Status(models.TextChoices):
    QUEUED = "queued", "排队中"
    RUNNING = "running", "评查中"
    DONE = "done", "已评查"
    FAILED = "failed", "无法评查"


class Case(models.Model):
    """One uploaded case file in a round, its review job and its result."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="cases")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="cases")
    case_id = models.CharField("案卷编号", max_length=200)
    # The folder under the data directory's cases/ holding this case as a one-case batch.
    store = models.CharField(max_length=80)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    result = models.JSONField(null=True, blank=True)
    rubric = models.JSONField(null=True, blank=True)
    score = models.FloatField(null=True, blank=True)
    grade = models.CharField(max_length=20, blank=True)
    veto = models.BooleanField(default=False)
    needs_manual = models.BooleanField(default=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["round", "department"])]

    def __str__(self) -> str:
        return self.case_id


class AuditEntry(models.Model):
    """One settled item: who, when, from → to, why (the same fields as results.json's audit_trail)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="audit")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    code = models.CharField(max_length=8)
    entry = models.JSONField()
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
