"""Recording a phase from the screen, listing phases, and reading one."""

from __future__ import annotations

from pufu.model import load_project
from pufu.tui.phases import PhaseScreen

from .conftest import make_app, type_text


async def test_recording_a_phase_freezes_the_draft_and_a_phase_opens_read_only(plan):
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await type_text(pilot, "計画")
        await pilot.press("enter")
        await type_text(pilot, "キックオフで「半年」と決めた。")
        await pilot.press("enter")
        await pilot.pause()
        project = app.session.project
        assert [(p.number, p.title, p.happened) for p in project.phases] == [
            (1, "計画", "キックオフで「半年」と決めた。")
        ]
        assert "局面 2" in app.sub_title and "● 未保存" in app.title
        frozen_goal = project.phase_chart(1).part(project.phase_chart(1).goal).text
        await pilot.press("v")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PhaseScreen)
        await pilot.press("a", "d", "enter", "c")  # nothing edits a recorded phase
        await pilot.pause()
        assert project.phase_chart(1).part(project.phase_chart(1).goal).text == frozen_goal
        assert len(project.phases[0].chart.purposes) == 3
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, PhaseScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved, _ = load_project(plan)
    assert saved.phases[0].title == "計画"


async def test_the_phase_list_says_when_there_is_none(plan):
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("v")
        assert "まだ局面は記録されていません" in app.message


async def test_the_review_opens_from_the_editor_and_its_notes_join_the_project(plan):
    from pufu.tui.review.screens import ReviewScreen

    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("w")
        assert "まだ局面は記録されていません" in app.message
        app.session.project.snapshot("計画", "始めた", "2026-04-01")
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        review = app.screen
        review.add_note({"author": "佐藤", "kind": "lesson", "text": "最初に「率」で測るべきだった。", "part": None})
        await pilot.pause()
        assert app.session.modified and "● 未保存" in app.title
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(app.screen, ReviewScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved, _ = load_project(plan)
    assert [(n.author, n.kind, n.text) for n in saved.notes] == [("佐藤", "lesson", "最初に「率」で測るべきだった。")]


async def test_a_phase_without_a_title_is_refused_in_the_dialog_which_stays_open(plan):
    from pufu.tui.dialogs import RecordPhaseDialog

    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await type_text(pilot, "　 ")  # only spaces, a full-width one too
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, RecordPhaseDialog)
        assert "タイトルが空" in str(dialog.query_one("#phase-title-error").render())
        assert dialog.focused is dialog.query_one("#phase-title")  # still on the title
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, RecordPhaseDialog)
        assert app.session.project.phases == [] and not app.session.modified


async def _record(pilot, title: str, happened: str) -> None:
    await pilot.press("r")
    await pilot.pause()
    await type_text(pilot, title)
    await pilot.press("enter")
    await type_text(pilot, happened)
    await pilot.press("enter")
    await pilot.pause()


async def test_recording_a_phase_is_undone_and_redone_until_the_file_is_saved(plan):
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        await _record(pilot, "計画", "キックオフ")
        project = app.session.project
        assert [p.title for p in project.phases] == ["計画"] and "● 未保存" in app.title
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert project.phases == [] and "● 未保存" not in app.title
        assert "局面 1「計画」の記録を取り消しました" in app.message and "局面 1" in app.sub_title
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert [p.title for p in project.phases] == ["計画"] and "局面 2" in app.sub_title
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+z")  # saved: the phase is frozen, no undo removes it
        await pilot.pause()
        assert [p.title for p in project.phases] == ["計画"]
    saved, _ = load_project(plan)
    assert [p.title for p in saved.phases] == ["計画"]


async def test_undoing_an_edit_after_saving_a_phase_keeps_the_phase(plan):
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        app.session.set_title("新しい名前")
        await _record(pilot, "計画", "")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+z", "ctrl+z")
        await pilot.pause()
        project = app.session.project
        assert project.title == "問い合わせ削減プロジェクト"  # the title edit was undone
        assert [p.title for p in project.phases] == ["計画"]  # the saved phase stays


async def test_recording_a_phase_dated_before_the_last_one_warns(plan):
    from pufu.model.document import Document

    Document.update(plan, lambda p: p.snapshot("未来の計画", "", "2999-01-01"))
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        await _record(pilot, "今日", "")
        assert [p.title for p in app.session.project.phases] == ["未来の計画", "今日"]  # recorded all the same
        assert "局面 2 の日付" in app.message and "局面 1（2999-01-01）より前です" in app.message


async def test_the_phase_list_marks_a_phase_amended_from_the_command_line(plan):
    from textual.widgets import OptionList

    from pufu.model.document import Document

    Document.update(plan, lambda p: p.snapshot("計格", "", "2026-04-01"))
    Document.update(plan, lambda p: p.amend_phase(1, title="計画"))
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("v")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert shown == ["局面 1  2026-04-01  計画  （訂正 1 件）"]
