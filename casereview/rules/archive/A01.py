"""A01 — the file has a cover and an index."""

from __future__ import annotations

from casereview.model import DocType, Outcome
from casereview.rules.base import Basis, Context, Rule, loc_of


class A01(Rule):
    """案卷缺少卷宗封面或卷内目录

    检查内容：案卷应有卷宗封面（案卷封面）和卷内文件目录。
    依据：国家市场监督管理总局《市场监督管理行政处罚文书格式范本（2021年修订版）》（国市监法发〔2021〕42号）所列“卷宗封面”“卷内文件目录”；
    国家测绘地理信息局《测绘地理信息行政处罚案卷评查标准》案卷卷面标准（统一卷宗封面，卷内目录）。
    不合格示例：案卷只有各份执法文书，没有封面；有封面但没有卷内目录。
    合格示例：案卷首页为“行政处罚案卷”封面，其后为“卷内目录”。
    不适用情形：无，每一份案卷都应有封面和目录。
    """

    code = "A01"
    name = "cover-or-index-missing"
    title = "案卷有封面和卷内目录"
    category = "A"
    legal_basis = (
        Basis(
            "市场监督管理行政处罚文书格式范本（2021年修订版）",
            "（国市监法发〔2021〕42号）卷宗封面、卷内文件目录",
        ),
        Basis("测绘地理信息行政处罚案卷评查标准", "案卷卷面标准（统一卷宗封面，卷内目录）"),
    )

    def check(self, ctx: Context) -> Outcome:
        missing = [
            zh for t, zh in ((DocType.COVER, "卷宗封面"), (DocType.INDEX, "卷内目录")) if not ctx.has(t)
        ]
        present = [loc_of(d) for d in ctx.docs(DocType.COVER, DocType.INDEX)]
        if missing:
            where = [loc_of(ctx.case.documents[0])] if ctx.case.documents else []
            return ctx.absent(self, f"案卷中未见{'和'.join(missing)}", present or where)
        return self.passed(evidence=present)
