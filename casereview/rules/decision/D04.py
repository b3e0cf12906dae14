"""D04 — the legal basis is cited to the article."""

from __future__ import annotations

import re

from casereview.model import Outcome
from casereview.rules.base import Basis, Context, Rule, doc_label, loc_of

# Names in 书名号 that are laws, regulations or rules (not licences, standards or documents).
LAW_NAME = re.compile(r"(?:法|条例|规定|办法|细则|规则|决定|解释)$")


class D04(Rule):
    """处罚决定书引用法律未具体到条款

    检查内容：决定书引用的法律、法规、规章应当写明具体条、款、项，不得只写“依据《××法》的有关规定”
    或“违反了《××法》的规定”。仅为定义简称而出现的法名（“（以下简称《食品安全法》）”）不计。
    依据：《中华人民共和国行政处罚法》第五十九条第一款第（三）项。
    不合格示例：“依据《中华人民共和国食品安全法》的有关规定，决定对你单位罚款伍仟元。”
    合格示例：“依据《中华人民共和国食品安全法》第一百二十四条第一款第（五）项的规定……”。
    不适用情形：案卷中没有行政处罚决定书；决定书未引用任何法律（由 D03 判定）。
    条款写法不规范、无法确认（“《食品安全法》一百二十四条”）时交人工核查。
    """

    code = "D04"
    name = "citation-without-article"
    title = "法律依据引用到条款"
    category = "D"
    legal_basis = (Basis("中华人民共和国行政处罚法", "第五十九条第一款第（三）项"),)

    def applies(self, ctx: Context) -> str | None:
        if ctx.decision is None:
            return "案卷中没有行政处罚决定书"
        if not self._laws(ctx):
            return "决定书未引用法律、法规或规章（见 D03）"
        return None

    @staticmethod
    def _laws(ctx: Context) -> list:
        return [
            c
            for c in ctx.decision.fields.get("citations", [])
            if LAW_NAME.search(c.value["law"]) and not c.value.get("alias")
        ]

    def check(self, ctx: Context) -> Outcome:
        decision = ctx.decision
        cites = self._laws(ctx)
        loose = [c for c in cites if not c.value.get("articles") and c.value.get("loose_article")]
        bad = [c for c in cites if c.value.get("vague") or not c.value.get("articles") and c not in loose]
        if bad:
            quoted = "；".join(dict.fromkeys(c.loc.quote or c.value["text"] for c in bad))
            laws = "、".join(dict.fromkeys(f"《{c.value['law']}》" for c in bad))
            return self.failed(
                f"{doc_label(decision)}引用{laws}未写明具体条款：{quoted}", [loc_of(decision, c) for c in bad]
            )
        if loose:
            c = loose[0]
            return self.manual(
                f"{doc_label(decision)}引用《{c.value['law']}》后的条款写作“{c.value['loose_article']}”，"
                "写法不规范、未能确认具体条款，请人工核对",
                [loc_of(decision, c) for c in loose],
            )
        return self.passed(evidence=[loc_of(decision, c) for c in cites[:3]])
