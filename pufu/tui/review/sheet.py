"""A compact, read-only sheet for the replay: one part a line, what changed marked in the gutter.

``+`` green = added since the phase compared with, ``~`` orange = changed, ``−`` red = removed
(removed parts are listed at the end, struck through). Comments hang under their part in their
colour (green = went well, red = problem, blue = note), so a review phase of a pufu-editor map
reads as its plan with the verdicts written on. ``✎2`` says two review notes are on a part.

Rows are (prefix, body) pairs; :class:`Rows` wraps each body to the widget's width by display
cells (Japanese has no spaces), continuation lines hanging under the body.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip
from textual.widget import Widget

from ...i18n import t
from ...model import SYMBOLS, Chart, Color, Part
from ...model.diff import ChangeKind, ChartDiff
from ...model.parts import ELEMENT_KEYS
from ...model.texts import one_line
from ...palette import LIGHT_INK, Ink
from ...text import breaks
from ...text import width as text_width
from ..themes import ink_of

MARK_SIGN = {"added": "+", "changed": "~", "removed": "−"}

Row = tuple[Text, Text]


def fold(body: Text, width: int) -> list[Text]:
    """Split a one-line text into lines of at most ``width`` cells, between phrases, with 禁則
    (:func:`pufu.text.breaks`)."""
    return list(body.divide(breaks(body.plain, width)))


def render_rows(rows: Iterable[Row], width: int) -> list[Text]:
    """The rows as screen lines for a width, continuation lines indented under the body."""
    lines: list[Text] = []
    for prefix, body in rows:
        indent = text_width(prefix.plain)
        parts = fold(body, max(width - indent, 8))
        first = prefix.copy()
        first.append_text(parts[0])
        lines.append(first)
        lines.extend(Text(" " * indent) + part for part in parts[1:])
    return lines


class Rows(Widget):
    """Lines of (prefix, body) rows, wrapped to the widget's width; ``set_rows`` repaints.

    Only the lines on screen are drawn (Textual's line API), so a long sheet inside a scrolling
    container costs the same to repaint as a short one."""

    DEFAULT_CSS = """
    Rows { width: 100%; height: auto; padding: 0 1; }
    """

    #: How many (rows, width) renderings to keep: stepping back to a phase reuses its lines.
    KEEP = 32

    def __init__(self, rows: list[Row] | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self._rows: list[Row] = rows or []
        # (id of the rows list, width) -> (the rows, their lines, their drawn strips)
        self._cache: dict[tuple[int, int], tuple[list[Row], list[Text], dict[int, Strip]]] = {}
        self._base: Style | None = None

    def set_rows(self, rows: list[Row]) -> None:
        """Show these rows; giving the same list again later reuses its wrapped lines."""
        self._rows = rows
        self.refresh(layout=True)

    def _entry(self, width: int) -> tuple[list[Row], list[Text], dict[int, Strip]]:
        key = (id(self._rows), width)
        entry = self._cache.get(key)
        if entry is None or entry[0] is not self._rows:
            if len(self._cache) >= self.KEEP:
                self._cache.clear()
            entry = (self._rows, render_rows(self._rows, width), {})
            self._cache[key] = entry
        return entry

    def lines(self, width: int) -> list[Text]:
        return self._entry(width)[1]

    @property
    def plain(self) -> str:
        """Everything shown, unwrapped (for tests and screen readers)."""
        return "\n".join(prefix.plain + body.plain for prefix, body in self._rows)

    def get_content_height(self, container, viewport, width: int) -> int:  # noqa: ANN001
        return len(self.lines(width))

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width or 80
        _, lines, strips = self._entry(width)
        strip = strips.get(y)
        if strip is not None:
            return strip
        if self._base is None:
            self._base = self.rich_style
        base = self._base
        if not 0 <= y < len(lines):
            return Strip.blank(width, base)
        segments = list(lines[y].render(self.app.console, end=""))
        length = sum(len(s.text) if s.text.isascii() else cell_len(s.text) for s in segments)
        if length < width:
            segments.append(Segment(" " * (width - length)))
            strip = Strip(segments, width).apply_style(base)
        else:
            strip = Strip(segments, length).crop(0, width).apply_style(base)
        strips[y] = strip
        return strip

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._base = None
        for _, _, strips in self._cache.values():
            strips.clear()


def mark_style(ink: Ink, mark: str | None) -> str:
    """A part marked added, changed or removed: bold in the mark's colour."""
    return f"bold {ink.mark[mark]}" if mark else ""


def _row(rows: list[Row], ink: Ink, mark: str | None, indent: int, label: str, body: str) -> Text:
    prefix = Text(MARK_SIGN[mark] if mark else " ", style=mark_style(ink, mark))
    prefix.append(" " * (indent + 1))
    if label:
        prefix.append(label + " ", style="bold")
    text = Text(one_line(body) or "…", style=mark_style(ink, mark))
    rows.append((prefix, text))
    return text


def _tail(rows: list[Row], ink: Ink, text: Text, part: Part, indent: int, notes: Mapping[str, int], lang: str | None) -> None:
    count = notes.get(part.id, 0)
    if count:
        text.append(f"  ✎{count}", style=f"bold {ink.decisive}")
    if not part.comment.empty:
        style = ink.comment[part.comment.color]
        prefix = Text(" " * (indent + 4) + "└ ", style="dim")
        prefix.append(f"{t(f'comment.{part.comment.color}', lang)}: ", style=f"bold {style}")
        rows.append((prefix, Text(one_line(part.comment.text), style=style)))


def sheet_rows(
    chart: Chart,
    lang: str | None,
    *,
    marks: Mapping[str, str] | None = None,
    removed: Iterable[Part] = (),
    notes: Mapping[str, int] | None = None,
    ink: Ink = LIGHT_INK,
) -> list[Row]:
    """The sheet as rows: goal, win, 中間目的 with their 施策, the eight elements, then what
    was removed; coloured with ``ink`` (:mod:`pufu.palette`)."""
    marks = marks or {}
    notes = notes or {}
    rows: list[Row] = []

    def part_line(part_id: str, indent: int, label: str) -> None:
        part = chart.part(part_id)
        text = _row(rows, ink, marks.get(part_id), indent, label, part.text)
        _tail(rows, ink, text, part, indent, notes, lang)

    part_line(chart.goal, 0, t("kind.goal", lang))
    part_line(chart.win, 0, t("kind.win", lang))
    seen: set[str] = set()
    for number, purpose in enumerate(chart.purposes(), start=1):
        part_line(purpose, 0, f"{t('kind.purpose', lang)}{number}")
        for measure_id in chart.measures_of(purpose):
            measure = chart.part(measure_id)
            mark = marks.get(measure_id)
            prefix = Text(MARK_SIGN[mark] if mark else " ", style=mark_style(ink, mark))
            prefix.append("    ")
            color = measure.color or Color.WHITE
            prefix.append(SYMBOLS[color] + " ", style=ink.measure[color])
            body = Text(one_line(measure.text) or "…", style=mark_style(ink, mark))
            if measure_id in seen:
                body.append(" ↪", style="dim")
            seen.add(measure_id)
            if measure.progress is not None:
                body.append(f" {measure.progress:g}%", style=ink.progress)
            rows.append((prefix, body))
            _tail(rows, ink, body, measure, 4, notes, lang)
    for measure_id in chart.measures():
        if measure_id not in seen:
            part_line(measure_id, 4, "?")
    rows.append((Text(" "), Text(t("kind.elements", lang), style="bold underline")))
    for key in ELEMENT_KEYS:
        part_line(chart.element(key), 2, t(f"element.{key}", lang) + ":")
    removed = list(removed)
    if removed:
        rows.append((Text(""), Text("")))
        red = ink.mark["removed"]
        rows.append((Text(" "), Text(t("review.removed_here", lang), style=f"bold {red}")))
        for part in removed:
            prefix = Text("−", style=f"bold {red}")
            prefix.append(f"  {t(f'kind.{part.kind.value}', lang)} ", style=red)
            rows.append((prefix, Text(one_line(part.text) or "…", style=f"{red} strike")))
    return rows


class SheetView(Rows):
    """The sheet of one phase with what changed marked."""

    def show(
        self,
        chart: Chart,
        lang: str | None,
        *,
        marks: Mapping[str, str] | None = None,
        removed: Iterable[Part] = (),
        notes: Mapping[str, int] | None = None,
    ) -> None:
        ink = ink_of(self.app.current_theme)
        self.set_rows(sheet_rows(chart, lang, marks=marks, removed=removed, notes=notes, ink=ink))


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
