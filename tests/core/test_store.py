"""The project file: saves are atomic and conflict-aware; bad input is refused in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pufu.model import (
    FORMAT_VERSION,
    ConflictError,
    FileError,
    Project,
    dumps_project,
    load_project,
    save_project,
    store,
)

from .helpers import sample_session


def saved(tmp_path: Path) -> tuple[Path, Project]:
    session, _ = sample_session()
    session.project.snapshot("計画", "始まり", "2026-04-01")
    path = tmp_path / "plan.pufu.json"
    save_project(session.project, path, None)
    return path, session.project


def test_save_then_load_gives_the_same_project(tmp_path: Path) -> None:
    path, project = saved(tmp_path)
    loaded, stamp = load_project(path)
    assert dumps_project(loaded) == dumps_project(project)
    assert loaded.draft == project.draft
    assert stamp == store.Stamp.of(path.read_bytes())


def test_the_file_is_stable_and_readable(tmp_path: Path) -> None:
    path, project = saved(tmp_path)
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n") and "\n  \"title\": " in text
    assert "セルフサービス" in text  # not \\u escapes
    keys = list(json.loads(text))
    assert keys == ["format", "version", "title", "phases", "draft", "notes"]
    save_project(project, path, store.Stamp.of(path.read_bytes()))
    assert path.read_text(encoding="utf-8") == text


def test_a_small_change_makes_a_small_diff(tmp_path: Path) -> None:
    path, project = saved(tmp_path)
    before = path.read_text(encoding="utf-8").splitlines()
    project.draft.set_text(project.draft.goal, "新しい目標")
    save_project(project, path, store.Stamp.of(path.read_bytes()))
    after = path.read_text(encoding="utf-8").splitlines()
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert len(changed) == 1


@pytest.mark.usefixtures("english")
def test_save_refuses_when_the_file_changed_on_disk(tmp_path: Path) -> None:
    path, project = saved(tmp_path)
    _, stamp = load_project(path)
    path.write_text(path.read_text(encoding="utf-8").replace("計画", "誰かの変更"), encoding="utf-8")
    with pytest.raises(ConflictError, match="changed on disk"):
        save_project(project, path, stamp)
    assert "誰かの変更" in path.read_text(encoding="utf-8")
    save_project(project, path, stamp, force=True)
    assert "誰かの変更" not in path.read_text(encoding="utf-8")


def test_save_refuses_to_replace_a_file_it_never_read(tmp_path: Path) -> None:
    path = tmp_path / "broken.pufu.json"
    path.write_text("{ this is not json", encoding="utf-8")
    with pytest.raises(FileError):
        load_project(path)
    with pytest.raises(ConflictError):
        save_project(Project(), path, None)
    assert path.read_text(encoding="utf-8") == "{ this is not json"


def test_a_failed_save_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, project = saved(tmp_path)
    original = path.read_bytes()

    def full_disk(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store.os, "fsync", full_disk)
    with pytest.raises(FileError, match="No space left"):
        save_project(project, path, store.Stamp.of(original), force=True)
    assert path.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pufu.json"]


def test_saving_keeps_the_file_mode(tmp_path: Path) -> None:
    path, project = saved(tmp_path)
    path.chmod(0o640)
    save_project(project, path, store.Stamp.of(path.read_bytes()))
    assert path.stat().st_mode & 0o777 == 0o640


def valid_text(tmp_path: Path) -> str:
    path, _ = saved(tmp_path)
    return path.read_text(encoding="utf-8")


BAD_INPUTS = {
    "truncated": (lambda t: t[: len(t) // 2].encode(), r"line \d+ column \d+"),
    "wrong type": (lambda t: t.replace('"title": "セルフサービス立ち上げ"', '"title": 12').encode(), r"\$\.title"),
    "unknown colour": (lambda t: t.replace('"color": "red"', '"color": "purple"', 1).encode(), r"\$\.phases\[0\]\.chart\.measures\[0\]\.color"),
    "unknown comment colour": (lambda t: t.replace('"color": "blue"', '"color": "pink"', 1).encode(), r"\$\.phases\[0\]\.chart\.gainingGoal\.comment\.color"),
    "missing key": (lambda t: t.replace('"draft": {', '"drafts": {', 1).encode(), r"\$\.draft"),
    "progress out of range": (lambda t: t.replace('"progress": 40', '"progress": 140', 1).encode(), r"progress"),
    "invalid utf-8": (lambda t: t.encode().replace("計画".encode(), b"\xff\xfe"), r"line \d+ \(byte \d+\): not valid UTF-8"),
    "bom": (lambda t: b"\xef\xbb\xbf" + t.encode(), r"byte-order mark"),
    "duplicate ids": (None, r"duplicate id"),
    "dangling link": (None, r"no measure with id"),
    "newer version": (lambda t: t.replace(f'"version": {FORMAT_VERSION}', '"version": 7').encode(), r"newer"),
    "not an object": (lambda t: b"[1, 2, 3]", r"\$"),
    "empty": (lambda t: b"", r"not valid JSON"),
    "deep nesting": (lambda t: b"[" * 100000 + b"]" * 100000, r"not valid JSON"),
    "huge number": (lambda t: t.replace('"progress": 40', '"progress": ' + "9" * 5000, 1).encode(), r"number out of range at line \d+"),
    "phase renumbered": (lambda t: t.replace('"number": 1', '"number": 3').encode(), r"numbered"),
    "pufu-editor file": (lambda t: b'{"winCondition": {}, "gainingGoal": {}}', r"pufu import"),
}


def _dupe(text: str) -> bytes:
    data = json.loads(text)
    data["draft"]["purposes"][1]["id"] = data["draft"]["purposes"][0]["id"]
    return json.dumps(data, ensure_ascii=False).encode()


def _dangling(text: str) -> bytes:
    data = json.loads(text)
    data["draft"]["purposes"][0]["measures"].append("ghost")
    return json.dumps(data, ensure_ascii=False).encode()


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_is_refused_in_one_line_naming_file_and_place(tmp_path: Path, case: str) -> None:
    make, pattern = BAD_INPUTS[case]
    text = valid_text(tmp_path)
    raw = {"duplicate ids": _dupe, "dangling link": _dangling}.get(case, make)(text)
    path = tmp_path / "bad.pufu.json"
    path.write_bytes(raw)
    with pytest.raises(FileError) as caught:
        load_project(path)
    message = str(caught.value)
    assert message.startswith(str(path) + ": ")
    assert "\n" not in message
    assert __import__("re").search(pattern, message), message


@pytest.mark.usefixtures("english")
def test_a_folder_a_missing_file_and_a_huge_file_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(FileError, match="is a folder"):
        load_project(tmp_path)
    with pytest.raises(FileError, match="no such file"):
        load_project(tmp_path / "missing.pufu.json")
    huge = tmp_path / "huge.pufu.json"
    with huge.open("wb") as handle:
        handle.truncate(store.MAX_FILE_BYTES + 1)
    with pytest.raises(FileError, match="MiB"):
        load_project(huge)
