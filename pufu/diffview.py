"""The coloured diff, one presentation: ``pufu diff``, git's diff driver and the review screen.

A diff becomes rows of Rich :class:`~rich.text.Text` — (prefix, body) pairs — styled from an
:class:`~pufu.palette.Ink` (the review passes its theme's ink, the command line
:data:`~pufu.palette.TERMINAL_INK`). The command line prints them through a Rich console
(:func:`console`, :func:`print_rows`), which decides whether colour is wanted (a terminal,
``NO_COLOR``, ``FORCE_COLOR``, ``TERM=dumb``) and how many colours the terminal has. Every text
goes through :func:`pufu.terminal.shown` first: a text from the file never reaches a terminal raw.
"""

from __future__ import annotations

from typing import IO, Literal

from rich.console import Console
from rich.text import Text

from .export.report import (
    MARKERS,
    cleared_line,
    decisive_lines,
    describe,
    group_heading,
    grouped,
    quoter,
    side_name,
)
from .export.yardsticks import metric_change_lines, metric_decisive_lines
from .i18n import t
from .model.diff import ChangeKind, ChartDiff
from .palette import Ink
from .terminal import shown

Row = tuple[Text, Text]

#: A change's marker -> the ink's name of its meaning.
MARK_MEANING = {"+": "added", "−": "removed", "~": "changed", "↪": "moved", "↕": "moved"}


def row(text: str, style: str = "", prefix: str = "", prefix_style: str = "") -> Row:
    """A (prefix, body) row; both texts shown safely."""
    return (Text(shown(prefix), style=prefix_style), Text(shown(text), style=style))


def mark_style(ink: Ink, marker: str) -> str:
    return ink.mark[MARK_MEANING.get(marker, "changed")]


def comment_style(ink: Ink, comment: dict | None) -> str:
    """The style of a comment change: the comment's colour, dim when it was taken off."""
    comment = comment or {}
    if not comment.get("text"):
        return "dim"
    return ink.comment.get(comment.get("color", ""), "dim")


def diff_rows(
    d: ChartDiff,
    lang: str | None,
    ink: Ink,
    *,
    limit: int | None = None,
    comments: bool = True,
    spaced: bool = False,
) -> list[Row]:
    """A diff as coloured rows: the changed goal or win first, then by kind of part. Without
    ``comments``, comment changes are only counted (the review's sheet shows the comments);
    ``limit`` stops after that many changes; ``spaced`` puts an empty row between sections
    (the command line)."""
    if not d:
        return [row(t("review.diff.none", lang), "dim")]
    gap = [row("")] if spaced else []
    decisive = f"bold {ink.decisive}"
    rows: list[Row] = []
    quote = quoter(lang)
    if d.decisive:
        rows += gap + [row(line, decisive, "!! ", decisive) for line in decisive_lines(d, lang)]
        rows.append(row(t("review.decisive.why", lang), ink.decisive, "   "))
    if d.decisive_metrics:
        rows += gap + [row(line, decisive, "!! ", decisive) for line in metric_decisive_lines(d, lang, quote)]
        rows.append(row(t("diff.metric.why", lang), ink.decisive, "   "))
    metric_lines = metric_change_lines(d, lang, quote)
    if metric_lines:
        rows += gap + [row(t("diff.metric.heading", lang), "bold")]
        for line in metric_lines:
            style = mark_style(ink, line[0])
            rows.append(row(line[2:], style, f"  {line[:2]}", style))
    counted = hidden = 0
    for kind, changes in grouped(d):
        if not comments:
            hidden += sum(c.kind == ChangeKind.COMMENT for c in changes)
            changes = [c for c in changes if c.kind != ChangeKind.COMMENT]
            if not changes:
                continue
        rows += gap + [row(group_heading(kind, lang), "bold")]
        for change in changes:
            if limit is not None and counted >= limit:
                rows.append(row(f"… (+{len(d) - counted}, d)", "dim", "  "))
                return rows
            marker = MARKERS[change.kind]
            if change.kind == ChangeKind.COMMENT:
                style = comment_style(ink, change.after)
            else:
                style = mark_style(ink, marker)
            rows.append(row(describe(change, lang), style, f"  {marker} ", style))
            counted += 1
    if hidden:
        rows.append(row(t("review.comments_on_sheet", lang, n=hidden), "italic"))
    cleared = cleared_line(d, lang)
    if cleared:
        rows += gap + [row(cleared, "dim")]
    return rows


def comparison_rows(d: ChartDiff, a: str, b: str, lang: str | None, ink: Ink) -> list[Row]:
    """What ``pufu diff`` prints: ``局面1 → 局面2  (3件の変更)``, then the changes."""
    count = t("review.diff.count", lang, n=len(d)) if d else t("review.diff.none", lang)
    head = Text.assemble((shown(f"{side_name(a, lang)} → {side_name(b, lang)}"), "bold"), shown(f"  ({count})"))
    rows = [(Text(), head)]
    if d.matched_by_text:
        rows.append(row(t("review.diff.matched_by_text", lang, n=d.matched_by_text), "dim"))
    if d:
        rows += diff_rows(d, lang, ink, spaced=True)
    return rows


def line(prefix: Text, body: Text) -> Text:
    joined = prefix.copy()
    joined.append_text(body)
    return joined


ColorChoice = Literal["auto", "always", "never"]


def console(file: IO[str], color: ColorChoice = "auto") -> Console:
    """A Rich console on ``file``: ``auto`` leaves colour to Rich (a terminal, ``NO_COLOR``,
    ``FORCE_COLOR``, ``TERM``), ``always`` colours even a pipe (and over ``NO_COLOR``), ``never``
    writes plain text."""
    common = {"file": file, "highlight": False, "markup": False, "emoji": False, "soft_wrap": True}
    if color == "never":
        return Console(color_system=None, force_terminal=False, **common)  # type: ignore[arg-type]
    if color == "always":
        out = Console(force_terminal=True, no_color=False, **common)  # type: ignore[arg-type]
        if out.color_system is None:  # TERM=dumb or unknown: colour was asked for all the same
            out = Console(force_terminal=True, no_color=False, color_system="standard", **common)  # type: ignore[arg-type]
        return out
    return Console(**common)  # type: ignore[arg-type]


def print_rows(out: Console, rows: list[Row]) -> None:
    """The rows, one line each, in one print (never wrapped or cropped to the console's width)."""
    text = Text("\n").join(line(prefix, body) for prefix, body in rows)
    out.print(text, soft_wrap=True, crop=False, overflow="ignore", no_wrap=True)
