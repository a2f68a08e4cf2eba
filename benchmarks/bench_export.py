"""Benchmark of diagram export (not a test: it prints, it never fails on time).

1. A 30 × 10 chart (30 中間目的 with 10 施策 each, 300 施策, some shared) exported to SVG and
   to PNG, as a ratio to the floor: Graphviz laying out and drawing the very same DOT on the
   very same canvas directly (``AGraph(string=dot).draw(format, prog="dot")``, the DOT given
   the slide's ``viewport`` and ``dpi`` as pufu sets them, so that both draw the same picture:
   for PNG the same 1920 × 1080 pixels at 144 dpi; the benchmark checks the floor's output is
   the same size as pufu's). Goal: <= 1.3×.
2. ``pufu export --all-phases`` of a 100-phase project to PNG, timed.
3. ``pufu export --all-phases`` of a 20-phase project of 3 × 4 (laid out for the slide: the
   canvas-fitting search) to PNG, as a whole process, with ``--jobs 1`` and with the default
   (one worker per CPU): wall time, CPU time of the process and its workers (user + system),
   and cores busy = CPU / wall (goal on 2 cores: >= 1.5); the files must be the same bytes.
   The layouts kept in the cache folder (:mod:`pufu.export.fit`) are removed before each run;
   then the same export again, with them kept (``--jobs 1``).

Run: /tmp/venv/bin/python benchmarks/bench_export.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pygraphviz
from pygraphviz import graphviz as gv

from pufu.cli.main import main
from pufu.export import fonts
from pufu.export.diagram import DEFAULT_DPI, SIZES, _viewport, build_dot, render
from pufu.model import COLOR_ORDER, Chart, Project, save_project


def big_chart(purposes: int = 30, measures: int = 10) -> Chart:
    chart = Chart.blank()
    chart.set_text(chart.goal, "問い合わせに追われないCSチームになる" * 2)
    chart.set_text(chart.win, "顧客1社あたりの月間問い合わせ件数が0.18件以下")
    ids = []
    for p in range(purposes):
        purpose = chart.add_purpose(
            f"中間目的{p + 1}: よくある問い合わせを記事で自己解決できている状態"
        )
        ids.append(purpose)
        for m in range(measures):
            chart.add_measure(
                purpose,
                f"施策{p + 1}-{m + 1}: 上位{m + 1}件の記事を書き、効果を測れるようにする",
                color=COLOR_ORDER[m % 5],
                progress=(m * 7) % 101 if m % 3 else None,
            )
    for p in range(1, purposes):  # a few shared 施策
        chart.link_measure(chart.measures_of(ids[p - 1])[0], ids[p])
    return chart


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def floor_dot(dot: str, fmt: str) -> str:
    """The DOT with the canvas pufu gives it: a 16:9 slide, the chart fitted and centred."""
    graph = pygraphviz.AGraph(string=dot)  # laid out once, outside the timing, for the
    context = gv.gvContextWithBuiltins()  # bounding box (as pufu reads it)
    gv.gvLayout(context, graph.handle, b"dot")
    bb = graph.graph_attr["bb"]
    gv.gvFreeLayout(context, graph.handle)
    gv.gvFreeContext(context)
    resolution = DEFAULT_DPI if fmt == "png" else 72
    viewport = _viewport(bb, SIZES["16:9"], resolution)
    canvas = f'graph [dpi=72, margin=0, pad=0, viewport="{viewport}"];\n'
    return dot.replace("digraph pufu {\n", "digraph pufu {\n" + canvas, 1)


def pixels(data: bytes, fmt: str) -> str:
    if fmt == "png":
        return "{} × {} px".format(*struct.unpack(">II", data[16:24]))
    match = re.search(rb'<svg width="([0-9.]+)pt" height="([0-9.]+)pt"', data)
    return f"{match[1].decode()} × {match[2].decode()} pt" if match else "?"


def main_bench(repeat: int, purposes: int = 30, measures: int = 10) -> None:
    fonts.ensure()
    chart = big_chart(purposes, measures)
    dot = build_dot(chart)
    print(
        f"chart: {purposes} × {measures} ({len(chart.purposes())} 中間目的, "
        f"{len(chart.measures())} 施策); DOT {len(dot) // 1024} KiB"
    )
    for fmt in ("svg", "png"):
        same = floor_dot(dot, fmt)

        def floor_run(fmt: str = fmt, same: str = same) -> bytes:
            return pygraphviz.AGraph(string=same).draw(format=fmt, prog="dot")

        floor = best(floor_run, repeat)
        ours = best(lambda fmt=fmt: render(chart, fmt), repeat)
        theirs, mine = floor_run(), render(chart, fmt)
        same_output = "the same bytes" if theirs == mine else "different bytes"
        print(
            f"{fmt}: floor {floor * 1000:7.1f} ms   pufu {ours * 1000:7.1f} ms   "
            f"ratio {ours / floor:.2f}× (goal <= 1.3×)   "
            f"canvas: floor {pixels(theirs, fmt)}, pufu {pixels(mine, fmt)}, {same_output}"
        )

    small = Chart.blank()
    purpose = small.add_purpose("FAQで自己解決できている状態")
    small.add_measure(purpose, "上位20件の記事を書く", color="red", progress=50)
    project = Project(title="100局面", draft=small)
    for number in range(1, 101):
        small.set_progress(small.measures()[0], number % 101)
        small.set_text(small.goal, f"局面{number}の獲得目標")
        project.snapshot(title=f"局面{number}", happened=f"出来事{number}", date="2025-01-01")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "hundred.pufu.json"
        save_project(project, path, None)
        start = time.perf_counter()
        code = main(
            ["export", str(path), "-f", "png", "--all-phases", "-o", str(Path(folder) / "out")]
        )
        elapsed = time.perf_counter() - start
        files = len(list(Path(folder).glob("out-phase*.png")))
    print(
        f"--all-phases png, 100 phases: {elapsed:.2f} s ({elapsed / 100 * 1000:.0f} ms a phase, {files} files, exit {code})"
    )


def twenty_phases(folder: Path) -> Path:
    """20 phases of a 3 × 4 chart, a different 施策's progress changed at each."""
    chart = Chart.blank()
    chart.set_text(chart.goal, "問い合わせに追われないCSチームになる")
    chart.set_text(chart.win, "顧客1社あたりの月間問い合わせ件数が0.18件以下")
    for p in range(3):
        purpose = chart.add_purpose(f"中間目的{p + 1}: よくある問い合わせを記事で自己解決できている状態")
        for m in range(4):
            chart.add_measure(
                purpose, f"施策{p + 1}-{m + 1}: 上位{m + 1}件の記事を書く", color=COLOR_ORDER[m % 5], progress=m * 20
            )
    project = Project(title="20局面", draft=chart)
    for number in range(1, 21):
        measures = chart.measures()
        chart.set_progress(measures[number % len(measures)], (number * 7) % 101)
        project.snapshot(title=f"局面{number}", happened=f"出来事{number}", date="2025-01-01")
    path = folder / "twenty.pufu.json"
    save_project(project, path, None)
    return path


def process_run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system, the process and every worker it waited for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def cores_busy(repeat: int, fmt: str = "png") -> None:
    script = Path(sys.executable).with_name("pufu")
    pufu = [str(script)] if script.is_file() else [sys.executable, "-m", "pufu.cli.main"]
    with tempfile.TemporaryDirectory() as folder:
        cache = Path(folder) / "cache"
        env = {
            **os.environ,
            "PUFU_CONFIG_DIR": f"{folder}/config",
            "PUFU_STATE_DIR": f"{folder}/state",
            "PUFU_CACHE_DIR": str(cache),
        }
        path = twenty_phases(Path(folder))
        figures: dict[str, list[tuple[float, float]]] = {"1": [], "default": []}
        outputs: dict[str, list[bytes]] = {}
        for _ in range(repeat):
            for jobs in ("1", "default"):
                out = Path(folder) / f"out-{jobs}"
                out.mkdir(exist_ok=True)
                extra = ["--jobs", jobs] if jobs != "default" else []
                command = [*pufu, "export", str(path), "-f", fmt, "--all-phases", "-o", f"{out}/", "--force", *extra]
                shutil.rmtree(cache / "fit", ignore_errors=True)  # every layout searched afresh
                figures[jobs].append(process_run(command, env))
                outputs[jobs] = [file.read_bytes() for file in sorted(out.iterdir())]
    same = "the same bytes" if outputs["1"] == outputs["default"] else "DIFFERENT bytes"
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"--all-phases {fmt}, 20 phases of 3 × 4 (fitted to 16:9), whole process, median of {repeat}:")
    for jobs, runs in figures.items():
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        busy = statistics.median(c / w for w, c in runs)
        goal = f" (goal on 2 cores >= 1.5; {cpus} CPUs here)" if jobs == "default" else ""
        print(f"  --jobs {jobs}: {wall:.2f} s wall, {cpu:.2f} s CPU, cores busy {busy:.2f}{goal}")
    print(f"  {len(outputs['1'])} files each, {same}")
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "PUFU_CONFIG_DIR": f"{folder}/config", "PUFU_STATE_DIR": f"{folder}/state",
               "PUFU_CACHE_DIR": f"{folder}/cache"}
        path = twenty_phases(Path(folder))
        command = [*pufu, "export", str(path), "-f", fmt, "--all-phases", "-o", f"{folder}/", "--force", "--jobs", "1"]
        process_run(command, env)  # the layouts found are kept
        warm = [process_run(command, env) for _ in range(repeat)]
    print(
        f"  again, the layouts kept (--jobs 1): {statistics.median(w for w, _ in warm):.2f} s wall, "
        f"{statistics.median(c for _, c in warm):.2f} s CPU"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only-cores", action="store_true", help="only the 20-phase cores-busy run")
    parser.add_argument(
        "--chart", default="30x10", help="中間目的 × 施策 each of the big chart (default 30x10)"
    )
    args = parser.parse_args()
    purposes, measures = (int(n) for n in args.chart.lower().split("x"))
    if not args.only_cores:
        main_bench(args.repeat, purposes, measures)
    cores_busy(max(1, min(args.repeat, 3)))
    sys.exit(0)
