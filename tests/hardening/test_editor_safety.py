"""The editor screen under two writers, failed saves and crashes: a second writer is told and
offered a choice, a failed save keeps the work and says why, and after a real crash (SIGKILL)
the next editor offers the unsaved work back. Damaged recovery copies never stop the editor."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from pufu.cli.main import main
from pufu.model import load_project, save_project, store
from pufu.model.recovery import read_recovery, recovery_path
from pufu.tui.dialogs import ChoiceDialog, ConfirmDialog

from ..tui.conftest import cs_project, make_app, replace_text

CASES = Path(__file__).parent / "cases"


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PUFU_STATE_DIR", str(tmp_path / "state"))
    path = tmp_path / "work" / "plan.pufu.json"
    path.parent.mkdir()
    save_project(cs_project(), path, None)
    return path


def goal(app) -> str:
    chart = app.session.chart
    return chart.part(chart.goal).text


async def test_a_cli_snapshot_while_the_editor_holds_edits_is_never_overwritten_silently(plan: Path) -> None:
    app = make_app(plan)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await replace_text(pilot, "画面での編集")
        assert main(["snapshot", str(plan), "--title", "CLIで記録"]) == 0
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)  # told, and offered overwrite / reload / cancel
        await pilot.press("3")
        await pilot.pause()
        assert [p.title for p in load_project(plan)[0].phases] == ["CLIで記録"]
        assert goal(app) == "画面での編集" and app.session.modified
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("2")  # reload: the snapshot is now in the editor
        await pilot.pause()
        assert [p.title for p in app.session.project.phases] == ["CLIで記録"]


async def test_two_editors_on_one_file_the_second_to_save_is_asked(plan: Path) -> None:
    first, second = make_app(plan), make_app(plan)
    async with first.run_test(size=(120, 40)) as one, second.run_test(size=(120, 40)) as two:
        await one.press("enter")
        await replace_text(one, "一つ目の画面")
        await two.press("enter")
        await replace_text(two, "二つ目の画面")
        await one.press("ctrl+s")
        await one.pause()
        assert "保存しました" in first.message
        await two.press("ctrl+s")
        await two.pause()
        assert isinstance(second.screen, ChoiceDialog)
        on_disk, _ = load_project(plan)
        assert on_disk.draft.part(on_disk.draft.goal).text == "一つ目の画面"
        await two.press("1")  # overwrite, chosen knowingly
        await two.pause()
        on_disk, _ = load_project(plan)
        assert on_disk.draft.part(on_disk.draft.goal).text == "二つ目の画面"
        # and now the first one is the second to save: it is asked in turn
        await one.press("enter")
        await replace_text(one, "一つ目の再編集")
        await one.press("ctrl+s")
        await one.pause()
        assert isinstance(first.screen, ChoiceDialog)


@pytest.mark.parametrize(
    ("where", "code", "words"),
    [
        ("mkstemp", errno.ENOSPC, "No space left on device"),
        ("mkstemp", errno.EROFS, "Read-only file system"),
        ("replace", errno.EACCES, "Permission denied"),
        ("fsync", errno.EIO, "Input/output error"),
    ],
)
async def test_a_save_failing_on_disk_keeps_the_work_in_memory_and_says_why(
    plan: Path, where: str, code: int, words: str
) -> None:
    original = plan.read_bytes()

    def fail(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))

    target = store.tempfile if where == "mkstemp" else store.os
    app = make_app(plan)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await replace_text(pilot, "消えてはいけない編集")
        with pytest.MonkeyPatch.context() as failing:  # the disk fails for this save only
            failing.setattr(target, where, fail)
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert "保存できませんでした" in app.message and words in app.message
        assert goal(app) == "消えてはいけない編集" and app.session.modified
        assert plan.read_bytes() == original
        assert not [p for p in plan.parent.iterdir() if p.name.endswith(".tmp")]
        assert read_recovery(plan) is not None  # the work is also in the recovery copy
        await pilot.press("ctrl+s")  # the disk is back: the same work saves
        await pilot.pause()
        assert not app.session.modified
    saved, _ = load_project(plan)
    assert saved.draft.part(saved.draft.goal).text == "消えてはいけない編集"


EDITOR = r"""
import asyncio, sys
sys.path.insert(0, sys.argv[2])
from tests.tui.conftest import make_app, replace_text
from pufu.model.recovery import read_recovery

async def main(path):
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await replace_text(pilot, "強制終了の前の編集")
        assert read_recovery(path) is not None
        print("edited", flush=True)
        await asyncio.Event().wait()  # until the test kills this process

asyncio.run(main(sys.argv[1]))
"""


async def test_after_the_editor_is_killed_the_next_one_offers_the_work_back(plan: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    child = subprocess.Popen(
        [sys.executable, "-c", EDITOR, str(plan), str(root)], stdout=subprocess.PIPE, text=True, cwd=root
    )
    try:
        assert child.stdout.readline().strip() == "edited"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    assert load_project(plan)[0].draft.part(load_project(plan)[0].draft.goal).text != "強制終了の前の編集"
    app = make_app(plan)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert goal(app) == "強制終了の前の編集" and app.session.modified
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved, _ = load_project(plan)
    assert saved.draft.part(saved.draft.goal).text == "強制終了の前の編集"


@pytest.mark.parametrize("case", sorted(CASES.glob("recovery-*.bin")), ids=lambda p: p.name)
async def test_a_damaged_recovery_copy_never_stops_the_editor(plan: Path, case: Path) -> None:
    recovery_path(plan).parent.mkdir(parents=True, exist_ok=True)
    recovery_path(plan).write_bytes(case.read_bytes())
    app = make_app(plan)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        if isinstance(app.screen, ConfirmDialog):  # offered: taking it back works or says why
            await pilot.press("y")
            await pilot.pause()
        assert app.is_running
        await pilot.press("enter")
        await replace_text(pilot, "それでも編集できる")
        await pilot.press("ctrl+s")
        await pilot.pause()
        if isinstance(app.screen, ChoiceDialog):  # the copy was made against another file
            await pilot.press("1")
            await pilot.pause()
    saved, _ = load_project(plan)
    assert saved.draft.part(saved.draft.goal).text == "それでも編集できる"


async def test_a_project_whose_file_name_is_not_utf8_is_edited_and_saved(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PUFU_STATE_DIR", str(tmp_path / "state"))
    path = Path(os.fsdecode(os.fsencode(tmp_path)) + os.fsdecode(b"/plan-\xff.pufu.json"))
    save_project(cs_project(), path, None)
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await replace_text(pilot, "名前がUTF-8でないファイル")  # writes a recovery copy
        assert read_recovery(path) is not None
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.session.modified
    saved, _ = load_project(path)
    assert saved.draft.part(saved.draft.goal).text == "名前がUTF-8でないファイル"
    assert main(["new", os.fsdecode(os.fsencode(tmp_path) + b"/other-\xfe.pufu.json")]) == 0
