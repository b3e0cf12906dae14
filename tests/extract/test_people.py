"""Officers named in a sentence (names in a run of text: tests/text/test_names.py)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("sentence", "officers"),
    [
        ("朱敏、谢兴向被检查人出示了执法证件", [("朱敏", None), ("谢兴", None)]),
        ("彭霞正、向思向被检查人出示", [("彭霞正", None), ("向思", None)]),  # 向 is a surname, then a verb
        (
            "彭霞正（执法证号：61102610232）、赵凤振（执法证号：61102610222），这是我们的执法证件",
            [("彭霞正", "61102610232"), ("赵凤振", "61102610222")],
        ),
        ("殷志鹏、乔雪梅，执法证号分别为WH-3624-0117、WH-3624-0125", [("殷志鹏", None), ("乔雪梅", None)]),
        ("谷晓燕，执法证号为豫卫执141207，这是我的执法证件", [("谷晓燕", "豫卫执141207")]),
        ("回避的权利，你是否申请回避？", []),
        ("依法对当事人进行检查", []),
    ],
)
def test_names_listed_in_a_sentence(sentence, officers):
    from casereview.extract.people import _read_list

    assert _read_list(sentence) == officers
