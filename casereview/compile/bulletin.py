"""``bulletin.docx``: a draft 评查情况通报 (standards.md §1.3).

一、评查范围和方法 (the rubrics used, their grades and bands); 二、评查结果 (a
table per department, one column per grade of the rubrics); 三、存在的主要问题
(by the requirements' categories; in each, every veto item found, then the
most frequent others up to five in all); 四、优秀案卷和不合格案卷 (named);
五、整改要求. A4, 仿宋 body, 黑体 headings,
page numbers, built with the scoring sheet's building blocks (``report/docxkit.py``).
It is a draft for the bureau to edit: the wording is generic, the figures exact.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from casereview.compile.coverage import Coverage
from casereview.compile.rubrics import FAIL_GRADE, ZH_COUNT
from casereview.compile.stats import Compilation, DepartmentStats, pct
from casereview.report import write_atomic
from casereview.report.docxkit import (
    FANG,
    HEI,
    SONG,
    add_paragraph,
    add_table,
    cell,
    page_number_footer,
    set_fonts,
    tbl,
    tr,
)
from casereview.report.sheet import VETO_MODE_NOTE, num, period_label

BODY_SIZE = 14
TOP_PROBLEMS = 5  # per category, veto items aside: every veto item found is listed
# The results table fills the 15.6 cm text width (A4 less 2.8 + 2.6 cm margins); the unit takes what the
# grade columns leave.
TEXT_WIDTH = 15.6
PASS_RATE_HEAD = "合格率（合格及以上）"
NAMED_COLS = [("序号", 1.0), ("单位", 3.6), ("案号", 4.2), ("当事人", 3.4), ("得分", 1.2), ("否决项", 2.2)]
RECTIFY_DAYS = 30
ZH_NUM = "一二三四五六七八九十"


_SHORT_GRADE = 2  # a grade name up to this long (合格) takes the narrow column


def zh_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 11 -> 十一, 21 -> 二十一 (1–99)."""
    tens, ones = divmod(n, 10)
    if not tens:
        return ZH_NUM[n - 1]
    return ("" if tens == 1 else ZH_NUM[tens - 1]) + "十" + (ZH_NUM[ones - 1] if ones else "")


def _setup(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    for lang in doc.styles.element.iter(qn("w:lang")):
        lang.set(qn("w:eastAsia"), "zh-CN")
    normal = doc.styles["Normal"]
    set_fonts(normal.element, FANG)
    normal.font.size = Pt(BODY_SIZE)
    page_number_footer(section)


def _heading(doc, text: str) -> None:
    add_paragraph(doc, text, HEI, BODY_SIZE + 1, before=8, after=4, keep_with_next=True)


def _body(doc, text: str) -> None:
    par = add_paragraph(doc, text, FANG, BODY_SIZE, after=2)
    par.paragraph_format.first_line_indent = Pt(BODY_SIZE * 2)
    par.paragraph_format.line_spacing = 1.35


def _rubric_text(comp: Compilation) -> str:
    """评查依据…，…评查结果分为优秀（90 分及以上）、合格（60 分及以上）、不合格（60 分以下）三个等次；否决项…。"""
    method = "采取随机抽取、交叉评查、一卷一表、逐项量化评分的方式进行"
    if len(comp.rubrics) != 1:  # the notes say which rubrics, with their grades
        return f"评查{method}。"
    use = comp.rubrics[0]
    veto = VETO_MODE_NOTE.get(use.veto_mode, "")
    return (
        f"评查依据{use.label}，{method}，评查结果分为{use.bands()}"
        f"{ZH_COUNT.get(len(use.grades), len(use.grades))}个等次" + (f"；{veto}" if veto else "") + "。"
    )


def _scope(doc, comp: Compilation, cov: Coverage) -> None:
    _heading(doc, "一、评查范围和方法")
    _body(
        doc,
        f"本次评查范围为{period_label(str(comp.period))}各行政执法单位已办结的行政处罚案卷，共涉及 "
        f"{len(comp.departments)} 个单位、{comp.total.files} 卷。" + _rubric_text(comp),
    )
    if comp.notes:
        _body(doc, "".join(comp.notes))
    _body(
        doc,
        f"本年度县级案卷评查已开展 {cov.county_total} 次（上半年 {len(cov.county[1])} 次，下半年 "
        f"{len(cov.county[2])} 次），按要求每年至少开展 2 次；各单位每季度至少开展 1 次本单位案卷自查。",
    )


def _result_cols(grades: list[str]) -> list[tuple[str, float]]:
    fixed = [("排名", 1.1), ("案卷数", 1.2), ("平均分", 1.4)]
    tail = [(PASS_RATE_HEAD, 1.9), ("较上期", 1.6)]
    cols = [(g, 1.3 if len(g) > _SHORT_GRADE else 1.1) for g in grades]
    unit = round(TEXT_WIDTH - sum(w for _, w in fixed + cols + tail), 2)
    return fixed[:1] + [("单位", unit)] + fixed[1:] + cols + tail


def _result_row(d: DepartmentStats, grades: list[str]) -> str:
    delta = d.mean_delta
    cells = (
        [str(d.rank) if d.rank else "", d.department, str(d.files), num(d.mean)]
        + [str(d.grades[g]) for g in grades]
        + [pct(d.pass_rate), "" if delta is None else (f"{delta:+g}" if delta else "持平")]
    )
    return tr(
        [
            cell(w, text, 9.5, align="left" if i == 1 else "center", east=FANG)
            for i, ((_, w), text) in enumerate(zip(_result_cols(grades), cells, strict=True))
        ]
    )


def _results(doc, comp: Compilation) -> None:
    _heading(doc, "二、评查结果")
    t = comp.total
    counts = []
    for g in comp.grades:
        share = f"（{pct(t.rate(g))}）" if g in (comp.grades[0], FAIL_GRADE) else ""
        counts.append(f"{g} {t.grades[g]} 卷{share}")
    text = (
        f"共评查案卷 {t.files} 卷，平均 {num(t.mean)} 分；其中{'，'.join(counts)}，"
        f"合格率（合格及以上等次的案卷占比）{pct(t.pass_rate)}。"
    )
    if t.previous is not None:
        text += (
            f"与上期（{period_label(str(comp.previous_period))}）相比，平均分由 {num(t.previous.mean)} 分变为 "
            f"{num(t.mean)} 分，合格率由 {pct(t.previous.pass_rate)} 变为 {pct(t.pass_rate)}。"
        )
    _body(doc, text + "各单位评查结果如下表：")
    cols = _result_cols(comp.grades)
    head = tr([cell(w, name, 9.5, bold=True, east=HEI, fill="E7ECF3") for name, w in cols], header=True)
    rows = [head] + [_result_row(d, comp.grades) for d in comp.departments]
    total = DepartmentStats("合计", t.files, t.scored, t.mean, t.grades, 0, t.previous)
    rows.append(_result_row(total, comp.grades))
    add_table(doc, tbl([w for _, w in cols], rows))


def shown_problems(comp: Compilation, group: str) -> tuple[list, list]:
    """The problems the bulletin lists for ``group`` (every veto item, then the most frequent up to five) and the rest."""
    found = [p for p in comp.problems if p.group == group]
    vetoes = [p for p in found if p.veto]
    others = [p for p in found if not p.veto]
    room = max(TOP_PROBLEMS - len(vetoes), 0)
    return vetoes + others[:room], others[room:]


def _problems(doc, comp: Compilation) -> None:
    _heading(doc, "三、存在的主要问题")
    if not comp.problems:
        _body(doc, "本次评查未发现不符合评查标准的问题。")
        return
    vetoes = [p for p in comp.problems if p.veto]
    if vetoes:
        _body(
            doc,
            f"本次评查发现否决项问题 {len(vetoes)} 项（{'、'.join(p.code for p in vetoes)}），"
            "列于各类问题之首。",
        )
    for n, group in enumerate(comp.groups):
        add_paragraph(doc, f"（{zh_number(n + 1)}）{group}方面", HEI, BODY_SIZE, keep_with_next=True)
        shown, rest = shown_problems(comp, group)
        for k, p in enumerate(shown, start=1):
            code = f"{p.code}，否决项" if p.veto else p.code
            _body(doc, f"{k}. {p.title}（{code}），涉及 {p.files} 卷，占评查案卷的 {pct(p.share)}。")
        if rest:
            _body(
                doc, f"另有 {'、'.join(p.code for p in rest)} 共 {len(rest)} 项问题，详见汇总表《问题统计》。"
            )


def _named_table(cases: list[dict]) -> str:
    head = tr([cell(w, name, 9.5, bold=True, east=HEI, fill="E7ECF3") for name, w in NAMED_COLS], header=True)
    rows = [head]
    for k, c in enumerate(cases, start=1):
        texts = [
            str(k),
            c["department"],
            c["case_number"] or c["case_id"],
            c["party"] or "—",
            num(c["score"]),
            "、".join(c["veto_codes"]) or "—",
        ]
        rows.append(
            tr(
                [
                    cell(w, t, 9.5, align="left" if i in (1, 2, 3) else "center", east=FANG)
                    for i, ((_, w), t) in enumerate(zip(NAMED_COLS, texts, strict=True))
                ]
            )
        )
    return tbl([w for _, w in NAMED_COLS], rows)


def _named(doc, comp: Compilation) -> None:
    best = comp.grades[0] if comp.grades and comp.grades[0] != FAIL_GRADE else "优秀"
    _heading(doc, f"四、{best}案卷和{FAIL_GRADE}案卷")
    for title, grade in ((f"（一）{best}案卷", best), (f"（二）{FAIL_GRADE}案卷", FAIL_GRADE)):
        add_paragraph(doc, title, HEI, BODY_SIZE, keep_with_next=True)
        cases = sorted(comp.named(grade), key=lambda c: (c["department"], -(c["score"] or 0), c["case_id"]))
        if not cases:
            _body(doc, "无。")
            continue
        _body(doc, f"共 {len(cases)} 卷：")
        add_table(doc, _named_table(cases))


def _rectify(doc, comp: Compilation, cov: Coverage) -> None:
    _heading(doc, "五、整改要求")
    failing = [d.department for d in comp.departments if d.grades[FAIL_GRADE]]
    _body(
        doc,
        f"各单位要对照本通报和《整改台账》（compile.xlsx），逐卷逐项制定整改措施，明确责任人和整改期限，"
        f"于通报印发之日起 {RECTIFY_DAYS} 日内将整改情况书面报送县司法局。",
    )
    if failing:
        _body(
            doc,
            f"有不合格案卷的单位（{'、'.join(failing)}）要深入分析原因，对不合格案卷逐一整改，"
            "并追究相关承办人员责任。",
        )
    missing = [r.department for r in cov.rows if r.missing]
    if missing:
        _body(
            doc,
            f"以下单位本年度尚有季度未开展案卷自查：{'、'.join(missing)}，要按每季度至少 1 次的要求补充开展。",
        )
    _body(doc, "县司法局将适时开展整改情况“回头看”，评查结果纳入年度法治政府建设考核。")


def render_bulletin(comp: Compilation, cov: Coverage) -> bytes:
    doc = Document()
    _setup(doc)
    add_paragraph(
        doc,
        f"关于{period_label(str(comp.period))}行政执法案卷评查情况的通报",
        HEI,
        18,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        after=6,
    )
    add_paragraph(doc, "（征求意见稿）", SONG, 12, align=WD_ALIGN_PARAGRAPH.CENTER, after=12)
    _scope(doc, comp, cov)
    _results(doc, comp)
    _problems(doc, comp)
    _named(doc, comp)
    _rectify(doc, comp, cov)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def write_bulletin(comp: Compilation, cov: Coverage, out_dir: Path) -> Path:
    path = Path(out_dir) / "bulletin.docx"
    write_atomic(path, render_bulletin(comp, cov))
    return path
