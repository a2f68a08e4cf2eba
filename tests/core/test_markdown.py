"""Markdown export writes any text literally and never breaks the list."""

from __future__ import annotations

from pufu.export.markdown import chart_markdown, md_text
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
    assert "      - コメント（緑）: できた<br>よかった" in lines


def test_english_labels() -> None:
    text = chart_markdown(Chart(), "en")
    assert text.startswith("- Gaining goal: \n- Win condition: ")
