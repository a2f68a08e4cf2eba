"""The changes of a step as coloured rows, shared by the replay, the full diff and side by side."""

from __future__ import annotations

from rich.text import Text

from ...i18n import t
from ...model import Project, metric_line, status, tracks
from ...model.metrics import sparkline
from ...palette import LIGHT_INK, Ink
from .sheet import Row


def text_row(text: str, style: str = "", prefix: str = "", prefix_style: str = "") -> Row:
    return (Text(prefix, style=prefix_style), Text(text, style=style))


def status_style(ink: Ink, value: str) -> str:
    """A 評価指標's status: reached in bold, unknown dim."""
    if value == "unknown":
        return "dim"
    return f"bold {ink.metric[value]}" if value == "reached" else ink.metric[value]


def trajectory_rows(project: Project, number: int, lang: str | None, ink: Ink = LIGHT_INK) -> list[Row]:
    """The 評価指標 of phase ``number``: value → target, status, and a sparkline of the phases
    up to it (the trajectory so far)."""
    rows: list[Row] = []
    for track in tracks(project):
        point = track.points[number - 1]
        if point.metric is None:
            continue
        spark = sparkline(track.values()[:number])
        line = metric_line(point.metric) + (f"  {spark}" if spark else "")
        rows.append(text_row(line, status_style(ink, status(point.metric).value), "  "))
    if rows:
        rows = [text_row(t("diff.metric.heading", lang), "bold underline"), *rows, text_row("")]
    return rows
