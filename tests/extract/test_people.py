"""Names written side by side and read as one run (OCR of two signatures, or of 张三李四 typed tight)."""

from __future__ import annotations

import pytest

from casereview.extract.people import known_names, split_glued, split_names


def test_known_names_trims_the_words_around_a_list():
    names = known_names("同意立案，由许文涛、柯敏承办。")
    assert {"许文涛", "柯敏"} <= names


@pytest.mark.parametrize(("run", "listed", "expected"), [
    ("许文涛柯敏", "由许文涛、柯敏承办", ["许文涛", "柯敏"]),
    ("陈少华邹明", "询问人：陈少华、邹明", ["陈少华", "邹明"]),
    ("欧阳明辉李强", "执法人员欧阳明辉、李强", ["欧阳明辉", "李强"]),
    ("张立军陈晓东2024", "执法人员：张立军、陈晓东", ["张立军", "陈晓东"]),  # a date follows on the line
    ("王五赵六孙七", "无名单", ["王五赵六孙七"]),  # does not split: one value, the field is filled
    ("张三", "张三、李四", []),  # a single name is split_names' job
    ("2024年5月", "张三、李四", []),
])
def test_split_glued(run, listed, expected):
    assert split_glued(run, known_names(listed)) == expected


def test_split_names_still_rejects_runs_longer_than_a_name():
    assert split_names("许文涛柯敏") == []


def test_label_patterns_are_the_same_in_every_process():
    """The compiled label patterns key the OCR cache: built from sets, they must not follow hash order."""
    import subprocess
    import sys

    code = "from casereview.extract import lexicon as x; print(x.SIGNATURE_LABEL.pattern + x.CERT_LABEL.pattern)"
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout for seed in ("1", "2", "3")}
    assert len(outs) == 1


@pytest.mark.parametrize(("text", "certs"), [
    ("朱敏（执法证号：豫卫执132657）", ["豫卫执132657"]),
    ("付明 陕HB21041", ["陕HB21041"]),
    ("向思远（执法证号：应急执字第0021号）", ["应急执字第0021号"]),
    ("周立新（鲁交执3708150）", ["鲁交执3708150"]),
    ("黎晓辉（执法证号：NYZF-3611-0093）", ["NYZF-3611-0093"]),
    ("彭霞正（61102610232）向思（61102610218）", ["61102610232", "61102610218"]),
    ("谢兴2024年2月8日", []),  # a date is no number
    ("柞综执罚决字〔2023〕第011号", []),  # nor a document's 文号
])
def test_certificate_numbers_in_their_many_forms(text, certs):
    from casereview.extract.lexicon import CERT

    assert [m.group() for m in CERT.finditer(text)] == certs


@pytest.mark.parametrize(("sentence", "officers"), [
    ("朱敏、谢兴向被检查人出示了执法证件", [("朱敏", None), ("谢兴", None)]),
    ("彭霞正、向思向被检查人出示", [("彭霞正", None), ("向思", None)]),  # 向 is a surname, then a verb
    ("彭霞正（执法证号：61102610232）、赵凤振（执法证号：61102610222），这是我们的执法证件",
     [("彭霞正", "61102610232"), ("赵凤振", "61102610222")]),
    ("殷志鹏、乔雪梅，执法证号分别为WH-3624-0117、WH-3624-0125", [("殷志鹏", None), ("乔雪梅", None)]),
    ("谷晓燕，执法证号为豫卫执141207，这是我的执法证件", [("谷晓燕", "豫卫执141207")]),
    ("回避的权利，你是否申请回避？", []),
    ("依法对当事人进行检查", []),
])
def test_names_listed_in_a_sentence(sentence, officers):
    from casereview.extract.people import _read_list

    assert _read_list(sentence) == officers
