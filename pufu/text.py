"""The one text engine of pufu: display width, visible control characters, and wrapping.

Japanese has no spaces, so lines break between phrases: BudouX (Google's phrase segmenter, a
small model, no dictionary) splits a paragraph into phrases ("開発チームの / ブログを / 書く"),
and lines break only between them, or after a space. Latin words and numbers with their units
(CSAT, 2.5, 1,000, 50件) stay whole. Then one 禁則 rule: no line starts with 。、」ー or small
kana, none ends with 「（. A phrase longer than a line is broken by width, still with 禁則; a line
goes over the width only when nothing in it may be broken.

The wrapped lines, joined, give back the text without its line breaks: nothing is dropped or
added (a space at a break stays at the end of its line and is not counted in its width).
The diagrams, the deck, the editor's sheet and the review screen all wrap with :func:`wrap`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from wcwidth import iter_graphemes, wcswidth, wcwidth

#: Characters a line must not start with (closing brackets, punctuation, small kana, ー).
NO_START = frozenset(
    "、。，．,.・：；:;？！?!ー―…‥」』）］｝〕〉》】〙〗〟’”)]}%％"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々〻ゝゞヽヾ"
)
#: Characters a line must not end with (opening brackets).
NO_END = frozenset("「『（［｛〔〈《【〘〖〝‘“([{")

#: What breaks a text into paragraphs (each starts a new line).
NEWLINES = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x1c|\x1d|\x1e|\x85")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f\x80-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
#: Characters that glue a Latin word or a number together ("2.5", "1,000", "e-mail", "a/b").
_WORD_MARKS = frozenset("'-_./:@#%&+,")
#: Scripts worth asking BudouX about; other paragraphs break at spaces only.
_CJK = re.compile("[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")

# ---------------------------------------------------------------------- width


def visible(text: str) -> str:
    """The text with control characters shown as their visible symbols (␀ ␛ …) and tabs as
    spaces, one character for one: a label cannot hold them, and an XML label must not."""

    def symbol(match: re.Match[str]) -> str:
        code = ord(match.group())
        if code < 0x20:
            return chr(0x2400 + code)
        if code == 0x7F:
            return "\u2421"
        return "\ufffd"

    return _CONTROL.sub(symbol, text.replace("\t", " "))


@lru_cache(maxsize=4096)
def char_width(char: str) -> int:
    """Columns a character takes: 2 for wide (kanji, kana, full-width forms), 0 for combining
    marks, 1 for the rest (ambiguous symbols such as ●○■◆★ too)."""
    columns = wcwidth(char)
    if columns < 0:
        return 1
    if columns == 0 and unicodedata.category(char) not in ("Mn", "Me", "Cf"):
        return 1
    return columns


def clusters(text: str) -> list[str]:
    """The text as what a reader sees as characters (grapheme clusters): が + ゛, 👍 + 🏽 and
    👨‍👩‍👧 are one each. Lines never break inside one."""
    return list(text) if text.isascii() else list(iter_graphemes(text))


@lru_cache(maxsize=4096)
def cluster_width(cluster: str) -> int:
    """Columns a grapheme cluster takes (as the terminal and Textual draw it: 👍🏽 takes 2)."""
    if len(cluster) == 1:
        return char_width(cluster)
    columns = wcswidth(cluster)
    return columns if columns >= 0 else sum(char_width(char) for char in cluster)


def width(text: str) -> int:
    """Columns a text takes on one line."""
    if text.isascii() and text.isprintable():
        return len(text)
    return sum(cluster_width(cluster) for cluster in clusters(text))


def clip(text: str, columns: int, ellipsis: str = "…") -> str:
    """The text cut to at most ``columns`` columns, ending in ``ellipsis`` when cut."""
    if width(text) <= columns:
        return text
    room = columns - width(ellipsis)
    out: list[str] = []
    used = 0
    for cluster in clusters(text):
        used += cluster_width(cluster)
        if used > room:
            break
        out.append(cluster)
    return "".join(out) + ellipsis


def truncate(text: str, columns: int, ellipsis: str = "…") -> str:
    """One line of at most ``columns`` columns (runs of spaces and line breaks made one space),
    ending in ``ellipsis`` when cut."""
    return clip(" ".join(text.split()), columns, ellipsis)


def pad(text: str, columns: int) -> str:
    """The text padded with spaces to exactly ``columns`` columns (cut if longer)."""
    used = width(text)
    if used > columns:
        return truncate(text, columns, "")
    return text + " " * (columns - used)


# ---------------------------------------------------------------------- phrases


@lru_cache(maxsize=1)
def _parser() -> Any:
    import budoux  # a 15 KB model, loaded once, on the first Japanese paragraph

    return budoux.load_default_japanese_parser()


@lru_cache(maxsize=4096)
def phrases(paragraph: str) -> tuple[str, ...]:
    """The paragraph split into phrases by BudouX ("開発チームの", "ブログを", "書く")."""
    if not _CJK.search(paragraph):
        return (paragraph,) if paragraph else ()
    parts = tuple(_parser().parse(paragraph))
    return parts if "".join(parts) == paragraph else (paragraph,)


def _is_word(char: str) -> bool:
    """Part of a Latin word or a number (ASCII or full-width letters and digits)."""
    if char.isascii():
        return char.isalnum() or char in _WORD_MARKS
    return "\uff10" <= char <= "\uff5a" and char.isalnum()


def _is_digit(char: str) -> bool:
    return "0" <= char <= "9" or "\uff10" <= char <= "\uff19"


def _is_kanji_or_katakana(char: str) -> bool:
    return "\u30a0" <= char <= "\u30ff" or "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def _allowed(paragraph: str, index: int) -> bool:
    """Whether 禁則 lets a line break before ``paragraph[index]``: no line starts with 。、」…
    (nor with a space: spaces at a break hang at the end of the line), none ends with 「（…."""
    after = paragraph[index]
    if after == " " or after in NO_START:
        return False
    before = index - 1
    while before > 0 and paragraph[before] == " ":
        before -= 1
    return paragraph[before] not in NO_END


def _cluster_starts(paragraph: str) -> set[int] | None:
    """Where the grapheme clusters of a paragraph start; None when each character is one."""
    if paragraph.isascii():
        return None
    starts, at = set(), 0
    for cluster in iter_graphemes(paragraph):
        starts.add(at)
        at += len(cluster)
    return starts if len(starts) < len(paragraph) else None


def _joined(before: str, after: str) -> bool:
    """Whether two neighbours stay together when they can: a Latin word, a number
    (2.5, 1,000), a number and its unit (50件, 3ヶ月)."""
    if _is_word(before) and _is_word(after):
        return True
    return _is_digit(before) and _is_kanji_or_katakana(after)


Segment = tuple[str, frozenset[int]]


def _segments(paragraph: str) -> list[Segment]:
    """The paragraph cut where a line may break: between BudouX phrases and after spaces,
    except inside words and numbers and where 禁則 forbids it. Each segment comes with the
    phrase boundaries inside it that only a number and its unit glue (第3 / 四半期): the first
    places to break it if it is wider than a line."""
    starts_of = _cluster_starts(paragraph)
    cuts: set[int] = set()
    at = 0
    for phrase in phrases(paragraph)[:-1]:
        at += len(phrase)
        cuts.add(at)
        # 禁則 moves a break rather than dropping it: 。」・ go up with the phrase before, 「（
        # down with the phrase after
        ahead = at
        while ahead < len(paragraph) and (
            paragraph[ahead] in NO_START or (starts_of is not None and ahead not in starts_of)
        ):
            ahead += 1
        back = at
        while back > 0 and paragraph[back - 1] in NO_END:
            back -= 1
        cuts.update((ahead, back))
    cuts.discard(0)
    cuts.discard(len(paragraph))
    cuts.update(i for i in range(1, len(paragraph)) if paragraph[i - 1] == " ")
    starts = [0]
    soft: list[int] = []
    for i in sorted(cuts):
        if not _allowed(paragraph, i) or (starts_of is not None and i not in starts_of):
            continue
        if not _joined(paragraph[i - 1], paragraph[i]):
            starts.append(i)
        elif not _is_word(paragraph[i]):
            soft.append(i)
    starts.append(len(paragraph))
    return [
        (paragraph[a:b], frozenset(i - a for i in soft if a < i < b))
        for a, b in zip(starts, starts[1:], strict=False)
    ]


# ---------------------------------------------------------------------- wrapping


def _split_long(segment: str, soft: frozenset[int], columns: int) -> list[str]:
    """A segment wider than a line, broken by width: at the last place that fits among, in
    this order, the phrase boundaries in it, the places where no word is split, the places
    禁則 allows; else over the width, at the first place 禁則 allows."""
    parts = clusters(segment)
    offsets = [0]
    for cluster in parts:
        offsets.append(offsets[-1] + len(cluster))
    pieces: list[str] = []
    first = 0  # the cluster the current line starts with
    left = width(segment.rstrip(" "))  # columns from there to the end
    while left > columns:
        used, phrase, word, fallback = 0, 0, 0, 0
        for j in range(first, len(parts)):
            used += cluster_width(parts[j])
            if j > first and parts[j] != " " and used > columns:
                break
            if j + 1 < len(parts) and _allowed(segment, offsets[j + 1]):
                fallback = j + 1
                if offsets[j + 1] in soft:
                    phrase = j + 1
                elif not _joined(segment[offsets[j + 1] - 1], segment[offsets[j + 1]]):
                    word = j + 1
        cut = phrase or word or fallback
        if not cut:  # nothing may break within the width: go over it
            cut = next(
                (j for j in range(first + 1, len(parts)) if _allowed(segment, offsets[j])),
                len(parts),
            )
        if cut >= len(parts):
            break
        piece = segment[offsets[first] : offsets[cut]]
        pieces.append(piece)
        left -= width(piece)
        first = cut
    pieces.append(segment[offsets[first] :])
    return pieces


def breaks(paragraph: str, columns: int) -> list[int]:
    """Where the lines of one paragraph start (after the first), as indexes into it. Line-break
    characters in it count as ordinary characters; :func:`wrap` splits paragraphs first."""
    return list(_breaks(visible(paragraph), max(columns, 1)))


@lru_cache(maxsize=8192)
def _breaks(paragraph: str, columns: int) -> tuple[int, ...]:
    starts: list[int] = []
    at = 0  # where the next segment starts
    used = 0  # columns taken on the current line, spaces included
    for segment, soft in _segments(paragraph):
        shown = width(segment.rstrip(" "))
        if used and used + shown > columns:
            starts.append(at)
            used = 0
        if not used and shown > columns:
            pieces = _split_long(segment, soft, columns)
            for piece in pieces[:-1]:
                at += len(piece)
                starts.append(at)
            segment = pieces[-1]
        used += width(segment)
        at += len(segment)
    return tuple(starts)


@lru_cache(maxsize=8192)
def _wrap(text: str, columns: int) -> tuple[str, ...]:
    lines: list[str] = []
    for paragraph in NEWLINES.split(visible(text)):
        start = 0
        for cut in _breaks(paragraph, columns):
            lines.append(paragraph[start:cut])
            start = cut
        lines.append(paragraph[start:])
    return tuple(lines)


def wrap(text: str, columns: int) -> list[str]:
    """The text as lines of at most ``columns`` display columns, broken between phrases, with
    禁則; line breaks in the text start new lines; an empty text gives one empty line. Joined,
    the lines give back the text (control characters made visible) without its line breaks.
    A space at a break stays at the end of its line; a line is wider than ``columns`` only when
    it holds a run nothing may break (a long run of ー, say)."""
    return list(_wrap(text, max(columns, 1)))


def screen_lines(text: str, columns: int) -> list[str]:
    """:func:`wrap` for a terminal: the spaces left at the end of a line are dropped."""
    lines = _wrap(text, max(columns, 1))
    return [line.rstrip(" ") if index < len(lines) - 1 else line for index, line in enumerate(lines)]
