"""Resource limits that keep one hostile or huge file from taking the batch down.

Every cap is checked *before* the expensive step it guards (the zip's
declared sizes before inflating, an image's header before decoding, a page's
size before rendering), and a file over a cap is reported with what was and
was not read, never half-read silently. ``Budget`` carries the per-file caps
(text, blocks, wall time) through a parser's loops.
"""

from __future__ import annotations

import contextvars
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from casereview.model import CaseError


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps applied while reading; a file over a cap is reported, never half-read silently."""

    max_file_bytes: int = 1_000_000_000  # any single input file (PDFs are read page by page)
    max_docx_bytes: int = 200_000_000  # .docx / .txt are read whole
    max_unpacked_bytes: int = 400_000_000  # all members of one .docx or .zip, inflated
    max_xml_bytes: int = 64_000_000  # one XML part of a .docx, inflated (a parsed tree takes ~10x)
    max_ratio: float = 200.0  # inflated / packed size of a package above 20 MB
    max_pages: int = 3000  # pages of one PDF
    max_page_images: int = 500  # pictures of one PDF page (each is measured, and placed beside a line)
    max_text_chars: int = 20_000_000  # text of one file (about 10,000 pages)
    max_blocks: int = 100_000  # paragraphs, lines and tables of one file (a 2,500-page record)
    max_case_text_chars: int = 40_000_000  # all files of one case together
    max_case_blocks: int = 300_000
    max_zip_depth: int = 2
    max_zip_members: int = 10_000  # entries of one .zip or .docx, as its end record declares them
    max_zip_directory_bytes: int = 4_000_000  # its central directory (zipfile makes an object per entry)
    max_image_pixels: int = 90_000_000  # a picture decoded (header checked first); over it: not decoded
    max_measure_pixels: int = 40_000_000  # a picture decoded only to measure its colours (seal, ink)
    max_render_pixels: int = (
        12_000_000  # a page rendered for OCR (A4 at 300 dpi: 8.7 M): scale reduced to stay under
    )
    min_render_dpi: float = 60.0  # below this a page is not worth reading: refused rather than rendered
    max_file_seconds: float = (
        300.0  # reading one file (OCR not included); the worker's case limit backs it up
    )
    office_timeout_s: float = 120.0
    fallback_seconds: float = 60.0  # the pdfminer second opinion (a child process, killed past this)
    fallback_memory_mb: int = 1024  # the pdfminer second opinion runs in a child under this address-space cap


DEFAULT_LIMITS = Limits()


class LimitReached(Exception):
    """A parser's loop stopped at a cap; ``error`` says what was and was not read."""

    def __init__(self, error: CaseError) -> None:
        super().__init__(error.reason)
        self.error = error


class _CaseTotals:
    __slots__ = ("chars", "blocks")

    def __init__(self) -> None:
        self.chars = 0
        self.blocks = 0


_CASE: contextvars.ContextVar[_CaseTotals | None] = contextvars.ContextVar(
    "casereview_case_totals", default=None
)


@contextmanager
def case_totals() -> Iterator[None]:
    """Count the blocks and text of every file read inside the block against the case's caps too."""
    token = _CASE.set(_CaseTotals())
    try:
        yield
    finally:
        _CASE.reset(token)


class Budget:
    """What one file may still yield: characters, blocks and wall time (and the case, its share).

    Parsers call ``take(text)`` for each block they keep and ``tick()`` in
    loops that may run long without keeping anything; both raise
    ``LimitReached`` (with the error to report) once a cap is passed. Inside
    ``case_totals()`` the case's caps over all its files apply as well.
    """

    __slots__ = ("limits", "name", "chars", "blocks", "deadline", "unit", "case")

    def __init__(self, limits: Limits, name: str, unit: str = "段") -> None:
        self.limits = limits
        self.name = name
        self.chars = 0
        self.blocks = 0
        self.deadline = time.monotonic() + limits.max_file_seconds
        self.unit = unit  # what a block is called in the message (段, 行)
        self.case = _CASE.get()

    def take(self, text: str) -> None:
        lim = self.limits
        self.blocks += 1
        self.chars += len(text)
        if self.blocks > lim.max_blocks:
            raise LimitReached(
                CaseError(
                    self.name,
                    f"文件内容过多（超过 {lim.max_blocks} {self.unit}），仅读取了前 {lim.max_blocks} {self.unit}，"
                    "其余未读取",
                    "too_large",
                )
            )
        if self.chars > lim.max_text_chars:
            raise LimitReached(
                CaseError(
                    self.name,
                    f"文件文字过多（超过 {lim.max_text_chars // 10000} 万字），仅读取了前 {self.blocks - 1} "
                    f"{self.unit}，其余未读取",
                    "too_large",
                )
            )
        case = self.case
        if case is not None:
            case.blocks += 1
            case.chars += len(text)
            if case.blocks > lim.max_case_blocks or case.chars > lim.max_case_text_chars:
                raise LimitReached(
                    CaseError(
                        self.name,
                        f"案卷内容总量超过上限（{lim.max_case_blocks} 段或 {lim.max_case_text_chars // 10000} 万字），"
                        f"本文件仅读取了前 {self.blocks - 1} {self.unit}，其余未读取",
                        "too_large",
                    )
                )
        if not self.blocks & 1023:
            self.tick()

    def tick(self, where: str = "") -> None:
        if time.monotonic() > self.deadline:
            raise LimitReached(
                CaseError(
                    self.name,
                    f"读取超时（超过 {self.limits.max_file_seconds:.0f} 秒），{where or '已读取部分'}之后的内容未读取",
                    "too_large",
                )
            )
