"""pufu new PROJECT [--title T]: create an empty project file."""

from __future__ import annotations

import argparse

from ...model import Project, save_project
from ..common import info

ORDER = 10


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("new", help="create a new project file", description=__doc__)
    parser.add_argument("project", help="the file to create (suggested suffix: .pufu.json)")
    parser.add_argument("--title", default="", help="the project title")
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    project = Project(title=args.title)
    save_project(project, args.project, None, force=args.force)
    info(f"created {args.project}")
    return 0
