"""Property tests: any sequence of operations keeps the chart valid and undoes exactly;
any text survives save and load."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pufu.interop.pufu_editor import chart_to_editor, dumps_editor, import_data
from pufu.model import Chart, ChartError, Project, Session, dumps_project, loads_project
from pufu.model.parts import Kind

# Japanese, full-width punctuation, newlines, quotes, backslashes, <>, control characters
TRICKY = "「」。、・！？（）　\n\r\t\"'\\<>{}|&`*_[]#\x00\x01\x1b\x7f\u2028"
texts = st.text(
    alphabet=st.one_of(st.sampled_from(TRICKY), st.characters(codec="utf-8")), max_size=40
)

OPERATION = st.tuples(
    st.sampled_from(
        [
            "set_text", "set_comment", "set_element", "add_purpose", "remove", "move_purpose",
            "add_measure", "move_measure", "link_measure", "unlink_measure", "set_color",
            "set_progress", "set_title",
        ]
    ),
    st.integers(0, 50),
    st.integers(0, 50),
    st.integers(-3, 3),
    texts,
    st.sampled_from(["red", "white", "green", "blue", "yellow", "purple"]),
    st.one_of(st.none(), st.integers(-10, 150), st.floats(0, 100, allow_nan=False)),
)


def run(session: Session, step: tuple) -> None:
    name, a, b, offset, text, color, progress = step
    chart = session.chart
    purposes, measures = chart.purposes(), chart.measures()
    parts = [p.id for p in chart.parts()]
    pick = lambda seq, i: seq[i % len(seq)] if seq else "none"  # noqa: E731
    args = {
        "set_text": (pick(parts, a), text),
        "set_comment": (pick(parts, a), ["blue", "green", "red"][b % 3], text),
        "set_element": (["people", "money", "rival"][a % 3], text),
        "add_purpose": (text,),
        "remove": (pick(parts, a),),
        "move_purpose": (pick(purposes, a), offset),
        "add_measure": (pick(purposes, a), text),
        "move_measure": (pick(measures, a), pick(purposes, b), offset),
        "link_measure": (pick(measures, a), pick(purposes, b)),
        "unlink_measure": (pick(measures, a), pick(purposes, b)),
        "set_color": (pick(measures, a), color),
        "set_progress": (pick(measures, a), progress),
    }
    try:
        if name == "set_title":
            session.set_title(text)
        else:
            session.apply(name, *args[name])
    except ChartError:
        pass


def assert_valid(chart: Chart) -> None:
    graph = chart.graph
    kinds = [data["kind"] for _, data in graph.nodes(data=True)]
    assert kinds.count(Kind.GOAL) == 1 and kinds.count(Kind.WIN) == 1 and kinds.count(Kind.ELEMENT) == 8
    for node, data in graph.nodes(data=True):
        targets = {graph.nodes[t]["kind"] for t in graph.successors(node)}
        expected = {Kind.MEASURE: {Kind.PURPOSE}, Kind.PURPOSE: {Kind.WIN}, Kind.WIN: {Kind.GOAL}}
        assert targets <= expected.get(data["kind"], set())
        if data["kind"] == Kind.MEASURE:
            assert graph.out_degree(node) >= 1
            assert data["progress"] is None or 0 <= data["progress"] <= 100
    for parent in [chart.win, *chart.purposes()]:
        orders = sorted(o for _, _, o in graph.in_edges(parent, data="order"))
        assert orders == list(range(len(orders)))
    assert Chart.from_data(chart.to_data()) == chart


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(OPERATION, max_size=30))
def test_random_operations_keep_the_chart_valid_and_undo_restores_the_start(steps) -> None:
    session = Session(Project(title="始まり"))
    start_title, start = session.project.title, session.chart.to_data()
    for step in steps:
        run(session, step)
        assert_valid(session.chart)
    end = (session.project.title, session.chart.to_data())
    while session.undo():
        pass
    assert (session.project.title, session.chart.to_data()) == (start_title, start)
    while session.redo():
        pass
    assert (session.project.title, session.chart.to_data()) == end


@settings(max_examples=100, deadline=None)
@given(title=texts, goal=texts, purpose=texts, measure=texts, comment=texts, happened=texts)
def test_any_text_survives_save_and_load(title, goal, purpose, measure, comment, happened) -> None:
    project = Project(title=title)
    chart = project.draft
    chart.set_text(chart.goal, goal)
    p = chart.add_purpose(purpose)
    m = chart.add_measure(p, measure)
    chart.set_comment(m, "red", comment)
    chart.set_element("people", goal + measure)
    project.snapshot(title=title, happened=happened, date="2026-01-02")
    loaded = loads_project("x", dumps_project(project).encode("utf-8"))
    assert loaded.title == title
    assert loaded.draft == chart
    assert loaded.draft.part(m).text == measure and loaded.draft.part(m).comment.text == comment
    assert loaded.phases[0].happened == happened
    assert dumps_project(loaded) == dumps_project(project)


@settings(max_examples=60, deadline=None)
@given(goal=texts, measure=texts)
def test_any_text_survives_the_pufu_editor_format(goal, measure) -> None:
    chart = Chart()
    chart.set_text(chart.goal, goal)
    p = chart.add_purpose("p")
    chart.add_measure(p, measure)
    again = import_data(json.loads(dumps_editor(chart_to_editor(chart)))).project.draft
    assert chart_to_editor(again) == chart_to_editor(chart)
