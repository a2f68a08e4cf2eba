"""A compact, read-only sheet for the replay: one part a line, what changed marked in the gutter.

``+`` green = added since the phase compared with, ``~`` orange = changed, ``−`` red = removed
(removed parts are listed at the end, struck through). Comments hang under their part in their
colour (green = went well, red = problem, blue = note), so a review phase of a pufu-editor map
reads as its plan with the verdicts written on. ``✎2`` says two review notes are on a part.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rich.text import Text
from textual.widgets import Static

from ...i18n import t
from ...model import SYMBOLS, Chart, Part
from ...model.diff import ChangeKind, ChartDiff
from ...model.parts import ELEMENT_KEYS

MARK_STYLE = {"added": "bold green", "changed": "bold dark_orange", "removed": "bold red"}
MARK_SIGN = {"added": "+", "changed": "~", "removed": "−"}
COMMENT_STYLE = {"green": "green", "red": "red", "blue": "steel_blue1"}
MEASURE_STYLE = {"red": "red", "white": "white", "green": "green", "blue": "dodger_blue2", "yellow": "yellow"}


def _add(out: Text, mark: str | None, indent: int, label: str, body: str, style: str = "") -> None:
    out.append(MARK_SIGN[mark] if mark else " ", style=MARK_STYLE.get(mark or "", ""))
    out.append(" " * (indent + 1))
    if label:
        out.append(label, style="bold")
        out.append(" ")
    out.append(body.replace("\n", " ⏎ ") or "…", style=style or (MARK_STYLE[mark] if mark else ""))


def _tail(out: Text, part: Part, indent: int, notes: Mapping[str, int], lang: str | None) -> None:
    count = notes.get(part.id, 0)
    if count:
        out.append(f"  ✎{count}", style="bold magenta")
    out.append("\n")
    if not part.comment.empty:
        out.append(" " * (indent + 4) + "└ ", style="dim")
        label = t(f"comment.{part.comment.color}", lang)
        style = COMMENT_STYLE[part.comment.color]
        out.append(f"{label}: ", style=f"bold {style}")
        out.append(part.comment.text.replace("\n", " ⏎ ") + "\n", style=style)


def sheet_text(
    chart: Chart,
    lang: str | None,
    *,
    marks: Mapping[str, str] | None = None,
    removed: Iterable[Part] = (),
    notes: Mapping[str, int] | None = None,
) -> Text:
    """The sheet as rich text: goal, win, 中間目的 with their 施策, the eight elements."""
    marks = marks or {}
    notes = notes or {}
    out = Text()

    def part_line(part_id: str, indent: int, label: str, body_style: str = "") -> None:
        part = chart.part(part_id)
        mark = marks.get(part_id)
        _add(out, mark, indent, label, part.text, body_style if not mark else "")
        _tail(out, part, indent, notes, lang)

    part_line(chart.goal, 0, t("kind.goal", lang))
    part_line(chart.win, 0, t("kind.win", lang))
    seen: set[str] = set()
    for number, purpose in enumerate(chart.purposes(), start=1):
        part_line(purpose, 0, f"{t('kind.purpose', lang)}{number}")
        for measure_id in chart.measures_of(purpose):
            measure = chart.part(measure_id)
            color = str(measure.color)
            label = SYMBOLS[measure.color]
            progress = "" if measure.progress is None else f" {measure.progress:g}%"
            mark = marks.get(measure_id)
            out.append(MARK_SIGN[mark] if mark else " ", style=MARK_STYLE.get(mark or "", ""))
            out.append("    ")
            out.append(label + " ", style=MEASURE_STYLE[color])
            shared = " ↪" if measure_id in seen else ""
            seen.add(measure_id)
            out.append(
                (measure.text.replace("\n", " ⏎ ") or "…") + shared,
                style=MARK_STYLE[mark] if mark else "",
            )
            if progress:
                out.append(progress, style="cyan")
            _tail(out, measure, 4, notes, lang)
    loose = [m for m in chart.measures() if m not in seen]
    for measure_id in loose:
        part_line(measure_id, 4, "?")
    out.append(" " + t("kind.elements", lang) + "\n", style="bold underline")
    for key in ELEMENT_KEYS:
        part_line(chart.element(key), 2, t(f"element.{key}", lang) + ":")
    removed = list(removed)
    if removed:
        out.append("\n " + t("review.removed_here", lang) + "\n", style="bold red")
        for part in removed:
            out.append("−", style="bold red")
            out.append(f"  {t(f'kind.{part.kind.value}', lang)} ", style="red")
            out.append((part.text.replace("\n", " ⏎ ") or "…") + "\n", style="red strike")
    return out


class SheetView(Static):
    """A Static showing :func:`sheet_text`; ``show`` repaints it."""

    DEFAULT_CSS = """
    SheetView { width: 100%; height: auto; padding: 0 1; }
    """

    def show(
        self,
        chart: Chart,
        lang: str | None,
        *,
        marks: Mapping[str, str] | None = None,
        removed: Iterable[Part] = (),
        notes: Mapping[str, int] | None = None,
    ) -> None:
        self.update(sheet_text(chart, lang, marks=marks, removed=removed, notes=notes))


def step_marks(d: ChartDiff, before: Chart) -> tuple[dict[str, str], list[Part], dict[str, str]]:
    """From a diff: marks on the newer sheet, the removed parts (of the older sheet), and marks
    on the older sheet (removed and changed parts by their old ids), for side by side."""
    after_marks: dict[str, str] = {}
    before_marks: dict[str, str] = {}
    removed: list[Part] = []
    for change in d.changes:
        if change.kind == ChangeKind.ADDED:
            after_marks[change.part_id] = "added"
        elif change.kind == ChangeKind.REMOVED:
            before_marks[change.part_id] = "removed"
            removed.append(before.part(change.part_id))
        else:
            after_marks.setdefault(change.part_id, "changed")
            if change.a_id is not None:
                before_marks.setdefault(change.a_id, "changed")
    return after_marks, removed, before_marks
