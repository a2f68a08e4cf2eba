"""pufu diff PROJECT A B [--format text|json]: what changed from one phase to another.

A and B are phase numbers, or ``draft``. A changed 獲得目標 or 勝利条件 comes first. Parts are
matched by id, and 中間目的/施策 whose ids differ by equal text (pufu-editor phase maps give
every phase fresh ids). ``--format json`` prints the same changes as data, with the texts before
and after.
"""

from __future__ import annotations

import argparse
import json
import sys

from ...i18n import default_lang
from ...model.diff import diff, resolve
from ...terminal import json_text
from ..common import open_project

ORDER = 60


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("diff", help="cmd.diff", description="about.diff")
    parser.add_argument("project")
    parser.add_argument("a", help="opt.diff.a")
    parser.add_argument("b", help="opt.diff.b")
    parser.add_argument("--format", "-f", choices=("text", "json"), default="text", help="opt.diff.format")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="opt.diff.color")
    parser.set_defaults(func=run)


def _side(project, name: str) -> dict:
    data: dict = {"name": name}
    if name != "draft":
        phase = project.phase(int(name))
        data.update(number=phase.number, title=phase.title, date=phase.date, happened=phase.happened)
    return data


def run(args: argparse.Namespace) -> int:
    project, _ = open_project(args.project)
    lang = args.lang or default_lang()
    a, chart_a = resolve(project, args.a)
    b, chart_b = resolve(project, args.b)
    d = diff(chart_a, chart_b)
    if args.format == "json":
        data = {"from": _side(project, a), "to": _side(project, b), **d.to_json()}
        sys.stdout.write(json_text(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")
    else:
        from ...diffview import comparison_rows, console, print_rows
        from ...palette import TERMINAL_INK

        print_rows(console(sys.stdout, args.color), comparison_rows(d, a, b, lang, TERMINAL_INK))
    return 0
