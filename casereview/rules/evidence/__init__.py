"""E — 证据."""

from casereview.rules.evidence.E01 import E01
from casereview.rules.evidence.E02 import E02
from casereview.rules.evidence.E03 import E03

RULES = [E01, E02, E03]
