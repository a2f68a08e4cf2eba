"""pufu's colours, in one place: the editor, the review screen, the coloured diff and the diagrams.

Plain data (``#rrggbb`` strings), light and dark:

- :class:`Diagram` — the fills, borders and texts of diagrams and decks (:mod:`pufu.export`);
- :class:`Ink` — text colours in a terminal: the 施策 symbols (● red, ○ white, ■ green,
  ◆ blue, ★ yellow), comments, the diff's added / changed / removed / moved marks, the decisive
  changes, progress, 評価指標 status, review notes;
- :class:`Screen` — the editor's Textual theme (background, panels, accents);
  :func:`css_variables` names every ink colour for Textual CSS (``$pufu-measure-blue``).

A :class:`Palette` joins the three for ``light`` and ``dark`` (the ``theme`` setting).
:data:`TERMINAL_INK` colours what the command line prints, whose background pufu does not know:
mid-tones readable on black and on white.

Every terminal colour is an entry of the xterm 256-colour cube, or so close to one that Rich's
downsampling (truecolor → 256 colours, as on ``TERM=xterm-256color``) keeps its hue: blue stays
blue, not violet (tests/core/test_palette.py checks each one).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from .model.parts import Color


@dataclass(frozen=True)
class Diagram:
    """Colours of diagrams. Both stay readable printed in grey: every text has a luminance
    contrast of at least 4.5:1 with what it stands on (tests/export checks it), and 施策
    colours are told apart by their symbols (●○■◆★), not only by their hue."""

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
    #: a 評価指標's chart (pufu report): its line and points, target, baseline, axes, labels
    chart: dict[str, str]


@dataclass(frozen=True)
class Hues:
    """The named hues of one terminal variant; :class:`Ink` gives them their meanings."""

    red: str
    green: str
    blue: str
    yellow: str
    orange: str
    cyan: str
    magenta: str
    white: str  # the ○ 施策: the variant's plain text colour, a grey
    grey: str  # lines, rules


@dataclass(frozen=True)
class Ink:
    """Text colours in a terminal, each a meaning (all from one :class:`Hues`)."""

    hues: Hues

    @property
    def measure(self) -> dict[Color, str]:
        h = self.hues
        return {Color.RED: h.red, Color.WHITE: h.white, Color.GREEN: h.green, Color.BLUE: h.blue, Color.YELLOW: h.yellow}

    @property
    def comment(self) -> dict[str, str]:
        """Comment colour (green = went well, red = problem, blue = note) -> text colour."""
        return {"green": self.hues.green, "red": self.hues.red, "blue": self.hues.blue}

    @property
    def mark(self) -> dict[str, str]:
        """A change: added, changed, removed, moved (or reordered)."""
        h = self.hues
        return {"added": h.green, "changed": h.orange, "removed": h.red, "moved": h.cyan}

    @property
    def metric(self) -> dict[str, str]:
        """A 評価指標's status (``unknown`` is dim, no colour)."""
        h = self.hues
        return {"reached": h.green, "on_track": h.cyan, "off_track": h.red}

    @property
    def note(self) -> dict[str, str]:
        """A review note's kind."""
        h = self.hues
        return {"good": h.green, "bad": h.red, "lesson": h.yellow, "question": h.cyan}

    @property
    def decisive(self) -> str:
        """A changed 獲得目標 or 勝利条件, a decisive 評価指標 change, review notes on a part."""
        return self.hues.magenta

    @property
    def label(self) -> str:
        return self.hues.cyan

    @property
    def progress(self) -> str:
        return self.hues.magenta

    @property
    def warn(self) -> str:
        return self.hues.yellow

    @property
    def line(self) -> str:
        return self.hues.grey

    @property
    def ok(self) -> str:
        """Checks passed."""
        return self.hues.green

    @property
    def error(self) -> str:
        return self.hues.red

    def colors(self) -> dict[str, str]:
        """Every colour by a dotted name (``measure.blue``, ``mark.added``, ``decisive``)."""
        named: dict[str, str] = {}
        for group in ("measure", "comment", "mark", "metric", "note"):
            for key, value in getattr(self, group).items():
                named[f"{group}.{key}"] = value
        for single in ("decisive", "label", "progress", "warn", "line", "ok", "error"):
            named[single] = getattr(self, single)
        return named


@dataclass(frozen=True)
class Screen:
    """The editor's Textual theme: surfaces and accents."""

    dark: bool
    foreground: str
    background: str
    surface: str
    panel: str
    primary: str
    secondary: str
    accent: str
    warning: str
    error: str
    success: str


@dataclass(frozen=True)
class Palette:
    name: str
    screen: Screen
    ink: Ink
    diagram: Diagram


def css_variables(ink: Ink) -> dict[str, str]:
    """The ink as Textual CSS variables: ``pufu-measure-blue``, ``pufu-mark-added``, …"""
    return {"pufu-" + name.replace(".", "-").replace("_", "-"): value for name, value in ink.colors().items()}


def screen_colors(screen: Screen) -> dict[str, str | bool]:
    """The screen's fields as keyword arguments of ``textual.theme.Theme``."""
    return {field.name: getattr(screen, field.name) for field in fields(screen)}


LIGHT_DIAGRAM = Diagram(
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
    chart={"line": "#0b62d6", "target": "#1a7f37", "baseline": "#888888", "axis": "#999999",
           "label": "#555555", "text": "#222222"},
)

DARK_DIAGRAM = Diagram(
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
    chart={"line": "#8fbef5", "target": "#6fd17a", "baseline": "#9aa4b0", "axis": "#8a94a0",
           "label": "#c3c9d1", "text": "#f0f2f5"},
)

#: On the light editor background: dark, saturated hues (≥ 4.5:1 on it).
LIGHT_INK = Ink(
    Hues(
        red="#af0000",
        green="#008700",
        blue="#005faf",
        yellow="#875f00",
        orange="#af5f00",
        cyan="#008787",
        magenta="#8700af",
        white="#3a3a3a",
        grey="#6c6c6c",
    )
)

#: On the dark editor background: light hues.
DARK_INK = Ink(
    Hues(
        red="#ff8787",
        green="#87d787",
        blue="#5fafff",
        yellow="#ffd75f",
        orange="#ffaf5f",
        cyan="#5fd7d7",
        magenta="#d787d7",
        white="#e4e4e4",
        grey="#9e9e9e",
    )
)

#: What the command line prints (``pufu diff``, git's diff driver) on a background pufu does
#: not know: mid-tones, ≥ 3:1 on black and on white, each also of the right family among a
#: 16-colour terminal's own colours (blue there is the terminal's bright blue).
TERMINAL_INK = Ink(
    Hues(
        red="#d70000",
        green="#008700",
        blue="#005fff",
        yellow="#af8700",
        orange="#af5f00",
        cyan="#008787",
        magenta="#d700d7",
        white="#808080",
        grey="#808080",
    )
)

LIGHT = Palette(
    name="light",
    screen=Screen(
        dark=False,
        foreground="#1a1a1a",
        background="#f7f8fa",
        surface="#ffffff",
        panel="#e4e4e4",
        primary="#005faf",
        secondary="#5c6670",
        accent="#af5f00",
        warning="#875f00",
        error="#af0000",
        success="#008700",
    ),
    ink=LIGHT_INK,
    diagram=LIGHT_DIAGRAM,
)

DARK = Palette(
    name="dark",
    screen=Screen(
        dark=True,
        foreground="#f0f2f5",
        background="#1d2127",
        surface="#262b33",
        panel="#353b44",
        primary="#5fafff",
        secondary="#9aa4b0",
        accent="#ffaf5f",
        warning="#ffd75f",
        error="#ff8787",
        success="#87d787",
    ),
    ink=DARK_INK,
    diagram=DARK_DIAGRAM,
)

PALETTES: dict[str, Palette] = {"light": LIGHT, "dark": DARK}


def palette(name: str) -> Palette:
    """The palette of a ``theme`` setting (``light`` for a name pufu does not know)."""
    return PALETTES.get(name, LIGHT)


def luminance(color: str) -> float:
    """Relative luminance of ``#rrggbb`` (WCAG), what a grey printer keeps of a colour."""
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """Luminance contrast ratio of two colours, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
