"""samples/README.md, written from the case data so it never drifts from the files."""

from __future__ import annotations


def write_readme(path, cases, truths):
    pass
