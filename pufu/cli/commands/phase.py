"""pufu phase amend PROJECT N [--title T] [--date YYYY-MM-DD] [--note TEXT]: correct a recorded phase.

A phase's chart never changes once recorded; a mistyped title, date or "what happened" (--note,
as in pufu snapshot) can be corrected. Each correction is recorded in the phase (when, the
field, old → new), and pufu phases marks an amended phase.

    pufu phase amend plan.pufu.json 2 --title "2月の感想戦" --date 2026-02-28
"""

from __future__ import annotations

import argparse

from ...i18n import t
from ...model.document import Document
from ...model.project import Project, amendment_text
from ...model.texts import nfc
from ...settings import current
from ..common import info, warn

ORDER = 51


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "phase",
        help="cmd.phase",
        description="about.phase",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    amend = actions.add_parser("amend", help="cmd.phase.amend")
    amend.add_argument("project")
    amend.add_argument("number", type=int, help="opt.phase.number")
    amend.add_argument("--title", help="opt.phase.title")
    amend.add_argument("--date", help="opt.phase.date")
    amend.add_argument("--note", help="opt.phase.note")
    amend.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    title = nfc(args.title) if args.title is not None else None
    happened = nfc(args.note) if args.note is not None else None

    def amend(project: Project) -> tuple[list, list[str]]:
        made = project.amend_phase(args.number, title=title, date=args.date, happened=happened)
        return made, project.date_warnings(args.number, args.lang) if args.date is not None else []

    # locked, on the file as it is now (see pufu snapshot)
    _, (made, warnings) = Document.update(args.project, amend, wait=current().lock_wait)
    if not made:
        info(t("phase.unchanged", args.lang, number=args.number))
    else:
        what = "; ".join(amendment_text(a, args.lang) for a in made)
        info(t("phase.amended", args.lang, number=args.number, what=what))
    for line in warnings:
        warn(line)
    return 0
