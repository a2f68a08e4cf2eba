"""pufu diff PROJECT A B [--format text|json]: what changed from one phase to another.

A and B are phase numbers, or ``draft``. A changed 獲得目標 or 勝利条件 comes first. Parts are
matched by id, and 中間目的/施策 whose ids differ by equal text (pufu-editor phase maps give
every phase fresh ids). ``--format json`` prints the same changes as data, with the texts before
and after.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from ...export.report import (
    MARKERS,
    cleared_line,
    decisive_lines,
    describe,
    group_heading,
    grouped,
    quoter,
    side_name,
)
from ...export.yardsticks import metric_change_lines, metric_decisive_lines
from ...i18n import default_lang, t
from ...model.diff import ChangeKind, diff, resolve
from ...terminal import json_text, shown
from ..common import open_project

ORDER = 60

_COMMENT_COLORS = {"green": "32", "red": "31", "blue": "34"}
_COLORS = {"+": "32", "−": "31", "~": "33", "↪": "36", "↕": "36"}


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("diff", help="what changed between two phases (or a phase and the draft)", description=__doc__)
    parser.add_argument("project")
    parser.add_argument("a", help="the earlier side: a phase number, or draft")
    parser.add_argument("b", help="the later side: a phase number, or draft")
    parser.add_argument("--format", "-f", choices=("text", "json"), default="text", help="output format (default: text)")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour the text output (default: when a terminal)")
    parser.set_defaults(func=run)


def _use_color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def _side(project, name: str) -> dict:
    data: dict = {"name": name}
    if name != "draft":
        phase = project.phase(int(name))
        data.update(number=phase.number, title=phase.title, date=phase.date, happened=phase.happened)
    return data


def render_text(d, a: str, b: str, lang: str | None, color: bool) -> str:
    def paint(code: str, text: str) -> str:
        text = shown(text)  # a text from the file never reaches the terminal raw
        return f"\x1b[{code}m{text}\x1b[0m" if color else text

    head = f"{side_name(a, lang)} → {side_name(b, lang)}"
    count = t("review.diff.count", lang, n=len(d)) if d else t("review.diff.none", lang)
    lines = [f"{paint('1', head)}  ({count})"]
    if d.matched_by_text:
        lines.append(paint("2", t("review.diff.matched_by_text", lang, n=d.matched_by_text)))
    if d.decisive:
        lines.append("")
        lines += [paint("1;35", f"!! {line}") for line in decisive_lines(d, lang)]
        lines.append(paint("35", f"   {t('review.decisive.why', lang)}"))
    if d.decisive_metrics:
        lines.append("")
        lines += [paint("1;35", f"!! {line}") for line in metric_decisive_lines(d, lang, quoter(lang))]
        lines.append(paint("35", f"   {t('diff.metric.why', lang)}"))
    metric_lines = metric_change_lines(d, lang, quoter(lang))
    if metric_lines:
        lines += ["", paint("1", t("diff.metric.heading", lang))]
        lines += [paint(_COLORS.get(line[0], "33"), f"  {line}") for line in metric_lines]
    for kind, changes in grouped(d):
        lines += ["", paint("1", group_heading(kind, lang))]
        for change in changes:
            marker = MARKERS[change.kind]
            text = f"  {marker} {describe(change, lang)}"
            if change.kind == ChangeKind.COMMENT:
                comment = change.after or {}
                code = _COMMENT_COLORS.get(comment.get("color", ""), "2") if comment.get("text") else "2"
            else:
                code = _COLORS[marker]
            lines.append(paint(code, text))
    cleared = cleared_line(d, lang)
    if cleared:
        lines += ["", paint("2", cleared)]
    return "\n".join(lines) + "\n"


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
        sys.stdout.write(render_text(d, a, b, lang, _use_color(args.color)))
    return 0
