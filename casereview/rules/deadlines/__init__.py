"""T — 期限."""

from casereview.rules.deadlines.T01 import T01
from casereview.rules.deadlines.T02 import T02
from casereview.rules.deadlines.T03 import T03
from casereview.rules.deadlines.T04 import T04
from casereview.rules.deadlines.T05 import T05
from casereview.rules.deadlines.T06 import T06
from casereview.rules.deadlines.T07 import T07

RULES = [T01, T02, T03, T04, T05, T06, T07]
