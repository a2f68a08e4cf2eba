"""pufu edit PROJECT: open the editor on a project (offers to create the file when it is missing).

Keys: ? shows them all; ctrl+s saves; ctrl+q quits (asks when there are unsaved changes).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ...i18n import default_lang
from ...model import Project, save_project
from ...terminal import shown
from ..common import CommandError, info

ORDER = 5


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("edit", help="edit a project in the terminal", description=__doc__)
    parser.add_argument("project", help="the project file (suggested suffix: .pufu.json)")
    parser.add_argument("--create", action="store_true", help="create the file without asking when it is missing")
    parser.add_argument("--title", default="", help="the title of a project created here")
    parser.set_defaults(func=run)


def ask(question: str) -> bool:
    """A yes/no question on the terminal; yes is the default."""
    try:
        answer = input(f"{shown(question)} [Y/n] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("", "y", "yes", "はい")


def ensure_exists(path: Path, create: bool, title: str = "") -> None:
    if path.exists():
        return
    if not create:
        if not sys.stdin.isatty():
            raise CommandError(f"{path}: no such file; create it with: pufu edit --create {path}")
        if not ask(f"{path} does not exist. Create it?"):
            raise CommandError(f"{path}: not created")
    if not path.parent.exists():
        raise CommandError(f"{path}: folder {path.parent} does not exist")
    save_project(Project(title=title), path, None)
    info(f"created {path}")


def run(args: argparse.Namespace) -> int:
    path = Path(args.project)
    ensure_exists(path, args.create, args.title)
    from ...tui import run_editor

    return run_editor(path, lang=default_lang())
