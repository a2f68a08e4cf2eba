"""pufu as git's drivers: a merge of a 100-phase project, and ``git log -p`` over 100 commits.

    python benchmarks/bench_git.py

Figures, each against plain git in the same run:

- merge: both sides add 3 phases and change 20 parts of a 100-phase project of 10 中間目的 × 10
  施策: ``merge()`` in-process, and the whole ``pufu git merge-driver`` process, against
  ``git merge-file`` on the same three files (git's line merge, which would conflict or
  corrupt);
- log: ``git log -p`` over 100 commits of a project (one phase and one change per commit) with
  the textconv (two processes per commit) against ``git log -p --no-textconv`` (JSON lines), and
  ``git log -p --ext-diff`` (the full pufu diff, one process per commit) over 10 commits.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _common import best_of, project  # noqa: E402

from pufu.model import dumps_project, loads_project  # noqa: E402
from pufu.model.merge import merge  # noqa: E402

PUFU = str(Path(sys.executable).parent / "pufu")


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True)


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(HOME=str(home), GIT_CONFIG_NOSYSTEM="1", GIT_PAGER="cat", PUFU_LANG="ja")
    return env


def _timed(func) -> float:  # noqa: ANN001
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def bench_merge(folder: Path, env: dict[str, str]) -> None:
    base = project(100, 10, 10)
    text = dumps_project(base)
    ours, theirs = loads_project("o", text.encode()), loads_project("t", text.encode())
    measures = base.draft.measures()
    for index, side in enumerate((ours, theirs)):
        for measure in measures[index * 20 : index * 20 + 20]:
            side.draft.set_progress(measure, 55 + index)
        side.draft.add_measure(base.draft.purposes()[index], f"side {index} adds")
        for n in range(3):
            side.snapshot(f"side {index} phase {n}", date=f"2026-03-{10 + n + index:02d}")
    files = {}
    for name, side in (("base", base), ("ours", ours), ("theirs", theirs)):
        files[name] = folder / f"{name}.pufu.json"
        files[name].write_text(dumps_project(side), encoding="utf-8")
    size = files["ours"].stat().st_size / 1e6

    in_process = best_of(lambda: merge(base, ours, theirs), repeat=3)
    result = merge(base, ours, theirs)
    assert result.clean and len(result.project.phases) == 106

    work = folder / "work.pufu.json"

    def driver() -> None:
        shutil.copy(files["ours"], work)
        done = _run([PUFU, "git", "merge-driver", str(files["base"]), str(work), str(files["theirs"]), "p"], folder, env)
        assert done.returncode == 0, done.stderr

    def plain() -> None:
        _run(["git", "merge-file", "-p", str(files["ours"]), str(files["base"]), str(files["theirs"])], folder, env)

    process = best_of(driver, repeat=3)
    floor = best_of(plain, repeat=3)
    print(f"merge of a 100-phase project ({size:.1f} MB; both sides +3 phases, 20 parts changed)")
    print(f"  merge() in-process          {in_process * 1000:8.0f} ms")
    print(f"  pufu git merge-driver       {process * 1000:8.0f} ms   {process / floor:6.1f} × git merge-file")
    print(f"  git merge-file (line merge) {floor * 1000:8.0f} ms")


def bench_log(folder: Path, env: dict[str, str]) -> None:
    repo = folder / "repo"
    repo.mkdir()
    for args in (
        ["git", "init", "-q", "-b", "main"],
        ["git", "config", "user.name", "bench"],
        ["git", "config", "user.email", "bench@example.com"],
        [PUFU, "git", "enable"],
    ):
        _run(args, repo, env)
    proj = project(0, 10, 10)
    measures = proj.draft.measures()
    path = repo / "plan.pufu.json"
    for n in range(100):
        proj.draft.set_progress(measures[n % len(measures)], n % 101)
        proj.snapshot(f"局面{n + 1}", "進んだ", f"2026-01-{1 + n % 28:02d}")
        path.write_text(dumps_project(proj), encoding="utf-8")
        _run(["git", "add", "-A"], repo, env)
        _run(["git", "commit", "-q", "-m", f"commit {n}"], repo, env)
    size = path.stat().st_size / 1e6

    out: dict[str, int] = {}

    def log(*extra: str) -> None:
        done = _run(["git", "log", "-p", *extra], repo, env)
        assert done.returncode == 0, done.stderr
        out[" ".join(extra)] = len(done.stdout)

    textconv = _timed(lambda: log())
    plain = _timed(lambda: log("--no-textconv"))
    ext = _timed(lambda: log("--ext-diff", "-10"))
    plain10 = _timed(lambda: log("--no-textconv", "-10"))
    print(f"git log -p over 100 commits (the project grows to 100 phases, {size:.1f} MB)")
    print(f"  with pufu's textconv        {textconv:8.2f} s   {textconv / plain:6.1f} × plain git"
          f"   ({textconv / 200 * 1000:.0f} ms per side)   output {out[''] / 1e3:,.0f} kB")
    print(f"  plain git (--no-textconv)   {plain:8.2f} s               output {out['--no-textconv'] / 1e3:,.0f} kB")
    print(f"  --ext-diff, last 10 commits {ext:8.2f} s   {ext / plain10:6.1f} × plain git   ({ext / 10 * 1000:.0f} ms per commit)")


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="pufu-bench-git-"))
    try:
        home = folder / "home"
        home.mkdir()
        env = _env(home)
        bench_merge(folder, env)
        bench_log(folder, env)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
