"""``pufu review PROJECT``: a small app that opens the replay screen and ends when it is left."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.screen import Screen

from ...i18n import default_lang, t
from ...model import Project, Stamp
from ...settings import current
from ..palette import name_palette_key, open_palette, system_commands
from ..themes import Palettes
from .screens import ReviewScreen


class ReviewApp(Palettes, App[None]):
    """The 感想戦 on its own: the replay screen over a project file."""

    def __init__(self, project: Project, path: str | Path | None = None, stamp: Stamp | None = None, *, lang: str | None = None, author: str = "") -> None:
        super().__init__()
        self.use_palette()
        self.project, self.path, self.stamp = project, path, stamp
        self.lang = lang or default_lang()
        name_palette_key(self, self.lang)
        self.author = author
        self.title = f"{t('review.title', self.lang)} — {project.title or t('untitled', self.lang)}"
        self.set_keymap(current().keys)  # the settings' [keys] table, binding id → keys

    def action_command_palette(self) -> None:
        open_palette(self, self.lang)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        return system_commands(super().get_system_commands(screen), screen, self.lang)

    def on_mount(self) -> None:
        screen = ReviewScreen(self.project, self.path, stamp=self.stamp, lang=self.lang, author=self.author)
        self.push_screen(screen, lambda _: self.exit())
