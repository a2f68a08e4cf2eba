"""A chart drawn on a slide as editable PowerPoint shapes, placed where the diagram's Graphviz
layout puts its boxes (:mod:`pufu.export.geometry`): a rounded rectangle per part (the diagram's
fill, the 施策 symbol, progress as text and a bar, the comment in its colour), the bands behind
the 中間目的, the 廟算八要素 panel (one shape per element) and the legend; every arrow is a
connector glued to its two shapes, so moving a box in PowerPoint keeps its arrows attached.

The layout is the diagrams' own (:func:`pufu.export.fit.fit`) made for the slide's area (and
two slightly other shapes of it, the one giving the largest text kept); the drawing is zoomed to
fill the area, the column of bands stretched down a taller panel's height, and each box grown
into the room the layout leaves around it (:func:`pufu.export.geometry.grown`). Texts are the
largest that fit every box, as slide applications wrap them (:func:`app_lines`), with their line
spacing set exactly (:data:`LINE`); arrows go under the boxes.

Every run names IPAexGothic for Latin and East Asian text, marked as a Japanese (Shift-JIS)
sans-serif font (its PANOSE and pitch family), so that an application without it substitutes a
Japanese font the machine has (Yu Gothic, Meiryo, Hiragino Sans).
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import OxmlElement
from pptx.util import Emu, Pt

from ..i18n import t
from ..locations import cache_dir
from ..model import ELEMENT_KEYS, SYMBOLS, Chart, Color, Kind, Part
from ..model.metrics import metric_lines
from ..text import char_width, visible
from . import fit as fit_module
from . import fonts, layout_cache
from .diagram import FONT_SIZE, MARGIN, MARKS, SMALL, DiagramError, dot_name
from .diagram import Layout as DiagramLayout
from .fit import MEASURE_WIDTHS, sized
from .fit import fit as fit_canvas
from .fit import variant as fit_variant
from .geometry import Box, Layout, grown, layout, stretched, widened
from .themes import THEMES, Theme

EMU_PER_PT = 12700
EMU_PER_INCH = 914400
FONT = fonts.FAMILY
#: IPAexGothic's PANOSE (its OS/2 table): a sans-serif text face. With the Japanese character
#: set, what PowerPoint and Keynote match a substitute by where IPAexGothic is not installed
#: (Yu Gothic, Meiryo, Hiragino Sans: Japanese sans-serif faces), as Impress does by name.
PANOSE = "020B0500000000000000"
#: Points of the progress cell on the right of a 施策 (the diagram's 44 + padding).
PROGRESS_W = 46
#: Layout points kept between grown boxes: across (room for the arrows), down.
ACROSS, DOWN = 14.0, 6.0
#: Line spacing of every paragraph, in ems: set exactly (PowerPoint, Impress and Keynote each
#: have their own "single" spacing, from 1.0 to 1.3 em depending on the font), so that the
#: texts take the height they are given here.
LINE = 1.15
_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(text: str) -> str:
    """Text a slide's XML can hold: control characters as their visible symbols, lone
    surrogates as U+FFFD; line breaks stay line breaks."""
    text = _SURROGATE.sub("\ufffd", text)
    return "\n".join(visible(line) for line in text.splitlines())


# ---------------------------------------------------------------------- text helpers


def style_run(run: Any, size: float, color: str, *, bold: bool = False, lang: str | None = None) -> None:
    """Size, colour, weight and the East Asian font of a run."""
    font = run.font
    font.size = Pt(min(max(size, 1.0), 400.0))  # what PowerPoint accepts
    font.bold = bold
    font.color.rgb = RGBColor.from_string(color.lstrip("#"))
    font.name = FONT  # a:latin
    rpr = run._r.get_or_add_rPr()
    rpr.set("lang", "en-US" if lang == "en" else "ja-JP")
    rpr.set("altLang", "ja-JP")
    latin = rpr.find(qn("a:latin"))
    for tag in ("a:ea", "a:cs"):
        old = rpr.find(qn(tag))
        if old is not None:
            rpr.remove(old)
    ea = OxmlElement("a:ea")
    ea.set("typeface", FONT)
    latin.addnext(ea)
    for face in (latin, ea):  # what an application matches a substitute by
        face.set("panose", PANOSE)
        face.set("pitchFamily", "34")  # a sans-serif of variable pitch
        face.set("charset", "-128")  # Japanese (Shift-JIS)


def add_run(paragraph: Any, text: str, size: float, color: str, *, bold: bool = False, lang: str | None = None) -> Any:
    if paragraph.alignment is None:
        paragraph.alignment = PP_ALIGN.LEFT  # shapes centre their text by default
    run = None
    for number, line in enumerate(printable(text).split("\n")):
        if number:
            paragraph.add_line_break()  # a line break within the paragraph (a:br)
        run = paragraph.add_run()
        run.text = line
        style_run(run, size, color, bold=bold, lang=lang)
    spacing = Pt(round(min(max(size, 1.0), 400.0) * LINE, 1))
    if paragraph.line_spacing is None or paragraph.line_spacing < spacing:
        paragraph.line_spacing = spacing
    return run


def _frame(shape: Any, inset: tuple[float, float, float, float], anchor: Any = MSO_ANCHOR.TOP) -> Any:
    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = anchor
    frame.margin_left, frame.margin_top, frame.margin_right, frame.margin_bottom = (
        Pt(max(v, 0)) for v in inset
    )
    frame.paragraphs[0].alignment = PP_ALIGN.LEFT  # python-pptx centres a new shape's text
    return frame


def _plain(shape: Any) -> Any:
    """Drop the theme style python-pptx gives new shapes (shadows, accent colours): every
    colour is set here."""
    style = shape._element.find(qn("p:style"))
    if style is not None:
        shape._element.remove(style)
    return shape


def _fill(shape: Any, color: str | None) -> None:
    if color is None:
        shape.fill.background()
    else:
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor.from_string(color.lstrip("#"))


def _line(shape: Any, color: str | None, width: float = 0.75, dashed: bool = False) -> None:
    if color is None:
        shape.line.fill.background()
        return
    shape.line.color.rgb = RGBColor.from_string(color.lstrip("#"))
    shape.line.width = Pt(width)
    if dashed:
        shape.line.dash_style = MSO_LINE_DASH_STYLE.DASH


#: A Latin word with the spaces after it, or any other character: what an application keeps
#: whole when it wraps (PowerPoint, Impress and Keynote break Japanese between any two
#: characters, Latin text between words).
_TOKEN = re.compile(r"[!-~]+ *| +|.", re.S)
#: Ems of a Latin letter or digit (IPAexGothic's average over the English templates is 0.534,
#: Yu Gothic's is close), of a space (0.27), and of
#: the space Impress puts between Japanese and Latin text.
LATIN_EM, SPACE_EM, GAP_EM = 0.56, 0.3, 0.3


def ems(text: str) -> float:
    """How wide ``text`` sets, in ems: kanji, kana and symbols (●, →, ◎ in a Japanese font)
    one em, Latin letters and digits :data:`LATIN_EM`, combining marks nothing; and
    :data:`GAP_EM` where Japanese and Latin text meet (Impress spaces them apart)."""
    total, last = 0.0, ""
    for char in text:
        if char == " ":
            total, kind = total + SPACE_EM, ""
        elif "!" <= char <= "~":
            total, kind = total + LATIN_EM, "latin"
        elif char_width(char):
            total, kind = total + 1.0, "wide"
        else:
            continue
        if kind and last and kind != last:
            total += GAP_EM
        last = kind
    return total


@functools.lru_cache(maxsize=4096)
def _measured(paragraph: str) -> tuple[tuple[float, float], ...]:
    """The ems of each word of a paragraph, without and with the spaces after it (the same
    texts are measured for every layout and size a deck weighs)."""
    out, last = [], ""
    for token in _TOKEN.findall(paragraph):
        word, whole = ems(token.rstrip(" ")), ems(token)
        kind = _kind(token[0])
        if kind and last and kind != last:  # the space Impress puts where Japanese and Latin meet
            word, whole = word + GAP_EM, whole + GAP_EM
        last = _kind(token[-1]) if token.strip() else ""
        out.append((word, whole))
    return tuple(out)


def _kind(char: str) -> str:
    """"latin", "wide" or "" (a space, a combining mark), as :func:`ems` tells them apart."""
    if char == " ":
        return ""
    if "!" <= char <= "~":
        return "latin"
    return "wide" if char_width(char) else ""


def app_lines(text: str, line: float) -> int:
    """Lines ``text`` takes in lines ``line`` ems long, wrapped as a slide application wraps
    it (its own line breaks kept, a word longer than a line broken across lines)."""
    count = 0
    for paragraph in text.split("\n"):
        lines, used = 1, 0.0
        for word, whole in _measured(paragraph):
            if used and used + word > line:
                lines, used = lines + 1, 0.0
            if word > line:  # broken across lines
                extra = int((used + word) // line)
                lines, used = lines + extra, used + word - extra * line
                continue
            used += whole
        count += lines
    return count


# ---------------------------------------------------------------------- placing


@dataclass(frozen=True)
class Place:
    """Maps layout points onto the slide: ``zoom`` and the offset of the drawing, in EMU."""

    zoom: float
    left: int
    top: int

    def emu(self, box: Box) -> tuple[Emu, Emu, Emu, Emu]:
        scale = self.zoom * EMU_PER_PT
        return (
            Emu(self.left + round(box.x * scale)),
            Emu(self.top + round(box.y * scale)),
            Emu(max(round(box.w * scale), 1)),
            Emu(max(round(box.h * scale), 1)),
        )

    def pt(self, points: float) -> float:
        """A size of the layout (a font size, a padding) on the slide, rounded to 0.1 pt."""
        return round(points * self.zoom, 1)


def fit(drawing: Box, area: tuple[int, int, int, int]) -> Place:
    """The drawing zoomed to fill ``area`` (EMU: left, top, width, height), centred across,
    at the top."""
    left, top, width, height = area
    zoom = min(width / (drawing.w * EMU_PER_PT), height / (drawing.h * EMU_PER_PT))
    used = drawing.w * zoom * EMU_PER_PT
    return Place(zoom, left + round((width - used) / 2), top)


def _largest(fits: Any, low: float, high: float) -> float:
    """The largest value in [low, high] for which ``fits`` holds (``low`` when none does),
    to 1 %, assuming that what fits at a value fits at any smaller one."""
    if high <= low or fits(high):
        return max(low, high)
    if not fits(low):
        return low
    for _ in range(12):
        middle = (low + high) / 2
        low, high = (middle, high) if fits(middle) else (low, middle)
        if high - low < low * 0.01:
            break
    return low


# ---------------------------------------------------------------------- the chart


@dataclass
class ChartShapes:
    """What :func:`draw_chart` placed: part id → shape, and the zoom it used."""

    shapes: dict[str, Any]
    place: Place


def draw_chart(
    slide: Any,
    chart: Chart,
    area: tuple[int, int, int, int],
    *,
    theme: str = "light",
    comments: bool = False,
    lang: str | None = None,
    marks: dict[str, str] | None = None,
    ghosts: Chart | None = None,
) -> ChartShapes:
    """Draw ``chart`` on ``slide`` within ``area`` (EMU), from the diagram's layout."""
    marks = dict(marks or {})
    options = {"theme": theme, "comments": comments, "lang": lang, "marks": marks, "ghosts": ghosts}
    best: tuple[tuple[float, float], Layout, Place] | None = None

    chosen: list[Any] = []  # what made the best drawing: the layout's label, the panel's share

    def consider(
        spread: Layout, place: Place, label: list[Any], shares: tuple[float, ...] = ()
    ) -> tuple[float, float] | None:
        """Weigh a layout placed on the area (each width of its panel tried): the best score
        it reaches, and the best drawing so far kept (an earlier one unless 0.5 % better)."""
        nonlocal best
        reached: tuple[float, float] | None = None
        for share in shares or PANEL_SHARES:
            drawing = _narrowed(spread, share)
            if drawing is None:
                continue
            _grow(drawing)
            painter = _Painter(slide, chart, ghosts, marks, THEMES[theme], comments, lang, place)
            painter._choose_scales(drawing)
            if not painter.fitting:
                continue
            # the smallest text on the slide first (the 廟算八要素 are never larger than the
            # parts; a legend under 10 pt counts), then the parts' text
            legend = painter.legend_size / FONT_SIZE if painter.legend_size < 10 else painter.scale
            score = (min(painter.scale, painter.element_scale, legend), painter.scale)
            reached = score if reached is None else max(reached, score)
            if best is None or score[0] > best[0][0] * 1.005 or (
                score[0] >= best[0][0] and score[1] > best[0][1] * 1.005
            ):
                best = (score, drawing, place)
                chosen[:] = [label, share]
        return reached

    key = _deck_key(chart, area, options)
    kept = _kept(key)
    if kept is not None:  # the search made before: only the layout it chose, drawn again
        label, share = kept
        try:
            if label[0] == "shape":
                dot = fit_canvas(chart, _canvas(area, SHAPES[int(label[1])]), options).dot
            else:
                found = fit_canvas(chart, _canvas(area, SHAPES[0]), options)
                dot = fit_variant(chart, _variant(found.layout, tuple(label[1:])), _canvas(area, SHAPES[0]), options)
            consider(*_placed(dot, area), label, (float(share),))
        except (IndexError, TypeError, ValueError, DiagramError):
            best = None
    if best is None:
        first = None
        for index, shape in enumerate(SHAPES):
            found = fit_canvas(chart, _canvas(area, shape), options)
            first = first or found
            consider(*_placed(found.dot, area), ["shape", index])
        if first is not None and first.zoom > 0:  # the diagrams' search ran: the deck's own too
            _search(chart, area, first.layout, options, consider)
        if chosen:
            _keep(key, chosen)
    if best is None:  # nothing fits even at the zoom: the layout as the diagrams make it
        spread, place = _placed(fit_canvas(chart, _canvas(area, SHAPES[0]), options).dot, area)
        _grow(spread)
        best = ((0.0, 0.0), spread, place)
    _, drawing, place = best
    painter = _Painter(slide, chart, ghosts, marks, THEMES[theme], comments, lang, place)
    painter.draw(drawing)
    return ChartShapes(painter.shapes, place)


#: Canvases the layout is made for, as shares of the area's width and height: the diagrams'
#: search settles on one of many layouts close in size, and the deck's boxes, grown into the
#: room around them, may hold larger text in a layout made for a slightly other shape.
SHAPES = ((1.0, 1.0), (1.0, 0.9), (0.9, 1.0))


def _canvas(area: tuple[int, int, int, int], shape: tuple[float, float]) -> tuple[float, float]:
    """The diagram's canvas (inches) whose room within its margins is ``shape`` × the area."""
    return (
        area[2] / EMU_PER_INCH * shape[0] + 2 * MARGIN,
        area[3] / EMU_PER_INCH * shape[1] + 2 * MARGIN,
    )


def _placed(dot: str, area: tuple[int, int, int, int]) -> tuple[Layout, Place]:
    """A layout (the diagrams' DOT for a canvas) placed on the area: zoomed to fit it, widened
    to the whole area (the room left beside or under it is shared out too), its column of bands
    stretched down a taller panel's height."""
    drawing = layout(dot)
    place = fit(drawing.bounds, area)
    area_pt = (area[2] / (place.zoom * EMU_PER_PT), area[3] / (place.zoom * EMU_PER_PT))
    widened(drawing, *area_pt)
    place = Place(place.zoom, area[0], area[1])
    stretched(drawing, DOWN)
    return drawing, place


def _search(
    chart: Chart,
    area: tuple[int, int, int, int],
    found: DiagramLayout,
    options: dict[str, Any],
    consider: Any,
) -> None:
    """The deck's own search, near the diagrams' layout ``found``: 施策 in one and in two columns,
    each at the wrap width (stepped while the deck's text grows) whose boxes, grown into the
    room around them, hold the largest text. The diagrams weigh a layout by its zoom, with the
    text wrapped as Graphviz sets it; the deck's boxes grow, and Latin text, wrapped between
    words, needs taller boxes rather than wider ones (an English chart comes out 10–15 % larger)."""
    canvas = _canvas(area, SHAPES[0])
    first = min(range(len(MEASURE_WIDTHS)), key=lambda i: abs(MEASURE_WIDTHS[i] - found.measure))
    two = len(chart.measures()) >= 4
    State = tuple[int, int, str, int]  # 施策 columns, wrap width's index, legend, panel columns
    scores: dict[State, tuple[float, float]] = {}

    def score(state: State) -> tuple[float, float]:
        if state not in scores:
            dot = fit_variant(chart, _variant(found, state), canvas, options)
            scores[state] = consider(*_placed(dot, area), ["variant", *state]) or (0.0, 0.0)
        return scores[state]

    def neighbours(state: State) -> list[State]:
        count, index, legend, panel = state
        out = [(count, i, legend, panel) for i in (index - 1, index + 1) if 0 <= i < len(MEASURE_WIDTHS)]
        out += [(count, index, other, panel) for other in LEGENDS if other != legend]
        out.append((count, index, legend, 3 - panel))
        return out

    # from 施策 in one and in two columns, steps to the best neighbour while the text grows
    counts = (found.measure_columns, 3 - found.measure_columns) if two else (found.measure_columns,)
    for count in counts:
        state: State = (count, first, found.legend, found.panel_columns)
        for _ in range(SEARCH_STEPS):
            better = [other for other in neighbours(state) if score(other) > score(state)]
            if not better:
                break
            state = max(better, key=score)


def _variant(found: DiagramLayout, state: tuple[Any, ...]) -> DiagramLayout:
    """The layout of a state of the deck's search: 施策 columns, wrap width's index, legend,
    panel columns."""
    count, index, legend, panel = state
    return replace(
        sized(MEASURE_WIDTHS[int(index)], found),
        measure_columns=int(count), legend=str(legend), panel_columns=int(panel),
    )


# ---------------------------------------------------------------------- the search kept

_DECK_SOURCES = ("deck_shapes.py", "geometry.py")


def _deck_key(chart: Chart, area: tuple[int, int, int, int], options: dict[str, Any]) -> str:
    """What the deck's search depends on: the diagrams' (the code and font digested by
    :mod:`pufu.export.fit`), this module's and the geometry's code, the chart, the options and
    the area."""
    digest = hashlib.sha256(f"deck {fit_module._code_digest()}".encode())
    here = Path(__file__).resolve().parent
    for name in _DECK_SOURCES:
        try:
            digest.update((here / name).read_bytes())
        except OSError:
            digest.update(name.encode())
    digest.update(chart.to_data().model_dump_json().encode("utf-8", "surrogatepass"))
    for name in sorted(options):
        digest.update(f"\0{name}={fit_module._option_text(options[name])}".encode("utf-8", "surrogatepass"))
    digest.update(f"\0area={area!r}".encode())
    return digest.hexdigest()


def _kept(key: str) -> tuple[list[Any], float] | None:
    """The layout and panel share the search chose for ``key`` (the cache folder's ``deck/``),
    or None."""
    entry = layout_cache.read(cache_dir() / "deck", key)
    try:
        label, share = entry["label"], float(entry["share"])
    except (ValueError, TypeError, KeyError):
        return None
    if not isinstance(label, list) or not label:
        return None
    return label, share


def _keep(key: str, chosen: list[Any]) -> None:
    """Keep what the search chose (see :mod:`pufu.export.layout_cache`)."""
    layout_cache.write(cache_dir() / "deck", key, {"label": chosen[0], "share": chosen[1]})


def _columns_in(band: Box, boxes: dict[str, Box]) -> list[list[str]]:
    """The boxes inside ``band`` in columns (boxes overlapping across by half the narrower one
    share a column), left to right, each column top down."""
    inside = sorted(
        (name for name, box in boxes.items()
         if band.x <= box.x and box.right <= band.right and band.y <= box.y and box.bottom <= band.bottom),
        key=lambda name: (boxes[name].x, boxes[name].y),
    )
    columns: list[list[str]] = []
    for name in inside:
        box = boxes[name]
        for column in columns:
            other = boxes[column[0]]
            if min(box.right, other.right) - max(box.x, other.x) >= 0.5 * min(box.w, other.w):
                column.append(name)
                break
        else:
            columns.append([name])
    for column in columns:
        column.sort(key=lambda name: boxes[name].y)
    return columns


def _stacked(column: list[str], boxes: dict[str, Box]) -> bool:
    """Whether the boxes of a column stand one below the other without overlapping."""
    return all(boxes[a].bottom <= boxes[b].y for a, b in zip(column, column[1:], strict=False))


#: Widths tried for the 廟算八要素 panel (and what shares its column, the legend), as shares of
#: the width the layout gives it: the diagram sizes the panel for its text wrapped at a number
#: of columns, which leaves it mostly empty in English (Latin text sets narrower than its
#: columns count) and often in Japanese; the width taken from it goes to the sheet's columns.
PANEL_SHARES = (1.0, 0.9, 0.8, 0.7, 0.6, 0.5)
#: Where the deck's own search may put the legend, and how many steps it takes at most.
LEGENDS = ("goal", "panel", "win")
SEARCH_STEPS = 6


def _narrowed(drawing: Layout, share: float) -> Layout | None:
    """A copy of ``drawing`` whose left column (the 廟算八要素 panel and what is under it, left of
    every band) is ``share`` of its width, what is right of it stretched across the room freed;
    None when there is no such column (or ``share`` is 1: a copy as it is)."""
    nodes = {name: box for name, box in drawing.nodes.items() if name not in drawing.hidden}
    copy = Layout(drawing.bounds, dict(drawing.nodes), dict(drawing.clusters), drawing.edges, set(drawing.hidden))
    if share >= 1.0:
        return copy
    if "elements" not in nodes or not drawing.clusters:
        return None
    start = min(band.x for band in drawing.clusters.values())
    column = {name: box for name, box in nodes.items() if box.right <= start}
    if "elements" not in column or nodes["elements"].x > 1.0:
        return None
    edge = max(box.right for box in column.values())
    width = drawing.bounds.w
    if width - start <= 1.0:
        return None
    new_edge = edge * share
    new_start = start - (edge - new_edge)
    k = (width - new_start) / (width - start)

    def moved(box: Box) -> Box:
        if box.right <= start:  # the left column (its hidden helpers too)
            return Box(box.x * share, box.y, box.w * share, box.h)
        x = new_start + (box.x - start) * k
        return Box(x, box.y, box.w * k, box.h)

    copy.nodes = {name: moved(box) for name, box in drawing.nodes.items()}
    copy.clusters = {name: moved(box) for name, box in drawing.clusters.items()}
    return copy


def _grow(drawing: Layout) -> None:
    """The room the spread layout leaves between boxes goes to the boxes (and so to the text)."""
    growing = [
        name for name in drawing.nodes if name in ("elements", "legend") or name.startswith(("n_", "h_"))
    ]
    drawing.nodes.update(grown(drawing, growing, ACROSS, DOWN))
    if "elements" in drawing.nodes:  # the panel's rows share its height: it goes down to what is under it
        drawing.nodes.update(grown(drawing, ["elements"], ACROSS, DOWN, grow_down=2 * drawing.bounds.h))


class _Painter:
    def __init__(
        self,
        slide: Any,
        chart: Chart,
        ghosts: Chart | None,
        marks: dict[str, str],
        theme: Theme,
        comments: bool,
        lang: str | None,
        place: Place,
    ) -> None:
        self.slide, self.chart, self.ghosts, self.marks = slide, chart, ghosts, marks
        self.theme, self.comments, self.lang, self.place = theme, comments, lang, place
        self.shapes: dict[str, Any] = {}
        self.into = slide.shapes  # where new shapes go: the slide, or a part's group
        self.parts: dict[str, Part] = {}
        for source in (ghosts, chart):  # the chart's own parts win over ghosts
            if source is not None:
                for part in source.parts():
                    if source is chart or marks.get(part.id) == "removed":
                        self.parts[dot_name(part.id)] = part
        purposes = list(chart.purposes())
        if ghosts is not None:
            for purpose in ghosts.purposes():
                if purpose not in purposes and marks.get(purpose) == "removed":
                    purposes.append(purpose)
        self.purpose_number = {purpose: n for n, purpose in enumerate(purposes, start=1)}
        #: slide points per point of the diagram's fonts: the zoom, or more where boxes have room
        self.scale = self.element_scale = place.zoom
        #: the legend's text size (slide points), and whether every text fits its box
        self.legend_size = round(place.zoom * (SMALL + 1), 1)
        self.fitting = True
        #: the progress cell on the right of every 施策, when any 施策 shows a progress (as the
        #: diagram's compact layout leaves it out when none does)
        measures = [part for part in self.parts.values() if part.kind == Kind.MEASURE]
        self.progress_w = PROGRESS_W if any(m.progress is not None for m in measures) else 4

    def fs(self, points: float, scale: float | None = None) -> float:
        """A font size of the diagram (12, 10...) on the slide, rounded to 0.1 pt."""
        return round(points * (scale or self.scale), 1)

    # -------------------------------------------------------------- all of it

    def draw(self, drawing: Layout) -> None:
        self._choose_scales(drawing)
        for name, box in sorted(drawing.clusters.items()):
            self._band(name, box)
        tree = self.slide.shapes._spTree
        behind = len(tree)  # the arrows go here, over the bands and under the boxes
        nodes = drawing.nodes
        if "elements" in nodes:
            self._panel(nodes["elements"])
        for name, box in nodes.items():
            part = self.parts.get(name)
            if part is not None and part.kind != Kind.ELEMENT:
                self._part(part, box)
        if "legend" in nodes:
            self._legend(nodes["legend"])
        for edge in drawing.edges:
            if "invis" in edge.attrs.get("style", ""):
                continue
            tail, head = self.parts.get(edge.tail), self.parts.get(edge.head)
            if tail is not None and head is not None:
                arrow = self._arrow(self.shapes[tail.id], self.shapes[head.id], edge.attrs)
                # under the boxes: an arrow PowerPoint draws straight across a box it passes
                # (Graphviz routed it around) goes under that box, never over its text
                tree.insert(behind, arrow._element)
                behind += 1

    # -------------------------------------------------------------- text sizes

    def _choose_scales(self, drawing: Layout) -> None:
        """The largest text that still fits every box, as the layout sized them (a layout that
        spreads the chart over the slide leaves boxes larger than their text): at least the
        zoom, at most twice it and 28 pt."""
        zoom = self.place.zoom
        top = min(2 * zoom, 28 / FONT_SIZE)
        plan = self._band_plan(drawing)
        stacks = [] if plan is not None else self._stacks(drawing)
        placed = {name for _, columns in plan or [] for column in columns for name in column}
        placed |= {name for stack in stacks for name in stack}
        boxes = [
            (part, box)
            for name, box in drawing.nodes.items()
            if (part := self.parts.get(name)) is not None and part.kind != Kind.ELEMENT and name not in placed
        ]

        def parts_fit(s: float) -> bool:
            return (
                all(self._fits(part, box, s) for part, box in boxes)
                and (plan is None or self._rebanded(drawing, plan, s) is not None)
                and all(self._restacked(drawing, stack, s) is not None for stack in stacks)
            )

        self.scale = _largest(parts_fit, zoom, top)
        self.fitting = parts_fit(self.scale)
        if plan is not None:  # each band as tall as its boxes' text needs, the room shared
            bands = self._rebanded(drawing, plan, self.scale)
            if bands is not None:
                drawing.clusters.update(bands[0])
                drawing.nodes.update(bands[1])
        for stack in stacks:  # each box of a stack as tall as its text needs, the room shared
            drawing.nodes.update(self._restacked(drawing, stack, self.scale) or {})
        if "elements" in drawing.nodes:
            panel = drawing.nodes["elements"]
            room = (panel.h - self._panel_head() - 4) * zoom

            def rows_fit(s: float) -> bool:
                return sum(self._row_heights(panel, s)) <= room

            self.element_scale = _largest(rows_fit, zoom, self.scale)
            self.fitting = self.fitting and rows_fit(self.element_scale)
        if "legend" in drawing.nodes:
            # the legend as large as its box holds it, up to the parts' text and 12 pt
            box, low = drawing.nodes["legend"], round(zoom * (SMALL + 1), 1)
            high = max(low, min(12.0, self.scale * FONT_SIZE))
            self.legend_size = round(_largest(lambda size: self._legend_fits(box, size), low, high), 1)
            self.fitting = self.fitting and self._legend_fits(box, self.legend_size)

    def _band_plan(self, drawing: Layout) -> list[tuple[str, list[list[str]]]] | None:
        """The bands one above the other (the column of 中間目的), top down, each with its
        columns of parts' boxes, each column top down; None when the bands are not one such
        column (their heights are then the layout's)."""
        boxes = self._part_boxes(drawing)
        names = sorted(drawing.clusters, key=lambda name: drawing.clusters[name].y)
        bands = [drawing.clusters[name] for name in names]
        if not bands or any(b.y < a.bottom or b.x >= a.right or a.x >= b.right for a, b in zip(bands, bands[1:], strict=False)):
            return None
        plan: list[tuple[str, list[list[str]]]] = []
        for name, band in zip(names, bands, strict=True):
            columns = _columns_in(band, boxes)
            if not all(_stacked(column, boxes) for column in columns):
                return None
            plan.append((name, columns))
        return plan

    def _part_boxes(self, drawing: Layout) -> dict[str, Box]:
        """The boxes of the parts on the sheet (the 廟算八要素 panel's left out)."""
        return {
            name: box
            for name, box in drawing.nodes.items()
            if (part := self.parts.get(name)) is not None and part.kind != Kind.ELEMENT
        }

    def _need(self, name: str, box: Box, scale: float) -> float:
        """Layout points a part's box needs at ``scale`` (its width as it is)."""
        part = self.parts[name]
        need = self._text_height(part, box, scale) + self._comment_height(part, box, scale, cap=False)
        if part.kind == Kind.MEASURE and part.progress is not None:
            need = max(need, SMALL + 14)  # the progress and its bar
        return need

    def _rebanded(
        self, drawing: Layout, plan: list[tuple[str, list[list[str]]]], scale: float
    ) -> tuple[dict[str, Box], dict[str, Box]] | None:
        """The bands of ``plan`` over the height they take now (the gaps between them kept),
        each as tall as its tallest column of boxes needs at ``scale``, the spare room shared
        equally; in each band, each box as tall as its text needs and the band's spare room
        shared equally within its column. None when the texts need more than that height."""
        nodes, pad = drawing.nodes, 4.0
        bands = [drawing.clusters[name] for name, _ in plan]
        band_needs, column_needs = [], []
        for _, columns in plan:
            needs = [[self._need(key, nodes[key], scale) for key in column] for column in columns]
            inner = [
                sum(n) + sum(nodes[b].y - nodes[a].bottom for a, b in zip(column, column[1:], strict=False))
                for column, n in zip(columns, needs, strict=True)
            ]
            band_needs.append(max(inner, default=0.0) + 2 * pad)
            column_needs.append((needs, inner))
        gaps = [b.y - a.bottom for a, b in zip(bands, bands[1:], strict=False)]
        spare = bands[-1].bottom - bands[0].y - sum(gaps) - sum(band_needs)
        if spare < 0:
            return None
        clusters, boxes, y = {}, {}, bands[0].y
        for index, ((name, columns), band, need, (needs, inner)) in enumerate(
            zip(plan, bands, band_needs, column_needs, strict=True)
        ):
            height = need + spare / len(bands)
            clusters[name] = Box(band.x, y, band.w, height)
            for column, column_need, used in zip(columns, needs, inner, strict=True):
                room = height - 2 * pad - used
                top = y + pad
                for key, box_need, nxt in zip(column, column_need, [*column[1:], None], strict=True):
                    box = nodes[key]
                    box_h = box_need + room / len(column)
                    boxes[key] = Box(box.x, top, box.w, box_h)
                    if nxt is not None:
                        top += box_h + (nodes[nxt].y - box.bottom)
            if index < len(gaps):
                y += height + gaps[index]
        return clusters, boxes

    def _stacks(self, drawing: Layout) -> list[list[str]]:
        """The parts' boxes stacked one above the other in a band (the 施策 of a column under a
        中間目的), top down: their heights may be shared out by what their text needs, where
        the layout made them by how Graphviz wrapped it."""
        boxes = self._part_boxes(drawing)
        return [
            column
            for band in sorted(drawing.clusters.values(), key=lambda b: (b.y, b.x))
            for column in _columns_in(band, boxes)
            if len(column) > 1 and _stacked(column, boxes)
        ]

    def _restacked(self, drawing: Layout, stack: list[str], scale: float) -> dict[str, Box] | None:
        """The boxes of ``stack`` over the span they take now (the gaps between them kept), each
        as tall as its text needs at ``scale`` and the spare room shared equally; None when
        their texts need more than the span."""
        boxes = [drawing.nodes[name] for name in stack]
        needs = [self._need(name, box, scale) for name, box in zip(stack, boxes, strict=True)]
        gaps = sum(b.y - a.bottom for a, b in zip(boxes, boxes[1:], strict=False))
        spare = boxes[-1].bottom - boxes[0].y - gaps - sum(needs)
        if spare < 0:
            return None
        out, y = {}, boxes[0].y
        for index, (name, box, need) in enumerate(zip(stack, boxes, needs, strict=True)):
            height = need + spare / len(stack)
            out[name] = Box(box.x, y, box.w, height)
            if index + 1 < len(boxes):
                y += height + (boxes[index + 1].y - box.bottom)
        return out

    def _legend_lines(self) -> list[str]:
        """The legend's lines: its title, the five colours, the comments' and the marks'."""
        lang = self.lang
        lines = [t("diagram.legend", lang)]
        for color in (Color.RED, Color.WHITE, Color.GREEN, Color.BLUE, Color.YELLOW):
            meaning = t("color." + color.value + ".meaning", lang)
            lines.append(f"{SYMBOLS[color]} {t('color.' + color.value, lang)}: {meaning}")
        if self.comments:
            for comment in ("blue", "green", "red"):
                lines.append(f"■ {t('comment', lang)}: {t('diagram.comment.' + comment, lang)}")
        if self.marks:
            lines += [f"□ {t('diagram.mark.' + mark, lang)}" for mark in MARKS]
        return lines

    def _legend_fits(self, box: Box, size: float) -> bool:
        """Whether the legend's lines fit ``box`` (layout points) at ``size`` slide points."""
        zoom = self.place.zoom
        width, height = (box.w - 2) * zoom, (box.h - 2) * zoom
        lines = sum(self._text_lines(line, width, size) for line in self._legend_lines())
        return lines * size * LINE <= height

    def _text_lines(self, text: str, width: float, size: float) -> int:
        """Lines a text takes in ``width`` slide points at ``size`` (5 % spare for fonts that
        set wider), wrapped as the applications wrap it."""
        line = width / size * 0.95
        if line < 2:
            return 10**6
        return app_lines(text, line)

    def _text_height(self, part: Part, box: Box, scale: float) -> float:
        """Layout points a part's heading and text take in its box at ``scale``."""
        zoom, size = self.place.zoom, FONT_SIZE * scale
        right = self.progress_w if part.kind == Kind.MEASURE else 4
        width = (box.w - 4 - right) * zoom
        text = part.text if part.text.strip() else t("diagram.empty", self.lang)
        height = 0.0
        if part.kind == Kind.MEASURE:
            text = SYMBOLS[Color(part.color or Color.WHITE)] + "  " + text
        else:
            small = SMALL * scale  # the heading ("Intermediate purpose 12" may take two lines)
            height += self._text_lines(self._heading(part), width * 0.93, small) * small * LINE  # bold
        height += self._text_lines(text, width, size) * size * LINE
        small = (SMALL + 1) * scale
        for line in self._metric_lines(part):
            height += self._text_lines(line, width, small) * small * LINE
        return height / zoom + 6

    def _metric_lines(self, part: Part) -> list[str]:
        """The 評価指標 lines of the 勝利条件 or a 中間目的 (name, value → target, status)."""
        if part.kind not in (Kind.WIN, Kind.PURPOSE):
            return []
        source = self.chart if part.id in self.chart else self.ghosts
        return metric_lines(source, part.id) if source is not None else []

    def _fits(self, part: Part, box: Box, scale: float) -> bool:
        return self._text_height(part, box, scale) + self._comment_height(part, box, scale, cap=False) <= box.h

    def _panel_head(self) -> float:
        return FONT_SIZE * 1.25 + 10

    def _row_heights(self, panel: Box, scale: float) -> list[float]:
        """Slide points each element's row needs at ``scale``."""
        zoom, size = self.place.zoom, FONT_SIZE * scale
        width = (panel.w - 12) * zoom
        out = []
        for key in ELEMENT_KEYS:
            part = self.chart.part(self.chart.element(key))
            text = f"{t('element.' + key, self.lang)}　{part.text or t('diagram.empty', self.lang)}"
            row = Box(0, 0, panel.w - 6, panel.h)
            comment = self._comment_height(part, row, scale) * zoom
            out.append(self._text_lines(text, width, size) * size * LINE + 5 * zoom + comment)
        return out

    def mark(self, part_id: str) -> str | None:
        mark = self.marks.get(part_id)
        return mark if mark in MARKS else None

    def _border(self, shape: Any, part_id: str, width: float = 0.75) -> None:
        mark = self.mark(part_id)
        if mark is None:
            _line(shape, self.theme.border, width)
        else:
            _line(shape, self.theme.mark[mark], 2.25, dashed=mark == "removed")

    def _rounded(self, box: Box, fill: str | None, name: str) -> Any:
        shape = _plain(self.into.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, *self.place.emu(box)))
        shape.adjustments[0] = min(0.5, 6 / max(min(box.w, box.h), 1))
        shape.name = name
        _fill(shape, fill)
        return shape

    def _rect(self, box: Box, fill: str | None, name: str) -> Any:
        shape = _plain(self.into.add_shape(MSO_SHAPE.RECTANGLE, *self.place.emu(box)))
        shape.name = name
        _fill(shape, fill)
        _line(shape, None)
        return shape

    # -------------------------------------------------------------- pieces

    def _band(self, name: str, box: Box) -> None:
        dashed = name.endswith("unattached")
        shape = self._rounded(box, None if dashed else self.theme.band, f"band {name}")
        _line(shape, self.theme.band_border, 0.75, dashed=dashed)

    def _heading(self, part: Part) -> str:
        if part.kind == Kind.PURPOSE:
            return f"{t('kind.purpose', self.lang)} {self.purpose_number.get(part.id, '')}".strip()
        return t(f"kind.{part.kind.value}", self.lang)

    def _part(self, part: Part, box: Box) -> None:
        """A part's box; with its progress or comment, in a group, so they move together."""
        grouped = (part.kind == Kind.MEASURE and part.progress is not None) or bool(
            self._comment_height(part, box)
        )
        if grouped:
            group = self.slide.shapes.add_group_shape()
            group.name = f"part {dot_name(part.id)}"
            self.into = group.shapes
        try:
            self._part_shapes(part, box)
        finally:
            self.into = self.slide.shapes

    def _part_shapes(self, part: Part, box: Box) -> None:
        theme, pt = self.theme, self.place.pt
        fills = {Kind.GOAL: theme.goal, Kind.WIN: theme.win, Kind.PURPOSE: theme.purpose}
        color = Color(part.color or Color.WHITE)
        fill = theme.measure[color] if part.kind == Kind.MEASURE else fills[part.kind]
        shape = self._rounded(box, fill, dot_name(part.id))
        self._border(shape, part.id)
        self.shapes[part.id] = shape
        comment_h = self._comment_height(part, box)
        if comment_h:  # the text first: a comment row estimated too tall must not cover it
            room = box.h - self._text_height(part, box, self.scale)
            comment_h = min(comment_h, max(room, box.h * 0.3))
        right = self.progress_w if part.kind == Kind.MEASURE else 4
        frame = _frame(shape, (pt(4), pt(3), pt(right), pt(3 + comment_h)))
        first = frame.paragraphs[0]
        first.alignment = PP_ALIGN.LEFT
        if part.kind == Kind.MEASURE:
            add_run(first, SYMBOLS[color] + " ", self.fs(FONT_SIZE), theme.symbol[color], lang=self.lang)
            body = first
        else:
            add_run(first, self._heading(part), self.fs(SMALL), theme.muted, bold=True, lang=self.lang)
            body = frame.add_paragraph()
        if part.text.strip():
            add_run(body, part.text, self.fs(FONT_SIZE), theme.text, lang=self.lang)
        else:
            add_run(body, t("diagram.empty", self.lang), self.fs(FONT_SIZE), theme.muted, lang=self.lang)
        for line in self._metric_lines(part):
            add_run(frame.add_paragraph(), line, self.fs(SMALL + 1), theme.text, lang=self.lang)
        if part.kind == Kind.MEASURE and part.progress is not None:
            self._progress(part, box)
        if comment_h:
            self._comment(part, Box(box.x, box.bottom - comment_h, box.w, comment_h))

    def _progress(self, part: Part, box: Box) -> None:
        """"60%" above a bar filled to 60%, in the 施策's top right corner."""
        theme, pt = self.theme, self.place.pt
        progress = float(part.progress or 0)
        label = Box(box.right - PROGRESS_W, box.y + 2, PROGRESS_W - 3, SMALL + 5)
        text = _plain(self.into.add_textbox(*self.place.emu(label)))
        text.name = f"progress {dot_name(part.id)}"
        frame = _frame(text, (0, 0, 0, 0))
        frame.paragraphs[0].alignment = PP_ALIGN.RIGHT
        add_run(frame.paragraphs[0], f"{progress:g}%", pt(SMALL + 1), theme.text, lang=self.lang)
        total, x, y = 40.0, box.right - PROGRESS_W + 2, label.bottom + 1
        done = total * max(0.0, min(progress, 100.0)) / 100
        self._rect(Box(x, y, total, 6), theme.bar_empty, f"bar {dot_name(part.id)}")
        if done > 0:
            self._rect(Box(x, y, done, 6), theme.bar, f"bar done {dot_name(part.id)}")

    def _comment_height(self, part: Part, box: Box, scale: float | None = None, cap: bool = True) -> float:
        """Layout points of a part's comment row (0 without comment or when they are off): its
        text wrapped across the box (at most 60 % of the box, unless ``cap`` is off)."""
        if not self.comments or part.comment.empty:
            return 0.0
        zoom, size = self.place.zoom, (SMALL + 1) * (scale or self.scale)
        word = t(f"diagram.comment.{part.comment.color}", self.lang)
        lines = self._text_lines(f"{word} {part.comment.text}", (box.w - 16) * zoom, size)
        height = (size * LINE * lines + 8 * zoom) / zoom
        return min(height, box.h * 0.6) if cap else height

    def _comment(self, part: Part, box: Box, scale: float | None = None) -> None:
        inner = Box(box.x + 2, box.y, box.w - 4, box.h - 2)
        shape = self._rect(inner, self.theme.comment[part.comment.color], f"comment {dot_name(part.id)}")
        pt = self.place.pt
        frame = _frame(shape, (pt(3), pt(2), pt(3), pt(2)))
        word = t(f"diagram.comment.{part.comment.color}", self.lang)
        size = self.fs(SMALL + 1, scale)
        add_run(frame.paragraphs[0], word + " ", size, self.theme.text, bold=True, lang=self.lang)
        add_run(frame.paragraphs[0], part.comment.text, size, self.theme.text, lang=self.lang)

    def _panel(self, box: Box) -> None:
        """The 廟算八要素: a panel, its title, one shape per element (rows sized by their text)."""
        theme, pt = self.theme, self.place.pt
        panel = self._rounded(box, theme.panel, "elements")
        _line(panel, theme.border)
        head_h = self._panel_head()
        head = self._rect(Box(box.x + 1, box.y + 1, box.w - 2, head_h), theme.panel_head, "elements title")
        frame = _frame(head, (pt(5), pt(2), pt(5), pt(2)), MSO_ANCHOR.MIDDLE)
        # as large as the elements' text, within its band (one line)
        title, zoom = t("kind.elements", self.lang), self.place.zoom
        across = (box.w - 12) * zoom * 0.95 / max(ems(title), 1.0)
        size = round(min(self.fs(FONT_SIZE, self.element_scale), (head_h - 4) * zoom / LINE, across), 1)
        add_run(frame.paragraphs[0], title, max(size, pt(FONT_SIZE)), theme.text, bold=True, lang=self.lang)
        scale = self.element_scale
        needed = self._row_heights(box, scale)
        y, room = box.y + head_h + 2, box.h - head_h - 4
        for key, weight in zip(ELEMENT_KEYS, needed, strict=True):
            part = self.chart.part(self.chart.element(key))
            height = room * weight / sum(needed)  # spare room shared out
            row = Box(box.x + 3, y, box.w - 6, height)
            y += height
            shape = self._rect(row, None, dot_name(part.id))
            if self.mark(part.id):
                self._border(shape, part.id)
            self.shapes[part.id] = shape
            comment_h = self._comment_height(part, row, scale)
            frame = _frame(shape, (pt(3), pt(2), pt(3), pt(2 + comment_h)))
            first = frame.paragraphs[0]
            name = t("element." + key, self.lang) + "　"
            add_run(first, name, self.fs(SMALL + 1, scale), theme.muted, bold=True, lang=self.lang)
            if part.text.strip():
                add_run(first, part.text, self.fs(FONT_SIZE, scale), theme.text, lang=self.lang)
            else:
                empty = t("diagram.empty", self.lang)
                add_run(first, empty, self.fs(FONT_SIZE, scale), theme.muted, lang=self.lang)
            if comment_h:
                self._comment(part, Box(row.x, row.bottom - comment_h, row.w, comment_h), scale)

    def _legend(self, box: Box) -> None:
        theme, pt, lang = self.theme, self.place.pt, self.lang
        shape = _plain(self.slide.shapes.add_textbox(*self.place.emu(box)))
        shape.name = "legend"
        frame = _frame(shape, (pt(2), pt(2), 0, 0))
        size = self.legend_size
        add_run(frame.paragraphs[0], t("diagram.legend", lang), size, theme.muted, bold=True, lang=lang)
        for color in (Color.RED, Color.WHITE, Color.GREEN, Color.BLUE, Color.YELLOW):
            line = frame.add_paragraph()
            add_run(line, SYMBOLS[color] + " ", size, theme.symbol[color], lang=lang)
            meaning = t("color." + color.value + ".meaning", lang)
            add_run(line, f"{t('color.' + color.value, lang)}: {meaning}", size, theme.text, lang=lang)
        if self.comments:
            for comment in ("blue", "green", "red"):
                line = frame.add_paragraph()
                add_run(line, "■ ", size, theme.comment[comment], lang=lang)
                words = f"{t('comment', lang)}: {t('diagram.comment.' + comment, lang)}"
                add_run(line, words, size, theme.text, lang=lang)
        if self.marks:
            for mark in MARKS:
                line = frame.add_paragraph()
                add_run(line, "□ ", size, theme.mark[mark], bold=True, lang=lang)
                add_run(line, t("diagram.mark." + mark, lang), size, theme.text, lang=lang)

    def _arrow(self, tail: Any, head: Any, attrs: dict[str, str]) -> Any:
        """A connector glued to the right side of ``tail`` and the left side of ``head``, with an
        arrow head at ``head``."""
        connector = _plain(self.slide.shapes.add_connector(MSO_CONNECTOR.ELBOW, 0, 0, 0, 0))
        connector.begin_connect(tail, 3)
        connector.end_connect(head, 1)
        color = attrs.get("color", self.theme.edge)
        if not re.fullmatch(r"#[0-9a-fA-F]{6}", color):
            color = self.theme.edge
        width = float(attrs.get("penwidth", "1.1") or 1.1)
        _line(connector, color, width * 0.9, dashed="dashed" in attrs.get("style", ""))
        line = connector.line._get_or_add_ln()
        tail_end = OxmlElement("a:tailEnd")
        line.append(tail_end)
        tail_end.set("type", "triangle")
        tail_end.set("w", "med")
        tail_end.set("len", "med")
        return connector
