"""D — 处罚决定书."""

from casereview.rules.decision.D01 import D01
from casereview.rules.decision.D02 import D02
from casereview.rules.decision.D03 import D03
from casereview.rules.decision.D04 import D04
from casereview.rules.decision.D05 import D05
from casereview.rules.decision.D06 import D06
from casereview.rules.decision.D07 import D07

RULES = [D01, D02, D03, D04, D05, D06, D07]
