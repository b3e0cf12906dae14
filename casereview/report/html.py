"""``DIR/report.html``: the batch summary for a browser, in one self-contained file.

No network at all: CSS is inline, charts are inline SVG, there is no script
and no external reference (the only links are relative ones to the sheets in
``sheets/`` beside it). Tables carry ids and ``data-*`` attributes so tests can
read the figures back from the DOM a browser builds.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from urllib.parse import quote

from casereview.report import write_atomic
from casereview.report.safe import clean_line
from casereview.report.sheet import categories, num, period_label
from casereview.report.summary import BatchSummary, batch_summary, pct

CSS = """
body{font-family:"Noto Serif CJK SC","Source Han Serif SC","SimSun","宋体",serif;margin:24px auto;max-width:1200px;
color:#111;padding:0 16px;line-height:1.5}
h1{font-family:"Noto Sans CJK SC","SimHei","黑体",sans-serif;text-align:center;font-size:26px;margin:8px 0}
h2{font-family:"Noto Sans CJK SC","SimHei","黑体",sans-serif;font-size:18px;border-left:5px solid #8b0000;
padding-left:8px;margin-top:28px}
.meta{text-align:center;color:#555;font-size:14px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
.card{border:1px solid #bbb;border-radius:4px;padding:10px 16px;min-width:110px;text-align:center;background:#fafafa}
.card b{display:block;font-size:24px}
table{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0}
th,td{border:1px solid #444;padding:4px 6px;text-align:center;vertical-align:middle}
th{background:#e6e6e6}
td.l{text-align:left}
tr.total td{font-weight:bold;background:#f3f3f3}
.bad{color:#b00000;font-weight:bold}
.pending{color:#b36b00}
.charts{display:flex;flex-wrap:wrap;gap:24px}
.chart{border:1px solid #ddd;padding:8px;background:#fff}
.note{color:#666;font-size:12px}
@media print{body{margin:0;max-width:none}.chart{break-inside:avoid}}
"""
GRADE_COLOURS = {"优秀": "#2e7d32", "良好": "#1565c0", "合格": "#f9a825", "不合格": "#c62828"}


def _e(x) -> str:
    """Text for HTML content or a quoted attribute: cleaned (no control characters), then escaped."""
    return escape(clean_line(x), quote=True)


def _bar_chart(
    title: str, labels: list[str], values: list[int], colours: list[str], horizontal: bool, chart_id: str
) -> str:
    """A bar chart as inline SVG (no script, no fonts to fetch)."""
    top = max(values) if values and max(values) > 0 else 1
    if horizontal:
        row_h, label_w, bar_w = 26, 230, 300
        height = 40 + row_h * len(labels)
        width = label_w + bar_w + 60
        parts = [
            f'<text x="{width / 2}" y="20" text-anchor="middle" font-size="15" font-weight="bold">{_e(title)}</text>'
        ]
        for i, (label, v, colour) in enumerate(zip(labels, values, colours, strict=True)):
            y = 34 + i * row_h
            w = bar_w * v / top
            parts.append(
                f'<text x="{label_w - 6}" y="{y + 16}" text-anchor="end" font-size="12">{_e(label)}</text>'
            )
            parts.append(
                f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row_h - 8}" fill="{colour}">'
                f"<title>{_e(label)}：{v}</title></rect>"
            )
            parts.append(f'<text x="{label_w + w + 5:.1f}" y="{y + 16}" font-size="12">{v}</text>')
    else:
        col_w, plot_h = 80, 180
        width = 60 + col_w * max(1, len(labels))
        height = plot_h + 80
        parts = [
            f'<text x="{width / 2}" y="20" text-anchor="middle" font-size="15" font-weight="bold">{_e(title)}</text>',
            f'<line x1="40" y1="{plot_h + 40}" x2="{width - 10}" y2="{plot_h + 40}" stroke="#444"/>',
        ]
        for i, (label, v, colour) in enumerate(zip(labels, values, colours, strict=True)):
            h = plot_h * v / top
            x = 50 + i * col_w
            parts.append(
                f'<rect x="{x}" y="{plot_h + 40 - h:.1f}" width="{col_w - 24}" height="{h:.1f}" fill="{colour}">'
                f"<title>{_e(label)}：{v}</title></rect>"
            )
            parts.append(
                f'<text x="{x + (col_w - 24) / 2}" y="{plot_h + 35 - h:.1f}" text-anchor="middle" '
                f'font-size="13">{v}</text>'
            )
            parts.append(
                f'<text x="{x + (col_w - 24) / 2}" y="{plot_h + 60}" text-anchor="middle" '
                f'font-size="13">{_e(label)}</text>'
            )
    return (
        f'<svg id="{chart_id}" class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" aria-label="{_e(title)}">'
        + "".join(parts)
        + "</svg>"
    )


def render_html(summary: BatchSummary, sheet_links: dict[str, str] | None = None) -> str:
    """The report page; ``sheet_links`` maps each case's file stem (or its case id) to a relative link of its sheet."""
    links = sheet_links or {}
    total = summary.total
    period = period_label(summary.period)
    out = [
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>行政执法案卷评查结果汇总{(' ' + _e(period)) if period else ''}</title>",
        f"<style>{CSS}</style></head><body>",
        "<h1>行政执法案卷评查结果汇总</h1>",
        '<p class="meta">'
        + "　".join(
            x
            for x in (
                f"评查期间：{_e(period)}" if period else "",
                f"评查标准：{_e(summary.rubric_title)}（{_e(summary.rubric_id)} 第{_e(summary.rubric_version)}版）",
                f"生成时间：{_e(summary.generated_at)}" if summary.generated_at else "",
            )
            if x
        )
        + "</p>",
    ]

    cards = [
        ("评查案卷", total.files, "files"),
        ("已评分", total.graded, "graded"),
        ("平均分", num(total.mean) if total.mean is not None else "—", "mean"),
    ]
    cards += [(g, total.counts.get(g, 0), f"grade-{g}") for g in summary.grades]
    cards += [("待人工复核", total.pending, "pending")]
    out.append(
        '<div class="cards" id="overview">'
        + "".join(
            f'<div class="card" data-key="{_e(key)}"><b>{_e(v)}</b>{_e(label)}</div>'
            for label, v, key in cards
        )
        + "</div>"
    )

    # charts
    grades = summary.grades
    grade_chart = _bar_chart(
        "等次分布",
        grades,
        [total.counts.get(g, 0) for g in grades],
        [GRADE_COLOURS.get(g, "#777") for g in grades],
        False,
        "chart-grades",
    )
    top = summary.top_problems
    problem_chart = (
        _bar_chart(
            f"最常见问题（前 {len(top)} 项）",
            [f"{p.code} {p.title}" for p in top],
            [p.files for p in top],
            ["#c62828" if p.veto else "#8d6e63" for p in top],
            True,
            "chart-problems",
        )
        if top
        else '<p id="chart-problems">本批案卷未发现不符合项。</p>'
    )
    out.append('<h2>图表</h2><div class="charts">' + grade_chart + problem_chart + "</div>")

    # per-unit statistics
    out.append(
        '<h2>各单位评查结果统计</h2><table id="units"><thead><tr><th>被评查单位</th><th>评查案卷数</th>'
        "<th>已评分</th><th>平均分</th>"
        + "".join(f"<th>{_e(g)}数</th><th>{_e(g)}率</th>" for g in grades)
        + "<th>有否决项</th><th>待人工复核</th><th>无法评分</th></tr></thead><tbody>"
    )
    for u in [*summary.units, total]:
        cls = ' class="total"' if u is total else ""
        out.append(
            f'<tr{cls} data-unit="{_e(u.unit)}"><td class="l">{_e(u.unit)}</td><td>{u.files}</td>'
            f"<td>{u.graded}</td><td>{_e(num(u.mean)) if u.mean is not None else '—'}</td>"
            + "".join(f"<td>{u.counts.get(g, 0)}</td><td>{pct(u.rate(g))}</td>" for g in grades)
            + f"<td>{u.veto_files}</td><td>{u.pending}</td><td>{u.ungraded}</td></tr>"
        )
    out.append("</tbody></table>")

    # problems
    cats = categories()
    out.append(
        '<h2>问题统计</h2><table id="problems"><thead><tr><th>代码</th><th>类别</th><th>评查项目</th>'
        "<th>否决项</th><th>涉及案卷数</th><th>占已评分案卷比例</th><th>待人工核查卷数</th></tr></thead><tbody>"
    )
    for p in summary.problems:
        out.append(
            f'<tr data-code="{_e(p.code)}"><td>{_e(p.code)}</td><td>{_e(cats.get(p.category, p.category))}</td>'
            f'<td class="l">{_e(p.title)}</td><td>{"是" if p.veto else "否"}</td><td>{p.files}</td>'
            f"<td>{pct(p.share)}</td><td>{p.manual_files}</td></tr>"
        )
    if not summary.problems:
        out.append('<tr><td colspan="7">未发现不符合项或待人工核查项</td></tr>')
    out.append("</tbody></table>")

    # cases
    out.append(
        '<h2>案卷一览</h2><table id="cases"><thead><tr><th>序号</th><th>被评查单位</th><th>案卷编号</th>'
        "<th>案号</th><th>当事人</th><th>得分</th><th>等次</th><th>否决项</th><th>不符合项</th>"
        "<th>待人工核查项</th><th>评分表</th></tr></thead><tbody>"
    )
    for i, c in enumerate(summary.cases, start=1):
        grade_cls = ' class="bad"' if c.grade == grades[-1] else (' class="pending"' if c.pending else "")
        link = links.get(c.stem) or links.get(c.case_id)
        link_html = f'<a href="{_e(link)}">打开</a>' if link else ""
        out.append(
            f'<tr data-case="{_e(c.case_id)}"><td>{i}</td><td class="l">{_e(c.unit)}</td><td>{_e(c.case_id)}</td>'
            f'<td class="l">{_e(c.case_number)}</td><td class="l">{_e(c.party)}</td>'
            f"<td>{_e(num(c.score)) if c.score is not None else '无法评分'}</td>"
            f"<td{grade_cls}>{_e(c.grade or '—')}{'（待人工复核）' if c.pending else ''}</td>"
            f'<td class="bad">{_e("、".join(c.veto_codes))}</td><td class="l">{_e("、".join(c.failed_codes))}</td>'
            f'<td class="l">{_e("、".join(c.manual_codes))}</td><td>{link_html}</td></tr>'
        )
    out.append("</tbody></table>")
    out.append(
        '<p class="note">比例以已评分案卷为分母。等次后注“待人工复核”的案卷尚有待人工核查项，等次为暂定。'
        "本页由 casereview 生成，可离线打开。</p></body></html>"
    )
    return "\n".join(out) + "\n"


def write_html(results: dict, out_dir: Path) -> list[Path]:
    """``DIR/report.html``, linking each case to its sheet (PDF if present, else .xlsx)."""
    summary = batch_summary(results)
    links = {}
    for c in summary.cases:
        for suffix in (".pdf", ".docx", ".xlsx"):
            if (out_dir / "sheets" / f"{c.stem}{suffix}").exists():
                links[c.stem] = quote(f"sheets/{c.stem}{suffix}")
                break
    path = out_dir / "report.html"
    write_atomic(path, render_html(summary, links))
    return [path]
