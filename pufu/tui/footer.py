"""Textual's footer, rebuilt only when the keys it shows change.

Textual's :class:`~textual.widgets.Footer` mounts all its keys again whenever the bindings may
have changed (a dialog closing, the focus moving), which costs more than the change itself on a
big chart. This one keeps what it showed and rebuilds only when that differs.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    """The footer of the editor: the same look, fewer rebuilds."""

    _shown: tuple[tuple[str, str, str, bool], ...] | None = None

    def _keys(self) -> tuple[tuple[str, str, str, bool], ...]:
        return tuple(
            (binding.key, binding.description, binding.action, enabled)
            for (_node, binding, enabled, _tooltip) in self.screen.active_bindings.values()
            if binding.show or binding.action == "command_palette"
        )

    def bindings_changed(self, screen: Screen) -> None:
        if self._bindings_ready and self.is_attached and screen is self.screen and self._keys() == self._shown:
            return
        super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._keys()
        yield from super().compose()
