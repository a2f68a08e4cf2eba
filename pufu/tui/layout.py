"""The sheet laid out as lines of text: columns like the paper プ譜, or an outline when narrow.

A pure function of the chart and the width (no Textual): :func:`lay_out` returns every line as
runs of text, each run with a style name and the :class:`Slot` it draws, so the widget only
paints, and tests can read the sheet as text.

Wide (``WIDE`` cells or more): 廟算八要素 | 施策 ─▶ 中間目的 ─▶ 勝利条件 ─▶ 獲得目標, the 施策
grouped beside the 中間目的 they serve. A 施策 serving two 中間目的 is drawn under each, with a
line to each and a note naming the others. Narrow: the same parts as an indented outline.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

from .. import terminal
from ..i18n import t
from ..model import SYMBOLS, Chart, Kind, metric_line, status
from ..text import pad, screen_lines, width

#: From this many cells on, the sheet is drawn in columns.
WIDE = 110
#: From this many cells on, 勝利条件 and 獲得目標 stand side by side.
VERY_WIDE = 150
PROGRESS_CELLS = 5


@dataclass(frozen=True, slots=True)
class Slot:
    """One place a part is drawn: a 施策 is drawn once under each 中間目的 it serves."""

    part: str
    purpose: str | None = None


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    style: str = ""
    slot: Slot | None = None


Line = list[Run]


class Lines(Sequence[Line]):
    """The sheet's lines, each made when first read: the screen reads only the rows it shows,
    so a change to a big chart does not build the thousands of rows below the window."""

    def __init__(self, count: int, make: Callable[[int], Line]) -> None:
        self._count = count
        self._make = make
        self._made: dict[int, Line] = {}

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Line: ...
    @overload
    def __getitem__(self, index: slice) -> list[Line]: ...

    def __getitem__(self, index: int | slice) -> Line | list[Line]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(index)
        line = self._made.get(index)
        if line is None:
            line = self._made[index] = self._make(index)
        return line

    def __iter__(self) -> Iterator[Line]:
        return (self[i] for i in range(self._count))


@dataclass(frozen=True, slots=True)
class Place:
    column: int
    top: int
    bottom: int
    x: int
    width: int


@dataclass
class Layout:
    lines: Sequence[Line]
    width: int
    wide: bool
    places: dict[Slot, Place] = field(default_factory=dict)
    order: list[Slot] = field(default_factory=list)

    def text(self) -> str:
        """The sheet as plain text (for tests and for reading)."""
        return "\n".join("".join(run.text for run in line).rstrip() for line in self.lines)

    def column(self, slot: Slot) -> list[Slot]:
        place = self.places[slot]
        same = [s for s, p in self.places.items() if p.column == place.column]
        return sorted(same, key=lambda s: (self.places[s].top, self.places[s].x))

    def slot_at(self, x: int, y: int) -> Slot | None:
        if not 0 <= y < len(self.lines):
            return None
        at = 0
        for run in self.lines[y]:
            at += width(run.text)
            if x < at:
                return run.slot
        return None

    def slots_of(self, part: str) -> list[Slot]:
        return [slot for slot in self.order if slot.part == part]


def number(index: int) -> str:
    return str(index + 1)


# ---------------------------------------------------------------------- blocks


class _Blocks:
    """Builds the blocks of text that draw one part each."""

    def __init__(self, chart: Chart, lang: str, flagged: set[str], sparks: dict[str, str] | None = None) -> None:
        self.chart = chart
        self.lang = lang
        self.flagged = flagged
        self.sparks = sparks or {}
        self.numbers = {p: i for i, p in enumerate(chart.purposes())}
        self._nodes = chart.graph._node  # networkx's own dicts: the views cost more than the sheet
        self._served = chart.graph._succ

    def _finish(self, lines: list[Line], cells: int, slot: Slot | None) -> list[Line]:
        for line in lines:
            used = sum(width(run.text) for run in line)
            if used < cells:
                line.append(Run(" " * (cells - used), "", slot))
        return lines

    def _comment(self, part_id: str, cells: int, slot: Slot, indent: int = 0) -> list[Line]:
        comment = self.chart.part(part_id).comment
        if comment.empty:
            return []
        tag = f"[{t('tui.comment.' + comment.color, self.lang)}] "
        lines = screen_lines(tag + terminal.shown(comment.text, terminal.LINE_BREAKS), cells - indent)
        return [
            [Run(" " * indent, "", slot), Run(line, f"comment.{comment.color}", slot)]
            for line in lines
        ]

    def _text(self, part_id: str, cells: int, slot: Slot, indent: int = 0) -> list[Line]:
        text = self.chart.part(part_id).text
        if not text.strip():
            return [[Run(" " * indent, "", slot), Run(pad(t("tui.empty", self.lang), cells - indent), "empty", slot)]]
        return [[Run(" " * indent, "", slot), Run(line, "text", slot)] for line in screen_lines(terminal.shown(text, terminal.LINE_BREAKS), cells - indent)]

    def labelled(self, slot: Slot, label: str, cells: int, indent: int = 0) -> list[Line]:
        """A label line, then the text, the comment and the 評価指標 below it (cached by all
        they show, as the 施策 are)."""
        data = self.chart.graph.nodes[slot.part]
        metrics = self._metric_texts(slot.part)
        flagged = slot.part in self.flagged
        key = ("labelled", slot, label, cells, indent, self.lang, data["text"], data["comment"], metrics, flagged)
        block = _BLOCK_CACHE.get(key)
        if block is not None:
            return block
        head: Line = [Run(label, "label", slot)]
        if flagged:
            head.append(Run(" ⚠", "warn", slot))
        lines = [
            head,
            *self._text(slot.part, cells, slot, indent),
            *self._comment(slot.part, cells, slot, indent),
            *self._metrics(metrics, cells, slot, indent),
        ]
        return _cached(key, self._finish(lines, cells, slot))

    def _metric_texts(self, part_id: str) -> tuple[tuple[str, str], ...]:
        """評価指標 of the 勝利条件 or a 中間目的: ▸ name value → target unit, the status symbol
        (coloured by status too), and a sparkline of the phases so far; each with its style."""
        out = []
        for metric in self.chart.metrics(part_id):
            spark = self.sparks.get(metric.id, "")
            text = f"▸ {metric_line(metric)}" + (f" {spark}" if spark else "")
            out.append((text, f"metric.{status(metric).value}"))
        return tuple(out)

    def _metrics(self, metrics: tuple[tuple[str, str], ...], cells: int, slot: Slot, indent: int = 0) -> list[Line]:
        lines: list[Line] = []
        for text, style in metrics:
            for line in screen_lines(terminal.shown(text, terminal.LINE_BREAKS), cells - indent):
                lines.append([Run(" " * indent, "", slot), Run(line, style, slot)])
        return lines

    def purpose_label(self, purpose: str) -> str:
        return f"{t('kind.purpose', self.lang)} {number(self.numbers[purpose])}"

    def measure(self, slot: Slot, cells: int) -> list[Line]:
        """● text ... 50%, wrapped under itself; then the other 中間目的 it serves; the comment.

        Blocks are cached by everything they show, so a change redraws only what changed.
        """
        data = self._nodes[slot.part]
        served = self._served[slot.part]  # the 中間目的 it serves (a plain dict: the sheet's hot path)
        if len(served) > 1:
            numbers = self.numbers
            names = tuple(number(i) for i in sorted(numbers[p] for p in served if p != slot.purpose))
        else:
            names = ()
        comment = data["comment"]
        key = (slot, cells, self.lang, data["text"], data.get("color"), data.get("progress"), comment.color, comment.text, names)
        block = _BLOCK_CACHE.get(key)
        if block is None:
            block = _cached(key, self._measure(slot, cells, names))
        return block

    def _measure(self, slot: Slot, cells: int, names: tuple[str, ...]) -> list[Line]:
        part = self.chart.part(slot.part)
        color = part.color.value if part.color else "white"
        symbol = SYMBOLS[part.color] if part.color else "○"
        text_cells = max(cells - 2 - PROGRESS_CELLS, 4)
        progress = "" if part.progress is None else f"{part.progress:g}%"
        if part.text.strip():
            body = screen_lines(terminal.shown(part.text, terminal.LINE_BREAKS), text_cells)
            style = "text"
        else:
            body, style = [t("tui.empty", self.lang)], "empty"
        lines: list[Line] = []
        for index, line in enumerate(body):
            lead = Run(symbol + " ", f"symbol.{color}", slot) if index == 0 else Run("  ", "", slot)
            row = [lead, Run(pad(line, text_cells), style, slot)]
            if index == 0 and progress:
                row.append(Run(progress.rjust(PROGRESS_CELLS), "progress", slot))
            lines.append(row)
        if names:
            shown = ", ".join(names)
            lines.append([Run("  ", "", slot), Run(t("tui.also_serves", self.lang, numbers=shown), "shared", slot)])
        lines.extend(self._comment(slot.part, cells, slot, indent=2))
        return self._finish(lines, cells, slot)


#: Blocks by everything they show; shared, so callers never change a block's lines in place.
_BLOCK_CACHE: dict[tuple, list[Line]] = {}


def _cached(key: tuple, block: list[Line]) -> list[Line]:
    if len(_BLOCK_CACHE) > 20000:
        _BLOCK_CACHE.clear()
    _BLOCK_CACHE[key] = block
    return block


def _bracket(tops: list[int], height: int) -> list[str]:
    """A connector three cells wide: a line from each source top to an arrow at the first."""
    out = ["   "] * height
    if not tops:
        return out
    first, last = tops[0], tops[-1]
    sources = set(tops)
    for y in range(first, last + 1):
        if y == first:
            out[y] = "──▶" if first == last else "─┬▶"
        elif y == last:
            out[y] = "─┘ "
        elif y in sources:
            out[y] = "─┤ "
        else:
            out[y] = " │ "
    return out


class _Column:
    def __init__(self, x: int, cells: int) -> None:
        self.x = x
        self.cells = cells
        self.lines: dict[int, Line] = {}

    def put(self, y: int, block: list[Line]) -> int:
        self.lines.update(zip(range(y, y + len(block)), block, strict=True))
        return y + len(block)

    def line(self, y: int) -> Line:
        return self.lines.get(y) or [Run(" " * self.cells)]


# ---------------------------------------------------------------------- layouts


def lay_out(
    chart: Chart,
    cells: int,
    lang: str = "ja",
    flagged: set[str] | None = None,
    sparks: dict[str, str] | None = None,
) -> Layout:
    """The sheet at this width: columns when wide enough, an outline otherwise. ``sparks``: a
    sparkline of the phases so far, per 評価指標 id."""
    blocks = _Blocks(chart, lang, flagged or set(), sparks)
    if cells >= WIDE:
        return _columns(chart, cells, blocks, lang)
    return _outline(chart, max(cells, 24), blocks, lang)


def _columns(chart: Chart, cells: int, blocks: _Blocks, lang: str) -> Layout:
    side = cells >= VERY_WIDE
    gaps = [2, 3, 3, 3] if side else [2, 3, 3]
    weights = [2.0, 4.0, 3.0, 2.5, 2.5] if side else [2.0, 4.0, 3.0, 3.0]
    free = cells - sum(gaps) - 1
    widths = [int(free * w / sum(weights)) for w in weights]
    widths[1] += free - sum(widths)
    xs = []
    x = 0
    for index, w in enumerate(widths):
        xs.append(x)
        x += w + (gaps[index] if index < len(gaps) else 0)
    columns = [_Column(xs[i], widths[i]) for i in range(len(widths))]
    places: dict[Slot, Place] = {}

    def put(column: int, y: int, slot: Slot | None, block: list[Line]) -> int:
        if slot is not None:  # on the screen, below the two header lines
            places[slot] = Place(column, y + 2, y + len(block) + 1, xs[column], widths[column])
        return columns[column].put(y, block)

    # 廟算八要素
    y = 0
    element_slots = []
    for element in chart.elements():
        slot = Slot(element)
        element_slots.append(slot)
        key = chart.part(element).key or ""
        y = put(0, y, slot, blocks.labelled(slot, t(f"element.{key}", lang), widths[0])) + 1
    # 施策 grouped by 中間目的, and the 中間目的
    links: dict[int, str] = {}
    purpose_tops: list[int] = []
    y = 0
    purpose_slots: list[Slot] = []
    measure_slots: list[Slot] = []
    groups = [(p, chart.measures_of(p)) for p in chart.purposes()]
    orphans = _orphans(chart)
    under: dict[str | None, list[Slot]] = {}
    for purpose, measures in groups:
        top = y
        tops = []
        for measure in measures:
            slot = Slot(measure, purpose)
            measure_slots.append(slot)
            under.setdefault(purpose, []).append(slot)
            tops.append(y)
            y = put(1, y, slot, blocks.measure(slot, widths[1]))
        slot = Slot(purpose)
        purpose_slots.append(slot)
        bottom = put(2, top, slot, blocks.labelled(slot, blocks.purpose_label(purpose), widths[2]))
        y = max(y, bottom)
        for offset, piece in enumerate(_bracket([p - top for p in tops], y - top)):
            links[top + offset] = piece
        purpose_tops.append(top)
        y += 1
    if orphans:
        columns[2].put(y, [[Run(pad(t("tui.no_purpose", lang), widths[2]), "empty")]])
        for measure in orphans:
            slot = Slot(measure, None)
            measure_slots.append(slot)
            under.setdefault(None, []).append(slot)
            y = put(1, y, slot, blocks.measure(slot, widths[1]))
    # 勝利条件 and 獲得目標
    win, goal = Slot(chart.win), Slot(chart.goal)
    win_block = blocks.labelled(win, t("kind.win", lang), widths[3])
    bottom = put(3, 0, win, win_block)
    goal_block = blocks.labelled(goal, t("kind.goal", lang), widths[-1])
    if side:
        put(4, 0, goal, goal_block)
    else:
        columns[3].put(bottom, [[Run(pad(" ▼", widths[3]), "line")]])
        put(3, bottom + 1, goal, goal_block)
    height = max([max(c.lines, default=0) + 1 for c in columns])
    purpose_links = _bracket(purpose_tops, height)

    titles = [t("kind.elements", lang), t("kind.measure", lang), t("kind.purpose", lang), t("kind.win", lang)]
    if side:
        titles.append(t("kind.goal", lang))
    else:
        titles[3] = f"{t('kind.win', lang)} ▶ {t('kind.goal', lang)}"
    header: Line = []
    for index, title in enumerate(titles):
        header.append(Run(pad(title, widths[index]), "head"))
        if index < len(gaps):
            header.append(Run(" " * gaps[index]))
    rule: Line = [Run("─" * (cells - 1), "rule")]

    def make(index: int) -> Line:
        if index < 2:
            return header if index == 0 else rule
        row = index - 2
        line: Line = [*columns[0].line(row), Run("  ")]
        line += [*columns[1].line(row), Run(links.get(row, "   "), "line")]
        line += [*columns[2].line(row), Run(purpose_links[row], "line")]
        line += columns[3].line(row)
        if side:
            line += [Run("──▶" if row == 0 else "   ", "line"), *columns[4].line(row)]
        return line

    order = [goal, win]
    for slot in purpose_slots:
        order.append(slot)
        order.extend(under.get(slot.part, ()))
    order.extend(under.get(None, ()))
    order.extend(element_slots)
    return Layout(Lines(height + 2, make), cells, True, places, order)


def _outline(chart: Chart, cells: int, blocks: _Blocks, lang: str) -> Layout:
    lines: list[Line] = []
    places: dict[Slot, Place] = {}
    order: list[Slot] = []

    def put(slot: Slot, block: list[Line], prefix: list[Line] | None = None, x: int = 0) -> None:
        places[slot] = Place(0, len(lines), len(lines) + len(block) - 1, x, cells - x)
        order.append(slot)
        for index, line in enumerate(block):
            lines.append((prefix[index] if prefix else []) + line)

    goal, win = Slot(chart.goal), Slot(chart.win)
    put(goal, blocks.labelled(goal, t("kind.goal", lang), cells - 1, indent=2))
    put(win, blocks.labelled(win, t("kind.win", lang), cells - 1, indent=2))
    lines.append([Run(" ")])
    lines.append([Run(t("kind.purpose", lang) + " ▶ " + t("kind.measure", lang), "head")])
    purposes = chart.purposes()
    orphans = _orphans(chart)
    for purpose in purposes:
        slot = Slot(purpose)
        put(slot, blocks.labelled(slot, blocks.purpose_label(purpose), cells - 1, indent=2))
        measures = chart.measures_of(purpose)
        for index, measure in enumerate(measures):
            last = index == len(measures) - 1
            mslot = Slot(measure, purpose)
            block = blocks.measure(mslot, cells - 5)
            prefix = [[Run("  └ " if last else "  ├ ", "line")] if i == 0 else [Run("    " if last else "  │ ", "line")] for i in range(len(block))]
            put(mslot, block, prefix, x=4)
    if orphans:
        lines.append([Run(t("tui.no_purpose", lang), "empty")])
        for measure in orphans:
            mslot = Slot(measure, None)
            block = blocks.measure(mslot, cells - 5)
            put(mslot, block, [[Run("    ")] for _ in block], x=4)
    lines.append([Run(" ")])
    lines.append([Run(t("kind.elements", lang), "head")])
    label_cells = max(width(t(f"element.{key}", lang)) for key in _element_keys(chart)) + 2
    for element in chart.elements():
        slot = Slot(element)
        key = chart.part(element).key or ""
        text_lines = blocks._text(element, cells - 1 - label_cells, slot)
        text_lines += blocks._comment(element, cells - 1 - label_cells, slot)
        block = blocks._finish(text_lines, cells - 1 - label_cells, slot)
        label = pad(t(f"element.{key}", lang), label_cells)
        prefix = [[Run(label if i == 0 else " " * label_cells, "label", slot)] for i in range(len(block))]
        put(slot, block, prefix)
    return Layout(lines, cells, False, places, order)


def _orphans(chart: Chart) -> list[str]:
    """The 施策 that serve no 中間目的, in the chart's order."""
    graph = chart.graph
    return [n for n, kind in graph.nodes(data="kind") if kind == Kind.MEASURE and not graph.out_degree(n)]


def _element_keys(chart: Chart) -> list[str]:
    return [chart.part(e).key or "" for e in chart.elements()]


def neighbour(layout: Layout, chart: Chart, slot: Slot, direction: str) -> Slot | None:
    """The slot to select from ``slot`` when moving up, down, left or right."""
    if slot not in layout.places:
        return None
    if direction in ("up", "down"):
        column = layout.column(slot)
        index = column.index(slot) + (1 if direction == "down" else -1)
        return column[index] if 0 <= index < len(column) else None
    kind = chart.part(slot.part).kind
    top = layout.places[slot].top

    def nearest(kinds: set[Kind]) -> Slot | None:
        candidates = [s for s in layout.places if chart.part(s.part).kind in kinds]
        return min(candidates, key=lambda s: abs(layout.places[s].top - top), default=None)

    if direction == "right":
        if kind == Kind.ELEMENT:
            return nearest({Kind.MEASURE}) or nearest({Kind.PURPOSE}) if layout.wide else None
        if kind == Kind.MEASURE:
            return Slot(slot.purpose) if slot.purpose else nearest({Kind.PURPOSE})
        if kind == Kind.PURPOSE:
            return Slot(chart.win)
        if kind == Kind.WIN:
            return Slot(chart.goal)
        return None
    if kind == Kind.GOAL:
        return Slot(chart.win)
    if kind == Kind.WIN:
        return nearest({Kind.PURPOSE}) if layout.wide else next(
            (s for s in layout.order if chart.part(s.part).kind == Kind.PURPOSE), None
        )
    if kind == Kind.PURPOSE:
        return next((s for s in layout.order if s.purpose == slot.part), None)
    if kind == Kind.MEASURE:
        return nearest({Kind.ELEMENT}) if layout.wide else (Slot(slot.purpose) if slot.purpose else None)
    return None
