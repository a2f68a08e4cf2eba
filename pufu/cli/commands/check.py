"""pufu check PROJECT [--phase N]: errors and warnings on the draft (or a phase).

Conflicts left by a git merge (``pufu git``) are errors, one per conflict, naming the part.
Exit code 1 when an error is found, 0 when there are only warnings or nothing.

Checking the draft reads the whole file as strictly as every command does (UTF-8, JSON, no key
written twice, the format, numbered phases, notes on phases that exist) but not the recorded
phases' charts, most of a big project: ``--phase N`` checks one, and every command that reads
them refuses a broken one.
"""

from __future__ import annotations

import argparse

from ...i18n import t
from ...model import check
from ...model.merge import conflict_findings
from ...model.store import load_draft
from ..common import EXIT_CHECK_ERRORS, open_project, out

ORDER = 20


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("check", help="cmd.check", description="about.check")
    parser.add_argument("project")
    parser.add_argument("--phase", type=int, help="opt.check.phase")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.phase is None:  # the draft: the phases' charts are not validated (a third of the time)
        project, _ = load_draft(args.project)
    else:
        project, _ = open_project(args.project)
    chart = project.phase_chart(args.phase) if args.phase is not None else project.draft  # 0: no phase
    findings: list = [] if args.phase is not None else conflict_findings(project)  # left by a git merge
    findings += check(chart)
    for finding in findings:
        out(f"{args.project}: {t('level.' + finding.level)}: {finding.message()} [{finding.part}]")
    errors = sum(f.level == "error" for f in findings)
    warnings = len(findings) - errors
    out(t("check.summary", errors=errors, warnings=warnings) if findings else t("check.ok"))
    return EXIT_CHECK_ERRORS if errors else 0
