"""pufu metric add|set|edit|remove|list PROJECT ...: the 評価指標 (yardsticks) of the draft.

A yardstick says how a win is judged: a name, a unit, a baseline (where we start), a target
(the win) and which way is better. It measures the 勝利条件 unless ``--part`` names a 中間目的
(by id, or by the start of its text). ``set`` records its value on the draft; ``pufu snapshot``
then freezes it into the phase, so ``list`` shows the value at every phase and in the draft.

    pufu metric add p.pufu.json 問い合わせ率 --target 0.18 --baseline 0.25 --unit 件/顧客 --lower-is-better
    pufu metric set p.pufu.json 問い合わせ率 0.21
    pufu metric list p.pufu.json
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ...i18n import default_lang, t
from ...model import Chart, ChartError, FileError, MetricData, Project, tracks
from ...model.document import Document
from ...model.errors import Text
from ...model.metrics import norm_name, parse_number
from ...model.parts import Kind
from ...settings import current
from ..common import info, open_project, out

ORDER = 45

#: What a sheet without the yardstick shows in ``list``.
MISSING = "—"


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "metric",
        help="cmd.metric",
        description="about.metric",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="cmd.metric.add")
    add.add_argument("project")
    add.add_argument("name", help="opt.metric.name")
    _fields(add)
    add.add_argument("--value", help="opt.metric.value")
    add.set_defaults(func=run)

    set_ = actions.add_parser("set", help="cmd.metric.set")
    set_.add_argument("project")
    set_.add_argument("name")
    set_.add_argument("value", help="opt.metric.set_value")
    set_.set_defaults(func=run)

    edit = actions.add_parser("edit", help="cmd.metric.edit")
    edit.add_argument("project")
    edit.add_argument("name")
    edit.add_argument("--name", dest="new_name", help="opt.metric.new_name")
    _fields(edit)
    edit.add_argument("--higher-is-better", action="store_true", help="opt.metric.higher_is_better")
    edit.set_defaults(func=run)

    remove = actions.add_parser("remove", help="cmd.metric.remove")
    remove.add_argument("project")
    remove.add_argument("name")
    remove.set_defaults(func=run)

    list_ = actions.add_parser("list", help="cmd.metric.list")
    list_.add_argument("project")
    list_.add_argument("--format", "-f", choices=("text", "json"), default="text", help="opt.metric.format")
    list_.set_defaults(func=run)


def _fields(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--target", help="opt.metric.target")
    parser.add_argument("--baseline", help="opt.metric.baseline")
    parser.add_argument("--unit", help="opt.metric.unit")
    parser.add_argument("--lower-is-better", action="store_true", help="opt.metric.lower_is_better")
    parser.add_argument("--note", help="opt.metric.note")
    parser.add_argument("--part", help="opt.metric.part")


# ---------------------------------------------------------------------- helpers


def _fail(path: str, key: str, /, **values: Any) -> FileError:
    """An error naming the project file; nothing has been written when it is raised."""
    return FileError(path, key, **values)


def _number(path: str, what: str, text: str | None, lang: str) -> int | float | None:
    if text is None or text.strip().lower() in ("none", "○"):
        return None
    try:
        return parse_number(text)
    except ChartError:
        raise _fail(path, "metric.bad_number", what=Text(f"metric.{what}"), text=text) from None


def find_metric(path: str, chart: Chart, name: str, lang: str) -> MetricData:
    """The draft's yardstick with this name (or id)."""
    found = chart.metric_named(name)
    if found is None:
        found = next((m for m in chart.metrics() if m.id == name), None)
    if found is None:
        names = ", ".join(m.name for m in chart.metrics())
        raise _fail(path, "metric.unknown" if names else "metric.unknown_none", name=name, names=names)
    return found


def find_part(path: str, chart: Chart, wanted: str, lang: str) -> str:
    """The 勝利条件 or a 中間目的: by id, else the one whose text starts with ``wanted``."""
    if wanted in chart and chart.part(wanted).kind in (Kind.WIN, Kind.PURPOSE):
        return wanted
    start = norm_name(wanted)
    candidates = [chart.win, *chart.purposes()]
    found = [p for p in candidates if start and norm_name(chart.part(p).text).startswith(start)]
    exact = [p for p in found if norm_name(chart.part(p).text) == start]
    if len(exact) == 1:
        return exact[0]
    if len(found) == 1:
        return found[0]
    if not found:
        raise _fail(path, "metric.no_part", part=wanted)
    raise _fail(path, "metric.many_parts", part=wanted, n=len(found))


def _unique(path: str, chart: Chart, name: str, lang: str, metric_id: str | None = None) -> None:
    other = chart.metric_named(name)
    if other is not None and other.id != metric_id:
        raise _fail(path, "metric.duplicate", name=_one_line(other.name))


def _apply(path: str, action: Any) -> Any:
    """Run a chart operation; its refusal names the file."""
    try:
        return action()
    except ChartError as exc:
        raise _fail(path, exc.key, **exc.values) from None


def _part_name(chart: Chart, part: str, lang: str) -> str:
    kind = chart.part(part).kind
    if kind == Kind.WIN:
        return t("kind.win", lang)
    return f"{t('kind.purpose', lang)}「{' '.join(chart.part(part).text.split())}」"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _plain(value: int | float | None) -> str:
    if value is None:
        return MISSING
    return str(value)


def _common_fields(args: argparse.Namespace, path: str, chart: Chart, lang: str) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if args.target is not None:
        fields["target"] = _number(path, "target", args.target, lang)
    if args.baseline is not None:
        fields["baseline"] = _number(path, "baseline", args.baseline, lang)
    if args.unit is not None:
        fields["unit"] = args.unit
    if args.note is not None:
        fields["note"] = args.note
    if args.part is not None:
        fields["part"] = find_part(path, chart, args.part, lang)
    if args.lower_is_better:
        fields["direction"] = "lower"
    return fields


# ---------------------------------------------------------------------- actions


def run(args: argparse.Namespace) -> int:
    actions = {"add": run_add, "set": run_set, "edit": run_edit, "remove": run_remove, "list": run_list}
    return actions[args.action](args)


def run_add(args: argparse.Namespace) -> int:
    lang = args.lang or default_lang()
    value = _number(args.project, "value", args.value, lang)

    def change(project: Project) -> tuple[Chart, MetricData]:  # under the file's lock
        chart = project.draft
        fields = _common_fields(args, args.project, chart, lang)
        _unique(args.project, chart, args.name, lang)
        metric_id = _apply(args.project, lambda: chart.add_metric(args.name, value=value, **fields))
        return chart, chart.metric(metric_id)

    _, (chart, metric) = Document.update(args.project, change, wait=current().lock_wait)
    info(t("metric.added", lang, name=_one_line(metric.name), part=_part_name(chart, metric.part, lang)))
    return 0


def run_set(args: argparse.Namespace) -> int:
    lang = args.lang or default_lang()
    value = _number(args.project, "value", args.value, lang)

    def change(project: Project) -> MetricData:  # under the file's lock
        chart = project.draft
        metric = find_metric(args.project, chart, args.name, lang)
        _apply(args.project, lambda: chart.set_metric_value(metric.id, value))
        return metric

    _, metric = Document.update(args.project, change, wait=current().lock_wait)
    info(t("metric.set", lang, name=_one_line(metric.name), value=_plain(value)))
    return 0


def run_edit(args: argparse.Namespace) -> int:
    lang = args.lang or default_lang()

    def change(project: Project) -> MetricData:  # under the file's lock
        chart = project.draft
        metric = find_metric(args.project, chart, args.name, lang)
        fields = _common_fields(args, args.project, chart, lang)
        if args.higher_is_better:
            fields["direction"] = "higher"
        if args.new_name is not None:
            _unique(args.project, chart, args.new_name, lang, metric.id)
            fields["name"] = args.new_name
        if not fields:
            raise _fail(args.project, "metric.nothing_to_edit")
        _apply(args.project, lambda: chart.set_metric(metric.id, **fields))
        return chart.metric(metric.id)

    _, edited = Document.update(args.project, change, wait=current().lock_wait)
    info(t("metric.edited", lang, name=_one_line(edited.name)))
    return 0


def run_remove(args: argparse.Namespace) -> int:
    lang = args.lang or default_lang()

    def change(project: Project) -> MetricData:  # under the file's lock
        chart = project.draft
        metric = find_metric(args.project, chart, args.name, lang)
        _apply(args.project, lambda: chart.remove_metric(metric.id))
        return metric

    _, metric = Document.update(args.project, change, wait=current().lock_wait)
    info(t("metric.removed", lang, name=_one_line(metric.name)))
    return 0


def rows(project: Project) -> list[dict[str, Any]]:
    """Every yardstick found on any sheet, as data: its latest fields and its values."""
    out = []
    for track in tracks(project):
        latest = track.latest
        out.append(
            {
                "id": latest.id,
                "name": latest.name,
                "part": latest.part,
                "unit": latest.unit,
                "baseline": latest.baseline,
                "target": latest.target,
                "direction": latest.direction,
                "note": latest.note,
                "inDraft": track.in_draft,
                "values": [
                    {"phase": point.phase if point.phase is not None else "draft", "value": point.value}
                    for point in track.points
                ],
            }
        )
    return out


def run_list(args: argparse.Namespace) -> int:
    lang = args.lang or default_lang()
    project, _ = open_project(args.project)
    data = rows(project)
    if args.format == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return 0
    if not data:
        info(t("metric.none", lang))
        return 0
    header = [
        t("metric.name", lang),
        t("metric.unit", lang),
        t("metric.direction", lang),
        t("metric.baseline", lang),
        t("metric.target", lang),
        *(t("metric.phase", lang, n=phase.number) for phase in project.phases),
        t("metric.draft", lang),
    ]
    lines = ["\t".join(header)]
    for row in data:
        cells = [
            _one_line(row["name"]),
            _one_line(row["unit"]) or MISSING,
            t(f"metric.direction.{row['direction']}", lang),
            _plain(row["baseline"]),
            _plain(row["target"]),
            *(_plain(value["value"]) for value in row["values"]),
        ]
        lines.append("\t".join(cells))
    for line in lines:
        out(line)
    return 0
