"""Tests for casereview.text.normalize."""

from __future__ import annotations

import pytest

from casereview.text.normalize import canonical_brackets, compact, normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # full-width digits, letters and symbols become ASCII
        ("２０２４年３月５日", "2024年3月5日"),
        ("ＡＢＣ　ｘｙｚ", "ABC xyz"),
        ("３％", "3%"),
        ("１．５万元", "1.5万元"),
        ("５＋３－１＝７／１", "5+3-1=7/1"),
        ("［2024］", "[2024]"),
        ("￥５０，０００．００", "¥50，000.00"),
        # Chinese punctuation stays full width
        ("当事人：张三，男；是否？是！（一）", "当事人：张三，男；是否？是！（一）"),
        ("、。“引”‘号’《法》〔2024〕【注】", "、。“引”‘号’《法》〔2024〕【注】"),
        # spaces inserted by PDF/Word extraction
        ("于 2024 年 3 月 5 日", "于2024年3月5日"),
        ("决 定 书", "决定书"),
        ("行 政 处 罚 决 定 书", "行政处罚决定书"),
        ("决　定　书", "决定书"),  # ideographic spaces
        ("当事人 ： 张三", "当事人：张三"),
        ("罚款 5000 元", "罚款5000元"),
        ("ISO 9001 标准", "ISO 9001标准"),
        ("Microsoft Word  document", "Microsoft Word document"),
        ("a\u00a0\u00a0b", "a b"),
        ("a\tb", "a b"),
        # invisible characters and line endings
        ("决\u200b定\u200c书\u200d\ufeff", "决定书"),
        ("第一行\r\n第二行\r第三行", "第一行\n第二行\n第三行"),
        ("　　根据规定，\n  予以处罚。  ", "根据规定，\n予以处罚。"),
        ("", ""),
        ("plain ascii", "plain ascii"),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    "raw",
    ["于 2024 年 3 月 5 日", "决 定 书\r\n", "ＡＢＣ　ｘｙｚ 　 字", "　　根据（ 一 ）项"],
)
def test_normalize_is_idempotent(raw: str) -> None:
    once = normalize(raw)
    assert normalize(once) == once


def test_normalize_keeps_newlines() -> None:
    assert normalize("甲\n\n乙").split("\n") == ["甲", "", "乙"]


@pytest.mark.parametrize(
    "case_number",
    [
        "青市监罚[2024]17号",
        "青市监罚〔2024〕17号",
        "青市监罚（2024）17号",
        "青市监罚(2024)17号",
        "青市监罚【2024】17号",
        "青市监罚［2024］17号",
        "青市监罚﹝2024﹞17号",
        "青市监罚〔２０２４〕17号",
        "青市监罚[ 2024 ]17号",
        "青市监罚[2024〕17号",
    ],
)
def test_canonical_brackets(case_number: str) -> None:
    assert canonical_brackets(case_number) == "青市监罚〔2024〕17号"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（一）项", "（一）项"),  # not a year: unchanged
        ("[12345]", "[12345]"),
        ("某公司（2024）", "某公司〔2024〕"),
    ],
)
def test_canonical_brackets_only_years(text: str, expected: str) -> None:
    assert canonical_brackets(text) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("某某 有限公司", "某某有限公司"),
        ("某某\u3000有限\n公司", "某某有限公司"),
        ("某某（北京）有限公司", "某某(北京)有限公司"),
        ("９１３７０２００ＭＡ３Ｃ", "91370200MA3C"),
        ("张\u200b三", "张三"),
    ],
)
def test_compact_equal(a: str, b: str) -> None:
    assert compact(a) == compact(b)


def test_compact_distinguishes_different_names() -> None:
    assert compact("某某有限公司") != compact("某某有限责任公司")
