"""pufu phases PROJECT [N]: the recorded phases, one a line: number, title, date, what happened.

An amended phase (pufu phase amend) is marked at the end of its line. With N, phase N in full:
its title, date, what happened and amendments, then its parts, each with its short id, which
``pufu note --part`` takes (as it takes the start of a part's text).
"""

from __future__ import annotations

import argparse

from ...i18n import t
from ...model import Project
from ...model.partref import part_name, short_ids
from ...model.project import amendment_text
from ...model.texts import one_line
from ..common import open_project, out

ORDER = 50


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("phases", help="cmd.phases", description="about.phases")
    parser.add_argument("project")
    parser.add_argument("number", type=int, nargs="?", help="opt.phases.number")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    project, _ = open_project(args.project)
    if args.number is not None:
        show(project, args.number, args.lang)
        return 0
    for phase in project.phases:
        line = f"{phase.number}\t{one_line(phase.title)}\t{phase.date}\t{one_line(phase.happened)}"
        if phase.amendments:
            line += "\t" + t("phase.amended_mark", args.lang, n=len(phase.amendments))
        out(line)
    return 0


def show(project: Project, number: int, lang: str | None) -> None:
    """One phase: its heading lines, its amendments, then a line per part: short id, what, text."""
    phase = project.phase(number)
    out(f"{t('phase', lang)} {phase.number}\t{one_line(phase.title)}\t{phase.date}")
    if phase.happened:
        out(f"\t{one_line(phase.happened)}")
    for amendment in phase.amendments or ():
        out(t("phase.amendment", lang, when=amendment.when, change=amendment_text(amendment, lang)))
    out()
    out(t("phase.parts", lang))
    chart = project.phase_chart(number)
    short = short_ids(chart)
    for part in chart.parts():
        out(f"{short[part.id]}\t{part_name(chart, part, lang)}\t{one_line(part.text)}")
