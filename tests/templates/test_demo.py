"""The demo tells a story that shows the three laws: a surprise, a changed element, a changed
win condition; with what happened and a 感想戦's notes."""

from __future__ import annotations

import pytest

from pufu.model import NOTE_KINDS, check, load_project
from pufu.templates import demo_file


@pytest.fixture(params=["ja", "en"])
def demo(request: pytest.FixtureRequest):
    project, _ = load_project(str(demo_file(request.param)))
    return project


def test_four_dated_phases_each_saying_what_happened(demo) -> None:
    assert len(demo.phases) >= 4
    dates = [phase.date for phase in demo.phases]
    assert dates == sorted(dates) and len(set(dates)) == len(dates)
    assert all(phase.title and phase.happened for phase in demo.phases)


def test_every_phase_and_the_draft_check_without_errors(demo) -> None:
    assert check(demo.draft) == []
    for number in range(1, len(demo.phases) + 1):
        assert [f for f in check(demo.phase_chart(number)) if f.level == "error"] == []


def test_the_win_condition_itself_changes(demo) -> None:
    first, last = demo.phase_chart(1), demo.phase_chart(len(demo.phases))
    assert first.part(first.win).text != last.part(last.win).text


def test_elements_change_someone_leaves_and_the_budget_is_cut(demo) -> None:
    changed = set()
    for number in range(2, len(demo.phases) + 1):
        before, after = demo.phase_chart(number - 1), demo.phase_chart(number)
        for key in ("people", "money"):
            if before.part(before.element(key)).text != after.part(after.element(key)).text:
                changed.add(key)
    assert changed == {"people", "money"}


def test_a_measure_is_dropped_and_new_ones_appear(demo) -> None:
    ids = [set(demo.phase_chart(n).measures()) for n in range(1, len(demo.phases) + 1)]
    assert any(earlier - later for earlier, later in zip(ids, ids[1:], strict=False))
    assert any(later - earlier for earlier, later in zip(ids, ids[1:], strict=False))


def test_a_measure_serves_two_purposes(demo) -> None:
    chart = demo.phase_chart(1)
    assert any(len(chart.purposes_of(m)) == 2 for m in chart.measures())


def test_comments_of_every_colour_in_the_review_phases(demo) -> None:
    colours = {
        part.comment.color
        for n in range(2, len(demo.phases) + 1)
        for part in demo.phase_chart(n).parts()
        if not part.comment.empty
    }
    assert colours == {"blue", "green", "red"}


def test_review_notes_by_two_people_of_every_kind(demo) -> None:
    assert 3 <= len(demo.notes) <= 6
    assert len({note.author for note in demo.notes}) == 2
    assert {note.kind for note in demo.notes} == set(NOTE_KINDS)
    assert all(note.part in demo.phase_chart(note.phase) for note in demo.notes if note.part)


def test_the_demo_has_stable_ids_in_the_bundled_file() -> None:
    ja, _ = load_project(str(demo_file("ja")))
    en, _ = load_project(str(demo_file("en")))
    assert ja.draft.goal == en.draft.goal and ja.phase_chart(1).measures() == en.phase_chart(1).measures()


def test_the_yardsticks_tell_the_story_phase_by_phase(demo) -> None:
    from pufu.model import tracks
    from pufu.model.diff import MetricChangeKind, diff

    found = {track.latest.id: track for track in tracks(demo)}
    monthly, solved, rate, one_stop = found.values()
    assert monthly.values() == [0, 12, -8, None, None]  # target -30%: +12% after launch, then -8%
    assert (monthly.latest.target, monthly.latest.direction) == (-30, "lower")
    assert solved.values()[1] == 71
    assert rate.values() == [None, None, None, 0.19, 0.19]
    assert (rate.latest.baseline, rate.latest.target, rate.latest.direction) == (0.25, 0.18, "lower")
    assert (one_stop.latest.baseline, one_stop.latest.target, one_stop.values()[3]) == (58, 80, 74)
    step = diff(demo.phase_chart(3), demo.phase_chart(4))
    assert step.win_changed
    assert {(m.kind, m.metric_id) for m in step.metrics} == {
        (MetricChangeKind.ADDED, rate.latest.id),
        (MetricChangeKind.ADDED, one_stop.latest.id),
        (MetricChangeKind.REMOVED, monthly.latest.id),
    }
