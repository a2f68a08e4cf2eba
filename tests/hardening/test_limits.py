"""Limits, two writers, and failed saves: pufu refuses clearly and never loses saved work."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from pufu.cli.main import main
from pufu.model import ConflictError, FileError, Session, load_project, save_project, store

from ..core.helpers import sample_session


@pytest.mark.usefixtures("english")
def test_a_200_mb_file_is_refused_within_seconds(tmp_path: Path) -> None:
    huge = tmp_path / "huge.pufu.json"
    with huge.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)
    started = time.monotonic()
    with pytest.raises(FileError, match="200.0 MiB; pufu reads files up to 128 MiB"):
        load_project(huge)
    assert time.monotonic() - started < 2


def test_a_file_growing_past_the_limit_while_read_is_refused(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "p.pufu.json"
    path.write_bytes(b"x" * 2000)
    monkeypatch.setattr(store, "MAX_FILE_BYTES", 1000)
    with pytest.raises(FileError):
        store.read_bytes(path, limit=1000)


@pytest.mark.usefixtures("english")
def test_two_writers_the_second_is_told_and_nothing_is_lost(tmp_path: Path) -> None:
    path = tmp_path / "p.pufu.json"
    session, ids = sample_session()
    save_project(session.project, path, None)
    first, first_stamp = load_project(path)
    second, second_stamp = load_project(path)
    first.draft.set_text(ids["m1"], "一人目の変更")
    first_stamp = save_project(first, path, first_stamp)
    second.draft.set_text(ids["m3"], "二人目の変更")
    with pytest.raises(ConflictError, match="changed on disk since pufu read it"):
        save_project(second, path, second_stamp)
    on_disk, _ = load_project(path)
    assert on_disk.draft.part(ids["m1"]).text == "一人目の変更"
    # the second writer still holds its work and may choose to overwrite
    assert second.draft.part(ids["m3"]).text == "二人目の変更"


def test_a_cli_snapshot_while_another_holds_the_file(tmp_path: Path, capsys) -> None:
    path = tmp_path / "p.pufu.json"
    session, ids = sample_session()
    save_project(session.project, path, None)
    editor_copy, stamp = load_project(path)
    assert main(["snapshot", str(path), "--title", "CLIで記録"]) == 0
    editor_copy.draft.set_text(ids["m1"], "画面での変更")
    with pytest.raises(ConflictError):
        save_project(editor_copy, path, stamp)
    assert [p.title for p in load_project(path)[0].phases] == ["CLIで記録"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to a read-only folder")
def test_a_save_into_a_read_only_folder_fails_clearly(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "p.pufu.json"
    session = Session(sample_session()[0].project)
    save_project(session.project, path, None)
    folder.chmod(0o500)
    try:
        with pytest.raises(FileError, match="not saved"):
            save_project(session.project, path, store.Stamp.of(path.read_bytes()))
    finally:
        folder.chmod(0o700)


def test_a_read_only_file_system_is_reported_and_the_file_kept(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "p.pufu.json"
    session, _ = sample_session()
    stamp = save_project(session.project, path, None)
    original = path.read_bytes()

    def read_only(*_args, **_kwargs):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(store.tempfile, "mkstemp", read_only)
    session.project.title = "未保存の変更"
    with pytest.raises(FileError, match="Read-only file system"):
        save_project(session.project, path, stamp)
    assert path.read_bytes() == original
    assert session.project.title == "未保存の変更"


def test_stale_temporary_files_of_killed_saves_are_cleaned_up(tmp_path: Path) -> None:
    path = tmp_path / "p.pufu.json"
    session, _ = sample_session()
    stamp = save_project(session.project, path, None)
    stale = tmp_path / ".p.pufu.json.abc123.tmp"
    fresh = tmp_path / ".p.pufu.json.def456.tmp"
    stale.write_text("half", encoding="utf-8")
    fresh.write_text("in flight", encoding="utf-8")
    old = time.time() - store.STALE_TEMPORARY_SECONDS - 5
    os.utime(stale, (old, old))
    save_project(session.project, path, stamp)
    assert not stale.exists() and fresh.exists()
