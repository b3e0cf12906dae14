"""The scoring sheets as .pdf: the .docx sheets converted by LibreOffice.

All sheets of a batch go through ONE ``soffice --headless --convert-to pdf``
call (starting LibreOffice costs 1.5–2 s; ten files in one call take about as
long as two single ones), with a private ``-env:UserInstallation`` so it
neither waits for nor disturbs another LibreOffice on the machine, and with
``FONTCONFIG_FILE`` pointing at ``report/fonts.conf`` so 宋体/仿宋/黑体 render
with CJK faces instead of a Latin fallback. Without LibreOffice, no PDF is
written and the writer says so (``report.Skipped``).
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
from importlib import resources
from pathlib import Path

from casereview.children import die_with_parent
from casereview.report import Skipped, failures_message, write_atomic
from casereview.report.sheet import build_sheets

log = logging.getLogger(__name__)

TIMEOUT_BASE_S = 120
TIMEOUT_PER_FILE_S = 5


_SHOWN = 10  # sheets named when LibreOffice leaves some out; more are counted


def soffice_binary() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def fonts_conf() -> Path:
    """The fontconfig file aliasing 宋体/仿宋/黑体 to installed CJK faces."""
    return Path(str(resources.files("casereview.report").joinpath("fonts.conf")))


def convert(docx_files: list[Path], out_dir: Path, binary: str | None = None) -> list[Path]:
    """Convert .docx files to .pdf in ``out_dir`` with one LibreOffice call; the PDFs that came out."""
    binary = binary or soffice_binary()
    if binary is None:
        raise Skipped("未找到 LibreOffice（soffice），未生成 PDF 评分表")
    if not docx_files:
        return []
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="casereview-soffice-") as profile:
        env = dict(os.environ, FONTCONFIG_FILE=str(fonts_conf()))
        cmd = [
            binary,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(out_dir),
            *map(str, docx_files),
        ]
        timeout = TIMEOUT_BASE_S + TIMEOUT_PER_FILE_S * len(docx_files)
        try:
            subprocess.run(
                cmd,
                capture_output=True,
                timeout=timeout,
                env=env,
                check=False,
                stdin=subprocess.DEVNULL,
                preexec_fn=die_with_parent,
            )
        except subprocess.TimeoutExpired as exc:
            raise Skipped(f"LibreOffice 转换 PDF 超时（{timeout} 秒），未生成 PDF 评分表") from exc
    out = []
    for f in docx_files:
        pdf = out_dir / (f.stem + ".pdf")
        if pdf.exists() and pdf.stat().st_size > 0:
            out.append(pdf)
    return out


def write_pdf(results: dict, out_dir: Path) -> list[Path]:
    """One .pdf scoring sheet per case under ``DIR/sheets/`` (needs LibreOffice)."""
    from casereview.report.docx import render_docx  # python-docx, only when LibreOffice is there to convert

    binary = soffice_binary()
    if binary is None:
        raise Skipped(
            "未找到 LibreOffice（soffice），未生成 PDF 评分表；安装 libreoffice-writer-nogui 后重新运行"
        )
    failures: list[tuple[str, str]] = []
    sheets = build_sheets(results, failures)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="casereview-pdf-") as tmp:
        src, dst = Path(tmp) / "docx", Path(tmp) / "pdf"
        src.mkdir()
        files = []
        case_of: dict[str, str] = {}
        for sheet in sheets:
            f = src / f"{sheet.stem}.docx"  # stems are unique in the batch (safe.unique_stems)
            try:
                f.write_bytes(render_docx(sheet))
            except Exception as exc:  # isolation point (logged or re-raised): one case's content never costs the batch its sheets
                log.warning(
                    "the sheet of case %s could not be rendered for PDF", sheet.case_id, exc_info=True
                )
                failures.append((sheet.case_id, f"{type(exc).__name__}: {exc}"))
                continue
            files.append(f)
            case_of[f.stem] = sheet.case_id
        made = {p.stem: p for p in convert(files, dst, binary)} if files else {}
        missing = []
        for f in files:
            pdf = made.get(f.stem)
            if pdf is None:
                missing.append(f.stem)
                continue
            target = out_dir / "sheets" / f"{f.stem}.pdf"
            write_atomic(target, pdf.read_bytes())
            written.append(target)
    problems = []
    if failures:
        problems.append(failures_message("评分表（.pdf）", failures))
    if missing:
        problems.append(
            f"LibreOffice 未能转换 {len(missing)} 份评分表为 PDF：{'、'.join(missing[:_SHOWN])}"
            + ("…" if len(missing) > _SHOWN else "")
        )
    if problems:
        raise Skipped("；".join(problems), written, [c for c, _ in failures] + [case_of[m] for m in missing])
    return written
