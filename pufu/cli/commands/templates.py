"""pufu templates [--lang en]: the bundled templates, one a line: name, a tab, a description.

Start a project from one with: pufu new PROJECT --template NAME
"""

from __future__ import annotations

import argparse

from ...i18n import LANGS
from ...templates import list_templates
from ..common import out

ORDER = 12


def one_line(text: str) -> str:
    return " ".join(text.split())


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("templates", help="cmd.templates", description="about.templates")
    parser.add_argument(
        "--lang", choices=LANGS, default=argparse.SUPPRESS, help="opt.templates.lang"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    for info in list_templates(getattr(args, "lang", None)):
        out(f"{info.name}\t{one_line(info.description)}")
    return 0
