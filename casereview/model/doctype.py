"""The document types of a case file, as an enum: a misspelt type fails at once instead of matching nothing.

The members are exactly the types of ``casereview/data/doctypes.json`` (the title lexicon, with each
type's Chinese name) and of ``schemas/case.schema.json``; ``tests/text/test_doctypes.py`` keeps the
three equal. A ``StrEnum``: a member is its string (``DocType.PENALTY_DECISION == "penalty_decision"``),
so JSON output and comparisons with strings read from JSON are unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class DocType(StrEnum):
    """One document type (the lexicon's order: specific before general)."""

    COVER = "cover"  # 卷宗封面
    INDEX = "index"  # 卷内目录
    ARCHIVE_NOTE = "archive_note"  # 卷内备考表
    CASE_SOURCE = "case_source"  # 案件来源登记
    EXTENSION_APPROVAL = "extension_approval"  # 延期审批
    FILING_APPROVAL = "filing_approval"  # 立案审批
    INSPECTION_RECORD = "inspection_record"  # 现场检查/勘验笔录
    INQUIRY_RECORD = "inquiry_record"  # 询问/调查笔录
    IDENTITY_PROOF = "identity_proof"  # 当事人身份证明
    EVIDENCE_PRESERVATION = "evidence_preservation"  # 先行登记保存
    SEIZURE = "seizure"  # 查封扣押
    LEGAL_REVIEW = "legal_review"  # 法制审核
    COLLECTIVE_DISCUSSION = "collective_discussion"  # 集体讨论
    HEARING_RECORD = "hearing_record"  # 听证笔录
    HEARING_NOTICE = "hearing_notice"  # 听证通知
    STATEMENT_RECORD = "statement_record"  # 陈述申辩
    ADVANCE_NOTICE = "advance_notice"  # 事先告知
    PENALTY_DECISION = "penalty_decision"  # 处罚决定
    SERVICE_RECEIPT = "service_receipt"  # 送达回证
    PAYMENT_PROOF = "payment_proof"  # 执行/缴款
    PUBLICITY_RECORD = "publicity_record"  # 公示记录
    AV_RECORD = "av_record"  # 音像记录
    CLOSURE_REPORT = "closure_report"  # 结案
    INVESTIGATION_REPORT = "investigation_report"  # 调查终结报告
    OTHER_EVIDENCE = "other_evidence"  # 其他证据
    UNKNOWN = "unknown"  # 其他文书


class UnknownDocType(ValueError):
    """A document type that is not a ``DocType``: a programming error (a misspelt type), never a case's fault."""


def doc_type(value: str) -> DocType:
    """``value`` as a ``DocType``; ``UnknownDocType`` naming it and the nearest type when it is none."""
    try:
        return DocType(value)
    except ValueError:
        import difflib

        near = difflib.get_close_matches(str(value), list(DocType), n=1)
        hint = f"; did you mean {near[0]!r}?" if near else ""
        raise UnknownDocType(f"unknown document type {value!r}{hint}") from None


def doc_types(values: Iterable[str]) -> frozenset[DocType]:
    """Each of ``values`` as a ``DocType`` (``UnknownDocType`` for the first that is none)."""
    return frozenset(doc_type(v) for v in values)
