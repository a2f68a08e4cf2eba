"""The editor and the review wear the theme the settings name, coloured from pufu.palette."""

from __future__ import annotations

from pathlib import Path

from rich.color import Color as RichColor
from rich.segment import Segment

from pufu.model import Color, load_project
from pufu.palette import DARK, LIGHT
from pufu.settings import Settings, use
from pufu.tui.app import PufuApp
from pufu.tui.review import DiffScreen, ReviewApp
from pufu.tui.review.sheet import Rows
from pufu.tui.sheet import SheetView

from ..review.helpers import saved, story
from .conftest import make_app

SIZE = (160, 48)


def triplet(hex_color: str) -> tuple[int, int, int]:
    return tuple(RichColor.parse(hex_color).get_truecolor())  # type: ignore[return-value]


def segments_of(sheet: SheetView, text: str) -> list[Segment]:
    """The painted segments of the sheet that hold ``text``."""
    found = []
    for y in range(sheet.size.height):
        found += [segment for segment in sheet.render_line(y) if text in segment.text]
    return found


def colour(segment: Segment) -> tuple[int, int, int]:
    assert segment.style is not None and segment.style.color is not None
    return tuple(segment.style.color.get_truecolor())  # type: ignore[return-value]


def editor(plan: Path, theme: str) -> PufuApp:
    with use(Settings(theme=theme)):  # type: ignore[arg-type]
        return make_app(plan)


async def test_the_dark_setting_shows_the_dark_theme(plan: Path) -> None:
    app = editor(plan, "dark")
    async with app.run_test(size=SIZE):
        assert app.theme == "pufu-dark" and app.current_theme.dark
        assert app.screen.styles.background.hex.lower() == DARK.screen.background
        diamond = segments_of(app.sheet, "◆")  # 回答テンプレートを整備する, a blue 施策
        assert diamond and colour(diamond[0]) == triplet(DARK.ink.measure[Color.BLUE])
        comment = segments_of(app.sheet, "担当者が足りない")  # a red comment
        assert comment and colour(comment[0]) == triplet(DARK.ink.comment["red"])


async def test_the_light_setting_and_no_setting_show_the_light_theme(plan: Path) -> None:
    for app in (editor(plan, "light"), make_app(plan)):
        async with app.run_test(size=SIZE):
            assert app.theme == "pufu-light" and not app.current_theme.dark
            diamond = segments_of(app.sheet, "◆")
            assert diamond and colour(diamond[0]) == triplet(LIGHT.ink.measure[Color.BLUE])


async def test_another_textual_theme_keeps_the_sheet_coloured(plan: Path) -> None:
    app = make_app(plan)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "textual-dark"  # chosen from the command palette
        await pilot.pause()
        diamond = segments_of(app.sheet, "◆")
        assert diamond and colour(diamond[0]) == triplet(DARK.ink.measure[Color.BLUE])


async def test_the_review_colours_its_diff_from_the_dark_palette(tmp_path: Path) -> None:
    path = saved(story(), tmp_path)
    project, stamp = load_project(path)
    with use(Settings(theme="dark")):
        app = ReviewApp(project, path, stamp, lang="ja")
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == "pufu-dark"
        await pilot.press("right", "right", "d")
        assert isinstance(app.screen, DiffScreen)
        rows = app.screen.query_one("#diff-body", Rows)._rows
        added = next(body for prefix, body in rows if "開発との週次レビューを始める" in body.plain)
        assert str(added.style) == DARK.ink.mark["added"]
        decisive = next(body for prefix, body in rows if body.plain.startswith("勝利条件が変わった"))
        assert str(decisive.style) == f"bold {DARK.ink.decisive}"


async def test_the_review_recolours_when_the_theme_changes(tmp_path: Path) -> None:
    path = saved(story(), tmp_path)
    project, stamp = load_project(path)
    app = ReviewApp(project, path, stamp, lang="ja")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right")

        def comment_style() -> str:
            rows = app.screen.query_one("#sheet", Rows)._rows
            return str(next(body for _, body in rows if body.plain == "開発が分類を読んでいない").style)

        assert comment_style() == LIGHT.ink.comment["red"]
        app.theme = "pufu-dark"
        await pilot.pause()
        await pilot.pause()
        assert comment_style() == DARK.ink.comment["red"]
