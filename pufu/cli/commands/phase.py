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
from ...model.project import Project
from ...model.texts import nfc, one_line
from ..common import info, warn

ORDER = 51


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "phase",
        help="amend a recorded phase's title, date or what happened",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    amend = actions.add_parser("amend", help="correct a phase's title, date or what happened (recorded in the phase)")
    amend.add_argument("project")
    amend.add_argument("number", type=int, help="the phase number (pufu phases lists them)")
    amend.add_argument("--title", help="the corrected title")
    amend.add_argument("--date", help="the corrected date, YYYY-MM-DD")
    amend.add_argument("--note", help="the corrected text of what happened since the previous phase")
    amend.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    title = nfc(args.title) if args.title is not None else None
    happened = nfc(args.note) if args.note is not None else None

    def amend(project: Project) -> tuple[list, list[str]]:
        made = project.amend_phase(args.number, title=title, date=args.date, happened=happened)
        return made, project.date_warnings(args.number, args.lang) if args.date is not None else []

    # locked, on the file as it is now (see pufu snapshot)
    _, (made, warnings) = Document.update(args.project, amend)
    if not made:
        info(t("phase.unchanged", args.lang, number=args.number))
    else:
        what = "; ".join(
            t("phase.change", args.lang, field=t(f"phase.field.{a.field}", args.lang), old=one_line(a.old), new=one_line(a.new))
            for a in made
        )
        info(t("phase.amended", args.lang, number=args.number, what=what))
    for line in warnings:
        warn(line)
    return 0
