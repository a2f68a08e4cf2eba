"""An amended phase in git diff and in a merge: a correction, not a phase removed and added."""

from __future__ import annotations

from pufu.model import Project

from .conftest import Repo

PLAN = "plan.pufu.json"


def test_git_diff_shows_an_amended_phase_as_a_correction(repo: Repo) -> None:
    repo.edit(PLAN, lambda p: p.amend_phase(1, title="計画（1月）", date="2026-01-11"))
    out = repo.git("diff").stdout
    assert "~ 局面1 を訂正: タイトル「" in out and "→「計画（1月）」" in out and "日付「" in out
    assert "+ 局面1" not in out and "− 局面1" not in out


def test_a_phase_amended_on_either_side_keeps_both_amendments_in_a_merge() -> None:
    from pufu.model.merge import merge

    from .helpers import base_project, copy

    base, _ = base_project()
    ours, theirs = copy(base), copy(base)
    ours.amend_phase(1, title="1月の計画", when="2026-02-01T09:00:00+00:00")
    theirs.amend_phase(1, date="2026-01-06", when="2026-02-02T09:00:00+00:00")
    merged = merge(base, ours, theirs).project.phases
    assert len(merged) == 1
    assert (merged[0].title, merged[0].date, merged[0].happened) == ("1月の計画", "2026-01-06", "")
    assert [a.field for a in merged[0].amendments or []] == ["title", "date"]
    only_theirs = merge(base, copy(base), theirs).project.phases
    assert only_theirs[0].date == "2026-01-06"  # not lost because ours did not amend


def test_a_merged_project_with_amendments_saves_and_loads(tmp_path) -> None:
    from pufu.model import load_project, save_project

    project = Project()
    project.snapshot("計画", "", "2026-01-05")
    project.amend_phase(1, happened="キックオフ")
    save_project(project, tmp_path / "p.pufu.json", None)
    assert load_project(tmp_path / "p.pufu.json")[0].phases[0].amendments == project.phases[0].amendments
