"""S — 执法主体与人员."""

from casereview.rules.officers.S01 import S01
from casereview.rules.officers.S02 import S02
from casereview.rules.officers.S03 import S03
from casereview.rules.officers.S04 import S04

RULES = [S01, S02, S03, S04]
