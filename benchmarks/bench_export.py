"""Benchmark of diagram export (not a test: it prints, it never fails on time).

1. A 30 × 10 chart (30 中間目的 with 10 施策 each, 300 施策, some shared) exported to SVG and
   to PNG, as a ratio to the floor: Graphviz laying out and drawing the very same DOT on the
   very same canvas directly (``AGraph(string=dot).draw(format, prog="dot")``, the DOT given
   the slide's ``viewport`` and ``dpi`` as pufu sets them, so that both draw the same picture:
   for PNG the same 1920 × 1080 pixels at 144 dpi; the benchmark checks the floor's output is
   the same size as pufu's). Goal: <= 1.3×.
2. ``pufu export --all-phases`` of a 100-phase project to PNG, timed.

Run: /tmp/venv/bin/python benchmarks/bench_export.py [--repeat N]
"""

from __future__ import annotations

import argparse
import re
import statistics
import struct
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


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--chart", default="30x10", help="中間目的 × 施策 each of the big chart (default 30x10)"
    )
    args = parser.parse_args()
    purposes, measures = (int(n) for n in args.chart.lower().split("x"))
    main_bench(args.repeat, purposes, measures)
    sys.exit(0)
