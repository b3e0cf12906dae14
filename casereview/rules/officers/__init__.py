"""S — 执法主体与人员."""

RULES: list = []
