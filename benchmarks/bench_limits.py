"""Limits: a 500-phase project of 30 中間目的 × 10 施策 opens and saves; peak memory of a
100-phase project; how fast a 200 MB file is refused.

    python benchmarks/bench_limits.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _common import project  # noqa: E402

from pufu.model import FileError, load_project, save_project  # noqa: E402

# VmHWM, not ru_maxrss: on Linux ru_maxrss carries the parent's high-water mark across exec.
PEAK = r"""
import sys
def hwm():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
from pufu.model import load_project, save_project
imported = hwm()
project, stamp = load_project(sys.argv[1])
save_project(project, sys.argv[1], stamp)
print(imported, hwm())
"""


def peak_rss(path: Path) -> tuple[float, float]:
    out = subprocess.run([sys.executable, "-c", PEAK, str(path)], capture_output=True, text=True, check=True)
    imported, peak = (int(x) / 1024 for x in out.stdout.split())
    return imported, peak


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    for phases, purposes in ((100, 10), (500, 30)):
        path = folder / f"p{phases}.pufu.json"
        proj = project(phases, purposes, 10)
        save_project(proj, path, None)
        started = time.perf_counter()
        loaded, stamp = load_project(path)
        opened = time.perf_counter() - started
        started = time.perf_counter()
        save_project(loaded, path, stamp)
        saved = time.perf_counter() - started
        base, peak = peak_rss(path)
        print(
            f"{phases} phases of {purposes} × 10: {path.stat().st_size / 1e6:5.1f} MB, open {opened:5.2f} s, "
            f"save {saved:5.2f} s, peak RSS {peak:5.0f} MB (interpreter and imports alone {base:.0f} MB)"
        )
    huge = folder / "huge.pufu.json"
    with huge.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)
    started = time.perf_counter()
    try:
        load_project(huge)
    except FileError as exc:
        print(f"200 MB file refused in {(time.perf_counter() - started) * 1000:.1f} ms: {exc.message}")


if __name__ == "__main__":
    main()
