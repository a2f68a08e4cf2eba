"""The sheet widget: paints a :class:`~pufu.tui.layout.Layout` line by line and keeps the selection.

It knows nothing of editing: it shows a chart, moves the selection by keys and the mouse, and
tells the app (messages ``Selected`` and ``Activated``). The app's actions do the rest.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import BindingsMap
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..model import Chart, Kind
from .keys import bindings
from .layout import Layout, Slot, lay_out, neighbour

STYLES: dict[str, Style] = {
    "": Style(),
    "head": Style(bold=True, underline=True),
    "rule": Style(dim=True),
    "label": Style(bold=True, color="cyan"),
    "text": Style(),
    "empty": Style(dim=True, italic=True),
    "symbol.red": Style(color="red", bold=True),
    "symbol.white": Style(color="bright_white", bold=True),
    "symbol.green": Style(color="green", bold=True),
    "symbol.blue": Style(color="bright_blue", bold=True),
    "symbol.yellow": Style(color="yellow", bold=True),
    "progress": Style(color="magenta", bold=True),
    "comment.blue": Style(color="bright_blue"),
    "comment.green": Style(color="green"),
    "comment.red": Style(color="red"),
    "shared": Style(dim=True, italic=True),
    "line": Style(color="bright_black"),
    "warn": Style(color="yellow", bold=True),
    "metric.reached": Style(color="green", bold=True),
    "metric.on_track": Style(color="cyan"),
    "metric.off_track": Style(color="red"),
    "metric.unknown": Style(dim=True),
}
SELECTED = Style(reverse=True)
SELECTED_BLURRED = Style(underline=True, bold=True)
OTHER_COPY = Style(underline=True)


class SheetView(ScrollView, can_focus=True):
    """The プ譜 sheet: columns when wide, an outline when narrow."""

    DEFAULT_CSS = """
    SheetView { height: 1fr; scrollbar-size-vertical: 1; scrollbar-size-horizontal: 0; }
    """

    class Selected(Message):
        def __init__(self, sheet: SheetView, slot: Slot) -> None:
            super().__init__()
            self.sheet = sheet
            self.slot = slot

    class Activated(Message):
        """A part was double-clicked."""

        def __init__(self, sheet: SheetView, slot: Slot) -> None:
            super().__init__()
            self.sheet = sheet
            self.slot = slot

    def __init__(
        self,
        chart: Chart,
        lang: str = "ja",
        *,
        read_only: bool = False,
        flagged: set[str] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.chart = chart
        self.lang = lang
        self.read_only = read_only
        self.flagged = flagged or set()
        #: a sparkline of the phases so far, per 評価指標 id (set by the app)
        self.sparks: dict[str, str] = {}
        self.layout_: Layout | None = None
        self._selection = Slot(chart.goal)
        sheet_bindings = bindings("sheet", lang)
        if read_only:
            sheet_bindings = [b for b in sheet_bindings if b.action.startswith(("move(", "goto_"))]
        self._bindings = BindingsMap(sheet_bindings)

    # ------------------------------------------------------------------ state

    @property
    def selection(self) -> Slot:
        return self._selection

    def select(self, slot: Slot, *, reveal: bool = True) -> None:
        """Select a slot (or the nearest thing to it that is still on the sheet)."""
        slot = self._existing(slot)
        changed = slot != self._selection
        self._selection = slot
        self.refresh()
        if reveal:
            self.reveal()
        if changed:
            self.post_message(self.Selected(self, slot))

    def show(self, chart: Chart, flagged: set[str] | None = None) -> None:
        """Show a (changed) chart; keeps the selection when its part is still there."""
        self.chart = chart
        if flagged is not None:
            self.flagged = flagged
        self.relayout()
        self.select(self._selection)

    def _existing(self, slot: Slot) -> Slot:
        if slot.part not in self.chart:
            return Slot(self.chart.goal)
        if self.layout_ is None or slot in self.layout_.places:
            return slot
        return next(iter(self.layout_.slots_of(slot.part)), Slot(self.chart.goal))

    # ------------------------------------------------------------------ layout and painting

    def relayout(self) -> None:
        cells = self.scrollable_content_region.width or self.size.width
        if cells <= 0:
            return
        self.layout_ = lay_out(self.chart, cells, self.lang, self.flagged, self.sparks)
        self.virtual_size = Size(cells, len(self.layout_.lines))
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        cells = self.scrollable_content_region.width or self.size.width
        if self.layout_ is None or self.layout_.width != cells:  # the height changes nothing
            self.relayout()
        self._selection = self._existing(self._selection)
        self.call_after_refresh(self.reveal)

    def on_mount(self) -> None:
        self.relayout()

    def reveal(self) -> None:
        if self.layout_ is None or self._selection not in self.layout_.places:
            return
        place = self.layout_.places[self._selection]
        top = place.top - (2 if place.top <= 3 else 0)
        height = place.bottom - top + 1
        self.scroll_to_region(
            Region(place.x, max(top, 0), place.width, height), animate=False, immediate=True
        )

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = y + scroll_y
        base = self.rich_style
        cells = self.scrollable_content_region.width or self.size.width
        if self.layout_ is None or index >= len(self.layout_.lines):
            return Strip.blank(cells, base)
        chosen = SELECTED if self.has_focus or self.read_only else SELECTED_BLURRED
        segments = []
        for run in self.layout_.lines[index]:
            style = base + STYLES.get(run.style, STYLES[""])
            if run.slot is not None and not self.read_only:
                if run.slot == self._selection:
                    style += chosen
                elif run.slot.part == self._selection.part:
                    style += OTHER_COPY
            elif run.slot is not None and run.slot == self._selection:
                style += chosen
            segments.append(Segment(run.text, style))
        strip = Strip(segments).crop(scroll_x, scroll_x + cells)
        return strip.extend_cell_length(cells, base)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # ------------------------------------------------------------------ moving

    def action_move(self, direction: str) -> None:
        if self.layout_ is None:
            return
        target = neighbour(self.layout_, self.chart, self._selection, direction)
        if target is not None:
            self.select(target)

    def action_goto_goal(self) -> None:
        self.select(Slot(self.chart.goal))

    def action_goto_elements(self) -> None:
        self.select(Slot(self.chart.elements()[0]))

    def on_click(self, event: events.Click) -> None:
        if self.layout_ is None:
            return
        offset = event.get_content_offset(self)
        if offset is None:
            return
        x, y = offset.x + self.scroll_offset.x, offset.y + self.scroll_offset.y
        slot = self.layout_.slot_at(x, y)
        if slot is None:
            return
        self.focus()
        self.select(slot, reveal=False)
        if event.chain >= 2 and not self.read_only:
            self.post_message(self.Activated(self, slot))

    # ------------------------------------------------------------------ reading

    def kind(self) -> Kind:
        return self.chart.part(self._selection.part).kind
