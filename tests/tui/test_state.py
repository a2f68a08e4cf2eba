"""Recovery copies and the recent list live in the state folder (PUFU_STATE_DIR)."""

from __future__ import annotations

from pufu.model import Project, Stamp
from pufu.model.recovery import discard_recovery, read_recovery, recovery_path, write_recovery
from pufu.recent import recent_projects, remember


def test_a_recovery_copy_round_trips_and_is_keyed_by_the_absolute_path(tmp_path, state_dir):
    project = Project(title="復元テスト")
    project.draft.set_text(project.draft.goal, "「途中」の文。")
    a, b = tmp_path / "a" / "plan.pufu.json", tmp_path / "b" / "plan.pufu.json"
    write_recovery(a, project, Stamp(3, "abc"))
    assert recovery_path(a) != recovery_path(b)
    assert state_dir in recovery_path(a).parents
    found = read_recovery(a)
    assert found is not None and found.base == Stamp(3, "abc")
    assert found.project().draft.part(project.draft.goal).text == "「途中」の文。"
    assert read_recovery(b) is None
    discard_recovery(a)
    assert read_recovery(a) is None


def test_a_damaged_recovery_copy_is_ignored(tmp_path):
    path = tmp_path / "plan.pufu.json"
    recovery_path(path).parent.mkdir(parents=True)
    recovery_path(path).write_text("{not json", encoding="utf-8")
    assert read_recovery(path) is None


def test_recent_projects_newest_first_without_duplicates_or_missing_files(tmp_path):
    files = []
    for name in ("一.pufu.json", "二.pufu.json", "三.pufu.json"):
        path = tmp_path / name
        path.write_text("{}", encoding="utf-8")
        files.append(path)
        remember(path)
    remember(files[0])
    assert recent_projects() == [files[0], files[2], files[1]]
    files[2].unlink()
    assert recent_projects(limit=1) == [files[0]]
    assert recent_projects() == [files[0], files[1]]
