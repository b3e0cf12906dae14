"""P — 公示与全过程记录."""

from casereview.rules.publicity.P01 import P01
from casereview.rules.publicity.P02 import P02

RULES = [P01, P02]
