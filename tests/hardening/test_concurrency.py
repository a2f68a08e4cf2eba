"""Writers at once on one file: every phase and note a command reports as recorded is in the file.

The fast part of tools/concurrency_harness.py (real processes; run it with --rounds 200)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[2] / "tools"))

import concurrency_harness  # noqa: E402

from pufu.model import Project, load_project, save_project  # noqa: E402

ROUNDS = 6


def test_snapshot_note_snapshot_at_once_lose_nothing(tmp_path: Path) -> None:
    figures = concurrency_harness.run(ROUNDS, tmp_path)
    assert figures["lost"] == 0
    assert figures["succeeded"] + figures["refused"] == 3 * ROUNDS


HOLD = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDONLY)
fcntl.flock(fd, fcntl.LOCK_EX)
print("held", flush=True)
sys.stdin.read()
"""


def test_a_writer_that_waits_too_long_refuses_naming_the_file_and_the_holder(tmp_path: Path) -> None:
    path = tmp_path / "plan.pufu.json"
    save_project(Project(title="計画"), path, None)
    before = path.read_bytes()
    env = {**os.environ, "PUFU_STATE_DIR": str(tmp_path / "state"), "PUFU_LANG": "en", "PUFU_LOCK_WAIT": "0.5"}
    # another pufu holds the lock: a real snapshot, stopped inside its read-modify-write
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", "pufu.cli.main", "snapshot", str(path), "--title", "二"],
            capture_output=True, text=True, env=env, timeout=60,
        )
        assert done.returncode == 2
        assert done.stderr.startswith(f"pufu: error: {path}: is being saved by another program; waited 0.5 s")
        assert time.monotonic() - started < 30
        assert path.read_bytes() == before
    finally:
        holder.communicate("")


@pytest.mark.usefixtures("english")
def test_the_lock_names_a_pufu_holder_by_pid_and_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pufu.model.lock import LockedError, locked

    monkeypatch.setenv("PUFU_STATE_DIR", str(tmp_path / "state"))
    path = tmp_path / "plan.pufu.json"
    save_project(Project(), path, None)
    code = (
        "import sys; from pufu.model.lock import locked\n"
        "with locked(sys.argv[1]):\n    print('held', flush=True); sys.stdin.read()\n"
    )
    env = {**os.environ, "PUFU_STATE_DIR": str(tmp_path / "state")}
    holder = subprocess.Popen([sys.executable, "-c", code, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with pytest.raises(LockedError, match=rf"is being saved by pid {holder.pid} on "):
            with locked(path, wait=0.2):
                pass
    finally:
        holder.communicate("")
    with locked(path, wait=0.2):  # released when the holder ends
        pass
    assert load_project(path)[0].title == ""
