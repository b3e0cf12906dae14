"""Django settings built from ``casereview serve``'s options: the data directory and the database URL."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

HERE = Path(__file__).resolve().parent

# 1 GiB per request: the largest bound scan of a case is a few hundred MB.
MAX_REQUEST_BYTES = 1 << 30


class ConfigError(ValueError):
    """A data directory or database URL that cannot be used; the message is for the user (Chinese)."""


@dataclass
class Workspace:
    """Where the workspace keeps everything: ``data`` (uploads, page pictures, compiled files, SQLite)."""

    data: Path
    db_url: str | None = None
    debug: bool = False
    allowed_hosts: list[str] = field(default_factory=lambda: ["127.0.0.1", "localhost", "[::1]"])
    max_request_bytes: int = MAX_REQUEST_BYTES

    @property
    def cases_dir(self) -> Path:
        return self.data / "cases"

    @property
    def pages_dir(self) -> Path:
        return self.data / "pages"

    @property
    def rounds_dir(self) -> Path:
        return self.data / "rounds"

    @property
    def tmp_dir(self) -> Path:
        return self.data / "tmp"


def _sqlite(path: Path) -> dict:
    """SQLite for a workspace: WAL (readers never wait for the writer), writes take the lock up front."""
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {
            "timeout": 30,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
    }


def database(url: str | None, data: Path) -> dict:
    """Django's DATABASES entry: SQLite in ``data`` by default, or ``postgresql://user:pw@host:port/name``."""
    if not url:
        return _sqlite(data / "workspace.sqlite3")
    parts = urlsplit(url)
    if parts.scheme in ("postgres", "postgresql"):
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    if parts.scheme == "sqlite":
        return _sqlite(Path(unquote(parts.path)))
    raise ConfigError(
        f"不支持的数据库地址“{url}”：请使用 postgresql://用户:密码@主机:端口/库名 或 sqlite:///文件路径"
    )


def secret_key(data: Path) -> str:
    """The site's signing key, made once and kept in ``data/secret_key`` (readable by the owner only)."""
    path = data / "secret_key"
    if path.exists():
        return path.read_text(encoding="ascii").strip()
    key = secrets.token_urlsafe(50)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(key)
    return key


def settings(ws: Workspace) -> dict:
    """The Django settings of a workspace."""
    return {
        "DEBUG": ws.debug,
        "SECRET_KEY": secret_key(ws.data),
        "ALLOWED_HOSTS": ws.allowed_hosts,
        "INSTALLED_APPS": [
            "django.contrib.auth",
            "django.contrib.contenttypes",
            "django.contrib.sessions",
            "django.contrib.messages",
            "django.contrib.staticfiles",
            "axes",
            "casereview.web.apps.WebConfig",
        ],
        "MIDDLEWARE": [
            "django.middleware.security.SecurityMiddleware",
            "whitenoise.middleware.WhiteNoiseMiddleware",
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
            "django.contrib.messages.middleware.MessageMiddleware",
            "django.middleware.clickjacking.XFrameOptionsMiddleware",
            "axes.middleware.AxesMiddleware",
        ],
        "AUTHENTICATION_BACKENDS": [
            "axes.backends.AxesStandaloneBackend",
            "django.contrib.auth.backends.ModelBackend",
        ],
        "ROOT_URLCONF": "casereview.web.urls",
        "TEMPLATES": [
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "DIRS": [],
                "APP_DIRS": True,
                "OPTIONS": {
                    "context_processors": [
                        "django.template.context_processors.request",
                        "django.contrib.auth.context_processors.auth",
                        "django.contrib.messages.context_processors.messages",
                        "casereview.web.access.context",
                    ]
                },
            }
        ],
        "DATABASES": {"default": database(ws.db_url, ws.data)},
        "DEFAULT_AUTO_FIELD": "django.db.models.BigAutoField",
        "LANGUAGE_CODE": "zh-hans",
        "TIME_ZONE": "Asia/Shanghai",
        "USE_I18N": True,
        "USE_TZ": True,
        "STATIC_URL": "/static/",
        "WHITENOISE_USE_FINDERS": True,
        "WHITENOISE_AUTOREFRESH": False,
        "LOGIN_URL": "/login/",
        "LOGIN_REDIRECT_URL": "/",
        "LOGOUT_REDIRECT_URL": "/login/",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_AGE": 8 * 3600,
        "SESSION_EXPIRE_AT_BROWSER_CLOSE": True,
        "CSRF_COOKIE_HTTPONLY": True,
        "CSRF_FAILURE_VIEW": "casereview.web.views.errors.csrf_failure",
        "CSRF_COOKIE_SAMESITE": "Lax",
        "X_FRAME_OPTIONS": "DENY",
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "SECURE_REFERRER_POLICY": "same-origin",
        "PASSWORD_HASHERS": ["django.contrib.auth.hashers.PBKDF2PasswordHasher"],
        "AUTH_PASSWORD_VALIDATORS": [
            {
                "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
                "OPTIONS": {"min_length": 8},
            },
            {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
            {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
        ],
        # Login throttling (django-axes): five failures lock the account for that address for 15 minutes.
        "AXES_FAILURE_LIMIT": 5,
        "AXES_COOLOFF_TIME": 0.25,
        "AXES_LOCKOUT_PARAMETERS": [["username", "ip_address"]],
        "AXES_RESET_ON_SUCCESS": True,
        "AXES_LOCKOUT_TEMPLATE": "web/locked.html",
        "AXES_VERBOSE": False,
        # Uploads: files over 2.5 MB go to a temporary file in the data directory, never into memory;
        # the request's total is limited by uploads.LimitedUploadHandler before anything is stored.
        "FILE_UPLOAD_HANDLERS": [
            "casereview.web.uploads.LimitedUploadHandler",
            "django.core.files.uploadhandler.MemoryFileUploadHandler",
            "django.core.files.uploadhandler.TemporaryFileUploadHandler",
        ],
        "FILE_UPLOAD_TEMP_DIR": str(ws.tmp_dir),
        "FILE_UPLOAD_PERMISSIONS": 0o600,
        "DATA_UPLOAD_MAX_NUMBER_FILES": 5000,
        "DATA_UPLOAD_MAX_NUMBER_FIELDS": 10000,
        "CASEREVIEW_WORKSPACE": ws,
        "LOGGING_CONFIG": None,
        "MESSAGE_STORAGE": "django.contrib.messages.storage.session.SessionStorage",
    }


_CONFIGURED: list[Workspace] = []


def configure(ws: Workspace) -> Workspace:
    """Configure Django for ``ws`` (once per process), create the data folders and set up the apps."""
    import django
    from django.conf import settings as dj

    if _CONFIGURED:
        if _CONFIGURED[0].data != ws.data:
            raise ConfigError(f"本进程已使用数据目录 {_CONFIGURED[0].data}，不能再使用 {ws.data}")
        return _CONFIGURED[0]
    ws.data = Path(ws.data).resolve()
    for d in (ws.data, ws.cases_dir, ws.pages_dir, ws.rounds_dir, ws.tmp_dir):
        d.mkdir(parents=True, exist_ok=True, mode=0o700)
    dj.configure(**settings(ws))
    django.setup()
    _CONFIGURED.append(ws)
    return ws


def workspace() -> Workspace:
    """The configured workspace (after ``configure``)."""
    from django.conf import settings as dj

    return dj.CASEREVIEW_WORKSPACE
