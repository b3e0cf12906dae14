"""Evidence and proofs (other_evidence, identity_proof, evidence_preservation, payment_proof): their kind, the
sum paid."""

from __future__ import annotations

import re

from casereview.extract.amounts import find_amounts
from casereview.extract.fields.common import Reader
from casereview.model import Value


def read_payment(r: Reader) -> None:
    """payment_proof: the sum paid and when."""
    amounts = find_amounts(r.text)
    r.fields["paid_yuan"] = r.value(amounts[0].yuan, amounts[0].start, amounts[0].end) if amounts else None


_EVIDENCE_KINDS = (
    ("photo", r"照片|图片|影像"),
    ("test_report", r"检验|检测|鉴定|监测|认定"),
    ("sampling", r"抽样"),
    ("extraction", r"提取|电子数据"),
    ("records", r"记录|台账|凭证|单据|清单"),
    ("statement", r"说明|证明"),
)
_IDENTITY_KINDS = (
    ("licence", r"营业执照|许可证"),
    ("id_card", r"身份证|居民身份"),
    ("representative", r"法定代表人|授权委托"),
    ("other", r"."),
)


def _kind_from_title(r: Reader, table) -> None:
    for kind, rx in table:
        if re.search(rx, r.doc.title or r.text[:60]):
            r.fields["kind"] = Value(kind, r.doc.first_loc.with_quote(r.doc.title))
            return


def read_other_evidence(r: Reader) -> None:
    _kind_from_title(r, _EVIDENCE_KINDS)


def read_identity(r: Reader) -> None:
    _kind_from_title(r, _IDENTITY_KINDS)


def read_preservation(r: Reader) -> None:
    title = r.doc.title
    kind = "handling" if re.search(r"处理|解除", title) else "notice"
    r.fields["kind"] = Value(kind, r.doc.first_loc.with_quote(title))
