"""The changes of a step as coloured rows, shared by the replay, the full diff and side by side."""

from __future__ import annotations

from rich.text import Text

from ...export.report import (
    MARKERS,
    cleared_line,
    decisive_lines,
    describe,
    group_heading,
    grouped,
    quoter,
)
from ...export.yardsticks import metric_change_lines, metric_decisive_lines
from ...i18n import t
from ...model import Project, metric_line, status, tracks
from ...model.diff import ChangeKind, ChartDiff
from ...model.metrics import sparkline
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
    quote = quoter(lang)
    rows += [text_row(line, "bold magenta", "!! ", "bold magenta") for line in metric_decisive_lines(d, lang, quote)]
    if d.decisive_metrics:
        rows.append(text_row(t("diff.metric.why", lang), "magenta", "   "))
    metric_lines = metric_change_lines(d, lang, quote)
    if metric_lines:
        rows.append(text_row(t("diff.metric.heading", lang), "bold"))
        rows += [text_row(line[2:], MARK_COLORS.get(line[0], "dark_orange"), f"  {line[0]} ") for line in metric_lines]
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




STATUS_STYLES = {"reached": "bold green", "on_track": "cyan", "off_track": "red", "unknown": "dim"}


def trajectory_rows(project: Project, number: int, lang: str | None) -> list[Row]:
    """The 評価指標 of phase ``number``: value → target, status, and a sparkline of the phases
    up to it (the trajectory so far)."""
    rows: list[Row] = []
    for track in tracks(project):
        point = track.points[number - 1]
        if point.metric is None:
            continue
        spark = sparkline(track.values()[:number])
        line = metric_line(point.metric) + (f"  {spark}" if spark else "")
        rows.append(text_row(line, STATUS_STYLES[status(point.metric).value], "  "))
    if rows:
        rows = [text_row(t("diff.metric.heading", lang), "bold underline"), *rows, text_row("")]
    return rows
