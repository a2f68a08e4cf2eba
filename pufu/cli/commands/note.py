"""pufu note PROJECT --phase N [--part ID] --author NAME --kind KIND TEXT: a review note (感想).

A note attaches to a recorded phase, or to one part within it (by id, or by its exact text).
Kinds: good (went well), bad (went wrong), lesson, question. Notes are stored in the project
file beside the phases and never change a recorded phase. Several people can note the same
phase: a 感想戦 is done in pairs.
"""

from __future__ import annotations

import argparse

from ...i18n import default_lang, t
from ...model import NOTE_KINDS, Chart, Project, save_project
from ...model.texts import nfc
from ...settings import current
from ..common import CommandError, info, open_project

ORDER = 62


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("note", help="add a review note (感想) to a phase", description=__doc__)
    parser.add_argument("project")
    parser.add_argument("text", help="the note")
    parser.add_argument("--phase", type=int, required=True, help="the phase number")
    parser.add_argument("--part", help="a part of that phase, by id or by its exact text")
    parser.add_argument("--author", help="who writes it (default: author from the settings)")
    parser.add_argument("--kind", required=True, choices=NOTE_KINDS, help="good, bad, lesson or question")
    parser.set_defaults(func=run)


def default_author() -> str | None:
    """The author named in the settings, if any."""
    return current().author.strip() or None


def find_part(chart: Chart, phase: int, wanted: str, lang: str | None) -> str:
    """A part by id, else the one part whose text is exactly ``wanted``."""
    if wanted in chart:
        return wanted
    norm = " ".join(wanted.split())
    found = [part.id for part in chart.parts() if " ".join(part.text.split()) == norm and norm]
    if len(found) == 1:
        return found[0]
    if not found:
        raise CommandError(t("review.note.no_part", lang, phase=phase, part=wanted))
    raise CommandError(t("review.note.many_parts", lang, phase=phase, part=wanted, n=len(found)))


def add_note(project: Project, phase: int, author: str, kind: str, text: str, part: str | None, lang: str | None):
    """Add a note with its texts normalised to NFC; ``part`` may be an id or a text."""
    chart = project.phase_chart(project.phase(phase).number)
    part_id = find_part(chart, phase, nfc(part), lang) if part else None
    return project.add_note(phase, nfc(author), kind, nfc(text), part=part_id)


def run(args: argparse.Namespace) -> int:
    lang = args.lang or default_lang()
    if args.part is not None and not args.part.strip():
        raise CommandError(t("cli.empty_part", lang))
    author = args.author or default_author()
    if not author:
        raise CommandError(t("review.note.need_author", lang))
    project, stamp = open_project(args.project)
    note = add_note(project, args.phase, author, args.kind, args.text, args.part, lang)
    save_project(project, args.project, stamp)
    info(t("review.note.saved", lang, phase=note.phase, author=note.author, kind=t(f"review.note.{note.kind}", lang)))
    return 0
