"""評価指標 (yardsticks) on a chart: the operations, and how a yardstick reads.

A yardstick says how a win is judged: a name, a unit, where we start (baseline), the win
(target), which way is better (direction), and its value on the sheet. It belongs to the
勝利条件 or to one 中間目的 (``part``). A chart keeps its yardsticks in order in
``graph.graph["metrics"]`` (id → :class:`~pufu.model.fileformat.MetricData`, immutable, so a
copy of the dict is a copy of them all).

:class:`MetricOps` is mixed into :class:`~pufu.model.chart.Chart`; like every chart operation,
each one checks first and changes second, raising :class:`~pufu.model.errors.ChartError`.
"""

from __future__ import annotations

import math
import re
import unicodedata
import uuid
from collections.abc import Callable
from enum import StrEnum
from typing import Any

import networkx as nx

from .errors import ChartError, Text
from .fileformat import DIRECTIONS, MetricData
from .parts import Kind
from .texts import check_text

#: The fields :meth:`MetricOps.set_metric` changes.
METRIC_FIELDS: tuple[str, ...] = ("name", "unit", "baseline", "target", "direction", "note", "part")
#: What a missing number shows as (a template's ○% placeholder, a value not measured yet).
PLACEHOLDER = "○"
#: A template's placeholder for a number the team has to decide: ○ (Japanese), X (English).
PLACEHOLDER_IN_TEXT = re.compile(r"○|(?<![A-Za-z0-9])X(?![A-Za-z0-9])")


class Status(StrEnum):
    """How a yardstick stands on one sheet."""

    REACHED = "reached"  # the value meets the target
    ON_TRACK = "on_track"  # not yet, but better than the baseline
    OFF_TRACK = "off_track"  # no better than the baseline
    UNKNOWN = "unknown"  # no value, or no target, or nothing to compare with


#: A symbol for each status, so a status reads without colour too.
STATUS_SYMBOLS: dict[Status, str] = {
    Status.REACHED: "◎",
    Status.ON_TRACK: "✓",
    Status.OFF_TRACK: "×",  # ✗ is not in IPAexGothic: diagrams and slides would show a box
    Status.UNKNOWN: "·",
}


def norm_name(name: str) -> str:
    """A yardstick's name as compared: NFC, whitespace collapsed, case folded."""
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


def check_number(value: object, what: str) -> int | float | None:
    """A finite number (an integral float becomes an int), or None; anything else is refused."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ChartError("err.metric.number", what=Text(f"merge.field.{what}"), value=value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ChartError("err.metric.finite", what=Text(f"merge.field.{what}"), value=value)
        if value.is_integer() and abs(value) < 2**53:
            return int(value)
    return value


def _check_str(value: object, what: str) -> str:
    return check_text(value, Text("err.metric.field", field=Text(f"merge.field.{what}")))


def status(metric: MetricData) -> Status:
    """Whether the value meets the target, is better than the baseline, or neither."""
    value, target = metric.value, metric.target
    if value is None or target is None:
        return Status.UNKNOWN
    sign = 1 if metric.direction == "higher" else -1
    if sign * (value - target) >= 0:
        return Status.REACHED
    if metric.baseline is None:
        return Status.UNKNOWN
    return Status.ON_TRACK if sign * (value - metric.baseline) > 0 else Status.OFF_TRACK


def format_number(value: int | float | None) -> str:
    """``0.25`` → ``0.25``, ``1200`` → ``1,200``, ``-8.0`` → ``-8``; None → ``○``."""
    if value is None:
        return PLACEHOLDER
    if isinstance(value, int) or value.is_integer():
        return f"{int(value):,}"
    text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "0") else f"{value:.3g}"


def with_unit(value: int | float | None, unit: str, escape: Callable[[str], str] | None = None) -> str:
    """A number with its unit: ``71%``, ``0.21 件/顧客``; ``escape`` is applied to the unit
    (Markdown, XML), never to the number pufu wrote itself."""
    number = format_number(value)
    if not unit:
        return number
    shown = escape(unit) if escape is not None else unit
    return f"{number}{shown}" if unit in ("%", "％", "pt", "ポイント") else f"{number} {shown}"


def metric_line(metric: MetricData, escape: Callable[[str], str] | None = None) -> str:
    """One line for a sheet, a diagram or a slide: ``問い合わせ率 0.21 → 0.18 件/顧客 ✓``;
    ``escape`` is applied to the user's texts (the name and the unit)."""
    value = format_number(metric.value) if metric.value is not None else "–"
    name = escape(metric.name) if escape is not None else metric.name
    target = with_unit(metric.target, metric.unit, escape)
    return f"{name} {value} → {target} {STATUS_SYMBOLS[status(metric)]}"


class MetricOps:
    """The yardstick operations of a :class:`~pufu.model.chart.Chart` (a mixin)."""

    __slots__ = ()
    graph: nx.DiGraph

    # ------------------------------------------------------------------ reading

    def _metric_table(self) -> dict[str, MetricData]:
        table: dict[str, MetricData] = self.graph.graph.setdefault("metrics", {})
        return table

    def metrics(self, part: str | None = None) -> list[MetricData]:
        """The yardsticks in order; only those of one part when ``part`` is given."""
        table = self._metric_table()
        if part is None:
            return list(table.values())
        return [m for m in table.values() if m.part == part]

    def metric(self, metric_id: str) -> MetricData:
        """One yardstick by id."""
        try:
            return self._metric_table()[metric_id]
        except (KeyError, TypeError):
            raise ChartError("err.metric.no_metric", id=metric_id) from None

    def metric_named(self, name: str) -> MetricData | None:
        """The yardstick with this name (compared without case or extra spaces), if any."""
        wanted = norm_name(name)
        for metric in self._metric_table().values():
            if norm_name(metric.name) == wanted:
                return metric
        return None

    # ------------------------------------------------------------------ operations

    def add_metric(
        self,
        name: str,
        *,
        target: int | float | None = None,
        baseline: int | float | None = None,
        unit: str = "",
        direction: str = "higher",
        note: str = "",
        value: int | float | None = None,
        part: str | None = None,
        metric_id: str | None = None,
    ) -> str:
        """Add a yardstick to the 勝利条件 (or to a 中間目的 given as ``part``); returns its id."""
        table = self._metric_table()
        if metric_id is None:
            metric_id = uuid.uuid4().hex[:22]
        elif not isinstance(metric_id, str) or not metric_id:
            raise ChartError("err.metric.id_empty")
        elif metric_id in table or metric_id in self.graph:
            raise ChartError("err.chart.id_used", id=metric_id)
        fields = self._checked(
            None,
            name=name,
            unit=unit,
            baseline=baseline,
            target=target,
            direction=direction,
            note=note,
            part=self.graph.graph["win"] if part is None else part,
        )
        fields["value"] = check_number(value, "value")
        table[metric_id] = MetricData.model_construct(id=metric_id, **fields)
        return metric_id

    def set_metric(self, metric_id: str, **fields: Any) -> None:
        """Change a yardstick's name, unit, baseline, target, direction, note or part."""
        old = self.metric(metric_id)
        unknown = sorted(set(fields) - set(METRIC_FIELDS))
        if unknown:
            raise ChartError("err.metric.no_field", field=unknown[0], fields=", ".join(METRIC_FIELDS))
        checked = self._checked(metric_id, **fields)
        self._metric_table()[metric_id] = old.model_copy(update=checked)

    def set_metric_value(self, metric_id: str, value: int | float | None) -> None:
        """Record a yardstick's value on this sheet (None: not measured)."""
        old = self.metric(metric_id)
        self._metric_table()[metric_id] = old.model_copy(update={"value": check_number(value, "value")})

    def remove_metric(self, metric_id: str) -> None:
        """Remove a yardstick."""
        self.metric(metric_id)
        del self._metric_table()[metric_id]

    # ------------------------------------------------------------------ helpers

    def _checked(self, metric_id: str | None, **fields: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in fields.items():
            if key in ("baseline", "target"):
                out[key] = check_number(value, key)
            elif key == "direction":
                if value not in DIRECTIONS:
                    raise ChartError("err.metric.direction", value=value)
                out[key] = value
            elif key == "part":
                out[key] = self._metric_part(value)
            elif key == "name":
                name = _check_str(value, "name").strip()
                if not name:
                    raise ChartError("err.metric.needs_name")
                other = self.metric_named(name)
                if other is not None and other.id != metric_id:
                    raise ChartError("err.metric.name_taken", name=other.name)
                out[key] = name
            else:
                out[key] = _check_str(value, key)
        return out

    def _metric_part(self, part: object) -> str:
        nodes = self.graph.nodes
        if not isinstance(part, str) or part not in nodes:
            raise ChartError("err.chart.no_part", id=part)
        if nodes[part]["kind"] not in (Kind.WIN, Kind.PURPOSE):
            raise ChartError("err.metric.part_kind")
        return part

    def _drop_metrics_of(self, part: str) -> None:
        table = self._metric_table()
        for metric_id in [m.id for m in table.values() if m.part == part]:
            del table[metric_id]


def parse_number(text: str) -> int | float:
    """A number as a person types it: ``0.18``, ``-30``, ``1,200``, ``８０``, ``−8``; refuses
    anything else, ``nan`` and ``inf`` included."""
    cleaned = unicodedata.normalize("NFKC", text).strip().replace("−", "-").replace(",", "")
    try:
        value = float(cleaned)
    except ValueError:
        raise ChartError("err.metric.not_number", text=text) from None
    if not math.isfinite(value):
        raise ChartError("err.metric.not_finite", text=text)
    try:
        number = int(cleaned)
    except ValueError:
        number = None
    checked = check_number(number if number is not None else value, "value")
    assert checked is not None
    return checked


def metric_lines(chart: MetricOps, part_id: str) -> list[str]:
    """The lines a box on a diagram or a slide shows for the yardsticks of one part (the
    勝利条件 or a 中間目的): ``問い合わせ率 0.21 → 0.18 件/顧客 ✓``."""
    return [metric_line(metric) for metric in chart.metrics(part_id)]


_BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[int | float | None]) -> str:
    """A text sparkline of a yardstick's values (▁ lowest, █ highest); a missing value is a
    space. Lower or higher is better is not drawn here: the status symbol says it."""
    known = [v for v in values if v is not None]
    if not known:
        return ""
    low, high = min(known), max(known)
    span = high - low
    out = []
    for value in values:
        if value is None:
            out.append(" ")
        elif span == 0:
            out.append(_BARS[len(_BARS) // 2])
        else:
            out.append(_BARS[round((value - low) / span * (len(_BARS) - 1))])
    return "".join(out).strip()
