"""OCR engines behind one small interface: a PIL image in, text segments with boxes out.

``RapidEngine`` (rapidocr-onnxruntime: PP-OCRv4 models shipped inside the
wheel, run by onnxruntime) is the default; ``TesseractEngine`` (Debian's
tesseract with chi_sim, called as a program) is the lighter choice. Both load
lazily: nothing is imported or started until the first page, and an engine
that is not installed fails with a message that says how to install it.
Neither ever downloads anything.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath

__all__ = [
    "OcrLine",
    "OcrUnavailable",
    "RapidEngine",
    "TesseractEngine",
    "get_engine",
    "set_threads",
    "default_engine",
    "available_engines",
    "ENGINES",
]

RAPID_INSTALL = "python3 -m pip install 'rapidocr-onnxruntime==1.4.4'"
TESSERACT_INSTALL = "apt-get install -y tesseract-ocr tesseract-ocr-chi-sim"
_TESS_WIDTH = 2480  # A4 width at 300 dpi
_RAPID_MIN_SCORE = 0.5  # rapidocr's own floor for a text box (recognition score, 0..1)
_TESS_MIN_SCALE = 1.05  # a page picture is enlarged for tesseract only by more than this factor
_TSV_COLUMNS = 12  # columns of a tesseract TSV row (level .. text)


class OcrUnavailable(RuntimeError):
    """The OCR engine asked for is not installed (the message says how to install it)."""


@dataclass(slots=True)
class OcrLine:
    """One recognised run of text: ``box`` is (x0, top, x1, bottom) in pixels of the image read."""

    text: str
    box: tuple[float, float, float, float]
    confidence: float  # 0..1

    def to_json(self) -> list:
        return [self.text, [round(v, 1) for v in self.box], round(self.confidence, 4)]

    @classmethod
    def from_json(cls, raw: list) -> OcrLine:
        return cls(raw[0], tuple(raw[1]), float(raw[2]))


class RapidEngine:
    """rapidocr on onnxruntime, with the models that ship inside the rapidocr-onnxruntime wheel.

    The per-line 0/180 classifier is off: pages are turned upright as a whole
    first (see ``page.prepare_page``), and an upside-down page must read with
    a low confidence so that the turn is noticed. Detection runs on the page
    reduced to ``det_side`` pixels on its long side (text at 150-300 dpi stays
    well above the detector's needs); recognition reads crops of the full image,
    one line at a time, scaled to ``rec_height`` pixels.
    """

    name = "rapid"
    min_confidence = 0.85  # a page whose mean line confidence is below this goes to a person

    def __init__(self, threads: int | None = None, det_side: int = 1120, rec_height: int = 32) -> None:
        self.threads = threads
        self.det_side = det_side
        self.rec_height = rec_height
        self._ocr = None
        self._lock = threading.Lock()

    @staticmethod
    def installed() -> bool:
        return (
            importlib.util.find_spec("rapidocr_onnxruntime") is not None
            and importlib.util.find_spec("onnxruntime") is not None
        )

    @property
    def version(self) -> str:
        """Everything of the engine that decides what it reads (part of the OCR cache keys): the package,
        its detection and recognition model files, onnxruntime, and this engine's settings."""
        from importlib.metadata import version

        return (
            f"rapidocr-onnxruntime {version('rapidocr-onnxruntime')}; models {', '.join(_rapid_models())}; "
            f"onnxruntime {version('onnxruntime')}; det {self.det_side}; no cls; rec height {self.rec_height}"
        )

    def _load(self):
        if self._ocr is None:
            if not self.installed():
                raise OcrUnavailable(
                    f"OCR 引擎 rapidocr 未安装（需要 rapidocr-onnxruntime 与 onnxruntime）：{RAPID_INSTALL}"
                )
            try:
                from rapidocr_onnxruntime import RapidOCR
            except ImportError as exc:  # e.g. OpenCV without libGL
                raise OcrUnavailable(f"OCR 引擎 rapidocr 无法加载：{exc}；安装：{RAPID_INSTALL}") from exc
            # One line at a time: batching pads every line to the widest of its batch, which cost
            # twice the time here. Lines are read 32 px high instead of the model's 48: the
            # recogniser's time fell about threefold for the same characters on our pages
            # (benchmarks/ocr_speed.py).
            # Detection runs on a copy reduced to ``det_side`` here (rapidocr 1.4.4's own "max" limit
            # ignores the size asked for); its "min" limit then leaves that copy as it is.
            kw = {
                "det_limit_type": "min",
                "det_limit_side_len": 32,
                "use_cls": False,
                "rec_batch_num": 1,
                "rec_img_shape": [3, self.rec_height, 320],
            }
            if self.threads:
                kw.update(intra_op_num_threads=self.threads, inter_op_num_threads=1)
            self._ocr = RapidOCR(**kw)
        return self._ocr

    def __call__(self, image) -> list[OcrLine]:
        import cv2
        import numpy as np

        ocr = self._load()
        arr = np.ascontiguousarray(np.asarray(image.convert("RGB"))[:, :, ::-1])  # OpenCV's BGR order
        h, w = arr.shape[:2]
        scale = min(1.0, self.det_side / max(h, w))
        small = (
            arr
            if scale == 1.0
            else cv2.resize(
                arr, (max(1, round(w * scale)), max(1, round(h * scale))), interpolation=cv2.INTER_AREA
            )
        )
        with self._lock:  # one onnxruntime session set per engine: calls are serialised
            boxes, _ = ocr.text_det(small)
            if boxes is None or len(boxes) == 0:
                return []
            boxes = ocr.sorted_boxes(boxes)
            boxes = [np.ascontiguousarray(b / scale, dtype=np.float32) for b in boxes]
            crops = ocr.get_crop_img_list(arr, boxes)  # lines are read from the full-resolution page
            results, _ = ocr.text_rec(crops)
        out = []
        for quad, (text, score) in zip(boxes, results, strict=True):
            if text.strip() and float(score) >= _RAPID_MIN_SCORE:  # rapidocr's own floor for a text box
                xs = [float(p[0]) for p in quad]
                ys = [float(p[1]) for p in quad]
                out.append(OcrLine(text, (min(xs), min(ys), max(xs), max(ys)), float(score)))
        return out


@cache
def _rapid_models() -> tuple[str, ...]:
    """The detection and recognition model files rapidocr loads, as its shipped config.yaml names them
    (read as text: importing rapidocr would load OpenCV and onnxruntime)."""
    import yaml

    spec = importlib.util.find_spec("rapidocr_onnxruntime")
    if spec is None or spec.origin is None:
        return ()
    try:
        config = yaml.safe_load((Path(spec.origin).parent / "config.yaml").read_text("utf-8"))
        return tuple(PurePosixPath(str(config[part]["model_path"])).name for part in ("Det", "Rec"))
    except (OSError, yaml.YAMLError, KeyError, TypeError):
        return ("unknown",)


class TesseractEngine:
    """Debian's tesseract with the chi_sim model, run as a program (TSV output, one word per row)."""

    name = "tesseract"
    min_confidence = 0.70  # tesseract's confidences run lower than rapidocr's on the same clean page

    def __init__(self, threads: int | None = None, lang: str = "chi_sim", psm: int = 3) -> None:
        self.threads = threads
        self.lang = lang
        self.psm = psm
        self._version: str | None = None

    @staticmethod
    def installed(lang: str = "chi_sim") -> bool:
        exe = shutil.which("tesseract")
        if not exe:
            return False
        try:
            out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.SubprocessError):
            return False
        return lang in (out.stdout + out.stderr).split()

    def _check(self) -> str:
        exe = shutil.which("tesseract")
        if not exe or not self.installed(self.lang):
            raise OcrUnavailable(f"OCR 引擎 tesseract（含 {self.lang} 语言包）未安装：{TESSERACT_INSTALL}")
        return exe

    @property
    def version(self) -> str:
        if self._version is None:
            exe = self._check()
            out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=30)
            first = (out.stdout or out.stderr).splitlines()[0].strip()
            self._version = f"{first}; {self.lang}; psm {self.psm}"
        return self._version

    def __call__(self, image) -> list[OcrLine]:
        import io

        exe = self._check()
        gray = image.convert("L")
        # tesseract reads best at about 300 dpi: a page picture narrower than A4 at 300 dpi is enlarged.
        scale = min(2.0, max(1.0, _TESS_WIDTH / max(1, min(gray.size))))
        if scale > _TESS_MIN_SCALE:
            from PIL import Image

            gray = gray.resize(
                (round(gray.size[0] * scale), round(gray.size[1] * scale)), Image.Resampling.BICUBIC
            )
        else:
            scale = 1.0
        buf = io.BytesIO()
        gray.save(buf, format="PNG")
        env = dict(os.environ)
        if self.threads:
            env["OMP_THREAD_LIMIT"] = str(self.threads)
        proc = subprocess.run(
            [
                exe,
                "stdin",
                "stdout",
                "-l",
                self.lang,
                "--psm",
                str(self.psm),
                "-c",
                "preserve_interword_spaces=1",
                "tsv",
            ],
            input=buf.getvalue(),
            capture_output=True,
            timeout=600,
            env=env,
        )
        if proc.returncode != 0:
            raise RuntimeError(f"tesseract 失败：{proc.stderr.decode('utf-8', 'replace').strip()[:200]}")
        words = _tesseract_words(proc.stdout.decode("utf-8", "replace"))
        if scale != 1.0:
            for w in words:
                w.box = tuple(v / scale for v in w.box)
        return words


def _tesseract_words(tsv: str) -> list[OcrLine]:
    """Words of tesseract's TSV (level 5 rows), with confidence scaled to 0..1."""
    out = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < _TSV_COLUMNS or cols[0] != "5":
            continue
        # Speckles are read as quote marks glued to a word: a closing quote cannot open it, nor an
        # opening quote close it.
        text = cols[11].strip().lstrip("”’\"'`").rstrip("“‘`")
        conf = float(cols[10])
        if not text or conf < 0:
            continue
        left, top, width, height = (float(c) for c in cols[6:10])
        out.append(OcrLine(text, (left, top, left + width, top + height), conf / 100.0))
    return out


ENGINES = {"rapid": RapidEngine, "rapidocr": RapidEngine, "tesseract": TesseractEngine}
_INSTANCES: dict[tuple, object] = {}
_THREADS: list[int | None] = [None]  # this process's share of the cores (None: the engine's own default)


def set_threads(threads: int | None) -> None:
    """Cores one OCR call may use in this process. A pool of N workers on C cores gives each C // N,
    so that the workers do not fight over the cores (onnxruntime takes them all by default)."""
    _THREADS[0] = threads


def get_engine(engine="rapid", threads: int | None = None):
    """An engine instance by name (cached per process), or the engine object itself."""
    if not isinstance(engine, str):
        return engine
    cls = ENGINES.get(engine.lower())
    if cls is None:
        raise ValueError(f"未知的 OCR 引擎：{engine}（可选：rapid、tesseract）")
    threads = threads if threads is not None else _THREADS[0]
    key = (cls, threads)
    if key not in _INSTANCES:
        _INSTANCES[key] = cls(threads=threads)
    return _INSTANCES[key]


def available_engines() -> list[str]:
    """Names of the engines installed here, default first."""
    out = []
    if RapidEngine.installed():
        out.append("rapid")
    if TesseractEngine.installed():
        out.append("tesseract")
    return out


def default_engine() -> str | None:
    """The engine ``ocr=True`` means: rapid when importable, else tesseract, else None (no OCR)."""
    if RapidEngine.installed():
        return "rapid"
    if TesseractEngine.installed():
        return "tesseract"
    return None
