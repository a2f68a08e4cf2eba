"""Recovery copies: the unsaved work of each editing session, kept so a crash loses nothing.

Every editor session has its own copy, ``recovery/KEY-PID-TOKEN.json`` in the user's state folder
(``PUFU_STATE_DIR`` overrides it), KEY coming from the project's resolved path. A session only
ever deletes its own copy (on a save, a clean quit, or undoing back to the saved state); a copy
another session left is offered, saying when it was written and whether that editor still runs,
and is deleted only when the user declines it.

A copy holds what the session needs and no more: the title, the draft, the phases and notes
added since the file was opened, the number of phases the file had and the stamp and identity
(device, inode) of that file. Recorded phases are frozen, so they are taken back from the file;
when the file on disk is no longer the one the session opened, the copy is offered anyway, on
top of the file as it is now, and the dialog says so.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jiter
from pydantic import TypeAdapter

from ..locations import recovery_dir
from .errors import FileError, PufuError
from .fileformat import ChartData, NoteData, PhaseData
from .lock import path_key, resolved
from .project import Project
from .store import (
    MAX_FILE_BYTES,
    Stamp,
    dumps_project,
    loads_project,
    read_bytes,
    stamp_of,
    write_atomic,
)

_PHASES = TypeAdapter(list[PhaseData])
_NOTES = TypeAdapter(list[NoteData])
#: Sessions of this process that are still open (a test runs several editors in one process).
_LIVE: set[str] = set()




def boot_id() -> str:
    """This boot of this machine (a pid from an earlier boot is another process)."""
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    except OSError:
        return ""


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


@dataclass(frozen=True, slots=True)
class Opened:
    """What the session opened: kept in its copy to rebuild the work from the file."""

    stamp: Stamp | None
    identity: tuple[int, int] | None
    phases: int
    notes: frozenset[str]

    @classmethod
    def of(cls, path: str | os.PathLike[str], project: Project, stamp: Stamp | None) -> Opened:
        return cls(stamp, _identity(resolved(path)), len(project.phases), frozenset(n.id for n in project.notes))


class RecoverySession:
    """The recovery copy of one editor session."""

    def __init__(self, project_path: str | os.PathLike[str]) -> None:
        self.project_path = Path(project_path)
        self.token = f"{os.getpid()}-{secrets.token_hex(4)}"
        self.file = recovery_dir() / f"{path_key(project_path)}-{self.token}.json"
        _LIVE.add(self.token)

    def payload(self, project: Project, opened: Opened) -> dict[str, Any]:
        """What to write, taken on the UI thread (cheap: the draft and what was added)."""
        return {
            "title": project.title,
            "draft": project.draft.to_data(),
            "phases": list(project.phases[opened.phases :]),
            "notes": [note for note in project.notes if note.id not in opened.notes],
            "opened": opened,
        }

    def write(self, payload: dict[str, Any]) -> Path:
        """Serialise and write the copy (atomically); safe to run in a worker thread."""
        opened: Opened = payload["opened"]
        record = {
            "version": 2,
            # shown in messages only: a file name that is not UTF-8 shows replacement characters
            "path": os.fsencode(self.project_path.absolute()).decode("utf-8", "replace"),
            "saved": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "boot": boot_id(),
            "token": self.token,
            "base": None if opened.stamp is None else {"size": opened.stamp.size, "digest": opened.stamp.digest},
            "identity": None if opened.identity is None else list(opened.identity),
            "base_phases": opened.phases,
            "title": payload["title"],
            "draft": json.loads(payload["draft"].model_dump_json(exclude_none=True)),
            "added_phases": json.loads(_PHASES.dump_json(payload["phases"], exclude_none=True)),
            "added_notes": json.loads(_NOTES.dump_json(payload["notes"], exclude_none=True)),
        }
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise FileError(self.file.parent, "err.file.state_folder", reason=exc.strerror or exc) from None
        write_atomic(self.file, json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass"))
        return self.file

    def discard(self) -> None:
        """Remove this session's copy (never another's)."""
        try:
            self.file.unlink()
        except OSError:
            pass

    def close(self) -> None:
        """The session ends (its copy, if any, stays for the next start to offer)."""
        _LIVE.discard(self.token)


@dataclass(frozen=True, slots=True)
class Copy:
    """A recovery copy another session left."""

    file: Path
    path: str
    saved: str  # ISO time the copy was written, UTC
    pid: int
    host: str
    boot: str
    token: str
    base: Stamp | None
    identity: tuple[int, int] | None
    base_phases: int
    title: str
    draft: ChartData
    added_phases: list[PhaseData]
    added_notes: list[NoteData]

    def saved_local(self) -> str:
        """When the copy was written, in local time (``2026-11-23 10:00``)."""
        try:
            return dt.datetime.fromisoformat(self.saved).astimezone().strftime("%Y-%m-%d %H:%M")
        except (ValueError, OverflowError, OSError):
            return self.saved

    def running(self) -> bool:
        """Whether the editor that wrote it is still running (same host and boot, pid alive)."""
        if self.host != socket.gethostname() or self.boot != boot_id():
            return False
        if self.pid == os.getpid():
            return self.token in _LIVE
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except OSError:
            return True  # alive, another user's
        return True

    def other_file(self, disk: Project | None) -> bool:
        """Whether another project now stands at the path. Not by inode: every save renames a
        new file into place. A project keeps its goal's id for life and never loses a phase, so
        a different goal id, or fewer phases than the session opened, is another file."""
        if disk is None:
            return False
        return disk.draft.goal != self.draft.gainingGoal.id or len(disk.phases) < self.base_phases

    def base_matches(self, project_path: str | os.PathLike[str]) -> bool:
        try:
            return stamp_of(resolved(project_path)) == self.base
        except PufuError:
            return False

    def project(self, disk: Project | None = None) -> Project:
        """The work rebuilt: the file's phases and notes, then the session's title, draft,
        phases and notes on top (renumbered after the file's phases when they moved on)."""
        from .chart import Chart
        from .document import merge_from_disk

        base = disk if disk is not None else Project()
        shared = [] if self.other_file(disk) else base.phases[: self.base_phases]
        mine = Project(
            title=self.title,
            draft=Chart.from_data(self.draft, "recovery copy: $.draft"),
            phases=[*shared, *self.added_phases],
            notes=[*base.notes, *self.added_notes],
        )
        merged = merge_from_disk(mine, base)
        # the added phases and notes come from the copy: check their ids and links as a file's
        return loads_project(f"recovery copy of {self.path}", dumps_project(merged).encode("utf-8"))

    @property
    def text(self) -> str:
        return dumps_project(self.project(_disk_or_none(self.path)))


def _disk_or_none(path: str) -> Project | None:
    from .store import load_project

    try:
        return load_project(path)[0]
    except PufuError:
        return None


def _read_copy(file: Path) -> Copy | None:
    try:
        # jiter refuses a lone surrogate escape (json.loads would take it, and saving fail)
        record = jiter.from_json(read_bytes(file, MAX_FILE_BYTES), catch_duplicate_keys=True)
        if not isinstance(record, dict) or record.get("version") != 2:
            return None
        base = record.get("base")
        identity = record.get("identity")
        return Copy(
            file=file,
            path=str(record["path"]),
            saved=str(record["saved"]),
            pid=int(record["pid"]),
            host=str(record["host"]),
            boot=str(record["boot"]),
            token=str(record["token"]),
            base=None if base is None else Stamp(int(base["size"]), str(base["digest"])),
            identity=None if identity is None else (int(identity[0]), int(identity[1])),
            base_phases=int(record["base_phases"]),
            title=str(record["title"]),
            draft=ChartData.model_validate(record["draft"]),
            added_phases=_PHASES.validate_python(record["added_phases"]),
            added_notes=_NOTES.validate_python(record["added_notes"]),
        )
    except (PufuError, OSError, ValueError, KeyError, TypeError, IndexError, RecursionError):
        return None


def copies(project_path: str | os.PathLike[str], *, exclude: RecoverySession | None = None) -> list[Copy]:
    """The copies other sessions left for this project, newest first (unreadable ones skipped)."""
    try:
        files = sorted(recovery_dir().glob(f"{path_key(project_path)}-*.json"))
    except OSError:
        return []
    found = [c for f in files if (exclude is None or f != exclude.file) and (c := _read_copy(f))]
    return sorted(found, key=lambda c: c.saved, reverse=True)


def read_recovery(project_path: str | os.PathLike[str]) -> Copy | None:
    """The newest recovery copy of a project, or None."""
    found = copies(project_path)
    return found[0] if found else None


def discard_copy(copy: Copy) -> None:
    """Remove a copy the user declined (only ever one that is not of a running editor)."""
    try:
        copy.file.unlink()
    except OSError:
        pass
