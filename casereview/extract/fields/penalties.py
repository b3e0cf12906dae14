"""The penalty a notice proposes or a decision imposes: its types, the fine and the confiscated sum."""

from __future__ import annotations

import re

from casereview.extract.amounts import find_amounts
from casereview.extract.fields.common import Reader
from casereview.model import Penalty
from casereview.text.labels import is_label_cell


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
        above = (
            r.dt.lines[li - 1]
            if li > 0 and line.row is not None and r.dt.lines[li - 1].block is line.block
            else None
        )
        for col, cell in enumerate(line.cells):
            cell_off = line.cell_starts[col]
            if cell_off + len(cell) < start or cell_off > end:
                continue
            header = above.cells[col] if above is not None and col < len(above.cells) else ""
            for a in find_amounts(cell):
                if not (start <= cell_off + a.start < end + 1):
                    continue
                context = header + " " + cell[max(0, a.start - 16) : a.start]
                if re.search(r"合计|共计|总计|小计", header):
                    continue
                clause = re.split(r"[。；;]", cell[max(0, a.start - 80) : a.start])[-1]
                out.append((a, context, cell_off, cell[a.end : a.end + 8], clause))
    return out


# An amount that is a rate or a factor (每平方米20元, 11元/㎡, 697㎡×11元), a surcharge (每日按…加处罚款), a tax or
# a value of goods (少缴增值税38630.50元, 货值金额) is not a fine; a total (合计, 共计, 罚款金额为) is the whole fine.
_RATE_BEFORE = re.compile(r"每[^，。；;、\d]{0,6}$|[×xX*＊]\s*$")
_RATE_AFTER = re.compile(
    r"\s*(?:[/／每×xX*＊]|以下|以上|的?百分之|的?\d+(?:\.\d+)?\s*[%％倍]|[一二两三四五六七八九十]倍)"
)
_NOT_FINE = re.compile(
    r"(?:加处罚款|滞纳金|每日|货值|货物价值|价值|销售额|销售收入|营业额|经营额|经营总额|营业收入|违法经营额|少缴|"
    r"税款|偷税|造价|工程款|标的|申报总价|成交价格|退税|保证金|押金|曾)(?:(?!罚款)[^，。；;]){0,10}$"
)
_TOTAL = re.compile(
    r"(?:合计|共计|总计|计金额|计罚款|罚款金额为|罚款数额为|罚款总额|罚没款共计)[^，。；;\d]{0,10}$"
)
_IMPOSED = re.compile(
    r"(?:处以|并处|处)(?:人民币)?[\d一二三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟〇零.,，]+(?:万)?元"
)


def _fine_and_confiscation(items) -> tuple:
    """The fine (a stated total, else the sum of the fines each clause imposes) and the confiscated gains, from
    the amounts of a penalty section: ``items`` are (amount, context before, offset, text after)."""
    fines, totals, confiscation = [], [], None
    seen: list = []
    for a, context, off, after, clause in items:
        if _RATE_BEFORE.search(context) or _RATE_AFTER.match(after) or _NOT_FINE.search(context):
            continue
        if any(
            b.form != a.form
            and (
                b.yuan == a.yuan
                and abs(b.start + boff - a.start - off) < 24
                or 0 <= a.start + off - (b.end + boff) <= 3
            )
            for b, boff in seen
        ):
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
        elif fine_at > conf_at and not any(
            b.yuan == a.yuan and abs(b.start + boff - a.start - off) < 60 for b, boff in fines
        ):
            fines.append((a, off))  # (a sum restated in its computation, 5880元*2倍=11760元, is one fine)
    if totals:
        return totals[-1], confiscation, False
    if len(fines) > 1:
        return fines[0], confiscation, sum(a.yuan for a, _ in fines)
    return (fines[0] if fines else None), confiscation, False


def _section_end(r: Reader, start: int) -> int:
    end_m = _SECTION_END.search(r.text, start + 2)
    return end_m.start() if end_m else min(len(r.text), start + 400)


_SECTION_END = re.compile(
    r"复议|诉讼|陈述|申辩|听证|逾期不(?:缴|交|履行|申请|提起)|到期不缴纳|如不服|限你|请于|当事人应当|告知"
)


def penalty_section(r: Reader, proposed: bool) -> Penalty:  # noqa: C901 - extraction/rule logic kept as is until it can be split with its cases
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
            if h.id == "罚款" and re.search(r"加处罚款", r.text[max(0, h.start - 2) : h.end]):
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
            if (
                (confiscation is None or a.yuan != confiscation.value)
                and not _RATE_AFTER.match(after)
                and not _RATE_BEFORE.search(context)
                and not _NOT_FINE.search(context)
            ):
                fine = r.value(a.yuan, off + a.start, off + a.end)
                break
    if fine is not None and "罚款" not in types:
        types.append("罚款")  # 处以41250元: a sum imposed is a fine even where the word is not written
    return Penalty(r.value(types, start, end) if types else None, fine, confiscation, proposed=proposed)
