"""What git shows of a project: pufu's diff of two versions, and one version as readable text.

Used by ``pufu git diff-driver`` (``git diff``) and ``pufu git textconv`` (``git log -p``,
``git show``); both are thin layers over :func:`pufu.model.diff.diff` and ``pufu diff``'s text.
"""

from __future__ import annotations

from ..i18n import t
from ..model import Chart, Project
from ..model.diff import diff
from ..model.merge import conflict_findings
from ..model.project import is_amendment
from .commands.diff import render_text


def _painter(color: bool):  # noqa: ANN202 - a tiny closure
    def paint(code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if color else text

    return paint


def _one_line(text: str) -> str:
    return " ".join(text.split())


def render_project_diff(old: Project | None, new: Project | None, lang: str | None, color: bool) -> str:
    """The changes from ``old`` to ``new`` (None: the file was added or deleted)."""
    paint = _painter(color)
    lines: list[str] = []
    if old is None:
        lines.append(paint("32", t("git.diff.added_file", lang)))
    if new is None:
        lines.append(paint("31", t("git.diff.deleted_file", lang)))
        return "\n".join(lines) + "\n"
    if old is not None and old.title != new.title:
        lines.append(
            paint("33", t("git.diff.title", lang, before=_one_line(old.title), after=_one_line(new.title)))
        )
    old_phases = old.phases if old is not None else []
    amended = {
        index for index, phase in enumerate(new.phases[: len(old_phases)]) if is_amendment(old_phases[index], phase)
    }
    for index in sorted(amended):
        before, phase = old_phases[index], new.phases[index]
        changes = "; ".join(
            t("phase.change", lang, field=t(f"phase.field.{a.field}", lang), old=_one_line(a.old), new=_one_line(a.new))
            for a in (phase.amendments or [])[len(before.amendments or []) :]
        )
        lines.append(paint("33", t("git.diff.phase_amended", lang, number=phase.number, changes=changes)))
    for index, phase in enumerate(new.phases):
        if index in amended:
            continue
        if index >= len(old_phases) or old_phases[index] != phase:
            lines.append(
                paint("32", t("git.diff.phase_added", lang, number=phase.number, title=_one_line(phase.title), date=phase.date))
            )
    for index, phase in enumerate(old_phases):
        if index in amended:
            continue
        if index >= len(new.phases) or new.phases[index] != phase:
            lines.append(
                paint("31", t("git.diff.phase_removed", lang, number=phase.number, title=_one_line(phase.title), date=phase.date))
            )
    old_notes = {note.id for note in old.notes} if old is not None else set()
    new_notes = {note.id for note in new.notes}
    for note, key, code in [
        *((n, "git.diff.note_added", "32") for n in new.notes if n.id not in old_notes),
        *((n, "git.diff.note_removed", "31") for n in (old.notes if old else []) if n.id not in new_notes),
    ]:
        kind = t(f"review.note.{note.kind}", lang)
        lines.append(
            paint(code, t(key, lang, phase=note.phase, kind=kind, author=_one_line(note.author), text=_one_line(note.text)))
        )
    if new.conflicts:
        lines.append(paint("1;35", t("git.diff.conflicts", lang, n=len(new.conflicts))))
        lines += [paint("35", f"   {f.message(lang)}") for f in conflict_findings(new)]
    d = diff(old.draft if old is not None else Chart(), new.draft)
    if d or not lines:
        count = t("review.diff.count", lang, n=len(d)) if d else t("review.diff.none", lang)
        body = render_text(d, "draft", "draft", lang, color).split("\n", 1)[1]
        if lines:
            lines.append("")
        lines.append(f"{paint('1', t('git.diff.draft', lang))}  ({count})" + ("\n" + body if body else ""))
    return "\n".join(lines).rstrip("\n") + "\n"


def plain_description(path: str, old_hex: str, new_hex: str, old_file: str, new_file: str) -> str:
    """What is left to say of a side pufu cannot read: which blobs changed, and their sizes."""

    def size(file: str) -> str:
        try:
            from pathlib import Path

            return f"{Path(file).stat().st_size} bytes"
        except OSError:
            return "-"

    return f"a/{path} {old_hex[:9]} ({size(old_file)}) → b/{path} {new_hex[:9]} ({size(new_file)})"
