"""A replay step (→) on a 30 × 10 chart, headless: the screen repainted after the key.

    python benchmarks/bench_review.py

Goal: median <= 50 ms per step. Ten phases of 30 中間目的 × 10 施策 (341 parts), each phase
changing about a tenth of the parts; the app steps forwards through all of them and back,
three times, and each step is timed from the key press until the app is idle again (the sheet,
the changes and the notes rebuilt, laid out and drawn). The test harness's own cost per key
(pressing a key bound to nothing, then waiting for idle) is measured alongside and subtracted.
First visits of a phase (sheet and changes built) and revisits (phases never change, so the
screen reuses what it built) are reported apart, in wall-clock and CPU time.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _common import chart  # noqa: E402

from pufu.model import Project  # noqa: E402
from pufu.tui.review import ReviewApp  # noqa: E402

GOAL_MS = 50.0
PHASES = 10


def project() -> Project:
    draft = chart(30, 10)
    project = Project(title="ベンチマーク", draft=draft)
    for n in range(PHASES):
        purposes = draft.purposes()
        for i, purpose in enumerate(purposes):
            measures = draft.measures_of(purpose)
            draft.set_progress(measures[n % 10], (n * 10) % 101)
            if i % 3 == n % 3:
                draft.set_comment(measures[(n + 1) % 10], "red", f"局面{n}で未達")
        draft.add_measure(purposes[n % 30], f"局面{n}で足した施策")
        if n % 4 == 3:
            draft.set_text(draft.win, f"局面{n}の勝利条件")
        project.snapshot(f"局面{n + 1}", "顧客の反応があった", "2026-01-01")
    return project


async def run() -> dict[str, list[tuple[float, float]]]:
    app = ReviewApp(project(), None, None, lang="ja")
    times: dict[str, list[tuple[float, float]]] = {"first": [], "again": [], "idle": []}
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()

        async def timed(key: str) -> tuple[float, float]:
            wall, cpu = time.perf_counter(), time.process_time()
            await pilot.press(key)
            await pilot.pause()
            return time.perf_counter() - wall, time.process_time() - cpu

        for round_ in range(3):
            for key in ["right"] * (PHASES - 1) + ["left"] * (PHASES - 1):
                first = round_ == 0 and key == "right"
                times["first" if first else "again"].append(await timed(key))
                times["idle"].append(await timed("x"))  # a key bound to nothing: the harness's own cost
    return times


def main() -> None:
    times = asyncio.run(run())

    def median(name: str, which: int) -> float:
        return statistics.median(t[which] for t in times[name]) * 1000

    print(f"replay step on 30 × 10, headless 160 × 48 (wall / CPU ms, medians; goal <= {GOAL_MS:g} ms):")
    print(f"  a key bound to nothing (the harness): {median('idle', 0):.1f} / {median('idle', 1):.1f}")
    for name, label in (("first", "first visit of a phase"), ("again", "stepping back and forth")):
        wall = median(name, 0) - median("idle", 0)
        cpu = median(name, 1) - median("idle", 1)
        verdict = "ok" if max(wall, cpu) <= GOAL_MS else "TOO SLOW"
        print(f"  {label} ({len(times[name])} steps), less the harness: {wall:.1f} / {cpu:.1f} {verdict}")


if __name__ == "__main__":
    main()
