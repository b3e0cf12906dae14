"""The fictional county agencies (all names, people and numbers are invented)."""

from __future__ import annotations

from .model import Agency
from .writer import Look

GOV_LOOK = Look(body_font="仿宋_GB2312", title_font="方正小标宋简体", form_font="宋体",
                body_size=15, form_size=11, title_size=21, agency_size=16, footer="dash")
FORM_LOOK = Look(body_font="宋体", title_font="黑体", form_font="宋体",
                 body_size=12, form_size=10.5, title_size=18, agency_size=14, footer="of",
                 margins_cm=(2.5, 2.2, 2.6, 2.4))


def market_qs() -> Agency:
    return Agency(
        name="青山县市场监督管理局", short="青市监", sector="market", county="青山县",
        address="青山县城关镇人民路128号", phone="0795-6××××321",
        gov="青山县人民政府", court="青山县人民法院", bank="中国农业银行股份有限公司青山县支行",
        platform="国家企业信用信息公示系统", head="刘振国", dept="青山县市场监督管理局执法稽查大队",
        dept_head="周建华", legal_dept="法规股",
        numbers={"decision": "{s}处罚〔{y}〕{n}号", "notice": "{s}罚告〔{y}〕{n}号",
                 "preserve": "{s}先保〔{y}〕{n}号", "preserve_h": "{s}先处〔{y}〕{n}号",
                 "hearing": "{s}听通〔{y}〕{n}号"},
        look=Look(body_font="仿宋_GB2312", title_font="方正小标宋简体", form_font="宋体",
                  body_size=15, form_size=11, title_size=21, agency_size=16, footer="dash"),
        date_style="cn", close_style="numeral", amount_style="words_fig", seal_mode="inline",
        region="361123")


def market_yx() -> Agency:
    return Agency(
        name="云溪县市场监督管理局", short="云市监", sector="market", county="云溪县",
        address="云溪县云峰镇府前路6号", phone="0796-8××××150",
        gov="云溪县人民政府", court="云溪县人民法院", bank="中国建设银行股份有限公司云溪支行",
        platform="国家企业信用信息公示系统", head="钱文斌", dept="云溪县市场监督管理局云峰市场监督管理所",
        dept_head="蒋丽", legal_dept="法规股",
        numbers={"decision": "{s}处罚〔{y}〕{n}号", "notice": "{s}处告〔{y}〕{n}号"},
        look=Look(body_font="仿宋", title_font="宋体", form_font="宋体", body_size=14, form_size=11,
                  title_size=20, agency_size=15, footer="plain"),
        date_style="cn0", close_style="numeral", amount_style="words_fig", seal_mode="float",
        region="361124")


def market_np() -> Agency:
    return Agency(
        name="南屏县市场监督管理局", short="南市监", sector="market", county="南屏县",
        address="南屏县南城街道迎宾大道99号", phone="0797-3××××088",
        gov="南屏县人民政府", court="南屏县人民法院", bank="中国工商银行股份有限公司南屏支行",
        platform="国家企业信用信息公示系统", head="顾海燕", dept="南屏县市场监督管理局综合行政执法大队",
        dept_head="潘志勇", legal_dept="法制审核室",
        numbers={"decision": "{s}处罚〔{y}〕{n}号", "notice": "{s}处罚告〔{y}〕{n}号"},
        look=GOV_LOOK, date_style="cn", close_style="numeral", amount_style="words_fig", seal_mode="float",
        region="361125")


def eco_yx() -> Agency:
    return Agency(
        name="临江市生态环境局云溪分局", short="临环云", sector="ecology", county="云溪县",
        address="云溪县云峰镇环城北路17号", phone="0796-8××××612",
        gov="临江市人民政府", court="云溪县人民法院", bank="中国银行股份有限公司云溪支行",
        platform="信用中国（临江）", head="郭晓峰", dept="临江市生态环境保护综合行政执法支队云溪大队",
        dept_head="黄俊杰", legal_dept="法制审核组",
        numbers={"decision": "{s}罚字〔{y}〕{n}号", "notice": "{s}罚告字〔{y}〕{n}号",
                 "hearing": "{s}听通字〔{y}〕{n}号"},
        look=Look(body_font="仿宋_GB2312", title_font="方正小标宋简体", form_font="仿宋_GB2312",
                  body_size=14, form_size=11, title_size=20, agency_size=15, footer="page"),
        date_style="cn", close_style="numeral", amount_style="fig_words", seal_mode="inline",
        region="361124", me="我局")


def eco_qs() -> Agency:
    return Agency(
        name="临江市生态环境局青山分局", short="临环青", sector="ecology", county="青山县",
        address="青山县城关镇滨江路3号", phone="0795-6××××907",
        gov="临江市人民政府", court="青山县人民法院", bank="中国银行股份有限公司青山支行",
        platform="信用中国（临江）", head="严志明", dept="临江市生态环境保护综合行政执法支队青山大队",
        dept_head="石磊", legal_dept="法制审核组",
        numbers={"decision": "{s}罚〔{y}〕{n}号", "notice": "{s}告〔{y}〕{n}号"},
        look=GOV_LOOK, date_style="cn", close_style="numeral", amount_style="words_fig", seal_mode="inline",
        region="361123")


def transport_lc() -> Agency:
    return Agency(
        name="临川县交通运输综合行政执法大队", short="临交执", sector="transport", county="临川县",
        address="临川县临江大道255号", phone="0794-2××××110",
        gov="临川县人民政府", court="临川县人民法院", bank="临川农村商业银行股份有限公司营业部",
        platform="临川县人民政府门户网站“双公示”专栏", head="方志远", dept="临川县交通运输综合行政执法大队路政执法中队",
        dept_head="雷鸣", legal_dept="法制科",
        numbers={"decision": "{s}罚〔{y}〕{n:03d}号", "notice": "{s}罚告〔{y}〕{n:03d}号"},
        look=FORM_LOOK, date_style="cn0", close_style="cn", amount_style="rmb_words", seal_mode="float",
        region="361126", me="本大队")


def transport_tj() -> Agency:
    return Agency(
        name="桐江县交通运输局", short="桐交", sector="transport", county="桐江县",
        address="桐江县桐城镇交通路8号", phone="0793-5××××226",
        gov="桐江县人民政府", court="桐江县人民法院", bank="中国邮政储蓄银行股份有限公司桐江县支行",
        platform="信用中国（桐江）", head="罗振宇", dept="桐江县交通运输综合行政执法大队",
        dept_head="姚建新", legal_dept="政策法规股",
        numbers={"decision": "{s}罚〔{y}〕{n}号", "notice": "{s}罚告〔{y}〕{n}号"},
        look=Look(body_font="宋体", title_font="黑体", form_font="宋体", body_size=13, form_size=11,
                  title_size=19, agency_size=15, footer="right"),
        date_style="cn", close_style="cn", amount_style="rmb_words", seal_mode="inline",
        region="361127")


def urban_tj() -> Agency:
    return Agency(
        name="桐江县城市管理综合行政执法局", short="桐城管", sector="urban", county="桐江县",
        address="桐江县桐城镇建设路41号", phone="0793-5××××319",
        gov="桐江县人民政府", court="桐江县人民法院", bank="桐江农村商业银行股份有限公司营业部",
        platform="桐江县人民政府网“行政执法公示”栏目", head="万国平", dept="桐江县城市管理综合行政执法局城关执法中队",
        dept_head="邱文杰", legal_dept="法制股",
        numbers={"decision": "{s}罚决字〔{y}〕第{n}号", "notice": "{s}罚告字〔{y}〕第{n}号"},
        look=GOV_LOOK, date_style="dot", close_style="numeral", amount_style="fig", seal_mode="inline",
        region="361127")


def urban_yx() -> Agency:
    return Agency(
        name="云溪县城市管理和综合执法局", short="云城执", sector="urban", county="云溪县",
        address="云溪县云峰镇文化路22号", phone="0796-8××××345",
        gov="云溪县人民政府", court="云溪县人民法院", bank="中国农业银行股份有限公司云溪县支行",
        platform="云溪县人民政府门户网站", head="彭建军", dept="云溪县城市管理和综合执法局执法大队一中队",
        dept_head="金涛", legal_dept="法规科",
        numbers={"decision": "{s}罚字〔{y}〕第{n}号", "notice": "{s}告字〔{y}〕第{n}号"},
        look=FORM_LOOK, date_style="iso", close_style="numeral", amount_style="fig", seal_mode="float",
        region="361124")


def agri_fa() -> Agency:
    return Agency(
        name="丰安县农业农村局", short="丰农", sector="agriculture", county="丰安县",
        address="丰安县丰城镇农林路15号", phone="0792-7××××530",
        gov="丰安县人民政府", court="丰安县人民法院", bank="中国农业银行股份有限公司丰安县支行",
        platform="中国农业农村信息网行政处罚公示专栏及丰安县人民政府网", head="汪德胜",
        dept="丰安县农业综合行政执法大队", dept_head="欧阳明", legal_dept="法规股",
        numbers={"decision": "{s}（农药）罚〔{y}〕{n}号", "notice": "{s}（农药）告〔{y}〕{n}号",
                 "hearing": "{s}（农药）听〔{y}〕{n}号", "preserve": "{s}（农药）先保〔{y}〕{n}号",
                 "preserve_h": "{s}（农药）先处〔{y}〕{n}号"},
        look=GOV_LOOK, date_style="cn", close_style="numeral", amount_style="words", seal_mode="float",
        region="361128")


def agri_lc() -> Agency:
    return Agency(
        name="临川县农业农村局", short="临农", sector="agriculture", county="临川县",
        address="临川县临江大道301号", phone="0794-2××××062",
        gov="临川县人民政府", court="临川县人民法院", bank="临川农村商业银行股份有限公司营业部",
        platform="临川县人民政府门户网站“双公示”专栏", head="褚国华", dept="临川县农业综合行政执法大队",
        dept_head="尹红兵", legal_dept="法规股",
        numbers={"decision": "{s}（渔）罚〔{y}〕{n}号", "notice": "{s}（渔）告〔{y}〕{n}号",
                 "preserve": "{s}（渔）先保〔{y}〕{n}号", "preserve_h": "{s}（渔）先处〔{y}〕{n}号"},
        look=Look(body_font="仿宋_GB2312", title_font="方正小标宋简体", form_font="宋体",
                  body_size=14, form_size=10.5, title_size=20, agency_size=15, footer="of"),
        date_style="cn", close_style="numeral", amount_style="rmb_words", seal_mode="inline",
        region="361126")


# --------------------------------------------------------------------------
# Agencies added for variety (issue 9): three new sectors and five new house styles of
# the sectors we had, each from its sector's national templates and in its own province.

PLAIN_LOOK = Look(body_font="宋体", title_font="宋体", form_font="宋体", body_size=12, form_size=10.5,
                  title_size=18, agency_size=14, footer="page", margins_cm=(2.5, 2.5, 2.8, 2.5))


def emergency_hl() -> Agency:
    return Agency(
        name="鹤岭县应急管理局", short="鹤应急", sector="emergency", county="鹤岭县",
        address="鹤岭县鹤城街道长青路27号", phone="0539-5××××116",
        gov="鹤岭县人民政府", court="鹤岭县人民法院", bank="中国工商银行股份有限公司鹤岭支行",
        platform="鹤岭县人民政府门户网站“行政执法公示”专栏", head="郑光明",
        dept="鹤岭县应急管理综合行政执法大队", dept_head="祁海龙", legal_dept="法规科",
        numbers={"decision": "{s}罚〔{y}〕{n}号", "notice": "{s}罚告〔{y}〕{n}号"},
        look=Look(body_font="仿宋_GB2312", title_font="方正小标宋简体", form_font="仿宋_GB2312",
                  body_size=15, form_size=11, title_size=21, agency_size=16, footer="right"),
        date_style="spaced", close_style="numeral", amount_style="wan", seal_mode="inline",
        region="371591",
        account="户名：鹤岭县财政局非税收入汇缴结算户，开户行：中国工商银行股份有限公司鹤岭支行，账号：1612026509200038416")


def health_zy() -> Agency:
    return Agency(
        name="柘原县卫生健康委员会", short="柘卫", sector="health", county="柘原县",
        address="柘原县城关镇人民中路45号", phone="0394-8××××207",
        gov="柘原县人民政府", court="柘原县人民法院", bank="柘原农村商业银行股份有限公司",
        platform="柘原县人民政府网站“双公示”专栏", head="卢振华",
        dept="柘原县卫生健康综合监督执法所", dept_head="韩玉梅", legal_dept="法规股",
        numbers={"decision": "{s}公罚〔{y}〕{n}号", "notice": "{s}公罚告〔{y}〕{n}号"},
        look=PLAIN_LOOK, date_style="iso", close_style="numeral", amount_style="rmb_words", seal_mode="float",
        region="411692", me="本委", post="卫生监督员")


def culture_cy() -> Agency:
    return Agency(
        name="澄阳县文化广电和旅游局", short="澄文旅", sector="culture", county="澄阳县",
        address="澄阳县澄江镇文昌路66号", phone="0797-4××××532",
        gov="澄阳县人民政府", court="澄阳县人民法院", bank="中国建设银行股份有限公司澄阳支行",
        platform="澄阳县人民政府门户网站", head="温建国",
        dept="澄阳县文化市场综合行政执法大队", dept_head="鲍丽君", legal_dept="政策法规股",
        numbers={"decision": "{s}罚字〔{y}〕第{n}号", "notice": "{s}告字〔{y}〕第{n}号"},
        look=Look(body_font="仿宋", title_font="黑体", form_font="宋体", body_size=14, form_size=11,
                  title_size=20, agency_size=15, footer="dash"),
        date_style="slash0", close_style="numeral", amount_style="yen", seal_mode="float",
        region="362494", pay_platform="省非税收入统一缴款平台（网址或手机客户端“非税缴费”）")


def transport_dx() -> Agency:
    return Agency(
        name="岱西县交通运输局", short="岱交", sector="transport", county="岱西县",
        address="岱西县岱城街道泰和路109号", phone="0538-6××××371",
        gov="岱西县人民政府", court="岱西县人民法院", bank="岱西农村商业银行股份有限公司",
        platform="信用中国（岱西）", head="丁振海",
        dept="岱西县交通运输综合行政执法大队", dept_head="牛建平", legal_dept="法制审核科",
        numbers={"decision": "{s}罚〔{y}〕{n}号", "notice": "{s}罚告〔{y}〕{n}号",
                 "hearing_rights": "{s}听告〔{y}〕{n}号"},
        look=FORM_LOOK, date_style="dot", close_style="cn", amount_style="rmb_words", seal_mode="inline",
        region="371795", pay_platform="全省统一的非税收入电子缴款平台")


def eco_nc() -> Agency:
    return Agency(
        name="渭北市生态环境局宁川分局", short="渭环宁", sector="ecology", county="宁川县",
        address="宁川县宁城街道北环路52号", phone="0913-7××××428",
        gov="渭北市人民政府", court="宁川县人民法院", bank="宁川县农村信用合作联社",
        platform="信用中国（渭北）", head="屈宏伟",
        dept="渭北市生态环境保护综合执法支队宁川大队", dept_head="权文斌", legal_dept="法制审核室",
        numbers={"decision": "{s}罚〔{y}〕{n}号", "notice": "{s}罚告〔{y}〕{n}号"},
        look=GOV_LOOK, date_style="cn", close_style="numeral", amount_style="yen_words", seal_mode="inline",
        region="610493", me="我局")


def market_mx() -> Agency:
    return Agency(
        name="梅溪县市场监督管理局", short="梅市监", sector="market", county="梅溪县",
        address="梅溪县梅城街道府前大道18号", phone="0797-6××××805",
        gov="梅溪县人民政府", court="梅溪县人民法院", bank="中国银行股份有限公司梅溪支行",
        platform="国家企业信用信息公示系统", head="易文华",
        dept="梅溪县市场监督管理局综合执法大队", dept_head="柏志宏", legal_dept="法规股",
        numbers={"decision": "{s}罚决〔{y}〕{n}号", "notice": "{s}罚告〔{y}〕{n}号"},
        look=Look(body_font="仿宋_GB2312", title_font="方正小标宋简体", form_font="宋体",
                  body_size=14, form_size=10.5, title_size=20, agency_size=15, footer="dash"),
        date_style="iso", close_style="numeral", amount_style="yen_words", seal_mode="inline",
        region="361096",
        account="户名：梅溪县财政局非税收入专户，开户行：中国银行股份有限公司梅溪支行，账号：2067 3319 4185 0026")


def township_lt() -> Agency:
    return Agency(
        name="崇岭县柳塘镇人民政府", short="柳政综执", sector="urban", county="崇岭县",
        address="崇岭县柳塘镇柳塘街1号", phone="0795-3××××660",
        gov="崇岭县人民政府", court="崇岭县人民法院", bank="崇岭农村商业银行股份有限公司柳塘支行",
        platform="崇岭县人民政府门户网站“乡镇行政执法公示”专栏", head="覃海波",
        dept="柳塘镇综合行政执法队", dept_head="庞立新", legal_dept="柳塘镇司法所",
        numbers={"decision": "{s}罚〔{y}〕{n}号", "notice": "{s}通〔{y}〕{n}号"},
        look=PLAIN_LOOK, date_style="spaced", close_style="numeral", amount_style="words", seal_mode="float",
        region="360996", me="本机关")


def agri_hf() -> Agency:
    return Agency(
        name="禾丰县农业农村局", short="禾农", sector="agriculture", county="禾丰县",
        address="禾丰县禾城镇稻香路9号", phone="0796-2××××318",
        gov="禾丰县人民政府", court="禾丰县人民法院", bank="禾丰农村商业银行股份有限公司",
        platform="禾丰县人民政府门户网站“双公示”专栏", head="龚德明",
        dept="禾丰县农业综合行政执法大队", dept_head="卓永刚", legal_dept="法规股",
        numbers={"decision": "{s}（种）罚〔{y}〕{n}号", "notice": "{s}（种）告〔{y}〕{n}号"},
        look=Look(body_font="仿宋_GB2312", title_font="黑体", form_font="宋体", body_size=14, form_size=10.5,
                  title_size=19, agency_size=15, footer="of"),
        date_style="slash0", close_style="numeral", amount_style="wan2", seal_mode="inline",
        region="361197")
