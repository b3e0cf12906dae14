"""Resource limits that keep one hostile or huge file from taking the batch down."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps applied while reading; a file over a cap is reported, never half-read silently."""

    max_file_bytes: int = 1_000_000_000  # any single input file (PDFs are read page by page)
    max_docx_bytes: int = 200_000_000  # .docx / .txt are read whole
    max_unpacked_bytes: int = 400_000_000  # all members of one .docx or .zip, inflated
    max_ratio: float = 200.0  # inflated / packed size of a package above 20 MB
    max_pages: int = 3000  # pages of one PDF
    max_text_bytes: int = 50_000_000
    max_zip_depth: int = 2
    max_image_pixels: int = 200_000_000
    office_timeout_s: float = 120.0


DEFAULT_LIMITS = Limits()
