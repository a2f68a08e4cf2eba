"""評価指標 (yardsticks): the model, the file, the trajectory."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from pufu.model import (
    FORMAT_VERSION,
    Chart,
    ChartError,
    FileError,
    Project,
    Status,
    dumps_project,
    load_project,
    metric_line,
    save_project,
    status,
    tracks,
    trajectory,
)
from pufu.model.metrics import format_number

from .helpers import sample_session


def test_a_yardstick_belongs_to_the_win_condition_by_default() -> None:
    chart = Chart()
    metric = chart.add_metric("問い合わせ率", target=0.18, baseline=0.25, unit="件/顧客", direction="lower")
    data = chart.metric(metric)
    assert data.part == chart.win
    assert (data.name, data.unit, data.baseline, data.target, data.direction, data.value) == (
        "問い合わせ率",
        "件/顧客",
        0.25,
        0.18,
        "lower",
        None,
    )
    assert chart.metrics(chart.win) == [data]


def test_a_yardstick_can_measure_a_purpose_and_goes_with_it() -> None:
    session, ids = sample_session()
    metric = session.apply("add_metric", "自己解決率", part=ids["p1"], unit="%", target=60)
    session.apply("remove", ids["p1"])
    assert session.chart.metrics() == []
    session.undo()
    assert session.chart.metric(metric).part == ids["p1"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda c: c.add_metric("CSAT"), "already a yardstick named"),
        (lambda c: c.add_metric(" csat "), "already a yardstick named"),
        (lambda c: c.add_metric("  "), "needs a name"),
        (lambda c: c.add_metric("NPS", target="50"), "is a number"),
        (lambda c: c.add_metric("NPS", target=True), "is a number"),
        (lambda c: c.add_metric("NPS", target=math.nan), "finite"),
        (lambda c: c.add_metric("NPS", baseline=math.inf), "finite"),
        (lambda c: c.add_metric("NPS", direction="up"), "higher or lower"),
        (lambda c: c.add_metric("NPS", part=c.goal), "win condition or an intermediate purpose"),
        (lambda c: c.add_metric("NPS", part="nowhere"), "no part"),
        (lambda c: c.set_metric("nope", name="x"), "no yardstick"),
        (lambda c: c.set_metric(c.metrics()[0].id, value=3), "no field 'value'"),
        (lambda c: c.set_metric_value(c.metrics()[0].id, -math.inf), "finite"),
        (lambda c: c.remove_metric("nope"), "no yardstick"),
    ],
)
@pytest.mark.usefixtures("english")
def test_impossible_yardstick_operations_change_nothing(call, message: str) -> None:
    chart = Chart()
    chart.add_metric("CSAT", target=4.5, unit="点")
    before = chart.to_data()
    with pytest.raises(ChartError, match=message):
        call(chart)
    assert chart.to_data() == before


def test_set_metric_renames_and_changes_what_counts() -> None:
    chart = Chart()
    purpose = chart.add_purpose("FAQ")
    metric = chart.add_metric("問い合わせ数", target=-30, unit="%", direction="lower")
    chart.set_metric(metric, name="問い合わせ率", unit="件/顧客", target=0.18, baseline=0.25, note="管理職と合意")
    chart.set_metric(metric, part=purpose, direction="lower")
    data = chart.metric(metric)
    assert (data.name, data.unit, data.target, data.baseline, data.note, data.part) == (
        "問い合わせ率",
        "件/顧客",
        0.18,
        0.25,
        "管理職と合意",
        purpose,
    )
    chart.set_metric(metric, name="問い合わせ率")  # its own name is not a duplicate
    chart.set_metric(metric, target=None)
    assert chart.metric(metric).target is None


def test_every_yardstick_operation_is_undoable() -> None:
    session, _ = sample_session()
    states = [session.chart.to_data()]
    metric = session.apply("add_metric", "ワンストップ処理率", unit="%", target=80)
    states.append(session.chart.to_data())
    session.apply("set_metric_value", metric, 62.5)
    states.append(session.chart.to_data())
    session.apply("set_metric", metric, target=85, direction="higher")
    states.append(session.chart.to_data())
    session.apply("remove_metric", metric)
    states.append(session.chart.to_data())
    for expected in reversed(states[:-1]):
        session.undo()
        assert session.chart.to_data() == expected
    for expected in states[1:]:
        session.redo()
        assert session.chart.to_data() == expected


def test_a_copy_does_not_share_its_yardsticks() -> None:
    chart = Chart()
    metric = chart.add_metric("NPS", target=30)
    copy = chart.copy()
    chart.set_metric_value(metric, 12)
    chart.add_metric("CSAT")
    assert copy.metric(metric).value is None
    assert len(copy.metrics()) == 1


def test_the_file_holds_yardsticks_and_each_phase_freezes_their_values(tmp_path: Path) -> None:
    session, _ = sample_session()
    project = session.project
    metric = project.draft.add_metric("自己解決率", unit="%", baseline=20, target=60)
    project.draft.set_metric_value(metric, 20)
    project.snapshot("計画", date="2026-04-01")
    project.draft.set_metric_value(metric, 35)
    project.snapshot("公開", date="2026-06-01")
    project.draft.set_metric_value(metric, 41.5)
    path = tmp_path / "p.pufu.json"
    save_project(project, path, None)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == FORMAT_VERSION == 2
    assert data["draft"]["metrics"][0] == {
        "id": metric,
        "part": project.draft.win,
        "name": "自己解決率",
        "unit": "%",
        "baseline": 20,
        "target": 60,
        "direction": "higher",
        "note": "",
        "value": 41.5,
    }
    loaded, _ = load_project(path)
    assert [p.value for p in trajectory(loaded, "自己解決率")] == [20, 35, 41.5]
    assert [p.phase for p in trajectory(loaded, metric)] == [1, 2, None]
    assert dumps_project(loaded) == path.read_text(encoding="utf-8")


def test_a_version_1_file_loads_and_is_saved_as_version_2(tmp_path: Path) -> None:
    session, _ = sample_session()
    session.project.snapshot("計画", date="2026-04-01")
    text = dumps_project(session.project)
    old = json.loads(text)
    old["version"] = 1
    for chart in [old["draft"], *(phase["chart"] for phase in old["phases"])]:
        del chart["metrics"]
    path = tmp_path / "old.pufu.json"
    path.write_text(json.dumps(old, ensure_ascii=False, indent=2), encoding="utf-8")
    project, stamp = load_project(path)
    assert project.draft.metrics() == []
    save_project(project, path, stamp)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["version"] == 2
    assert saved["draft"]["metrics"] == [] and saved["phases"][0]["chart"]["metrics"] == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda m: m.update(target="80"), r"\$\.draft\.metrics\[0\]\.target"),
        (lambda m: m.update(value=True), r"\$\.draft\.metrics\[0\]\.value"),
        (lambda m: m.update(value=1e999), r"\$\.draft\.metrics\[0\]\.value"),
        (lambda m: m.update(direction="up"), r"\$\.draft\.metrics\[0\]\.direction"),
        (lambda m: m.update(part="nowhere"), r"\$\.draft\.metrics\[0\]\.part: no win condition or intermediate purpose"),
        (lambda m: m.update(name=""), r"\$\.draft\.metrics\[0\]\.name"),
        (lambda m: m.update(id="nope", part="nope"), r"no win condition"),
    ],
)
@pytest.mark.usefixtures("english")
def test_a_broken_yardstick_in_a_file_is_named_by_its_path(tmp_path: Path, change, message: str) -> None:
    session, _ = sample_session()
    session.project.draft.add_metric("CSAT", target=4.5)
    data = json.loads(dumps_project(session.project))
    change(data["draft"]["metrics"][0])
    path = tmp_path / "bad.pufu.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(FileError, match=message):
        load_project(path)


@pytest.mark.usefixtures("english")
def test_a_yardstick_id_that_is_also_a_part_id_is_refused_in_a_phase(tmp_path: Path) -> None:
    session, ids = sample_session()
    session.project.draft.add_metric("CSAT", metric_id="m-1")
    session.project.snapshot("計画", date="2026-04-01")
    data = json.loads(dumps_project(session.project))
    data["phases"][0]["chart"]["metrics"][0]["id"] = ids["p1"]
    path = tmp_path / "dup.pufu.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(FileError, match=r"\$\.phases\[0\]\.chart\.metrics\[0\]\.id: duplicate id"):
        load_project(path)


def test_tracks_follow_a_yardstick_by_id_else_by_name() -> None:
    project = Project()
    first = project.draft.add_metric("月間問い合わせ数", unit="%", target=-30, direction="lower", value=0)
    project.snapshot("1", date="2026-04-01")
    project.draft.set_metric_value(first, 12)
    project.snapshot("2", date="2026-06-01")
    # phase 3: the yardstick comes back with a new id (imported, say) but the same name
    project.draft.remove_metric(first)
    project.draft.add_metric("月間問い合わせ数", unit="%", target=-30, direction="lower", value=-8)
    project.snapshot("3", date="2026-07-01")
    project.draft.add_metric("問い合わせ率", unit="件/顧客", baseline=0.25, target=0.18, direction="lower", value=0.25)
    found = tracks(project)
    assert [t.name for t in found] == ["月間問い合わせ数", "問い合わせ率"]
    assert found[0].values() == [0, 12, -8, -8]
    assert found[1].values() == [None, None, None, 0.25]
    assert found[1].in_draft


def test_status_and_the_line_a_sheet_shows() -> None:
    chart = Chart()
    rate = chart.add_metric("問い合わせ率", baseline=0.25, target=0.18, unit="件/顧客", direction="lower", value=0.21)
    share = chart.add_metric("ワンストップ処理率", unit="%", target=80, value=82)
    worse = chart.add_metric("月間問い合わせ数", unit="%", baseline=0, target=-30, direction="lower", value=12)
    placeholder = chart.add_metric("自己解決率", unit="%")
    assert status(chart.metric(rate)) == Status.ON_TRACK
    assert status(chart.metric(share)) == Status.REACHED
    assert status(chart.metric(worse)) == Status.OFF_TRACK
    assert status(chart.metric(placeholder)) == Status.UNKNOWN
    assert metric_line(chart.metric(rate)) == "問い合わせ率 0.21 → 0.18 件/顧客 ✓"
    assert metric_line(chart.metric(share)) == "ワンストップ処理率 82 → 80% ◎"
    assert metric_line(chart.metric(worse)) == "月間問い合わせ数 12 → -30% ×"
    assert metric_line(chart.metric(placeholder)) == "自己解決率 – → ○% ·"
    assert format_number(1200) == "1,200" and format_number(-8.0) == "-8" and format_number(0.0004) == "0.0004"


def test_check_asks_for_a_yardstick_agreed_with_the_managers() -> None:
    from pufu.model import check

    chart = Chart()
    chart.set_text(chart.win, "半年で問い合わせ率が○%下がっている")
    codes = {f.code: f for f in check(chart)}
    assert "win_placeholder" in codes and "no_metrics" in codes
    assert "管理職" in codes["no_metrics"].message("ja")
    assert "managers" in codes["no_metrics"].message("en")
    purpose = chart.add_purpose("FAQ")
    chart.add_metric("自己解決率", unit="%", part=purpose)
    assert "no_metrics" in {f.code for f in check(chart)}, "a 中間目的's yardstick is not the win's"
    chart.add_metric("問い合わせ率", unit="件/顧客", direction="lower")
    findings = [f for f in check(chart) if f.code == "metric_without_target"]
    assert [f.message("ja") for f in findings] == [
        "評価指標「自己解決率」に目標値がありません（○のまま）",
        "評価指標「問い合わせ率」に目標値がありません（○のまま）",
    ]
    assert [f.part for f in findings] == [purpose, chart.win]
    chart.set_text(chart.win, "In six months the inquiry rate is down X%")
    assert "win_placeholder" in {f.code for f in check(chart)}
    chart.set_text(chart.win, "半年で問い合わせ率が28%下がっている (Xbox owners too)")
    for metric in chart.metrics():
        chart.set_metric(metric.id, target=10)
    assert {f.code for f in check(chart)} & {"win_placeholder", "no_metrics", "metric_without_target"} == set()
