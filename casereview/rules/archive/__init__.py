"""A — 卷宗."""

from casereview.rules.archive.A01 import A01
from casereview.rules.archive.A02 import A02
from casereview.rules.archive.A03 import A03
from casereview.rules.archive.A04 import A04

RULES = [A01, A02, A03, A04]
