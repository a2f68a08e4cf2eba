"""pufu new PROJECT [--template NAME] [--title T]: create a project file.

Without --template the sheet is empty. With one (see: pufu templates), the project starts as
a complete sheet to adapt; the template's language follows --lang (or your settings).
"""

from __future__ import annotations

import argparse
import shlex

from ...i18n import LANGS, default_lang, t
from ...model import Project
from ...model.document import Document
from ...recent import remember
from ...settings import current
from ...templates import load_template
from ..common import info

ORDER = 10


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("new", help="cmd.new", description="about.new")
    parser.add_argument("project", help="opt.new.project")
    parser.add_argument("--template", "-t", metavar="NAME", help="opt.new.template")
    parser.add_argument("--title", help="opt.new.title")
    parser.add_argument(
        "--lang", choices=LANGS, default=argparse.SUPPRESS, help="opt.new.lang"
    )
    parser.add_argument("--force", action="store_true", help="opt.new.force")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.template:
        project = load_template(args.template, getattr(args, "lang", None) or default_lang())
    else:
        project = Project()
    if args.title is not None:
        project.title = args.title
    Document.create(args.project, project, force=args.force, wait=current().lock_wait)
    remember(args.project)  # the first screen offers it next time
    made = t("cli.created_from", path=args.project, template=args.template) if args.template else t("cli.created", path=args.project)
    info(t("cli.new.next", made=made, command=f"pufu edit {shlex.quote(args.project)}"))
    return 0
