"""E — 证据."""

RULES: list = []
