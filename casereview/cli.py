"""Command line: wiring only. Logic lives in casereview.api and below."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

import click

from casereview import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="casereview")
def main() -> None:
    """casereview：行政执法案卷评查工具（读取案卷、检查程序、评分）。"""


@main.command()
@click.argument("cases", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="把每个案卷的 JSON 写入该目录（CASE_ID.json），而不是打印。")
@click.option("--indent/--no-indent", default=True, help="缩进输出的 JSON。")
def extract(cases: tuple[Path, ...], out_dir: Path | None, indent: bool) -> None:
    """读取案卷 CASE（文件夹、.pdf、.docx、.zip），输出提取出的案卷模型（JSON）。

    一个 CASE 时打印一个 JSON 对象；多个 CASE 时每行打印一个对象（JSON Lines），
    或用 --out 每卷写一个文件。不可读取的文件列在 errors 中，其余内容照常读取。
    """
    from casereview.api import extract_case

    if out_dir is not None:
        _refuse_inside_inputs(out_dir, cases)
        out_dir.mkdir(parents=True, exist_ok=True)
    failed = 0
    for case_path in cases:
        try:
            data = extract_case(case_path)
        except Exception as exc:  # noqa: BLE001 - one broken case never stops the others
            failed += 1
            click.echo(f"错误：{case_path}: 无法读取（{type(exc).__name__}: {exc}）", err=True)
            continue
        text = json.dumps(data, ensure_ascii=False, indent=2 if indent and (len(cases) == 1 or out_dir) else None)
        if out_dir is not None:
            _write_atomic(out_dir / f"{data['case_id']}.json", text + "\n")
            click.echo(f"{data['case_id']}: {len(data['documents'])} 份文书, {len(data['errors'])} 个问题 -> "
                       f"{out_dir / (data['case_id'] + '.json')}", err=True)
        else:
            click.echo(text)
    if failed == len(cases):
        sys.exit(2)


def _refuse_inside_inputs(out_dir: Path, inputs: tuple[Path, ...]) -> None:
    target = out_dir.resolve()
    for p in inputs:
        root = p.resolve()
        if root.is_dir() and (target == root or root in target.parents):
            raise click.BadParameter(f"输出目录不能位于输入文件夹内：{p}", param_hint="--out")


def _write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file beside the target, then rename: never a half-written output."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


if __name__ == "__main__":
    main()
