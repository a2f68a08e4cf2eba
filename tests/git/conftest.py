"""Real git repositories in temporary folders, with pufu enabled by the real command."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from pufu.model import Project, load_project, save_project

PUFU = str(Path(sys.executable).parent / "pufu")


class Repo:
    def __init__(self, root: Path, env: dict[str, str]) -> None:
        self.root = root
        self.env = env

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(args, cwd=self.root, env=self.env, capture_output=True, text=True)
        if check and done.returncode:
            raise AssertionError(f"{args} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
        return done

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return self.run("git", *args, check=check)

    def pufu(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return self.run(PUFU, *args, check=check)

    def edit(self, name: str, change: Callable[[Project], object]) -> None:
        """Open the project, change it through the model, save it (as the editor does)."""
        project, stamp = load_project(self.root / name)
        change(project)
        save_project(project, self.root / name, stamp)

    def commit(self, message: str) -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)

    def load(self, name: str = "plan.pufu.json") -> Project:
        return load_project(self.root / name)[0]


@pytest.fixture
def git_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_DATE="2026-01-01T00:00:00Z",
        GIT_COMMITTER_DATE="2026-01-01T00:00:00Z",
        GIT_PAGER="cat",
        PAGER="cat",
    )
    for key in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_CONFIG_GLOBAL", "GIT_EXTERNAL_DIFF"):
        env.pop(key, None)
    return env


@pytest.fixture
def bare_repo(tmp_path: Path, git_env: dict[str, str]) -> Repo:
    root = tmp_path / "repo"
    root.mkdir()
    repo = Repo(root, git_env)
    repo.git("init", "-q", "-b", "main")
    repo.git("config", "user.name", "田中")
    repo.git("config", "user.email", "tanaka@example.com")
    return repo


@pytest.fixture
def repo(bare_repo: Repo) -> Repo:
    """A repository with pufu enabled and a project with one phase committed on main."""
    bare_repo.pufu("git", "enable")
    bare_repo.pufu("new", "--template", "inquiry-rate-one-stop", "plan.pufu.json")
    bare_repo.pufu("snapshot", "plan.pufu.json", "--title", "キックオフ", "--date", "2026-01-10")
    bare_repo.commit("base")
    return bare_repo
