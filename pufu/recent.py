"""The projects opened recently, newest first, kept in the user's state folder.

``PUFU_STATE_DIR`` moves the folder (tests point it at a temporary one).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .locations import recent_file
from .model.errors import PufuError
from .model.store import read_bytes, write_atomic

#: How many paths the list keeps.
KEEP = 50


def _file() -> Path:
    return recent_file()


def _read() -> list[str]:
    try:
        data = json.loads(read_bytes(_file(), 4 * 1024 * 1024))  # refuses a FIFO without blocking
    except (OSError, ValueError, PufuError, RecursionError):
        return []
    return [item for item in data if isinstance(item, str)] if isinstance(data, list) else []


def remember(path: str | os.PathLike[str]) -> None:
    """Put a project at the top of the recent list (quietly does nothing if it cannot)."""
    entry = str(Path(path).expanduser().absolute())
    paths = [entry, *(p for p in _read() if p != entry)][:KEEP]
    try:
        _file().parent.mkdir(parents=True, exist_ok=True)
        try:
            data = json.dumps(paths, ensure_ascii=False, indent=1).encode("utf-8")
        except UnicodeEncodeError:  # a file name that is not UTF-8: keep its bytes as escapes
            data = json.dumps(paths, indent=1).encode("ascii")
        write_atomic(_file(), data)
    except (OSError, PufuError):  # a state folder we cannot write must not stop the editor
        pass


def recent_projects(limit: int = 10) -> list[Path]:
    """The projects opened most recently that still exist, newest first."""
    return [Path(p) for p in _read() if Path(p).is_file()][:limit]
