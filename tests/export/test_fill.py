"""Diagrams fill the slide: the parts' text comes out large and the drawing covers the canvas.
The figures are geometric and deterministic (Graphviz with the bundled font), not timings."""

from __future__ import annotations

import io
from pathlib import Path

import pygraphviz
import pytest
from PIL import Image, ImageChops, ImageFont

from pufu.export import fonts
from pufu.export.diagram import SIZES, Header, build_dot, dot_name, render
from pufu.export.fit import fit
from pufu.export.themes import THEMES
from pufu.model import Chart
from pufu.model.store import load_project

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "pufu" / "data" / "demo.pufu.json"
TEMPLATES = ROOT / "pufu" / "templates"


def template(name: str) -> tuple[Chart, dict[str, object]]:
    project = load_project(TEMPLATES / f"{name}.pufu.json")[0]
    return project.draft, {"header": Header.of(project), "lang": name.split("/")[0]}


def demo(comments: bool) -> tuple[Chart, dict[str, object]]:
    project = load_project(DEMO)[0]
    return project.phase_chart(4), {"header": Header.of(project, 4), "comments": comments}


@pytest.mark.parametrize("name", ["ja/voc-loop", "ja/self-service-launch", "en/saas-user-pays"])
def test_template_text_is_at_least_20_px_on_a_16_9_slide_that_it_fills(name: str) -> None:
    chart, options = template(name)
    result = fit(chart, SIZES["16:9"], options)
    across, down = result.coverage()
    assert result.text_px() >= 20  # at 144 dpi: 1920 × 1080 (was ~15 px)
    assert across >= 0.85 and down >= 0.85  # (was 60–85 % down)


@pytest.mark.parametrize("comments", [False, True])
def test_demo_phase_4_text_is_at_least_15_px_and_fills_the_slide(comments: bool) -> None:
    chart, options = demo(comments)
    result = fit(chart, SIZES["16:9"], options)
    across, down = result.coverage()
    assert result.text_px() >= 15  # (was 10.6–12.5 px)
    assert across >= 0.85 and down >= 0.85  # (was 70–78 % across)


@pytest.mark.parametrize("size", ["4:3", "a4"])
def test_other_canvases_are_filled_with_larger_text_than_before(size: str) -> None:
    chart, options = template("ja/voc-loop")
    result = fit(chart, SIZES[size], options)
    across, down = result.coverage()
    assert result.text_px() >= 18  # (was 11.2 px on 4:3, 13.3 px on a4)
    assert across >= 0.85 and down >= 0.85  # (was 44–47 % down)


def ink(png: bytes) -> tuple[Image.Image, tuple[int, int, int, int]]:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    background = Image.new("RGB", image.size, THEMES["light"].background)
    box = ImageChops.difference(image, background).getbbox()
    assert box is not None
    return image, box


def test_the_png_itself_is_covered_and_its_glyphs_are_as_tall_as_measured() -> None:
    """On the PNG: the drawn pixels span at least 85 % of the slide both ways, and a kanji
    in a 施策 is as tall as the measured text size says (the glyph 田 drawn in place of a
    full-width space, which leaves the layout alone: the two PNGs differ by that glyph)."""
    chart, options = template("ja/voc-loop")
    measure = chart.measures()[0]
    text = chart.part(measure).text
    chart.set_text(measure, "　" + text)
    blank = render(chart, "png", **options)  # type: ignore[arg-type]
    image, (left, top, right, bottom) = ink(blank)
    assert (right - left) / image.width >= 0.85 and (bottom - top) / image.height >= 0.85
    chart.set_text(measure, "田" + text)
    glyph = Image.open(io.BytesIO(render(chart, "png", **options))).convert("RGB")  # type: ignore[arg-type]
    box = ImageChops.difference(image, glyph).getbbox()
    assert box is not None
    drawn = box[3] - box[1]
    # the same glyph's height as a share of the em, from the bundled font itself
    font = ImageFont.truetype(str(fonts.FONT_FILE), 1000)
    x0, y0, x1, y1 = font.getbbox("田")
    em = drawn / ((y1 - y0) / 1000)
    expected = fit(chart, SIZES["16:9"], options).text_px()
    assert expected >= 20
    assert em == pytest.approx(expected, rel=0.12)


def test_the_filled_sheet_keeps_its_order_and_every_part() -> None:
    """Whatever the layout chosen, every part is a node named after its id, each 中間目的 in
    its own band with its 施策, the bands top to bottom in the sheet's order."""
    chart, options = demo(comments=True)
    dot = build_dot(chart, size="16:9", **options)  # type: ignore[arg-type]
    assert "ratio=fill" in dot
    fonts.ensure()
    graph = pygraphviz.AGraph(string=dot)
    graph.layout(prog="dot")
    parts = [chart.goal, chart.win, *chart.purposes(), *chart.measures()]
    names = {str(node) for node in graph.nodes()}
    assert {dot_name(part) for part in parts} <= names

    def centre(name: str) -> tuple[float, float]:
        x, y = graph.get_node(name).attr["pos"].split(",")
        return float(x), float(y)

    bands = []
    drawn: set[str] = set()
    for index, purpose in enumerate(chart.purposes(), start=1):
        x0, y0, x1, y1 = (
            float(v)
            for v in graph.get_subgraph(f"cluster_band_{index}").graph_attr["bb"].split(",")
        )
        bands.append((y0, y1))
        home = [m for m in chart.measures_of(purpose) if m not in drawn]
        drawn.update(home)
        for part in (purpose, *home):
            x, y = centre(dot_name(part))
            assert x0 <= x <= x1 and y0 <= y <= y1
    assert all(lower[1] <= upper[0] + 1 for upper, lower in zip(bands, bands[1:], strict=False))
    ys = [centre(dot_name(p))[1] for p in chart.purposes()]
    assert ys == sorted(ys, reverse=True)  # Graphviz's y grows upwards
    assert max(centre(dot_name(m))[0] for m in chart.measures()) < min(
        centre(dot_name(p))[0] for p in chart.purposes()
    )


def test_size_none_keeps_the_natural_layout() -> None:
    chart, options = template("ja/voc-loop")
    assert build_dot(chart, size=None, **options) == build_dot(chart, **options)  # type: ignore[arg-type]
    assert "ratio=fill" not in build_dot(chart, **options)  # type: ignore[arg-type]
    assert render(chart, "dot", **options).decode() == build_dot(chart, **options)  # type: ignore[arg-type]


def test_repeat_exports_are_byte_identical() -> None:
    chart, options = demo(comments=True)
    assert render(chart, "png", size="4:3", **options) == render(  # type: ignore[arg-type]
        chart,
        "png",
        size="4:3",
        **options,  # type: ignore[arg-type]
    )
