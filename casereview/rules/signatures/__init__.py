"""G — 签名与印章."""

from casereview.rules.signatures.G01 import G01
from casereview.rules.signatures.G02 import G02
from casereview.rules.signatures.G03 import G03
from casereview.rules.signatures.G04 import G04
from casereview.rules.signatures.G05 import G05

RULES = [G01, G02, G03, G04, G05]
