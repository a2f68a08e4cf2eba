"""Stable part ids for bundled data, and fresh ids for a project made from a template.

The bundled files are generated (``python -m pufu.templates.build``); their ids are derived from
the template name and a readable key, so regenerating them gives the same file and a reviewable
diff. A project made from a template gets fresh ids everywhere (:func:`refresh_ids`), so two
projects from one template never share part ids.
"""

from __future__ import annotations

import uuid
from typing import Any

from ..model.chart import new_id

_NAMESPACE = uuid.UUID("6b0c2f57-2f0e-4f37-9a8e-7a1f6f1d5c21")


def stable_id(*keys: str) -> str:
    """A part id derived from its keys, shaped like :func:`pufu.model.chart.new_id`."""
    return uuid.uuid5(_NAMESPACE, "/".join(keys)).hex[:22]


def refresh_ids(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of a project file's data (``ProjectData.model_dump()``) with every id replaced.

    The same old id gets the same new id everywhere (draft, phases, notes), so a part keeps its
    identity across phases and notes still point at their parts.
    """
    mapping: dict[str, str] = {}

    def fresh(old: str) -> str:
        if old not in mapping:
            mapping[old] = new_id()
        return mapping[old]

    def part(obj: dict[str, Any]) -> dict[str, Any]:
        return {**obj, "id": fresh(obj["id"])}

    def chart(obj: dict[str, Any]) -> dict[str, Any]:
        out = dict(obj)
        out["gainingGoal"] = part(obj["gainingGoal"])
        out["winCondition"] = part(obj["winCondition"])
        out["elements"] = {key: part(value) for key, value in obj["elements"].items()}
        out["measures"] = [part(m) for m in obj.get("measures", [])]
        purposes = []
        for purpose in obj.get("purposes", []):
            new = part(purpose)
            new["measures"] = [fresh(m) for m in purpose.get("measures", [])]
            if purpose.get("editorCopies"):
                new["editorCopies"] = {fresh(k): v for k, v in purpose["editorCopies"].items()}
            purposes.append(new)
        out["purposes"] = purposes
        if "metrics" in obj:
            out["metrics"] = [{**part(m), "part": fresh(m["part"])} for m in obj["metrics"]]
        return out

    out = dict(data)
    out["draft"] = chart(data["draft"])
    out["phases"] = [{**phase, "chart": chart(phase["chart"])} for phase in data.get("phases", [])]
    out["notes"] = [
        {**note, "id": new_id(), "part": fresh(note["part"]) if note.get("part") else None}
        for note in data.get("notes", [])
    ]
    return out
