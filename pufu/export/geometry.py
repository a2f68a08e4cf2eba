"""Where Graphviz put things: a chart's DOT (from :func:`pufu.export.diagram.build_dot`) laid
out once, and read back as boxes in points (origin at the top left, y downwards), so a deck can
place its own shapes exactly where the diagram draws its boxes.

Only what any layout gives is read: each node's centre and size (``pos``, ``width``,
``height``) by node name (:func:`pufu.export.diagram.dot_name` of a part id), each cluster's
bounding box (``bb``) by cluster name, each edge's ends and style, and the drawing's bounding
box. Nothing here assumes an arrangement of the chart.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass, field

from . import fonts
from .diagram import DiagramError


@dataclass(frozen=True)
class Box:
    """A rectangle in points: left, top, width, height (y grows downwards)."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h


@dataclass(frozen=True)
class Edge:
    tail: str
    head: str
    attrs: dict[str, str]


@dataclass
class Layout:
    """The laid-out drawing: its bounding box, node boxes, cluster boxes and edges."""

    bounds: Box
    nodes: dict[str, Box] = field(default_factory=dict)
    clusters: dict[str, Box] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    #: the nodes drawn invisible (helpers that hold the sheet's order)
    hidden: set[str] = field(default_factory=set)


def _numbers(text: str) -> list[float]:
    return [float(v) for v in re.split(r"[ ,]+", text.strip()) if v]


def layout(dot: str) -> Layout:
    """Lay ``dot`` out with Graphviz (the bundled font, as the diagrams) and read it back."""
    laid = _laid_out_here(dot) if fonts.ensure() else _laid_out_elsewhere(dot)
    return read(laid)


def read(laid_out: str) -> Layout:
    """Read a laid-out DOT text (with ``pos``, ``bb``...)."""
    import pygraphviz

    graph = pygraphviz.AGraph(string=laid_out)
    x0, y0, x1, y1 = _drawn(graph)

    def box(left: float, bottom: float, right: float, top: float) -> Box:
        # Graphviz: y upwards from the bottom; here: y downwards from the top of the drawing
        return Box(left - x0, y1 - top, right - left, top - bottom)

    out = Layout(bounds=Box(0.0, 0.0, x1 - x0, y1 - y0))
    for node in graph.nodes_iter():
        pos = node.attr.get("pos")
        if not pos:
            continue
        x, y = _numbers(pos)[:2]
        w = float(node.attr.get("width") or 0) * 72
        h = float(node.attr.get("height") or 0) * 72
        out.nodes[str(node)] = box(x - w / 2, y - h / 2, x + w / 2, y + h / 2)
        if "invis" in (node.attr.get("style") or ""):
            out.hidden.add(str(node))

    def clusters(parent: object) -> None:
        for sub in parent.subgraphs_iter():  # type: ignore[attr-defined]
            bb = sub.graph_attr.get("bb")
            if (sub.name or "").startswith("cluster") and bb:
                out.clusters[sub.name] = box(*_numbers(bb))
            clusters(sub)

    clusters(graph)
    for edge in graph.edges_iter():  # each edge with its own attributes (two may join a pair)
        attrs = {key: value for key, value in dict(edge.attr).items() if value}
        out.edges.append(Edge(str(edge[0]), str(edge[1]), attrs))
    return out


def _drawn(graph: object) -> tuple[float, float, float, float]:
    """The box (Graphviz points: left, bottom, right, top) of what is drawn: the visible nodes,
    the bands and the visible edges. Graphviz's ``bb`` may hold invisible helpers, and when the
    drawing is spread to fill (``ratio=fill``) it is the size asked, not where the nodes went."""
    xs: list[float] = []
    ys: list[float] = []
    for node in graph.nodes_iter():  # type: ignore[attr-defined]
        attr = node.attr
        if "invis" in (attr.get("style") or "") or not attr.get("pos"):
            continue
        x, y = _numbers(attr["pos"])[:2]
        half_w, half_h = float(attr.get("width") or 0) * 36, float(attr.get("height") or 0) * 36
        xs += [x - half_w, x + half_w]
        ys += [y - half_h, y + half_h]
    for edge in graph.edges_iter():  # type: ignore[attr-defined]
        if "invis" in (edge.attr.get("style") or ""):
            continue
        for point in (edge.attr.get("pos") or "").split():
            px, py = _numbers(point.split(",", 1)[1] if point[:2] in ("e,", "s,") else point)[-2:]
            xs.append(px)
            ys.append(py)

    def clusters(parent: object) -> None:
        for sub in parent.subgraphs_iter():  # type: ignore[attr-defined]
            bb = sub.graph_attr.get("bb")
            if (sub.name or "").startswith("cluster") and bb:
                left, bottom, right, top = _numbers(bb)
                xs.extend((left, right))
                ys.extend((bottom, top))
            clusters(sub)

    clusters(graph)
    if not xs:
        left, bottom, right, top = _numbers(graph.graph_attr["bb"])  # type: ignore[attr-defined]
        return left, bottom, right, top
    return min(xs), min(ys), max(xs), max(ys)


def widened(drawing: Layout, width: float, height: float) -> None:
    """Make ``drawing`` ``width`` × ``height`` points (no smaller than it is), what it draws
    centred across and at the top. Changes ``drawing``."""
    width, height = max(width, drawing.bounds.w), max(height, drawing.bounds.h)
    dx = (width - drawing.bounds.w) / 2

    def moved(box: Box) -> Box:
        return Box(box.x + dx, box.y, box.w, box.h)

    drawing.nodes = {name: moved(box) for name, box in drawing.nodes.items()}
    drawing.clusters = {name: moved(box) for name, box in drawing.clusters.items()}
    drawing.bounds = Box(0.0, 0.0, width, height)


def stretched(drawing: Layout, down: float) -> None:
    """Stretch the column of bands (the 中間目的 and their 施策) down the drawing's height when
    a taller column (the 廟算八要素 panel, say) leaves room above or below it: the bands, and
    the boxes in them, are moved and made taller in proportion. Changes ``drawing``."""
    bands = list(drawing.clusters.values())
    if not bands:
        return
    top, bottom = min(b.y for b in bands), max(b.bottom for b in bands)
    left, right = min(b.x for b in bands), max(b.right for b in bands)

    def in_bands(box: Box) -> bool:
        return any(b.x <= box.x and box.right <= b.right and b.y <= box.y and box.bottom <= b.bottom for b in bands)

    low, high = 0.0, drawing.bounds.h
    members = []
    for name, box in drawing.nodes.items():
        if name in drawing.hidden or box.right <= left or right <= box.x:
            continue
        if in_bands(box):
            members.append(name)
        elif box.bottom <= top:
            low = max(low, box.bottom + down)
        elif box.y >= bottom:
            high = min(high, box.y - down)
    if bottom - top <= 0 or high - low <= (bottom - top) * 1.02:
        return
    k = (high - low) / (bottom - top)

    def moved(box: Box) -> Box:
        return Box(box.x, low + (box.y - top) * k, box.w, box.h * k)

    drawing.clusters = {name: moved(box) for name, box in drawing.clusters.items()}
    for name in members:
        drawing.nodes[name] = moved(drawing.nodes[name])


def grown(
    drawing: Layout,
    names: list[str],
    across: float,
    down: float,
    pad: float = 4.0,
    grow_down: float = 1.0,
) -> dict[str, Box]:
    """The boxes ``names`` grown into the room around them, so that a drawing spread to fill a
    slide has larger boxes rather than wider gaps: first across, then down. On each side a box
    takes at most half of the room between it and another growing box it faces, and the room
    up to any other box or band it faces, keeping ``across`` (or ``down``) points between
    them for the arrows (any box of its own band faces it across); it stays ``pad`` points
    inside the band it is in, and inside the drawing; it grows down by at most ``grow_down`` of
    its height. Boxes never shrink and never come to overlap."""
    visible = {name: box for name, box in drawing.nodes.items() if name not in drawing.hidden}
    current = {name: visible[name] for name in names if name in visible}
    fixed = [box for name, box in visible.items() if name not in current]

    def inside(box: Box, band: Box) -> bool:
        return band.x <= box.x and box.right <= band.right and band.y <= box.y and box.bottom <= band.bottom

    def span(box: Box, horizontal: bool) -> tuple[float, float]:
        return (box.x, box.right) if horizontal else (box.y, box.bottom)

    def room(name: str, box: Box, horizontal: bool) -> tuple[float, float]:
        """How far ``box`` may grow towards lower and higher coordinates."""
        low, high = span(box, horizontal)
        gap = across if horizontal else down
        free = [low, (drawing.bounds.w if horizontal else drawing.bounds.h) - high]
        obstacles = [(other, 2.0) for key, other in current.items() if key != name]
        obstacles += [(other, 1.0) for other in fixed]
        home = None
        for band in drawing.clusters.values():
            if inside(box, band):
                home = band
                b_low, b_high = span(band, horizontal)
                free = [min(free[0], low - b_low - pad), min(free[1], b_high - high - pad)]
            else:
                obstacles.append((band, 1.0))
        for other, share in obstacles:
            o_low, o_high = span(other, horizontal)
            p_low, p_high = span(other, not horizontal)
            q_low, q_high = span(box, not horizontal)
            # a box of its band faces it across the whole band (the 施策 stay in their column,
            # left of the 中間目的, even where no box is beside them)
            facing = horizontal and home is not None and inside(other, home)
            if (not facing and (p_high <= q_low or q_high <= p_low)) or (o_low < high and low < o_high):
                continue  # not facing it (or overlapping it already: left as it is)
            if o_low >= high:
                free[1] = min(free[1], (o_low - high - gap) / share)
            else:
                free[0] = min(free[0], (low - o_high - gap) / share)
        if not horizontal:  # a box far taller than its text looks empty, not larger
            free = [min(free[0], box.h * grow_down / 2), min(free[1], box.h * grow_down / 2)]
        return max(free[0], 0.0), max(free[1], 0.0)

    for horizontal in (True, False):
        steps = {name: room(name, box, horizontal) for name, box in current.items()}
        for name, (before, after) in steps.items():
            box = current[name]
            if horizontal:
                current[name] = Box(box.x - before, box.y, box.w + before + after, box.h)
            else:
                current[name] = Box(box.x, box.y - before, box.w, box.h + before + after)
    return current


def _laid_out_here(dot: str) -> str:
    import pygraphviz
    from pygraphviz import graphviz as gv

    try:
        graph = pygraphviz.AGraph(string=dot)
    except Exception as exc:  # Graphviz reports a bad graph
        raise DiagramError("err.diagram.read", reason=exc) from None
    graph.graph_attr.update(pad="0", margin="0")
    context = gv.gvContextWithBuiltins()
    try:
        if gv.gvLayout(context, graph.handle, b"dot") != 0:
            raise DiagramError("err.diagram.layout")
        try:
            error, data = gv.gvRenderData(context, graph.handle, b"dot")
        finally:
            gv.gvFreeLayout(context, graph.handle)
    finally:
        gv.gvFreeContext(context)
    if error or not data:
        raise DiagramError("err.diagram.layout")
    return data.decode("utf-8")


def _laid_out_elsewhere(dot: str) -> str:
    """Lay out in a fresh Python process, where fontconfig starts with pufu's font."""
    code = (
        "import sys; from pufu.export.geometry import _child; "
        "sys.stdout.buffer.write(_child(sys.stdin.buffer.read()))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        input=dot.encode("utf-8"),
        capture_output=True,
        env=fonts.child_env(),
        check=False,
    )
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DiagramError("err.diagram.layout_reason", reason=message[-1] if message else "-")
    return result.stdout.decode("utf-8")


def _child(dot: bytes) -> bytes:
    if not fonts.ensure():
        raise DiagramError("err.diagram.font")
    return _laid_out_here(dot.decode("utf-8")).encode("utf-8")
