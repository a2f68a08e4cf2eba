"""Colours of diagrams, light and dark. Both stay readable printed in grey: every text has a
luminance contrast of at least 4.5:1 with what it stands on (tests/export checks it), and
施策 colours are told apart by their symbols (●○■◆★), not only by their hue."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Color


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    text: str
    muted: str  # small headings ("中間目的 1"), legend words
    edge: str
    border: str
    band: str  # the band behind each 中間目的 and its 施策
    band_border: str
    purpose: str
    win: str
    goal: str
    panel: str  # 廟算八要素
    panel_head: str
    measure: dict[Color, str]
    symbol: dict[Color, str]
    comment: dict[str, str]  # comment colour -> fill of the comment row
    bar: str
    bar_empty: str
    mark: dict[str, str]  # added / changed / removed -> border colour


LIGHT = Theme(
    name="light",
    background="#ffffff",
    text="#1a1a1a",
    muted="#4d4d4d",
    edge="#5c6670",
    border="#6b7580",
    band="#f3f5f8",
    band_border="#d5dbe3",
    purpose="#e3ecf7",
    win="#fdf0d2",
    goal="#fbe0b5",
    panel="#f7f7f4",
    panel_head="#e6e6df",
    measure={
        Color.RED: "#f8cdc8",
        Color.WHITE: "#ffffff",
        Color.GREEN: "#cfe9d0",
        Color.BLUE: "#cfe0f6",
        Color.YELLOW: "#fff1a6",
    },
    symbol={
        Color.RED: "#b71c1c",
        Color.WHITE: "#3d3d3d",
        Color.GREEN: "#1b5e20",
        Color.BLUE: "#0d47a1",
        Color.YELLOW: "#6d5200",
    },
    comment={"blue": "#dceafb", "green": "#dcf1dd", "red": "#fbdedb"},
    bar="#2f6db5",
    bar_empty="#d5dbe3",
    mark={"added": "#2e7d32", "changed": "#e67e00", "removed": "#d32f2f"},
)

DARK = Theme(
    name="dark",
    background="#1d2127",
    text="#f0f2f5",
    muted="#c3c9d1",
    edge="#9aa4b0",
    border="#8a94a0",
    band="#262b33",
    band_border="#3a414c",
    purpose="#2c3d55",
    win="#4d3f1f",
    goal="#5c3f14",
    panel="#262a30",
    panel_head="#353b44",
    measure={
        Color.RED: "#6e2a2a",
        Color.WHITE: "#3a4049",
        Color.GREEN: "#24502b",
        Color.BLUE: "#21426e",
        Color.YELLOW: "#5a4b12",
    },
    symbol={
        Color.RED: "#ffb3ab",
        Color.WHITE: "#ffffff",
        Color.GREEN: "#a8e0ad",
        Color.BLUE: "#a9cbf5",
        Color.YELLOW: "#ffe27a",
    },
    comment={"blue": "#1f3550", "green": "#1f4025", "red": "#4f2323"},
    bar="#8fbef5",
    bar_empty="#4a525e",
    mark={"added": "#6fd17a", "changed": "#ffb04a", "removed": "#ff6b6b"},
)

THEMES: dict[str, Theme] = {"light": LIGHT, "dark": DARK}


def luminance(color: str) -> float:
    """Relative luminance of ``#rrggbb`` (WCAG), what a grey printer keeps of a colour."""
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """Luminance contrast ratio of two colours, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
