"""pufu diff, pufu note and pufu report as a user runs them."""

from __future__ import annotations

import json

import pytest

from pufu.cli.main import main
from pufu.model import load_project

from .helpers import saved, story


def test_diff_prints_the_changed_win_condition_first(tmp_path, capsys) -> None:
    path = saved(story(), tmp_path)
    assert main(["diff", str(path), "2", "3"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("局面2 → 局面3")
    assert "!! 勝利条件が変わった: 「問い合わせ率が半減している」 → 「回答がSNSで紹介されている」" in out
    assert out.index("勝利条件が変わった") < out.index("施策「開発との週次レビューを始める」を追加")
    assert "\x1b[" not in out  # not a terminal: no colour


def test_diff_colours_on_request(tmp_path, capsys) -> None:
    path = saved(story(), tmp_path)
    main(["diff", str(path), "1", "2", "--color", "always"])
    line = next(line for line in capsys.readouterr().out.splitlines() if "20件公開" in line)
    assert line.startswith("\x1b[") and "m  ~ " in line  # the green comment, coloured by Rich


def test_diff_in_english(tmp_path, capsys) -> None:
    path = saved(story(), tmp_path)
    main(["--lang", "en", "diff", str(path), "1", "2"])
    out = capsys.readouterr().out
    assert out.startswith("phase 1 → phase 2")
    assert "Measure “上位20件の記事を書く” progress: 20% → 100%" in out


def test_diff_json_carries_the_sides_and_texts_before_and_after(tmp_path, capsys) -> None:
    path = saved(story(), tmp_path)
    assert main(["diff", str(path), "3", "draft", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["from"]["title"] == "ブランドへ" and data["to"] == {"name": "draft"}
    assert data["changes"] == []
    main(["diff", str(path), "1", "3", "-f", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["decisive"]["win"] is True
    win = data["changes"][0]
    assert (win["partKind"], win["before"], win["after"]) == ("win", "問い合わせ率が半減している", "回答がSNSで紹介されている")


@pytest.mark.usefixtures("english")
def test_diff_refuses_a_phase_that_does_not_exist(tmp_path, capsys) -> None:
    path = saved(story(), tmp_path)
    assert main(["diff", str(path), "1", "9"]) == 2
    assert "no phase 9" in capsys.readouterr().err


def test_two_authors_note_the_same_phase_and_the_phase_stays_as_recorded(tmp_path, capsys) -> None:
    path = saved(story(), tmp_path)
    before = load_project(path)[0].phases
    assert main(["note", str(path), "--phase", "2", "--author", "佐藤", "--kind", "good", "閲覧が想定の3倍だった"]) == 0
    assert main([
        "note", str(path), "--phase", "2", "--part", "週次で問い合わせを分類する",
        "--author", "鈴木", "--kind", "bad", "分類を開発に渡す場がなかった",
    ]) == 0
    project = load_project(path)[0]
    assert project.phases == before
    sato, suzuki = project.notes
    assert (sato.author, sato.kind, sato.part) == ("佐藤", "good", None)
    chart = project.phase_chart(2)
    assert chart.part(suzuki.part).text == "週次で問い合わせを分類する"
    assert "鈴木さんの感想（うまくいかなかった）" in capsys.readouterr().err


def test_a_note_names_its_part_by_id_too_and_refuses_an_unknown_one(tmp_path, capsys) -> None:
    project = story()
    path = saved(project, tmp_path)
    win = project.phase_chart(1).win
    assert main(["note", str(path), "--phase", "1", "--part", win, "--author", "a", "--kind", "question", "なぜ半減？"]) == 0
    assert main(["note", str(path), "--phase", "1", "--part", "ない部品", "--author", "a", "--kind", "lesson", "x"]) == 2
    assert "ない部品" in capsys.readouterr().err


def test_a_note_needs_an_author_from_the_option_or_the_settings(tmp_path, capsys, monkeypatch) -> None:
    path = saved(story(), tmp_path)
    monkeypatch.delenv("PUFU_AUTHOR", raising=False)
    assert main(["note", str(path), "--phase", "1", "--kind", "lesson", "x"]) == 2
    assert "--author" in capsys.readouterr().err
    monkeypatch.setenv("PUFU_AUTHOR", "高橋")
    assert main(["note", str(path), "--phase", "1", "--kind", "lesson", "小さく始める"]) == 0
    assert load_project(path)[0].notes[-1].author == "高橋"


def test_the_review_command_refuses_a_project_without_phases(tmp_path, capsys) -> None:
    from pufu.model import Project

    path = saved(Project(title="空"), tmp_path)
    assert main(["review", str(path)]) == 2
    assert "snapshot" in capsys.readouterr().err
