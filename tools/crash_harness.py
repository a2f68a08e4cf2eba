"""Kill pufu with SIGKILL at random moments of many saves; the file must always load and equal
either the version before the save or the one after.

    python tools/crash_harness.py --mode cli    --kills 100 --phases 60
    python tools/crash_harness.py --mode api    --kills 200 --phases 60
    python tools/crash_harness.py --mode editor --kills 100 --phases 60

Rounds go on until --kills processes were killed (a round whose process finished first counts
as a completed save, not a kill).

- cli: each round runs `pufu snapshot` on the project (a real process) and kills it at a random
  moment of its run (50-110 % of the time an unhurried snapshot takes); the file must hold the
  project before or after that snapshot.
- api: one process saves two versions alternately through the model; killed at random moments.
- editor: the real Textual editor (PufuApp), headless in a child process, edits the project
  title with its keys (t, the text, Enter) and saves with ctrl+s in a loop; killed at random
  moments. Besides the file, the recovery copy the editor keeps must load whenever it is left
  behind, and the next editor started on the file must offer it back (it is accepted with y,
  and the loop goes on saving from the recovered work).

Every round prints nothing unless something is wrong; the last lines are the figures. Exit 1
when any file was damaged (or, in editor mode, a recovery copy was lost or not offered).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
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
from pufu.model.recovery import read_recovery  # noqa: E402

TITLES = ("版A", "版B")

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
    print("saved", flush=True)
    i += 1
"""

# The real editor, driven through its keys as a user would: t opens the title, the text comes
# as an input method hands it over (a paste), Enter confirms, ctrl+s saves.
EDITOR_CHILD = r"""
import asyncio, sys
from textual import events
from pufu.tui.app import PufuApp
from pufu.tui.dialogs import ChoiceDialog, ConfirmDialog

async def main(path):
    app = PufuApp(path, lang="en", recovery_delay=0, blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        offered = isinstance(app.screen, ConfirmDialog)
        if offered:
            await pilot.press("y")  # take the unsaved work back
            await pilot.pause()
        print("ready offered" if offered else "ready", flush=True)
        i = 0
        while True:
            await pilot.press("t")
            app.editbar.editor.load("")
            app.post_message(events.Paste(("版A", "版B")[i % 2]))
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("ctrl+s")
            await pilot.pause()
            if isinstance(app.screen, ChoiceDialog) or app.session.modified:
                print("not saved: " + app.message, flush=True)
                sys.exit(3)
            print("saved", flush=True)
            i += 1

asyncio.run(main(sys.argv[1]))
"""


def versions_for_title(path: Path) -> set[str]:
    project, _ = load_project(path)
    out = set()
    for title in TITLES:
        project.title = title
        out.add(dumps_project(project))
    return out


def run(mode: str, kills: int, phases: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    folder = Path(tempfile.mkdtemp(prefix="pufu-crash-"))
    path = folder / "big.pufu.json"
    project = generated_project(phases, 10, 10)
    project.title = TITLES[0]
    save_project(project, path, None)
    size = path.stat().st_size
    state = folder / "state"
    os.environ["PUFU_STATE_DIR"] = str(state)  # read_recovery() below looks there too
    env = {**os.environ, "PUFU_STATE_DIR": str(state), "PUFU_LANG": "en"}
    figures = dict.fromkeys(
        ("kills", "mid_write", "saves", "damaged", "recovery_left", "recovery_offered", "problems"), 0
    )
    expect_offer = False
    run_time = _time_one_snapshot(path, env) if mode == "cli" else 0.0
    round_ = -1
    while figures["kills"] < kills and round_ < 3 * kills:
        round_ += 1
        before = path.read_text(encoding="utf-8")
        if mode == "cli":
            expected_project = loads_project(path, before.encode())
            expected_project.snapshot(f"局面{round_}", "kill test", "2026-11-23")
            allowed = {before, dumps_project(expected_project)}
            child = subprocess.Popen(
                [sys.executable, "-m", "pufu.cli.main", "snapshot", str(path), "--title", f"局面{round_}",
                 "--note", "kill test", "--date", "2026-11-23"],
                env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
            )
            # most of a snapshot's run is start-up and reading; the save comes at the end
            delay = rng.uniform(0.5, 1.1) * run_time
            started = time.monotonic()
        else:
            allowed = versions_for_title(path)
            code = API_CHILD if mode == "api" else EDITOR_CHILD
            child = subprocess.Popen(
                [sys.executable, "-c", code, str(path)], env=env, stdout=subprocess.PIPE, text=True
            )
            ready = child.stdout.readline().strip()
            if not ready.startswith("ready"):
                raise SystemExit(f"round {round_}: the child did not start ({ready!r})")
            if mode == "editor" and (ready == "ready offered") != expect_offer:
                figures["problems"] += 1
                what = "was not offered" if expect_offer else "was offered with nothing to recover"
                print(f"round {round_}: the recovery copy {what}", file=sys.stderr)
            figures["recovery_offered"] += ready == "ready offered"
            # a save takes ~0.05 s (api) or ~0.6 s (editor, with the edit before it)
            delay = rng.uniform(0.0, 0.3) if mode == "api" else rng.uniform(0.0, 2.0)
        try:
            child.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
        output = child.stdout.read()
        if mode == "cli" and child.returncode == 0:
            run_time = time.monotonic() - started  # the project grows with every snapshot
        if child.returncode != -signal.SIGKILL and (mode != "cli" or child.returncode != 0):
            figures["problems"] += 1
            print(f"round {round_}: the child ended by itself ({child.returncode}): {output[-300:]}", file=sys.stderr)
        figures["kills"] += child.returncode == -signal.SIGKILL
        figures["saves"] += output.count("saved\n") if mode != "cli" else child.returncode == 0
        if any(p.name.endswith(".tmp") for p in folder.iterdir()):
            figures["mid_write"] += 1
        try:
            loaded, _ = load_project(path)
            on_disk = dumps_project(loaded)
            if on_disk not in allowed:
                figures["damaged"] += 1
                print(f"round {round_}: the file is neither the old nor the new version", file=sys.stderr)
        except Exception as exc:  # noqa: BLE001
            figures["damaged"] += 1
            on_disk = None
            print(f"round {round_}: the file does not load: {exc}", file=sys.stderr)
        if mode == "editor":
            expect_offer = _check_recovery(path, on_disk, allowed, figures, round_)
        for tmp in folder.glob(".*.tmp"):
            tmp.unlink()
    print(
        f"mode {mode}: {round_ + 1} rounds, {figures['kills']} kills on a {phases}-phase project ({size / 1e6:.1f} MB at start), "
        f"{figures['saves']} saves completed; {figures['mid_write']} killed with a save under way; "
        f"{figures['damaged']} damaged files"
    )
    if mode == "editor":
        print(
            f"recovery copies left by a kill: {figures['recovery_left']}, all loading; "
            f"offered back on the next start: {figures['recovery_offered']}; problems: {figures['problems']}"
        )
    shutil.rmtree(folder, ignore_errors=True)
    return figures


def _time_one_snapshot(path: Path, env: dict[str, str]) -> float:
    """How long `pufu snapshot` runs on (a copy of) the project, unhurried."""
    copy = path.with_name("timing.pufu.json")
    copy.write_bytes(path.read_bytes())
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "pufu.cli.main", "snapshot", str(copy), "--title", "t"],
        env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    elapsed = time.monotonic() - started
    copy.unlink()
    return elapsed


def _check_recovery(path: Path, on_disk: str | None, allowed: set[str], figures: dict[str, int], round_: int) -> bool:
    """A recovery copy left by the kill must load, hold one of the versions, and (when it differs
    from the file) be offered on the next start; returns whether an offer is expected."""
    found = read_recovery(path)
    if found is None:
        return False
    figures["recovery_left"] += 1
    try:
        text = found.text  # the copy laid over the file on disk, as the editor offers it
    except Exception as exc:  # noqa: BLE001
        figures["problems"] += 1
        print(f"round {round_}: the recovery copy does not load: {exc}", file=sys.stderr)
        return False
    if text not in allowed:
        figures["problems"] += 1
        print(f"round {round_}: the recovery copy holds neither version", file=sys.stderr)
    return text != on_disk


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--phases", type=int, default=60)
    parser.add_argument("--mode", choices=("cli", "api", "editor"), default="api")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    started = time.monotonic()
    figures = run(args.mode, args.kills, args.phases, args.seed)
    print(f"{time.monotonic() - started:.0f} s")
    return 1 if figures["damaged"] or figures["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
