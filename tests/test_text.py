"""The text engine (pufu.text): one width, phrases by BudouX, lines broken between phrases with
禁則, nothing lost. The diagrams, the deck, the editor's sheet and the review screen use it."""

from __future__ import annotations

import json
from itertools import accumulate
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.text import Text

from pufu.text import (
    NEWLINES,
    NO_END,
    NO_START,
    breaks,
    clip,
    clusters,
    pad,
    phrases,
    screen_lines,
    truncate,
    visible,
    width,
    wrap,
)
from pufu.tui.review.sheet import render_rows

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = st.integers(min_value=4, max_value=60)

# Pieces of the texts a CS lead writes: phrases, words, numbers with units, punctuation.
JA_PIECES = [
    "開発チーム", "の", "ブログ", "を", "書く", "問い合わせ", "件数", "が", "減る", "。", "、",
    "「", "」", "（", "）", "ー", "ダッシュボード", "で", "全員", "見られる", "状態", "に", "する",
    "っ", "ょ", "ヘルプセンター", "公開", "から", "3か月", "50件", "30%", "2.5倍", "1,000件",
    "顧客満足度", "CSAT", "API連携?", "FAQ", "・", "『", "』", "！", "？", "々", "👍🏽", "か\u3099",
]
LATIN_WORDS = ["write", "the", "FAQ", "articles", "for", "top", "twenty", "CSAT", "2.5", "1,000",
               "30%", "e-mail", "(NPS)", "ok.", "a", "supercalifragilisticexpialidocious"]

japanese = st.lists(st.sampled_from(JA_PIECES), max_size=40).map("".join)
latin = st.lists(st.sampled_from(LATIN_WORDS), max_size=25).map(" ".join)
mixed = st.lists(st.sampled_from(JA_PIECES + LATIN_WORDS + [" ", "\n"]), max_size=40).map("".join)
anything = st.text(max_size=200)
texts = st.one_of(japanese, latin, mixed, anything)


def may_break(line: str, k: int) -> bool:
    """Whether a line may be broken before ``line[k]``: 禁則, spaces hang, never inside what a
    reader sees as one character (が + ゛, 👍 + 🏽, emoji joined by ZWJ)."""
    after = line[k]
    before = line[:k].rstrip(" ")[-1:] or " "
    starts = set(accumulate(len(c) for c in clusters(line)))
    return after != " " and after not in NO_START and before not in NO_END and k in starts


def paragraphs_of(text: str, columns: int) -> list[list[str]]:
    """The lines of each paragraph of a wrapped text."""
    return [wrap(paragraph, columns) for paragraph in NEWLINES.split(text)]


# ---------------------------------------------------------------------- properties


@settings(max_examples=400, deadline=None)
@given(text=texts, columns=WIDTHS)
@example(text="x" * 500, columns=12)
@example(text="漢" * 300, columns=12)
@example(text="a\u0301" * 200, columns=12)
@example(text="\x00\x1b\t\x7f" * 10, columns=12)
def test_no_character_is_lost_or_added(text: str, columns: int) -> None:
    lines = wrap(text, columns)
    assert "".join(lines) == NEWLINES.sub("", visible(text))
    assert len(lines) >= len(NEWLINES.split(text))


@settings(max_examples=400, deadline=None)
@given(text=texts, columns=WIDTHS)
@example(text="ーーーーーーーーーーーー", columns=6)
@example(text="supercalifragilisticexpialidocious、です", columns=8)
def test_no_line_is_wider_than_the_width_unless_nothing_in_it_may_break(text: str, columns: int) -> None:
    for line in wrap(text, columns):
        if width(line.rstrip(" ")) > columns:
            fitting = [
                k for k in range(1, len(line))
                if may_break(line, k) and width(line[:k].rstrip(" ")) <= columns
            ]
            assert not fitting, (line, columns, fitting)


@settings(max_examples=400, deadline=None)
@given(text=texts, columns=WIDTHS)
@example(text="ＦＡＱを「整備」する。あいうえお、かきくけこ。「さしすせそ」", columns=8)
def test_no_line_starts_with_closing_punctuation_nor_ends_with_an_opening_bracket(
    text: str, columns: int
) -> None:
    for lines in paragraphs_of(text, columns):
        for line, following in zip(lines, lines[1:], strict=False):
            assert following[0] not in NO_START and following[0] != " ", (line, following)
            assert line.rstrip(" ")[-1:] not in NO_END, (line, following)


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(japanese, mixed), columns=WIDTHS)
@example(text="書くの・書く・", columns=12)
@example(text="開発チームブログからの。）っ。", columns=28)
def test_lines_break_between_phrases_when_every_phrase_fits(text: str, columns: int) -> None:
    """Every break falls between BudouX phrases (moved by 禁則 past the 。」・ closing the phrase
    before, or before the 「（ opening the next), or after a space, unless what lies between two
    such places is wider than the line."""
    for paragraph in NEWLINES.split(text):
        paragraph = visible(paragraph)
        places = phrase_breaks(paragraph)
        if places is None:
            continue  # BudouX cut a Latin word or a number, which stays whole
        edges = [0, *sorted(places), len(paragraph)]
        if any(width(paragraph[a:b].rstrip(" ")) > columns for a, b in zip(edges, edges[1:], strict=False)):
            continue
        for cut in breaks(paragraph, columns):
            assert cut in places, (paragraph, columns, cut, sorted(places))


def phrase_breaks(paragraph: str) -> set[int] | None:
    """Where a paragraph may break between phrases (None when BudouX cut a word)."""
    places: set[int] = set()
    at = 0
    for phrase in phrases(paragraph)[:-1]:
        at += len(phrase)
        pair = paragraph[at - 1 : at + 1]
        if (pair.isascii() and pair.isalnum()) or (pair[0].isdigit() and not pair[1].isspace()):
            return None
        ahead, back = at, at
        starts = set(accumulate(len(c) for c in clusters(paragraph)))
        while ahead < len(paragraph) and (paragraph[ahead] in NO_START or ahead not in starts):
            ahead += 1
        while back > 0 and paragraph[back - 1] in NO_END:
            back -= 1
        places.update((at, ahead, back))
    places.update(i for i in range(1, len(paragraph)) if paragraph[i - 1] == " ")
    return {i for i in places if 0 < i < len(paragraph) and may_break(paragraph, i)}


# ---------------------------------------------------------------------- what the issue showed


SENTENCES = [
    "開発チームのブログを書き、問い合わせの多い記事から直す",
    "顧客満足度（CSAT）が30%上がり、問い合わせが月1,000件から2.5倍の速さで片づく",
    "FAQとAPI連携?の記事を50件公開し、開発チームが毎週ブログで振り返る",
]


#: Words kept whole, each with what stays glued to it by 禁則 in the sentences above (a line
#: cannot end with （, so "（CSAT）" needs 8 columns).
WHOLE = {
    "開発チーム": "開発チーム",
    "ブログ": "ブログ",
    "CSAT）": "（CSAT）",
    "1,000件": "1,000件",
    "2.5倍": "2.5倍",
    "30%": "30%",
    "50件": "50件",
    "API連携?": "API連携?",
}


@pytest.mark.parametrize("columns", range(4, 61))
def test_words_of_the_issue_are_never_split(columns: int) -> None:
    for sentence in SENTENCES:
        lines = wrap(sentence, columns)
        for word, glued in WHOLE.items():
            if word in sentence and width(glued) <= columns:
                assert any(word in line for line in lines), (word, columns, lines)
        pairs = list(zip(lines, lines[1:], strict=False))
        assert ("開", "発チーム") not in [(a[-1:], b[:4]) for a, b in pairs]
        if columns >= width(WHOLE["CSAT）"]):
            assert ("CSA", "T）") not in [(a[-3:], b[:2]) for a, b in pairs]


def test_japanese_breaks_between_phrases() -> None:
    assert wrap("開発チームのブログを書く", 12) == ["開発チームの", "ブログを書く"]
    assert phrases("開発チームのブログを書く") == ("開発チームの", "ブログを", "書く")


def test_english_keeps_words_whole_and_spaces_hang_at_the_end_of_a_line() -> None:
    assert wrap("write the FAQ articles for the top twenty", 16) == [
        "write the FAQ ",
        "articles for the ",
        "top twenty",
    ]
    assert screen_lines("write the top twenty articles", 12) == ["write the", "top twenty", "articles"]


def test_a_word_longer_than_a_line_is_broken_by_width() -> None:
    assert wrap("x" * 30, 12) == ["x" * 12, "x" * 12, "x" * 6]
    assert wrap("漢" * 10, 8) == ["漢" * 4, "漢" * 4, "漢" * 2]


def test_line_breaks_start_new_lines_and_an_empty_text_gives_one_empty_line() -> None:
    assert wrap("a\nb\r\nc\u2028d", 10) == ["a", "b", "c", "d"]
    assert wrap("", 10) == [""]


def test_display_width_counts_kanji_as_two_and_ambiguous_symbols_as_one() -> None:
    assert width("漢字") == 4
    assert width("●○■◆★") == 5
    assert width("a\u0301") == 1
    assert width("ＡＢ") == 4


@pytest.mark.parametrize("text", ["👍🏽", "👨\u200d👩\u200d👧", "🇯🇵", "か\u3099", "漢字●", "ＦＡＱ"])
def test_width_is_what_the_editor_draws(text: str) -> None:
    assert width(text) == cell_len(text)


def test_a_line_never_breaks_inside_an_emoji_or_a_combined_character() -> None:
    text = "👍🏽" * 10 + "👨\u200d👩\u200d👧" * 5 + "か\u3099" * 10
    for columns in range(2, 12):
        lines = wrap(text, columns)
        assert "".join(lines) == text
        assert not any(line.startswith(("\U0001f3fd", "\u200d", "\U0001f469", "\u3099")) for line in lines)
        assert all(width(line) <= columns for line in lines)


def test_control_characters_are_shown_one_for_one() -> None:
    assert visible("a\x00b\x1b\t\x7f") == "a\u2400b\u241b \u2421"
    assert len(visible("\x85\x9f\x00")) == 3


def test_cutting_and_padding_by_width() -> None:
    assert pad("漢字", 5) == "漢字 "
    assert truncate("漢字漢字", 5) == "漢字…"
    assert truncate("a  b\nc", 10) == "a b c"
    assert clip("漢字漢字", 5) == "漢字…" and clip("漢字", 4) == "漢字"


def test_the_review_screen_never_starts_a_line_with_a_comma_or_a_full_stop() -> None:
    body = "公開から3か月で、月間問い合わせ件数が公開前より30%減っている。次の局面へ。"
    for columns in range(12, 60):
        lines = [line.plain for line in render_rows([(Text("  勝利条件 "), Text(body))], columns)]
        assert "".join(line.strip() for line in lines) == "勝利条件 " + body
        assert not any(line.strip()[:1] in "、。" for line in lines[1:]), (columns, lines)


def test_every_bundled_text_wraps_without_loss_or_forbidden_breaks() -> None:
    files = [*sorted((ROOT / "pufu" / "templates" / "ja").glob("*.json")), ROOT / "pufu" / "data" / "demo.pufu.json"]
    seen: set[str] = set()

    def collect(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("text", "happened", "title") and isinstance(value, str):
                    seen.add(value)
                else:
                    collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    for path in files:
        collect(json.loads(path.read_text(encoding="utf-8")))
    assert len(seen) > 100
    for text in seen:
        for columns in (28, 30, 32, 40):
            for lines in paragraphs_of(text, columns):
                assert all(width(line.rstrip(" ")) <= columns for line in lines), (text, columns)
                for line, following in zip(lines, lines[1:], strict=False):
                    assert following[0] not in NO_START and line[-1] not in NO_END
