"""git diff, git log -p and git show of a project, in the method's words."""

from __future__ import annotations

from pufu.model import Project

from .conftest import Repo

PLAN = "plan.pufu.json"


def _work(repo: Repo) -> str:
    m1 = repo.load().draft.measures()[0]

    def edit(p: Project) -> None:
        p.draft.set_progress(m1, 70)
        p.draft.set_text(p.draft.win, "一次解決率が80%を超えている")
        p.snapshot("月末の感想戦", date="2026-02-28")
        p.add_note(2, "佐藤", "lesson", "指標の定義を先に決める")

    repo.edit(PLAN, edit)
    return m1


def test_git_diff_prints_phases_notes_and_draft_changes(repo: Repo) -> None:
    _work(repo)
    out = repo.git("diff").stdout
    assert "+ 局面2「月末の感想戦」 2026-02-28" in out
    assert "+ 感想（局面2・教訓）佐藤: 指標の定義を先に決める" in out
    assert "勝利条件" in out and "一次解決率が80%を超えている" in out
    assert '"progress"' not in out and "\x1b[" not in out  # no JSON, no colour into a pipe


def test_git_log_p_and_show_print_the_methods_words(repo: Repo) -> None:
    _work(repo)
    repo.commit("second phase")
    for args in (("log", "-p", "-1"), ("show",)):
        out = repo.git(*args).stdout
        assert "+局面2「月末の感想戦」 2026-02-28" in out
        assert "+  感想（教訓）佐藤: 指標の定義を先に決める" in out
        assert "+勝利条件: 一次解決率が80%を超えている" in out
        assert '"gainingGoal"' not in out
    ext = repo.git("log", "-p", "--ext-diff", "-1").stdout
    assert "+ 局面2「月末の感想戦」 2026-02-28" in ext and "pufu diff a/plan.pufu.json" in ext


def test_colour_follows_git(repo: Repo) -> None:
    _work(repo)
    repo.env.update(TERM="xterm-256color")
    repo.env.pop("COLORTERM", None)
    assert "\x1b[38;5;28m+ 局面2" in repo.git("-c", "color.diff=always", "diff").stdout  # the palette's green
    assert "\x1b[" not in repo.git("-c", "color.ui=always", "-c", "color.diff=never", "diff").stdout


def test_english_when_pufu_speaks_english(repo: Repo) -> None:
    _work(repo)
    repo.env["PUFU_LANG"] = "en"
    out = repo.git("diff").stdout
    assert '+ phase 2 "月末の感想戦" 2026-02-28' in out


def test_a_damaged_side_prints_a_note_and_no_traceback(repo: Repo) -> None:
    (repo.root / PLAN).write_text('{"format": "pufu", "version": 1, "draft": ', encoding="utf-8")
    out = repo.git("diff")
    assert "Traceback" not in out.stdout + out.stderr
    assert "pufu: b/plan.pufu.json を読めません" in out.stdout
    assert "a/plan.pufu.json" in out.stdout and "bytes" in out.stdout
    repo.commit("damaged")
    shown = repo.git("show")
    assert "Traceback" not in shown.stdout + shown.stderr
    assert "を読めません" in shown.stdout


def test_an_added_project_is_described(repo: Repo) -> None:
    repo.pufu("new", "other.pufu.json")
    repo.git("add", "-N", "other.pufu.json")
    out = repo.git("diff").stdout
    assert "（新しいプロジェクト）" in out and "Traceback" not in out
