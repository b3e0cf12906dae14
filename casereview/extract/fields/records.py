"""笔录 (inspection_record, inquiry_record): officers, certificates shown, confirmation, refusal, recording,
witness, recorder, time."""

from __future__ import annotations

import re

from casereview.extract.fields.common import Reader, date_or_time, find_recording
from casereview.extract.people import officers
from casereview.model import Value
from casereview.text.names import split_names


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
    f["recording"] = find_recording(r)
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


def _time_range(r: Reader) -> Value | None:
    for d in r.dates:
        if d.time is not None:
            return r.value(date_or_time(d), d.start, d.end)
    return None
