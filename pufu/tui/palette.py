"""The command palette (``ctrl+p``): every action of the editor, searchable, in the UI language."""

from __future__ import annotations

from functools import partial

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

from ..i18n import t
from .keys import KEYS, display, keys_of


class PufuCommands(Provider):
    """Lists every action in :data:`~pufu.tui.keys.KEYS` (the export and template hooks too),
    then Textual's own commands (theme, keys, screenshot, quit).

    The one provider of the editor: Textual keeps providers in a set, so with two the order of
    the list would change from run to run; pufu's actions come first, always."""

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

    def _system(self) -> list[SystemCommand]:
        return list(self.app.get_system_commands(self.screen))

    async def discover(self) -> Hits:
        for name, help_text, action in self._commands():
            yield DiscoveryHit(escape(name), partial(self.app.run_action, action), text=name, help=help_text)
        for command in self._system():
            if command.discover:
                yield DiscoveryHit(escape(command.title), command.callback, text=command.title, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, action in self._commands():
            score = max(matcher.match(name), matcher.match(help_text) * 0.8)
            if score > 0:
                # escaped: the matcher reads markup, and the key in brackets would vanish as a tag
                yield Hit(score, matcher.highlight(escape(name)), partial(self.app.run_action, action), help=help_text)
        for command in self._system():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(score, matcher.highlight(escape(command.title)), command.callback, help=command.help)
