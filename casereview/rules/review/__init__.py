"""L — 法制审核与集体讨论."""

RULES: list = []
