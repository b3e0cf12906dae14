"""H — 听证."""

RULES: list = []
