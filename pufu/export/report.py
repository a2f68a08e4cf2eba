"""The 感想戦 written up: changes in words, and the Markdown review report.

The words for one change (:func:`describe`) are shared by ``pufu diff``, the replay screen and
the report; a ``quote`` function decides how user text is shown (plain 「…」 in a terminal,
escaped with :func:`~pufu.export.markdown.md_text` in Markdown), so a part's text can never
break the Markdown around it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..i18n import t
from ..model import (
    NOTE_KINDS,
    SYMBOLS,
    Chart,
    Color,
    FileError,
    Kind,
    NoteData,
    Project,
    write_atomic,
)
from ..model.diff import DRAFT, Change, ChangeKind, ChartDiff, diff, reviews
from ..model.texts import one_line
from .markdown import md_text
from .yardsticks import metric_change_lines, metric_decisive_lines, trajectory_section

Quote = Callable[[str], str]

MARKERS: dict[ChangeKind, str] = {
    ChangeKind.ADDED: "+",
    ChangeKind.REMOVED: "−",
    ChangeKind.TEXT: "~",
    ChangeKind.COMMENT: "~",
    ChangeKind.COLOR: "~",
    ChangeKind.PROGRESS: "~",
    ChangeKind.RELINKED: "↪",
    ChangeKind.REORDERED: "↕",
}
GROUPS: tuple[Kind, ...] = (Kind.GOAL, Kind.WIN, Kind.PURPOSE, Kind.MEASURE, Kind.ELEMENT)


# ---------------------------------------------------------------------- words for changes


def quoter(lang: str | None, *, markdown: bool = False) -> Quote:
    """How user text is quoted: 「…」 in Japanese, “…” in English; escaped for Markdown."""
    left, right = ("“", "”") if lang == "en" else ("「", "」")
    if markdown:
        return lambda text: f"{left}{md_text(text)}{right}"
    return lambda text: f"{left}{one_line(text)}{right}"


def side_name(name: str, lang: str | None) -> str:
    """``"3"`` → 局面3, ``"draft"`` → 下書き."""
    if name == DRAFT:
        return t("review.side.draft", lang)
    return t("review.side.phase", lang, n=name)


def part_name(change: Change, lang: str | None, quote: Quote, *, with_label: bool = True) -> str:
    """The part a change is about: 獲得目標, お金, 施策「…」."""
    if change.part_kind == Kind.ELEMENT and change.key:
        return t(f"element.{change.key}", lang)
    name = t(f"kind.{change.part_kind.value}", lang)
    if change.part_kind in (Kind.GOAL, Kind.WIN) or not with_label:
        return name
    return f"{name}{_sep(lang)}{quote(change.label)}"


def _sep(lang: str | None) -> str:
    return " " if lang == "en" else ""


def _value(change: Change, value: object, lang: str | None, quote: Quote) -> str:
    kind = change.kind
    if kind == ChangeKind.COMMENT:
        if not isinstance(value, dict) or not value.get("text"):
            return t("review.none", lang)
        return f"{t('comment.' + value['color'], lang)}{_sep(lang)}{quote(value['text'])}"
    if kind == ChangeKind.COLOR:
        return f"{SYMBOLS[Color(str(value))]}{_sep(lang)}{t('color.' + str(value), lang)}"
    if kind == ChangeKind.PROGRESS:
        return t("review.unset", lang) if value is None else f"{value:g}%"
    if kind == ChangeKind.RELINKED:
        texts = list(value) if isinstance(value, list | tuple) else []
        return t("review.and", lang).join(quote(x) for x in texts) if texts else t("review.none", lang)
    if kind == ChangeKind.REORDERED:
        return str(value)
    return quote(str(value or ""))


def describe(change: Change, lang: str | None, quote: Quote | None = None) -> str:
    """One change in a sentence, e.g. 施策「競合分析を行う」の色: ○白 → ●赤."""
    quote = quote or quoter(lang)
    kind = change.kind
    if kind in (ChangeKind.ADDED, ChangeKind.REMOVED):
        key = f"review.change.{kind.value}" + (".under" if change.context else "")
        context = quote(change.context) if change.context else ""
        return t(key, lang, name=part_name(change, lang, quote), context=context)
    if kind == ChangeKind.REORDERED and change.context:
        return t(
            "review.change.reordered.under",
            lang,
            name=part_name(change, lang, quote),
            context=quote(change.context),
            before=change.before,
            after=change.after,
        )
    name = part_name(change, lang, quote, with_label=kind != ChangeKind.TEXT)
    return t(
        f"review.change.{kind.value}",
        lang,
        name=name,
        before=_value(change, change.before, lang, quote),
        after=_value(change, change.after, lang, quote),
    )


def decisive_lines(d: ChartDiff, lang: str | None, quote: Quote | None = None) -> list[str]:
    """The headline of a step whose 獲得目標 or 勝利条件 changed, one line each."""
    quote = quote or quoter(lang)
    return [
        f"{t('review.decisive.' + c.part_kind.value, lang)}: {quote(c.before)} → {quote(c.after)}"
        for c in d.decisive
    ]


def is_cleared_comment(change: Change) -> bool:
    """A comment taken off (a new plan after a review starts with clean parts)."""
    return (
        change.kind == ChangeKind.COMMENT
        and bool((change.before or {}).get("text"))
        and not (change.after or {}).get("text")
    )


def grouped(d: ChartDiff) -> list[tuple[Kind, list[Change]]]:
    """The changes other than the decisive ones and the cleared comments (see
    :func:`cleared_line`), grouped by kind of part in reading order."""
    groups: dict[Kind, list[Change]] = defaultdict(list)
    for change in d.changes:
        if not change.decisive and not is_cleared_comment(change):
            groups[change.part_kind].append(change)
    return [(kind, groups[kind]) for kind in GROUPS if groups.get(kind)]


def cleared_line(d: ChartDiff, lang: str | None, quote: Quote | None = None) -> str | None:
    """One line naming every part whose comment was taken off, or None."""
    quote = quote or quoter(lang)
    names = [part_name(c, lang, quote) for c in d.changes if is_cleared_comment(c)]
    if not names:
        return None
    return t("review.cleared", lang, n=len(names), parts=t("review.and", lang).join(names))


def group_heading(kind: Kind, lang: str | None) -> str:
    return t("kind.elements" if kind == Kind.ELEMENT else f"kind.{kind.value}", lang)


# ---------------------------------------------------------------------- the steps of a project


@dataclass(frozen=True, slots=True)
class Step:
    """From one phase to the next (or from the last phase to an unrecorded draft)."""

    a: str  # "1"
    b: str  # "2" or "draft"
    before: Chart
    after: Chart
    diff: ChartDiff

    @property
    def key(self) -> str:
        return f"{self.a}-{self.b}"


def steps(project: Project) -> list[Step]:
    """Every step of the project's 棋譜, plus last phase → draft when the draft differs."""
    out: list[Step] = []
    count = len(project.phases)
    for number in range(2, count + 1):
        a, b = project.phase_chart(number - 1), project.phase_chart(number)
        out.append(Step(str(number - 1), str(number), a, b, diff(a, b)))
    if count:
        last = project.phase_chart(count)
        pending = diff(last, project.draft)
        if pending:
            out.append(Step(str(count), DRAFT, last, project.draft, pending))
    return out


def write_diagrams(
    project: Project,
    folder: Path,
    fmt: str = "svg",
    lang: str | None = None,
    *,
    force: bool = True,
    jobs: int | None = None,
) -> dict[str, str]:
    """A diff diagram per step in ``folder`` (added parts green, removed ones dashed red,
    changed ones orange, comments shown); step key → file name. Each file is written
    atomically; without ``force`` nothing is written when one of them exists already. Raises
    ImportError when the diagram exporter is not available. ``jobs`` worker processes draw
    them (:func:`pufu.export.run.draw_all`; None: one per CPU)."""
    from . import diagram  # lazily: Graphviz is only needed for --diagrams
    from .run import Drawing, draw_all

    drawn = [step for step in steps(project) if step.diff]
    names = {step.key: f"step-{step.key}.{fmt}" for step in drawn}
    if folder.exists() and not folder.is_dir():
        raise FileError(folder, "err.file.diagram_folder")
    if not force:
        existing = [folder / name for name in names.values() if (folder / name).exists()]
        if existing:
            raise FileError(
                existing[0], "err.file.exists_more" if len(existing) > 1 else "err.file.exists", more=len(existing) - 1
            )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FileError(folder, "err.file.mkdir", reason=exc.strerror or exc) from None
    drawings = []
    for step in drawn:
        since = t("review.since", lang, a=side_name(step.a, lang))
        if step.b == DRAFT:
            header = diagram.Header(title=project.title, phase_title=since)
            after = project.draft.to_data()
        else:
            phase = project.phase(int(step.b))
            title = f"{phase.title} — {since}" if phase.title else since
            header = diagram.Header(project.title, phase.number, title, phase.date)
            after = phase.chart
        options = {"marks": step.diff.marks(), "header": header, "comments": True, "lang": lang}
        drawings.append(Drawing(after, fmt, options=options, ghosts=project.phase(int(step.a)).chart))

    def write(index: int, data: bytes) -> None:
        write_atomic(folder / names[drawn[index].key], data)

    draw_all(drawings, jobs, write)
    return names


# ---------------------------------------------------------------------- the report


def _note_target(note: NoteData, project: Project, lang: str | None, quote: Quote) -> str:
    if note.part is None:
        return t("report.on_phase", lang, n=note.phase)
    part = project.phase_chart(note.phase).part(note.part)
    name = t(f"element.{part.key}", lang) if part.kind == Kind.ELEMENT else t(f"kind.{part.kind.value}", lang)
    if part.kind in (Kind.PURPOSE, Kind.MEASURE):
        name += quote(part.text)
    return t("report.on_part", lang, n=note.phase, part=name)


def _phase_title(project: Project, name: str, lang: str | None, roles: dict[int, int]) -> str:
    label = side_name(name, lang)
    if name == DRAFT:
        return label
    phase = project.phase(int(name))
    extra = [md_text(phase.title)] if phase.title else []
    if int(name) in roles:
        extra.append(t("review.side.reviews", lang, n=roles[int(name)]))
    return f"{label}: {' — '.join(extra)}" if extra else label


def _comments(chart: Chart, lang: str | None, quote: Quote) -> list[str]:
    lines = []
    for part in chart.parts():
        if part.comment.empty:
            continue
        if part.kind == Kind.ELEMENT:
            name = t(f"element.{part.key}", lang)
        else:
            name = t(f"kind.{part.kind.value}", lang)
            if part.kind in (Kind.PURPOSE, Kind.MEASURE):
                name += quote(part.text)
        colour = t(f"comment.{part.comment.color}", lang)
        lines.append(f"- {name} — **{colour}**: {md_text(part.comment.text)}")
    return lines


def build_report(
    project: Project,
    lang: str | None = None,
    *,
    diagrams: dict[str, str] | None = None,
    date: str | None = None,
    metric_charts: dict[int, str] | None = None,
    embed_charts: bool = False,
) -> str:
    """The review in Markdown: timeline, the 評価指標 across the phases (a table and a chart
    each: linked from ``metric_charts``, or inline when ``embed_charts``), changes per step
    (goal, win and yardstick targets first), comments per phase, review notes by author and
    kind, and the lessons at the end."""
    quote = quoter(lang, markdown=True)
    roles = reviews(project)
    title = project.title or t("untitled", lang)
    date = date or dt.date.today().isoformat()
    out = [
        f"# {t('report.title', lang, title=md_text(title))}",
        "",
        t("report.made", lang, date=date, phases=len(project.phases), notes=len(project.notes)),
        "",
        f"## {t('report.timeline', lang)}",
        "",
        "| " + " | ".join(t(f"report.col.{c}", lang) for c in ("phase", "date", "title", "happened", "win")) + " |",
        "| --- | --- | --- | --- | --- |",
    ]
    previous = None
    for phase in project.phases:
        title_cell = md_text(phase.title)
        if phase.number in roles:
            title_cell += f" ({t('review.side.reviews', lang, n=roles[phase.number])})"
        chart = project.phase_chart(phase.number)
        win = chart.part(chart.win).text
        win_cell = md_text(win)
        if previous is not None and win != previous:
            win_cell = f"**{win_cell}** ({t('report.changed', lang)})"
        previous = win
        out.append(f"| {phase.number} | {phase.date} | {title_cell} | {md_text(phase.happened)} | {win_cell} |")

    out.append("")
    out += trajectory_section(project, lang, md_text, metric_charts, embed=embed_charts)
    out += [f"## {t('report.steps', lang)}", ""]
    for step in steps(project):
        heading = (
            t("report.draft_step", lang, a=side_name(step.a, lang))
            if step.b == DRAFT
            else t("report.step", lang, a=side_name(step.a, lang), b=_phase_title(project, step.b, lang, roles))
        )
        out += [f"### {heading}", ""]
        if step.b != DRAFT and project.phase(int(step.b)).happened:
            happened = project.phase(int(step.b)).happened
            out += [f"*{t('review.happened', lang)}*: {md_text(happened)}", ""]
        if not step.diff:
            out += [t("review.diff.none", lang), ""]
            continue
        counted = [f"{t('review.kind.' + kind, lang)} {n}" for kind, n in step.diff.counts().items()]
        if step.diff.metrics:
            counted.append(f"{t('metric', lang)} {len(step.diff.metrics)}")
        counts = t("review.and", lang).join(counted)
        out += [f"{t('review.diff.count', lang, n=len(step.diff))}（{counts}）" if lang != "en"
                else f"{t('review.diff.count', lang, n=len(step.diff))} ({counts})", ""]
        if step.b != DRAFT and int(step.b) in roles:
            verdicts = Counter(p.comment.color for p in step.after.parts() if not p.comment.empty)
            out += [t("report.verdicts", lang, good=verdicts["green"], bad=verdicts["red"]), ""]
        for line in decisive_lines(step.diff, lang, quote):
            out.append(f"> **{line}**  ")
        if step.diff.decisive:
            out += [f"> {t('review.decisive.why', lang)}", ""]
        for line in metric_decisive_lines(step.diff, lang, quote, md_text):
            out.append(f"> **{line}**  ")
        if step.diff.decisive_metrics:
            out += [f"> {t('diff.metric.why', lang)}", ""]
        for kind, changes in grouped(step.diff):
            out.append(f"- **{group_heading(kind, lang)}**")
            out += [f"  - {MARKERS[c.kind]} {describe(c, lang, quote)}" for c in changes]
        metric_lines = metric_change_lines(step.diff, lang, quote, md_text)
        if metric_lines:
            out.append(f"- **{t('diff.metric.heading', lang)}**")
            out += [f"  - {line}" for line in metric_lines]
        cleared = cleared_line(step.diff, lang, quote)
        if cleared:
            out.append(f"- {cleared}")
        out.append("")
        if diagrams and step.key in diagrams:
            label = f"{t('report.diagram', lang)} {side_name(step.a, lang)} → {side_name(step.b, lang)}"
            out += [f"![{label}]({diagrams[step.key]})", "", f"*{t('report.diagram.legend', lang)}*", ""]

    out += [f"## {t('report.comments', lang)}", ""]
    for phase in project.phases:
        out += [f"### {_phase_title(project, str(phase.number), lang, roles)}", ""]
        out += _comments(project.phase_chart(phase.number), lang, quote) or [t("report.no_comments", lang)]
        out.append("")

    out += [f"## {t('report.notes', lang)}", ""]
    by_author: dict[str, dict[str, list[NoteData]]] = defaultdict(lambda: defaultdict(list))
    for note in sorted(project.notes, key=lambda n: (n.phase, n.created)):
        by_author[note.author][note.kind].append(note)
    shown = [k for k in NOTE_KINDS if k != "lesson"]
    if not any(notes[k] for notes in by_author.values() for k in shown):
        out += [t("report.no_notes", lang), ""]
    for author, kinds in by_author.items():
        if not any(kinds[k] for k in shown):
            continue
        out += [f"### {md_text(author)}", ""]
        for note_kind in shown:
            if kinds[note_kind]:
                out += [f"**{t('review.note.' + note_kind, lang)}**", ""]
                out += [
                    f"- {_note_target(n, project, lang, quote)}: {md_text(n.text)}" for n in kinds[note_kind]
                ]
                out.append("")

    out += [f"## {t('report.lessons', lang)}", ""]
    lessons = sorted((n for n in project.notes if n.kind == "lesson"), key=lambda n: (n.phase, n.created))
    out += [
        f"- {md_text(n.text)} — {md_text(n.author)} ({_note_target(n, project, lang, quote)})" for n in lessons
    ] or [t("report.no_lessons", lang)]
    return "\n".join(out).rstrip() + "\n"
