"""A SIGKILL in the middle of a save never leaves a file that fails to load."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

from pufu.model import Project, dumps_project, load_project, save_project

from .helpers import chart_with

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))

from crash_harness import API_CHILD as CHILD  # noqa: E402  (the long harness's saving child)


def big_project(phases: int = 20) -> Project:
    project = Project(title="版A", draft=chart_with(10, 10))
    for n in range(phases):
        project.snapshot(f"局面{n + 1}", "いろいろあった\n「高い」と言われた", "2026-01-01")
    return project


def test_sigkill_during_saves_leaves_old_or_new_file(tmp_path: Path) -> None:
    path = tmp_path / "big.pufu.json"
    project = big_project()
    save_project(project, path, None)
    versions = set()
    for title in ("版A", "版B"):
        project.title = title
        versions.add(dumps_project(project))
    rng = random.Random(7)
    for _ in range(8):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, text=True
        )
        assert child.stdout.readline().strip() == "ready"
        # let it save a random number of times, then kill it wherever it is
        deadline = rng.uniform(0.0, 0.25)
        try:
            child.wait(timeout=deadline)
        except subprocess.TimeoutExpired:
            pass
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        loaded, _ = load_project(path)
        assert dumps_project(loaded) in versions
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "big.pufu.json"]
    # a killed save may leave its temporary file, never a damaged project file
    assert all(name.startswith(".big.pufu.json.") for name in leftovers)
