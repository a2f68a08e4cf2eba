"""Editor benchmark (not a test): cold start and key-press latency on a 30 中間目的 × 10 施策 chart.

    /tmp/venv/bin/python benchmarks/bench_tui.py [--runs 5] [--presses 60]

1. Cold start to first paint, headless at 160×48, in a fresh interpreter each run (imports
   included), as a ratio to a bare Textual app that shows the same number of labels.
   Goal: <= 1.5×.
2. Median time from a key press to the updated screen, run headless: moving the selection
   (↓) and changing a 施策 (c: colour, which re-checks and re-lays out the chart). Goal: <= 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PURPOSES, MEASURES = 30, 10
SIZE = (160, 48)

BARE = """
import sys, time
from textual.app import App
from textual.containers import VerticalScroll
from textual.widgets import Label
class Bare(App):
    def compose(self):
        with VerticalScroll():
            for i in range({labels}):
                yield Label(f"ラベル {{i}} よくある問い合わせの記事を書く")
async def main():
    app = Bare()
    async with app.run_test(size={size}) as pilot:
        await pilot.pause()
import asyncio; asyncio.run(main())
"""

PUFU = """
import asyncio
from pufu.tui.app import PufuApp
async def main():
    app = PufuApp({path!r}, recovery_delay=0)
    async with app.run_test(size={size}) as pilot:
        await pilot.pause()
asyncio.run(main())
"""


def big_chart(path: Path) -> int:
    """Write a 30 × 10 project; returns how many parts it has."""
    from pufu.model import Project, save_project

    project = Project(title="ベンチマーク")
    chart = project.draft
    chart.set_text(chart.goal, "問い合わせにCSが追われない体制をつくる")
    chart.set_text(chart.win, "一次解決率が80%を超えている")
    for p in range(PURPOSES):
        purpose = chart.add_purpose(f"中間目的{p + 1}：顧客が自分で答えにたどり着けている状態")
        for m in range(MEASURES):
            chart.add_measure(purpose, f"施策{m + 1}：よくある問い合わせの記事を書き、効果を測る", color="red" if m % 3 == 0 else "white", progress=m * 10)
    save_project(project, path, None)
    return len(chart)


def cold(script: str, runs: int) -> float:
    times = []
    env = {**os.environ, "PUFU_STATE_DIR": tempfile.mkdtemp()}
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", script], check=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


async def latency(path: Path, presses: int) -> tuple[float, float]:
    """Median ms from posting a key to the end of the screen refresh that shows its effect.

    Pilot's own waits (for the process to go idle) are not counted: the time is taken from the
    moment the key event is posted to the moment the compositor finished the next refresh.
    """
    from textual import events

    from pufu.tui.app import PufuApp

    app = PufuApp(path)
    painted: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        refresh = screen._compositor_refresh

        def timed_refresh() -> None:
            refresh()
            painted.append(time.perf_counter())

        screen._compositor_refresh = timed_refresh
        await pilot.press("left", "left", "left")  # onto the first 施策
        await pilot.pause()

        async def measure(key: str) -> float:
            painted.clear()
            start = time.perf_counter()
            app.post_message(events.Key(key, key if len(key) == 1 else None))
            await pilot.pause()
            return (painted[0] if painted else time.perf_counter()) - start

        moves = [await measure("down") for _ in range(presses)]
        edits = [await measure("c") for _ in range(presses)]
    return statistics.median(moves), statistics.median(edits)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--presses", type=int, default=60)
    args = parser.parse_args()
    os.environ.setdefault("PUFU_STATE_DIR", tempfile.mkdtemp())
    folder = Path(tempfile.mkdtemp())
    path = folder / "bench.pufu.json"
    parts = big_chart(path)
    bare = cold(BARE.format(labels=parts, size=SIZE), args.runs)
    pufu = cold(PUFU.format(path=str(path), size=SIZE), args.runs)
    print(f"chart: {PURPOSES} 中間目的 × {MEASURES} 施策 ({parts} parts), headless {SIZE[0]}×{SIZE[1]}")
    print(f"cold start to first paint: pufu {pufu * 1000:.0f} ms, bare app with {parts} labels {bare * 1000:.0f} ms")
    print(f"  ratio {pufu / bare:.2f}×  (goal <= 1.5×)")
    move, edit = asyncio.run(latency(path, args.presses))
    print(f"key press to updated screen (median of {args.presses}): ↓ {move * 1000:.1f} ms, c (colour) {edit * 1000:.1f} ms  (goal <= 50 ms)")


if __name__ == "__main__":
    main()
