"""Every exporter writes any text literally: a project whose every text is a nasty string
(quotes, backslashes, newlines, markup of Markdown, HTML, XML and DOT, control characters,
bidirectional marks, emoji, very long text) comes out with the same structure as a project of
plain words, and with each text recoverable from the output.

The structure is compared with a *twin*: the same project with every nasty string replaced by
``plainN`` (equal texts stay equal, so the diffs between phases are the same). Whatever markup a
text could inject would show as a difference from the twin.
"""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from pufu import terminal
from pufu.cli.main import main
from pufu.model import ELEMENT_KEYS, Chart, Project, save_project
from pufu.text import NEWLINES, visible

NASTY = [
    'quote " apostrophe \' backslash \\ end\\',
    "line one\nline two\r\nthree\rfour\ttab",
    "<b>not bold</b> & <TABLE> {braces} | pipe &amp; &#60;",
    "]]> </text> <script>alert(1)</script> <!-- x --> <![CDATA[ y ]]>",
    'label="x"]; evil [shape=box',
    "# h\n## heading\n- item\n> quote\n1. one\n---",
    "[x](y) ![img](http://e/x.png) <http://e> **b** _i_ `code` ~~s~~ *e*",
    "|a|b|\n|---|---|\n|c|d|",
    "ctl:" + "".join(chr(c) for c in range(0x20)) + "\x7f:end",
    "U+2028\u2028U+2029\u2029 RTL\u202eevil\u202c \u200f\u200e mark \u2066iso\u2069",
    "c1:\x9b2J \x9d2;title\x9c \x90q\x9c \x80\x9f:end",
    "emoji 😀👍🏽 家族👨‍👩‍👧 ❤️ end",
    "}; digraph x { a -> b; } \\N \\G \\L",
    "a #",
    "    four spaces then code",
    "- a list?",
    "1. numbered?",
    "長い日本語の文章。" * 120,
]


def nasty_project(plain: bool = False) -> Project:
    """Every text of the project is one of NASTY in turn (or ``plainN`` for the twin)."""
    texts = [f"plain{i}" for i in range(len(NASTY))] if plain else NASTY
    counter = iter(range(10**6))

    def text() -> str:
        return texts[next(counter) % len(texts)]

    chart = Chart.blank(goal="goal", win="win", elements={key: f"el_{key}" for key in ELEMENT_KEYS})
    chart.set_text(chart.goal, text())
    chart.set_comment(chart.goal, "blue", text())
    chart.set_text(chart.win, text())
    for p in range(3):
        purpose = chart.add_purpose(text(), part_id=f"p{p}")
        chart.set_comment(purpose, "red", text())
        for m in range(2):
            measure = chart.add_measure(purpose, text(), part_id=f"m{p}{m}", color="red", progress=50)
            chart.set_comment(measure, "green", text())
    chart.link_measure("m00", "p2")
    for key in ELEMENT_KEYS:
        chart.set_element(key, text())
        chart.set_comment(chart.element(key), "blue", text())
    project = Project(title=text(), draft=chart)
    project.snapshot(text(), text(), "2026-01-01")
    chart.set_text("m00", text())
    chart.set_text(chart.win, text())
    chart.set_comment("p0", "green", text())
    project.snapshot(text(), text(), "2026-02-01")
    project.add_note(1, text(), "good", text(), part="m00", created="2026-01-02T00:00:00+00:00")
    project.add_note(2, text(), "lesson", text(), created="2026-02-02T00:00:00+00:00")
    project.add_note(2, text(), "bad", text(), part="p1", created="2026-02-03T00:00:00+00:00")
    chart.set_text("p1", text())
    return project


def every_text(project: Project) -> list[str]:
    charts = [project.draft, *(project.phase_chart(p.number) for p in project.phases)]
    out = [project.title]
    for phase in project.phases:
        out += [phase.title, phase.happened]
    for note in project.notes:
        out += [note.author, note.text]
    for chart in charts:
        for part in chart.parts():
            out += [part.text, part.comment.text]
    return [text for text in out if text]


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """The nasty project and its plain twin on disk."""
    out = {}
    for name, plain in (("nasty", False), ("plain", True)):
        path = tmp_path / f"{name}.pufu.json"
        save_project(nasty_project(plain), path, None)
        out[name] = path
    return out


def export(path: Path, fmt: str, *extra: str) -> bytes:
    target = path.with_name(f"{path.name}.{fmt.replace('-', '')}{len(extra)}")
    assert main(["export", str(path), "--format", fmt, "-o", str(target), *extra]) == 0
    return target.read_bytes()


def test_the_nasty_project_is_nasty() -> None:
    project = nasty_project()
    assert set(every_text(project)) == set(NASTY)
    assert set(every_text(nasty_project(plain=True))) == {f"plain{i}" for i in range(len(NASTY))}


# ---------------------------------------------------------------------- Markdown

MD = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def markdown_shape(text: str) -> list[tuple]:
    """The structure of a Markdown document: its block tokens, and in each inline the markup
    (links, emphasis, code, HTML) without the words. ``<br>`` is the line break pufu writes."""
    shape = []
    for token in MD.parse(text):
        shape.append((token.type, token.tag, token.level))
        for child in token.children or []:
            if child.type == "text" or (child.type == "html_inline" and child.content == "<br>"):
                continue
            shape.append(("  inline", child.type, child.tag))
    return shape


def markdown_texts(text: str) -> list[str]:
    """The text of every inline run (paragraph, heading, table cell), as a reader sees it."""
    out = []
    for token in MD.parse(text):
        if token.type != "inline":
            continue
        pieces = []
        for child in token.children or []:
            if child.type == "html_inline":
                assert child.content == "<br>", f"HTML from a text: {child.content!r}"
                pieces.append("\n")
            elif child.type in ("text", "code_inline"):
                pieces.append(child.content)
        out.append("".join(pieces))
    return out


def as_markdown_shows(text: str) -> str:
    """What pufu's Markdown shows of a text: line breaks as breaks, tabs as tabs, other control
    characters as their symbols (␀ … ␟, ␡, \\x9b, ⟨U+202E⟩)."""
    text = re.sub(r"\r\n|\r|\n|\u2028|\u2029", "\n", text)
    return terminal.shown(text, keep="\n\t")


def assert_markdown_safe(nasty: str, plain: str, project: Project) -> None:
    assert markdown_shape(nasty) == markdown_shape(plain)
    shown = "\x1e".join(markdown_texts(nasty))
    for text in every_text(project):
        assert as_markdown_shows(text).strip() in shown, text[:40]


@pytest.mark.parametrize("extra", [[], ["--phase", "1"], ["--all-phases"]], ids=["draft", "phase", "all-phases"])
def test_markdown_export_writes_every_text_literally(files: dict[str, Path], extra: list[str]) -> None:
    nasty, plain = (export(files[name], "md", *extra).decode() for name in ("nasty", "plain"))
    assert_markdown_safe(nasty, plain, nasty_project() if extra == ["--all-phases"] else _draft_only(extra))
    if not extra:  # every part on its own line of the list
        assert len(nasty.splitlines()) == len(plain.splitlines())
        assert all(line.lstrip().startswith("- ") for line in nasty.splitlines())


def _draft_only(extra: list[str]) -> Project:
    project = nasty_project()
    chart = project.phase_chart(1) if extra else project.draft
    return Project(title="", draft=chart.copy())


def test_the_report_writes_every_text_literally(files: dict[str, Path], tmp_path: Path) -> None:
    reports = {}
    for name in ("nasty", "plain"):
        target = tmp_path / f"{name}-report.md"
        assert main(["report", str(files[name]), "-o", str(target)]) == 0
        reports[name] = target.read_text(encoding="utf-8")
    # the report names the date it was made: the same for both
    assert_markdown_safe(reports["nasty"], reports["plain"], nasty_project())


# ---------------------------------------------------------------------- pufu-editor JSON


def editor_texts(data: dict) -> list[str]:
    parts = [data["gainingGoal"], data["winCondition"], *data["elements"].values()]
    for purpose in data["purposes"]:
        parts += [purpose, *purpose["measures"]]
    return [text for part in parts for text in (part["text"], part["comment"]["text"])]


@pytest.mark.parametrize("extra", [[], ["--all-phases"]], ids=["draft", "phase-map"])
def test_pufu_editor_json_holds_every_text_exactly(files: dict[str, Path], extra: list[str]) -> None:
    data = json.loads(export(files["nasty"], "pufu-editor", *extra))
    project = nasty_project()
    if extra:
        charts = [project.phase_chart(p.number) for p in project.phases]
        exported = [data[f"phase{p.number}"] for p in project.phases]
    else:
        charts, exported = [project.draft], [data]
    for chart, chart_data in zip(charts, exported, strict=True):
        expected = Project(title="", draft=chart)
        assert sorted(t for t in editor_texts(chart_data) if t) == sorted(
            t for t in _chart_texts(expected.draft, shared_twice=True) if t
        )


def _chart_texts(chart: Chart, shared_twice: bool = False) -> list[str]:
    out = []
    for part in chart.parts():
        copies = len(list(chart.purposes_of(part.id))) if shared_twice and part.kind.value == "measure" else 1
        out += [part.text, part.comment.text] * max(copies, 1)
    return out


# ---------------------------------------------------------------------- DOT


def test_dot_has_the_twins_graph_and_every_label_holds_its_text(files: dict[str, Path]) -> None:
    import pygraphviz

    from ..export.test_diagram import cell_text, label_xml, shown

    graphs = {name: pygraphviz.AGraph(string=export(files[name], "dot").decode()) for name in files}
    nasty, plain = graphs["nasty"], graphs["plain"]
    assert sorted(nasty.nodes()) == sorted(plain.nodes())
    assert sorted(nasty.edges()) == sorted(plain.edges())
    assert len(nasty.subgraphs()) == len(plain.subgraphs())
    for node in nasty.nodes():
        attrs = {key: value for key, value in node.attr.items() if key != "label"}
        assert attrs == {k: v for k, v in plain.get_node(node).attr.items() if k != "label"}
    chart = nasty_project().draft
    for part in chart.parts():
        holder = "elements" if part.kind.value == "element" else part.id
        root = label_xml(nasty, holder if holder == "elements" else f"n_{holder}")
        if part.text.strip():
            assert cell_text(root, f"n_{part.id}_text") == shown(part.text)


# ---------------------------------------------------------------------- SVG

SVG = "{http://www.w3.org/2000/svg}"
SVG_TAGS = {"svg", "g", "title", "text", "polygon", "path", "polyline", "ellipse", "a", "defs", "image"}


def svg_texts(raw: bytes) -> list[str]:
    root = ET.fromstring(raw)  # well-formed XML, or this raises
    tags = Counter(element.tag.removeprefix(SVG).split("}")[-1] for element in root.iter())
    assert set(tags) <= SVG_TAGS, tags
    for element in root.iter():
        assert not any(name.lower().startswith("on") for name in element.attrib), element.attrib
    return ["".join(element.itertext()) for element in root.iter(f"{SVG}text")]


def svg_missing(raw: bytes) -> list[str]:
    """The texts of the draft that the SVG does not show literally (spaces aside: Graphviz
    may drop them at the ends of wrapped lines)."""
    joined = "".join(svg_texts(raw)).replace(" ", "")
    return [
        text
        for text in set(every_text(_draft_only([])))
        if NEWLINES.sub("", visible(text)).replace(" ", "") not in joined
    ]


def test_svg_is_well_formed_with_texts_as_text_and_nothing_injected(files: dict[str, Path]) -> None:
    nasty = export(files["nasty"], "svg", "--comments")
    texts = svg_texts(nasty)
    assert b"<script" not in nasty and b"<![CDATA[ y" not in nasty
    assert "<script>alert(1)</script>" in "".join(texts)  # shown, as text
    # backslashes: see the test below
    assert [text for text in svg_missing(nasty) if "\\" not in text] == []
    plain = svg_texts(export(files["plain"], "svg", "--comments"))
    assert len(texts) >= len(plain)


def test_backslashes_show_literally_in_drawn_diagrams(files: dict[str, Path]) -> None:
    assert svg_missing(export(files["nasty"], "svg", "--comments")) == []


# ---------------------------------------------------------------------- PNG, PDF


def test_png_and_pdf_are_produced_and_well_formed(files: dict[str, Path]) -> None:
    png = export(files["nasty"], "png", "--comments", "--dpi", "48")
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and png[-12:-8] == b"\x00\x00\x00\x00" and png.endswith(b"IEND\xaeB`\x82")
    from PIL import Image

    Image.open(io.BytesIO(png)).verify()
    pdf = export(files["nasty"], "pdf", "--comments")
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    try:
        import pypdf
    except ImportError:
        return
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages) == 1


# ---------------------------------------------------------------------- PPTX


def test_the_deck_holds_every_phase_text_and_its_xml_parses(files: dict[str, Path]) -> None:
    from pptx import Presentation

    from pufu.export.deck import _printable

    raw = export(files["nasty"], "pptx")
    with zipfile.ZipFile(io.BytesIO(raw)) as deck_zip:
        assert deck_zip.testzip() is None
        for name in deck_zip.namelist():
            if name.endswith(".xml"):
                root = ET.fromstring(deck_zip.read(name))
                assert not any(element.tag.split("}")[-1].lower() == "script" for element in root.iter())
    deck = Presentation(io.BytesIO(raw))
    project = nasty_project()
    assert len(deck.slides) == len(project.phases)

    def flat(text: str) -> str:
        return re.sub(r"[\n\v]", "", text)

    for slide, phase in zip(deck.slides, project.phases, strict=True):
        frames = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        everything = flat("".join(frames))
        for text in (phase.title, project.title):
            assert flat(_printable(text)) in everything, text[:40]
        # what happened: whole, or its start then "…（続きはノートに）" (whole in the notes)
        box = next(shape for shape in slide.shapes if shape.name == "happened")
        shown = flat("".join(run.text for paragraph in box.text_frame.paragraphs[1:] for run in paragraph.runs))
        whole = flat(_printable(phase.happened))
        assert shown == whole or (
            shown.endswith("…（続きはノートに）") and whole.startswith(shown.removesuffix("…（続きはノートに）").rstrip())
        ), (shown[:60], whole[:60])
        assert slide.notes_slide.notes_text_frame.text.replace("\v", "\n") == _printable(phase.happened)
