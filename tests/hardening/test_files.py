"""Files pufu reads and writes: links stay links, owners and modes stay, nothing blocks on a FIFO,
a key written twice is refused with its place."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pufu.model import FileError, Project, load_project, save_project, write_atomic

PUFU = [sys.executable, "-m", "pufu.cli.main"]


def pufu(*args: str, env: dict[str, str], timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*PUFU, *args], capture_output=True, text=True, env=env, timeout=timeout)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    values = dict(os.environ)
    values.update(
        PUFU_STATE_DIR=str(tmp_path / "state"),
        PUFU_CONFIG_DIR=str(tmp_path / "config"),
        PUFU_LANG="en",
        NO_COLOR="1",
    )
    return values


def project_file(path: Path, title: str = "計画") -> Path:
    save_project(Project(title=title), path, None)
    return path


def test_snapshot_through_a_symlink_keeps_the_link_and_updates_its_target(tmp_path: Path, env: dict[str, str]) -> None:
    (tmp_path / "synced").mkdir()
    target = project_file(tmp_path / "synced" / "plan.pufu.json")
    link = tmp_path / "link.pufu.json"
    link.symlink_to(target)
    done = pufu("snapshot", str(link), "--title", "一回目", env=env)
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert len(load_project(target)[0].phases) == 1


def test_settings_set_on_a_dotfiles_symlink_writes_the_dotfile(tmp_path: Path, env: dict[str, str]) -> None:
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    real = dotfiles / "pufu.toml"
    real.write_text('author = "山田"\n', encoding="utf-8")
    (tmp_path / "config").mkdir()
    link = tmp_path / "config" / "settings.toml"
    link.symlink_to(real)
    done = pufu("settings", "--set", "author=佐藤", env=env)
    assert done.returncode == 0, done.stderr
    assert link.is_symlink()
    assert "佐藤" in real.read_text(encoding="utf-8")


def test_a_save_keeps_mode_and_group(tmp_path: Path) -> None:
    path = project_file(tmp_path / "plan.pufu.json")
    os.chmod(path, 0o640)
    groups = [g for g in os.getgroups() if g != path.stat().st_gid]
    if groups:
        os.chown(path, -1, groups[0])
    before = path.stat()
    write_atomic(path, path.read_bytes())
    after = path.stat()
    assert (after.st_mode & 0o7777, after.st_gid, after.st_uid) == (0o640, before.st_gid, before.st_uid)


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another owner needs root")
def test_a_save_as_root_keeps_another_users_file_theirs(tmp_path: Path) -> None:
    path = project_file(tmp_path / "plan.pufu.json")
    os.chown(path, 12345, 12345)
    project, stamp = load_project(path)
    save_project(project, path, stamp)
    assert (path.stat().st_uid, path.stat().st_gid) == (12345, 12345)


def test_a_hard_link_is_split_by_a_save_as_the_readme_says(tmp_path: Path) -> None:
    path = project_file(tmp_path / "plan.pufu.json", "前")
    other = tmp_path / "other.pufu.json"
    os.link(path, other)
    project, stamp = load_project(path)
    project.title = "後"
    save_project(project, path, stamp)
    assert load_project(path)[0].title == "後"
    assert load_project(other)[0].title == "前"


@pytest.mark.parametrize("where", ["project", "settings", "recent"])
def test_a_fifo_never_blocks_pufu(tmp_path: Path, env: dict[str, str], where: str) -> None:
    project = tmp_path / "plan.pufu.json"
    if where == "project":
        os.mkfifo(project)
        done = pufu("phases", str(project), env=env, timeout=20)
        assert done.returncode == 2
        assert done.stderr.strip() == f"pufu: error: {project}: is a FIFO (named pipe), not a regular file; pufu reads only files"
        return
    project_file(project)
    if where == "settings":
        (tmp_path / "config").mkdir()
        os.mkfifo(tmp_path / "config" / "settings.toml")
        done = pufu("settings", env=env, timeout=20)
        assert done.returncode == 2 and "FIFO" in done.stderr and "settings.toml" in done.stderr
    else:
        (tmp_path / "state").mkdir()
        os.mkfifo(tmp_path / "state" / "recent.json")
        done = pufu("snapshot", str(project), "--title", "一", env=env, timeout=20)
        assert done.returncode == 0, done.stderr


def test_a_save_onto_a_fifo_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "out.pufu.json"
    os.mkfifo(fifo)
    with pytest.raises(FileError, match="FIFO"):
        write_atomic(fifo, b"{}")
    assert fifo.is_fifo()


@pytest.mark.usefixtures("english")
def test_a_key_written_twice_is_refused_with_its_json_path(tmp_path: Path, env: dict[str, str]) -> None:
    path = project_file(tmp_path / "plan.pufu.json")
    text = path.read_text(encoding="utf-8")
    doubled = text.replace('"purposes": [', '"purposes": [], "purposes": [', 1)
    path.write_text(doubled, encoding="utf-8")
    with pytest.raises(FileError, match=r"\$\.draft\.purposes: this key is written twice \(line \d+ column \d+\)"):
        load_project(path)
    done = pufu("snapshot", str(path), "--title", "一", env=env)
    assert done.returncode == 2 and "written twice" in done.stderr
    assert path.read_text(encoding="utf-8") == doubled
