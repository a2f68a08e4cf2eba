"""評価指標 in the editor: shown under their part with value → target, status and sparkline;
added, edited, valued and removed by keys, every step undoable."""

from __future__ import annotations

from textual.widgets import Input, Label

from pufu.model import load_project, save_project
from pufu.tui.layout import Slot
from pufu.tui.metric_actions import MetricDialog

from .conftest import make_app, type_text


def sheet_text(app) -> str:
    return app.sheet.layout_.text()


def rate(app):
    return app.session.chart.metric_named("問い合わせ率")


async def test_a_yardstick_shows_under_the_win_condition_with_its_trajectory(plan):
    project, stamp = load_project(plan)
    metric = project.draft.metrics()[0]
    project.draft.set_metric_value(metric.id, 0.42)
    project.snapshot("計画", date="2026-04-01")
    project.draft.set_metric_value(metric.id, 0.39)
    project.snapshot("公開", date="2026-06-01")
    project.draft.set_metric_value(metric.id, 0.36)
    save_project(project, plan, stamp)
    app = make_app(plan)
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.pause()
        text = sheet_text(app)
        assert "▸ 問い合わせ率 0.36 → 0.3 件/顧客 ✓ █▅▁" in text
        lines = text.splitlines()
        win = lines.index("勝利条件")
        assert any("▸ 問い合わせ率" in line for line in lines[win : win + 5])
        styles = {run.style for line in app.sheet.layout_.lines for run in line if "問い合わせ率 0.36" in run.text}
        assert styles == {"metric.on_track"}


async def test_i_sets_the_value_and_undo_takes_it_back(plan):
    app = make_app(plan)
    async with app.run_test(size=(100, 60)) as pilot:
        app.sheet.select(Slot(app.session.chart.win))
        await pilot.press("i")
        await pilot.pause()
        field = app.screen.query_one(Input)
        field.value = ""
        await type_text(pilot, "0.28")
        await pilot.press("enter")
        await pilot.pause()
        assert rate(app).value == 0.28
        assert "▸ 問い合わせ率 0.28 → 0.3 件/顧客 ◎" in sheet_text(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert rate(app).value == 0.36


async def test_y_adds_a_yardstick_to_the_selected_purpose(plan):
    app = make_app(plan)
    async with app.run_test(size=(100, 60)) as pilot:
        purpose = app.session.chart.purposes()[0]
        app.sheet.select(Slot(purpose))
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, MetricDialog)
        await type_text(pilot, "自己解決率")
        await pilot.press("enter")  # on to the unit
        await type_text(pilot, "%")
        await pilot.press("enter")  # on to the target
        await type_text(pilot, "たくさん")
        await pilot.press("enter", "enter", "enter", "enter")  # baseline, value, note, confirm
        await pilot.pause()
        assert isinstance(app.screen, MetricDialog), "a target that is not a number keeps it open"
        assert "数値ではありません" in str(app.screen.query_one("#metric-error", Label).render())
        target = app.screen.query_one("#metric-target", Input)
        target.value = ""
        await type_text(pilot, "６０")  # full-width digits, as an input method types them
        await pilot.press("enter", "enter", "enter", "enter")
        await pilot.pause()
        added = app.session.chart.metric_named("自己解決率")
        assert added is not None and (added.part, added.unit, added.target) == (purpose, "%", 60)
        assert "▸ 自己解決率 – → 60% ·" in sheet_text(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.session.chart.metric_named("自己解決率") is None


async def test_shift_y_edits_and_shift_d_removes_asking_which(plan):
    app = make_app(plan)
    async with app.run_test(size=(100, 60)) as pilot:
        chart = app.session.chart
        app.session.apply("add_metric", "ワンストップ処理率", unit="%", target=80)
        app.refresh_all()
        app.sheet.select(Slot(chart.win))
        await pilot.press("Y")
        await pilot.pause()
        await pilot.press("enter")  # two yardsticks: the first is highlighted
        await pilot.pause()
        assert isinstance(app.screen, MetricDialog)
        app.screen.query_one("#metric-target", Input).value = "0.25"
        app.screen.query_one("#metric-note", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert rate(app).target == 0.25 and rate(app).unit == "件/顧客"
        await pilot.press("D")
        await pilot.pause()
        await pilot.press("down", "enter")  # the second one
        await pilot.pause()
        await pilot.press("y")  # confirm
        await pilot.pause()
        assert [m.name for m in app.session.chart.metrics()] == ["問い合わせ率"]
        await pilot.press("ctrl+z", "ctrl+z")
        await pilot.pause()
        assert [m.name for m in app.session.chart.metrics()] == ["問い合わせ率", "ワンストップ処理率"]
        assert rate(app).target == 0.3
