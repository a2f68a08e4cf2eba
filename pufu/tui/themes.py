"""pufu's light and dark themes for Textual, made from :mod:`pufu.palette`.

:class:`Palettes` is mixed into pufu's apps: it registers ``pufu-light`` and ``pufu-dark``,
starts with the ``theme`` setting (:func:`pufu.settings.current`), and gives every theme —
also one of Textual's own, chosen from the command palette — the ``$pufu-*`` CSS variables of
the ink that suits it (light or dark), so widgets style their parts with component classes.
"""

from __future__ import annotations

from typing import cast

from textual.app import App
from textual.theme import Theme

from ..palette import PALETTES, Ink, Palette, css_variables, screen_colors


def theme_name(palette: str) -> str:
    return f"pufu-{palette}"


def textual_theme(palette: Palette) -> Theme:
    return Theme(name=theme_name(palette.name), variables=css_variables(palette.ink), **screen_colors(palette.screen))  # type: ignore[arg-type]


def ink_of(theme: Theme) -> Ink:
    """The ink that reads on a theme: the dark palette's on a dark theme."""
    return PALETTES["dark" if theme.dark else "light"].ink


class Palettes:
    """Mixin for an :class:`~textual.app.App`: pufu's themes, the setting's one first."""

    def use_palette(self, name: str | None = None) -> None:
        """Register pufu's themes and show ``name`` (default: the ``theme`` setting)."""
        app = cast(App, self)
        if name is None:
            from ..settings import current

            name = current().theme
        for palette in PALETTES.values():
            app.register_theme(textual_theme(palette))
        app.theme = theme_name(name if name in PALETTES else "light")

    @property
    def ink(self) -> Ink:
        """The text colours that read on the theme shown now."""
        return ink_of(cast(App, self).current_theme)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return css_variables(self.ink)
