"""The settings' ``[keys]`` table remaps the editor's keys by binding id (Textual's keymap)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets._toast import Toast

from pufu.settings import load_settings, use
from pufu.tui.app import PufuApp
from pufu.tui.help import HelpScreen
from pufu.tui.review.screens import ReviewScreen

from .conftest import make_app, type_text
from .screen_text import region_text, screen_lines


def settings_with(tmp_path: Path, text: str):
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return load_settings(path)


async def change_title(app: PufuApp, pilot, title: str) -> None:
    await pilot.press("t")
    app.editbar.editor.load(title)
    await pilot.press("enter")
    await pilot.pause()
    assert app.session.project.title == title


async def test_keys_table_remaps_save_and_the_footer_says_so(plan, tmp_path):
    settings = settings_with(tmp_path, '[keys]\nsave = "ctrl+w"\n')
    with use(settings):
        app = make_app(plan)
        async with app.run_test(size=(120, 40)) as pilot:
            await change_title(app, pilot, "新しいタイトル")
            footer = screen_lines(app)[-1]
            assert "^w 保存" in footer and "^s" not in footer, footer
            await pilot.press("ctrl+s")  # no longer saves
            await pilot.pause()
            assert app.session.modified
            await pilot.press("ctrl+w")
            await pilot.pause()
            assert not app.session.modified
    assert "新しいタイトル" in plan.read_text(encoding="utf-8")


async def palette_settled(app: PufuApp, pilot) -> None:
    """Wait until the command palette has finished its search and shown the result: its search
    runs in a worker that starts when the palette mounts or its input changes."""
    for _ in range(100):
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        if app.screen.has_class("-ready") and not app.workers._workers:
            return
    raise AssertionError("the command palette never settled")


async def test_dotted_ids_remap_sheet_keys_and_the_help_lists_them(plan, tmp_path):
    # unquoted, move.up is a TOML dotted key; quoted, it is one name: both work
    settings = settings_with(tmp_path, '[keys]\nmove.up = "o"\n"color" = "k"\n')
    with use(settings):
        app = make_app(plan)
        async with app.run_test(size=(120, 40)) as pilot:
            chart = app.session.chart
            await pilot.press("o")
            await pilot.pause()
            assert app.sheet.selection.part == chart.win  # o moved up, from the 獲得目標 to the 勝利条件
            await pilot.press("left", "left")  # to a 施策 (columns: measure ← purpose ← win)
            await pilot.pause()
            part = app.sheet.selection.part
            assert chart.part(part).kind.value == "measure"
            before = chart.part(part).color
            await pilot.press("k")
            await pilot.pause()
            assert app.session.chart.part(part).color != before
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            text = "\n".join(screen_lines(app))
            assert "施策の色を順に切り替える" in text
            rows = [line for line in screen_lines(app) if "施策の色を順に切り替える" in line]
            assert rows and rows[0].split()[1] == "k", rows
            await pilot.press("escape", "ctrl+p")
            await palette_settled(app, pilot)
            assert "[k]" in "\n".join(screen_lines(app))  # listed with its key before any typing
            await type_text(pilot, "色")
            await palette_settled(app, pilot)
            shown = "\n".join(screen_lines(app))
            assert "[k]" in shown and "[c]" not in shown, shown


async def test_keys_table_reaches_the_review(plan, tmp_path):
    settings = settings_with(tmp_path, '[keys]\n"review.quit" = "x"\n')
    with use(settings):
        app = make_app(plan)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("r")
            await pilot.pause()
            app.screen.query_one("#phase-title").value = "計画"
            await pilot.press("enter", "enter")
            await pilot.pause()
            assert len(app.session.project.phases) == 1
            await pilot.press("w")
            await pilot.pause()
            assert isinstance(app.screen, ReviewScreen)
            assert "x 終わる" in screen_lines(app)[-1]
            await pilot.press("x")
            await pilot.pause()
            assert not isinstance(app.screen, ReviewScreen)


async def test_an_unknown_id_is_reported(plan, tmp_path):
    settings = settings_with(tmp_path, '[keys]\nsaev = "ctrl+w"\n')
    with use(settings):
        app = make_app(plan)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await pilot.pause()
            await pilot.wait_for_scheduled_animations()
            toast = app.screen.query_one(Toast)
            assert "どのキーのものでもないidがあります:saev" in region_text(app, toast)


def test_a_keys_table_pufu_cannot_use_is_named_in_one_line(tmp_path, english):
    import pytest

    from pufu.settings import SettingsError

    for text, says in (
        ('[keys]\nsave = 3\n', '[keys]: save must be keys in quotes, such as "ctrl+w" (got 3)'),
        ('[keys]\nsave = ""\n', "[keys]: save is empty"),
        ('keys = "ctrl+w"\n', "[keys]: must be a table of binding id = keys"),
    ):
        with pytest.raises(SettingsError) as caught:
            settings_with(tmp_path, text)
        assert says in str(caught.value) and "\n" not in str(caught.value)


def test_the_readme_names_every_id_and_its_example_works(tmp_path):
    import re

    from pufu.tui.keys import KEYS, binding_ids, taken_ids, unknown_ids

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    settings_part = readme[readme.index("## Settings") :]
    listed = settings_part[settings_part.index("the other screens:") : settings_part.index("A value")]
    others = set(re.findall(r"`([a-z_.]+)`", listed))
    assert others == binding_ids() - {key.id for key in KEYS}
    example = re.search(r"```toml\n(\[keys\]\n.*?)```", settings_part, re.S)
    assert example
    settings = settings_with(tmp_path, example.group(1))
    assert settings.keys and not unknown_ids(settings.keys) and not taken_ids(settings.keys)


async def test_a_key_taken_from_another_binding_is_reported(plan, tmp_path):
    settings = settings_with(tmp_path, '[keys]\ncolor = "a"\n')
    with use(settings):
        app = make_app(plan)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await pilot.pause()
            await pilot.wait_for_scheduled_animations()
            toast = app.screen.query_one(Toast)
            assert "取られた操作:add" in region_text(app, toast)


def test_pufu_settings_lists_the_keys_table_and_set_keeps_it(tmp_path, monkeypatch, capsys):
    from pufu.cli.main import main

    folder = tmp_path / "config"
    folder.mkdir()
    (folder / "settings.toml").write_text('[keys]\nsave = "ctrl+w"\nmove.up = "o"\n', encoding="utf-8")
    monkeypatch.setenv("PUFU_CONFIG_DIR", str(folder))
    assert main(["settings", "--set", "author=佐藤"]) == 0
    assert main(["settings"]) == 0
    out = capsys.readouterr().out
    assert 'author = "佐藤"' in out and '[keys]\n"save" = "ctrl+w"\n"move.up" = "o"\n' in out
    assert load_settings(folder / "settings.toml").keys == {"save": "ctrl+w", "move.up": "o"}
    assert main(["settings", "--set", "keys=x"]) == 2  # the table is written by hand
