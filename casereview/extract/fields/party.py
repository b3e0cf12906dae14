"""The party (当事人): its name (labelled, the addressee, an interviewee's employer), credit code or ID number,
and what kind of party it is (organisation, person, 个体工商户)."""

from __future__ import annotations

import re

from casereview.extract.fields.common import AGENCY, ORG_PREFIX, ORG_SUFFIX, ORG_WORDS, Reader, title_type
from casereview.model import DocType, Value
from casereview.text.names import split_names
from casereview.text.normalize import compact

CREDIT_CODE = re.compile(r"(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])")
ID_NUMBER = re.compile(
    r"(?<![0-9])\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9])"
)
# Published with some characters masked (91430281MA4Pxxxxxx, 6540**********0015, 92430524****4KN196).
_MASK = "*＊xXＸ"
MASKED_CREDIT_CODE = re.compile(
    rf"(?<![0-9A-Z*＊])[0-9A-HJ-NPQRTUWY]{{2}}\d{{2,6}}[0-9A-HJ-NPQRTUWY{_MASK}]{{8,12}}(?![0-9A-Z*＊])"
)
MASKED_ID_NUMBER = re.compile(rf"(?<![0-9*＊])\d{{2,6}}[\d{_MASK}]{{8,12}}[\dXx{_MASK}]{{1,4}}(?![0-9*＊])")
_ID_LENGTHS = (15, 16, 17, 18)  # 15 and 18 digits; a page may drop a masked character or two
# A number labelled as another thing's (索引号, 报关单号码, 编号): not the party's.
_NOT_PARTY_NUMBER = re.compile(r"(?:索引号|报关单(?:号码?|编号)|(?<!证照名称及)编号|单号)[:：]?\s*$")
# A line about someone other than the party: their ID number is not the party's.
_OTHER_PERSON = re.compile(r"法定代表人|负责人|经营者|委托代理人|代理人|联系人|投资人|股东|驾驶员|监护人")
_PARTY_LABEL = re.compile(
    r"(?:^|(?<=[\s。；;号]))[【\[（(]?(?:当事人[一二三甲乙丙]?|被处罚人|被处罚单位|被处罚行为人|受处罚人|受处罚单位|被处罚对象|"
    r"行政相对人|被检查(?:人|单位)|被调查(?:人|单位)|单位名称|公司名称|纳税人名称|个人姓名|姓名或名称|名称或姓名|经营者|企业名称|"
    r"缴款人|名称|"
    r"(?<!受)送达对象)"
    r"(?:[（(]?(?:单位|个人|单位名称)?(?:名称|姓名)?(?:[/／或](?:名称|姓名))?[)）]?)?(?:[】\]]|[）)]?(?:[:：]\s*|\s+|$))"
)
# A bracketed note after a party's name that is not part of it: （个体工商户）, （以下简称当事人）.
_PARTY_NOTE = re.compile(
    r"[（(](?:个体工商户|个体户|个体|普通合伙|有限合伙|以下简称[^）)]*|下称[^）)]*|经营者[^）)]*)[）)]$"
)
# The addressee at a notice's or a decision's head (masked names too: XX有限公司：), a remark after it allowed
# (某某有限公司：（纳税人识别号：…）).
_SALUTATION = re.compile(
    r"^(?P<name>[\u4e00-\u9fff（）()XxＸ*＊]{3,40}?)[:：](?:\s*[（(][^（）()]{2,40}[）)])?$"
)
_PERSON_SALUTATION = re.compile(
    r"^(?P<name>[\u4e00-\u9fff][\u4e00-\u9fffXxＸ*＊]{1,3}(?:·[\u4e00-\u9fff]{1,6})?)[:：]$"
)
_NOT_A_NAME = re.compile(
    r"当事人|说明|备注|附件|事由|联系|地址|电话|意见|案由|时间|地点|日期|证据|理由|依据|问|答"
)
_ADDRESSED = {
    DocType.ADVANCE_NOTICE,
    DocType.PENALTY_DECISION,
    DocType.EVIDENCE_PRESERVATION,
    DocType.SEIZURE,
    DocType.HEARING_NOTICE,
}
_WORKPLACE = re.compile(r"^工作单位(?:及职务)?(?:[:：]|$)|工作单位(?:及职务)?[:：]")
ADDRESS_LABEL = re.compile(
    r"(?:住所|地址|住址|经营场所|经营地址|联系地址|住所地|注册地址|家庭住址)(?:[（(][^）)]{1,8}[）)])?"
    r"(?:[:：]|$)"
)


_NAME_MAX_CHARS = 40  # a party's name longer than this is a sentence, not a name
_ORG_MIN_CHARS = 4  # an organisation's name (某某公司) is at least this long
_PERSON_MAX_CHARS = 5  # a longer name is an organisation's, not a person's


def find_party(r: Reader) -> Value | None:  # noqa: C901 - extraction/rule logic kept as is until it can be split with its cases
    """The party: a labelled name (当事人：…), the addressee of a notice (XX公司：), or an interviewee's employer."""
    for text, off in r.labelled_text(_PARTY_LABEL):
        name = party_name(text)
        if name:
            return r.value(name, off, off + len(name))
    if r.doc.type == DocType.PENALTY_DECISION:
        # 一、当事人基本情况 / 姓名：肖平仔，性别：男 …: the party's fields under a heading that names the party
        head = next(
            (
                i
                for i, line in enumerate(r.dt.lines[:20])
                if re.search(r"当事人(?:的)?(?:基本)?(?:情况|信息)", line.text)
            ),
            None,
        )
        if head is not None:
            for line in r.dt.lines[head + 1 : head + 4]:
                m = re.match(r"\s*(?:姓名|名称|单位名称)[:：]\s*(.+)", line.text)
                if m and (name := party_name(m.group(1))):
                    return r.line_value(name, line)
    if r.doc.type == DocType.PENALTY_DECISION:
        # A name on a line of its own at the head, the party's particulars under it (统一社会信用代码：…, 住所：…).
        for i, line in enumerate(r.dt.lines[:10]):
            c = compact(line.text)
            nxt = r.dt.lines[i + 1].text if i + 1 < len(r.dt.lines) else ""
            if (
                len(line.cells) == 1
                and ORG_PREFIX.fullmatch(c)
                and not AGENCY.fullmatch(c)
                and title_type(c) is None
                and re.match(
                    r"\s*(?:统一社会信用代码|营业执照|注册号|住所|地址|法定代表人|负责人|"
                    r"经营者|身份证|公民身份)",
                    nxt,
                )
            ):
                return r.line_value(c, line)
    for line in r.dt.lines[:8]:
        m = _SALUTATION.match(line.text.strip())
        # A decision may be addressed to an agency that broke the law (XX局：); elsewhere such a line is a heading.
        if (
            m
            and (ORG_SUFFIX.search(m.group("name")) or r.doc.type == DocType.PENALTY_DECISION)
            and (not AGENCY.fullmatch(m.group("name")) or r.doc.type == DocType.PENALTY_DECISION)
            and not _NOT_A_NAME.search(m.group("name"))
        ):
            return r.line_value(m.group("name"), line)
        m = _PERSON_SALUTATION.match(line.text.strip())
        if m and r.doc.type in _ADDRESSED and not _NOT_A_NAME.search(m.group("name")):
            return r.line_value(m.group("name"), line)  # 赵德明： — a notice addressed to a person
    if r.doc.type in (DocType.INQUIRY_RECORD, DocType.INSPECTION_RECORD):
        relation = r.labelled_text(re.compile(r"^(?:与本案关系|与案件关系|身份)(?:[:：]|$)"))
        if relation and re.match(r"当事人(?:本人)?$", relation[0][0].strip()):
            for text, off in r.labelled_text(re.compile(r"^被(?:询问|调查|检查)人(?:姓名)?(?:[:：]|$)")):
                names = split_names(re.split(r"[|，,]|性别|\s", text)[0])
                if names:
                    return r.value(names[0], off, off + len(names[0]))  # the party was interviewed in person
        workplace = r.labelled_text(_WORKPLACE)
        witness = relation and not re.match(
            r"当事人|本人|法定代表人|负责人|经营者|业主|股东", relation[0][0].strip()
        )
        if (
            r.doc.type == DocType.INQUIRY_RECORD
            and not witness
            and not any(ORG_PREFIX.match(t.strip()) for t, _ in workplace)
        ):
            # No employer named (工作单位：农民, 个体): the interviewee speaks for themself.
            for text, off in r.labelled_text(re.compile(r"^被询问人(?:姓名)?(?:[:：]|$)")):
                names = split_names(re.split(r"[|，,]|性别|\s", text)[0])
                if names:
                    r.fields["party_source"] = r.value("interviewee", off, off + len(names[0]))
                    return r.value(names[0], off, off + len(names[0]))
        for text, off in workplace:
            head = re.split(r"[，。；;|]|\s", text)[0]
            org = ORG_PREFIX.match(head)
            name = org.group(1) if org else head
            if _ORG_MIN_CHARS <= len(name) <= _NAME_MAX_CHARS and ORG_SUFFIX.search(name):
                # Only inferred (the interviewee may work for someone else): C01 does not compare it.
                r.fields["party_source"] = r.value("workplace", off, off + len(name))
                return r.value(name, off, off + len(name))
    return None


def party_name(text: str) -> str | None:
    """The party's name at the start of a labelled value: up to the next field (统一社会信用代码, 地址 …), without a
    note after it (（个体工商户）) or its owner in brackets (某某店（张三）); None when it is no name."""
    name = re.split(
        r"[，。,；;|]|\s|统一社会|身份证|地址|住所|法定代表人|负责人|性别|经营者|"
        r"[（(](?:统一|身份|住|公民|营业|注册|组织|信用)",
        text,
    )[0].strip()
    name = _PARTY_NOTE.sub("", name)
    owner = re.match(
        rf"(.{{2,38}}(?:{ORG_WORDS}))(?:[（(][\u4e00-\u9fff*＊XxＸ]{{2,4}}[）)]|"
        rf"[\u4e00-\u9fff][*＊XxＸ]{{1,2}}[\u4e00-\u9fff]?)$",
        name,
    )
    if owner:
        name = owner.group(1)  # 固川县城关广达百货店（邹广达）, 某农资经营部龙*权: the shop, run by its owner
    name = name.rstrip("（(")
    if 1 < len(name) <= _NAME_MAX_CHARS and not re.search(
        r"签名|签字|盖章|基本情况|情况|信息$|如下|决定书|通知书|告知书|公告|文书", name
    ):
        return name
    return None


def party_number(r: Reader, patterns, key: str) -> re.Match[str] | None:
    """The party's credit code or ID number: in full, else masked, and never on the line of another person
    (法定代表人：… 身份证号 …) unless that line is the party's own; a masked number needs a mask character."""
    for rx, masked in patterns:
        for m in rx.finditer(r.text):
            if key == "credit_code" and ID_NUMBER.fullmatch(m.group()):
                continue
            if masked and not re.search(f"[{_MASK}]", m.group()):
                continue  # a full number: the pattern above took it, or it is no number of the party's
            if masked and key == "id_number" and len(m.group()) not in _ID_LENGTHS:
                continue  # a masked phone number (1387433XXXX) or account
            if masked and key == "id_number" and re.search("[A-WYZ]", m.group()):
                continue  # letters other than X: a credit code
            if masked and key == "credit_code" and not re.search("[A-WYZ]", m.group()):
                continue  # digits and a mask only: an ID number (371795********2715)
            line = r.dt.line_at(m.start())
            cell_start = max((s_ for s_ in line.cell_starts if s_ <= m.start()), default=line.start)
            before = re.split(r"[，,。；;]", r.text[cell_start : m.start()])[-1]  # this field's own words
            if (
                _OTHER_PERSON.search(before)
                and not _PARTY_LABEL.search(before)
                or _NOT_PARTY_NUMBER.search(before)
            ):
                continue
            if (
                not before.strip() and line.text.strip() == m.group()
            ):  # a number alone on its line (a form set
                above = " ".join(
                    x.text for x in r.dt.lines[max(0, r.dt.lines.index(line) - 3) : r.dt.lines.index(line)]
                )
                if _OTHER_PERSON.search(above):  # out vertically): it is the person's named just above
                    continue
            return m
    return None


def party_kind(name: str | None, credit_code: str | None, id_number: str | None) -> str | None:
    """organization or person: a business's or an agency's name is an organization's (a 个体工商户's shop
    too — ``individual_business`` tells it apart); else the credit code (92… is a 个体工商户 trading under its
    owner's name), the ID number, or a person's name."""
    if (
        name
        and "·" not in name
        and (
            ORG_SUFFIX.search(name)
            or AGENCY.fullmatch(name)
            or len(name) > _PERSON_MAX_CHARS
            or re.search(r"(?:局|厅|委员会|政府|办公室|管委会)$", name)
        )
    ):
        return "organization"
    if credit_code and not credit_code.startswith("92"):
        return "organization"
    if credit_code or id_number or name:
        return "person"
    return None


def individual_business(name: str | None, credit_code: str | None, text: str = "") -> bool:
    """A 个体工商户: in law a natural person doing business (民法典 第五十四条), so its hearing threshold is a
    person's (市场监督管理行政处罚听证办法 第五条)."""
    return bool(credit_code and credit_code.startswith("92")) or bool(
        name and re.search(rf"{re.escape(name)}[（(]?个体(?:工商)?户", text)
    )
