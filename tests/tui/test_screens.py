"""Every screen and dialog shows whole at 80×24 and at 120×40: nothing cut off at an edge, the
keys of the screen in its footer, and no keys that do nothing there."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button, Footer, Label, OptionList, Select

from pufu.cli.commands.demo import demo_bytes
from pufu.tui.app import PufuApp
from pufu.tui.dialogs import PickDialog
from pufu.tui.export_dialog import ConfirmReplace, ExportDialog
from pufu.tui.phases import PhaseScreen
from pufu.tui.review.compare import CompareChooser, DiffScreen
from pufu.tui.review.note import NoteScreen
from pufu.tui.review.screens import ReviewScreen

from .screen_text import fits, region_text, screen_lines

SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """The demo project: four recorded phases, a long title."""
    path = tmp_path / "demo.pufu.json"
    path.write_bytes(demo_bytes("ja"))
    return path


def editor(path: Path) -> PufuApp:
    return PufuApp(path, lang="ja", recovery_delay=0, blink=False)


def footer_line(app: PufuApp) -> str:
    return screen_lines(app)[-1]


@pytest.mark.parametrize("size", SIZES)
async def test_the_replace_question_is_shown_whole(demo, tmp_path, size):
    target = tmp_path / "とても長いフォルダの名前がここに続いていく" / "書き出した図の名前もかなり長いものにしておく.png"
    target.parent.mkdir()
    target.write_bytes(b"old")
    app = editor(demo)
    async with app.run_test(size=size) as pilot:
        app.push_screen(ExportDialog(app.session.project, None, tmp_path, lang="ja"))
        await pilot.pause()
        app.screen.query_one("#path").value = str(target)
        app.screen.query_one("#export", Button).press()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmReplace)
        question = app.screen.query_one(Label)
        assert fits(app, question)
        shown = region_text(app, question)
        assert f"{target}はすでにあります。置き換えますか？".replace(" ", "") in shown
        for button in app.screen.query(Button):
            assert fits(app, button)
        assert "esc 置き換えない" in footer_line(app)
        assert target.read_bytes() == b"old"


@pytest.mark.parametrize("size", SIZES)
async def test_the_export_dialog_fits_the_screen(demo, tmp_path, size):
    app = editor(demo)
    async with app.run_test(size=size) as pilot:
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        for widget in app.screen.query("Select, Input, Checkbox, Button"):
            assert fits(app, widget), widget
        text = "\n".join(screen_lines(app))
        assert "書き出す" in text and "やめる" in text and "保存先" in text
        footer = footer_line(app)
        assert "esc やめる" in footer and "^z" not in footer, footer  # its keys, not the editor's


async def review(app: PufuApp, pilot) -> ReviewScreen:
    await pilot.press("w")
    await pilot.pause()
    assert isinstance(app.screen, ReviewScreen)
    return app.screen


@pytest.mark.parametrize("size", SIZES)
async def test_the_compare_chooser_shows_its_keys(demo, size):
    app = editor(demo)
    async with app.run_test(size=size) as pilot:
        await review(app, pilot)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CompareChooser)
        for widget in app.screen.query(OptionList):
            assert fits(app, widget)
        hint = app.screen.query_one("#compare-keys")
        assert fits(app, hint)
        shown = region_text(app, hint)
        for words in ("↑↓選ぶ", "Tab左右を切り替える", "Enter比べる", "Escやめる"):
            assert words in shown
        footer = footer_line(app)  # the chooser's own keys, not the replay's
        assert "esc やめる" in footer and "前後の局面" not in footer and "^z" not in footer, footer


@pytest.mark.parametrize("size", SIZES)
async def test_the_note_dialog_drop_down_shows_the_highlighted_option_whole(demo, size):
    app = editor(demo)
    async with app.run_test(size=size) as pilot:
        await review(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        for widget in app.screen.query("Input, Select, Button"):
            assert fits(app, widget), widget
        footer = footer_line(app)
        assert "esc やめる" in footer and "^s 記録する" in footer and "前後の局面" not in footer, footer
        app.screen.query_one("#note-kind", Select).focus()
        await pilot.press("enter")  # open the drop-down
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        # once on the closed field, once highlighted in the list
        assert text.count("うまくいった") == 2, text
        for option in ("うまくいかなかった", "教訓", "問い"):
            assert option in text


@pytest.mark.parametrize("size", SIZES)
async def test_header_and_footer_show_whole(demo, size):
    app = editor(demo)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        lines = screen_lines(app)
        assert "demo.pufu.json" in lines[0]
        assert "下書き（局面 5）" in lines[0]  # the phase being drafted, before the long title
        footer = lines[-1]
        for words in ("⏎ 編集", "^z 元に戻す", "^s 保存", "^q 終了", "? ヘルプ", "^p コマンド"):
            assert words in footer, footer


@pytest.mark.parametrize("size", SIZES)
async def test_the_phase_list_shows_its_keys(demo, size):
    app = editor(demo)
    async with app.run_test(size=size) as pilot:
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, PickDialog)
        assert app.screen.query(Footer)
        footer = footer_line(app)
        assert "⏎ 選ぶ" in footer and "esc やめる" in footer, footer
        assert "^z" not in footer and "^s" not in footer


@pytest.mark.parametrize("size", SIZES)
async def test_the_diff_dialog_shows_its_keys(demo, size):
    app = editor(demo)
    async with app.run_test(size=size) as pilot:
        await review(app, pilot)
        await pilot.press("right", "d")
        await pilot.pause()
        assert isinstance(app.screen, DiffScreen)
        footer = footer_line(app)
        assert "esc 閉じる" in footer and "↑↓ スクロール" in footer, footer
        assert "前の局面" not in footer  # the replay's keys do not work here


@pytest.mark.parametrize("size", SIZES)
async def test_the_read_only_phase_view_offers_no_undo_or_save(demo, size):
    app = editor(demo)
    async with app.run_test(size=size) as pilot:
        await pilot.press("t")
        app.editbar.editor.load("新しいタイトル")
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.project.title == "新しいタイトル"
        await pilot.press("v", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PhaseScreen)
        footer = footer_line(app)
        assert "^z" not in footer and "^s" not in footer and "元に戻す" not in footer, footer
        assert "esc 下書きに戻る" in footer
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.session.project.title == "新しいタイトル"  # the draft is not touched from here
        await pilot.press("escape")
        await pilot.pause()
        assert "^z 元に戻す" in footer_line(app)


def readme_switch_points() -> tuple[int, int]:
    """The terminal widths at which the README says the sheet changes its layout."""
    import re

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    found = re.search(r"narrower than (\d+) columns the sheet becomes an outline; from (\d+) columns", readme)
    assert found, "the README names the widths where the sheet's layout changes"
    return int(found.group(1)), int(found.group(2))


def sheet_form(app: PufuApp) -> str:
    head = screen_lines(app)[1]
    if head.startswith("獲得目標"):
        return "outline"
    return "stacked" if "勝利条件 ▶ 獲得目標" in head else "side by side"


@pytest.mark.parametrize("offset", [-1, 0])
async def test_the_sheet_changes_its_layout_at_the_widths_the_readme_names(demo, offset):
    columns, side = readme_switch_points()
    expected = {
        columns + offset: "outline" if offset else "stacked",
        side + offset: "stacked" if offset else "side by side",
    }
    for width, form in expected.items():
        app = editor(demo)
        async with app.run_test(size=(width, 40)) as pilot:
            await pilot.pause()
            assert sheet_form(app) == form, width
            await pilot.press("t")  # a change lays the sheet out again: it keeps its form
            app.editbar.editor.load("新しいタイトル")
            await pilot.press("enter")
            await pilot.pause()
            assert app.session.project.title == "新しいタイトル"
            assert sheet_form(app) == form, width


async def test_footers_speak_the_editors_language(demo):
    app = PufuApp(demo, lang="en", recovery_delay=0, blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        assert "←→ previous/next d diff c compare n note q leave" in footer_line(app)
        await pilot.press("right", "d")
        await pilot.pause()
        assert "↑↓ scroll esc close" in footer_line(app)
        await pilot.press("escape", "c")
        await pilot.pause()
        assert "esc cancel" in footer_line(app)
        await pilot.press("escape", "n")
        await pilot.pause()
        assert "esc cancel ^s record" in footer_line(app)
        await pilot.press("escape", "q", "x")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert "esc Cancel" in footer_line(app)
