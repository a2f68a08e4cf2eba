"""The command palette (``ctrl+p``): every action of the editor, searchable, in the UI language."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from functools import partial
from typing import Any

from textual.app import App, SystemCommand
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape
from textual.screen import Screen

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


#: Textual's own commands in the palette, by their English title: the catalogue key of each.
_SYSTEM = {"Theme": "theme", "Quit": "quit", "Keys": "keys", "Minimize": "minimize",
           "Maximize": "maximize", "Screenshot": "screenshot"}


def open_palette(app: App[Any], lang: str) -> None:
    """The command palette, its placeholder in the UI language (Textual's own is English)."""
    if app.use_command_palette and not CommandPalette.is_open(app):
        app.push_screen(CommandPalette(id="--command-palette", placeholder=t("palette.placeholder", lang)))


def system_commands(commands: Iterable[SystemCommand], screen: Screen[Any], lang: str) -> Iterable[SystemCommand]:
    """Textual's own palette commands (theme, quit, keys, ...) named in the UI language."""
    for command in commands:
        name = _SYSTEM.get(command.title)
        if name == "keys":
            name = "keys.hide" if screen.query("HelpPanel") else "keys.show"
        if name is None:
            yield command
        else:
            yield SystemCommand(t(f"palette.{name}", lang), t(f"palette.{name}.help", lang), command.callback)


def name_palette_key(app: App[Any], lang: str) -> None:
    """Textual's own ``ctrl+p`` binding (``palette`` in the footer) named in the UI language."""
    for key, found in app._bindings.key_to_bindings.items():
        app._bindings.key_to_bindings[key] = [
            dataclasses.replace(binding, description=t("key.palette", lang), tooltip=t("help.palette", lang))
            if binding.action in ("command_palette", "app.command_palette") else binding
            for binding in found
        ]
