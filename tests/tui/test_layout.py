"""The sheet as text: columns when wide, an outline when narrow, wrapped by display width."""

from __future__ import annotations

from pufu.text import screen_lines, width
from pufu.tui.layout import Slot, lay_out, neighbour

from .conftest import cs_project


def test_japanese_wraps_by_display_width_without_spaces():
    text = "よくある問い合わせ上位20件の記事を書き、「役に立った」ボタンで効果を測る。"
    lines = screen_lines(text, 20)
    assert all(width(line) <= 20 for line in lines)
    assert "".join(lines) == text
    assert len(lines) > 1


def test_lines_do_not_start_with_closing_punctuation_nor_end_with_an_opening_bracket():
    for cells in range(6, 30):
        for line in screen_lines("ＦＡＱを「整備」する。あいうえお、かきくけこ。「さしすせそ」", cells):
            assert not line.startswith(("。", "、", "」")), (cells, line)
            assert not line.endswith("「"), (cells, line)


def test_english_keeps_words_whole():
    assert screen_lines("write the top twenty articles", 12) == ["write the", "top twenty", "articles"]


def test_wide_sheet_reads_like_the_paper_sheet():
    chart = cs_project().draft
    layout = lay_out(chart, 160)
    head = layout.text().splitlines()[0]
    assert head.index("廟算八要素") < head.index("施策") < head.index("中間目的") < head.index("勝利条件") < head.index("獲得目標")
    assert all(width("".join(r.text for r in line)) <= 160 for line in layout.lines)
    text = layout.text()
    for symbol in "●○■◆★":
        assert symbol in text
    assert "50%" in text and "100%" in text
    assert "[達成] 10件公開済み" in text and "[問題] 担当者が足りない" in text


def test_a_measure_serving_two_purposes_is_drawn_under_both_with_a_line_to_each():
    chart = cs_project().draft
    p1, p2, _ = chart.purposes()
    shared = chart.measures_of(p1)[0]
    layout = lay_out(chart, 160)
    assert set(layout.slots_of(shared)) == {Slot(shared, p1), Slot(shared, p2)}
    text = layout.text()
    assert "⇄ 中間目的 2 にも" in text and "⇄ 中間目的 1 にも" in text
    for slot in (Slot(shared, p1), Slot(shared, p2)):
        line = layout.lines[layout.places[slot].top]
        drawn = "".join(run.text for run in line)
        assert "─" in drawn and ("┘" in drawn or "┬▶" in drawn)


def test_at_80_columns_the_sheet_is_an_outline():
    chart = cs_project().draft
    layout = lay_out(chart, 79)
    assert not layout.wide
    lines = layout.text().splitlines()
    assert lines[0] == "獲得目標"
    assert all(width(line) <= 79 for line in lines)
    assert any(line.startswith("  ├ ● よくある問い合わせ") for line in lines)
    assert layout.order[0] == Slot(chart.goal)


def test_moving_up_and_down_stays_in_a_column_and_right_follows_the_arrows():
    chart = cs_project().draft
    layout = lay_out(chart, 160)
    p1 = chart.purposes()[0]
    m1 = chart.measures_of(p1)[0]
    assert neighbour(layout, chart, Slot(p1), "down") == Slot(chart.purposes()[1])
    assert neighbour(layout, chart, Slot(m1, p1), "right") == Slot(p1)
    assert neighbour(layout, chart, Slot(p1), "right") == Slot(chart.win)
    assert neighbour(layout, chart, Slot(chart.win), "right") == Slot(chart.goal)
    assert neighbour(layout, chart, Slot(chart.goal), "right") is None
