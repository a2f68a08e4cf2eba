"""The sheet widget: paints a :class:`~pufu.tui.layout.Layout` line by line and keeps the selection.

It knows nothing of editing: it shows a chart, moves the selection by keys and the mouse, and
tells the app (messages ``Selected`` and ``Activated``). The app's actions do the rest.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import BindingsMap
from textual.css.model import SelectorType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..model import Chart, Kind
from .keys import bindings
from .layout import Layout, Slot, lay_out, neighbour

#: The layout's run styles (``symbol.blue``) -> the sheet's component classes, whose colours
#: come from the theme (:mod:`pufu.tui.themes`, ``$pufu-*`` from :mod:`pufu.palette`).
STYLE_CLASSES: dict[str, str] = {
    name: "sheet--" + name.replace(".", "-").replace("_", "-")
    for name in (
        "head", "rule", "label", "text", "empty", "progress", "shared", "line", "warn",
        *(f"symbol.{color}" for color in ("red", "white", "green", "blue", "yellow")),
        *(f"comment.{color}" for color in ("blue", "green", "red")),
        *(f"metric.{status}" for status in ("reached", "on_track", "off_track", "unknown")),
    )
}
SELECTED, SELECTED_BLURRED, OTHER_COPY = "sheet--selected", "sheet--selected-blurred", "sheet--other-copy"
#: The pseudo-classes that follow the focus.
FOCUS_STATES = frozenset({"focus", "blur", "focus-within"})


class SheetView(ScrollView, can_focus=True):
    """The プ譜 sheet: columns when wide, an outline when narrow."""

    COMPONENT_CLASSES = {*STYLE_CLASSES.values(), SELECTED, SELECTED_BLURRED, OTHER_COPY}

    DEFAULT_CSS = """
    SheetView { height: 1fr; scrollbar-size-vertical: 1; scrollbar-size-horizontal: 0; scrollbar-gutter: stable; }
    SheetView > .sheet--head { text-style: bold underline; }
    SheetView > .sheet--rule { text-style: dim; }
    SheetView > .sheet--label { color: $pufu-label; text-style: bold; }
    SheetView > .sheet--empty { text-style: dim italic; }
    SheetView > .sheet--symbol-red { color: $pufu-measure-red; text-style: bold; }
    SheetView > .sheet--symbol-white { color: $pufu-measure-white; text-style: bold; }
    SheetView > .sheet--symbol-green { color: $pufu-measure-green; text-style: bold; }
    SheetView > .sheet--symbol-blue { color: $pufu-measure-blue; text-style: bold; }
    SheetView > .sheet--symbol-yellow { color: $pufu-measure-yellow; text-style: bold; }
    SheetView > .sheet--progress { color: $pufu-progress; text-style: bold; }
    SheetView > .sheet--comment-blue { color: $pufu-comment-blue; }
    SheetView > .sheet--comment-green { color: $pufu-comment-green; }
    SheetView > .sheet--comment-red { color: $pufu-comment-red; }
    SheetView > .sheet--shared { text-style: dim italic; }
    SheetView > .sheet--line { color: $pufu-line; }
    SheetView > .sheet--warn { color: $pufu-warn; text-style: bold; }
    SheetView > .sheet--metric-reached { color: $pufu-metric-reached; text-style: bold; }
    SheetView > .sheet--metric-on-track { color: $pufu-metric-on-track; }
    SheetView > .sheet--metric-off-track { color: $pufu-metric-off-track; }
    SheetView > .sheet--metric-unknown { text-style: dim; }
    SheetView > .sheet--selected { text-style: reverse; }
    SheetView > .sheet--selected-blurred { text-style: bold underline; }
    SheetView > .sheet--other-copy { text-style: underline; }
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
        #: while Textual asks for lines: the styles they share (see render_lines)
        self._styles: tuple[Style, int, dict[str, Style], Style, Style] | None = None
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
        if changed:  # the lines of both parts (every copy of a part is marked): the rest stays
            self._refresh_parts(self._selection.part, slot.part)
        self._selection = slot
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
        before, self.layout_ = self.layout_, lay_out(self.chart, cells, self.lang, self.flagged, self.sparks)
        self.virtual_size = Size(cells, len(self.layout_.lines))
        if before is None or before.width != cells or len(before.lines) != len(self.layout_.lines):
            self.refresh()
            return
        # the same rows: draw again only the shown lines that changed
        top = self.scroll_offset.y
        old, new = before.lines, self.layout_.lines
        for y in range(top, min(top + self.size.height, len(new))):
            if old[y] != new[y]:
                self.refresh_line(y)

    def _refresh_parts(self, *parts: str) -> None:
        """Draw again the lines where these parts are (a change of selection)."""
        if self.layout_ is None:
            return
        places = self.layout_.places
        for part in dict.fromkeys(parts):
            for slot in self.layout_.slots_of(part):
                place = places[slot]
                self.refresh_lines(place.top, place.bottom - place.top + 1)

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

    def render_lines(self, crop: Region) -> list[Strip]:
        """Textual asks for the lines to draw: the styles they share are worked out once for them
        (the sheet's own style walks up the DOM each time it is asked for)."""
        self._styles = self._shared_styles()
        try:
            return super().render_lines(crop)
        finally:
            self._styles = None

    def _shared_styles(self) -> tuple[Style, int, dict[str, Style], Style, Style]:
        """The sheet's style, its width, the run styles made so far, the selection's styles."""
        look = self._look
        base = self.rich_style
        cells = self.scrollable_content_region.width or self.size.width
        chosen = look(SELECTED if self.has_focus or self.read_only else SELECTED_BLURRED)
        return (base, cells, {}, chosen, look(OTHER_COPY))

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = y + scroll_y
        base, cells, styled, chosen, other_copy = self._styles or self._shared_styles()
        if self.layout_ is None or index >= len(self.layout_.lines):
            return Strip.blank(cells, base)
        selection = self._selection
        read_only = self.read_only
        segments = []
        for run in self.layout_.lines[index]:
            style = styled.get(run.style)
            if style is None:
                name = STYLE_CLASSES.get(run.style)
                style = styled[run.style] = base + self._look(name) if name else base
            slot = run.slot
            if slot is not None:
                if slot == selection:
                    style += chosen
                elif not read_only and slot.part == selection.part:
                    style += other_copy
            segments.append(Segment(run.text, style))
        strip = Strip(segments).crop(scroll_x, scroll_x + cells)
        return strip.extend_cell_length(cells, base)

    def _look(self, component: str) -> Style:
        """A component class's own style (Textual caches it until the theme or CSS changes)."""
        return self.get_component_rich_style(component, partial=True)

    def watch_has_focus(self, has_focus: bool) -> None:
        """Textual matches a widget's CSS again as it gains or loses the focus: for the sheet and
        its many component classes that is ~2 ms each time the edit box or a dialog opens or
        closes. Only when a rule could depend on the sheet's focus (none does today)."""
        if self._styled_by_focus():
            super().watch_has_focus(has_focus)

    def _styled_by_focus(self) -> bool:
        names = self._css_type_names
        for rule in self.app.stylesheet.rules:
            if rule.pseudo_classes & FOCUS_STATES:
                for selectors in rule.selector_set:
                    last = selectors.selectors[-1]
                    if last.type != SelectorType.TYPE or last.name in names:
                        return True
        return False

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
