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
    assert len(entries) == 2 and not list(
        tmp_path.rglob(".tmp-*")
    )  # the page image's reading, the finished page


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
    assert [[i.to_json() for i in b.images] for b in second[0].blocks] == [
        [i.to_json() for i in b.images] for b in first[0].blocks
    ]
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


# -- the keys: declared inputs and version numbers, never source text ------------------------------

_KEYS_SCRIPT = """
import json, sys
sys.path.insert(0, sys.argv[1])
from types import SimpleNamespace
import casereview
from casereview.parsers.ocr.cache import page_key, reading_key
engine = SimpleNamespace(name="rapid", version="rapidocr 1.4.4; models a.onnx, b.onnx", min_confidence=0.85)
print(json.dumps([casereview.__file__, reading_key("ab" * 32, engine, 200),
                  page_key("cd" * 32, 3, engine, 200, 12_000_000)]))
"""


def _keys_of(tree: Path) -> tuple[str, list[str]]:
    import json
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-c", _KEYS_SCRIPT, str(tree)], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    where, *keys = json.loads(proc.stdout)
    return where, keys


def test_cache_keys_do_not_change_when_the_source_text_does(tmp_path):
    """Reformatting the OCR code (or the module holding the signature labels) keeps every cached page:
    the same inputs give the same keys from a copy of the package whose source files all differ."""
    import shutil

    root = Path(__file__).resolve().parents[2]
    copy = tmp_path / "tree"
    shutil.copytree(root / "casereview", copy / "casereview", ignore=shutil.ignore_patterns("__pycache__"))
    changed = [
        *sorted((copy / "casereview" / "parsers" / "ocr").glob("*.py")),
        copy / "casereview" / "text" / "labels.py",
    ]
    for path in changed:
        text = path.read_text("utf-8")
        path.write_text(
            text.replace("\n\n\n", "\n\n\n\n") + "\n\n# reformatted: the file changes, not what it does\n"
            "_REFORMATTED = True\n",
            "utf-8",
        )
    where_then, before = _keys_of(root)
    where_now, after = _keys_of(copy)
    assert Path(where_then).is_relative_to(root) and Path(where_now).is_relative_to(
        copy
    )  # each tree's own code
    assert after == before


def test_cache_keys_follow_their_declared_inputs_and_versions(monkeypatch):
    """Every declared input is in the key; bumping READING_VERSION changes both keys, LAYOUT_VERSION only
    the finished page's (its readings stay valid)."""
    from types import SimpleNamespace

    from casereview.parsers.ocr import cache

    engine = SimpleNamespace(name="rapid", version="1.4.4", min_confidence=0.85)

    def keys(**kw):
        e = SimpleNamespace(**{**vars(engine), **{k: v for k, v in kw.items() if k in vars(engine)}})
        return (
            cache.reading_key(kw.get("image", "ab"), e, kw.get("dpi", 200)),
            cache.page_key(
                kw.get("file", "cd"),
                kw.get("page", 1),
                e,
                kw.get("dpi", 200),
                kw.get("max_pixels", 12_000_000),
            ),
        )

    base = keys()
    assert keys() == base  # a function of its inputs
    for change in ({"name": "tesseract"}, {"version": "1.4.5"}, {"min_confidence": 0.7}, {"dpi": 300}):
        assert keys(**change)[0] != base[0] and keys(**change)[1] != base[1], change
    assert keys(image="ef")[0] != base[0] and keys(image="ef")[1] == base[1]
    for change in ({"file": "ef"}, {"page": 2}, {"max_pixels": 6_000_000}):
        assert keys(**change) != base and keys(**change)[0] == base[0], change
    assert keys(dpi=None) != base  # an image file: no render resolution

    monkeypatch.setattr(cache, "LAYOUT_VERSION", cache.LAYOUT_VERSION + 1)
    layout_bumped = keys()
    assert layout_bumped[0] == base[0] and layout_bumped[1] != base[1]
    monkeypatch.setattr(cache, "READING_VERSION", cache.READING_VERSION + 1)
    reading_bumped = keys()
    assert reading_bumped[0] != base[0] and reading_bumped[1] not in (base[1], layout_bumped[1])


def test_a_version_bump_reads_again_exactly_what_it_covers(fixtures_dir, tmp_path, monkeypatch):
    """LAYOUT_VERSION bumped: the page is laid out again from the cached reading (no engine call);
    READING_VERSION bumped: the picture is read again."""
    from casereview.parsers.ocr import cache

    path = fixtures_dir / "image_scan.png"
    engine = Counting(get_engine("rapid"))
    first = _read(path)
    ocr_sources(first, engine=engine, cache_dir=tmp_path, root=path)
    calls = engine.calls
    assert calls >= 1 and len(list(tmp_path.rglob("*.json"))) == 2

    monkeypatch.setattr(cache, "LAYOUT_VERSION", cache.LAYOUT_VERSION + 1)
    again = _read(path)
    assert ocr_sources(again, engine=engine, cache_dir=tmp_path, root=path) == []
    assert engine.calls == calls and len(list(tmp_path.rglob("*.json"))) == 3  # a new page entry only
    assert _texts(again) == _texts(first)

    monkeypatch.setattr(cache, "READING_VERSION", cache.READING_VERSION + 1)
    ocr_sources(_read(path), engine=engine, cache_dir=tmp_path, root=path)
    assert engine.calls > calls and len(list(tmp_path.rglob("*.json"))) == 5
