"""One export, as ``pufu export`` and the editor's export dialog both run it.

    export(project, fmt, options, target, *, source=None, progress=None, warn=None) -> [paths]

resolves the phase or phases (:class:`Options`), builds the content (pufu-editor JSON, Markdown,
a diagram, or a deck) and writes it: atomically, never replacing a file without ``force``,
never onto the project file itself. ``target`` ``-`` writes to standard output (the CLI's
default for text formats). Diagrams of every phase (``all_phases``) go to one file per phase
(:func:`phase_paths`). ``progress(done, total)`` is called as files or slides are made and
``warn(message)`` with what the user should know (what pufu-editor cannot hold); nothing here
prints.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ..i18n import t
from ..model import FileError, Project, PufuError, write_atomic

#: Every format: text formats first, then the diagrams, then the deck.
FORMATS: tuple[str, ...] = ("pufu-editor", "md", "svg", "png", "pdf", "dot", "pptx")
DIAGRAMS: tuple[str, ...] = ("svg", "png", "pdf", "dot")
BINARY: frozenset[str] = frozenset({"png", "pdf", "pptx"})
SIZES: tuple[str, ...] = ("16:9", "4:3", "a4", "none")

Progress = Callable[[int, int], None]
Warn = Callable[[str], None]


class ExportError(PufuError):
    """An export cannot be made as asked."""


@dataclass(frozen=True)
class Options:
    """What to export and how. ``phase`` None is the draft (a deck: every phase);
    ``all_phases`` every recorded phase. ``size`` is a canvas of :data:`SIZES` (``none``: the
    chart's own size); ``picture`` makes a deck of pictures instead of editable shapes."""

    phase: int | None = None
    all_phases: bool = False
    size: str = "16:9"
    dpi: int | None = None
    theme: str = "light"
    comments: bool = False
    lang: str | None = None
    picture: bool = False
    force: bool = False

    def diagram(self) -> dict[str, object]:
        return {"theme": self.theme, "comments": self.comments, "lang": self.lang}

    @property
    def canvas(self) -> str | None:
        return None if self.size == "none" else self.size


def _nothing(done: int, total: int) -> None:
    return None


def _no_phase(name: str) -> ExportError:
    return ExportError("err.export.no_phase", name=name)


def build(
    project: Project,
    fmt: str,
    options: Options,
    *,
    name: str = "project",
    progress: Progress | None = None,
    warn: Warn | None = None,
) -> str | bytes:
    """The content of one file (every format but diagrams of every phase). ``name`` names the
    project in messages (its file)."""
    progress = progress or _nothing
    if fmt not in FORMATS:
        raise ExportError("err.export.format", format=fmt, formats=", ".join(FORMATS))
    if options.phase is not None:
        project.phase(options.phase)  # a clear error for a phase that does not exist
    if options.dpi is not None and not 24 <= options.dpi <= 1200:
        raise ExportError("err.export.dpi", dpi=options.dpi)
    if fmt == "pufu-editor":
        content: str | bytes = _editor(project, options, name, warn or (lambda message: None))
    elif fmt == "md":
        content = _markdown(project, options, name)
    elif fmt == "pptx":
        from .deck import build_deck

        phases = [options.phase] if options.phase else None
        total = 1 if options.phase or not project.phases else len(project.phases)
        done = [0]

        def step() -> None:
            done[0] += 1
            progress(done[0], total)

        return build_deck(project, phases, picture=options.picture, step=step, **options.diagram())  # type: ignore[arg-type]
    else:
        if options.all_phases:
            raise ExportError("err.export.all_phases")
        from .diagram import Header, render

        chart = project.phase_chart(options.phase) if options.phase else project.draft
        header = Header.of(project, options.phase)
        content = render(
            chart, fmt, size=options.canvas, dpi=options.dpi, header=header, **options.diagram()
        )
    progress(1, 1)
    return content


def _editor(project: Project, options: Options, name: str, warn: Warn) -> str:
    from ..interop import pufu_editor

    if options.all_phases:
        if not project.phases:
            raise _no_phase(name)
        data = pufu_editor.export_phase_map(project)
        numbers = list(range(1, len(project.phases) + 1))
        charts = [project.phase_chart(n) for n in numbers]
    else:
        chart = project.phase_chart(options.phase) if options.phase else project.draft
        data = pufu_editor.chart_to_editor(chart)
        charts = [chart]
        numbers = [options.phase] if options.phase else []
    lost = pufu_editor.lost_in_export(project, numbers)
    if lost:
        warn(t("cli.export.lost", lost=t("cli.list_sep").join(lost), name=name))
    for chart in charts:
        for message in pufu_editor.ambiguities(chart):
            warn(message)
    return pufu_editor.dumps_editor(data, charts)


def _markdown(project: Project, options: Options, name: str) -> str:
    from .markdown import chart_markdown, project_markdown

    if not options.all_phases:
        chart = project.phase_chart(options.phase) if options.phase else project.draft
        return chart_markdown(chart, options.lang)
    if not project.phases:
        raise _no_phase(name)
    return project_markdown(project, options.lang)


def phase_paths(project_path: str | Path, output: str, fmt: str, count: int) -> list[Path]:
    """Where every phase's diagram goes: ``output`` is a stem (``out/plan`` gives
    out/plan-phase01.png, ...) or an existing folder (files named after the project file);
    ``-``: beside the project."""
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


def export(
    project: Project,
    fmt: str,
    options: Options,
    target: str | Path,
    *,
    source: str | Path | None = None,
    progress: Progress | None = None,
    warn: Warn | None = None,
) -> list[Path]:
    """Build and write; the files written (none for standard output). ``source`` is the
    project's file: never written over, and it names the files of every phase's diagram."""
    name = str(source) if source is not None else "project"
    progress = progress or _nothing
    if options.all_phases and fmt in DIAGRAMS:
        return _all_phase_diagrams(project, fmt, options, str(target), name, progress)
    if options.all_phases and fmt == "pptx":
        options = replace(options, all_phases=False)  # a deck holds every phase
    if str(target) != "-":
        _check_target(Path(target), options.force, source)
    content = build(project, fmt, options, name=name, progress=progress, warn=warn)
    if str(target) == "-":
        _stdout(content)
        return []
    path = Path(target)
    _check_target(path, options.force, source)  # again: it may have appeared meanwhile
    write_atomic(path, content.encode("utf-8") if isinstance(content, str) else content)
    return [path]


def _stdout(content: str | bytes) -> None:
    from ..cli.common import to_stdout

    to_stdout(content)


def _check_target(path: Path, force: bool, source: str | Path | None) -> None:
    from ..cli.common import (
        check_output_target,  # the one check: never the input, never a FIFO or device
    )

    if path.is_dir():
        raise FileError(path, "err.file.folder_name_file")
    check_output_target(path, [] if source is None else [source])
    if path.exists() and not force:
        raise FileError(path, "err.file.exists")
    if not path.parent.exists():
        raise FileError(path, "err.file.no_folder", folder=path.parent)


def _all_phase_diagrams(
    project: Project, fmt: str, options: Options, output: str, name: str, progress: Progress
) -> list[Path]:
    from .diagram import Header, render

    if not project.phases:
        raise _no_phase(name)
    if options.dpi is not None and not 24 <= options.dpi <= 1200:
        raise ExportError("err.export.dpi", dpi=options.dpi)
    paths = phase_paths(name, output, fmt, len(project.phases))
    if not paths[0].parent.is_dir():
        raise FileError(paths[0].parent, "err.file.folder_missing")
    if not options.force:
        existing = [path for path in paths if path.exists()]
        if existing:
            raise FileError(
                existing[0], "err.file.exists_more" if len(existing) > 1 else "err.file.exists", more=len(existing) - 1
            )
    for path in paths:  # before any is written
        _check_target(path, True, name)
    for number, path in enumerate(paths, start=1):
        content = render(
            project.phase_chart(number),
            fmt,
            size=options.canvas,
            dpi=options.dpi,
            header=Header.of(project, number),
            **options.diagram(),
        )
        _check_target(path, options.force, name)
        write_atomic(path, content)
        progress(number, len(paths))
    return paths
