"""C — 一致性."""

from casereview.rules.consistency.C01 import C01
from casereview.rules.consistency.C02 import C02
from casereview.rules.consistency.C03 import C03

RULES = [C01, C02, C03]
