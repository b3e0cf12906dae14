"""Who sees what. Every view asks here; anything a user may not see is a 404, never a 403.

- a bureau administrator (司法局管理员) sees and manages everything;
- a reviewer (评查人员) sees the rounds assigned to them and their cases;
- a department user (执法单位) sees the self-check rounds and, in them, only
  their own department's cases; never a county round.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from casereview.web.models import Case, Role, Round, RoundKind


def role_of(user) -> str | None:
    if not user.is_authenticated:
        return None
    profile = getattr(user, "profile", None)
    return profile.role if profile else None


def is_admin(user) -> bool:
    return role_of(user) == Role.ADMIN


def rounds_for(user) -> QuerySet[Round]:
    role = role_of(user)
    if role == Role.ADMIN:
        return Round.objects.all()
    if role == Role.REVIEWER:
        return Round.objects.filter(reviewers=user)
    if role == Role.DEPARTMENT:
        return Round.objects.filter(kind=RoundKind.SELF)
    return Round.objects.none()


def cases_for(user) -> QuerySet[Case]:
    role = role_of(user)
    if role == Role.ADMIN:
        return Case.objects.all()
    if role == Role.REVIEWER:
        return Case.objects.filter(round__reviewers=user)
    if role == Role.DEPARTMENT:
        return Case.objects.filter(round__kind=RoundKind.SELF, department_id=user.profile.department_id)
    return Case.objects.none()


def round_or_404(user, pk: int) -> Round:
    try:
        return rounds_for(user).distinct().get(pk=pk)
    except Round.DoesNotExist:
        raise Http404("没有这个评查活动") from None


def case_or_404(user, pk: int) -> Case:
    try:
        return cases_for(user).select_related("round", "department").distinct().get(pk=pk)
    except Case.DoesNotExist:
        raise Http404("没有这个案卷") from None


def admin_or_404(user) -> None:
    if not is_admin(user):
        raise Http404("没有这个页面")


def can_upload(user, rnd: Round) -> bool:
    role = role_of(user)
    if role == Role.ADMIN:
        return True
    return role == Role.DEPARTMENT and rnd.kind == RoundKind.SELF and user.profile.department_id is not None


def can_settle(user, case: Case) -> bool:
    """Admins, the round's reviewers, and a department on its own self-check cases settle items."""
    role = role_of(user)
    if role == Role.ADMIN:
        return True
    if role == Role.REVIEWER:
        return case.round.reviewers.filter(pk=user.pk).exists()
    return (
        role == Role.DEPARTMENT
        and case.round.kind == RoundKind.SELF
        and case.department_id == user.profile.department_id
    )


def context(request) -> dict:
    """Template context: the user's role and its label."""
    role = role_of(request.user)
    return {"role": role, "role_label": Role(role).label if role else "", "is_admin": role == Role.ADMIN}
