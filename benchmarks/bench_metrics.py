"""Loading a 500-phase project with 10 評価指標 (yardsticks) on every sheet, against the same
project without them; and the trajectory of every yardstick across those phases. Charts of
30 中間目的 × 10 施策 (the 500-phase project of bench_limits.py), then of 10 × 10, where the
yardsticks weigh three times as much.

    python benchmarks/bench_metrics.py

Goal: with yardsticks <= 1.10 × without (CPU time, median of 9 interleaved runs).
"""

from __future__ import annotations

import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _common import chart  # noqa: E402

from pufu.model import Project, load_project, save_project, tracks  # noqa: E402

PHASES = 500
YARDSTICKS = 10


def build(with_metrics: bool, purposes: int) -> Project:
    project = Project(title="ベンチマーク", draft=chart(purposes, 10))
    draft = project.draft
    ids = []
    if with_metrics:
        purposes = draft.purposes()
        for i in range(YARDSTICKS):
            ids.append(
                draft.add_metric(
                    f"評価指標{i}",
                    unit="%",
                    baseline=20.0,
                    target=60.0 + i,
                    direction="higher" if i % 2 else "lower",
                    part=draft.win if i < 4 else purposes[i % len(purposes)],
                    note="管理職と合意した数字",
                )
            )
    for n in range(PHASES):
        draft.set_text(draft.goal, f"局面{n}の目標")
        for i, metric in enumerate(ids):
            draft.set_metric_value(metric, 20 + (n * (i + 1)) % 40 + 0.5)
        project.snapshot(f"局面{n + 1}", "顧客の反応があった", "2026-01-01")
    return project


def main() -> None:
    for purposes in (30, 10):
        compare(purposes)


def compare(purposes: int) -> None:
    folder = Path(tempfile.mkdtemp())
    plain, measured = folder / "plain.pufu.json", folder / "metrics.pufu.json"
    save_project(build(False, purposes), plain, None)
    save_project(build(True, purposes), measured, None)
    times: dict[Path, list[float]] = {plain: [], measured: []}
    # interleaved, so a busy moment hits both alike; CPU time, as other processes share the
    # machine; the median of several runs
    for _ in range(9):
        for path in (plain, measured):
            gc.collect()
            start = time.process_time()
            load_project(path)
            times[path].append(time.process_time() - start)
    without, with_ = statistics.median(times[plain]), statistics.median(times[measured])
    best = min(times[measured]) / min(times[plain])
    project, _ = load_project(measured)
    gc.collect()
    start = time.process_time()
    found = tracks(project)
    tracking = time.process_time() - start
    print(f"project: {PHASES} phases of {purposes} × 10; {YARDSTICKS} yardsticks on every sheet")
    print(f"files: {plain.stat().st_size / 1e6:.1f} MB without, {measured.stat().st_size / 1e6:.1f} MB with")
    print(
        f"load  without {without * 1000:7.1f} ms   with {with_ * 1000:7.1f} ms   "
        f"ratio {with_ / without:4.2f}×  (goal <= 1.10×; best runs: {best:4.2f}×)"
    )
    print(f"tracks of {len(found)} yardsticks over {PHASES} phases: {tracking * 1000:.1f} ms")
    for path in (plain, measured):
        path.unlink()


if __name__ == "__main__":
    main()
