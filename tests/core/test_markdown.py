"""Markdown export writes any text literally and never breaks the list."""

from __future__ import annotations

from pathlib import Path

from pufu.export.markdown import chart_markdown, md_text
from pufu.interop.pufu_editor import import_file
from pufu.model import Chart


def test_special_characters_are_escaped_and_newlines_become_br() -> None:
    assert md_text("a\nb\r\nc") == "a<br>b<br>c"
    assert md_text("<script>&") == "&lt;script&gt;&amp;"
    assert md_text("*bold* _it_ [link](x) `code` |t| \\") == "\\*bold\\* \\_it\\_ \\[link\\](x) \\`code\\` \\|t\\| \\\\"
    assert md_text("bell\x07") == "bell\u2407"


def test_every_part_stays_on_its_own_list_line() -> None:
    chart = Chart()
    chart.set_text(chart.goal, "目標\n- 偽の項目\n# 見出し")
    p = chart.add_purpose("状態「A」。")
    m = chart.add_measure(p, "施策\r\n2行目", progress=60)
    chart.set_comment(m, "green", "できた\nよかった")
    lines = chart_markdown(chart).splitlines()
    assert all(line.lstrip().startswith("- ") for line in lines)
    assert lines[0] == "- 獲得目標: 目標<br>- 偽の項目<br># 見出し"
    assert "    - 施策1-1: 施策<br>2行目 (60%)" in lines
    assert "      - 施策1-1のコメント（緑）: できた<br>よかった" in lines


def test_english_labels() -> None:
    text = chart_markdown(Chart(), "en")
    assert text.startswith("- Gaining goal: \n- Win condition: ")


def test_each_copy_of_a_shared_measure_shows_its_own_progress(interop: Path) -> None:
    # in the editor's file, the 施策 is blue at 30 % under 中間目的1 and white, no progress, under 中間目的2
    chart = import_file(interop / "storybook-shared-measure.json").project.draft
    lines = chart_markdown(chart).splitlines()
    text = "プ譜の共有を通してプロジェクトに取り組む人たちを繋げ、その人達を活気づける"
    assert f"    - 施策1-4: {text} (30%)" in lines
    assert f"    - 施策2-3: {text}" in lines


def test_comments_are_labelled_as_pufu_editor_labels_them(interop: Path) -> None:
    project = import_file(interop / "generator-four-phase-sample.json").project
    lines = chart_markdown(project.phase_chart(2)).splitlines()
    assert "  - 獲得目標のコメント: 要件定義は概ね完了。追加要件が2件発生" in lines  # blue: as the editor writes it
    assert "  - 勝利条件のコメント（緑）: 合意は達成したが、一部要件の優先度について再調整が必要" in lines
    assert "    - 中間目的2のコメント（赤）: 技術要件は概ね確定したが、インフラ部分に未確定事項あり" in lines
    assert "      - 施策1-1のコメント（緑）: 市場調査完了、有益な知見を獲得" in lines
    assert "    - ひとのコメント（赤）: デザイナーが途中参加で立ち上がりに時間を要した" in lines
    english = chart_markdown(project.phase_chart(2), "en").splitlines()
    assert "  - Win condition comment (green): 合意は達成したが、一部要件の優先度について再調整が必要" in english


def test_a_labelled_comment_is_still_escaped() -> None:
    chart = Chart()
    chart.set_comment(chart.goal, "blue", "# 見出し\n- 偽の項目 <b>*x*</b>")
    assert chart_markdown(chart).splitlines()[1] == (
        "  - 獲得目標のコメント: \\# 見出し<br>- 偽の項目 &lt;b&gt;\\*x\\*&lt;/b&gt;"
    )
