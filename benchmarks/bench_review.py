"""A replay step (→) on a 30 × 10 chart, headless: the screen repainted after the key.

    python benchmarks/bench_review.py

Goal: median <= 50 ms per step. Ten phases of 30 中間目的 × 10 施策 (341 parts), each phase
changing about a tenth of the parts; the app steps forwards through all of them and back,
three times, and each step is timed from the key press until the app is idle again (the sheet,
the changes and the notes rebuilt, laid out and drawn). The test harness's own cost per key
(pressing a key bound to nothing, then waiting for idle) is measured alongside and subtracted.
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


async def run() -> tuple[list[float], list[float]]:
    app = ReviewApp(project(), None, None, lang="ja")
    steps: list[float] = []
    idle: list[float] = []
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()

        async def timed(key: str) -> float:
            start = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            return time.perf_counter() - start

        for _ in range(3):
            for key in ["right"] * (PHASES - 1) + ["left"] * (PHASES - 1):
                steps.append(await timed(key))
                idle.append(await timed("x"))  # a key bound to nothing: the harness's own cost
    return steps, idle


def main() -> None:
    steps, idle = asyncio.run(run())
    step = statistics.median(steps) * 1000
    harness = statistics.median(idle) * 1000
    net = step - harness
    verdict = "ok" if net <= GOAL_MS else "TOO SLOW"
    print(f"replay step on 30 × 10 ({len(steps)} steps, headless 160 × 48):")
    print(f"  key to idle: median {step:.1f} ms; a key bound to nothing: {harness:.1f} ms")
    print(f"  the step's own repaint: {net:.1f} ms (goal: median <= {GOAL_MS:g} ms) {verdict}")


if __name__ == "__main__":
    main()
