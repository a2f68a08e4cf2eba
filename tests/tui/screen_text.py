"""The screen as a user sees it, read back from Textual's own SVG screenshot.

``screen_lines(app)`` gives the terminal's rows as text (wide characters take two cells, as on
the terminal); ``region_text(app, widget)`` the text inside one widget's region, its rows joined
without spaces, so a sentence wrapped over several rows can be looked for whole.
"""

from __future__ import annotations

import html
import re

from rich.cells import cell_len
from textual.app import App
from textual.widget import Widget

_TEXT = re.compile(
    r'<text class="[^"]*" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+" '
    r'clip-path="url\(#[^)]*-line-(\d+)\)">([^<]*)</text>'
)
_CELL = 12.2  # the width of one cell in Rich's SVG export


def screen_cells(app: App) -> list[list[str]]:
    """Every cell of the screen; the right half of a wide character is ``""``."""
    width, height = app.size
    grid = [[" "] * width for _ in range(height)]
    for match in _TEXT.finditer(app.export_screenshot()):
        x = round(float(match.group(1)) / _CELL)
        row = grid[int(match.group(2))]
        for char in html.unescape(match.group(3)).replace("\xa0", " "):
            if x < width:
                row[x] = char
                if cell_len(char) == 2 and x + 1 < width:
                    row[x + 1] = ""
            x += cell_len(char)
    return grid


def screen_lines(app: App) -> list[str]:
    """The screen's rows as text (trailing blanks removed)."""
    return ["".join(row).rstrip() for row in screen_cells(app)]


def region_text(app: App, widget: Widget) -> str:
    """The text shown inside ``widget``'s region, rows joined, blanks and frame lines removed."""
    region = widget.region
    grid = screen_cells(app)
    rows = ["".join(row[region.x : region.right]) for row in grid[region.y : region.bottom]]
    return re.sub(r"[\s▊▌▎▔▁█▀▄]", "", "".join(rows))


def fits(app: App, widget: Widget) -> bool:
    """Whether the whole of ``widget`` lies on the screen (nothing cut off at an edge)."""
    return app.screen.region.contains_region(widget.region) and widget.region.area > 0
