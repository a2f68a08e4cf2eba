"""What the editor draws again after a key: only what changed, and the screen is then the same as
that of an editor freshly opened on the same chart (issue 12, speed of the editor)."""

from __future__ import annotations

from textual.strip import Strip
from textual.widgets._footer import FooterKey

from pufu.tui.sheet import SheetView

from .conftest import make_app
from .screen_text import screen_lines


def footer_keys(app) -> list[FooterKey]:
    return list(app.screen.query(FooterKey))


async def test_the_footer_keeps_its_keys_as_the_focus_goes_to_the_edit_box_and_back(plan):
    app = make_app(plan)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        on_sheet = screen_lines(app)[-1]
        for text in ("a", "b"):
            await pilot.press("enter")
            await pilot.pause()
            held = footer_keys(app)
            editing = screen_lines(app)[-1]
            assert "保存" in editing and "編集" not in editing, editing
            await pilot.press(text, "enter")
            await pilot.pause()
            assert screen_lines(app)[-1] == on_sheet
            assert footer_keys(app) == held  # the same keys, shown or hidden: none mounted again
        assert [key.description for key in footer_keys(app) if key.display][:2] == ["編集", "追加"]


class CountingSheet(SheetView):
    """The sheet, counting the lines it draws."""

    drawn = 0

    def render_line(self, y: int) -> Strip:
        CountingSheet.drawn += 1
        return super().render_line(y)


async def test_a_colour_or_a_move_draws_again_only_the_lines_that_changed(plan, monkeypatch):
    import pufu.tui.app as app_module

    monkeypatch.setattr(app_module, "SheetView", CountingSheet)
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.press("left", "left", "left")  # onto the first 施策
        await pilot.pause()
        shown_rows = app.sheet.size.height
        for key in ("c", "down", "c", "ctrl+z", "up"):
            CountingSheet.drawn = 0
            await pilot.press(key)
            await pilot.pause()
            assert 0 < CountingSheet.drawn < shown_rows // 2, (key, CountingSheet.drawn, shown_rows)


async def test_after_changes_the_screen_is_that_of_a_fresh_editor(plan):
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.press("left", "left", "left")
        for key in ("c", "down", "c", "right", "c", "ctrl+z", "up", "enter", "x", "enter", "p", "4", "0", "enter", "down"):
            await pilot.press(key)
            await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        seen = screen_lines(app)[1:-2]  # the sheet (the header says the file; the status line the save)
        selection = app.sheet.selection
    fresh = make_app(plan)
    async with fresh.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        fresh.sheet.select(selection)
        await pilot.pause()
        assert screen_lines(fresh)[1:-2] == seen


class StyleCountingSheet(SheetView):
    """The sheet, counting how often its CSS is matched again."""

    matched = 0

    def update_node_styles(self, animate: bool = True) -> None:
        StyleCountingSheet.matched += 1
        super().update_node_styles(animate)


async def test_the_sheet_is_not_restyled_as_the_edit_box_takes_and_gives_back_the_focus(plan, monkeypatch):
    import pufu.tui.app as app_module

    monkeypatch.setattr(app_module, "SheetView", StyleCountingSheet)
    app = make_app(plan)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        before = screen_lines(app)
        StyleCountingSheet.matched = 0
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert StyleCountingSheet.matched == 0
        assert screen_lines(app) == before


async def test_a_rule_on_the_sheets_focus_is_still_followed(plan):
    from textual.color import Color

    app = make_app(plan)
    app.stylesheet.add_source("SheetView:focus { background: #102030; }", read_from=("test", "focus rule"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        focused = app.sheet.styles.background
        await pilot.press("enter")  # the edit box takes the focus
        await pilot.pause()
        assert focused == Color.parse("#102030") and app.sheet.styles.background != focused
        await pilot.press("escape")
        await pilot.pause()
        assert app.sheet.styles.background == focused


async def test_the_loaded_chart_is_kept_out_of_the_collectors_full_passes(plan):
    """A full pass of Python's collector over a big chart stalls a key now and then; what the
    editor loaded and drew at the start lives as long as it, and is left out of those passes
    until it closes."""
    import gc

    app = make_app(plan)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        graph = app.session.chart.graph
        assert gc.is_tracked(graph)
        assert not any(obj is graph for obj in gc.get_objects())  # in no generation: frozen
    assert gc.get_freeze_count() == 0  # closed: its objects can go (several editors in one process)
