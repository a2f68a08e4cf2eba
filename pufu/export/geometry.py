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
    x0, y0, x1, y1 = _numbers(graph.graph_attr["bb"])

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
