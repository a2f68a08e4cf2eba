"""Load and save of a 100-phase project of 10 中間目的 × 10 施策, against json.load / json.dump.

    python benchmarks/bench_core.py

Goals: load-and-validate <= 3 × json.load (run alternately, 15 rounds: medians of wall and of
CPU time); save <= 2 × (json.dump + fsync).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _common import best_of, project  # noqa: E402

from pufu.model import dumps_project, load_project, save_project  # noqa: E402
from pufu.model.store import Stamp  # noqa: E402


def side_by_side(floor: Callable[[], object], ours: Callable[[], object], rounds: int) -> tuple[float, ...]:
    """Medians of wall and CPU time (seconds) of ``floor`` and ``ours``, run alternately so that
    a machine that gets busier slows both alike: floor wall, ours wall, floor CPU, ours CPU."""
    floor(), ours()
    times: list[list[float]] = [[], [], [], []]
    for _ in range(rounds):
        for offset, run in ((0, floor), (1, ours)):
            start, cpu = time.perf_counter(), time.process_time()
            run()
            times[offset].append(time.perf_counter() - start)
            times[offset + 2].append(time.process_time() - cpu)
    return tuple(statistics.median(series) for series in times)


def main() -> None:
    proj = project(100, 10, 10)
    folder = Path(tempfile.mkdtemp())
    path = folder / "bench.pufu.json"
    save_project(proj, path, None)
    size = path.stat().st_size

    def bare_load() -> object:
        with open(path, "rb") as handle:
            return json.load(handle)

    data = bare_load()
    raw_path = folder / "raw.json"

    def bare_save() -> None:
        with open(raw_path, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=2)
            handle.flush()
            os.fsync(handle.fileno())

    stamp = Stamp.of(path.read_bytes())

    def pufu_save() -> None:
        nonlocal stamp
        stamp = save_project(proj, path, stamp)

    floor_load, pufu_load, floor_cpu, pufu_cpu = side_by_side(bare_load, lambda: load_project(path), 15)
    floor_save = best_of(bare_save)
    save = best_of(pufu_save)

    tracemalloc.start()
    load_project(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(f"project: 100 phases of 10 × 10, {size / 1e6:.1f} MB")
    print(
        f"load+validate  {pufu_load * 1000:7.1f} ms   json.load         {floor_load * 1000:7.1f} ms   "
        f"ratio {pufu_load / floor_load:4.2f}×  (goal <= 3×); CPU {pufu_cpu / floor_cpu:4.2f}×"
    )
    print(f"save (atomic)  {save * 1000:7.1f} ms   json.dump + fsync {floor_save * 1000:7.1f} ms   ratio {save / floor_save:4.2f}×  (goal <= 2×)")
    print(f"peak memory of a load: {peak / 1e6:.1f} MB (tracemalloc)")
    print(f"text only: dumps {best_of(lambda: dumps_project(proj)) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
