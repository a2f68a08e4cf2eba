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
from .trajectory import Point, Track, history, tracks, trajectory

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
