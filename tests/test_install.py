"""The install is reproducible: README and CI install the same way, against a lock of every dependency."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_the_readme_test_line_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text("utf-8")
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    ci_line = next(line for line in ci.splitlines() if "pytest" in line and not line.startswith("#"))
    readme_line = next(line for line in readme.splitlines() if line.endswith("python3 -m pytest"))
    assert (
        readme_line.split(" && python3 -m pip ", 1)[1] == ci_line.replace("--quiet ", "").split(" pip ", 1)[1]
    )
    assert "-c constraints.txt" in ci_line


def test_every_dependency_is_pinned_in_the_lock():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    wanted = {_name(r) for r in project["dependencies"] + project["optional-dependencies"]["test"]}
    pins = {}
    for line in (ROOT / "constraints.txt").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[name.lower().replace("_", "-")] = version
    missing = sorted(n for n in wanted if n not in pins)
    assert not missing, f"not pinned in constraints.txt: {missing}"
    assert all(re.fullmatch(r"[0-9][0-9A-Za-z.+!-]*", v) for v in pins.values())
