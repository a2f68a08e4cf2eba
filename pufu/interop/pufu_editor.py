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
import json.decoder
import json.scanner
import math
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..i18n import t
from ..model.chart import Chart, new_id
from ..model.errors import FileError, FormatError, Text
from ..model.fileformat import EditorExtra, ForeignFields
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
#: The fields pufu-editor writes, in the order it writes them; any other is named in a warning,
#: kept in the chart's ``editorExtra`` and written back on export.
_KNOWN_FIELDS: dict[str, tuple[str, ...]] = {
    "chart": ("winCondition", "gainingGoal", "purposes", "elements"),
    "part": ("uuid", "text", "comment"),
    "purpose": ("uuid", "text", "comment", "measures"),
    "measure": ("uuid", "text", "comment", "color", "progress"),
    "comment": ("color", "text"),
    "elements": ELEMENT_KEYS,
}
#: A kept foreign value nests at most this deep (pufu's own file must read it back).
_MAX_FOREIGN_DEPTH = 64
_INDENT = re.compile(r"\A\{\r?\n( +|\t)\"")
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
    if _is_pufu_project(data):
        shown_name = os.fsencode(path).decode("utf-8", "replace")
        raise FileError(path, "import.is_pufu_project", file=shown_name)
    data = _with_one_line_objects(raw, data)
    try:
        name = os.fsencode(Path(path).name).decode("utf-8", "replace")  # a file name need not be UTF-8
        return import_data(data, title=name.removesuffix(".json"), layout=_layout(raw))
    except FormatError as exc:
        raise FileError(path, "err.file.at", place=exc.path, message=exc.text) from None


class _OneLine(dict):
    """An object the file wrote on one line (``{ "color": "blue", "text": "" }``): read so, and
    written so again."""


#: A ``{`` followed on its line by something other than its own ``}``: maybe a one-line object.
_ONE_LINE = re.compile(r"\{[ \t]*[^\s}]")


def _with_one_line_objects(raw: bytes, data: Any) -> Any:
    """``data`` again, with each non-empty object the file wrote on one line as a
    :class:`_OneLine` (the file has been read once already: it is valid JSON)."""
    text = raw.decode("utf-8")
    if not _ONE_LINE.search(text):
        return data  # the editor's own layout: every object over several lines
    decoder = json.JSONDecoder()

    def parse_object(s_and_end: tuple[str, int], *args: Any) -> tuple[dict, int]:
        string, start = s_and_end
        obj, end = json.decoder.JSONObject(s_and_end, *args)  # type: ignore[attr-defined]
        if obj and "\n" not in string[start:end]:
            obj = _OneLine(obj)
        return obj, end

    decoder.parse_object = parse_object  # type: ignore[attr-defined]
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
    try:
        return decoder.decode(text)
    except (ValueError, RecursionError):
        return data


def _is_pufu_project(data: Any) -> bool:
    """pufu's own project file (``"format": "pufu"``), not a pufu-editor chart."""
    return isinstance(data, dict) and data.get("format") == "pufu" and "gainingGoal" not in data


def _layout(raw: bytes) -> dict[str, Any]:
    """How the file was laid out, where pufu can write it the same way: its indent (when the
    first key is on its own line) and whether it ends with a newline."""
    text = raw.decode("utf-8", "replace")
    match = _INDENT.match(text)
    indent = match.group(1) if match and len(match.group(1)) <= 10 else None
    return {
        "indent": None if indent in (None, "  ") else indent,
        "newline": text.endswith("\n"),
    }


def import_data(data: Any, title: str = "", layout: dict[str, Any] | None = None) -> Imported:
    """A project from already-parsed pufu-editor JSON (a chart or a phase map); ``layout``
    (indent, final newline) is kept with each chart to write the file back the same way."""
    if not isinstance(data, dict):
        raise FormatError("$", "err.editor.not_object", kind=_kind(data))
    warnings: list[str] = []
    layout = layout or {}
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
            chart = read_chart(data[key], f"$.{key}", warnings, layout)
            project.draft = chart
            project.snapshot(title=key, date=today())
        project.draft = project.phase_chart(len(project.phases)).copy()
        return Imported(project, warnings, phase_map=True)
    if any(phase_keys.values()) and "gainingGoal" not in data:
        bad = next(key for key, match in phase_keys.items() if not match)
        raise FormatError(f"$.{bad}", "err.editor.phase_keys")
    chart = read_chart(data, "$", warnings, layout)
    project = Project(title=title, draft=chart)
    project.snapshot(title=title, date=today())
    return Imported(project, warnings)


def read_chart(
    data: Any, where: str, warnings: list[str], layout: dict[str, Any] | None = None
) -> Chart:
    """One pufu-editor chart as a pufu chart (accepting what the editor accepts); fields pufu
    does not know are named in ``warnings`` and kept in the chart's ``editor_extra``."""
    reader = _ChartReader(warnings)
    chart = reader.read(data, where)
    layout = layout or {}
    if reader.foreign or layout.get("indent") or layout.get("newline"):
        chart.editor_extra = EditorExtra(
            chart=reader.chart_fields,
            elements=reader.elements_fields,
            parts=reader.parts or None,
            copies=reader.copies or None,
            indent=layout.get("indent"),
            newline=bool(layout.get("newline")),
        )
    return chart


Fields = tuple[str | None, str, Comment, ForeignFields | None]


class _ChartReader:
    def __init__(self, warnings: list[str]) -> None:
        self.warnings = warnings
        self.used: set[str] = set()
        self.foreign = False
        self.minified = False
        self.chart_fields: ForeignFields | None = None
        self.elements_fields: ForeignFields | None = None
        self.parts: dict[str, ForeignFields] = {}
        self.copies: dict[str, dict[str, ForeignFields]] = {}

    def read(self, data: Any, where: str) -> Chart:
        obj = _object(data, where)
        self.chart_fields = self._unknown(obj, where, "chart")
        fixed: list[tuple[str, str, Fields]] = []
        for role, key in (("goal", "gainingGoal"), ("win", "winCondition")):
            path = f"{where}.{key}"
            fixed.append((role, path, self._fields(_object(_field(obj, key, where), path), path, "part")))
        elements = _object(_field(obj, "elements", where), f"{where}.elements")
        self.elements_fields = self._unknown(elements, f"{where}.elements", "elements")
        for key in ELEMENT_KEYS:
            path = f"{where}.elements.{key}"
            if key not in elements:
                raise FormatError(path, "err.editor.missing_element", elements=", ".join(ELEMENT_KEYS))
            fixed.append((key, path, self._fields(_object(elements[key], path), path, "part")))
        ids = {role: self._id(fields[0]) for role, _, fields in fixed}
        chart = Chart.blank(ids.pop("goal"), ids.pop("win"), ids)
        for role, _, (uuid, text, comment, foreign) in fixed:
            node = chart.goal if role == "goal" else chart.win if role == "win" else chart.element(role)
            chart.set_text(node, text)
            self._remember(chart, node, uuid, comment, foreign)
        by_text: dict[str, tuple[str, str]] = {}
        for p_index, raw_purpose in enumerate(_list(obj.get("purposes"), f"{where}.purposes")):
            path = f"{where}.purposes[{p_index}]"
            purpose_obj = _object(raw_purpose, path)
            uuid, text, comment, foreign = self._fields(purpose_obj, path, "purpose")
            purpose = chart.add_purpose(text, part_id=self._id(uuid))
            self._remember(chart, purpose, uuid, comment, foreign)
            for m_index, raw_measure in enumerate(
                _list(purpose_obj.get("measures"), f"{path}.measures")
            ):
                m_path = f"{path}.measures[{m_index}]"
                self._measure(chart, purpose, _object(raw_measure, m_path), m_path, by_text)
        return chart

    def _measure(
        self, chart: Chart, purpose: str, obj: dict, path: str, by_text: dict[str, tuple[str, str]]
    ) -> None:
        uuid, text, comment, foreign = self._fields(obj, path, "measure")
        color = _color(obj.get("color"), path)
        progress = self._progress(obj.get("progress"), path)
        first = by_text.get(text) if text else None
        if first is not None and not chart.graph.has_edge(first[0], purpose):
            measure, first_path = first
            chart.link_measure(measure, purpose)
            if foreign is not None or measure in self.parts:  # the copy's own, even none
                self.copies.setdefault(purpose, {})[measure] = foreign or ForeignFields()
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
        self._remember(chart, measure, uuid, comment, foreign)
        if text:
            by_text.setdefault(text, (measure, path))

    def _unknown(self, obj: dict, path: str, kind: str) -> ForeignFields | None:
        """Name each field pufu-editor does not write with its JSON path, and keep it (with the
        object's key order, when not the one pufu writes) to be written back on export."""
        known = _KNOWN_FIELDS[kind]
        fields: dict[str, Any] = {}
        for key, value in obj.items():
            if key in known:
                continue
            where = _key_path(path, key)
            why = _unkeepable(key, value)
            if why is None:
                fields[key] = value
                self.warnings.append(f"{where}: {t('import.foreign_kept')}")
            else:
                self.warnings.append(f"{where}: {t('import.foreign_dropped', why=why)}")
        keys = [key for key in obj if key in known or key in fields]
        order = None if keys == [k for k in known if k in obj] + list(fields) else keys
        # a part on one line in a chart over several is written so again; a chart written
        # all on one line (minified) is written in the editor's layout instead
        if kind == "chart":
            self.minified = isinstance(obj, _OneLine)
        one_line = isinstance(obj, _OneLine) and not self.minified
        if not fields and order is None and not one_line:
            return None
        self.foreign = True
        return ForeignFields(fields=fields, order=order, oneLine=one_line)

    def _fields(self, obj: dict, path: str, kind: str) -> Fields:
        foreign = self._unknown(obj, path, kind)
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
        comment, comment_foreign = self._comment(obj, path)
        if comment_foreign is not None:
            foreign = (foreign or ForeignFields()).model_copy(update={"comment": comment_foreign})
        return uuid, _text(text, f"{path}.text"), comment, foreign

    def _comment(self, obj: dict, path: str) -> tuple[Comment, ForeignFields | None]:
        if "comment" not in obj or obj["comment"] is None:
            self.warnings.append(t("cli.import.no_comment", path=path))
            return Comment(), None
        comment = _object(obj["comment"], f"{path}.comment")
        foreign = self._unknown(comment, f"{path}.comment", "comment")
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
        return Comment(color=color, text=_text(text, f"{path}.comment.text")), foreign

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

    def _remember(
        self, chart: Chart, node: str, uuid: str | None, comment: Comment, foreign: ForeignFields | None
    ) -> None:
        data = chart.graph.nodes[node]
        if uuid is not None and uuid != node:
            data["editor_id"] = uuid
        data["comment"] = comment
        if foreign is not None:
            self.parts[node] = foreign


def _unkeepable(key: str, value: Any) -> str | None:
    """Why a foreign field cannot be kept in pufu's own file, or None: a lone surrogate (no
    UTF-8), a number JSON cannot write back (``1e400`` reads as infinity), nesting too deep."""
    stack: list[tuple[Any, int]] = [(key, 0), (value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > _MAX_FOREIGN_DEPTH:
            return t("import.foreign_deep", depth=_MAX_FOREIGN_DEPTH)
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return t("import.foreign_surrogate")
        elif isinstance(item, float) and not math.isfinite(item):
            return t("import.foreign_infinite")
        elif isinstance(item, dict):
            stack.extend((k, depth + 1) for k in item)
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return None


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
    """One chart as pufu-editor writes it; shared 施策 become a copy under each 中間目的. Fields
    of an imported file that pufu does not know come back in their place and key order."""
    extra = chart.editor_extra or EditorExtra()
    parts = extra.parts or {}
    copies = extra.copies or {}

    def part(node: str) -> dict:
        data = chart.graph.nodes[node]
        foreign = parts.get(node)
        comment = _dressed(_comment(data["comment"]), foreign.comment if foreign else None)
        return {"uuid": chart.editor_id(node), "text": data["text"], "comment": comment}

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
            by_copy = copies.get(purpose, {})
            foreign = by_copy[measure] if measure in by_copy else parts.get(measure)
            out = {
                "uuid": copy.uuid if copy is not None else chart.editor_id(measure),
                "text": data["text"],
                "comment": _dressed(_comment(comment), foreign.comment if foreign else None),
                "color": Color(color).value,
            }
            if progress is not None:
                out["progress"] = progress
            measures.append(_dressed(out, foreign))
        purposes.append(_dressed({**part(purpose), "measures": measures}, parts.get(purpose)))
    elements = {
        key: _dressed(part(chart.element(key)), parts.get(chart.element(key))) for key in ELEMENT_KEYS
    }
    return _dressed(
        {
            "winCondition": _dressed(part(chart.win), parts.get(chart.win)),
            "gainingGoal": _dressed(part(chart.goal), parts.get(chart.goal)),
            "purposes": purposes,
            "elements": _dressed(elements, extra.elements),
        },
        extra.chart,
    )


def _dressed(out: dict, foreign: ForeignFields | None) -> dict:
    """``out`` with the foreign fields an imported object held (never over a field pufu writes),
    in the file's key order when it was not pufu's."""
    if foreign is None:
        return out
    dressed = {**out, **{k: v for k, v in foreign.fields.items() if k not in out}}
    if foreign.order is not None:
        ordered = {k: dressed[k] for k in foreign.order if k in dressed}
        ordered.update((k, v) for k, v in dressed.items() if k not in ordered)
        dressed = ordered
    return _OneLine(dressed) if foreign.oneLine else dressed


def _comment(comment: Comment) -> dict:
    return {"color": comment.color, "text": comment.text}


def dumps_editor(data: dict, charts: Sequence[Chart] = ()) -> str:
    """JSON the way pufu-editor writes it: two-space indent, no trailing newline (C1 controls,
    DEL and bidirectional controls as ``\\u`` escapes: :func:`pufu.terminal.json_text`); or,
    for charts imported from a file, in that file's indent and with its final newline."""
    extra = next((c.editor_extra for c in charts if c.editor_extra is not None), None)
    indent = extra.indent if extra is not None and extra.indent else "  "
    if extra is None:
        text = json.dumps(data, ensure_ascii=False, indent=indent)
    else:  # as json.dumps, and objects the file had on one line on one line again
        text = "".join(_encoded(data, indent, 0))
    text = json_text(text)
    return text + "\n" if extra is not None and extra.newline else text


def _encoded(value: Any, indent: str, level: int) -> Iterator[str]:
    """JSON text exactly as ``json.dumps(value, ensure_ascii=False, indent=indent)`` writes it,
    but a :class:`_OneLine` object as ``{ "key": value, ... }``."""
    if isinstance(value, _OneLine):
        yield "{ " + ", ".join(f"{_scalar(k)}: {_inline(v)}" for k, v in value.items()) + " }"
    elif isinstance(value, dict) and value:
        inner = "\n" + indent * (level + 1)
        for index, (key, item) in enumerate(value.items()):
            yield ("{" if index == 0 else ",") + inner + _scalar(key) + ": "
            yield from _encoded(item, indent, level + 1)
        yield "\n" + indent * level + "}"
    elif isinstance(value, list) and value:
        inner = "\n" + indent * (level + 1)
        for index, item in enumerate(value):
            yield ("[" if index == 0 else ",") + inner
            yield from _encoded(item, indent, level + 1)
        yield "\n" + indent * level + "]"
    else:
        yield _scalar(value)


def _inline(value: Any) -> str:
    if isinstance(value, dict) and value:
        return "{ " + ", ".join(f"{_scalar(k)}: {_inline(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list) and value:
        return "[" + ", ".join(_inline(v) for v in value) + "]"
    return _scalar(value)


def _scalar(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


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
