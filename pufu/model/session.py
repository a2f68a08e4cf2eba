"""Undo and redo, in the model, so the CLI, the screen and the tests share them.

A :class:`Session` wraps a project being edited. Every change goes through
:meth:`Session.apply` (a chart operation by name), :meth:`Session.set_title` or
:meth:`Session.record_phase`; each records the state it replaced, so undo restores it exactly.
A phase recorded in the session can be undone (and redone) until the file is saved; from then
on it is frozen, and no undo removes it. "Modified" is derived from the position in
the undo list at the last save, never kept as a separate flag.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, overload

from .chart import OPERATIONS, Adding, Changing, Chart, Removing
from .errors import ChartError
from .fileformat import ConflictData, PhaseData
from .project import Project

#: How many steps of undo a session keeps.
UNDO_LIMIT = 500


@dataclass(frozen=True, slots=True)
class Step:
    """One undoable change: what it was called and the state it replaced."""

    label: str
    title: str
    draft: Chart
    conflicts: tuple[ConflictData, ...] = ()
    phases: tuple[PhaseData, ...] = ()


@dataclass(frozen=True, slots=True)
class Mark:
    """Where a session's undo and redo stood (see :meth:`Session.take_back`)."""

    top: Step | None
    redo: tuple[Step, ...]
    saved_at: int | None


class Session:
    """A project being edited, with its undo and redo lists."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._undo: list[Step] = []
        self._redo: list[Step] = []
        self._saved_at: int | None = 0
        self._unsaved_other = False
        self._frozen = len(project.phases)  # phases in the file: no undo removes them

    @property
    def chart(self) -> Chart:
        """The draft being edited."""
        return self.project.draft

    # ------------------------------------------------------------------ changes

    @overload
    def apply(self, operation: Adding, /, *args: Any, **kwargs: Any) -> str: ...
    @overload
    def apply(self, operation: Removing, /, *args: Any, **kwargs: Any) -> list[str]: ...
    @overload
    def apply(self, operation: Changing, /, *args: Any, **kwargs: Any) -> None: ...
    @overload
    def apply(self, operation: str, /, *args: Any, **kwargs: Any) -> str | list[str] | None: ...

    def apply(self, operation: str, /, *args: Any, **kwargs: Any) -> str | list[str] | None:
        """Run a chart operation (see :data:`~pufu.model.chart.OPERATIONS`) as one undoable step;
        it returns what the operation returns (a new part's id, the ids removed, or None)."""
        if operation not in OPERATIONS:
            raise ChartError("err.session.unknown_operation", operation=operation)
        before = self._state(operation)
        try:
            result: str | list[str] | None = getattr(self.project.draft, operation)(*args, **kwargs)
        except BaseException:
            self.project.draft = before.draft  # operations check first, but be sure
            raise
        self._settle_edited(before)
        self._push(before)
        return result

    def resolve_conflict(self, conflict_id: str, take: str | None = None, value: Any = None) -> None:
        """Settle a merge conflict (take ``ours``/``theirs``, or set ``value``) as one undoable step."""
        from .merge import MISSING, resolve

        before = self._state("resolve_conflict")
        resolve(self.project, conflict_id, take, MISSING if take is not None else value)  # type: ignore[arg-type]
        self._push(before)

    def _settle_edited(self, before: Step) -> None:
        """A conflicted field the user has just set is settled: its conflict entry goes."""
        if not self.project.conflicts:
            return
        from .merge import edited

        self.project.conflicts = [
            c for c in self.project.conflicts if not edited(c, before.draft, self.project.draft)
        ]

    def set_title(self, title: str) -> None:
        """Set the project title, as one undoable step."""
        if not isinstance(title, str):
            raise ChartError("err.session.title_string")
        before = self._state("set_title")
        self.project.title = title
        if title != before.title:
            self.project.conflicts = [c for c in self.project.conflicts if c.where.kind != "title"]
        self._push(before)

    def record_phase(self, title: str = "", happened: str = "", date: str | None = None) -> PhaseData:
        """Record the draft as the next phase (:meth:`Project.snapshot`), as one undoable step:
        undo removes the phase again, redo restores it, until the file is saved."""
        before = self._state("record_phase")
        phase = self.project.snapshot(title=title, happened=happened, date=date)
        self._push(before)
        return phase
    def mark(self) -> Mark:
        """Where undo and redo stand now, for :meth:`take_back`."""
        return Mark(self._undo[-1] if self._undo else None, tuple(self._redo), self._saved_at)

    def take_back(self, mark: Mark) -> None:
        """Undo back to ``mark`` as if the changes since had never been made: they cannot be
        redone, and what could be redone at the mark can be again (a part added, then cancelled)."""
        while self._undo and self._undo[-1] is not mark.top:
            self._restore(self._undo.pop())
        self._redo = list(mark.redo)
        self._saved_at = mark.saved_at

    def touch(self) -> None:
        """Note a change that is not undoable (a note added, a merge)."""
        self._unsaved_other = True

    def undo(self) -> str | None:
        """Undo the last change; returns its label, or None when there is nothing to undo.
        Raises :class:`ChartError`, changing nothing, when it would remove a phase that
        review notes refer to."""
        if not self._undo:
            return None
        self._check_notes(self._undo[-1])
        step = self._undo.pop()
        self._redo.append(self._state(step.label))
        self._restore(step)
        return step.label

    def redo(self) -> str | None:
        """Redo the last undone change; returns its label, or None."""
        if not self._redo:
            return None
        self._check_notes(self._redo[-1])
        step = self._redo.pop()
        self._undo.append(self._state(step.label))
        self._restore(step)
        return step.label

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_label(self) -> str | None:
        return self._undo[-1].label if self._undo else None

    @property
    def redo_label(self) -> str | None:
        return self._redo[-1].label if self._redo else None

    # ------------------------------------------------------------------ saving

    @property
    def modified(self) -> bool:
        """Whether anything changed since the last save (undoing back to it counts as clean)."""
        return self._unsaved_other or self._saved_at != len(self._undo)

    def mark_saved(self) -> None:
        # the phases recorded are in the file now, frozen: their steps leave the undo list, so
        # the next undo undoes the edit before them rather than nothing
        self._undo = [step for step in self._undo if step.label != "record_phase"]
        self._saved_at = len(self._undo)
        self._unsaved_other = False
        self._frozen = len(self.project.phases)  # saved phases are frozen: undo keeps them

    # ------------------------------------------------------------------ helpers

    def _state(self, label: str) -> Step:
        return Step(
            label,
            self.project.title,
            self.project.draft.copy(),
            tuple(self.project.conflicts),
            tuple(self.project.phases),
        )

    def _phases_of(self, step: Step) -> list[PhaseData]:
        """The phases after restoring ``step``: the saved ones stay, whatever the step held."""
        kept = self.project.phases[: self._frozen]
        return [*kept, *step.phases[len(kept) :]]

    def _check_notes(self, step: Step) -> None:
        phases = self._phases_of(step)
        gone = [n.phase for n in self.project.notes if n.phase > len(phases)]
        if gone:
            raise ChartError("phase.has_notes", number=min(gone))

    def _push(self, before: Step) -> None:
        if self._saved_at is not None and self._saved_at > len(self._undo):
            self._saved_at = None  # the saved state is on the redo branch we are dropping
        self._undo.append(before)
        self._redo.clear()
        if len(self._undo) > UNDO_LIMIT:
            del self._undo[0]
            if self._saved_at is not None:
                self._saved_at = self._saved_at - 1 if self._saved_at > 0 else None

    def _restore(self, step: Step) -> None:
        self.project.title = step.title
        self.project.draft = step.draft
        self.project.conflicts = list(step.conflicts)
        if len(step.phases) != len(self.project.phases):  # in a session, phases are only appended
            phases = self._phases_of(step)
            if phases != self.project.phases:
                self.project.phases = phases
                self.project.forget_charts(len(phases))
