"""OCR results are cached by page-image hash outside the inputs: a second run does not read again."""

from __future__ import annotations

from pathlib import Path

from casereview.parsers import read_sources
from casereview.parsers.ocr.apply import ocr_sources
from casereview.parsers.ocr.cache import OcrCache, default_cache_dir
from casereview.parsers.ocr.engines import get_engine


class Counting:
    """An engine wrapper that counts the pages it is asked to read."""

    def __init__(self, inner, lines=None):
        self.inner = inner
        self.name = inner.name
        self.version = inner.version
        self.min_confidence = inner.min_confidence
        self.calls = 0
        self.lines = lines

    def __call__(self, image):
        self.calls += 1
        return self.inner(image) if self.lines is None else list(self.lines)


def _read(path):
    sources, errors = read_sources(path)
    assert errors == []
    return sources


def _texts(sources):
    return [(b.loc.page, b.text, b.confidence, b.bbox) for s in sources for b in s.blocks]


def test_second_run_is_served_from_the_cache(fixtures_dir, tmp_path):
    path = fixtures_dir / "pdf_mixed_scan.pdf"
    engine = Counting(get_engine("rapid"))
    first = _read(path)
    assert ocr_sources(first, engine=engine, cache_dir=tmp_path, root=path) == []
    assert engine.calls >= 1
    calls = engine.calls
    second = _read(path)
    assert ocr_sources(second, engine=engine, cache_dir=tmp_path, root=path) == []
    assert engine.calls == calls  # not called again
    assert _texts(second) == _texts(first)
    assert second[0].ocr_pages == [] == first[0].ocr_pages
    entries = list(tmp_path.rglob("*.json"))
    assert len(entries) == 2 and not list(tmp_path.rglob(".tmp-*"))  # the page image's reading, the finished page


def test_rescoring_from_the_cache_renders_nothing(fixtures_dir, tmp_path, monkeypatch):
    """A warm run reads the finished page by file hash: no rendering, no engine, digital speed."""
    import time

    from casereview.parsers.ocr import page

    path = fixtures_dir / "pdf_mixed_scan.pdf"
    engine = Counting(get_engine("rapid"))
    first = _read(path)
    ocr_sources(first, engine=engine, cache_dir=tmp_path, root=path)

    def no_render(*args, **kwargs):
        raise AssertionError("rendered on a warm run")

    monkeypatch.setattr(page, "render_pdf_page", no_render)
    calls = engine.calls
    second = _read(path)
    t = time.perf_counter()
    assert ocr_sources(second, engine=engine, cache_dir=tmp_path, root=path) == []
    assert time.perf_counter() - t < 1.0
    assert engine.calls == calls
    assert [[i.to_json() for i in b.images] for b in second[0].blocks] == \
        [[i.to_json() for i in b.images] for b in first[0].blocks]
    assert _texts(second) == _texts(first)


def test_same_page_image_in_another_file_is_not_read_again(fixtures_dir, tmp_path):
    """The reading is keyed by the page image's pixels: a re-encoded copy of a scan hits the cache."""
    from PIL import Image

    engine = Counting(get_engine("rapid"))
    original = fixtures_dir / "image_scan.png"
    ocr_sources(_read(original), engine=engine, cache_dir=tmp_path, root=original)
    calls = engine.calls
    copy = tmp_path / "copy.bmp"
    with Image.open(original) as im:
        im.save(copy, format="BMP")  # other bytes, same pixels
    sources = _read(copy)
    assert ocr_sources(sources, engine=engine, cache_dir=tmp_path, root=copy) == []
    assert engine.calls == calls
    assert [b.text for b in sources[0].blocks][0] == "行政处罚决定书"


def test_cache_key_changes_with_engine_and_version(fixtures_dir, tmp_path):
    path = fixtures_dir / "image_scan.png"
    a = Counting(get_engine("rapid"))
    ocr_sources(_read(path), engine=a, cache_dir=tmp_path, root=path)
    b = Counting(get_engine("rapid"))
    b.version = a.version + " (other models)"
    ocr_sources(_read(path), engine=b, cache_dir=tmp_path, root=path)
    assert a.calls >= 1 and b.calls >= 1
    assert len(list(tmp_path.rglob("*.json"))) == 4  # two engine versions, two entries each


def test_cache_disabled_reads_every_time(fixtures_dir, tmp_path):
    path = fixtures_dir / "image_scan.png"
    engine = Counting(get_engine("rapid"))
    for _ in range(2):
        ocr_sources(_read(path), engine=engine, cache_dir=tmp_path, root=path, cache=False)
    assert engine.calls >= 2 and not list(tmp_path.rglob("*.json"))


def test_default_cache_dir_env_and_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("CASEREVIEW_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_cache_dir() == tmp_path / "home" / ".cache" / "casereview" / "ocr"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "casereview" / "ocr"
    monkeypatch.setenv("CASEREVIEW_CACHE_DIR", str(tmp_path / "mine"))
    assert default_cache_dir() == tmp_path / "mine"
    assert OcrCache(tmp_path / "arg").directory == tmp_path / "arg"  # the argument wins


def test_load_case_writes_nothing_into_the_case_folder(fixtures_dir, tmp_path, monkeypatch):
    import shutil

    from casereview.api import load_case

    case_dir = tmp_path / "case"
    case_dir.mkdir()
    shutil.copy(fixtures_dir / "pdf_mixed_scan.pdf", case_dir / "scan.pdf")
    monkeypatch.setenv("CASEREVIEW_CACHE_DIR", str(tmp_path / "cache"))
    before = sorted(p.name for p in case_dir.rglob("*"))
    case = load_case(case_dir)
    assert [d.type for d in case.documents] == ["penalty_decision", "service_receipt"]
    assert sorted(p.name for p in case_dir.rglob("*")) == before
    assert list(Path(tmp_path / "cache").rglob("*.json"))


def test_unwritable_cache_is_not_an_error(fixtures_dir, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    path = fixtures_dir / "image_scan.png"
    sources = _read(path)
    assert ocr_sources(sources, engine="rapid", cache_dir=blocker / "sub", root=path) == []
    assert sources[0].ocr_pages == []
