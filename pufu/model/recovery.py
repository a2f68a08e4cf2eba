"""Recovery copies: the work in progress of an editing session, kept so a crash loses nothing.

While a project is edited, the screen writes its current state here (atomically) every time it
changes. A clean save or quit discards the copy; if one is still there when the project is
opened again, the work was not saved and the screen offers it back.

Copies live in the user's state folder (``PUFU_STATE_DIR`` overrides it), never beside the
project, and are keyed by the project's absolute path.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..locations import recovery_dir
from .errors import FileError
from .project import Project
from .store import Stamp, dumps_project, loads_project, write_atomic


def _key(project_path: str | os.PathLike[str]) -> str:
    absolute = str(Path(project_path).expanduser().absolute())
    return hashlib.sha256(absolute.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def recovery_path(project_path: str | os.PathLike[str]) -> Path:
    """Where the recovery copy of this project is kept."""
    return recovery_dir() / f"{_key(project_path)}.json"


@dataclass(frozen=True, slots=True)
class Recovery:
    """A recovery copy: the project as it was being edited, and what the file held then."""

    path: str
    saved: str  # ISO time the copy was written, UTC
    base: Stamp | None  # the stamp of the file the session was editing (None: a new file)
    text: str  # the project, in the file format

    def project(self) -> Project:
        return loads_project(f"recovery copy of {self.path}", self.text.encode("utf-8", "surrogatepass"))

    def saved_local(self) -> str:
        """When the copy was written, in local time (``2026-11-23 10:00``), or as recorded when
        that is not a time this machine can show."""
        try:
            return dt.datetime.fromisoformat(self.saved).astimezone().strftime("%Y-%m-%d %H:%M")
        except (ValueError, OverflowError, OSError):
            return self.saved


def write_recovery(
    project_path: str | os.PathLike[str], project: Project, base: Stamp | None
) -> Path:
    """Write (atomically) the recovery copy of a project being edited; returns where."""
    target = recovery_path(project_path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FileError(target.parent, f"cannot create the state folder: {exc.strerror or exc}") from None
    record = {
        # shown in messages only (the copy is found by the key): a file name that is not UTF-8
        # is shown with replacement characters
        "path": os.fsencode(Path(project_path).absolute()).decode("utf-8", "replace"),
        "saved": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "base": None if base is None else {"size": base.size, "digest": base.digest},
        "project": dumps_project(project),
    }
    write_atomic(target, json.dumps(record, ensure_ascii=False).encode("utf-8"))
    return target


def read_recovery(project_path: str | os.PathLike[str]) -> Recovery | None:
    """The recovery copy of a project, or None when there is none (or it cannot be read)."""
    target = recovery_path(project_path)
    try:
        record = json.loads(target.read_text(encoding="utf-8"))
        if not isinstance(record, dict):
            return None
        base = record.get("base")
        return Recovery(
            path=str(record["path"]),
            saved=str(record["saved"]),
            base=None if base is None else Stamp(int(base["size"]), str(base["digest"])),
            text=str(record["project"]),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None


def discard_recovery(project_path: str | os.PathLike[str]) -> None:
    """Remove the recovery copy of a project, if there is one."""
    try:
        recovery_path(project_path).unlink()
    except FileNotFoundError:
        pass
    except OSError:
        pass
