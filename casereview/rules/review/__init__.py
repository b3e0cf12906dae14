"""L — 法制审核与集体讨论."""

from casereview.rules.review.L01 import L01
from casereview.rules.review.L02 import L02
from casereview.rules.review.L03 import L03
from casereview.rules.review.L04 import L04
from casereview.rules.review.L05 import L05

RULES = [L01, L02, L03, L04, L05]
