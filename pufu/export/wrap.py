"""Wrapping texts by display width for diagrams: Japanese has no spaces, so lines break
between any two characters, by the width they take (a kanji counts two), with the usual
line-breaking rules (禁則): no line starts with 。、」 and the like, nor ends with 「（.
Runs of Latin letters and digits stay whole when they fit on a line.

The wrapped lines, joined, give back the text without its line breaks: nothing is dropped
or added, so a label always says exactly what the user wrote.
"""

from __future__ import annotations

import re
import unicodedata

from wcwidth import wcwidth

from ..terminal import shown

#: Characters a line must not start with (closing brackets, punctuation, small kana).
NO_START = frozenset(
    "、。，．,.・：；:;？！?!ー―…‥」』）］｝〕〉》】〙〗〟’”)]}%％"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々〻"
)
#: Characters a line must not end with (opening brackets).
NO_END = frozenset("「『（［｛〔〈《【〘〖〝‘“([{")

NEWLINES = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x1c|\x1d|\x1e|\x85")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f\x80-\x84\x86-\x9f\ufffe\uffff]")


def visible(text: str) -> str:
    """The text with control characters shown as their visible symbols (␀ ␛ …) and tabs as
    spaces: a diagram label cannot hold them, and an XML label must not."""

    def symbol(match: re.Match[str]) -> str:
        char = match.group()
        code = ord(char)
        if code < 0x20:
            return chr(0x2400 + code)
        if code == 0x7F:
            return "\u2421"
        return "\ufffd"

    # bidirectional overrides too (pufu.terminal), the line separators aside: they break lines
    return shown(_CONTROL.sub(symbol, text.replace("\t", " ")), keep="\u2028\u2029")


def char_width(char: str) -> int:
    """Columns a character takes: 2 for wide (kanji, kana, full-width forms), 0 for combining."""
    width = wcwidth(char)
    if width < 0:
        return 1
    if width == 0 and unicodedata.category(char) not in ("Mn", "Me", "Cf"):
        return 1
    return width


def width(text: str) -> int:
    """Columns a text takes on one line."""
    return sum(char_width(char) for char in text)


def _is_word(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in "'-_./:@#%&+")


def _split_at(line: str, columns: int) -> int | None:
    """Where to cut a line (index of the first character of the next line), None if it fits."""
    total = 0
    for index, char in enumerate(line):
        total += char_width(char)
        if total > columns:
            cut = max(index, 1)
            break
    else:
        return None
    # keep a Latin word whole when the line holds something before it
    if cut < len(line) and _is_word(line[cut]) and _is_word(line[cut - 1]):
        start = cut
        while start > 0 and _is_word(line[start - 1]):
            start -= 1
        if start > 0:
            cut = start
    # a space at the cut stays at the end of this line
    while cut < len(line) and line[cut] == " ":
        cut += 1
    # 禁則: pull a forbidden line-start back onto this line (ぶら下げ), at most two characters
    pulled = 0
    while cut < len(line) and line[cut] in NO_START and pulled < 2:
        cut += 1
        pulled += 1
    # never end a line on an opening bracket
    while 1 < cut < len(line) and line[cut - 1] in NO_END:
        cut -= 1
    return cut


def wrap(text: str, columns: int) -> list[str]:
    """The text as lines of at most ``columns`` display columns (a little more for 禁則),
    breaking where the text breaks too. An empty text gives one empty line."""
    lines: list[str] = []
    for paragraph in NEWLINES.split(visible(text)):
        start, window = 0, 4 * columns + 8
        while True:
            piece = paragraph[start : start + window]
            cut = _split_at(piece, columns)
            if cut is None and len(piece) == window:
                cut = window  # a run of zero-width characters
            if cut is None or cut >= len(paragraph) - start:
                break
            lines.append(paragraph[start : start + cut])
            start += cut
        lines.append(paragraph[start:])
    return lines
