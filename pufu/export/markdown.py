"""Markdown export, close to pufu-editor's own (a nested list), with the right term 勝利条件.

Any text is written literally: Markdown and HTML characters are escaped, newlines become
``<br>`` as in the editor's export, and control characters show as their visible symbols
(C1 controls as ``\\x9b``, bidirectional overrides as ``⟨U+202E⟩``: :mod:`pufu.terminal`). What
would start a block at the start of a line (``- ``, ``+``, ``1.``, ``#``, indentation) is
escaped too, so a text may stand anywhere: in a list item, a heading, a table cell, a paragraph.
"""

from __future__ import annotations

import re

from ..i18n import t
from ..model import ELEMENT_KEYS, Chart, Comment, Project, metric_line
from ..terminal import shown

_NEWLINES = re.compile(r"\r\n|\r|\n|\u2028|\u2029")
_ESCAPES = {
    "\\": "\\\\",
    "`": "\\`",
    "*": "\\*",
    "_": "\\_",
    "[": "\\[",
    "]": "\\]",
    "|": "\\|",
    "~": "\\~",
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
}
_SPECIAL = re.compile("[" + re.escape("".join(_ESCAPES)) + "\x00-\x08\x0b-\x1f\x7f]")


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    if char in _ESCAPES:
        return _ESCAPES[char]
    return "\u2421" if char == "\x7f" else chr(0x2400 + ord(char))


#: What starts a block at the start of a line: a list or thematic-break marker, a heading, an
#: ordered list number, a setext underline; and indentation (a code block).
_BLOCK_START = re.compile(r"^(?:[-+=#]|\d{1,9}(?=[.)]))")
_INDENT = re.compile(r"^[ \t]+")
#: ``#`` at the end of a heading's line would close the heading and vanish.
_CLOSING_HASHES = re.compile(r"#+(?=\s*$)")


def md_text(text: str) -> str:
    """One part's text as inline Markdown: escaped, on one line, newlines as ``<br>``."""
    out = "<br>".join(shown(_SPECIAL.sub(_escape_char, line), "\t") for line in _NEWLINES.split(text))
    out = _INDENT.sub(lambda m: "".join(f"&#{ord(c)};" for c in m.group()), out)
    out = _CLOSING_HASHES.sub(lambda m: "\\#" * len(m.group()), out)
    match = _BLOCK_START.match(out)
    if match:  # 1. → 1\.   - → \-
        end = match.end()
        out = out[:end] + "\\" + out[end:] if match.group()[0].isdigit() else "\\" + out
    return out


def _comment(comment: Comment, part: str, indent: str, lang: str | None) -> list[str]:
    """A comment as pufu-editor labels it (``獲得目標のコメント:``, ``施策1-3のコメント:``); its
    colour, which the editor's export leaves out, follows when it is not the plain note (blue)."""
    if comment.empty:
        return []
    label = t("markdown.comment_of", lang, part=part)
    if comment.color != "blue":
        label += t("markdown.comment_color", lang, color=t("color." + comment.color, lang))
    return [f"{indent}- {label}: {md_text(comment.text)}"]


def _progress(value: int | float | None) -> str:
    if value is None:
        return ""
    return f" ({value:g}%)"


def _metrics(chart: Chart, part: str, indent: str, lang: str | None) -> list[str]:
    """評価指標 of one part: name, value → target with unit, and how it stands."""
    return [f"{indent}- {t('metric', lang)}: {metric_line(m, md_text)}" for m in chart.metrics(part)]


def chart_markdown(chart: Chart, lang: str | None = "ja") -> str:
    """The chart as a nested Markdown list, in pufu-editor's layout."""
    lines: list[str] = []
    goal, win = chart.part(chart.goal), chart.part(chart.win)
    lines.append(f"- {t('kind.goal', lang)}: {md_text(goal.text)}")
    lines += _comment(goal.comment, t("kind.goal", lang), "  ", lang)
    lines.append(f"- {t('kind.win', lang)}: {md_text(win.text)}")
    lines += _comment(win.comment, t("kind.win", lang), "  ", lang)
    lines += _metrics(chart, chart.win, "  ", lang)
    for p_index, purpose_id in enumerate(chart.purposes(), start=1):
        purpose = chart.part(purpose_id)
        label = f"{t('kind.purpose', lang)}{p_index}"
        lines.append(f"  - {label}: {md_text(purpose.text)}")
        lines += _comment(purpose.comment, label, "    ", lang)
        lines += _metrics(chart, purpose_id, "    ", lang)
        for m_index, measure_id in enumerate(chart.measures_of(purpose_id), start=1):
            measure = chart.part(measure_id)
            # a shared 施策 imported from pufu-editor keeps each copy's own values, as the
            # pufu-editor export writes them
            copy = chart.editor_copy(measure_id, purpose_id)
            values = copy.values if copy is not None else None
            progress = values.progress if values is not None else measure.progress
            comment = values.comment if values is not None else measure.comment
            label = f"{t('kind.measure', lang)}{p_index}-{m_index}"
            lines.append(f"    - {label}: {md_text(measure.text)}{_progress(progress)}")
            lines += _comment(comment, label, "      ", lang)
    lines.append(f"- {t('kind.elements', lang)}")
    for key in ELEMENT_KEYS:
        element = chart.part(chart.element(key))
        lines.append(f"  - {t('element.' + key, lang)}: {md_text(element.text)}")
        lines += _comment(element.comment, t("element." + key, lang), "    ", lang)
    return "\n".join(lines) + "\n"


def project_markdown(project: Project, lang: str | None = "ja") -> str:
    """Every recorded phase of a project: its title, then per phase a heading (number, title,
    date), what happened and the chart."""
    parts = [f"# {md_text(project.title or t('untitled', lang))}\n"]
    for phase in project.phases:
        heading = f"## {t('phase', lang)} {phase.number}: {md_text(phase.title)} ({phase.date})"
        parts.append(heading + "\n")
        if phase.happened:
            parts.append(md_text(phase.happened) + "\n")
        parts.append(chart_markdown(project.phase_chart(phase.number), lang))
    return "\n".join(parts)
