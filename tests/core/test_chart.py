"""The chart's operations, in the method's words, and the errors that change nothing."""

from __future__ import annotations

import pytest

from pufu.model import Chart, ChartError, Color, Comment, Kind

from .helpers import sample_session


def test_a_new_chart_has_goal_win_and_the_eight_elements() -> None:
    chart = Chart()
    kinds = [part.kind for part in chart.parts()]
    assert kinds == [Kind.GOAL, Kind.WIN] + [Kind.ELEMENT] * 8
    assert chart.graph.has_edge(chart.win, chart.goal)


def test_edges_run_from_measure_to_purpose_to_win_to_goal() -> None:
    session, ids = sample_session()
    graph = session.chart.graph
    assert graph.has_edge(ids["m1"], ids["p1"])
    assert graph.has_edge(ids["p1"], session.chart.win)
    assert graph.has_edge(session.chart.win, session.chart.goal)


def test_a_measure_serves_two_purposes_and_keeps_its_place_in_each() -> None:
    session, ids = sample_session()
    chart = session.chart
    assert chart.purposes_of(ids["m2"]) == [ids["p1"], ids["p2"]]
    assert chart.measures_of(ids["p1"]) == [ids["m1"], ids["m2"]]
    assert chart.measures_of(ids["p2"]) == [ids["m3"], ids["m2"]]
    chart.move_measure(ids["m2"], ids["p2"], -1)
    assert chart.measures_of(ids["p2"]) == [ids["m2"], ids["m3"]]
    assert chart.measures_of(ids["p1"]) == [ids["m1"], ids["m2"]]
    assert chart.measures().count(ids["m2"]) == 1


def test_add_after_inserts_in_place() -> None:
    session, ids = sample_session()
    chart = session.chart
    new = chart.add_measure(ids["p1"], "間に入る", after=ids["m1"])
    assert chart.measures_of(ids["p1"]) == [ids["m1"], new, ids["m2"]]
    p_new = chart.add_purpose("先頭の次", after=ids["p1"])
    assert chart.purposes() == [ids["p1"], p_new, ids["p2"]]


def test_reorder_purposes() -> None:
    session, ids = sample_session()
    chart = session.chart
    chart.move_purpose(ids["p2"], -1)
    assert chart.purposes() == [ids["p2"], ids["p1"]]
    with pytest.raises(ChartError):
        chart.move_purpose(ids["p2"], -1)


def test_removing_a_purpose_removes_the_measures_that_served_only_it() -> None:
    session, ids = sample_session()
    chart = session.chart
    removed = chart.remove(ids["p1"])
    assert removed == [ids["p1"], ids["m1"]]
    assert ids["m2"] in chart and chart.purposes_of(ids["m2"]) == [ids["p2"]]


def test_unlink_and_link() -> None:
    session, ids = sample_session()
    chart = session.chart
    chart.unlink_measure(ids["m2"], ids["p1"])
    assert chart.purposes_of(ids["m2"]) == [ids["p2"]]
    chart.link_measure(ids["m1"], ids["p2"])
    assert chart.purposes_of(ids["m1"]) == [ids["p1"], ids["p2"]]


def test_colour_progress_comment() -> None:
    session, ids = sample_session()
    chart = session.chart
    chart.set_color(ids["m3"], "yellow")
    chart.set_progress(ids["m3"], 60)
    chart.set_comment(ids["m3"], "red", "予算が足りない")
    part = chart.part(ids["m3"])
    assert (part.color, part.progress, part.comment) == (Color.YELLOW, 60, Comment(color="red", text="予算が足りない"))
    chart.set_progress(ids["m3"], None)
    assert chart.part(ids["m3"]).progress is None


@pytest.mark.parametrize(
    ("operation", "args"),
    [
        ("remove", lambda c, i: (c.goal,)),
        ("remove", lambda c, i: (c.win,)),
        ("remove", lambda c, i: (c.element("money"),)),
        ("set_progress", lambda c, i: (i["m1"], 140)),
        ("set_progress", lambda c, i: (i["m1"], -1)),
        ("set_progress", lambda c, i: (i["m1"], "50")),
        ("set_progress", lambda c, i: (i["p1"], 50)),
        ("link_measure", lambda c, i: (i["m1"], i["m3"])),
        ("link_measure", lambda c, i: (i["m1"], i["p1"])),
        ("unlink_measure", lambda c, i: (i["m1"], i["p1"])),
        ("unlink_measure", lambda c, i: (i["m3"], i["p1"])),
        ("set_color", lambda c, i: (i["m1"], "purple")),
        ("set_color", lambda c, i: (i["p1"], "red")),
        ("set_comment", lambda c, i: (i["m1"], "yellow", "x")),
        ("set_text", lambda c, i: ("nope", "x")),
        ("set_text", lambda c, i: (i["m1"], None)),
        ("set_text", lambda c, i: (i["m1"], "\ud800")),
        ("set_element", lambda c, i: ("friends", "x")),
        ("add_measure", lambda c, i: (i["m1"], "施策の下に施策")),
        ("add_measure", lambda c, i: (i["p1"], "x", )),
        ("move_measure", lambda c, i: (i["m1"], i["p1"], -1)),
        ("move_purpose", lambda c, i: (i["p1"], 5)),
        ("add_purpose", lambda c, i: ("x",)),
    ],
)
def test_impossible_operations_raise_chart_error_and_change_nothing(operation, args) -> None:
    session, ids = sample_session()
    chart = session.chart
    before = chart.to_data()
    call_args = args(chart, ids)
    kwargs = {}
    if operation == "add_measure" and call_args[0] == ids["p1"]:
        kwargs = {"color": "pink"}
    if operation == "add_purpose":
        kwargs = {"after": ids["m1"]}
    with pytest.raises(ChartError) as caught:
        getattr(chart, operation)(*call_args, **kwargs)
    assert str(caught.value)  # a clear message
    assert chart.to_data() == before


def test_a_chart_round_trips_through_its_data() -> None:
    session, _ = sample_session()
    chart = session.chart
    again = Chart.from_data(chart.to_data())
    assert again == chart
    assert again.to_data().model_dump() == chart.to_data().model_dump()


def test_copy_is_independent() -> None:
    session, ids = sample_session()
    copy = session.chart.copy()
    copy.set_text(ids["m1"], "変更")
    copy.move_measure(ids["m2"], ids["p1"], -1)
    assert session.chart.part(ids["m1"]).text == "上位20件の記事を書く"
    assert session.chart.measures_of(ids["p1"]) == [ids["m1"], ids["m2"]]
