"""OCR of scanned pages: engines, page preparation, a result cache, seal and ink marks.

``ocr_sources`` (in ``apply``) reads every page a parser listed in
``SourceFile.ocr_pages`` and puts text lines in place of the page image, so
that recognition and extraction work on a scan as on a digital file. Nothing
heavy (onnxruntime, OpenCV) is imported until a page is actually read.
"""

from __future__ import annotations

from casereview.parsers.ocr.engines import OcrUnavailable, available_engines, default_engine

__all__ = ["ocr_sources", "default_engine", "available_engines", "OcrUnavailable"]


def __getattr__(name: str):
    if name == "ocr_sources":
        from casereview.parsers.ocr.apply import ocr_sources

        return ocr_sources
    raise AttributeError(name)
