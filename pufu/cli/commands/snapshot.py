"""pufu snapshot PROJECT --title T [--note TEXT] [--date YYYY-MM-DD]: record the draft as the next phase.

Recorded phases never change; the draft stays as it is for you to go on editing.
"""

from __future__ import annotations

import argparse

from ...i18n import t
from ...model import save_project
from ..common import CommandError, info, open_project

ORDER = 40


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("snapshot", help="record the draft as the next phase (局面)", description=__doc__)
    parser.add_argument("project")
    parser.add_argument("--title", required=True, help="the phase title")
    parser.add_argument("--note", default="", help="what happened since the previous phase")
    parser.add_argument("--date", help="the phase date, YYYY-MM-DD (default: today)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not args.title.strip():
        raise CommandError(t("cli.empty_title", args.lang))
    project, stamp = open_project(args.project)
    phase = project.snapshot(title=args.title, happened=args.note, date=args.date)
    save_project(project, args.project, stamp)
    info(f"recorded phase {phase.number}: {phase.title} ({phase.date})")
    return 0
