"""Concurrent writers on one project file: nothing a command reports as recorded may be lost.

Each round starts three real ``pufu`` processes at once on one file: ``snapshot``, ``note`` (on
phase 1) and ``snapshot``. Every command that exits 0 has said "recorded": its phase title or
its note text must then be in the file. A command may also refuse (exit 2, naming the file and
who holds it) when it waited longer than the lock allows: that is not a loss, it said so.

    python tools/concurrency_harness.py --rounds 200

Prints: rounds, commands that succeeded, refused, and LOST (must be 0); exit 1 on any loss.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PUFU = [sys.executable, "-m", "pufu.cli.main"]


def make_project(path: Path, env: dict[str, str]) -> None:
    subprocess.run([*PUFU, "new", str(path)], check=True, env=env, capture_output=True)
    subprocess.run([*PUFU, "snapshot", str(path), "--title", "start"], check=True, env=env, capture_output=True)


def one_round(path: Path, env: dict[str, str], number: int) -> tuple[list[str], int, int]:
    """Start the three writers together; return what was lost, how many succeeded and refused."""
    commands = {
        f"phase-a-{number}": [*PUFU, "snapshot", str(path), "--title", f"phase-a-{number}"],
        f"note-{number}": [*PUFU, "note", str(path), f"note-{number}", "--phase", "1", "--author", "h", "--kind", "good"],
        f"phase-b-{number}": [*PUFU, "snapshot", str(path), "--title", f"phase-b-{number}"],
    }
    running = {name: subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for name, argv in commands.items()}
    done = {name: (proc.wait(), proc.communicate()) for name, proc in running.items()}
    data = json.loads(path.read_text(encoding="utf-8"))
    phases = {phase["title"] for phase in data["phases"]}
    notes = {note["text"] for note in data["notes"]}
    lost, ok, refused = [], 0, 0
    for name, (code, (_, err)) in done.items():
        if code == 0:
            ok += 1
            if name not in (notes if name.startswith("note") else phases):
                lost.append(name)
        elif code == 2 and "is being saved by" in err:
            refused += 1
        else:
            lost.append(f"{name} (exit {code}: {err.strip()})")
    return lost, ok, refused


def run(rounds: int, folder: Path) -> dict[str, int]:
    env = {**os.environ, "PUFU_STATE_DIR": str(folder / "state"), "PUFU_LANG": "en", "PUFU_CONFIG_DIR": str(folder / "config")}
    path = folder / "plan.pufu.json"
    make_project(path, env)
    figures = {"rounds": rounds, "succeeded": 0, "refused": 0, "lost": 0}
    for number in range(rounds):
        lost, ok, refused = one_round(path, env, number)
        figures["succeeded"] += ok
        figures["refused"] += refused
        figures["lost"] += len(lost)
        for item in lost:
            print(f"round {number}: LOST {item}", file=sys.stderr)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="pufu-concurrency-") as folder:
        figures = run(args.rounds, Path(folder))
    seconds = time.perf_counter() - started
    print(
        f"{figures['rounds']} rounds of snapshot + note + snapshot at once: "
        f"{figures['succeeded']} recorded, {figures['refused']} refused (lock wait), "
        f"{figures['lost']} lost ({seconds:.0f} s)"
    )
    return 1 if figures["lost"] else 0


if __name__ == "__main__":
    sys.exit(main())
