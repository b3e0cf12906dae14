"""A — 卷宗."""

RULES: list = []
