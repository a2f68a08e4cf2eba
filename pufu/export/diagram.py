"""Diagrams of a プ譜 with Graphviz, laid out like the paper sheet: the 廟算八要素 panel on the
left, then the 施策 grouped by 中間目的 (one band per 中間目的), the 中間目的, the 勝利条件 and
the 獲得目標 on the right; arrows 施策 → 中間目的 → 勝利条件 → 獲得目標.

API (other modules call these; keep them stable)::

    build_dot(chart, *, header=None, theme="light", comments=False, lang=None,
              marks=None, ghosts=None, size=None, layout=None) -> str   # DOT text
    render(chart, fmt, *, size="16:9", dpi=None, **the same keywords) -> bytes
                                                       # fmt: svg, png, pdf or dot

- ``header``: a :class:`Header` (project title, phase number and title, date) drawn on top.
- ``theme``: ``light`` or ``dark`` (:mod:`pufu.export.themes`).
- ``comments``: show each part's comment in its colour.
- ``marks``: part id → ``added`` | ``changed`` | ``removed``, for diff diagrams: added parts
  get a green border, changed ones orange, removed ones a dashed red border. Parts marked
  ``removed`` that are absent from ``chart`` are drawn from ``ghosts`` (the other chart).
- ``size``: ``16:9``, ``4:3``, ``a4`` (landscape) gives a canvas of exactly that shape and of
  that slide's size (16:9 is 13.33 × 7.5 in), the chart fitted with margins; ``None`` keeps
  the chart's own size. ``dpi`` applies to PNG (default 144: a 16:9 PNG is 1920 × 1080).
  With a size, the DOT itself is built for the canvas (:mod:`pufu.export.fit`): of a few
  :class:`Layout` (wrap widths, 施策 and the panel in one or two columns, where the legend and
  the header go) the one whose text comes out largest, its nodes spread to fill the canvas.
  ``render(chart, "dot")`` gives the natural layout's DOT.

The DOT is the whole picture but the canvas: each band is a Graphviz cluster, kept in the
sheet's order by invisible helper nodes (``band_order_N``; ``band_spacer_N`` gives a band
without 施策 its width), so Graphviz lays it out and draws it in one pass; :func:`render_dot`
only adds the slide's ``viewport`` (read when drawing) once the layout gave what is drawn.

Any text is safe: texts only ever enter the DOT as escaped HTML-like labels, node names are
made from ids (or their digest), so quotes, backslashes, ``<>``, ``{}`` or DOT-looking strings
show literally and never alter the graph. The DOT names a font list (the bundled IPAexGothic
first, see :mod:`pufu.export.fonts`); SVG keeps texts as text with that list.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..i18n import t
from ..model import ELEMENT_KEYS, SYMBOLS, Chart, Color, Comment, Part, Project
from ..model.errors import PufuError
from ..model.metrics import metric_line
from ..text import wrap
from . import fonts
from .themes import THEMES, Theme

FORMATS: tuple[str, ...] = ("svg", "png", "pdf", "dot")
#: Slide canvases, width × height in inches (landscape).
SIZES: dict[str, tuple[float, float]] = {
    "16:9": (40 / 3, 7.5),
    "4:3": (10.0, 7.5),
    "a4": (297 / 25.4, 210 / 25.4),
}
DEFAULT_DPI = 144
MARGIN = 0.3  # inches around the chart on a slide canvas
BAND_MARGIN = 4  # points between a band and its nodes
MARKS: tuple[str, ...] = ("added", "changed", "removed")
#: Wrap widths in display columns (a kanji takes two).
COLUMNS = {
    "measure": 40,
    "purpose": 32,
    "win": 28,
    "goal": 28,
    "element": 30,
    "comment": 40,
    "title": 90,
}
FONT_SIZE = 12
SMALL = 10
#: Where the legend goes: under the 獲得目標, under the 勝利条件 or under the 廟算八要素 panel.
LEGEND_PLACES: tuple[str, ...] = ("goal", "win", "panel")


def text_width(columns: int, font: float = FONT_SIZE) -> int:
    """Points of a text cell wide enough for any line wrapped at ``columns`` (Latin letters of
    IPAexGothic average 0.56 em), so that boxes of one kind come out equally wide."""
    return round(columns * font * 0.56) + 6


@dataclass(frozen=True)
class Layout:
    """How the sheet is arranged: wrap widths per kind of part (display columns), 施策 in one
    or two columns under each 中間目的, the 廟算八要素 panel in one or two columns, where the
    legend goes, and the space between the sheet's columns (inches). :data:`NATURAL` is the
    layout of ``--size none``; :mod:`pufu.export.fit` picks one for a slide canvas."""

    measure: int = COLUMNS["measure"]
    purpose: int = COLUMNS["purpose"]
    win: int = COLUMNS["win"]
    element: int = COLUMNS["element"]
    measure_columns: int = 1
    panel_columns: int = 1
    legend: str = "goal"
    ranksep: float = 0.5
    #: comments wrapped to their box's width (else at ``COLUMNS["comment"]``), and no empty
    #: progress cell when no 施策 has a progress
    compact: bool = False
    #: the parts' texts, in points (headings, legend and progress stay small)
    font: int = FONT_SIZE
    #: the header (title, phase) across the top, or at the top of the panel's column
    header: str = "top"
    nodesep: float = 0.14
    #: the first band level with the top of the panel's column (else Graphviz may sink them)
    align_top: bool = False

    @property
    def title_columns(self) -> int:
        """The title's wrap width: across the sheet, or as wide as the panel beside it."""
        if self.header == "top":
            return COLUMNS["title"]
        return max(20, (self.panel_width - 8) // 10)  # a 20-point title: 10 points a column

    @property
    def panel_width(self) -> int:
        """The 廟算八要素 panel's width in points: its cells, their padding and its border."""
        text = text_width(self.element, self.font)
        if self.panel_columns == 2:
            return 2 * (text + 94) + 2
        return text + 88

    @property
    def comment_font(self) -> int:
        return self.font - 1

    def columns(self, kind: str) -> int:
        if kind == "goal":
            return self.win
        if kind in ("measure", "purpose", "win", "element"):
            return int(getattr(self, kind))
        return COLUMNS[kind]



NATURAL = Layout()


class DiagramError(PufuError):
    """A diagram cannot be made as asked (unknown format, size or theme, Graphviz failure)."""


@dataclass(frozen=True)
class Header:
    """What the diagram's header says: the project, and which phase (None: the draft)."""

    title: str = ""
    phase: int | None = None
    phase_title: str = ""
    date: str = ""

    @classmethod
    def of(cls, project: Project, phase: int | None = None) -> Header:
        if phase is None:
            return cls(title=project.title)
        data = project.phase(phase)
        return cls(project.title, data.number, data.title, data.date)


def dot_name(part_id: str) -> str:
    """The DOT node name of a part: ``n_`` and its id when that is plain, else a digest."""
    if re.fullmatch(r"[A-Za-z0-9_.-]{1,64}", part_id):
        return "n_" + part_id
    return "h_" + hashlib.sha256(part_id.encode("utf-8")).hexdigest()[:24]


def html(text: str) -> str:
    """Escape text for an HTML-like Graphviz label. Backslashes are doubled: when it draws,
    Graphviz reads ``\\N``, ``\\G`` and ``\\\\`` as escapes even inside HTML-like labels."""
    return (
        text.replace("\\", "\\\\")
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def _lines(text: str, columns: int) -> str:
    return "<BR/>".join(html(line) for line in wrap(text, columns))


def _nested(rows: str) -> str:
    return f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="4">{rows}</TABLE>'


def _check_options(theme: str, marks: dict[str, str] | None) -> Theme:
    if theme not in THEMES:
        raise DiagramError("err.diagram.theme", theme=theme, themes=", ".join(THEMES))
    for part_id, mark in (marks or {}).items():
        if mark not in MARKS:
            raise DiagramError("err.diagram.mark", mark=mark, part=part_id, marks=", ".join(MARKS))
    return THEMES[theme]


# ---------------------------------------------------------------------- the sheet to draw


class _Sheet:
    """The chart as drawn: 中間目的 in order, the 施策 of each, removed parts from ``ghosts``."""

    def __init__(self, chart: Chart, marks: dict[str, str], ghosts: Chart | None) -> None:
        self.chart, self.ghosts, self.marks = chart, ghosts, marks
        self.removed = {
            part_id
            for part_id, mark in marks.items()
            if mark == "removed"
            and part_id not in chart
            and ghosts is not None
            and part_id in ghosts
        }
        purposes = list(chart.purposes())
        if ghosts is not None:
            _merge(purposes, ghosts.purposes(), self.removed)
        self.purposes = purposes
        self.groups: dict[str, list[str]] = {}
        for purpose in purposes:
            measures = list(chart.measures_of(purpose)) if purpose in chart else []
            if ghosts is not None and purpose in ghosts:
                _merge(measures, ghosts.measures_of(purpose), self.removed)
            self.groups[purpose] = measures
        self.home: dict[str, str] = {}
        for purpose in purposes:
            for measure in self.groups[purpose]:
                self.home.setdefault(measure, purpose)
        ghost_measures = ghosts.measures() if ghosts is not None else []
        self.orphans = [
            m
            for m in [*chart.measures(), *(g for g in ghost_measures if g in self.removed)]
            if m not in self.home
        ]

    def part(self, part_id: str) -> Part:
        if part_id in self.chart:
            return self.chart.part(part_id)
        assert self.ghosts is not None
        return self.ghosts.part(part_id)

    def mark(self, part_id: str) -> str | None:
        if part_id in self.removed:
            return "removed"
        mark = self.marks.get(part_id)
        return mark if mark != "removed" or part_id in self.chart else None


def _merge(order: list[str], ghost_order: Iterable[str], removed: set[str]) -> None:
    """Insert the removed items of ``ghost_order`` into ``order`` where they stood."""
    previous: str | None = None
    for item in ghost_order:
        if item in removed and item not in order:
            order.insert(order.index(previous) + 1 if previous in order else 0, item)
        if item in order:
            previous = item


# ---------------------------------------------------------------------- labels


class _Labels:
    """HTML-like labels of each kind of part."""

    def __init__(
        self, sheet: _Sheet, theme: Theme, comments: bool, lang: str | None, layout: Layout
    ) -> None:
        self.sheet, self.theme, self.comments, self.lang = sheet, theme, comments, lang
        self.layout = layout
        progress = [sheet.part(m).progress for m in [*sheet.home, *sheet.orphans]]
        #: the progress cell of 施策 (left out of a compact layout when no 施策 has one)
        self.progress = not layout.compact or any(p is not None for p in progress)

    def _comment_columns(self, kind: str) -> int:
        """Comments are drawn 1 pt smaller across the box: the text's columns and, for a 施策,
        its symbol and progress cells, for an element its name cell."""
        if not self.layout.compact:
            return COLUMNS["comment"]
        extra = {"measure": 60 if self.progress else 14, "element": 70}.get(kind, 0)
        box = text_width(self.layout.columns(kind), self.layout.font) + extra - 8
        return int(box / (self.layout.comment_font * 0.56))

    def _text_cell(self, name: str, text: str, kind: str, colspan: int = 1) -> str:
        width = text_width(self.layout.columns(kind), self.layout.font)
        span = f' COLSPAN="{colspan}"' if colspan > 1 else ""
        if text.strip():
            body = _lines(text, self.layout.columns(kind))
        else:
            body = f'<FONT COLOR="{self.theme.muted}">{html(t("diagram.empty", self.lang))}</FONT>'
        return f'<TD ID="{name}_text" ALIGN="LEFT" BALIGN="LEFT" VALIGN="TOP" WIDTH="{width}"{span}>{body}</TD>'

    def _comment_row(self, comment: Comment, colspan: int, kind: str) -> str:
        if not self.comments or comment.empty:
            return ""
        word = html(t(f"diagram.comment.{comment.color}", self.lang))
        body = _lines(comment.text, self._comment_columns(kind))
        return (
            f'<TR><TD COLSPAN="{colspan}" ALIGN="LEFT" BALIGN="LEFT" CELLPADDING="4" '
            f'BGCOLOR="{self.theme.comment[comment.color]}">'
            f'<FONT POINT-SIZE="{self.layout.comment_font}">'
            f"<B>{word}</B> {body}</FONT></TD></TR>"
        )

    def _frame(self, part_id: str, fill: str, rows: str) -> str:
        mark = self.sheet.mark(part_id)
        color, border, style = self.theme.border, 1, "rounded"
        if mark is not None:
            color, border = self.theme.mark[mark], 3
            if mark == "removed":
                style = "rounded,dashed"
        return (
            f'<<TABLE BORDER="{border}" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3" '
            f'STYLE="{style}" COLOR="{color}" BGCOLOR="{fill}">{rows}</TABLE>>'
        )

    def _mark_tag(self, part_id: str) -> str:
        mark = self.sheet.mark(part_id)
        if mark is None:
            return ""
        return (
            f' <FONT POINT-SIZE="{SMALL}" COLOR="{self.theme.text}">'
            f"［{html(t('diagram.mark.' + mark, self.lang))}］</FONT>"
        )

    def headed(self, part_id: str, heading: str, kind: str, fill: str) -> str:
        """A 中間目的, the 勝利条件 or the 獲得目標: a small heading above the text."""
        part = self.sheet.part(part_id)
        name = dot_name(part_id)
        rows = (
            f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="{SMALL}" COLOR="{self.theme.muted}">'
            f"<B>{html(heading)}</B></FONT>{self._mark_tag(part_id)}</TD></TR>"
            f"<TR>{self._text_cell(name, part.text, kind)}</TR>"
            f"{self._metric_rows(part_id, kind)}"
            f"{self._comment_row(part.comment, 1, kind)}"
        )
        return self._frame(part_id, fill, rows)

    def _metric_rows(self, part_id: str, kind: str) -> str:
        """The 評価指標 of the 勝利条件 or a 中間目的: name, value → target, on track or not."""
        chart = self.sheet.chart if part_id in self.sheet.chart else self.sheet.ghosts
        metrics = chart.metrics(part_id) if chart is not None else []
        if not metrics:
            return ""
        columns = self._comment_columns(kind)
        lines = "<BR/>".join(_lines(metric_line(metric), columns) for metric in metrics)
        return (
            f'<TR><TD ALIGN="LEFT" BALIGN="LEFT" CELLPADDING="4" BGCOLOR="{self.theme.background}">'
            f'<FONT POINT-SIZE="{self.layout.comment_font}" COLOR="{self.theme.text}">'
            f"<B>{html(t('kind.metrics', self.lang))}</B><BR/>{lines}</FONT></TD></TR>"
        )

    def measure(self, part_id: str) -> str:
        part = self.sheet.part(part_id)
        name = dot_name(part_id)
        color = Color(part.color or Color.WHITE)
        symbol = (
            f'<TD VALIGN="TOP" ALIGN="LEFT" WIDTH="14"><FONT COLOR="{self.theme.symbol[color]}">'
            f"{SYMBOLS[color]}</FONT></TD>"
        )
        progress = self._progress(part.progress)
        rows = f"<TR>{symbol}{self._text_cell(name, part.text, 'measure')}{progress}</TR>"
        tag = self._mark_tag(part_id)
        if tag:
            rows += f'<TR><TD></TD><TD ALIGN="LEFT" COLSPAN="2">{tag}</TD></TR>'
        rows += self._comment_row(part.comment, 3 if self.progress else 2, "measure")
        return self._frame(part_id, self.theme.measure[color], rows)

    def _progress(self, progress: float | None) -> str:
        """A cell on the right: "60%" above a bar filled to 60%; empty when unset (and as wide:
        the bar and the cell's padding), so that every 施策 is as wide as the others."""
        total = 40
        if not self.progress:
            return ""
        if progress is None:
            return f'<TD WIDTH="{total + 6}"></TD>'
        done = round(total * progress / 100)
        cells = ""
        if done > 0:
            cells += (
                f'<TD FIXEDSIZE="TRUE" WIDTH="{done}" HEIGHT="6" BGCOLOR="{self.theme.bar}"></TD>'
            )
        if done < total:
            cells += (
                f'<TD FIXEDSIZE="TRUE" WIDTH="{total - done}" HEIGHT="6" '
                f'BGCOLOR="{self.theme.bar_empty}"></TD>'
            )
        span = ' COLSPAN="2"' if 0 < done < total else ""
        return (
            '<TD VALIGN="TOP" WIDTH="44"><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0">'
            f'<TR><TD{span} ALIGN="RIGHT"><FONT POINT-SIZE="{SMALL + 1}">{progress:g}%</FONT></TD></TR>'
            f"<TR>{cells}</TR></TABLE></TD>"
        )

    def elements(self) -> str:
        """The 廟算八要素 panel: one row per element, its name and its text."""
        theme = self.theme
        rows = (
            f'<TR><TD COLSPAN="2" ALIGN="LEFT" BGCOLOR="{theme.panel_head}" CELLPADDING="5">'
            f"<B>{html(t('kind.elements', self.lang))}</B></TD></TR>"
        )
        cells = [self._element(key) for key in ELEMENT_KEYS]
        if self.layout.panel_columns == 2:
            # two elements a row, each in a table of its own (its name, text and comment)
            for left, right in zip(cells[0::2], [*cells[1::2], ""], strict=False):
                rows += f'<TR><TD VALIGN="TOP">{_nested(left)}</TD>'
                rows += f'<TD VALIGN="TOP">{_nested(right) if right else ""}</TD></TR>'
        else:
            rows += "".join(cells)
        return (
            f'<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="4" STYLE="rounded" '
            f'COLOR="{theme.border}" BGCOLOR="{theme.panel}">{rows}</TABLE>>'
        )

    def _element(self, key: str) -> str:
        """The rows of one element: its name and its text, then its comment."""
        theme = self.theme
        part_id = self.sheet.chart.element(key)
        part = self.sheet.chart.part(part_id)
        name = dot_name(part_id)
        mark = self.sheet.mark(part_id)
        frame = f' BORDER="2" COLOR="{theme.mark[mark]}"' if mark else ""
        return (
            f'<TR><TD ALIGN="LEFT" VALIGN="TOP" WIDTH="70"{frame}><FONT POINT-SIZE="{SMALL + 1}" '
            f'COLOR="{theme.muted}"><B>{html(t("element." + key, self.lang))}</B></FONT>'
            f"{self._mark_tag(part_id)}</TD>{self._text_cell(name, part.text, 'element')}</TR>"
            f"{self._comment_row(part.comment, 2, 'element')}"
        )

    def spacer(self) -> str:
        """A 施策's box with no text nor progress (its cells, so exactly its width), for a band
        without 施策; drawn invisible."""
        symbol = f'<TD VALIGN="TOP" ALIGN="LEFT" WIDTH="14">{SYMBOLS[Color.WHITE]}</TD>'
        text = f'<TD WIDTH="{text_width(self.layout.measure, self.layout.font)}"></TD>'
        return (
            '<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3">'
            f"<TR>{symbol}{text}{self._progress(None)}</TR></TABLE>>"
        )

    def _legend_text(self, word: str, meaning: str) -> str:
        """A legend line; a compact layout wraps it (the legend shares a column)."""
        text = f"{word}: {meaning}"
        return _lines(text, 30) if self.layout.compact else html(text)

    def legend(self) -> str:
        theme, lang = self.theme, self.lang
        rows = (
            f'<TR><TD COLSPAN="2" ALIGN="LEFT"><FONT POINT-SIZE="{SMALL + 1}" COLOR="{theme.muted}">'
            f"<B>{html(t('diagram.legend', lang))}</B></FONT></TD></TR>"
        )
        for color in (Color.RED, Color.WHITE, Color.GREEN, Color.BLUE, Color.YELLOW):
            rows += (
                f'<TR><TD BGCOLOR="{theme.measure[color]}" BORDER="1" COLOR="{theme.border}" WIDTH="18">'
                f'<FONT COLOR="{theme.symbol[color]}">{SYMBOLS[color]}</FONT></TD>'
                f'<TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="{SMALL + 1}">'
                f"{self._legend_text(t('color.' + color.value, lang), t('color.' + color.value + '.meaning', lang))}"
                "</FONT></TD></TR>"
            )
        if self.comments:
            for comment in ("blue", "green", "red"):
                rows += (
                    f'<TR><TD BGCOLOR="{theme.comment[comment]}" BORDER="1" COLOR="{theme.border}"></TD>'
                    f'<TD ALIGN="LEFT"><FONT POINT-SIZE="{SMALL + 1}">'
                    f"{html(t('comment', lang))}: {html(t('diagram.comment.' + comment, lang))}</FONT></TD></TR>"
                )
        if self.sheet.marks:
            for mark in MARKS:
                rows += (
                    f'<TR><TD BORDER="2" COLOR="{theme.mark[mark]}" '
                    f'STYLE="{"dashed" if mark == "removed" else "solid"}"></TD>'
                    f'<TD ALIGN="LEFT"><FONT POINT-SIZE="{SMALL + 1}">'
                    f"{html(t('diagram.mark.' + mark, lang))}</FONT></TD></TR>"
                )
        return f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2">{rows}</TABLE>>'

    def header(self, header: Header) -> str:
        theme, lang = self.theme, self.lang
        title = header.title.strip() or t("untitled", lang)
        if header.phase is None:
            where = t("diagram.draft", lang)
        else:
            where = t("diagram.phase", lang, number=header.phase)
            if header.phase_title.strip():
                where += f"「{header.phase_title}」" if lang != "en" else f": {header.phase_title}"
        if header.date:
            where += f"　{header.date}"
        # beside the panel, as wide as the panel, so that both start on the same line
        width = f' WIDTH="{self.layout.panel_width}"' if self.layout.header == "side" else ""
        return (
            f'<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="2"{width}>'
            f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="20" COLOR="{theme.text}"><B>'
            f"{_lines(title, self.layout.title_columns)}</B></FONT></TD></TR>"
            f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="13" COLOR="{theme.muted}">'
            f"{_lines(where, self.layout.title_columns + 20)}</FONT></TD></TR></TABLE>>"
        )


# ---------------------------------------------------------------------- DOT


def build_dot(
    chart: Chart,
    *,
    header: Header | None = None,
    theme: str = "light",
    comments: bool = False,
    lang: str | None = None,
    marks: dict[str, str] | None = None,
    ghosts: Chart | None = None,
    size: Canvas = None,
    layout: Layout | None = None,
) -> str:
    """The chart as DOT text, laid out left to right like the paper sheet. With a ``size``
    (a slide canvas) and no ``layout``, the DOT is built for that canvas: the layout whose text
    comes out largest (:func:`pufu.export.fit.fit`), spread to fill the canvas."""
    options = {
        "header": header,
        "theme": theme,
        "comments": comments,
        "lang": lang,
        "marks": marks,
        "ghosts": ghosts,
    }
    target = canvas(size) if layout is None else None
    if target is not None:
        from .fit import fit

        return fit(chart, target, options).dot
    return _build(chart, layout or NATURAL, None, **options)  # type: ignore[arg-type]


def _build(
    chart: Chart,
    layout: Layout,
    fill: tuple[float, float] | None,
    *,
    header: Header | None = None,
    theme: str = "light",
    comments: bool = False,
    lang: str | None = None,
    marks: dict[str, str] | None = None,
    ghosts: Chart | None = None,
) -> str:
    """The DOT of ``layout``; ``fill`` (inches) spreads the laid-out nodes to exactly that
    size (Graphviz's ``ratio=fill``), boxes and texts keeping their size."""
    colors = _check_options(theme, marks)
    if layout.legend not in LEGEND_PLACES:
        raise DiagramError("err.diagram.legend", legend=layout.legend)
    sheet = _Sheet(chart, dict(marks or {}), ghosts)
    labels = _Labels(sheet, colors, comments, lang, layout)
    font = fonts.FONT_LIST
    ranksep = f"{layout.ranksep:g}"
    out = [
        "digraph pufu {",
        f'  graph [rankdir=LR, newrank=true, ranksep={ranksep}, nodesep={layout.nodesep:g}, bgcolor="{colors.background}", '
        f'fontname="{font}", fontcolor="{colors.text}", pad=0.25, margin=0, outputorder=edgesfirst, remincross=false, '
        f'pufu_theme="{colors.name}"];',
        f'  node [shape=plain, fontname="{font}", fontsize={layout.font}, fontcolor="{colors.text}"];',
        f'  edge [color="{colors.edge}", arrowsize=0.6, penwidth=1.1];',
    ]
    if fill is not None:
        out.append(f'  graph [size="{fill[0]:.4f},{fill[1]:.4f}", ratio=fill];')
    if header is not None and layout.header == "top":
        out.append(f"  graph [label={labels.header(header)}, labelloc=t, labeljust=l];")
    elif header is not None:  # above the panel, in its column
        out.append(f'  "header" [label={labels.header(header)}];')
        out.append('  { rank=same; "header"; "elements"; }')
        out.append('  "header" -> "elements" [style=invis];')

    out.append(f'  "elements" [label={labels.elements()}];')
    out.append(f'  "legend" [label={labels.legend()}];')

    goal, win = chart.goal, chart.win
    win_name, goal_name = dot_name(win), dot_name(goal)
    out.append(
        f'  "{goal_name}" [label={labels.headed(goal, t("kind.goal", lang), "goal", colors.goal)}];'
    )
    win_label = labels.headed(win, t("kind.win", lang), "win", colors.win)
    out.append(f'  "{win_name}" [label={win_label}];')

    # one band per 中間目的: a cluster holding its 施策 (each drawn once, in the band of its
    # first 中間目的) and itself; the 施策 of no 中間目的 in a dashed band at the end. A band
    # without 施策 holds an invisible 施策-wide spacer, so that it spans both columns too.
    # With two 施策 columns, a band's 施策 go row by row, left then right.
    band = f'color="{colors.band_border}", penwidth=0.8, margin={BAND_MARGIN}, label=""'
    bands: list[list[str]] = []  # the names in the (left) 施策 column of each band
    rights: list[list[str]] = []  # the names in the right 施策 column of each band
    home: dict[str, int] = {}  # band number of each node in a band
    rows: list[tuple[str, str]] = []  # (left, right) 施策 side by side

    def split(names: list[str]) -> None:
        left, right = names, []
        if layout.measure_columns == 2 and len(names) > 1:
            left, right = names[0::2], names[1::2]
            rows.extend(zip(left, right, strict=False))
        bands.append(left)
        rights.append(right)

    for index, purpose in enumerate(sheet.purposes, start=1):
        out.append(f"  subgraph cluster_band_{index} {{")
        out.append(f'    graph [style="rounded,filled", fillcolor="{colors.band}", {band}];')
        names: list[str] = []
        for measure in sheet.groups[purpose]:
            if sheet.home[measure] == purpose:
                names.append(dot_name(measure))
                out.append(f'    "{dot_name(measure)}" [label={labels.measure(measure)}];')
        if not names:
            names.append(f"band_spacer_{index}")
            out.append(f'    "{names[0]}" [label={labels.spacer()}, style=invis];')
        label = labels.headed(
            purpose, f"{t('kind.purpose', lang)} {index}", "purpose", colors.purpose
        )
        out.append(f'    "{dot_name(purpose)}" [label={label}];')
        out.append("  }")
        home.update(dict.fromkeys([*names, dot_name(purpose)], len(bands)))
        split(names)
    if sheet.orphans:
        out.append("  subgraph cluster_band_unattached {")
        out.append(f'    graph [style="rounded,dashed", {band}];')
        for measure in sheet.orphans:
            out.append(f'    "{dot_name(measure)}" [label={labels.measure(measure)}];')
        out.append("  }")
        names = [dot_name(m) for m in sheet.orphans]
        home.update(dict.fromkeys(names, len(bands)))
        split(names)
    column = [name for names in bands for name in names]
    right_column = [name for names in rights for name in names]

    removed_edge = f'style=dashed, color="{colors.mark["removed"]}"'
    for purpose in sheet.purposes:
        for measure in sheet.groups[purpose]:
            gone = measure in sheet.removed or purpose in sheet.removed
            # a 中間目的 sits beside its own 施策: their edges weigh more; an edge to another
            # band's 中間目的 must not pull the bands out of order (constraint=false)
            attrs = [removed_edge] if gone else []
            attrs.append("weight=4" if sheet.home[measure] == purpose else "constraint=false")
            out.append(f'  "{dot_name(measure)}" -> "{dot_name(purpose)}" [{", ".join(attrs)}];')
    for purpose in sheet.purposes:
        struck = f"{removed_edge}, " if purpose in sheet.removed else ""
        out.append(f'  "{dot_name(purpose)}" -> "{win_name}" [{struck}penwidth=1.4];')
    out.append(f'  "{win_name}" -> "{goal_name}" [penwidth=1.8];')
    for left, right in rows:  # side by side, the right one a column further
        out.append(f'  "{left}" -> "{right}" [style=invis, weight=8];')

    # the sheet's order, top to bottom. Within a column, invisible edges fix it; Graphviz
    # (rankdir=LR, remincross=false) keeps the nodes of a cluster in the reverse order of
    # such edges, so within a band they point upwards.
    for names in (column, right_column, [dot_name(p) for p in sheet.purposes]):
        if len(names) > 1:
            quoted = "; ".join(f'"{name}"' for name in names)
            out.append(f"  {{ rank=same; {quoted}; }}")
            for upper, lower in zip(names, names[1:], strict=False):
                if home[upper] == home[lower]:
                    upper, lower = lower, upper
                out.append(f'  "{upper}" -> "{lower}" [style=invis];')
    # Graphviz orders clusters by crossings alone: an invisible node per band beside the
    # panel, in order, tied to the first and last 施策 of its band, keeps the bands in order
    order = [f'"band_order_{number}"' for number in range(len(bands))] if len(bands) > 1 else []
    if order:
        for name in order:
            out.append(f'  {name} [shape=point, width=0, height=0, style=invis, label=""];')
        out.append(f'  {{ rank=same; "elements"; {"; ".join(order)}; }}')
        out.append(f'  "elements" -> {" -> ".join(order)} [style=invis];')
        for name, names in zip(order, bands, strict=True):
            for tied in dict.fromkeys([names[0], names[-1]]):
                out.append(f'  {name} -> "{tied}" [style=invis, weight=0];')
    # the panel on the far left, the legend under the 獲得目標 (or where the layout puts it)
    first = column[0] if column else dot_name(sheet.purposes[0]) if sheet.purposes else win_name
    out.append(f'  "elements" -> "{first}" [style=invis, weight={1 if layout is NATURAL else 0}];')
    if layout.align_top:
        top = "header" if header is not None and layout.header == "side" else "elements"
        out.append('  "top" [shape=point, width=0, height=0, style=invis, label=""];')
        out.append(f'  {{ rank=same; "top"; "{top}"; }}')
        out.append(f'  "top" -> "{top}" [style=invis, weight=10];')
        out.append(f'  "top" -> "{first}" [style=invis, weight=2];')
    if layout.legend == "panel":
        out.append('  { rank=same; "elements"; "legend"; }')
        above = order[-1] if order else '"elements"'
        out.append(f'  {above} -> "legend" [style=invis];')
    else:
        above = goal_name if layout.legend == "goal" else win_name
        out.append(f'  {{ rank=same; "{above}"; "legend"; }}')
        out.append(f'  "{above}" -> "legend" [style=invis];')
    out.append("}")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------- rendering


Canvas = str | tuple[float, float] | None


def canvas(size: Canvas) -> tuple[float, float] | None:
    """A canvas in inches: a name in :data:`SIZES`, a (width, height), or None (the chart's own)."""
    if isinstance(size, str):
        if size not in SIZES:
            raise DiagramError("err.diagram.size", size=size, sizes=", ".join(SIZES))
        return SIZES[size]
    return size


def render(
    chart: Chart,
    fmt: str,
    *,
    size: Canvas = "16:9",
    dpi: int | None = None,
    **options: object,
) -> bytes:
    """The chart drawn as ``fmt`` (svg, png, pdf or dot), on a slide canvas of ``size``, laid
    out for that canvas. ``dot`` gives the natural layout's DOT (the one of ``size=None``)."""
    if fmt not in FORMATS:
        raise DiagramError("err.diagram.format", format=fmt, formats=", ".join(FORMATS))
    if fmt == "dot":
        return build_dot(chart, **options).encode("utf-8")  # type: ignore[arg-type]
    area = canvas(size)
    dot = build_dot(chart, size=area, **options)  # type: ignore[arg-type]
    return render_dot(dot, fmt, size=area, dpi=dpi)


def render_dot(dot: str, fmt: str, *, size: Canvas = "16:9", dpi: int | None = None) -> bytes:
    """Lay out and draw DOT text made by :func:`build_dot`, with the bundled font. ``size`` is
    a name in :data:`SIZES`, a (width, height) in inches, or None for the chart's own size."""
    size = canvas(size)
    if dpi is not None and not 24 <= dpi <= 1200:
        raise DiagramError("err.diagram.dpi", dpi=dpi)
    if fmt not in ("svg", "png", "pdf"):
        raise DiagramError("err.diagram.render_format", format=fmt)
    if fonts.ensure():
        return _render_here(dot, fmt, size, dpi)
    return _render_elsewhere(dot, fmt, size, dpi)


def _render_here(dot: str, fmt: str, size: tuple[float, float] | None, dpi: int | None) -> bytes:
    """One Graphviz layout (its bands are clusters of the DOT), then one drawing of it: the
    canvas (``viewport``) is read when drawing, so it is set from the laid-out bounding box."""
    import pygraphviz
    from pygraphviz import graphviz as gv

    # PNG pixels per inch; SVG and PDF are in points (72 per inch)
    resolution = (dpi or DEFAULT_DPI) if fmt == "png" else 72
    try:
        graph = pygraphviz.AGraph(string=dot)
    except Exception as exc:  # Graphviz reports a bad graph
        raise DiagramError("err.diagram.read", reason=exc) from None
    if size is None:
        graph.graph_attr.update(pad="0.25", dpi=str(resolution), margin="0")
    else:
        graph.graph_attr.update(dpi="72", margin="0", pad="0")
    context = gv.gvContextWithBuiltins()
    try:
        if gv.gvLayout(context, graph.handle, b"dot") != 0:
            raise DiagramError("err.diagram.layout")
        try:
            if size is not None:
                # a layout spread to the canvas: its box is what it draws; else Graphviz's
                box: str | tuple[float, float, float, float] = graph.graph_attr["bb"]
                if graph.graph_attr.get("ratio") == "fill":
                    box = ink_box(graph, context)
                graph.graph_attr["viewport"] = _viewport(box, size, resolution)
            error, data = gv.gvRenderData(context, graph.handle, fmt.encode())
        finally:
            gv.gvFreeLayout(context, graph.handle)
    finally:
        gv.gvFreeContext(context)
    if error or not data:
        raise DiagramError("err.diagram.draw_as", format=fmt)
    return data


def ink_box(graph: Any, context: Any) -> tuple[float, float, float, float]:
    """What the laid-out ``graph`` draws (points): its visible nodes, bands, edges and header.
    Graphviz's own ``bb`` may hold invisible helpers, and with ``ratio=fill`` it is the size
    asked rather than where the nodes went."""
    from pygraphviz import graphviz as gv

    gv.gvRenderData(context, graph.handle, b"dot")  # writes the positions into the graph
    xs: list[float] = []
    ys: list[float] = []

    def add(x: float, y: float, half_w: float = 0.0, half_h: float = 0.0) -> None:
        xs.extend((x - half_w, x + half_w))
        ys.extend((y - half_h, y + half_h))

    for node in graph.nodes_iter():
        attr = node.attr
        if "invis" in (attr.get("style") or ""):
            continue
        x, y = (float(v) for v in attr["pos"].split(","))
        add(x, y, float(attr["width"]) * 36, float(attr["height"]) * 36)
    for edge in graph.edges_iter():
        attr = edge.attr
        if "invis" in (attr.get("style") or ""):
            continue
        for point in (attr.get("pos") or "").split():
            px, py = point.split(",")[-2:]
            add(float(px), float(py))
    for sub in graph.subgraphs_iter():
        if (sub.name or "").startswith("cluster") and sub.graph_attr.get("bb"):
            x0, y0, x1, y1 = bounding_box(sub.graph_attr["bb"])
            add(x0, y0)
            add(x1, y1)
    label = graph.graph_attr
    if label.get("lp") and label.get("lwidth"):
        x, y = (float(v) for v in label["lp"].split(","))
        add(x, y, float(label["lwidth"]) * 36, float(label["lheight"]) * 36)
    if not xs:
        return bounding_box(graph.graph_attr["bb"])
    return min(xs), min(ys), max(xs), max(ys)


def bounding_box(bb: str) -> tuple[float, float, float, float]:
    """Graphviz's ``bb`` attribute ("x0,y0,x1,y1", points) as numbers."""
    x0, y0, x1, y1 = (float(v) for v in re.split(r"[ ,]", bb.strip()))
    return x0, y0, x1, y1


def zoom_to_fit(width: float, height: float, size: tuple[float, float]) -> float:
    """The zoom that fits a drawing of ``width`` × ``height`` points within the margins of a
    canvas of ``size`` inches."""
    room_w, room_h = ((inches - 2 * MARGIN) * 72 for inches in size)
    return min(room_w / max(width, 1.0), room_h / max(height, 1.0))


def _viewport(
    box: str | tuple[float, float, float, float], size: tuple[float, float], resolution: float
) -> str:
    """The canvas: exactly the slide's size, the chart (its box, in points: "x0 y0 x1 y1" as
    the layout leaves it, or numbers) zoomed to fit within the margins and centred."""
    x0, y0, x1, y1 = bounding_box(box) if isinstance(box, str) else box
    canvas_w, canvas_h = (inches * 72 for inches in size)
    zoom = zoom_to_fit(x1 - x0, y1 - y0, size)
    pixels = resolution / 72
    return (
        f"{canvas_w * pixels:.4f},{canvas_h * pixels:.4f},{zoom * pixels:.6f},"
        f"{(x0 + x1) / 2:.3f},{(y0 + y1) / 2:.3f}"
    )


def _render_elsewhere(
    dot: str, fmt: str, size: tuple[float, float] | None, dpi: int | None
) -> bytes:
    """Render in a fresh Python process, where fontconfig starts with pufu's font."""
    code = (
        "import sys; from pufu.export.diagram import _render_child; "
        "sys.stdout.buffer.write(_render_child(sys.stdin.buffer.read()))"
    )
    canvas = f"{size[0]!r},{size[1]!r}" if size else ""
    payload = "\n".join([fmt, canvas, str(dpi or ""), dot]).encode("utf-8")
    result = subprocess.run(
        [sys.executable, "-c", code],
        input=payload,
        capture_output=True,
        env=fonts.child_env(),
        check=False,
    )
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DiagramError("err.diagram.draw", reason=message[-1] if message else "-")
    return result.stdout


def _render_child(payload: bytes) -> bytes:
    fmt, size, dpi, dot = payload.decode("utf-8").split("\n", 3)
    if not fonts.ensure():
        raise DiagramError("err.diagram.font")
    canvas = tuple(float(v) for v in size.split(",")) if size else None
    return _render_here(dot, fmt, canvas, int(dpi) if dpi else None)  # type: ignore[arg-type]
