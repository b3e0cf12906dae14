"""T — 期限."""

RULES: list = []
