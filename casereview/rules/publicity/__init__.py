"""P — 公示与全过程记录."""

RULES: list = []
