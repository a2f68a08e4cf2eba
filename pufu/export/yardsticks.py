"""評価指標 (yardsticks) written up: their changes in words, a table per yardstick across the
phases, and a small line chart as a plain SVG (no plotting library).

Every user text in the SVG is escaped for XML, with the characters XML cannot hold replaced,
so a name can never break the picture.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from ..i18n import t
from ..model import FileError, MetricData, Project, Track, tracks, write_atomic
from ..model.diff import ChartDiff, MetricChange, MetricChangeKind
from ..model.metrics import STATUS_SYMBOLS, format_number, status, with_unit
from .themes import THEMES

Quote = Callable[[str], str]

METRIC_MARKERS: dict[MetricChangeKind, str] = {
    MetricChangeKind.ADDED: "+",
    MetricChangeKind.REMOVED: "−",
}
_NUMBERS = (MetricChangeKind.TARGET, MetricChangeKind.BASELINE, MetricChangeKind.VALUE)


def metric_marker(change: MetricChange) -> str:
    return METRIC_MARKERS.get(change.kind, "~")


def _plain(text: str) -> str:
    return text


def _value(change: MetricChange, value: object, lang: str | None, quote: Quote, text: Quote) -> str:
    if change.kind in _NUMBERS:
        return with_unit(value if isinstance(value, int | float) else None, change.unit, text)
    if change.kind == MetricChangeKind.DIRECTION:
        return t(f"metric.direction.{value}", lang)
    return quote(str(value or ""))


def describe_metric(change: MetricChange, lang: str | None, quote: Quote, text: Quote = _plain) -> str:
    """One yardstick change in a sentence: ``問い合わせ率 の目標: 0.2 件/顧客 → 0.18 件/顧客``.
    ``quote`` shows a name or a note; ``text`` escapes the rest (numbers with their unit)."""
    name = quote(change.name)
    if change.kind in (MetricChangeKind.ADDED, MetricChangeKind.REMOVED):
        value = change.after if change.kind == MetricChangeKind.ADDED else change.before
        shown = f" ({with_unit(value, change.unit, text)})" if value is not None else ""
        return t(f"diff.metric.{change.kind.value}", lang, name=name) + shown
    return t(
        f"diff.metric.{change.kind.value}",
        lang,
        name=name,
        before=_value(change, change.before, lang, quote, text),
        after=_value(change, change.after, lang, quote, text),
    )


def metric_decisive_lines(d: ChartDiff, lang: str | None, quote: Quote, text: Quote = _plain) -> list[str]:
    """The changed targets and directions: headline lines, like a changed 勝利条件."""
    return [describe_metric(change, lang, quote, text) for change in d.decisive_metrics]


def metric_change_lines(d: ChartDiff, lang: str | None, quote: Quote, text: Quote = _plain) -> list[str]:
    """The other yardstick changes, one line each with its marker."""
    return [
        f"{metric_marker(change)} {describe_metric(change, lang, quote, text)}"
        for change in d.metrics
        if not change.decisive
    ]


# ---------------------------------------------------------------------- the SVG line chart

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
WIDTH, HEIGHT = 520, 230
_LEFT, _RIGHT, _TOP, _BOTTOM = 64, 24, 40, 40
_INSET = 28  # between the axis and the first and last points
_FONT = "IPAexGothic, 'Noto Sans CJK JP', 'Hiragino Sans', sans-serif"


def xml_text(text: str) -> str:
    """Text for an SVG element: escaped, characters XML cannot hold shown as �, one line."""
    return escape(" ".join(_NOT_XML.sub("\ufffd", text).split()))


def sheet_label(phase: int | None, lang: str | None) -> str:
    return t("metric.draft", lang) if phase is None else str(phase)


def line_chart(track: Track, lang: str | None = None) -> str:
    """A small line chart of one yardstick: its value at each sheet, the target (dashed) and
    the baseline (dotted); points marked with the status symbol of that sheet."""
    latest = track.latest
    points = track.points
    values = [p.value for p in points]
    known = [v for v in values if v is not None]
    marks = [*known, *(x for x in (latest.target, latest.baseline) if x is not None)]
    low, high = (min(marks), max(marks)) if marks else (0.0, 1.0)
    if low == high:
        low, high = low - (abs(low) or 1) * 0.1, high + (abs(high) or 1) * 0.1
    pad = (high - low) * 0.08
    low, high = low - pad, high + pad
    plot_w, plot_h = WIDTH - _LEFT - _RIGHT, HEIGHT - _TOP - _BOTTOM

    def x(index: int) -> float:
        inner = plot_w - 2 * _INSET
        return _LEFT + _INSET + (inner / 2 if len(points) == 1 else inner * index / (len(points) - 1))

    def y(value: float) -> float:
        return _TOP + plot_h * (high - value) / (high - low)

    direction = t(f"metric.direction.{latest.direction}", lang)
    unit = f"{latest.unit}, " if latest.unit else ""
    title = f"{latest.name} ({unit}{direction})"
    theme = THEMES["light"]
    ink = theme.chart
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family={quoteattr(_FONT)} font-size="12">',
        f"<title>{xml_text(title)}</title>",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{theme.background}"/>',
        f'<text x="{_LEFT}" y="22" font-size="14" font-weight="bold" fill="{ink["text"]}">{xml_text(title)}</text>',
        f'<line x1="{_LEFT}" y1="{_TOP + plot_h}" x2="{_LEFT + plot_w}" y2="{_TOP + plot_h}" stroke="{ink["axis"]}"/>',
        f'<line x1="{_LEFT}" y1="{_TOP}" x2="{_LEFT}" y2="{_TOP + plot_h}" stroke="{ink["axis"]}"/>',
    ]
    for value in (high - pad, low + pad):  # the highest and the lowest number shown
        out.append(
            f'<text x="{_LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end" fill="{ink["label"]}">'
            f"{xml_text(format_number(value))}</text>"
        )
    for level, colour, dash, key in (
        (latest.target, ink["target"], "6 4", "metric.target"),
        (latest.baseline, ink["baseline"], "2 3", "metric.baseline"),
    ):
        if level is None:
            continue
        ypos = y(level)
        out.append(
            f'<line x1="{_LEFT}" y1="{ypos:.1f}" x2="{_LEFT + plot_w}" y2="{ypos:.1f}" '
            f'stroke="{colour}" stroke-dasharray="{dash}"/>'
        )
        label = f"{t(key, lang)} {with_unit(level, latest.unit)}"
        out.append(
            f'<text x="{_LEFT + plot_w}" y="{ypos - 4:.1f}" text-anchor="end" fill="{colour}" '
            f'font-size="11">{xml_text(label)}</text>'
        )
    run: list[str] = []
    runs: list[list[str]] = []
    for index, number in enumerate(values):
        if number is None:
            if run:
                runs.append(run)
            run = []
        else:
            run.append(f"{x(index):.1f},{y(number):.1f}")
    if run:
        runs.append(run)
    for line in runs:
        if len(line) > 1:
            out.append(f'<polyline points="{" ".join(line)}" fill="none" stroke="{ink["line"]}" stroke-width="2"/>')
    for index, point in enumerate(points):
        label = sheet_label(point.phase, lang)
        out.append(
            f'<text x="{x(index):.1f}" y="{HEIGHT - _BOTTOM + 18}" text-anchor="middle" fill="{ink["label"]}">'
            f"{xml_text(label)}</text>"
        )
        if point.metric is None or point.value is None:
            continue
        symbol = STATUS_SYMBOLS[status(point.metric)]
        out.append(f'<circle cx="{x(index):.1f}" cy="{y(point.value):.1f}" r="4" fill="{ink["line"]}"/>')
        out.append(
            f'<text x="{x(index):.1f}" y="{y(point.value) - 9:.1f}" text-anchor="middle" fill="{ink["text"]}">'
            f"{xml_text(format_number(point.value))} {xml_text(symbol)}</text>"
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def write_charts(project: Project, folder: Path, lang: str | None, *, force: bool = True) -> dict[int, str]:
    """A chart per yardstick in ``folder`` (``metric-1.svg``, ...); track index → file name.
    Without ``force`` nothing is written when one of them exists already."""
    found = tracks(project)
    names = {index: f"metric-{index + 1}.svg" for index in range(len(found))}
    if not names:
        return {}
    if folder.exists() and not folder.is_dir():
        raise FileError(folder, "err.file.metric_folder")
    if not force:
        existing = [folder / name for name in names.values() if (folder / name).exists()]
        if existing:
            raise FileError(existing[0], "err.file.exists")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FileError(folder, "err.file.mkdir", reason=exc.strerror or exc) from None
    for index, track in enumerate(found):
        write_atomic(folder / names[index], line_chart(track, lang).encode("utf-8"))
    return names


# ---------------------------------------------------------------------- the report's section


def _status_cell(metric: MetricData | None, lang: str | None) -> str:
    if metric is None:
        return ""
    found = status(metric)
    return f"{STATUS_SYMBOLS[found]} {t(f'metric.status.{found.value}', lang)}"


def trajectory_section(
    project: Project,
    lang: str | None,
    md: Callable[[str], str],
    charts: dict[int, str] | None = None,
    *,
    embed: bool = False,
) -> list[str]:
    """Markdown lines: a table per yardstick across the phases (value, target, status), and its
    chart: a link to ``charts[index]``, or the SVG inline as a data URI when ``embed``."""
    found = tracks(project)
    if not found:
        return []
    out = [f"## {t('report.metrics', lang)}", ""]
    dates = {phase.number: phase.date for phase in project.phases}
    for index, track in enumerate(found):
        latest = track.latest
        unit = f"{md(latest.unit)}, " if latest.unit else ""
        out += [f"### {md(latest.name)} ({unit}{t(f'metric.direction.{latest.direction}', lang)})", ""]
        if latest.note:
            out += [md(latest.note), ""]
        header = ("report.metric.sheet", "report.col.date", "metric.value", "metric.target", "metric.baseline")
        out.append("| " + " | ".join(t(key, lang) for key in header) + " | |")
        out.append("| --- | --- | ---: | ---: | ---: | --- |")
        for point in track.points:
            metric = point.metric
            cells = [
                sheet_label(point.phase, lang),
                dates.get(point.phase, "") if point.phase is not None else "",
                format_number(point.value) if metric is not None and point.value is not None else "—",
                with_unit(metric.target, metric.unit, md) if metric is not None else "—",
                with_unit(metric.baseline, metric.unit, md) if metric is not None and metric.baseline is not None else "—",
                _status_cell(metric, lang),
            ]
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
        label = md(t("report.metric.chart", lang, name=latest.name))
        if embed:
            out += [f"![{label}]({data_uri(line_chart(track, lang))})", ""]
        elif charts and index in charts:
            out += [f"![{label}]({charts[index]})", ""]
    return out
