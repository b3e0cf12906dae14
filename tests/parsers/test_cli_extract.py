"""`casereview extract`: JSON valid against the schema, atomic --out, --out refused inside an input folder."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from casereview.cli import main

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "schemas" / "case.schema.json"


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _schema_errors(validator, data):
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(data)]


@pytest.mark.parametrize(
    ("name", "case_id"),
    [
        ("case_folder", "case_folder"),
        ("pdf_text_2pages.pdf", "pdf_text_2pages"),
        ("pdf_mixed_scan.pdf", "pdf_mixed_scan"),
        ("archive.zip", "archive"),
        ("pdf_encrypted.pdf", "pdf_encrypted"),
    ],
)
def test_cli_extract_prints_schema_valid_json(validator, fixtures_dir, name, case_id):
    result = CliRunner().invoke(main, ["extract", str(fixtures_dir / name)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert _schema_errors(validator, data) == []
    assert data["case_id"] == case_id


def test_cli_extract_out_dir_writes_case_id_json_atomically(validator, fixtures_dir, tmp_path, monkeypatch):
    out = tmp_path / "out"
    replaced: list[tuple[Path, Path]] = []
    real_replace = os.replace

    def spy(src, dst, *args, **kwargs):
        replaced.append((Path(src), Path(dst)))
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", spy)
    result = CliRunner().invoke(main, ["extract", "--out", str(out), str(fixtures_dir / "case_folder")])
    assert result.exit_code == 0, result.output
    target = out / "case_folder.json"
    assert sorted(p.name for p in out.iterdir()) == ["case_folder.json"]  # no temporary file left
    assert _schema_errors(validator, json.loads(target.read_text(encoding="utf-8"))) == []
    # written beside the target, then renamed onto it
    assert len(replaced) == 1
    assert replaced[0][1] == target and replaced[0][0].parent == out and replaced[0][0] != target


def test_cli_extract_out_dir_failed_write_keeps_previous_file(fixtures_dir, tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    target = out / "case_folder.json"
    target.write_text("previous\n", encoding="utf-8")

    def fail(src, dst, *args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    result = CliRunner().invoke(main, ["extract", "--out", str(out), str(fixtures_dir / "case_folder")])
    assert result.exit_code != 0
    assert target.read_text(encoding="utf-8") == "previous\n"  # never half-written
    assert sorted(p.name for p in out.iterdir()) == ["case_folder.json"]


@pytest.mark.parametrize("inside", ["out", "."])
def test_cli_extract_out_inside_input_folder_refused(fixtures_dir, tmp_path, inside):
    case = tmp_path / "case"
    shutil.copytree(fixtures_dir / "case_folder", case)
    before = sorted(p.relative_to(case).as_posix() for p in case.rglob("*"))
    result = CliRunner().invoke(main, ["extract", "--out", str(case / inside), str(case)])
    assert result.exit_code == 2
    assert "--out" in result.output
    assert sorted(p.relative_to(case).as_posix() for p in case.rglob("*")) == before
