"""pufu-editor's JSON: reading every chart and phase map it accepts, writing what it imports.

The rules come from the editor's own validator (see shared/interop/README.md in the steering
repository, and the README's "pufu-editor files" section):

- a chart has ``winCondition``, ``gainingGoal``, ``purposes``, ``elements``; parts are
  ``{uuid, text, comment: {color, text}}``; 施策 add ``color`` and an optional ``progress``;
- the editor has no links: one 施策 serving two 中間目的 is written as two copies with the
  same text. pufu reads such copies as one 施策 linked to each, and writes them back as copies;
- a phase map is ``{"phase1": chart, "phase2": chart, ...}``.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..i18n import t
from ..model.chart import Chart, new_id
from ..model.errors import FileError, FormatError, Text
from ..model.parts import (
    COMMENT_COLORS,
    ELEMENT_KEYS,
    Color,
    Comment,
    CopyValues,
    EditorCopy,
)
from ..model.project import Project, today
from ..model.store import parse_json, read_bytes
from ..terminal import json_text

_PHASE_KEY = re.compile(r"^phase(\d+)$")
#: A phase number has at most this many digits (Python's int() refuses more than 4 300).
_MAX_PHASE_DIGITS = 6
#: The fields pufu-editor writes; any other is named in a warning (pufu cannot keep it).
_PART_FIELDS = frozenset({"uuid", "text", "comment"})
_KNOWN_FIELDS = {
    "chart": frozenset({"gainingGoal", "winCondition", "purposes", "elements"}),
    "part": _PART_FIELDS,
    "purpose": _PART_FIELDS | {"measures"},
    "measure": _PART_FIELDS | {"color", "progress"},
    "comment": frozenset({"color", "text"}),
    "elements": frozenset(ELEMENT_KEYS),
}
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_NUMBER = re.compile(r"^\s*-?(\d+(\.\d*)?|\.\d+)\s*$")


@dataclass
class Imported:
    """A project read from a pufu-editor file, with what pufu had to assume."""

    project: Project
    warnings: list[str] = field(default_factory=list)
    phase_map: bool = False


# ---------------------------------------------------------------------- reading


def import_file(path: str | os.PathLike[str]) -> Imported:
    """Read a pufu-editor chart or phase map into a new project."""
    raw = read_bytes(path)
    data = parse_json(path, raw)
    try:
        name = os.fsencode(Path(path).name).decode("utf-8", "replace")  # a file name need not be UTF-8
        return import_data(data, title=name.removesuffix(".json"))
    except FormatError as exc:
        raise FileError(path, "err.file.at", place=exc.path, message=exc.text) from None


def import_data(data: Any, title: str = "") -> Imported:
    """A project from already-parsed pufu-editor JSON (a chart or a phase map)."""
    if not isinstance(data, dict):
        raise FormatError("$", "err.editor.not_object", kind=_kind(data))
    warnings: list[str] = []
    phase_keys = {key: _PHASE_KEY.match(key) for key in data}
    if data and all(phase_keys.values()):
        numbered: dict[int, str] = {}
        for key, match in phase_keys.items():
            assert match is not None  # every key matched, above
            if len(match.group(1)) > _MAX_PHASE_DIGITS:
                raise FormatError(
                    f"$.{key[:5 + _MAX_PHASE_DIGITS]}…",
                    "err.editor.phase_digits", digits=len(match.group(1)), most=_MAX_PHASE_DIGITS,
                )
            number = int(match.group(1))
            if number in numbered:
                raise FormatError(f"$.{key}", "err.editor.phase_twice", number=number, other=numbered[number])
            numbered[number] = key
        project = Project(title=title)
        for number in sorted(numbered):
            key = numbered[number]
            chart = read_chart(data[key], f"$.{key}", warnings)
            project.draft = chart
            project.snapshot(title=key, date=today())
        project.draft = project.phase_chart(len(project.phases)).copy()
        return Imported(project, warnings, phase_map=True)
    if any(phase_keys.values()) and "gainingGoal" not in data:
        bad = next(key for key, match in phase_keys.items() if not match)
        raise FormatError(f"$.{bad}", "err.editor.phase_keys")
    chart = read_chart(data, "$", warnings)
    project = Project(title=title, draft=chart)
    project.snapshot(title=title, date=today())
    return Imported(project, warnings)


def read_chart(data: Any, where: str, warnings: list[str]) -> Chart:
    """One pufu-editor chart as a pufu chart (accepting what the editor accepts)."""
    reader = _ChartReader(warnings)
    return reader.read(data, where)


class _ChartReader:
    def __init__(self, warnings: list[str]) -> None:
        self.warnings = warnings
        self.used: set[str] = set()

    def read(self, data: Any, where: str) -> Chart:
        obj = _object(data, where)
        self._unknown(obj, where, "chart")
        fixed: list[tuple[str, str, tuple[str | None, str, Comment]]] = []
        for role, key in (("goal", "gainingGoal"), ("win", "winCondition")):
            path = f"{where}.{key}"
            fixed.append((role, path, self._fields(_object(_field(obj, key, where), path), path, "part")))
        elements = _object(_field(obj, "elements", where), f"{where}.elements")
        self._unknown(elements, f"{where}.elements", "elements")
        for key in ELEMENT_KEYS:
            path = f"{where}.elements.{key}"
            if key not in elements:
                raise FormatError(path, "err.editor.missing_element", elements=", ".join(ELEMENT_KEYS))
            fixed.append((key, path, self._fields(_object(elements[key], path), path, "part")))
        ids = {role: self._id(fields[0]) for role, _, fields in fixed}
        chart = Chart.blank(ids.pop("goal"), ids.pop("win"), ids)
        for role, _, (uuid, text, comment) in fixed:
            node = chart.goal if role == "goal" else chart.win if role == "win" else chart.element(role)
            chart.set_text(node, text)
            self._remember(chart, node, uuid, comment)
        by_text: dict[str, tuple[str, str]] = {}
        for p_index, raw_purpose in enumerate(_list(obj.get("purposes"), f"{where}.purposes")):
            path = f"{where}.purposes[{p_index}]"
            purpose_obj = _object(raw_purpose, path)
            uuid, text, comment = self._fields(purpose_obj, path, "purpose")
            purpose = chart.add_purpose(text, part_id=self._id(uuid))
            self._remember(chart, purpose, uuid, comment)
            for m_index, raw_measure in enumerate(
                _list(purpose_obj.get("measures"), f"{path}.measures")
            ):
                m_path = f"{path}.measures[{m_index}]"
                self._measure(chart, purpose, _object(raw_measure, m_path), m_path, by_text)
        return chart

    def _measure(
        self, chart: Chart, purpose: str, obj: dict, path: str, by_text: dict[str, tuple[str, str]]
    ) -> None:
        uuid, text, comment = self._fields(obj, path, "measure")
        color = _color(obj.get("color"), path)
        progress = self._progress(obj.get("progress"), path)
        first = by_text.get(text) if text else None
        if first is not None and not chart.graph.has_edge(first[0], purpose):
            measure, first_path = first
            chart.link_measure(measure, purpose)
            known = chart.part(measure)
            values = CopyValues(color=color, progress=progress, comment=comment)
            same = (known.color, known.progress, known.comment) == (color, progress, comment)
            if uuid != chart.editor_id(measure) or not same:
                chart.graph.edges[measure, purpose]["copy"] = EditorCopy(
                    uuid=uuid if uuid is not None else chart.editor_id(measure),
                    values=None if same else values,
                )
            if not same:
                self.warnings.append(t("cli.import.same_text", path=path, first=first_path))
            return
        measure = chart.add_measure(
            purpose, text, color=color, progress=progress, part_id=self._id(uuid)
        )
        self._remember(chart, measure, uuid, comment)
        if text:
            by_text.setdefault(text, (measure, path))

    def _unknown(self, obj: dict, path: str, kind: str) -> None:
        """Name each field pufu-editor does not write (pufu drops it) with its JSON path."""
        for key in obj:
            if key not in _KNOWN_FIELDS[kind]:
                self.warnings.append(t("cli.import.unknown_field", path=_key_path(path, key)))

    def _fields(self, obj: dict, path: str, kind: str) -> tuple[str | None, str, Comment]:
        self._unknown(obj, path, kind)
        uuid = obj.get("uuid")
        if uuid is not None and not isinstance(uuid, str):
            raise FormatError(f"{path}.uuid", "err.editor.not_string", kind=_kind(uuid))
        if uuid is not None:
            _text(uuid, f"{path}.uuid")
        if uuid is None:
            self.warnings.append(t("cli.import.no_uuid", path=path))
        if "text" not in obj:
            raise FormatError(f"{path}.text", "err.editor.missing")
        text = obj["text"]
        if not isinstance(text, str):
            raise FormatError(f"{path}.text", "err.editor.not_string", kind=_kind(text))
        return uuid, _text(text, f"{path}.text"), self._comment(obj, path)

    def _comment(self, obj: dict, path: str) -> Comment:
        if "comment" not in obj or obj["comment"] is None:
            self.warnings.append(t("cli.import.no_comment", path=path))
            return Comment()
        comment = _object(obj["comment"], f"{path}.comment")
        self._unknown(comment, f"{path}.comment", "comment")
        color = comment.get("color")
        if color is None:
            self.warnings.append(t("cli.import.no_comment_color", path=path))
            color = "blue"
        if color not in COMMENT_COLORS:
            raise FormatError(f"{path}.comment.color", "err.editor.comment_color", color=color)
        if "text" not in comment:
            self.warnings.append(t("cli.import.no_comment_text", path=path))
        text = comment.get("text", "")
        if not isinstance(text, str):
            raise FormatError(f"{path}.comment.text", "err.editor.not_string", kind=_kind(text))
        return Comment(color=color, text=_text(text, f"{path}.comment.text"))

    def _progress(self, value: Any, path: str) -> int | float | None:
        if value is None:
            return None
        if isinstance(value, str) and _NUMBER.match(value):
            value = float(value)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise FormatError(f"{path}.progress", "err.editor.progress_type", value=value)
        if value != value:  # NaN
            raise FormatError(f"{path}.progress", "err.editor.progress")
        if not 0 <= value <= 100:
            clamped = 0 if value < 0 else 100
            self.warnings.append(t("cli.import.progress_clamped", path=path, value=value, clamped=clamped))
            value = clamped
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return value

    def _id(self, uuid: str | None) -> str:
        if uuid and uuid not in self.used:
            self.used.add(uuid)
            return uuid
        fresh = new_id()
        self.used.add(fresh)
        return fresh

    def _remember(self, chart: Chart, node: str, uuid: str | None, comment: Comment) -> None:
        data = chart.graph.nodes[node]
        if uuid is not None and uuid != node:
            data["editor_id"] = uuid
        data["comment"] = comment


def _text(value: str, path: str) -> str:
    """A text pufu can store: a lone surrogate (``\\ud800`` in the JSON, half of a UTF-16
    pair) is no character and could never be saved as UTF-8."""
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            code = ord(value[exc.start])
            raise FormatError(path, "err.editor.surrogate", code=code) from None
    return value


def _key_path(path: str, key: str) -> str:
    """``$.a.b`` for a plain key, ``$.a["odd key"]`` for any other (escaped as JSON)."""
    if _IDENTIFIER.match(key):
        return f"{path}.{key}"
    shown = key if len(key) <= 60 else key[:60] + "…"
    return f"{path}[{json.dumps(shown, ensure_ascii=True)}]"


def _object(value: Any, path: str) -> dict:
    if not isinstance(value, dict):
        raise FormatError(path, "err.editor.not_object_at", kind=_kind(value))
    return value


def _field(obj: dict, key: str, where: str) -> Any:
    if key not in obj:
        raise FormatError(f"{where}.{key}", "err.editor.missing")
    return obj[key]


def _list(value: Any, path: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise FormatError(path, "err.editor.not_list", kind=_kind(value))
    return value


def _color(value: Any, path: str) -> Color:
    if value is None or value == "":
        return Color.WHITE
    try:
        return Color(value)
    except (ValueError, TypeError):
        raise FormatError(f"{path}.color", "err.editor.measure_color", color=value) from None


def _kind(value: Any) -> Text | str:
    key = {
        dict: "object",
        list: "list",
        str: "string",
        bool: "bool",
        int: "number",
        float: "number",
        type(None): "null",
    }.get(type(value))
    return Text(f"err.json.{key}") if key else type(value).__name__


# ---------------------------------------------------------------------- writing


def chart_to_editor(chart: Chart) -> dict:
    """One chart as pufu-editor writes it; shared 施策 become a copy under each 中間目的."""

    def part(node: str) -> dict:
        data = chart.graph.nodes[node]
        return {"uuid": chart.editor_id(node), "text": data["text"], "comment": _comment(data["comment"])}

    purposes = []
    for purpose in chart.purposes():
        measures = []
        for measure in chart.measures_of(purpose):
            data = chart.graph.nodes[measure]
            copy = chart.editor_copy(measure, purpose)
            values = copy.values if copy is not None else None
            color = values.color if values else data["color"]
            progress = values.progress if values else data["progress"]
            comment = values.comment if values else data["comment"]
            out = {
                "uuid": copy.uuid if copy is not None else chart.editor_id(measure),
                "text": data["text"],
                "comment": _comment(comment),
                "color": Color(color).value,
            }
            if progress is not None:
                out["progress"] = progress
            measures.append(out)
        purposes.append({**part(purpose), "measures": measures})
    return {
        "winCondition": part(chart.win),
        "gainingGoal": part(chart.goal),
        "purposes": purposes,
        "elements": {key: part(chart.element(key)) for key in ELEMENT_KEYS},
    }


def _comment(comment: Comment) -> dict:
    return {"color": comment.color, "text": comment.text}


def dumps_editor(data: dict) -> str:
    """JSON the way pufu-editor writes it: two-space indent, no trailing newline (C1 controls,
    DEL and bidirectional controls as ``\\u`` escapes: :func:`pufu.terminal.json_text`)."""
    return json_text(json.dumps(data, ensure_ascii=False, indent=2))


def export_phase_map(project: Project) -> dict:
    """Every recorded phase as ``{"phase1": chart, ...}``."""
    return {
        f"phase{phase.number}": chart_to_editor(project.phase_chart(phase.number))
        for phase in project.phases
    }


def lost_in_export(project: Project, phases: list[int] | None) -> list[str]:
    """What pufu-editor cannot hold, named so the user knows it stays only in the pufu file."""
    lost: list[str] = []
    if project.title:
        lost.append(t("cli.export.lost_title"))
    chosen = [project.phase(n) for n in phases] if phases else []
    titled = [p for p in chosen if p.title]
    if titled:
        lost.append(t("cli.export.lost_phase_titles", n=len(titled)))
    happened = [p for p in chosen if p.happened]
    if happened:
        lost.append(t("cli.export.lost_happened", n=len(happened)))
    notes = [n for n in project.notes if not phases or n.phase in phases]
    if notes:
        lost.append(t("cli.export.lost_notes", n=len(notes)))
    metrics = sum(len(p.chart.metrics) for p in chosen) if phases else len(project.draft.metrics())
    if metrics:
        lost.append(t("cli.export.lost_metrics", n=metrics))
    return lost


def ambiguities(chart: Chart) -> list[str]:
    """Things pufu-editor will read differently from pufu: distinct 施策 with one text."""
    seen: dict[str, str] = {}
    out: list[str] = []
    for measure in chart.measures():
        text = chart.part(measure).text
        if not text:
            if len(chart.purposes_of(measure)) > 1:
                out.append(t("cli.export.no_text_copies", id=measure))
            continue
        if text in seen:
            out.append(t("cli.export.same_text", first=seen[text], id=measure))
        else:
            seen[text] = measure
    return out


__all__ = [
    "Imported",
    "ambiguities",
    "chart_to_editor",
    "dumps_editor",
    "export_phase_map",
    "import_data",
    "import_file",
    "lost_in_export",
    "read_chart",
]
