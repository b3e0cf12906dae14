"""Eight more sample cases (issue 9, part 3: variety in our own samples).

New agencies in three new sectors (应急管理, 卫生健康, 文化旅游) and five new house styles of the
sectors we had, drawn from each sector's national document templates. They vary, each on its
own, where the officers stand on a record, the certificate number forms, forms versus prose,
the advance-notice titles, how service is proved, date and amount forms, how to pay, the
卷内目录, and where signatures sit (see render_more.py). As in cases.py, `intended` lists the
codes a case breaks and the oracle re-decides them from the truth.
"""

from __future__ import annotations

from . import agencies as A
from .cases import cc, name_files, pid
from .flow import Flow, ap
from .model import Case, Doc, Officer, Party, Penalty, Person, Story
from .util import D, T
from .writer import Sig


def styled(doc: Doc, render: str | None = None, **style) -> Doc:
    """Pick a renderer variant and its style options for a document built by Flow."""
    if render:
        doc.render = render
    if "index_title" in style:  # how the 卷内目录 lists it
        doc.index_title = style.pop("index_title")
    doc.style.update(style)
    return doc


def photos(f: Flow, *args, **kw) -> Doc:
    """现场照片, drawn with seeded noise (render_more.r_photo_v)."""
    return styled(f.photos(*args, **kw), "photo_v")


TEXTS = {
    "filing": ("建议立案调查。", "同意立案，由{names}承办。", "同意立案。"),
    "report": (
        "案件事实清楚，证据确凿，建议按上述意见处理。",
        "同意承办人意见。",
        "同意，按程序告知当事人。",
    ),
    "closure": ("当事人已履行处罚决定，建议结案。", "同意结案。", "同意结案。"),
}


def approvals(c: Case, form: str, d1, d2, d3, kind="text", texts=None) -> list[dict]:
    """承办人 / 承办机构 / 负责人 rows; on one-line forms they sign as 承办人：… 审核人：… 审批人：…"""
    ag = c.agency
    names = [o.name for o in c.officers]
    t1, t2, t3 = texts or TEXTS[form]
    return [
        ap("承办人意见", "承办人", t1, names, d1, kind, sign_as="承办人"),
        ap(
            "承办机构意见",
            "承办机构",
            t2.format(names="、".join(names)),
            [ag.dept_head],
            d2,
            kind,
            sign_as="审核人",
        ),
        ap("负责人审批意见", "负责人", t3, [ag.head], d3, kind, sign_as="审批人"),
    ]


# ==========================================================================
# 18 鹤岭县应急管理局 — new workers not trained in safety — bound PDF — clean


def case_hl_yingji_018() -> Case:
    ag = A.emergency_hl()
    party = Party(
        kind="org",
        name="鹤岭县嘉木家具制造有限公司",
        id=cc("91", "371591", "jiamu"),
        address="鹤岭县经济开发区嘉陵路19号",
        phone="136****5521",
        rep="冯家栋",
        rep_id=pid("371591", "1976-10-14", 233),
        scope="家具制造、销售",
        established=D("2013-06-20"),
        capital="600万元人民币",
    )
    officers = [Officer("孟凡军", "应急执字第0021号"), Officer("葛晓宁", "应急执字第0034号")]
    story = Story(
        cause="未按照规定对从业人员进行安全生产教育和培训",
        source="日常检查",
        source_text=(
            "2024年3月5日，本局执法人员按照年度监督检查计划对当事人进行安全生产执法检查，"
            "发现当事人新招录的从业人员未经安全生产教育和培训即上岗作业。"
        ),
        place="鹤岭县经济开发区嘉陵路19号当事人生产车间",
        violation_date=D("2024-03-05"),
        findings=(
            "当事人主要从事实木家具生产，现有从业人员46人，设有开料、打磨、喷涂三个车间。执法人员随机询问打磨车间当班作业人员3名，"
            "均为2024年2月新入职员工，均表示未参加过岗前安全生产教育和培训，不清楚木粉尘的危险性及岗位安全操作规程。"
            "当事人不能提供2024年1月以来新招录的12名从业人员的岗前安全生产教育和培训记录及考核记录。执法人员对检查情况进行了拍照。"
        ),
        facts=(
            "当事人于2024年1月至3月期间新招录从业人员12名，未按照规定对上述人员进行岗前安全生产教育和培训，"
            "即安排其在开料、打磨车间上岗作业，至2024年3月5日检查时仍未组织培训。"
        ),
        evidence=[
            "营业执照复印件，证明当事人的主体资格；",
            "现场检查记录及现场照片，证明当事人新招录从业人员未经安全生产教育和培训即上岗作业的事实；",
            "对当事人法定代表人冯家栋的询问笔录，证明当事人未组织岗前安全生产教育和培训的情况；",
            "当事人提供的员工花名册、劳动合同，证明12名从业人员的入职时间；",
            "当事人提交的陈述申辩书。",
        ],
        violated="《中华人民共和国安全生产法》第二十八条第一款",
        basis=["《中华人民共和国安全生产法》第九十七条第（三）项"],
        reasoning="鉴于当事人在检查后立即组织新入职员工补训并经考核合格，按照本局安全生产行政处罚自由裁量基准，",
        correction="",
        photo_kind="site",
    )
    pen = Penalty(fine=13000)
    c = Case(
        "hl-yingji-2024-018",
        "bound-pdf",
        ag,
        party,
        officers,
        story,
        pen,
        18,
        filing_date=D("2024-03-06"),
        decision_date=D("2024-04-02"),
        time_style="spaced",
    )
    c.extra["bound_footer"] = "right"
    f = Flow(c, party_sig="image", officer_sig="text")
    rep = Person(
        "冯家栋",
        "男",
        party.rep_id,
        "鹤岭县嘉木家具制造有限公司法定代表人",
        "136****5521",
        "鹤岭县鹤城街道幸福里小区5号楼2单元301室",
        "当事人法定代表人",
    )
    f.cover(closure=D("2024-04-19"))
    styled(
        f.index(title="卷内文件目录"),
        "index_v",
        columns=["序号", "责任者", "题名", "日期", "页号", "备注"],
        date_style="cn",
    )
    styled(
        f.inspection(T("2024-03-05T09:30"), T("2024-03-05T11:10"), title="现场检查记录", present="冯家栋"),
        "record_v",
        officer_mode="header_row",
        label="检查人员",
    )
    styled(
        photos(
            f,
            D("2024-03-05"),
            [
                dict(
                    kind="site",
                    stamp="2024-03-05 09:52",
                    time="2024 年 3 月 5 日 9 时 52 分",
                    place="当事人打磨车间",
                    by="葛晓宁",
                    proves="新入职员工在打磨岗位作业",
                )
            ],
        ),
        index_remark="照片1张",
    )
    styled(
        f.filing(approvals(c, "filing", D("2024-03-06"), D("2024-03-06"), D("2024-03-06"))),
        approval_mode="line",
    )
    styled(
        f.inquiry(
            rep,
            T("2024-03-08T09:00"),
            T("2024-03-08T10:05"),
            topic="你公司从业人员安全生产教育和培训情况",
            place="鹤岭县应急管理局询问室",
            qa=[
                (
                    "请介绍一下你公司的基本情况。",
                    "我公司2013年成立，做实木家具，现在有46个工人，我是法定代表人。",
                ),
                ("你公司今年新招了多少工人？", "1月到3月一共招了12个，都在开料和打磨车间。"),
                (
                    "新招的工人上岗前是否进行了安全生产教育和培训？",
                    "没有，年后订单多，人一到就直接上岗了，想着以后再集中培训。",
                ),
                ("你公司是否有安全生产教育和培训记录？", "老员工去年培训过有记录，新来的这12个没有。"),
                (
                    "检查后你公司是否已经整改？",
                    "3月7日、8日已经请县安全生产协会的老师给新员工补训了，考试也都合格了。",
                ),
            ],
        ),
        "record_v",
        officer_mode="rows_recorder",
        label="询问人",
    )
    styled(f.identity(D("2024-03-08"), certifier="葛晓宁", party_sig=f.S("冯家栋")), index_remark="复印件")
    styled(
        f.investigation(
            approvals(c, "report", D("2024-03-20"), D("2024-03-21"), D("2024-03-22")),
            title="案件处理呈批表",
            variant="table",
        ),
        approval_mode="line",
    )
    n = styled(
        f.notice(D("2024-03-25"), title="行政处罚告知书", deadline="五日", contact="孟凡军、葛晓宁"),
        "notice_v",
        form="prose",
    )
    f.receipt([n], T("2024-03-26T10:00"), place="鹤岭县经济开发区嘉陵路19号当事人办公室")
    f.statement(
        D("2024-03-28"),
        "written",
        "陈述申辩书",
        text=(
            "我公司对贵局认定的违法事实没有异议。检查后我公司已于3月7日、8日组织12名新员工进行了岗前安全生产教育和培训，"
            "经考核全部合格，并建立了培训档案。我公司系初次违法，恳请从轻处罚。"
        ),
    )
    dec = f.decision(
        D("2024-04-02"),
        family="generic",
        payment="account",
        history=(
            "2024年3月5日，本局执法人员在对当事人进行安全生产执法检查时，发现当事人涉嫌未按照规定对从业人员进行安全生产"
            "教育和培训，经本局负责人批准，于2024年3月6日立案调查。本局于2024年3月26日向当事人送达了《行政处罚告知书》，"
            "当事人于2024年3月28日提交了书面陈述申辩意见。"
        ),
        statement_text=(
            "当事人陈述其已组织补训并经考核合格，系初次违法，请求从轻处罚。经复核，当事人所述整改情况属实，"
            "本局已在裁量时予以考虑。"
        ),
    )
    f.receipt([dec], T("2024-04-03T09:40"), place="鹤岭县经济开发区嘉陵路19号当事人办公室")
    styled(f.payment(D("2024-04-12"), title="网上银行电子回单"), "bank_slip")
    c.docs[-1].data.update(
        no="2024041215320887",
        serial="HL20240412153208",
        payer_bank="中国农业银行股份有限公司鹤岭支行",
        payer_account="37160102090012648",
        payee="鹤岭县财政局非税收入汇缴结算户",
        payee_account="1612026509200038416",
        payee_bank=ag.bank,
    )
    f.publicity(D("2024-04-08"), by="葛晓宁", checker="祁海龙")
    styled(
        f.closure(
            approvals(c, "closure", D("2024-04-17"), D("2024-04-18"), D("2024-04-19")),
            execution="当事人已于2024年4月12日通过银行转账缴纳罚款人民币1.3万元。",
        ),
        approval_mode="line",
    )
    f.archive_note(D("2024-04-23"), filer="葛晓宁", checker="祁海龙")
    c.intended = []
    c.notes = (
        "Clean (应急管理). Traps: the inspection record is titled 现场检查记录 and names its officers in a header row "
        "(检查人员 / 孟凡军 / 执法证号 / 应急执字第0021号, 葛晓宁 in the row below under the merged label); the inquiry has one "
        "询问人 row and a separate 记录人 row — the recorder is the second officer (S01 passes only if 记录人 counts). "
        "Certificate numbers are 应急执字第0021号 / 应急执字第0034号. Dates in forms are spaced (2024 年 3 月 5 日), the "
        "closings in numerals; amounts as 1.3万元 only. Approvals are signed on one line (承办人：孟凡军 葛晓宁  2024 年 3 月 6 日). "
        "Payment by transfer to the fines account (户名/开户行/账号), proved by a 网上银行电子回单. The 卷内文件目录 has no 文号 "
        "column, page ranges (2-3) and a 备注 column."
    )
    return c


# ==========================================================================
# 19 柘原县卫生健康委员会 — towels and slippers not disinfected — docx folder — S01, N06


def case_zy_weijian_009() -> Case:
    ag = A.health_zy()
    party = Party(
        kind="ib",
        name="柘原县悦足足浴店",
        id=cc("92", "411692", "yuezu"),
        address="柘原县城关镇人民西路116号",
        phone="155****8043",
        rep="程美娟",
        rep_id=pid("411692", "1985-07-22", 418, male=False),
        rep_title="经营者",
        gender="女",
        scope="足浴服务",
        established=D("2020-08-03"),
    )
    officers = [Officer("谷晓燕", "豫卫执141207"), Officer("樊志强", "豫卫执141219")]
    story = Story(
        cause="未按照规定对顾客用品用具进行清洗、消毒、保洁",
        source="日常检查",
        source_text=(
            "2024年5月14日，本委卫生监督员在“双随机”监督检查中发现当事人未对顾客用品用具进行清洗消毒，当场出具《卫生监督意见书》"
            "责令其于2024年5月17日前改正；2024年5月20日复查时发现当事人仍未改正。"
        ),
        place="柘原县城关镇人民西路116号当事人经营场所",
        violation_date=D("2024-05-20"),
        findings=(
            "当事人持有公共场所卫生许可证，经营面积约150平方米，设足浴房6间。复查时，足浴房内供顾客使用的毛巾、浴巾、拖鞋使用后"
            "未经清洗消毒即放回备用柜重复使用，消毒间内的消毒柜未通电，当事人不能提供2024年5月以来的顾客用品用具清洗消毒记录。"
            "卫生监督员对现场进行了拍照。"
        ),
        facts=(
            "当事人在经营过程中，未按照规定对供顾客使用的毛巾、浴巾、拖鞋等用品用具进行清洗、消毒、保洁，"
            "经本委卫生监督员于2024年5月14日责令限期改正后，至2024年5月20日复查时仍未改正。"
        ),
        evidence=[
            "营业执照、公共场所卫生许可证复印件，证明当事人的主体资格；",
            "卫生监督意见书，证明本委已责令当事人限期改正；",
            "2024年5月20日现场笔录及现场照片，证明当事人逾期未改正的事实；",
            "对当事人经营者程美娟的询问笔录，证明当事人未对顾客用品用具进行清洗消毒的情况。",
        ],
        violated="《公共场所卫生管理条例实施细则》第十四条第一款",
        basis=["《公共场所卫生管理条例实施细则》第三十六条第（二）项"],
        reasoning="鉴于当事人系初次违法，复查后已积极整改，",
        correction="同时，责令当事人立即改正上述违法行为。",
        photo_kind="shelf",
    )
    pen = Penalty(warning=True, fine=2000)
    c = Case(
        "zy-weijian-2024-009",
        "docx-folder",
        ag,
        party,
        officers,
        story,
        pen,
        9,
        filing_date=D("2024-05-21"),
        decision_date=D("2024-06-13"),
        time_style="iso",
    )
    f = Flow(c, party_sig="image", officer_sig="text")
    me = Person(
        "程美娟",
        "女",
        party.rep_id,
        "柘原县悦足足浴店经营者",
        "155****8043",
        "柘原县城关镇人民西路118号",
        "当事人经营者",
    )
    f.cover(closure=D("2024-06-27"))
    styled(
        f.index(),
        "index_v",
        columns=["序号", "文号", "题名", "日期", "页号", "备注"],
        heads={"页号": "页码"},
        date_style="iso",
    )
    f.case_source(
        T("2024-05-20T11:30"),
        title="案件受理记录",
        proposal="当事人逾期未改正，建议立案查处。",
        head="同意立案。",
    )
    styled(
        f.inspection(
            T("2024-05-20T10:00"),
            T("2024-05-20T10:40"),
            title="现场笔录",
            officers=[officers[0]],
            present="程美娟",
        ),
        "record_v",
        officer_mode="opening",
        layout="para",
        label="卫生监督员",
        party_sig_cell=True,
        index_title="现场笔录",
    )
    styled(
        photos(
            f,
            D("2024-05-20"),
            [
                dict(
                    kind="shelf",
                    stamp="2024-05-20 10:16",
                    time="2024-05-20 10:16",
                    place="当事人足浴房备用柜",
                    by="谷晓燕",
                    proves="使用后未经消毒的毛巾、拖鞋",
                )
            ],
        ),
        index_remark="照片1张",
    )
    styled(
        f.filing(approvals(c, "filing", D("2024-05-21"), D("2024-05-21"), D("2024-05-21")), title="立案报告"),
        approval_mode="line",
    )
    styled(f.identity(D("2024-05-23"), certifier="樊志强", party_sig=f.S("程美娟")), index_remark="复印件")
    styled(
        f.inquiry(
            me,
            T("2024-05-23T09:30"),
            T("2024-05-23T10:10"),
            topic="你店顾客用品用具清洗消毒情况",
            place="柘原县卫生健康综合监督执法所询问室",
            qa=[
                (
                    "你店毛巾、浴巾、拖鞋用完后是怎么处理的？",
                    "平时是收起来洗了再消毒，这段时间洗衣机坏了，就没顾上洗，直接放回柜子里了。",
                ),
                (
                    "5月14日卫生监督员要求你店在5月17日前改正，你店是否改正？",
                    "还没来得及，消毒柜也坏了，一直没修。",
                ),
                ("你店是否有清洗消毒记录？", "5月份以来没记。"),
                ("现在是否已经整改？", "5月21日已经买了新的洗衣机和消毒柜，毛巾拖鞋都重新洗过消毒了。"),
            ],
        ),
        "record_v",
        officer_mode="sigline",
        label="卫生监督员",
        party_sig_cell=True,
        index_title="询问笔录（程美娟）",
    )
    styled(
        f.investigation(approvals(c, "report", D("2024-05-29"), D("2024-05-30"), D("2024-05-31"))),
        index_title="调查终结报告",
    )
    styled(
        f.notice(
            D("2024-06-03"),
            title="行政处罚事先告知书",
            deadline="三日",
            receipt_strip=dict(date=None, date_text="", sig=Sig("blank", "程美娟"), label="受送达人签名"),
        ),
        "notice_v",
        form="table",
        index_title="告知书",
    )
    f.statement(
        D("2024-06-06"),
        "written",
        "陈述申辩书",
        text="本人对贵委认定的事实没有异议。店里已经买了新的洗衣机和消毒柜并按要求消毒、登记，恳请从轻处罚。",
    )
    dec = styled(
        f.decision(
            D("2024-06-13"),
            family="generic",
            payment="outlets",
            history=(
                "2024年5月20日，本委卫生监督员对当事人进行复查时，发现当事人逾期未改正未按规定对顾客用品用具进行"
                "清洗、消毒的违法行为，于2024年5月21日立案调查。本委于2024年6月4日向当事人送达了《行政处罚事先告知书》"
                "（柘卫公罚告〔2024〕9号），当事人于2024年6月6日提交了书面陈述申辩意见。"
            ),
            statement_text="当事人请求从轻处罚。经复核，当事人已积极整改，本委已在裁量时予以考虑。",
        ),
        index_title="处罚决定书",
    )
    styled(
        f.receipt([dec], T("2024-06-14T10:20"), title="送达回执", place="柘原县城关镇人民西路116号"),
        "receipt_v",
        layout="huizhi",
    )
    f.payment(D("2024-06-24"), title="非税收入一般缴款书", header="非税收入一般缴款书", no="4116920024009")
    f.publicity(D("2024-06-19"), by="樊志强", checker="韩玉梅")
    f.closure(
        approvals(c, "closure", D("2024-06-25"), D("2024-06-26"), D("2024-06-27")),
        title="结案报告",
        variant="report",
        execution="当事人已于2024年6月24日缴纳罚款人民币贰仟元整。",
    )
    f.archive_note(D("2024-07-01"), filer="樊志强", checker="韩玉梅")
    name_files(
        c,
        [
            "00封面",
            "01卷内目录",
            "02案件受理记录",
            "03现场笔录",
            "04现场照片",
            "05立案报告",
            "06营业执照复印件",
            "07询问笔录",
            "08调查终结报告",
            "09行政处罚事先告知书",
            "10陈述申辩书",
            "11行政处罚决定书",
            "12送达回执",
            "13缴款书",
            "14公示记录",
            "15结案报告",
            "16备考表",
        ],
    )
    c.intended = ["N06", "S01"]
    c.notes = (
        "S01: the 现场笔录 (prose) names its officers only in the opening statement, and there is only one "
        "(我是柘原县卫生健康委员会卫生监督员谷晓燕，执法证号为豫卫执141207，这是我的执法证件); she alone signs. "
        "N06: the 行政处罚事先告知书 is a table form with a 签收栏 at its foot (受送达人签名 | empty cell | 签收日期 | 年 月 日) "
        "left blank, and no 送达回执 serves it; the decision's narrative (送达 on 2024-06-04) and the party's 陈述申辩书 do not "
        "count. Traps: the inquiry record names the officers only on its signature line (卫生监督员（签名）：谷晓燕（执法证号："
        "豫卫执141207） 樊志强（…）); the party signs records in the cell next to 被询问人签名. Officers are 卫生监督员. "
        "Dates in forms are ISO (2024-05-20); amounts in words only (人民币贰仟元整); payment at the 农村商业银行's outlets. "
        "The 卷内目录 has a 文号 column and lists short titles (告知书, 处罚决定书, 询问笔录（程美娟）). "
        "Titles 案件受理记录 and 立案报告."
    )
    return c


# ==========================================================================
# 20 澄阳县文化广电和旅游局 — minors in an internet café — zip — S02, A04, G04


def case_cy_wenlv_027() -> Case:
    ag = A.culture_cy()
    party = Party(
        kind="org",
        name="澄阳县星际网络科技有限公司",
        id=cc("91", "362494", "xingji"),
        address="澄阳县澄江镇建设中路58号",
        phone="133****7462",
        rep="邵宏伟",
        rep_id=pid("362494", "1990-03-27", 155),
        scope="互联网上网服务；饮料零售",
        established=D("2019-05-16"),
        capital="50万元人民币",
    )
    officers = [Officer("殷志鹏", "WH-3624-0117"), Officer("乔雪梅", "WH-3624-0125")]
    story = Story(
        cause="接纳未成年人进入互联网上网服务营业场所",
        source="举报",
        source_text="2024年7月12日20时许，本局接到12345政务服务便民热线转来的群众举报，反映建设中路“星际网咖”有未成年人上网。",
        place="澄阳县澄江镇建设中路58号二楼当事人经营场所（星际网咖）",
        violation_date=D("2024-07-12"),
        findings=(
            "检查时场所正在营业，共有上网消费者37人。执法人员在大厅B区发现3名上网人员经核实均为未满十八周岁的未成年人，"
            "其中2人使用他人身份证登记上网，1人由收银员以临时卡开机上网。当事人未在入口处查验上网人员身份证件，"
            "未在显著位置悬挂未成年人禁入标志。执法人员调取了当日上网登记记录并对现场进行了拍照。"
        ),
        facts=(
            "2024年7月12日，当事人在其经营的“星际网咖”内接纳3名未成年人进入营业场所上网，未对上网消费者的身份证等有效证件进行核对、登记。"
        ),
        evidence=[
            "营业执照、网络文化经营许可证复印件，证明当事人的主体资格；",
            "现场检查（勘验）笔录及现场照片，证明当事人接纳未成年人上网的事实；",
            "上网登记记录截图，证明未成年人上网登记的情况；",
            "对当事人法定代表人邵宏伟的调查询问笔录，证明当事人对违法事实的确认。",
        ],
        violated="《互联网上网服务营业场所管理条例》第二十一条",
        basis=["《互联网上网服务营业场所管理条例》第三十一条第（二）项"],
        reasoning="鉴于当事人系初次违法，能够积极配合调查并立即整改，",
        correction="同时，责令当事人立即改正违法行为。",
        photo_kind="shelf",
    )
    pen = Penalty(warning=True, fine=8000)
    c = Case(
        "cy-wenlv-2024-027",
        "zip",
        ag,
        party,
        officers,
        story,
        pen,
        27,
        filing_date=D("2024-07-15"),
        decision_date=D("2024-08-06"),
        time_style="slash",
        zip_root="星际网咖接纳未成年人案",
    )
    f = Flow(c, party_sig="image", officer_sig="image", ink="black")
    rep = Person(
        "邵宏伟",
        "男",
        party.rep_id,
        "澄阳县星际网络科技有限公司法定代表人",
        "133****7462",
        "澄阳县澄江镇滨江花园3栋1102室",
        "当事人法定代表人",
    )
    f.cover(closure=D("2024-08-20"))
    styled(
        f.index(
            phantom=[dict(title="上网登记记录截图", date="2024/07/12", after="现场照片", remark="截图3张")]
        ),
        "index_v",
        date_style="slash0",
        heads={"页号": "页次"},
    )
    styled(
        f.inspection(
            T("2024-07-12T21:40"),
            T("2024-07-12T22:30"),
            title="现场检查（勘验）笔录",
            officers=[officers[0], Officer("乔雪梅", None)],
            present="胡小军（值班经理）",
            party_sig=f.S("胡小军"),
        ),
        "record_v",
        officer_mode="header_row",
        label="执法人员",
        index_title="现场检查笔录",
    )
    photos(
        f,
        D("2024-07-12"),
        [
            dict(
                kind="shelf",
                stamp="2024-07-12 21:52",
                time="2024/07/12 21:52",
                place="星际网咖大厅B区",
                by="乔雪梅",
                proves="未成年人在场内上网",
            )
        ],
        party_sig=f.S("胡小军"),
    )
    f.filing(approvals(c, "filing", D("2024-07-15"), D("2024-07-15"), D("2024-07-15"), kind="image"))
    styled(
        f.inquiry(
            rep,
            T("2024-07-16T10:00"),
            T("2024-07-16T10:45"),
            title="调查询问笔录",
            topic="你公司“星际网咖”接纳未成年人上网",
            place="澄阳县文化市场综合行政执法大队询问室",
            qa=[
                (
                    "“星际网咖”是你公司经营的吗？",
                    "是的，我是公司法定代表人，网咖2019年开业，有网络文化经营许可证。",
                ),
                (
                    "7月12日晚上检查时，场内有3名未成年人上网，你是否知情？",
                    "当时我不在店里，值班经理胡小军后来跟我说了。",
                ),
                (
                    "未成年人是怎么进入场所上网的？",
                    "两个拿的是别人的身份证，收银员没仔细核对；还有一个是收银员用临时卡给开的机。",
                ),
                ("你公司是否在入口处查验上网人员的身份证件？", "平时要求查验，那天晚上人多，没有严格执行。"),
                (
                    "现在是否已经整改？",
                    "已经对员工进行了培训，入口挂了未成年人禁入标志，开机必须人脸识别核验。",
                ),
            ],
        ),
        "record_v",
        officer_mode="opening",
        layout="para",
        index_title="询问笔录（邵宏伟）",
    )
    styled(
        f.identity(
            D("2024-07-16"),
            title="营业执照及网络文化经营许可证（复印件）",
            certifier="乔雪梅",
            party_sig=f.S("邵宏伟"),
        ),
        index_title="营业执照及许可证复印件",
    )
    f.investigation(
        approvals(c, "report", D("2024-07-24"), D("2024-07-25"), D("2024-07-26"), kind="image"),
        title="案件调查终结审批表",
        variant="table",
    )
    n = styled(
        f.notice(D("2024-07-29"), title="陈述申辩告知书", deadline="五日", contact="殷志鹏、乔雪梅"),
        "notice_v",
        form="prose",
    )
    styled(
        f.receipt([n], T("2024-07-30T15:20"), place="澄阳县澄江镇建设中路58号二楼当事人办公室"),
        "receipt_v",
        layout="grid",
        sig_label="受送达人签名（盖章）",
    )
    dec = f.decision(
        D("2024-08-06"),
        family="generic",
        payment="code",
        payment_place=ag.pay_platform,
        history=(
            "2024年7月12日，本局接到群众举报后对当事人经营场所进行了检查，于2024年7月15日立案调查。"
            "本局于2024年7月30日向当事人送达了《陈述申辩告知书》，当事人在规定期限内未提出陈述、申辩意见。"
        ),
    )
    styled(
        f.receipt(
            [dec],
            T("2024-08-07T10:30"),
            recipient_sig=Sig("blank", "邵宏伟"),
            place="澄阳县澄江镇建设中路58号二楼当事人办公室",
        ),
        "receipt_v",
        layout="grid",
        sig_label="受送达人签名（盖章）",
    )
    pay = f.payment(
        D("2024-08-15"), title="非税收入电子票据", header="非税收入统一缴款平台", no="3624240027531"
    )
    pay.data["remark"] = "扫码缴款，缴款码：36240024000275318"
    f.publicity(D("2024-08-09"), by="乔雪梅", checker="鲍丽君", date_style="slash0")
    f.closure(
        approvals(c, "closure", D("2024-08-19"), D("2024-08-20"), D("2024-08-20"), kind="image"),
        title="结案报告",
        variant="report",
        execution="当事人已于2024年8月15日通过扫码缴纳罚款¥8,000.00。",
    )
    f.archive_note(D("2024-08-23"), filer="乔雪梅", checker="鲍丽君")
    name_files(
        c,
        [
            "01-封面",
            "02-卷内目录",
            "03-现场检查笔录",
            "04-现场照片",
            "05-立案审批表",
            "06-询问笔录",
            "07-证照复印件",
            "08-调查终结审批表",
            "09-陈述申辩告知书",
            "10-送达回证",
            "11-处罚决定书",
            "12-送达回证",
            "13-缴款票据",
            "14-公示记录",
            "15-结案报告",
            "16-备考表",
        ],
    )
    c.intended = ["A04", "G04", "S02"]
    c.notes = (
        "S02: the 现场检查（勘验）笔录 names its officers in a header row (执法人员 | 殷志鹏 | 执法证号 | WH-3624-0117) with "
        "乔雪梅 in the row below under the merged label, and her 执法证号 cell is empty. A04: the 卷内目录 lists "
        "上网登记记录截图 (after 现场照片, 备注 截图3张; later page numbers shifted by one), which the file does not hold "
        "although the decision cites it as evidence. G04: the decision's 送达回证 has an empty cell beside "
        "受送达人签名（盖章） and no 留置送达 note. Traps: the advance notice is titled 陈述申辩告知书; the inquiry names "
        "both officers only in its opening statement (我们是…执法人员殷志鹏、乔雪梅，执法证号分别为WH-3624-0117、"
        "WH-3624-0125); the 目录 spells titles another way (现场检查笔录, 询问笔录（邵宏伟）); certificate numbers are "
        "letters and hyphens; dates in forms 2024/07/12; amounts ¥8,000.00 only; payment by 缴款码 on the 非税 platform."
    )
    return c


# ==========================================================================
# 21 岱西县交通运输局 — unlicensed passenger transport, fine 10000 — PDF folder — major, clean


def case_dx_jiaotong_026() -> Case:
    ag = A.transport_dx()
    party = Party(
        kind="person",
        name="薛宝林",
        id=pid("371795", "1979-04-12", 271),
        address="岱西县马庄镇薛家庄村128号",
        phone="138****2290",
        gender="男",
        birth=D("1979-04-12"),
    )
    officers = [Officer("蔺卫东", "鲁交执3717150"), Officer("甄海涛", "鲁交执3717162")]
    story = Story(
        cause="未取得道路运输经营许可擅自从事道路旅客运输经营",
        source="日常检查",
        source_text="2024年4月9日，本局执法人员在岱西县汽车站周边开展道路运输市场秩序整治时，发现一辆小型普通客车涉嫌非法从事道路旅客运输经营。",
        place="岱西县岱城街道汽车站南广场出口",
        violation_date=D("2024-04-09"),
        findings=(
            "鲁X·6D218号小型普通客车（7座）由当事人驾驶，车内载有乘客5名。经询问，乘客均称系在马庄镇集市路口乘车前往县城，"
            "每人向驾驶员支付车费15元。当事人未能出示道路运输经营许可证和道路运输证。经查询，该车未办理道路运输证，"
            "当事人未取得道路运输经营许可。执法人员对现场进行了拍照、录像。"
        ),
        facts=(
            "当事人在未取得道路运输经营许可的情况下，于2024年4月9日驾驶其所有的鲁X·6D218号小型普通客车，在岱西县马庄镇至县城之间"
            "招揽乘客5名，按每人15元收取车费，擅自从事道路旅客运输经营。"
        ),
        evidence=[
            "现场检查笔录及现场照片，证明当事人驾驶车辆载客经营的事实；",
            "对乘客韦丽的询问笔录，证明乘客乘车及支付车费的情况；",
            "对当事人的询问笔录，证明当事人对违法事实的陈述；",
            "当事人居民身份证、机动车驾驶证、机动车行驶证复印件，证明当事人身份及车辆情况；",
            "放弃陈述申辩及听证权利声明。",
        ],
        violated="《中华人民共和国道路运输条例》第十条",
        basis=["《中华人民共和国道路运输条例》第六十三条"],
        reasoning="当事人违法所得不足二万元，按照本局交通运输行政处罚裁量基准，",
        correction="同时，责令当事人立即停止违法经营行为。",
        photo_kind="truck",
    )
    pen = Penalty(fine=10000)
    c = Case(
        "dx-jiaotong-2024-026",
        "pdf-folder",
        ag,
        party,
        officers,
        story,
        pen,
        26,
        filing_date=D("2024-04-09"),
        decision_date=D("2024-04-30"),
        time_style="dot",
        major=True,
    )
    f = Flow(c, party_sig="text", officer_sig="text")
    me = Person("薛宝林", "男", party.id, "农民", "138****2290", party.address, "当事人")
    witness = Person(
        "韦丽",
        "女",
        pid("371795", "1995-09-03", 448, male=False),
        "岱西县马庄镇居民",
        "159****0632",
        "岱西县马庄镇北街22号",
        "乘客（证人）",
    )
    f.cover(closure=D("2024-05-16"), variant="lines", retention="30年")
    styled(
        f.index(),
        "index_v",
        columns=["序号", "题名", "文号", "责任者", "日期", "页号", "备注"],
        heads={"题名": "文件材料题名", "页号": "页次"},
        page_sep="—",
        date_style="dot",
    )
    f.case_source(
        T("2024-04-09T10:55"),
        proposal="当事人涉嫌非法从事道路旅客运输经营，建议立案。",
        head="同意立案查处。",
    )
    styled(
        f.inspection(T("2024-04-09T10:20"), T("2024-04-09T10:50"), present="薛宝林"),
        "record_v",
        officer_mode="label_rows",
        label="检查人",
    )
    styled(
        photos(
            f,
            D("2024-04-09"),
            [
                dict(
                    kind="truck",
                    stamp="2024-04-09 10:26",
                    time="2024.4.9 10:26",
                    place="汽车站南广场出口",
                    by="甄海涛",
                    proves="当事人车辆载客情况",
                )
            ],
        ),
        index_remark="照片1张",
    )
    styled(
        f.filing(approvals(c, "filing", D("2024-04-09"), D("2024-04-09"), D("2024-04-09"))),
        approval_mode="line",
    )
    styled(
        f.inquiry(
            witness,
            T("2024-04-09T11:00"),
            T("2024-04-09T11:20"),
            topic="你乘坐薛宝林驾驶的鲁X·6D218号车的情况",
            place="岱西县汽车站执法检查点",
            qa=[
                ("你今天在哪里上的车？要去哪里？", "在马庄镇集市路口上的车，去县城医院。"),
                ("车费多少？付给谁了？", "15块钱，上车就用微信付给司机了。"),
                ("你以前坐过这辆车吗？", "坐过几次，村里人都知道他天天跑县城。"),
            ],
        ),
        "record_v",
        officer_mode="rows_recorder",
        label="询问人",
        index_title="询问笔录（韦丽）",
    )
    styled(
        f.inquiry(
            me,
            T("2024-04-09T14:00"),
            T("2024-04-09T14:40"),
            topic="你驾驶鲁X·6D218号车载客",
            place="岱西县交通运输综合行政执法大队询问室",
            qa=[
                ("鲁X·6D218号车是谁的？", "是我自己的车，登记在我名下。"),
                (
                    "你今天拉的5名乘客是从哪里拉到哪里？收费多少？",
                    "从马庄镇集市路口拉到县城汽车站，每人收15块。",
                ),
                ("你是否取得道路运输经营许可？", "没有，就是平时闲着跑一跑。"),
                ("你这样载客多长时间了？", "今年过完年开始的，赶集的日子跑一两趟。"),
            ],
        ),
        "record_v",
        officer_mode="label_rows",
        layout="para",
        label="调查人",
        index_title="询问笔录（薛宝林）",
    )
    f.identity(
        D("2024-04-09"), title="居民身份证、驾驶证、行驶证复印件", certifier="甄海涛", party_sig=f.S("薛宝林")
    )
    styled(
        f.investigation(
            approvals(
                c,
                "report",
                D("2024-04-16"),
                D("2024-04-17"),
                D("2024-04-18"),
                texts=(
                    "案件事实清楚，证据确凿，拟处罚款一万元，属于重大执法决定，建议告知当事人听证权利后提交法制审核和集体讨论。",
                    "同意承办人意见。",
                    "同意，按程序告知。",
                ),
            )
        ),
        approval_mode="line",
    )
    n = styled(
        f.notice(D("2024-04-22"), title="行政处罚事先告知书", deadline="五日", contact="蔺卫东、甄海涛"),
        "notice_v",
        form="prose",
    )
    hr = f.hearing_rights(D("2024-04-22"))
    f.receipt([n, hr], T("2024-04-23T09:30"), place="岱西县马庄镇薛家庄村128号当事人住所")
    f.statement(
        D("2024-04-25"),
        "waiver",
        "放弃陈述申辩及听证权利声明",
        hearing=True,
        received=D("2024-04-23"),
        notice_number=n.number,
        notice_title=n.title,
    )
    f.legal_review(
        D("2024-04-26"),
        reviewers=["鞠红梅"],
        submitted=D("2024-04-25"),
        head="吕国栋",
        opinion="本案执法主体合法，事实清楚，证据确凿，适用依据正确，程序合法，裁量适当，同意承办机构意见。",
    )
    f.collective(
        T("2024-04-28T15:00"),
        T("2024-04-28T15:50"),
        chair="丁振海",
        participants=["丁振海", "蒲国庆", "郝建军", "牛建平", "鞠红梅"],
        attendees=["蔺卫东", "甄海涛"],
        recorder="姜楠",
        title="重大执法决定集体讨论记录",
        speeches=[
            (
                "蔺卫东",
                "汇报案件调查情况：当事人非法载客经营，违法所得不足二万元，建议罚款一万元。当事人已书面放弃陈述申辩及听证权利。",
            ),
            ("鞠红梅", "法制审核已通过。"),
            ("蒲国庆", "同意。"),
            ("郝建军", "同意。"),
            ("牛建平", "同意罚款一万元。"),
        ],
        conclusion_text="经集体讨论，一致同意对薛宝林罚款人民币壹万元整。",
    )
    dec = f.decision(
        D("2024-04-30"),
        family="generic",
        payment="code",
        payment_place=ag.pay_platform,
        history=(
            "本局于2024年4月9日在道路运输市场秩序整治中发现当事人涉嫌非法从事道路旅客运输经营，当日立案调查。"
            "本局于2024年4月23日向当事人送达了《行政处罚事先告知书》和《行政处罚听证告知书》，当事人于2024年4月25日"
            "书面声明放弃陈述、申辩和听证的权利。本案经法制审核并经本局负责人集体讨论决定。"
        ),
    )
    f.receipt([dec], T("2024-04-30T16:10"), place="岱西县马庄镇薛家庄村128号当事人住所")
    f.payment(
        D("2024-05-10"), title="罚没款缴款凭证", header="非税收入一般缴款书（电子）", no="3717950024026"
    )
    f.publicity(D("2024-05-08"), by="甄海涛", checker="牛建平", date_style="dot")
    styled(
        f.closure(
            approvals(c, "closure", D("2024-05-14"), D("2024-05-15"), D("2024-05-16")),
            execution="当事人已于2024年5月10日缴纳罚款人民币壹万元整。",
        ),
        approval_mode="line",
    )
    f.archive_note(D("2024-05-20"), filer="甄海涛", checker="牛建平")
    name_files(
        c,
        [
            "01封面",
            "02卷内目录",
            "03案件来源登记表",
            "04现场检查笔录",
            "05现场照片",
            "06立案审批表",
            "07询问笔录1",
            "08询问笔录2",
            "09证件复印件",
            "10调查终结报告",
            "11事先告知书",
            "12听证告知书",
            "13送达回证",
            "14放弃声明",
            "15法制审核意见书",
            "16集体讨论记录",
            "17处罚决定书",
            "18送达回证",
            "19缴款凭证",
            "20公示记录",
            "21结案审批表",
            "22备考表",
        ],
    )
    c.intended = []
    c.notes = (
        "Clean major case: a fine of 10000 on a natural person (≥ 10000) qualifies for a hearing. The 行政处罚事先告知书 states "
        "陈述、申辩 only; the hearing right is in a separate 行政处罚听证告知书 (a hearing_notice with no hearing date) served "
        "with it on the same 送达回证, so N04 passes; the party waived both in writing (放弃陈述申辩及听证权利声明), so no "
        "hearing is held (H01–H03, P02 na). Legal review 2024-04-26 by 鞠红梅 (not an investigator) and collective discussion "
        "2024-04-28 (a Sunday that is a make-up working day) before the decision of 2024-04-30; publicity 2024-05-08 is 3 "
        "working days later (05-01..05 holiday). Traps: certificate numbers with a province/sector prefix (鲁交执3717150) in "
        "检查人 rows and in the prose 调查人 line of the party's inquiry; a passenger's inquiry with 询问人 and 记录人 rows; "
        "dates 2024.4.9 in forms, 2024年4月30日 in closings; amounts in words only (人民币壹万元整); payment by 缴款码. "
        "The 卷内目录's columns are 序号 | 文件材料题名 | 文号 | 责任者 | 日期 | 页次 (ranges as 3—4) | 备注."
    )
    return c


# ==========================================================================
# 22 渭北市生态环境局宁川分局 — factory noise at night — mixed folder — G05, T02


def case_nc_huanjing_033() -> Case:
    ag = A.eco_nc()
    party = Party(
        kind="org",
        name="宁川县森茂木业有限公司",
        id=cc("91", "610493", "senmao"),
        address="宁川县城北工业园区纬二路6号",
        phone="181****3097",
        rep="芦建新",
        rep_id=pid("610493", "1972-01-19", 591),
        scope="木材加工；人造板制造、销售",
        established=D("2016-03-08"),
        capital="800万元人民币",
    )
    officers = [Officer("秦晓军", "陕HB21047"), Officer("闫丽娟", "陕HB21053")]
    story = Story(
        cause="超过噪声排放标准排放工业噪声",
        source="投诉",
        source_text="2024年7月8日，我局接到宁川县城北工业园区周边居民投诉，反映宁川县森茂木业有限公司夜间生产噪声扰民。",
        place="宁川县城北工业园区纬二路6号当事人厂区及东厂界",
        violation_date=D("2024-07-09"),
        findings=(
            "当事人主要从事木材加工及人造板生产，检查时当事人削片、热压生产线正在生产。厂区东侧厂界外约30米为居民住宅（城北新村）。"
            "渭北市生态环境监测站监测人员于当日22时15分至23时05分对当事人东厂界噪声进行了监测。执法人员对现场进行了拍照、录像。"
        ),
        facts=(
            "当事人东侧厂界执行《工业企业厂界环境噪声排放标准》（GB 12348-2008）2类标准。2024年7月9日夜间，当事人东厂界噪声"
            "排放值为58分贝（A），超过夜间50分贝（A）的排放限值8分贝（A）。"
        ),
        evidence=[
            "营业执照复印件，证明当事人的主体资格；",
            "2024年7月9日现场检查（勘验）笔录，证明当事人夜间生产的事实；",
            "渭北市生态环境监测站《监测报告》（渭环监字〔2024〕第0719号），证明当事人厂界噪声超标的事实；",
            "对当事人法定代表人芦建新的调查询问笔录，证明当事人对超标排放事实的确认。",
        ],
        violated="《中华人民共和国噪声污染防治法》第二十二条",
        basis=["《中华人民共和国噪声污染防治法》第七十五条"],
        reasoning="按照本市生态环境行政处罚裁量基准，当事人夜间厂界噪声超标8分贝（A），",
        correction="同时，我局已另行责令当事人立即改正违法行为。",
        photo_kind="site",
    )
    pen = Penalty(fine=25000)
    c = Case(
        "nc-huanjing-2024-033",
        "mixed",
        ag,
        party,
        officers,
        story,
        pen,
        33,
        filing_date=D("2024-07-16"),
        decision_date=D("2024-08-13"),
    )
    c.extra["txt_encoding"] = "utf-8"
    f = Flow(c, party_sig="image", officer_sig="text", ink="black")
    rep = Person(
        "芦建新",
        "男",
        party.rep_id,
        "宁川县森茂木业有限公司法定代表人",
        "181****3097",
        "宁川县宁城街道南关路17号",
        "当事人法定代表人",
    )
    f.cover(closure=D("2024-09-05"), variant="lines")
    styled(f.index(), "index_v", columns=["序号", "文号", "题名", "日期", "页号", "备注"], date_style="cn")
    f.case_source(T("2024-07-08T16:20"), title="投诉举报登记表", proposal="建议夜间现场核查。", head="同意。")
    styled(
        f.inspection(
            T("2024-07-09T22:00"),
            T("2024-07-09T23:20"),
            title="现场检查（勘验）笔录",
            present="芦建新",
            extra="监测人员：渭北市生态环境监测站 尚志远、邢波。",
        ),
        "record_v",
        officer_mode="rows_recorder",
        layout="para",
        label="勘验人",
    )
    f.test_report(
        D("2024-07-15"),
        title="监测报告",
        lab="渭北市生态环境监测站",
        report_no="渭环监字〔2024〕第0719号",
        sample="工业企业厂界环境噪声（东厂界外1米，N1）",
        category="执法监测",
        received=D("2024-07-09"),
        standard="《工业企业厂界环境噪声排放标准》（GB 12348-2008）2类",
        results=[
            ("东厂界N1 夜间等效声级", "dB(A)", "50", "58", "超标"),
            ("东厂界N1 背景噪声", "dB(A)", "—", "44", "—"),
        ],
        conclusion="当事人东厂界夜间噪声排放值超过GB 12348-2008 2类标准限值。",
        approver="郑海峰",
        checker="武婷",
        tester="尚志远",
    )
    styled(f.filing(approvals(c, "filing", D("2024-07-15"), D("2024-07-16"), None)), approval_mode="line")
    styled(
        f.inquiry(
            rep,
            T("2024-07-18T09:30"),
            T("2024-07-18T10:20"),
            title="调查询问笔录",
            topic="你公司夜间生产噪声",
            place="渭北市生态环境局宁川分局询问室",
            qa=[
                ("你公司夜间是否生产？", "订单多的时候削片和热压两条线晚上都开，一般开到夜里十二点。"),
                (
                    "7月9日夜间监测报告显示你公司东厂界噪声为58分贝，超过夜间排放限值，你有何意见？",
                    "对监测结果没有异议。",
                ),
                ("你公司采取了哪些降噪措施？", "削片机原来有隔音房，门坏了一直没修。"),
                ("现在是否已经整改？", "7月12日起晚上十点以后削片机停产，隔音房的门也换了。"),
            ],
        ),
        "record_v",
        officer_mode="header_row",
        label="执法人员",
    )
    f.identity(D("2024-07-18"), certifier="闫丽娟", party_sig=f.S("芦建新"))
    styled(
        f.investigation(
            approvals(
                c,
                "report",
                D("2024-07-29"),
                D("2024-07-30"),
                D("2024-07-31"),
                texts=(
                    "案件事实清楚，证据确凿，建议按上述意见处理。",
                    "同意承办人意见。",
                    "同意，按程序进行事先告知。",
                ),
            ),
            title="案件调查报告",
        ),
        approval_mode="line",
    )
    n = styled(
        f.notice(D("2024-08-05"), title="行政处罚事先告知书", deadline="五日", contact="秦晓军、闫丽娟"),
        "notice_v",
        form="prose",
    )
    f.receipt([n], T("2024-08-06T10:00"), place="宁川县城北工业园区纬二路6号当事人办公室")
    dec = f.decision(
        D("2024-08-13"),
        family="eco",
        payment="outlets",
        inspected=D("2024-07-09"),
        history=(
            "2024年7月9日，我局对你单位进行了夜间现场检查并委托渭北市生态环境监测站进行了执法监测，"
            "于2024年7月16日立案调查。我局于2024年8月6日向你单位送达了《行政处罚事先告知书》，"
            "你单位在规定期限内未提出陈述、申辩意见。"
        ),
    )
    rc = styled(
        f.receipt(
            [dec],
            T("2024-08-23T15:10"),
            manner="邮寄送达",
            title="邮寄送达回执",
            place="宁川县城北工业园区纬二路6号",
        ),
        "receipt_v",
        layout="postal",
        sig_label="收件人签名",
    )
    rc.data.update(
        ems="1261883045921",
        mailed=D("2024-08-21"),
        courier="任小勇",
        post_office="宁川县邮政分公司城北揽投部",
    )
    f.payment(D("2024-08-30"), title="非税收入一般缴款书", header="非税收入一般缴款书", no="6104930024033")
    f.publicity(D("2024-08-16"), by="闫丽娟", checker="权文斌", date_style="cn")
    styled(
        f.closure(
            approvals(c, "closure", D("2024-09-03"), D("2024-09-04"), D("2024-09-05")),
            execution="当事人已于2024年8月30日缴纳罚款¥25,000.00，并已完成削片机隔音房整改。",
        ),
        approval_mode="line",
    )
    f.archive_note(D("2024-09-10"), filer="闫丽娟", checker="权文斌")
    name_files(
        c,
        [
            "封面.docx",
            "卷内目录.docx",
            "投诉举报登记表.txt",
            "现场检查（勘验）笔录.pdf",
            "监测报告.pdf",
            "立案审批表.docx",
            "调查询问笔录.docx",
            "营业执照.pdf",
            "案件调查报告.docx",
            "事先告知书.pdf",
            "送达回证.pdf",
            "处罚决定书.pdf",
            "邮寄送达回执.pdf",
            "缴款书.pdf",
            "公示记录.docx",
            "结案审批表.txt",
            "备考表.docx",
        ],
    )
    c.intended = ["G05", "T02"]
    c.notes = (
        "G05: the 立案审批表 is signed on one line per approval (承办人：秦晓军 闫丽娟  2024年7月15日); the 负责人审批意见 "
        "(同意立案。审批人：屈宏伟) has no date. T02: the decision of 2024-08-13 was mailed on 2024-08-21 and signed for on "
        "2024-08-23 (邮寄送达回执 of the post office, EMS 1261883045921): 10 days. Traps: the inspection record (prose) "
        "names a 勘验人 and a separate 记录人, both officers with numbers 陕HB21047 / 陕HB21053; the inquiry uses a header "
        "row with the second officer under a merged label. Amounts ¥25,000.00（贰万伍仟元整）; payment at the 农村信用合作联社's "
        "outlets. Mixed folder: .docx, .pdf and UTF-8 .txt (投诉举报登记表, 结案审批表)."
    )
    return c


# ==========================================================================
# 23 梅溪县市场监督管理局 — children's hoodies with drawstrings — bound .docx — clean


def case_mx_shijian_044() -> Case:
    ag = A.market_mx()
    party = Party(
        kind="org",
        name="梅溪县童趣母婴用品有限公司",
        id=cc("91", "361096", "tongqu"),
        address="梅溪县梅城街道解放北路203号",
        phone="177****6214",
        rep="江雨晴",
        rep_id=pid("361096", "1988-12-06", 362, male=False),
        scope="母婴用品、儿童服装、玩具零售",
        established=D("2018-04-25"),
        capital="100万元人民币",
    )
    officers = [Officer("俞建勇", "36109601045"), Officer("滕嘉怡", "36109601052")]
    story = Story(
        cause="销售不符合保障人体健康和人身安全的国家标准的产品",
        source="上级交办",
        source_text=(
            "2024年8月19日，本局收到汀州市市场监督管理局转来的儿童及婴幼儿服装产品质量监督抽查不合格产品核查处置通知，"
            "当事人销售的“小熊乐乐”牌儿童连帽卫衣经检验不合格。"
        ),
        place="梅溪县梅城街道解放北路203号当事人经营场所",
        violation_date=D("2024-08-20"),
        findings=(
            "当事人经营场所内陈列有“小熊乐乐”牌儿童连帽卫衣（款号XL-2316，规格110cm～140cm），与抽检不合格产品批次相同，共53件，"
            "标价49元/件。该批卫衣帽子上带有可抽出的绳带。当事人现场提供了该批产品的进货单据（进货数量140件，进价34.5元/件）和销售记录。"
            "执法人员对现场进行了拍照，并责令当事人将涉案产品下架封存。"
        ),
        facts=(
            "当事人于2024年6月从汀州市某服饰批发商处购进“小熊乐乐”牌儿童连帽卫衣140件，进价34.5元/件，以49元/件的价格对外销售。"
            "经汀州市纤维纺织品检验所检验，该产品“头部和颈部的绳带”项目不符合GB 31701-2015《婴幼儿及儿童纺织产品安全技术规范》的要求，"
            "检验结论为不合格。至2024年8月20日，当事人已售出87件，违法所得1261.50元，涉案产品货值金额共计6860元。"
        ),
        evidence=[
            "营业执照复印件，证明当事人的主体资格；",
            "检验报告，证明涉案产品不符合国家标准；",
            "现场检查笔录及现场照片，证明当事人销售涉案产品的事实；",
            "对当事人法定代表人江雨晴的询问笔录及进货单据、销售记录，证明涉案产品的购销数量、价格及违法所得；",
            "放弃陈述、申辩权利声明书。",
        ],
        violated="《中华人民共和国产品质量法》第十三条第二款",
        basis=["《中华人民共和国产品质量法》第四十九条"],
        reasoning="鉴于当事人能够配合调查，主动下架涉案产品，本局按照涉案产品货值金额的1.5倍予以处罚。",
        correction="同时，责令当事人停止销售不合格产品。",
        photo_kind="shelf",
    )
    pen = Penalty(fine=10290, gains=1261.5, goods="未售出的“小熊乐乐”牌儿童连帽卫衣53件")
    c = Case(
        "mx-shijian-2024-044",
        "bound-docx",
        ag,
        party,
        officers,
        story,
        pen,
        44,
        filing_date=D("2024-08-21"),
        decision_date=D("2024-09-18"),
        time_style="iso",
    )
    c.extra["bound_footer"] = "plain"
    f = Flow(c, party_sig="image", officer_sig="image")
    rep = Person(
        "江雨晴",
        "女",
        party.rep_id,
        "梅溪县童趣母婴用品有限公司法定代表人",
        "177****6214",
        "梅溪县梅城街道桂花苑7栋602室",
        "当事人法定代表人",
    )
    f.cover(closure=D("2024-10-10"), spaced="charspacing")
    styled(f.index(), "index_v", heads={"页号": "起止页号"}, date_style="iso")
    f.case_source(T("2024-08-19T15:30"), proposal="建议立即核查，控制涉案产品。", head="同意。")
    f.test_report(
        D("2024-08-02"),
        title="检验报告",
        lab="汀州市纤维纺织品检验所",
        report_no="汀纤检字（2024）第1186号",
        sample="“小熊乐乐”牌儿童连帽卫衣（款号XL-2316，规格120cm）",
        category="监督抽查",
        received=D("2024-07-16"),
        standard="GB 31701-2015《婴幼儿及儿童纺织产品安全技术规范》",
        results=[
            ("头部和颈部的绳带", "—", "不得有可抽出的绳带", "有可抽出的绳带", "不合格"),
            ("甲醛含量", "mg/kg", "≤75", "＜20", "合格"),
            ("pH值", "—", "4.0～8.5", "6.3", "合格"),
        ],
        conclusion="所检项目“头部和颈部的绳带”不符合GB 31701-2015要求，判定为不合格。",
        approver="祝国强",
        checker="龙媛",
        tester="裴志勇",
    )
    styled(
        f.inspection(T("2024-08-20T10:00"), T("2024-08-20T10:50"), present="江雨晴"),
        "record_v",
        officer_mode="label_rows",
        label="承办人",
    )
    styled(
        photos(
            f,
            D("2024-08-20"),
            [
                dict(
                    kind="shelf",
                    stamp="2024-08-20 10:12",
                    time="2024-08-20 10:12",
                    place=story.place,
                    by="滕嘉怡",
                    proves="货架上陈列的涉案儿童连帽卫衣",
                )
            ],
        ),
        index_remark="照片1张",
    )
    f.filing(approvals(c, "filing", D("2024-08-20"), D("2024-08-21"), D("2024-08-21"), kind="image"))
    styled(f.identity(D("2024-08-22"), certifier="滕嘉怡", party_sig=f.S("江雨晴")), index_remark="复印件")
    styled(
        f.inquiry(
            rep,
            T("2024-08-22T14:30"),
            T("2024-08-22T15:20"),
            topic="你公司销售的儿童连帽卫衣",
            place="梅溪县市场监督管理局询问室",
            officer_sigs=f.OS(officers, ["text", "text"]),
            qa=[
                (
                    "“小熊乐乐”牌儿童连帽卫衣是从哪里进的？进了多少？",
                    "6月份从汀州一家服饰批发商进的，140件，进价34块5一件，有进货单。",
                ),
                ("卖了多少？售价多少？", "卖了87件，每件49块。"),
                ("你公司进货时是否查验了产品检验报告？", "批发商说是合格产品，我们没有要检验报告。"),
                ("剩余的卫衣在哪里？", "剩下53件已经按你们的要求下架封存在仓库里了。"),
            ],
        ),
        "record_v",
        officer_mode="sigline",
        label="询问人",
    )
    f.investigation(approvals(c, "report", D("2024-09-02"), D("2024-09-03"), D("2024-09-04"), kind="image"))
    n = styled(
        f.notice(
            D("2024-09-09"),
            title="行政处罚告知书",
            contact="俞建勇、滕嘉怡",
            receipt_strip=dict(
                date=D("2024-09-10"),
                date_text="2024-09-10",
                sig=f.S("江雨晴"),
                head="当事人签收栏",
                label="当事人签名",
            ),
        ),
        "notice_v",
        form="table",
    )
    f.statement(
        D("2024-09-11"),
        "waiver",
        "放弃陈述、申辩权利声明书",
        received=D("2024-09-10"),
        notice_number=n.number,
        notice_title=n.title,
    )
    dec = f.decision(
        D("2024-09-18"),
        family="samr",
        payment="account",
        history=(
            "2024年8月19日，本局收到上级部门转来的不合格产品核查处置通知，经现场检查，于2024年8月21日经本局负责人批准立案调查。"
            "本局于2024年9月10日向当事人送达了《行政处罚告知书》（梅市监罚告〔2024〕44号），当事人于2024年9月11日"
            "书面声明放弃陈述、申辩的权利。"
        ),
    )
    f.receipt([dec], T("2024-09-19T10:30"), place="梅溪县梅城街道解放北路203号")
    f.payment(
        D("2024-09-27"), title="非税收入一般缴款书", header="非税收入一般缴款书（电子）", no="3610960024044"
    )
    f.publicity(D("2024-09-24"), by="滕嘉怡", checker="柏志宏")
    f.closure(
        approvals(c, "closure", D("2024-10-08"), D("2024-10-09"), D("2024-10-10"), kind="image"),
        execution="当事人已于2024年9月27日缴清罚没款共计¥11,551.50，未售出的53件卫衣已于2024年10月8日监督销毁。",
    )
    f.archive_note(D("2024-10-14"), filer="滕嘉怡", checker="柏志宏")
    c.intended = []
    c.notes = (
        "Clean. Traps: the 行政处罚告知书 is a table form whose 当事人签收栏 at the foot carries the party's handwritten "
        "signature in the cell beside 当事人签名 and the date 2024-09-10 — the only proof of service of the notice, and it "
        "counts (N06 passes; T03 counts from 2024-09-10). Amounts with 角分: 没收违法所得¥1,261.50（壹仟贰佰陆拾壹元伍角）, "
        "罚款¥10,290.00（壹万零贰佰玖拾元整）. Officers are 承办人 rows on the inspection record and only on the signature line "
        "of the inquiry (询问人（签名）：俞建勇（执法证号：36109601045） 滕嘉怡（…）), with 11-digit numbers; the party's and the other signatures are pictures. A lab report of "
        "2024-08-02 precedes the filing. Payment by transfer to the fines account. Bound .docx: cover and index "
        "unnumbered, the body numbered 1, 2, … at the foot, the 备考表 unnumbered."
    )
    return c


# ==========================================================================
# 24 崇岭县柳塘镇人民政府 — building materials on the pavement — PDF folder — D05, G02


def case_lt_zonghe_007() -> Case:
    ag = A.township_lt()
    party = Party(
        kind="person",
        name="欧阳志明",
        id=pid("360996", "1967-02-08", 513),
        address="崇岭县柳塘镇柳塘街14号",
        phone="139****4618",
        gender="男",
        birth=D("1967-02-08"),
    )
    officers = [Officer("申国华", "21980418"), Officer("阮晓东", "21980425")]
    story = Story(
        cause="未经批准在街道两侧和公共场地堆放物料",
        source="日常检查",
        source_text="2024年10月15日，本机关综合行政执法队在柳塘街日常巡查时，发现柳塘街14号门前人行道及公共场地堆放大量建筑材料。",
        place="崇岭县柳塘镇柳塘街14号门前人行道及公共场地",
        violation_date=D("2024-10-15"),
        findings=(
            "柳塘街14号门前人行道及相邻公共场地堆放有河沙约6立方米、红砖约2000块、水泥20袋，占地面积约30平方米，影响行人通行。"
            "经询问，上述物料系当事人为装修自有房屋堆放，当事人未能出示有关部门的批准文件。执法人员对现场进行了测量、拍照。"
        ),
        facts=(
            "当事人为装修其位于柳塘街14号的自有房屋，自2024年10月10日起未经批准在门前人行道及公共场地堆放河沙、红砖、水泥等建筑材料，"
            "占地面积约30平方米，至2024年10月15日仍未清理。"
        ),
        evidence=[
            "现场检查笔录及现场照片，证明当事人堆放物料的位置、面积；",
            "对当事人的询问笔录，证明当事人堆放物料未经批准；",
            "当事人居民身份证复印件，证明当事人的身份；",
            "陈述申辩笔录，证明当事人的陈述申辩意见。",
        ],
        violated="《城市市容和环境卫生管理条例》第十四条",
        basis=["《城市市容和环境卫生管理条例》第三十六条第（二）项"],
        reasoning="鉴于当事人在检查后已自行清理部分物料，",
        correction="同时，责令当事人于2024年11月10日前清理剩余物料。",
        photo_kind="site",
    )
    pen = Penalty(fine=1500)
    c = Case(
        "lt-zonghe-2024-007",
        "pdf-folder",
        ag,
        party,
        officers,
        story,
        pen,
        7,
        filing_date=D("2024-10-16"),
        decision_date=D("2024-11-05"),
        time_style="spaced",
    )
    f = Flow(c, party_sig="image", officer_sig="text")
    me = Person("欧阳志明", "男", party.id, "个体经营", "139****4618", party.address, "当事人")
    f.cover(closure=D("2024-11-20"))
    styled(
        f.index(),
        "index_v",
        columns=["序号", "题名", "责任者", "日期", "页号", "备注"],
        date_style="cn",
        page_fmt="第{}页",
    )
    styled(
        f.inspection(
            T("2024-10-15T09:20"),
            T("2024-10-15T09:50"),
            present="欧阳志明",
            officer_sigs=[Sig("text", "申国华"), Sig("blank", "阮晓东")],
        ),
        "record_v",
        officer_mode="opening",
        layout="para",
        label="执法人员",
        index_title="现场笔录",
    )
    photos(
        f,
        D("2024-10-15"),
        [
            dict(
                kind="site",
                stamp="2024-10-15 09:31",
                time="2024 年 10 月 15 日 9 时 31 分",
                place="柳塘街14号门前人行道",
                by="阮晓东",
                proves="人行道上堆放的河沙、红砖、水泥",
            )
        ],
    )
    styled(
        f.filing(approvals(c, "filing", D("2024-10-15"), D("2024-10-16"), D("2024-10-16"))),
        approval_mode="line",
    )
    styled(
        f.inquiry(
            me,
            T("2024-10-17T09:00"),
            T("2024-10-17T09:35"),
            topic="你在柳塘街14号门前堆放建筑材料",
            place="柳塘镇综合行政执法队办公室",
            qa=[
                ("柳塘街14号门前人行道上的河沙、红砖、水泥是谁堆放的？", "是我堆的，家里装修房子用。"),
                ("什么时候开始堆放的？", "10月10号拉来的。"),
                ("堆放前是否经过批准？", "没有，想着几天就用完了。"),
                ("现在清理了没有？", "水泥已经搬进屋里了，沙子和砖还在外面。"),
            ],
        ),
        "record_v",
        officer_mode="rows_recorder",
        label="询问人",
        index_title="询问笔录（欧阳志明）",
    )
    f.identity(D("2024-10-17"), certifier="阮晓东", party_sig=f.S("欧阳志明"))
    styled(
        f.investigation(
            approvals(c, "report", D("2024-10-23"), D("2024-10-24"), D("2024-10-24")), variant="table"
        ),
        approval_mode="line",
    )
    n = styled(
        f.notice(D("2024-10-28"), title="违法行为通知书", deadline="五日", contact="申国华、阮晓东"),
        "notice_v",
        form="numbered",
        index_title="通知书",
    )
    styled(
        f.receipt([n], T("2024-10-29T10:00"), title="送达回执"),
        "receipt_v",
        layout="huizhi",
        index_title="送达回执（通知书）",
    )
    f.statement(
        D("2024-10-31"),
        "record",
        "陈述申辩笔录",
        time=T("2024-10-31T15:00"),
        place="柳塘镇综合行政执法队办公室",
        person=me,
        officers=officers,
        qa=[
            ("你对本机关拟作出的行政处罚有何陈述、申辩意见？", "我装修完就清走，请少罚一点。"),
            ("还有其他意见吗？", "没有了。"),
        ],
    )
    dec = styled(
        f.decision(
            D("2024-11-05"),
            payment="deadline_only",
            history=(
                "本机关于2024年10月15日巡查发现当事人涉嫌未经批准在街道两侧和公共场地堆放物料，于2024年10月16日立案调查，"
                "于2024年10月29日向当事人送达了《违法行为通知书》，当事人于2024年10月31日进行了陈述申辩。"
            ),
            statement_text="当事人请求从轻处罚。经复核，当事人已清理部分物料，本机关已在裁量时予以考虑。",
        ),
        "decision_form",
        index_title="处罚决定书",
    )
    styled(
        f.receipt([dec], T("2024-11-06T14:30"), title="送达回执"),
        "receipt_v",
        layout="huizhi",
        index_title="送达回执（决定书）",
    )
    f.payment(D("2024-11-15"), title="罚没款缴款凭证", header="非税收入一般缴款书", no="3609960024007")
    f.publicity(D("2024-11-11"), by="阮晓东", checker="庞立新")
    styled(
        f.closure(
            approvals(c, "closure", D("2024-11-18"), D("2024-11-19"), D("2024-11-20")),
            execution="当事人已于2024年11月15日缴纳罚款壹仟伍佰元整，堆放的物料已于2024年11月8日清理完毕。",
        ),
        approval_mode="line",
    )
    f.archive_note(D("2024-11-25"), filer="阮晓东", checker="庞立新")
    name_files(c, [f"{i:02d}" for i in range(len(c.docs))])
    c.intended = ["D05", "G02"]
    c.notes = (
        "D05: the 行政处罚决定书 (a table form) says 当事人应当自收到本决定书之日起十五日内缴纳罚款 but not where or how "
        "(no bank, account, outlet or platform). G02: the 现场检查笔录 (prose) names both officers in its opening statement "
        "(我们是崇岭县柳塘镇人民政府执法人员申国华、阮晓东，执法证号分别为21980418、21980425) but only 申国华 signs "
        "(执法人员（签名）：申国华, then blank). Traps: a township government (乡镇综合行政执法) as the agency; the advance "
        "notice is titled 违法行为通知书 and numbered 一、违法事实 … 四、权利; both documents are served with a 送达回执 "
        "(signature picture in the cell beside 受送达人签名); the inquiry has 询问人 and 记录人 rows; 8-digit certificate "
        "numbers; dates spaced (2024 年 10 月 15 日); amounts in words only (壹仟伍佰元整); the 目录 lists 现场笔录, "
        "询问笔录（欧阳志明）, 通知书, 处罚决定书 and pages as 第3页 / 第4-5页. The party's name has a two-character surname. "
        "Files are named 00.pdf … 16.pdf."
    )
    return c


# ==========================================================================
# 25 禾丰县农业农村局 — rice seed of an unapproved variety — docx folder — S04, T03


def case_hf_nongye_011() -> Case:
    ag = A.agri_hf()
    party = Party(
        kind="org",
        name="禾丰县金穗农资有限公司",
        id=cc("91", "361197", "jinsui"),
        address="禾丰县禾城镇农贸大道77号",
        phone="137****8852",
        rep="谭家旺",
        rep_id=pid("361197", "1970-05-30", 447),
        scope="农作物种子、化肥、农药（不含危险化学品）零售",
        established=D("2011-02-14"),
        capital="200万元人民币",
    )
    officers = [Officer("黎晓辉", "NYZF-3611-0093"), Officer("邝小燕", "NYZF-3611-0107")]
    story = Story(
        cause="销售应当审定未经审定的农作物品种种子",
        source="举报",
        source_text="2024年4月8日，本局接到禾城镇农户举报，反映禾丰县金穗农资有限公司销售的“禾香优818”杂交水稻种子未经审定。",
        place="禾丰县禾城镇农贸大道77号当事人经营场所及仓库",
        violation_date=D("2024-04-09"),
        findings=(
            "当事人持有农作物种子经营许可证。执法人员在当事人经营场所货架及仓库内发现标称“禾香优818”的杂交水稻种子"
            "（净含量1千克/袋）共123袋，包装标注的品种审定编号经查询不存在，该品种未通过国家或本省农作物品种审定。"
            "当事人不能提供该品种的审定证明。执法人员对现场进行了拍照，并责令当事人停止销售。"
        ),
        facts=(
            "当事人于2024年3月从外省一名种子经销商处购进未经审定的“禾香优818”杂交水稻种子500袋（1千克/袋，进价36.65元/袋），"
            "以39元/袋的价格对外销售，至2024年4月9日已售出377袋，违法所得885.95元。"
        ),
        evidence=[
            "营业执照、农作物种子经营许可证复印件，证明当事人的主体资格；",
            "现场检查笔录及现场照片，证明当事人经营涉案种子的事实；",
            "品种审定信息查询记录，证明“禾香优818”未经审定；",
            "对当事人法定代表人谭家旺的询问笔录及进货、销售单据，证明涉案种子的购销数量、价格及违法所得。",
        ],
        violated="《中华人民共和国种子法》第二十三条第一款",
        basis=["《中华人民共和国种子法》第七十七条第一款第（一）项"],
        reasoning="鉴于当事人系初次违法，涉案种子尚未造成生产损失，",
        correction="",
        photo_kind="shelf",
    )
    pen = Penalty(fine=20000, gains=885.95, goods="未经审定的“禾香优818”杂交水稻种子123袋")
    c = Case(
        "hf-nongye-2024-011",
        "docx-folder",
        ag,
        party,
        officers,
        story,
        pen,
        11,
        filing_date=D("2024-04-10"),
        decision_date=D("2024-04-26"),
        time_style="slash",
    )
    f = Flow(c, party_sig="image", officer_sig="image")
    rep = Person(
        "谭家旺",
        "男",
        party.rep_id,
        "禾丰县金穗农资有限公司法定代表人",
        "137****8852",
        "禾丰县禾城镇稻香路21号",
        "当事人法定代表人",
    )
    f.cover(closure=D("2024-05-16"))
    styled(
        f.index(), "index_v", columns=["序号", "文号", "题名", "责任者", "日期", "页号"], date_style="slash0"
    )
    f.case_source(T("2024-04-08T15:00"), title="举报登记表", proposal="建议立即核查。", head="同意。")
    styled(
        f.inspection(
            T("2024-04-09T09:30"),
            T("2024-04-09T10:30"),
            present="谭家旺",
            certificates_shown=False,
            officer_sigs=f.OS(officers, ["text", "text"]),
        ),
        "record_v",
        officer_mode="sigline",
        layout="para",
        label="执法人员",
        party_sig_cell=True,
    )
    styled(
        photos(
            f,
            D("2024-04-09"),
            [
                dict(
                    kind="shelf",
                    stamp="2024-04-09 09:48",
                    time="2024/04/09 09:48",
                    place="当事人仓库",
                    by="邝小燕",
                    proves="仓库内堆放的“禾香优818”水稻种子",
                )
            ],
        ),
        index_title="照片",
    )
    f.filing(approvals(c, "filing", D("2024-04-09"), D("2024-04-10"), D("2024-04-10"), kind="image"))
    styled(
        f.inquiry(
            rep,
            T("2024-04-12T09:00"),
            T("2024-04-12T09:50"),
            topic="你公司销售“禾香优818”水稻种子",
            place="禾丰县农业综合行政执法大队询问室",
            qa=[
                (
                    "“禾香优818”水稻种子是从哪里进的？",
                    "3月份一个外省的经销商上门推销的，说是新品种，产量高。",
                ),
                ("进了多少？进价、售价多少？", "进了500袋，一袋1公斤，进价36块6毛5，卖39块。"),
                ("卖了多少？", "卖了377袋，还剩123袋。"),
                ("你是否查验过该品种的审定证明？", "看了袋子上印的审定编号，没有上网查。"),
            ],
        ),
        "record_v",
        officer_mode="label_rows",
        label="调查人",
        party_sig_cell=True,
        index_title="询问笔录",
    )
    styled(
        f.identity(
            D("2024-04-12"),
            title="营业执照及种子经营许可证（复印件）",
            certifier="邝小燕",
            party_sig=f.S("谭家旺"),
        ),
        index_title="营业执照及许可证复印件",
    )
    f.investigation(approvals(c, "report", D("2024-04-18"), D("2024-04-19"), D("2024-04-19"), kind="image"))
    n = styled(
        f.notice(D("2024-04-22"), title="行政处罚事先告知书", deadline="五日", contact="黎晓辉、邝小燕"),
        "notice_v",
        form="prose",
        index_title="告知书",
    )
    styled(f.receipt([n], T("2024-04-23T10:00")), "receipt_v", layout="grid")
    dec = styled(
        f.decision(
            D("2024-04-26"),
            family="generic",
            payment="outlets",
            history=(
                "本局于2024年4月8日接到举报，经现场检查，于2024年4月10日立案调查。本局于2024年4月23日向当事人送达了"
                "《行政处罚事先告知书》。"
            ),
        ),
        index_title="处罚决定书",
    )
    styled(f.receipt([dec], T("2024-04-28T09:30")), "receipt_v", layout="grid")
    f.payment(D("2024-05-10"), title="罚没款缴款凭证", header="非税收入一般缴款书", no="3611970024011")
    f.publicity(D("2024-05-08"), by="邝小燕", checker="卓永刚", date_style="slash0")
    f.closure(
        approvals(c, "closure", D("2024-05-14"), D("2024-05-15"), D("2024-05-16"), kind="image"),
        execution="当事人已于2024年5月10日缴清罚没款20885.95元，没收的种子已于2024年5月14日依法处理。",
    )
    f.archive_note(D("2024-05-20"), filer="邝小燕", checker="卓永刚")
    name_files(
        c,
        [
            "封面",
            "卷内目录",
            "举报登记表",
            "现场检查笔录",
            "现场照片",
            "立案审批表",
            "询问笔录",
            "证照复印件",
            "调查终结报告",
            "事先告知书",
            "送达回证-告知书",
            "处罚决定书",
            "送达回证-决定书",
            "缴款凭证",
            "公示",
            "结案审批表",
            "备考表",
        ],
    )
    c.intended = ["S04", "T03"]
    c.notes = (
        "S04: the 现场检查笔录 (prose) names its officers only on the signature line (执法人员（签名）：黎晓辉（执法证号："
        "NYZF-3611-0093） …) and nowhere records that certificates were shown. T03: the 行政处罚事先告知书 was served on "
        "2024/04/23 (送达回证) and the decision is dated 二〇二四年四月二十六日 (3 days), with no statement or waiver. "
        "Traps: the inquiry names the officers in 调查人 rows; the party signs both records in the cell beside the label "
        "(a picture); amounts 2万元 and 885.95元; dates 2024/04/23 in forms; payment at the 农村商业银行's outlets. "
        "The 卷内目录 has a 文号 column and short titles (告知书, 处罚决定书, 照片, 营业执照及许可证复印件). The service receipts list the "
        "served document in a row and the signature beside 受送达人签名."
    )
    return c


NEW_CASES = [
    case_hl_yingji_018,
    case_zy_weijian_009,
    case_cy_wenlv_027,
    case_dx_jiaotong_026,
    case_nc_huanjing_033,
    case_mx_shijian_044,
    case_lt_zonghe_007,
    case_hf_nongye_011,
]
