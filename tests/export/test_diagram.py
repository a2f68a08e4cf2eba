"""Diagrams: the DOT reads like the paper sheet, files come out well formed and of slide size,
Japanese is drawn with the bundled font, and no text can alter the graph."""

from __future__ import annotations

import io
import re
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pygraphviz
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pufu.export import fonts
from pufu.export.diagram import (
    DiagramError,
    Header,
    build_dot,
    dot_name,
    render,
)
from pufu.export.themes import THEMES, contrast
from pufu.interop.pufu_editor import import_file
from pufu.model import ELEMENT_KEYS, SYMBOLS, Chart, Color, Project
from pufu.model.store import load_project
from pufu.text import NEWLINES, visible

DEMO = Path(__file__).resolve().parents[2] / "pufu" / "data" / "demo.pufu.json"

EVIL = [
    'label="x"]; evil [shape=box',
    'quote " and \\" backslash \\ end\\',
    "<b>not bold</b> & <TABLE> {braces} | pipe",
    "line one\nline two\r\nthree\\nnot a newline",
    "}; digraph x { a -> b; }",
    "&amp; &#60; &lt; ]]> <!-- -->",
    "\\N \\G \\L \\E",
    "tab\there, nul\x00, escape\x1b, del\x7f",
    "改行なしの長い日本語の文章が続いてもちゃんと折り返されて表示されることを確かめる",
]


def sample_chart() -> tuple[Chart, dict[str, str]]:
    chart = Chart.blank()
    chart.set_text(chart.goal, "問い合わせ率を下げる")
    chart.set_text(chart.win, "顧客1社あたりの問い合わせが月0.18件以下")
    ids: dict[str, str] = {}
    ids["p1"] = chart.add_purpose("FAQで自己解決できている状態")
    ids["p2"] = chart.add_purpose("ボットが答えられる状態")
    ids["p3"] = chart.add_purpose("改善が回っている状態")
    ids["m1"] = chart.add_measure(ids["p1"], "上位20件の記事を書く", color="red", progress=60)
    ids["m2"] = chart.add_measure(ids["p1"], "記事のひな形を作る", color="green")
    ids["m3"] = chart.add_measure(ids["p2"], "ボットに記事を読ませる", color="blue", progress=0)
    ids["m4"] = chart.add_measure(ids["p3"], "余裕があれば動画も", color="yellow", progress=100)
    ids["shared"] = chart.add_measure(ids["p2"], "問い合わせにタグを付ける", color="white")
    chart.link_measure(ids["shared"], ids["p3"])
    chart.link_measure(ids["shared"], ids["p1"])
    chart.set_element("people", "CS 5名")
    chart.set_comment(ids["m1"], "green", "上位20件は書き終えた")
    chart.set_comment(chart.win, "red", "まだ0.25件")
    return chart, ids


def parse(dot: str) -> pygraphviz.AGraph:
    return pygraphviz.AGraph(string=dot)


def label_xml(graph: pygraphviz.AGraph, node: str) -> ET.Element:
    label = graph.get_node(node).attr["label"]
    assert label.startswith("<") and label.endswith(">")
    body = label[1:-1] if label.startswith("<<") else label
    return ET.fromstring(f"<root>{body}</root>".replace("&#160;", "\u00a0"))


def drawn_nodes(graph: pygraphviz.AGraph) -> set[str]:
    """The nodes that are drawn; the others are only the invisible helpers that keep the bands
    in order (``band_order_N``) and give a band without 施策 its width (``band_spacer_N``)."""
    drawn = set()
    for node in graph.nodes():
        if node.attr.get("style") == "invis":
            assert re.fullmatch(r"band_(order|spacer)_[0-9]+", str(node))
        else:
            drawn.add(str(node))
    return drawn


def cell_text(root: ET.Element, cell_id: str) -> str:
    """The text of the cell with this ID, its lines joined (line breaks dropped), with the
    backslashes that the DOT doubles for Graphviz's drawing halved again."""
    for cell in root.iter("TD"):
        if cell.get("ID") == cell_id:
            return "".join(cell.itertext()).replace("\\\\", "\\")
    raise AssertionError(f"no cell {cell_id}")


def shown(text: str) -> str:
    return NEWLINES.sub("", visible(text))


# ---------------------------------------------------------------------- structure


def test_every_part_is_drawn_once_with_its_edges() -> None:
    chart, ids = sample_chart()
    graph = parse(build_dot(chart))
    nodes = drawn_nodes(graph)
    parts = [chart.goal, chart.win, *chart.purposes(), *chart.measures()]
    assert {dot_name(p) for p in parts} <= nodes
    assert len(nodes) == len(parts) + 2  # and the elements panel and the legend
    visible_edges = {
        (str(e[0]), str(e[1]))
        for e in graph.edges()
        if graph.get_edge(*e).attr.get("style") != "invis"
    }
    expected = {(dot_name(chart.win), dot_name(chart.goal))}
    expected |= {(dot_name(p), dot_name(chart.win)) for p in chart.purposes()}
    expected |= {(dot_name(m), dot_name(p)) for p in chart.purposes() for m in chart.measures_of(p)}
    assert visible_edges == expected


def test_a_measure_serving_three_purposes_is_drawn_once_with_three_edges() -> None:
    chart, ids = sample_chart()
    graph = parse(build_dot(chart))
    shared = dot_name(ids["shared"])
    assert list(graph.nodes()).count(shared) == 1
    assert build_dot(chart).count(f'"{shared}" [label=') == 1
    targets = {
        str(e[1])
        for e in graph.out_edges(shared)
        if graph.get_edge(*e).attr.get("style") != "invis"
    }
    assert targets == {dot_name(ids[p]) for p in ("p1", "p2", "p3")}


def test_the_sheet_reads_left_to_right_and_purposes_top_to_bottom() -> None:
    chart, ids = sample_chart()
    graph = parse(build_dot(chart))
    fonts.ensure()
    graph.layout(prog="dot")

    def pos(name: str) -> tuple[float, float]:
        x, y = graph.get_node(name).attr["pos"].split(",")
        return float(x), float(y)

    measures = [pos(dot_name(m))[0] for m in chart.measures()]
    purposes = [pos(dot_name(p)) for p in chart.purposes()]
    assert pos("elements")[0] < min(measures)
    assert max(measures) < min(x for x, _ in purposes)
    assert max(x for x, _ in purposes) < pos(dot_name(chart.win))[0] < pos(dot_name(chart.goal))[0]
    ys = [y for _, y in purposes]
    assert ys == sorted(ys, reverse=True)  # Graphviz's y grows upwards: 中間目的 1 on top


Box = tuple[float, float, float, float]


def laid_out(dot: str) -> tuple[pygraphviz.AGraph, dict[str, Box], dict[str, Box]]:
    """The graph laid out, the box of each node and of each band (left, bottom, right, top)."""
    fonts.ensure()
    graph = parse(dot)
    graph.layout(prog="dot")
    nodes = {}
    for node in graph.nodes():
        x, y = (float(v) for v in node.attr["pos"].split(","))
        half_w, half_h = float(node.attr["width"]) * 36, float(node.attr["height"]) * 36
        nodes[str(node)] = (x - half_w, y - half_h, x + half_w, y + half_h)
    bands = {
        sub.name: tuple(float(v) for v in sub.graph_attr["bb"].split(","))
        for sub in graph.subgraphs()
        if (sub.name or "").startswith("cluster_band_")
    }
    return graph, nodes, bands  # type: ignore[return-value]


def inside(inner: Box, outer: Box) -> bool:
    return (
        outer[0] <= inner[0]
        and outer[1] <= inner[1]
        and inner[2] <= outer[2]
        and inner[3] <= outer[3]
    )


def assert_sheet_order(chart: Chart, dot: str) -> None:
    """Every 中間目的 in a band of its own with the 施策 drawn there, the bands stacked in the
    sheet's order, and the 施策 and 中間目的 each top to bottom in the sheet's order."""
    graph, nodes, found = laid_out(dot)
    purposes = chart.purposes()
    names = [f"cluster_band_{n}" for n in range(1, len(purposes) + 1)]
    assert set(found) - {"cluster_band_unattached"} == set(names)
    bands = {name: found[name] for name in [*names, "cluster_band_unattached"] if name in found}
    drawn: list[str] = []
    for index, purpose in enumerate(purposes, start=1):
        box = bands[f"cluster_band_{index}"]
        home = [m for m in chart.measures_of(purpose) if m not in drawn]
        drawn += home
        for part in (purpose, *home):
            assert inside(nodes[dot_name(part)], box), (index, chart.part(part).text)
    tops = [box[3] for box in bands.values()]
    bottoms = [box[1] for box in bands.values()]
    assert tops == sorted(tops, reverse=True)  # Graphviz's y grows upwards
    assert all(top <= low for low, top in zip(bottoms, tops[1:], strict=False))  # no overlap
    ys = [(nodes[dot_name(m)][1] + nodes[dot_name(m)][3]) / 2 for m in drawn]
    assert ys == sorted(ys, reverse=True)
    ys = [(nodes[dot_name(p)][1] + nodes[dot_name(p)][3]) / 2 for p in purposes]
    assert ys == sorted(ys, reverse=True)


def test_each_purpose_has_a_band_behind_it_and_its_measures() -> None:
    chart, _ = sample_chart()
    dot = build_dot(chart)
    graph = parse(dot)
    theme = THEMES["light"]
    for index in (1, 2, 3):
        band = graph.get_subgraph(f"cluster_band_{index}")
        assert band.graph_attr["style"] == "rounded,filled"
        assert band.graph_attr["fillcolor"] == theme.band
        assert band.graph_attr["label"] == ""  # not the header again in every band
    assert_sheet_order(chart, dot)


def test_bands_keep_the_sheet_order_when_shared_measures_pull_elsewhere() -> None:
    """Graphviz would reorder clusters to save crossings of edges between bands; the demo's
    shared 施策 and a larger chart linked across bands at random still come out in order."""
    import random

    project = load_project(DEMO)[0]
    for number in range(1, len(project.phases) + 1):
        chart = project.phase_chart(number)
        assert_sheet_order(
            chart, build_dot(chart, comments=True, header=Header.of(project, number))
        )
    rnd = random.Random(7)
    chart = Chart.blank()
    purposes = [chart.add_purpose(f"目的{n}" * rnd.randint(1, 8)) for n in range(14)]
    measures = [
        chart.add_measure(p, f"施策{n}" * rnd.randint(1, 12))
        for p in purposes
        for n in range(rnd.randint(0, 6))
    ]
    for _ in range(25):
        measure, purpose = rnd.choice(measures), rnd.choice(purposes)
        if purpose not in chart.purposes_of(measure):
            chart.link_measure(measure, purpose)
    assert_sheet_order(chart, build_dot(chart))


def test_a_purpose_without_measures_has_a_band_as_wide_as_the_others() -> None:
    chart, ids = sample_chart()
    lonely = chart.add_purpose("施策のまだない状態", after=ids["p1"])
    dot = build_dot(chart)
    assert_sheet_order(chart, dot)
    _, nodes, bands = laid_out(dot)
    first, second = bands["cluster_band_1"], bands["cluster_band_2"]
    assert first[0] == pytest.approx(second[0], abs=1) and first[2] == pytest.approx(
        second[2], abs=1
    )
    assert inside(nodes[dot_name(lonely)], second)


def test_every_measure_box_is_as_wide_as_the_others() -> None:
    """With or without progress, 施策 boxes line up in their column (and so do the bands)."""
    chart, ids = sample_chart()
    assert chart.part(ids["m2"]).progress is None and chart.part(ids["m1"]).progress == 60
    _, nodes, _ = laid_out(build_dot(chart, comments=True))
    widths = {round(nodes[dot_name(m)][2] - nodes[dot_name(m)][0], 1) for m in chart.measures()}
    assert len(widths) == 1


def test_measures_of_no_purpose_get_a_dashed_band_at_the_end() -> None:
    before, ids = sample_chart()
    after = before.copy()
    after.remove(ids["p2"])  # 施策 m3 served only 中間目的 2
    marks = {ids["p2"]: "removed", ids["m3"]: "removed"}
    dot = build_dot(after, marks=marks, ghosts=before)
    assert_sheet_order(before, dot)  # the removed 中間目的 keeps its band, in its place
    graph = parse(dot)
    assert graph.get_subgraph("cluster_band_2").graph_attr["style"] == "rounded,filled"
    chart = Chart.from_data(before.to_data())
    orphan = chart.add_measure(ids["p1"], "どこにも属さない施策")
    chart.graph.remove_edge(orphan, ids["p1"])  # as a damaged file might have it
    dot = build_dot(chart)
    graph = parse(dot)
    band = graph.get_subgraph("cluster_band_unattached")
    assert band.graph_attr["style"] == "rounded,dashed"
    assert dot_name(orphan) in band.nodes()
    assert_sheet_order(chart, dot)  # which puts the dashed band last
    _, nodes, bands = laid_out(dot)
    assert inside(nodes[dot_name(orphan)], bands["cluster_band_unattached"])


def test_measures_are_filled_by_colour_and_carry_their_symbol() -> None:
    chart, _ = sample_chart()
    for theme in THEMES.values():
        graph = parse(build_dot(chart, theme=theme.name))
        for measure in chart.measures():
            color = Color(chart.part(measure).color)
            root = label_xml(graph, dot_name(measure))
            table = root.find("TABLE")
            assert table is not None and table.get("BGCOLOR") == theme.measure[color]
            assert SYMBOLS[color] in "".join(root.itertext())


def test_progress_and_comments_are_shown_when_asked() -> None:
    chart, ids = sample_chart()
    plain = parse(build_dot(chart))
    text = "".join(label_xml(plain, dot_name(ids["m1"])).itertext())
    assert "60%" in text and "上位20件は書き終えた" not in text
    with_comments = parse(build_dot(chart, comments=True))
    root = label_xml(with_comments, dot_name(ids["m1"]))
    assert "上位20件は書き終えた" in "".join(root.itertext())
    assert THEMES["light"].comment["green"] in [td.get("BGCOLOR") for td in root.iter("TD")]


def test_elements_panel_and_header() -> None:
    chart, _ = sample_chart()
    header = Header("セルフサービス立ち上げ", 2, "予算削減のあと", "2025-06-01")
    graph = parse(build_dot(chart, header=header))
    panel = label_xml(graph, "elements")
    assert cell_text(panel, dot_name(chart.element("people")) + "_text") == "CS 5名"
    panel_text = "".join(panel.itertext())
    assert all(name in panel_text for name in ("ひと", "お金", "外敵", "廟算八要素"))
    assert (
        len(
            [
                key
                for key in ELEMENT_KEYS
                if dot_name(chart.element(key)) + "_text" in build_dot(chart)
            ]
        )
        == 8
    )
    title = graph.graph_attr["label"]
    assert "セルフサービス立ち上げ" in title and "局面 2" in title and "2025-06-01" in title
    english = parse(build_dot(chart, header=header, lang="en"))
    assert "Phase 2" in english.graph_attr["label"]
    assert "Legend" in "".join(label_xml(english, "legend").itertext())


# ---------------------------------------------------------------------- any text is safe


def _evil_chart(texts: list[str]) -> Chart:
    chart = Chart.blank(goal='goal"]; x [', win="win\\")
    chart.set_text(chart.goal, texts[0])
    chart.set_text(chart.win, texts[1 % len(texts)])
    for index, text in enumerate(texts):
        purpose = chart.add_purpose(text, part_id=f'p{index}" -> evil')
        chart.add_measure(purpose, text, part_id=f"m{index}<>{{}}", progress=index * 10 % 101)
        chart.set_comment(purpose, "red", text)
    for key, text in zip(ELEMENT_KEYS, texts, strict=False):
        chart.set_element(key, text)
    return chart


def _check_labels(chart: Chart) -> None:
    dot = build_dot(chart, comments=True, header=Header(EVIL[0], 1, EVIL[2], "2025-01-01"))
    graph = parse(dot)
    parts = [chart.goal, chart.win, *chart.purposes(), *chart.measures()]
    assert len(drawn_nodes(graph)) == len(parts) + 2
    for part_id in parts:
        text = chart.part(part_id).text
        root = label_xml(graph, dot_name(part_id))
        if text.strip():
            assert cell_text(root, dot_name(part_id) + "_text") == shown(text)
    panel = label_xml(graph, "elements")
    for key in ELEMENT_KEYS:
        element = chart.element(key)
        if chart.part(element).text.strip():
            assert cell_text(panel, dot_name(element) + "_text") == shown(chart.part(element).text)
    for node in drawn_nodes(graph):
        assert graph.get_node(node).attr["shape"] in ("", "plain")  # nothing reshaped a node


def test_quotes_brackets_and_dot_lookalikes_show_literally() -> None:
    _check_labels(_evil_chart(EVIL))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=60), min_size=1, max_size=4))
def test_any_text_shows_literally(texts: list[str]) -> None:
    _check_labels(_evil_chart(texts))


def test_odd_ids_never_reach_the_dot() -> None:
    dot = build_dot(_evil_chart(["x"]))
    assert "evil" not in dot and "<>{}" not in dot


# ---------------------------------------------------------------------- marks and ghosts


def test_marks_colour_borders_and_ghosts_draw_removed_parts_dashed() -> None:
    before, ids = sample_chart()
    after = before.copy()
    after.remove(ids["p3"])  # removes 中間目的 3 and 施策 m4 (the shared one stays)
    added = after.add_measure(ids["p1"], "新しい施策")
    after.set_text(ids["m2"], "記事のひな形を作り直す")
    marks = {added: "added", ids["m2"]: "changed", ids["p3"]: "removed", ids["m4"]: "removed"}
    theme = THEMES["light"]
    graph = parse(build_dot(after, marks=marks, ghosts=before))
    frame = {
        key: label_xml(graph, dot_name(part)).find("TABLE")
        for key, part in {
            "added": added,
            "changed": ids["m2"],
            "p3": ids["p3"],
            "m4": ids["m4"],
        }.items()
    }
    assert frame["added"].get("COLOR") == theme.mark["added"]
    assert frame["changed"].get("COLOR") == theme.mark["changed"]
    for key in ("p3", "m4"):
        assert frame[key].get("COLOR") == theme.mark["removed"]
        assert "dashed" in frame[key].get("STYLE")
    edge = graph.get_edge(dot_name(ids["m4"]), dot_name(ids["p3"]))
    assert edge.attr["style"] == "dashed" and edge.attr["color"] == theme.mark["removed"]
    assert graph.get_edge(dot_name(ids["p3"]), dot_name(after.win)).attr["style"] == "dashed"
    # in the sheet's order: the removed 中間目的 3 is drawn after 中間目的 2
    assert "中間目的 3" in "".join(label_xml(graph, dot_name(ids["p3"])).itertext())
    assert "削除" in "".join(label_xml(graph, "legend").itertext())


def test_unknown_marks_themes_formats_and_sizes_are_refused() -> None:
    chart, ids = sample_chart()
    with pytest.raises(DiagramError):
        build_dot(chart, marks={ids["m1"]: "moved"})
    with pytest.raises(DiagramError):
        build_dot(chart, theme="sepia")
    with pytest.raises(DiagramError):
        render(chart, "gif")
    with pytest.raises(DiagramError):
        render(chart, "png", size="3:2")


# ---------------------------------------------------------------------- files


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_png_is_a_slide_of_exact_size() -> None:
    chart, _ = sample_chart()
    assert png_size(render(chart, "png")) == (1920, 1080)
    assert png_size(render(chart, "png", size="4:3")) == (1440, 1080)
    assert png_size(render(chart, "png", size="16:9", dpi=96)) == (1280, 720)
    assert png_size(render(chart, "png", size="a4", dpi=100)) == (1169, 827)
    width, height = png_size(render(chart, "png", size=None))
    assert width > height > 100


#: Each slide size in points (SVG, PDF) and in pixels at 144 and at 96 dpi (PNG).
SLIDES = {
    "16:9": ((960, 540), (1920, 1080), (1280, 720)),
    "4:3": ((720, 540), (1440, 1080), (960, 720)),
    "a4": ((842, 595), (1684, 1191), (1123, 794)),
}


@pytest.mark.parametrize("size", SLIDES)
def test_every_format_is_a_slide_of_exact_size(size: str) -> None:
    chart, _ = sample_chart()
    points, at_144, at_96 = SLIDES[size]
    assert png_size(render(chart, "png", size=size)) == at_144
    assert png_size(render(chart, "png", size=size, dpi=96)) == at_96
    root = ET.fromstring(render(chart, "svg", size=size))
    assert (root.get("width"), root.get("height")) == tuple(f"{v}pt" for v in points)
    pdf = render(chart, "pdf", size=size)
    box = re.search(rb"/MediaBox \[ ?0 0 ([0-9.]+) ([0-9.]+) ?\]", pdf)
    assert box and (round(float(box[1])), round(float(box[2]))) == points


@pytest.mark.parametrize("size", SLIDES)
def test_the_chart_is_fitted_to_the_slide_and_centred(size: str) -> None:
    """Within the slide's margins (0.3 in: 43 px at 144 dpi), as large as fits: close to the
    margins on two opposite sides, centred between the other two."""
    from PIL import Image, ImageChops

    chart, _ = sample_chart()
    image = Image.open(io.BytesIO(render(chart, "png", size=size))).convert("RGB")
    background = Image.new("RGB", image.size, THEMES["light"].background)
    left, top, right, bottom = ImageChops.difference(image, background).getbbox()
    right, bottom = image.width - right, image.height - bottom
    assert min(left, top, right, bottom) >= 40
    across, down = (left, right), (top, bottom)
    for fitted, other in ((across, down), (down, across)):
        if max(fitted) <= 43 + 8:
            assert abs(other[0] - other[1]) <= 4
            break
    else:
        raise AssertionError(f"not fitted: margins {left, top, right, bottom}")


def test_the_header_is_drawn_once() -> None:
    chart, _ = sample_chart()
    svg = render(chart, "svg", header=Header("ヘッダーは一度だけ"))
    assert svg.decode().count("ヘッダーは一度だけ") == 1


def test_pdf_embeds_the_japanese_font_and_has_the_slide_size() -> None:
    chart, _ = sample_chart()
    pdf = render(chart, "pdf", header=Header("プ譜"))
    assert pdf.startswith(b"%PDF")
    assert re.search(rb"/FontName /[A-Z]{6}\+IPAexGothic", pdf)
    assert b"/FontFile2" in pdf  # the TrueType program itself is in the file
    assert re.search(rb"/MediaBox \[ ?0 0 960 540 ?\]", pdf)


def test_svg_keeps_texts_as_text_with_a_font_list() -> None:
    chart, _ = sample_chart()
    svg = render(chart, "svg", size="4:3", header=Header("セルフサービス"))
    root = ET.fromstring(svg)
    assert root.get("width") == "720pt" and root.get("height") == "540pt"
    texts = [el for el in root.iter("{http://www.w3.org/2000/svg}text")]
    assert any("上位20件の記事を書く" in (el.text or "") for el in texts)
    families = {el.get("font-family") for el in texts}
    assert families == {fonts.FONT_LIST}
    assert "Meiryo" in fonts.FONT_LIST and "Hiragino Sans" in fonts.FONT_LIST


def test_dot_format_is_the_dot_text() -> None:
    chart, _ = sample_chart()
    assert render(chart, "dot").decode() == build_dot(chart)


def test_japanese_is_drawn_with_glyphs_not_boxes() -> None:
    """Rendered with the bundled font, a kanji has its own outline: two different kanji give
    two different PDFs glyph programs, where a missing font would draw the same box."""
    chart = Chart.blank()
    chart.set_text(chart.goal, "獲")
    one = render(chart, "png", size=None)
    chart.set_text(chart.goal, "得")
    other = render(chart, "png", size=None)
    assert one != other
    assert fonts.ensure()


def test_every_interop_chart_renders(interop: Path) -> None:
    for path in sorted(interop.glob("*.json")):
        project = import_file(path).project
        charts = [project.phase_chart(n) for n in range(1, len(project.phases) + 1)] or [
            project.draft
        ]
        for chart in charts:
            parse(build_dot(chart, comments=True))
        assert png_size(render(charts[-1], "png", comments=True)) == (1920, 1080)


# ---------------------------------------------------------------------- deck


def test_deck_has_one_slide_per_phase_with_title_diagram_and_events() -> None:
    from pptx import Presentation
    from pptx.util import Inches

    from pufu.export.deck import build_deck

    chart, _ = sample_chart()
    project = Project(title="セルフサービス", draft=chart)
    project.snapshot(title="計画", date="2025-04-01")
    project.draft.set_text(project.draft.goal, "変わった獲得目標")
    project.snapshot(
        title="予算削減のあと", happened="予算が30%減った\n書き手が退職", date="2025-06-01"
    )
    steps: list[int] = []
    deck = Presentation(io.BytesIO(build_deck(project, picture=True, step=lambda: steps.append(1))))
    assert len(steps) == 2
    assert deck.slide_width == Inches(40 / 3) and deck.slide_height == Inches(7.5)
    slides = list(deck.slides)
    assert len(slides) == 2
    texts = [
        "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame) for slide in slides
    ]
    assert "局面 2「予算削減のあと」" in texts[1] and "2025-06-01" in texts[1]
    assert "予算が30%減った" in texts[1] and "書き手が退職" in texts[1]
    assert "予算が30%減った" in slides[1].notes_slide.notes_text_frame.text
    pictures = [s for s in slides[0].shapes if s.shape_type == 13]
    assert len(pictures) == 1 and pictures[0].image.content_type == "image/png"


# ---------------------------------------------------------------------- themes


@pytest.mark.parametrize("name", sorted(THEMES))
def test_themes_stay_readable_in_grey(name: str) -> None:
    theme = THEMES[name]
    fills = [
        theme.background,
        theme.band,
        theme.purpose,
        theme.win,
        theme.goal,
        theme.panel,
        theme.panel_head,
    ]
    fills += list(theme.measure.values()) + list(theme.comment.values())
    for fill in fills:
        assert contrast(theme.text, fill) >= 4.5, (name, fill)
    for fill in (theme.background, theme.panel, theme.band, theme.purpose, theme.win, theme.goal):
        assert contrast(theme.muted, fill) >= 4.5, (name, fill)
