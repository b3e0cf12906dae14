"""Command line: wiring only. Logic lives in casereview.api and below."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

import casereview.cli_text  # noqa: F401 - click's own messages in Chinese (installed on import, see cli_text)
from casereview.report.safe import clean_name, file_stem
from casereview.version import __version__

OCR_HELP = "扫描页的 OCR 引擎：auto（默认：rapid，未安装时用 tesseract）、rapid、tesseract 或 off（不识别，扫描页标记为待人工核查）。"


def _ocr(value: str) -> bool | str:
    return {"auto": True, "off": False}.get(value, value)


RUBRIC_HELP = "评查标准：内置标准的 id（penalty-general、shandong-county、market-regulation、ecology-environment）或标准文件路径。"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="casereview")
@click.option(
    "-v",
    "--verbose",
    count=True,
    help="在标准错误输出中显示被隔离的故障（规则出错、案卷处理失败）及其调用栈；-vv 另显示调试信息。",
)
def main(verbose: int) -> None:
    """casereview：行政执法案卷评查工具（读取案卷、检查程序、评分）。"""
    from casereview.log import configure

    configure(verbose)


def _rubric(ref: str):
    from casereview.rubric import RubricError, load_rubric

    try:
        return load_rubric(ref)
    except RubricError as exc:
        raise click.BadParameter(
            "\n".join([f"评查标准无效：{exc.source}"] + exc.errors), param_hint="--rubric"
        ) from exc


def _roster(path: Path | None):
    if path is None:
        return None
    from casereview.roster import RosterError, load_roster

    try:
        return load_roster(path)
    except RosterError as exc:
        raise click.BadParameter(str(exc), param_hint="--roster") from exc


def _refuse_inside_inputs(out_dir: Path, inputs) -> None:
    target = out_dir.resolve()
    for p in inputs:
        root = Path(p).resolve()
        if root.is_dir() and (target == root or root in target.parents):
            raise click.BadParameter(f"输出目录不能位于输入文件夹内：{p}", param_hint="--out")


@main.command()
@click.argument("cases", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="把每个案卷的 JSON 写入该目录（CASE_ID.json），而不是打印。",
)
@click.option("--indent/--no-indent", default=True, help="缩进输出的 JSON。")
@click.option(
    "--ocr",
    "ocr",
    type=click.Choice(["auto", "rapid", "tesseract", "off"]),
    default="auto",
    show_default=True,
    help=OCR_HELP,
)
def extract(cases: tuple[Path, ...], out_dir: Path | None, indent: bool, ocr: str) -> None:
    """读取案卷 CASE（文件夹、.pdf、.docx、.zip），输出提取出的案卷模型（JSON）。

    一个 CASE 时打印一个 JSON 对象；多个 CASE 时每行打印一个对象（JSON Lines），
    或用 --out 每卷写一个文件。不可读取的文件列在 errors 中，其余内容照常读取。
    """
    from casereview.api import extract_case
    from casereview.report import write_atomic

    if out_dir is not None:
        _refuse_inside_inputs(out_dir, cases)
        out_dir.mkdir(parents=True, exist_ok=True)
    failed = 0
    for case_path in cases:
        try:
            data = extract_case(case_path, ocr=_ocr(ocr))
        except (
            Exception
        ) as exc:  # isolation point (logged or re-raised): one broken case never stops the others
            logging.getLogger("casereview.cli").warning("case %s could not be read", case_path, exc_info=True)
            failed += 1
            click.echo(f"错误：{case_path}: 无法读取（{type(exc).__name__}: {exc}）", err=True)
            continue
        text = json.dumps(
            data, ensure_ascii=False, indent=2 if indent and (len(cases) == 1 or out_dir) else None
        )
        if out_dir is not None:
            target = out_dir / f"{file_stem(data['case_id'])}.json"
            write_atomic(target, text + "\n")
            click.echo(
                f"{clean_name(data['case_id'])}: {len(data['documents'])} 份文书, {len(data['errors'])} 个问题 -> "
                f"{clean_name(str(target))}",
                err=True,
            )
        else:
            click.echo(text)
    if failed == len(cases):
        sys.exit(2)


@main.command()
@click.argument("case", type=click.Path(exists=True, path_type=Path))
@click.option("--rubric", default="penalty-general", show_default=True, help=RUBRIC_HELP)
@click.option(
    "--roster",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="持证执法人员名单 CSV（列：name,cert_no），用于检查 S03。",
)
@click.option("--period", help="评查期间，如 2024Q3、2024H2、2024。")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--ocr",
    "ocr",
    type=click.Choice(["auto", "rapid", "tesseract", "off"]),
    default="auto",
    show_default=True,
    help=OCR_HELP,
)
def check(case: Path, rubric: str, roster: Path | None, period: str | None, fmt: str, ocr: str) -> None:
    """提交前自查一个案卷：逐条列出不符合和待人工核查的项目，最后给出得分和等次。

    退出码：0 合格及以上且无否决项；1 不合格；2 用法错误或案卷无法读取。
    """
    from casereview.api import batch_in_case, load_case, review_loaded
    from casereview.model import now_iso
    from casereview.report.text import check_report, error_line, verdict_line

    rub = _rubric(rubric)
    roster_set = _roster(roster)
    try:
        loaded = load_case(case, ocr=_ocr(ocr))
    except Exception as exc:  # isolation point (logged or re-raised): an unreadable case is an input error (exit 2), never 不合格
        logging.getLogger("casereview.cli").warning("case %s could not be read", case, exc_info=True)
        click.echo(f"错误：{case}：案卷无法读取（{type(exc).__name__}: {exc}）", err=True)
        sys.exit(2)
    several = batch_in_case(loaded)
    if several:
        click.echo(
            f"错误：{case} 像是一个批次而不是一个案卷：{several}。check 只检查一个案卷；"
            f"请对其中每个案卷分别运行 casereview check，或用 casereview score {case} --out 输出目录 评查整个批次。",
            err=True,
        )
        sys.exit(2)
    entry = review_loaded(loaded, rub, roster_set)
    if fmt == "json":
        results = {
            "tool": {"name": "casereview", "version": __version__},
            "rubric": rub.ref(),
            "period": period,
            "generated_at": now_iso(),
            "cases": [entry],
        }
        from casereview.report import results_json

        click.echo(results_json(results), nl=False)
    else:
        for line in check_report(entry):  # the findings, or 未发现不符合或待人工核查的项目
            click.echo(line)
        for err in entry["errors"]:
            click.echo(error_line(err), err=True)
        click.echo(verdict_line(entry))
    if not entry["readable"]:
        if fmt == "text":
            click.echo("错误：案卷中没有可读取的文书", err=True)
        sys.exit(2)
    lowest = rub.grades[-1][0]
    sys.exit(1 if entry["veto"] or entry["grade"] == lowest else 0)


@main.command()
@click.argument(
    "batches", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False, path_type=Path)
)
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="输出目录：results.json、每卷评分表（sheets/）、汇总表 summary.xlsx 和 report.html。",
)
@click.option("--rubric", default="penalty-general", show_default=True, help=RUBRIC_HELP)
@click.option(
    "--roster",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="持证执法人员名单 CSV（列：name,cert_no），用于检查 S03。",
)
@click.option("--period", help="评查期间，如 2024Q3、2024H2、2024。")
@click.option("--jobs", type=click.IntRange(min=1), help="并行进程数（默认：全部核心）。")
@click.option(
    "--scheduler", help="Dask 调度器地址（如 tcp://host:8786），在已有集群上运行；需安装 dask[distributed]。"
)
@click.option(
    "--formats",
    default="all",
    show_default=True,
    help="输出格式，逗号分隔：json,text,xlsx,docx,pdf,summary,html（json 总会写出）。"
    "PDF 由 LibreOffice 生成，每卷约 1 秒；大批量时可省略 pdf。",
)
@click.option(
    "--ocr",
    "ocr",
    type=click.Choice(["auto", "rapid", "tesseract", "off"]),
    default="auto",
    show_default=True,
    help=OCR_HELP,
)
@click.option(
    "--case-timeout",
    type=click.FloatRange(min=0),
    default=900,
    show_default=True,
    help="每卷处理时限（秒），超时的案卷中止并列明原因，其余照常；0 为不限。",
)
@click.option(
    "--case-memory",
    type=click.IntRange(min=0),
    default=4096,
    show_default=True,
    help="每卷处理内存上限（MB），超限的案卷中止并列明原因；0 为不限。",
)
@click.option(
    "--restart",
    is_flag=True,
    help="不续接上次中断的评查，全部重新处理（默认：再次输出到同一目录时只处理上次未完成的案卷）。",
)
def score(  # noqa: C901 - option wiring, one branch per option
    batches: tuple[Path, ...],
    out_dir: Path,
    rubric: str,
    roster: Path | None,
    period: str | None,
    jobs: int | None,
    scheduler: str | None,
    formats: str,
    ocr: str,
    case_timeout: float,
    case_memory: int,
    restart: bool,
) -> None:
    """评查一个或多个批次（文件夹中每个子文件夹或案卷文件为一卷），写出 results.json、评分表和汇总。

    每卷在独立进程中处理，有时限和内存上限；中断后再次运行（同一 --out）只处理尚未完成的案卷。
    退出码：0 所有案卷均已评分；1 有案卷完全无法处理（仍列在结果中）；2 用法错误。
    """
    from casereview.api import find_cases, review
    from casereview.resume import RunState
    from casereview.runner import CaseLimits

    _refuse_inside_inputs(out_dir, batches)
    chosen = _formats(formats)
    rub = _rubric(rubric)
    trail = _saved_decisions(out_dir)
    roster_set = _roster(roster)
    cases, skipped = find_cases(batches)
    for s in skipped:
        click.echo(f"跳过：{clean_name(s['path'])}：{s['reason']}", err=True)
    executor = client = None
    if scheduler:
        try:
            from dask.distributed import Client  # type: ignore[import-not-found]
        except ImportError as exc:
            raise click.UsageError("--scheduler 需要安装 dask[distributed]") from exc
        try:
            client = Client(scheduler, timeout=30)
        except (OSError, TimeoutError) as exc:
            raise click.BadParameter(
                f"无法连接 Dask 调度器 {scheduler}：{exc}", param_hint="--scheduler"
            ) from exc
        executor = client.get_executor()
    tty = sys.stderr.isatty()
    done = {"n": 0}

    def progress(entry: dict) -> None:
        done["n"] += 1
        if not tty:
            click.echo(
                f"[{done['n']}/{len(cases)}] {clean_name(entry['case_id'])}: "
                f"{entry['score'] if entry['score'] is not None else '无法处理'} {entry['grade'] or ''}",
                err=True,
            )

    limits = CaseLimits(case_timeout or None, case_memory or None)
    state = RunState(
        out_dir,
        {
            "tool": __version__,
            "rubric": rub.sha256,
            "ocr": ocr,
            "period": period,
            "roster": sorted(roster_set) if roster_set else None,
        },
    )
    state.start(restart)
    options = {
        "period": period,
        "jobs": jobs,
        "executor": executor,
        "ocr": _ocr(ocr),
        "limits": limits,
        "state": state,
    }
    try:
        if tty:
            with click.progressbar(length=len(cases), label="评查中", file=sys.stderr) as bar:

                def tick(_entry: dict) -> None:
                    bar.update(1)

                results = review(batches, rub, roster_set, on_result=tick, **options)
        else:
            results = review(batches, rub, roster_set, on_result=progress, **options)
    finally:
        if client is not None:
            client.close()
    if state.resumed:
        click.echo(
            f"提示：续接上次中断的评查，沿用已完成的 {state.resumed} 卷（--restart 可全部重新处理）", err=True
        )
    for notice in results.get("notices", []):
        click.echo(f"提示：{notice['message']}", err=True)
    for c in results["cases"]:
        if c["score"] is None:
            reason = "；".join(e["reason"] for e in c["errors"] if e.get("code") in ("unreadable", "killed"))
            click.echo(
                f"无法处理：{clean_name(c['case_id'])}：{reason or '案卷中没有可读取的文书'}", err=True
            )
    out_dir.mkdir(parents=True, exist_ok=True)
    if trail:
        from casereview.decisions import carry_over

        for warning in carry_over(results, trail, rub):
            click.echo(f"提示：{warning}", err=True)
        click.echo(
            f"已保留 {len({(e['case_id'], e['code']) for e in trail})} 项人工复核结论（见 results.json 的 audit_trail）",
            err=True,
        )
    _write_reports(results, out_dir, chosen)
    state.done()
    unprocessed = [c for c in results["cases"] if c["score"] is None]
    graded = {}
    for c in results["cases"]:
        graded[c["grade"]] = graded.get(c["grade"], 0) + 1
    click.echo(
        f"共 {len(results['cases'])} 卷："
        + "，".join(f"{g or '无法处理'} {n} 卷" for g, n in graded.items())
        + f"。结果：{out_dir / 'results.json'}"
    )
    sys.exit(1 if unprocessed else 0)


def _saved_decisions(out_dir: Path) -> list[dict]:
    """Reviewer decisions already in DIR (audit trail + sheet edits not yet applied); exit 2 if an edit is invalid."""
    if not (out_dir / "results.json").exists():
        return []
    from casereview.decisions import DecisionError, pending_trail

    try:
        return pending_trail(out_dir)
    except DecisionError as exc:
        click.echo(f"错误：{out_dir} 中的评分表有尚未应用且无效的复核结论，为免覆盖，未开始评查：", err=True)
        for e in exc.errors:
            click.echo(f"  {e}", err=True)
        click.echo("请改正后运行 casereview apply，或删除这些评分表后重新运行。", err=True)
        sys.exit(2)


def _formats(spec: str) -> list[str]:
    from casereview.report import WRITERS

    if spec.strip() == "all":
        return list(WRITERS)
    names = [n.strip() for n in spec.split(",") if n.strip()]
    unknown = [n for n in names if n not in WRITERS]
    if unknown:
        raise click.BadParameter(
            f"未知的输出格式：{'、'.join(unknown)}（可选：{','.join(WRITERS)}）", param_hint="--formats"
        )
    return [n for n in WRITERS if n in names or n == "json"]


def _write_reports(results: dict, out_dir: Path, formats: list[str] | None = None) -> None:
    """The chosen report formats (results.json first); a writer that cannot run here says why and the rest go on."""
    from casereview.report import WRITERS, Skipped

    for name, writer in WRITERS.items():
        if formats is not None and name not in formats:
            continue
        try:
            writer(results, out_dir)
        except Skipped as exc:
            click.echo(f"提示：{exc}", err=True)


def _points(x) -> str:
    if x is None:
        return "无法评分"
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


@main.command("apply")
@click.argument("out_dir", metavar="DIR", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--decisions",
    "decisions_csv",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="另加一份复核结论 CSV（列：case_id,code,status,reviewer,note；status 填 符合/不符合/不适用/维持）。"
    "DIR/sheets/ 中评分表的“复核结论”“复核说明”“复核人”列总会读取。",
)
@click.option("--reviewer", help="默认复核人：评分表或 CSV 中未填写复核人时使用。")
@click.option("--rubric", default=None, help="评分时使用的评查标准（results.json 未记录其分值时才需要）。")
def apply_cmd(out_dir: Path, decisions_csv: Path | None, reviewer: str | None, rubric: str | None) -> None:
    """应用评查人员的复核结论：校验后重新计分，更新 results.json（记录复核过程）和全部评分表。

    退出码：0 已应用（或没有新的复核结论）；2 复核结论有误（此时不作任何修改）或 DIR 中没有 results.json。
    """
    from casereview.decisions import DecisionError, apply_dir, load_results

    try:
        results = load_results(out_dir)
    except DecisionError as exc:
        raise click.BadParameter(exc.errors[0], param_hint="DIR") from exc
    if results is None:
        raise click.BadParameter(
            f"{out_dir} 中没有 results.json，请先运行 casereview score", param_hint="DIR"
        )
    rub = _rubric(rubric) if rubric else None
    try:
        entries = apply_dir(out_dir, results, decisions_csv, reviewer, rub)
    except DecisionError as exc:
        click.echo("复核结论有误，未作任何修改：", err=True)
        for e in exc.errors:
            click.echo(f"  {e}", err=True)
        sys.exit(2)
    if not entries:
        click.echo("没有新的复核结论，结果未改变。")
        return
    _write_reports(results, out_dir)
    from casereview.model import STATUS_LABELS as label

    for e in entries:
        click.echo(
            f"{clean_name(e['case_id'])} {e['code']}：{label[e['from']]} → {label[e['to']]}（{e['reviewer']}"
            + (f"：{e['note']}" if e["note"] else "")
            + "）"
        )
    shown = set()
    for e in entries:
        if e["case_id"] in shown:
            continue
        shown.add(e["case_id"])
        s, g = e["score"], e["grade"]
        click.echo(
            f"{clean_name(e['case_id'])}：得分 {_points(s['from'])} → {_points(s['to'])}，等次 {g['from'] or '无'} → "
            f"{g['to'] or '无'}"
        )
    click.echo(
        f"已应用 {len(entries)} 条复核结论（{len(shown)} 卷），复核过程记录在 {out_dir / 'results.json'}"
    )


@main.command("compile")
@click.argument(
    "results_files",
    metavar="RESULTS...",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="输出目录：compile.xlsx（汇总、排名、问题统计、覆盖情况、整改台账）和 bulletin.docx（评查情况通报稿）。",
)
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    help="结果库（SQLite）路径，默认 DIR/results.db；多次汇总共用同一结果库即可与上期比较。",
)
@click.option(
    "--period",
    help="汇总的评查期间，如 2024Q3、2024H2、2024（默认：结果文件中最晚的期间）；"
    "也用作未记录期间的结果文件的期间。未指定时，未记录期间的结果文件按其各卷的处罚决定日期推定期间。",
)
@click.option(
    "--kind",
    type=click.Choice(["auto", "self", "county"]),
    default="auto",
    show_default=True,
    help="评查类型：self 单位自查，county 县级评查；auto 按结果文件涉及的单位数判断（多个单位为县级评查）。",
)
def compile_cmd(
    results_files: tuple[Path, ...], out_dir: Path, db: Path | None, period: str | None, kind: str
) -> None:
    """司法局汇总：把多个 results.json 导入结果库，按单位统计、排名、归纳问题、检查自查覆盖，写出汇总表和通报稿。

    同一案卷、期间和评查标准再次导入时替换原记录，不会重复。退出码：0 完成；2 结果文件或结果库有误（结果库不作任何修改）。
    """
    from casereview.compile import CompileError
    from casereview.compile.run import compile_results

    try:
        report = compile_results(results_files, out_dir, db, period, kind)
    except CompileError as exc:
        click.echo(f"错误：{exc}", err=True)
        sys.exit(2)
    for imp in report.imported:
        click.echo(imp.describe(), err=True)
    for note in report.notes:
        click.echo(f"说明：{note}", err=True)
    click.echo(
        f"{report.period}（{report.period_source}）：{report.departments} 个单位，{report.files} 卷。输出："
        + "，".join(str(p) for p in report.written)
    )


@main.command()
@click.argument(
    "batches",
    metavar="BATCH...",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)
@click.option("--period", required=True, help="评查期间，如 2024Q3、2024H2、2024（记入抽取记录）。")
@click.option(
    "--per-unit", "per_unit", required=True, type=click.IntRange(min=1), help="每个单位随机抽取的案卷数。"
)
@click.option("--seed", required=True, type=int, help="随机种子：同样的批次和种子抽取结果相同，可复核。")
@click.option(
    "--out",
    "out_file",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="抽取记录 CSV（列：period,seed,department,case_id,path,drawn_at）。",
)
def sample(batches: tuple[Path, ...], period: str, per_unit: int, seed: int, out_file: Path) -> None:
    """随机抽取待评查案卷：按单位分层，每个单位抽 N 卷（不足 N 卷的全部抽取），以种子保证可复现，并记入 CSV。

    单位取自案卷文书中的执法机关；识别不出时用批次文件夹名。
    """
    from casereview.compile import CompileError
    from casereview.compile.periods import parse_period
    from casereview.compile.sampling import candidates, draw, write_draw

    try:
        parse_period(period)
    except CompileError as exc:
        raise click.BadParameter(str(exc), param_hint="--period") from exc
    _refuse_inside_inputs(out_file.parent, batches)
    pool = candidates(batches)
    chosen = draw(pool, per_unit, seed)
    write_draw(chosen, period, seed, out_file)
    units = len({c.department for c in pool})
    click.echo(f"共 {len(pool)} 卷、{units} 个单位，抽取 {len(chosen)} 卷（种子 {seed}）。记录：{out_file}")


@main.command()
@click.argument("code", required=False)
@click.option("--rubric", default="penalty-general", show_default=True, help=RUBRIC_HELP)
def rules(code: str | None, rubric: str) -> None:
    """列出全部评查项代码，或说明某一项（检查内容、依据、示例、分值）。"""
    from casereview.rules.base import CATEGORIES
    from casereview.rules.registry import all_rules, rule_by_code

    rub = _rubric(rubric)
    if code is None:
        for r in all_rules():
            item = rub.items.get(r.code)
            points = "否决" if item and item.veto else (f"{item.points:g}分" if item else "")
            click.echo(f"{r.code}  {CATEGORIES[r.category]:<10} {points:<5} {r.title}")
        return
    code = code.upper()
    rules_map = rule_by_code()
    if code not in rules_map:
        raise click.BadParameter(f"未知的评查项代码：{code}", param_hint="CODE")
    r = rules_map[code]
    item = rub.items.get(code)
    click.echo(f"{r.code} {r.title}（{r.name}）")
    click.echo(f"类别：{CATEGORIES[r.category]}    分值：{item.points:g}" + ("，否决项" if item.veto else ""))
    click.echo("依据：" + "；".join(str(b) for b in r.legal_basis))
    click.echo("")
    click.echo(r.doc())


@main.command()
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default="casereview-data",
    show_default=True,
    help="工作台的数据目录：上传的案卷、页面图片、汇总文件和（默认的）SQLite 数据库。",
)
@click.option(
    "--db",
    "db_url",
    envvar="CASEREVIEW_DB",
    help="数据库地址，如 postgresql://用户:密码@主机:5432/库名（默认：数据目录中的 SQLite 文件）。也可用环境变量 CASEREVIEW_DB。",
)
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="监听地址；在单位内网提供服务时用 0.0.0.0。"
)
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="端口（0 为任选空闲端口）。",
)
@click.option(
    "--allowed-host",
    "allowed_hosts",
    multiple=True,
    help="允许访问的主机名（内网服务器的域名或 IP），可重复；默认只允许本机。",
)
@click.option(
    "--init-admin",
    "init_admin",
    metavar="USERNAME",
    help="创建司法局管理员账号后退出（密码交互输入，或取自环境变量 CASEREVIEW_ADMIN_PASSWORD）。"
    "首次启动也可设置 CASEREVIEW_ADMIN_USER 和 CASEREVIEW_ADMIN_PASSWORD 自动创建。",
)
@click.option(
    "--demo", is_flag=True, help="载入示例案卷作为演示评查活动，并创建演示账号（密码在启动时显示）。"
)
@click.option(
    "--samples",
    "samples_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="--demo 使用的示例案卷文件夹（默认：源码目录的 samples/cases）。",
)
@click.option(
    "--review-workers",
    default=1,
    show_default=True,
    type=click.IntRange(min=1),
    help="同时评查的案卷数（每卷在独立进程中评查）。",
)
@click.option(
    "--case-timeout",
    default=1800,
    show_default=True,
    type=click.IntRange(min=1),
    help="每卷评查的时间上限（秒），超过即停止并标记为无法评查。",
)
@click.option(
    "--ocr",
    type=click.Choice(["auto", "rapid", "tesseract", "off"]),
    default="auto",
    show_default=True,
    help=OCR_HELP,
)
def serve(
    data_dir: Path,
    db_url: str | None,
    host: str,
    port: int,
    allowed_hosts: tuple[str, ...],
    init_admin: str | None,
    demo: bool,
    samples_dir: Path | None,
    review_workers: int,
    case_timeout: int,
    ocr: str,
) -> None:
    """在浏览器中评查：启动案卷评查工作台（上传、查看证据页面、复核、签发、汇总）。

    数据只保存在本机的数据目录（或指定的数据库）中，不访问外网。
    """
    import os

    from casereview.runner import CaseLimits
    from casereview.web.config import ConfigError, Workspace
    from casereview.web.server import DEMO_PASSWORD, admin_from_env, default_samples, load_demo, prepare, run

    hosts = ["127.0.0.1", "localhost", "[::1]", *allowed_hosts]
    if host not in ("127.0.0.1", "0.0.0.0", "::"):
        hosts.append(host)
    try:
        ws = prepare(Workspace(data=data_dir, db_url=db_url, allowed_hosts=hosts))
        if init_admin:
            password = os.environ.get("CASEREVIEW_ADMIN_PASSWORD") or click.prompt(
                f"{init_admin} 的密码", hide_input=True, confirmation_prompt=True
            )
            from casereview.web.server import init_admin as make_admin

            made = make_admin(init_admin, password)
            click.echo(
                f"已创建司法局管理员 {init_admin}。" if made else f"用户 {init_admin} 已存在，未作修改。"
            )
            return
        if admin_from_env():
            click.echo(f"已创建司法局管理员 {os.environ['CASEREVIEW_ADMIN_USER']}。")
        if demo:
            samples = samples_dir or default_samples()
            if samples is None:
                raise click.BadParameter("找不到示例案卷，请用 --samples 指定文件夹", param_hint="--samples")
            accounts = load_demo(ws, samples)
            click.echo(f"演示账号（密码均为 {DEMO_PASSWORD}）：")
            for a in accounts:
                click.echo(f"  {a.username:<10} {a.role}" + (f"：{a.department}" if a.department else ""))
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc

    def ready(url: str) -> None:
        click.echo(f"案卷评查工作台已启动：{url}（数据目录 {ws.data}；按 Ctrl+C 停止）", err=False)
        sys.stdout.flush()

    run(
        ws,
        host=host,
        port=port,
        review_threads=review_workers,
        ocr=_ocr(ocr),
        limits=CaseLimits(timeout_s=case_timeout, memory_mb=4096),
        ready=ready,
    )


@main.group()
def rubric() -> None:
    """评查标准（rubric）相关命令。"""


@rubric.command("validate")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def rubric_validate(file: Path) -> None:
    """校验评查标准文件，逐条报告错误及其位置。退出码：0 有效；1 无效。"""
    from casereview.rubric import RubricError, load_rubric

    try:
        rub = load_rubric(file)
    except RubricError as exc:
        click.echo(f"评查标准无效：{exc.source}", err=True)
        for e in exc.errors:
            click.echo(f"  {e}", err=True)
        sys.exit(1)
    click.echo(f"评查标准有效：{rub.id} 版本 {rub.version}，{len(rub.items)} 项，sha256 {rub.sha256}")


if __name__ == "__main__":
    main()
