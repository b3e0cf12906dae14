"""OCR of scanned pages: engines, page preparation, a result cache, seal and ink marks.

``ocr_sources`` (in ``apply``) reads every page a parser listed in
``SourceFile.ocr_pages`` and puts text lines in place of the page image, so
that recognition and extraction work on a scan as on a digital file. Nothing
heavy (onnxruntime, OpenCV) is imported until a page is actually read.

The modules, each one responsibility:

* ``apply``   — orchestration: which pages, read through the cache, blocks put in place, errors;
* ``engines`` — rapidocr and tesseract behind one interface (a picture in, ``OcrLine`` segments out);
* ``page``    — render or decode a page, turn it upright; ``PageReading``, a page as read;
* ``layout``  — a reading's segments → line blocks: rows, table cells, wrapped lines;
* ``marks``   — seals and signature ink found on the picture and given to the lines;
* ``cache``   — the on-disk cache and its keys, built from declared inputs and version numbers;
* ``store``   — the cached entries as JSON and back;
* ``reopen``  — a source's bytes found again (a file on disk or a nested zip member).
"""

from __future__ import annotations

from casereview.parsers.ocr.engines import OcrUnavailable, available_engines, default_engine

__all__ = ["ocr_sources", "default_engine", "available_engines", "OcrUnavailable"]


def __getattr__(name: str):
    if name == "ocr_sources":
        from casereview.parsers.ocr.apply import ocr_sources

        return ocr_sources
    raise AttributeError(name)
