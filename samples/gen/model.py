"""The case data the documents are rendered from, and the truth is written from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .util import fmt_date, plain_num, rmb_fig, rmb_upper, wan
from .writer import Look


@dataclass
class Officer:
    name: str
    cert: str | None  # 执法证号
    post: str = "执法人员"


@dataclass
class Agency:
    name: str  # 青山县市场监督管理局
    short: str  # 青市监 (root of the document numbers)
    sector: str  # market | ecology | transport | urban | agriculture
    county: str  # 青山县
    address: str
    phone: str
    gov: str  # 复议机关
    court: str  # 管辖法院
    bank: str  # 代收银行
    platform: str  # 公示平台
    head: str  # 机关负责人
    dept: str  # 承办机构
    dept_head: str
    legal_dept: str  # 法制审核机构
    numbers: dict  # document kind -> format with {y} {n}
    look: Look = field(default_factory=Look)
    date_style: str = "cn"  # dates in running text and forms
    close_style: str = "numeral"  # dates in the 落款 of decisions/notices
    amount_style: str = "words_fig"
    seal_mode: str = "inline"
    region: str = "361100"
    me: str = "本局"  # how the agency calls itself in its documents
    account: str = ""  # 户名/开户行/账号 of the fines account (payment by transfer)
    pay_platform: str = ""  # the non-tax e-payment platform (payment by 缴款码)
    post: str = "执法人员"  # what its officers are called (卫生监督员, 执法人员)

    def number(self, kind: str, serial: int, year: int = 2024) -> str | None:
        f = self.numbers.get(kind)
        return f.format(y=year, n=serial, s=self.short) if f else None

    def d(self, x: dt.date) -> str:
        return fmt_date(x, self.date_style)

    def dc(self, x: dt.date) -> str:
        return fmt_date(x, self.close_style)


@dataclass
class Party:
    kind: str  # org | person | ib (个体工商户)
    name: str  # company / 字号 / person name
    id: str  # credit code (org, ib) or citizen ID (person)
    address: str
    phone: str
    rep: str | None = None  # 法定代表人 / 经营者
    rep_id: str | None = None
    rep_title: str = "法定代表人"
    gender: str = "男"
    birth: dt.date | None = None
    nation: str = "汉"
    company_type: str = "有限责任公司（自然人投资或控股）"
    scope: str = ""
    established: dt.date | None = None
    capital: str = ""

    @property
    def is_org(self) -> bool:
        return self.kind == "org"

    @property
    def kind_truth(self) -> str:
        return (
            "person" if self.kind == "person" else "organization"
        )  # a 个体工商户's shop is an organization's name

    @property
    def you(self) -> str:
        return "你单位" if self.kind == "org" else "你"


@dataclass
class Person:
    """Someone interviewed: the party, its legal representative, an employee, a witness."""

    name: str
    gender: str
    id: str
    job: str
    phone: str
    address: str
    relation: str = "当事人"


@dataclass
class Penalty:
    warning: bool = False
    fine: float | None = None
    gains: float | None = None  # 没收违法所得 (yuan)
    goods: str | None = None  # 没收非法财物 (description)
    revoke: str | None = None  # 吊销许可证件 (which)
    suspend: str | None = None  # 责令停产停业 (scope)

    def types(self) -> list[str]:
        t = []
        if self.warning:
            t.append("警告")
        if self.fine:
            t.append("罚款")
        if self.gains:
            t.append("没收违法所得")
        if self.goods:
            t.append("没收非法财物")
        if self.revoke:
            t.append("吊销许可证件")
        if self.suspend:
            t.append("责令停产停业")
        return t


@dataclass
class Doc:
    type: str
    title: str  # as printed, no spaces
    date: dt.date | None
    render: str  # renderer key
    number: str | None = None  # 文号 printed on it
    fields: dict = field(default_factory=dict)  # truth fields
    data: dict = field(default_factory=dict)  # what the renderer needs beyond the case
    style: dict = field(default_factory=dict)  # layout variant
    filename: str | None = None  # for folder cases (without extension)
    ext: str = "docx"  # docx | pdf | txt | jpg (folder/mixed cases)
    index_title: str | None = None  # as listed in the 卷内目录
    responsible: str | None = None  # 责任者 in the 卷内目录
    listed: bool = True  # listed in the 卷内目录
    pages: list | None = None
    source: str | None = None

    def truth(self) -> dict:
        return {
            "type": self.type,
            "title": self.title,
            "source": self.source,
            "pages": self.pages,
            "date": self.date.isoformat() if self.date else None,
            "case_number": self.number,
            "fields": self.fields,
        }


class Money:
    """Formats sums in the agency's style and remembers what a document stated (for C03)."""

    def __init__(self, doc: Doc, default_style: str):
        self.doc = doc
        self.default = default_style

    def __call__(self, amount: float, style: str | None = None, figure: float | None = None) -> str:
        st = style or self.doc.style.get("amount") or self.default
        fig = amount if figure is None else figure
        words, figs = None, None
        if st == "words_fig":  # 人民币伍万元整（¥50,000.00）
            s = f"人民币{rmb_upper(amount)}（{rmb_fig(fig)}）"
            words, figs = amount, fig
        elif st == "words":  # 伍万元整
            s = rmb_upper(amount)
            words = amount
        elif st == "rmb_words":  # 人民币贰仟元整
            s = f"人民币{rmb_upper(amount)}"
            words = amount
        elif st == "fig":  # 50000元
            s = f"{plain_num(fig)}元"
            figs = fig
        elif st == "fig_words":  # 50000元（大写：伍万元整）
            s = f"{plain_num(fig)}元（大写：{rmb_upper(amount)}）"
            words, figs = amount, fig
        elif st == "wan":  # 5万元
            s = f"{wan(fig)}元"
            figs = fig
        elif st == "yen":  # ¥50,000.00
            s = rmb_fig(fig)
            figs = fig
        elif st == "yen_words":  # ¥1,234.50（壹仟贰佰叁拾肆元伍角）
            s = f"{rmb_fig(fig)}（{rmb_upper(amount)}）"
            words, figs = amount, fig
        elif st == "wan2":  # 2万元, but 856.40元 for a sum that is no round thousand
            s = f"{wan(fig)}元" if fig % 1000 == 0 else f"{fig:.2f}元"
            figs = fig
        else:
            raise ValueError(st)
        if words is not None and figs is not None:
            self.doc.fields.setdefault("amounts_words", []).append(words)
            self.doc.fields.setdefault("amounts_figures", []).append(figs)
        return s


@dataclass
class Story:
    """What happened: facts and citations of one case."""

    cause: str  # 案由, e.g. 销售超过保质期食品
    source: str  # 日常检查 | 投诉 | 举报 | 上级交办 | 部门移送
    source_text: str  # how the lead came in
    place: str  # where the inspection happened
    violation_date: dt.date  # (end of the) violation
    facts: str  # 经查 ... (no leading 经查)
    findings: str  # what the inspection found
    evidence: list[str]  # evidence list of the decision
    violated: str  # 《…》第X条 (the violated provision)
    basis: list[str]  # penalty basis provisions
    reasoning: str = ""  # discretion
    mitigation_cite: str | None = None  # e.g. 《中华人民共和国行政处罚法》第三十二条第（一）项
    correction: str = ""  # 责令改正 text
    qa: list = field(default_factory=list)  # per inquiry: list of (q, a)
    goods_list: list = field(default_factory=list)  # rows for 物品清单
    photo_kind: str = "shelf"
    test_report: dict | None = None


@dataclass
class Case:
    case_id: str
    fmt: str  # docx-folder | pdf-folder | bound-pdf | bound-docx | zip | mixed
    agency: Agency
    party: Party
    officers: list  # the investigating officers (Officer)
    story: Story
    penalty: Penalty
    serial: int
    filing_date: dt.date
    decision_date: dt.date
    docs: list = field(default_factory=list)
    intended: list = field(default_factory=list)  # the codes this case is meant to break
    notes: str = ""
    time_style: str = "cn"
    major: bool = False
    zip_root: str = ""  # folder inside the zip
    bound_name: str = ""  # file name of a bound case
    page_labels: dict = field(default_factory=dict)  # id(doc) -> "3-4" for the 卷内目录
    page_total: int = 0
    extra: dict = field(default_factory=dict)

    @property
    def case_number(self) -> str:
        return self.agency.number("decision", self.serial)
