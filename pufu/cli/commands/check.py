"""pufu check PROJECT [--phase N]: errors and warnings on the draft (or a phase).

Exit code 1 when an error is found, 0 when there are only warnings or nothing.
"""

from __future__ import annotations

import argparse

from ...i18n import t
from ...model import check
from ..common import EXIT_CHECK_ERRORS, open_project, out

ORDER = 20


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("check", help="check a project's draft for errors and warnings", description=__doc__)
    parser.add_argument("project")
    parser.add_argument("--phase", type=int, help="check a recorded phase instead of the draft")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    project, _ = open_project(args.project)
    chart = project.phase_chart(args.phase) if args.phase is not None else project.draft  # 0: no phase
    findings = check(chart)
    for finding in findings:
        out(f"{args.project}: {t('level.' + finding.level)}: {finding.message()} [{finding.part}]")
    errors = sum(f.level == "error" for f in findings)
    warnings = len(findings) - errors
    out(t("check.summary", errors=errors, warnings=warnings) if findings else t("check.ok"))
    return EXIT_CHECK_ERRORS if errors else 0
