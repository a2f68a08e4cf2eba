"""The details a new user tripped over in the editor (issue 12): keys typed ahead belong to the box
that the first of them opens; a new part cancelled leaves no trace; the status line is never stale;
new from template asks for the file name."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from pufu.i18n import t
from pufu.model import Color
from pufu.tui.dialogs import CommentDialog, InputDialog
from pufu.tui.layout import Slot

from .conftest import make_app


def chart(app):
    return app.session.chart


def typed_ahead(app, *keys: str | events.Paste) -> None:
    """Hand the editor several keys at once, as one read of the terminal does: every key is
    queued before the first is handled (``pilot.press`` waits for the screen after each)."""
    for key in keys:
        if isinstance(key, events.Paste):
            app.post_message(key)
        else:
            app.post_message(events.Key(key, key if len(key) == 1 else None))


def first_measure(app) -> Slot:
    purpose = chart(app).purposes()[0]
    return Slot(chart(app).measures_of(purpose)[0], purpose)


async def test_enter_then_c_types_c_into_the_box_and_leaves_the_colour(plan):
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        slot = first_measure(app)
        app.sheet.select(slot)
        await pilot.pause()
        text, color = chart(app).part(slot.part).text, chart(app).part(slot.part).color
        typed_ahead(app, "enter", "c")
        await pilot.pause()
        await pilot.pause()
        assert app.editbar.is_open and app.focused is app.editbar.editor
        assert app.editbar.editor.text == text + "c"
        assert chart(app).part(slot.part).color == color == Color.RED
        assert not app.session.modified


async def test_t_then_n_types_n_into_the_title_and_opens_no_comment_dialog(plan):
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        title = app.session.project.title
        typed_ahead(app, "t", "n")
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, CommentDialog)
        assert app.editbar.is_open and app.editbar.editor.text == title + "n"
        typed_ahead(app, "enter")
        await pilot.pause()
        assert app.session.project.title == title + "n"


async def test_a_paste_right_after_a_lands_in_the_new_part(plan):
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        typed_ahead(app, "a", events.Paste("解約理由が毎月まとまっている状態"), "enter")
        await pilot.pause()
        await pilot.pause()
        purposes = chart(app).purposes()
        assert len(purposes) == 4
        assert chart(app).part(purposes[-1]).text == "解約理由が毎月まとまっている状態"
        assert not app.editbar.is_open


async def test_p_then_digits_and_enter_type_the_progress_into_its_dialog(plan):
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        slot = first_measure(app)
        app.sheet.select(slot)
        await pilot.pause()
        typed_ahead(app, "p", "7", "5")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, InputDialog)
        assert app.screen.query_one(Input).value == "75"  # the old 50 was selected: typing replaces it
        typed_ahead(app, "enter")
        await pilot.pause()
        assert chart(app).part(slot.part).progress == 75
        assert app.focused is app.sheet


async def test_a_then_escape_leaves_no_trace_and_the_selection_where_it_was(plan):
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        slot = first_measure(app)
        app.sheet.select(slot)
        await pilot.press("c")  # something to undo, then undone: redo can bring it back
        recoloured = chart(app).part(slot.part).color
        await pilot.press("ctrl+z")
        assert app.session.can_redo
        for key in ("a", "m"):  # a 施策 after this one; one at the end of its 中間目的
            await pilot.press(key)
            assert app.editbar.is_open and len(chart(app).measures()) == 6
            await pilot.press("escape")
            await pilot.pause()
            assert len(chart(app).measures()) == 5
            assert app.sheet.selection == slot
            assert app.session.redo_label == "set_color"  # not the part that was never written
            assert not app.session.modified
        app.sheet.select(Slot(chart(app).purposes()[1]))
        await pilot.press("a", "escape")
        await pilot.pause()
        assert app.sheet.selection == Slot(chart(app).purposes()[1])
        await pilot.press("ctrl+y")
        assert chart(app).part(slot.part).color == recoloured != Color.RED  # c's step, redone


def status(app) -> str:
    return str(app.query_one("#status").render())


async def test_the_status_line_tells_the_colour_chosen_from_the_list(plan):
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        slot = first_measure(app)  # red
        app.sheet.select(slot)
        await pilot.press("c")  # red → the next: the status line says which
        said = app.message
        assert said and said in status(app)
        await pilot.press("C")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        chosen = chart(app).part(slot.part).color
        assert said not in status(app)
        assert t(f"color.{chosen.value}", "ja") in status(app)


async def test_a_progress_error_goes_from_the_status_line_once_fixed(plan):
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        app.sheet.select(first_measure(app))
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("1", "5", "0", "enter")
        await pilot.pause()
        assert "0〜100" in status(app)
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("8", "0", "enter")
        await pilot.pause()
        assert chart(app).part(first_measure(app).part).progress == 80
        assert "0〜100" not in status(app)


async def test_new_from_template_asks_the_file_name_and_never_replaces_a_file_unasked(plan):
    from pufu.templates import list_templates
    from pufu.tui.dialogs import ConfirmDialog
    from pufu.tui.template_picker import TemplatePicker

    first = list_templates("ja")[0].name
    folder = plan.parent
    taken = folder / "taken.pufu.json"
    taken.write_text("{}", encoding="utf-8")
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        app.action_template()
        await pilot.pause()
        assert isinstance(app.screen, TemplatePicker)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, InputDialog)  # the name, before any file is written
        field = app.screen.query_one(Input)
        assert field.value == f"{first}.pufu.json"
        assert sorted(p.name for p in folder.iterdir()) == ["plan.pufu.json", "taken.pufu.json"]
        field.value = "taken"  # an existing file: asked first, and "no" writes nothing
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert taken.read_text(encoding="utf-8") == "{}"
        assert isinstance(app.screen, InputDialog)  # asked again, to change the name
        app.screen.query_one(Input).value = "顧客の声"
        await pilot.press("enter")
        await pilot.pause()
        made = folder / "顧客の声.pufu.json"
        assert made.exists() and app.path == made
        assert app.session.chart.purposes() and not app.session.modified
        assert taken.read_text(encoding="utf-8") == "{}"


async def test_new_from_template_replaces_an_existing_file_only_when_confirmed(plan):
    from pufu.model import load_project
    from pufu.tui.template_picker import TemplatePicker

    taken = plan.parent / "taken.pufu.json"
    taken.write_text("{}", encoding="utf-8")
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        app.action_template()
        await pilot.pause()
        assert isinstance(app.screen, TemplatePicker)
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one(Input).value = "taken.pufu.json"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.path == taken
        assert load_project(taken)
        app.action_template()  # the open file itself is never replaced
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one(Input).value = "taken.pufu.json"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, InputDialog)
        assert "taken.pufu.json" in app.message


async def test_the_footer_follows_the_focus_though_it_is_rebuilt_only_on_a_change(plan):
    from textual.widgets._footer import FooterKey

    def shown(app) -> list[str]:  # the keys shown (the footer holds the hidden ones too)
        return [key.description for key in app.screen.query(FooterKey) if key.display]

    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        on_sheet = shown(app)
        assert "編集" in on_sheet and "保存" in on_sheet
        await pilot.press("enter")
        await pilot.pause()
        assert "編集" not in shown(app) and "保存" in shown(app)  # typing: the sheet's keys go
        await pilot.press("escape")
        await pilot.pause()
        assert shown(app) == on_sheet
        app.sheet.select(first_measure(app))
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert shown(app) == on_sheet
