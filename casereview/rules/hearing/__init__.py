"""H — hearing (听证)."""

from casereview.rules.hearing.H01 import H01
from casereview.rules.hearing.H02 import H02
from casereview.rules.hearing.H03 import H03

RULES = [H01, H02, H03]
