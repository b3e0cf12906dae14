"""The second opinion on PDFs pdfium refuses: pdfminer (through pdfplumber), in a child process.

pdfminer parses damaged files differently from pdfium and sometimes reads
what pdfium cannot, but it can also loop forever (an object that refers to
itself: ``resolve1`` follows it without end, and a timer's exception is lost
when pdfplumber's ``close`` walks the pages again) or take gigabytes. So it
never runs in the reading process: ``read_fallback`` starts this module as a
child with a capped address space and a wall-time limit, and takes back, per
page, the raw text lines (or ``None`` for a page it could not read). A child
that runs over either limit is killed and the file is reported.

    python -m casereview.parsers.pdf_fallback MEMORY_MB MAX_PAGES < file.pdf > pages.json
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

__all__ = ["read_fallback", "FallbackFailed"]


class FallbackFailed(Exception):
    """pdfminer could not read the file; ``code`` and ``reason`` say why, for the user."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def read_fallback(data: bytes | Path, max_pages: int, timeout_s: float, memory_mb: int) -> dict:
    """``{"page_count": n, "pages": [[line, …] | None, …]}`` read by pdfminer in a child process.

    Raises ``FallbackFailed`` when the file cannot be opened, is encrypted, or
    the child runs over its time or memory.
    """
    blob = data if isinstance(data, bytes) else Path(data).read_bytes()
    cmd = [sys.executable, "-m", "casereview.parsers.pdf_fallback", str(memory_mb), str(max_pages)]
    env = {**os.environ, "PYTHONHASHSEED": "0", "OMP_NUM_THREADS": "1"}
    try:
        proc = subprocess.run(cmd, input=blob, capture_output=True, timeout=timeout_s, env=env, check=False)
    except subprocess.TimeoutExpired:
        raise FallbackFailed(
            "unreadable", f"PDF 结构异常（解析超过 {timeout_s:.0f} 秒未完成，可能含循环引用），未能读取"
        ) from None
    try:
        out = json.loads(proc.stdout.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        if b"MemoryError" in proc.stderr:
            raise FallbackFailed(
                "too_large", f"PDF 结构异常（解析所需内存超过 {memory_mb} MB），未能读取"
            ) from None
        raise FallbackFailed("unreadable", "PDF 已损坏或不完整，未能读取") from None
    if "error" in out:
        raise FallbackFailed(out["code"], out["error"])
    return out


def _child(memory_mb: int, max_pages: int) -> dict:
    import resource

    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    import io

    data = sys.stdin.buffer.read()
    try:
        import pdfplumber

        _bound_references()
        pdf = pdfplumber.open(io.BytesIO(data))
    except MemoryError:
        return {"code": "too_large", "error": f"PDF 结构异常（解析所需内存超过 {memory_mb} MB），未能读取"}
    except BaseException as exc:  # noqa: BLE001 - PSEOF, PDFSyntaxError, RecursionError, … all mean: not readable
        text = f"{type(exc).__name__}: {exc}"
        if "password" in text.lower() or "encrypt" in text.lower():
            return {"code": "encrypted", "error": "PDF 已加密，需要密码才能打开，未能读取"}
        return {"code": "unreadable", "error": f"PDF 已损坏或不完整，未能读取（{text[:160]}）"}
    pages: list[list[str] | None] = []
    try:
        count = len(pdf.pages)
        for page in pdf.pages[:max_pages]:
            try:
                text = page.dedupe_chars().extract_text() or ""
                pages.append(text.splitlines())
            except Exception:  # noqa: BLE001 - one page that fails leaves the others
                pages.append(None)
            page.close()
    except MemoryError:
        return {"code": "too_large", "error": f"PDF 结构异常（解析所需内存超过 {memory_mb} MB），未能读取"}
    except BaseException as exc:  # noqa: BLE001
        return {"code": "unreadable", "error": f"PDF 页面结构已损坏，未能读取（{type(exc).__name__}）"}
    return {"page_count": count, "pages": pages}


_MAX_HOPS = 64  # references followed in a row before the chain is taken for a cycle


def _bound_references() -> None:
    """Make pdfminer's ``resolve1`` give up on a chain of references that never ends (``2 0 obj 2 0 R``),
    in every pdfminer/pdfplumber module that imported it by name (this child process only)."""
    from pdfminer import pdftypes
    from pdfminer.pdfexceptions import PDFValueError

    original = pdftypes.resolve1
    ref = pdftypes.PDFObjRef

    def resolve1(x: object, default: object = None):
        for _ in range(_MAX_HOPS):
            if not isinstance(x, ref):
                return x
            x = x.resolve(default=default)
        if isinstance(x, ref):
            raise PDFValueError("reference cycle")
        return x

    for name, module in list(sys.modules.items()):
        if name.startswith(("pdfminer", "pdfplumber")) and getattr(module, "resolve1", None) is original:
            module.resolve1 = resolve1


if __name__ == "__main__":
    result = _child(int(sys.argv[1]), int(sys.argv[2]))
    sys.stdout.write(json.dumps(result, ensure_ascii=False))
    sys.stdout.flush()
    os._exit(0)  # never run pdfplumber's close (it may walk a looping page tree again)
