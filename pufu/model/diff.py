"""What changed between two sheets (局面): the diff a 感想戦 reads, as plain data.

``diff(a, b)`` matches the parts of two charts and lists every change, in the order a review
reads them: the 獲得目標 and the 勝利条件 first (a changed win condition is the third law at
work), then the 中間目的, the 施策 and the eight elements.

How parts are matched (the same part in both sheets):

- the 獲得目標, the 勝利条件 and each of the eight elements by their place on the sheet, whatever
  their ids (every sheet has exactly one of each);
- 中間目的 and 施策 by id; then, among those left unmatched, by equal text within the same kind
  (whitespace-insensitive). pufu-editor gives every part a fresh uuid in each phase of a phase
  map, so an imported project shares no ids between phases; matching by text keeps "the same
  施策, now red and done" one part instead of a removal plus an addition. A part whose id *and*
  text both changed is reported as removed and added.

Everything runs in O(n log n) for n parts: dicts and sets keyed by id, and reorders found as the
parts outside a longest increasing subsequence of old positions (only a relative move counts,
not the shift an insertion causes).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from .chart import Chart
from .errors import ChartError
from .fileformat import MetricData
from .metrics import norm_name
from .parts import ELEMENT_KEYS, Kind
from .project import Project


class ChangeKind(StrEnum):
    """What happened to one part between two sheets."""

    ADDED = "added"
    REMOVED = "removed"
    TEXT = "text"
    COMMENT = "comment"
    COLOR = "color"
    PROGRESS = "progress"
    RELINKED = "relinked"  # a 施策 now serves other 中間目的
    REORDERED = "reordered"  # moved relative to its neighbours


#: The order parts are reported in: goal and win first.
KIND_ORDER: tuple[Kind, ...] = (Kind.GOAL, Kind.WIN, Kind.PURPOSE, Kind.MEASURE, Kind.ELEMENT)
#: The order of one part's changes.
CHANGE_ORDER: tuple[ChangeKind, ...] = tuple(ChangeKind)
DRAFT = "draft"


@dataclass(frozen=True, slots=True)
class Change:
    """One change of one part.

    ``part_id`` is the part's id in the newer sheet (in the older one when removed); ``a_id`` its
    id in the older sheet (None when added). ``before``/``after`` hold texts, a comment as
    ``{"color", "text"}``, a colour, a progress, lists of 中間目的 texts (relinked) or 1-based
    positions (reordered). ``label`` names the part (its text), ``context`` the 中間目的 a 施策
    stands under.
    """

    kind: ChangeKind
    part_id: str
    part_kind: Kind
    before: Any = None
    after: Any = None
    a_id: str | None = None
    label: str = ""
    context: str | None = None
    key: str | None = None  # element key

    @property
    def decisive(self) -> bool:
        """A change of what counts as a win: the 獲得目標's or the 勝利条件's text."""
        return self.part_kind in (Kind.GOAL, Kind.WIN) and self.kind == ChangeKind.TEXT

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind.value,
            "partKind": self.part_kind.value,
            "partId": self.part_id,
        }
        if self.a_id is not None and self.a_id != self.part_id:
            out["previousId"] = self.a_id
        if self.key is not None:
            out["key"] = self.key
        out["label"] = self.label
        if self.context is not None:
            out["context"] = self.context
        out["before"] = self.before
        out["after"] = self.after
        if self.decisive:
            out["decisive"] = True
        return out


class MetricChangeKind(StrEnum):
    """What happened to one 評価指標 (yardstick) between two sheets."""

    ADDED = "added"
    REMOVED = "removed"
    RENAMED = "renamed"
    TARGET = "target"  # decisive: what counts as a win changed (the third law)
    DIRECTION = "direction"  # decisive
    BASELINE = "baseline"
    UNIT = "unit"
    PART = "part"  # it measures another 中間目的 (or the 勝利条件) now
    NOTE = "note"
    VALUE = "value"


#: The order of one yardstick's changes.
METRIC_CHANGE_ORDER: tuple[MetricChangeKind, ...] = tuple(MetricChangeKind)


@dataclass(frozen=True, slots=True)
class MetricChange:
    """One change of one yardstick. ``metric_id`` is its id in the newer sheet (in the older
    one when removed); ``name`` its name there; ``before``/``after`` the values (numbers,
    texts, ``higher``/``lower``; for ``part``, the texts of the parts measured)."""

    kind: MetricChangeKind
    metric_id: str
    name: str
    before: Any = None
    after: Any = None
    unit: str = ""

    @property
    def decisive(self) -> bool:
        """A changed target or direction: what counts as a win changed, like a changed 勝利条件."""
        return self.kind in (MetricChangeKind.TARGET, MetricChangeKind.DIRECTION)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind.value,
            "metricId": self.metric_id,
            "name": self.name,
            "unit": self.unit,
            "before": self.before,
            "after": self.after,
        }
        if self.decisive:
            out["decisive"] = True
        return out


@dataclass(slots=True)
class ChartDiff:
    """Every change from sheet ``a`` to sheet ``b``: the 獲得目標's and 勝利条件's text changes
    first, then part by part in the newer sheet's order (goal, win, 中間目的, 施策, elements),
    each kind of part followed by its removals."""

    changes: list[Change] = field(default_factory=list)
    matched_by_text: int = 0  # pairs whose ids differ but whose texts are equal
    #: the 評価指標's changes, decisive ones (target, direction) first
    metrics: list[MetricChange] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.changes) or bool(self.metrics)

    def __len__(self) -> int:
        """How many changes: of the parts (iterating gives those) and of the yardsticks."""
        return len(self.changes) + len(self.metrics)

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    @property
    def decisive(self) -> list[Change]:
        """The changes of the 獲得目標's or 勝利条件's text."""
        return [c for c in self.changes if c.decisive]

    @property
    def decisive_metrics(self) -> list[MetricChange]:
        """The yardsticks whose target or direction changed."""
        return [m for m in self.metrics if m.decisive]

    @property
    def win_changed(self) -> bool:
        return any(c.decisive and c.part_kind == Kind.WIN for c in self.changes)

    @property
    def goal_changed(self) -> bool:
        return any(c.decisive and c.part_kind == Kind.GOAL for c in self.changes)

    @property
    def structural(self) -> bool:
        """True when a 中間目的 or 施策 came or went, or the goal or win changed."""
        return any(
            c.decisive or (c.kind in (ChangeKind.ADDED, ChangeKind.REMOVED)) for c in self.changes
        ) or any(m.decisive for m in self.metrics)

    def counts(self) -> dict[str, int]:
        """How many changes of each kind, in :data:`CHANGE_ORDER`."""
        counted = Counter(c.kind for c in self.changes)
        return {kind.value: counted[kind] for kind in CHANGE_ORDER if counted[kind]}

    def for_part(self, part_id: str) -> list[Change]:
        return [c for c in self.changes if c.part_id == part_id]

    def marks(self) -> dict[str, str]:
        """Part id → ``added`` | ``changed`` | ``removed``, for drawing: added and changed parts by
        their id in ``b``, removed ones by their id in ``a``."""
        out: dict[str, str] = {}
        for change in self.changes:
            if change.kind == ChangeKind.ADDED:
                out[change.part_id] = "added"
            elif change.kind == ChangeKind.REMOVED:
                out[change.part_id] = "removed"
            else:
                out.setdefault(change.part_id, "changed")
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "decisive": {
                "goal": self.goal_changed,
                "win": self.win_changed,
                "metrics": bool(self.decisive_metrics),
            },
            "counts": self.counts(),
            "matchedByText": self.matched_by_text,
            "changes": [c.to_json() for c in self.changes],
            "metrics": [m.to_json() for m in self.metrics],
        }


# ---------------------------------------------------------------------- matching


def _norm(text: str) -> str:
    return " ".join(text.split())


class _Sheet:
    """One pass over a chart: node data, the 中間目的 in order, the 施策 under each, and the
    中間目的 each 施策 serves (in sheet order). Everything a diff reads, in dicts."""

    __slots__ = ("chart", "nodes", "purposes", "position", "under", "served", "measures")

    def __init__(self, chart: Chart) -> None:
        graph = chart.graph
        self.chart = chart
        self.nodes: dict[str, dict[str, Any]] = dict(graph.nodes(data=True))
        pred = graph.pred
        self.purposes = [p for p, _ in sorted(pred[chart.win].items(), key=lambda kv: kv[1]["order"])]
        self.position = {p: i for i, p in enumerate(self.purposes)}
        self.under: dict[str, list[str]] = {}
        self.served: dict[str, list[str]] = defaultdict(list)
        measures: dict[str, None] = {}
        for purpose in self.purposes:
            children = [m for m, _ in sorted(pred[purpose].items(), key=lambda kv: kv[1]["order"])]
            self.under[purpose] = children
            for measure in children:
                self.served[measure].append(purpose)
                measures[measure] = None
        for node, data in self.nodes.items():
            if data["kind"] == Kind.MEASURE:
                measures.setdefault(node, None)
        self.measures = list(measures)

    def context(self, measure: str) -> str | None:
        """The text of the first 中間目的 a 施策 serves."""
        served = self.served.get(measure)
        return self.nodes[served[0]]["text"] if served else None


def _match(a: _Sheet, b: _Sheet) -> tuple[dict[str, str], int]:
    pairs: dict[str, str] = {a.chart.goal: b.chart.goal, a.chart.win: b.chart.win}
    for key in ELEMENT_KEYS:
        pairs[a.chart.element(key)] = b.chart.element(key)
    taken = set(pairs.values())
    by_text = 0
    b_nodes = b.nodes
    for kind, a_ids, b_ids in ((Kind.PURPOSE, a.purposes, b.purposes), (Kind.MEASURE, a.measures, b.measures)):
        left: list[str] = []
        for node in a_ids:
            other = b_nodes.get(node)
            if other is not None and other["kind"] == kind and node not in taken:
                pairs[node] = node
                taken.add(node)
            else:
                left.append(node)
        if not left:
            continue
        # unmatched parts of b by text, each list in reverse sheet order so pop() is the first
        free: dict[str, list[str]] = {}
        for node in reversed(b_ids):
            if node not in taken:
                text = _norm(b_nodes[node]["text"])
                if text:
                    free.setdefault(text, []).append(node)
        for node in left:
            queue = free.get(_norm(a.nodes[node]["text"]))
            if queue:
                found = queue.pop()
                pairs[node] = found
                taken.add(found)
                by_text += 1
    return pairs, by_text


def match(a: Chart, b: Chart) -> tuple[dict[str, str], int]:
    """Pairs ``a id → b id`` of the same part in both sheets, and how many were paired by text."""
    return _match(_Sheet(a), _Sheet(b))


def _unmoved(sequence: list[int]) -> set[int]:
    """Indexes into ``sequence`` of one longest increasing subsequence (O(n log n))."""
    tails: list[int] = []  # smallest tail value of an increasing run of each length
    tail_at: list[int] = []  # index in sequence of that tail
    before: list[int] = [-1] * len(sequence)
    for index, value in enumerate(sequence):
        length = bisect_left(tails, value)
        if length == len(tails):
            tails.append(value)
            tail_at.append(index)
        else:
            tails[length] = value
            tail_at[length] = index
        before[index] = tail_at[length - 1] if length else -1
    kept: set[int] = set()
    index = tail_at[-1] if tail_at else -1
    while index != -1:
        kept.add(index)
        index = before[index]
    return kept


# ---------------------------------------------------------------------- the diff


def diff(a: Chart, b: Chart) -> ChartDiff:
    """Every change from sheet ``a`` (older) to sheet ``b`` (newer)."""
    sa, sb = _Sheet(a), _Sheet(b)
    pairs, by_text = _match(sa, sb)
    back = {b_id: a_id for a_id, b_id in pairs.items()}
    an, bn = sa.nodes, sb.nodes
    buckets: dict[Kind, dict[str, list[Change]]] = {kind: defaultdict(list) for kind in KIND_ORDER}

    def add(change: Change) -> None:
        buckets[change.part_kind][change.part_id].append(change)

    # the parts in both sheets
    for a_id, b_id in pairs.items():
        old, new = an[a_id], bn[b_id]
        kind = new["kind"]
        found: list[tuple[ChangeKind, Any, Any]] = []
        if old["text"] != new["text"]:
            found.append((ChangeKind.TEXT, old["text"], new["text"]))
        if old["comment"] is not new["comment"] and old["comment"] != new["comment"]:
            found.append((ChangeKind.COMMENT, old["comment"].model_dump(), new["comment"].model_dump()))
        if kind == Kind.MEASURE:
            if old["color"] != new["color"]:
                found.append((ChangeKind.COLOR, str(old["color"]), str(new["color"])))
            if old["progress"] != new["progress"]:
                found.append((ChangeKind.PROGRESS, old["progress"], new["progress"]))
            old_served, new_served = sa.served.get(a_id, []), sb.served.get(b_id, [])
            if {pairs.get(p) for p in old_served} != set(new_served):
                found.append(
                    (
                        ChangeKind.RELINKED,
                        [an[p]["text"] for p in old_served],
                        [bn[p]["text"] for p in new_served],
                    )
                )
        if found:
            context = sb.context(b_id) if kind == Kind.MEASURE else None
            for what, before, after in found:
                add(Change(what, b_id, kind, before, after, a_id, new["text"], context, new.get("key")))

    # reorders: of the 中間目的, and of the 施策 under each 中間目的 in both sheets
    def reorders(b_order: list[str], a_index: dict[str, int], context: str | None) -> None:
        kept_b = [node for node in b_order if back.get(node) in a_index]
        sequence = [a_index[back[node]] for node in kept_b]
        unmoved = _unmoved(sequence)
        if len(unmoved) == len(kept_b):
            return
        b_index = {node: i for i, node in enumerate(b_order)}
        for i, node in enumerate(kept_b):
            if i not in unmoved:
                add(
                    Change(
                        ChangeKind.REORDERED,
                        node,
                        bn[node]["kind"],
                        a_index[back[node]] + 1,
                        b_index[node] + 1,
                        back[node],
                        bn[node]["text"],
                        context,
                    )
                )

    reorders(sb.purposes, sa.position, None)
    for purpose in sb.purposes:
        old_purpose = back.get(purpose)
        if old_purpose in sa.under:
            index = {m: i for i, m in enumerate(sa.under[old_purpose])}
            reorders(sb.under[purpose], index, bn[purpose]["text"])

    # added and removed
    for node in (*sb.purposes, *sb.measures):
        if node not in back:
            data = bn[node]
            context = sb.context(node) if data["kind"] == Kind.MEASURE else None
            add(Change(ChangeKind.ADDED, node, data["kind"], None, data["text"], None, data["text"], context))
    removed: dict[Kind, list[Change]] = defaultdict(list)
    for node in (*sa.purposes, *sa.measures):
        if node not in pairs:
            data = an[node]
            context = sa.context(node) if data["kind"] == Kind.MEASURE else None
            removed[data["kind"]].append(
                Change(ChangeKind.REMOVED, node, data["kind"], data["text"], None, node, data["text"], context)
            )

    # in reading order: by kind of part, then the newer sheet's order, then removals
    order = {
        Kind.GOAL: [b.goal],
        Kind.WIN: [b.win],
        Kind.PURPOSE: sb.purposes,
        Kind.MEASURE: sb.measures,
        Kind.ELEMENT: b.elements(),
    }
    rank = {kind: i for i, kind in enumerate(CHANGE_ORDER)}
    changes: list[Change] = []
    for kind in KIND_ORDER:
        bucket = buckets[kind]
        for node in order[kind]:
            if node in bucket:
                changes += sorted(bucket[node], key=lambda c: rank[c.kind])
        changes += removed.get(kind, [])
    # a changed 獲得目標 or 勝利条件 comes before everything else
    changes.sort(key=lambda c: not c.decisive)  # stable: the rest keep their order
    return ChartDiff(changes, by_text, diff_metrics(a, b, pairs))


_METRIC_FIELDS: tuple[tuple[MetricChangeKind, str], ...] = (
    (MetricChangeKind.TARGET, "target"),
    (MetricChangeKind.DIRECTION, "direction"),
    (MetricChangeKind.BASELINE, "baseline"),
    (MetricChangeKind.UNIT, "unit"),
    (MetricChangeKind.NOTE, "note"),
    (MetricChangeKind.VALUE, "value"),
)


def _pair_metrics(old: list[MetricData], new: list[MetricData]) -> list[tuple[MetricData | None, MetricData | None]]:
    """Yardsticks of two sheets paired by id, then by name; in the newer sheet's order, the
    removed ones last."""
    new_ids = {m.id for m in new}
    by_id = {m.id: m for m in old if m.id in new_ids}
    left = {norm_name(m.name): m for m in reversed(old) if m.id not in new_ids}
    out: list[tuple[MetricData | None, MetricData | None]] = []
    used: set[str] = set()
    for metric in new:
        before = by_id.get(metric.id) or left.pop(norm_name(metric.name), None)
        if before is not None:
            used.add(before.id)
        out.append((before, metric))
    out += [(metric, None) for metric in old if metric.id not in used and metric.id not in by_id]
    return out


def diff_metrics(a: Chart, b: Chart, pairs: dict[str, str] | None = None) -> list[MetricChange]:
    """The 評価指標's changes from sheet ``a`` to sheet ``b``: a changed target or direction
    first (decisive), then each yardstick's other changes in the newer sheet's order, then the
    removed ones. ``pairs`` (a id → b id of the parts) tells whether it measures another part."""
    old, new = a.metrics(), b.metrics()
    if not old and not new:
        return []
    pairs = pairs if pairs is not None else match(a, b)[0]
    rank = {kind: i for i, kind in enumerate(METRIC_CHANGE_ORDER)}

    def text(chart: Chart, part: str) -> str:
        return chart.part(part).text

    found: list[MetricChange] = []
    for before, after in _pair_metrics(old, new):
        if before is None and after is not None:
            found.append(MetricChange(MetricChangeKind.ADDED, after.id, after.name, None, after.value, after.unit))
            continue
        if after is None and before is not None:
            found.append(MetricChange(MetricChangeKind.REMOVED, before.id, before.name, before.value, None, before.unit))
            continue
        assert before is not None and after is not None
        changed: list[tuple[MetricChangeKind, Any, Any]] = []
        if before.name != after.name:
            changed.append((MetricChangeKind.RENAMED, before.name, after.name))
        for kind, field_name in _METRIC_FIELDS:
            old_value, new_value = getattr(before, field_name), getattr(after, field_name)
            if old_value != new_value:
                changed.append((kind, old_value, new_value))
        if pairs.get(before.part) != after.part:
            changed.append((MetricChangeKind.PART, text(a, before.part), text(b, after.part)))
        changed.sort(key=lambda item: rank[item[0]])
        found += [MetricChange(kind, after.id, after.name, old, new, after.unit) for kind, old, new in changed]
    found.sort(key=lambda m: not m.decisive)  # stable
    return found


# ---------------------------------------------------------------------- naming sides


def resolve(project: Project, name: str | int) -> tuple[str, Chart]:
    """The side of a diff a user names: a phase number (``"3"``) or ``draft``.

    Returns the canonical name (``"3"`` or ``"draft"``) and the chart; raises
    :class:`ChartError` for anything else.
    """
    text = str(name).strip()
    if text.lower() == DRAFT:
        return DRAFT, project.draft
    try:
        number = int(text)
    except ValueError:
        raise ChartError("err.diff.phase_name", name=name) from None
    return str(number), project.phase_chart(number)


def has_review_comments(chart: Chart) -> bool:
    """True when some part carries a green (went well) or red (problem) comment."""
    return any(
        data["comment"].color in ("green", "red") and data["comment"].text
        for _, data in chart.graph.nodes(data=True)
    )


def reviews(project: Project) -> dict[int, int]:
    """Phase number → the phase it reviews, for phases that are reviews of the one before.

    pufu-editor's phase maps often make odd phases plans and even phases their reviews: the same
    sheet again with green/red comments. A phase counts as a review of the previous one when its
    goal, win condition, 中間目的 and 施策 are the same (only comments, colours, progress and
    elements changed) and it carries green or red comments.
    """
    out: dict[int, int] = {}
    for number in range(2, len(project.phases) + 1):
        if number - 1 in out:
            continue  # a review is not itself reviewed
        before, after = project.phase_chart(number - 1), project.phase_chart(number)
        if has_review_comments(after) and not diff(before, after).structural:
            out[number] = number - 1
    return out
