"""Tables of a PDF page, rebuilt from their ruling lines.

A form printed to PDF is text runs and the lines drawn around its cells. Read
line by line, a cell whose text wraps becomes two lines (``检查人员 | 彭霞正（执法
证号：`` / ``61102610232）``), a label broken in its narrow column reads as two
labels (``受送达人签名或`` / ``盖章``), and an empty cell vanishes. The ruling
lines say where each cell is: the runs inside one cell are joined (wrapped lines
without a break), a row keeps its empty cells, and a picture belongs to the cell
it sits in — the same rows a .docx table gives, so every reader downstream
reads a PDF form as it reads a Word form.

Only grids are rebuilt: horizontal rules crossed by vertical ones. Lone
horizontal lines (signature underlines, a letterhead's red rule) are left
alone, and a page without a grid reads as lines, as before.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

_THIN = 2.5  # a path thinner than this (points) is a rule
_MIN_H = 15.0  # shortest horizontal rule that may bound a cell
_MIN_V = 6.0  # shortest vertical rule
_SNAP = 2.0  # rules closer than this are one
_MIN_ROW = 4.0  # a band between two rules thinner than this is a double rule, not a row
_SKEW = 0.5  # an edge whose ends differ by at most this (points) across is axis-aligned
_MAX_FORM_DEPTH = 3  # form XObjects nested deeper than this are not searched for rules
_MAX_SEGMENTS = 2000  # a path of more segments is a drawing, not a table's rules
_SIDES = 2  # a cell, a row or a box is bounded by two rules each way


@dataclass(slots=True)
class Rule:
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def horizontal(self) -> bool:
        return (self.x1 - self.x0) >= (self.y1 - self.y0)


@dataclass(slots=True)
class Grid:
    """One ruled table: the y of its row rules, and for each row the x of its cell edges."""

    x0: float
    top: float
    x1: float
    bottom: float
    ys: list[float]
    cols: list[list[float]] = field(default_factory=list)  # per row: cell edges, left to right
    columns: list[float] | None = None  # every cell edge of the grid (computed once)

    def row_of(self, y: float) -> int | None:
        for r in range(len(self.ys) - 1):
            if self.ys[r] <= y < self.ys[r + 1]:
                return r
        return None

    def col_of(self, row: int, x: float) -> int:
        edges = self.cols[row]
        for c in range(len(edges) - 1):
            if x < edges[c + 1]:
                return c
        return len(edges) - 2

    def contains(self, x: float, y: float) -> bool:
        return self.x0 - 1 <= x <= self.x1 + 1 and self.top <= y < self.bottom


def page_rules(page, height: float) -> list[Rule]:
    """Axis-aligned rules drawn on the page, top-down coordinates.

    Read through pdfium's C API directly (no wrapper object per path: a form page draws hundreds).
    """
    import ctypes

    import pypdfium2.raw as pdfium_c

    rules: list[Rule] = []
    box = [ctypes.c_float() for _ in range(4)]
    refs = [ctypes.byref(v) for v in box]

    def walk(count, get, depth: int) -> None:
        for i in range(count):
            obj = get(i)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
                walk(
                    pdfium_c.FPDFFormObj_CountObjects(obj),
                    lambda k, o=obj: pdfium_c.FPDFFormObj_GetObject(o, k),
                    depth + 1,
                )
                continue
            if kind != pdfium_c.FPDF_PAGEOBJ_PATH or not pdfium_c.FPDFPageObj_GetBounds(obj, *refs):
                continue
            left, bottom, right, top = (v.value for v in box)
            w, h = right - left, top - bottom
            if (w <= _THIN and h >= _MIN_V) or (h <= _THIN and w >= _MIN_H):
                rules.append(Rule(left, height - top, right, height - bottom))
            elif w > _THIN and h > _THIN:
                rules.extend(_segments(obj, height))

    walk(pdfium_c.FPDFPage_CountObjects(page.raw), lambda k: pdfium_c.FPDFPage_GetObject(page.raw, k), 0)
    return rules


def _segments(raw, height: float) -> list[Rule]:
    """The straight axis-aligned edges of a path drawn as one object (a whole grid, a rectangle)."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    n = pdfium_c.FPDFPath_CountSegments(raw)
    if n <= 0 or n > _MAX_SEGMENTS:
        return []
    fs = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(raw, ctypes.byref(fs)):
        return []
    out: list[Rule] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    start = prev = None
    for i in range(n):
        seg = pdfium_c.FPDFPath_GetPathSegment(raw, i)
        if not pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y)):
            continue
        px = fs.a * x.value + fs.c * y.value + fs.e
        py = fs.b * x.value + fs.d * y.value + fs.f
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = prev = (px, py)
            continue
        if prev is not None and kind == pdfium_c.FPDF_SEGMENT_LINETO:
            out.extend(_edge(prev, (px, py), height))
        prev = (px, py)
        if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
            out.extend(_edge(prev, start, height))
            prev = start
    return out


def _edge(a, b, height: float) -> list[Rule]:
    (ax, ay), (bx, by) = a, b
    if abs(ay - by) <= _SKEW and abs(ax - bx) >= _MIN_H:
        return [Rule(min(ax, bx), height - ay, max(ax, bx), height - ay)]
    if abs(ax - bx) <= _SKEW and abs(ay - by) >= _MIN_V:
        return [Rule(ax, height - max(ay, by), ax, height - min(ay, by))]
    return []


def find_grids(rules: list[Rule]) -> list[Grid]:
    """Tables: groups of horizontal rules joined by vertical rules that cross them."""
    hs = [r for r in rules if r.horizontal]
    vs = [r for r in rules if not r.horizontal]
    if len(hs) < _SIDES or len(vs) < _SIDES:
        return []
    # Union-find over rules that touch (a vertical rule reaching a horizontal one).
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for j, v in enumerate(vs):
        vx = (v.x0 + v.x1) / 2
        for i, h in enumerate(hs):
            hy = (h.y0 + h.y1) / 2
            if h.x0 - _SNAP <= vx <= h.x1 + _SNAP and v.y0 - _SNAP <= hy <= v.y1 + _SNAP:
                a, b = find(i), find(len(hs) + j)
                if a != b:
                    parent[a] = b
    groups: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    grids = []
    for g_hs, g_vs in groups.values():
        if len(g_hs) < _SIDES or len(g_vs) < _SIDES:
            continue
        grid = _grid(g_hs, g_vs)
        if grid is not None:
            grids.append(grid)
    return sorted(grids, key=lambda g: g.top)


def _snap(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= _SNAP:
            continue
        out.append(v)
    return out


def _grid(hs: list[Rule], vs: list[Rule]) -> Grid | None:
    x0 = min(min(h.x0 for h in hs), min(v.x0 for v in vs))
    x1 = max(max(h.x1 for h in hs), max(v.x1 for v in vs))
    ys = _snap([(h.y0 + h.y1) / 2 for h in hs])
    ys = [y for i, y in enumerate(ys) if i == 0 or y - ys[i - 1] >= _MIN_ROW or i == len(ys) - 1]
    if len(ys) < _SIDES:
        return None
    grid = Grid(x0, ys[0], x1, ys[-1], ys)
    for r in range(len(ys) - 1):
        mid = (ys[r] + ys[r + 1]) / 2
        edges = [(v.x0 + v.x1) / 2 for v in vs if v.y0 - _SNAP <= mid <= v.y1 + _SNAP]
        edges = _snap([x0, *edges, x1])
        if len(edges) < _SIDES:
            edges = [x0, x1]
        grid.cols.append(edges)
    return grid


def split_runs(grids: list[Grid], runs: list) -> tuple[list[list], list]:
    """Runs (x0, top, x1, bottom, text) inside each grid, and the runs outside every grid."""
    inside: list[list] = [[] for _ in grids]
    outside = []
    for run in runs:
        cx, cy = (run[0] + run[2]) / 2, (run[1] + run[3]) / 2
        for k, g in enumerate(grids):
            if g.contains(cx, cy):
                inside[k].append(run)
                break
        else:
            outside.append(run)
    return inside, outside


def global_columns(grid: Grid) -> list[float]:
    """Every cell edge of the grid, so that a merged cell keeps its column (padded like a .docx gridSpan)."""
    if grid.columns is None:
        grid.columns = _snap([x for edges in grid.cols for x in edges])
    return grid.columns


def cell_runs(grid: Grid, runs: list) -> dict[tuple[int, int], list]:
    """Runs by (row, grid column) — the column where the run's cell starts."""
    columns = global_columns(grid)
    out: dict[tuple[int, int], list] = {}
    for run in runs:
        cx, cy = (run[0] + run[2]) / 2, (run[1] + run[3]) / 2
        r = grid.row_of(cy)
        if r is None:
            continue
        c = grid.col_of(r, cx)
        out.setdefault((r, column_index(columns, grid.cols[r][c])), []).append(run)
    return out


def column_index(columns: list[float], x: float) -> int:
    """The grid column whose edge is nearest ``x`` (``columns`` sorted)."""
    i = bisect.bisect_left(columns, x)
    if i == 0:
        return 0
    if i == len(columns):
        return len(columns) - 1
    return i if columns[i] - x < x - columns[i - 1] else i - 1


def row_cells(grid: Grid, r: int) -> list[tuple[int, float]]:
    """The cells of row ``r``: (grid column where each starts, its right edge)."""
    columns = global_columns(grid)
    edges = grid.cols[r]
    return [(column_index(columns, edges[c]), edges[c + 1]) for c in range(len(edges) - 1)]


def is_frame(grid: Grid) -> bool:
    """A single box (a page frame, a framed note): not a table of cells."""
    return len(grid.ys) == _SIDES and all(len(edges) == _SIDES for edges in grid.cols)
