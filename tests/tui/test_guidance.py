"""Guidance on the screen: checks in the status line, help, the command palette, English labels."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.widgets import DataTable

from pufu.tui.help import HelpScreen
from pufu.tui.keys import KEYS
from pufu.tui.layout import Slot
from pufu.tui.palette import PufuCommands

from .conftest import make_app, type_text


def status(app) -> str:
    return str(app.query_one("#status").render())


async def test_the_status_line_shows_the_checks_and_follows_the_edits(plan):
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        assert "問題は見つかりませんでした" in status(app)
        app.sheet.select(Slot(app.session.chart.purposes()[-1]))
        await pilot.press("a")
        await type_text(pilot, "施策のまだない状態")
        await pilot.press("enter")
        await pilot.pause()
        assert "警告 1 件" in status(app)
        assert "中間目的「施策のまだない状態」に施策がありません" in status(app)
        assert "中間目的 4 ⚠" in app.sheet.layout_.text()
        await pilot.press("ctrl+z")
        assert "問題は見つかりませんでした" in status(app)


async def test_f8_selects_the_part_of_the_next_finding(plan):
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        empty = app.session.chart.add_purpose("")
        app.refresh_all()
        await pilot.press("f8")
        assert app.sheet.selection == Slot(empty)


async def test_question_mark_opens_the_help_with_every_key(plan):
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#keys", DataTable)
        assert table.row_count == sum(1 for key in KEYS if key.keys)
        cells = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
        assert "元に戻す（下書きとタイトルの変更。削除も含む。局面の記録と感想は除く）" in cells
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_the_command_palette_offers_every_action(plan):
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        provider = PufuCommands(app.screen)
        names = [name for name, _, _ in provider._commands()]
        assert len(names) == sum(1 for key in KEYS if key.palette)
        assert any(name.startswith("局面を記録") for name in names)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await type_text(pilot, "局面を記録")
        await app.workers.wait_for_complete()  # the palette searches in a worker
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "RecordPhaseDialog"


async def test_labels_are_english_with_lang_en(plan):
    app = make_app(plan, lang="en")
    async with app.run_test(size=(160, 48)) as pilot:
        text = app.sheet.layout_.text()
        assert "Gaining goal" in text and "Intermediate purpose 1" in text
        assert "draft (phase 1)" in app.sub_title
        footer = {b.binding.description for b in app.screen.active_bindings.values()}
        assert {"Edit", "Add", "Delete", "Save", "Quit"} <= footer
        await pilot.press("d")
        assert "cannot be deleted" in app.message


async def test_x_opens_the_export_dialog_on_the_draft(plan):
    from pufu.tui.export_dialog import ExportDialog

    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert app.screen.project is app.session.project and app.screen.phase is None
