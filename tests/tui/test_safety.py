"""Saving never loses work: conflicts ask, failures keep the edits, quitting asks, crashes recover."""

from __future__ import annotations

from pufu.model import FileError, load_project, save_project
from pufu.model import document as document_module
from pufu.model.recovery import read_recovery
from pufu.recent import recent_projects
from pufu.tui.dialogs import ChoiceDialog, ConfirmDialog

from .conftest import make_app, replace_text


def goal_text(app) -> str:
    chart = app.session.chart
    return chart.part(chart.goal).text


async def test_ctrl_s_saves_and_the_header_shows_the_file_and_the_unsaved_marker(plan):
    app = make_app(plan)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.title == "plan.pufu.json"
        assert "下書き（局面 1）" in app.sub_title
        await pilot.press("enter")
        await replace_text(pilot, "保存する文。")
        assert "● 未保存" in app.title
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.title == "plan.pufu.json"
        assert "保存しました" in app.message
    project, _ = load_project(plan)
    assert project.draft.part(project.draft.goal).text == "保存する文。"
    assert recent_projects() == [plan]


async def test_saving_over_a_file_changed_on_disk_asks_overwrite_reload_or_cancel(plan):
    app = make_app(plan)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await replace_text(pilot, "わたしの編集")
        other, stamp = load_project(plan)
        other.title = "別の人が保存した"
        save_project(other, plan, stamp)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("4")  # cancel (merge, overwrite, reload, cancel)
        await pilot.pause()
        assert load_project(plan)[0].title == "別の人が保存した"
        assert goal_text(app) == "わたしの編集" and app.session.modified
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("2")  # overwrite (1 is merge)
        await pilot.pause()
        saved, _ = load_project(plan)
        assert saved.draft.part(saved.draft.goal).text == "わたしの編集"
        assert not app.session.modified


async def test_reloading_after_a_conflict_takes_the_file_on_disk(plan):
    app = make_app(plan)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await replace_text(pilot, "わたしの編集")
        other, stamp = load_project(plan)
        other.title = "別の人が保存した"
        save_project(other, plan, stamp)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("3")  # reload
        await pilot.pause()
        assert app.session.project.title == "別の人が保存した"
        assert not app.session.modified


async def test_a_failed_save_keeps_the_work_and_says_why(plan, monkeypatch):
    def broken(*args, **kwargs):
        raise FileError(plan, "not saved: No space left on device; nothing on disk was changed")

    monkeypatch.setattr(document_module, "write_atomic", broken)
    app = make_app(plan)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await replace_text(pilot, "消えてはいけない編集")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "No space left" in app.message
        assert goal_text(app) == "消えてはいけない編集"
        assert app.session.modified and "● 未保存" in app.title
        assert read_recovery(plan) is not None


async def test_quit_asks_when_there_are_unsaved_changes(plan):
    app = make_app(plan)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await replace_text(pilot, "未保存の編集")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and goal_text(app) == "未保存の編集"
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("2")  # quit without saving
        await pilot.pause()
    assert app.return_code == 0
    project, _ = load_project(plan)
    assert project.draft.part(project.draft.goal).text != "未保存の編集"
    assert read_recovery(plan) is None


async def test_save_and_quit_from_the_prompt(plan):
    app = make_app(plan)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await replace_text(pilot, "保存して終わる")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
    project, _ = load_project(plan)
    assert project.draft.part(project.draft.goal).text == "保存して終わる"


async def test_quit_without_changes_does_not_ask(plan):
    app = make_app(plan)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


async def test_a_recovery_copy_is_kept_in_the_state_folder_and_offered_back(plan, state_dir):
    crashed = make_app(plan)
    async with crashed.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await replace_text(pilot, "クラッシュ前の編集。")
        copy = crashed.recovery.file
        assert copy.is_file() and state_dir in copy.parents
        assert not any(p.name != plan.name for p in plan.parent.iterdir())
        # the process dies here: no save, no quit
    reopened = make_app(plan)
    async with reopened.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(reopened.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert goal_text(reopened) == "クラッシュ前の編集。"
        assert reopened.session.modified and "● 未保存" in reopened.title
        await pilot.press("ctrl+s")
        await pilot.pause()
    project, _ = load_project(plan)
    assert project.draft.part(project.draft.goal).text == "クラッシュ前の編集。"
    assert read_recovery(plan) is None


async def test_a_declined_recovery_copy_is_discarded(plan):
    crashed = make_app(plan)
    async with crashed.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await replace_text(pilot, "要らない編集")
    reopened = make_app(plan)
    async with reopened.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert goal_text(reopened) != "要らない編集"
    assert read_recovery(plan) is None


async def test_undoing_back_to_the_saved_state_drops_the_recovery_copy(plan):
    app = make_app(plan)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await replace_text(pilot, "すぐ戻す")
        assert read_recovery(plan) is not None
        await pilot.press("ctrl+z")
        assert not app.session.modified and read_recovery(plan) is None
