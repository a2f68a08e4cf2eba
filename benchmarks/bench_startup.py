"""Start-up of the ``pufu`` command, whole process, side by side with a bare Python floor.

    python benchmarks/bench_startup.py [--runs 20]

Each figure is the median wall time of ``--runs`` fresh processes, run interleaved with its floor
so a busy machine slows both alike. Goals: ``pufu --version`` <= 2 x ``python -c pass``;
``pufu check`` of a 100-phase 10 x 10 project <= 5 x ``python -c "import json; json.load(...)"``.
The command runs as the installed console script (``.venv/bin/pufu``) when there is one beside
the interpreter, else as ``python -m pufu.cli.main``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _common import project  # noqa: E402

from pufu.model import save_project  # noqa: E402


def pufu_command() -> list[str]:
    script = Path(sys.executable).with_name("pufu")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "pufu.cli.main"]


def wall(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - start


def side_by_side(command: list[str], floor: list[str], runs: int, env: dict[str, str]) -> tuple[float, float]:
    """Medians (seconds) of ``command`` and ``floor``, run alternately after one warm-up each."""
    wall(command, env), wall(floor, env)
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        times[0].append(wall(command, env))
        times[1].append(wall(floor, env))
    return statistics.median(times[0]), statistics.median(times[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    folder = Path(tempfile.mkdtemp(prefix="pufu-bench-"))
    path = folder / "bench.pufu.json"
    save_project(project(100, 10, 10), path, None)
    env = {**os.environ, "PUFU_CONFIG_DIR": str(folder / "config"), "PUFU_STATE_DIR": str(folder / "state")}
    env.pop("PUFU_LANG", None)
    pufu = pufu_command()
    python = [sys.executable]
    cases = [
        ("pufu --version", [*pufu, "--version"], [*python, "-c", "pass"], "python -c pass", 2.0),
        ("pufu --help", [*pufu, "--help"], [*python, "-c", "pass"], "python -c pass", None),
        (
            "pufu check (100 phases, 10 x 10)",
            [*pufu, "check", str(path)],
            [*python, "-c", f"import json; json.load(open({str(path)!r}, 'rb'))"],
            "python -c 'import json; json.load(...)'",
            5.0,
        ),
    ]
    print(f"{' '.join(pufu)}; {path.stat().st_size / 1e6:.1f} MB project; median of {runs} runs each")
    for name, command, floor, floor_name, goal in cases:
        took, base = side_by_side(command, floor, runs, env)
        target = f" (goal <= {goal:g}x)" if goal else ""
        print(f"{name}: {took * 1000:.0f} ms vs {floor_name} {base * 1000:.0f} ms = {took / base:.2f}x{target}")


if __name__ == "__main__":
    main()
