"""One renderer per document type.

Each renderer draws one document of a case on a writer (DocxWriter or TextWriter),
reading the case data, the document's `data` (what it says) and `style` (which
template variant, layout, date and amount forms). Renderers never decide what is
true: the truth fields were set when the document was built (flow.py); renderers
only add the amounts they print (Money records words/figures for C03).
"""

from __future__ import annotations

import datetime as dt

from . import images
from .model import Case, Doc, Money
from .util import fmt_date, fmt_time, hm, rmb_upper
from .writer import Seal, Sig

CHECK, BOX = "☑", "□"


# --------------------------------------------------------------------------
# shared pieces


def header(w, case: Case, doc: Doc, form: bool = True, number: bool = True):
    ag = case.agency
    agency_line = doc.style.get("agency_line", True)
    w.title_block(
        ag.name if agency_line else None,
        doc.title,
        doc.number if number else None,
        spaced=doc.style.get("spaced", ""),
        form=form,
        number_align=doc.style.get("number_align", "right" if not form else "center"),
    )


def officer_text(officers, sep="、") -> str:
    out = []
    for o in officers:
        out.append(f"{o.name}（执法证号：{o.cert}）" if o.cert else o.name)
    return sep.join(out)


def sigs(sig_list, sep="  "):
    out = []
    for i, s in enumerate(sig_list):
        if i:
            out.append(sep)
        out.append(s)
    return out


def seal_of(case: Case, doc: Doc):
    if not doc.fields.get("seal", True):
        return None
    return Seal(case.agency.name, doc.style.get("seal_mode", case.agency.seal_mode))


def party_id_label(p) -> str:
    return "统一社会信用代码" if p.kind in ("org", "ib") else "公民身份号码"


def party_lines(case: Case, doc: Doc, style: str = "samr") -> list[str]:
    """The party block of decisions and notices, per template family."""
    p = case.party
    name = doc.fields.get("party", p.name)
    addr = doc.fields.get("party_address", p.address)
    if style == "samr":
        lines = [f"当事人：{name}"]
        if p.kind in ("org", "ib"):
            lines.append("主体资格证照名称：营业执照")
            lines.append(f"统一社会信用代码：{p.id}")
        if addr:
            lines.append(f"住所（住址）：{addr}")
        if p.kind == "org":
            lines.append(f"法定代表人（负责人、经营者）：{p.rep}")
        elif p.kind == "ib":
            lines.append(f"经营者：{p.rep}    身份证件号码：{p.rep_id}")
        else:
            lines.append(f"身份证件号码：{p.id}")
        lines.append(f"联系电话：{p.phone}")
        return lines
    if style == "eco":
        lines = [f"当事人：{name}"]
        if p.kind == "org":
            lines += [f"统一社会信用代码：{p.id}", f"法定代表人：{p.rep}"]
        else:
            lines += [f"身份证号码：{p.id}"]
        if addr:
            lines.append(f"地址：{addr}")
        return lines
    # generic: one running line, as transport / urban / agriculture templates do
    if p.kind == "person":
        s = f"当事人：{name}，性别：{p.gender}，出生日期：{fmt_date(p.birth, 'cn')}，公民身份号码：{p.id}"
        if addr:
            s += f"，住址：{addr}"
        return [s + f"，联系电话：{p.phone}。"]
    if p.kind == "ib":
        s = f"当事人：{name}（个体工商户），统一社会信用代码：{p.id}，经营者：{p.rep}，公民身份号码：{p.rep_id}"
        if addr:
            s += f"，经营场所：{addr}"
        return [s + "。"]
    s = f"当事人：{name}，统一社会信用代码：{p.id}，法定代表人：{p.rep}"
    if addr:
        s += f"，住所：{addr}"
    return [s + f"，联系电话：{p.phone}。"]


def penalty_items(case: Case, doc: Doc, pen, money: Money) -> list[str]:  # noqa: ARG001 - one signature for every renderer
    """一、罚款人民币… ; 二、没收违法所得…"""
    items = []
    if pen.warning:
        items.append("警告")
    if pen.gains:
        items.append(f"没收违法所得{money(pen.gains)}")
    if pen.goods:
        items.append(f"没收{pen.goods}")
    if pen.fine:
        fig = doc.data.get("fine_figure")
        items.append(f"罚款{money(pen.fine, figure=fig)}")
    if pen.revoke:
        items.append(f"吊销{pen.revoke}")
    if pen.suspend:
        items.append(f"责令停产停业{pen.suspend}")
    return items


NUMS = "一二三四五六七八九十"


def enumerate_cn(items: list[str], end="。") -> list[str]:
    if len(items) == 1:
        return [items[0] + end]
    return [f"{NUMS[i]}、{it}{'；' if i < len(items) - 1 else end}" for i, it in enumerate(items)]


def ts(case: Case, t: dt.datetime) -> str:
    return fmt_time(t, case.time_style)


# --------------------------------------------------------------------------
# file-level documents


def r_cover(w, case: Case, doc: Doc):
    ag, p = case.agency, case.party
    v = doc.style.get("variant", "table")
    w.blank(2)
    w.title_block(ag.name, doc.title, None, spaced=doc.style.get("spaced", "spaces"), form=False)
    w.blank(1)
    cname = f"{p.name}{case.story.cause}案"
    closure = doc.data.get("closure_date")
    rows = [
        ["案件名称", (cname, 3)],
        ["处罚决定书文号", (doc.number, 3)],
        ["当事人", (p.name, 3)],
        ["处罚结果", ("；".join(doc.data["result"]), 3)],
        ["立案日期", ag.d(case.filing_date), "结案日期", ag.d(closure) if closure else ""],
        ["承办人", "、".join(o.name for o in case.officers), "承办机构", ag.dept],
        ["保管期限", doc.data.get("retention", "永久"), "归档号", doc.data.get("archive_no", "")],
        ["本卷共", (f"{doc.data.get('pieces', '')}件    {doc.data.get('pages', '')}页", 3)],
    ]
    if v == "table":
        w.table(rows, widths_cm=[3.4, 4.6, 3.0, 4.6], size=13, row_height_cm=1.2)
    else:
        for r in rows:
            vals = [c[0] if isinstance(c, tuple) else c for c in r]
            line = "：".join(vals[:2])
            if len(vals) > 2:
                line += "        " + "：".join(vals[2:])
            w.para(line, indent=False, size=14, space_after=10)
    w.blank(2)
    w.para(f"{ag.name}    制", indent=False, align="center", size=14)


def r_index(w, case: Case, doc: Doc):
    ag = case.agency
    w.title_block(None, doc.title, None, spaced=doc.style.get("spaced", ""), form=True)
    dstyle = doc.style.get("date_style", "compact")
    rows = [["序号", "文号", "责任者", "题名", "日期", "页号", "备注"]]
    listed = []
    phantoms = {p["after"]: p for p in doc.data.get("phantom", [])}  # listed but not in the file (A04)
    shift = 0

    def shifted(label: str) -> str:
        if not shift or not label[:1].isdigit():
            return label
        return "-".join(str(int(x) + shift) for x in label.split("-"))

    for d in doc.data["entries"]:
        if dstyle == "compact":
            ds = d.date.strftime("%Y%m%d") if d.date else ""
        else:
            ds = fmt_date(d.date, dstyle) if d.date else ""
        title = d.index_title or d.title
        listed.append(title)
        label = shifted(case.page_labels.get(id(d), doc.data.get("placeholder", "00-00")))
        rows.append([str(len(rows)), d.number or "", d.responsible or ag.name, title, ds, label, ""])
        ph = phantoms.get(title)
        if ph:
            # the index was drawn up with this page in the file; the page numbers after it shift by one
            listed.append(ph["title"])
            last = int(label.split("-")[-1]) if label[:1].isdigit() else 0
            shift += 1
            rows.append([str(len(rows)), "", ag.name, ph["title"], ph.get("date", ""), str(last + 1), ""])
    doc.fields["listed"] = listed
    w.table(rows, widths_cm=[1.1, 3.6, 2.6, 4.6, 1.9, 1.4, 1.0], size=9, align_center_cols=(0, 4, 5))


def r_archive_note(w, case: Case, doc: Doc):
    ag = case.agency
    w.title_block(None, doc.title, None, spaced=doc.style.get("spaced", ""), form=True)
    d = doc.data
    rows = [
        [("本卷情况说明", 2)],
        [
            (
                f"本卷共{d.get('pieces', '')}件，{d.get('pages', '')}页（不含封面、卷内目录和备考表）。"
                f"{d.get('note', '案卷材料齐全，无缺损、涂改情况。')}\n\n\n",
                2,
            )
        ],
        ["立卷人", [Sig("text", d["filer"]), "    ", ag.d(doc.date)]],
        ["检查人", [Sig("text", d["checker"]), "    ", ag.d(doc.date)]],
        ["立卷时间", ag.d(doc.date)],
    ]
    w.table(rows, widths_cm=[3.5, 12.1], size=12, row_height_cm=1.0)


# --------------------------------------------------------------------------
# filing


def approval_rows(case: Case, doc: Doc):
    """承办人意见 / 承办机构意见 / 负责人审批意见 rows with signatures and dates."""
    ag = case.agency
    rows = []
    line = doc.style.get("approval_mode") == "line"
    for a in doc.data["approvals"]:
        if line:  # 承办人：张三 李四  2024年5月11日 — signers and date on one line under the opinion
            cell = [a["text"] + "\n", f"{a.get('sign_as', a['role'])}："] + sigs(a["sigs"], sep=" ")
            if a.get("date"):
                cell += ["  ", ag.d(a["date"])]
            rows.append([a["label"], (cell, 3)])
            continue
        cell = [a["text"] + "\n"]
        if a.get("sign_label", True):
            cell.append("签名：")
        cell += sigs(a["sigs"])
        cell.append("    ")
        if a.get("date"):
            cell.append(("日期：" if a.get("date_label") else "") + ag.d(a["date"]))
        rows.append([a["label"], (cell, 3)])
    return rows


def r_case_source(w, case: Case, doc: Doc):
    ag, p, st = case.agency, case.party, case.story
    header(w, case, doc)
    kinds = ["投诉", "举报", "日常检查", "上级交办", "部门移送", "其他"]
    src = "  ".join((CHECK if k == st.source else BOX) + k for k in kinds)
    rows = [
        ["案件来源", (src, 3)],
        ["登记时间", (ts(case, doc.data["time"]), 3)],
        ["当事人", p.name, "联系电话", p.phone],
        ["地址", (p.address, 3)],
        ["案源内容", (st.source_text, 3)],
        [
            "登记人意见",
            (
                [
                    doc.data["proposal"] + "\n登记人：",
                    Sig(doc.data.get("sig", "text"), case.officers[0].name),
                    "    ",
                    ag.d(doc.date),
                ],
                3,
            ),
        ],
        [
            "负责人意见",
            (
                [
                    doc.data["head_opinion"] + "\n签名：",
                    Sig(doc.data.get("sig", "text"), ag.dept_head),
                    "    ",
                    ag.d(doc.date),
                ],
                3,
            ),
        ],
    ]
    w.table(rows, widths_cm=[2.8, 6.2, 2.4, 4.2], row_height_cm=0.9)


def r_filing(w, case: Case, doc: Doc):
    p, st = case.party, case.story
    header(w, case, doc)
    rows = [["案由", (f"涉嫌{st.cause}", 3)], ["案件来源", (st.source, 3)]]
    if p.kind == "person":
        rows += [
            ["当事人", p.name, "性别", p.gender],
            ["公民身份号码", p.id, "联系电话", p.phone],
            ["住址", (p.address, 3)],
        ]
    else:
        rows += [
            ["当事人", (p.name, 3)],
            ["统一社会信用代码", p.id, "联系电话", p.phone],
            [("法定代表人" if p.kind == "org" else "经营者"), p.rep, "地址", p.address],
        ]
    rows.append(["简要案情及立案理由", (doc.data["summary"], 3)])
    rows += approval_rows(case, doc)
    w.table(rows, widths_cm=[3.2, 5.4, 2.4, 4.6], row_height_cm=0.9)


def r_extension(w, case: Case, doc: Doc):
    ag, p, st = case.agency, case.party, case.story
    header(w, case, doc)
    rows = [
        ["案由", (st.cause, 3)],
        ["当事人", (p.name, 3)],
        ["立案日期", ag.d(case.filing_date), "办案期限届满日", ag.d(doc.data["due"])],
        ["延期理由", (doc.data["reason"], 3)],
        ["申请延长期限", (doc.data["length"], 3)],
    ]
    rows += approval_rows(case, doc)
    w.table(rows, widths_cm=[3.2, 4.6, 3.2, 4.6], row_height_cm=0.9)


# --------------------------------------------------------------------------
# evidence


def r_identity(w, case: Case, doc: Doc):
    p = case.party
    v = doc.data.get("kind", "licence" if p.kind != "person" else "idcard")
    w.title_block(None, doc.title, None, form=True)
    if v == "licence":
        rows = [
            [("营  业  执  照", 2)],
            ["统一社会信用代码", p.id],
            ["名称", p.name],
            ["类型", p.company_type if p.kind == "org" else "个体工商户"],
            ["法定代表人" if p.kind == "org" else "经营者", p.rep],
            ["经营范围", p.scope],
            ["注册资本" if p.kind == "org" else "组成形式", p.capital or "个人经营"],
            ["成立日期", fmt_date(p.established, "cn")],
            ["住所" if p.kind == "org" else "经营场所", p.address],
            ["登记机关", f"{case.agency.county}市场监督管理局"],
        ]
        w.table(rows, widths_cm=[4.0, 11.6], size=11, row_height_cm=0.8, align_center_cols=())
    else:
        person = doc.data.get("person")
        rows = [
            ["姓名", person.name],
            ["性别", person.gender],
            ["民族", "汉"],
            ["出生", fmt_date(doc.data["birth"], "cn")],
            ["住址", person.address],
            ["公民身份号码", person.id],
        ]
        w.table(rows, widths_cm=[3.6, 12.0], size=12, row_height_cm=0.8)
        w.para("（居民身份证正反面复印件）", indent=False, align="center", size=10)
    w.blank(1)
    who = doc.data.get("certifier")
    w.para(
        [
            "此复印件与原件核对一致。  ",
            "核对人（签名）：",
            who or "",
            "    ",
            case.agency.d(doc.date) if doc.date else "",
        ],
        indent=False,
        form=True,
    )
    if doc.data.get("party_sig"):
        w.para(["提供人签名：", doc.data["party_sig"]], indent=False, form=True)


def _record_officers_rows(case, doc, label):  # noqa: ARG001 - one signature for every renderer
    rows = []
    for o in doc.data["officers"]:
        rows.append([label, o.name, "执法证号", o.cert or ""])
    return rows


def r_inspection(w, case: Case, doc: Doc):
    ag, p, st = case.agency, case.party, case.story
    d = doc.data
    layout = doc.style.get("layout", "table")
    header(w, case, doc, number=False)
    start, end = d["start"], d["end"]
    tspan = f"{ts(case, start)}至{hm(end, 'cn' if case.time_style == 'cn' else 'colon')}"
    shown = doc.fields["certificates_shown"]
    names = "、".join(o.name for o in d["officers"])
    notice = (
        (
            f"执法人员{names}向被检查人出示了执法证件，表明了身份，说明了检查的依据和目的，"
            "告知了当事人依法享有的权利和应当配合检查的义务，并询问是否申请回避。被检查人表示不申请回避。"
        )
        if shown
        else (f"执法人员{names}依法对{d['inspected']}进行现场检查，当事人{d['present']}在场。")
    )
    psig = d["party_sig"]
    refusal = d.get("refusal")
    osigs = [Sig(s.kind, s.name, s.ink) for s in d["officer_sigs"]]
    if layout == "table":
        rows = [
            ["检查时间", (tspan, 3)],
            ["检查地点", (st.place, 3)],
            ["被检查人", (d["inspected"], 3)],
            [party_id_label(p), p.id, "联系电话", p.phone],
        ]
        if p.kind != "person":
            rows.append(["法定代表人（负责人）", p.rep, "现场负责人", d["present"]])
        rows += _record_officers_rows(case, doc, "执法人员")
        rows.append(["记录人", d["officers"][-1].name, "见证人", d.get("witness") or "/"])
        rows.append([(notice, 4)])
        rows.append(["现场检查情况", (st.findings + "\n" + d.get("extra", ""), 3)])
        rows.append(["被检查人意见", (d.get("opinion", "以上检查情况属实。"), 3)])
        pcell = ["被检查人签名：", psig, "    ", ag.d(start.date())]
        if refusal:
            pcell = ["被检查人签名：", psig, "\n" + refusal]
        rows.append([(pcell, 2), (["执法人员签名："] + sigs(osigs) + ["    ", ag.d(start.date())], 2)])
        w.table(rows, widths_cm=[3.4, 5.0, 2.6, 4.6], row_height_cm=0.8)
    else:
        w.para(f"检查时间：{tspan}", indent=False)
        w.para(f"检查地点：{st.place}", indent=False)
        w.para(f"被检查人：{d['inspected']}    {party_id_label(p)}：{p.id}", indent=False)
        if p.kind != "person":
            w.para(
                f"法定代表人（负责人）：{p.rep}    现场负责人：{d['present']}    联系电话：{p.phone}",
                indent=False,
            )
        w.para(f"执法人员：{officer_text(d['officers'])}", indent=False)
        w.para(f"记录人：{d['officers'][-1].name}", indent=False)
        w.para(notice)
        w.para("现场检查情况：", indent=False, bold=True)
        w.para(st.findings)
        if d.get("extra"):
            w.para(d["extra"])
        w.para(f"被检查人意见：{d.get('opinion', '以上检查情况属实。')}", indent=False)
        w.blank(1)
        w.para(["被检查人（签名）：", psig, "    ", ag.d(start.date())], indent=False)
        if refusal:
            w.para(refusal, indent=False)
        w.para(["执法人员（签名）："] + sigs(osigs) + ["    ", ag.d(start.date())], indent=False)


def r_inquiry(w, case: Case, doc: Doc):
    ag = case.agency
    d = doc.data
    per = d["person"]
    layout = doc.style.get("layout", "table")
    header(w, case, doc, number=False)
    start, end = d["start"], d["end"]
    tspan = f"{ts(case, start)}至{hm(end, 'cn' if case.time_style == 'cn' else 'colon')}"
    shown = doc.fields["certificates_shown"]
    officers = d["officers"]
    opening_q = d.get("opening_q") or (
        f"我们是{ag.name}的执法人员{'、'.join(o.name for o in officers)}，"
        + ("这是我们的执法证件（出示执法证件），" if shown else "")
        + f"现就{d['topic']}一事依法向你进行调查询问。你应当如实回答问题，不得作虚假陈述，"
        "如果认为我们与本案有利害关系，你有申请回避的权利。你是否申请回避？"
    )
    qa = [(opening_q, "不申请。")]
    if shown and d.get("ack_cert", True):
        qa.append(("你是否看清了我们的执法证件？", "看清了。"))
    qa += d["qa"]
    qa.append(("你还有什么需要补充的吗？", d.get("last_a", "没有了。")))
    osigs = d["officer_sigs"]
    if layout == "table":
        rows = [
            ["询问时间", (tspan, 3)],
            ["询问地点", (d["place"], 3)],
            ["被询问人", per.name, "性别", per.gender],
            ["公民身份号码", per.id, "联系电话", per.phone],
            ["工作单位及职务", (per.job, 3)],
            ["住址", (per.address, 3)],
            ["与本案关系", (per.relation, 3)],
        ]
        rows += _record_officers_rows(case, doc, "询问人")
        rows.append(["记录人", (d["recorder"], 3)])
        w.table(rows, widths_cm=[3.4, 5.0, 2.6, 4.6], row_height_cm=0.75)
        if shown:
            w.para("执法人员已出示执法证件并告知被询问人享有的权利和义务。", indent=False, form=True)
    else:
        w.para(f"时间：{tspan}", indent=False)
        w.para(f"地点：{d['place']}", indent=False)
        w.para(f"询问人：{officer_text(officers)}", indent=False)
        w.para(f"记录人：{d['recorder']}", indent=False)
        w.para(f"被询问人：{per.name}    性别：{per.gender}    公民身份号码：{per.id}", indent=False)
        w.para(f"工作单位及职务：{per.job}    联系电话：{per.phone}", indent=False)
        w.para(f"住址：{per.address}", indent=False)
        if shown:
            w.para("（执法人员已向被询问人出示执法证件）", indent=False)
    w.blank(1)
    for q, a in qa:
        w.para(f"问：{q}", indent=False)
        w.para(f"答：{a}", indent=False)
    w.blank(1)
    if doc.fields.get("confirmation"):
        w.para(d.get("confirm_text", "以上笔录我看过，与我说的一致。"), indent=False)
    w.para(["被询问人签名：", d["party_sig"], "    ", ag.d(start.date())], indent=False)
    if d.get("refusal"):
        w.para(d["refusal"], indent=False)
    w.para(["询问人签名："] + sigs(osigs) + ["    ", ag.d(start.date())], indent=False)
    w.para(["记录人签名：", d.get("recorder_sig", Sig("text", d["recorder"]))], indent=False)


def r_photo(w, case: Case, doc: Doc):
    ag = case.agency
    d = doc.data
    w.title_block(None, doc.title, None, form=True)
    for ph in d["photos"]:
        w.picture(images.scene_photo_jpg(case.case_id, ph["stamp"], ph["kind"]), 12.5)
        w.para(f"拍摄时间：{ph['time']}    拍摄地点：{ph['place']}", indent=False, form=True)
        w.para(f"拍摄人：{ph['by']}    证明事项：{ph['proves']}", indent=False, form=True)
        w.blank(1)
    w.para(["当事人确认（签名）：", d["party_sig"], "    ", ag.d(doc.date)], indent=False, form=True)


def r_test_report(w, case: Case, doc: Doc):
    d = doc.data
    w.title_block(d["lab"], doc.title, d.get("report_no"), form=True)
    rows = [
        ["样品名称", d["sample"], "委托单位", case.agency.name],
        ["检验类别", d.get("category", "委托检验"), "收样日期", fmt_date(d["received"], "cn")],
        ["检验依据", (d["standard"], 3)],
    ]
    w.table(rows, widths_cm=[2.6, 5.2, 2.6, 5.2])
    w.blank(1)
    rows = [["检验项目", "单位", "标准限值", "实测值", "单项判定"]]
    rows += [list(r) for r in d["results"]]
    w.table(rows, widths_cm=[4.0, 2.0, 3.2, 3.2, 3.2], align_center_cols=(1, 2, 3, 4))
    w.blank(1)
    w.para(f"检验结论：{d['conclusion']}", indent=False, form=True)
    w.para(f"批准：{d['approver']}    审核：{d['checker']}    主检：{d['tester']}", indent=False, form=True)
    w.closing(d["lab"], fmt_date(doc.date, "cn"), Seal(d["lab"], "inline", "检验检测专用章"))


def r_weigh(w, case: Case, doc: Doc):
    """车辆超限检测单 (transport)."""
    d = doc.data
    w.title_block(case.agency.name, doc.title, d.get("no"), form=True)
    rows = [
        ["检测时间", ts(case, d["time"]), "检测地点", d["place"]],
        ["车牌号码", d["plate"], "车型", d["vehicle"]],
        ["轴数", str(d["axles"]), "驾驶人", d["driver"]],
        ["车货总质量（吨）", f"{d['weight']:.2f}", "限定标准（吨）", f"{d['limit']:.2f}"],
        [
            "超限质量（吨）",
            f"{d['weight'] - d['limit']:.2f}",
            "超限率",
            f"{(d['weight'] / d['limit'] - 1) * 100:.1f}%",
        ],
        ["检测设备", (d["device"], 3)],
        ["检测人员", (["签名："] + sigs(d["officer_sigs"]), 3)],
        ["驾驶人确认", (["对以上检测结果无异议。签名：", d["party_sig"]], 3)],
    ]
    w.table(rows, widths_cm=[3.4, 4.4, 3.4, 4.4], row_height_cm=0.9)


def r_preservation(w, case: Case, doc: Doc):
    ag, p = case.agency, case.party
    d = doc.data
    header(w, case, doc, form=False)
    w.para(f"{doc.fields.get('party', p.name)}：", indent=False)
    if doc.fields["kind"] == "notice":
        w.para(
            f"因你{('单位' if p.is_org else '')}涉嫌{case.story.cause}，根据《中华人民共和国行政处罚法》第五十六条的规定，"
            f"{ag.me}决定对下列物品予以先行登记保存，保存期限为七日（自{ag.d(doc.date)}至{ag.d(doc.date + dt.timedelta(days=7))}）。"
            "在此期间，当事人或者有关人员不得销毁或者转移证据。"
        )
        w.para(f"保存地点：{d['where']}    保存方式：{d['how']}", indent=False)
    else:
        n = d["notice_number"]
        w.para(
            f"{ag.me}于{ag.d(d['notice_date'])}以{n}对你{('单位' if p.is_org else '')}的下列物品予以先行登记保存。"
            f"根据《中华人民共和国行政处罚法》第五十六条的规定，经研究，现作出如下处理决定：{d['decision']}"
        )
    rows = [["序号", "物品名称", "规格", "数量", "备注"]]
    for i, g in enumerate(case.story.goods_list, 1):
        rows.append([str(i)] + list(g))
    w.table(rows, widths_cm=[1.3, 5.5, 3.4, 2.4, 3.0], align_center_cols=(0, 3))
    w.blank(1)
    w.para(["当事人（签名）：", d["party_sig"], "    ", ag.d(doc.date)], indent=False)
    w.para(["执法人员（签名）："] + sigs(d["officer_sigs"]), indent=False)
    w.closing(ag.name, ag.dc(doc.date), seal_of(case, doc))


# --------------------------------------------------------------------------
# investigation, review, discussion


def r_investigation(w, case: Case, doc: Doc):
    ag, p, st = case.agency, case.party, case.story
    d = doc.data
    variant = doc.style.get("variant", "report")
    money = Money(doc, ag.amount_style)
    proposal = "；".join(penalty_items(case, doc, d["proposed"], money))
    header(w, case, doc, form=(variant == "table"))
    if variant == "table":
        rows = [
            ["案由", (st.cause, 3)],
            ["当事人", (p.name, 3)],
            [party_id_label(p), p.id, "立案日期", ag.d(case.filing_date)],
            ["违法事实", (st.facts, 3)],
            ["证据", ("\n".join(f"{i}. {e}" for i, e in enumerate(st.evidence, 1)), 3)],
            ["处罚依据", (f"当事人的行为违反了{st.violated}的规定，依据{'、'.join(st.basis)}的规定", 3)],
            ["承办人处理意见", (f"建议{proposal}。", 3)],
        ]
        rows += approval_rows(case, doc)
        w.table(rows, widths_cm=[3.2, 5.4, 2.4, 4.6], row_height_cm=0.9)
        return
    w.heading("一、当事人基本情况")
    for ln in party_lines(case, doc, "samr"):
        w.para(ln)
    w.heading("二、案件来源及调查经过")
    w.para(
        f"{st.source_text}{ag.d(case.filing_date)}，经{ag.me}负责人批准立案调查。"
        f"办案人员{'、'.join(o.name for o in case.officers)}依法开展了现场检查、调查询问等工作，现已调查终结。"
    )
    w.heading("三、违法事实及证据")
    w.para(f"经查，{st.facts}")
    w.para("上述事实有以下证据证明：")
    for i, e in enumerate(st.evidence, 1):
        w.para(f"{i}. {e}")
    w.heading("四、案件定性及处罚依据")
    w.para(
        f"当事人的上述行为违反了{st.violated}的规定。依据{'、'.join(st.basis)}的规定，" + (st.reasoning or "")
    )
    w.heading("五、处理意见")
    w.para(f"建议对当事人作出如下行政处罚：{proposal}。" + (d.get("note") or ""))
    w.blank(1)
    rows = approval_rows(case, doc)
    w.table(rows, widths_cm=[3.2, 5.4, 2.4, 4.6], row_height_cm=1.2)


def r_legal_review(w, case: Case, doc: Doc):
    ag, p, st = case.agency, case.party, case.story
    d = doc.data
    header(w, case, doc, form=True)
    money = Money(doc, ag.amount_style)
    proposal = "；".join(penalty_items(case, doc, d["proposed"], money))
    if doc.style.get("variant", "form") == "form":
        rows = [
            ["案件名称", (f"{p.name}{st.cause}案", 3)],
            ["承办机构", ag.dept, "送审时间", ag.d(d["submitted"])],
            ["拟处理意见", (proposal, 3)],
            [
                "审核内容",
                (
                    "1. 执法主体是否合法，执法人员是否具备执法资格；\n2. 案件事实是否清楚，证据是否确凿充分；"
                    "\n3. 适用法律、法规、规章是否准确；\n4. 程序是否合法；\n5. 处罚裁量是否适当；\n6. 执法文书是否规范。",
                    3,
                ),
            ],
            ["审核意见", ([d["opinion"] + "\n审核人："] + sigs(d["sigs"]) + ["    ", ag.d(doc.date)], 3)],
            ["法制机构负责人意见", (["同意审核意见。\n签名：", d["head_sig"], "    ", ag.d(doc.date)], 3)],
        ]
        w.table(rows, widths_cm=[3.4, 5.2, 2.6, 4.4], row_height_cm=1.0)
    else:
        w.para(f"{ag.dept}：", indent=False)
        w.para(
            f"你{('队' if '队' in ag.dept else '科')}于{ag.d(d['submitted'])}送审的{p.name}{st.cause}一案，"
            f"本机构已依法进行法制审核。经审核，{d['opinion']}"
        )
        w.para(f"拟作出的处理决定：{proposal}。")
        w.blank(1)
        w.para(["审核人员："] + sigs(d["sigs"]), indent=False)
        w.closing(f"{ag.name}{ag.legal_dept}", ag.dc(doc.date), None)


def r_collective(w, case: Case, doc: Doc):
    p, st = case.party, case.story
    d = doc.data
    header(w, case, doc, form=True, number=False)
    t = d["time"]
    w.para(f"时间：{ts(case, t)}至{hm(d['end'], 'cn')}", indent=False)
    w.para(f"地点：{d['place']}", indent=False)
    w.para(f"主持人：{d['chair']}", indent=False)
    w.para(f"参加人员：{'、'.join(d['participants'])}", indent=False)
    w.para(f"列席人员：{'、'.join(d['attendees'])}", indent=False)
    w.para(f"记录人：{d['recorder']}", indent=False)
    w.para(f"讨论案件：{p.name}{st.cause}案", indent=False)
    w.para("讨论记录：", indent=False, bold=True)
    for speaker, text in d["speeches"]:
        w.para(f"{speaker}：{text}")
    if doc.fields.get("conclusion"):
        w.para("结论性意见：", indent=False, bold=True)
        w.para(d["conclusion_text"])
    w.blank(1)
    w.para(["参加人员签名："] + sigs([Sig(d.get("sig", "text"), n) for n in d["participants"]]), indent=False)
    w.para(["记录人签名：", Sig("text", d["recorder"])], indent=False)


# --------------------------------------------------------------------------
# notices and the party's statements


def _rights_text(case: Case, doc: Doc) -> str:
    r = doc.fields["rights"]
    ag = case.agency
    you = case.party.you
    dl = doc.data.get("deadline", "五个工作日")
    if r["statement"] and r["defence"] and r["hearing"]:
        return (
            f"根据《中华人民共和国行政处罚法》第四十四条、第四十五条、第六十三条、第六十四条的规定，{you}享有陈述、申辩和要求听证的权利。"
            f"{you}如要求陈述、申辩，应在收到本告知书之日起{dl}内向{ag.me}提出；如要求听证，应在收到本告知书之日起五日内向{ag.me}提出书面申请。"
            "逾期未提出陈述、申辩或者听证申请的，视为放弃上述权利。"
        )
    if r["statement"] and r["defence"]:
        return (
            f"根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，{you}享有陈述、申辩的权利。"
            f"{you}可在收到本告知书之日起{dl}内向{ag.me}提出陈述、申辩意见，逾期未提出的，视为放弃上述权利。"
        )
    # only the statement right (N02)
    return f"{you}可在收到本告知书之日起{dl}内到{ag.me}陈述意见，逾期视为放弃。"


def r_notice(w, case: Case, doc: Doc):
    ag, p, st = case.agency, case.party, case.story
    d = doc.data
    money = Money(doc, ag.amount_style)
    header(w, case, doc, form=False)
    w.para(f"{doc.fields.get('party', p.name)}：", indent=False)
    f = doc.fields
    you = p.you
    if f["has_facts"]:
        facts = you + st.facts[3:] if st.facts.startswith("当事人") else st.facts
        w.para(
            f"经调查，{facts}"
            f"以上事实有{'、'.join(e.split('，')[0].rstrip('；。') for e in st.evidence[:4])}等证据为证。"
        )
    if f["has_reasons"]:
        w.para(f"{you}的上述行为违反了{st.violated}的规定，构成{st.cause}的违法行为。")
    items = penalty_items(case, doc, d["proposed"], money)
    basis = f"依据{'、'.join(st.basis)}的规定，" if f["has_legal_basis"] else ""
    lead = f"{basis}{ag.me}拟对{you}作出如下行政处罚："
    w.para(lead)
    for it in enumerate_cn(items):
        w.para(it)
    w.para(_rights_text(case, doc))
    w.para(f"联系人：{d['contact']}    联系电话：{ag.phone}", indent=False)
    w.para(f"联系地址：{ag.address}", indent=False)
    w.closing(ag.name, ag.dc(doc.date), seal_of(case, doc))
    if d.get("receipt_strip"):
        w.blank(1)
        w.para(
            "- - - - - - - - - - - - - - - - 回  执 - - - - - - - - - - - - - - - -",
            indent=False,
            align="center",
            size=11,
        )
        rs = d["receipt_strip"]
        w.para(["本告知书已于", rs["date_text"], "收到。"], indent=False, size=12)
        w.para(["当事人（签名或盖章）：", rs["sig"]], indent=False, size=12)


def r_statement(w, case: Case, doc: Doc):
    ag, p = case.agency, case.party
    d = doc.data
    kind = d["kind"]
    w.title_block(None, doc.title, None, form=True)
    if kind == "waiver":
        w.para(f"{ag.name}：", indent=False)
        w.para(
            f"本{'单位' if p.is_org else '人'}已于{ag.d(d['received'])}收到贵局{d['notice_number']}《{d['notice_title']}》，"
            f"对告知书所述违法事实、理由、依据及拟作出的行政处罚均无异议，自愿放弃陈述、申辩{('和听证' if d.get('hearing') else '')}的权利。"
        )
        w.blank(1)
        w.para(["声明人（签名/盖章）：", d["sig"]], indent=False, align="right")
        w.para(ag.d(doc.date), indent=False, align="right")
    elif kind == "hearing_request":
        w.para(f"{ag.name}：", indent=False)
        w.para(
            f"本{'单位' if p.is_org else '人'}于{ag.d(d['received'])}收到贵局{d['notice_number']}《{d['notice_title']}》。"
            f"本{'单位' if p.is_org else '人'}对拟作出的行政处罚有异议，{d['reason']}"
            "根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，特申请举行听证。"
        )
        w.blank(1)
        w.para(["申请人（签名/盖章）：", d["sig"]], indent=False, align="right")
        w.para(ag.d(doc.date), indent=False, align="right")
    elif kind == "written":
        w.para(f"{ag.name}：", indent=False)
        w.para(d["text"])
        w.para(["陈述申辩人：", d["sig"]], indent=False, align="right")
        w.para(ag.d(doc.date), indent=False, align="right")
    else:  # 陈述申辩笔录, a record taken by officers
        rows = [
            ["时间", ts(case, d["time"]), "地点", d["place"]],
            ["陈述申辩人", d["person"].name, "与当事人关系", d["person"].relation],
            ["承办人员", (officer_text(d["officers"]), 3)],
        ]
        w.table(rows, widths_cm=[2.8, 5.4, 2.8, 4.6])
        w.blank(1)
        for q, a in d["qa"]:
            w.para(f"问：{q}", indent=False)
            w.para(f"答：{a}", indent=False)
        w.para("以上记录我已看过，与我所说的一致。", indent=False)
        w.para(["陈述申辩人签名：", d["sig"], "    ", ag.d(doc.date)], indent=False)
        w.para(["承办人员签名："] + sigs([Sig("text", o.name) for o in d["officers"]]), indent=False)


def r_hearing_notice(w, case: Case, doc: Doc):
    ag, p, st = case.agency, case.party, case.story
    d = doc.data
    header(w, case, doc, form=False)
    w.para(f"{p.name}：", indent=False)
    w.para(
        f"根据{p.you}的申请，{ag.me}定于{ts(case, d['time'])}在{d['place']}就{p.name}{st.cause}一案举行听证会，"
        f"本次听证{'公开' if d.get('public', True) else '不公开'}举行。"
    )
    w.para(
        f"听证主持人：{d['presiding']}（{d['presiding_post']}）；听证员：{'、'.join(d['members'])}；记录员：{d['clerk']}。"
    )
    w.para(
        f"{p.you}认为主持人、听证员、记录员与本案有直接利害关系的，有权申请回避。"
        f"{p.you}可以亲自参加听证，也可以委托一至二人代理。委托代理人参加听证的，应当在听证会前向{ag.me}提交授权委托书。"
        f"请{p.you}携带身份证明及有关证据材料按时参加听证，无正当理由拒不出席听证的，视为放弃听证权利。"
    )
    w.para(f"联系人：{d['contact']}    联系电话：{ag.phone}", indent=False)
    w.closing(ag.name, ag.dc(doc.date), seal_of(case, doc))


def r_hearing_record(w, case: Case, doc: Doc):
    p, st = case.party, case.story
    d = doc.data
    header(w, case, doc, form=True, number=False)
    t = d["time"]
    rows = [
        ["案由", (f"{p.name}{st.cause}案", 3)],
        ["听证时间", (f"{ts(case, t)}至{hm(d['end'], 'cn')}", 3)],
        ["听证地点", (d["place"], 3)],
        ["听证方式", ("公开", 3)],
        ["听证主持人", d["presiding"], "听证员", "、".join(d["members"])],
        ["记录员", d["clerk"], "案件调查人员", "、".join(o.name for o in d["investigators"])],
        ["当事人", p.name, "法定代表人/委托代理人", "、".join(d["party_attendees"])],
    ]
    w.table(rows, widths_cm=[3.0, 4.8, 3.6, 4.2])
    w.blank(1)
    for speaker, text in d["transcript"]:
        w.para(f"{speaker}：{text}", indent=False)
    w.blank(1)
    w.para("当事人核对意见：以上笔录已阅，记录属实。", indent=False)
    w.para(["当事人（代理人）签名："] + sigs(d["party_sigs"]), indent=False)
    w.para(
        ["主持人签名：", Sig("text", d["presiding"]), "    听证员签名："]
        + sigs([Sig("text", n) for n in d["members"]])
        + ["    记录员签名：", Sig("text", d["clerk"])],
        indent=False,
    )
    w.para(["案件调查人员签名："] + sigs([Sig("text", o.name) for o in d["investigators"]]), indent=False)


# --------------------------------------------------------------------------
# the decision


def payment_text(case: Case, pay: str) -> str:
    """How and where to pay, in the newer agencies' wordings (bank account, outlets, 缴款码, or nowhere: D05)."""
    ag = case.agency
    late = f"逾期不缴纳罚款的，{ag.me}可以每日按罚款数额的百分之三加处罚款，加处罚款的数额不超过罚款本数。"
    if pay == "account":
        return (
            f"当事人应当自收到本决定书之日起十五日内，将罚没款缴入以下账户：{ag.account}（缴款时请注明本决定书文号）。"
            + late
        )
    if pay == "outlets":
        return f"当事人应当自收到本决定书之日起十五日内，持本决定书到{ag.bank}各营业网点缴纳罚没款。" + late
    if pay == "code":
        return (
            f"当事人应当自收到本决定书之日起十五日内，扫描随本决定书送达的《非税收入缴款通知书》上的缴款码，"
            f"或者登录{ag.pay_platform}输入缴款码，缴纳罚没款。" + late
        )
    if pay == "deadline_only":  # D05: a deadline, but not where or how
        return "当事人应当自收到本决定书之日起十五日内缴纳罚款。" + late
    raise ValueError(pay)


def r_decision(w, case: Case, doc: Doc):  # noqa: C901 - renders one document section by section
    ag, st = case.agency, case.story
    d = doc.data
    f = doc.fields
    family = doc.style.get("family", "samr")
    money = Money(doc, ag.amount_style)
    pen = case.penalty
    header(w, case, doc, form=False)
    for ln in party_lines(case, doc, family):
        w.para(ln, indent=False)
    w.blank(1)
    you = "当事人"
    if family == "eco":
        w.para(
            f"{ag.d(d['inspected'])}，我局执法人员对你单位进行现场检查，发现你单位实施了以下环境违法行为："
        )
        w.heading("一、环境违法事实和证据")
    w.para(d["history"])
    w.para(f"经查明，{st.facts}")
    if f.get("has_evidence", True):
        w.para(
            "以上事实，有以下证据为证：" if family != "generic" else "证据：", indent=(family != "generic")
        )
        for i, e in enumerate(st.evidence, 1):
            w.para(f"{i}. {e}")
    if d.get("statement_text"):
        w.para(d["statement_text"])
    if family == "eco":
        w.heading("二、行政处罚的依据、种类及其履行方式、期限")
    violated = d.get("violated_text", st.violated)
    basis_text = d.get("basis_text", "、".join(st.basis))
    reasoning = st.reasoning
    if st.mitigation_cite and d.get("mitigation", True):
        reasoning += f"依据{st.mitigation_cite}的规定，可以从轻处罚。"
    basis_sentence = d.get("basis_sentence") or f"依据{basis_text}的规定"
    w.para(
        f"{ag.me}认为，{you}的上述行为违反了{violated}的规定，构成{st.cause}的违法行为。{reasoning}"
        f"{basis_sentence}，{ag.me}决定对{you}作出如下行政处罚："
    )
    items = penalty_items(case, doc, pen, money)
    for it in enumerate_cn(items):
        w.para(it)
    if st.correction:
        w.para(st.correction)
    pay = d.get("payment", "standard")
    if pen.fine or pen.gains:
        if pay == "standard":
            w.para(
                f"当事人应当自收到本行政处罚决定书之日起十五日内，持本决定书到{ag.bank}缴纳罚没款。"
                f"逾期不缴纳罚款的，{ag.me}将每日按罚款数额的百分之三加处罚款，加处罚款的数额不超过罚款本数。"
            )
        elif pay == "numeric":
            w.para(
                f"罚没款限于收到本决定书之日起15日内缴至{ag.bank}（也可通过非税收入电子缴款系统扫码缴纳）。"
                "到期不缴纳罚款的，每日按罚款数额的3%加处罚款。"
            )
        elif pay == "missing":  # D05: no deadline, nowhere to pay
            w.para("上述罚没款上缴国库。")
        else:
            w.para(payment_text(case, pay))
    if family == "eco":
        w.heading("三、申请复议或者提起诉讼的途径和期限")
    rem = d.get("remedy", "standard")
    if rem == "standard":
        w.para(
            f"当事人如不服本行政处罚决定，可以在收到本决定书之日起六十日内向{ag.gov}申请行政复议，"
            f"也可以在收到本决定书之日起六个月内直接向{ag.court}提起行政诉讼。"
            "申请行政复议或者提起行政诉讼期间，本行政处罚决定不停止执行，法律另有规定的除外。"
        )
    elif rem == "numeric":
        w.para(
            f"如不服本处罚决定，可在接到本决定书之日起60日内向{ag.gov}申请复议，或者在6个月内向{ag.court}起诉。"
        )
    elif rem == "old":  # D06: the pre-2015 template
        w.para(
            f"当事人如不服本处罚决定，可以在接到本决定书之日起十五日内向{ag.gov}申请复议，"
            f"或者在三个月内直接向{ag.court}提起诉讼。逾期不申请复议、不起诉又不履行的，{ag.me}将依法申请人民法院强制执行。"
        )
    extra = []
    if family == "samr":
        extra = ["（市场监督管理部门将依法向社会公示本行政处罚决定信息）"]
    w.closing(ag.name, ag.dc(doc.date), seal_of(case, doc), extra=extra)


# --------------------------------------------------------------------------
# service, execution, publicity, closure


def r_receipt(w, case: Case, doc: Doc):
    d = doc.data
    f = doc.fields
    header(w, case, doc, number=False)
    served = "\n".join(f"《{t}》{('（' + n + '）') if n else ''}" for t, n in d["served"])
    sigcell = ["", d["recipient_sig"]]
    if d.get("sign_date"):
        sigcell += ["\n", d["sign_date"]]
    rows = [
        ["案由", (f"{case.party.name}{case.story.cause}案", 3)],
        ["送达文书名称及文号", (served, 3)],
        ["受送达人", (f["recipient"], 3)],
        ["送达地点", (d["place"], 3)],
        ["送达时间", (d["time_text"], 3)],
        ["送达方式", (f["manner"], 3)],
        ["受送达人签名或盖章", (sigcell, 3)],
        ["代收人及与受送达人关系", (d.get("proxy", ""), 3)],
        ["见证人", ([d["witness_sig"]] if d.get("witness_sig") else "", 3)],
        ["送达人", (sigs(d["server_sigs"]), 3)],
        ["备注", (d.get("remark", ""), 3)],
    ]
    w.table(rows, widths_cm=[4.2, 4.0, 3.0, 4.4], row_height_cm=1.05)
    if d.get("footnote"):
        w.para(d["footnote"], indent=False, size=10)


def r_payment(w, case: Case, doc: Doc):
    ag, p = case.agency, case.party
    d = doc.data
    total = d["amount"]
    fig = d["figure"] if d.get("figure") is not None else total
    w.title_block(d.get("header"), doc.title, d.get("no"), form=True)
    doc.fields.setdefault("amounts_words", []).append(total)
    doc.fields.setdefault("amounts_figures", []).append(fig)
    rows = [
        ["缴款人", (p.name, 3)],
        ["执收单位", ag.name, "执收单位编码", d.get("unit_code", "")],
        ["收入项目", "罚没收入", "决定书文号", doc.number],
        ["金额（大写）", (rmb_upper(total), 3)],
        ["金额（小写）", (f"¥{fig:,.2f}", 3)],
        ["收款银行", (ag.bank, 3)],
        ["缴款日期", (fmt_date(doc.date, d.get("date_style", "iso")), 3)],
        ["备注", (d.get("remark", "已缴款，电子缴款凭证"), 3)],
    ]
    w.table(rows, widths_cm=[3.2, 5.2, 3.0, 4.2], row_height_cm=0.9)
    w.blank(1)
    w.para(f"收款单位（盖章）：{ag.bank}", indent=False, form=True)
    w.picture(images.seal_png(ag.bank, "业务专用章"), 3.2, align="right")


def r_publicity(w, case: Case, doc: Doc):
    ag, p = case.agency, case.party
    d = doc.data
    money = Money(doc, ag.amount_style)
    w.title_block(ag.name, doc.title, None, form=True)
    content = "；".join(penalty_items(case, doc, case.penalty, money))
    rows = [
        ["行政处罚决定书文号", doc.number],
        ["行政相对人名称", p.name],
        ["统一社会信用代码/身份证号", p.id if p.kind != "person" else (p.id[:6] + "********" + p.id[-4:])],
        ["违法行为类型", case.story.cause],
        ["处罚依据", "、".join(case.story.basis)],
        ["处罚内容", content],
        ["处罚决定日期", fmt_date(case.decision_date, "iso")],
        ["公示平台", ag.platform],
        ["公示日期", fmt_date(doc.date, d.get("date_style", "iso"))],
        ["经办人", (d["by"])],
        ["审核人", d["checker"]],
    ]
    w.table(rows, widths_cm=[5.0, 10.6], row_height_cm=0.9)
    if d.get("shot"):
        w.para("（公示页面截图附后）", indent=False, form=True)


def r_av(w, case: Case, doc: Doc):
    ag = case.agency
    d = doc.data
    w.title_block(ag.name, doc.title, None, form=True)
    rows = [["序号", "记录事项", "记录时间", "记录地点", "记录设备", "记录人", "存储位置"]]
    for i, e in enumerate(d["entries"], 1):
        rows.append([str(i), e["what"], ts(case, e["time"]), e["place"], e["device"], e["by"], e["store"]])
    w.table(rows, widths_cm=[1.1, 2.6, 3.0, 2.7, 2.4, 1.6, 2.2], size=9)
    w.blank(1)
    w.para(["登记人：", Sig("text", d["by"]), "    登记日期：", ag.d(doc.date)], indent=False, form=True)


def r_closure(w, case: Case, doc: Doc):
    ag, p, st = case.agency, case.party, case.story
    d = doc.data
    money = Money(doc, ag.amount_style)
    variant = doc.style.get("variant", "table")
    content = "；".join(penalty_items(case, doc, case.penalty, money))
    header(w, case, doc, form=(variant == "table"), number=False)
    if variant == "table":
        rows = [
            ["案由", (st.cause, 3)],
            ["当事人", (p.name, 3)],
            ["立案日期", ag.d(case.filing_date), "处罚决定日期", ag.d(case.decision_date)],
            ["处罚决定书文号", (doc.number, 3)],
            ["处罚内容", (content, 3)],
            ["执行情况", (d["execution"], 3)],
        ]
        rows += approval_rows(case, doc)
        w.table(rows, widths_cm=[3.2, 5.0, 3.0, 4.4], row_height_cm=0.9)
    else:
        w.para(
            f"{p.name}{st.cause}一案，{ag.me}于{ag.d(case.filing_date)}立案，于{ag.d(case.decision_date)}作出"
            f"{doc.number}行政处罚决定：{content}。{d['execution']}"
        )
        w.para("本案已执行完毕，案卷材料齐全，建议结案。")
        w.blank(1)
        rows = approval_rows(case, doc)
        w.table(rows, widths_cm=[3.2, 5.0, 3.0, 4.4], row_height_cm=1.1)


RENDER = {
    "cover": r_cover,
    "index": r_index,
    "archive_note": r_archive_note,
    "case_source": r_case_source,
    "filing": r_filing,
    "extension": r_extension,
    "identity": r_identity,
    "inspection": r_inspection,
    "inquiry": r_inquiry,
    "photo": r_photo,
    "test_report": r_test_report,
    "weigh": r_weigh,
    "preservation": r_preservation,
    "investigation": r_investigation,
    "legal_review": r_legal_review,
    "collective": r_collective,
    "notice": r_notice,
    "statement": r_statement,
    "hearing_notice": r_hearing_notice,
    "hearing_record": r_hearing_record,
    "decision": r_decision,
    "receipt": r_receipt,
    "payment": r_payment,
    "publicity": r_publicity,
    "av": r_av,
    "closure": r_closure,
}
