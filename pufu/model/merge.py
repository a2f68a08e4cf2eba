"""Three-way merge of two versions of a project (what ``pufu git merge-driver`` runs).

``merge(base, ours, theirs)`` works on the file's own structure, never on lines of JSON:

- the draft part by part: the 獲得目標, the 勝利条件 and the eight elements by their place, the
  中間目的 and 施策 by id and, when the ids differ, by equal text (:func:`pufu.model.diff.match`);
  then field by field (text, comment, colour, progress, the 施策 a 中間目的 lists, order);
- any list of objects carrying an ``id`` (中間目的, 施策, notes, yardsticks, any list added later)
  by id, with the same rules, so a new list needs no code here;
- a change on one side is taken; the same change on both sides is taken once; parts added on
  either side are kept; an order changed on one side is taken (ours when both changed it);
- phases recorded on either side are all kept: the base's first, then the new ones ordered by
  date and then by side (ours first), renumbered; a phase recorded identically on both sides is
  kept once; review notes follow their phase's new number; notes are a union by id.

A real conflict (one field changed differently on each side, or a part removed on one side and
changed on the other) is recorded in the project as a :class:`ConflictData` holding the base, ours
and theirs versions, while the project holds ours; :func:`resolve` settles one. The file still
loads, ``pufu check`` reports each conflict, and the merge driver exits non-zero so git sees it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

from ..i18n import default_lang, t
from .chart import Chart, new_id
from .diff import match
from .errors import ChartError, Text
from .fileformat import AMENDED_FIELDS, ConflictData, PhaseData, ProjectData
from .project import Project

JSON = Any
Side = Project | ProjectData


class _Missing:
    """A value absent on one side (a removed part, an unset progress)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()
#: Fields merged as one value (both sides changing different halves of a comment still conflict).
ATOMIC = frozenset({"comment", "editorCopies"})
#: The kind of part held at each path of the draft.
KINDS: dict[str, str] = {
    "draft.gainingGoal": "goal",
    "draft.winCondition": "win",
    "draft.purposes": "purpose",
    "draft.measures": "measure",
    "draft.metrics": "metric",
    "notes": "note",
}
Take = Literal["ours", "theirs", "base"]


@dataclass(slots=True)
class MergeResult:
    """The merged project and the conflicts recorded in it (empty when the merge is clean)."""

    project: Project
    conflicts: list[ConflictData]

    @property
    def clean(self) -> bool:
        return not self.conflicts


# ---------------------------------------------------------------------- sides as JSON data


def _data(side: Side) -> ProjectData:
    return side.to_data() if isinstance(side, Project) else side


def _chart(side: Side) -> Chart:
    return side.draft if isinstance(side, Project) else Chart.from_data(side.draft)


def _json(data: ProjectData, exclude: set[str] | None = None) -> dict[str, JSON]:
    out: dict[str, JSON] = json.loads(data.model_dump_json(exclude_none=True, exclude=exclude))
    return out


def _renames(base: Chart | None, ours: Chart, theirs: Chart) -> tuple[dict[str, str], dict[str, str]]:
    """Id renames for ours and theirs so that the same part carries one id on all sides: the
    base's id when matched to the base (by place, id or text), ours' id for a part both sides
    added with the same text."""
    rename_ours: dict[str, str] = {}
    rename_theirs: dict[str, str] = {}
    if base is not None:
        for b, o in match(base, ours)[0].items():
            if o != b:
                rename_ours[o] = b
        for b, t in match(base, theirs)[0].items():
            if t != b:
                rename_theirs[t] = b
    in_base = set(base.graph) if base is not None else set()
    for o, t in match(ours, theirs)[0].items():
        if o == t or o in rename_ours or t in rename_theirs:
            continue
        if rename_ours.get(o, o) not in in_base and t not in in_base:
            rename_theirs[t] = o
    return rename_ours, rename_theirs


def _rename(value: JSON, names: dict[str, str], key: str | None = None) -> JSON:
    """Apply id renames to a chart's JSON: ids, links (``measures``), ``part`` references and the
    keys of ``editorCopies``."""
    if not names:
        return value
    if isinstance(value, dict):
        out: dict[str, JSON] = {}
        for k, v in value.items():
            if k in ("id", "part") and isinstance(v, str):
                out[k] = names.get(v, v)
            elif k == "editorCopies" and isinstance(v, dict):
                out[k] = {names.get(m, m): c for m, c in v.items()}
            else:
                out[k] = _rename(v, names, k)
        return out
    if isinstance(value, list):
        if key == "measures" and all(isinstance(v, str) for v in value):
            return [names.get(v, v) for v in value]
        return [_rename(v, names) for v in value]
    return value


# ---------------------------------------------------------------------- the generic merge


def _has_ids(*lists: JSON) -> bool:
    items = [item for value in lists if isinstance(value, list) for item in value]
    return bool(items) and all(isinstance(i, dict) and isinstance(i.get("id"), str) for i in items)


def _scalars(*lists: JSON) -> bool:
    return all(
        isinstance(v, list) and all(isinstance(i, str | int | float) for i in v) for v in lists
    )


def _ordered(base: list[Any], ours: list[Any], theirs: list[Any], keep: set[Any]) -> list[Any]:
    """The kept keys in order: the base's order unless a side reordered (ours first), then each
    side's additions after the key they follow on that side."""
    in_base = set(base)
    base_kept = [k for k in base if k in keep]
    ours_rel = [k for k in ours if k in keep and k in in_base]
    theirs_rel = [k for k in theirs if k in keep and k in in_base]
    if ours_rel != [k for k in base_kept if k in set(ours_rel)]:
        result = ours_rel + [k for k in base_kept if k not in set(ours_rel)]
    elif theirs_rel != [k for k in base_kept if k in set(theirs_rel)]:
        result = list(theirs_rel)
        for index, k in enumerate(base_kept):  # kept keys theirs lacks: after their base neighbour
            if k not in result:
                at = result.index(base_kept[index - 1]) + 1 if index else 0
                result.insert(at, k)
    else:
        result = list(base_kept)
    added: set[Any] = set()
    for side in (ours, theirs):
        previous: Any = MISSING
        for k in side:
            if k not in keep:
                continue
            if k in added or k in in_base:
                previous = k
                continue
            at = 0 if previous is MISSING else result.index(previous) + 1
            while at < len(result) and result[at] in added and result[at] not in side:
                at += 1  # the other side's additions at the same place stay first
            result.insert(at, k)
            added.add(k)
            previous = k
    return result


class _Merger:
    def __init__(self) -> None:
        self.conflicts: list[dict[str, JSON]] = []

    def conflict(
        self, path: str, part: str | None, field: str | None, base: JSON, ours: JSON, theirs: JSON
    ) -> None:
        def shown(value: JSON) -> JSON:
            return None if value is MISSING else value

        kind = KINDS.get(path) or ("element" if path.startswith("draft.elements.") else None)
        if kind is None:
            kind = "title" if path == "" and field == "title" else path.rsplit(".", 1)[-1] or "project"
        where: dict[str, JSON] = {"kind": kind, "path": path}
        if part is not None:
            where["part"] = part
        if field is not None:
            where["field"] = field
        self.conflicts.append(
            {"id": new_id(), "where": where, "base": shown(base), "ours": shown(ours), "theirs": shown(theirs)}
        )

    def value(self, base: JSON, ours: JSON, theirs: JSON, path: str, part: str | None, field: str | None) -> JSON:
        if ours == theirs:
            return ours
        if base == ours:
            return theirs
        if base == theirs:
            return ours
        dicts = all(isinstance(v, dict) for v in (ours, theirs)) and (base is MISSING or isinstance(base, dict))
        if dicts and field not in ATOMIC:
            return self.mapping({} if base is MISSING else base, ours, theirs, path, part, field)
        lists = all(isinstance(v, list) for v in (ours, theirs)) and (base is MISSING or isinstance(base, list))
        if lists:
            b = [] if base is MISSING else base
            if _has_ids(b, ours, theirs):
                inner = f"{path}.{field}" if path and field else field or path
                return self.by_id(b, ours, theirs, inner)
            if field not in ATOMIC and _scalars(b, ours, theirs) and _unique(b, ours, theirs):
                return self.keys(b, ours, theirs)
        self.conflict(path, part, field, base, ours, theirs)
        return ours

    def mapping(
        self, base: dict[str, JSON], ours: dict[str, JSON], theirs: dict[str, JSON],
        path: str, part: str | None, field: str | None,
    ) -> dict[str, JSON]:
        own = ours.get("id", theirs.get("id"))
        if isinstance(own, str):  # a part: its fields are named from here
            part = own
        inner = path if field is None else f"{path}.{field}" if path else field
        out: dict[str, JSON] = {}
        for key in dict.fromkeys([*ours, *theirs, *base]):
            merged = self.value(
                base.get(key, MISSING), ours.get(key, MISSING), theirs.get(key, MISSING), inner, part, key
            )
            if merged is not MISSING:
                out[key] = merged
        return out

    def keys(self, base: list[Any], ours: list[Any], theirs: list[Any]) -> list[Any]:
        in_base, in_ours, in_theirs = set(base), set(ours), set(theirs)
        keep = {k for k in base if k in in_ours and k in in_theirs}
        keep |= (in_ours | in_theirs) - in_base
        return _ordered(base, ours, theirs, keep)

    def by_id(self, base: list[JSON], ours: list[JSON], theirs: list[JSON], path: str) -> list[JSON]:
        b = {item["id"]: item for item in base}
        o = {item["id"]: item for item in ours}
        t = {item["id"]: item for item in theirs}
        keep: set[str] = set()
        for key in dict.fromkeys([*o, *t, *b]):
            if key not in b:
                keep.add(key)
            elif key in o and key in t:
                keep.add(key)
            elif key in o and o[key] != b[key]:  # theirs removed what ours changed: keep ours
                self.conflict(path, key, None, b[key], o[key], MISSING)
                keep.add(key)
            elif key in t and t[key] != b[key]:  # ours removed what theirs changed: ours holds
                self.conflict(path, key, None, b[key], MISSING, t[key])
        order = _ordered(list(b), list(o), list(t), keep)
        out = []
        for key in order:
            if key in b and (key not in o or key not in t):  # removed vs changed: ours holds
                out.append(o[key])
                continue
            merged = self.value(b.get(key, MISSING), o.get(key, MISSING), t.get(key, MISSING), path, key, None)
            out.append(merged)
        return out


def _unique(*lists: list[Any]) -> bool:
    return all(len(set(v)) == len(v) for v in lists)


# ---------------------------------------------------------------------- phases and notes


def _phases(
    base: list[PhaseData], ours: list[PhaseData], theirs: list[PhaseData]
) -> tuple[list[PhaseData], dict[int, int], dict[int, int]]:
    """All phases, renumbered, and each side's old number → new number. Phases stay frozen
    models: they are compared whole, never merged."""
    known = len(base)

    def same(a: PhaseData, b: PhaseData) -> bool:
        return a.model_copy(update={"number": 0}) == b.model_copy(update={"number": 0})

    entries: list[tuple[str, int, PhaseData]] = []
    twin: dict[int, PhaseData] = {}  # theirs' number → ours' phase recorded identically
    for phase in ours[known:]:
        entries.append((phase.date, 0, phase))
    for phase in theirs[known:]:
        equal = next((o for o in ours[known:] if o.date == phase.date and same(o, phase)), None)
        if equal is not None:
            twin[phase.number] = equal
        else:
            entries.append((phase.date, 1, phase))
    ordered = sorted(entries, key=lambda e: (e[0], e[1]))  # stable: each side's order kept
    if len(ours) >= known and len(theirs) >= known:
        merged = [_amended_phase(base[i], ours[i], theirs[i]) for i in range(known)]
    else:
        merged = list(ours[:known]) if len(ours) >= known else list(base)
    new_number: dict[tuple[int, int], int] = {}
    for offset, (_, side, phase) in enumerate(ordered):
        number = known + offset + 1
        new_number[side, phase.number] = number
        merged.append(phase if phase.number == number else phase.model_copy(update={"number": number}))
    maps: list[dict[int, int]] = [{n: n for n in range(1, known + 1)} for _ in (0, 1)]
    for phase in ours[known:]:
        maps[0][phase.number] = new_number[0, phase.number]
    for phase in theirs[known:]:
        source = (0, twin[phase.number].number) if phase.number in twin else (1, phase.number)
        maps[1][phase.number] = new_number[source]
    return merged, maps[0], maps[1]


def _amended_phase(base: PhaseData, ours: PhaseData, theirs: PhaseData) -> PhaseData:
    """A phase both sides had: its chart never changes, but either side may have amended its
    title, date or what happened (``pufu phase amend``). Each side's amendments are kept, in
    time order; a field amended on one side takes that side's value, on both sides ours."""
    if theirs == base or theirs == ours:
        return ours
    if ours == base:
        return theirs
    seen = list(base.amendments or [])
    extra = [a for a in [*(ours.amendments or []), *(theirs.amendments or [])] if a not in seen]
    amendments = seen + sorted(dict.fromkeys(extra), key=lambda a: a.when)
    update: dict[str, object] = {"amendments": amendments or None}
    for name in AMENDED_FIELDS:
        mine, other = getattr(ours, name), getattr(theirs, name)
        update[name] = other if mine == getattr(base, name) else mine
    return ours.model_copy(update=update)


def _renumbered(notes: list[JSON], numbers: dict[int, int]) -> list[JSON]:
    return [{**note, "phase": numbers.get(note["phase"], note["phase"])} for note in notes]


# ---------------------------------------------------------------------- merge


def merge(base: Side | None, ours: Side, theirs: Side) -> MergeResult:
    """Merge ``ours`` and ``theirs``, two versions of ``base`` (None: no common version, as when
    both sides added the same file)."""
    ours_chart, theirs_chart = _chart(ours), _chart(theirs)
    base_chart = _chart(base) if base is not None else None
    rename_ours, rename_theirs = _renames(base_chart, ours_chart, theirs_chart)
    data_b = _data(base) if base is not None else None
    data_o, data_t = _data(ours), _data(theirs)
    b = _json(data_b, {"phases"}) if data_b is not None else {}
    o, t = _json(data_o, {"phases"}), _json(data_t, {"phases"})
    o["draft"] = _rename(o["draft"], rename_ours)
    t["draft"] = _rename(t["draft"], rename_theirs)
    merger = _Merger()
    out: dict[str, JSON] = {}
    phases, ours_numbers, theirs_numbers = _phases(
        data_b.phases if data_b is not None else [], data_o.phases, data_t.phases
    )
    out["phases"] = phases
    for key in dict.fromkeys([*o, *t]):
        if key == "version":
            out[key] = max(o.get(key, 1), t.get(key, 1))
        elif key == "notes":
            notes = merger.by_id(
                b.get("notes", []),
                _renumbered(o.get("notes", []), ours_numbers),
                _renumbered(t.get("notes", []), theirs_numbers),
                "notes",
            )
            out[key] = sorted(notes, key=lambda note: note["phase"])  # stable
        elif key == "draft":
            draft = merger.value(b.get("draft", MISSING), o["draft"], t["draft"], "", None, "draft")
            out[key] = _linked(draft)
            _with_links(merger.conflicts, o["draft"], t["draft"])
        elif key == "conflicts":
            out[key] = [*o.get(key, []), *[c for c in t.get(key, []) if c not in o.get(key, [])]]
        else:
            value = merger.value(b.get(key, MISSING), o.get(key, MISSING), t.get(key, MISSING), "", None, key)
            if value is not MISSING:
                out[key] = value
    conflicts = [ConflictData.model_validate(c) for c in merger.conflicts]
    all_conflicts = [*(ConflictData.model_validate(c) for c in out.pop("conflicts", [])), *conflicts]
    if all_conflicts:
        out["conflicts"] = [c.model_dump(mode="json") for c in all_conflicts]
    project = Project.from_data(ProjectData.model_validate(out))
    return MergeResult(project, all_conflicts)


def _with_links(conflicts: list[dict[str, JSON]], ours: dict[str, JSON], theirs: dict[str, JSON]) -> None:
    """A whole 施策 in a conflict carries ``purposes``: the 中間目的 it served on that side."""
    for conflict in conflicts:
        where = conflict["where"]
        if where["path"] != "draft.measures" or "field" in where:
            continue
        for side, draft in (("ours", ours), ("theirs", theirs)):
            if conflict[side] is not None:
                served = [p["id"] for p in draft["purposes"] if where["part"] in p.get("measures", [])]
                conflict[side] = {**conflict[side], "purposes": served}


def _linked(draft: dict[str, JSON]) -> dict[str, JSON]:
    """Drop links to 施策 that are gone (a 施策 removed on one side, linked on the other)."""
    measures = {m["id"] for m in draft.get("measures", [])}
    purposes = []
    for purpose in draft.get("purposes", []):
        links = [m for m in purpose.get("measures", []) if m in measures]
        purpose = {**purpose, "measures": links}
        copies = purpose.get("editorCopies")
        if copies:
            kept = {m: c for m, c in copies.items() if m in links}
            if kept:
                purpose["editorCopies"] = kept
            else:
                purpose.pop("editorCopies")
        purposes.append(purpose)
    return {**draft, "purposes": purposes}


# ---------------------------------------------------------------------- resolving


def _locate(data: dict[str, JSON], path: str) -> JSON:
    node: JSON = data
    for step in filter(None, path.split(".")):
        node = node[step]
    return node


def _set_part(data: dict[str, JSON], conflict: ConflictData, value: JSON) -> None:
    where = conflict.where
    container = _locate(data, where.path)
    if isinstance(container, list):
        index = next((i for i, item in enumerate(container) if item.get("id") == where.part), None)
        if where.field is None:  # the whole part
            if isinstance(value, dict) and where.path == "draft.measures":
                value = dict(value)
                served = value.pop("purposes", [])
                for purpose in data["draft"]["purposes"]:
                    if purpose["id"] in served and where.part not in purpose["measures"]:
                        purpose["measures"].append(where.part)
            if value is None:
                if index is not None:
                    container.pop(index)
            elif index is None:
                container.append(value)
            else:
                container[index] = value
            return
        if index is None:
            raise ChartError("err.merge.part_gone", part=where.part)
        target = container[index]
    else:
        target = container
    if where.field is None:
        raise ChartError("err.merge.no_field")
    if value is None:
        target.pop(where.field, None)
    else:
        target[where.field] = value


def conflict_value(conflict: ConflictData, take: Take) -> JSON:
    """The value a choice stands for."""
    return {"ours": conflict.ours, "theirs": conflict.theirs, "base": conflict.base}[take]


def resolve(
    project: Project, conflict_id: str, take: Take | None = None, value: JSON = MISSING
) -> None:
    """Settle one conflict: take ours, theirs or the base version, or set ``value``; the conflict
    entry goes. Raises :class:`ChartError` for an unknown conflict or a value that does not fit."""
    conflict = next((c for c in project.conflicts if c.id == conflict_id), None)
    if conflict is None:
        raise ChartError("err.merge.no_conflict", id=conflict_id)
    if (take is None) == (value is MISSING):
        raise ChartError("err.merge.take_or_value")
    chosen = conflict_value(conflict, take) if take is not None else value
    data = _json(project.to_data(), {"phases"})
    _set_part(data, conflict, chosen)
    data["phases"] = list(project.phases)
    data["draft"] = _linked(data["draft"])
    data["conflicts"] = [c for c in data.get("conflicts", []) if c["id"] != conflict_id]
    if not data["conflicts"]:
        del data["conflicts"]
    try:
        merged = Project.from_data(ProjectData.model_validate(data))
    except Exception as exc:  # a value that does not fit the field
        raise ChartError(
            "err.merge.value_not_fit",
            field=Text(f"merge.field.{conflict.where.field}" if conflict.where.field else "err.merge.the_part"),
            error=exc,
        ) from None
    project.title, project.draft, project.phases = merged.title, merged.draft, merged.phases
    project.notes, project.conflicts = merged.notes, merged.conflicts
    project._charts.clear()


def resolve_all(project: Project, take: Take) -> int:
    """Settle every conflict the same way; returns how many there were."""
    ids = [c.id for c in project.conflicts]
    for conflict_id in ids:
        resolve(project, conflict_id, take)
    return len(ids)


def field_value(chart: Chart, part: str, field: str) -> JSON:
    """A part's field as the file holds it (for comparing with a conflict's versions)."""
    data = chart.graph.nodes[part]
    if field == "comment":
        return data["comment"].model_dump()
    if field == "color":
        return str(data["color"])
    if field == "measures":
        return chart.measures_of(part)
    return data.get(field)


def edited(conflict: ConflictData, before: Chart, after: Chart) -> bool:
    """Whether a change from ``before`` to ``after`` set the conflicted field (the user chose)."""
    where = conflict.where
    if where.field is None or where.part is None or where.path == "" or not where.path.startswith("draft"):
        return False
    if where.part not in before or where.part not in after:
        return where.part in before and where.part not in after  # removed by hand: settled
    if where.field not in ("text", "comment", "color", "progress", "measures"):
        return False
    return bool(field_value(before, where.part, where.field) != field_value(after, where.part, where.field))


# ---------------------------------------------------------------------- reporting


def _shown(value: JSON, lang: str | None, field: str | None = None) -> str:
    if value is None:
        return t("merge.removed", lang)
    if field == "color" and isinstance(value, str):
        return t(f"color.{value}", lang)
    if field == "progress" and isinstance(value, int | float):
        return f"{value:g}%"
    if isinstance(value, dict):
        value = value.get("text", json.dumps(value, ensure_ascii=False))
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        value = json.dumps(value, ensure_ascii=False)
    line = " ".join(str(value).split())
    line = line if len(line) <= 40 else line[:39] + "…"
    return t("merge.quoted", lang, text=line)


def conflict_label(conflict: ConflictData, project: Project | None = None, lang: str | None = None) -> str:
    """The part a conflict is about, in the method's words: 獲得目標, 施策「…」, タイトル."""
    where = conflict.where
    key = f"kind.{where.kind}" if where.kind in KIND_NAMES else f"merge.kind.{where.kind}"
    name = t(key, lang)
    if where.kind == "element" and where.path.startswith("draft.elements."):
        name = t("element." + where.path.rsplit(".", 1)[-1], lang)
    text = ""
    if project is not None and where.part is not None and where.part in project.draft:
        if where.kind in ("purpose", "measure"):
            text = project.draft.part(where.part).text
    elif isinstance(conflict.base, dict) and where.kind in ("purpose", "measure"):
        text = str(conflict.base.get("text", ""))
    if text:
        name += t("merge.part_text", lang, text=" ".join(text.split())[:30])
    if where.field is not None and where.kind != "title":
        name += t("merge.field", lang, field=t(f"merge.field.{where.field}", lang))
    return name


KIND_NAMES = frozenset({"goal", "win", "purpose", "measure", "element"})


@dataclass(frozen=True, slots=True)
class ConflictFinding:
    """A conflict as ``pufu check`` reports it: an error naming the part."""

    conflict: ConflictData
    label_ja: str
    label_en: str
    level: str = "error"
    code: str = "conflict"

    @property
    def part(self) -> str | None:
        return self.conflict.where.part

    def message(self, lang: str | None = None) -> str:
        label = self.label_en if lang == "en" or (lang is None and default_lang() == "en") else self.label_ja
        return t(
            "check.conflict",
            lang,
            part=label,
            ours=_shown(self.conflict.ours, lang, self.conflict.where.field),
            theirs=_shown(self.conflict.theirs, lang, self.conflict.where.field),
        )


def conflict_findings(project: Project) -> list[ConflictFinding]:
    """One error per conflict still recorded in the project."""
    return [
        ConflictFinding(c, conflict_label(c, project, "ja"), conflict_label(c, project, "en"))
        for c in project.conflicts
    ]
