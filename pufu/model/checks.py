"""Checks of a chart (``pufu check``): errors that make the sheet wrong, warnings that make it weak.

Each finding names the part it concerns, so the screen can jump to it and the CLI can print it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..i18n import t
from .chart import Chart
from .metrics import PLACEHOLDER_IN_TEXT, norm_name
from .parts import ELEMENT_KEYS

Level = Literal["error", "warning"]

#: More 中間目的 than this is a warning: the method advises 3 to 5.
MAX_PURPOSES = 5


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found on a sheet."""

    level: Level
    code: str
    part: str | None
    values: dict[str, object] = field(default_factory=dict, compare=False)

    def message(self, lang: str | None = None) -> str:
        values = dict(self.values)
        if "element" in values:
            values["name"] = t(f"element.{values['element']}", lang)
        return t(f"check.{self.code}", lang, **values)


def _short(text: str, width: int = 30) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


def check(chart: Chart) -> list[Finding]:
    """Every finding on the chart, errors first, then warnings, each in sheet order."""
    errors: list[Finding] = []
    warnings: list[Finding] = []
    purposes = chart.purposes()
    for measure in chart.measures():
        part = chart.part(measure)
        if not chart.graph.out_degree(measure):
            errors.append(Finding("error", "orphan_measure", measure, {"text": _short(part.text)}))
        elif not part.text.strip():
            warnings.append(Finding("warning", "empty_measure", measure))
    if not chart.part(chart.goal).text.strip():
        warnings.append(Finding("warning", "empty_goal", chart.goal))
    if not chart.part(chart.win).text.strip():
        warnings.append(Finding("warning", "empty_win", chart.win))
    elif PLACEHOLDER_IN_TEXT.search(chart.part(chart.win).text):
        warnings.append(Finding("warning", "win_placeholder", chart.win))
    warnings += _metric_findings(chart)
    if not purposes:
        warnings.append(Finding("warning", "no_purposes", chart.win))
    if len(purposes) > MAX_PURPOSES:
        warnings.append(Finding("warning", "too_many_purposes", chart.win, {"count": len(purposes)}))
    for purpose in purposes:
        text = chart.part(purpose).text
        if not text.strip():
            warnings.append(Finding("warning", "empty_purpose", purpose))
        if not chart.measures_of(purpose):
            warnings.append(
                Finding("warning", "purpose_without_measures", purpose, {"text": _short(text)})
            )
    for key in ELEMENT_KEYS:
        element = chart.element(key)
        if not chart.part(element).text.strip():
            warnings.append(
                Finding("warning", "empty_element", element, {"element": key})
            )
    return errors + warnings



def _metric_findings(chart: Chart) -> list[Finding]:
    """評価指標: the 勝利条件 needs one, agreed with the members and the managers; each needs a
    target (a template ships them as ○ placeholders); a name is used once."""
    found: list[Finding] = []
    if not chart.metrics(chart.win):
        found.append(Finding("warning", "no_metrics", chart.win))
    names: dict[str, int] = {}
    for metric in chart.metrics():
        names[norm_name(metric.name)] = names.get(norm_name(metric.name), 0) + 1
        if metric.target is None:
            found.append(
                Finding("warning", "metric_without_target", metric.part, {"name": _short(metric.name)})
            )
    for metric in chart.metrics():
        count = names.pop(norm_name(metric.name), 1)
        if count > 1:
            found.append(
                Finding("warning", "duplicate_metric", metric.part, {"name": _short(metric.name), "count": count})
            )
    return found
