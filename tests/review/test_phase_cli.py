"""Correcting a recorded phase (pufu phase amend), dates out of order, and naming parts for notes."""

from __future__ import annotations

import json
import unicodedata

import pytest

from pufu.cli.main import main
from pufu.model import load_project

from .helpers import saved, story


def lines(text: str) -> list[str]:
    return text.splitlines()


# ---------------------------------------------------------------------- amend


def test_amending_a_phase_corrects_title_date_and_note_and_records_the_amendment(tmp_path, capsys) -> None:
    path = saved(story(), tmp_path)
    before = load_project(path)[0].phases[1]
    assert main(["phase", "amend", str(path), "2", "--title", "2月の感想戦", "--date", "2026-02-03", "--note", "ひと月たった"]) == 0
    assert "局面 2 を訂正しました: タイトル「計画の振り返り」→「2月の感想戦」" in capsys.readouterr().err
    phase = load_project(path)[0].phases[1]
    assert (phase.title, phase.date, phase.happened) == ("2月の感想戦", "2026-02-03", "ひと月たった")
    assert phase.chart == before.chart  # the chart of a phase never changes
    assert [(a.field, a.old, a.new) for a in phase.amendments or []] == [
        ("title", "計画の振り返り", "2月の感想戦"),
        ("date", "2026-02-02", "2026-02-03"),
        ("happened", "1か月たった", "ひと月たった"),
    ]
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["phases"][1]["amendments"][0]["when"].endswith("+00:00")
    assert "amendments" not in raw["phases"][0]  # an unamended phase is written as before

    assert main(["phases", str(path)]) == 0
    listed = lines(capsys.readouterr().out)
    assert listed[0] == "1\t計画\t2026-01-05\tキックオフ"  # unamended: as before
    assert listed[1] == "2\t2月の感想戦\t2026-02-03\tひと月たった\t（訂正 3 件）"
    assert main(["phases", str(path), "2"]) == 0
    shown = capsys.readouterr().out
    assert "タイトル「計画の振り返り」→「2月の感想戦」" in shown and "日付「2026-02-02」→「2026-02-03」" in shown


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["2", "--title", ""], "a phase title cannot be empty"),
        (["2", "--title", " \u3000"], "a phase title cannot be empty"),
        (["2", "--date", "2026-02-30"], "a phase date is written YYYY-MM-DD; got '2026-02-30'"),
        (["2", "--date", "20260203"], "a phase date is written YYYY-MM-DD"),
        (["9", "--title", "x"], "there is no phase 9; phases are 1 to 3"),
        (["2"], "nothing to amend: give --title, --date or --note"),
    ],
    ids=["empty-title", "blank-title", "bad-date", "compact-date", "unknown-phase", "no-field"],
)
def test_an_amendment_that_cannot_be_made_is_one_line_naming_the_file(tmp_path, capsys, args, message) -> None:
    path = saved(story(), tmp_path)
    before = path.read_bytes()
    assert main(["--lang", "en", "phase", "amend", str(path), *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"pufu: error: {path}: ") and message in err and err.count("\n") == 1
    assert path.read_bytes() == before


def test_a_date_out_of_order_is_recorded_with_a_warning(tmp_path, capsys) -> None:
    path = saved(story(), tmp_path)  # phases dated 2026-01-05, 2026-02-02, 2026-03-02
    assert main(["--lang", "en", "snapshot", str(path), "--title", "late", "--date", "2026-02-15"]) == 0
    err = capsys.readouterr().err
    assert "pufu: warning: phase 4 is dated 2026-02-15, before phase 3 (2026-03-02)" in err
    assert [p.title for p in load_project(path)[0].phases][-1] == "late"  # recorded all the same
    assert main(["--lang", "en", "snapshot", str(path), "--title", "in order", "--date", "2026-04-01"]) == 0
    assert "warning" not in capsys.readouterr().err
    assert main(["--lang", "en", "phase", "amend", str(path), "1", "--date", "2026-02-10"]) == 0
    err = capsys.readouterr().err
    assert "pufu: warning: phase 1 is dated 2026-02-10, after phase 2 (2026-02-02)" in err
    assert load_project(path)[0].phases[0].date == "2026-02-10"


# ---------------------------------------------------------------------- parts for notes


def test_phases_n_lists_the_parts_with_short_ids_that_note_part_takes(tmp_path, capsys) -> None:
    project = story()
    path = saved(project, tmp_path)
    assert main(["phases", str(path), "2"]) == 0
    listing = lines(capsys.readouterr().out)
    assert listing[0] == "局面 2\t計画の振り返り\t2026-02-02"
    rows = [row.split("\t") for row in listing if row.count("\t") == 2 and not row.startswith("局面")]
    measure = next(row for row in rows if row[2] == "週次で問い合わせを分類する")
    assert measure[1] == "施策" and len(measure[0]) == 8
    assert ["獲得目標", "勝利条件", "中間目的1", "中間目的2"] == [row[1] for row in rows[:4]]
    assert main(["note", str(path), "--phase", "2", "--part", measure[0], "--author", "a", "--kind", "bad", "x"]) == 0
    note = load_project(path)[0].notes[-1]
    assert note.part is not None and note.part.startswith(measure[0])


def test_note_part_takes_an_unambiguous_start_of_a_text_or_of_an_id(tmp_path) -> None:
    project = story()
    path = saved(project, tmp_path)
    goal = project.phase_chart(1).goal
    assert main(["note", str(path), "--phase", "1", "--part", "検索語", "--author", "a", "--kind", "lesson", "x"]) == 0
    assert main(["note", str(path), "--phase", "1", "--part", " 上位20件の ", "--author", "a", "--kind", "good", "y"]) == 0
    assert main(["note", str(path), "--phase", "1", "--part", goal[:5], "--author", "a", "--kind", "good", "z"]) == 0
    saved_project = load_project(path)[0]
    chart = saved_project.phase_chart(1)
    assert [chart.part(n.part).text for n in saved_project.notes if n.part] == [
        "検索語を毎週見る", "上位20件の記事を書く", "顧客が自分で解決できるサポート"
    ]


def test_note_part_with_kana_typed_decomposed_finds_the_part(tmp_path) -> None:
    project = story()
    project.draft.add_measure(project.draft.purposes()[0], "ガイドを作る")
    project.snapshot("ガイド", "", "2026-04-01")
    path = saved(project, tmp_path)
    typed = unicodedata.normalize("NFD", "ガイド")
    assert typed != "ガイド"
    assert main(["note", str(path), "--phase", "4", "--part", typed, "--author", "a", "--kind", "good", "x"]) == 0
    saved_project = load_project(path)[0]
    assert saved_project.phase_chart(4).part(saved_project.notes[-1].part).text == "ガイドを作る"


def test_an_ambiguous_part_lists_the_candidates_and_an_unknown_one_names_the_file(tmp_path, capsys) -> None:
    path = saved(story(), tmp_path)
    before = path.read_bytes()
    assert main(["--lang", "en", "note", str(path), "--phase", "1", "--part", "問い合わせ", "--author", "a", "--kind", "good", "x"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"pufu: error: {path}: 2 parts of phase 1 match “問い合わせ”: ") and err.count("\n") == 1
    assert "Win condition「問い合わせ率が半減している」" in err and "「問い合わせ理由が製品に届いている状態」" in err
    assert main(["--lang", "en", "note", str(path), "--phase", "1", "--part", "ない", "--author", "a", "--kind", "good", "x"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"pufu: error: {path}: phase 1 has no part whose id or text starts with “ない”")
    assert "pufu phases PROJECT 1" in err
    assert path.read_bytes() == before


def test_a_file_without_amendments_loads_and_an_amendment_of_the_chart_is_refused(tmp_path, capsys) -> None:
    path = saved(story(), tmp_path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert all("amendments" not in phase for phase in raw["phases"])  # as files were before
    assert main(["phases", str(path)]) == 0 and "訂正" not in capsys.readouterr().out
    raw["phases"][0]["amendments"] = [{"when": "2026-01-06T09:00:00+00:00", "field": "chart", "old": "", "new": ""}]
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    assert main(["--lang", "en", "phases", str(path)]) == 2
    err = capsys.readouterr().err
    assert "$.phases[0].amendments[0].field" in err and err.count("\n") == 1


def test_an_amendment_whose_bytes_are_not_utf8_is_refused_with_nothing_written(tmp_path) -> None:
    import os
    import subprocess
    import sys

    path = saved(story(), tmp_path)
    before = path.read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "pufu.cli.main", "--lang", "en", "phase", "amend", os.fsencode(path), "1", "--title", b"ok\xff"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert done.stderr == "pufu: error: the value of --title is not UTF-8 text; nothing was written\n"
    assert path.read_bytes() == before


def test_an_editor_saving_over_a_phase_amended_on_disk_merges_without_a_duplicate(tmp_path) -> None:
    from pufu.model.document import Document, losses, merge_from_disk

    path = saved(story(), tmp_path)
    mine = Document.open(path)  # the editor, opened before the amendment
    mine.project.snapshot("わたしの局面", "", "2026-04-05")
    assert main(["phase", "amend", str(path), "1", "--title", "1月の計画"]) == 0  # meanwhile, the CLI
    disk = load_project(path)[0]
    merged = merge_from_disk(mine.project, disk)
    assert [(p.number, p.title) for p in merged.phases] == [
        (1, "1月の計画"), (2, "計画の振り返り"), (3, "ブランドへ"), (4, "わたしの局面")
    ]
    lost = losses(mine.project, disk, mine.base)
    assert ("phase", "1", "1月の計画", "2026-01-05") in lost.overwrite  # overwriting loses the correction
    assert lost.reload == [("phase", "4", "わたしの局面", "2026-04-05")]


def test_amendments_and_snapshots_run_at_once_all_land(tmp_path) -> None:
    import os
    import subprocess
    import sys

    path = saved(story(), tmp_path)
    commands = [
        ["phase", "amend", str(path), "1", "--title", "一月"],
        ["phase", "amend", str(path), "2", "--note", "二月に起きたこと"],
        ["phase", "amend", str(path), "3", "--date", "2026-03-03"],
        ["snapshot", str(path), "--title", "四", "--date", "2026-04-01"],
        ["snapshot", str(path), "--title", "五", "--date", "2026-04-01"],
    ]
    env = {**os.environ, "PUFU_LANG": "en"}
    running = [
        subprocess.Popen([sys.executable, "-m", "pufu.cli.main", *c], stderr=subprocess.PIPE, text=True, env=env)
        for c in commands
    ]
    for process in running:
        assert process.wait(timeout=120) == 0, process.stderr.read() if process.stderr else ""
    project = load_project(path)[0]
    assert [p.title for p in project.phases[:3]] == ["一月", "計画の振り返り", "ブランドへ"]
    assert project.phases[1].happened == "二月に起きたこと" and project.phases[2].date == "2026-03-03"
    assert sorted(p.title for p in project.phases[3:]) == ["五", "四"]
    assert [len(p.amendments or []) for p in project.phases] == [1, 1, 1, 0, 0]
