"""The label vocabulary compiled from data/labels.json: stable patterns, certificate numbers."""

from __future__ import annotations

import subprocess
import sys

import pytest

from casereview.text.labels import CERT


def test_label_patterns_are_the_same_in_every_process():
    """The compiled label patterns key the OCR cache: built from sets, they must not follow hash order."""
    code = "from casereview.text import labels as x; print(x.SIGNATURE_LABEL.pattern + x.CERT_LABEL.pattern)"
    outs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outs) == 1


@pytest.mark.parametrize(
    ("text", "certs"),
    [
        ("朱敏（执法证号：豫卫执132657）", ["豫卫执132657"]),
        ("付明 陕HB21041", ["陕HB21041"]),
        ("向思远（执法证号：应急执字第0021号）", ["应急执字第0021号"]),
        ("周立新（鲁交执3708150）", ["鲁交执3708150"]),
        ("黎晓辉（执法证号：NYZF-3611-0093）", ["NYZF-3611-0093"]),
        ("彭霞正（61102610232）向思（61102610218）", ["61102610232", "61102610218"]),
        ("谢兴2024年2月8日", []),  # a date is no number
        ("柞综执罚决字〔2023〕第011号", []),  # nor a document's 文号
    ],
)
def test_certificate_numbers_in_their_many_forms(text, certs):
    assert [m.group() for m in CERT.finditer(text)] == certs
