"""One export, as ``pufu export`` and the editor's export dialog both run it.

    export(project, fmt, options, target, *, source=None, progress=None, warn=None) -> [paths]

resolves the phase or phases (:class:`Options`), builds the content (pufu-editor JSON, Markdown,
a diagram, or a deck) and writes it: atomically, never replacing a file without ``force``,
never onto the project file itself. ``target`` ``-`` writes to standard output (the CLI's
default for text formats). Diagrams of every phase (``all_phases``) go to one file per phase
(:func:`phase_paths`). ``progress(done, total)`` is called as files or slides are made and
``warn(message)`` with what the user should know (what pufu-editor cannot hold); nothing here
prints.

Diagrams of every phase (and the report's diff diagrams) are drawn by ``jobs`` worker
processes at once (:func:`draw_all`; default: one per CPU); each file's bytes are those of a
serial run, written in the same order.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..i18n import t
from ..model import FileError, Project, PufuError, write_atomic

if TYPE_CHECKING:
    from ..model import ChartData

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
    #: worker processes drawing diagrams of every phase (None: one per CPU; 1: no workers)
    jobs: int | None = None

    def diagram(self) -> dict[str, object]:
        return {"theme": self.theme, "comments": self.comments, "lang": self.lang}

    @property
    def canvas(self) -> str | None:
        return None if self.size == "none" else self.size


def _nothing(done: int, total: int) -> None:
    return None


def default_jobs() -> int:
    """Worker processes by default: one per CPU this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Drawing:
    """One diagram to draw, as plain data a worker process can be sent: the chart (and the
    ghosts of a diff diagram) as file data, the format, the canvas and the diagram's options."""

    chart: ChartData
    fmt: str
    size: Any = "16:9"
    dpi: int | None = None
    options: dict[str, Any] = field(default_factory=dict)
    ghosts: ChartData | None = None


def draw(drawing: Drawing) -> bytes:
    """The bytes of one diagram (in this process or in a worker)."""
    from ..model import Chart
    from .diagram import render

    chart = Chart.from_data(drawing.chart)
    ghosts = Chart.from_data(drawing.ghosts) if drawing.ghosts is not None else None
    # a PufuError crosses back from a worker whole (errors pickle: key and values), and is
    # worded in the language of the process that shows it
    return render(chart, drawing.fmt, size=drawing.size, dpi=drawing.dpi, ghosts=ghosts, **drawing.options)


def draw_all(drawings: Sequence[Drawing], jobs: int | None, done: Callable[[int, bytes], None]) -> None:
    """Draw every diagram, ``jobs`` at a time in worker processes (None: :func:`default_jobs`),
    and hand each one's bytes to ``done(index, data)`` in order, as soon as it and those before
    it are drawn. Workers are started fresh (``spawn``): safe from a thread such as the
    editor's export worker, and each lays out with its own Graphviz and font set-up. As with
    any ``spawn``, a script calling this keeps its own work under ``if __name__ ==
    "__main__":``; when the workers cannot start, the rest is drawn here."""
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise ExportError("err.export.jobs", jobs=jobs)
    if jobs == 1 or len(drawings) < 2:
        for index, drawing in enumerate(drawings):
            done(index, draw(drawing))
        return
    from concurrent.futures.process import BrokenProcessPool

    pool = _pool(min(jobs, len(drawings)))
    try:
        results = pool.map(draw, drawings) if pool is not None else None
    except (OSError, ValueError, BrokenProcessPool):  # the workers cannot start
        results = None
    finished = 0
    try:
        for index, data in enumerate(results or ()):
            done(index, data)
            finished = index + 1
    except BrokenProcessPool:  # workers that died starting (a script without a __main__ guard)
        pass
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    for index in range(finished, len(drawings)):  # what the workers could not draw
        done(index, draw(drawings[index]))


def _pool(workers: int, **more: Any) -> Any:
    """Fresh worker processes (``spawn``), or None where they cannot be started: in the editor,
    whose standard error has no file descriptor for multiprocessing's helper process."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    try:
        return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), **more)
    except (OSError, ValueError):
        return None


#: The project a deck worker lays slides out for (set once per worker process).
_deck_project: list[Project] = []


def _deck_worker(project: Project) -> None:
    _deck_project[:] = [project]


def _deck_slide(job: tuple[int, dict[str, Any]]) -> int:
    """Make one phase's slide in a worker: its layout search leaves the layout in the cache
    folder (:mod:`pufu.export.fit`) for the deck made afterwards."""
    from .deck import build_deck

    number, options = job
    build_deck(_deck_project[0], [number], **options)
    return number


@contextmanager
def _slides_ahead(project: Project, options: Options) -> Iterator[Callable[[int], None]]:
    """Search the slides' layouts ahead in ``jobs`` worker processes while the deck is made in
    this one: ``ahead(n)`` waits until slide ``n``'s layout is in the cache folder
    (:mod:`pufu.export.fit`), where making the slide then finds it. The deck's bytes do not
    depend on it: a layout a worker did not find is searched when the slide is made."""
    from . import fonts
    from .fit import MAX_PARTS

    jobs = default_jobs() if options.jobs is None else options.jobs
    numbers = [
        number
        for number in range(1, len(project.phases) + 1)
        if len(project.phase_chart(number).purposes()) + len(project.phase_chart(number).measures()) <= MAX_PARTS
    ]
    if options.picture or jobs < 2 or len(numbers) < 2 or not fonts.ensure():
        yield lambda number: None
        return
    from concurrent.futures import Future

    shared = Project(title=project.title, draft=project.draft, phases=list(project.phases))
    pool = _pool(min(jobs, len(numbers)), initializer=_deck_worker, initargs=(shared,))
    if pool is None:
        yield lambda number: None
        return
    try:
        futures: dict[int, Future[int]] = {}
        try:
            for number in numbers:
                futures[number] = pool.submit(_deck_slide, (number, options.diagram()))
        except Exception:  # workers that cannot start: every slide is made here
            pass

        def ahead(number: int) -> None:
            future = futures.get(number)
            if future is not None:
                try:
                    future.result()
                except Exception:  # made (and reported, if it fails) in this process
                    pass

        yield ahead
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


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
        with _slides_ahead(project, options if total > 1 else replace(options, jobs=1)) as ahead:
            ahead(1)

            def step() -> None:
                done[0] += 1
                progress(done[0], total)
                ahead(done[0] + 1)

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
    if options.jobs is not None and options.jobs < 1:
        raise ExportError("err.export.jobs", jobs=options.jobs)
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
    from .diagram import Header

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
    drawings = [
        Drawing(
            phase.chart,
            fmt,
            options.canvas,
            options.dpi,
            {"header": Header.of(project, phase.number), **options.diagram()},
        )
        for phase in project.phases
    ]

    def write(index: int, content: bytes) -> None:
        _check_target(paths[index], options.force, name)
        write_atomic(paths[index], content)
        progress(index + 1, len(paths))

    draw_all(drawings, options.jobs, write)
    return paths
