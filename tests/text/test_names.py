"""Names written side by side and read as one run (OCR of two signatures, or of 张三李四 typed tight)."""

from __future__ import annotations

import pytest

from casereview.text.names import known_names, split_glued, split_names


def test_known_names_trims_the_words_around_a_list():
    names = known_names("同意立案，由许文涛、柯敏承办。")
    assert {"许文涛", "柯敏"} <= names


@pytest.mark.parametrize(
    ("run", "listed", "expected"),
    [
        ("许文涛柯敏", "由许文涛、柯敏承办", ["许文涛", "柯敏"]),
        ("陈少华邹明", "询问人：陈少华、邹明", ["陈少华", "邹明"]),
        ("欧阳明辉李强", "执法人员欧阳明辉、李强", ["欧阳明辉", "李强"]),
        ("张立军陈晓东2024", "执法人员：张立军、陈晓东", ["张立军", "陈晓东"]),  # a date follows on the line
        ("王五赵六孙七", "无名单", ["王五赵六孙七"]),  # does not split: one value, the field is filled
        ("张三", "张三、李四", []),  # a single name is split_names' job
        ("2024年5月", "张三、李四", []),
    ],
)
def test_split_glued(run, listed, expected):
    assert split_glued(run, known_names(listed)) == expected


def test_split_names_still_rejects_runs_longer_than_a_name():
    assert split_names("许文涛柯敏") == []
