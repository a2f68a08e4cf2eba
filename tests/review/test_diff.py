"""The diff a 感想戦 reads: every kind of change, goal and win first, matching across ids."""

from __future__ import annotations

import json

import pytest

from pufu.interop.pufu_editor import import_file
from pufu.model import Chart, ChartError, Kind, Project
from pufu.model.diff import ChangeKind, diff, match, resolve, reviews


def plan() -> tuple[Chart, dict[str, str]]:
    chart = Chart()
    chart.set_text(chart.goal, "顧客が自分で解決できるサポート")
    chart.set_text(chart.win, "問い合わせ率が半減している")
    chart.set_element("money", "月20万円")
    p1 = chart.add_purpose("FAQで自己解決できている状態")
    p2 = chart.add_purpose("問い合わせ理由が製品に届いている状態")
    p3 = chart.add_purpose("チームが新しい指標で評価されている状態")
    m1 = chart.add_measure(p1, "上位20件の記事を書く", color="red", progress=40)
    m2 = chart.add_measure(p1, "記事に「役に立ったか」を付ける", color="green")
    m3 = chart.add_measure(p1, "検索語を毎週見る")
    m4 = chart.add_measure(p2, "週次で問い合わせを分類する", color="blue")
    return chart, {"p1": p1, "p2": p2, "p3": p3, "m1": m1, "m2": m2, "m3": m3, "m4": m4}


def kinds(d) -> list[tuple[str, str]]:
    return [(c.kind.value, c.part_kind.value) for c in d.changes]


def test_the_same_sheet_has_no_changes() -> None:
    chart, _ = plan()
    d = diff(chart, chart.copy())
    assert not d and d.changes == [] and d.counts() == {}


def test_every_kind_of_change_is_reported_with_before_and_after() -> None:
    a, ids = plan()
    b = a.copy()
    b.set_text(ids["p1"], "FAQとチャットボットで自己解決できている状態")  # text
    b.set_color(ids["m1"], "white")  # colour
    b.set_progress(ids["m1"], 90)  # progress
    b.set_comment(ids["m2"], "green", "解決率が上がった")  # comment
    b.remove_measure(ids["m3"])  # removed
    added = b.add_measure(ids["p2"], "バグ報告を開発に渡す")  # added
    b.set_element("money", "月10万円に削減")  # element text
    d = diff(a, b)
    by_kind = {(c.kind, c.part_id): c for c in d.changes}
    assert by_kind[ChangeKind.TEXT, ids["p1"]].before == "FAQで自己解決できている状態"
    assert by_kind[ChangeKind.TEXT, ids["p1"]].after == "FAQとチャットボットで自己解決できている状態"
    assert (by_kind[ChangeKind.COLOR, ids["m1"]].before, by_kind[ChangeKind.COLOR, ids["m1"]].after) == ("red", "white")
    assert (by_kind[ChangeKind.PROGRESS, ids["m1"]].before, by_kind[ChangeKind.PROGRESS, ids["m1"]].after) == (40, 90)
    comment = by_kind[ChangeKind.COMMENT, ids["m2"]]
    assert comment.before == {"color": "blue", "text": ""}
    assert comment.after == {"color": "green", "text": "解決率が上がった"}
    removed = by_kind[ChangeKind.REMOVED, ids["m3"]]
    assert removed.before == "検索語を毎週見る" and removed.context == "FAQで自己解決できている状態"
    assert by_kind[ChangeKind.ADDED, added].context == "問い合わせ理由が製品に届いている状態"
    element = by_kind[ChangeKind.TEXT, a.element("money")]
    assert element.part_kind == Kind.ELEMENT and element.key == "money"
    assert (element.before, element.after) == ("月20万円", "月10万円に削減")
    assert d.counts() == {"added": 1, "removed": 1, "text": 2, "comment": 1, "color": 1, "progress": 1}
    assert not d.win_changed and not d.goal_changed


def test_a_measure_re_linked_to_another_purpose() -> None:
    a, ids = plan()
    b = a.copy()
    b.link_measure(ids["m4"], ids["p3"])
    b.unlink_measure(ids["m4"], ids["p2"])
    d = diff(a, b)
    [change] = d.changes
    assert change.kind == ChangeKind.RELINKED and change.part_id == ids["m4"]
    assert change.before == ["問い合わせ理由が製品に届いている状態"]
    assert change.after == ["チームが新しい指標で評価されている状態"]
    assert d.marks() == {ids["m4"]: "changed"}


def test_a_measure_that_now_also_serves_a_second_purpose_is_re_linked() -> None:
    a, ids = plan()
    b = a.copy()
    b.link_measure(ids["m1"], ids["p2"])
    [change] = diff(a, b).changes
    assert change.kind == ChangeKind.RELINKED
    assert change.after == ["FAQで自己解決できている状態", "問い合わせ理由が製品に届いている状態"]


def test_a_changed_win_condition_comes_first_and_is_named() -> None:
    a, ids = plan()
    b = a.copy()
    b.set_text(ids["m1"], "上位50件の記事を書く")
    b.set_element("people", "2名")
    b.set_text(b.win, "回答がSNSで紹介されている")
    d = diff(a, b)
    first = d.changes[0]
    assert first.part_kind == Kind.WIN and first.kind == ChangeKind.TEXT and first.decisive
    assert (first.before, first.after) == ("問い合わせ率が半減している", "回答がSNSで紹介されている")
    assert d.win_changed and not d.goal_changed
    assert [c.part_kind for c in d.changes] == [Kind.WIN, Kind.MEASURE, Kind.ELEMENT]


def test_goal_and_win_changes_come_before_everything_else() -> None:
    a, ids = plan()
    b = a.copy()
    b.remove(ids["p3"])
    b.set_comment(b.goal, "red", "目標が大きすぎた")
    b.set_text(b.goal, "まずFAQで自己解決できる")
    b.set_text(b.win, "上位20件の問い合わせが半減")
    d = diff(a, b)
    assert [(c.kind.value, c.part_kind.value) for c in d.changes[:2]] == [("text", "goal"), ("text", "win")]
    assert d.decisive == d.changes[:2]
    assert kinds(d)[2:] == [("comment", "goal"), ("removed", "purpose")]


def test_reordering_is_a_relative_move_not_the_shift_an_insertion_causes() -> None:
    a, ids = plan()
    b = a.copy()
    b.add_purpose("新しい中間目的", after=None)
    b.add_measure(ids["p1"], "最初に入れた施策")
    b.move_measure(b.measures_of(ids["p1"])[-1], ids["p1"], -3)  # the new one goes to the top
    assert [c.kind for c in diff(a, b).changes if c.kind == ChangeKind.REORDERED] == []
    b.move_purpose(ids["p3"], -2)  # p3 moves above p1 and p2
    b.move_measure(ids["m3"], ids["p1"], -2)
    d = diff(a, b)
    moved = {(c.part_id, c.before, c.after, c.context) for c in d.changes if c.kind == ChangeKind.REORDERED}
    assert moved == {
        (ids["p3"], 3, 1, None),
        (ids["m3"], 3, 2, "FAQで自己解決できている状態"),
    }


def test_parts_with_new_ids_but_the_same_text_are_the_same_part() -> None:
    a, ids = plan()
    data = a.to_data().model_dump()
    b = Chart.blank()
    b.set_text(b.goal, a.part(a.goal).text)
    b.set_text(b.win, a.part(a.win).text)
    b.set_element("money", "月20万円")
    for purpose in a.purposes():
        new = b.add_purpose(a.part(purpose).text)
        for measure in a.measures_of(purpose):
            part = a.part(measure)
            b.add_measure(new, part.text, color=part.color, progress=part.progress)
    assert data  # the old sheet is untouched
    d = diff(a, b)
    assert not d
    assert d.matched_by_text == 7
    pairs, by_text = match(a, b)
    assert by_text == 7 and pairs[a.goal] == b.goal


def test_the_json_holds_every_change_with_texts_before_and_after() -> None:
    a, ids = plan()
    b = a.copy()
    b.set_text(b.goal, "新しい目標")
    b.remove_measure(ids["m3"])
    data = json.loads(json.dumps(diff(a, b).to_json(), ensure_ascii=False))
    assert data["decisive"] == {"goal": True, "win": False, "metrics": False}
    assert data["counts"] == {"removed": 1, "text": 1}
    first, second = data["changes"]
    assert first == {
        "kind": "text",
        "partKind": "goal",
        "partId": a.goal,
        "label": "新しい目標",
        "before": "顧客が自分で解決できるサポート",
        "after": "新しい目標",
        "decisive": True,
    }
    assert second["kind"] == "removed" and second["before"] == "検索語を毎週見る" and second["after"] is None


@pytest.mark.usefixtures("english")
def test_sides_are_named_by_phase_number_or_draft() -> None:
    chart, _ = plan()
    project = Project(title="t", draft=chart)
    project.snapshot("計画")
    assert resolve(project, "1") == ("1", project.phase_chart(1))
    assert resolve(project, "draft")[1] is project.draft
    with pytest.raises(ChartError, match="no phase 2"):
        resolve(project, "2")
    with pytest.raises(ChartError, match="number"):
        resolve(project, "latest")


def test_the_four_phase_sample_reads_as_plan_review_plan_review(interop) -> None:
    project = import_file(interop / "generator-four-phase-sample.json").project
    assert reviews(project) == {2: 1, 4: 3}
    review = diff(project.phase_chart(1), project.phase_chart(2))
    # pufu-editor gave every part of phase 2 a fresh uuid: matched by text, nothing came or went
    assert review.matched_by_text == 6 and not review.structural
    assert review.counts() == {"text": 4, "comment": 11, "color": 4}
    replan = diff(project.phase_chart(2), project.phase_chart(3))
    assert replan.goal_changed and replan.win_changed
    assert [c.part_kind for c in replan.changes[:2]] == [Kind.GOAL, Kind.WIN]
    assert replan.counts()["added"] == 8 and replan.counts()["removed"] == 6
