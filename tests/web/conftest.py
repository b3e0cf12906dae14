"""Fixtures of the web tests: every test starts from an empty database (``flush``) and builds what it needs."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

pytest.importorskip("django")

from casereview.web.config import Workspace
from tests.web.support import PASSWORD, WS, add_case


@pytest.fixture(scope="session")
def ws() -> Workspace:
    return WS


@pytest.fixture(autouse=True)
def empty_db():
    from django.core.cache import cache
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)
    cache.clear()
    yield


@dataclass
class World:
    """Two departments, their users, two reviewers (one assigned), an admin, a self and a county round."""

    admin: object
    reviewer: object
    other_reviewer: object
    dept_a_user: object
    dept_b_user: object
    dept_a: object
    dept_b: object
    self_round: object
    county_round: object
    case_a: object  # dept A's case in the self round
    case_b: object  # dept B's case in the self round
    county_case: object  # dept A's case drawn into the county round


@pytest.fixture
def world() -> World:
    from casereview.web.models import Department, Role, Round, RoundKind
    from casereview.web.views.accounts import create_person

    admin = create_person("admin", PASSWORD, Role.ADMIN, display_name="管理员")
    reviewer = create_person("reviewer", PASSWORD, Role.REVIEWER, display_name="评查员甲")
    other = create_person("reviewer2", PASSWORD, Role.REVIEWER, display_name="评查员乙")
    a = create_person(
        "dept_a", PASSWORD, Role.DEPARTMENT, department="甲县市场监督管理局", display_name="甲局"
    )
    b = create_person("dept_b", PASSWORD, Role.DEPARTMENT, department="乙县交通运输局", display_name="乙局")
    dept_a, dept_b = (
        Department.objects.get(name="甲县市场监督管理局"),
        Department.objects.get(name="乙县交通运输局"),
    )
    self_round = Round.objects.create(
        name="2024年第三季度自查", kind=RoundKind.SELF, period="2024Q3", created_by=admin
    )
    county = Round.objects.create(
        name="2024年下半年县级评查", kind=RoundKind.COUNTY, period="2024H2", created_by=admin
    )
    county.reviewers.add(reviewer)
    case_a = add_case(self_round, dept_a, "fa-nongye-2024-012")
    case_b = add_case(self_round, dept_b, "dx-jiaotong-2024-026")
    county_case = add_case(county, dept_a, "fa-nongye-2024-012")
    return World(
        admin, reviewer, other, a, b, dept_a, dept_b, self_round, county, case_a, case_b, county_case
    )


@pytest.fixture
def login():
    """``login(user)`` → a django.test.Client signed in as ``user`` (CSRF checks on, as in a browser)."""
    from django.test import Client

    def make(user):
        c = Client(enforce_csrf_checks=True)
        if user is not None:
            c.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return c

    return make
