"""C — 一致性."""

RULES: list = []
