"""Which differences a misreading can explain (rules.base.misread_of) — the boundary between manual and fail."""

import pytest

from casereview.rules.base import misread_of


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        ("张军", "张立军"),  # a character dropped
        ("张立君", "张立军"),  # one substituted
        ("5000", "3000"),  # look-alike digits 5 / 3
        ("8000", "6000"),
        ("5000", "50000"),  # a digit dropped
        ("临交执罚〔2024", "临交执罚〔2024〕009号"),  # cut short by its cell
    ],
)
def test_a_misreading_could_explain(read, printed):
    assert misread_of(read, printed)


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        ("3", "6"),  # 三个月 / 六个月: not look-alikes
        ("400", "300"),
        ("2000", "7000"),
        ("张立", "李明"),
        ("", "张军"),
    ],
)
def test_a_real_difference(read, printed):
    assert not misread_of(read, printed)
