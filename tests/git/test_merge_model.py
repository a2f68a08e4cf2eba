"""Three-way merge on the model: what two people's edits become."""

from __future__ import annotations

from pufu.model import Project, loads_project
from pufu.model.merge import merge, resolve, resolve_all
from pufu.model.store import dumps_project

from .helpers import base_project, copy


def _reloaded(project: Project) -> Project:
    return loads_project("merged", dumps_project(project).encode())


def test_edits_to_different_parts_merge_and_nothing_is_lost() -> None:
    base, ids = base_project()
    ours, theirs = copy(base), copy(base)
    ours.draft.set_text(ids["m1"], "上位30件の記事を書く")
    ours.draft.set_color(ids["m3"], "red")
    theirs.draft.set_progress(ids["m1"], 90)
    new = theirs.draft.add_measure(ids["p2"], "チャットボットを試す")
    result = merge(base, ours, theirs)
    assert result.clean
    chart = _reloaded(result.project).draft
    assert chart.part(ids["m1"]).text == "上位30件の記事を書く"
    assert chart.part(ids["m1"]).progress == 90
    assert str(chart.part(ids["m3"]).color) == "red"
    assert chart.measures_of(ids["p2"])[-1] == new


def test_the_same_edit_on_both_sides_merges_once() -> None:
    base, ids = base_project()
    ours, theirs = copy(base), copy(base)
    for side in (ours, theirs):
        side.draft.set_text(ids["p1"], "FAQで8割が自己解決")
    result = merge(base, ours, theirs)
    assert result.clean
    assert result.project.draft.part(ids["p1"]).text == "FAQで8割が自己解決"
    assert len(result.project.draft.purposes()) == 2


def test_parts_added_on_both_sides_are_all_kept_ours_first() -> None:
    base, ids = base_project()
    ours, theirs = copy(base), copy(base)
    a = ours.draft.add_measure(ids["p1"], "ours の施策")
    b = theirs.draft.add_measure(ids["p1"], "theirs の施策")
    p = theirs.draft.add_purpose("theirs の中間目的")
    result = merge(base, ours, theirs)
    assert result.clean
    draft = result.project.draft
    assert draft.measures_of(ids["p1"])[-2:] == [a, b]
    assert draft.purposes()[-1] == p


def test_the_same_part_added_on_both_sides_with_other_ids_is_kept_once() -> None:
    base, ids = base_project()
    ours, theirs = copy(base), copy(base)
    ours.draft.add_measure(ids["p2"], "FAQを英訳する")
    theirs.draft.add_measure(ids["p2"], "FAQを英訳する")
    result = merge(base, ours, theirs)
    assert result.clean
    texts = [result.project.draft.part(m).text for m in result.project.draft.measures_of(ids["p2"])]
    assert texts.count("FAQを英訳する") == 1


def test_parts_matched_by_text_when_a_side_has_fresh_ids() -> None:
    base, ids = base_project()
    ours = copy(base)
    theirs_data = dumps_project(base).replace(ids["m3"], "fresh-id-of-m3")
    theirs = loads_project("theirs", theirs_data.encode())
    theirs.draft.set_progress("fresh-id-of-m3", 50)
    ours.draft.set_color(ids["m3"], "yellow")
    result = merge(base, ours, theirs)
    assert result.clean
    part = result.project.draft.part(ids["m3"])
    assert (str(part.color), part.progress) == ("yellow", 50)


def test_order_is_taken_from_the_side_that_changed_it() -> None:
    base, ids = base_project()
    ours, theirs = copy(base), copy(base)
    ours.draft.move_purpose(ids["p2"], -1)
    theirs.draft.set_text(ids["p1"], "変えた")
    result = merge(base, ours, theirs)
    assert result.project.draft.purposes() == [ids["p2"], ids["p1"]]
    assert result.project.draft.part(ids["p1"]).text == "変えた"


def test_phases_from_both_sides_are_kept_by_date_and_notes_follow() -> None:
    base, _ = base_project()
    ours, theirs = copy(base), copy(base)
    theirs.snapshot("theirs 感想戦", date="2026-02-01")
    theirs.add_note(2, "佐藤", "lesson", "theirs の学び")
    ours.snapshot("ours 中間", date="2026-02-15")
    ours.add_note(2, "田中", "good", "ours の気づき")
    result = merge(base, ours, theirs)
    project = _reloaded(result.project)
    assert [(p.number, p.title) for p in project.phases] == [
        (1, "キックオフ"),
        (2, "theirs 感想戦"),
        (3, "ours 中間"),
    ]
    by_text = {n.text: n.phase for n in project.notes}
    assert by_text == {"theirs の学び": 2, "ours の気づき": 3}
    assert [n.phase for n in project.notes] == [2, 3]


def test_a_phase_recorded_identically_on_both_sides_is_kept_once() -> None:
    base, _ = base_project()
    ours, theirs = copy(base), copy(base)
    for side in (ours, theirs):
        side.snapshot("同じ局面", date="2026-03-01")
    ours.snapshot("ours だけ", date="2026-03-01")
    result = merge(base, ours, theirs)
    assert [p.title for p in result.project.phases] == ["キックオフ", "同じ局面", "ours だけ"]


def test_phases_on_the_same_day_go_ours_first() -> None:
    base, _ = base_project()
    ours, theirs = copy(base), copy(base)
    theirs.snapshot("theirs", date="2026-03-01")
    ours.snapshot("ours", date="2026-03-01")
    result = merge(base, ours, theirs)
    assert [p.title for p in result.project.phases][1:] == ["ours", "theirs"]


def test_a_text_changed_differently_is_a_conflict_that_still_loads_and_resolves() -> None:
    base, ids = base_project()
    ours, theirs = copy(base), copy(base)
    ours.draft.set_text(ours.draft.goal, "ours の獲得目標")
    theirs.draft.set_text(theirs.draft.goal, "theirs の獲得目標")
    result = merge(base, ours, theirs)
    assert not result.clean
    (conflict,) = result.conflicts
    assert (conflict.where.kind, conflict.where.field) == ("goal", "text")
    assert (conflict.ours, conflict.theirs) == ("ours の獲得目標", "theirs の獲得目標")
    text = dumps_project(result.project)
    assert "<<<<<<<" not in text
    project = loads_project("merged", text.encode())
    assert project.draft.part(project.draft.goal).text == "ours の獲得目標"  # ours meanwhile
    resolve(project, conflict.id, "theirs")
    assert project.conflicts == []
    assert project.draft.part(project.draft.goal).text == "theirs の獲得目標"
    assert '"conflicts"' not in dumps_project(project)


def test_colour_progress_and_comment_conflicts_resolve_by_choice_or_value() -> None:
    base, ids = base_project()
    ours, theirs = copy(base), copy(base)
    ours.draft.set_color(ids["m1"], "blue")
    theirs.draft.set_color(ids["m1"], "yellow")
    ours.draft.set_progress(ids["m1"], 60)
    theirs.draft.set_progress(ids["m1"], 70)
    ours.draft.set_comment(ids["p1"], "red", "遅れ")
    theirs.draft.set_comment(ids["p1"], "green", "順調")
    result = merge(base, ours, theirs)
    fields = sorted(c.where.field for c in result.conflicts)
    assert fields == ["color", "comment", "progress"]
    project = _reloaded(result.project)
    by_field = {c.where.field: c for c in project.conflicts}
    resolve(project, by_field["color"].id, "theirs")
    resolve(project, by_field["progress"].id, value=65)
    resolve(project, by_field["comment"].id, "ours")
    part = project.draft.part(ids["m1"])
    assert (str(part.color), part.progress) == ("yellow", 65)
    assert project.draft.part(ids["p1"]).comment.text == "遅れ"
    assert project.conflicts == []


def test_a_part_removed_on_one_side_and_changed_on_the_other_is_a_conflict() -> None:
    base, ids = base_project()
    ours, theirs = copy(base), copy(base)
    ours.draft.remove_measure(ids["m3"])
    theirs.draft.set_progress(ids["m3"], 80)
    result = merge(base, ours, theirs)
    (conflict,) = result.conflicts
    assert (conflict.where.kind, conflict.where.field, conflict.ours) == ("measure", None, None)
    project = _reloaded(result.project)
    assert ids["m3"] not in project.draft  # ours meanwhile
    resolve(project, conflict.id, "theirs")
    assert project.draft.part(ids["m3"]).progress == 80
    assert project.draft.purposes_of(ids["m3"]) == [ids["p2"]]


def test_a_purpose_removed_by_theirs_and_changed_by_ours_is_kept_until_resolved() -> None:
    base, ids = base_project()
    ours, theirs = copy(base), copy(base)
    ours.draft.set_text(ids["p2"], "ours が直した")
    theirs.draft.remove_purpose(ids["p2"])
    result = merge(base, ours, theirs)
    (conflict,) = result.conflicts
    assert conflict.theirs is None
    project = _reloaded(result.project)
    assert project.draft.part(ids["p2"]).text == "ours が直した"
    resolve(project, conflict.id, "theirs")
    assert ids["p2"] not in project.draft


def test_title_merges_three_way() -> None:
    base, _ = base_project()
    ours, theirs = copy(base), copy(base)
    theirs.title = "新しい名前"
    assert merge(base, ours, theirs).project.title == "新しい名前"
    ours.title = "別の名前"
    result = merge(base, ours, theirs)
    assert [c.where.kind for c in result.conflicts] == ["title"]
    resolve_all(result.project, "theirs")
    assert result.project.title == "新しい名前"


def test_any_list_of_objects_with_ids_merges_by_id() -> None:
    """Yardsticks and lists added later merge without code of their own."""
    from pufu.model.merge import _Merger

    base = [{"id": "a", "name": "解決率", "target": 80}, {"id": "b", "name": "CSAT", "target": 4}]
    ours = [{"id": "a", "name": "解決率", "target": 85}, {"id": "b", "name": "CSAT", "target": 4}]
    theirs = [
        {"id": "a", "name": "自己解決率", "target": 80},
        {"id": "b", "name": "CSAT", "target": 5},
        {"id": "c", "name": "NPS", "target": 30},
    ]
    merger = _Merger()
    out = merger.value(base, ours, theirs, "draft", None, "metrics")
    assert out == [
        {"id": "a", "name": "自己解決率", "target": 85},
        {"id": "b", "name": "CSAT", "target": 5},
        {"id": "c", "name": "NPS", "target": 30},
    ]
    assert merger.conflicts == []
    ours[1] = {"id": "b", "name": "CSAT", "target": 4.5}
    merger.value(base, ours, theirs, "draft", None, "metrics")
    (conflict,) = merger.conflicts
    assert conflict["where"] == {"kind": "metric", "path": "draft.metrics", "part": "b", "field": "target"}


def test_no_common_version_merges_what_agrees() -> None:
    base, _ = base_project()
    ours, theirs = copy(base), copy(base)
    theirs.snapshot("theirs", date="2026-04-01")
    result = merge(None, ours, theirs)
    assert result.clean
    assert [p.title for p in result.project.phases] == ["キックオフ", "theirs"] or len(result.project.phases) >= 2


def test_notes_on_a_phase_recorded_on_both_sides_follow_the_one_kept() -> None:
    base, _ = base_project()
    ours, theirs = copy(base), copy(base)
    theirs.snapshot("theirs 先", date="2026-02-01")
    for side in (ours, theirs):
        side.snapshot("同じ局面", date="2026-03-01")
    theirs.add_note(3, "佐藤", "question", "同じ局面への問い")
    result = merge(base, ours, theirs)
    project = _reloaded(result.project)
    assert [p.title for p in project.phases] == ["キックオフ", "theirs 先", "同じ局面"]
    (note,) = project.notes
    assert project.phase(note.phase).title == "同じ局面"


def test_yardsticks_merge_by_id_and_a_value_set_differently_is_a_conflict() -> None:
    base, ids = base_project()
    rate = base.draft.add_metric("問い合わせ率", unit="件/社", direction="lower", target=0.18)
    ours, theirs = copy(base), copy(base)
    ours.draft.set_metric_value(rate, 0.21)
    theirs.draft.set_metric_value(rate, 0.23)
    added = theirs.draft.add_metric("一次解決率", unit="%", target=80)
    result = merge(base, ours, theirs)
    assert not result.clean
    (conflict,) = result.conflicts
    assert (conflict.ours, conflict.theirs) == (0.21, 0.23)
    project = _reloaded(result.project)  # the file still loads, both versions recorded
    assert project.draft.metric(added).name == "一次解決率"  # theirs' new yardstick is kept
    assert project.draft.metric(rate).value == 0.21  # ours meanwhile
    from pufu.model.merge import conflict_findings

    (finding,) = conflict_findings(project)
    assert "評価指標の値" in finding.message("ja") and "value" in finding.message("en")
    resolve(project, conflict.id, "theirs")
    assert project.conflicts == [] and project.draft.metric(rate).value == 0.23


def test_a_yardstick_changed_on_one_side_merges_cleanly() -> None:
    base, ids = base_project()
    rate = base.draft.add_metric("問い合わせ率", direction="lower")
    ours, theirs = copy(base), copy(base)
    ours.draft.set_metric(rate, target=0.18)
    theirs.draft.set_metric_value(rate, 0.25)
    result = merge(base, ours, theirs)
    assert result.clean
    metric = _reloaded(result.project).draft.metric(rate)
    assert (metric.target, metric.value) == (0.18, 0.25)
