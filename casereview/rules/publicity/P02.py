"""P02 — an audio-video record of the contested steps (三项制度: 全过程记录)."""

from __future__ import annotations

import re

from casereview.model import DocType, Location, Outcome
from casereview.rules.base import (
    SISHUI_MEASURES,
    WEIXI_THREE_SYSTEMS,
    Context,
    Rule,
    doc_label,
    loc_of,
    step_notes,
)


def contested_steps(ctx: Context) -> list[tuple[str, Location]]:
    """The steps that must be recorded on audio/video, each with where the file shows it."""
    steps: list[tuple[str, Location]] = []
    for doc in ctx.docs(DocType.SEIZURE):
        steps.append((f"查封、扣押（{doc_label(doc)}）", loc_of(doc)))
    for doc in ctx.docs(DocType.SERVICE_RECEIPT):
        lien = doc.service.lien_shown
        if lien is not None:
            steps.append((f"留置送达（{doc_label(doc)}）", loc_of(doc, lien)))
    for doc in ctx.docs(DocType.HEARING_RECORD):
        steps.append((f"听证（{doc_label(doc)}）", loc_of(doc)))
    for doc in ctx.docs(DocType.PAYMENT_PROOF):
        if re.search(r"强制执行", doc.title or ""):
            steps.append((f"申请强制执行（{doc_label(doc)}）", loc_of(doc)))
    return steps


class P02(Rule):
    """查封扣押、留置送达、听证或强制执行无音像记录

    检查内容：查封扣押、留置送达、听证、强制执行等容易引发争议的执法环节应进行音像记录（全过程记录），
    案卷中应有执法音像记录登记表、全过程记录说明等音像记录文书。
    依据：泗水县人民政府办公室《关于深入推进依法行政工作的若干措施》第五项（执法全过程记录制度）；
    维西傈僳族自治县农业农村局《维西县全面推行行政执法公示制度执法全过程记录制度重大行政执法决定法制审核制度的实施方案》第二部分（二）（全面推行执法全过程记录制度）。
    不合格示例：送达回证记载“当事人拒绝签收，已留置送达”，案卷中没有任何音像记录文书；
    案卷有实施行政强制措施决定书（扣押），但没有执法记录仪视频登记。
    合格示例：案卷有听证笔录，并附《执法音像记录登记表》载明听证全程录像。
    不适用情形：案卷中没有查封扣押、留置送达、听证和强制执行的记载。
    """

    code = "P02"
    name = "contested-step-unrecorded"
    title = "争议环节有音像记录"
    category = "P"
    legal_basis = (SISHUI_MEASURES.at("第五项"), WEIXI_THREE_SYSTEMS.at("第二部分（二）"))

    def applies(self, ctx: Context) -> str | None:
        if not contested_steps(ctx):
            return "案卷中没有查封扣押、留置送达、听证或强制执行的记载"
        return None

    def check(self, ctx: Context) -> Outcome:
        steps = contested_steps(ctx)
        records = ctx.docs(DocType.AV_RECORD)
        if records:
            return self.passed(evidence=[loc_of(r) for r in records] + [loc for _, loc in steps])
        mentioned = [
            d for d in ctx.case.documents if (n := step_notes(d)) is not None and n.recording is not None
        ]
        note = "（文书中提及录音录像，但案卷未附音像记录）" if mentioned else ""
        return ctx.absent(
            self,
            f"案卷有{'、'.join(s for s, _ in steps)}，但未见执法音像记录（全过程记录）文书{note}",
            [loc for _, loc in steps],
        )
