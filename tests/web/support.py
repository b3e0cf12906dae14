"""What the web tests share: one workspace per test process, sample cases and their real reviews.

Django is configured once per process on a fresh data directory. The
database is SQLite in that directory, or the PostgreSQL server named by
``CASEREVIEW_TEST_PG`` (``postgresql://user:pw@host/db``; CI sets it), with the
same migrations. The sample cases are reviewed once per session with the
library and their results reused.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from pathlib import Path

from casereview.web.config import Workspace
from casereview.web.server import prepare

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "cases"
PASSWORD = "Pr0cedure-check"  # every test account's password

_DATA = Path(tempfile.mkdtemp(prefix="casereview-web-tests-"))
WS = prepare(
    Workspace(
        data=_DATA,
        db_url=os.environ.get("CASEREVIEW_TEST_PG") or None,
        allowed_hosts=["127.0.0.1", "localhost", "testserver"],
    )
)

_REVIEWED: dict[str, dict] = {}


def reviewed(sample: str) -> dict:
    """The library's results for one sample case (reviewed once per session, in-process)."""
    if sample not in _REVIEWED:
        from casereview.api import review

        tmp = Path(tempfile.mkdtemp(prefix="batch-", dir=WS.tmp_dir))
        src = SAMPLES / sample
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, tmp / src.name)
        _REVIEWED[sample] = review([tmp], jobs=1, limits=False, ocr=False, period="2024Q3")
        shutil.rmtree(tmp)
    return _REVIEWED[sample]


def add_case(rnd, department, sample: str, done: bool = True):
    """A case of ``sample`` in ``rnd`` for ``department``, with its real review when ``done``."""
    from casereview.web.jobs import store_result
    from casereview.web.models import Case

    store = uuid.uuid4().hex
    target = WS.cases_dir / store
    target.mkdir()
    src = SAMPLES / sample
    (shutil.copytree if src.is_dir() else shutil.copy2)(src, target / src.name)
    case = Case.objects.create(
        round=rnd, department=department, case_id=src.stem if src.is_file() else src.name, store=store
    )
    if done:
        store_result(case, reviewed(sample))
        case.save()
    return case
