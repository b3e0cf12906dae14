"""N — notices and rights (告知)."""

from casereview.rules.notices.N01 import N01
from casereview.rules.notices.N02 import N02
from casereview.rules.notices.N03 import N03
from casereview.rules.notices.N04 import N04
from casereview.rules.notices.N05 import N05
from casereview.rules.notices.N06 import N06

RULES = [N01, N02, N03, N04, N05, N06]
