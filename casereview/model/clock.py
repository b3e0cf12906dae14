"""The time stamps casereview writes: China Standard Time (UTC+8), to the second."""

from __future__ import annotations

import datetime as dt

CHINA = dt.timezone(dt.timedelta(hours=8), "CST")


def now_iso() -> str:
    """Now in UTC+8 as ISO 8601 with its offset: 2024-10-08T09:30:00+08:00 (generated_at, settled_at …)."""
    return dt.datetime.now(CHINA).isoformat(timespec="seconds")
