"""Legacy Word (.doc) and Kingsoft WPS (.wps) files, converted by LibreOffice.

The input is copied into a private temporary folder first: soffice writes
lock files next to what it opens, and inputs are never touched.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from casereview.children import die_with_parent
from casereview.model import CaseError, SourceFile
from casereview.parsers.docx import read_docx
from casereview.parsers.limits import Limits


def soffice_binary() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_office(data: bytes, name: str, limits: Limits) -> SourceFile:
    """Convert to .docx with LibreOffice, then read it as a .docx."""
    binary = soffice_binary()
    if binary is None:
        src = SourceFile(path=name, format="doc")
        src.errors.append(
            CaseError(name, "读取 .doc/.wps 文件需要 LibreOffice（soffice），本机未安装", "unsupported")
        )
        return src
    with tempfile.TemporaryDirectory(prefix="casereview-office-") as tmp:
        tmpdir = Path(tmp)
        suffix = Path(name).suffix.lower() if Path(name).suffix.lower() in (".doc", ".wps") else ".doc"
        source = tmpdir / f"input{suffix}"
        source.write_bytes(data)
        profile = (tmpdir / "profile").as_uri()
        cmd = [
            binary,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(tmpdir / "out"),
            str(source),
        ]
        try:
            subprocess.run(
                cmd,
                capture_output=True,
                timeout=limits.office_timeout_s,
                check=False,
                stdin=subprocess.DEVNULL,
                preexec_fn=die_with_parent,
            )
        except subprocess.TimeoutExpired:
            src = SourceFile(path=name, format="doc")
            src.errors.append(
                CaseError(name, f"LibreOffice 转换超时（{limits.office_timeout_s:.0f} 秒）", "unreadable")
            )
            return src
        out = tmpdir / "out" / "input.docx"
        if not out.exists() or out.stat().st_size == 0:
            src = SourceFile(path=name, format="doc")
            src.errors.append(CaseError(name, "LibreOffice 无法转换该文件，文件可能已损坏", "unreadable"))
            return src
        src = read_docx(out.read_bytes(), name, limits)
        src.format = "doc"
        return src
