"""Field extraction: what each document says that the requirements need.

``extract_document(doc)`` fills ``doc.fields`` (every value a ``Value`` with
its Location), ``doc.date`` (the document's own date: 落款, the record's
time, the service date) and ``doc.case_number``. Generic fields are read from
every document; type-specific readers add the rest. Nothing here decides a
requirement: absent means "not found", and rules decide what that implies.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from casereview.extract.amounts import find_amounts, malformed_figures, words_figures_pairs
from casereview.extract.dates import DateMatch, find_date_ranges, find_dates
from casereview.extract.doctext import DocText, Line
from casereview.extract.forms import line_below, value_of
from casereview.extract.laws import find_citations, role_of
from casereview.extract.nlp import PhraseHit, find_phrases
from casereview.extract.people import officers, signatures
from casereview.model import Document, Value
from casereview.text.doctypes import match_title
from casereview.text.labels import (
    CERT,
    OFFICER_ROLES,
    PARTY_ROLES,
    RECIPIENT_ROLES,
    SIGNATURE_LABEL,
    is_label_cell,
    published_labels,
)
from casereview.text.names import known_names, split_glued, split_names
from casereview.text.normalize import canonical_brackets, compact

# A 文号: the issuer's abbreviation (湘(岳)文执罚网字, （津滨）应急罚, 豫0185环罚决字, a form's blanks filled in:
# _香_农罚), the year (in brackets, or bare
# before 第 or a hyphen), a serial (17, 第8号, K-17, 05-09, 建设第15号, 087（非）), and 号 — or a line's end where
# a page leaves 号 out (（三源）文罚字〔 2021 〕-015).
CASE_NUMBER = re.compile(
    r"(?:[（(][\u4e00-\u9fff]{1,6}[）)])?[\u4e00-\u9fffA-Za-z_](?:[\u4e00-\u9fffA-Za-z_]|\s?\d{2,6}+\s?){0,15}"
    r"(?:[（(][\u4e00-\u9fff]{1,6}[）)][\u4e00-\u9fffA-Za-z]{0,8})?"
    r"(?:\s*[〔\[【（(［﹝]\s*(?:19|20)\d{2}\s*[〕\]】）)］﹞]|(?<=[字罚决告号])(?:19|20)\d{2}(?=第|[-－]))"
    r"\s*[\u4e00-\u9fff]{0,3}第?\s*[A-Za-z]{0,2}[-－]?\d{1,6}(?:[-－]\d{1,4})?\s*"
    r"(?:[（(][\u4e00-\u9fff]{1,3}[）)]\s*)?(?:号|(?=\s*(?:$|\n|\|)))"
)
# Labels that may stick to a case number when a form's cells run together (文号：, 案号 …).
_NUMBER_LABEL = re.compile(r"^.*?(?:文号|案号|编号|字号|决定书号|文书号)[:：]?|^.*?(?:决定书|告知书|通知书)文|"
                           r"^.*?(?:作出|出具|下达|送达|依据|根据|按照)(?=[\u4e00-\u9fff])")
CREDIT_CODE = re.compile(r"(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])")
ID_NUMBER = re.compile(r"(?<![0-9])\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9])")
# Published with some characters masked (91430281MA4Pxxxxxx, 6540**********0015, 92430524****4KN196).
_MASK = "*＊xXＸ"
MASKED_CREDIT_CODE = re.compile(rf"(?<![0-9A-Z*＊])[0-9A-HJ-NPQRTUWY]{{2}}\d{{2,6}}[0-9A-HJ-NPQRTUWY{_MASK}]{{8,12}}(?![0-9A-Z*＊])")
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
    r"(?:[（(]?(?:单位|个人|单位名称)?(?:名称|姓名)?(?:[/／或](?:名称|姓名))?[)）]?)?(?:[】\]]|[）)]?(?:[:：]\s*|\s+|$))")
# A bracketed note after a party's name that is not part of it: （个体工商户）, （以下简称当事人）.
_PARTY_NOTE = re.compile(r"[（(](?:个体工商户|个体户|个体|普通合伙|有限合伙|以下简称[^）)]*|下称[^）)]*|经营者[^）)]*)[）)]$")
# The addressee at a notice's or a decision's head (masked names too: XX有限公司：), a remark after it allowed
# (某某有限公司：（纳税人识别号：…）).
_SALUTATION = re.compile(r"^(?P<name>[\u4e00-\u9fff（）()XxＸ*＊]{3,40}?)[:：](?:\s*[（(][^（）()]{2,40}[）)])?$")
_PERSON_SALUTATION = re.compile(r"^(?P<name>[\u4e00-\u9fff][\u4e00-\u9fffXxＸ*＊]{1,3}(?:·[\u4e00-\u9fff]{1,6})?)[:：]$")
_NOT_A_NAME = re.compile(r"当事人|说明|备注|附件|事由|联系|地址|电话|意见|案由|时间|地点|日期|证据|理由|依据|问|答")
_ADDRESSED = {"advance_notice", "penalty_decision", "evidence_preservation", "seizure", "hearing_notice"}
ORG_PREFIX = re.compile(r"(.{2,38}(?:有限责任公司|股份有限公司|有限公司|分公司|公司|集团|合作社|经营部|门市部|商行|超市|商店|"
                         r"餐馆|饭店|酒店|宾馆|旅行社|加工厂|厂|店|馆|中心|养殖场|农场|诊所|药房|工作室))")
_WORKPLACE = re.compile(r"^工作单位(?:及职务)?(?:[:：]|$)|工作单位(?:及职务)?[:：]")
_ADDRESS_LABEL = re.compile(r"(?:住所|地址|住址|经营场所|经营地址|联系地址|住所地|注册地址|家庭住址)(?:[（(][^）)]{1,8}[）)])?"
                            r"(?:[:：]|$)")
_ORG_WORDS = (r"公司|厂|店|部|社|中心|合作社|商行|超市|集团|医院|学校|协会|工作室|事务所|酒店|宾馆|餐厅|饭店|诊所|药房|"
              r"门市|加工坊|养殖场|场|站|车队|物流|企业|单位|个体工商户|经营户|馆|行|坊|园|所")
_ORG_SUFFIX = re.compile(rf"(?:{_ORG_WORDS})$")
_DATE_LABEL = re.compile(
    r"(?:日期|时间|落款|送达时间|签收时间|收到时间|检查时间|询问时间|勘验时间|调查时间|听证时间|讨论时间|"
    r"会议时间|审核时间|公示时间|公示日期|发布时间|缴款日期|立案日期|结案日期)[:：]?")
_RECORD_TIME = re.compile(r"(?:检查|询问|勘验|勘查|调查|现场检查)?(?:时间|日期)[:：]?")
_SERVICE_TIME = re.compile(r"(?:送达|签收|收到|收件|送达时间|送达日期|签收时间|签收日期)(?:时间|日期)?[:：]?")
_DEADLINE = re.compile(r"(?P<n>[\d一二三四五六七八九十]+)\s*(?:个)?(?P<unit>工作日|日|天|个月|月)(?:内|之内|以内)")
_REVIEW = re.compile(r"(?P<n>[\d一二三四五六七八九十百]+)\s*(?:个)?(?P<unit>日|天|个月|月|年)(?:内|之内|以内)?[^。；;\d一二三四五六七八九十]{0,40}?(?:申请)?(?:行政)?复议")
_LITIGATION = re.compile(r"(?P<n>[\d一二三四五六七八九十]+)\s*(?:个)?(?P<unit>日|天|个月|月|年)(?:内|之内|以内)?[^。；;\d一二三四五六七八九十]{0,40}?(?:提起|起诉)(?:行政)?(?:诉讼)?")
_AGENCY = re.compile(  # (a name never holds 决定书, 来源于, 以下, 根据 …: those are sentences about one)
    r"(?:(?!决定书|通知书|告知书|来源|以下|根据|依据|关于|按照|发布|本文)[\u4e00-\u9fff（）()]){2,30}?(?:人民政府|综合行政执法局|综合执法局|行政执法局|执法局|管理局|监督管理局|"
    r"监督局|执法大队|执法支队|执法队|救援支队|救援大队|分局|局|委员会|办事处|人民政府办公室|海关|管理所|监督所)"
    r"(?:[\u4e00-\u9fff]{0,8}(?:大队|支队|中队|分局))?")
_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def cn_int(s: str) -> int | None:
    """Small Chinese or Arabic integer (十五, 六十, 15); None if not one."""
    if s.isdigit():
        return int(s)
    try:
        import cn2an

        return int(cn2an.cn2an(s, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


class Reader:
    """Shared view of one document for the field readers: lines, dates, phrases."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.dt = DocText(doc)
        self.text = self.dt.text
        self.dates: list[DateMatch] = find_dates(self.text)
        self._phrases: list[PhraseHit] | None = None
        self.fields = doc.fields

    @property
    def phrases(self) -> list[PhraseHit]:
        """Phrase matches, computed on first use (generic fields do not need them)."""
        if self._phrases is None:
            self._phrases = find_phrases(self.text)
        return self._phrases

    def value(self, value, start: int, end: int | None = None) -> Value:
        return Value(value, self.dt.loc(start, end))

    def line_value(self, value, line: Line) -> Value:
        return Value(value, self.dt.line_loc(line))

    def hits(self, label: str, pid: str | None = None) -> list[PhraseHit]:
        return [h for h in self.phrases if h.label == label and (pid is None or h.id == pid)]

    def negated(self, hit: PhraseHit) -> bool:
        """未/没有/不 shortly before the phrase (未出示执法证件)."""
        before = self.text[max(0, hit.start - 4): hit.start]
        return bool(re.search(r"未|没有|不(?!得)|无(?!异议)|拒绝", before))

    def dates_in(self, start: int, end: int) -> list[DateMatch]:
        return [d for d in self.dates if start <= d.start < end]

    def labelled_text(self, label: re.Pattern[str]) -> list[tuple[str, int]]:
        """Values after a label in a line (`label：value`) or in the next cell (label | value)."""
        out = []
        for line in self.dt.lines:
            for col, cell in enumerate(line.cells):
                m = label.search(cell)
                if not m:
                    continue
                rest = cell[m.end():].strip()
                offset = line.cell_starts[col] + m.end()
                if not rest and col + 1 < len(line.cells):
                    rest = line.cells[col + 1].strip()
                    offset = line.cell_starts[col + 1]
                elif not rest and m.start() == 0:
                    below = line_below(self.dt, line, col, line.cell_starts[col] + m.end())
                    if below is not None:  # a label on a line of its own (a web page's table, copied)
                        rest, offset = below[0].cells[0].strip(), below[0].cell_starts[0]
                out.append((rest, offset))
        return out


# -- generic fields ------------------------------------------------------------

def read_generic(r: Reader) -> None:
    doc, f = r.doc, r.fields
    numbers = []
    refs = []
    for m in CASE_NUMBER.finditer(r.text):
        start = _number_start(r.text, m)
        numbers.append(r.value(canonical_brackets(re.sub(r"\s+", "", r.text[start:m.end()])), start, m.end()))
        refs.append(_number_ref(r, start, m.end()))
    if numbers:
        f["case_numbers"] = numbers
        doc.case_number = _own_case_number(r, numbers)
        # Which document each 文号 names (C02): the title next to it, or None.
        f["number_refs"] = [Value({"number": v.value, **ref}, v.loc) for v, ref in zip(numbers, refs, strict=True)]
        own = _standalone_number(r, numbers)
        if own is not None:
            f["own_case_number"] = own  # the document's own 文号 on a line of its own near the top
    f["dates"] = [r.value(d.value if d.time is None else _dt(d), d.start, d.end) for d in r.dates
                  if d.precision == "day"]
    amounts = find_amounts(r.text)
    if amounts:
        f["amounts"] = [r.value({"yuan": a.yuan, "form": a.form, "text": a.text}, a.start, a.end) for a in amounts]
    # The same two amounts may be paired both ways (大写…小写 on adjacent lines): keep each pair once.
    # Pairs come in text order (50000元（大写：伍万元整）): put the words first.
    pairs = list({(w.start, g.start): (w, g) for w, g in
                  ((a, b) if a.form == "words" else (b, a) for a, b in words_figures_pairs(r.text) + _labelled_pairs(r))
                  }.values())
    if pairs:
        f["amount_pairs"] = [r.value({"words": w.yuan, "figures": g.yuan, "text": r.text[min(w.start, g.start):max(w.end, g.end)],
                                      "words_text": w.text, "figures_text": g.text},
                                     min(w.start, g.start), max(w.end, g.end)) for w, g in pairs]
    bad = malformed_figures(r.text)
    if bad:
        # On a scan the print may be right and the reading wrong: C03 then asks a person to look.
        f["malformed_figures"] = [r.value({"text": t, "scanned": r.dt.line_at(a).block.confidence is not None}, a, b)
                                  for a, b, t in bad]
    # Citations are read on the flattened text: PDF lines wrap inside law names and articles
    # (《中华人民共和国大气污\n染防治法》第九十\n九条).
    flat = _Flat(r)
    cites = find_citations(flat.text)
    if cites:
        f["citations"] = [flat.value({"law": c.law, "articles": list(c.articles), "vague": c.vague, "text": c.text,
                                      "strings": c.strings(), "role": role_of(flat.text, c.start),
                                      "alias": _is_alias(flat.text, c.start, c.end),
                                      "loose_article": _loose_article(flat.text, c.end) if not c.articles else None},
                                     c.start, c.end) for c in cites]
    sigs = signatures(r.dt)
    if sigs:
        f["signatures"] = [Value({"role": s.role, "signed": s.signed, "kind": s.kind, "name": s.name,
                                  "label": s.label, "images": s.images,
                                  "scanned": s.line.block.confidence is not None}, r.dt.line_loc(s.line)) for s in sigs]
    seals = []
    n_lines = len(r.dt.lines)
    first_of_block: dict[int, Line] = {}  # id(block) -> its first line, built once (linear in the lines)
    for line in r.dt.lines:
        first_of_block.setdefault(id(line.block), line)
    for i, line in enumerate(r.dt.lines):
        if line.row is not None and line.block.kind == "table":
            imgs = [img for img, (row, _) in zip(line.block.images, line.block.image_cells, strict=False) if row == line.row]
        elif line.block.kind != "table" and line is first_of_block.get(id(line.block), line):
            imgs = line.block.images
        else:
            imgs = []
        for img in imgs:
            if img.looks_like_seal:
                seals.append(r.line_value({"near_closing": i >= n_lines - 12, "image": img.to_json()}, line))
    f["seals"] = seals
    f["images"] = sum(len(b.images) for b in doc.blocks)
    party = _party(r)
    if party:
        f["party"] = party
    for rxs, key in (((CREDIT_CODE, False), (MASKED_CREDIT_CODE, True)), "credit_code"), \
                    (((ID_NUMBER, False), (MASKED_ID_NUMBER, True)), "id_number"):
        m = _party_number(r, rxs, key)
        if m is not None:
            f[key] = r.value(m.group(), m.start(), m.end())
    addr = [(t, o) for t, o in r.labelled_text(_ADDRESS_LABEL) if t]
    if addr:
        t, o = addr[0]
        f["party_address"] = r.value(re.split(r"[，。；;|]|\s{2,}", t)[0], o)
    agency = _closing_agency(r)
    if agency:
        f["agency"] = agency
    for key, label in (("cause", _CAUSE_LABEL), ("case_name", _CASE_NAME_LABEL)):
        found = [(t, o) for t, o in r.labelled_text(label) if t]
        if found:
            text, off = found[0]
            value = re.split(r"\s*\|\s*|[。；;\n]", text)[0].strip()
            if value:
                f[key] = r.value(value, off, off + len(value))


_CAUSE_LABEL = re.compile(r"^\s*案\s*由[:：]?")
_CASE_NAME_LABEL = re.compile(r"^\s*(?:案件名称|案卷名称|案\s*名)[:：]?")


def _labelled_pairs(r: Reader) -> list:
    """金额（大写） | 伍万元整 on one row and 金额（小写） | ¥50,000.00 on the next: one amount in two forms."""
    out = []
    lines = r.dt.lines
    for i, line in enumerate(lines):
        if "大写" not in line.text:
            continue
        words = [a for a in find_amounts(line.text) if a.form == "words"]
        if not words:
            continue
        above = [(k, x) for k, x in enumerate(lines[max(0, i - 2): i]) if "小写" in x.text]
        if above and "小写" not in line.text:  # 金额（小写） | ¥13,000.00 above 金额（大写） | 壹万叁仟元整
            _, prev = above[-1]
            figs = [a for a in find_amounts(prev.text) if a.form == "figures"]
            if figs:
                out.append((_shift(words[0], line.start), _shift(figs[0], prev.start)))
                continue
        small = line.text.find("小写", words[0].end)
        if small >= 0:  # 金额（大写） | 叁仟元整 | 金额（小写） | ¥3000.00 on one row
            figs = [a for a in find_amounts(line.text[small:]) if a.form == "figures"]
            if figs:
                out.append((_shift(words[0], line.start), _shift(figs[0], line.start + small)))
                continue
        for nxt in lines[i + 1: i + 3]:
            if "小写" in nxt.text:
                figs = [a for a in find_amounts(nxt.text) if a.form == "figures"]
                if figs:
                    w, g = words[0], figs[0]
                    out.append((_shift(w, line.start), _shift(g, nxt.start)))
                break
    return out


def _shift(a, offset: int):
    from dataclasses import replace

    return replace(a, start=a.start + offset, end=a.end + offset)


def _is_alias(text: str, start: int, end: int) -> bool:
    """A law named only to define its short form: 《中华人民共和国食品安全法》（以下简称《食品安全法》）."""
    return bool(re.match(r"\s*[（(]\s*以下简称", text[end:end + 8]) or re.search(r"以下简称\s*$", text[max(0, start - 8):start]))


def _loose_article(text: str, end: int) -> str | None:
    """An article written irregularly right after the law (一百二十四条, （第三十四条）, 第124 条): its text."""
    m = re.match(r"\s*[（(]?\s*第?\s*[零一二三四五六七八九十百千〇两\d]+\s*条", text[end:end + 16])
    return m.group().strip() if m else None


# A law cited to an article without 书名号: 依据食品安全法第一百二十四条 (D03 counts it as a citation).
_BARE_CITATION = re.compile(
    r"(?:依据|根据|依照|按照|违反了?)(?:\s*)(?P<law>(?:中华人民共和国)?[\u4e00-\u9fff]{2,30}?(?:法|条例|规定|办法|细则))"
    r"(?P<article>第[零一二三四五六七八九十百千〇两\d]+条)")


def _dt(d: DateMatch):
    return d.as_datetime() or d.value


def _own_case_number(r: Reader, numbers: list[Value]) -> Value:
    """The document's own 文号: one standing on its own line near the top, else the first."""
    for v in numbers[:3]:
        line = r.dt.line_at(_offset_of(r, v))
        if r.dt.lines.index(line) < 6 and len(compact(line.text)) <= len(compact(v.value)) + 8:
            return v
    return numbers[0]


def _standalone_number(r: Reader, numbers: list[Value]) -> Value | None:
    """The 文号 that stands on a line of its own near the top (a document's own number), or None."""
    own = _own_case_number(r, numbers)
    line = r.dt.line_at(_offset_of(r, own))
    if r.dt.lines.index(line) < 6 and len(compact(line.text)) <= len(compact(own.value)) + 8:
        return own
    return None


# Prose runs into a 文号 (2024年3月7日以青市监先保〔2024〕17号, 收到贵局青市监罚告〔2024〕17号):
# these words are never part of an agency's abbreviation.
_NUMBER_LEAD = re.compile(
    r"(?:.*(?:收到|贵局|贵单位|本局|我局|你局|本机关|根据|依据|按照|送达的|作出|出具|下达|制发|印发|签发|文号|编号|的|"
    r"决定书|告知书|通知书|审批表|呈批表|回证|笔录))?"
    r"(?:以|对|向)?")
_BRACKET_OPEN = re.compile(r"[〔\[【（(［﹝]\s*(?:19|20)\d{2}|(?:19|20)\d{2}(?=第|[-－])")  # where the year starts
_TITLE_WORD = r"(?:决定书|告知书|通知书|审批表|呈批表|回证|报告|笔录|催告书|申请书|缴款书)"


def _number_start(text: str, m: re.Match[str]) -> int:
    """Where a 文号 really starts: past a date's 日 and the prose words run into its prefix."""
    head = m.group()[: _BRACKET_OPEN.search(m.group()).start()]
    k = 0
    if head.startswith("日") and m.start() > 0 and re.match(r"[\d〇零一二三四五六七八九十]", text[m.start() - 1]):
        k = 1
    lead = _NUMBER_LEAD.match(head, k)
    if lead is not None and len(head) - lead.end() >= 2:
        k = lead.end()
    return m.start() + k


def _title_type(title: str) -> str | None:
    """The document type a title names (行政处罚决定书, 处罚决定书, 告知书 …)."""
    title = title.strip("《》〈〉<> ")
    mt = match_title(title)
    if mt:
        return mt[0]
    if title.endswith("决定书") and not re.search(r"先行|保存|强制|查封|扣押|不予|复议", title):
        return "penalty_decision"
    if title.endswith("告知书"):
        return "hearing_notice" if "听证" in title else "advance_notice"
    return None


def _number_ref(r: Reader, start: int, end: int) -> dict:
    """What a 文号 refers to: the title written next to it (《告知书》（X）, X《决定书》, 决定书文号 | X,
    an index row's title), and whether it is a prior case's (当事人曾被…处罚)."""
    line, col = r.dt.cell_at(start)
    cell = line.cells[col]
    cs = line.cell_starts[col]
    before, after = cell[: start - cs], cell[end - cs:]
    refers = None
    m = re.match(rf"\s*(?:的)?(《[^》]{{2,30}}》|[\u4e00-\u9fff]{{0,12}}{_TITLE_WORD})", after)
    if m:
        refers = _title_type(m.group(1))
    if refers is None:
        m = re.search(rf"(《[^》]{{2,30}}》|[\u4e00-\u9fff]{{2,16}}{_TITLE_WORD})\s*[（(]?\s*(?:文号[:：]?)?\s*$", before)
        if m:
            refers = _title_type(m.group(1))
    if refers is None:
        label = before if before.strip() else (line.cells[col - 1] if col > 0 else "")
        m = re.search(rf"([\u4e00-\u9fff]{{0,12}}{_TITLE_WORD})\s*(?:文号|编号|字号)\s*[:：]?\s*$", label)
        if m:
            refers = _title_type(m.group(1))
    if refers is None and line.row is not None and not before.strip():
        for k, other in enumerate(line.cells):  # an index row: 13 | 青市监处罚〔2024〕17号 | … | 行政处罚决定书
            if k != col and other.strip():
                t = _title_type(other)
                if t is not None:
                    refers = t
                    break
    sentence = re.split(r"[。；;]", r.text[max(0, start - 80): start])[-1]
    prior = bool(re.search(r"曾|此前|前次|上次|另案|以往|先前", sentence))
    return {"refers_to": refers, "prior": prior}


def _offset_of(r: Reader, v: Value) -> int:
    idx = r.text.find(v.loc.quote.strip("…")[:10]) if v.loc.quote else 0
    return max(0, idx)


def _party(r: Reader) -> Value | None:
    """The party: a labelled name (当事人：…), the addressee of a notice (XX公司：), or an interviewee's employer."""
    for text, off in r.labelled_text(_PARTY_LABEL):
        name = _party_name(text)
        if name:
            return r.value(name, off, off + len(name))
    if r.doc.type == "penalty_decision":
        # 一、当事人基本情况 / 姓名：肖平仔，性别：男 …: the party's fields under a heading that names the party
        head = next((i for i, line in enumerate(r.dt.lines[:20]) if re.search(r"当事人(?:的)?(?:基本)?(?:情况|信息)", line.text)),
                    None)
        if head is not None:
            for line in r.dt.lines[head + 1: head + 4]:
                m = re.match(r"\s*(?:姓名|名称|单位名称)[:：]\s*(.+)", line.text)
                if m and (name := _party_name(m.group(1))):
                    return r.line_value(name, line)
    if r.doc.type == "penalty_decision":
        # A name on a line of its own at the head, the party's particulars under it (统一社会信用代码：…, 住所：…).
        for i, line in enumerate(r.dt.lines[:10]):
            c = compact(line.text)
            nxt = r.dt.lines[i + 1].text if i + 1 < len(r.dt.lines) else ""
            if len(line.cells) == 1 and ORG_PREFIX.fullmatch(c) and not _AGENCY.fullmatch(c) and \
                    _title_type(c) is None and re.match(r"\s*(?:统一社会信用代码|营业执照|注册号|住所|地址|法定代表人|负责人|"
                                                       r"经营者|身份证|公民身份)", nxt):
                return r.line_value(c, line)
    for line in r.dt.lines[:8]:
        m = _SALUTATION.match(line.text.strip())
        # A decision may be addressed to an agency that broke the law (XX局：); elsewhere such a line is a heading.
        if m and (_ORG_SUFFIX.search(m.group("name")) or r.doc.type == "penalty_decision") and \
                (not _AGENCY.fullmatch(m.group("name")) or r.doc.type == "penalty_decision") and \
                not _NOT_A_NAME.search(m.group("name")):
            return r.line_value(m.group("name"), line)
        m = _PERSON_SALUTATION.match(line.text.strip())
        if m and r.doc.type in _ADDRESSED and not _NOT_A_NAME.search(m.group("name")):
            return r.line_value(m.group("name"), line)  # 赵德明： — a notice addressed to a person
    if r.doc.type in ("inquiry_record", "inspection_record"):
        relation = r.labelled_text(re.compile(r"^(?:与本案关系|与案件关系|身份)(?:[:：]|$)"))
        if relation and re.match(r"当事人(?:本人)?$", relation[0][0].strip()):
            for text, off in r.labelled_text(re.compile(r"^被(?:询问|调查|检查)人(?:姓名)?(?:[:：]|$)")):
                names = split_names(re.split(r"[|，,]|性别|\s", text)[0])
                if names:
                    return r.value(names[0], off, off + len(names[0]))  # the party was interviewed in person
        workplace = r.labelled_text(_WORKPLACE)
        witness = relation and not re.match(r"当事人|本人|法定代表人|负责人|经营者|业主|股东", relation[0][0].strip())
        if r.doc.type == "inquiry_record" and not witness and \
                not any(ORG_PREFIX.match(t.strip()) for t, _ in workplace):
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
            if 4 <= len(name) <= 40 and _ORG_SUFFIX.search(name):
                # Only inferred (the interviewee may work for someone else): C01 does not compare it.
                r.fields["party_source"] = r.value("workplace", off, off + len(name))
                return r.value(name, off, off + len(name))
    return None


def _party_name(text: str) -> str | None:
    """The party's name at the start of a labelled value: up to the next field (统一社会信用代码, 地址 …), without a
    note after it (（个体工商户）) or its owner in brackets (某某店（张三）); None when it is no name."""
    name = re.split(r"[，。,；;|]|\s|统一社会|身份证|地址|住所|法定代表人|负责人|性别|经营者|"
                    r"[（(](?:统一|身份|住|公民|营业|注册|组织|信用)", text)[0].strip()
    name = _PARTY_NOTE.sub("", name)
    owner = re.match(rf"(.{{2,38}}(?:{_ORG_WORDS}))(?:[（(][\u4e00-\u9fff*＊XxＸ]{{2,4}}[）)]|"
                     rf"[\u4e00-\u9fff][*＊XxＸ]{{1,2}}[\u4e00-\u9fff]?)$", name)
    if owner:
        name = owner.group(1)  # 固川县城关广达百货店（邹广达）, 某农资经营部龙*权: the shop, run by its owner
    name = name.rstrip("（(")
    if 2 <= len(name) <= 40 and not re.search(r"签名|签字|盖章|基本情况|情况|信息$|如下|决定书|通知书|告知书|公告|文书", name):
        return name
    return None


def _party_number(r: Reader, patterns, key: str) -> re.Match[str] | None:
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
            before = re.split(r"[，,。；;]", r.text[cell_start: m.start()])[-1]  # this field's own words
            if _OTHER_PERSON.search(before) and not _PARTY_LABEL.search(before) or _NOT_PARTY_NUMBER.search(before):
                continue
            if not before.strip() and line.text.strip() == m.group():  # a number alone on its line (a form set
                above = " ".join(x.text for x in r.dt.lines[max(0, r.dt.lines.index(line) - 3): r.dt.lines.index(line)])
                if _OTHER_PERSON.search(above):  # out vertically): it is the person's named just above
                    continue
            return m
    return None


def party_kind(name: str | None, credit_code: str | None, id_number: str | None) -> str | None:
    """organization or person: a business's or an agency's name is an organization's (a 个体工商户's shop
    too — ``individual_business`` tells it apart); else the credit code (92… is a 个体工商户 trading under its
    owner's name), the ID number, or a person's name."""
    if name and "·" not in name and (_ORG_SUFFIX.search(name) or _AGENCY.fullmatch(name) or len(name) > 5 or
                                     re.search(r"(?:局|厅|委员会|政府|办公室|管委会)$", name)):
        return "organization"
    if credit_code and not credit_code.startswith("92"):
        return "organization"
    if credit_code or id_number or name:
        return "person"
    return None


def individual_business(name: str | None, credit_code: str | None, text: str = "") -> bool:
    """A 个体工商户: in law a natural person doing business (民法典 第五十四条), so its hearing threshold is a
    person's (市场监督管理行政处罚听证办法 第五条)."""
    return bool(credit_code and credit_code.startswith("92")) or bool(name and re.search(
        rf"{re.escape(name)}[（(]?个体(?:工商)?户", text))


def _closing_agency(r: Reader) -> Value | None:
    """The agency named in the closing (落款), else at the head: the line above the title (the letterhead) or the
    title line itself (醴陵市应急管理局行政处罚决定书), else one of the first lines that is only an agency's name."""
    lines = r.dt.lines
    closing = _agency_in_closing(r)
    if closing is not None:
        return closing
    head = lines[:15]
    for i, line in enumerate(head):
        c = compact(line.text)
        m = _AGENCY.match(c)
        if m is None:
            continue
        rest = c[m.end():]
        if rest and (_TITLE_AFTER_AGENCY.match(rest) or _title_type(rest.split("〔")[0]) is not None):
            return r.line_value(m.group(), line)  # the agency and the title on one line
        if not rest and i + 1 < len(head) and _title_type(compact(head[i + 1].text)) is not None:
            return r.line_value(m.group(), line)  # the letterhead right above the title
    for line in lines[:3]:
        c = compact(line.text)
        m = _AGENCY.fullmatch(c)
        if m:
            return r.line_value(m.group(), line)
    return None


_TITLE_AFTER_AGENCY = re.compile(r"[\u4e00-\u9fff\d]{0,20}(?:行政处罚)?(?:决定书|告知书|通知书|公示|公开|信息表)|"
                                 r"关于.{2,60}(?:处罚|决定)")
_LABELLING = re.compile(r"(?:名称|姓名|单位|人|对象|机关|地址|住所|住址)(?:[（(][^）)]*[）)])?[:：]?$")


def _agency_in_closing(r: Reader) -> Value | None:
    """The agency named in the closing (落款) only: a line near the end that is just the agency's name.

    The first three lines (the letterhead) are never the closing, however short the document.
    """
    lines = r.dt.lines
    for li in range(len(lines) - 1, max(0, len(lines) - 10) - 1, -1):
        line = lines[li]
        for col, cell in enumerate(line.cells):
            if li < 3 and not _one_line_tail(line, col):
                continue  # the letterhead, unless the whole document stands on one line
            if col and any(_LABELLING.search(compact(x)) or is_label_cell(x) for x in line.cells[:col] if x.strip()):
                continue  # a labelled value (被处罚单位名称 | 某镇人民政府) is not a closing
            c = compact(cell)
            # The agency and the date on one line (a seal over both joins them): 丰安县农业农村局二〇二四年七月十九日.
            start = line.cell_starts[col]
            for d in r.dates_in(start, start + len(cell)):
                c = c.replace(compact(d.text), "")
            c = re.sub(r"[（(][^（）()]*[）)]$", "", c) if re.search(r"公示|公开", c) else c
            m = _AGENCY.fullmatch(re.sub(r"[（(]?(?:盖章|公章|印章|章)[)）]?$", "", c))
            if m:
                return r.line_value(m.group(), line)
    return None


# -- the document's own date -----------------------------------------------------

def own_date(r: Reader) -> Value | None:
    """The date a document bears: type-specific labels first, then its closing line."""
    t = r.doc.type
    if t in ("inspection_record", "inquiry_record", "hearing_record", "collective_discussion"):
        d = _date_after_label(r, _RECORD_TIME) or _first_date(r)
        if d:
            return d
    if t == "service_receipt":
        d = _service_date(r)
        if d:
            return d
    if t in ("filing_approval", "investigation_report", "closure_report", "extension_approval", "legal_review"):
        approvals = r.fields.get("approvals") or []
        dated = [a for a in approvals if a.value.get("date")]
        if dated:
            last = max(dated, key=lambda a: a.value["date"])
            return Value(last.value["date"], last.loc)
    if t == "publicity_record":
        d = _date_after_label(r, re.compile(r"(?:公示|公开|发布|上网)(?:日期|时间)[:：]?"))
        if d:
            return d
    if t in ("cover", "index"):
        return None  # a cover's dates are the case's (立案/结案), not its own
    if t == "identity_proof":
        # A copy's date is when it was checked against the original, not the licence's dates.
        for line in reversed(r.dt.lines):
            if re.search(r"核对|原件|复印|提供人|提取", line.text):
                ds = [d for d in r.dates_in(line.start, line.start + len(line.text) + 1) if d.precision == "day"]
                if ds:
                    return r.value(ds[-1].value, ds[-1].start, ds[-1].end)
        days = [d for d in r.dates if d.precision == "day"]
        return r.value(max(days, key=lambda d: d.value).value, 0) if days else None
    closing = _closing_date(r)
    if closing is not None or t in _DATED_BY_CLOSING:
        return closing  # a notice or decision without a dated closing has no date of its own
    return _last_date(r)


# Documents whose own date is only the one in their closing (落款): any other date they
# mention is a date of the facts (the violation, the inspection), never theirs.
_DATED_BY_CLOSING = {"advance_notice", "penalty_decision", "hearing_notice", "evidence_preservation", "seizure",
                     "legal_review", "statement_record"}


def _date_after_label(r: Reader, label: re.Pattern[str]) -> Value | None:
    for _, off in r.labelled_text(label):
        for d in r.dates:
            if off <= d.start <= off + 6:
                return r.value(d.value, d.start, d.end)
    return None


def _first_date(r: Reader) -> Value | None:
    return r.value(r.dates[0].value, r.dates[0].start, r.dates[0].end) if r.dates else None


def _last_date(r: Reader) -> Value | None:
    days = [d for d in r.dates if d.precision == "day"]
    return r.value(days[-1].value, days[-1].start, days[-1].end) if days else None


def _one_line_tail(line: Line, col: int) -> bool:
    """One of the last two fields of a paragraph that holds a whole document (a page copied without its line
    breaks, fields set apart by wide spaces): its closing."""
    return line.row is None and len(line.cells) >= 4 and col >= len(line.cells) - 2


def _closing_date(r: Reader) -> Value | None:
    """A line near the end that is (almost) only a date, as in a 落款."""
    lines = r.dt.lines
    for li in range(len(lines) - 1, max(0, len(lines) - 12) - 1, -1):
        line = lines[li]
        for col, cell in enumerate(line.cells):
            start = line.cell_starts[col]
            ds = [d for d in r.dates_in(start, start + len(cell)) if d.precision == "day"]
            if not ds:
                continue
            rest = compact(cell)
            for d in ds:
                rest = rest.replace(compact(d.text), "")
            if len(line.cells) > 2 and not _one_line_tail(line, col):
                continue  # a row of a table of dates (记录时间 | …) is not a closing
            if _PAGE_DATE.search(cell):
                continue  # a web page's own dates (发文日期：…, 发布时间：…) are not the document's
            if _tail_after_sentence(cell, ds[-1], start) and li >= len(lines) - 3:
                d = ds[-1]
                return r.value(d.value, d.start, d.end)
            rest = re.sub(r"[\u4e00-\u9fff]{1,4}人[:：]?[\u4e00-\u9fff]{2,4}(?=[\u4e00-\u9fff]{0,4}(?:日期|时间))", "", rest)
            rest = re.sub(r"[\u4e00-\u9fff]{0,4}(?:日期|落款|时间)[:：]?|[（(]?(?:盖章|公章|印章)[)）]?|[:：,，。]", "", rest)
            rest = re.sub(r"[（(][^（）()]*[）)]$", "", rest)  # 二〇二四年八月五日（…将依法公示…）: a remark
            if len(rest) <= 2 or _AGENCY.fullmatch(rest):
                d = ds[-1]
                return r.value(d.value, d.start, d.end)
    return None


_PAGE_DATE = re.compile(r"(?:发文|发布|生成|成文|印发|公开|更新|访问)(?:日期|时间)")


def _tail_after_sentence(cell: str, d: DateMatch, start: int) -> bool:
    """A closing run on after the last sentence of a document copied without line breaks: …提起行政诉讼。海川市
    自然资源和规划局 2024年12月9日 — the date at the very end, after 。, with at most the agency before it."""
    if d.end - start < len(cell.rstrip()) - 1:
        return False
    before = cell[: d.start - start]
    sentence = before.rfind("。")
    if sentence < 0:
        return False
    rest = compact(before[sentence + 1:])
    return not rest or bool(_AGENCY.fullmatch(rest))


_DATE_SHAPED = re.compile(r"^[\dOo〇○零一二三四五六七八九十买菱）)\s]{2,6}年.{1,4}月.{1,5}日$")


def _unreadable_closing_date(r: Reader) -> Value | None:
    """A closing line shaped like a date that does not read as one (二O）买四年八月十三日, 2024年9月141日)."""
    for line in reversed(r.dt.lines[-8:]):
        c = compact(line.text)
        if _DATE_SHAPED.match(c) and not any(d.precision == "day" for d in r.dates_in(line.start, line.start + len(line.text))):
            return r.line_value(c, line)
    return None


def _service_date(r: Reader) -> Value | None:
    d = _date_after_label(r, re.compile(r"(?:送达|签收|收到|收件)(?:时间|日期)[:：]?"))
    if d:
        return d
    for s in r.fields.get("signatures", []):
        if s.value["role"] in RECIPIENT_ROLES:
            line_start = r.text.find(s.loc.quote.strip("…")[:12]) if s.loc.quote else -1
            if line_start >= 0:
                ds = r.dates_in(line_start, line_start + 80)
                if ds:
                    return r.value(ds[0].value, ds[0].start, ds[0].end)
    return None


# -- type-specific readers ---------------------------------------------------------

def read_record(r: Reader) -> None:
    """inspection_record / inquiry_record: officers, certificates shown, confirmation, signatures."""
    f = r.fields
    offs = officers(r.dt)
    f["officers"] = [r.line_value({"name": o.name, "cert_no": o.cert_no, "roles": o.roles}, o.line) for o in offs]
    shown = [h for h in r.hits("CERT_SHOWN") if not r.negated(h)]
    f["certificates_shown"] = r.value(True, shown[0].start, shown[0].end) if shown else None
    conf = r.hits("CONFIRM")
    f["confirmation"] = r.value(True, conf[0].start, conf[0].end) if conf else None
    # 当事人拒绝签名的，由… is a form's instruction, not a note that the party refused.
    refused = [h for h in r.hits("REFUSE") if not r.text.startswith("的", h.end)]
    f["party_refused"] = r.value(True, refused[0].start, refused[0].end) if refused else None
    f["recording"] = _recording(r)
    witness = r.labelled_text(re.compile(r"见证人(?:姓名)?[:：]"))
    names = [n for t, _ in witness for n in split_names(t)]
    if names:
        f["witness"] = r.value(names[0], witness[0][1])
    rec = r.labelled_text(re.compile(r"记录人(?:员)?[:：]"))
    rec_names = [n for t, _ in rec for n in split_names(t[:12])]
    if rec_names:
        f["recorder"] = r.value(rec_names[0], rec[0][1])
    ranges = _time_range(r)
    if ranges:
        f["start"] = ranges


def _recording(r: Reader) -> Value | None:
    """A note that the step was recorded on audio/video (全程录音录像, 执法记录仪), not negated."""
    hits = [h for h in r.hits("RECORDING") if not r.negated(h) and not r.text.startswith("的", h.end)]
    return r.value(True, hits[0].start, hits[0].end) if hits else None


def _time_range(r: Reader) -> Value | None:
    for d in r.dates:
        if d.time is not None:
            return r.value(_dt(d), d.start, d.end)
    return None


def _in_title(r: Reader, offset: int) -> bool:
    """The offset lies on the document's title line (陈述申辩告知书 names the rights, it does not state them)."""
    title = compact(r.doc.title or "")
    if not title:
        return False
    index = r.dt.line_index(offset)
    return index < 5 and compact(r.dt.lines[index].text).endswith(title)


def read_notice(r: Reader) -> None:
    """advance_notice: facts, reasons, legal basis, proposed penalty, rights and their deadline."""
    f = r.fields
    rights = {}
    for right in ("statement", "defence", "hearing"):
        hs = [h for h in r.hits("RIGHT", right) if not r.negated(h) and not _in_title(r, h.start)]
        rights[right] = r.value(True, hs[0].start, hs[0].end) if hs else None
    f["rights"] = rights
    deadline = None
    for m in _DEADLINE.finditer(r.text):
        window = r.text[max(0, m.start() - 60): m.end() + 60]
        if re.search(r"陈述|申辩|听证", window):
            deadline = r.value({"days": cn_int(m.group("n")), "unit": m.group("unit")}, m.start(), m.end())
            break
    f["rights_deadline"] = deadline
    hearing_deadline = None
    for m in _DEADLINE.finditer(r.text):
        window = r.text[max(0, m.start() - 30): m.end() + 30]
        if "听证" in window:
            hearing_deadline = r.value({"days": cn_int(m.group("n")), "unit": m.group("unit")}, m.start(), m.end())
            break
    f["hearing_deadline"] = hearing_deadline
    f["violation_date"] = _violation_date(r)
    # The party's dated receipt on the notice itself (签收：… 2024年3月5日), when there is one.
    f["receipt_date"] = _service_date(r)
    facts = r.hits("FACTS")
    f["facts"] = r.value(True, facts[0].start, facts[0].end) if facts else None
    reasons = r.hits("REASON")
    f["reasons"] = r.value(True, reasons[0].start, reasons[0].end) if reasons else None
    cites = f.get("citations") or []
    f["legal_basis"] = cites[0] if cites else None
    f.update(_penalty_section(r, proposed=True))


# A line that is only a page number: - 1 -, 第1页, 第1页共2页, 共2页第1页, 1/2.
_PAGE_NUMBER_LINE = re.compile(
    r"^\s*(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页\s*[,，/]?\s*(?:共\s*\d+\s*页)?|共\s*\d+\s*页\s*[,，/]?\s*第\s*\d+\s*页|"
    r"\d+\s*/\s*\d+)\s*$")


class _Flat:
    """A document's text without line breaks and page-number lines, mapped back to the Reader's offsets."""

    def __init__(self, r: Reader) -> None:
        self.r = r
        chars: list[str] = []
        self.where: list[int] = []
        pos = 0
        for line in r.text.split("\n"):
            if not _PAGE_NUMBER_LINE.match(line):
                chars.append(line)
                self.where.extend(range(pos, pos + len(line)))
            pos += len(line) + 1
        self.text = "".join(chars)

    def value(self, value, start: int, end: int) -> Value:
        """A Value located at the flat span [start, end) (quoted from the original line)."""
        a = self.where[start] if start < len(self.where) else len(self.r.text)
        b = self.where[end - 1] + 1 if 0 < end <= len(self.where) else a
        return self.r.value(value, a, b)


def read_decision(r: Reader) -> None:
    """penalty_decision: penalty, basis, payment, remedies, evidence."""
    f = r.fields
    f.update(_penalty_section(r, proposed=False))
    facts = r.hits("FACTS")
    f["facts"] = r.value(True, facts[0].start, facts[0].end) if facts else None
    # 证据 in 当事人未提出新的事实、理由和证据 is the party's statement, not the evidence the decision rests on.
    ev = [h for h in r.hits("EVIDENCE") if not _NOT_EVIDENCE.search(r.text[max(0, h.start - 12): h.start])]
    f["evidence"] = r.value(True, ev[0].start, ev[0].end) if ev else None
    pay = r.hits("PAYMENT")
    place = r.hits("PAYMENT_PLACE")
    # Payment and remedies are read on the flattened text: PDF lines wrap inside numbers
    # (六\n十日内) and words (银\n行), and page numbers stand between the parts of a sentence.
    flat = _Flat(r)
    deadline = None
    for m in _DEADLINE.finditer(flat.text):
        window = flat.text[m.start(): m.end() + 40] + flat.text[max(0, m.start() - 30): m.start()]
        if re.search(r"缴纳|缴至|交纳|缴入|缴款|缴付|罚款", window) and not re.search(r"复议|诉讼", flat.text[m.start(): m.end() + 20]):
            deadline = flat.value({"days": cn_int(m.group("n")), "unit": m.group("unit")}, m.start(), m.end())
            break
    f["payment_deadline"] = deadline
    if not (place and pay):
        hits = find_phrases(flat.text)
        fpay = [h for h in hits if h.label == "PAYMENT"]
        fplace = [h for h in hits if h.label == "PAYMENT_PLACE"]
        f["payment_manner"] = flat.value(True, fplace[0].start, fplace[0].end) if fplace and fpay else None
    else:
        f["payment_manner"] = r.value(True, place[0].start, place[0].end)
    if f["payment_manner"] is None:
        # Where to pay, however the place is called: 持本决定书到…（各网点）缴纳, 通过…平台缴纳.
        m = _PAY_AT.search(flat.text)
        if m:
            f["payment_manner"] = flat.value(True, m.start(), m.end())
    f["violation_date"] = _violation_date(r)
    rv = _REVIEW.search(flat.text)
    f["review_period"] = flat.value(_period(rv), rv.start(), rv.end()) if rv else None
    lt = _LITIGATION.search(flat.text)
    f["litigation_period"] = flat.value(_period(lt), lt.start(), lt.end()) if lt else None
    # The 落款 alone (no fall-back to the letterhead or to a date in the body): D07, and the
    # decision date the time-limit rules compare with.
    f["closing_agency"] = _agency_in_closing(r)
    f["closing_date"] = _closing_date(r)
    if f["closing_date"] is None:
        f["closing_date_unread"] = _unreadable_closing_date(r)
    f["receipt_date"] = _service_date(r)  # 当事人签收 … on the decision itself
    f["bare_citations"] = [flat.value({"law": m.group("law"), "article": m.group("article")}, m.start("law"), m.end())
                           for m in _BARE_CITATION.finditer(flat.text)]


_NOT_EVIDENCE = re.compile(r"(?:理由|事实)[和及、与]?$|(?:新的|其他|相关|有关|任何)$|(?:未|没有|不能|无法|拒绝)(?:提出|提供|出示)[^。；，]{0,6}$|"
                           r"(?:提出|提供)(?:了)?(?:新的)?$|听证$|陈述申辩$|申辩$")
_PAY_AT = re.compile(r"(?:到|至|前往|通过|经由?|使用|登录)(?![^。；;，,]{0,30}(?:期限|日内|之日|逾期|规定时间))"
                     r"[^。；;，,]{2,30}?(?:缴纳|缴款|交纳|缴至|缴入|缴付|缴清)")


def _violation_date(r: Reader) -> Value | None:
    """The latest date stated in the facts (the end of a continuing violation), before 违反…的规定."""
    facts = r.hits("FACTS")
    if not facts:
        return None
    start = facts[0].start
    reason = next((h for h in r.hits("REASON") if h.start > start), None)
    end = reason.start if reason else min(len(r.text), start + 300)
    ds = [d for d in r.dates_in(start, end) if d.precision in ("day", "month")]
    ranges = [rg for rg in find_date_ranges(r.text[start:end])]
    if ranges:
        last = max(ranges, key=lambda rg: rg.last.value)
        return r.value(last.last.value, start + last.start, start + last.end)
    if not ds:
        return None
    d = max(ds, key=lambda x: x.value)
    return r.value(d.value, d.start, d.end)


def read_report(r: Reader) -> None:
    """investigation_report: the violation date stated in its facts (T05), besides the approvals."""
    r.fields["violation_date"] = _violation_date(r)


def read_extension(r: Reader) -> None:
    """extension_approval: the days of extension asked or granted, and the approvals."""
    m = re.search(r"延长(?:办案期限|期限|办理期限)?(?P<n>[\d一二三四五六七八九十]+)\s*(?:个)?(?P<unit>日|天|个工作日|工作日|个月)", r.text)
    r.fields["extension"] = r.value({"n": cn_int(m.group("n")), "unit": m.group("unit")}, m.start(), m.end()) if m else None
    read_approvals(r)


def read_payment(r: Reader) -> None:
    """payment_proof: the sum paid and when."""
    amounts = find_amounts(r.text)
    r.fields["paid_yuan"] = r.value(amounts[0].yuan, amounts[0].start, amounts[0].end) if amounts else None


def _amounts_with_context(r: Reader, start: int, end: int):
    """Amounts between two offsets, each with the text that says what it is.

    In running text that is the words just before it (没收违法所得人民币…, 并处罚款…);
    in a table it is also the header of its column (处罚种类 | 没收违法所得 | 罚款 above
    金额 | 1,200.00元 | 50,000.00元). Totals (合计) are skipped.
    """
    first = r.dt.line_index(start)
    last = r.dt.line_index(max(start, end - 1))
    out = []
    for li in range(first, last + 1):
        line = r.dt.lines[li]
        above = r.dt.lines[li - 1] if li > 0 and line.row is not None and r.dt.lines[li - 1].block is line.block else None
        for col, cell in enumerate(line.cells):
            cell_off = line.cell_starts[col]
            if cell_off + len(cell) < start or cell_off > end:
                continue
            header = above.cells[col] if above is not None and col < len(above.cells) else ""
            for a in find_amounts(cell):
                if not (start <= cell_off + a.start < end + 1):
                    continue
                context = header + " " + cell[max(0, a.start - 16): a.start]
                if re.search(r"合计|共计|总计|小计", header):
                    continue
                clause = re.split(r"[。；;]", cell[max(0, a.start - 80): a.start])[-1]
                out.append((a, context, cell_off, cell[a.end: a.end + 8], clause))
    return out


# An amount that is a rate or a factor (每平方米20元, 11元/㎡, 697㎡×11元), a surcharge (每日按…加处罚款), a tax or
# a value of goods (少缴增值税38630.50元, 货值金额) is not a fine; a total (合计, 共计, 罚款金额为) is the whole fine.
_RATE_BEFORE = re.compile(r"每[^，。；;、\d]{0,6}$|[×xX*＊]\s*$")
_RATE_AFTER = re.compile(r"\s*(?:[/／每×xX*＊]|以下|以上|的?百分之|的?\d+(?:\.\d+)?\s*[%％倍]|[一二两三四五六七八九十]倍)")
_NOT_FINE = re.compile(r"(?:加处罚款|滞纳金|每日|货值|货物价值|价值|销售额|销售收入|营业额|经营额|经营总额|营业收入|违法经营额|少缴|"
                       r"税款|偷税|造价|工程款|标的|申报总价|成交价格|退税|保证金|押金|曾)(?:(?!罚款)[^，。；;]){0,10}$")
_TOTAL = re.compile(r"(?:合计|共计|总计|计金额|计罚款|罚款金额为|罚款数额为|罚款总额|罚没款共计)[^，。；;\d]{0,10}$")


_IMPOSED = re.compile(r"(?:处以|并处|处)(?:人民币)?[\d一二三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟〇零.,，]+(?:万)?元")


def _fine_and_confiscation(items) -> tuple:
    """The fine (a stated total, else the sum of the fines each clause imposes) and the confiscated gains, from
    the amounts of a penalty section: ``items`` are (amount, context before, offset, text after)."""
    fines, totals, confiscation = [], [], None
    seen: list = []
    for a, context, off, after, clause in items:
        if _RATE_BEFORE.search(context) or _RATE_AFTER.match(after) or _NOT_FINE.search(context):
            continue
        if any(b.form != a.form and (b.yuan == a.yuan and abs(b.start + boff - a.start - off) < 24
                                     or 0 <= a.start + off - (b.end + boff) <= 3) for b, boff in seen):
            continue  # the same sum in words beside figures (伍仟元整（¥5,000.00）), even misprinted (C03 judges that)
        seen.append((a, off))
        if context.rstrip().endswith(("=", "＝")):
            context = clause  # the result of a computation (×10元/㎡=18270元): its clause says what it is
        conf_at = max((m.end() for m in re.finditer(r"没收", context)), default=-1)
        fine_at = max((m.end() for m in re.finditer(r"罚款|处以|并处|罚", context)), default=-1)
        if _TOTAL.search(context):
            totals.append((a, off))
        elif conf_at > fine_at:
            confiscation = confiscation or (a, off)
        elif fine_at > conf_at and not any(b.yuan == a.yuan and abs(b.start + boff - a.start - off) < 60
                                           for b, boff in fines):
            fines.append((a, off))  # (a sum restated in its computation, 5880元*2倍=11760元, is one fine)
    if totals:
        return totals[-1], confiscation, False
    if len(fines) > 1:
        return fines[0], confiscation, sum(a.yuan for a, _ in fines)
    return (fines[0] if fines else None), confiscation, False


def _period(m: re.Match[str]) -> dict:
    unit = m.group("unit")
    return {"n": cn_int(m.group("n")), "unit": {"天": "日", "月": "个月"}.get(unit, unit)}


def _section_end(r: Reader, start: int) -> int:
    end_m = _SECTION_END.search(r.text, start + 2)
    return end_m.start() if end_m else min(len(r.text), start + 400)


_SECTION_END = re.compile(r"复议|诉讼|陈述|申辩|听证|逾期不(?:缴|交|履行|申请|提起)|到期不缴纳|如不服|限你|请于|当事人应当|告知")


def _penalty_section(r: Reader, proposed: bool) -> dict:
    """Penalty types and amounts in the sentence(s) that impose or propose them."""
    anchors = r.hits("PROPOSE") if proposed else r.hits("DECIDE")
    if proposed:
        anchors = [a for a in anchors if re.match(r"拟|将作出|准备作出", a.text)]
    pens = r.hits("PENALTY")
    start = end = len(r.text)
    # The anchor whose section names a penalty (拟作出的行政处罚通知如下 announces the notice, it proposes nothing).
    for a in anchors or []:
        a_end = _section_end(r, a.start)
        if any(a.start <= h.start < a_end for h in pens):
            start, end = a.start, a_end
            break
    else:
        if anchors:
            start = anchors[0].start
        elif pens:  # No 决定如下 / 拟: the penalty is wherever 罚款/警告 … stands with an amount.
            start = pens[0].start
        elif m := _IMPOSED.search(r.text):  # 1.处以41250元 (a text cut before 罚款 is written)
            start = m.start()
        end = _section_end(r, start)
    section = r.text[start:end]
    types = []
    for h in r.hits("PENALTY"):
        if start <= h.start < end and h.id not in types:
            if h.id == "罚款" and re.search(r"加处罚款", r.text[max(0, h.start - 2): h.end]):
                continue
            line, col = r.dt.cell_at(h.start)
            if is_label_cell(line.cells[col]):
                continue  # a column's head (没收违法所得、没收非法财物的金额（万元）) imposes nothing
            types.append(h.id)
    # 没收 + the things themselves (没收假农药50瓶, 没收用于违法经营的工具) is 没收非法财物.
    for _m in re.finditer(r"没收(?!违法所得|非法财物)(?=[^，。；;\n]{1,40})", section):
        if "没收非法财物" not in types:
            types.append("没收非法财物")
    items = _amounts_with_context(r, start, end)
    first_fine, conf, total = _fine_and_confiscation(items)
    confiscation = r.value(conf[0].yuan, conf[1] + conf[0].start, conf[1] + conf[0].end) if conf else None
    fine = None
    if first_fine is not None:
        a, off = first_fine
        # Several fines (one per violation or party) without a stated total: the fine is their sum.
        fine = r.value(total if total else a.yuan, off + a.start, off + a.end)
    if fine is None and "罚款" in types:
        for a, context, off, after, _clause in items:
            if (confiscation is None or a.yuan != confiscation.value) and not _RATE_AFTER.match(after) \
                    and not _RATE_BEFORE.search(context) and not _NOT_FINE.search(context):
                fine = r.value(a.yuan, off + a.start, off + a.end)
                break
    if fine is not None and "罚款" not in types:
        types.append("罚款")  # 处以41250元: a sum imposed is a fine even where the word is not written
    key = "proposed_" if proposed else ""
    out = {
        f"{key}penalty_types": r.value(types, start, end) if types else None,
        f"{key}fine_yuan": fine,
        f"{key}confiscation_yuan": confiscation,
    }
    return out


def read_service(r: Reader) -> None:
    """service_receipt: what was served, to whom, when, how, signed or lien service with witness."""
    f = r.fields
    served = []
    for text, off in r.labelled_text(re.compile(r"(?:送达)?(?:文书|文件)(?:名称)?(?:及|和)?(?:文号)?[:：]?|送达(?:的)?(?:文书|材料)[:：]?")):
        for piece in re.split(r"[、，,；;|]|\s", text):
            # A title in 书名号 is whole even with brackets inside: 《行政处罚事先（听证）告知书》.
            titled = re.search(r"《([^《》]+)》", piece)
            piece = titled.group(1) if titled else re.sub(r"[〔\[【（(].*$", "", piece).strip("《》〈〉<> ")
            mt = match_title(piece)
            if mt:
                served.append(r.value({"title": mt[1], "type": mt[0]}, off))
    if not served:
        for line in r.dt.lines:
            for cell in line.cells:
                titled = re.search(r"《([^《》]+)》", cell)
                mt = match_title(titled.group(1) if titled else
                                 re.sub(r"[〔\[【（(][^〕\]】）)]*[〕\]】）)]\s*\S*号?$", "", cell).strip("《》〈〉<> "))
                if mt and mt[0] not in ("service_receipt",):
                    served.append(r.line_value({"title": mt[1], "type": mt[0]}, line))
    f["served"] = served
    rec = r.labelled_text(re.compile(r"(?:受送达人|送达对象|收件人)(?:名称|姓名)?[:：]?(?![（(]?签)"))
    for text, off in rec:
        # A bracket inside the name stays (某某（北京）商贸有限公司); a trailing remark goes (（法定代表人…）).
        name = re.sub(r"[（(][^（）()]*[）)]?$", "", re.split(r"[，。,；;|]|\s", text)[0]).strip()
        if name and not SIGNATURE_LABEL.match(text):
            f["recipient"] = r.value(name, off, off + len(name))
            break
    manners = r.hits("SERVICE")
    chosen = _checked_manner(r, manners)
    f["manner"] = chosen
    lien = [h for h in r.hits("LIEN") if not r.negated(h)]
    f["lien"] = r.value(True, lien[0].start, lien[0].end) if lien and chosen and chosen.value == "留置送达" else None
    witness = r.labelled_text(re.compile(r"见证人(?:姓名|签名|签字)?[:：]?"))
    wn = [n for t, _ in witness for n in split_names(re.split(r"日期|时间|\d", t)[0])]
    f["witness"] = r.value(wn[0], witness[0][1]) if wn else None
    f["service_date"] = _service_date(r)
    f["recording"] = _recording(r)
    # A note that the document was left with the recipient (已留置送达), whatever box is ticked:
    # not an unticked option (□留置送达), not a form's instruction (拒收的，可以留置送达).
    notes = [h for h in r.hits("LIEN") if not r.negated(h)
             and not re.search(r"[□☐]\s*$", r.text[max(0, h.start - 2): h.start])
             and not re.match(r"(?:送达)?的", r.text[h.end: h.end + 3])
             and not re.search(r"可以|可|应当|应", r.text[max(0, h.start - 4): h.start])]
    f["lien_note"] = r.value(True, notes[0].start, notes[0].end) if notes else None
    for ref in f.get("number_refs", []):  # the 文号 written with each served title (C02, T02)
        item = next((x for x in served if x.value["type"] == ref.value["refers_to"] and "number" not in x.value), None)
        if item is not None:
            item.value["number"] = ref.value["number"]


def _checked_manner(r: Reader, manners: list[PhraseHit]) -> Value | None:
    """The service manner used: the one marked (☑, √, ■) or the only one named."""
    if not manners:
        return None
    marked = [h for h in manners if re.search(r"[☑√✓✔■▇●]\s*$", r.text[max(0, h.start - 2): h.start])]
    if marked:
        h = marked[0]
    else:
        unmarked_list = re.search(r"[□☐]", r.text)
        distinct = {h.id for h in manners}
        if len(distinct) > 1 and unmarked_list:
            return None  # a tick-box list with nothing ticked: cannot tell
        h = manners[0]
    return r.value(h.id, h.start, h.end)


_APPROVAL_ROLE = re.compile(
    r"(?P<role>承办人|承办人员|经办人|承办机构|承办部门|办案机构|办案部门|执法机构|审核机构|法制机构|法制审核机构|"
    r"部门负责人|科室负责人|机构负责人|分管负责人|分管领导|机关负责人|主要负责人|单位负责人|局领导|负责人|审核人|审批人|"
    r"分管局长|主管局长|副局长|局长|主管领导|领导审批|"
    r"审核|审批)(?:意见|审核意见|审批意见|审查意见|签批)?[:：]?")
_SIGNER = re.compile(r"(?:签名|签字|签批|签章|审批人[:：]|负责人[:：]|审核人[:：]|承办人[:：])[:：]?\s*(?P<names>[^\d]{0,30})")


# A line that starts another field of the form (立案日期：…, 备注): an approval stage ends before it.
_OTHER_FIELD = re.compile(r"^(?:(?!(?:审批|审核|签批|签字|签名|批准|审查)(?:日期|时间))[\u4e00-\u9fff]{2,6}(?:日期|时间)|备注|附件|说明|注)"
                          r"[:：|]")


def read_approvals(r: Reader) -> None:
    """Approval forms: each stage's opinion, signer and date (承办人意见 … 负责人审批意见)."""
    sections: list[tuple[str, int, int, Line]] = []
    lines = r.dt.lines
    for li, line in enumerate(lines):
        first = line.cells[0] if line.cells else ""
        m = _APPROVAL_ROLE.match(compact(first)) if first else None
        if m and (m.group(0).endswith(("意见", "：", ":")) or len(compact(first)) <= 8 or
                  "意见" in compact(first)[:10] or
                  # a narrow PDF cell wraps the label: 承办机构审核意 / 见
                  re.match(r"(?:审核|审批|审查|签批)?意", compact(first)[m.end("role"):])):
            sections.append((m.group("role"), li, li, line))
        elif sections and sections[-1][2] == li - 1 and not _APPROVAL_ROLE.match(compact(first) or "x") and \
                not _OTHER_FIELD.match(compact(first)) and \
                (line.row is None or not first.strip() or line.block is not sections[-1][3].block):
            role, s, _, l0 = sections[-1]
            if li - s < 4:
                sections[-1] = (role, s, li, l0)
    approvals = []
    known: set[str] = set()
    if sections:  # for names signed side by side, read as one run: the names the form lists
        known = known_names(r.text) | {o.name for o in officers(r.dt, limit_lines=len(lines))}
    for role, s, e, line in sections:
        text = "\n".join(x.text for x in lines[s: e + 1])
        body = _APPROVAL_ROLE.sub("", text, count=1)
        start = lines[s].start
        end = lines[e].start + len(lines[e].text)
        ds = [d for d in r.dates_in(start, end) if d.precision == "day"]
        sig = _SIGNER.search(body)
        written = re.split(r"日期|时间|年|\d", sig.group("names"))[0] if sig else ""
        head = _APPROVAL_ROLE.match(compact(lines[s].cells[0]))
        first_dated = any(d.start < lines[s].start + len(lines[s].text) for d in ds)
        if sig is None and head is not None and head.group().endswith(("：", ":")) and "意见" not in head.group() \
                and first_dated:
            # 承办人：张三 李四 2024年5月11日 — the label signs itself: what follows it is the signers' names.
            written = re.split(r"日期|时间|年|\d|\|", body.split("\n")[0])[0]
        names = split_names(written) or split_glued(written, known)
        signer = "、".join(names) or None
        images = [img for x in lines[s: e + 1] for c in range(len(x.cells)) for img in x.images_in_cell(c)]
        ink = [img for img in images if not img.looks_like_seal]
        opinion_text = re.sub(r"(?:签名|签字|签批|日期|审批人|负责人|审核人)[:：]?\s*[\u4e00-\u9fff]{0,4}", "", body)
        for d in ds:
            opinion_text = opinion_text.replace(d.text, "")
        opinion_text = re.sub(r"[|\s:：（）()年月日]", "", opinion_text)
        # What is left of a broken date or a page footer (第1页共1页) is not an opinion.
        opinion_text = re.sub(r"第\d+页(?:共\d+页)?|共\d+页", "", opinion_text)
        opinion_text = re.sub(r"^(?:审批|审核|审查|签批|处理)?意见", "", opinion_text)  # the rest of a wrapped label
        if re.fullmatch(r"[\d.\-/]*", opinion_text):
            opinion_text = ""
        if not ds and not sig and not names and not ink and "意见" not in text[:12] and \
                not re.search(r"审批|审核|签批", text[:8]):
            continue  # 承办人 | 张三、李四: a row naming the officers, not an approval stage
        scanned = any(x.block.confidence is not None for x in lines[s: e + 1])
        approvals.append(r.line_value({
            "role": role,
            "opinion": opinion_text[:80] or None,
            "signer": signer,
            # On a scanned page an empty-looking box is not proof of no signature: unknown (None).
            "signed": True if (signer or ink) else (None if scanned else False),
            "date": ds[-1].value if ds else _glued_date(text),
            "scanned": scanned,
            # A date-shaped text that does not read as a date (2024年7月22H): a misreading, not a missing date.
            "date_unread": not ds and _glued_date(text) is None and bool(_DATE_LIKE.search(text)),
        }, line))
    r.fields["approvals"] = _merge_same_role(approvals)


def _merge_same_role(approvals: list[Value]) -> list[Value]:
    """承办人处理意见 then 承办人意见: one stage written on two rows; the later row signs and dates it."""
    out: list[Value] = []
    for a in approvals:
        if out and out[-1].value["role"] == a.value["role"] and not out[-1].value["date"] and not out[-1].value["signed"]:
            merged = dict(a.value)
            merged["opinion"] = a.value["opinion"] or out[-1].value["opinion"]
            out[-1] = Value(merged, a.loc)
            continue
        out.append(a)
    return out


_DATE_LIKE = re.compile(r"(?:\d{4}|[〇零○Oo一二三四五六七八九]{4})\s*年\s*\S{1,3}\s*月|\d{4}\s*[-./]\s*\d{1,2}\s*[-./]")


def _glued_date(text: str):
    """A date a PDF cell broke over two lines (2024年09月13 / 日), read with the line breaks removed."""
    ds = [d for d in find_dates(re.sub(r"\s*\|\s*|\n", "", text)) if d.precision == "day"]
    return ds[-1].value if ds else None


_REVIEWER_LABEL = re.compile(r"(?:法制)?审核(?:人员?|员)(?:姓名)?(?:[（(]?(?:签名|签字|签章)[)）]?)?[:：]?")
_REVIEWER_STOP = re.compile(r"日期|时间|负责人|审核意见|\d{4}[-年./]")


def read_legal_review(r: Reader) -> None:
    """legal_review: the reviewers (names, and certificate numbers where the form gives them), the opinion."""
    f = r.fields
    names, certs = [], []
    for line in r.dt.lines:
        for col, cell in enumerate(line.cells):
            m = _REVIEWER_LABEL.search(cell)
            if not m:
                continue
            slot = value_of(r.dt, line, col, line.cell_starts[col] + m.end(), stop=_REVIEWER_STOP)
            parts = [slot.text]
            if slot.where == "right":  # 审核人（签名） | 甲（证号） | 乙（证号）: the reviewers fill the row
                _, vcol = slot.cells[0]
                for c in line.cells[vcol + 1:]:
                    if _REVIEWER_STOP.search(c) or is_label_cell(c):
                        break
                    parts.append(c)
            text = re.split(_REVIEWER_STOP, " ".join(parts))[0]
            names.extend(r.value(n, slot.start) for n in split_names(text))
            certs.extend(r.value(c.group(), slot.start) for c in CERT.finditer(text))
    f["reviewers"] = list({v.value: v for v in names}.values())
    f["reviewer_certs"] = list({v.value: v for v in certs}.values())
    op = r.labelled_text(re.compile(r"审核意见[:：]?"))
    f["opinion"] = r.value(op[0][0][:80], op[0][1]) if op and op[0][0] else None
    read_approvals(r)


def read_discussion(r: Reader) -> None:
    f = r.fields
    parts = []
    for text, off in r.labelled_text(re.compile(r"(?:参加|出席|参会)(?:人员|人)[:：]?")):
        parts.extend(r.value(n, off) for n in split_names(text))
    f["participants"] = parts
    chair = r.labelled_text(re.compile(r"主持人[:：]?"))
    cn = [n for t, _ in chair for n in split_names(t[:8])]
    f["chair"] = r.value(cn[0], chair[0][1]) if cn else None
    concl = [h for h in r.hits("CONCLUSION")]
    f["conclusion"] = r.value(True, concl[-1].start, concl[-1].end) if concl else None


_PRESIDING = re.compile(r"(?:听证)?主持人[:：]?(?![（(]?签)")


def _presiding(r: Reader) -> Value | None:
    """The hearing's presiding officer, as a notice announces or a record names them (主持人：…)."""
    found = r.labelled_text(_PRESIDING)
    names = [n for t, _ in found for n in split_names(re.split(r"[，,；;|、]|听证员|书记员|记录", t)[0])]
    return r.value(names[0], found[0][1]) if names else None


def read_hearing_notice(r: Reader) -> None:
    """hearing_notice: the hearing's date and, where the notice names them, its presiding officer."""
    m = re.search(r"(?:定于|将于|拟于|兹定于)", r.text)
    ds = r.dates_in(m.end(), m.end() + 12) if m else []
    r.fields["hearing_date"] = r.value(_dt(ds[0]), ds[0].start, ds[0].end) if ds else None
    r.fields["presiding"] = _presiding(r)


def read_hearing_record(r: Reader) -> None:
    f = r.fields
    d = _date_after_label(r, re.compile(r"(?:听证)?(?:时间|日期)[:：]?"))
    f["hearing_date"] = d or _first_date(r)
    f["presiding"] = _presiding(r)
    inv = r.labelled_text(re.compile(r"(?:案件)?调查(?:人员|人)[:：]?"))
    f["investigators"] = [r.value(n, off) for t, off in inv for n in split_names(re.split(r"当事人|委托", t)[0])]


def read_statement(r: Reader) -> None:
    """statement_record: a statement, a waiver, or a hearing request."""
    f = r.fields
    waiver = r.hits("WAIVER")
    req = [h for h in r.hits("HEARING_REQUEST") if not r.negated(h)
           and not any(w.id == "waive_hearing" and w.start <= h.start < w.end + 2 for w in waiver)]
    f["hearing_requested"] = r.value(True, req[0].start, req[0].end) if req else None
    f["waiver"] = r.value([h.id for h in waiver], waiver[0].start, waiver[0].end) if waiver else None
    if req and re.search(r"听证", r.doc.title):
        kind = "hearing_request"
    elif waiver and re.search(r"放弃|声明", r.doc.title + r.text[:200]):
        kind = "waiver"
    elif re.search(r"复核", r.doc.title):
        kind = "review"
    else:
        kind = "statement"
    f["kind"] = Value(kind, r.doc.first_loc.with_quote(r.doc.title))


_EVIDENCE_KINDS = (("photo", r"照片|图片|影像"), ("test_report", r"检验|检测|鉴定|监测|认定"),
                   ("sampling", r"抽样"), ("extraction", r"提取|电子数据"), ("records", r"记录|台账|凭证|单据|清单"),
                   ("statement", r"说明|证明"))
_IDENTITY_KINDS = (("licence", r"营业执照|许可证"), ("id_card", r"身份证|居民身份"),
                   ("representative", r"法定代表人|授权委托"), ("other", r"."))


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


def read_index(r: Reader) -> None:
    listed = []
    for line in r.dt.lines:
        for cell in line.cells:
            mt = match_title(cell)
            if mt and mt[0] != "index":
                listed.append(r.line_value({"title": mt[1], "type": mt[0]}, line))
                break
    r.fields["listed"] = listed
    r.fields["entries"] = _index_entries(r)


_INDEX_TITLE_HEAD = re.compile(r"^(?:文件|文书|材料|文件材料)?(?:题名|名称|标题)$|^题\s*名$")


def _index_entries(r: Reader) -> list[Value]:
    """Every title an index lists, recognised or not: one per row (序号 | 文号 | 责任者 | 题名 | 日期 | 页号).

    Each is ``{"title", "type"}`` with type None for a title the lexicon does not know
    (A04 then looks for it by its text). The 题名 column is found from the header: by
    position where the row's cells line up with it (a table), by x position on a PDF
    page; otherwise (text lines, where empty cells vanish) a numbered row's first cell
    that reads as a title and is not the 责任者 repeated on every row.
    """
    from collections import Counter

    rows: list[tuple[Line, list[str]]] = []
    header: Line | None = None
    col = None
    for line in r.dt.lines:
        heads = [i for i, c in enumerate(line.cells) if _INDEX_TITLE_HEAD.match(compact(c))]
        if heads:
            header, col = line, heads[0]
            continue
        lead = re.match(r"^\s*(\d{1,3})(?:[.、．]|\s|$)", line.text)
        if header is not None and line.row is not None and line.block is header.block \
                and len(line.cells) == len(header.cells):
            rows.append((line, [line.cells[col]]))
        elif lead:
            first = line.cells[0]
            rest = first[lead.end():] if len(line.cells) == 1 or not re.fullmatch(r"\s*\d{1,3}[.、．]?\s*", first) \
                else ""
            cells = ([rest] if rest.strip() else []) + line.cells[1:]
            at = _cell_under(header, col, line) if header is not None else None
            rows.append((line, [at] if at is not None else cells))
    repeated = Counter(compact(c) for _, cells in rows if len(cells) > 1 for c in set(cells))
    common = {c for c, n in repeated.items() if len(rows) >= 4 and n > len(rows) / 2}  # the 责任者 on every row
    out = []
    for line, cells in rows:
        titles = [t for t in (_index_title(c) for c in cells) if t and compact(t) not in common]
        title = next((t for t in titles if match_title(t)), None) or next(iter(titles), None)
        number = CASE_NUMBER.search(line.text)
        entry = {"scanned": line.block.confidence is not None,
                 "number": canonical_brackets(compact(number.group())) if number else None}
        if title:
            mt = match_title(title)
            out.append(r.line_value({"title": title, "type": mt[0] if mt else None, **entry}, line))
        elif number:  # a row that names its document by the 文号 only
            out.append(r.line_value({"title": entry["number"], "type": None, **entry}, line))
    return out


def _cell_under(header: Line, col: int, line: Line) -> str | None:
    """The cell of a PDF line that starts under the header's column ``col`` (by x position)."""
    hx, lx = header.block.cell_x, line.block.cell_x
    if not hx or not lx or len(hx) != len(header.cells) or len(lx) != len(line.cells):
        return None
    left = hx[col] - 8
    right = hx[col + 1] - 8 if col + 1 < len(hx) else float("inf")
    for x, cell in zip(lx, line.cells, strict=True):
        if left <= x < right:
            return cell
    return None


def _index_title(cell: str) -> str | None:
    """A cell of an index row as a title: not a number, date, page range, 文号 (whole or cut) or the agency."""
    title = re.sub(r"[.…·．]{2,}.*$|\s+\d[\d\-–~、]*\s*$", "", cell).strip()
    title = re.sub(r"^\d{1,3}(?=[\u4e00-\u9fff]{3})", "", title)  # a row number read glued to the title (24卷内备考表)
    c = compact(title)
    if not c or re.fullmatch(r"[\d\s./\-–~、年月日页第共]*", c) or CASE_NUMBER.fullmatch(c) or _AGENCY.fullmatch(c) \
            or re.search(r"[〔\[【（(［﹝]\s*(?:19|20)\d{2}|(?:19|20)\d{2}\s*[〕\]】）)］﹞]", c) \
            or not re.search(r"[\u4e00-\u9fff]{2}", c) or len(c) <= 3:  # ≤ 3 characters: a 责任者's name
        return None
    return title


def read_cover(r: Reader) -> None:
    f = r.fields
    for key, rx in (("filing_date", r"立案(?:日期|时间)[:：]?"), ("closing_date", r"结案(?:日期|时间)[:：]?")):
        f[key] = _date_after_label(r, re.compile(rx))


def read_publicity(r: Reader) -> None:
    r.fields["publicity_date"] = _date_after_label(
        r, re.compile(r"(?:公示|公开|发布|上网)(?:日期|时间)[:：]?")) or _first_date(r)
    read_published(r)


def read_published(r: Reader) -> None:
    """A decision as published (公示 tables: 行政相对人名称 | …, 处罚机关 | …) or set out as a form: each column
    read by its label (``labels.json`` "published"), wherever its value stands; the penalty from the 处罚内容."""
    found: dict[str, tuple[str, int, str]] = {}
    labels = published_labels()
    for line in r.dt.lines:
        for col, cell in enumerate(line.cells):
            for key, rx in labels.items():
                m = rx.match(cell)
                if not m:
                    continue
                slot = value_of(r.dt, line, col, line.cell_starts[col] + m.end(), next_line=True)
                if slot.text.strip(" |") and key not in found:
                    found[key] = (slot.text.strip(" |"), slot.start, m.group())
                break
    if not found:
        return
    f = r.fields
    f["published"] = r.value(sorted(found), found[min(found, key=lambda k: found[k][1])][1])
    if "party" in found:
        text, off, _ = found["party"]
        name = _party_name(text)
        if name and _AGENCY.fullmatch(name) and "agency" not in found and "处罚主体" in found["party"][2]:
            found["agency"] = found.pop("party")  # 处罚主体 names the agency on some platforms
        elif name:
            f.setdefault("party", r.value(name, off, off + len(name)))
    if "case_number" in found:
        text, off, _ = found["case_number"]
        m = CASE_NUMBER.search(text)
        number = m.group() if m else (compact(text) if re.search(r"号$", compact(text)) and len(compact(text)) <= 30 else None)
        if number and f.get("own_case_number") is None:
            f["own_case_number"] = r.value(canonical_brackets(re.sub(r"\s+", "", number)), off)
            r.doc.case_number = r.doc.case_number or f["own_case_number"]
    if "agency" in found:
        text, off, _ = found["agency"]
        agency = re.split(r"[，,；;|\s]", text.strip())[0]
        if agency:
            f["published_agency"] = r.value(agency, off, off + len(agency))
    if "party_kind" in found:
        text, off, _ = found["party_kind"]
        kind = "person" if re.match(r"\s*自然人", text) else "organization" if re.search(r"法人|组织|企业|个体", text) else None
        if kind:
            f["published_party_kind"] = r.value(kind, off)
    if "decision_date" in found:
        text, off, _ = found["decision_date"]
        days = [d for d in find_dates(text) if d.precision == "day"]
        if days:
            f["decided_on"] = r.value(days[0].value, off + days[0].start, off + days[0].end)
    for key, target in (("fine", "fine_yuan"), ("confiscation", "confiscation_yuan")):
        if key in found:
            text, off, label = found[key]
            number = re.match(r"\s*(\d+(?:\.\d+)?)\s*$", text.replace(",", ""))
            if number and float(number.group(1)) > 0:
                scale = 10000 if "万元" in label else 1
                f[target] = r.value(round(float(number.group(1)) * scale, 2), off)
    section = _penalty_section(r, proposed=False)
    for key in ("penalty_types", "fine_yuan", "confiscation_yuan"):
        if f.get(key) is None and section.get(key) is not None:
            f[key] = section[key]
    if f.get("penalty_types") is None:  # only the amounts' columns say what was imposed
        kinds = [k for k, key in (("罚款", "fine_yuan"), ("没收违法所得", "confiscation_yuan")) if f.get(key) is not None]
        if kinds:
            f["penalty_types"] = r.value(kinds, found[min(found, key=lambda k: found[k][1])][1])


_REQUEST_DENIED = re.compile(r"未|没有|不|放弃|逾期|撤回|无")
_REQUEST_OFFERED = re.compile(r"告知|有权|可以|可在|可于|享有|如|若|依法应当")


def read_hearing_mentions(r: Reader) -> None:
    """A narrative (the decision) saying the party asked for a hearing: 当事人于…提出听证申请.

    Only a clause that reports the request counts: not one that offers the right
    (告知其有要求听证的权利) or denies it (未在规定期限内申请听证).
    """
    found = None
    for h in r.hits("HEARING_REQUEST"):
        clause = re.split(r"[，。；,;\n]", r.text[max(0, h.start - 40): h.start])[-1]
        after = r.text[h.end: h.end + 4]
        if _REQUEST_DENIED.search(clause) or _REQUEST_OFFERED.search(clause) or re.match(r"的?权", after):
            continue
        found = r.value(True, h.start, h.end)
        break
    r.fields["hearing_requested"] = found


READERS: dict[str, list[Callable[[Reader], None]]] = {
    "inspection_record": [read_record],
    "inquiry_record": [read_record],
    "advance_notice": [read_notice],
    "penalty_decision": [read_decision, read_hearing_mentions, read_published],
    "service_receipt": [read_service],
    "filing_approval": [read_approvals],
    "investigation_report": [read_approvals, read_report],
    "closure_report": [read_approvals],
    "extension_approval": [read_extension],
    "payment_proof": [read_payment],
    "legal_review": [read_legal_review],
    "collective_discussion": [read_discussion],
    "hearing_notice": [read_hearing_notice],
    "hearing_record": [read_hearing_record],
    "statement_record": [read_statement],
    "evidence_preservation": [read_preservation],
    "other_evidence": [read_other_evidence],
    "identity_proof": [read_identity],
    "index": [read_index],
    "cover": [read_cover],
    "publicity_record": [read_publicity],
}


def extract_document(doc: Document) -> None:
    """Fill ``doc.fields``, ``doc.date`` and ``doc.case_number`` from the document's text."""
    if doc.needs_ocr and not any(b.text for b in doc.blocks):
        return
    r = Reader(doc)
    read_generic(r)
    for reader in READERS.get(doc.type, []):
        reader(r)
    doc.date = own_date(r)


__all__ = ["extract_document", "party_kind", "cn_int", "PARTY_ROLES", "OFFICER_ROLES", "RECIPIENT_ROLES"]
