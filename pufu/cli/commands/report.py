"""pufu report PROJECT -o review.md [--diagrams]: write the 感想戦 up in Markdown.

The report holds the timeline of phases, what changed at each step (a changed 獲得目標 or
勝利条件 first), the comments on parts in each phase, the review notes by author and kind, and
the lessons at the end. ``--diagrams`` also writes a diff diagram per step into a folder next to
the report (REPORT-diagrams/: added parts green, removed ones dashed red, changed ones orange)
and links them. Each 評価指標 (yardstick) gets a table across the phases and a small line chart,
written as SVG into REPORT-metrics/ (inline in the Markdown with ``-o -``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ...export.report import build_report, write_diagrams
from ...export.yardsticks import write_charts
from ...i18n import default_lang, t
from ...model import FileError, tracks
from ..common import check_output_target, info, open_project, write_output

ORDER = 64


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("report", help="cmd.report", description="about.report")
    parser.add_argument("project")
    parser.add_argument("-o", "--output", default="-", help="opt.report.output")
    parser.add_argument("--diagrams", action="store_true", help="opt.report.diagrams")
    parser.add_argument("--diagram-format", choices=("svg", "png"), default="svg", help="opt.report.diagram_format")
    parser.add_argument("--force", action="store_true", help="opt.report.force")
    parser.add_argument("--jobs", "-j", type=int, help="opt.report.jobs")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    lang = args.lang or default_lang()
    project, _ = open_project(args.project)
    diagrams: dict[str, str] | None = None
    if args.diagrams:
        if args.output == "-":
            raise FileError(args.output, "cli.report.diagrams_need_file")
        target = Path(args.output)
        check_output_target(target, [args.project])
        if target.is_dir():
            raise FileError(target, "err.file.folder_name_file")
        if target.exists() and not args.force:
            raise FileError(target, "err.file.exists")
        if not target.parent.is_dir():
            raise FileError(target, "err.file.no_folder", folder=target.parent)
        folder = target.with_name(target.name.removesuffix(".md") + "-diagrams")
        written = write_diagrams(project, folder, args.diagram_format, lang, force=args.force, jobs=args.jobs)
        diagrams = {key: f"{folder.name}/{name}" for key, name in written.items()}
        info(t("report.diagrams_written", lang, n=len(written), folder=folder))
    metric_charts: dict[int, str] | None = None
    if args.output != "-" and tracks(project):  # with -o -, the charts go inline
        target = Path(args.output)
        if target.exists() and not args.force and not target.is_dir():
            raise FileError(target, "err.file.exists")
        folder = target.with_name(target.name.removesuffix(".md") + "-metrics")
        written_charts = write_charts(project, folder, lang, force=args.force)
        metric_charts = {index: f"{folder.name}/{name}" for index, name in written_charts.items()}
        info(t("report.metric.charts_written", lang, n=len(written_charts), folder=folder))
    report = build_report(
        project, lang, diagrams=diagrams, metric_charts=metric_charts, embed_charts=args.output == "-"
    )
    write_output(args.output, report, force=args.force, inputs=[args.project])
    if args.output != "-":
        info(t("report.written", lang, path=args.output))
    return 0
