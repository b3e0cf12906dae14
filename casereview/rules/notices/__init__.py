"""N — notices and rights (告知)."""

from casereview.rules.notices.N01 import N01

RULES = [N01]
