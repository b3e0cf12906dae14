"""``casereview serve``: prepare the store, create the first administrator, load the demo, serve.

The site is served by waitress (a production WSGI server in pure Python: no
compiler, no extra service to install on a bureau's intranet machine), the
review queue runs in threads of the same process (``jobs.Queue``).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from casereview.web.config import ConfigError, Workspace, configure

log = logging.getLogger(__name__)

DEMO_PASSWORD = "casereview-demo"  # the demo's accounts only; printed at start, never used otherwise


def prepare(ws: Workspace) -> Workspace:
    """Configure Django for ``ws`` and bring its database up to the current migrations."""
    from django.core.management import call_command

    ws = configure(ws)
    call_command("migrate", interactive=False, verbosity=0)
    return ws


def init_admin(username: str, password: str, display_name: str = "") -> bool:
    """Create the bureau administrator ``username``; False when that user exists already."""
    from django.contrib.auth import get_user_model, password_validation
    from django.core.exceptions import ValidationError

    from casereview.web.models import Role
    from casereview.web.views.accounts import create_person

    if get_user_model().objects.filter(username=username).exists():
        return False
    try:
        password_validation.validate_password(password)
    except ValidationError as exc:
        raise ConfigError("管理员密码不符合要求：" + "；".join(exc.messages)) from exc
    create_person(username, password, Role.ADMIN, display_name=display_name or "司法局管理员")
    return True


def admin_from_env() -> bool:
    """First start without a terminal: CASEREVIEW_ADMIN_USER / CASEREVIEW_ADMIN_PASSWORD make the admin."""
    user, password = os.environ.get("CASEREVIEW_ADMIN_USER"), os.environ.get("CASEREVIEW_ADMIN_PASSWORD")
    if user and password:
        return init_admin(user, password)
    return False


@dataclass
class DemoAccount:
    username: str
    role: str
    department: str = ""


def default_samples() -> Path | None:
    """The repository's samples/cases when running from a checkout."""
    here = Path(__file__).resolve().parents[2] / "samples" / "cases"
    return here if here.is_dir() else None


def load_demo(ws: Workspace, samples: Path) -> list[DemoAccount]:
    """The samples as a demo: a self-check round of their departments, a county round, demo accounts.

    Each sample case goes to the department its documents name (the agency
    read from it, as ``casereview sample`` assigns them). Loaded once: a
    second start with the same data directory finds the demo in place.
    """
    from casereview.api import find_cases
    from casereview.compile.sampling import extracted_agency
    from casereview.web.models import Department, Profile, Role, Round, RoundKind
    from casereview.web.service import add_local_case
    from casereview.web.views.accounts import create_person

    accounts = [DemoAccount("admin", "司法局管理员"), DemoAccount("reviewer", "评查人员")]
    if Round.objects.filter(name__endswith="（演示）").exists():
        for p in Profile.objects.filter(role=Role.DEPARTMENT).select_related("user", "department"):
            accounts.append(DemoAccount(p.user.username, "执法单位", p.department.name))
        return accounts
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    admin = users.filter(username="admin").first() or create_person(
        "admin", DEMO_PASSWORD, Role.ADMIN, display_name="司法局管理员（演示）"
    )
    reviewer = users.filter(username="reviewer").first() or create_person(
        "reviewer", DEMO_PASSWORD, Role.REVIEWER, display_name="评查员（演示）"
    )
    self_round = Round.objects.create(
        name="2024年第三季度执法单位自查（演示）", kind=RoundKind.SELF, period="2024Q3", created_by=admin
    )
    county = Round.objects.create(
        name="2024年下半年县级案卷评查（演示）", kind=RoundKind.COUNTY, period="2024H2", created_by=admin
    )
    county.reviewers.add(reviewer)
    cases, _ = find_cases([samples])
    by_dept: dict[str, list[Path]] = {}
    for path in cases:
        name = (extracted_agency(path) or "").strip() or "未识别单位"
        by_dept.setdefault(name, []).append(path)
    for i, (name, paths) in enumerate(sorted(by_dept.items()), start=1):
        dept = Department.objects.get_or_create(name=name)[0]
        username = f"dept{i}"
        if not users.filter(username=username).exists():
            create_person(
                username, DEMO_PASSWORD, Role.DEPARTMENT, department=name, display_name=f"{name}（演示）"
            )
        accounts.append(DemoAccount(username, "执法单位", name))
        for path in paths:
            add_local_case(ws, self_round, dept, path, admin)
    return accounts


def run(
    ws: Workspace,
    host: str = "127.0.0.1",
    port: int = 8000,
    threads: int = 8,
    review_threads: int = 1,
    limits=None,
    ocr: bool | str = True,
    ready=None,
) -> None:
    """Serve the workspace until interrupted; ``ready(url)`` is called once it listens."""
    import waitress
    from django.core.wsgi import get_wsgi_application

    from casereview.web import jobs

    app = get_wsgi_application()
    queue = jobs.Queue(ws, threads=review_threads, limits=limits, ocr=ocr)
    jobs.register(queue)
    queue.start()
    server = waitress.create_server(
        app,
        host=host,
        port=port,
        threads=threads,
        max_request_body_size=ws.max_request_bytes,
        clear_untrusted_proxy_headers=True,
        ident="casereview",
    )
    if ready:
        ready(f"http://{host}:{server.effective_port}/")
    try:
        server.run()
    finally:
        queue.stop()
