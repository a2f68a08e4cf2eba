"""Colours of diagrams, light and dark: the diagram part of :mod:`pufu.palette`, where every
colour pufu shows is defined. Both stay readable printed in grey: every text has a luminance
contrast of at least 4.5:1 with what it stands on (tests/export checks it), and 施策 colours
are told apart by their symbols (●○■◆★), not only by their hue."""

from __future__ import annotations

from ..palette import PALETTES, contrast, luminance
from ..palette import Diagram as Theme

LIGHT: Theme = PALETTES["light"].diagram
DARK: Theme = PALETTES["dark"].diagram

THEMES: dict[str, Theme] = {name: palette.diagram for name, palette in PALETTES.items()}

__all__ = ["DARK", "LIGHT", "THEMES", "Theme", "contrast", "luminance"]
