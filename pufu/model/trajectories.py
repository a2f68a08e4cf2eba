"""A yardstick's trajectory: its value at each recorded phase and on the draft.

Recording a phase freezes the chart with its yardsticks, so the phases hold each yardstick's
history. A yardstick is followed from sheet to sheet by id, else (a project imported or edited
by hand) by name. Phases are read as file data, never built into charts, so this stays cheap
on a project of hundreds of phases.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import ChartError
from .fileformat import MetricData
from .metrics import norm_name
from .project import Project

#: A sheet of the project: a phase number, or None for the draft.
Sheet = int | None


@dataclass(frozen=True, slots=True)
class Point:
    """A yardstick on one sheet: ``metric`` as it stood there, None when that sheet lacked it."""

    phase: Sheet
    metric: MetricData | None

    @property
    def value(self) -> int | float | None:
        return self.metric.value if self.metric is not None else None


@dataclass(slots=True)
class Track:
    """One yardstick across the project: a point for every phase, then the draft."""

    points: list[Point] = field(default_factory=list)

    @property
    def latest(self) -> MetricData:
        """The yardstick as it stands on the last sheet that has it."""
        for point in reversed(self.points):
            if point.metric is not None:
                return point.metric
        raise ChartError("err.metric.empty_track")  # never built

    @property
    def name(self) -> str:
        return self.latest.name

    @property
    def in_draft(self) -> bool:
        return bool(self.points) and self.points[-1].metric is not None

    def values(self) -> list[int | float | None]:
        return [point.value for point in self.points]


def _sheets(project: Project) -> list[tuple[Sheet, list[MetricData]]]:
    sheets: list[tuple[Sheet, list[MetricData]]] = [
        (phase.number, phase.chart.metrics) for phase in project.phases
    ]
    sheets.append((None, project.draft.metrics()))
    return sheets


def _find(metrics: list[MetricData], metric_id: str, name: str) -> MetricData | None:
    for metric in metrics:
        if metric.id == metric_id:
            return metric
    wanted = norm_name(name)
    for metric in metrics:
        if norm_name(metric.name) == wanted:
            return metric
    return None


def trajectory(project: Project, metric: MetricData | str) -> list[Point]:
    """The values of one yardstick (given itself, or its id or name in the draft) at each phase
    and on the draft, matched by id, else by name."""
    if isinstance(metric, str):
        found = _find(project.draft.metrics(), metric, metric)
        if found is None:
            raise ChartError("err.metric.not_in_draft", metric=metric)
        metric = found
    return [Point(sheet, _find(metrics, metric.id, metric.name)) for sheet, metrics in _sheets(project)]


def tracks(project: Project) -> list[Track]:
    """Every yardstick found on any sheet, in order of first appearance, each with a point for
    every phase and the draft. Sheets are matched by id, else by name."""
    found: list[Track] = []
    by_id: dict[str, int] = {}
    by_name: dict[str, int] = {}
    sheets = _sheets(project)
    rows: list[dict[int, MetricData]] = []
    for _, metrics in sheets:
        row: dict[int, MetricData] = {}
        for metric in metrics:
            index = by_id.get(metric.id)
            if index is None or index in row:
                index = by_name.get(norm_name(metric.name))
                if index is not None and index in row:
                    index = None
            if index is None:
                index = len(found)
                found.append(Track())
            row[index] = metric
            by_id[metric.id] = index
            by_name[norm_name(metric.name)] = index
        rows.append(row)
    for track_index, track in enumerate(found):
        track.points = [
            Point(sheet, row.get(track_index)) for (sheet, _), row in zip(sheets, rows, strict=True)
        ]
    return found


def history(project: Project) -> dict[str, list[int | float | None]]:
    """For each yardstick of the draft (by its id there): its values at each phase, then on
    the draft."""
    return {track.latest.id: track.values() for track in tracks(project) if track.in_draft}
