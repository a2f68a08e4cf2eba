"""Start-up of the ``pufu`` command, whole process, side by side with a bare Python floor.

    python benchmarks/bench_startup.py [--runs 20]

Each figure is the median wall time of ``--runs`` fresh processes, run interleaved with its floor
so a busy machine slows both alike, and the median CPU time (user + system), which a busy
machine disturbs less. Goals: ``pufu --version`` <= 2 x ``python -c pass``;
``pufu check`` of a 100-phase 10 x 10 project <= 5 x ``python -c "import json; json.load(...)"``.
The command runs as the installed console script (``.venv/bin/pufu``) when there is one beside
the interpreter, else as ``python -m pufu.cli.main``.
"""

from __future__ import annotations

import argparse
import os
import resource
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


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run, in seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    took = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return took, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def side_by_side(command: list[str], floor: list[str], runs: int, env: dict[str, str]) -> list[float]:
    """Medians (seconds) of ``command`` and ``floor``, wall then CPU, run alternately after one
    warm-up each (which also writes pufu's bytecode, as installing it does)."""
    timed(command, env), timed(floor, env)
    times: list[list[float]] = [[], [], [], []]
    for _ in range(runs):
        for offset, run in ((0, command), (2, floor)):
            took, cpu = timed(run, env)
            times[offset].append(took)
            times[offset + 1].append(cpu)
    return [statistics.median(series) for series in times]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    folder = Path(tempfile.mkdtemp(prefix="pufu-bench-"))
    path = folder / "bench.pufu.json"
    save_project(project(100, 10, 10), path, None)
    env = {**os.environ, "PUFU_CONFIG_DIR": str(folder / "config"), "PUFU_STATE_DIR": str(folder / "state")}
    env.pop("PUFU_LANG", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed pufu has its bytecode: so does this one
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
    cases.append((*cases[2][:4], None))  # the same, with a settings file to read
    configured = {**env, "PUFU_CONFIG_DIR": str(folder / "configured")}
    (folder / "configured").mkdir()
    (folder / "configured" / "settings.toml").write_text('lang = "ja"\n', encoding="utf-8")
    print(f"{' '.join(pufu)}; {path.stat().st_size / 1e6:.1f} MB project; median of {runs} runs each")
    for index, (name, command, floor, floor_name, goal) in enumerate(cases):
        if index == 3:
            name += ", with a settings file"
        took, cpu, base, base_cpu = side_by_side(command, floor, runs, configured if index == 3 else env)
        target = f" (goal <= {goal:g}x)" if goal else ""
        print(
            f"{name}: {took * 1000:.0f} ms vs {floor_name} {base * 1000:.0f} ms = {took / base:.2f}x{target}; "
            f"CPU {cpu * 1000:.0f} vs {base_cpu * 1000:.0f} ms = {cpu / base_cpu:.2f}x"
        )


if __name__ == "__main__":
    main()
