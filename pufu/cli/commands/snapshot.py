"""pufu snapshot PROJECT --title T [--note TEXT] [--date YYYY-MM-DD]: record the draft as the next phase.

Recorded phases never change (a mistyped title, date or note is corrected, on the record, with
pufu phase amend); the draft stays as it is for you to go on editing. A date before the
previous phase's is recorded with a warning.
"""

from __future__ import annotations

import argparse

from ...i18n import t
from ...model.document import Document
from ...model.fileformat import PhaseData
from ...model.project import Project
from ...settings import current
from ..common import CommandError, info, warn

ORDER = 40


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("snapshot", help="cmd.snapshot", description="about.snapshot")
    parser.add_argument("project")
    parser.add_argument("--title", required=True, help="opt.snapshot.title")
    parser.add_argument("--note", default="", help="opt.snapshot.note")
    parser.add_argument("--date", help="opt.snapshot.date")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not args.title.strip():
        raise CommandError("cli.empty_title")
    # under the file's lock, on the file as it is now: a phase or note another command is
    # saving at this moment is kept, and this phase is recorded after it
    def record(project: Project) -> tuple[PhaseData, list[str]]:
        phase = project.snapshot(title=args.title, happened=args.note, date=args.date)
        return phase, project.date_warnings(phase.number, args.lang)  # out of order: said, not refused

    _, (phase, warnings) = Document.update(args.project, record, wait=current().lock_wait)
    info(t("cli.snapshot.recorded", number=phase.number, title=phase.title, date=phase.date))
    for line in warnings:
        warn(line)
    return 0
