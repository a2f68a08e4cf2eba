"""The export dialog of the editor screen: choose a format, a size, a theme, comments and a
path, and write a diagram (SVG, PNG, PDF, DOT) or a deck (PPTX) of the draft or of a phase.

``ExportDialog(project, phase, default_dir)`` is a ModalScreen; it returns the path written,
or None when cancelled. It never replaces an existing file without asking first. It runs the
same export as ``pufu export`` (:func:`pufu.export.run.export`) in a worker thread, with a
progress bar, starting from the settings' size and theme and in the editor's language.
"""

from __future__ import annotations

import re
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Footer, Input, Label, ProgressBar, Select, Static
from textual.worker import Worker, WorkerState

from ..export.run import Options, export
from ..i18n import t
from ..model import Project, PufuError
from .keys import localized

FORMATS = ("png", "svg", "pdf", "pptx", "dot")
SIZES = ("16:9", "4:3", "a4", "none")
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def default_name(project: Project, phase: int | None, fmt: str) -> str:
    """A file name from the project's title as typed (Japanese kept), and the phase."""
    stem = _UNSAFE.sub("_", project.title).strip(" .") or "pufu"
    if fmt != "pptx":
        stem += f"-phase{phase}" if phase is not None else "-draft"
    return f"{stem[:80]}.{fmt}"


def settings_defaults() -> tuple[str, str]:
    """The settings' export size and theme (:func:`pufu.settings.current`)."""
    from ..settings import current

    settings = current()
    return settings.export_size, settings.theme


class ConfirmReplace(ModalScreen[bool]):
    """Yes or no: replace an existing file."""

    BINDINGS = [Binding("escape", "no", "export.dialog.replace_no", id="export.replace.no")]
    DEFAULT_CSS = """
    ConfirmReplace { align: center middle; }
    ConfirmReplace > Vertical { width: 70; max-width: 100%; height: auto; max-height: 100%;
        border: thick $warning; padding: 1 2; background: $surface; }
    ConfirmReplace Label { width: 1fr; }
    ConfirmReplace Horizontal { height: auto; margin-top: 1; }
    ConfirmReplace Button { margin-right: 2; }
    """

    def __init__(self, path: Path, lang: str | None = None) -> None:
        super().__init__()
        self.path, self.lang = path, lang

    def compose(self) -> ComposeResult:
        self._bindings = localized(self.BINDINGS, self.lang)
        with Vertical():
            yield Label(t("export.dialog.replace", self.lang, path=str(self.path)), markup=False)
            with Horizontal():
                yield Button(t("export.dialog.replace_no", self.lang), id="no", variant="primary")
                yield Button(t("export.dialog.replace_yes", self.lang), id="yes", variant="warning")
        yield Footer(compact=True)  # this dialog's keys, in place of the editor's below

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_no(self) -> None:
        self.dismiss(False)


class ExportDialog(ModalScreen[Path | None]):
    """Export the draft (phase None) or a recorded phase to a file."""

    BINDINGS = [Binding("escape", "cancel", "export.dialog.cancel", id="export.cancel")]
    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > Vertical { width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; padding: 1 2; background: $surface; }
    ExportDialog #export-title { margin-bottom: 1; }
    ExportDialog .row { height: auto; margin-bottom: 1; }
    ExportDialog .row > Label { width: 12; }
    ExportDialog Checkbox { margin-bottom: 1; }
    ExportDialog Select { width: 1fr; }
    ExportDialog Input { width: 1fr; }
    ExportDialog #error { color: $error; height: auto; }
    ExportDialog ProgressBar { height: 1; }
    ExportDialog #buttons { height: auto; }
    ExportDialog Button { margin-right: 2; }
    """

    def __init__(
        self,
        project: Project,
        phase: int | None,
        default_dir: str | Path,
        *,
        lang: str | None = None,
        size: str | None = None,
        theme: str | None = None,
    ) -> None:
        super().__init__()
        self.project, self.phase = project, phase
        self.default_dir = Path(default_dir)
        self.lang = lang
        if size is None or theme is None:
            default_size, default_theme = settings_defaults()
            size, theme = size or default_size, theme or default_theme
        self.start_size, self.start_theme = size, theme

    def compose(self) -> ComposeResult:
        self.lang = self.lang or getattr(self.app, "lang", None)
        which = (
            t("export.dialog.phase", self.lang, number=self.phase)
            if self.phase is not None
            else t("export.dialog.draft", self.lang)
        )
        self._bindings = localized(self.BINDINGS, self.lang)
        with Vertical():
            yield Label(f"[b]{t('export.dialog.title', self.lang)}[/b] — {which}", markup=True, id="export-title")
            with Horizontal(classes="row"):
                yield Label(t("export.dialog.format", self.lang))
                yield Select(
                    [(f.upper(), f) for f in FORMATS], value="png", allow_blank=False, id="format", compact=True
                )
            with Horizontal(classes="row"):
                yield Label(t("export.dialog.size", self.lang))
                yield Select([(s, s) for s in SIZES], value=self.start_size, allow_blank=False, id="size", compact=True)
            with Horizontal(classes="row"):
                yield Label(t("export.dialog.theme", self.lang))
                yield Select(
                    [(t(f"export.dialog.theme.{name}", self.lang), name) for name in ("light", "dark")],
                    value=self.start_theme,
                    allow_blank=False,
                    id="theme",
                    compact=True,
                )
            yield Checkbox(t("export.dialog.comments", self.lang), id="comments", compact=True)
            with Horizontal(classes="row"):
                yield Label(t("export.dialog.path", self.lang))
                path = self.default_dir / default_name(self.project, self.phase, "png")
                yield Input(str(path), id="path", compact=True)
            yield ProgressBar(show_eta=False, id="progress")
            yield Static("", id="error")
            with Horizontal(id="buttons"):
                yield Button(t("export.dialog.export", self.lang), id="export", variant="primary")
                yield Button(t("export.dialog.cancel", self.lang), id="cancel")
        yield Footer(compact=True)

    @on(Select.Changed, "#format")
    def _format_changed(self, event: Select.Changed) -> None:
        path_input = self.query_one("#path", Input)
        path = Path(path_input.value)
        if path.suffix.lower().lstrip(".") in FORMATS:
            path_input.value = str(path.with_suffix(f".{event.value}"))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#export")
    @on(Input.Submitted, "#path")
    def _export(self) -> None:
        text = self.query_one("#path", Input).value.strip()
        if not text:
            self._error(t("export.dialog.no_path", self.lang))
            return
        path = Path(text).expanduser()
        if not path.parent.is_dir():
            self._error(t("export.dialog.no_folder", self.lang, folder=str(path.parent)))
            return
        if path.exists():
            self.app.push_screen(
                ConfirmReplace(path, self.lang), lambda yes: self._write(path, force=True) if yes else None
            )
            return
        self._write(path)

    def on_mount(self) -> None:
        self.query_one("#progress", ProgressBar).display = False

    def options(self, *, force: bool = False) -> Options:
        """The export as chosen: exactly what ``pufu export`` would be given."""
        return Options(
            phase=self.phase,
            size=str(self.query_one("#size", Select).value),
            theme=str(self.query_one("#theme", Select).value),
            comments=self.query_one("#comments", Checkbox).value,
            lang=self.lang,
            force=force,
        )

    def _write(self, path: Path, *, force: bool = False) -> None:
        fmt = str(self.query_one("#format", Select).value)
        self.query_one("#export", Button).disabled = True
        self.query_one("#progress", ProgressBar).display = True
        self._error("")
        self._run(fmt, self.options(force=force), path)

    @work(thread=True, exclusive=True, group="export")
    def _run(self, fmt: str, options: Options, path: Path) -> Path | None:
        """The export, off the screen's loop: its progress and a failure reach the screen through
        ``call_from_thread``; the file written is the worker's result, and the dialog closes once
        the worker has finished (:meth:`on_worker_state_changed`), never from inside it."""
        app = self.app

        def progress(done: int, total: int) -> None:
            app.call_from_thread(self._progress, done, total)

        try:
            export(self.project, fmt, options, path, progress=progress)
        except (PufuError, OSError) as exc:
            app.call_from_thread(self._failed, t("export.dialog.failed", self.lang, error=exc))
            return None
        return path

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group == "export" and event.state == WorkerState.SUCCESS and worker.result is not None:
            self._done(worker.result)

    def _progress(self, done: int, total: int) -> None:
        self.query_one("#progress", ProgressBar).update(total=total, progress=done)

    def _failed(self, message: str) -> None:
        self.query_one("#export", Button).disabled = False
        self.query_one("#progress", ProgressBar).display = False
        self._error(message)
        self.app.refresh(repaint=True)  # the first render may have muted the terminal briefly

    def _done(self, path: Path) -> None:
        self.app.refresh(repaint=True)
        self.dismiss(path)

    def _error(self, message: str) -> None:
        self.query_one("#error", Static).update(message)
