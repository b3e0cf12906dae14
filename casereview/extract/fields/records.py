"""笔录 (inspection_record, inquiry_record): officers, certificates shown, confirmation, refusal, recording,
witness, recorder, time."""

from __future__ import annotations

import re

from casereview.extract.fields.common import Reader, date_or_time, find_recording
from casereview.extract.people import officers
from casereview.model import Officer, Record, Value
from casereview.text.names import split_names


def read_record(r: Reader) -> None:
    """inspection_record / inquiry_record: officers, certificates shown, confirmation, refusal, recording, witness,
    recorder, the time it started (a ``Record``)."""
    rec = Record(officers=[r.line_value(Officer(o.name, o.cert_no, o.roles), o.line) for o in officers(r.dt)])
    r.fields[Record.KEY] = rec
    shown = [h for h in r.hits("CERT_SHOWN") if not r.negated(h)]
    rec.certificates_shown = r.value(True, shown[0].start, shown[0].end) if shown else None
    conf = r.hits("CONFIRM")
    rec.confirmation = r.value(True, conf[0].start, conf[0].end) if conf else None
    # 当事人拒绝签名的，由… is a form's instruction, not a note that the party refused.
    refused = [h for h in r.hits("REFUSE") if not r.text.startswith("的", h.end)]
    rec.party_refused = r.value(True, refused[0].start, refused[0].end) if refused else None
    rec.recording = find_recording(r)
    witness = r.labelled_text(re.compile(r"见证人(?:姓名)?[:：]"))
    names = [n for t, _ in witness for n in split_names(t)]
    if names:
        rec.witness = r.value(names[0], witness[0][1])
    recorder = r.labelled_text(re.compile(r"记录人(?:员)?[:：]"))
    rec_names = [n for t, _ in recorder for n in split_names(t[:12])]
    if rec_names:
        rec.recorder = r.value(rec_names[0], recorder[0][1])
    rec.start = _time_range(r)


def _time_range(r: Reader) -> Value | None:
    for d in r.dates:
        if d.time is not None:
            return r.value(date_or_time(d), d.start, d.end)
    return None
