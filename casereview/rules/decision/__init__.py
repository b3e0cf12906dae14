"""D — 处罚决定书."""

RULES: list = []
