"""pufu import SRC -o PROJECT: read a pufu-editor chart or phase map into a new project.

A single chart becomes the draft and one recorded phase; a phase map (phase1..phaseN) becomes
N phases in numeric order, the last also the draft. 施策 with the same text under several
中間目的 become one 施策 linked to each.
"""

from __future__ import annotations

import argparse

from ...i18n import t
from ...interop.pufu_editor import import_file
from ...model.document import Document
from ...settings import current
from ..common import check_output_target, info, warn

ORDER = 30


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("import", help="cmd.import", description="about.import")
    parser.add_argument("source", help="opt.import.source")
    parser.add_argument("-o", "--output", required=True, help="opt.import.output")
    parser.add_argument("--title", help="opt.import.title")
    parser.add_argument("--force", action="store_true", help="opt.import.force")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    check_output_target(args.output, [args.source])
    imported = import_file(args.source)
    if args.title is not None:
        imported.project.title = args.title
    for message in imported.warnings:
        warn(f"{args.source}: {message}")
    Document.create(args.output, imported.project, force=args.force, wait=current().lock_wait)
    phases = len(imported.project.phases)
    info(t("cli.imported" if phases == 1 else "cli.imported_many", source=args.source, output=args.output, n=phases))
    return 0
