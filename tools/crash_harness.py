"""Kill pufu with SIGKILL at random moments of many saves; the file must always load and equal
either the version before the save or the one after.

    python tools/crash_harness.py --kills 300 --phases 60 [--mode cli|api|editor]

- cli: each round runs `pufu snapshot` on the project (a real process) and kills it at a random
  moment of its run; the file must hold the project before or after that snapshot.
- api: one process saves two versions alternately through the model; killed at random moments.
- editor: the Textual editor screen, run headless in a child process, edits and saves with
  ctrl+s in a loop; killed at random moments.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _common import project as generated_project  # noqa: E402

from pufu.model import dumps_project, load_project, loads_project, save_project  # noqa: E402

API_CHILD = r"""
import sys
from pufu.model import load_project, save_project
path = sys.argv[1]
project, stamp = load_project(path)
titles = ("版A", "版B")
i = 0
print("ready", flush=True)
while True:
    project.title = titles[i % 2]
    stamp = save_project(project, path, stamp)
    i += 1
"""

EDITOR_CHILD = r"""
import asyncio, sys
from pufu.tui.app import PufuApp

async def main(path):
    app = PufuApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        print("ready", flush=True)
        i = 0
        while True:
            app.session.set_title(("版A", "版B")[i % 2])
            await pilot.press("ctrl+s")
            await pilot.pause()
            i += 1

asyncio.run(main(sys.argv[1]))
"""


def versions_for_title(path: Path) -> set[str]:
    project, _ = load_project(path)
    out = set()
    for title in ("版A", "版B"):
        project.title = title
        out.add(dumps_project(project))
    return out


def run(mode: str, kills: int, phases: int, seed: int) -> tuple[int, int]:
    rng = random.Random(seed)
    folder = Path(tempfile.mkdtemp(prefix="pufu-crash-"))
    path = folder / "big.pufu.json"
    project = generated_project(phases, 10, 10)
    project.title = "版A"
    save_project(project, path, None)
    size = path.stat().st_size
    env = {**os.environ, "PUFU_STATE_DIR": str(folder / "state")}
    bad = 0
    mid_write = 0
    for round_ in range(kills):
        before = path.read_text(encoding="utf-8")
        if mode == "cli":
            expected_project = loads_project(path, before.encode())
            expected_project.snapshot(f"局面{round_}", "kill test", "2026-11-23")
            allowed = {before, dumps_project(expected_project)}
            child = subprocess.Popen(
                [sys.executable, "-m", "pufu.cli.main", "snapshot", str(path), "--title", f"局面{round_}",
                 "--note", "kill test", "--date", "2026-11-23"],
                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
            delay = rng.uniform(0.2, 1.2)  # start-up is ~0.3 s; the save comes after
        else:
            allowed = versions_for_title(path)
            code = API_CHILD if mode == "api" else EDITOR_CHILD
            child = subprocess.Popen([sys.executable, "-c", code, str(path)], env=env, stdout=subprocess.PIPE, text=True)
            if child.stdout.readline().strip() != "ready":
                raise SystemExit("child did not start")
            delay = rng.uniform(0.0, 0.3)
        try:
            child.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
        if any(p.name.endswith(".tmp") for p in folder.iterdir()):
            mid_write += 1
        try:
            loaded, _ = load_project(path)
            if dumps_project(loaded) not in allowed:
                bad += 1
                print(f"round {round_}: the file is neither the old nor the new version", file=sys.stderr)
        except Exception as exc:  # noqa: BLE001
            bad += 1
            print(f"round {round_}: the file does not load: {exc}", file=sys.stderr)
        for tmp in folder.glob(".*.tmp"):
            tmp.unlink()
    print(
        f"mode {mode}: {kills} kills on a {phases}-phase project ({size / 1e6:.1f} MB at start); "
        f"{mid_write} killed with a save under way; {bad} damaged files"
    )
    return kills, bad


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--phases", type=int, default=60)
    parser.add_argument("--mode", choices=("cli", "api", "editor"), default="api")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    started = time.monotonic()
    _, bad = run(args.mode, args.kills, args.phases, args.seed)
    print(f"{time.monotonic() - started:.0f} s")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
