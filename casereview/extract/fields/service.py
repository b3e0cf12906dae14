"""送达回证 (service_receipt): what was served, to whom, when, how, and lien service with its witness."""

from __future__ import annotations

import re

from casereview.extract.fields.common import Reader, find_recording, service_date
from casereview.extract.nlp import PhraseHit
from casereview.model import DocType, Served, Service, Value
from casereview.text.doctypes import match_title
from casereview.text.labels import SIGNATURE_LABEL
from casereview.text.names import split_names


def read_service(r: Reader) -> None:
    """service_receipt: what was served, to whom, when, how, signed or lien service with witness (a ``Service``)."""
    served: list[Value[Served]] = []
    for text, off in r.labelled_text(
        re.compile(r"(?:送达)?(?:文书|文件)(?:名称)?(?:及|和)?(?:文号)?[:：]?|送达(?:的)?(?:文书|材料)[:：]?")
    ):
        for piece in re.split(r"[、，,；;|]|\s", text):
            # A title in 书名号 is whole even with brackets inside: 《行政处罚事先（听证）告知书》.
            titled = re.search(r"《([^《》]+)》", piece)
            piece = titled.group(1) if titled else re.sub(r"[〔\[【（(].*$", "", piece).strip("《》〈〉<> ")
            mt = match_title(piece)
            if mt:
                served.append(r.value(Served(mt[1], mt[0]), off))
    if not served:
        for line in r.dt.lines:
            for cell in line.cells:
                titled = re.search(r"《([^《》]+)》", cell)
                mt = match_title(
                    titled.group(1)
                    if titled
                    else re.sub(r"[〔\[【（(][^〕\]】）)]*[〕\]】）)]\s*\S*号?$", "", cell).strip(
                        "《》〈〉<> "
                    )
                )
                if mt and mt[0] not in (DocType.SERVICE_RECEIPT,):
                    served.append(r.line_value(Served(mt[1], mt[0]), line))
    svc = Service(served=served)
    r.fields[Service.KEY] = svc
    rec = r.labelled_text(re.compile(r"(?:受送达人|送达对象|收件人)(?:名称|姓名)?[:：]?(?![（(]?签)"))
    for text, off in rec:
        # A bracket inside the name stays (某某（北京）商贸有限公司); a trailing remark goes (（法定代表人…）).
        name = re.sub(r"[（(][^（）()]*[）)]?$", "", re.split(r"[，。,；;|]|\s", text)[0]).strip()
        if name and not SIGNATURE_LABEL.match(text):
            svc.recipient = r.value(name, off, off + len(name))
            break
    manners = r.hits("SERVICE")
    chosen = _checked_manner(r, manners)
    svc.manner = chosen
    lien = [h for h in r.hits("LIEN") if not r.negated(h)]
    svc.lien = (
        r.value(True, lien[0].start, lien[0].end) if lien and chosen and chosen.value == "留置送达" else None
    )
    witness = r.labelled_text(re.compile(r"见证人(?:姓名|签名|签字)?[:：]?"))
    wn = [n for t, _ in witness for n in split_names(re.split(r"日期|时间|\d", t)[0])]
    svc.witness = r.value(wn[0], witness[0][1]) if wn else None
    svc.date = service_date(r)
    svc.recording = find_recording(r)
    # A note that the document was left with the recipient (已留置送达), whatever box is ticked:
    # not an unticked option (□留置送达), not a form's instruction (拒收的，可以留置送达).
    notes = [
        h
        for h in r.hits("LIEN")
        if not r.negated(h)
        and not re.search(r"[□☐]\s*$", r.text[max(0, h.start - 2) : h.start])
        and not re.match(r"(?:送达)?的", r.text[h.end : h.end + 3])
        and not re.search(r"可以|可|应当|应", r.text[max(0, h.start - 4) : h.start])
    ]
    svc.lien_note = r.value(True, notes[0].start, notes[0].end) if notes else None
    for ref in r.fields.get("number_refs", []):  # the 文号 written with each served title (C02, T02)
        item = next(
            (x for x in served if x.value.type == ref.value["refers_to"] and x.value.number is None), None
        )
        if item is not None:
            item.value.number = ref.value["number"]


def _checked_manner(r: Reader, manners: list[PhraseHit]) -> Value | None:
    """The service manner used: the one marked (☑, √, ■) or the only one named."""
    if not manners:
        return None
    marked = [h for h in manners if re.search(r"[☑√✓✔■▇●]\s*$", r.text[max(0, h.start - 2) : h.start])]
    if marked:
        h = marked[0]
    else:
        unmarked_list = re.search(r"[□☐]", r.text)
        distinct = {h.id for h in manners}
        if len(distinct) > 1 and unmarked_list:
            return None  # a tick-box list with nothing ticked: cannot tell
        h = manners[0]
    return r.value(h.id, h.start, h.end)
