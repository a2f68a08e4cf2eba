"""pufu note PROJECT --phase N [--part ID] --author NAME --kind KIND TEXT: a review note (感想).

A note attaches to a recorded phase, or to one part within it: --part takes its id, the start
of its id (``pufu phases PROJECT N`` lists the parts with their short ids), or the start of its
text, as long as it names one part.
Kinds: good (went well), bad (went wrong), lesson, question. Notes are stored in the project
file beside the phases and never change a recorded phase. Several people can note the same
phase: a 感想戦 is done in pairs.
"""

from __future__ import annotations

import argparse

from ...i18n import default_lang, t
from ...model import NOTE_KINDS, Project
from ...model.document import Document
from ...model.partref import find_part
from ...model.texts import nfc
from ...settings import current
from ..common import CommandError, info

ORDER = 62


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("note", help="cmd.note", description="about.note")
    parser.add_argument("project")
    parser.add_argument("text", help="opt.note.text")
    parser.add_argument("--phase", type=int, required=True, help="opt.note.phase")
    parser.add_argument("--part", help="opt.note.part")
    parser.add_argument("--author", help="opt.note.author")
    parser.add_argument("--kind", required=True, choices=NOTE_KINDS, help="opt.note.kind")
    parser.set_defaults(func=run)


def default_author() -> str | None:
    """The author named in the settings, if any."""
    return current().author.strip() or None


def add_note(project: Project, phase: int, author: str, kind: str, text: str, part: str | None, lang: str | None):
    """Add a note with its texts normalised to NFC; ``part`` may be an id, the start of an id
    or the start of a text (:func:`pufu.model.partref.find_part`)."""
    chart = project.phase_chart(project.phase(phase).number)
    part_id = find_part(chart, nfc(part), phase, lang) if part else None
    return project.add_note(phase, nfc(author), kind, nfc(text), part=part_id)


def run(args: argparse.Namespace) -> int:
    lang = args.lang or default_lang()
    if args.part is not None and not args.part.strip():
        raise CommandError("cli.empty_part")
    author = args.author or default_author()
    if not author:
        raise CommandError("review.note.need_author")
    _, note = Document.update(  # locked, on the file as it is now (see pufu snapshot)
        args.project, lambda project: add_note(project, args.phase, author, args.kind, args.text, args.part, lang),
        wait=current().lock_wait,
    )
    info(t("review.note.saved", lang, phase=note.phase, author=note.author, kind=t(f"review.note.{note.kind}", lang)))
    return 0
