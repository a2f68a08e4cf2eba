"""The プ譜 chart as a networkx graph, and the operations on it in the method's own words.

Nodes are parts (attribute ``kind``: goal, win, purpose, measure, element). Edges run the way
the sheet's arrows do: 施策 → 中間目的 → 勝利条件 → 獲得目標. The order of 中間目的 and the
order of 施策 within each 中間目的 live on those edges (attribute ``order``), so a 施策 that
serves several 中間目的 keeps its own place under each.

Every operation checks first and changes second: an impossible one raises
:class:`~pufu.model.errors.ChartError` and leaves the chart exactly as it was.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal, get_args

import networkx as nx

from .errors import ChartError, FormatError, Text
from .fileformat import (
    ChartData,
    EditorExtra,
    ElementsData,
    MeasureData,
    MetricData,
    PartData,
    PurposeData,
)
from .metrics import MetricOps
from .parts import (
    COMMENT_COLORS,
    ELEMENT_KEYS,
    NO_COMMENT,
    Color,
    Comment,
    EditorCopy,
    Kind,
    Progress,
)
from .texts import check_text

#: The operations that return the new part's id, and those that return the ids they removed;
#: the others return nothing.
Adding = Literal["add_purpose", "add_measure", "add_metric"]
Removing = Literal["remove", "remove_purpose"]
Changing = Literal[
    "set_text",
    "set_comment",
    "set_element",
    "move_purpose",
    "remove_measure",
    "move_measure",
    "link_measure",
    "unlink_measure",
    "set_color",
    "set_progress",
    "set_metric",
    "set_metric_value",
    "remove_metric",
]

#: The names of the operations that change a chart (undoable through a Session).
OPERATIONS: frozenset[str] = frozenset(get_args(Adding) + get_args(Removing) + get_args(Changing))


def new_id() -> str:
    """A fresh, unique part id."""
    return uuid.uuid4().hex[:22]


@dataclass(frozen=True, slots=True)
class Part:
    """A read-only view of one part."""

    id: str
    kind: Kind
    text: str
    comment: Comment
    color: Color | None = None  # 施策 only
    progress: Progress | None = None  # 施策 only
    key: str | None = None  # element only: people, money, ...


_check_text = check_text  # the one check of a text (pufu.model.texts)


def _check_progress(value: object) -> Progress | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ChartError("err.chart.progress_type", value=value)
    if not 0 <= value <= 100:
        raise ChartError("err.chart.progress_range", value=value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return value


class Chart(MetricOps):
    """One プ譜 sheet: 獲得目標, 勝利条件, ordered 中間目的, 施策, the eight elements, and the
    評価指標 (yardsticks) of the 勝利条件 and the 中間目的 (see :mod:`pufu.model.metrics`)."""

    __slots__ = ("graph",)

    def __init__(self, graph: nx.DiGraph | None = None) -> None:
        self.graph = graph if graph is not None else self._blank_graph()

    @classmethod
    def blank(cls, goal: str | None = None, win: str | None = None, elements: dict[str, str] | None = None) -> Chart:
        """An empty sheet, optionally with given ids for the goal, the win condition and elements."""
        return cls(cls._blank_graph(goal, win, elements))

    @staticmethod
    def _blank_graph(
        goal: str | None = None, win: str | None = None, elements: dict[str, str] | None = None
    ) -> nx.DiGraph:
        graph = nx.DiGraph()
        goal, win = goal or new_id(), win or new_id()
        element_ids = {key: (elements or {}).get(key) or new_id() for key in ELEMENT_KEYS}
        if len({goal, win, *element_ids.values()}) != 2 + len(ELEMENT_KEYS):
            raise ChartError("err.chart.ids_distinct")
        graph.add_node(goal, kind=Kind.GOAL, text="", comment=NO_COMMENT)
        graph.add_node(win, kind=Kind.WIN, text="", comment=NO_COMMENT)
        graph.add_edge(win, goal)
        for key, node in element_ids.items():
            graph.add_node(node, kind=Kind.ELEMENT, key=key, text="", comment=NO_COMMENT)
        graph.graph.update(goal=goal, win=win, elements=element_ids, metrics={})
        return graph

    # ------------------------------------------------------------------ reading

    @property
    def goal(self) -> str:
        """The id of the 獲得目標."""
        return str(self.graph.graph["goal"])

    @property
    def win(self) -> str:
        """The id of the 勝利条件."""
        return str(self.graph.graph["win"])

    def element(self, key: str) -> str:
        """The id of one of the eight elements (``people``, ``money``, ...)."""
        try:
            return str(self.graph.graph["elements"][key])
        except KeyError:
            raise ChartError("err.chart.unknown_element", key=key, elements=", ".join(ELEMENT_KEYS)) from None

    def elements(self) -> list[str]:
        """The ids of the eight elements, in the sheet's order."""
        return [self.graph.graph["elements"][key] for key in ELEMENT_KEYS]

    def purposes(self) -> list[str]:
        """The 中間目的, in order."""
        return self._ordered_in(self.win)

    def measures_of(self, purpose: str) -> list[str]:
        """The 施策 serving one 中間目的, in their order under it."""
        self._expect(purpose, Kind.PURPOSE)
        return self._ordered_in(purpose)

    def purposes_of(self, measure: str) -> list[str]:
        """The 中間目的 a 施策 serves, in the 中間目的's order."""
        self._expect(measure, Kind.MEASURE)
        served = set(self.graph.successors(measure))
        return [p for p in self.purposes() if p in served]

    def measures(self) -> list[str]:
        """Every 施策 once, in sheet order (by first 中間目的), then those serving nothing."""
        seen: dict[str, None] = {}
        for purpose in self.purposes():
            for measure in self._ordered_in(purpose):
                seen.setdefault(measure, None)
        for node, data in self.graph.nodes(data=True):
            if data["kind"] == Kind.MEASURE:
                seen.setdefault(node, None)
        return list(seen)

    def part(self, part_id: str) -> Part:
        """A read-only view of a part."""
        data = self._node(part_id)
        return Part(
            id=part_id,
            kind=data["kind"],
            text=data["text"],
            comment=data["comment"],
            color=data.get("color"),
            progress=data.get("progress"),
            key=data.get("key"),
        )

    def parts(self) -> Iterator[Part]:
        """Every part, in sheet order: goal, win, 中間目的, 施策, elements."""
        for part_id in [self.goal, self.win, *self.purposes(), *self.measures(), *self.elements()]:
            yield self.part(part_id)

    def __contains__(self, part_id: object) -> bool:
        return part_id in self.graph

    def __len__(self) -> int:
        return int(self.graph.number_of_nodes())

    def editor_copy(self, measure: str, purpose: str) -> EditorCopy | None:
        """How this 施策's copy under this 中間目的 looked in pufu-editor, if imported."""
        copy: EditorCopy | None = self.graph.edges[measure, purpose].get("copy")
        return copy

    @property
    def editor_extra(self) -> EditorExtra | None:
        """Foreign data from the pufu-editor file this chart was imported from (immutable)."""
        extra: EditorExtra | None = self.graph.graph.get("editor_extra")
        return extra

    @editor_extra.setter
    def editor_extra(self, extra: EditorExtra | None) -> None:
        self.graph.graph["editor_extra"] = extra

    def editor_id(self, part_id: str) -> str:
        """The uuid to write for this part in pufu-editor's format."""
        return self._node(part_id).get("editor_id") or part_id

    # ------------------------------------------------------------------ operations

    def set_text(self, part_id: str, text: str) -> None:
        """Change the text of any part."""
        self._node(part_id)
        self.graph.nodes[part_id]["text"] = _check_text(text)

    def set_comment(self, part_id: str, color: str = "blue", text: str = "") -> None:
        """Set the comment of any part; an empty text removes it."""
        data = self._node(part_id)
        if color not in COMMENT_COLORS:
            raise ChartError("err.chart.comment_color", color=color)
        data["comment"] = Comment(color=color, text=_check_text(text))
        self._drop_copy_values(part_id)

    def set_element(self, key: str, text: str) -> None:
        """Write one of the eight elements."""
        self.set_text(self.element(key), text)

    def add_purpose(self, text: str = "", *, after: str | None = None, part_id: str | None = None) -> str:
        """Add a 中間目的 after another (at the end by default); returns its id."""
        text = _check_text(text)
        order = self.purposes()
        index = len(order) if after is None else self._index_after(order, after, Kind.PURPOSE)
        node = self._fresh(part_id)
        self.graph.add_node(node, kind=Kind.PURPOSE, text=text, comment=NO_COMMENT)
        self.graph.add_edge(node, self.win)
        order.insert(index, node)
        self._renumber(order, self.win)
        return node

    def remove_purpose(self, purpose: str) -> list[str]:
        """Remove a 中間目的, its yardsticks and the 施策 that served only it; returns the
        removed 施策."""
        self._expect(purpose, Kind.PURPOSE)
        only_here = [m for m in self._ordered_in(purpose) if self.graph.out_degree(m) == 1]
        self._drop_metrics_of(purpose)
        self.graph.remove_nodes_from([purpose, *only_here])
        self._renumber(self.purposes(), self.win)
        return only_here

    def remove(self, part_id: str) -> list[str]:
        """Remove a 中間目的 or 施策; returns the ids removed. The 獲得目標, 勝利条件 and the
        eight elements are part of every sheet and cannot be removed (clear their text instead)."""
        kind = self._node(part_id)["kind"]
        if kind == Kind.PURPOSE:
            return [part_id, *self.remove_purpose(part_id)]
        if kind == Kind.MEASURE:
            self.remove_measure(part_id)
            return [part_id]
        raise ChartError("err.chart.cannot_remove", kind=Text(f"kind.{kind.value}"))

    def move_purpose(self, purpose: str, offset: int) -> None:
        """Move a 中間目的 up (negative) or down (positive) in the order."""
        self._expect(purpose, Kind.PURPOSE)
        self._renumber(self._moved(self.purposes(), purpose, offset), self.win)

    def add_measure(
        self,
        purpose: str,
        text: str = "",
        *,
        after: str | None = None,
        color: Color | str = Color.WHITE,
        progress: Progress | None = None,
        part_id: str | None = None,
    ) -> str:
        """Add a 施策 serving a 中間目的, after another 施策 under it (at the end by default)."""
        self._expect(purpose, Kind.PURPOSE)
        text = _check_text(text)
        color = self._color(color)
        progress = _check_progress(progress)
        order = self._ordered_in(purpose)
        index = len(order) if after is None else self._index_after(order, after, Kind.MEASURE)
        node = self._fresh(part_id)
        self.graph.add_node(
            node, kind=Kind.MEASURE, text=text, comment=NO_COMMENT, color=color, progress=progress
        )
        self.graph.add_edge(node, purpose)
        order.insert(index, node)
        self._renumber(order, purpose)
        return node

    def remove_measure(self, measure: str) -> None:
        """Remove a 施策 from the sheet (from every 中間目的 it serves)."""
        self._expect(measure, Kind.MEASURE)
        served = list(self.graph.successors(measure))
        self.graph.remove_node(measure)
        for purpose in served:
            self._renumber(self._ordered_in(purpose), purpose)

    def move_measure(self, measure: str, purpose: str, offset: int) -> None:
        """Move a 施策 up or down among the 施策 of one 中間目的 it serves."""
        self._expect_link(measure, purpose)
        self._renumber(self._moved(self._ordered_in(purpose), measure, offset), purpose)

    def link_measure(self, measure: str, purpose: str, *, after: str | None = None) -> None:
        """Let a 施策 serve another 中間目的 too."""
        self._expect(measure, Kind.MEASURE)
        self._expect(purpose, Kind.PURPOSE)
        if self.graph.has_edge(measure, purpose):
            raise ChartError("err.chart.already_serves")
        order = self._ordered_in(purpose)
        index = len(order) if after is None else self._index_after(order, after, Kind.MEASURE)
        self.graph.add_edge(measure, purpose)
        order.insert(index, measure)
        self._renumber(order, purpose)

    def unlink_measure(self, measure: str, purpose: str) -> None:
        """Stop a 施策 serving one 中間目的; it must go on serving at least one."""
        self._expect_link(measure, purpose)
        if self.graph.out_degree(measure) == 1:
            raise ChartError("err.chart.only_purpose")
        self.graph.remove_edge(measure, purpose)
        self._renumber(self._ordered_in(purpose), purpose)

    def set_color(self, measure: str, color: Color | str) -> None:
        """Set a 施策's colour (red, white, green, blue, yellow)."""
        self._expect(measure, Kind.MEASURE)
        self.graph.nodes[measure]["color"] = self._color(color)
        self._drop_copy_values(measure)

    def set_progress(self, measure: str, progress: Progress | None) -> None:
        """Set a 施策's progress, 0 to 100, or None for unset."""
        self._expect(measure, Kind.MEASURE)
        self.graph.nodes[measure]["progress"] = _check_progress(progress)
        self._drop_copy_values(measure)

    # ------------------------------------------------------------------ whole-chart

    def copy(self) -> Chart:
        """An independent copy (attribute values are immutable, so a shallow graph copy is)."""
        graph = self.graph.copy()
        graph.graph["elements"] = dict(self.graph.graph["elements"])
        graph.graph["metrics"] = dict(self._metric_table())
        return Chart(graph)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Chart):
            return NotImplemented
        return self.to_data() == other.to_data()

    def __repr__(self) -> str:
        return f"<Chart {len(self.purposes())} 中間目的, {len(self.measures())} 施策>"

    def to_data(self) -> ChartData:
        """The chart in the file format."""
        def part(node: str) -> dict[str, Any]:
            data = self.graph.nodes[node]
            out: dict[str, Any] = {"id": node, "text": data["text"], "comment": data["comment"]}
            if data.get("editor_id"):
                out["editorId"] = data["editor_id"]
            return out

        purposes = []
        for purpose in self.purposes():
            served = self._ordered_in(purpose)
            copies = {
                m: self.graph.edges[m, purpose]["copy"]
                for m in served
                if self.graph.edges[m, purpose].get("copy") is not None
            }
            purposes.append(
                PurposeData.model_construct(
                    **part(purpose), measures=served, editorCopies=copies or None
                )
            )
        measures = [
            MeasureData.model_construct(
                **part(m),
                color=self.graph.nodes[m]["color"],
                progress=self.graph.nodes[m]["progress"],
            )
            for m in self.measures()
        ]
        parts: dict[str, Any] = {
            key: PartData.model_construct(**part(self.element(key))) for key in ELEMENT_KEYS
        }
        elements = ElementsData.model_construct(**parts)
        return ChartData.model_construct(
            gainingGoal=PartData.model_construct(**part(self.goal)),
            winCondition=PartData.model_construct(**part(self.win)),
            purposes=purposes,
            measures=measures,
            elements=elements,
            metrics=self.metrics(),
            editorExtra=self._editor_extra_kept(),
        )

    def _editor_extra_kept(self) -> EditorExtra | None:
        """The foreign data of the parts (and shared 施策's copies) still in the chart."""
        extra: EditorExtra | None = self.graph.graph.get("editor_extra")
        if extra is None:
            return None
        parts = {k: v for k, v in (extra.parts or {}).items() if k in self.graph}
        copies = {
            p: kept
            for p, by_measure in (extra.copies or {}).items()
            if (kept := {m: v for m, v in by_measure.items() if self.graph.has_edge(m, p)})
        }
        if len(parts) == len(extra.parts or {}) and copies == (extra.copies or {}):
            return extra
        return extra.model_copy(update={"parts": parts or None, "copies": copies or None})

    @classmethod
    def from_data(cls, data: ChartData, where: str = "$") -> Chart:
        """Build a chart from the file format, refusing duplicate ids and dangling links."""
        graph = nx.DiGraph()
        seen: dict[str, str] = {}

        def add(node: PartData, path: str, kind: Kind, **extra: object) -> str:
            if node.id in seen:
                raise FormatError(f"{path}.id", "err.format.duplicate_id", id=node.id, other=seen[node.id])
            seen[node.id] = path
            attrs = {"kind": kind, "text": node.text, "comment": node.comment, **extra}
            if node.editorId:
                attrs["editor_id"] = node.editorId
            graph.add_node(node.id, **attrs)
            return node.id

        goal = add(data.gainingGoal, f"{where}.gainingGoal", Kind.GOAL)
        win = add(data.winCondition, f"{where}.winCondition", Kind.WIN)
        graph.add_edge(win, goal)
        graph.graph.update(goal=goal, win=win)
        graph.graph["elements"] = {
            key: add(getattr(data.elements, key), f"{where}.elements.{key}", Kind.ELEMENT, key=key)
            for key in ELEMENT_KEYS
        }
        for index, purpose in enumerate(data.purposes):
            add(purpose, f"{where}.purposes[{index}]", Kind.PURPOSE)
            graph.add_edge(purpose.id, win, order=index)
        for index, measure in enumerate(data.measures):
            add(
                measure,
                f"{where}.measures[{index}]",
                Kind.MEASURE,
                color=measure.color,
                progress=_check_progress(measure.progress),
            )
        for index, purpose in enumerate(data.purposes):
            path = f"{where}.purposes[{index}]"
            for position, served in enumerate(purpose.measures):
                if graph.nodes.get(served, {}).get("kind") != Kind.MEASURE:
                    raise FormatError(f"{path}.measures[{position}]", "err.format.no_measure", id=served)
                if graph.has_edge(served, purpose.id):
                    raise FormatError(f"{path}.measures[{position}]", "err.format.measure_twice", id=served)
                graph.add_edge(served, purpose.id, order=position)
            for served, copy in (purpose.editorCopies or {}).items():
                if not graph.has_edge(served, purpose.id):
                    raise FormatError(f"{path}.editorCopies", "err.format.not_measure_of", id=served)
                graph.edges[served, purpose.id]["copy"] = copy
        metrics: dict[str, MetricData] = {}
        for index, metric in enumerate(data.metrics):
            path = f"{where}.metrics[{index}]"
            if metric.id in seen:
                raise FormatError(f"{path}.id", "err.format.duplicate_id", id=metric.id, other=seen[metric.id])
            seen[metric.id] = path
            if graph.nodes.get(metric.part, {}).get("kind") not in (Kind.WIN, Kind.PURPOSE):
                raise FormatError(f"{path}.part", "err.format.no_metric_part", id=metric.part)
            metrics[metric.id] = metric
        graph.graph["metrics"] = metrics
        if data.editorExtra is not None:
            graph.graph["editor_extra"] = data.editorExtra
        return cls(graph)

    # ------------------------------------------------------------------ helpers

    def _node(self, part_id: str) -> dict[str, Any]:
        try:
            node: dict[str, Any] = self.graph.nodes[part_id]
            return node
        except (KeyError, TypeError):
            raise ChartError("err.chart.no_part", id=part_id) from None

    def _expect(self, part_id: str, kind: Kind) -> dict[str, Any]:
        data = self._node(part_id)
        if data["kind"] != kind:
            raise ChartError(
                "err.chart.wrong_kind", id=part_id, was=Text(f"kind.{data['kind'].value}"), kind=Text(f"kind.{kind.value}")
            )
        return data

    def _expect_link(self, measure: str, purpose: str) -> None:
        self._expect(measure, Kind.MEASURE)
        self._expect(purpose, Kind.PURPOSE)
        if not self.graph.has_edge(measure, purpose):
            raise ChartError("err.chart.not_serving")

    def _fresh(self, part_id: str | None) -> str:
        if part_id is None:
            return new_id()
        if not isinstance(part_id, str) or not part_id:
            raise ChartError("err.chart.id_empty")
        if part_id in self.graph or part_id in self._metric_table():
            raise ChartError("err.chart.id_used", id=part_id)
        return part_id

    def _ordered_in(self, parent: str) -> list[str]:
        edges = self.graph.in_edges(parent, data="order")
        return [child for child, _, _ in sorted(edges, key=lambda edge: edge[2])]

    def _renumber(self, order: Iterable[str], parent: str) -> None:
        for position, child in enumerate(order):
            self.graph.edges[child, parent]["order"] = position

    def _index_after(self, order: list[str], after: str, kind: Kind) -> int:
        self._expect(after, kind)
        if after not in order:
            raise ChartError("err.chart.not_in_list", after=after)
        return order.index(after) + 1

    @staticmethod
    def _moved(order: list[str], item: str, offset: int) -> list[str]:
        if isinstance(offset, bool) or not isinstance(offset, int):
            raise ChartError("err.chart.move_whole", offset=offset)
        index = order.index(item)
        target = index + offset
        if not 0 <= target < len(order):
            raise ChartError("err.chart.move_end")
        order.insert(target, order.pop(index))
        return order

    @staticmethod
    def _color(color: Color | str) -> Color:
        try:
            return Color(color)
        except ValueError:
            raise ChartError("err.chart.measure_color", color=color) from None

    def _drop_copy_values(self, part_id: str) -> None:
        if self.graph.nodes[part_id]["kind"] != Kind.MEASURE:
            return
        for _, _, data in self.graph.out_edges(part_id, data=True):
            copy = data.get("copy")
            if copy is not None and copy.values is not None:
                data["copy"] = EditorCopy(uuid=copy.uuid)


def _sound_ids(data: ChartData) -> set[str] | None:
    """The ids of a chart whose ids and links are sound, checked in bulk (no paths built), or
    None: then :func:`check_links` finds the first fault and names its place."""
    elements = data.elements
    ids = [data.gainingGoal.id, data.winCondition.id, *(getattr(elements, key).id for key in ELEMENT_KEYS)]
    ids += [purpose.id for purpose in data.purposes]
    measures = {measure.id for measure in data.measures}
    ids += measures
    ids += [metric.id for metric in data.metrics]
    unique = set(ids)
    if len(unique) != len(ids) or len(measures) != len(data.measures):
        return None
    for purpose in data.purposes:
        served = purpose.measures
        listed = set(served)
        if len(listed) != len(served) or not listed <= measures:
            return None
        if purpose.editorCopies and not purpose.editorCopies.keys() <= listed:
            return None
    if data.metrics:
        measured = {data.winCondition.id, *(purpose.id for purpose in data.purposes)}
        if any(metric.part not in measured for metric in data.metrics):
            return None
    return unique


def check_links(data: ChartData, where: str = "$") -> set[str]:
    """Refuse duplicate ids and dangling links without building the graph; returns the ids.

    Recorded phases are checked this way on load and built into charts only when looked at.
    """
    sound = _sound_ids(data)
    if sound is not None:
        return sound
    seen: dict[str, str] = {}

    def see(part_id: str, path: str) -> None:
        if part_id in seen:
            raise FormatError(f"{path}.id", "err.format.duplicate_id", id=part_id, other=seen[part_id])
        seen[part_id] = path

    see(data.gainingGoal.id, f"{where}.gainingGoal")
    see(data.winCondition.id, f"{where}.winCondition")
    for key in ELEMENT_KEYS:
        see(getattr(data.elements, key).id, f"{where}.elements.{key}")
    for index, purpose in enumerate(data.purposes):
        see(purpose.id, f"{where}.purposes[{index}]")
    measured = {data.winCondition.id, *(purpose.id for purpose in data.purposes)}
    measures: set[str] = set()
    for index, measure in enumerate(data.measures):
        see(measure.id, f"{where}.measures[{index}]")
        measures.add(measure.id)
    for index, purpose in enumerate(data.purposes):
        path = f"{where}.purposes[{index}]"
        listed: set[str] = set()
        for position, served in enumerate(purpose.measures):
            if served not in measures:
                raise FormatError(f"{path}.measures[{position}]", "err.format.no_measure", id=served)
            if served in listed:
                raise FormatError(f"{path}.measures[{position}]", "err.format.measure_twice", id=served)
            listed.add(served)
        for served in purpose.editorCopies or {}:
            if served not in listed:
                raise FormatError(f"{path}.editorCopies", "err.format.not_measure_of", id=served)
    for index, metric in enumerate(data.metrics):
        path = f"{where}.metrics[{index}]"
        see(metric.id, path)
        if metric.part not in measured:
            raise FormatError(f"{path}.part", "err.format.no_metric_part", id=metric.part)
    return set(seen)
