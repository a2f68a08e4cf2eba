"""pufu export PROJECT --format FORMAT [--phase N | --all-phases] [-o OUT]: write the chart out.

Formats: pufu-editor (JSON that pufu-editor imports; --all-phases writes a phase map), md
(Markdown, close to pufu-editor's own export), the diagrams svg, png, pdf and dot, and pptx
(a deck, one slide per phase). Without --phase, the draft is exported (a deck: every phase).
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
from pathlib import Path

from ...export.markdown import chart_markdown
from ...i18n import t
from ...interop import pufu_editor
from ...model import FileError, Project
from ..common import CommandError, check_output_target, info, open_project, warn, write_output

ORDER = 35

Writer = Callable[[Project, argparse.Namespace], str | bytes]


def _editor(project: Project, args: argparse.Namespace) -> str:
    if args.all_phases:
        if not project.phases:
            raise CommandError(f"{args.project}: no phase is recorded yet; export the draft without --all-phases")
        data = pufu_editor.export_phase_map(project)
        charts = [project.phase_chart(n) for n in range(1, len(project.phases) + 1)]
        numbers = list(range(1, len(project.phases) + 1))
    else:
        chart = project.phase_chart(args.phase) if args.phase else project.draft
        data = pufu_editor.chart_to_editor(chart)
        charts = [chart]
        numbers = [args.phase] if args.phase else []
    lost = pufu_editor.lost_in_export(project, numbers)
    if lost:
        warn(f"pufu-editor cannot hold {', '.join(lost)}; they stay in {args.project} only")
    for chart in charts:
        for message in pufu_editor.ambiguities(chart):
            warn(message)
    return pufu_editor.dumps_editor(data)


def _markdown(project: Project, args: argparse.Namespace) -> str:
    if not args.all_phases:
        chart = project.phase_chart(args.phase) if args.phase else project.draft
        return chart_markdown(chart, args.lang)
    if not project.phases:
        raise CommandError(f"{args.project}: no phase is recorded yet; export the draft without --all-phases")
    from ...export.markdown import md_text

    parts = [f"# {md_text(project.title or t('untitled', args.lang))}\n"]
    for phase in project.phases:
        heading = f"## {t('phase', args.lang)} {phase.number}: {md_text(phase.title)} ({phase.date})"
        parts.append(heading + "\n")
        if phase.happened:
            parts.append(md_text(phase.happened) + "\n")
        parts.append(chart_markdown(project.phase_chart(phase.number), args.lang))
    return "\n".join(parts)


def _diagram_options(args: argparse.Namespace) -> dict:
    return {"theme": args.theme, "comments": args.comments, "lang": args.lang}


def _size(args: argparse.Namespace) -> str | None:
    return None if args.size == "none" else args.size


def _diagram(project: Project, args: argparse.Namespace) -> bytes:
    from ...export.diagram import Header, render

    chart = project.phase_chart(args.phase) if args.phase else project.draft
    header = Header.of(project, args.phase)
    return render(chart, args.format, size=_size(args), dpi=args.dpi, header=header, **_diagram_options(args))


def _deck(project: Project, args: argparse.Namespace) -> bytes:
    from ...export.deck import build_deck

    phases = [args.phase] if args.phase else None
    count = 1 if args.phase or not project.phases else len(project.phases)
    with _progress(count, "pptx") as step:
        return build_deck(project, phases, step=step, **_diagram_options(args))


#: Every format; text formats write to standard output by default.
FORMATS: dict[str, Writer] = {"pufu-editor": _editor, "md": _markdown}
#: Diagram formats (pufu.export.diagram) and the deck (pufu.export.deck).
DIAGRAMS: tuple[str, ...] = ("svg", "png", "pdf", "dot")
BINARY: frozenset[str] = frozenset({"png", "pdf", "pptx"})
FORMATS.update({fmt: _diagram for fmt in DIAGRAMS})
FORMATS["pptx"] = _deck
SIZE_CHOICES = ("16:9", "4:3", "a4", "none")


@contextlib.contextmanager
def _progress(total: int, what: str) -> Iterator[Callable[[], None]]:
    """A progress bar on the terminal (only when standard error is one)."""
    if total < 2 or not sys.stderr.isatty():
        yield lambda: None
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
        task = bar.add_task(what, total=total)
        yield lambda: bar.advance(task)


def phase_paths(project_path: str, output: str, fmt: str, count: int) -> list[Path]:
    """Where --all-phases writes each phase's file: ``-o`` is a stem, or an existing folder."""
    digits = max(2, len(str(count)))
    stem_name = Path(project_path).name.removesuffix(".json").removesuffix(".pufu")
    if output == "-":
        stem = Path(project_path).parent / stem_name
    elif Path(output).is_dir() or output.endswith(("/", "\\")):
        stem = Path(output) / stem_name
    else:
        stem = Path(output)
        if stem.suffix.lower() == f".{fmt}":
            stem = stem.with_suffix("")
    return [stem.parent / f"{stem.name}-phase{number:0{digits}d}.{fmt}" for number in range(1, count + 1)]


def _all_phase_diagrams(project: Project, args: argparse.Namespace) -> None:
    from ...export.diagram import Header, render

    if not project.phases:
        raise CommandError(f"{args.project}: no phase is recorded yet; export the draft without --all-phases")
    paths = phase_paths(args.project, args.output, args.format, len(project.phases))
    if not paths[0].parent.is_dir():
        raise FileError(paths[0].parent, "folder does not exist")
    for path in paths:
        check_output_target(path, [args.project])
    if not args.force:
        existing = [path for path in paths if path.exists()]
        if existing:
            more = f" (and {len(existing) - 1} more)" if len(existing) > 1 else ""
            raise FileError(existing[0], f"already exists{more}; pufu will not replace it (use --force)")
    with _progress(len(paths), args.format) as step:
        for number, path in enumerate(paths, start=1):
            content = render(
                project.phase_chart(number),
                args.format,
                size=_size(args),
                dpi=args.dpi,
                header=Header.of(project, number),
                **_diagram_options(args),
            )
            write_output(str(path), content, force=args.force, inputs=[args.project])
            step()
    info(f"wrote {len(paths)} files: {paths[0]} … {paths[-1]}" if len(paths) > 1 else f"wrote {paths[0]}")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "export",
        help="export a chart (pufu-editor JSON, Markdown, diagrams, a deck)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("project")
    parser.add_argument("--format", "-f", required=True, choices=sorted(FORMATS), help="output format")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--phase", type=int, help="export this recorded phase (default: the draft)")
    which.add_argument("--all-phases", action="store_true", help="export every recorded phase")
    parser.add_argument("-o", "--output", default="-", help="output file, or - for standard output (default)")
    parser.add_argument("--force", action="store_true", help="replace an existing output file")
    diagram = parser.add_argument_group("diagrams (svg, png, pdf, dot, pptx)")
    diagram.add_argument("--size", choices=SIZE_CHOICES, help="canvas: a slide's shape (default: settings' export_size, else 16:9)")
    diagram.add_argument("--dpi", type=int, help="PNG pixels per inch (default 144: 16:9 is 1920×1080)")
    diagram.add_argument("--theme", choices=("light", "dark"), help="colours (default: settings' theme, else light)")
    diagram.add_argument("--comments", action="store_true", help="show comments in their colours")
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
    if args.phase is not None:
        project.phase(args.phase)  # a clear error for a phase that does not exist
    if args.lang is None:
        from ...i18n import default_lang

        args.lang = default_lang()
    if args.dpi is not None and not 24 <= args.dpi <= 1200:
        raise CommandError(f"--dpi must be from 24 to 1200; got {args.dpi}")
    if args.all_phases and args.format in DIAGRAMS:
        _all_phase_diagrams(project, args)
        return 0
    if args.all_phases and args.format == "pptx":
        args.all_phases = False  # a deck holds every phase anyway
    if args.format in BINARY and args.output == "-" and sys.stdout.isatty():
        raise CommandError(f"{args.format} is not for the terminal; name a file with -o")
    content = FORMATS[args.format](project, args)
    write_output(args.output, content, force=args.force, inputs=[args.project])
    return 0
