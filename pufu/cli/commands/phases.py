"""pufu phases PROJECT: the recorded phases, one a line: number, title, date, what happened."""

from __future__ import annotations

import argparse

from ...model.texts import one_line
from ..common import open_project, out

ORDER = 50


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("phases", help="list the recorded phases", description=__doc__)
    parser.add_argument("project")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    project, _ = open_project(args.project)
    for phase in project.phases:
        out(f"{phase.number}\t{one_line(phase.title)}\t{phase.date}\t{one_line(phase.happened)}")
    return 0
