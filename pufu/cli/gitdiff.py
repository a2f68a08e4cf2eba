"""What git shows of a project: pufu's diff of two versions, and one version as readable text.

Used by ``pufu git diff-driver`` (``git diff``) and ``pufu git textconv`` (``git log -p``,
``git show``); both are thin layers over :func:`pufu.model.diff.diff`. The changes are the rows
of :mod:`pufu.diffview` (the presentation ``pufu diff`` and the review screen share), coloured
from :data:`pufu.palette.TERMINAL_INK` and printed through Rich when git colours its diff.
"""

from __future__ import annotations

from rich.text import Text

from ..diffview import Row, comparison_rows, row
from ..i18n import t
from ..model import Chart, Project
from ..model.diff import diff
from ..model.merge import conflict_findings
from ..model.project import amendment_text, is_amendment
from ..palette import TERMINAL_INK, Ink
from ..terminal import shown


def _one_line(text: str) -> str:
    return " ".join(text.split())


def project_rows(old: Project | None, new: Project | None, lang: str | None, ink: Ink = TERMINAL_INK) -> list[Row]:
    """The changes from ``old`` to ``new`` (None: the file was added or deleted)."""
    added, removed, changed = ink.mark["added"], ink.mark["removed"], ink.mark["changed"]
    rows: list[Row] = []
    if old is None:
        rows.append(row(t("git.diff.added_file", lang), added))
    if new is None:
        rows.append(row(t("git.diff.deleted_file", lang), removed))
        return rows
    if old is not None and old.title != new.title:
        rows.append(row(t("git.diff.title", lang, before=_one_line(old.title), after=_one_line(new.title)), changed))
    old_phases = old.phases if old is not None else []
    amended = {
        index for index, phase in enumerate(new.phases[: len(old_phases)]) if is_amendment(old_phases[index], phase)
    }
    for index in sorted(amended):
        before, phase = old_phases[index], new.phases[index]
        changes = "; ".join(
            amendment_text(a, lang, _one_line) for a in (phase.amendments or [])[len(before.amendments or []) :]
        )
        rows.append(row(t("git.diff.phase_amended", lang, number=phase.number, changes=changes), changed))
    for index, phase in enumerate(new.phases):
        if index in amended:
            continue
        if index >= len(old_phases) or old_phases[index] != phase:
            text = t("git.diff.phase_added", lang, number=phase.number, title=_one_line(phase.title), date=phase.date)
            rows.append(row(text, added))
    for index, phase in enumerate(old_phases):
        if index in amended:
            continue
        if index >= len(new.phases) or new.phases[index] != phase:
            text = t("git.diff.phase_removed", lang, number=phase.number, title=_one_line(phase.title), date=phase.date)
            rows.append(row(text, removed))
    old_notes = {note.id for note in old.notes} if old is not None else set()
    new_notes = {note.id for note in new.notes}
    for note, key, style in [
        *((n, "git.diff.note_added", added) for n in new.notes if n.id not in old_notes),
        *((n, "git.diff.note_removed", removed) for n in (old.notes if old else []) if n.id not in new_notes),
    ]:
        kind = t(f"review.note.{note.kind}", lang)
        text = t(key, lang, phase=note.phase, kind=kind, author=_one_line(note.author), text=_one_line(note.text))
        rows.append(row(text, style))
    if new.conflicts:
        rows.append(row(t("git.diff.conflicts", lang, n=len(new.conflicts)), f"bold {ink.decisive}"))
        rows += [row(f"   {f.message(lang)}", ink.decisive) for f in conflict_findings(new)]
    d = diff(old.draft if old is not None else Chart(), new.draft)
    if d or not rows:
        count = t("review.diff.count", lang, n=len(d)) if d else t("review.diff.none", lang)
        if rows:
            rows.append(row(""))
        rows.append((Text(), Text.assemble((shown(t("git.diff.draft", lang)), "bold"), shown(f"  ({count})"))))
        rows += comparison_rows(d, "draft", "draft", lang, ink)[1:]
    return rows


def plain_description(path: str, old_hex: str, new_hex: str, old_file: str, new_file: str) -> str:
    """What is left to say of a side pufu cannot read: which blobs changed, and their sizes."""

    def size(file: str) -> str:
        try:
            from pathlib import Path

            return f"{Path(file).stat().st_size} bytes"
        except OSError:
            return "-"

    return f"a/{path} {old_hex[:9]} ({size(old_file)}) → b/{path} {new_hex[:9]} ({size(new_file)})"
