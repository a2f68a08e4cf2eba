"""pufu review PROJECT [--author NAME]: replay the phases (感想戦) in the terminal.

Opens on phase 1. ← / → step through the phases, each showing the sheet with what changed since
the previous phase marked (+ added, ~ changed, − removed) and what happened; d shows the full
diff; c compares any two phases (or the draft) side by side; n writes a review note (saved to the
project file at once); q leaves.
"""

from __future__ import annotations

import argparse

from ...i18n import default_lang
from ...model.errors import Text
from ..common import CommandError, open_project

ORDER = 61


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("review", help="cmd.review", description="about.review")
    parser.add_argument("project")
    parser.add_argument("--author", default="", help="opt.review.author")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    lang = args.lang or default_lang()
    project, stamp = open_project(args.project)
    if not project.phases:
        raise CommandError("err.file.at", place=args.project, message=Text("review.no_phases"))
    from ...tui.review import ReviewApp

    ReviewApp(project, args.project, stamp, lang=lang, author=args.author).run()
    return 0
