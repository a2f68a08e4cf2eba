"""A template as readable Python data, in Japanese and English side by side.

Each text is a pair ``(ja, en)``. :meth:`TemplateSpec.project` builds the sheet with the model's
own operations, so a template is exactly what a user could have drawn; ids are derived from the
template's name and each part's key, so the generated file is the same on every build.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Chart, Project, Session
from ..model.parts import ELEMENT_KEYS
from .ids import stable_id

Text = tuple[str, str]  # (ja, en)


@dataclass(frozen=True)
class MeasureSpec:
    """A 施策: its colour and text, and the keys of further 中間目的 it serves."""

    color: str
    text: Text
    also: tuple[str, ...] = ()


@dataclass(frozen=True)
class PurposeSpec:
    """A 中間目的, written as a state, and the 施策 under it."""

    key: str
    text: Text
    measures: tuple[MeasureSpec, ...]


@dataclass(frozen=True)
class MetricSpec:
    """A 評価指標 the template suggests, with no target: the team agrees the number (shown ○).
    ``part`` is the key of the 中間目的 it measures, or None for the 勝利条件."""

    name: Text
    unit: Text
    direction: str = "higher"
    part: str | None = None


@dataclass(frozen=True)
class TemplateSpec:
    """One template: a complete sheet with guidance in the eight elements."""

    name: str
    description: Text
    title: Text
    goal: Text
    win: Text
    purposes: tuple[PurposeSpec, ...]
    elements: dict[str, Text] = field(default_factory=dict)
    metrics: tuple[MetricSpec, ...] = ()

    def project(self, lang: str) -> Project:
        """The template as a new project (a draft, no phases) in ``ja`` or ``en``."""
        index = 0 if lang == "ja" else 1

        def pid(key: str) -> str:
            return stable_id(self.name, key)

        chart = Chart.blank(
            goal=pid("goal"), win=pid("win"), elements={key: pid(key) for key in ELEMENT_KEYS}
        )
        session = Session(Project(title=self.title[index], draft=chart))
        session.apply("set_text", chart.goal, self.goal[index])
        session.apply("set_text", chart.win, self.win[index])
        purposes = {
            spec.key: session.apply("add_purpose", spec.text[index], part_id=pid(spec.key))
            for spec in self.purposes
        }
        for spec in self.purposes:
            for number, measure in enumerate(spec.measures, start=1):
                node = session.apply(
                    "add_measure",
                    purposes[spec.key],
                    measure.text[index],
                    color=measure.color,
                    part_id=pid(f"{spec.key}.m{number}"),
                )
                for other in measure.also:
                    session.apply("link_measure", node, purposes[other])
        for key in ELEMENT_KEYS:
            session.apply("set_element", key, self.elements[key][index])
        for number, yardstick in enumerate(self.metrics, start=1):
            session.apply(
                "add_metric",
                yardstick.name[index],
                unit=yardstick.unit[index],
                direction=yardstick.direction,
                part=chart.win if yardstick.part is None else purposes[yardstick.part],
                metric_id=pid(f"metric.{number}"),
            )
        return session.project


def measure(color: str, ja: str, en: str, *, also: tuple[str, ...] = ()) -> MeasureSpec:
    return MeasureSpec(color, (ja, en), also)


def purpose(key: str, ja: str, en: str, *measures: MeasureSpec) -> PurposeSpec:
    return PurposeSpec(key, (ja, en), measures)


def metric(
    ja: str, en: str, unit: Text, *, lower: bool = False, part: str | None = None
) -> MetricSpec:
    """A yardstick with no target; ``lower``: a lower value is better."""
    return MetricSpec((ja, en), unit, "lower" if lower else "higher", part)
