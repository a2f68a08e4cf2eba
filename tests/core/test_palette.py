"""One palette: each colour keeps its hue on a 256-colour terminal (blue stays blue, not violet),
reads on its background, and the diagrams, the editor and the command line take it from here."""

from __future__ import annotations

import colorsys

import pytest
from rich.color import Color as RichColor
from rich.color import ColorSystem

from pufu.export.themes import THEMES
from pufu.model import Color
from pufu.palette import DARK, LIGHT, PALETTES, TERMINAL_INK, Ink, contrast, css_variables

#: Hue ranges (degrees) of the names a reader gives a colour; 235–285 is violet, not blue.
HUES = {
    "red": (345, 15),
    "orange": (15, 40),
    "yellow": (40, 70),
    "green": (75, 150),
    "cyan": (165, 195),
    "blue": (195, 235),
    "violet": (235, 285),
    "magenta": (285, 345),
}
INKS = {"light": LIGHT.ink, "dark": DARK.ink, "terminal": TERMINAL_INK}


def hue_name(hex_color: str) -> str:
    r, g, b = (int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hue, _, saturation = colorsys.rgb_to_hls(r, g, b)
    if saturation < 0.15:
        return "grey"
    degrees = hue * 360
    for name, (start, end) in HUES.items():
        if (start <= degrees < end) if start < end else (degrees >= start or degrees < end):
            return name
    raise AssertionError(hex_color)


def on_256_colours(hex_color: str) -> str:
    """What an xterm-256color terminal shows: Rich's downsampling of a truecolor."""
    triplet = RichColor.parse(hex_color).downgrade(ColorSystem.EIGHT_BIT).get_truecolor()
    return f"#{triplet.red:02x}{triplet.green:02x}{triplet.blue:02x}"


def test_the_classifier_calls_xterms_bright_blue_violet() -> None:
    # what the editor showed for ◆ before (Rich's bright_blue on xterm is #5c5cff)
    assert hue_name("#5c5cff") == "violet" and hue_name("#005faf") == "blue"


@pytest.mark.parametrize("ink", INKS, ids=list(INKS))
@pytest.mark.parametrize("color", list(Color), ids=[c.value for c in Color])
def test_every_measure_colour_keeps_its_hue_on_256_colours(ink: str, color: Color) -> None:
    value = INKS[ink].measure[color]
    expected = "grey" if color == Color.WHITE else color.value
    assert hue_name(value) == expected
    assert hue_name(on_256_colours(value)) == expected, f"{ink} {color}: {value} → {on_256_colours(value)}"


@pytest.mark.parametrize("ink", INKS, ids=list(INKS))
def test_every_meaning_keeps_its_hue_on_256_colours(ink: str) -> None:
    hues = INKS[ink].hues
    for name in ("red", "green", "blue", "yellow", "orange", "cyan", "magenta"):
        value = getattr(hues, name)
        assert hue_name(on_256_colours(value)) == name, f"{ink} {name}: {value} → {on_256_colours(value)}"
    for name in ("white", "grey"):
        assert hue_name(on_256_colours(getattr(hues, name))) == "grey"


def test_the_command_lines_colours_are_of_the_right_family_on_16_colours() -> None:
    families = {"red": {1, 9}, "green": {2, 10}, "blue": {4, 12}, "yellow": {3, 11}, "orange": {1, 3, 9, 11},
                "cyan": {6, 14}, "magenta": {5, 13}}
    for name, numbers in families.items():
        value = getattr(TERMINAL_INK.hues, name)
        assert RichColor.parse(value).downgrade(ColorSystem.STANDARD).number in numbers, name


@pytest.mark.parametrize("name", ["light", "dark"])
def test_the_editors_text_colours_read_on_its_background(name: str) -> None:
    palette = PALETTES[name]
    for meaning, value in palette.ink.colors().items():
        assert contrast(on_256_colours(value), on_256_colours(palette.screen.background)) >= 4.0, meaning


def test_the_command_lines_colours_read_on_black_and_on_white() -> None:
    for meaning, value in TERMINAL_INK.colors().items():
        assert min(contrast(value, "#000000"), contrast(value, "#ffffff")) >= 3.0, meaning


def test_one_definition_for_diagrams_editor_and_command_line() -> None:
    assert THEMES["light"] is LIGHT.diagram and THEMES["dark"] is DARK.diagram
    variables = css_variables(DARK.ink)
    assert variables["pufu-measure-blue"] == DARK.ink.measure[Color.BLUE] == DARK.ink.comment["blue"]
    assert variables["pufu-mark-added"] == DARK.ink.mark["added"]
    assert variables["pufu-metric-on-track"] == DARK.ink.metric["on_track"]
    assert all(isinstance(ink, Ink) for ink in INKS.values())
