"""Text by display width: wrapping Japanese (and English) to a number of terminal cells.

Japanese has no spaces between words, so lines break between any two characters, by the cells
they take (a kanji takes two), with the usual line-breaking rules (禁則): a line does not start
with 。、」 and the like, nor end with 「（. Runs of Latin letters and digits are kept whole when
they fit on a line. Pure functions; no Textual.
"""

from __future__ import annotations

from functools import lru_cache

from rich.cells import cell_len, get_character_cell_size

#: Characters a line must not start with (closing brackets, punctuation, small kana).
NO_START = frozenset(
    "、。，．,.・：；:;？！?!ー―…‥」』）］｝〕〉》】〙〗〟’”)]}%％"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々〻"
)
#: Characters a line must not end with (opening brackets).
NO_END = frozenset("「『（［｛〔〈《【〘〖〝‘“([{")


def width(text: str) -> int:
    """How many terminal cells a text takes."""
    return cell_len(text)


def _char_width(ch: str) -> int:
    if ch == "\t":
        return 1
    return get_character_cell_size(ch)


def _is_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "-_'/@#&")


def wrap(text: str, cells: int) -> list[str]:
    """Lines of at most ``cells`` display cells; newlines in the text are kept as line breaks."""
    return list(_wrap(text, max(cells, 2)))


@lru_cache(maxsize=8192)
def _wrap(text: str, cells: int) -> tuple[str, ...]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph.replace("\t", " "), cells))
    return tuple(lines)


def _wrap_paragraph(text: str, cells: int) -> list[str]:
    if not text:
        return [""]
    out: list[str] = []
    line: list[str] = []
    used = 0
    for ch in text:
        w = _char_width(ch)
        if used + w > cells and line:
            carry = _carry(line, ch)
            moved = line[len(line) - carry :] if carry else []
            out.append("".join(line[: len(line) - carry]).rstrip(" "))
            line = moved
            used = sum(_char_width(c) for c in line)
            if ch == " " and not line:
                continue
        line.append(ch)
        used += w
    out.append("".join(line))
    return out


def _carry(line: list[str], next_char: str) -> int:
    """How many characters at the end of ``line`` should move to the next line."""
    carry = 0
    limit = len(line) - 1  # always leave at least one character
    if _is_word(next_char) and _is_word(line[-1]):
        index = len(line) - 1
        while index >= 0 and _is_word(line[index]):
            index -= 1
        if index >= 0:
            carry = len(line) - 1 - index
    elif next_char in NO_START and limit >= 1:
        carry = 1
        while carry < limit and line[-carry] in NO_START:
            carry += 1
    while carry < limit and line[-(carry + 1)] in NO_END:
        carry += 1
    return carry


def truncate(text: str, cells: int, ellipsis: str = "…") -> str:
    """One line of at most ``cells`` cells, ending in ``ellipsis`` when cut."""
    text = " ".join(text.split())
    if cell_len(text) <= cells:
        return text
    out: list[str] = []
    used = 0
    for ch in text:
        w = _char_width(ch)
        if used + w > cells - cell_len(ellipsis):
            break
        out.append(ch)
        used += w
    return "".join(out) + ellipsis


def pad(text: str, cells: int) -> str:
    """The text padded with spaces to exactly ``cells`` cells (cut if longer)."""
    used = cell_len(text)
    if used > cells:
        return truncate(text, cells, "")
    return text + " " * (cells - used)
