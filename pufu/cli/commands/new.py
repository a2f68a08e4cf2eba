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
from ...templates import load_template
from ..common import info

ORDER = 10


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("new", help="create a new project file", description=__doc__)
    parser.add_argument("project", help="the file to create (suggested suffix: .pufu.json)")
    parser.add_argument("--template", "-t", metavar="NAME", help="start from a template (see: pufu templates)")
    parser.add_argument("--title", help="the project title (default: the template's, or none)")
    parser.add_argument(
        "--lang", choices=LANGS, default=argparse.SUPPRESS, help="language of the template (ja, en)"
    )
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.template:
        project = load_template(args.template, getattr(args, "lang", None) or default_lang())
    else:
        project = Project()
    if args.title is not None:
        project.title = args.title
    Document.create(args.project, project, force=args.force)
    remember(args.project)  # the first screen offers it next time
    made = t("cli.created_from", path=args.project, template=args.template) if args.template else t("cli.created", path=args.project)
    info(t("cli.new.next", made=made, command=f"pufu edit {shlex.quote(args.project)}"))
    return 0
