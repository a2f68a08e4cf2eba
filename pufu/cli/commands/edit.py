"""pufu edit PROJECT: open the editor on a project (offers to create the file when it is missing).

Keys: ? shows them all; ctrl+s saves; ctrl+q quits (asks when there are unsaved changes).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ...i18n import default_lang, t
from ...model import Project
from ...model.document import Document
from ...settings import current
from ...terminal import shown
from ..common import CommandError, info

ORDER = 5


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("edit", help="cmd.edit", description="about.edit")
    parser.add_argument("project", help="opt.edit.project")
    parser.add_argument("--create", action="store_true", help="opt.edit.create")
    parser.add_argument("--title", default="", help="opt.edit.title")
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
            raise CommandError("cli.edit.no_file", path=path)
        if not ask(t("cli.edit.create_ask", path=path)):
            raise CommandError("cli.edit.not_created", path=path)
    if not path.parent.exists():
        raise CommandError("cli.edit.no_folder", path=path, folder=path.parent)
    Document.create(path, Project(title=title), wait=current().lock_wait)
    info(t("cli.created", path=path))


def run(args: argparse.Namespace) -> int:
    path = Path(args.project)
    ensure_exists(path, args.create, args.title)
    from ...tui import run_editor

    return run_editor(path, lang=default_lang())
