"""``casereview serve``'s start-up: the first administrator, the database URL, the demo (run as a user would)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

CLI = [sys.executable, "-c", "from casereview.cli import main; main()"]


def _serve(*args, env=None, timeout=120):
    return subprocess.run(
        [*CLI, "serve", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def _users(data) -> dict[str, tuple[str, str]]:
    with sqlite3.connect(data / "workspace.sqlite3") as db:
        rows = db.execute(
            "SELECT u.username, u.password, p.role FROM auth_user u JOIN web_profile p ON p.user_id = u.id"
        ).fetchall()
    return {name: (pw, role) for name, pw, role in rows}


def test_init_admin_creates_the_bureau_administrator_with_a_hashed_password(tmp_path):
    data = tmp_path / "data"
    r = _serve(
        "--data", str(data), "--init-admin", "boss", env={"CASEREVIEW_ADMIN_PASSWORD": "Xian-2024-review"}
    )
    assert r.returncode == 0, r.stderr
    assert "已创建司法局管理员 boss" in r.stdout
    pw, role = _users(data)["boss"]
    assert role == "admin" and pw.startswith("pbkdf2_sha256$") and "Xian-2024-review" not in pw
    assert oct((data / "secret_key").stat().st_mode & 0o777) == "0o600"
    again = _serve(
        "--data", str(data), "--init-admin", "boss", env={"CASEREVIEW_ADMIN_PASSWORD": "Other-2024-pass"}
    )
    assert again.returncode == 0 and "已存在" in again.stdout
    assert _users(data)["boss"][0] == pw  # never overwritten


def test_a_weak_admin_password_is_refused_in_chinese(tmp_path):
    r = _serve(
        "--data", str(tmp_path / "d"), "--init-admin", "boss", env={"CASEREVIEW_ADMIN_PASSWORD": "123"}
    )
    assert r.returncode == 2
    assert "管理员密码不符合要求" in r.stderr


def test_an_unknown_database_url_is_a_usage_error(tmp_path):
    r = _serve(
        "--data",
        str(tmp_path / "d"),
        "--db",
        "mysql://x@y/z",
        "--init-admin",
        "a",
        env={"CASEREVIEW_ADMIN_PASSWORD": "Xian-2024-review"},
    )
    assert r.returncode == 2 and "不支持的数据库地址" in r.stderr


def test_first_start_takes_the_admin_from_the_environment(tmp_path):
    """Without a terminal (a service unit), CASEREVIEW_ADMIN_USER/PASSWORD create the admin at first start."""
    data = tmp_path / "data"
    proc = subprocess.Popen(
        [*CLI, "serve", "--data", str(data), "--port", "0", "--ocr", "off"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "CASEREVIEW_ADMIN_USER": "chief", "CASEREVIEW_ADMIN_PASSWORD": "Xian-2024-review"},
        start_new_session=True,
    )
    try:
        lines = []
        for line in proc.stdout:
            lines.append(line)
            if "工作台已启动" in line:
                break
        assert any("已创建司法局管理员 chief" in x for x in lines), lines
        assert _users(data)["chief"][1] == "admin"
    finally:
        proc.terminate()
        proc.wait(10)
