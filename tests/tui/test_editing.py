"""Editing the sheet by keyboard: texts (in Japanese), adding, deleting, reordering — and undoing each."""

from __future__ import annotations

from textual.widgets import OptionList

from pufu.model import Kind, load_project
from pufu.tui.dialogs import ConfirmDialog
from pufu.tui.layout import Slot

from .conftest import make_app, replace_text, type_text


def chart(app):
    return app.session.chart


async def test_the_goal_is_selected_on_open(plan):
    app = make_app(plan)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.sheet.selection == Slot(chart(app).goal)
        assert app.focused is app.sheet


async def test_enter_edits_the_goal_in_japanese_with_full_width_punctuation_and_undo_redo(plan):
    app = make_app(plan)
    async with app.run_test(size=(120, 40)) as pilot:
        before = chart(app).part(chart(app).goal).text
        await pilot.press("enter")
        assert app.editbar.is_open and app.focused is app.editbar.editor
        assert app.editbar.editor.text == before
        await replace_text(pilot, "「お客様の声」を毎週、開発に届ける。")
        goal = chart(app).part(chart(app).goal).text
        assert goal == "「お客様の声」を毎週、開発に届ける。"
        assert not app.editbar.is_open and app.focused is app.sheet
        assert "「お客様の声」を" in app.sheet.layout_.text()
        await pilot.press("ctrl+z")
        assert chart(app).part(chart(app).goal).text == before
        await pilot.press("ctrl+y")
        assert chart(app).part(chart(app).goal).text == goal


async def test_typed_text_is_stored_as_nfc(plan):
    app = make_app(plan)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await replace_text(pilot, "か\u3099いと\u3099")  # が and ど, decomposed as some IMEs send them
        assert chart(app).part(chart(app).goal).text == "がいど"


async def test_escape_cancels_an_edit(plan):
    app = make_app(plan)
    async with app.run_test(size=(120, 40)) as pilot:
        before = chart(app).part(chart(app).goal).text
        await pilot.press("enter")
        await type_text(pilot, "捨てる文")
        await pilot.press("escape")
        await pilot.pause()
        assert chart(app).part(chart(app).goal).text == before
        assert not app.session.modified and not app.editbar.is_open


async def test_ctrl_j_puts_a_newline_in_a_text(plan):
    app = make_app(plan)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        app.editbar.editor.load("")
        await type_text(pilot, "一行目")
        await pilot.press("ctrl+j")
        await type_text(pilot, "二行目")
        await pilot.press("enter")
        await pilot.pause()
        assert chart(app).part(chart(app).goal).text == "一行目\n二行目"


async def test_a_adds_a_purpose_after_the_selected_one_as_one_undo_step(plan):
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        first = chart(app).purposes()[0]
        app.sheet.select(Slot(first))
        await pilot.press("a")
        await pilot.pause()
        assert app.editbar.is_open
        await type_text(pilot, "解約理由が毎月まとまっている状態")
        await pilot.press("enter")
        await pilot.pause()
        purposes = chart(app).purposes()
        assert len(purposes) == 4
        assert chart(app).part(purposes[1]).text == "解約理由が毎月まとまっている状態"
        assert app.sheet.selection == Slot(purposes[1])
        await pilot.press("ctrl+z")
        assert len(chart(app).purposes()) == 3
        await pilot.press("ctrl+y")
        assert chart(app).part(chart(app).purposes()[1]).text == "解約理由が毎月まとまっている状態"


async def test_cancelling_a_new_part_takes_it_away(plan):
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("a")  # on the 獲得目標: a new 中間目的 at the end
        await pilot.pause()
        assert len(chart(app).purposes()) == 4
        await pilot.press("escape")
        await pilot.pause()
        assert len(chart(app).purposes()) == 3
        assert not app.session.modified


async def test_m_adds_a_measure_under_the_purpose_and_a_adds_one_after_a_measure(plan):
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        purpose = chart(app).purposes()[2]
        app.sheet.select(Slot(purpose))
        await pilot.press("m")
        await type_text(pilot, "FAQの更新担当を決める")
        await pilot.press("enter")
        await pilot.pause()
        measures = chart(app).measures_of(purpose)
        assert [chart(app).part(m).text for m in measures][-1] == "FAQの更新担当を決める"
        app.sheet.select(Slot(measures[0], purpose))
        await pilot.press("a")
        await type_text(pilot, "間に入る施策")
        await pilot.press("enter")
        await pilot.pause()
        texts = [chart(app).part(m).text for m in chart(app).measures_of(purpose)]
        assert texts == ["回答テンプレートを整備する", "間に入る施策", "FAQの更新担当を決める"]
        await pilot.press("ctrl+z", "ctrl+z")
        assert len(chart(app).measures_of(purpose)) == 1


async def test_deleting_a_measure_asks_first_and_undo_brings_it_back(plan):
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        purpose = chart(app).purposes()[0]
        measure = chart(app).measures_of(purpose)[1]
        app.sheet.select(Slot(measure, purpose))
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert measure in chart(app)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert measure not in chart(app)
        assert app.sheet.selection.part in chart(app)
        await pilot.press("ctrl+z")
        assert chart(app).measures_of(purpose)[1] == measure


async def test_deleting_a_purpose_asks_when_measures_would_go_and_not_otherwise(plan):
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        purpose = chart(app).purposes()[0]
        only_here = [m for m in chart(app).measures_of(purpose) if len(chart(app).purposes_of(m)) == 1]
        app.sheet.select(Slot(purpose))
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert purpose not in chart(app) and not any(m in chart(app) for m in only_here)
        await pilot.press("ctrl+z")
        assert chart(app).purposes()[0] == purpose
        empty = chart(app).add_purpose("施策のない中間目的")  # no measures: deleted without asking
        app.refresh_all()
        app.sheet.select(Slot(empty))
        await pilot.press("d")
        await pilot.pause()
        assert empty not in chart(app)


async def test_the_goal_cannot_be_deleted(plan):
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert "削除できません" in app.message
        assert not app.session.modified


async def test_shift_arrows_reorder_purposes_and_measures(plan):
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        purposes = chart(app).purposes()
        app.sheet.select(Slot(purposes[0]))
        await pilot.press("shift+down")
        assert chart(app).purposes() == [purposes[1], purposes[0], purposes[2]]
        assert app.sheet.selection == Slot(purposes[0])
        measures = chart(app).measures_of(purposes[0])
        app.sheet.select(Slot(measures[2], purposes[0]))
        await pilot.press("shift+up")
        assert chart(app).measures_of(purposes[0]) == [measures[0], measures[2], measures[1]]
        await pilot.press("ctrl+z", "ctrl+z")
        assert chart(app).purposes() == purposes
        assert chart(app).measures_of(purposes[0]) == measures


async def test_c_cycles_the_colour_and_shift_c_chooses_it(plan):
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        purpose = chart(app).purposes()[1]
        measure = chart(app).measures_of(purpose)[0]  # white
        app.sheet.select(Slot(measure, purpose))
        await pilot.press("c")
        assert chart(app).part(measure).color == "red"
        assert "● 赤" in app.message
        await pilot.press("C")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        assert options.option_count == 5
        await pilot.press("down", "down", "enter")  # from red: green, blue
        await pilot.pause()
        assert chart(app).part(measure).color == "blue"
        assert "◆" in app.sheet.layout_.text()
        await pilot.press("ctrl+z")
        assert chart(app).part(measure).color == "red"
        await pilot.press("ctrl+z")
        assert chart(app).part(measure).color == "white"


async def test_progress_is_typed_or_stepped_and_undone(plan):
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        purpose = chart(app).purposes()[2]
        measure = chart(app).measures_of(purpose)[0]
        app.sheet.select(Slot(measure, purpose))
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("5", "0", "enter")
        await pilot.pause()
        assert chart(app).part(measure).progress == 50
        assert "50%" in app.sheet.layout_.text()
        await pilot.press("plus")
        assert chart(app).part(measure).progress == 60
        await pilot.press("minus", "minus")
        assert chart(app).part(measure).progress == 40
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("backspace", "backspace", "enter")  # empty: unset
        await pilot.pause()
        assert chart(app).part(measure).progress is None
        await pilot.press("ctrl+z")
        assert chart(app).part(measure).progress == 40
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("backspace", "backspace", "1", "5", "0", "enter")
        await pilot.pause()
        assert chart(app).part(measure).progress == 40
        assert "0〜100" in app.message


async def test_a_measure_is_linked_to_another_purpose_drawn_under_both_and_unlinked(plan):
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        p1, p2, p3 = chart(app).purposes()
        measure = chart(app).measures_of(p3)[0]
        app.sheet.select(Slot(measure, p3))
        await pilot.press("l")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        assert options.option_count == 2  # p1 and p2; it already serves p3
        await pilot.press("enter")
        await pilot.pause()
        assert chart(app).purposes_of(measure) == [p1, p3]
        assert app.sheet.selection == Slot(measure, p1)
        assert len(app.sheet.layout_.slots_of(measure)) == 2
        assert "⇄ 中間目的 3 にも" in app.sheet.layout_.text()
        await pilot.press("u")
        assert chart(app).purposes_of(measure) == [p3]
        await pilot.press("u")  # the only purpose left: refused, nothing changes
        assert chart(app).purposes_of(measure) == [p3]
        await pilot.press("ctrl+z")
        assert chart(app).purposes_of(measure) == [p1, p3]
        await pilot.press("ctrl+z")
        assert chart(app).purposes_of(measure) == [p3]


async def test_a_comment_and_its_colour_are_edited_and_undone(plan):
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#color-red").value = True
        await type_text(pilot, "経営会議で「半年」は短いと言われた。")
        await pilot.press("enter")
        await pilot.pause()
        comment = chart(app).part(chart(app).goal).comment
        assert (comment.color, comment.text) == ("red", "経営会議で「半年」は短いと言われた。")
        assert "[問題] 経営会議で" in app.sheet.layout_.text()
        await pilot.press("ctrl+z")
        assert chart(app).part(chart(app).goal).comment.empty


async def test_the_eight_elements_and_the_title_are_edited(plan):
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("e", "down")  # ひと, then お金
        await pilot.press("enter")
        await replace_text(pilot, "ツール予算 月3万円（半減）")
        assert chart(app).part(chart(app).element("money")).text == "ツール予算 月3万円（半減）"
        await pilot.press("t")
        await replace_text(pilot, "セルフサービス立ち上げ")
        assert app.session.project.title == "セルフサービス立ち上げ"
        assert "セルフサービス立ち上げ" in app.sub_title
        await pilot.press("ctrl+z")
        assert app.session.project.title == "問い合わせ削減プロジェクト"
        await pilot.press("ctrl+z")
        assert chart(app).part(chart(app).element("money")).text == "ツール予算 月5万円"


async def test_arrows_move_along_the_sheet(plan):
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        c = chart(app)
        await pilot.press("left")
        assert app.sheet.selection == Slot(c.win)
        await pilot.press("left")
        assert c.part(app.sheet.selection.part).kind == Kind.PURPOSE
        await pilot.press("left")
        assert c.part(app.sheet.selection.part).kind == Kind.MEASURE
        await pilot.press("down")
        assert c.part(app.sheet.selection.part).kind == Kind.MEASURE
        await pilot.press("right", "right", "right")
        assert app.sheet.selection == Slot(c.goal)


async def test_a_click_selects_and_a_double_click_edits(plan):
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        place = app.sheet.layout_.places[Slot(chart(app).win)]
        offset = (place.x + 2, place.top + 1)
        await pilot.click("#sheet", offset=offset)
        assert app.sheet.selection == Slot(chart(app).win)
        await pilot.click("#sheet", offset=offset, times=2)
        await pilot.pause()
        assert app.editbar.is_open


async def test_the_file_holds_exactly_what_was_done(plan):
    app = make_app(plan)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("enter")
        await replace_text(pilot, "「顧客の声」を届ける。")
        await pilot.press("left", "left", "a")
        await type_text(pilot, "解約理由が毎月まとまっている状態")
        await pilot.press("enter", "m")
        await type_text(pilot, "解約時アンケートを必須にする")
        await pilot.press("enter", "c", "p")
        await pilot.pause()
        await pilot.press("5", "0", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved, _ = load_project(plan)
    c = saved.draft
    assert c.part(c.goal).text == "「顧客の声」を届ける。"
    purpose = c.purposes()[1]
    assert c.part(purpose).text == "解約理由が毎月まとまっている状態"
    [measure] = c.measures_of(purpose)
    part = c.part(measure)
    assert (part.text, part.color, part.progress) == ("解約時アンケートを必須にする", "red", 50)
