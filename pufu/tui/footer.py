"""Textual's footer, rebuilt only when it has to be.

Textual's :class:`~textual.widgets.Footer` mounts all its keys again whenever the bindings may
have changed (a dialog closing, the focus moving), which costs more than the change itself on a
big chart. This one keeps what it showed and does nothing when that is still what to show.
And it keeps the keys of the states it has shown (the sheet's, the edit box's) mounted side by
side, showing only those of the state at hand: as the focus moves between the sheet and the
edit box it hides and shows keys instead of mounting new ones. The look is that of Textual's
footer with the keys at hand (grouped keys, which pufu does not use, get Textual's own footer).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

#: At most this many keys are held (shown and hidden); beyond, the footer starts afresh.
HELD = 40


@dataclass(frozen=True)
class Entry:
    """One key of the footer, as Textual's footer shows it."""

    binding: Binding
    enabled: bool
    tooltip: str

    @property
    def name(self) -> tuple[str, str, str, bool, str]:
        return (self.binding.key, self.binding.description, self.binding.action, self.enabled, self.tooltip)


class KeysFooter(Footer):
    """The footer of the editor: the same look, fewer rebuilds."""

    _shown: tuple[tuple[str, str, str, bool, str], ...] | None = None
    #: the keys mounted, in order (some hidden); None: Textual's own footer (grouped keys)
    _held: list[Entry] | None = None
    _widgets: dict[tuple[str, str, str, bool, str], FooterKey] | None = None

    def _entries(self) -> tuple[list[Entry], Entry | None, bool]:
        """The keys to show, as Footer.compose picks them (the first key of each action, the
        command palette's on its own), and whether any binding is grouped."""
        active = self.screen.active_bindings
        keys: list[Entry] = []
        actions: set[str] = set()
        grouped = False
        for _node, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in actions:
                actions.add(binding.action)
                keys.append(Entry(binding, enabled, tooltip))
                grouped = grouped or binding.group is not None
        palette = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            found = active.get(self.app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _node, binding, enabled, _tooltip = found
                palette = Entry(binding, enabled, binding.tooltip or binding.description)
        return keys, palette, grouped

    def _names(self) -> tuple[tuple[str, str, str, bool, str], ...]:
        keys, palette, _grouped = self._entries()
        return tuple(entry.name for entry in ([*keys, palette] if palette else keys))

    def bindings_changed(self, screen: Screen) -> None:
        if self._bindings_ready and self.is_attached and screen is self.screen and screen.app.app_focus:
            names = self._names()
            if names == self._shown:
                return
            if self._show_only(names):
                self._shown = names
                return
            self._shown = names  # what the rebuild (after the next refresh) shows
        super().bindings_changed(screen)

    def _show_only(self, names: tuple[tuple[str, str, str, bool, str], ...]) -> bool:
        """Show just the held keys named (in their order), if they are all held; else False."""
        widgets = self._widgets
        if widgets is None or not all(name in widgets for name in names):
            return False
        wanted = set(names)
        if [name for name in widgets if name in wanted] != list(names):
            return False  # held in another order
        for name, widget in widgets.items():
            widget.display = name in wanted
        return True

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        keys, palette, grouped = self._entries()
        self._shown = tuple(entry.name for entry in ([*keys, palette] if palette else keys))
        if grouped:
            self._held = self._widgets = None
            yield from super().compose()
            return
        held = _merged(self._held or [], keys)
        self._held = held
        wanted = {entry.name for entry in keys}
        self._widgets = {}
        for entry in held:
            widget = FooterKey(
                entry.binding.key,
                self.app.get_key_display(entry.binding),
                entry.binding.description,
                entry.binding.action,
                disabled=not entry.enabled,
                tooltip=entry.tooltip,
            ).data_bind(compact=Footer.compact)
            widget.display = entry.name in wanted
            self._widgets[entry.name] = widget
            yield widget
        if palette is not None:
            widget = FooterKey(
                palette.binding.key,
                self.app.get_key_display(palette.binding),
                palette.binding.description,
                palette.binding.action,
                classes="-command-palette",
                disabled=not palette.enabled,
                tooltip=palette.tooltip,
            )
            self._widgets[palette.name] = widget
            yield widget


def _merged(held: list[Entry], keys: list[Entry]) -> list[Entry]:
    """The held keys and the keys to show in one order that keeps the order of each (the keys
    to show alone when there is none, or when that would hold too many)."""
    names = [entry.name for entry in held]
    out: list[Entry] = []
    taken = 0
    for entry in keys:
        if entry.name in names[taken:]:
            upto = names.index(entry.name, taken) + 1
            out.extend(held[taken:upto])
            taken = upto
        elif entry.name in names:
            return list(keys)  # held before a key shown earlier: the two orders differ
        else:
            out.append(entry)
    out.extend(held[taken:])
    if len({entry.name for entry in out}) != len(out) or len(out) > HELD:
        return list(keys)
    return out
