"""The プ譜 model: plain Python on networkx and pydantic, with no screen and no Graphviz.

Everything a screen or a command can do to a chart is an operation here first::

    from pufu.model import Project, Session, check

    session = Session(Project(title="セルフサービス立ち上げ"))
    purpose = session.apply("add_purpose", "FAQで自己解決できている状態")
    session.apply("add_measure", purpose, "よくある問い合わせ上位20件の記事を書く", color="red")
    session.undo()

Errors: :class:`ChartError` for an impossible operation (nothing changes), :class:`FileError`
for a file pufu cannot read or write (the message names the file and the place).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the names below, imported when first used (``import pufu.model`` is cheap)
    from .chart import OPERATIONS, Chart, Part, new_id
    from .checks import MAX_PURPOSES, Finding, check
    from .errors import ChartError, ConflictError, FileError, FormatError, PufuError
    from .fileformat import (
        DIRECTIONS,
        FORMAT_VERSION,
        NOTE_KINDS,
        ChartData,
        MetricData,
        NoteData,
        PhaseData,
        ProjectData,
        json_schema,
    )
    from .metrics import (
        STATUS_SYMBOLS,
        Status,
        format_number,
        metric_line,
        metric_lines,
        status,
        with_unit,
    )
    from .parts import COLOR_ORDER, COMMENT_COLORS, ELEMENT_KEYS, SYMBOLS, Color, Comment, Kind
    from .project import Project, today
    from .session import Session
    from .store import (
        MAX_FILE_BYTES,
        Stamp,
        dumps_project,
        load_project,
        loads_project,
        save_project,
        write_atomic,
    )
    from .trajectories import Point, Track, history, tracks, trajectory

#: Where each public name lives.
_WHERE: dict[str, str] = {
    "OPERATIONS": "chart",
    "Chart": "chart",
    "Part": "chart",
    "new_id": "chart",
    "MAX_PURPOSES": "checks",
    "Finding": "checks",
    "check": "checks",
    "ChartError": "errors",
    "ConflictError": "errors",
    "FileError": "errors",
    "FormatError": "errors",
    "PufuError": "errors",
    "FORMAT_VERSION": "fileformat",
    "NOTE_KINDS": "fileformat",
    "ChartData": "fileformat",
    "NoteData": "fileformat",
    "PhaseData": "fileformat",
    "ProjectData": "fileformat",
    "json_schema": "fileformat",
    "DIRECTIONS": "fileformat",
    "MetricData": "fileformat",
    "STATUS_SYMBOLS": "metrics",
    "Status": "metrics",
    "format_number": "metrics",
    "metric_line": "metrics",
    "metric_lines": "metrics",
    "status": "metrics",
    "with_unit": "metrics",
    "Point": "trajectories",
    "Track": "trajectories",
    "history": "trajectories",
    "tracks": "trajectories",
    "trajectory": "trajectories",
    "COLOR_ORDER": "parts",
    "COMMENT_COLORS": "parts",
    "ELEMENT_KEYS": "parts",
    "SYMBOLS": "parts",
    "Color": "parts",
    "Comment": "parts",
    "Kind": "parts",
    "Project": "project",
    "today": "project",
    "Session": "session",
    "MAX_FILE_BYTES": "store",
    "Stamp": "store",
    "dumps_project": "store",
    "load_project": "store",
    "loads_project": "store",
    "save_project": "store",
    "write_atomic": "store",
}


def __getattr__(name: str) -> Any:
    """Import a public name's module when the name is first used: pufu's start-up stays fast
    (``pufu --version`` never loads networkx or pydantic)."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "COLOR_ORDER",
    "COMMENT_COLORS",
    "DIRECTIONS",
    "ELEMENT_KEYS",
    "FORMAT_VERSION",
    "MAX_FILE_BYTES",
    "MAX_PURPOSES",
    "NOTE_KINDS",
    "OPERATIONS",
    "STATUS_SYMBOLS",
    "SYMBOLS",
    "Chart",
    "ChartData",
    "ChartError",
    "Color",
    "Comment",
    "ConflictError",
    "FileError",
    "Finding",
    "FormatError",
    "Kind",
    "MetricData",
    "NoteData",
    "Part",
    "Point",
    "PhaseData",
    "Project",
    "ProjectData",
    "PufuError",
    "Session",
    "Stamp",
    "Status",
    "Track",
    "check",
    "dumps_project",
    "format_number",
    "history",
    "json_schema",
    "load_project",
    "loads_project",
    "metric_line",
    "metric_lines",
    "new_id",
    "save_project",
    "status",
    "today",
    "tracks",
    "trajectory",
    "with_unit",
    "write_atomic",
]
