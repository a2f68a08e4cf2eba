"""The changes of a step as coloured rows, shared by the replay, the full diff and side by side."""

from __future__ import annotations

from rich.text import Text

from ...export.report import MARKERS, cleared_line, decisive_lines, describe, group_heading, grouped
from ...i18n import t
from ...model.diff import ChangeKind, ChartDiff
from .sheet import Row

MARK_COLORS = {"+": "green", "−": "red", "~": "dark_orange", "↪": "cyan", "↕": "cyan"}
COMMENT_COLORS = {"green": "green", "red": "red", "blue": "steel_blue1"}


def text_row(text: str, style: str = "", prefix: str = "", prefix_style: str = "") -> Row:
    return (Text(prefix, style=prefix_style), Text(text, style=style))


def diff_rows(d: ChartDiff, lang: str | None, *, limit: int | None = None, comments: bool = True) -> list[Row]:
    """A diff as coloured rows: the changed goal or win first, then by kind of part. Without
    ``comments``, comment changes are only counted (the sheet shows the comments)."""
    if not d:
        return [text_row(t("review.diff.none", lang), "dim")]
    rows = [text_row(line, "bold magenta", "!! ", "bold magenta") for line in decisive_lines(d, lang)]
    if d.decisive:
        rows.append(text_row(t("review.decisive.why", lang), "magenta", "   "))
    shown = hidden = 0
    for kind, changes in grouped(d):
        if not comments:
            hidden += sum(c.kind == ChangeKind.COMMENT for c in changes)
            changes = [c for c in changes if c.kind != ChangeKind.COMMENT]
            if not changes:
                continue
        rows.append(text_row(group_heading(kind, lang), "bold"))
        for change in changes:
            if limit is not None and shown >= limit:
                rows.append(text_row(f"… (+{len(d) - shown}, d)", "dim", "  "))
                return rows
            marker = MARKERS[change.kind]
            style = MARK_COLORS[marker]
            if change.kind == ChangeKind.COMMENT:
                after = change.after or {}
                style = COMMENT_COLORS.get(after.get("color", ""), "") if after.get("text") else "dim"
            rows.append(text_row(describe(change, lang), style, f"  {marker} ", style))
            shown += 1
    if hidden:
        rows.append(text_row(t("review.comments_on_sheet", lang, n=hidden), "italic"))
    cleared = cleared_line(d, lang)
    if cleared:
        rows.append(text_row(cleared, "dim"))
    return rows


