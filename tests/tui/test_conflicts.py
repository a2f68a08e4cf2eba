"""Merge conflicts in the editor: marked, counted, jumped to with F8, settled by keys or by editing."""

from __future__ import annotations

from pathlib import Path

from pufu.cli.main import main
from pufu.model import load_project, loads_project, save_project
from pufu.model.merge import merge
from pufu.model.store import dumps_project

from .conftest import cs_project, make_app, replace_text


def conflicted(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    base = cs_project()
    text = dumps_project(base).encode()
    ours, theirs = loads_project("o", text), loads_project("t", text)
    measure = base.draft.measures()[0]
    purpose = base.draft.purposes()[1]
    ours.draft.set_color(measure, "blue")
    theirs.draft.set_color(measure, "yellow")
    ours.draft.set_text(purpose, "ours: 毎週届いている")
    theirs.draft.set_text(purpose, "theirs: 毎月届いている")
    result = merge(base, ours, theirs)
    assert len(result.conflicts) == 2
    path = tmp_path / "merged.pufu.json"
    save_project(result.project, path, None)
    return path, {"measure": measure, "purpose": purpose}


async def test_conflicts_are_shown_and_settled_by_keys_and_by_editing(tmp_path: Path, capsys) -> None:
    path, ids = conflicted(tmp_path)
    app = make_app(path)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        status = str(app.query_one("#status").render())
        assert "競合 2件" in status
        await pilot.press("f8")  # the 中間目的 comes first, in sheet order
        assert app.sheet.selection.part == ids["purpose"]
        assert "競合: 中間目的" in str(app.query_one("#status").render())
        await pilot.press("enter")  # editing the text settles its conflict
        await replace_text(pilot, "毎週、開発に届いている")
        assert len(app.session.project.conflicts) == 1
        await pilot.press("f8")
        assert app.sheet.selection.part == ids["measure"]
        await pilot.press("right_square_bracket")  # theirs
        assert app.session.project.conflicts == []
        await pilot.press("ctrl+z")  # undo brings the conflict back
        assert len(app.session.project.conflicts) == 1
        assert str(app.session.chart.part(ids["measure"]).color) == "blue"  # ours meanwhile
        await pilot.press("ctrl+y")
        assert str(app.session.chart.part(ids["measure"]).color) == "yellow"
        assert app.session.chart.part(ids["purpose"]).text == "毎週、開発に届いている"
        assert app.session.project.conflicts == []
        status = str(app.query_one("#status").render())
        assert "競合" not in status and "問題は見つかりませんでした" in status
        await pilot.press("ctrl+s")
        await pilot.pause()
    project = load_project(path)[0]
    assert project.conflicts == []
    capsys.readouterr()
    assert main(["check", str(path)]) == 0
    assert "競合" not in capsys.readouterr().out


async def test_a_key_on_a_part_without_conflict_says_so(tmp_path: Path) -> None:
    path, _ = conflicted(tmp_path)
    app = make_app(path)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("g")
        await pilot.press("left_square_bracket")
        assert len(app.session.project.conflicts) == 2
        assert "この部品に競合はありません" in str(app.query_one("#status").render())
