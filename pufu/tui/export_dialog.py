"""The export dialog of the editor screen: choose a format, a size, a theme, comments and a
path, and write a diagram (SVG, PNG, PDF, DOT) or a deck (PPTX) of the draft or of a phase.

``ExportDialog(project, phase, default_dir)`` is a ModalScreen; it returns the path written,
or None when cancelled. It never replaces an existing file without asking first.
"""

from __future__ import annotations

import re
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from ..i18n import t
from ..model import Project, PufuError, write_atomic

FORMATS = ("png", "svg", "pdf", "pptx", "dot")
SIZES = ("16:9", "4:3", "a4", "none")
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def default_name(project: Project, phase: int | None, fmt: str) -> str:
    """A file name from the project's title as typed (Japanese kept), and the phase."""
    stem = _UNSAFE.sub("_", project.title).strip(" .") or "pufu"
    if fmt != "pptx":
        stem += f"-phase{phase}" if phase is not None else "-draft"
    return f"{stem[:80]}.{fmt}"


def export_bytes(
    project: Project, phase: int | None, fmt: str, size: str, theme: str, comments: bool
) -> bytes:
    """What the dialog writes: a diagram of the draft or phase, or a deck."""
    if fmt == "pptx":
        from ..export.deck import build_deck

        return build_deck(project, [phase] if phase else None, theme=theme, comments=comments)
    from ..export.diagram import Header, render

    chart = project.phase_chart(phase) if phase else project.draft
    return render(
        chart,
        fmt,
        size=None if size == "none" else size,
        header=Header.of(project, phase),
        theme=theme,
        comments=comments,
    )


class ConfirmReplace(ModalScreen[bool]):
    """Yes or no: replace an existing file."""

    BINDINGS = [Binding("escape", "no", "No", id="export.replace.no")]
    DEFAULT_CSS = """
    ConfirmReplace { align: center middle; }
    ConfirmReplace > Vertical { width: 60; height: auto; border: thick $warning; padding: 1 2;
        background: $surface; }
    ConfirmReplace Horizontal { height: auto; margin-top: 1; }
    ConfirmReplace Button { margin-right: 2; }
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(t("export.dialog.replace", path=str(self.path)))
            with Horizontal():
                yield Button(t("export.dialog.replace_no"), id="no", variant="primary")
                yield Button(t("export.dialog.replace_yes"), id="yes", variant="warning")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_no(self) -> None:
        self.dismiss(False)


class ExportDialog(ModalScreen[Path | None]):
    """Export the draft (phase None) or a recorded phase to a file."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]
    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > Vertical { width: 76; height: auto; border: thick $primary; padding: 1 2;
        background: $surface; }
    ExportDialog .row { height: auto; margin-bottom: 1; }
    ExportDialog .row > Label { width: 12; padding-top: 1; }
    ExportDialog Select { width: 1fr; }
    ExportDialog Input { width: 1fr; }
    ExportDialog #error { color: $error; height: auto; }
    ExportDialog #buttons { height: auto; }
    ExportDialog Button { margin-right: 2; }
    """

    def __init__(self, project: Project, phase: int | None, default_dir: str | Path) -> None:
        super().__init__()
        self.project, self.phase = project, phase
        self.default_dir = Path(default_dir)

    def compose(self) -> ComposeResult:
        which = (
            t("export.dialog.phase", number=self.phase)
            if self.phase is not None
            else t("export.dialog.draft")
        )
        with Vertical():
            yield Label(f"[b]{t('export.dialog.title')}[/b] — {which}", markup=True)
            with Horizontal(classes="row"):
                yield Label(t("export.dialog.format"))
                yield Select(
                    [(f.upper(), f) for f in FORMATS], value="png", allow_blank=False, id="format"
                )
            with Horizontal(classes="row"):
                yield Label(t("export.dialog.size"))
                yield Select([(s, s) for s in SIZES], value="16:9", allow_blank=False, id="size")
            with Horizontal(classes="row"):
                yield Label(t("export.dialog.theme"))
                yield Select(
                    [(t(f"export.dialog.theme.{name}"), name) for name in ("light", "dark")],
                    value="light",
                    allow_blank=False,
                    id="theme",
                )
            yield Checkbox(t("export.dialog.comments"), id="comments")
            with Horizontal(classes="row"):
                yield Label(t("export.dialog.path"))
                path = self.default_dir / default_name(self.project, self.phase, "png")
                yield Input(str(path), id="path")
            yield Static("", id="error")
            with Horizontal(id="buttons"):
                yield Button(t("export.dialog.export"), id="export", variant="primary")
                yield Button(t("export.dialog.cancel"), id="cancel")

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
            self._error(t("export.dialog.no_path"))
            return
        path = Path(text).expanduser()
        if not path.parent.is_dir():
            self._error(t("export.dialog.no_folder", folder=str(path.parent)))
            return
        if path.exists():
            self.app.push_screen(
                ConfirmReplace(path), lambda yes: self._write(path) if yes else None
            )
            return
        self._write(path)

    def _write(self, path: Path) -> None:
        fmt = str(self.query_one("#format", Select).value)
        try:
            data = export_bytes(
                self.project,
                self.phase,
                fmt,
                str(self.query_one("#size", Select).value),
                str(self.query_one("#theme", Select).value),
                self.query_one("#comments", Checkbox).value,
            )
            write_atomic(path, data)
        except (PufuError, OSError) as exc:
            self._error(t("export.dialog.failed", error=str(exc)))
            return
        finally:
            self.app.refresh(repaint=True)  # the first render may have muted the terminal briefly
        self.dismiss(path)

    def _error(self, message: str) -> None:
        self.query_one("#error", Static).update(message)
