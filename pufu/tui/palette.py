"""The command palette (``ctrl+p``): every action of the editor, searchable, in the UI language."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

from ..i18n import t
from .keys import KEYS, display, keys_of


class PufuCommands(Provider):
    """Lists every action in :data:`~pufu.tui.keys.KEYS` (the export and template hooks too)."""

    def _commands(self) -> list[tuple[str, str, str]]:
        lang = getattr(self.app, "lang", "ja")
        out = []
        for key in KEYS:
            if not key.palette:
                continue
            name = t(f"key.{key.id}", lang)
            keys = f"  [{display(keys_of(key, self.app._keymap))}]" if key.keys else ""
            out.append((f"{name}{keys}", t(f"help.{key.id}", lang), key.action))
        return out

    async def discover(self) -> Hits:
        for name, help_text, action in self._commands():
            yield DiscoveryHit(escape(name), partial(self.app.run_action, action), text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, action in self._commands():
            score = max(matcher.match(name), matcher.match(help_text) * 0.8)
            if score > 0:
                # escaped: the matcher reads markup, and the key in brackets would vanish as a tag
                yield Hit(score, matcher.highlight(escape(name)), partial(self.app.run_action, action), help=help_text)
