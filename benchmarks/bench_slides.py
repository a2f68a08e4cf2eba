"""Diagrams on slides: how large the parts' text comes out and how much of the canvas the
drawing covers, for every bundled template (ja and en) and the demo's phase 4 (with and
without comments), on the 16:9, 4:3 and a4 canvases, before and after the layout that fills
the canvas (not a test: it prints; floors are shown, never asserted on time).

- text px: the parts' font size (points) × the viewport's zoom × dpi / 72, at the default
  144 dpi (16:9 is 1920 × 1080 px, 4:3 is 1440 × 1080, a4 is 1684 × 1191);
- across / down: the drawing's box × zoom over the whole canvas (margins included: the
  0.3 in margins alone leave at most 95.5 % across and 92 % down on 16:9);
- over: arrows that run across a box other than their own two ends (points sampled along
  each drawn arrow, inside a visible node's box by more than 2 pt), in the natural layout
  (the one main draws, computed live) → in the layout for the canvas.

"Before" is the layout as it was on main before this work (commit da83646: fixed wrap
widths, 12 pt text, the chart at its natural size zoomed to fit), measured with the same
Graphviz and font and recorded here: (text px, % across, % down) for 16:9, 4:3 and a4.
"After" is computed live by :func:`pufu.export.fit.fit`, the same code ``pufu export``
runs. Floors on 16:9: text ≥ 20 px for the templates, ≥ 15 px for the demo, ≥ 85 % both ways.

Then the deck (``pufu export -f pptx``, native shapes on the 13.33 × 7.5 in slide): for every
template and the demo's phase 4, the parts' text size in points (the smallest part's text:
floors 12 pt for the templates, 10 pt for the demo), the 廟算八要素' text and the legend's (pt), the share of the slide the shapes cover
across and down (title band and chart), and the time: of the first build (the deck's
search, unless the cache folder keeps its choice: run with PUFU_CACHE_DIR=$(mktemp -d) for a
cold one) and the median of the --repeat builds after it (the choice kept: one layout drawn). Before this
work (main at 7d3cff2) the deck's part text was 8.7–9.7 pt on the templates and 7.5 pt on the
demo, with the bottom ~10–13 % of the slide empty; the English templates' (main at a6f76c2,
before the deck weighed layouts by its own measure: the panel's width, 施策 in two columns)
10.5–12.3 pt.

Run: .venv/bin/python benchmarks/bench_slides.py [--only NAME] [--deck-only] [--repeat N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pygraphviz

from pufu.export import fonts
from pufu.export.diagram import SIZES, Header, build_dot
from pufu.export.fit import fit
from pufu.model import Chart, load_project

ROOT = Path(__file__).resolve().parent.parent
SIZE_NAMES = ("16:9", "4:3", "a4")
#: name → ((text px, % across, % down) on 16:9, 4:3, a4), measured on main at da83646.
BEFORE: dict[str, tuple[tuple[float, int, int], ...]] = {
    "demo phase 4": ((12.5, 78, 92), (11.2, 94, 83), (13.3, 95, 88)),
    "demo phase 4 --comments": ((10.6, 70, 92), (10.6, 93, 92), (11.8, 88, 93)),
    "en/ad-funded-online": ((14.9, 96, 82), (11.0, 94, 61), (13.0, 95, 65)),
    "en/brand-through-support": ((14.9, 96, 75), (11.0, 94, 55), (13.0, 95, 59)),
    "en/customer-community": ((14.9, 96, 73), (11.0, 94, 54), (13.0, 95, 58)),
    "en/inquiry-prevention": ((14.9, 96, 78), (11.0, 94, 58), (13.0, 95, 62)),
    "en/inquiry-rate-one-stop": ((14.9, 96, 76), (11.0, 94, 56), (13.0, 95, 60)),
    "en/offline-platform": ((14.9, 96, 79), (11.0, 94, 59), (13.0, 95, 63)),
    "en/offline-retail": ((14.9, 96, 75), (11.0, 94, 56), (13.0, 95, 59)),
    "en/saas-user-pays": ((14.9, 96, 85), (11.0, 94, 63), (13.0, 95, 67)),
    "en/self-service-launch": ((14.9, 96, 80), (11.0, 94, 59), (13.0, 95, 63)),
    "en/support-to-success": ((14.9, 96, 79), (11.0, 94, 58), (13.0, 95, 62)),
    "en/voc-loop": ((14.9, 96, 68), (11.0, 94, 50), (13.0, 95, 54)),
    "ja/ad-funded-online": ((15.2, 96, 71), (11.2, 94, 53), (13.3, 95, 56)),
    "ja/brand-through-support": ((15.2, 96, 68), (11.2, 94, 50), (13.3, 95, 54)),
    "ja/customer-community": ((15.2, 96, 67), (11.2, 94, 50), (13.3, 95, 53)),
    "ja/inquiry-prevention": ((15.2, 96, 72), (11.2, 94, 53), (13.3, 95, 57)),
    "ja/inquiry-rate-one-stop": ((15.2, 96, 69), (11.2, 94, 51), (13.3, 95, 55)),
    "ja/offline-platform": ((15.2, 96, 69), (11.2, 94, 51), (13.3, 95, 55)),
    "ja/offline-retail": ((15.2, 96, 66), (11.2, 94, 49), (13.3, 95, 52)),
    "ja/saas-user-pays": ((15.2, 96, 77), (11.2, 94, 57), (13.3, 95, 61)),
    "ja/self-service-launch": ((15.2, 96, 74), (11.2, 94, 55), (13.3, 95, 58)),
    "ja/support-to-success": ((15.2, 96, 70), (11.2, 94, 51), (13.3, 95, 55)),
    "ja/voc-loop": ((15.2, 96, 60), (11.2, 94, 44), (13.3, 95, 47)),
}
FLOOR_TEMPLATE, FLOOR_DEMO, FLOOR_COVER = 20.0, 15.0, 0.85


def charts() -> list[tuple[str, Chart, dict[str, object]]]:
    """Every chart measured: the demo's phase 4 (plain, with comments), then the templates."""
    demo = load_project(ROOT / "pufu" / "data" / "demo.pufu.json")[0]
    items: list[tuple[str, Chart, dict[str, object]]] = [
        ("demo phase 4", demo.phase_chart(4), {"header": Header.of(demo, 4)}),
        (
            "demo phase 4 --comments",
            demo.phase_chart(4),
            {"header": Header.of(demo, 4), "comments": True},
        ),
    ]
    for path in sorted((ROOT / "pufu" / "templates").glob("*/*.pufu.json")):
        project = load_project(path)[0]
        lang = path.parent.name
        name = f"{lang}/{path.name.removesuffix('.pufu.json')}"
        items.append((name, project.draft, {"header": Header.of(project), "lang": lang}))
    return items


def _bezier(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Points along a Graphviz spline (cubic pieces: p0 c1 c2 p3 c1 c2 p6 ...)."""
    out = []
    for i in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[i : i + 4]
        for k in range(11):
            t = k / 10
            a, b, c, d = (1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t * t * (1 - t), t**3
            out.append(
                (
                    a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                    a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1],
                )
            )
    return out


def arrows_over_boxes(dot: str) -> int:
    """How many drawn arrows pass over a visible box that is neither of their ends."""
    graph = pygraphviz.AGraph(string=dot)
    graph.layout(prog="dot")
    boxes = {}
    for node in graph.nodes_iter():
        if "invis" in (node.attr.get("style") or ""):
            continue
        x, y = (float(v) for v in node.attr["pos"].split(","))
        w, h = float(node.attr["width"]) * 36 - 2, float(node.attr["height"]) * 36 - 2
        boxes[str(node)] = (x - w, y - h, x + w, y + h)
    over = 0
    for edge in graph.edges_iter():
        if "invis" in (edge.attr.get("style") or ""):
            continue
        points = [
            (float(p.split(",")[-2]), float(p.split(",")[-1]))
            for p in edge.attr["pos"].split()
            if not p.startswith(("e,", "s,"))
        ]
        ends = {str(edge[0]), str(edge[1])}
        samples = _bezier(points)
        if any(
            x0 < x < x1 and y0 < y < y1
            for name, (x0, y0, x1, y1) in boxes.items()
            if name not in ends
            for x, y in samples
        ):
            over += 1
    return over


def main(only: str | None) -> int:
    fonts.ensure()
    below = 0
    print(
        f"{'chart':32} {'canvas':6} {'text px before → after':>24} {'across':>14} {'down':>14}"
        f"  {'over':>7}  ms"
    )
    for size in SIZE_NAMES:
        for name, chart, options in charts():
            if only and only not in name:
                continue
            start = time.perf_counter()
            result = fit(chart, SIZES[size], options)
            elapsed = (time.perf_counter() - start) * 1000
            px = result.text_px()
            natural = arrows_over_boxes(build_dot(chart, **options))  # type: ignore[arg-type]
            crossing = f"{natural:2d} → {arrows_over_boxes(result.dot):2d}"
            across, down = result.coverage()
            old = BEFORE.get(name, ((0.0, 0, 0),) * 3)[SIZE_NAMES.index(size)]
            note = ""
            if size == "16:9":
                floor = FLOOR_DEMO if name.startswith("demo") else FLOOR_TEMPLATE
                if px < floor or min(across, down) < FLOOR_COVER:
                    note, below = "  BELOW FLOOR", below + 1
            print(
                f"{name:32} {size:6} {old[0]:10.1f} → {px:5.1f} px"
                f"   {old[1]:3d} → {across:4.0%}   {old[2]:3d} → {down:4.0%}"
                f"  {crossing}  {elapsed:5.0f}{note}"
            )
    print(f"16:9 charts below a floor: {below}")
    return 0


#: name → the deck's part text (pt) on main at 7d3cff2, before the deck was laid out for its area.
DECK_BEFORE = {
    "demo phase 4": 7.5, "ad-funded-online": 9.7, "brand-through-support": 8.9,
    "customer-community": 8.8, "inquiry-prevention": 9.5, "inquiry-rate-one-stop": 8.8,
    "offline-platform": 9.2, "offline-retail": 8.7, "saas-user-pays": 9.2,
    "self-service-launch": 9.7, "support-to-success": 8.9, "voc-loop": 9.3,
}
#: name → the English templates' deck part text (pt) on main at a6f76c2, before the deck weighed
#: layouts by its own measure (the panel's width, 施策 in two columns): the ja figures were 13.3–15.0.
DECK_BEFORE_EN = {
    "ad-funded-online": 10.6, "brand-through-support": 11.9, "customer-community": 10.7,
    "inquiry-prevention": 10.7, "inquiry-rate-one-stop": 11.4, "offline-platform": 10.7,
    "offline-retail": 10.5, "saas-user-pays": 10.7, "self-service-launch": 11.1,
    "support-to-success": 12.3, "voc-loop": 11.2,
}
DECK_FLOOR_TEMPLATE, DECK_FLOOR_DEMO = 12.0, 10.0


def deck(only: str | None, repeat: int) -> int:
    """The deck's figures (see the module); returns how many charts are below a floor."""
    import io
    import statistics

    from pptx import Presentation
    from pptx.util import Emu

    from pufu.export.deck import SLIDE_H, SLIDE_W, build_deck
    from pufu.export.diagram import dot_name

    demo = load_project(ROOT / "pufu" / "data" / "demo.pufu.json")[0]
    demo_en = load_project(ROOT / "pufu" / "data" / "demo.en.pufu.json")[0]
    items = [
        ("demo phase 4", demo, [4], demo.phase_chart(4), None),
        ("demo phase 4 (en)", demo_en, [4], demo_en.phase_chart(4), "en"),
    ]
    for path in sorted((ROOT / "pufu" / "templates").glob("*/*.pufu.json")):
        project = load_project(path)[0]
        lang = path.parent.name
        items.append((f"{lang}/{path.name.removesuffix('.pufu.json')}", project, None, project.draft, lang))
    print(f"\n{'deck':32} {'part text pt before → after':>28} {'elems':>17} {'legend':>6} {'across':>6} {'down':>6} {'ms first':>9} {'again':>6}")
    below = 0
    for name, project, phases, chart, lang in items:
        if only and only not in name:
            continue
        times, data = [], b""
        for _ in range(repeat):
            start = time.perf_counter()
            data = build_deck(project, phases, lang=lang)
            times.append((time.perf_counter() - start) * 1000)
        slide = Presentation(io.BytesIO(data)).slides[-1]
        parts = {dot_name(part.id) for part in chart.parts() if part.kind.value != "element"}
        sizes = [
            max(run.font.size.pt for paragraph in shape.text_frame.paragraphs for run in paragraph.runs if run.font.size)
            for shape in slide.shapes
            if shape.name in parts
        ]
        elements = {dot_name(part.id) for part in chart.parts() if part.kind.value == "element"}

        def largest(shape: object) -> float:
            runs = [run for paragraph in shape.text_frame.paragraphs for run in paragraph.runs]  # type: ignore[attr-defined]
            return max(run.font.size.pt for run in runs if run.font.size)

        element_pt = min(largest(shape) for shape in slide.shapes if shape.name in elements)
        legend_pt = min(largest(shape) for shape in slide.shapes if shape.name == "legend")
        shapes = list(slide.shapes)
        across = (max(s.left + s.width for s in shapes) - min(s.left for s in shapes)) / Emu(int(SLIDE_W * 914400))
        down = (max(s.top + s.height for s in shapes) - min(s.top for s in shapes)) / Emu(int(SLIDE_H * 914400))
        floor = DECK_FLOOR_DEMO if name.startswith("demo") else DECK_FLOOR_TEMPLATE
        note = ""
        if min(sizes) < floor:
            note, below = "  BELOW FLOOR", below + 1
        if name.startswith("en/"):
            old = DECK_BEFORE_EN.get(name.removeprefix("en/"))
        else:
            old = DECK_BEFORE.get(name.removeprefix("ja/"))
        was = f"{old:5.1f}" if old is not None else "    -"
        print(
            f"{name:32} {was} → {min(sizes):5.1f} pt (floor {floor:4.1f})"
            f" {element_pt:5.1f} {legend_pt:5.1f} {across:6.0%} {down:6.0%} {times[0]:9.0f} {statistics.median(times[1:] or times):6.0f}{note}"
        )
    print(f"decks below a floor (every template, ja and en, and the demo): {below}")
    return below


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", help="measure only the charts whose name holds this")
    parser.add_argument("--deck-only", action="store_true", help="only the deck's figures")
    parser.add_argument("--repeat", type=int, default=3, help="deck builds timed per chart (median)")
    arguments = parser.parse_args()
    if not arguments.deck_only:
        main(arguments.only)
    deck(arguments.only, arguments.repeat)
    sys.exit(0)
