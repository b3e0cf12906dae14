"""The sample cases: who, what, when, which template variants, and which defects.

Every case is one function returning a Case whose documents were built with Flow.
`intended` lists the requirement codes the case is meant to break; the oracle
(oracle.py) recomputes every code from the truth and the generator stops if the
two differ, so a defect cannot sneak in (or out) unnoticed.
"""

from __future__ import annotations

import random

from . import agencies as A
from . import images
from .flow import Flow, ap
from .model import Case, Officer, Party, Penalty, Person, Story
from .util import D, T, credit_code, id_number
from .writer import Sig

# --------------------------------------------------------------------------
# helpers


def pid(region: str, birth: str, seq: int, male: bool = True) -> str:
    return id_number(region, D(birth), seq, male)


def cc(prefix: str, region: str, seed: str) -> str:
    return credit_code(prefix, region, random.Random(seed))


def filing_aps(c: Case, d1, d2, d3, kind="text", head_text="同意立案。"):
    ag = c.agency
    names = "、".join(o.name for o in c.officers)
    return [
        ap("承办人意见", "承办人", "建议立案调查。", [o.name for o in c.officers], d1, kind),
        ap("承办机构意见", "承办机构", f"同意立案，由{names}承办。", [ag.dept_head], d2, kind),
        ap("负责人审批意见", "负责人", head_text, [ag.head], d3, kind),
    ]


def report_aps(c: Case, d1, d2, d3, kind="text", head_text="同意承办人意见，按程序告知当事人。"):
    ag = c.agency
    return [
        ap(
            "承办人意见",
            "承办人",
            "案件事实清楚，证据确凿，建议按上述意见处理。",
            [o.name for o in c.officers],
            d1,
            kind,
        ),
        ap("承办机构审核意见", "承办机构", "同意承办人意见。", [ag.dept_head], d2, kind),
        ap("负责人审批意见", "负责人", head_text, [ag.head], d3, kind),
    ]


def closure_aps(c: Case, d1, d2, d3, kind="text", head_date=True):
    ag = c.agency
    return [
        ap(
            "承办人意见", "承办人", "当事人已履行处罚决定，建议结案。", [o.name for o in c.officers], d1, kind
        ),
        ap("承办机构意见", "承办机构", "同意结案。", [ag.dept_head], d2, kind),
        ap("负责人审批意见", "负责人", "同意结案。", [ag.head], d3 if head_date else None, kind),
    ]


def name_files(c: Case, names: list):
    docs = [d for d in c.docs]
    assert len(names) == len(docs), (c.case_id, len(names), len(docs))
    for d, n in zip(docs, names, strict=False):
        if n is None:
            continue
        stem, dot, ext = n.rpartition(".")
        if dot and ext in ("docx", "pdf", "txt", "jpg"):
            n, d.ext = stem, ext
        d.filename = n


OPEN_Q = "你是否申请回避？"


# ==========================================================================
# 1  青山县市场监督管理局 — selling expired food — docx folder — clean


def case_qs_shijian_017() -> Case:
    ag = A.market_qs()
    party = Party(
        kind="org",
        name="青山县鑫源商贸有限公司",
        id=cc("91", "361123", "xinyuan"),
        address="青山县城关镇解放路88号",
        phone="139****2817",
        rep="陈国栋",
        rep_id=pid("361123", "1978-05-06", 231),
        scope="食品销售；日用百货、五金交电零售",
        established=D("2016-04-18"),
        capital="100万元人民币",
    )
    officers = [Officer("李明辉", "1411030023"), Officer("王建军", "1411030031")]
    story = Story(
        cause="销售超过保质期的食品",
        source="日常检查",
        source_text="2024年3月1日，本局执法人员在对城关镇辖区食品经营单位开展日常监督检查时，发现当事人经营场所货架上摆放有超过保质期的食品。",
        place="青山县城关镇解放路88号当事人经营场所（鑫源超市）",
        violation_date=D("2024-03-01"),
        findings=(
            "当事人持有营业执照和食品经营许可证（许可证编号：JY13611230004521），经营场所面积约120平方米。"
            "执法人员在当事人经营场所休闲食品区货架上发现“香脆坊”牌牛肉味锅巴（净含量90克/袋，生产日期2023年8月12日，保质期6个月）18袋，"
            "已超过保质期；在饮料区货架上发现“山泉优”牌橙汁饮料（500毫升/瓶，生产日期2023年5月20日，保质期9个月）24瓶，已超过保质期。"
            "上述食品均标有价格，处于待售状态。执法人员对现场进行了拍照，并对上述食品予以先行登记保存。"
        ),
        facts=(
            "当事人于2023年12月至2024年3月1日期间，在其经营的鑫源超市内销售超过保质期的“香脆坊”牌牛肉味锅巴和“山泉优”牌橙汁饮料。"
            "经核查，当事人共购进上述锅巴30袋（进价2.5元/袋，售价3.5元/袋）、橙汁饮料40瓶（进价3元/瓶，售价4.5元/瓶），"
            "已售出锅巴12袋、橙汁饮料16瓶，违法所得114元，涉案食品货值金额共计285元。"
        ),
        evidence=[
            "当事人营业执照、食品经营许可证复印件，证明当事人的主体资格；",
            "现场检查笔录及现场照片，证明当事人经营场所存放超过保质期食品的事实；",
            "证据先行登记保存通知书及物品清单，证明涉案食品的品名、数量；",
            "对当事人法定代表人陈国栋的询问笔录，证明当事人购进、销售涉案食品的情况；",
            "当事人提供的进货单据、销售记录，证明涉案食品的进货数量、价格及违法所得。",
        ],
        violated="《中华人民共和国食品安全法》第三十四条第（十）项",
        basis=["《中华人民共和国食品安全法》第一百二十四条第一款第（五）项"],
        reasoning="鉴于当事人积极配合调查，主动提供证据材料，涉案食品货值金额较小，本局决定在法定幅度内从轻处罚。",
        correction="同时，责令当事人立即改正上述违法行为。",
        goods_list=[
            ("“香脆坊”牌牛肉味锅巴", "90克/袋", "18袋", "超过保质期"),
            ("“山泉优”牌橙汁饮料", "500毫升/瓶", "24瓶", "超过保质期"),
        ],
        photo_kind="shelf",
    )
    pen = Penalty(fine=50000, gains=114)
    c = Case(
        "qs-shijian-2024-017",
        "docx-folder",
        ag,
        party,
        officers,
        story,
        pen,
        17,
        filing_date=D("2024-03-02"),
        decision_date=D("2024-03-29"),
    )
    f = Flow(c, party_sig="image", officer_sig="text")
    rep = Person(
        "陈国栋",
        "男",
        party.rep_id,
        "青山县鑫源商贸有限公司法定代表人",
        "139****2817",
        "青山县城关镇红旗路12号",
        "当事人法定代表人",
    )
    f.cover(closure=D("2024-04-12"))
    f.index()
    f.case_source(
        T("2024-03-01T10:40"),
        proposal="当事人涉嫌销售超过保质期的食品，建议立案调查。",
        head="同意，报局领导审批。",
    )
    f.filing(filing_aps(c, D("2024-03-01"), D("2024-03-01"), D("2024-03-02")))
    f.inspection(T("2024-03-01T09:30"), T("2024-03-01T10:20"), layout="table", present="陈国栋")
    f.photos(
        D("2024-03-01"),
        [
            dict(
                kind="shelf",
                stamp="2024-03-01 09:41",
                time="2024年3月1日9时41分",
                place=story.place,
                by="李明辉",
                proves="休闲食品区货架上摆放的超过保质期的锅巴",
            )
        ],
    )
    pn = f.preservation_notice(D("2024-03-01"), where="当事人经营场所仓库", how="就地登记保存")
    f.preservation_handling(
        D("2024-03-07"),
        pn,
        "上述物品已采取拍照、记录等方式固定证据，现解除先行登记保存，由当事人在执法人员监督下予以销毁。",
    )
    f.identity(D("2024-03-08"), certifier="李明辉", party_sig=f.S("陈国栋"))
    f.inquiry(
        rep,
        T("2024-03-08T09:00"),
        T("2024-03-08T10:05"),
        topic="你公司销售超过保质期食品",
        place="青山县市场监督管理局执法稽查大队询问室",
        layout="table",
        qa=[
            (
                "请介绍一下你公司的基本情况。",
                "我公司成立于2016年，我是法定代表人，在解放路88号开了一家鑫源超市，主要卖食品和日用百货，有营业执照和食品经营许可证。",
            ),
            (
                "2024年3月1日我局执法人员在你公司超市货架上发现的“香脆坊”牌牛肉味锅巴和“山泉优”牌橙汁饮料是你公司经营的吗？",
                "是的，是我们超市的。",
            ),
            (
                "这两种食品是从哪里进的货？进了多少？",
                "锅巴是2023年11月从县城的批发商那里进的，进了30袋，进价2块5一袋；橙汁是去年10月进的，40瓶，进价3块一瓶。有进货单。",
            ),
            ("卖了多少？售价多少？", "锅巴卖出去12袋，每袋卖3块5；橙汁卖了16瓶，每瓶4块5。"),
            (
                "你知道这些食品已经超过保质期了吗？",
                "不知道，是店员上货的时候没有注意检查日期，我们以后一定加强管理。",
            ),
            (
                "你公司是否建立了食品进货查验和定期检查制度？",
                "建立了，但是执行得不好，没有定期清理过期食品。",
            ),
        ],
    )
    f.investigation(report_aps(c, D("2024-03-20"), D("2024-03-21"), D("2024-03-22")))
    n = f.notice(D("2024-03-25"), title="行政处罚告知书", contact="李明辉、王建军")
    f.receipt([n], T("2024-03-26T10:00"), place="青山县城关镇解放路88号")
    f.statement(
        D("2024-03-27"),
        "waiver",
        "放弃陈述申辩声明",
        received=D("2024-03-26"),
        notice_number=n.number,
        notice_title=n.title,
    )
    dec = f.decision(
        D("2024-03-29"),
        family="samr",
        history=(
            "2024年3月1日，本局执法人员在日常监督检查中发现当事人涉嫌销售超过保质期的食品，"
            "经本局负责人批准，于2024年3月2日立案调查。本局于2024年3月26日向当事人送达了《行政处罚告知书》（青市监罚告〔2024〕17号），"
            "当事人于2024年3月27日书面声明放弃陈述、申辩的权利。"
        ),
    )
    f.receipt([dec], T("2024-03-29T15:30"), place="青山县城关镇解放路88号")
    f.payment(
        D("2024-04-08"),
        title="非税收入一般缴款书",
        header="非税收入一般缴款书（电子）",
        no="No.3611230024017",
    )
    f.publicity(D("2024-04-03"), by="王建军", checker="孙丽华")
    f.closure(
        closure_aps(c, D("2024-04-10"), D("2024-04-11"), D("2024-04-12")),
        execution="当事人已于2024年4月8日缴清罚没款共计人民币50114元（缴款书号No.3611230024017）。",
    )
    f.archive_note(D("2024-04-15"), filer="王建军", checker="周建华")
    name_files(
        c,
        [
            "00 封面",
            "01 卷内目录",
            "02 案件来源登记表",
            "03 立案审批表",
            "04 现场检查笔录",
            "05 现场照片",
            "06 证据先行登记保存通知书",
            "07 先行登记保存处理决定书",
            "08 营业执照复印件",
            "09 询问笔录（陈国栋）",
            "10 案件调查终结报告",
            "11 行政处罚告知书",
            "12 送达回证（告知书）",
            "13 放弃陈述申辩声明",
            "14 行政处罚决定书",
            "15 送达回证（决定书）",
            "16 缴款凭证",
            "17 公示记录",
            "18 结案审批表",
            "19 卷内备考表",
        ],
    )
    c.intended = []
    c.notes = (
        "Clean. Edge cases: the decision is dated 3 days after the notice was served, allowed because the party "
        "waived in writing on 2024-03-27 (T03 passes). Party signatures are handwriting pictures; officer names typed."
    )
    return c


# ==========================================================================
# 2  临江市生态环境局云溪分局 — emissions over the limit — bound PDF — major case, clean


def case_lj_huanjing_031() -> Case:
    ag = A.eco_yx()
    party = Party(
        kind="org",
        name="云溪县恒达陶瓷有限公司",
        id=cc("91", "361124", "hengda"),
        address="云溪县云峰镇工业园区陶瓷路8号",
        phone="138****4410",
        rep="林振华",
        rep_id=pid("361124", "1969-08-23", 417),
        scope="建筑陶瓷制品制造、销售",
        established=D("2011-09-02"),
        capital="3000万元人民币",
    )
    officers = [Officer("林涛", "HB36110245"), Officer("黄志伟", "HB36110251")]
    story = Story(
        cause="超过大气污染物排放标准排放大气污染物",
        source="上级交办",
        source_text="2024年4月9日，临江市生态环境局通过污染源自动监控系统发现当事人喷雾干燥塔废气排放口颗粒物浓度数据异常，交由我局核查处理。",
        place="云溪县云峰镇工业园区陶瓷路8号当事人厂区",
        violation_date=D("2024-04-10"),
        findings=(
            "当事人主要从事建筑陶瓷砖生产，现场检查时生产线正常生产，喷雾干燥塔及配套的布袋除尘器、脱硫塔正在运行。"
            "检查发现布袋除尘器部分滤袋破损，除尘器出口可见明显烟尘。临江市生态环境监测站监测人员于当日14时20分至15时10分"
            "对喷雾干燥塔废气排放口（DA001）进行了采样监测。执法人员对现场进行了拍照、录像。"
        ),
        facts=(
            "当事人位于云溪县云峰镇工业园区陶瓷路8号，主要从事建筑陶瓷砖生产。2024年4月10日，当事人喷雾干燥塔废气排放口（DA001）"
            "排放的颗粒物浓度为54.2毫克/立方米，超过《陶瓷工业污染物排放标准》（GB 25464-2010）规定的30毫克/立方米的排放限值0.81倍。"
        ),
        evidence=[
            "营业执照复印件、排污许可证复印件，证明当事人的主体资格及排污许可情况；",
            "2024年4月10日现场检查（勘验）笔录及现场照片，证明当事人除尘设施滤袋破损、生产正常进行的事实；",
            "临江市生态环境监测站《监测报告》（临环监字〔2024〕第0412号），证明当事人颗粒物超标排放的事实；",
            "2024年4月22日对当事人法定代表人林振华的调查询问笔录，证明当事人对超标排放事实的确认情况；",
            "听证笔录，证明当事人在听证中提出的意见及质证情况。",
        ],
        violated="《中华人民共和国大气污染防治法》第十八条",
        basis=["《中华人民共和国大气污染防治法》第九十九条第（二）项"],
        reasoning="按照本市生态环境行政处罚裁量基准，当事人颗粒物超标0.81倍，属超标0.5倍以上1倍以下情形，",
        correction="同时，我局已另行责令当事人立即改正违法行为。",
        photo_kind="chimney",
    )
    pen = Penalty(fine=280000)
    c = Case(
        "lj-huanjing-2024-031",
        "bound-pdf",
        ag,
        party,
        officers,
        story,
        pen,
        31,
        filing_date=D("2024-04-12"),
        decision_date=D("2024-07-26"),
        major=True,
    )
    c.extra["bound_footer"] = "right"
    f = Flow(c, party_sig="image", officer_sig="image", ink="black")
    rep = Person(
        "林振华",
        "男",
        party.rep_id,
        "云溪县恒达陶瓷有限公司法定代表人",
        "138****4410",
        "云溪县云峰镇翠湖花园6栋301室",
        "当事人法定代表人",
    )
    f.cover(title="行政处罚案卷", variant="lines", closure=D("2024-08-20"), retention="永久")
    f.index(title="卷内文件目录", date_style="dot")
    f.case_source(
        T("2024-04-10T09:00"),
        title="案件来源登记表",
        proposal="建议立即开展现场检查，核实后立案。",
        head="同意。",
    )
    f.inspection(
        T("2024-04-10T14:05"),
        T("2024-04-10T15:40"),
        title="现场检查（勘验）笔录",
        layout="para",
        present="邹丽娟（环保专员）",
        extra="监测人员：临江市生态环境监测站 王一鸣、刘晓。",
    )
    f.photos(
        D("2024-04-10"),
        [
            dict(
                kind="chimney",
                stamp="2024-04-10 14:31",
                time="2024年4月10日14时31分",
                place="当事人喷雾干燥塔除尘器出口",
                by="黄志伟",
                proves="除尘器出口可见明显烟尘",
            )
        ],
        title="现场照片",
    )
    f.filing(filing_aps(c, D("2024-04-11"), D("2024-04-11"), D("2024-04-12")), title="立案审批表")
    f.test_report(
        D("2024-04-18"),
        title="监测报告",
        lab="临江市生态环境监测站",
        report_no="临环监字〔2024〕第0412号",
        sample="有组织废气（喷雾干燥塔排放口DA001）",
        category="执法监测",
        received=D("2024-04-10"),
        standard="《陶瓷工业污染物排放标准》（GB 25464-2010）；HJ 836-2017 固定污染源废气 低浓度颗粒物的测定 重量法",
        results=[
            ("颗粒物", "mg/m³", "30", "54.2", "超标"),
            ("二氧化硫", "mg/m³", "50", "21", "达标"),
            ("氮氧化物", "mg/m³", "180", "96", "达标"),
        ],
        conclusion="该排放口颗粒物排放浓度超过GB 25464-2010规定的排放限值。",
        approver="张敏",
        checker="吴昊",
        tester="王一鸣",
    )
    f.identity(D("2024-04-22"), certifier="林涛", party_sig=f.S("林振华"))
    f.inquiry(
        rep,
        T("2024-04-22T09:30"),
        T("2024-04-22T10:40"),
        title="调查询问笔录",
        layout="para",
        topic="你公司废气排放",
        place="临江市生态环境局云溪分局询问室",
        qa=[
            ("你公司的基本情况？", "我公司主要生产建筑陶瓷砖，有两条生产线，2011年成立，我是法定代表人。"),
            ("你公司是否办理了排污许可证？", "办理了，排污许可证编号是" + party.id + "001P。"),
            ("2024年4月10日我局检查时，你公司喷雾干燥塔是否在正常生产？", "是的，在正常生产。"),
            (
                "监测报告显示当日你公司喷雾干燥塔废气排放口颗粒物浓度为54.2毫克/立方米，超过排放标准，你有何意见？",
                "对监测结果没有异议。主要是布袋除尘器滤袋破了几个没有及时更换。",
            ),
            ("滤袋破损的情况你公司是否掌握？", "维修工3月底发现过，但是备件还没到，就一直在用。"),
            ("现在是否已经整改？", "4月12日已经把破损的滤袋全部换了，现在排放正常。"),
        ],
    )
    f.investigation(
        report_aps(
            c, D("2024-05-20"), D("2024-05-21"), D("2024-05-22"), head_text="同意，按程序进行事先告知。"
        ),
        title="案件调查终结报告",
    )
    n = f.notice(
        D("2024-05-24"),
        title="行政处罚事先（听证）告知书",
        hearing=True,
        deadline="三个工作日",
        contact="林涛、黄志伟",
    )
    f.receipt([n], T("2024-05-27T10:20"), place="云溪县云峰镇工业园区陶瓷路8号当事人办公室")
    f.statement(
        D("2024-05-29"),
        "hearing_request",
        "听证申请书",
        received=D("2024-05-27"),
        notice_number=n.number,
        notice_title=n.title,
        reason="超标系除尘器滤袋突发破损所致，我公司已及时整改，拟处罚款数额过高。",
    )
    hn = f.hearing_notice(
        D("2024-06-03"),
        T("2024-06-14T09:00"),
        "临江市生态环境局云溪分局三楼会议室",
        presiding="何静",
        presiding_post="我局法规科科长",
        members=["宋佳"],
        clerk="冯雨",
        title="听证通知书",
    )
    f.receipt([hn], T("2024-06-04T15:00"), place="云溪县云峰镇工业园区陶瓷路8号当事人办公室")
    f.hearing_record(
        T("2024-06-14T09:00"),
        T("2024-06-14T10:35"),
        "临江市生态环境局云溪分局三楼会议室",
        presiding="何静",
        members=["宋佳"],
        clerk="冯雨",
        party_attendees=["林振华", "周文博"],
        transcript=[
            (
                "主持人（何静）",
                "现在开始听证。核对当事人身份，宣布听证纪律，告知当事人享有的权利。当事人是否申请主持人、听证员、记录员回避？",
            ),
            ("林振华", "不申请。委托代理人周文博律师与我一起参加。"),
            (
                "调查人员（林涛）",
                "陈述案件事实、证据、处罚依据及拟处罚意见：当事人颗粒物超标0.81倍，拟罚款28万元。",
            ),
            ("周文博", "对监测数据无异议。超标系滤袋突发破损，当事人已及时整改，请求减轻处罚。"),
            ("调查人员（黄志伟）", "当事人维修人员3月底即发现滤袋破损而未更换，不属于突发故障。"),
            ("主持人（何静）", "当事人作最后陈述。"),
            ("林振华", "请求从轻处罚。"),
            ("主持人（何静）", "听证结束。听证笔录交当事人核对后签字。"),
        ],
    )
    f.extension(
        [
            ap(
                "承办人意见",
                "承办人",
                "本案因举行听证，需延长办案期限。",
                ["林涛", "黄志伟"],
                D("2024-07-03"),
            ),
            ap("承办机构意见", "承办机构", "同意延期。", [ag.dept_head], D("2024-07-04")),
            ap("负责人审批意见", "负责人", "同意延长三十日。", [ag.head], D("2024-07-05")),
        ],
        due=D("2024-07-11"),
        reason="本案当事人申请听证，听证后需进一步复核当事人意见并提交法制审核和集体讨论，无法在九十日内作出处理决定。",
    )
    f.legal_review(
        D("2024-07-15"),
        reviewers=["梁晨"],
        submitted=D("2024-07-08"),
        head="何静",
        title="重大执法决定法制审核表",
        opinion="本案执法主体合法，执法人员具备执法资格，事实清楚，证据确凿，适用依据正确，程序合法，裁量适当，同意承办机构意见。",
    )
    f.collective(
        T("2024-07-19T15:00"),
        T("2024-07-19T16:10"),
        chair="郭晓峰",
        participants=["郭晓峰", "罗斌", "韩冬", "黄俊杰", "梁晨"],
        attendees=["林涛", "黄志伟"],
        recorder="冯雨",
        title="重大案件集体讨论笔录",
        speeches=[
            ("林涛", "汇报案件调查、听证及法制审核情况，建议罚款28万元。"),
            ("罗斌", "当事人明知滤袋破损仍继续生产，申辩理由不成立，同意承办人意见。"),
            ("韩冬", "同意。"),
            ("黄俊杰", "同意罚款28万元。"),
            ("梁晨", "法制审核已通过，同意。"),
        ],
        conclusion_text="经集体讨论，一致同意对云溪县恒达陶瓷有限公司罚款人民币贰拾捌万元整。",
    )
    dec = f.decision(
        D("2024-07-26"),
        family="eco",
        history=(
            "2024年4月10日，我局对你单位进行了现场检查并委托临江市生态环境监测站进行了执法监测，于2024年4月12日立案调查。"
            "我局于2024年5月27日向你单位送达了《行政处罚事先（听证）告知书》，你单位于2024年5月29日申请听证，"
            "我局于2024年6月14日依法举行了听证。"
        ),
        statement_text=(
            "你单位在听证中提出超标系除尘器滤袋突发破损所致、已及时整改、请求减轻处罚。经复核，你单位维修人员于3月底已发现滤袋破损但未及时更换，"
            "不属于突发故障，整改行为已在裁量中考虑，对减轻处罚的请求不予采纳。"
        ),
        inspected=D("2024-04-10"),
    )
    f.receipt([dec], T("2024-07-29T09:40"), place="云溪县云峰镇工业园区陶瓷路8号当事人办公室")
    f.av(
        D("2024-07-29"),
        by="黄志伟",
        entries=[
            dict(
                what="现场检查",
                time=T("2024-04-10T14:05"),
                place="当事人厂区",
                device="执法记录仪YX-017",
                by="黄志伟",
                store="执法记录仪管理平台",
            ),
            dict(
                what="听证",
                time=T("2024-06-14T09:00"),
                place="分局三楼会议室",
                device="会议录像系统",
                by="冯雨",
                store="光盘（编号2024-031-02）",
            ),
        ],
    )
    f.payment(
        D("2024-08-09"), title="罚没款缴款凭证", header="非税收入一般缴款书（电子）", no="3611240024031"
    )
    f.publicity(D("2024-08-01"), by="林涛", checker="梁晨", date_style="cn")
    f.closure(
        closure_aps(c, D("2024-08-16"), D("2024-08-19"), D("2024-08-20")),
        title="结案报告",
        variant="report",
        execution="当事人已于2024年8月9日缴纳罚款人民币280000元。",
    )
    f.archive_note(D("2024-08-26"), filer="黄志伟", checker="黄俊杰")
    c.intended = []
    c.notes = (
        "Clean major case (fine 280000 for an organisation: hearing due). Advance notice titled 行政处罚事先（听证）告知书 states the hearing "
        "right; hearing requested, notice served 2024-06-04 for a hearing on 2024-06-14 (10 days), presided by 何静 (not an investigator); "
        "legal review 2024-07-15 and collective discussion 2024-07-19 before the decision of 2024-07-26. The decision is 105 days after "
        "filing, covered by 延长办案期限审批表 (T01 passes). The facts cite the emission standard 《陶瓷工业污染物排放标准》 "
        "which is not a legal basis (no article; not a D04 failure). Body pages are numbered bottom-right from 1 after the index."
    )
    return c


# ==========================================================================
# 3  临川县交通运输综合行政执法大队 — overloaded truck — PDF folder — clean


def case_lc_jiaotong_009() -> Case:
    ag = A.transport_lc()
    party = Party(
        kind="person",
        name="赵德明",
        id=pid("361126", "1985-07-14", 352),
        address="临川县湖口镇赵家村3组15号",
        phone="150****3362",
        gender="男",
        birth=D("1985-07-14"),
    )
    officers = [Officer("雷振宇", "JT3611040089"), Officer("付强", "JT3611040112")]
    story = Story(
        cause="车货总质量超过限定标准在公路上行驶",
        source="日常检查",
        source_text="2024年9月12日，本大队执法人员在临川公路超限检测站开展货运车辆超限检测时，发现当事人驾驶的重型半挂牵引车涉嫌超限运输。",
        place="临川县省道S218线K36+500处临川公路超限检测站",
        violation_date=D("2024-09-12"),
        findings=(
            "当事人驾驶的赣X·52368（挂车赣X·3698挂）重型半挂牵引车装载钢材，经站内静态称重检测，车货总质量为53.00吨，"
            "该车为六轴车辆，限定标准为49.00吨，超限4.00吨，超限率8.2%。执法人员责令当事人在检测站卸载超限货物，当事人已于当日12时完成卸载。"
        ),
        facts=(
            "当事人于2024年9月12日驾驶赣X·52368（挂车赣X·3698挂）重型半挂牵引车装载钢材，在临川县省道S218线行驶，"
            "经临川公路超限检测站检测，车货总质量53.00吨，超过限定标准（49.00吨）4.00吨。"
        ),
        evidence=[
            "车辆超限检测单，证明车货总质量及超限数额；",
            "现场检查笔录，证明当事人驾车超限运输的事实；",
            "询问笔录，证明当事人对违法事实的陈述；",
            "当事人居民身份证、机动车驾驶证、机动车行驶证复印件，证明当事人身份及车辆情况；",
            "现场照片及执法记录仪视频，证明现场检查及卸载情况。",
        ],
        violated="《公路安全保护条例》第三十三条第一款",
        basis=[
            "《公路安全保护条例》第六十四条",
            "《超限运输车辆行驶公路管理规定》第四十三条第一款第（二）项",
        ],
        reasoning="当事人车货总质量超过限定标准4吨，按照每超1000千克罚款500元的标准，",
        correction="",
        photo_kind="truck",
    )
    pen = Penalty(fine=2000)
    c = Case(
        "lc-jiaotong-2024-009",
        "pdf-folder",
        ag,
        party,
        officers,
        story,
        pen,
        9,
        filing_date=D("2024-09-12"),
        decision_date=D("2024-09-27"),
        time_style="colon",
    )
    f = Flow(c, party_sig="text", officer_sig="image", ink="black")
    me = Person("赵德明", "男", party.id, "个体货车司机", "150****3362", party.address, "当事人")
    f.cover(closure=D("2024-10-15"), retention="30年")
    f.index(date_style="cn")
    f.case_source(
        T("2024-09-12T10:55"),
        proposal="当事人驾驶车辆超限运输，建议立案。",
        head="同意立案查处。",
        sig="image",
    )
    f.filing(
        filing_aps(c, D("2024-09-12"), D("2024-09-12"), D("2024-09-12"), kind="image"), title="立案审批表"
    )
    f.inspection(
        T("2024-09-12T10:20"),
        T("2024-09-12T10:50"),
        layout="table",
        present="赵德明",
        party_sig=f.S("赵德明", "image"),
    )
    f.weigh(
        D("2024-09-12"),
        no="临超检字〔2024〕第0912036号",
        time=T("2024-09-12T10:20"),
        place="临川公路超限检测站",
        plate="赣X·52368（挂车赣X·3698挂）",
        vehicle="重型半挂牵引车",
        axles=6,
        driver="赵德明",
        weight=53.00,
        limit=49.00,
        device="SCS-100静态汽车衡（检定证书号：临计检〔2024〕第0356号）",
        party_sig=f.S("赵德明", "image"),
    )
    f.photos(
        D("2024-09-12"),
        [
            dict(
                kind="truck",
                stamp="2024-09-12 10:24",
                time="2024年9月12日10:24",
                place="临川公路超限检测站",
                by="付强",
                proves="超限车辆外观及装载情况",
            )
        ],
    )
    f.inquiry(
        me,
        T("2024-09-12T11:05"),
        T("2024-09-12T11:40"),
        topic="你驾驶车辆超限运输",
        place="临川公路超限检测站询问室",
        layout="table",
        party_sig=f.S("赵德明", "image"),
        qa=[
            (
                "你驾驶的是什么车辆？车辆所有人是谁？",
                "赣X·52368重型半挂牵引车，挂车是赣X·3698挂，车是我自己的，挂靠在临川县通达运输公司。",
            ),
            ("本次运输的是什么货物？从哪里运往哪里？", "钢材，从临江市钢材市场运到临川县湖口镇一个工地。"),
            ("你知道车辆的限载标准吗？", "知道，六轴车总重不能超过49吨。"),
            ("经检测，你车车货总质量为53.00吨，超限4.00吨，你是否认可？", "认可，是我装多了。"),
            ("超限货物是否已卸载？", "已经在检测站卸下来了。"),
        ],
    )
    f.identity(
        D("2024-09-12"),
        title="居民身份证、驾驶证、行驶证复印件",
        certifier="付强",
        party_sig=f.S("赵德明", "image"),
    )
    f.investigation(
        report_aps(
            c, D("2024-09-13"), D("2024-09-13"), D("2024-09-13"), kind="image", head_text="同意，按程序告知。"
        ),
        title="案件处理审批表",
        variant="table",
    )
    n = f.notice(
        D("2024-09-13"),
        title="行政处罚事先告知书",
        deadline="三日",
        contact="雷振宇、付强",
        style={"spaced": "charspacing"},
    )
    f.receipt([n], T("2024-09-13T14:00"), place="临川公路超限检测站", recipient_sig=f.S("赵德明", "image"))
    f.statement(
        D("2024-09-13"),
        "record",
        "陈述申辩笔录",
        sig=f.S("赵德明", "image"),
        time=T("2024-09-13T14:10"),
        place="临川公路超限检测站询问室",
        person=me,
        officers=officers,
        qa=[
            ("你对本大队拟作出的行政处罚有何陈述、申辩意见？", "我承认超限，愿意接受处罚，希望从轻。"),
            ("还有其他意见吗？", "没有了。"),
        ],
    )
    dec = f.decision(
        D("2024-09-27"),
        family="generic",
        payment="numeric",
        remedy="numeric",
        history=(
            "2024年9月12日，本大队执法人员在临川公路超限检测站检查时，发现当事人驾驶车辆超限运输，当日立案调查。"
            "本大队于2024年9月13日向当事人送达了《行政处罚事先告知书》，当事人进行了陈述，要求从轻处罚。"
        ),
    )
    f.receipt(
        [dec],
        T("2024-09-27T16:30"),
        manner="留置送达",
        recipient_sig=Sig("blank", "赵德明"),
        witness="赵春生",
        place="临川县湖口镇赵家村3组15号当事人住所",
        remark=(
            "受送达人赵德明拒绝签收。执法人员邀请湖口镇赵家村村民委员会委员赵春生到场见证，"
            "于2024年9月27日16:30将本决定书留置于受送达人住所，留置送达过程已使用执法记录仪全程录像。"
        ),
    )
    f.av(
        D("2024-09-27"),
        by="付强",
        entries=[
            dict(
                what="现场检查、称重",
                time=T("2024-09-12T10:20"),
                place="临川公路超限检测站",
                device="执法记录仪LC-JT-031",
                by="付强",
                store="执法音像管理平台",
            ),
            dict(
                what="留置送达",
                time=T("2024-09-27T16:30"),
                place="当事人住所",
                device="执法记录仪LC-JT-031",
                by="付强",
                store="执法音像管理平台",
            ),
        ],
    )
    f.payment(D("2024-10-10"), title="罚没款缴款凭证", header="非税收入一般缴款书", no="3611260024009")
    f.publicity(D("2024-10-11"), by="付强", checker="雷鸣")
    f.closure(
        closure_aps(c, D("2024-10-14"), D("2024-10-15"), D("2024-10-15"), kind="image"),
        execution="当事人已于2024年10月10日缴纳罚款人民币2000元。",
    )
    f.archive_note(D("2024-10-18"), filer="付强", checker="雷鸣")
    name_files(
        c,
        [
            "1.封面",
            "2.目录",
            "3.案件来源登记表",
            "4.立案审批表",
            "5.现场检查笔录",
            "6.超限检测单",
            "7.现场照片",
            "8.询问笔录",
            "9.证件复印件",
            "10.案件处理审批表",
            "11.事先告知书",
            "12.送达回证",
            "13.陈述申辩笔录",
            "14.处罚决定书",
            "15.送达回证",
            "16.执法音像记录登记表",
            "17.缴款凭证",
            "18.公示记录",
            "19.结案审批表",
            "20.备考表",
        ],
    )
    c.intended = []
    c.notes = (
        "Clean. Edge cases: the decision (Friday 2024-09-27) was served by 留置送达 with a witness and recorded on video "
        "(av_record present, G04 and P02 pass); publicity on 2024-10-11 is 14 calendar days but 6 working days later "
        "(2024-09-29 is a make-up working day, 10-01..07 National Day holiday): P01 passes only with the official calendar. "
        "Two service receipts share the file name stem 12/15.送达回证. Inquiry on the filing date (T04 passes)."
    )
    return c


# ==========================================================================
# 4  临川县农业农村局 — electrofishing — mixed folder (.docx, .pdf, GB18030 .txt, .jpg scan) — clean


def case_lc_nongye_012() -> Case:
    ag = A.agri_lc()
    party = Party(
        kind="person",
        name="吴长根",
        id=pid("361126", "1972-11-03", 118),
        address="临川县石桥镇吴家坪村5组22号",
        phone="137****5610",
        gender="男",
        birth=D("1972-11-03"),
    )
    officers = [Officer("尹志刚", "NY36112600214"), Officer("黎明杰", "NY36112600227")]
    story = Story(
        cause="使用电鱼方法进行捕捞",
        source="日常检查",
        source_text="2024年5月6日21时许，本局农业综合行政执法大队执法人员在石桥河开展禁渔期夜间巡查时，发现一男子在石桥河吴家坪段使用电鱼工具捕鱼。",
        place="临川县石桥镇吴家坪村石桥河河段",
        violation_date=D("2024-05-06"),
        findings=(
            "执法人员到达现场时，当事人正手持带电抄网在河中捕鱼，身背电瓶及逆变器（升压器）一套。执法人员当场责令当事人停止违法行为，"
            "并对其使用的逆变器1台、12V电瓶1个、带电抄网1把予以先行登记保存。渔获物（鲫鱼、白条鱼等杂鱼约3.5千克）经拍照固定证据后当场放生。"
        ),
        facts=(
            "2024年5月6日21时许，当事人在临川县石桥镇吴家坪村石桥河河段，使用逆变器、电瓶、带电抄网等电鱼工具进行捕捞，"
            "捕获鲫鱼、白条鱼等杂鱼约3.5千克。"
        ),
        evidence=[
            "现场检查（勘验）笔录及现场照片，证明当事人使用电鱼工具捕捞的事实；",
            "证据先行登记保存通知书及物品清单，证明当事人使用的电鱼工具；",
            "询问笔录，证明当事人对违法事实的陈述；",
            "当事人居民身份证复印件，证明当事人的身份；",
            "执法记录仪视频资料，证明现场检查情况。",
        ],
        violated="《中华人民共和国渔业法》第三十条第一款",
        basis=["《中华人民共和国渔业法》第三十八条第一款"],
        reasoning="考虑到当事人系初次违法，捕获渔获物数量较少，",
        goods_list=[
            ("逆变器（升压器）", "12V/2000W", "1台", "电鱼工具"),
            ("蓄电池", "12V 100Ah", "1个", "电鱼工具"),
            ("带电抄网", "长约2.5米", "1把", "电鱼工具"),
        ],
        photo_kind="river",
    )
    pen = Penalty(fine=3000, goods="电鱼工具逆变器1台、12V电瓶1个、带电抄网1把")
    c = Case(
        "lc-nongye-2024-012",
        "mixed",
        ag,
        party,
        officers,
        story,
        pen,
        12,
        filing_date=D("2024-05-07"),
        decision_date=D("2024-05-31"),
    )
    c.extra["txt_encoding"] = "gb18030"
    f = Flow(c, party_sig="image", officer_sig="text")
    me = Person("吴长根", "男", party.id, "农民", "137****5610", party.address, "当事人")
    f.cover(closure=D("2024-06-20"), variant="lines", retention="30年")
    f.index(title="卷内目录", date_style="cn")
    f.case_source(T("2024-05-07T08:40"), proposal="当事人涉嫌电鱼，建议立案。", head="同意。")
    f.filing(filing_aps(c, D("2024-05-07"), D("2024-05-07"), D("2024-05-07")), title="立案审批表")
    f.inspection(
        T("2024-05-06T21:10"),
        T("2024-05-06T21:50"),
        title="现场检查（勘验）笔录",
        layout="para",
        present="吴长根",
        party_sig=Sig("blank", "吴长根"),
        witness="吴国平",
        refusal="当事人拒绝在笔录上签名。见证人：吴国平（吴家坪村村民委员会主任），现场检查过程已全程录音录像。",
        opinion="当事人未发表意见。",
    )
    photo = images.scene_photo_jpg("lc-nongye-2024-012", "2024-05-06 21:16", "river")
    f.scan(
        D("2024-05-06"),
        "现场照片",
        "现场照片",
        images.scanned_page_jpg(
            "现场照片",
            [
                "拍摄时间：2024年5月6日21时16分",
                "拍摄地点：临川县石桥镇吴家坪村石桥河河段",
                "拍摄人：黎明杰    见证人：吴国平",
                "证明事项：当事人使用电鱼工具在河中捕鱼",
            ],
            photo,
        ),
    )
    pn = f.preservation_notice(
        D("2024-05-06"), where="临川县农业综合行政执法大队涉案物品保管室", how="异地登记保存"
    )
    pn.data["party_sig"] = Sig("blank", "吴长根")
    f.preservation_handling(
        D("2024-05-10"),
        pn,
        "上述物品系当事人实施违法行为的工具，继续存放于本局涉案物品保管室，待本案作出处理决定后一并依法处理。",
    )
    f.inquiry(
        me,
        T("2024-05-08T09:30"),
        T("2024-05-08T10:10"),
        layout="para",
        topic="你在石桥河电鱼",
        place="临川县农业综合行政执法大队询问室",
        party_sig=Sig("text", "吴长根"),
        officer_sigs=[Sig("text", "尹志刚"), Sig("text", "黎明杰")],
        confirm_text="以上笔录已向我宣读，记录属实。",
        qa=[
            ("2024年5月6日晚上你在什么地方干什么？", "在吴家坪村边上的石桥河电鱼。"),
            ("你用的什么工具？工具从哪里来的？", "一个升压器、一个电瓶、一个抄网，是去年在镇上集市买的。"),
            ("你电了多少鱼？", "三斤多，都是小杂鱼，当时就放了。"),
            ("你知道现在是禁渔期、禁止电鱼吗？", "知道不让电鱼，想着晚上没人看见。"),
            ("以前有没有因为电鱼被处罚过？", "没有，这是第一次。"),
        ],
    )
    f.identity(D("2024-05-08"), certifier="黎明杰", party_sig=f.S("吴长根"))
    f.investigation(report_aps(c, D("2024-05-20"), D("2024-05-20"), D("2024-05-21")))
    f.notice(
        D("2024-05-22"),
        title="行政处罚事先告知书",
        deadline="五日",
        receipt_strip=dict(date=D("2024-05-22"), date_text="2024年5月22日", sig=f.S("吴长根")),
    )
    f.statement(
        D("2024-05-24"),
        "written",
        "陈述申辩书",
        text=(
            "本人吴长根，对贵局拟作出的行政处罚没有异议。本人因家中老人生病，生活困难，一时糊涂去河里电鱼，"
            "以后保证不再违法，恳请从轻处罚。"
        ),
    )
    dec = f.decision(
        D("2024-05-31"),
        family="generic",
        history=(
            "2024年5月6日，本局执法人员在禁渔期夜间巡查中发现当事人涉嫌使用电鱼方法进行捕捞，于2024年5月7日立案调查。"
            "本局于2024年5月22日向当事人送达了《行政处罚事先告知书》，当事人于2024年5月24日提交了书面陈述申辩意见。"
        ),
        statement_text=(
            "当事人陈述其家庭生活困难、系初次违法，请求从轻处罚。经复核，本局认为当事人在禁渔期使用电鱼方法捕捞，"
            "对渔业资源破坏较大，但考虑其系初次违法，已在裁量时予以考虑。"
        ),
    )
    f.receipt(
        [dec],
        T("2024-06-03T11:20"),
        manner="邮寄送达",
        place="临川县石桥镇吴家坪村5组22号",
        remark="中国邮政EMS邮寄，邮件号：1187325640918，2024年6月3日由受送达人本人签收。",
    )
    f.payment(D("2024-06-12"), title="罚没款缴款凭证", header="非税收入一般缴款书", no="3611260024112")
    f.publicity(D("2024-06-06"), by="黎明杰", checker="尹红兵")
    f.av(
        D("2024-06-06"),
        by="黎明杰",
        title="执法全过程记录说明",
        entries=[
            dict(
                what="夜间巡查现场检查",
                time=T("2024-05-06T21:10"),
                place="石桥河吴家坪段",
                device="执法记录仪NY-08",
                by="黎明杰",
                store="执法记录仪管理平台",
            )
        ],
    )
    f.closure(
        closure_aps(c, D("2024-06-18"), D("2024-06-19"), D("2024-06-20")),
        execution="当事人已于2024年6月12日缴纳罚款人民币3000元；没收的电鱼工具已于2024年6月14日依法销毁。",
    )
    f.archive_note(D("2024-06-24"), filer="黎明杰", checker="尹红兵")
    name_files(
        c,
        [
            "封面.docx",
            "卷内目录.docx",
            "案件来源登记表.pdf",
            "立案审批表.pdf",
            "现场检查（勘验）笔录.pdf",
            None,
            "先行登记保存通知书.docx",
            "先行登记保存处理决定书.docx",
            "询问笔录.txt",
            "身份证复印件.pdf",
            "调查终结报告.docx",
            "告知书.pdf",
            "陈述申辩书.docx",
            "决定书.pdf",
            "送达回证.pdf",
            "缴款凭证.pdf",
            "公示.docx",
            "音像记录说明.docx",
            "结案审批表.docx",
            "备考表.docx",
        ],
    )
    c.intended = []
    c.notes = (
        "Clean. Mixed folder: .docx, .pdf, a GB18030 .txt (询问笔录.txt, CRLF line ends) and a scanned photo page "
        "(现场照片.jpg, no text layer, needs_ocr). Edge cases: the party refused to sign the inspection record, noted with a "
        "witness and video (G01 passes); the advance notice carries the party's signed receipt strip (回执) instead of a "
        "separate 送达回证 (N06 passes); the decision was served by post (邮寄送达) and signed for."
    )
    return c


# ==========================================================================
# 5  桐江县城市管理综合行政执法局 — illegal rooftop building — docx folder — T04, S02, E03


def case_tj_chengguan_028() -> Case:
    ag = A.urban_tj()
    party = Party(
        kind="person",
        name="何建平",
        id=pid("361127", "1968-09-21", 273),
        address="桐江县桐城镇东门街56号",
        phone="135****7781",
        gender="男",
        birth=D("1968-09-21"),
    )
    officers = [Officer("邱明", "CG-0512-033"), Officer("蔡晓峰", "CG-0512-047")]
    story = Story(
        cause="未取得建设工程规划许可证进行建设",
        source="举报",
        source_text="2024年4月7日，本局接到群众举报，反映桐城镇东门街56号住户在房屋楼顶搭建彩钢瓦房屋。",
        place="桐江县桐城镇东门街56号",
        violation_date=D("2024-03-20"),
        findings=(
            "当事人房屋为四层砖混结构，楼顶新建彩钢瓦结构房屋一处，长约9米，宽约5米，面积约45平方米，已基本完工。"
            "当事人未能出示建设工程规划许可证。执法人员对现场进行了测量、拍照。"
        ),
        facts=(
            "当事人于2024年3月初，在未取得建设工程规划许可证的情况下，在其位于桐江县桐城镇东门街56号的自有房屋楼顶搭建彩钢瓦结构房屋一处，"
            "建筑面积约45平方米，于2024年3月20日左右完工。经桐江县自然资源局认定，该建设工程尚可采取改正措施消除对规划实施的影响；"
            "经核算，该建设工程造价为68000元。"
        ),
        evidence=[
            "现场检查笔录及现场照片，证明违法建设的位置、面积及现状；",
            "询问笔录，证明当事人实施建设的经过；",
            "当事人身份证复印件及房屋权属证明，证明当事人身份及房屋权属；",
            "桐江县自然资源局《关于东门街56号楼顶建筑物规划认定意见的复函》，证明该建设工程尚可采取改正措施；",
            "工程造价核算表，证明建设工程造价为68000元。",
        ],
        violated="《中华人民共和国城乡规划法》第四十条第一款",
        basis=["《中华人民共和国城乡规划法》第六十四条"],
        reasoning="鉴于该建设工程尚可采取改正措施消除对规划实施的影响，",
        correction="责令当事人于2024年6月30日前补办建设工程规划许可手续，逾期未改正的，依法处理。",
        photo_kind="site",
    )
    pen = Penalty(fine=6800)
    c = Case(
        "tj-chengguan-2024-028",
        "docx-folder",
        ag,
        party,
        officers,
        story,
        pen,
        28,
        filing_date=D("2024-04-10"),
        decision_date=D("2024-05-09"),
    )
    f = Flow(c, party_sig="image", officer_sig="image")
    me = Person("何建平", "男", party.id, "个体经营", "135****7781", party.address, "当事人")
    f.cover(closure=D("2024-05-27"))
    f.index(date_style="dot")
    f.case_source(T("2024-04-07T15:20"), title="线索登记表", proposal="建议现场核查。", head="同意核查。")
    f.inspection(
        T("2024-04-08T09:00"),
        T("2024-04-08T09:40"),
        layout="para",
        present="何建平",
        officers=[officers[0], Officer("蔡晓峰", None)],
    )
    f.inquiry(
        me,
        T("2024-04-08T10:00"),
        T("2024-04-08T10:50"),
        topic="你在楼顶搭建房屋",
        layout="para",
        place="桐江县桐城镇东门街56号当事人家中",
        confirmation=False,
        qa=[
            ("楼顶的彩钢瓦房子是谁建的？", "是我请人建的，房子是我自己家的。"),
            ("什么时候开始建的？什么时候建好的？", "3月初开始建，3月20号左右建好的。"),
            ("有没有办理规划许可手续？", "没有办，我以为在自己家楼顶搭个棚子不用办。"),
            ("建这个房子花了多少钱？", "材料加人工大概六万多。"),
            ("建这个房子做什么用？", "放杂物，夏天隔热。"),
        ],
    )
    f.photos(
        D("2024-04-08"),
        [
            dict(
                kind="site",
                stamp="2024-04-08 09:12",
                time="2024年4月8日9时12分",
                place="桐城镇东门街56号楼顶",
                by="蔡晓峰",
                proves="楼顶彩钢瓦结构房屋现状",
            )
        ],
    )
    f.identity(D("2024-04-08"), certifier="蔡晓峰", party_sig=f.S("何建平"))
    f.filing(
        filing_aps(c, D("2024-04-09"), D("2024-04-09"), D("2024-04-10"), kind="image"), title="立案呈批表"
    )
    f.investigation(report_aps(c, D("2024-04-23"), D("2024-04-24"), D("2024-04-25"), kind="image"))
    n = f.notice(D("2024-04-26"), title="行政处罚告知书", deadline="五日")
    f.receipt([n], T("2024-04-28T10:00"))
    dec = f.decision(
        D("2024-05-09"),
        family="generic",
        history=(
            "本局于2024年4月7日接到群众举报，经现场核查，于2024年4月10日立案调查。本局于2024年4月28日向当事人送达了《行政处罚告知书》，"
            "当事人在规定期限内未提出陈述、申辩意见。"
        ),
    )
    f.receipt([dec], T("2024-05-10T09:30"))
    f.payment(D("2024-05-20"), title="非税收入票据", header="非税收入一般缴款书", no="3611270024028")
    f.publicity(D("2024-05-15"), by="蔡晓峰", checker="邱文杰", title="公示截图说明", date_style="dot")
    f.closure(
        closure_aps(c, D("2024-05-24"), D("2024-05-24"), D("2024-05-27"), kind="image"),
        title="结案报告",
        variant="report",
        execution="当事人已于2024年5月20日缴纳罚款6800元，并已向桐江县自然资源局申请补办规划许可手续。",
    )
    f.archive_note(D("2024-05-30"), filer="蔡晓峰", checker="邱文杰")
    name_files(
        c,
        [
            "1、封面",
            "2、卷内目录",
            "3、举报登记",
            "4、现场检查笔录",
            "5、询问笔录（何建平）",
            "6、现场照片",
            "7、身份证复印件",
            "8、立案呈批表",
            "9、调查终结报告",
            "10、告知书",
            "11、送达回证",
            "12、决定书",
            "13、送达回证(1)",
            "14、缴款票据",
            "15、公示截图说明",
            "16、结案报告",
            "17、备考表",
        ],
    )
    c.intended = ["E03", "S02", "T04"]
    c.notes = (
        "T04: the inquiry of the party (2024-04-08) predates the filing approval (2024-04-10, 立案呈批表). "
        "S02: the inspection record (现场检查笔录) names officer 蔡晓峰 without a certificate number. "
        "E03: the inquiry record has no confirmation line (以上笔录我看过…), although the party signed it. "
        "Party and officer signatures are pictures. Dates in the forms use the 2024.4.8 form."
    )
    return c


# ==========================================================================
# 6  云溪县市场监督管理局 — prices not displayed — .zip of .docx — N06, G01, C03


def case_yx_shijian_022() -> Case:
    ag = A.market_yx()
    party = Party(
        kind="ib",
        name="云溪县好味来餐馆",
        id=cc("92", "361124", "haoweilai"),
        address="云溪县云峰镇新华路12号",
        phone="186****2093",
        rep="罗美兰",
        rep_id=pid("361124", "1983-02-17", 564, male=False),
        rep_title="经营者",
        gender="女",
        scope="餐饮服务",
        established=D("2019-06-11"),
    )
    officers = [Officer("邓超", "1411240012"), Officer("彭雪", "1411240019")]
    story = Story(
        cause="不按规定明码标价",
        source="投诉",
        source_text="2024年5月13日，本局接到全国12315平台转来的消费者投诉，反映云峰镇新华路“好味来餐馆”菜品未标价，结账时收费与口头报价不符。",
        place="云溪县云峰镇新华路12号当事人经营场所",
        violation_date=D("2024-05-14"),
        findings=(
            "当事人经营场所设有大厅及包厢3间，正在营业。大厅墙面张贴的菜单中有8种菜品标示为“时价”而未标明价格，"
            "海鲜池内的鱼类、虾类未标示价格和计价单位，酒水柜内的酒水饮料均未标示价格。执法人员对现场进行了拍照。"
        ),
        facts=(
            "当事人在其经营的好味来餐馆内，对其销售的菜品、酒水未按规定标示价格：菜单中8种菜品标示为“时价”而未标明具体价格，"
            "海鲜池内的水产品未标示价格及计价单位，酒水柜内的酒水饮料未标示价格。"
        ),
        evidence=[
            "营业执照复印件，证明当事人的主体资格；",
            "现场检查笔录及现场照片，证明当事人未按规定明码标价的事实；",
            "对当事人经营者罗美兰的询问笔录，证明当事人对违法事实的陈述；",
            "消费者投诉材料，证明案件来源。",
        ],
        violated="《中华人民共和国价格法》第十三条第一款",
        basis=["《中华人民共和国价格法》第四十二条", "《价格违法行为行政处罚规定》第十三条第（一）项"],
        reasoning="鉴于当事人系初次违法，且在检查后立即改正，",
        correction="同时，责令当事人改正上述违法行为。",
        photo_kind="shelf",
    )
    pen = Penalty(fine=2000)
    c = Case(
        "yx-shijian-2024-022",
        "zip",
        ag,
        party,
        officers,
        story,
        pen,
        22,
        filing_date=D("2024-05-15"),
        decision_date=D("2024-06-19"),
        zip_root="好味来餐馆不按规定明码标价案",
    )
    f = Flow(c, party_sig="text", officer_sig="text")
    me = Person(
        "罗美兰",
        "女",
        party.rep_id,
        "云溪县好味来餐馆经营者",
        "186****2093",
        "云溪县云峰镇新华路12号",
        "当事人经营者",
    )
    f.cover(closure=D("2024-07-03"))
    f.index()
    f.case_source(T("2024-05-13T16:10"), proposal="建议现场核查。", head="同意。")
    f.inspection(
        T("2024-05-14T10:00"),
        T("2024-05-14T10:35"),
        layout="table",
        present="罗美兰",
        party_sig=Sig("blank", "罗美兰"),
    )
    f.photos(
        D("2024-05-14"),
        [
            dict(
                kind="shelf",
                stamp="2024-05-14 10:08",
                time="2024年5月14日10时08分",
                place=story.place,
                by="彭雪",
                proves="酒水柜内酒水未标示价格",
            )
        ],
        party_sig=f.S("罗美兰"),
    )
    f.filing(filing_aps(c, D("2024-05-14"), D("2024-05-15"), D("2024-05-15")))
    f.identity(D("2024-05-20"), certifier="彭雪", party_sig=f.S("罗美兰"))
    f.inquiry(
        me,
        T("2024-05-20T14:30"),
        T("2024-05-20T15:10"),
        topic="你店未明码标价",
        layout="table",
        place="云峰市场监督管理所询问室",
        qa=[
            ("你店的经营情况？", "我是经营者，2019年开的餐馆，主要做家常菜和海鲜。"),
            (
                "5月14日检查时，你店菜单上8种菜标“时价”，海鲜池和酒水柜没有标价，是否属实？",
                "属实。海鲜进价经常变，就写了时价。",
            ),
            (
                "消费者投诉结账金额与点菜时口头报价不符，是什么情况？",
                "那天服务员报价报错了，后来已经给顾客退了差价。",
            ),
            ("现在是否已经改正？", "已经全部标好价格了。"),
        ],
    )
    f.investigation(report_aps(c, D("2024-05-29"), D("2024-05-30"), D("2024-05-31")))
    f.notice(D("2024-06-05"), title="行政处罚告知书", style={"spaced": "spaces"})
    dec = f.decision(
        D("2024-06-19"),
        family="samr",
        fine_figure=200,
        history=(
            "2024年5月13日，本局接到消费者投诉，经现场检查，于2024年5月15日经本局负责人批准立案调查。"
            "本局于2024年6月5日向当事人送达了《行政处罚告知书》（云市监处告〔2024〕22号），当事人在规定期限内未提出陈述、申辩。"
        ),
    )
    f.receipt([dec], T("2024-06-19T15:00"), recipient_sig=f.S("罗美兰", "image"))
    f.payment(
        D("2024-06-28"), title="非税收入一般缴款书", header="非税收入一般缴款书（电子）", no="3611240024022"
    )
    f.publicity(D("2024-06-24"), by="彭雪", checker="蒋丽")
    f.closure(
        closure_aps(c, D("2024-07-01"), D("2024-07-02"), D("2024-07-03")),
        execution="当事人已于2024年6月28日缴纳罚款人民币2000元。",
    )
    f.archive_note(D("2024-07-05"), filer="彭雪", checker="蒋丽")
    name_files(c, [f"材料{i}" for i in range(1, len(c.docs) + 1)])
    c.intended = ["C03", "G01", "N06"]
    c.notes = (
        "N06: the 行政处罚告知书 has no 送达回证 and no signed receipt; only the decision's narrative says it was served on 2024-06-05 "
        "(that does not count). G01: the inspection record (现场检查笔录) has an empty party signature and no refusal note. "
        "C03: the decision states 罚款人民币贰仟元整（¥200.00）: words 2000, figures 200; the fine is 2000. "
        "The zip holds one folder with uninformative names 材料1..材料N (natural order = file order; 材料10 sorts before 材料2 as text). "
        "The seal is a floating (anchored) picture, not inline."
    )
    return c


# ==========================================================================
# 7  丰安县农业农村局 — selling fake pesticide, licence revoked — PDF folder — major — H02, H03, L03


def case_fa_nongye_012() -> Case:
    ag = A.agri_fa()
    party = Party(
        kind="ib",
        name="丰安县丰收农资经营部",
        id=cc("92", "361128", "fengshou"),
        address="丰安县城南镇农贸路23号",
        phone="133****0925",
        rep="刘福生",
        rep_id=pid("361128", "1966-04-28", 702),
        rep_title="经营者",
        scope="农药（不含危险化学品）、化肥、种子零售",
        established=D("2015-03-20"),
    )
    officers = [Officer("张立军", "NY36112800105"), Officer("陈晓东", "NY36112800118")]
    story = Story(
        cause="经营假农药",
        source="举报",
        source_text="2024年6月3日，本局接到城南镇农户举报，反映其在丰收农资经营部购买的“绿丰”牌10%吡虫啉可湿性粉剂施用后对稻飞虱无防治效果，怀疑为假农药。",
        place="丰安县城南镇农贸路23号当事人经营场所及仓库",
        violation_date=D("2024-06-03"),
        findings=(
            "当事人持有营业执照和农药经营许可证。执法人员在当事人经营场所货架及仓库内发现标称“绿丰”牌10%吡虫啉可湿性粉剂"
            "（标称生产企业：临江绿丰化工有限公司，规格：20克/袋，生产日期：2024年3月6日，批号：20240306）共23袋。"
            "执法人员依法抽取样品5袋，并对剩余18袋予以先行登记保存。当事人未能提供该批农药的进货查验记录。"
        ),
        facts=(
            "当事人于2024年4月从一名流动推销人员处购进标称“绿丰”牌10%吡虫啉可湿性粉剂65袋（进价12元/袋），以30元/袋的价格对外销售，"
            "至2024年6月3日已售出42袋，违法所得1260元，货值金额共计1950元。经临江市农业综合检验检测中心检验，该批农药吡虫啉有效成分未检出，"
            "检出啶虫脒，所含有效成分种类与标签标注的有效成分不符，依法应认定为假农药。"
        ),
        evidence=[
            "营业执照、农药经营许可证复印件，证明当事人的主体资格；",
            "现场检查笔录及现场照片，证明当事人经营涉案农药的事实；",
            "检验报告，证明涉案农药为假农药；",
            "证据先行登记保存通知书及处理决定书，证明涉案农药的数量；",
            "对当事人经营者刘福生的询问笔录，证明涉案农药的购销情况及违法所得；",
            "听证笔录，证明当事人听证意见。",
        ],
        violated="《农药管理条例》第四十四条第一款第（三）项",
        basis=["《农药管理条例》第五十五条第一款第（二）项"],
        reasoning="当事人经营假农药，导致农户稻飞虱防治失效，且不能提供合法进货来源，情节严重，",
        correction="同时，责令当事人停止经营假农药。",
        goods_list=[("“绿丰”牌10%吡虫啉可湿性粉剂", "20克/袋", "18袋", "批号20240306")],
        photo_kind="shelf",
    )
    pen = Penalty(
        fine=8000,
        gains=1260,
        goods="假农药“绿丰”牌10%吡虫啉可湿性粉剂18袋",
        revoke="农药经营许可证（编号：农药经许（临）36112820058）",
    )
    c = Case(
        "fa-nongye-2024-012",
        "pdf-folder",
        ag,
        party,
        officers,
        story,
        pen,
        12,
        filing_date=D("2024-06-04"),
        decision_date=D("2024-07-19"),
        major=True,
    )
    f = Flow(c, party_sig="image", officer_sig="text")
    me = Person(
        "刘福生",
        "男",
        party.rep_id,
        "丰安县丰收农资经营部经营者",
        "133****0925",
        "丰安县城南镇农贸路23号",
        "当事人经营者",
    )
    f.cover(closure=D("2024-08-05"))
    f.index(date_style="cn")
    f.case_source(T("2024-06-03T09:30"), title="案件来源登记表", proposal="建议立即核查。", head="同意。")
    f.inspection(T("2024-06-03T14:30"), T("2024-06-03T15:40"), layout="table", present="刘福生")
    f.photos(
        D("2024-06-03"),
        [
            dict(
                kind="shelf",
                stamp="2024-06-03 14:42",
                time="2024年6月3日14时42分",
                place=story.place,
                by="陈晓东",
                proves="货架上摆放的涉案农药",
            )
        ],
    )
    pn = f.preservation_notice(D("2024-06-03"), where="当事人仓库", how="就地封存")
    f.filing(filing_aps(c, D("2024-06-03"), D("2024-06-04"), D("2024-06-04")))
    f.inquiry(
        me,
        T("2024-06-05T09:00"),
        T("2024-06-05T10:10"),
        topic="你店经营的吡虫啉农药",
        layout="para",
        place="丰安县农业综合行政执法大队询问室",
        qa=[
            (
                "你店“绿丰”牌10%吡虫啉可湿性粉剂从哪里进的货？",
                "4月份一个开面包车的推销员送上门的，说是厂家直销，没开发票。",
            ),
            ("进了多少？进价、售价多少？", "进了65袋，12块钱一袋，卖30块一袋。"),
            ("卖出去多少？", "卖了42袋，还剩23袋。"),
            ("你是否查验过该农药的登记证、合格证？", "看了包装上印的登记证号，没有核实。"),
            ("该推销员的联系方式？", "电话现在打不通了。"),
        ],
    )
    f.identity(D("2024-06-05"), certifier="陈晓东", party_sig=f.S("刘福生"))
    f.preservation_handling(
        D("2024-06-07"),
        pn,
        "抽取的样品送临江市农业综合检验检测中心检验；其余18袋继续就地封存，责令当事人暂停销售，待检验结果出具后依法处理。",
    )
    f.test_report(
        D("2024-06-14"),
        title="检验报告",
        lab="临江市农业综合检验检测中心",
        report_no="临农检（药）字〔2024〕第0618号",
        sample="“绿丰”牌10%吡虫啉可湿性粉剂（批号20240306）",
        category="委托检验",
        received=D("2024-06-05"),
        standard="GB/T 28138-2011 吡虫啉可湿性粉剂；NY/T 1453-2007 农药中有效成分的定性测定",
        results=[
            ("吡虫啉质量分数", "%", "≥10.0（标示值）", "未检出", "不合格"),
            ("啶虫脒（定性）", "—", "不得检出", "检出（3.2%）", "不合格"),
        ],
        conclusion="该样品所含有效成分种类与标签标注不符。",
        approver="邹建平",
        checker="夏雯",
        tester="孔令华",
    )
    f.investigation(report_aps(c, D("2024-06-19"), D("2024-06-19"), D("2024-06-20")))
    n = f.notice(D("2024-06-24"), title="行政处罚事先告知书", hearing=True, deadline="五日")
    f.receipt([n], T("2024-06-25T10:30"))
    f.statement(
        D("2024-06-27"),
        "hearing_request",
        "听证申请书",
        received=D("2024-06-25"),
        notice_number=n.number,
        notice_title=n.title,
        reason="本人系被推销员欺骗，并非故意经营假农药，吊销许可证过重。",
    )
    hn = f.hearing_notice(
        D("2024-07-04"),
        T("2024-07-09T09:30"),
        "丰安县农业农村局四楼会议室",
        presiding="张立军",
        presiding_post="丰安县农业综合行政执法大队副大队长",
        members=["钱芳"],
        clerk="黄小梅",
    )
    f.receipt([hn], T("2024-07-05T16:00"))
    f.hearing_record(
        T("2024-07-09T09:30"),
        T("2024-07-09T11:00"),
        "丰安县农业农村局四楼会议室",
        presiding="张立军",
        members=["钱芳"],
        clerk="黄小梅",
        party_attendees=["刘福生"],
        investigators=[officers[1]],
        transcript=[
            ("主持人", "宣布听证开始，核对当事人身份，告知听证权利。当事人是否申请回避？"),
            ("刘福生", "不申请。"),
            ("调查人员（陈晓东）", "陈述当事人经营假农药的事实、证据和拟作出的处罚。"),
            ("刘福生", "我是被推销员骗了，不知道是假农药，吊销许可证太重了，以后没法做生意。"),
            ("调查人员（陈晓东）", "当事人未履行进货查验义务，不能提供合法来源，依法应当处罚。"),
            ("主持人", "听证结束。"),
        ],
    )
    f.av(
        D("2024-07-09"),
        by="黄小梅",
        entries=[
            dict(
                what="听证",
                time=T("2024-07-09T09:30"),
                place="局四楼会议室",
                device="执法记录仪FA-NY-05",
                by="黄小梅",
                store="执法音像管理平台",
            )
        ],
    )
    f.legal_review(
        D("2024-07-22"),
        reviewers=["邵文华"],
        submitted=D("2024-07-12"),
        head="邵文华",
        variant="letter",
        title="法制审核意见书",
        opinion="本案事实清楚，证据确凿，适用依据正确，程序合法，处罚适当，同意承办机构的处理意见。",
    )
    f.collective(
        T("2024-07-17T15:00"),
        T("2024-07-17T16:00"),
        chair="汪德胜",
        participants=["汪德胜", "毛志勇", "江海波", "欧阳明"],
        attendees=["张立军", "陈晓东"],
        recorder="黄小梅",
        speeches=[
            ("陈晓东", "汇报案情及听证情况，建议维持拟处罚意见。"),
            ("毛志勇", "同意。"),
            ("江海波", "同意。"),
            ("欧阳明", "当事人情节严重，同意吊销许可证。"),
        ],
        conclusion_text="经集体讨论决定：没收违法所得1260元，没收假农药18袋，罚款8000元，吊销农药经营许可证。",
    )
    dec = f.decision(
        D("2024-07-19"),
        family="generic",
        history=(
            "本局于2024年6月3日接到举报，经现场检查，于2024年6月4日立案调查。本局于2024年6月25日向当事人送达了《行政处罚事先告知书》，"
            "当事人于2024年6月27日申请听证，本局于2024年7月9日举行了听证。"
        ),
        statement_text="当事人在听证中提出其系被推销员欺骗、吊销许可证过重的意见。经复核，当事人未履行进货查验义务，其意见不予采纳。",
    )
    f.receipt([dec], T("2024-07-19T16:20"))
    f.payment(D("2024-07-30"), title="罚没款缴款凭证", header="非税收入一般缴款书", no="3611280024012")
    f.publicity(D("2024-07-24"), by="陈晓东", checker="欧阳明")
    f.closure(
        closure_aps(c, D("2024-08-02"), D("2024-08-05"), D("2024-08-05")),
        execution="当事人已于2024年7月30日缴纳罚没款9260元，假农药18袋已于2024年8月1日依法销毁，农药经营许可证已收回注销。",
    )
    f.archive_note(D("2024-08-08"), filer="陈晓东", checker="欧阳明")
    name_files(
        c,
        [
            "00封面",
            "01卷内目录",
            "02案件来源登记表",
            "03现场检查笔录",
            "04现场照片",
            "05先行登记保存通知书",
            "06立案审批表",
            "07询问笔录",
            "08营业执照及许可证复印件",
            "09先行登记保存处理决定书",
            "10检验报告",
            "11调查终结报告",
            "12事先告知书",
            "13送达回证-告知书",
            "14听证申请书",
            "15听证通知书",
            "16送达回证-听证通知书",
            "17听证笔录",
            "18执法音像记录登记表",
            "19法制审核意见书",
            "20集体讨论记录",
            "21行政处罚决定书",
            "22送达回证-决定书",
            "23缴款凭证",
            "24公示记录",
            "25结案审批表",
            "26备考表",
        ],
    )
    c.intended = ["H02", "H03", "L03"]
    c.notes = (
        "Major case: revocation of the pesticide licence (吊销许可证件) qualifies for a hearing whatever the fine (8000). "
        "H02: hearing notice served 2024-07-05 for a hearing on 2024-07-09 (4 days). H03: the presiding officer 张立军 is one of the "
        "two investigating officers (he signed the inspection and inquiry records); the hearing record lists only 陈晓东 as investigator. "
        "L03: the 法制审核意见书 is dated 2024-07-22, after the decision of 2024-07-19 (it is filed before the collective discussion). "
        "Party signatures are pictures."
    )
    return c


# ==========================================================================
# 8  临江市生态环境局青山分局 — dust from open stockpiles — docx folder — D04, D06, G03


def case_qs_huanjing_015() -> Case:
    ag = A.eco_qs()
    party = Party(
        kind="org",
        name="青山县宏远建材有限公司",
        id=cc("91", "361123", "hongyuan"),
        address="青山县青溪镇工业大道16号",
        phone="152****6608",
        rep="许志刚",
        rep_id=pid("361123", "1975-12-02", 845),
        scope="商品混凝土、干混砂浆生产、销售",
        established=D("2014-05-27"),
        capital="1200万元人民币",
    )
    officers = [Officer("戴军", "HB36112300331"), Officer("谭晓雯", "HB36112300347")]
    story = Story(
        cause="未密闭堆存易产生扬尘的物料",
        source="日常检查",
        source_text="2024年3月19日，本分局执法人员在“双随机、一公开”抽查中对当事人进行现场检查，发现当事人露天堆放砂石料未采取防尘措施。",
        place="青山县青溪镇工业大道16号当事人厂区",
        violation_date=D("2024-03-19"),
        findings=(
            "当事人主要从事商品混凝土及干混砂浆生产。现场检查时，当事人厂区东侧露天堆放砂石料约2000立方米，"
            "未采取密闭、围挡或者覆盖措施，未设置喷淋设施，现场有明显扬尘。执法人员对现场进行了拍照、录像。"
        ),
        facts="当事人在其厂区东侧露天堆放砂石料约2000立方米，未采取密闭、围挡、覆盖等防治扬尘污染的措施，造成扬尘污染。",
        evidence=[
            "营业执照复印件，证明当事人的主体资格；",
            "现场检查笔录、现场照片，证明当事人露天堆放砂石料未采取防尘措施的事实；",
            "调查询问笔录，证明当事人对违法事实的确认；",
            "陈述申辩笔录，证明当事人陈述申辩意见。",
        ],
        violated="《中华人民共和国大气污染防治法》第七十二条第一款",
        basis=["《中华人民共和国大气污染防治法》第一百一十七条第（一）项"],
        reasoning="鉴于当事人已于2024年3月25日完成砂石料覆盖整改，",
        correction="",
        photo_kind="site",
    )
    pen = Penalty(fine=30000)
    c = Case(
        "qs-huanjing-2024-015",
        "docx-folder",
        ag,
        party,
        officers,
        story,
        pen,
        15,
        filing_date=D("2024-03-21"),
        decision_date=D("2024-04-29"),
    )
    f = Flow(c, party_sig="image", officer_sig="text", ink="black")
    rep = Person(
        "许志刚",
        "男",
        party.rep_id,
        "青山县宏远建材有限公司法定代表人",
        "152****6608",
        "青山县青溪镇青溪街8号",
        "当事人法定代表人",
    )
    f.cover(closure=D("2024-05-20"))
    f.index()
    f.case_source(T("2024-03-19T16:30"), proposal="建议立案。", head="同意。")
    f.inspection(T("2024-03-19T09:40"), T("2024-03-19T10:30"), layout="table", present="许志刚")
    f.photos(
        D("2024-03-19"),
        [
            dict(
                kind="site",
                stamp="2024-03-19 09:52",
                time="2024年3月19日9时52分",
                place=story.place,
                by="谭晓雯",
                proves="露天堆放的砂石料未覆盖",
            )
        ],
    )
    f.filing(filing_aps(c, D("2024-03-20"), D("2024-03-20"), D("2024-03-21")))
    f.identity(D("2024-03-26"), certifier="谭晓雯", party_sig=f.S("许志刚"))
    f.inquiry(
        rep,
        T("2024-03-26T14:00"),
        T("2024-03-26T14:45"),
        title="调查询问笔录",
        topic="你公司砂石料堆放",
        place="临江市生态环境局青山分局询问室",
        layout="table",
        qa=[
            ("你公司厂区东侧的砂石料堆放了多少？堆放多久了？", "大概2000方，今年春节后一直堆在那里。"),
            ("3月19日检查时砂石料是否采取了覆盖、围挡等措施？", "没有，原来的防尘网坏了还没换。"),
            ("现在是否已经整改？", "3月25日已经全部用防尘网盖好了，也装了喷淋。"),
        ],
    )
    f.investigation(report_aps(c, D("2024-04-10"), D("2024-04-11"), D("2024-04-12")), title="案件调查报告")
    n = f.notice(D("2024-04-16"), title="行政处罚事先告知书")
    f.receipt([n], T("2024-04-17T10:00"))
    f.statement(
        D("2024-04-19"),
        "record",
        "陈述申辩笔录",
        time=T("2024-04-19T10:00"),
        place="临江市生态环境局青山分局询问室",
        person=rep,
        officers=officers,
        qa=[
            ("你对拟作出的行政处罚有何陈述、申辩意见？", "我们已经整改到位，请求从轻处罚。"),
            ("还有其他意见吗？", "没有。"),
        ],
    )
    dec = f.decision(
        D("2024-04-29"),
        family="eco",
        seal=False,
        remedy="old",
        basis_sentence="依据《中华人民共和国大气污染防治法》的有关规定",
        cited=["《中华人民共和国大气污染防治法》第七十二条第一款", "《中华人民共和国大气污染防治法》"],
        history=(
            "本分局于2024年3月21日立案调查，于2024年4月17日向你单位送达了《行政处罚事先告知书》，"
            "你单位于2024年4月19日进行了陈述申辩。"
        ),
        statement_text="你单位提出已整改到位、请求从轻处罚。经复核，你单位整改情况已在裁量时予以考虑。",
        inspected=D("2024-03-19"),
    )
    f.receipt([dec], T("2024-04-30T09:30"))
    f.payment(D("2024-05-10"), title="非税收入一般缴款书", no="3611230024015")
    f.publicity(D("2024-05-08"), by="谭晓雯", checker="石磊")
    f.closure(
        closure_aps(c, D("2024-05-16"), D("2024-05-17"), D("2024-05-20")),
        execution="当事人已于2024年5月10日缴纳罚款30000元。",
    )
    f.archive_note(D("2024-05-22"), filer="谭晓雯", checker="石磊")
    name_files(
        c,
        [
            "封面",
            "目录",
            "案件来源登记表",
            "现场检查笔录",
            "现场照片",
            "立案审批表",
            "营业执照",
            "调查询问笔录（许志刚）",
            "案件调查报告",
            "事先告知书",
            "告知书送达回证",
            "陈述申辩笔录",
            "决定书",
            "决定书送达回证",
            "缴款书",
            "公示记录",
            "结案审批表",
            "备考表",
        ],
    )
    c.intended = ["D04", "D06", "G03"]
    c.notes = (
        "D04: the decision cites the violated article (第七十二条第一款) but bases the penalty on 《中华人民共和国大气污染防治法》的有关规定 "
        "without an article. D06: old template remedies, 复议 within 十五日 and 诉讼 within 三个月. G03: the decision carries no seal "
        "(the advance notice does). Titles: 案件调查报告, 调查询问笔录."
    )
    return c


# ==========================================================================
# 9  桐江县交通运输局 — vehicle permit not carried, warning only — bound .docx — N02, S04, A01


def case_tj_jiaotong_041() -> Case:
    ag = A.transport_tj()
    party = Party(
        kind="org",
        name="桐江县顺通物流有限公司",
        id=cc("91", "361127", "shuntong"),
        address="桐江县桐城镇物流园区A区12号",
        phone="159****3307",
        rep="杨国强",
        rep_id=pid("361127", "1980-06-30", 319),
        scope="道路普通货物运输；仓储服务",
        established=D("2017-08-15"),
        capital="500万元人民币",
    )
    officers = [Officer("韦东", "JT3611270041"), Officer("包志成", "JT3611270058")]
    story = Story(
        cause="未按规定随车携带道路运输证",
        source="日常检查",
        source_text="2024年8月6日，本局执法人员在桐城镇迎宾大道开展道路货运车辆执法检查时，发现当事人所属赣X·86127号重型厢式货车未随车携带道路运输证。",
        place="桐江县桐城镇迎宾大道与建设路交叉口路段",
        violation_date=D("2024-08-06"),
        findings=(
            "赣X·86127号重型厢式货车由驾驶员周大勇驾驶，装载日用百货，从桐江县物流园驶往临江市。驾驶员能出示机动车驾驶证、"
            "从业资格证和机动车行驶证，但未能出示该车的道路运输证。经查询，该车已办理道路运输证，证件在有效期内。"
        ),
        facts="2024年8月6日，当事人所属赣X·86127号重型厢式货车由驾驶员周大勇驾驶从事道路货物运输经营时，未按规定随车携带道路运输证。",
        evidence=[
            "营业执照复印件，证明当事人的主体资格；",
            "现场检查笔录，证明车辆未随车携带道路运输证的事实；",
            "对驾驶员周大勇的询问笔录，证明车辆运输情况；",
            "道路运输证信息查询记录，证明该车已办理道路运输证。",
        ],
        violated="《中华人民共和国道路运输条例》第三十三条",
        basis=["《中华人民共和国道路运输条例》第六十八条"],
        reasoning="鉴于当事人系初次违法，该车已依法取得道路运输证，违法情节轻微，",
        photo_kind="truck",
    )
    pen = Penalty(warning=True)
    c = Case(
        "tj-jiaotong-2024-041",
        "bound-docx",
        ag,
        party,
        officers,
        story,
        pen,
        41,
        filing_date=D("2024-08-07"),
        decision_date=D("2024-08-26"),
    )
    c.extra["bound_footer"] = "page"
    f = Flow(c, party_sig="text", officer_sig="text")
    driver = Person(
        "周大勇",
        "男",
        pid("361127", "1988-02-11", 526),
        "桐江县顺通物流有限公司驾驶员",
        "131****8856",
        "桐江县桐城镇南门路7号",
        "当事人驾驶员",
    )
    f.cover(closure=D("2024-08-30"), variant="lines", retention="30年")
    f.case_source(T("2024-08-06T11:00"), proposal="建议立案调查。", head="同意。")
    f.inspection(
        T("2024-08-06T10:15"),
        T("2024-08-06T10:40"),
        layout="para",
        present="周大勇（驾驶员）",
        certificates_shown=False,
        party_sig=f.S("周大勇"),
    )
    f.filing(filing_aps(c, D("2024-08-06"), D("2024-08-07"), D("2024-08-07")), title="立案审批表")
    f.inquiry(
        driver,
        T("2024-08-07T09:00"),
        T("2024-08-07T09:30"),
        topic="赣X·86127号货车运输情况",
        layout="para",
        place="桐江县交通运输综合行政执法大队询问室",
        qa=[
            ("你驾驶的车辆属于哪个单位？", "属于桐江县顺通物流有限公司，我是公司聘用的驾驶员。"),
            ("8月6日检查时你为什么不能出示道路运输证？", "证件前一天拿去公司办年审资料，忘记放回车上了。"),
            ("该车是否办理了道路运输证？", "办了，在公司办公室。"),
        ],
    )
    f.identity(D("2024-08-08"), certifier="包志成")
    f.investigation(
        report_aps(c, D("2024-08-14"), D("2024-08-15"), D("2024-08-15")),
        title="案件处理审批表",
        variant="table",
    )
    n = f.notice(D("2024-08-16"), title="行政处罚事先告知书", defence=False, deadline="三日")
    f.receipt([n], T("2024-08-16T15:00"), recipient_sig=f.S("杨国强"))
    dec = f.decision(
        D("2024-08-26"),
        family="generic",
        history=(
            "本局于2024年8月6日路面检查中发现当事人车辆未随车携带道路运输证，于2024年8月7日立案调查，"
            "于2024年8月16日向当事人送达了《行政处罚事先告知书》，当事人未提出陈述意见。"
        ),
    )
    f.receipt([dec], T("2024-08-27T10:00"), recipient_sig=f.S("杨国强"))
    f.closure(
        closure_aps(c, D("2024-08-29"), D("2024-08-30"), D("2024-08-30")),
        title="结案审批表",
        execution="本案处罚种类为警告，行政处罚决定书已于2024年8月27日送达当事人，处罚决定已执行完毕。",
    )
    f.archive_note(D("2024-09-02"), filer="包志成", checker="姚建新")
    c.intended = ["A01", "N02", "S04"]
    c.notes = (
        "Warning only (警告): P01 and A03 do not apply. N02: the 行政处罚事先告知书 only grants the right to state opinions "
        "(陈述), not 申辩. S04: the inspection record (现场检查笔录) does not record that certificates were shown (the inquiry does). "
        "A01: the bound file has a cover but no 卷内目录. Bound .docx: documents separated by page breaks inside sections; "
        "the cover has no page number, the body is numbered 第 N 页 from 1, the 备考表 is unnumbered."
    )
    return c


# ==========================================================================
# 10 云溪县城市管理和综合执法局 — sewage without permit — PDF folder — N05, T03, C02


def case_yx_chengguan_023() -> Case:
    ag = A.urban_yx()
    party = Party(
        kind="ib",
        name="云溪县老街坊餐饮店",
        id=cc("92", "361124", "laojiefang"),
        address="云溪县云峰镇老街45号",
        phone="177****4128",
        rep="谢家福",
        rep_id=pid("361124", "1977-08-09", 633),
        rep_title="经营者",
        scope="餐饮服务",
        established=D("2023-09-26"),
    )
    officers = [Officer("石宇", "CG-0524-015"), Officer("喻佳", "CG-0524-022")]
    story = Story(
        cause="未取得污水排入排水管网许可证向城镇排水设施排放污水",
        source="部门移送",
        source_text="2024年6月17日，云溪县住房和城乡建设局移送线索，反映老街片区部分餐饮单位未办理排水许可直接向市政污水管网排放污水。",
        place="云溪县云峰镇老街45号当事人经营场所",
        violation_date=D("2024-06-18"),
        findings=(
            "当事人从事餐饮服务，经营面积约80平方米，后厨产生的含油污水经一处简易隔油池后，通过管道直接接入老街市政污水管网。"
            "当事人未能出示污水排入排水管网许可证。执法人员对排水口及隔油池进行了拍照。"
        ),
        facts=(
            "当事人自2023年10月开业以来，在未取得污水排入排水管网许可证的情况下，将其餐饮经营产生的污水经简易隔油池后直接排入老街市政污水管网。"
        ),
        evidence=[
            "营业执照复印件，证明当事人的主体资格；",
            "现场检查笔录及现场照片，证明当事人排放污水的事实；",
            "询问笔录，证明当事人未取得排水许可的情况；",
            "云溪县住房和城乡建设局案件移送函，证明案件来源。",
        ],
        violated="《城镇排水与污水处理条例》第二十一条第一款",
        basis=["《城镇排水与污水处理条例》第五十条第二款"],
        reasoning="",
        correction="责令当事人于2024年8月10日前补办污水排入排水管网许可证。",
        photo_kind="site",
    )
    pen = Penalty(fine=5000)
    c = Case(
        "yx-chengguan-2024-023",
        "pdf-folder",
        ag,
        party,
        officers,
        story,
        pen,
        23,
        filing_date=D("2024-06-19"),
        decision_date=D("2024-07-10"),
    )
    f = Flow(c, party_sig="image", officer_sig="text")
    me = Person(
        "谢家福",
        "男",
        party.rep_id,
        "云溪县老街坊餐饮店经营者",
        "177****4128",
        "云溪县云峰镇老街47号",
        "当事人经营者",
    )
    f.cover(closure=D("2024-07-25"))
    f.index(date_style="iso")
    f.case_source(T("2024-06-17T14:00"), proposal="建议核查。", head="同意。")
    f.inspection(T("2024-06-18T10:00"), T("2024-06-18T10:30"), layout="table", present="谢家福")
    f.photos(
        D("2024-06-18"),
        [
            dict(
                kind="site",
                stamp="2024-06-18 10:11",
                time="2024-06-18 10:11",
                place=story.place,
                by="喻佳",
                proves="后厨污水经隔油池接入市政管网",
            )
        ],
    )
    f.filing(filing_aps(c, D("2024-06-18"), D("2024-06-19"), D("2024-06-19")))
    f.identity(D("2024-06-21"), certifier="喻佳", party_sig=f.S("谢家福"))
    f.inquiry(
        me,
        T("2024-06-21T15:00"),
        T("2024-06-21T15:40"),
        topic="你店排放污水",
        layout="table",
        place="云溪县城市管理和综合执法局执法大队一中队",
        qa=[
            ("你店后厨污水排到哪里？", "经过隔油池排到门口的市政污水管。"),
            ("是否办理了污水排入排水管网许可证？", "没有办，不知道要办。"),
            ("开业多久了？", "去年10月开业的。"),
        ],
    )
    f.investigation(report_aps(c, D("2024-07-02"), D("2024-07-03"), D("2024-07-03")))
    n = f.notice(D("2024-07-05"), title="行政处罚告知书", proposed=Penalty(fine=3000))
    f.receipt([n], T("2024-07-08T09:30"))
    dec = f.decision(
        D("2024-07-10"),
        family="generic",
        history=(
            "本局于2024年6月17日收到云溪县住房和城乡建设局移送的案件线索，经现场检查，于2024年6月19日立案调查。"
            "本局于2024年7月8日向当事人送达了《行政处罚告知书》。"
        ),
    )
    f.receipt([dec], T("2024-07-11T10:00"))
    f.payment(D("2024-07-19"), title="非税收入一般缴款书", no="3611240024023")
    f.publicity(D("2024-07-16"), by="喻佳", checker="金涛")
    f.closure(
        closure_aps(c, D("2024-07-24"), D("2024-07-25"), D("2024-07-25")),
        number="云城执罚字〔2024〕第32号",
        execution="当事人已于2024年7月19日缴纳罚款5000元，并已申请办理排水许可。",
    )
    f.archive_note(D("2024-07-29"), filer="喻佳", checker="金涛")
    name_files(c, [f"扫描件_{i:04d}" for i in range(1, len(c.docs) + 1)])
    c.intended = ["C02", "N05", "T03"]
    c.notes = (
        "N05: the 行政处罚告知书 proposed a fine of 3000 (叁仟), the decision imposes 5000 with no new notice. "
        "T03: the notice was served on 2024-07-08 and the decision is dated 2024-07-10 (2 days), with no statement or waiver. "
        "C02: the 结案审批表 gives the decision number as 云城执罚字〔2024〕第32号 instead of 第23号. "
        "All files are named 扫描件_000N.pdf: the type must come from the content. Amounts are written in figures (5000元)."
    )
    return c


# ==========================================================================
# 11 南屏县市场监督管理局 — misleading travel advertising — bound PDF — C01, T02, P01


def case_np_shijian_036() -> Case:
    ag = A.market_np()
    party = Party(
        kind="org",
        name="南屏县美途旅行社有限公司",
        id=cc("91", "361125", "meitu"),
        address="南屏县南城街道商贸街18号",
        phone="136****9052",
        rep="钟丽萍",
        rep_id=pid("361125", "1986-10-05", 284, male=False),
        scope="国内旅游业务；入境旅游业务",
        established=D("2018-11-08"),
        capital="300万元人民币",
    )
    officers = [Officer("许文涛", "1411250008"), Officer("柯敏", "1411250021")]
    story = Story(
        cause="发布虚假广告",
        source="投诉",
        source_text="2024年5月28日，本局接到消费者投诉，反映当事人在其微信公众号发布的“南屏山纯玩三日游”广告宣称“零自费、零购物”，实际行程中安排了购物点和自费项目。",
        place="南屏县南城街道商贸街18号当事人经营场所",
        violation_date=D("2024-05-31"),
        findings=(
            "当事人经营场所内设有门店接待区，张贴有“南屏山纯玩三日游 零自费 零购物”宣传海报一张。执法人员使用执法记录仪对当事人微信公众号"
            "“美途南屏游”中2024年4月1日发布的推文进行了截图取证，该推文阅读量为3562次。当事人现场提供了该线路的行程单及与地接社签订的合同。"
        ),
        facts=(
            "当事人于2024年4月1日至2024年5月31日期间，通过其微信公众号“美途南屏游”及门店海报发布“南屏山纯玩三日游”广告，宣称该线路“零自费、零购物”，"
            "而该线路实际行程中安排了2个购物点和1个自费项目，广告内容与实际情况不符，对消费者购买行为有实质性影响，构成虚假广告。"
            "当事人为推广该广告支付的广告费用为12000元。"
        ),
        evidence=[
            "营业执照复印件，证明当事人的主体资格；",
            "现场检查笔录，证明当事人发布涉案广告的事实；",
            "公众号推文截图及海报照片，证明广告内容；",
            "行程单、地接合同，证明线路实际安排购物点和自费项目；",
            "广告费用支付凭证，证明广告费用为12000元；",
            "对当事人法定代表人钟丽萍的询问笔录；",
            "当事人提交的陈述申辩书。",
        ],
        violated="《中华人民共和国广告法》第二十八条第二款第（二）项",
        basis=["《中华人民共和国广告法》第五十五条第一款"],
        reasoning="鉴于当事人在调查期间主动删除了违法广告，积极配合调查，",
        mitigation_cite="《中华人民共和国行政处罚法》第三十二条第（一）项",
        correction="同时，责令当事人停止发布违法广告，并在相应范围内消除影响。",
        photo_kind="shelf",
    )
    pen = Penalty(fine=36000)
    c = Case(
        "np-shijian-2024-036",
        "bound-pdf",
        ag,
        party,
        officers,
        story,
        pen,
        36,
        filing_date=D("2024-06-03"),
        decision_date=D("2024-08-05"),
    )
    c.extra["bound_footer"] = "dash"
    f = Flow(c, party_sig="image", officer_sig="image")
    rep = Person(
        "钟丽萍",
        "女",
        party.rep_id,
        "南屏县美途旅行社有限公司法定代表人",
        "136****9052",
        "南屏县南城街道锦绣小区3栋502室",
        "当事人法定代表人",
    )
    f.cover(closure=D("2024-09-05"), spaced="charspacing")
    f.index(title="卷内目录", date_style="compact")
    f.case_source(T("2024-05-28T10:30"), proposal="建议核查。", head="同意。")
    f.inspection(T("2024-05-30T14:00"), T("2024-05-30T15:05"), layout="table", present="钟丽萍")
    f.photos(
        D("2024-05-30"),
        [
            dict(
                kind="shelf",
                stamp="2024-05-30 14:16",
                time="2024年5月30日14时16分",
                place=story.place,
                by="柯敏",
                proves="门店张贴的宣传海报",
            )
        ],
        title="证据照片",
    )
    f.filing(filing_aps(c, D("2024-05-31"), D("2024-05-31"), D("2024-06-03")))
    f.identity(D("2024-06-06"), certifier="柯敏", party_sig=f.S("钟丽萍"))
    f.inquiry(
        rep,
        T("2024-06-06T09:30"),
        T("2024-06-06T10:40"),
        topic="你公司发布旅游广告",
        layout="table",
        place="南屏县市场监督管理局询问室",
        qa=[
            ("“南屏山纯玩三日游”广告是谁发布的？", "是我公司在公众号“美途南屏游”和门店海报上发布的。"),
            (
                "广告称“零自费、零购物”，实际行程如何安排？",
                "实际行程有两个购物点和一个漂流自费项目，是地接社安排的。",
            ),
            ("该广告的费用是多少？", "公众号推广和海报设计制作一共花了12000元，有转账记录。"),
            ("该广告现在是否还在发布？", "6月1日已经删除了推文，海报也撤了。"),
        ],
    )
    f.investigation(report_aps(c, D("2024-07-08"), D("2024-07-09"), D("2024-07-10")))
    n = f.notice(D("2024-07-15"), title="行政处罚告知书")
    f.receipt([n], T("2024-07-16T10:00"), recipient="南屏县美途旅行社有限责任公司")
    f.statement(
        D("2024-07-19"),
        "written",
        "陈述申辩书",
        text="我公司对告知书认定的事实无异议。涉案广告已全部删除，我公司系初次违法，恳请减轻处罚。",
    )
    dec = f.decision(
        D("2024-08-05"),
        family="samr",
        style={"spaced": "spaces"},
        history=(
            "2024年5月28日，本局接到消费者投诉，经核查于2024年6月3日立案调查。本局于2024年7月16日向当事人送达了《行政处罚告知书》，"
            "当事人于2024年7月19日提交了书面陈述申辩意见。"
        ),
        statement_text="当事人请求减轻处罚。经复核，当事人不符合减轻处罚的情形，但其主动消除违法行为危害后果，本局依法从轻处罚。",
    )
    f.receipt([dec], T("2024-08-17T11:00"))
    f.payment(D("2024-08-28"), title="非税收入一般缴款书", no="3611250024036")
    f.publicity(D("2024-08-21"), by="柯敏", checker="潘志勇")
    f.closure(
        closure_aps(c, D("2024-09-03"), D("2024-09-04"), D("2024-09-05")),
        execution="当事人已于2024年8月28日缴纳罚款人民币36000元。",
    )
    f.archive_note(D("2024-09-09"), filer="柯敏", checker="潘志勇")
    c.intended = ["C01", "P01", "T02"]
    c.notes = (
        "C01: the service receipt of the advance notice names the recipient 南屏县美途旅行社有限责任公司 (the decision: …有限公司). "
        "T02: decision dated 2024-08-05, served 2024-08-17 (12 days). P01: published 2024-08-21, 12 working days after the decision. "
        "The decision also cites 《中华人民共和国行政处罚法》第三十二条第（一）项 (mitigation). Seals float over the closing; "
        "body pages numbered - N - from 1 after the index."
    )
    return c


# ==========================================================================
# 12 临江市生态环境局云溪分局 — no self-monitoring of waste water — docx folder — N01, A02, A03


def case_lj_huanjing_046() -> Case:
    ag = A.eco_yx()
    party = Party(
        kind="org",
        name="云溪县清源食品有限公司",
        id=cc("91", "361124", "qingyuan"),
        address="云溪县云峰镇工业园区食品路6号",
        phone="139****7720",
        rep="邓文斌",
        rep_id=pid("361124", "1972-03-15", 158),
        scope="豆制品生产、销售",
        established=D("2013-07-01"),
        capital="800万元人民币",
    )
    officers = [Officer("黎志强", "HB36110263"), Officer("殷慧", "HB36110270")]
    story = Story(
        cause="未按照规定对所排放的水污染物自行监测",
        source="日常检查",
        source_text="2024年9月3日，我局执法人员在“双随机、一公开”抽查中对当事人进行现场检查，发现当事人未按照排污许可证规定开展自行监测。",
        place="云溪县云峰镇工业园区食品路6号当事人厂区",
        violation_date=D("2024-09-03"),
        findings=(
            "当事人主要从事豆制品加工，建有日处理能力200吨的污水处理站一座，处理后废水排入园区污水处理厂。当事人持有排污许可证，"
            "排污许可证载明废水总排口化学需氧量、氨氮每季度监测一次。当事人未能提供2024年第一、二季度的自行监测报告及原始监测记录。"
        ),
        facts=(
            "当事人持有排污许可证，按照排污许可证规定，应当对废水总排口化学需氧量、氨氮等污染物每季度开展一次自行监测。"
            "当事人2024年第一季度、第二季度均未按照规定开展自行监测，亦未保存原始监测记录。"
        ),
        evidence=[
            "营业执照、排污许可证复印件，证明当事人的主体资格及自行监测要求；",
            "现场检查笔录，证明当事人未开展自行监测的事实；",
            "调查询问笔录，证明当事人对违法事实的确认。",
        ],
        violated="《中华人民共和国水污染防治法》第二十三条第一款",
        basis=["《中华人民共和国水污染防治法》第八十二条第（一）项"],
        reasoning="",
        correction="同时，责令当事人限期改正。",
        photo_kind="site",
    )
    pen = Penalty(fine=25000)
    c = Case(
        "lj-huanjing-2024-046",
        "docx-folder",
        ag,
        party,
        officers,
        story,
        pen,
        46,
        filing_date=D("2024-09-05"),
        decision_date=D("2024-10-14"),
    )
    f = Flow(c, party_sig="text", officer_sig="text")
    rep = Person(
        "邓文斌",
        "男",
        party.rep_id,
        "云溪县清源食品有限公司法定代表人",
        "139****7720",
        "云溪县云峰镇府前路33号",
        "当事人法定代表人",
    )
    f.cover(closure=None)
    f.index(date_style="dot")
    f.case_source(T("2024-09-03T15:00"), proposal="建议立案。", head="同意。")
    f.inspection(
        T("2024-09-03T09:30"),
        T("2024-09-03T10:20"),
        title="现场检查（勘验）笔录",
        layout="table",
        present="邓文斌",
    )
    f.filing(filing_aps(c, D("2024-09-04"), D("2024-09-04"), D("2024-09-05")))
    f.identity(D("2024-09-10"), certifier="殷慧", party_sig=f.S("邓文斌"))
    f.inquiry(
        rep,
        T("2024-09-10T09:00"),
        T("2024-09-10T09:50"),
        title="调查询问笔录",
        topic="你公司自行监测情况",
        place="临江市生态环境局云溪分局询问室",
        layout="para",
        qa=[
            ("你公司是否知道排污许可证规定的自行监测要求？", "知道，每个季度要测一次化学需氧量和氨氮。"),
            (
                "2024年第一、二季度是否开展了自行监测？",
                "没有做，原来委托的检测公司合同到期了，没有及时续签。",
            ),
            ("是否有原始监测记录？", "没有。"),
        ],
    )
    f.investigation(report_aps(c, D("2024-09-24"), D("2024-09-25"), D("2024-09-26"), head_text="同意。"))
    dec = f.decision(
        D("2024-10-14"),
        family="eco",
        style={"spaced": "spaces"},
        history="我局于2024年9月3日对你单位进行了现场检查，于2024年9月5日立案调查，现已调查终结。",
        inspected=D("2024-09-03"),
    )
    f.receipt([dec], T("2024-10-15T10:30"))
    f.publicity(D("2024-10-18"), by="殷慧", checker="梁晨")
    f.archive_note(D("2024-10-30"), filer="殷慧", checker="黄俊杰")
    name_files(
        c,
        [
            "封面",
            "卷内文件目录",
            "案件来源登记表",
            "现场检查（勘验）笔录",
            "立案审批表",
            "营业执照及排污许可证",
            "调查询问笔录",
            "案件调查终结报告",
            "处罚决定书",
            "送达回证",
            "公示记录",
            "卷内备考表",
        ],
    )
    c.intended = ["A02", "A03", "N01"]
    c.notes = (
        "N01: there is no advance notice at all (the decision follows the investigation report directly and says nothing about "
        "rights). A02: no closure report. A03: a fine of 25000 but no payment proof. The file was archived (备考表) anyway."
    )
    return c


# ==========================================================================
# 13 临川县交通运输综合行政执法大队 — unlicensed freight — mixed folder — S01, G04, T07


def case_lc_jiaotong_027() -> Case:
    ag = A.transport_lc()
    party = Party(
        kind="org",
        name="临川县鼎盛建材贸易有限公司",
        id=cc("91", "361126", "dingsheng"),
        address="临川县临江大道北段168号",
        phone="188****6631",
        rep="孙海波",
        rep_id=pid("361126", "1979-01-25", 407),
        scope="建材销售",
        established=D("2020-04-09"),
        capital="200万元人民币",
    )
    officers = [Officer("陈少华", "JT3611260073"), Officer("邹明", "JT3611260095")]
    story = Story(
        cause="未取得道路运输经营许可擅自从事道路普通货物运输经营",
        source="日常检查",
        source_text="2024年10月8日，本大队执法人员在临川县临江大道开展货运车辆检查时，发现当事人所属车辆涉嫌未取得道路运输经营许可从事货物运输经营。",
        place="临川县临江大道与工业路交叉口",
        violation_date=D("2024-10-08"),
        findings=(
            "赣X·75213号重型自卸货车由驾驶员孔令伟驾驶，装载水泥制品，系当事人为客户有偿运送货物。"
            "经查询，当事人未取得道路运输经营许可证，该车未办理道路运输证。"
        ),
        facts=(
            "当事人在未取得道路运输经营许可的情况下，于2024年9月至10月期间使用其所有的赣X·75213号重型自卸货车为他人有偿运输水泥制品，"
            "共计运输4车次，收取运费1200元。"
        ),
        evidence=[
            "营业执照复印件，证明当事人的主体资格；",
            "现场检查笔录，证明车辆从事货物运输的事实；",
            "对驾驶员孔令伟、法定代表人孙海波的询问笔录，证明运输经营情况及收取运费情况；",
            "运费收款记录，证明违法所得1200元。",
        ],
        violated="《中华人民共和国道路运输条例》第二十四条",
        basis=["《中华人民共和国道路运输条例》第六十三条"],
        reasoning="",
        correction="同时，责令当事人停止经营。",
        photo_kind="truck",
    )
    pen = Penalty(fine=5000, gains=1200)
    c = Case(
        "lc-jiaotong-2024-027",
        "mixed",
        ag,
        party,
        officers,
        story,
        pen,
        27,
        filing_date=D("2024-10-09"),
        decision_date=D("2024-10-30"),
        time_style="colon",
    )
    c.extra["txt_encoding"] = "utf-8"
    f = Flow(c, party_sig="text", officer_sig="text")
    driver = Person(
        "孔令伟",
        "男",
        pid("361126", "1990-12-03", 661),
        "临川县鼎盛建材贸易有限公司驾驶员",
        "183****2475",
        "临川县湖口镇孔家村1组",
        "当事人驾驶员",
    )
    rep = Person(
        "孙海波",
        "男",
        party.rep_id,
        "临川县鼎盛建材贸易有限公司法定代表人",
        "188****6631",
        "临川县临江大道北段170号",
        "当事人法定代表人",
    )
    f.cover(closure=D("2024-11-15"))
    f.index(date_style="cn")
    f.case_source(T("2024-10-08T11:20"), proposal="建议立案。", head="同意。")
    f.inspection(
        T("2024-10-08T10:05"),
        T("2024-10-08T10:30"),
        officers=[officers[0]],
        layout="table",
        present="孔令伟（驾驶员）",
        party_sig=f.S("孔令伟"),
    )
    f.filing(filing_aps(c, D("2024-10-08"), D("2024-10-09"), D("2024-10-09")))
    f.inquiry(
        driver,
        T("2024-10-10T09:00"),
        T("2024-10-10T09:35"),
        topic="赣X·75213号货车运输情况",
        layout="para",
        place="临川县交通运输综合行政执法大队询问室",
        qa=[
            ("你替谁开车？", "替鼎盛建材开，每月工资5000元。"),
            ("10月8日运的货是谁的？", "是公司客户的，公司收运费。"),
            ("这辆车最近运了几趟？", "9月到现在一共运了4趟。"),
        ],
    )
    f.inquiry(
        rep,
        T("2024-10-10T10:00"),
        T("2024-10-10T10:40"),
        topic="你公司车辆从事货物运输情况",
        layout="table",
        place="临川县交通运输综合行政执法大队询问室",
        qa=[
            ("你公司是否取得道路运输经营许可证？", "没有，我们公司主要卖建材。"),
            ("赣X·75213号车为他人运输货物是否收费？", "收了，4车一共收了1200元运费。"),
        ],
    )
    f.identity(D("2024-10-10"), certifier="邹明", party_sig=f.S("孙海波"))
    f.investigation(
        report_aps(c, D("2024-10-16"), D("2024-10-17"), D("2024-10-17")), title="案件调查终结报告"
    )
    n = f.notice(D("2024-10-21"), title="行政处罚事先告知书", deadline="三日")
    f.receipt([n], T("2024-10-18T15:00"), recipient_sig=f.S("孙海波"))
    dec = f.decision(
        D("2024-10-30"),
        family="generic",
        payment="numeric",
        history=(
            "本大队于2024年10月8日检查时发现当事人涉嫌未取得道路运输经营许可从事货物运输经营，于2024年10月9日立案调查，"
            "并依法向当事人送达了《行政处罚事先告知书》，当事人在规定期限内未提出陈述、申辩意见。"
        ),
    )
    f.receipt([dec], T("2024-10-31T09:30"), recipient_sig=Sig("blank", "孙海波"))
    f.payment(D("2024-11-08"), title="罚没款缴款凭证", no="3611260024027")
    f.publicity(D("2024-11-05"), by="邹明", checker="雷鸣")
    f.closure(
        closure_aps(c, D("2024-11-13"), D("2024-11-14"), D("2024-11-15")),
        title="结案报告",
        variant="report",
        execution="当事人已于2024年11月8日缴纳罚没款6200元。",
    )
    f.archive_note(D("2024-11-18"), filer="邹明", checker="雷鸣")
    name_files(
        c,
        [
            "01封面.pdf",
            "02目录.pdf",
            "03案件来源登记表.txt",
            "04现场检查笔录.pdf",
            "05立案审批表.docx",
            "06询问笔录-孔令伟.txt",
            "07询问笔录-孙海波.docx",
            "08营业执照.pdf",
            "09调查终结报告.docx",
            "10告知书.pdf",
            "11送达回证.docx",
            "12处罚决定书.pdf",
            "13送达回证.pdf",
            "14缴款凭证.pdf",
            "15公示.docx",
            "16结案报告.txt",
            "17备考表.docx",
        ],
    )
    c.intended = ["G04", "S01", "T07"]
    c.notes = (
        "S01: the inspection record names one officer only (陈少华). G04: the decision's 送达回证 (13送达回证.pdf) has no recipient "
        "signature and no 留置送达 note. T07: the advance notice is dated 2024-10-21 but its 送达回证 (11送达回证.docx) says it was "
        "served on 2024-10-18. Mixed folder: .docx, .pdf and UTF-8 .txt (案件来源登记表, 询问笔录-孔令伟, 结案报告). "
        "Times written 9:00 style."
    )
    return c


# ==========================================================================
# 14 桐江县城市管理综合行政执法局 — construction waste to unlicensed haulers, fine 100000 — PDF folder — N04, L01


def case_tj_chengguan_057() -> Case:
    ag = A.urban_tj()
    party = Party(
        kind="org",
        name="桐江县建安建筑工程有限公司",
        id=cc("91", "361127", "jianan"),
        address="桐江县桐城镇工业路9号",
        phone="139****5163",
        rep="彭志远",
        rep_id=pid("361127", "1971-07-19", 982),
        scope="房屋建筑工程施工总承包",
        established=D("2009-02-16"),
        capital="5000万元人民币",
    )
    officers = [Officer("鲁强", "CG-0512-051"), Officer("严俊", "CG-0512-064")]
    story = Story(
        cause="将建筑垃圾交给未经核准从事建筑垃圾运输的个人处置",
        source="日常检查",
        source_text="2024年3月12日，本局执法人员在巡查中发现桐城镇滨河路一处空地有人倾倒建筑垃圾，经追查，建筑垃圾来源于当事人承建的桐江县城南安置小区建设项目工地。",
        place="桐江县城南安置小区建设项目工地",
        violation_date=D("2024-03-12"),
        findings=(
            "当事人为该项目施工单位。现场有两辆无建筑垃圾运输核准标识的自卸车正在装载建筑垃圾，驾驶员称系受当事人项目部雇请运输。"
            "当事人项目部现场负责人未能提供建筑垃圾处置核准文件及运输单位核准证明。"
        ),
        facts=(
            "当事人在承建桐江县城南安置小区建设项目期间，于2024年2月20日至3月12日，将施工产生的建筑垃圾约1800立方米交由未经核准从事建筑垃圾运输的"
            "个人王某、李某运输处置，部分建筑垃圾被倾倒于桐城镇滨河路空地。"
        ),
        evidence=[
            "营业执照复印件，证明当事人的主体资格；",
            "现场检查笔录及现场照片，证明建筑垃圾交由无核准车辆运输的事实；",
            "对当事人法定代表人彭志远的询问笔录，证明建筑垃圾处置情况；",
            "陈述申辩笔录，证明当事人陈述申辩意见；",
            "案件集体讨论记录。",
        ],
        violated="《城市建筑垃圾管理规定》第十三条",
        basis=["《城市建筑垃圾管理规定》第二十二条第二款"],
        reasoning="当事人交由未经核准的个人处置建筑垃圾数量大、持续时间长，并造成建筑垃圾随意倾倒，情节严重，",
        correction="同时，责令当事人立即改正，清运滨河路空地上的建筑垃圾。",
        photo_kind="site",
    )
    pen = Penalty(warning=True, fine=100000)
    c = Case(
        "tj-chengguan-2024-057",
        "pdf-folder",
        ag,
        party,
        officers,
        story,
        pen,
        57,
        filing_date=D("2024-03-14"),
        decision_date=D("2024-04-30"),
        major=True,
    )
    f = Flow(c, party_sig="image", officer_sig="image")
    rep = Person(
        "彭志远",
        "男",
        party.rep_id,
        "桐江县建安建筑工程有限公司法定代表人",
        "139****5163",
        "桐江县桐城镇锦江花园9栋",
        "当事人法定代表人",
    )
    f.cover(closure=D("2024-05-20"))
    f.index(date_style="dot")
    f.case_source(T("2024-03-12T11:30"), proposal="建议立案。", head="同意。")
    f.inspection(
        T("2024-03-12T09:20"),
        T("2024-03-12T10:10"),
        layout="para",
        present="项目部负责人刘国庆",
        party_sig=f.S("刘国庆"),
    )
    f.photos(
        D("2024-03-12"),
        [
            dict(
                kind="site",
                stamp="2024-03-12 09:36",
                time="2024年3月12日9时36分",
                place=story.place,
                by="严俊",
                proves="无核准标识车辆装载建筑垃圾",
            )
        ],
    )
    f.filing(
        filing_aps(c, D("2024-03-13"), D("2024-03-13"), D("2024-03-14"), kind="image"), title="立案审批表"
    )
    f.identity(D("2024-03-18"), certifier="严俊", party_sig=f.S("彭志远"))
    f.inquiry(
        rep,
        T("2024-03-18T14:00"),
        T("2024-03-18T15:00"),
        topic="你公司建筑垃圾处置情况",
        layout="table",
        place="桐江县城市管理综合行政执法局询问室",
        qa=[
            ("城南安置小区项目的建筑垃圾由谁运输？", "项目部找的两个个体车主王某、李某运的。"),
            ("他们是否取得建筑垃圾运输核准？", "没有，他们收费便宜。"),
            ("一共运了多少？", "从2月20号到3月12号，大概1800方。"),
            ("运到了哪里？", "说是运到指定消纳场，没想到倒在了滨河路。"),
        ],
    )
    f.investigation(report_aps(c, D("2024-04-03"), D("2024-04-07"), D("2024-04-08"), kind="image"))
    n = f.notice(D("2024-04-15"), title="行政处罚告知书", deadline="五日")
    f.receipt([n], T("2024-04-16T10:00"))
    f.statement(
        D("2024-04-18"),
        "record",
        "陈述申辩笔录",
        time=T("2024-04-18T09:30"),
        place="桐江县城市管理综合行政执法局询问室",
        person=rep,
        officers=officers,
        qa=[
            ("你公司对拟作出的处罚有何意见？", "罚款太重，我们已经把滨河路的垃圾清走了，请求减轻处罚。"),
            ("还有其他意见吗？", "没有了。"),
        ],
    )
    f.collective(
        T("2024-04-26T15:00"),
        T("2024-04-26T16:00"),
        chair="万国平",
        participants=["万国平", "蔡立新", "胡晓军", "邱文杰"],
        attendees=["鲁强", "严俊"],
        recorder="吴倩",
        speeches=[
            ("鲁强", "汇报案情及当事人陈述申辩情况，建议给予警告并罚款10万元。"),
            ("蔡立新", "当事人情节严重，同意。"),
            ("胡晓军", "同意。"),
            ("邱文杰", "同意。"),
        ],
        conclusion_text="经集体讨论，决定对当事人给予警告，并处罚款10万元。",
    )
    dec = f.decision(
        D("2024-04-30"),
        family="generic",
        style={"spaced": "charspacing"},
        history=(
            "本局于2024年3月12日巡查发现案件线索，于2024年3月14日立案调查。本局于2024年4月16日向当事人送达了《行政处罚告知书》，"
            "当事人于2024年4月18日进行了陈述申辩。本案经本局集体讨论决定。"
        ),
        statement_text="当事人提出已清运滨河路建筑垃圾、请求减轻处罚。经复核，当事人的违法行为情节严重，不符合减轻处罚的条件，不予采纳。",
    )
    f.receipt([dec], T("2024-04-30T16:00"))
    f.payment(D("2024-05-13"), title="非税收入一般缴款书", no="3611270024057")
    f.publicity(D("2024-05-08"), by="严俊", checker="邱文杰")
    f.closure(
        closure_aps(c, D("2024-05-16"), D("2024-05-17"), D("2024-05-20"), kind="image"),
        execution="当事人已于2024年5月13日缴纳罚款100000元。",
    )
    f.archive_note(D("2024-05-24"), filer="严俊", checker="邱文杰")
    name_files(
        c,
        [
            "01-封面",
            "02-卷内目录",
            "03-案件来源登记表",
            "04-现场检查笔录",
            "05-现场照片",
            "06-立案审批表",
            "07-营业执照复印件",
            "08-询问笔录",
            "09-调查终结报告",
            "10-行政处罚告知书",
            "11-送达回证",
            "12-陈述申辩笔录",
            "13-集体讨论记录",
            "14-行政处罚决定书",
            "15-送达回证",
            "16-缴款凭证",
            "17-公示记录",
            "18-结案审批表",
            "19-备考表",
        ],
    )
    c.intended = ["L01", "N04"]
    c.notes = (
        "Major case at the threshold: fine exactly 100000 (≥ 100000 for an organisation) plus a warning. N04: the 行政处罚告知书 "
        "states 陈述、申辩 only, no hearing right, and no hearing notice exists. L01: no legal review. A collective discussion "
        "(2024-04-26, with a conclusion) is present, so L04/L05 pass."
    )
    return c


# ==========================================================================
# 15 丰安县农业农村局 — no pesticide purchase/sales ledger — docx folder — T01, D05


def case_fa_nongye_019() -> Case:
    ag = A.agri_fa()
    party = Party(
        kind="org",
        name="丰安县绿野农资有限公司",
        id=cc("91", "361128", "lvye"),
        address="丰安县丰城镇建设东路66号",
        phone="135****4096",
        rep="曾庆丰",
        rep_id=pid("361128", "1974-09-09", 377),
        scope="农药、化肥、种子销售",
        established=D("2012-10-22"),
        capital="150万元人民币",
    )
    officers = [Officer("黄河", "NY36112800126"), Officer("吕洁", "NY36112800133")]
    story = Story(
        cause="未按规定建立农药采购、销售台账",
        source="日常检查",
        source_text="2024年3月8日，本局执法人员在春季农资打假专项检查中对当事人进行检查，发现当事人未建立农药采购、销售台账。",
        place="丰安县丰城镇建设东路66号当事人经营场所",
        violation_date=D("2024-03-08"),
        findings=(
            "当事人持有农药经营许可证，经营场所内陈列有杀虫剂、除草剂等农药42个品种。当事人不能提供2023年以来的农药采购台账和销售台账，仅有部分进货发票。"
        ),
        facts=(
            "当事人自2023年1月至2024年3月8日期间，未按规定建立农药采购台账和销售台账，未如实记录农药的名称、规格、数量、生产企业、购销日期等内容，"
            "且2024年1月经本局书面责令改正后仍未改正。"
        ),
        evidence=[
            "营业执照、农药经营许可证复印件，证明当事人的主体资格；",
            "现场检查笔录，证明当事人未建立台账的事实；",
            "询问笔录，证明当事人对违法事实的陈述；",
            "责令改正通知书及复查记录，证明当事人拒不改正。",
        ],
        violated="《农药管理条例》第二十七条第一款",
        basis=["《农药管理条例》第六十条第（一）项"],
        reasoning="",
        correction="同时，责令当事人立即建立农药采购、销售台账。",
        photo_kind="shelf",
    )
    pen = Penalty(fine=5000)
    c = Case(
        "fa-nongye-2024-019",
        "docx-folder",
        ag,
        party,
        officers,
        story,
        pen,
        19,
        filing_date=D("2024-03-11"),
        decision_date=D("2024-07-09"),
    )
    f = Flow(c, party_sig="image", officer_sig="text")
    rep = Person(
        "曾庆丰",
        "男",
        party.rep_id,
        "丰安县绿野农资有限公司法定代表人",
        "135****4096",
        "丰安县丰城镇建设东路68号",
        "当事人法定代表人",
    )
    f.cover(closure=D("2024-07-29"))
    f.index()
    f.case_source(T("2024-03-08T16:00"), proposal="建议立案。", head="同意。")
    f.inspection(T("2024-03-08T10:00"), T("2024-03-08T10:45"), layout="table", present="曾庆丰")
    f.filing(filing_aps(c, D("2024-03-08"), D("2024-03-11"), D("2024-03-11")))
    f.identity(D("2024-03-15"), certifier="吕洁", party_sig=f.S("曾庆丰"))
    f.inquiry(
        rep,
        T("2024-03-15T09:00"),
        T("2024-03-15T09:40"),
        topic="你公司农药经营台账",
        layout="table",
        place="丰安县农业综合行政执法大队询问室",
        qa=[
            ("你公司是否建立了农药采购台账和销售台账？", "没有建，平时只留了进货发票。"),
            ("今年1月我局是否书面责令你公司改正？", "是的，收到了责令改正通知书，但一直没顾上弄。"),
        ],
    )
    f.investigation(report_aps(c, D("2024-06-18"), D("2024-06-19"), D("2024-06-20")))
    n = f.notice(D("2024-06-24"), title="行政处罚事先告知书", deadline="五日")
    f.receipt([n], T("2024-06-25T10:00"))
    f.statement(D("2024-06-27"), "written", "陈述申辩书", text="我公司已开始建立台账，请求从轻处罚。")
    dec = f.decision(
        D("2024-07-09"),
        family="generic",
        payment="missing",
        history=(
            "本局于2024年3月8日检查中发现当事人涉嫌未按规定建立农药经营台账，于2024年3月11日立案调查。本局于2024年6月25日向当事人送达了"
            "《行政处罚事先告知书》，当事人于2024年6月27日提交了陈述申辩书。"
        ),
        statement_text="当事人称已开始建立台账，请求从轻处罚。经复核，当事人在责令改正后仍未改正，本局对其请求不予采纳。",
    )
    f.receipt([dec], T("2024-07-10T09:30"))
    f.payment(D("2024-07-22"), title="罚没款缴款凭证", no="3611280024019")
    f.publicity(D("2024-07-15"), by="吕洁", checker="欧阳明")
    f.closure(
        closure_aps(c, D("2024-07-26"), D("2024-07-29"), D("2024-07-29")),
        execution="当事人已于2024年7月22日缴纳罚款伍仟元整。",
    )
    f.archive_note(D("2024-08-01"), filer="吕洁", checker="欧阳明")
    name_files(
        c,
        [
            "封面",
            "卷内目录",
            "案件来源登记表",
            "现场检查笔录",
            "立案审批表",
            "营业执照",
            "询问笔录（曾庆丰）",
            "调查终结报告",
            "告知书",
            "送达回证1",
            "陈述申辩书",
            "决定书",
            "送达回证2",
            "缴款凭证",
            "公示",
            "结案审批表",
            "备考表",
        ],
    )
    c.intended = ["D05", "T01"]
    c.notes = (
        "T01: filed 2024-03-11, decided 2024-07-09 (120 days) with no 延长办案期限审批表. D05: the decision imposes a fine of 5000 "
        "(伍仟元整) but states no payment deadline and no bank or manner of payment (only 上述罚没款上缴国库)."
    )
    return c


# ==========================================================================
# 16 青山县市场监督管理局 — unlabelled prepacked food — docx folder — T06, G02, G05


def case_qs_shijian_033() -> Case:
    ag = A.market_qs()
    party = Party(
        kind="ib",
        name="青山县阿芳副食店",
        id=cc("92", "361123", "afang"),
        address="青山县青溪镇青溪街31号",
        phone="158****0374",
        rep="黄秀芳",
        rep_id=pid("361123", "1979-03-30", 491, male=False),
        rep_title="经营者",
        gender="女",
        scope="预包装食品、散装食品销售",
        established=D("2016-09-12"),
    )
    officers = [Officer("赵磊", "1411030045"), Officer("何静怡", "1411030052")]
    story = Story(
        cause="经营无标签的预包装食品",
        source="日常检查",
        source_text="2024年5月6日，本局执法人员在对青溪镇食品经营户开展日常监督检查时，发现当事人经营场所销售无标签的预包装食品。",
        place="青山县青溪镇青溪街31号当事人经营场所",
        violation_date=D("2024-05-06"),
        findings=(
            "当事人经营场所货架上摆放有无任何标签的袋装“麻辣豆干”（约250克/袋）36袋、袋装“香酥花生”（约200克/袋）22袋，"
            "包装袋上未标注品名、生产者名称、生产日期、保质期等内容，处于待售状态。当事人不能提供上述食品的进货票据和供货者资质。"
        ),
        facts=(
            "当事人于2024年4月从一名流动商贩处购进无标签的预包装食品“麻辣豆干”50袋、“香酥花生”30袋（进价均为3元/袋），以5元/袋的价格销售，"
            "至2024年5月6日已售出“麻辣豆干”14袋、“香酥花生”8袋，违法所得110元，货值金额共计400元。"
        ),
        evidence=[
            "营业执照、食品经营许可证复印件，证明当事人的主体资格；",
            "现场检查笔录及现场照片，证明当事人经营无标签预包装食品的事实；",
            "证据先行登记保存通知书、处理决定书及物品清单，证明涉案食品的数量；",
            "对当事人经营者黄秀芳的询问笔录，证明涉案食品的购销情况。",
        ],
        violated="《中华人民共和国食品安全法》第六十七条第一款",
        basis=["《中华人民共和国食品安全法》第一百二十五条第一款第（二）项"],
        reasoning="鉴于当事人涉案食品货值金额较小，",
        correction="同时，责令当事人立即改正上述违法行为。",
        goods_list=[
            ("无标签袋装“麻辣豆干”", "约250克/袋", "36袋", ""),
            ("无标签袋装“香酥花生”", "约200克/袋", "22袋", ""),
        ],
        photo_kind="shelf",
    )
    pen = Penalty(fine=5000, gains=110, goods="无标签的预包装食品“麻辣豆干”36袋、“香酥花生”22袋")
    c = Case(
        "qs-shijian-2024-033",
        "docx-folder",
        ag,
        party,
        officers,
        story,
        pen,
        33,
        filing_date=D("2024-05-07"),
        decision_date=D("2024-06-04"),
    )
    f = Flow(c, party_sig="image", officer_sig="image")
    me = Person(
        "黄秀芳",
        "女",
        party.rep_id,
        "青山县阿芳副食店经营者",
        "158****0374",
        "青山县青溪镇青溪街31号",
        "当事人经营者",
    )
    f.cover(closure=None)
    f.index()
    f.case_source(T("2024-05-06T16:00"), proposal="建议立案调查。", head="同意。")
    f.inspection(T("2024-05-06T10:10"), T("2024-05-06T10:50"), layout="table", present="黄秀芳")
    f.photos(
        D("2024-05-06"),
        [
            dict(
                kind="shelf",
                stamp="2024-05-06 10:22",
                time="2024年5月6日10时22分",
                place=story.place,
                by="何静怡",
                proves="货架上摆放的无标签预包装食品",
            )
        ],
    )
    pn = f.preservation_notice(D("2024-05-06"), where="当事人经营场所", how="就地登记保存")
    f.filing(filing_aps(c, D("2024-05-06"), D("2024-05-07"), D("2024-05-07")))
    f.identity(D("2024-05-09"), certifier="何静怡", party_sig=f.S("黄秀芳"))
    f.inquiry(
        me,
        T("2024-05-09T14:30"),
        T("2024-05-09T15:15"),
        topic="你店销售无标签食品",
        layout="table",
        place="青山县市场监督管理局青溪市场监督管理所",
        officer_sigs=[Sig("image", "赵磊", "black"), Sig("blank", "何静怡")],
        qa=[
            ("货架上的“麻辣豆干”“香酥花生”从哪里进的？", "4月份一个骑三轮车的商贩送来的，没有票据。"),
            ("进了多少？进价、售价多少？", "豆干50袋、花生30袋，都是3块钱进的，卖5块。"),
            ("卖了多少？", "豆干卖了14袋，花生卖了8袋。"),
            ("你知道预包装食品必须有标签吗？", "知道，当时图便宜就进了。"),
        ],
    )
    f.preservation_handling(
        D("2024-05-16"), pn, "上述食品继续封存于当事人仓库，待本案作出处理决定后依法处理。"
    )
    f.investigation(report_aps(c, D("2024-05-22"), D("2024-05-23"), D("2024-05-24")))
    n = f.notice(D("2024-05-27"), title="行政处罚告知书")
    f.receipt([n], T("2024-05-28T09:30"))
    f.statement(
        D("2024-05-29"),
        "waiver",
        "放弃陈述申辩声明",
        received=D("2024-05-28"),
        notice_number=n.number,
        notice_title=n.title,
    )
    dec = f.decision(
        D("2024-06-04"),
        family="samr",
        history=(
            "2024年5月6日，本局执法人员在日常监督检查中发现当事人涉嫌经营无标签的预包装食品，于2024年5月7日立案调查。"
            "本局于2024年5月28日向当事人送达了《行政处罚告知书》，当事人于2024年5月29日书面声明放弃陈述、申辩权利。"
        ),
    )
    f.receipt([dec], T("2024-06-04T15:00"))
    f.payment(
        D("2024-06-13"), title="非税收入一般缴款书", header="非税收入一般缴款书（电子）", no="3611230024033"
    )
    f.publicity(D("2024-06-07"), by="何静怡", checker="孙丽华")
    f.closure(
        closure_aps(c, D("2024-06-17"), D("2024-06-18"), D("2024-06-18"), kind="image", head_date=False),
        execution="当事人已于2024年6月13日缴清罚没款5110元，涉案食品已于2024年6月14日监督销毁。",
    )
    f.archive_note(D("2024-06-21"), filer="何静怡", checker="周建华")
    name_files(
        c,
        [
            "00 封面",
            "01 卷内目录",
            "02 案件来源登记表",
            "03 现场检查笔录",
            "04 现场照片",
            "05 先行登记保存通知书",
            "06 立案审批表",
            "07 营业执照复印件",
            "08 询问笔录（黄秀芳）",
            "09 先行登记保存处理决定书",
            "10 案件调查终结报告",
            "11 行政处罚告知书",
            "12 送达回证",
            "13 放弃陈述申辩声明",
            "14 行政处罚决定书",
            "15 送达回证",
            "16 缴款书",
            "17 公示记录",
            "18 结案审批表",
            "19 卷内备考表",
        ],
    )
    c.intended = ["G02", "G05", "T06"]
    c.notes = (
        "T06: 证据先行登记保存通知书 dated 2024-05-06, the handling decision only on 2024-05-16 (10 days). G02: the inquiry record "
        "lists officer 何静怡 (with certificate number) but her signature is missing. G05: in the 结案审批表 the 负责人审批意见 "
        "(同意结案, signed) has no date. Signatures are pictures."
    )
    return c


# ==========================================================================
# 17 云溪县城市管理和综合执法局 — unapproved billboard — PDF folder — P02, A04, L05


def case_yx_chengguan_040() -> Case:
    ag = A.urban_yx()
    party = Party(
        kind="org",
        name="云溪县盛世传媒广告有限公司",
        id=cc("91", "361124", "shengshi"),
        address="云溪县云峰镇新华路88号",
        phone="132****6619",
        rep="袁志华",
        rep_id=pid("361124", "1983-05-22", 215),
        scope="广告设计、制作、发布",
        established=D("2015-12-01"),
        capital="100万元人民币",
    )
    officers = [Officer("熊伟", "CG-0524-031"), Officer("甘露", "CG-0524-038")]
    story = Story(
        cause="未经批准擅自设置大型户外广告",
        source="日常检查",
        source_text="2024年8月5日，本局执法人员在巡查中发现云峰镇府前路与新华路交叉口东北角商业楼楼顶新设置一块大型户外广告牌。",
        place="云溪县云峰镇府前路与新华路交叉口东北角商业楼楼顶",
        violation_date=D("2024-08-05"),
        findings=(
            "商业楼楼顶设置有一块长约12米、高约4米的钢结构户外广告牌，广告内容为某楼盘销售信息。经查，该广告牌由当事人设置，"
            "当事人未能提供市容环境卫生主管部门的设置审批文件。"
        ),
        facts="当事人于2024年7月未经批准，在云峰镇府前路与新华路交叉口东北角商业楼楼顶擅自设置大型户外广告牌一块，面积约48平方米，影响市容。",
        evidence=[
            "营业执照复印件，证明当事人的主体资格；",
            "现场检查笔录，证明广告牌的位置、尺寸；",
            "对当事人法定代表人袁志华的询问笔录，证明广告牌由当事人设置且未经批准；",
            "陈述申辩笔录。",
        ],
        violated="《城市市容和环境卫生管理条例》第十一条第一款",
        basis=["《城市市容和环境卫生管理条例》第三十六条第（一）项"],
        reasoning="",
        correction="责令当事人于2024年9月20日前自行拆除该广告牌。",
        photo_kind="site",
    )
    pen = Penalty(fine=8000)
    c = Case(
        "yx-chengguan-2024-040",
        "pdf-folder",
        ag,
        party,
        officers,
        story,
        pen,
        40,
        filing_date=D("2024-08-07"),
        decision_date=D("2024-09-09"),
    )
    f = Flow(c, party_sig="text", officer_sig="text")
    rep = Person(
        "袁志华",
        "男",
        party.rep_id,
        "云溪县盛世传媒广告有限公司法定代表人",
        "132****6619",
        "云溪县云峰镇新华路90号",
        "当事人法定代表人",
    )
    f.cover(closure=D("2024-09-26"))
    f.index(date_style="iso", phantom=[dict(title="现场照片", date="2024-08-05", after="现场检查笔录")])
    f.case_source(T("2024-08-05T15:00"), proposal="建议立案。", head="同意。")
    f.inspection(
        T("2024-08-05T10:00"),
        T("2024-08-05T10:40"),
        layout="table",
        present="袁志华",
        party_sig=f.S("袁志华", "image"),
    )
    f.filing(filing_aps(c, D("2024-08-06"), D("2024-08-06"), D("2024-08-07")))
    f.identity(D("2024-08-12"), certifier="甘露", party_sig=f.S("袁志华"))
    f.inquiry(
        rep,
        T("2024-08-12T09:30"),
        T("2024-08-12T10:10"),
        topic="你公司设置户外广告牌",
        layout="para",
        place="云溪县城市管理和综合执法局执法大队一中队",
        party_sig=f.S("袁志华", "image"),
        qa=[
            ("府前路与新华路交叉口楼顶的广告牌是谁设置的？", "是我公司7月份设置的，给一个楼盘做广告。"),
            ("是否办理了户外广告设置审批手续？", "还在准备材料，没有批下来就先装了。"),
        ],
    )
    f.investigation(report_aps(c, D("2024-08-21"), D("2024-08-22"), D("2024-08-23")))
    n = f.notice(D("2024-08-26"), title="行政处罚告知书")
    f.receipt([n], T("2024-08-27T10:00"), recipient_sig=f.S("袁志华", "image"))
    f.statement(
        D("2024-08-30"),
        "record",
        "陈述申辩笔录",
        time=T("2024-08-30T09:00"),
        place="云溪县城市管理和综合执法局执法大队一中队",
        person=rep,
        officers=officers,
        sig=f.S("袁志华", "image"),
        qa=[("你公司对拟作出的处罚有何意见？", "我们正在补办手续，请求不予处罚。")],
    )
    f.collective(
        T("2024-09-12T15:00"),
        T("2024-09-12T15:40"),
        chair="彭建军",
        participants=["彭建军", "何立平", "金涛"],
        attendees=["熊伟", "甘露"],
        recorder="甘露",
        title="案件集体讨论记录",
        speeches=[
            ("熊伟", "汇报案情，当事人申辩称正在补办手续。建议罚款8000元。"),
            ("何立平", "同意。"),
            ("金涛", "同意。"),
        ],
        conclusion_text="经集体讨论，同意对当事人罚款8000元，并责令限期拆除。",
    )
    dec = f.decision(
        D("2024-09-09"),
        family="generic",
        history=(
            "本局于2024年8月5日巡查中发现当事人涉嫌擅自设置大型户外广告，于2024年8月7日立案调查。本局于2024年8月27日向当事人送达了"
            "《行政处罚告知书》，当事人于2024年8月30日进行了陈述申辩。"
        ),
        statement_text="当事人提出正在补办手续、请求不予处罚。经复核，当事人未经批准即设置广告牌的事实清楚，其意见不予采纳。",
    )
    f.receipt(
        [dec],
        T("2024-09-10T14:00"),
        manner="留置送达",
        recipient_sig=Sig("blank", "袁志华"),
        witness="陈志明",
        remark="受送达人拒绝签收，执法人员邀请云峰镇新华社区居委会工作人员陈志明到场见证，将决定书留置于当事人办公室。",
    )
    f.payment(D("2024-09-20"), title="非税收入一般缴款书", no="3611240024040")
    f.publicity(D("2024-09-13"), by="甘露", checker="金涛")
    f.closure(
        closure_aps(c, D("2024-09-24"), D("2024-09-25"), D("2024-09-26")),
        execution="当事人已于2024年9月20日缴纳罚款8000元，并于2024年9月19日自行拆除广告牌。",
    )
    f.archive_note(D("2024-09-29"), filer="甘露", checker="金涛")
    name_files(
        c,
        [
            "01",
            "02",
            "03",
            "04",
            "05",
            "06",
            "07",
            "08",
            "09",
            "10",
            "11",
            "12",
            "13",
            "14",
            "15",
            "16",
            "17",
            "18",
        ],
    )
    c.intended = ["A04", "L05", "P02"]
    c.notes = (
        "P02: the decision was served by 留置送达 (with a witness, so G04 passes) but the file holds no audio-video record. "
        "A04: the 卷内目录 lists 现场照片 (as page 3, after 现场检查笔录; later page numbers shifted by one) which the file does not hold. L05: the collective discussion is dated "
        "2024-09-12, after the decision of 2024-09-09 (it is filed before the decision). Files are named 01.pdf … 18.pdf."
    )
    return c


ALL_CASES = [
    case_qs_shijian_017,
    case_lj_huanjing_031,
    case_lc_jiaotong_009,
    case_lc_nongye_012,
    case_tj_chengguan_028,
    case_yx_shijian_022,
    case_fa_nongye_012,
    case_qs_huanjing_015,
    case_tj_jiaotong_041,
    case_yx_chengguan_023,
    case_np_shijian_036,
    case_lj_huanjing_046,
    case_lc_jiaotong_027,
    case_tj_chengguan_057,
    case_fa_nongye_019,
    case_qs_shijian_033,
    case_yx_chengguan_040,
]
