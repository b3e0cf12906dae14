"""check and score from the command line: exit codes, output, determinism, inputs untouched."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from casereview.cli import main
from casereview.rules.registry import all_rules

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "files"

DECISION_ONLY = """青山县市场监督管理局
行政处罚决定书
青市监处罚〔2024〕17号
当事人：青山县某某商贸有限公司
本局决定如下：罚款人民币伍仟元整。
青山县市场监督管理局
2024年4月10日
"""


def schema(name: str):
    store = {}
    for p in (ROOT / "schemas").glob("*.json"):
        s = json.loads(p.read_text("utf-8"))
        store[s["$id"]] = s
        store[p.name] = s
    from referencing import Registry, Resource

    registry = Registry().with_resources((k, Resource.from_contents(v)) for k, v in store.items())
    return jsonschema.Draft202012Validator(store[name], registry=registry)


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def decision_only(tmp_path):
    case = tmp_path / "2024-017"
    case.mkdir()
    (case / "决定书.txt").write_text(DECISION_ONLY, encoding="utf-8")
    return case


def test_check_veto_fails_with_exit_1(decision_only):
    res = run("check", decision_only)
    assert res.exit_code == 1
    assert any(line.startswith("N01 否决") and "决定书.txt" in line for line in res.output.splitlines())
    assert "不合格" in res.output.splitlines()[-1]


def test_check_json_is_a_valid_results_file(decision_only):
    res = run("check", decision_only, "--format", "json", "--period", "2024Q3")
    data = json.loads(res.output)
    schema("result.schema.json").validate(data)
    assert data["period"] == "2024Q3" and len(data["cases"]) == 1
    codes = [c["code"] for c in data["cases"][0]["checks"]]
    assert sorted(codes) == sorted(r.code for r in all_rules())  # every rule once


@pytest.mark.parametrize("make", ["empty_dir", "zero_byte_pdf", "encrypted_pdf"])
def test_check_unreadable_input_exits_2(tmp_path, make):
    if make == "empty_dir":
        target = tmp_path / "empty"
        target.mkdir()
    elif make == "zero_byte_pdf":
        target = tmp_path / "case.pdf"
        target.write_bytes(b"")
    else:
        target = tmp_path / "case.pdf"
        shutil.copy(FIXTURES / "pdf_encrypted.pdf", target)
    assert run("check", target).exit_code == 2


def test_check_usage_errors_exit_2(decision_only, tmp_path):
    assert run("check", decision_only, "--rubric", "no-such-rubric").exit_code == 2
    roster = tmp_path / "roster.csv"
    roster.write_text("name,cert_no\n张伟,16010012345\n李明\n", encoding="utf-8")
    res = run("check", decision_only, "--roster", roster)
    assert res.exit_code == 2 and "第 3 行" in res.output
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "id: bad\nversion: 1\nextends: penalty-general\nitems:\n  Z99: {points: 1}\n", encoding="utf-8"
    )
    res = run("check", decision_only, "--rubric", bad)
    assert res.exit_code == 2 and "Z99" in res.output


def _hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_score_batch_with_junk_and_bad_cases(tmp_path, decision_only):
    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copytree(decision_only, batch / "2024-017")
    shutil.copy(FIXTURES / "pdf_text_2pages.pdf", batch / "bound-case.pdf")
    shutil.copy(FIXTURES / "pdf_truncated.pdf", batch / "broken.pdf")
    (batch / "README.txt").write_text("说明", encoding="utf-8")
    (batch / "统计表.xlsx").write_bytes(b"PK\x03\x04junk")
    before = _hashes(batch)
    out = tmp_path / "out"
    res = run("score", batch, "--out", out, "--jobs", "1", "--period", "2024H2")
    assert _hashes(batch) == before, "inputs must never be modified, nothing written inside them"
    data = json.loads((out / "results.json").read_text("utf-8"))
    schema("result.schema.json").validate(data)
    ids = [c["case_id"] for c in data["cases"]]
    assert ids == ["2024-017", "bound-case", "broken"]
    assert {Path(s["path"]).name for s in data["skipped"]} == {"README.txt", "统计表.xlsx"}
    broken = data["cases"][2]
    assert broken["score"] is None and broken["errors"] and broken["errors"][0]["code"] == "unreadable"
    assert res.exit_code == 1  # one case could not be processed at all; it is still listed
    assert (out / "summaries" / "2024-017.txt").read_text("utf-8").startswith("案卷：2024-017")


def test_score_is_deterministic_and_parallel_equals_serial(tmp_path, decision_only):
    batch = tmp_path / "batch"
    batch.mkdir()
    for i in range(3):
        shutil.copytree(decision_only, batch / f"case-{i}")
    shutil.copy(FIXTURES / "pdf_text_2pages.pdf", batch / "bound.pdf")
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}"
        assert run("score", batch, "--out", out, "--jobs", jobs).exit_code == 0
        data = json.loads((out / "results.json").read_text("utf-8"))
        data.pop("generated_at")
        outs.append(json.dumps(data, ensure_ascii=False, sort_keys=True).replace(str(out), ""))
    assert outs[0] == outs[1]


def test_score_refuses_output_inside_input(tmp_path, decision_only):
    res = run("score", decision_only.parent, "--out", decision_only.parent / "out")
    assert res.exit_code == 2


def test_rules_command_lists_and_explains():
    res = run("rules")
    assert res.exit_code == 0 and len(res.output.strip().splitlines()) == len(all_rules())
    res = run("rules", "T03")
    assert res.exit_code == 0 and "检查内容" in res.output and "否决" in res.output
    assert run("rules", "Z99").exit_code == 2


def test_ocr_can_be_switched_off(tmp_path):
    case = tmp_path / "scan.png"
    shutil.copy(FIXTURES / "image_scan.png", case)
    assert run("check", case, "--ocr", "off").exit_code == 2  # nothing readable without OCR
    res = run("check", case)  # the default engine reads the scanned decision
    assert res.exit_code == 1 and "N01 否决" in res.output
