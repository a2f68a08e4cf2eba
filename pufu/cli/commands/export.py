"""pufu export PROJECT --format FORMAT [--phase N | --all-phases] [-o OUT]: write the chart out.

Formats: pufu-editor (JSON that pufu-editor imports; --all-phases writes a phase map) and md
(Markdown, close to pufu-editor's own export). Without --phase, the draft is exported.
``-o -`` (the default for text formats) writes to standard output.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from ...export.markdown import chart_markdown
from ...i18n import t
from ...interop import pufu_editor
from ...model import Project
from ..common import CommandError, open_project, warn, write_output

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


#: Text formats; other modules may add more (diagram formats register themselves here).
FORMATS: dict[str, Writer] = {"pufu-editor": _editor, "md": _markdown}


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("export", help="export a chart (pufu-editor JSON, Markdown, ...)", description=__doc__)
    parser.add_argument("project")
    parser.add_argument("--format", "-f", required=True, choices=sorted(FORMATS), help="output format")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--phase", type=int, help="export this recorded phase (default: the draft)")
    which.add_argument("--all-phases", action="store_true", help="export every recorded phase")
    parser.add_argument("-o", "--output", default="-", help="output file, or - for standard output (default)")
    parser.add_argument("--force", action="store_true", help="replace an existing output file")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    project, _ = open_project(args.project)
    if args.phase is not None:
        project.phase(args.phase)  # a clear error for a phase that does not exist
    if args.lang is None:
        from ...i18n import default_lang

        args.lang = default_lang()
    content = FORMATS[args.format](project, args)
    write_output(args.output, content, force=args.force)
    return 0
