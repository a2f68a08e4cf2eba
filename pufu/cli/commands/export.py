"""pufu export PROJECT --format FORMAT [--phase N | --all-phases] [-o OUT]: write the chart out.

Formats: pufu-editor (JSON that pufu-editor imports; --all-phases writes a phase map), md
(Markdown, close to pufu-editor's own export), the diagrams svg, png, pdf and dot, and pptx
(a deck, one slide per phase: the chart as editable shapes and glued arrows, what happened,
and from the second phase on what changed; --picture puts a picture of each diagram instead).
Without --phase, the draft is exported (a deck: every phase, else the draft).
``-o -`` (the default for text formats) writes to standard output.

Diagrams: --size 16:9 | 4:3 | a4 | none (the canvas: a slide's shape and size, default 16:9;
a 16:9 PNG is 1920×1080), --dpi (PNG), --theme light | dark, --comments. With --all-phases,
one file per phase: ``-o`` names a stem (``-o out/plan`` writes out/plan-phase01.png, ...) or
an existing folder (files named after the project file); without ``-o``, beside the project.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator

from ...export.run import BINARY, DIAGRAMS, FORMATS, SIZES, Options, export, phase_paths
from ...i18n import t
from ..common import CommandError, info, open_project, warn

ORDER = 35
SIZE_CHOICES = SIZES
__all__ = ["phase_paths", "register", "run"]


@contextlib.contextmanager
def _progress(what: str) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on the terminal (only when standard error is one), fed ``(done, total)``."""
    if not sys.stderr.isatty():
        yield lambda done, total: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (TextColumn(f"{what}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(what, total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "export",
        help="cmd.export",
        description="about.export",
    )
    parser.add_argument("project")
    parser.add_argument("--format", "-f", required=True, choices=sorted(FORMATS), help="opt.export.format")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--phase", type=int, help="opt.export.phase")
    which.add_argument("--all-phases", action="store_true", help="opt.export.all_phases")
    parser.add_argument("-o", "--output", default="-", help="opt.export.output")
    parser.add_argument("--force", action="store_true", help="opt.export.force")
    diagram = parser.add_argument_group("opt.export.diagrams")
    diagram.add_argument("--size", choices=SIZE_CHOICES, help="opt.export.size")
    diagram.add_argument("--dpi", type=int, help="opt.export.dpi")
    diagram.add_argument("--theme", choices=("light", "dark"), help="opt.export.theme")
    diagram.add_argument("--comments", action="store_true", help="opt.export.comments")
    diagram.add_argument(
        "--picture",
        action="store_true",
        help="opt.export.picture",
    )
    diagram.add_argument(
        "--jobs", "-j", type=int, help="opt.export.jobs"
    )
    parser.set_defaults(func=run)


def _apply_settings(args: argparse.Namespace) -> None:
    """--size and --theme default to the settings' export_size and theme."""
    from ...settings import current

    settings = current()
    args.size = args.size or settings.export_size
    args.theme = args.theme or settings.theme


def run(args: argparse.Namespace) -> int:
    _apply_settings(args)
    project, _ = open_project(args.project)
    if args.lang is None:
        from ...i18n import default_lang

        args.lang = default_lang()
    if args.format in BINARY and args.output == "-" and not (args.all_phases and args.format in DIAGRAMS):
        if sys.stdout.isatty():
            raise CommandError("cli.export.not_terminal", format=args.format)
    options = Options(
        phase=args.phase,
        all_phases=args.all_phases,
        size=args.size,
        dpi=args.dpi,
        theme=args.theme,
        comments=args.comments,
        lang=args.lang,
        picture=args.picture,
        force=args.force,
        jobs=args.jobs,
    )
    with _progress(args.format) as progress:
        paths = export(
            project, args.format, options, args.output, source=args.project, progress=progress, warn=warn
        )
    if args.all_phases and args.format in DIAGRAMS:
        info(t("cli.export.wrote_many", n=len(paths), first=paths[0], last=paths[-1]) if len(paths) > 1 else t("cli.export.wrote", path=paths[0]))
    return 0
