"""Diagrams that fill the slide: of a few candidate layouts of the sheet (wrap widths, 施策 in
one or two columns, the 廟算八要素 panel in one or two columns, where the legend goes), the
one whose drawing can be zoomed the most on the canvas, so its text comes out largest; then
its nodes spread (Graphviz's ``ratio=fill``) so the drawing fills the canvas both ways.

Each candidate is laid out by Graphviz with the bundled font (a template takes ~10 ms, the
demo's phase 4 ~20 ms; a search tries ~40: ~0.5 s of CPU for a template); the search is
deterministic (no time limit), so repeat exports stay byte-identical. Charts of more than
:data:`MAX_PARTS` 中間目的 and 施策 keep the natural layout, zoomed to fit.

The layout found is kept in the cache folder (``fit/``, one small JSON file per chart and
canvas), keyed by everything it depends on: the chart, the options, the canvas, the first
candidate's DOT, the source of the modules that build and measure it, Graphviz's version and
the font. Exporting a chart again (every phase of a project after one more was recorded, the
deck after the diagrams) then costs one DOT and its drawing instead of a search, with the very
same bytes. A cache entry that cannot be read is ignored, one that cannot be written skipped.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from ..locations import cache_dir
from ..model import Chart
from . import fonts, layout_cache
from .diagram import (
    DEFAULT_DPI,
    MARGIN,
    NATURAL,
    DiagramError,
    Layout,
    _build,
    bounding_box,
    ink_box,
    zoom_to_fit,
)

#: No text is blown up beyond this zoom (a chart of three parts would fill a wall).
MAX_ZOOM = 2.0
#: Charts with more 中間目的 and 施策 than this keep the natural layout (each layout tried costs
#: ~1 ms a part; a 30 × 10 chart takes ~0.3 s to lay out once).
MAX_PARTS = 80
#: Wrap widths of 施策 tried (display columns); the other kinds follow in proportion.
MEASURE_WIDTHS = (20, 23, 26, 30, 36, 42, 50, 60)


@dataclass(frozen=True)
class Fit:
    """The DOT built for a canvas, with the layout chosen, its zoom on the canvas, and the
    size (points) Graphviz gave it before it was spread to fill the canvas."""

    dot: str
    layout: Layout
    zoom: float
    natural: tuple[float, float]
    #: what is drawn once spread (points): the ink's width and height
    drawn: tuple[float, float] = (0.0, 0.0)
    size: tuple[float, float] = (0.0, 0.0)

    @property
    def final_zoom(self) -> float:
        """The zoom the slide's viewport gives the drawing (as :func:`render_dot` sets it)."""
        return zoom_to_fit(*self.drawn, self.size) if self.size[0] else 0.0

    def text_px(self, dpi: int = DEFAULT_DPI) -> float:
        """The parts' text height in pixels on a PNG of ``dpi``: points × zoom × dpi / 72."""
        return self.layout.font * self.final_zoom * dpi / 72

    def coverage(self) -> tuple[float, float]:
        """The share of the canvas the drawing covers, across and down."""
        zoom = self.final_zoom
        return tuple(d * zoom / (s * 72) for d, s in zip(self.drawn, self.size, strict=True))  # type: ignore[return-value]


def laid_out_size(dot: str, ink: bool = True) -> tuple[float, float]:
    """The width and height (points) of the drawing Graphviz makes of ``dot``: what it draws
    (``ink``), or Graphviz's bounding box (faster; it may hold invisible helpers)."""
    import pygraphviz
    from pygraphviz import graphviz as gv

    graph = pygraphviz.AGraph(string=dot)
    graph.graph_attr.update(dpi="72", margin="0", pad="0")
    context = gv.gvContextWithBuiltins()
    try:
        if gv.gvLayout(context, graph.handle, b"dot") != 0:
            raise DiagramError("err.diagram.layout")
        try:
            if ink:
                x0, y0, x1, y1 = ink_box(graph, context)
            else:
                x0, y0, x1, y1 = bounding_box(graph.graph_attr["bb"])
        finally:
            gv.gvFreeLayout(context, graph.handle)
    finally:
        gv.gvFreeContext(context)
    return x1 - x0, y1 - y0


def sized(measure: int, base: Layout) -> Layout:
    """``base`` with 施策 wrapped at ``measure`` columns and the other kinds in proportion."""
    return replace(
        base,
        measure=measure,
        purpose=max(18, round(measure * 0.85)),
        win=max(18, round(measure * 0.8)),
        element=max(18, round(measure * 0.8)),
    )


#: The layout a search starts from: part texts (15 pt) larger than headings and the legend
#: (10–11 pt), columns closer, comments as wide as their box, no empty progress cells.
BASE = Layout(ranksep=0.3, nodesep=0.1, compact=True, font=15)


def toggles(chart: Chart, header: bool) -> list[tuple[str, tuple[object, ...]]]:
    """The structural choices worth trying for ``chart``, each with its values."""
    choices: list[tuple[str, tuple[object, ...]]] = []
    if len(chart.measures()) >= 6:
        choices.append(("measure_columns", (1, 2)))
    choices += [("panel_columns", (1, 2)), ("legend", ("goal", "panel", "win"))]
    if header:
        choices.append(("header", ("top", "side")))
    return choices


def fit(chart: Chart, size: tuple[float, float], options: dict[str, Any]) -> Fit:
    """The DOT of ``chart`` for a canvas of ``size`` inches (see the module)."""
    parts = len(chart.purposes()) + len(chart.measures())
    # another font configuration is loaded (lay out in the child), or a chart so large that
    # its text is small whatever the layout: the natural layout, zoomed to fit
    if parts > MAX_PARTS or not fonts.ensure():
        dot = _build(chart, NATURAL, None, **options)
        return Fit(dot, NATURAL, 0.0, (0.0, 0.0))
    first = sized(MEASURE_WIDTHS[2], BASE)  # where the search starts
    built = {first: _build(chart, first, None, **options)}
    key = _key(chart, size, options, built[first])
    found = _cached(key, chart, size, options)
    if found is not None:
        return found
    tried: dict[Layout, tuple[float, tuple[float, float]]] = {}

    def score(structure: Layout, index: int) -> float:
        return measure(sized(MEASURE_WIDTHS[index], structure))

    def measure(layout: Layout) -> float:
        if layout not in tried:
            dot = built.pop(layout, None) or _build(chart, layout, None, **options)
            width, height = laid_out_size(dot, ink=False)
            tried[layout] = (min(zoom_to_fit(width, height, size), MAX_ZOOM), (width, height))
        return tried[layout][0]

    def walk(structure: Layout, index: int) -> int:
        """The best wrap width near ``index``: step while the zoom rises."""
        while True:
            around = [i for i in (index - 1, index + 1) if 0 <= i < len(MEASURE_WIDTHS)]
            better = [i for i in around if score(structure, i) > score(structure, index) + 1e-9]
            if not better:
                return index
            index = max(better, key=lambda i: score(structure, i))

    # the wrap width first, then each structural choice in turn (each at its best width),
    # kept when it zooms more; twice over, as one choice changes what the next is worth
    structure = BASE
    index = walk(structure, 2)
    for _ in range(2):
        start = structure
        for name, values in toggles(chart, options.get("header") is not None):
            for value in values:
                if getattr(structure, name) == value:
                    continue
                other = replace(structure, **{name: value})  # type: ignore[arg-type]
                at = walk(other, index)
                if score(other, at) > score(structure, index) + 1e-9:
                    structure, index = other, at
        if structure == start:
            break
    layout = sized(MEASURE_WIDTHS[index], structure)
    # then each other column's width on its own, so that the columns come out equally tall
    for _ in range(2):
        start = layout
        for name in ("element", "purpose", "win", "measure"):
            for step in (-4, -2, 2, 4):
                least = MEASURE_WIDTHS[0] if name == "measure" else 18
                other = replace(layout, **{name: max(least, getattr(layout, name) + step)})
                if measure(other) > measure(layout) + 1e-9:
                    layout = other
        if layout == start:
            break
    # the bands level with the top of the panel look better than sunk below it: kept if the
    # text loses at most 2 %
    aligned = replace(layout, align_top=True)
    if measure(aligned) >= 0.98 * measure(layout):
        layout = aligned
    zoom, (width, height) = tried[layout]
    room = tuple((inches - 2 * MARGIN) * 72 / zoom for inches in size)
    dot, drawn, fill = _spread(chart, layout, room, options)
    result = Fit(dot, layout, zoom, (width, height), drawn, size)
    _store(key, result, fill)
    return result


def variant(chart: Chart, layout: Layout, size: tuple[float, float], options: dict[str, Any]) -> str:
    """The DOT of ``layout`` as it is (no search, no cache) spread to fill a canvas of ``size``
    inches as :func:`fit` spreads the layout it finds: for a caller that weighs layouts by its
    own measure (the deck's boxes, grown into the room around them)."""
    dot = _build(chart, layout, None, **options)
    width, height = laid_out_size(dot, ink=False)
    zoom = min(zoom_to_fit(width, height, size), MAX_ZOOM)
    room = tuple((inches - 2 * MARGIN) * 72 / zoom for inches in size)
    return _spread(chart, layout, room, options)[0]


# ---------------------------------------------------------------------- the cache

#: The modules whose code decides the DOT, the search and the measuring.
_SOURCES = ("fit.py", "diagram.py", "themes.py", "fonts.py", "../text.py")
_code: list[str] = []


def _code_digest() -> str:
    """The source of the modules that make a fit, Graphviz's version and the font, digested
    (once a process): a change to any of them is a different cache key."""
    if not _code:
        import pygraphviz

        digest = hashlib.sha256(f"pygraphviz {pygraphviz.__version__}".encode())
        here = Path(__file__).resolve().parent
        for name in _SOURCES:
            try:
                digest.update((here / name).read_bytes())
            except OSError:
                digest.update(name.encode())
        try:
            info = fonts.FONT_FILE.stat()
            digest.update(f"{info.st_size} {info.st_mtime_ns}".encode())
        except OSError:
            pass
        _code.append(digest.hexdigest())
    return _code[0]


def _option_text(value: object) -> str:
    if isinstance(value, Chart):
        return value.to_data().model_dump_json()
    if isinstance(value, dict):
        return repr(sorted(value.items()))
    return repr(value)


def _key(chart: Chart, size: tuple[float, float], options: dict[str, Any], first_dot: str) -> str:
    digest = hashlib.sha256(_code_digest().encode())
    digest.update(chart.to_data().model_dump_json().encode("utf-8", "surrogatepass"))
    for name in sorted(options):
        digest.update(f"\0{name}={_option_text(options[name])}".encode("utf-8", "surrogatepass"))
    digest.update(f"\0size={size!r}\0".encode())
    digest.update(first_dot.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _folder() -> Path:
    return cache_dir() / "fit"


def _cached(key: str, chart: Chart, size: tuple[float, float], options: dict[str, Any]) -> Fit | None:
    """The fit kept for ``key``, its DOT built again (one DOT, no layout), or None."""
    entry = layout_cache.read(_folder(), key)
    try:
        layout = Layout(**entry["layout"])
        fill = (float(entry["fill"][0]), float(entry["fill"][1]))
        natural = (float(entry["natural"][0]), float(entry["natural"][1]))
        drawn = (float(entry["drawn"][0]), float(entry["drawn"][1]))
        zoom = float(entry["zoom"])
    except (ValueError, TypeError, KeyError, IndexError):
        return None
    return Fit(_build(chart, layout, fill, **options), layout, zoom, natural, drawn, size)


def _store(key: str, result: Fit, fill: tuple[float, float]) -> None:
    entry = {
        "layout": asdict(result.layout),
        "fill": list(fill),
        "zoom": result.zoom,
        "natural": list(result.natural),
        "drawn": list(result.drawn),
    }
    layout_cache.write(_folder(), key, entry)


def _spread(
    chart: Chart, layout: Layout, room: tuple[float, ...], options: dict[str, Any]
) -> tuple[str, tuple[float, float], tuple[float, float]]:
    """The DOT of ``layout`` spread to ``room`` (points). Graphviz scales the node centres,
    then adds the header, so the drawing does not come out exactly the size asked: a few
    secant steps, each one layout, correct it. Returns the DOT, its size and its fill (inches)."""
    fill = list(room)
    inches = _inches(fill)
    dot = _build(chart, layout, inches, **options)
    spread = laid_out_size(dot)
    previous: tuple[list[float], tuple[float, float]] | None = None
    for _ in range(3):
        if all(abs(spread[i] - room[i]) <= 1.0 for i in (0, 1)):
            break
        step = []
        for i in (0, 1):
            slope = 1.0
            if previous is not None and abs(fill[i] - previous[0][i]) > 0.5:
                slope = (spread[i] - previous[1][i]) / (fill[i] - previous[0][i])
                slope = min(max(slope, 0.3), 3.0)
            step.append(max(fill[i] + (room[i] - spread[i]) / slope, 1.0))
        previous = (fill, spread)
        fill = step
        candidate = _build(chart, layout, _inches(fill), **options)
        size = laid_out_size(candidate)
        if max(size[0] - room[0], size[1] - room[1]) > 1.0 and all(
            spread[i] <= room[i] + 1.0 for i in (0, 1)
        ):
            break  # overshot: keep the last one that fitted
        dot, spread, inches = candidate, size, _inches(fill)
    return dot, spread, inches


def _inches(points: list[float]) -> tuple[float, float]:
    return points[0] / 72, points[1] / 72
