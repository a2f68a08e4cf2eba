"""Undo and redo, in the model, so the CLI, the screen and the tests share them.

A :class:`Session` wraps a project being edited. Every change goes through
:meth:`Session.apply` (a chart operation by name) or :meth:`Session.set_title`; each records
the state it replaced, so undo restores it exactly. "Modified" is derived from the position in
the undo list at the last save, never kept as a separate flag.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, overload

from .chart import OPERATIONS, Adding, Changing, Chart, Removing
from .errors import ChartError
from .fileformat import ConflictData
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


class Session:
    """A project being edited, with its undo and redo lists."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._undo: list[Step] = []
        self._redo: list[Step] = []
        self._saved_at: int | None = 0
        self._unsaved_other = False

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

    def touch(self) -> None:
        """Note a change that is not undoable (a phase recorded, a note added)."""
        self._unsaved_other = True

    def undo(self) -> str | None:
        """Undo the last change; returns its label, or None when there is nothing to undo."""
        if not self._undo:
            return None
        step = self._undo.pop()
        self._redo.append(self._state(step.label))
        self._restore(step)
        return step.label

    def redo(self) -> str | None:
        """Redo the last undone change; returns its label, or None."""
        if not self._redo:
            return None
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
        self._saved_at = len(self._undo)
        self._unsaved_other = False

    # ------------------------------------------------------------------ helpers

    def _state(self, label: str) -> Step:
        return Step(label, self.project.title, self.project.draft.copy(), tuple(self.project.conflicts))

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
