"""An unexpected error in the editor: one line, a non-zero exit, the work in the recovery copy.
And two editors on one file never delete each other's copy. Real processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pufu.model import load_project, save_project
from pufu.model.recovery import copies

from ..tui.conftest import cs_project, make_app, replace_text

CRASHING = r"""
import sys
from pufu.tui import app as module
from pufu.tui import run_editor

class Crashing(module.PufuApp):
    def on_ready(self):
        self.set_timer(0.2, self.boom)

    def boom(self):
        self.session.set_title("壊れる前の題")
        self.refresh_all()
        raise RuntimeError("boom")

    def run(self, **kwargs):
        return super().run(headless=True, **kwargs)

module.PufuApp = Crashing
sys.exit(run_editor(sys.argv[1], lang="en"))
"""


def test_an_unexpected_error_exits_non_zero_in_one_line_and_keeps_the_work(tmp_path: Path) -> None:
    path = tmp_path / "plan.pufu.json"
    save_project(cs_project(), path, None)
    env = {**os.environ, "PUFU_STATE_DIR": str(tmp_path / "state"), "PUFU_LANG": "en"}
    done = subprocess.run(
        [sys.executable, "-c", CRASHING, str(path)], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr
    assert lines[0].startswith("pufu: error: the editor stopped on an unexpected error: RuntimeError: boom")
    assert "recovery copy" in lines[0]
    os.environ["PUFU_STATE_DIR"] = env["PUFU_STATE_DIR"]
    try:
        (copy,) = copies(path)
        assert copy.title == "壊れる前の題" and not copy.running()
        assert copy.project(load_project(path)[0]).title == "壊れる前の題"
    finally:
        del os.environ["PUFU_STATE_DIR"]


async def test_an_editor_quitting_cleanly_never_deletes_another_editors_copy(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PUFU_STATE_DIR", str(tmp_path / "state"))
    path = tmp_path / "plan.pufu.json"
    save_project(cs_project(), path, None)
    busy, idle = make_app(path), make_app(path)
    async with busy.run_test(size=(120, 40)) as one:
        await one.press("enter")
        await replace_text(one, "Bの未保存の編集")
        assert [c.file for c in copies(path)] == [busy.recovery.file]
        async with idle.run_test(size=(120, 40)) as two:
            await two.pause()
            # offered, saying that editor still runs; "not now" keeps its copy
            assert "still running" in idle.screen.message or "まだ動いています" in idle.screen.message
            await two.press("n")
            await two.pause()
            await two.press("ctrl+q")
            await two.pause()
        assert [c.file for c in copies(path)] == [busy.recovery.file]
