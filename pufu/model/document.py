"""One file lifecycle: open, lock, read, save, detect a change on disk, reload, merge.

Every command that reads or writes a project, and the editor, go through :class:`Document`:

- :meth:`Document.open` reads a project (saves are atomic renames, so a read sees a whole file).
- :meth:`Document.update` is a locked read-modify-write on the FRESH file: ``pufu snapshot`` and
  ``pufu note`` wait for another writer (:mod:`pufu.model.lock`), then read what it wrote and
  apply their change on top, so two commands at once both land.
- :meth:`Document.save` saves what was opened (the editor): under the lock it checks the file is
  still the one it read, and refuses with :class:`ConflictError` otherwise.
- :func:`merge_from_disk` and :func:`losses` serve the editor's changed-on-disk dialog.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from .errors import ConflictError, FileError
from .fileformat import ChartData, NoteData, PhaseData
from .lock import DEFAULT_WAIT, locked
from .project import Project, is_amendment
from .store import Stamp, dumps_project, loads_project, read_bytes, stamp_of, write_atomic

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Base:
    """What the file held when it was opened: to tell later what changed, and what would be lost."""

    title: str
    draft: ChartData
    phases: int
    notes: frozenset[str]

    @classmethod
    def of(cls, project: Project) -> Base:
        return cls(project.title, project.draft.to_data(), len(project.phases), frozenset(n.id for n in project.notes))


@dataclass(eq=False)
class Document:
    """A project file and what pufu read from it."""

    path: Path
    project: Project
    stamp: Stamp | None
    base: Base = field(init=False)

    def __post_init__(self) -> None:
        self.base = Base.of(self.project)

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Document:
        """Read a project file (a one-line :class:`FileError` when pufu cannot)."""
        raw = read_bytes(path)
        return cls(Path(path), loads_project(path, raw), Stamp.of(raw))

    @classmethod
    def create(
        cls, path: str | os.PathLike[str], project: Project, *, force: bool = False, wait: float = DEFAULT_WAIT
    ) -> Document:
        """Write a new project file; refuses (atomically) to replace one unless ``force``."""
        doc = cls(Path(path), project, None)
        doc.save(force=force, wait=wait)
        return doc

    @classmethod
    def update(
        cls, path: str | os.PathLike[str], change: Callable[[Project], T], *, wait: float = DEFAULT_WAIT
    ) -> tuple[Document, T]:
        """Locked read-modify-write: read the file as it is now, apply ``change``, save.

        Another writer holding the lock is waited for (up to ``wait`` seconds, see
        :mod:`pufu.model.lock`); its work is then read and kept, and ``change`` applies on top.
        """
        with locked(path, wait):
            raw = read_bytes(path)
            project = loads_project(path, raw)
            result = change(project)
            data = dumps_project(project).encode("utf-8")
            if stamp_of(path) != Stamp.of(raw):  # a writer that does not lock (an old pufu)
                raise ConflictError(path, "err.file.changed_while")
            write_atomic(path, data)
        doc = cls(Path(path), project, Stamp.of(data))
        return doc, result

    # ------------------------------------------------------------------ saving

    def save(self, *, force: bool = False, wait: float = DEFAULT_WAIT) -> None:
        """Save under the lock (waiting up to ``wait`` seconds for another writer);
        :class:`ConflictError` when the file on disk is not the one read."""
        data = dumps_project(self.project).encode("utf-8")
        with locked(self.path, wait):
            if not force:
                current = stamp_of(self.path)
                if self.stamp is None and current is not None:
                    raise ConflictError(self.path, "err.file.exists")
                if self.stamp is not None and current != self.stamp:
                    raise ConflictError(
                        self.path, "err.file.removed_since" if current is None else "err.file.changed_since"
                    )
            write_atomic(self.path, data, exclusive=self.stamp is None and not force)
        self.stamp = Stamp.of(data)
        self.base = Base.of(self.project)

    # ------------------------------------------------------------------ changes on disk

    def changed_on_disk(self) -> bool:
        return stamp_of(self.path) != self.stamp

    def read_disk(self) -> tuple[Project, Stamp]:
        """The project as it is on disk now (for the changed-on-disk dialog)."""
        raw = read_bytes(self.path)
        return loads_project(self.path, raw), Stamp.of(raw)

    def reload(self) -> None:
        """Drop what is in memory and take the file as it is now."""
        project, stamp = self.read_disk()
        self.project, self.stamp = project, stamp
        self.base = Base.of(project)

    def adopt(self, project: Project, stamp: Stamp | None) -> None:
        """Go on from ``project`` as if it were the file at ``stamp`` (after a merge)."""
        self.project, self.stamp = project, stamp


# ---------------------------------------------------------------------- merging


def _common_phases(mine: list[PhaseData], disk: list[PhaseData]) -> int:
    """How many phases both hold; a phase amended on one side (pufu phase amend: the same
    chart, its amendments extended) is still the same phase."""
    count = 0
    for a, b in zip(mine, disk, strict=False):
        if a != b and not is_amendment(a, b) and not is_amendment(b, a):
            break
        count += 1
    return count


def merge_from_disk(mine: Project, disk: Project) -> Project:
    """The phases and notes from disk, with my title, my draft and what I added on top.

    Phases both share stay; phases recorded on disk (by another command) come next; phases I
    recorded follow, renumbered, with my notes on them. Notes are kept by id from both sides.
    """
    shared = _common_phases(mine.phases, disk.phases)
    phases = list(disk.phases)
    renumber: dict[int, int] = {}
    for phase in mine.phases[shared:]:
        number = len(phases) + 1
        renumber[phase.number] = number
        phases.append(phase.model_copy(update={"number": number}) if number != phase.number else phase)
    seen = {note.id for note in disk.notes}
    notes = list(disk.notes)
    for note in mine.notes:
        if note.id in seen:
            continue
        if note.phase > shared and note.phase not in renumber:
            continue  # a note on a phase of mine that is gone: cannot happen, but never guess
        number = renumber.get(note.phase, note.phase)
        notes.append(note.model_copy(update={"phase": number}) if number != note.phase else note)
    return Project(title=mine.title, draft=mine.draft.copy(), phases=phases, notes=notes)


@dataclass(frozen=True, slots=True)
class Losses:
    """What each answer of the changed-on-disk dialog would lose."""

    # each item: ("phase", number, title, date), ("note", phase, author, created),
    # ("draft", whose), ("title", text)
    overwrite: list[tuple[str, ...]]  # keeping mine only: what is on disk only
    reload: list[tuple[str, ...]]  # taking the disk only: what I changed since I opened the file
    merge: list[tuple[str, ...]]  # merging: the draft or title changed on disk (mine wins)


def losses(mine: Project, disk: Project, base: Base) -> Losses:
    """Compare my work, the file on disk and what I opened, in words a user can act on."""
    shared = _common_phases(mine.phases, disk.phases)
    overwrite = [_phase_words(phase) for phase in disk.phases[shared:]]
    overwrite += [_phase_words(b) for a, b in zip(mine.phases[:shared], disk.phases[:shared], strict=True) if is_amendment(a, b)]
    mine_notes = {note.id for note in mine.notes}
    overwrite += [_note_words(note) for note in disk.notes if note.id not in mine_notes]
    disk_draft = disk.draft.to_data()
    draft_changed_on_disk = disk_draft != base.draft and disk_draft != mine.draft.to_data()
    title_changed_on_disk = disk.title != base.title and disk.title != mine.title
    merge: list[tuple[str, ...]] = []
    if draft_changed_on_disk:
        merge.append(("draft", "disk"))
    if title_changed_on_disk:
        merge.append(("title", disk.title))
    overwrite += merge
    reload = [_phase_words(phase) for phase in mine.phases[shared:]]
    disk_notes = {note.id for note in disk.notes}
    reload += [_note_words(note) for note in mine.notes if note.id not in disk_notes]
    if mine.draft.to_data() != base.draft:
        reload.append(("draft", "mine"))
    if mine.title != base.title and mine.title != disk.title:
        reload.append(("title", mine.title))
    return Losses(overwrite, reload, merge)


def _phase_words(phase: PhaseData) -> tuple[str, ...]:
    return ("phase", str(phase.number), phase.title, phase.date)


def _note_words(note: NoteData) -> tuple[str, ...]:
    return ("note", str(note.phase), note.author, note.created[:16].replace("T", " "))




__all__ = ["Base", "Document", "FileError", "Losses", "losses", "merge_from_disk"]
