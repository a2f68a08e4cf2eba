"""Undo and redo live in the model."""

from __future__ import annotations

import pytest

from pufu.model import ChartError, Project, Session

from .helpers import sample_session


def test_undo_and_redo_every_step() -> None:
    session, ids = sample_session()
    states = []
    chart_ops = [
        ("set_color", (ids["m1"], "yellow")),
        ("set_progress", (ids["m1"], 90)),
        ("set_comment", (ids["p1"], "green", "できた")),
        ("remove", (ids["p1"],)),
        ("move_purpose", (ids["p2"], 0)),
    ]
    for operation, args in chart_ops:
        states.append(session.chart.to_data())
        session.apply(operation, *args)
    states.append(session.chart.to_data())
    for expected in reversed(states[:-1]):
        session.undo()
        assert session.chart.to_data() == expected
    for expected in states[1:]:
        session.redo()
        assert session.chart.to_data() == expected


def test_title_is_undoable() -> None:
    session = Session(Project(title="前"))
    session.set_title("後")
    assert session.project.title == "後"
    assert session.undo() == "set_title"
    assert session.project.title == "前"


def test_a_failed_operation_is_not_recorded() -> None:
    session, ids = sample_session()
    depth = session.undo_label
    with pytest.raises(ChartError):
        session.apply("set_progress", ids["m1"], 140)
    assert session.undo_label == depth
    with pytest.raises(ChartError):
        session.apply("no_such_operation")


def test_modified_follows_the_saved_position() -> None:
    session, ids = sample_session()
    session.mark_saved()
    assert not session.modified
    session.apply("set_text", ids["m1"], "x")
    assert session.modified
    session.undo()
    assert not session.modified
    session.redo()
    assert session.modified
    session.undo()
    session.undo()  # before the save
    session.apply("set_text", ids["m1"], "branch")  # the saved state is now unreachable
    assert session.modified
    session.undo()
    assert session.modified


def test_a_new_change_clears_redo() -> None:
    session, ids = sample_session()
    session.apply("set_text", ids["m1"], "a")
    session.undo()
    assert session.can_redo
    session.apply("set_text", ids["m1"], "b")
    assert not session.can_redo
    assert session.redo() is None


def test_the_operation_names_of_the_typed_session_are_the_chart_operations() -> None:
    from typing import get_args

    from pufu.model.chart import OPERATIONS, Adding, Changing, Removing

    names = [name for kind in (Adding, Removing, Changing) for name in get_args(kind)]
    assert sorted(names) == sorted(OPERATIONS)


def test_a_recorded_phase_is_undone_and_redone_until_saved_then_frozen() -> None:
    session, ids = sample_session()
    session.apply("set_progress", ids["m1"], 70)
    phase = session.record_phase("計画", "始めた", "2026-04-01")
    assert session.modified and session.undo_label == "record_phase"
    assert session.undo() == "record_phase"
    assert session.project.phases == [] and session.chart.part(ids["m1"]).progress == 70
    assert session.redo() == "record_phase"
    assert session.project.phases == [phase]
    session.mark_saved()
    assert not session.modified
    session.undo()  # the progress, from before the phase: the saved phase stays
    assert session.project.phases == [phase] and session.chart.part(ids["m1"]).progress == 40
    session.redo()
    assert session.project.phases == [phase] and session.chart.part(ids["m1"]).progress == 70


def test_a_recorded_phase_with_notes_on_it_cannot_be_undone() -> None:
    session, _ = sample_session()
    session.record_phase("計画", "", "2026-04-01")
    session.project.add_note(1, "佐藤", "lesson", "早く測るべきだった")
    with pytest.raises(ChartError):
        session.undo()
    assert len(session.project.phases) == 1 and session.can_undo


def test_any_mix_of_edits_recordings_undos_redos_and_saves_never_loses_a_saved_phase() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from pufu.model import dumps_project, loads_project

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.sampled_from(["edit", "record", "undo", "redo", "save"]), max_size=30))
    def check(actions: list[str]) -> None:
        session, ids = sample_session()
        saved: list = []
        for number, action in enumerate(actions):
            if action == "edit":
                session.apply("set_progress", ids["m1"], number)
            elif action == "record":
                session.record_phase(f"局面{number}", "", "2026-04-01")
            elif action == "undo":
                session.undo()
            elif action == "redo":
                session.redo()
            else:
                session.mark_saved()
                saved = list(session.project.phases)
            phases = session.project.phases
            assert phases[: len(saved)] == saved  # a saved phase is never undone
            assert [p.number for p in phases] == list(range(1, len(phases) + 1))
            loads_project("p", dumps_project(session.project).encode())  # always a valid file
            if not session.modified:
                assert phases == saved or (not saved and not phases)

    check()
def test_take_back_leaves_no_trace_of_the_steps_since_the_mark() -> None:
    session, ids = sample_session()
    session.apply("set_color", ids["m1"], "yellow")
    session.mark_saved()
    session.undo()  # the saved state is now on the redo list
    before = session.chart.to_data()
    mark = session.mark()
    session.apply("add_purpose", "")  # a part added, then cancelled
    session.take_back(mark)
    assert session.chart.to_data() == before
    assert session.undo_label == "set_element" and session.redo_label == "set_color"
    session.redo()
    assert not session.modified  # back at the saved state
