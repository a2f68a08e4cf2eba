"""The replay screen, driven headless: step through phases, see the diff, compare, write notes."""

from __future__ import annotations

import asyncio
import functools

import pytest
from textual import events

from pufu.model import load_project
from pufu.tui.review import CompareScreen, DiffScreen, ReviewApp, ReviewScreen
from pufu.tui.review.sheet import Rows

from .helpers import saved, story

SIZE = (160, 48)


def headless(test):
    """Run an async test on a fresh event loop (no pytest plugin needed)."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return run


def side(app) -> str:
    return app.screen.query_one("#side", Rows).plain


def sheet(app) -> str:
    return app.screen.query_one("#sheet", Rows).plain


@pytest.fixture
def project_file(tmp_path):
    return saved(story(), tmp_path)


def app_for(path) -> ReviewApp:
    project, stamp = load_project(path)
    return ReviewApp(project, path, stamp, lang="ja")


@headless
async def test_opens_on_phase_one_and_steps_forwards_and_backwards(project_file) -> None:
    app = app_for(project_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.number == 1
        assert "最初の局面です" in side(app)
        assert "キックオフ" in side(app)
        await pilot.press("right")
        assert screen.number == 2
        assert "~    ● 上位20件の記事を書く 100%" in sheet(app)
        assert "└ 達成・うまくいった: 20件公開、閲覧は想定の3倍" in sheet(app)
        assert "1か月たった" in side(app)
        await pilot.press("right")
        assert screen.number == 3
        assert "!! 勝利条件が変わった" in side(app)
        assert "+    ★ 開発との週次レビューを始める" in sheet(app)
        await pilot.press("right")  # no phase 4: stays
        assert screen.number == 3
        await pilot.press("left", "left")
        assert screen.number == 1
        await pilot.press("left")
        assert screen.number == 1


@headless
async def test_d_shows_the_full_diff_and_escape_closes_it(project_file) -> None:
    app = app_for(project_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "right", "d")
        assert isinstance(app.screen, DiffScreen)
        body = app.screen.query_one("#diff-body", Rows).plain
        assert body.splitlines()[0].startswith("!! 勝利条件が変わった")
        assert "コメントを外した部品 2 個" in body
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)


@headless
async def test_c_compares_two_chosen_phases_side_by_side(project_file) -> None:
    app = app_for(project_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "right", "c")  # on phase 3: the chooser offers 2 and 3
        await pilot.press("up", "enter")  # left: phase 1
        await pilot.press("enter")  # right: phase 3
        screen = app.screen
        assert isinstance(screen, CompareScreen) and (screen.a, screen.b) == ("1", "3")
        left = screen.query_one("#sheet-a", Rows).plain
        right = screen.query_one("#sheet-b", Rows).plain
        assert "~ 勝利条件 問い合わせ率が半減している" in left
        assert "~ 勝利条件 回答がSNSで紹介されている" in right
        await pilot.press("q")
        assert isinstance(app.screen, ReviewScreen)


@headless
async def test_two_people_write_notes_that_are_saved_and_shown(project_file) -> None:
    app = app_for(project_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "n")
        await pilot.press(*"sato", "enter")  # author, then on to the kind
        app.screen.query_one("#note-text").focus()
        app.post_message(events.Paste("閲覧は想定の3倍。「検索語」も効いた"))
        await pilot.press("enter")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("n")
        author = app.screen.query_one("#note-author")
        assert author.value == "sato"  # the last author is offered, selected to be replaced
        author.value = ""
        app.post_message(events.Paste("鈴木"))
        await pilot.pause()
        app.screen.query_one("#note-kind").value = "lesson"
        app.screen.query_one("#note-part").value = app.project.phase_chart(2).purposes()[1]
        app.screen.query_one("#note-text").focus()
        app.post_message(events.Paste("ｶﾀｶﾅ\u30ab\u3099は正規化して保存する"))
        await pilot.press("enter")
        await pilot.pause()
        assert "[教訓] 鈴木" in side(app)
        assert "✎1" in sheet(app)
    notes = load_project(project_file)[0].notes
    assert [(n.author, n.kind, n.phase) for n in notes] == [("sato", "good", 2), ("鈴木", "lesson", 2)]
    assert notes[0].text == "閲覧は想定の3倍。「検索語」も効いた"
    assert notes[1].text == "ｶﾀｶﾅガは正規化して保存する"  # NFC: カ + ゛ became ガ
    assert notes[1].part is not None


@headless
async def test_a_note_without_text_is_not_recorded(project_file) -> None:
    app = app_for(project_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", *"sato", "enter")
        await pilot.press("ctrl+s")
        assert "書き手と感想を入れてください" in str(app.screen.query_one("#note-error").render())
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)
    assert load_project(project_file)[0].notes == []


@headless
async def test_q_leaves_the_review(project_file) -> None:
    app = app_for(project_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


@headless
async def test_the_screen_can_be_pushed_by_another_app_that_saves_itself() -> None:
    from textual.app import App

    project = story()
    seen = []

    class Host(App):
        def on_mount(self) -> None:
            self.push_screen(ReviewScreen(project, on_note=seen.append, lang="en"))

    host = Host()
    async with host.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "this is the first phase" in side(host)
        await pilot.press("n", *"ann", "enter")
        host.screen.query_one("#note-text").focus()
        host.post_message(events.Paste("good start"))
        await pilot.press("enter")
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(host.screen, ReviewScreen)
    assert [n.text for n in seen] == ["good start"]


@headless
async def test_the_note_dialog_shows_each_part_with_the_short_id_note_part_takes(project_file) -> None:
    from pufu.cli.main import main

    app = app_for(project_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "n")  # phase 2
        await pilot.pause()
        part = app.screen.query_one("#note-part")
        labels = [str(label) for label, _ in part._options]
        shown = next(label for label in labels if "週次で問い合わせを分類する" in label)
        await pilot.press("escape")
    assert shown.startswith("[") and shown.endswith("] 施策: 週次で問い合わせを分類する")
    short = shown[1:].split("]", 1)[0]
    assert len(short) == 8
    args = ["note", str(project_file), "--phase", "2", "--part", short, "--author", "a", "--kind", "bad", "x"]
    assert main(args) == 0
    project = load_project(project_file)[0]
    assert project.phase_chart(2).part(project.notes[-1].part).text == "週次で問い合わせを分類する"
