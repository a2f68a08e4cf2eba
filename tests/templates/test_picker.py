"""The "new from template" screen: a list, a preview of the highlighted sheet, a choice."""

from __future__ import annotations

import asyncio

import pytest
from textual.app import App
from textual.widgets import Static

from pufu.templates import load_template, template_names
from pufu.tui.template_picker import TemplatePicker, free_path, open_dialog, preview


class Host(App[None]):
    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self.chosen: object = "not yet"

    def on_mount(self) -> None:
        self.push_screen(TemplatePicker(self.lang), self.done)

    def done(self, value: str | None) -> None:
        self.chosen = value


def preview_text(app: App) -> str:
    return str(app.screen.query_one("#picker-preview", Static).render())


def test_the_list_shows_every_template_and_the_preview_follows_the_highlight() -> None:
    async def scenario() -> None:
        app = Host("en")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            picker = app.screen
            assert isinstance(picker, TemplatePicker)
            first = template_names()[0]
            assert picker.selected == first
            goal = load_template(first, "en").draft
            assert goal.part(goal.goal).text[:30] in preview_text(app)
            await pilot.press("down", "down")
            third = template_names()[2]
            assert picker.selected == third
            chart = load_template(third, "en").draft
            assert chart.part(chart.win).text[:30] in preview_text(app)
            await pilot.press("enter")
            await pilot.pause()
        assert app.chosen == third

    asyncio.run(scenario())


def test_escape_cancels() -> None:
    async def scenario() -> None:
        app = Host("ja")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
        assert app.chosen is None

    asyncio.run(scenario())


def test_the_choose_button_returns_the_highlighted_template() -> None:
    async def scenario() -> None:
        app = Host("ja")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("down")
            await pilot.click("#picker-choose")
            await pilot.pause()
        assert app.chosen == template_names()[1]

    asyncio.run(scenario())


def test_the_preview_shows_symbols_elements_and_the_demo_phases() -> None:
    project = load_template("demo", "ja", fresh_ids=False)
    text = preview(project, "ja").plain
    assert "獲得目標" in text and "廟算八要素" in text and "●" in text and "4つの局面" in text
    assert "ひと:" in text


def test_new_from_template_in_the_editor_creates_a_file_and_opens_it(tmp_path) -> None:
    app_module = pytest.importorskip("pufu.tui.app")
    from pufu.model import Project, save_project

    save_project(Project(title="plan"), tmp_path / "plan.pufu.json", None)

    async def scenario() -> None:
        app = app_module.PufuApp(tmp_path / "plan.pufu.json", lang="en", blink=False)
        async with app.run_test(size=(140, 45)) as pilot:
            await pilot.pause()
            open_dialog(app)
            await pilot.pause()
            assert isinstance(app.screen, TemplatePicker)
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("enter")  # the file name offered
            await pilot.pause()
            first = template_names()[0]
            assert app.path == tmp_path / f"{first}.pufu.json"
            assert app.session.chart.purposes() and not app.session.modified

    asyncio.run(scenario())
    assert (tmp_path / "plan.pufu.json").exists()


def test_a_second_file_from_the_same_template_gets_a_new_name(tmp_path) -> None:
    (tmp_path / "voc-loop.pufu.json").write_text("{}")
    assert free_path(tmp_path, "voc-loop").name == "voc-loop-2.pufu.json"
