"""git merge with pufu as the merge driver: real repositories, real branches."""

from __future__ import annotations

from pufu.model import Project

from .conftest import Repo

PLAN = "plan.pufu.json"


def _first_measure(project: Project) -> str:
    return project.draft.measures()[0]


def _branches(repo: Repo, ours, theirs) -> None:  # noqa: ANN001 - two edits
    repo.git("checkout", "-q", "-b", "theirs")
    repo.edit(PLAN, theirs)
    repo.commit("theirs")
    repo.git("checkout", "-q", "main")
    repo.edit(PLAN, ours)
    repo.commit("ours")


def test_independent_edits_and_phases_on_two_branches_merge_with_nothing_lost(repo: Repo) -> None:
    base = repo.load()
    m1, m2 = base.draft.measures()[:2]
    purpose = base.draft.purposes()[0]

    def theirs(p: Project) -> None:
        p.draft.set_progress(m1, 80)
        p.draft.add_measure(purpose, "theirs が足した施策")
        p.snapshot("theirs の感想戦", date="2026-02-01")
        p.add_note(2, "佐藤", "lesson", "theirs の学び")

    def ours(p: Project) -> None:
        p.draft.set_text(m2, "ours が直した施策")
        p.draft.set_color(m1, "red")
        p.snapshot("ours の中間", date="2026-02-10")
        p.add_note(2, "田中", "good", "ours の気づき")

    _branches(repo, ours, theirs)
    done = repo.git("merge", "-q", "--no-edit", "theirs", check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    project = repo.load()
    assert [p.title for p in project.phases] == ["キックオフ", "theirs の感想戦", "ours の中間"]
    assert {n.text: n.phase for n in project.notes} == {"theirs の学び": 2, "ours の気づき": 3}
    part = project.draft.part(m1)
    assert (str(part.color), part.progress) == ("red", 80)
    assert project.draft.part(m2).text == "ours が直した施策"
    assert "theirs が足した施策" in [project.draft.part(m).text for m in project.draft.measures_of(purpose)]
    assert repo.pufu("check", PLAN, check=False).returncode == 0


def test_the_same_edit_on_both_branches_merges_once(repo: Repo) -> None:
    purpose = repo.load().draft.purposes()[0]

    def edit(p: Project) -> None:
        p.draft.add_measure(purpose, "同じ施策", part_id="same-measure")
        p.snapshot("同じ局面", date="2026-02-01")

    _branches(repo, edit, edit)
    # identical files: git merges them without asking the driver; make them differ elsewhere too
    repo.git("merge", "-q", "--no-edit", "theirs")
    project = repo.load()
    assert [p.title for p in project.phases].count("同じ局面") == 1
    texts = [project.draft.part(m).text for m in project.draft.measures_of(purpose)]
    assert texts.count("同じ施策") == 1


def test_the_same_edit_plus_other_edits_merges_once_through_the_driver(repo: Repo) -> None:
    base = repo.load()
    purpose, m1 = base.draft.purposes()[0], base.draft.measures()[0]

    def theirs(p: Project) -> None:
        p.draft.add_measure(purpose, "同じ施策")
        p.draft.set_progress(m1, 10)

    def ours(p: Project) -> None:
        p.draft.add_measure(purpose, "同じ施策")
        p.title = "ours の名前"

    _branches(repo, ours, theirs)
    repo.git("merge", "-q", "--no-edit", "theirs")
    project = repo.load()
    texts = [project.draft.part(m).text for m in project.draft.measures_of(purpose)]
    assert texts.count("同じ施策") == 1
    assert (project.title, project.draft.part(m1).progress) == ("ours の名前", 10)


def _conflicted(repo: Repo, ours, theirs) -> Project:  # noqa: ANN001
    _branches(repo, ours, theirs)
    done = repo.git("merge", "--no-edit", "theirs", check=False)
    assert done.returncode != 0
    assert "plan.pufu.json" in repo.git("diff", "--name-only", "--diff-filter=U").stdout
    text = (repo.root / PLAN).read_text(encoding="utf-8")
    assert "<<<<<<<" not in text and ">>>>>>>" not in text
    return repo.load()  # still loads


def _goal(text: str):  # noqa: ANN202
    return lambda p: p.draft.set_text(p.draft.goal, text)


def test_a_text_conflict_is_reported_by_check_and_resolves(repo: Repo) -> None:
    project = _conflicted(repo, _goal("ours の獲得目標"), _goal("theirs の獲得目標"))
    assert project.draft.part(project.draft.goal).text == "ours の獲得目標"
    check = repo.pufu("check", PLAN, check=False)
    assert check.returncode == 1
    assert "競合: 獲得目標の文 — ours 「ours の獲得目標」 / theirs 「theirs の獲得目標」" in check.stdout
    english = repo.pufu("--lang", "en", "check", PLAN, check=False)
    assert 'conflict: Gaining goal, text — ours "ours の獲得目標" / theirs "theirs の獲得目標"' in english.stdout
    repo.pufu("git", "resolve", PLAN, "theirs")
    assert repo.pufu("check", PLAN).returncode == 0
    assert repo.load().draft.part(project.draft.goal).text == "theirs の獲得目標"
    repo.commit("merged")
    assert repo.git("status", "--porcelain").stdout == ""


def test_colour_progress_and_comment_conflicts_each_reported_and_resolved(repo: Repo) -> None:
    m1 = _first_measure(repo.load())

    def side(color: str, progress: int, comment: str):  # noqa: ANN202
        def edit(p: Project) -> None:
            p.draft.set_color(m1, color)
            p.draft.set_progress(m1, progress)
            p.draft.set_comment(m1, "red", comment)

        return edit

    project = _conflicted(repo, side("blue", 30, "ours の懸念"), side("yellow", 60, "theirs の懸念"))
    assert sorted(c.where.field for c in project.conflicts) == ["color", "comment", "progress"]
    check = repo.pufu("check", PLAN, check=False).stdout
    assert check.count("競合:") == 3 and "ours 青 / theirs 黄" in check and "ours 30% / theirs 60%" in check
    repo.pufu("git", "resolve", PLAN, "ours", "--part", m1)
    assert repo.pufu("check", PLAN).returncode == 0
    part = repo.load().draft.part(m1)
    assert (str(part.color), part.progress, part.comment.text) == ("blue", 30, "ours の懸念")


def test_a_part_removed_on_one_branch_and_changed_on_the_other(repo: Repo) -> None:
    m1 = _first_measure(repo.load())
    project = _conflicted(repo, lambda p: p.draft.remove_measure(m1), lambda p: p.draft.set_progress(m1, 90))
    (conflict,) = project.conflicts
    assert conflict.ours is None and conflict.theirs["progress"] == 90
    assert "（削除）" in repo.pufu("check", PLAN, check=False).stdout
    repo.pufu("git", "resolve", PLAN, "theirs")
    project = repo.load()
    assert project.draft.part(m1).progress == 90 and project.draft.purposes_of(m1)
    assert repo.pufu("check", PLAN).returncode == 0


def test_a_side_that_does_not_load_leaves_ours_and_a_conflict(repo: Repo) -> None:
    repo.git("checkout", "-q", "-b", "theirs")
    (repo.root / PLAN).write_text('{"format": "pufu", "version": 1, "draft": 3}\n', encoding="utf-8")
    repo.commit("broken")
    repo.git("checkout", "-q", "main")
    repo.edit(PLAN, _goal("ours"))
    repo.commit("ours")
    done = repo.git("merge", "--no-edit", "theirs", check=False)
    assert done.returncode != 0
    assert "Traceback" not in done.stdout + done.stderr
    assert "theirs" in done.stdout + done.stderr
    assert repo.load().draft.part(repo.load().draft.goal).text == "ours"
