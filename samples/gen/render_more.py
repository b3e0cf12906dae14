"""Renderers of the house styles added for variety (issue 9): new agencies, new templates.

Same contract as render.py: draw one document from the case data and its `style`;
never decide what is true (the truth fields were set in flow.py). The renderers of
render.py and the documents of the first seventeen samples are left as they were;
the styles here vary on independent dimensions:

* where the officers stand on a record (`officer_mode`): a header row `执法人员 | 张三 |
  执法证号 | …` with the next officer in the row below (the label merged), one labelled row
  per officer (`勘验人`, `检查人`, `调查人`, `承办人`), `询问人` plus a separate `记录人` row, only the
  opening statement (`我们是…执法人员张三、李四，执法证号分别为…`), or only the signature line;
* forms or running prose (notices and decisions as tables);
* signatures after the label, in the next table cell, or side by side after one label;
* service proved by 送达回证 / 送达回执 / a 签收栏 on the notice / a postal return receipt;
* the 卷内目录 by title or by 文号, with other column sets, page ranges and 备注.
"""

from __future__ import annotations

from . import images
from .model import Case, Doc, Money
from .render import (
    RENDER as BASE,
)
from .render import (
    _rights_text,
    enumerate_cn,
    header,
    party_id_label,
    payment_text,
    penalty_items,
    seal_of,
    sigs,
    ts,
)
from .util import fmt_date, rmb_upper
from .writer import UP

# --------------------------------------------------------------------------
# officers on records


def cert_text(o, label: str = "执法证号") -> str:
    """张三（执法证号：鲁交执3717150）, or the bare name when the officer has no number (S02)."""
    return f"{o.name}（{label}：{o.cert}）" if o.cert else o.name


def _officer_rows(officers, mode: str, label: str, cert_label: str, recorder_label: str) -> list:
    rows = []
    if mode == "header_row":
        # 执法人员 | 张三 | 执法证号 | … ; the next officer in the row below, under the merged label
        for i, o in enumerate(officers):
            rows.append([label if i == 0 else UP, o.name, cert_label, o.cert or ""])
    elif mode == "label_rows":
        for o in officers:
            rows.append([label, (cert_text(o, cert_label), 3)])
    elif mode == "rows_recorder":
        *lead, rec = officers
        rows.append([label, ("、".join(cert_text(o, cert_label) for o in lead), 3)])
        rows.append([recorder_label, (cert_text(rec, cert_label), 3)])
    return rows


def _officer_lines(officers, mode: str, label: str, cert_label: str, recorder_label: str) -> list[str]:
    if mode == "label_rows":
        return [f"{label}：{'、'.join(cert_text(o, cert_label) for o in officers)}"]
    if mode == "rows_recorder":
        *lead, rec = officers
        return [
            f"{label}：{'、'.join(cert_text(o, cert_label) for o in lead)}",
            f"{recorder_label}：{cert_text(rec, cert_label)}",
        ]
    return []


def _introduce(case: Case, officers, shown: bool, cert_label: str) -> str:
    """The opening statement that names the officers (我们是…执法人员张三、李四，执法证号分别为…)."""
    ag = case.agency
    if len(officers) == 1:
        o = officers[0]
        s = f"我是{ag.name}{ag.post}{o.name}，{cert_label}为{o.cert}"
        return s + ("，这是我的执法证件，请你过目。" if shown else "。")
    s = (
        f"我们是{ag.name}{ag.post}{'、'.join(o.name for o in officers)}，"
        f"{cert_label}分别为{'、'.join(o.cert or '' for o in officers)}"
    )
    return s + ("，这是我们的执法证件，请你过目。" if shown else "。")


def _end_time(case: Case, t) -> str:
    if case.time_style == "spaced":
        return f"{t.hour} 时 {t.minute:02d} 分"
    if case.time_style == "cn":
        return f"{t.hour}时{t.minute:02d}分"
    return f"{t.hour}:{t.minute:02d}"


def r_record_v(w, case: Case, doc: Doc):  # noqa: C901 - renders one document section by section
    """现场检查笔录 / 现场笔录 / 现场检查记录 / 询问笔录 in the newer styles (see the module docstring)."""
    ag, p, st = case.agency, case.party, case.story
    d, sty = doc.data, doc.style
    inquiry = doc.type == "inquiry_record"
    mode = sty.get("officer_mode", "label_rows")
    layout = sty.get("layout", "table")
    label = sty.get("label", "询问人" if inquiry else "检查人员")
    rec_label = sty.get("recorder_label", "记录人")
    cert_label = sty.get("cert_label", "执法证号")
    officers = d["officers"]
    shown = doc.fields["certificates_shown"]
    start, end = d["start"], d["end"]
    day = ag.d(start.date())
    tspan = f"{ts(case, start)}至{_end_time(case, end)}"
    header(w, case, doc, number=False)

    # -- the head of the record
    if inquiry:
        per = d["person"]
        head = [
            ["询问时间", (tspan, 3)],
            ["询问地点", (d["place"], 3)],
            ["被询问人", per.name, "性别", per.gender],
            ["公民身份号码", per.id, "联系电话", per.phone],
            ["工作单位及职务", (per.job, 3)],
            ["住址", (per.address, 3)],
            ["与本案关系", (per.relation, 3)],
        ]
    else:
        head = [
            ["检查时间", (tspan, 3)],
            ["检查地点", (st.place, 3)],
            ["被检查人", (d["inspected"], 3)],
            [party_id_label(p), p.id, "联系电话", p.phone],
        ]
        if p.kind != "person":
            head.append(
                ["法定代表人（负责人）" if p.kind == "org" else "经营者", p.rep, "现场负责人", d["present"]]
            )
        if d.get("witness"):
            head.append(["见证人", (d["witness"], 3)])
    if layout == "table":
        rows = head + _officer_rows(officers, mode, label, cert_label, rec_label)
        w.table(rows, widths_cm=[3.4, 5.0, 2.6, 4.6], row_height_cm=0.8)
    else:
        for r in head:
            vals = [c[0] if isinstance(c, tuple) else c for c in r]
            w.para(
                "    ".join(f"{a}：{b}" for a, b in zip(vals[::2], vals[1::2], strict=False)), indent=False
            )
        for ln in _officer_lines(officers, mode, label, cert_label, rec_label):
            w.para(ln, indent=False)
    w.blank(1)

    # -- the body
    if inquiry:
        if mode == "opening":
            intro = _introduce(case, officers, shown, cert_label)
        else:
            intro = f"我们是{ag.name}的{ag.post}" + (
                "，这是我们的执法证件（出示执法证件）。" if shown else "。"
            )
        qa = [
            (
                intro + f"现就{d['topic']}一事依法向你进行调查询问。你应当如实回答问题，不得作虚假陈述，"
                "如果认为我们与本案有利害关系，你有申请回避的权利。你是否申请回避？",
                "不申请。",
            )
        ]
        if shown:
            qa.append(("你是否看清了我们的执法证件？", "看清了。"))
        qa += d["qa"]
        qa.append(("你还有什么需要补充的吗？", "没有了。"))
        for q, a in qa:
            w.para(f"问：{q}", indent=False)
            w.para(f"答：{a}", indent=False)
    else:
        you = p.you
        if mode == "opening":
            w.para(
                f"{ag.post}："
                + _introduce(case, officers, shown, cert_label)
                + f"现依法对{you}进行现场检查，请予配合。{you}有申请回避的权利，是否申请回避？",
                indent=False,
            )
            w.para("被检查人：" + ("看清了，" if shown else "") + "不申请回避。", indent=False)
        elif shown:
            w.para(
                f"{ag.post}向被检查人出示了执法证件，表明了身份，说明了检查的依据和目的，告知了被检查人依法享有的权利和"
                "应当配合检查的义务，并询问是否申请回避。被检查人表示不申请回避。"
            )
        else:
            w.para(f"{ag.post}依法对{d['inspected']}进行现场检查，{d['present']}在场。")
        w.para("现场检查情况：", indent=False, bold=True)
        w.para(st.findings)
        if d.get("extra"):
            w.para(d["extra"])
        w.para(f"被检查人意见：{d.get('opinion', '以上检查情况属实。')}", indent=False)
    w.blank(1)

    # -- confirmation and signatures
    if inquiry and doc.fields.get("confirmation"):
        w.para(d.get("confirm_text", "以上笔录我看过，与我说的一致。"), indent=False)
    who = "被询问人" if inquiry else "被检查人"
    if sty.get("party_sig_cell"):
        # the signature sits in the cell next to its label
        w.table(
            [[f"{who}签名", d["party_sig"], "日期", day]], widths_cm=[3.4, 5.0, 2.6, 4.6], row_height_cm=1.2
        )
    else:
        w.para([f"{who}（签名）：", d["party_sig"], "    ", day], indent=False)
    if d.get("refusal"):
        w.para(d["refusal"], indent=False)
    osigs = d["officer_sigs"]
    if mode == "sigline":
        # the only place the officers appear: name and number on the signature line
        line = [f"{label}（签名）："]
        for o, s in zip(officers, osigs, strict=False):
            line += [s, f"（{cert_label}：{o.cert}）" if o.cert else "", "  "]
        w.para(line + ["  ", day], indent=False)
    elif mode == "rows_recorder":
        *lead, _ = osigs
        w.para(
            [f"{label}签名："] + sigs(lead) + ["    ", f"{rec_label}签名：", osigs[-1], "    ", day],
            indent=False,
        )
    elif sty.get("officer_sig_cell"):
        w.table(
            [[f"{label}签名", (sigs(osigs, sep="  ") + ["    ", day], 3)]],
            widths_cm=[3.4, 5.0, 2.6, 4.6],
            row_height_cm=1.2,
        )
    else:
        w.para([f"{label}（签名）："] + sigs(osigs, sep=" ") + ["    ", day], indent=False)


# --------------------------------------------------------------------------
# notices


def _facts_for(case: Case) -> str:
    st, you = case.story, case.party.you
    return you + st.facts[3:] if st.facts.startswith("当事人") else st.facts


def _evidence_short(case: Case) -> str:
    return "、".join(e.split("，")[0].rstrip("；。") for e in case.story.evidence[:4])


def _strip(w, case: Case, doc: Doc):  # noqa: ARG001 - one signature for every renderer
    """The 签收栏 at the foot of a notice: the recipient signs in the cell beside the label."""
    rs = doc.data.get("receipt_strip")
    if not rs:
        return
    w.blank(1)
    w.para(
        "- - - - - - - - - - - - - - - - - - - - - - - - - - - - - -", indent=False, align="center", size=10
    )
    w.table(
        [
            [(rs.get("head", "签  收  栏"), 4)],
            [
                rs.get("label", "受送达人签名"),
                rs["sig"],
                "签收日期",
                rs["date_text"] or "      年    月    日",
            ],
        ],
        widths_cm=[3.4, 5.0, 2.6, 4.6],
        row_height_cm=1.1,
        align_center_cols=(0,),
    )


def r_notice_v(w, case: Case, doc: Doc):
    """Advance notices: prose, numbered prose (违法行为通知书) or a table form; an optional 签收栏."""
    ag, p, st = case.agency, case.party, case.story
    d, f = doc.data, doc.fields
    money = Money(doc, ag.amount_style)
    form = doc.style.get("form", "prose")
    you = p.you
    items = penalty_items(case, doc, d["proposed"], money)
    header(w, case, doc, form=(form == "table"))
    rights = _rights_text(case, doc)
    facts = f"{_facts_for(case)}以上事实有{_evidence_short(case)}等证据为证。"
    if form == "table":
        rows = [
            ["当事人", (f.get("party", p.name), 3)],
            [party_id_label(p), p.id, "联系电话", p.phone],
            ["住所（住址）", (p.address, 3)],
            ["违法事实及证据", (facts, 3)],
            ["违反的法律规定", (f"{you}的上述行为违反了{st.violated}的规定，构成{st.cause}的违法行为。", 3)],
            ["拟处罚的依据", (f"{'、'.join(st.basis)}", 3)],
            ["拟作出的行政处罚", ("\n".join(enumerate_cn(items)), 3)],
            ["当事人依法享有的权利", (rights, 3)],
            ["联系人", d["contact"], "联系电话", ag.phone],
            ["联系地址", (ag.address, 3)],
        ]
        w.table(rows, widths_cm=[3.4, 5.0, 2.6, 4.6], row_height_cm=0.9)
    elif form == "numbered":
        w.para(f"{f.get('party', p.name)}：", indent=False)
        w.para(f"经调查，现将{you}的违法行为及{ag.me}拟作出的行政处罚通知如下：")
        w.para(f"一、违法事实：{facts}")
        w.para(f"二、违反的规定：{you}的上述行为违反了{st.violated}的规定。")
        w.para(
            f"三、处罚依据及拟作出的处罚：依据{'、'.join(st.basis)}的规定，{ag.me}拟对{you}作出"
            + "；".join(items)
            + "的行政处罚。"
        )
        w.para(f"四、{you}的权利：{rights}")
        w.para(f"联系人：{d['contact']}    联系电话：{ag.phone}    联系地址：{ag.address}", indent=False)
    else:
        w.para(f"{f.get('party', p.name)}：", indent=False)
        w.para(f"经调查，{facts}")
        w.para(f"{you}的上述行为违反了{st.violated}的规定，构成{st.cause}的违法行为。")
        w.para(f"依据{'、'.join(st.basis)}的规定，{ag.me}拟对{you}作出如下行政处罚：")
        for it in enumerate_cn(items):
            w.para(it)
        w.para(rights)
        w.para(f"联系人：{d['contact']}    联系电话：{ag.phone}", indent=False)
        w.para(f"联系地址：{ag.address}", indent=False)
    w.closing(ag.name, ag.dc(doc.date), seal_of(case, doc))
    _strip(w, case, doc)


def r_hearing_rights(w, case: Case, doc: Doc):
    """行政处罚听证告知书: the right to request a hearing, told apart from the advance notice."""
    ag, p = case.agency, case.party
    d = doc.data
    money = Money(doc, ag.amount_style)
    you = p.you
    items = penalty_items(case, doc, d["proposed"], money)
    header(w, case, doc, form=False)
    w.para(f"{p.name}：", indent=False)
    w.para(f"{ag.me}拟对{you}{case.story.cause}一案作出" + "、".join(items) + "的行政处罚。")
    w.para(
        f"根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，{you}有要求举行听证的权利。"
        f"{you}如要求听证，应当在收到本告知书之日起{d['deadline']}内向{ag.me}提出书面申请；"
        "逾期未提出申请的，视为放弃听证权利。"
    )
    w.para(f"联系人：{d['contact']}    联系电话：{ag.phone}", indent=False)
    w.para(f"联系地址：{ag.address}", indent=False)
    w.closing(ag.name, ag.dc(doc.date), seal_of(case, doc))


# --------------------------------------------------------------------------
# the decision as a form


def r_decision_form(w, case: Case, doc: Doc):
    """行政处罚决定书 laid out as a table form (a township's 综合执法 template)."""
    ag, p, st = case.agency, case.party, case.story
    d, f = doc.data, doc.fields
    money = Money(doc, ag.amount_style)
    header(w, case, doc, form=True)
    if p.kind == "person":
        rows = [
            ["当事人", f["party"], "性别", p.gender],
            ["公民身份号码", p.id, "联系电话", p.phone],
            ["住址", (f["party_address"], 3)],
        ]
    else:
        rows = [
            ["当事人", (f["party"], 3)],
            ["统一社会信用代码", p.id, "联系电话", p.phone],
            ["法定代表人" if p.kind == "org" else "经营者", p.rep, "住所", f["party_address"]],
        ]
    rows.append(["违法事实", (d["history"] + "\n经查明，" + st.facts, 3)])
    rows.append(["证据", ("\n".join(f"{i}. {e}" for i, e in enumerate(st.evidence, 1)), 3)])
    if d.get("statement_text"):
        rows.append(["陈述申辩及采纳情况", (d["statement_text"], 3)])
    rows.append(
        [
            "处罚理由及依据",
            (
                f"当事人的上述行为违反了{st.violated}的规定，构成{st.cause}的违法行为。"
                f"{st.reasoning}依据{'、'.join(st.basis)}的规定，{ag.me}决定作出如下行政处罚：",
                3,
            ),
        ]
    )
    items = penalty_items(case, doc, case.penalty, money)
    rows.append(
        ["处罚内容", ("\n".join(enumerate_cn(items)) + ("\n" + st.correction if st.correction else ""), 3)]
    )
    rows.append(["履行方式和期限", (payment_text(case, d["payment"]), 3)])
    rows.append(
        [
            "救济途径和期限",
            (
                f"当事人如不服本行政处罚决定，可以在收到本决定书之日起六十日内向{ag.gov}申请行政复议，"
                f"也可以在收到本决定书之日起六个月内直接向{ag.court}提起行政诉讼。"
                "申请行政复议或者提起行政诉讼期间，本行政处罚决定不停止执行。",
                3,
            ),
        ]
    )
    w.table(rows, widths_cm=[3.2, 5.4, 2.4, 4.6], row_height_cm=0.9)
    w.closing(ag.name, ag.dc(doc.date), seal_of(case, doc))


# --------------------------------------------------------------------------
# service


def r_receipt_v(w, case: Case, doc: Doc):
    """送达回执 / a one-row-per-document 送达回证 / the post office's return receipt (邮寄送达回执)."""
    ag = case.agency
    d, f = doc.data, doc.fields
    layout = doc.style.get("layout", "huizhi")
    header(w, case, doc, number=False)
    served = [f"《{t}》{('（' + n + '）') if n else ''}" for t, n in d["served"]]
    sign_date = d.get("sign_date") or "      年    月    日"
    sig_label = doc.style.get("sig_label", "受送达人签名")
    cause = f"{case.party.name}{case.story.cause}案"
    if layout == "grid":
        rows = [
            ["案由", (cause, 3)],
            ["受送达人", (f["recipient"], 3)],
            ["送达地点", (d["place"], 3)],
            ["送达文书名称", "文号", "送达方式", "送达时间"],
        ]
        for t, n in d["served"]:
            rows.append([f"《{t}》", n or "", f["manner"], d["time_text"]])
        rows += [
            [sig_label, d["recipient_sig"], "签收日期", sign_date],
            ["送达人签名", (sigs(d["server_sigs"]), 3)],
            ["备注", (d.get("remark", ""), 3)],
        ]
        w.table(rows, widths_cm=[4.0, 4.6, 2.8, 4.2], row_height_cm=1.0)
    elif layout == "postal":
        rows = [
            ["邮件号码", (d["ems"], 3)],
            ["寄件人", ag.name, "交寄日期", ag.d(d["mailed"])],
            ["收件人", f["recipient"], "收件地址", d["place"]],
            ["内件名称", ("\n".join(served), 3)],
            [sig_label, d["recipient_sig"], "签收日期", d["time_text"]],
            ["投递员", d["courier"], "投递局", d["post_office"]],
            ["备注", (d.get("remark", ""), 3)],
        ]
        w.table(rows, widths_cm=[3.0, 5.6, 2.6, 4.4], row_height_cm=1.0)
        w.para("注：本回执由投递员投递时交收件人签收，并由投递局退回寄件人。", indent=False, size=10)
    else:  # huizhi
        rows = [
            ["案由", (cause, 3)],
            ["受送达人", (f["recipient"], 3)],
            ["送达文书名称及文号", ("\n".join(served), 3)],
            ["送达地点", (d["place"], 3)],
            ["送达方式", f["manner"], "送达时间", d["time_text"]],
            [sig_label, d["recipient_sig"], "签收日期", sign_date],
            ["送达人", (sigs(d["server_sigs"]), 3)],
            ["见证人", ([d["witness_sig"]] if d.get("witness_sig") else "", 3)],
            ["备注", (d.get("remark", ""), 3)],
        ]
        w.table(rows, widths_cm=[4.0, 4.6, 2.8, 4.2], row_height_cm=1.0)


# --------------------------------------------------------------------------
# the file


INDEX_WIDTHS = {"序号": 1.0, "文号": 3.6, "责任者": 2.6, "题名": 4.8, "日期": 2.4, "页号": 1.5, "备注": 1.6}
OWN_NUMBER = {"advance_notice", "penalty_decision", "hearing_notice", "evidence_preservation"}


def r_index_v(w, case: Case, doc: Doc):
    """卷内目录 with another column set: by 文号 or title, 页次 as ranges (3—5, 第3-5页), a 备注 column."""
    ag = case.agency
    sty = doc.style
    cols = sty.get("columns", ["序号", "文号", "责任者", "题名", "日期", "页号", "备注"])
    heads = sty.get("heads", {})
    sep, pfmt = sty.get("page_sep", "-"), sty.get("page_fmt", "{}")
    dstyle = sty.get("date_style", "compact")
    w.title_block(None, doc.title, None, spaced=sty.get("spaced", ""), form=True)
    rows = [[heads.get(c, c) for c in cols]]
    listed = []
    phantoms = {ph["after"]: ph for ph in doc.data.get("phantom", [])}
    shift = 0

    def label_of(lab: str) -> str:
        if lab[:1].isdigit() and shift:
            lab = "-".join(str(int(x) + shift) for x in lab.split("-"))
        return pfmt.format(lab.replace("-", sep)) if lab[:1].isdigit() else lab

    def row(vals: dict) -> list:
        return [vals.get(c, "") for c in cols]

    for d in doc.data["entries"]:
        ds = (
            (d.date.strftime("%Y%m%d") if dstyle == "compact" else fmt_date(d.date, dstyle)) if d.date else ""
        )
        title = d.index_title or d.title
        listed.append(title)
        raw = case.page_labels.get(id(d), doc.data.get("placeholder", "00-00"))
        number = (
            (d.number or "") if d.type in OWN_NUMBER else ""
        )  # the 文号 a document carries in its own head
        rows.append(
            row(
                {
                    "序号": str(len(rows)),
                    "文号": number,
                    "责任者": d.responsible or ag.name,
                    "题名": title,
                    "日期": ds,
                    "页号": label_of(raw),
                    "备注": d.style.get("index_remark", ""),
                }
            )
        )
        ph = phantoms.get(title)
        if ph:
            # listed, but not in the file (A04): the index was drawn up with it; later pages shift by one
            last = int(raw.split("-")[-1]) + shift if raw[:1].isdigit() else 0
            listed.append(ph["title"])
            shift += 1
            rows.append(
                row(
                    {
                        "序号": str(len(rows)),
                        "文号": "",
                        "责任者": ag.name,
                        "题名": ph["title"],
                        "日期": ph.get("date", ""),
                        "页号": pfmt.format(str(last + 1)),
                        "备注": ph.get("remark", ""),
                    }
                )
            )
    doc.fields["listed"] = listed
    total = sum(INDEX_WIDTHS[c] for c in cols)
    widths = [INDEX_WIDTHS[c] * 16.4 / total for c in cols]
    w.table(
        rows,
        widths_cm=widths,
        size=9,
        align_center_cols=tuple(i for i, c in enumerate(cols) if c in ("序号", "日期", "页号")),
    )


# --------------------------------------------------------------------------
# payment


def r_bank_slip(w, case: Case, doc: Doc):
    """网上银行电子回单: the party's transfer into the fines account, with the bank's 电子回单专用章."""
    p = case.party
    d = doc.data
    total = d["amount"]
    doc.fields.setdefault("amounts_words", []).append(total)
    doc.fields.setdefault("amounts_figures", []).append(total)
    w.title_block(d["payer_bank"], doc.title, f"回单编号：{d['no']}", form=True)
    rows = [
        ["交易日期", fmt_date(doc.date, "iso"), "交易流水号", d["serial"]],
        ["付款人名称", (p.name, 3)],
        ["付款人账号", d["payer_account"], "付款人开户行", d["payer_bank"]],
        ["收款人名称", (d["payee"], 3)],
        ["收款人账号", d["payee_account"], "收款人开户行", d["payee_bank"]],
        ["金额（小写）", (f"¥{total:,.2f}", 3)],
        ["金额（大写）", (rmb_upper(total), 3)],
        ["用途", (f"缴纳罚款（{doc.number}）", 3)],
        ["交易渠道", "企业网上银行", "交易状态", "交易成功"],
    ]
    w.table(rows, widths_cm=[3.0, 5.4, 2.8, 4.4], row_height_cm=0.9)
    w.blank(1)
    w.para("本回单仅作为已发生交易的证明，重复打印无效。", indent=False, form=True, size=9)
    w.picture(images.seal_png(d["payer_bank"], "电子回单专用章"), 3.2, align="right")


def r_photo_v(w, case: Case, doc: Doc):
    """现场照片 as render.r_photo draws it, with noise from the photo's own seed (see images.scene_photo_jpg)."""
    ag = case.agency
    d = doc.data
    w.title_block(None, doc.title, None, form=True)
    for ph in d["photos"]:
        w.picture(images.scene_photo_jpg(case.case_id, ph["stamp"], ph["kind"], seeded_noise=True), 12.5)
        w.para(f"拍摄时间：{ph['time']}    拍摄地点：{ph['place']}", indent=False, form=True)
        w.para(f"拍摄人：{ph['by']}    证明事项：{ph['proves']}", indent=False, form=True)
        w.blank(1)
    w.para(["当事人确认（签名）：", d["party_sig"], "    ", ag.d(doc.date)], indent=False, form=True)


RENDER = {
    **BASE,
    "record_v": r_record_v,
    "notice_v": r_notice_v,
    "hearing_rights": r_hearing_rights,
    "decision_form": r_decision_form,
    "receipt_v": r_receipt_v,
    "index_v": r_index_v,
    "bank_slip": r_bank_slip,
    "photo_v": r_photo_v,
}
