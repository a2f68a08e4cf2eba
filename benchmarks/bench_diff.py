"""Diff of two phases of 1,000 and of 10,000 parts: the time must grow linearly.

    python benchmarks/bench_diff.py

Goal: diff(10,000 parts) <= 12 × diff(1,000 parts), both when the phases share ids (pufu's own
snapshots) and when every id is fresh and parts are matched by text (pufu-editor phase maps).
The floor is a plainly linear pass over the same charts (copying them): on a busy machine even
that grows more than 10× (caches), so the diff's growth is also shown per the floor's, scaled
to 10×.
About a tenth of the parts change: texts, colours, progress, comments, removals, additions,
re-links and moves.
"""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _common import chart  # noqa: E402

from pufu.model import Chart  # noqa: E402
from pufu.model.diff import diff  # noqa: E402

GOAL = 12.0
MEASURES = 32  # 施策 per 中間目的


def next_phase(a: Chart) -> Chart:
    """A copy of ``a`` with about a tenth of its parts changed in every way a diff reports."""
    b = a.copy()
    purposes = b.purposes()
    for i, purpose in enumerate(purposes):
        measures = b.measures_of(purpose)
        if i % 10 == 0:
            b.set_text(purpose, b.part(purpose).text + "（改）")
        b.set_color(measures[0], "yellow")
        b.set_progress(measures[1], 100)
        b.set_comment(measures[2], "red", "未達")
        b.remove_measure(measures[3])
        b.add_measure(purpose, f"新しい施策{i}")
        b.move_measure(measures[5], purpose, -2)
        if i + 1 < len(purposes):
            b.link_measure(measures[6], purposes[i + 1])
    b.move_purpose(purposes[-1], -(len(purposes) - 1))
    return b


def fresh_ids(chart_: Chart) -> Chart:
    """The same sheet with every id new (as a pufu-editor phase map gives it)."""
    data = chart_.to_data().model_dump()
    rename = {}

    def new(old: str) -> str:
        rename.setdefault(old, f"x{len(rename)}")
        return rename[old]

    for key in ("gainingGoal", "winCondition"):
        data[key]["id"] = new(data[key]["id"])
    for part in data["elements"].values():
        part["id"] = new(part["id"])
    for measure in data["measures"]:
        measure["id"] = new(measure["id"])
    for purpose in data["purposes"]:
        purpose["id"] = new(purpose["id"])
        purpose["measures"] = [rename[m] for m in purpose["measures"]]
    from pufu.model.fileformat import ChartData

    return Chart.from_data(ChartData.model_validate(data))


def pair(parts: int, renamed: bool) -> tuple[Chart, Chart, int]:
    purposes = max(1, round((parts - 10) / (MEASURES + 1)))
    a = chart(purposes, MEASURES)
    b = next_phase(a)
    if renamed:
        b = fresh_ids(b)
    return a, b, len(a)


def timings(pairs: dict[int, tuple[Chart, Chart]], repeat: int = 9) -> dict[str, dict[int, float]]:
    """The fastest of several runs per size, in CPU seconds, of the diff and of the floor (a
    plainly linear pass over the same data: copying both charts). Sizes alternate within a
    round so that a busy machine slows both alike; the charts are left out of garbage
    collection."""
    best: dict[str, dict[int, float]] = {"diff": {}, "floor": {}}
    jobs = {
        "diff": lambda a, b: diff(a, b),
        "floor": lambda a, b: (a.copy(), b.copy()),
    }
    gc.collect()
    gc.freeze()
    try:
        for _ in range(repeat):
            for size, (a, b) in pairs.items():
                for name, job in jobs.items():
                    start = time.process_time()
                    job(a, b)
                    spent = time.process_time() - start
                    best[name][size] = min(best[name].get(size, spent), spent)
    finally:
        gc.unfreeze()
    return best


def calls_per_part(a: Chart, b: Chart) -> float:
    """Python function calls the diff makes, per part: a count, so free of timing noise."""
    import cProfile
    import pstats

    profile = cProfile.Profile()
    profile.enable()
    diff(a, b)
    profile.disable()
    return pstats.Stats(profile).total_calls / len(a)


def main() -> None:
    print(f"{'ids':>8} {'parts':>7} {'changes':>8} {'diff ms':>9} {'floor ms':>9}")
    for renamed in (False, True):
        built = {size: pair(size, renamed) for size in (1_000, 10_000)}
        best = timings({size: (a, b) for size, (a, b, _) in built.items()})
        for size, (a, b, n) in built.items():
            print(
                f"{'fresh' if renamed else 'shared':>8} {n:>7} {len(diff(a, b)):>8} "
                f"{best['diff'][size] * 1000:>9.1f} {best['floor'][size] * 1000:>9.1f}"
            )
        ratio = best["diff"][10_000] / best["diff"][1_000]
        floor = best["floor"][10_000] / best["floor"][1_000]
        verdict = "ok" if ratio <= GOAL else ("ok against the floor" if ratio / floor * 10 <= GOAL else "TOO SLOW")
        print(
            f"  10,000 / 1,000 parts: diff {ratio:.1f}×, floor {floor:.1f}× "
            f"(diff per floor: {ratio / floor * 10:.1f}×; goal <= {GOAL:g}×) {verdict}"
        )
        calls = {size: calls_per_part(a, b) for size, (a, b, _) in built.items()}
        print(
            f"  function calls per part: {calls[1_000]:.1f} at 1,000, {calls[10_000]:.1f} at 10,000 "
            f"(equal counts mean linear work; the rest of any timing excess is the memory hierarchy)"
        )


if __name__ == "__main__":
    main()
