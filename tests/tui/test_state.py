"""Recovery copies and the recent list live in the state folder (PUFU_STATE_DIR)."""

from __future__ import annotations

from pufu.model import Project, load_project, save_project
from pufu.model.recovery import Opened, RecoverySession, copies, read_recovery, recovery_dir
from pufu.recent import recent_projects, remember


def test_a_recovery_copy_round_trips_per_session_and_keyed_by_the_resolved_path(tmp_path, state_dir):
    path = tmp_path / "a" / "plan.pufu.json"
    path.parent.mkdir()
    save_project(Project(title="復元テスト"), path, None)
    project, stamp = load_project(path)
    project.snapshot("一", "", "2026-04-01")
    project.draft.set_text(project.draft.goal, "「途中」の文。")
    opened = Opened.of(path, load_project(path)[0], stamp)
    one, two = RecoverySession(path), RecoverySession(path)
    one.write(one.payload(project, opened))
    two.write(two.payload(project, opened))
    assert one.file != two.file and state_dir in one.file.parents
    (tmp_path / "link.pufu.json").symlink_to(path)
    assert len(copies(tmp_path / "link.pufu.json")) == 2  # a link leads to the same copies
    assert [c.file for c in copies(path, exclude=one)] == [two.file]
    found = read_recovery(path)
    rebuilt = found.project(load_project(path)[0])
    assert rebuilt.draft.part(project.draft.goal).text == "「途中」の文。"
    assert [p.title for p in rebuilt.phases] == ["一"]
    assert found.running() and found.base_matches(path) and not found.other_file(load_project(path)[0])
    one.discard()
    assert [c.file for c in copies(path)] == [two.file]  # one session never deletes another's
    two.close()
    assert not read_recovery(path).running()


def test_a_copy_made_against_another_file_at_the_same_path_says_so(tmp_path, state_dir):
    path = tmp_path / "plan.pufu.json"
    save_project(Project(title="前のファイル"), path, None)
    project, stamp = load_project(path)
    session = RecoverySession(path)
    project.draft.set_text(project.draft.goal, "下書き")
    session.write(session.payload(project, Opened.of(path, project, stamp)))
    session.close()
    path.unlink()
    save_project(Project(title="別のファイル"), path, None)
    (found,) = copies(path)
    assert found.other_file(load_project(path)[0]) and not found.base_matches(path)
    assert found.project(load_project(path)[0]).draft.part(project.draft.goal).text == "下書き"


def test_a_damaged_recovery_copy_is_ignored(tmp_path):
    path = tmp_path / "plan.pufu.json"
    recovery_dir().mkdir(parents=True)
    session = RecoverySession(path)
    session.file.write_text("{not json", encoding="utf-8")
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
