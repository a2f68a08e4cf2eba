"""The editor app: one project, its session (undo/redo), saving, recovery copies, and the screen.

Every change to the chart goes through :class:`~pufu.model.Session` (``apply``, ``set_title``,
``undo``, ``redo``), so undo, the checks and saving are those of the model. The chart actions
live in :mod:`pufu.tui.actions`; this module holds what keeps the work safe.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import BindingsMap
from textual.timer import Timer
from textual.widgets import Footer, Header, Static

from ..i18n import default_lang, t
from ..model import (
    ConflictError,
    FileError,
    Finding,
    PufuError,
    Session,
    Stamp,
    check,
    dumps_project,
    load_project,
    save_project,
)
from ..model.recovery import discard_recovery, read_recovery, write_recovery
from ..recent import remember
from .actions import ChartActions
from .dialogs import ChoiceDialog, ConfirmDialog
from .editing import EditingMixin
from .keys import bindings
from .metric_actions import MetricActions
from .palette import PufuCommands
from .sheet import SheetView

#: Findings marked with ⚠ on the sheet (empty texts already show as "(empty)").
FLAGGED = frozenset({"orphan_measure", "purpose_without_measures", "too_many_purposes", "no_purposes"})


class PufuApp(EditingMixin, ChartActions, MetricActions, App[int]):
    """pufu's editor: draft a プ譜 by keyboard, with undo, checks and safe saving."""

    TITLE = "pufu"
    CSS = """
    Screen { layout: vertical; }
    #status { height: 1; padding: 0 1; background: $panel; }
    """
    COMMANDS = App.COMMANDS | {PufuCommands}

    def __init__(
        self,
        path: str | Path,
        *,
        lang: str | None = None,
        session: Session | None = None,
        stamp: Stamp | None = None,
        recovery_delay: float = 1.0,
        blink: bool = True,
    ) -> None:
        super().__init__()
        self.lang = lang or default_lang()
        self.path = Path(path)
        if session is None:
            project, stamp = load_project(self.path)
            session = Session(project)
        self.session = session
        self.stamp = stamp
        self.recovery_delay = recovery_delay
        self.blink = blink
        self.findings: list[Finding] = []
        self.message = ""
        self._recovery_timer: Timer | None = None
        self._finding_index = -1
        self._bindings = BindingsMap(bindings("app", self.lang))

    # ------------------------------------------------------------------ screen

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="譜")
        yield SheetView(self.session.chart, self.lang, id="sheet")
        yield from self.compose_editing()
        yield Static("", id="status", markup=False)
        yield Footer()

    @property
    def sheet(self) -> SheetView:
        return self.query_one("#sheet", SheetView)

    def on_mount(self) -> None:
        self.sheet.focus()
        self.refresh_all(schedule=False)
        remember(self.path)
        self.offer_recovery()

    def refresh_all(self, *, schedule: bool = True) -> None:
        """Show the chart as it is now: sheet, checks, header; keep the recovery copy current."""
        chart = self.session.chart
        self.findings = check(chart)
        flagged = {f.part for f in self.findings if f.part and f.code in FLAGGED}
        self.sheet.sparks = self.metric_sparks()
        self.sheet.show(chart, flagged)
        self.refresh_header()
        self.refresh_status()
        if schedule:
            self.schedule_recovery()

    def refresh_header(self) -> None:
        project = self.session.project
        unsaved = f"  {t('tui.unsaved', self.lang)}" if self.session.modified else ""
        self.title = f"{self.path.name}{unsaved}"
        phase = t("tui.draft_phase", self.lang, number=len(project.phases) + 1)
        self.sub_title = f"{project.title or t('untitled', self.lang)} · {phase}"

    def refresh_status(self) -> None:
        errors = sum(f.level == "error" for f in self.findings)
        warnings = len(self.findings) - errors
        line = Text()
        if self.message:
            line.append(self.message, style="bold")
            line.append("  │  ")
        if not self.findings:
            line.append(t("status.ok", self.lang), style="green")
        else:
            style = "bold red" if errors else "yellow"
            line.append(("✗ " if errors else "⚠ ") + t("status.findings", self.lang, errors=errors, warnings=warnings), style=style)
            selected = self.sheet.selection.part
            shown = next((f for f in self.findings if f.part == selected), self.findings[0])
            line.append(f"  {shown.message(self.lang)}", style="red" if shown.level == "error" else "")
            line.append("  (F8)", style="dim")
        self.query_one("#status", Static).update(line)

    def say(self, message: str) -> None:
        """Show a short message in the status line until the next move."""
        self.message = message
        self.refresh_status()

    def on_sheet_view_selected(self, event: SheetView.Selected) -> None:
        self.message = ""
        self.refresh_status()

    def on_sheet_view_activated(self, event: SheetView.Activated) -> None:
        self.action_edit()

    # ------------------------------------------------------------------ undo

    def action_undo(self) -> None:
        self.commit_editing()
        if self.session.undo() is None:
            self.say(t("msg.nothing_to_undo", self.lang))
            return
        self.refresh_all()
        self.say(t("msg.undone", self.lang))

    def action_redo(self) -> None:
        self.commit_editing()
        if self.session.redo() is None:
            self.say(t("msg.nothing_to_redo", self.lang))
            return
        self.refresh_all()
        self.say(t("msg.redone", self.lang))

    # ------------------------------------------------------------------ saving

    def action_save(self) -> None:
        self.commit_editing()
        self.save()

    def save(self, *, force: bool = False, then_quit: bool = False) -> bool:
        """Save; on a conflict ask (overwrite / reload / cancel); on failure keep the work."""
        try:
            self.stamp = save_project(self.session.project, self.path, self.stamp, force=force)
        except ConflictError:
            self.ask_conflict(then_quit)
            return False
        except FileError as exc:
            self.notify(t("msg.not_saved", self.lang, error=exc), severity="error", timeout=15, markup=False)
            self.say(t("msg.not_saved", self.lang, error=exc))
            return False
        self.session.mark_saved()
        self.cancel_recovery()
        discard_recovery(self.path)
        remember(self.path)
        self.refresh_header()
        self.say(t("msg.saved", self.lang, file=self.path.name))
        if then_quit:
            self.exit(0)
        return True

    def ask_conflict(self, then_quit: bool = False) -> None:
        def answer(choice: str | None) -> None:
            if choice == "overwrite":
                self.save(force=True, then_quit=then_quit)
            elif choice == "reload":
                self.reload()

        self.push_screen(
            ChoiceDialog(
                t("dialog.conflict", self.lang, file=self.path.name),
                [
                    ("overwrite", t("dialog.overwrite", self.lang)),
                    ("reload", t("dialog.reload", self.lang)),
                    ("cancel", t("dialog.cancel", self.lang)),
                ],
            ),
            answer,
        )

    def reload(self) -> None:
        try:
            project, stamp = load_project(self.path)
        except PufuError as exc:
            self.notify(str(exc), severity="error", timeout=15, markup=False)
            return
        self.session = Session(project)
        self.stamp = stamp
        self.cancel_recovery()
        discard_recovery(self.path)
        self.refresh_all(schedule=False)
        self.say(t("msg.reloaded", self.lang))

    async def action_quit(self) -> None:
        self.commit_editing()
        if not self.session.modified:
            self.cancel_recovery()
            discard_recovery(self.path)
            self.exit(0)
            return

        def answer(choice: str | None) -> None:
            if choice == "save":
                self.save(then_quit=True)
            elif choice == "discard":
                self.cancel_recovery()
                discard_recovery(self.path)
                self.exit(0)

        self.push_screen(
            ChoiceDialog(
                t("dialog.quit_unsaved", self.lang),
                [
                    ("save", t("dialog.save_and_quit", self.lang)),
                    ("discard", t("dialog.quit_without_saving", self.lang)),
                    ("cancel", t("dialog.cancel", self.lang)),
                ],
            ),
            answer,
        )

    # ------------------------------------------------------------------ recovery copies

    def schedule_recovery(self) -> None:
        """Keep the recovery copy in step with the work: written shortly after each change."""
        if not self.session.modified:
            self.cancel_recovery()
            discard_recovery(self.path)
            return
        if self.recovery_delay <= 0:
            self.write_recovery()
            return
        if self._recovery_timer is None:
            self._recovery_timer = self.set_timer(self.recovery_delay, self.write_recovery)

    def cancel_recovery(self) -> None:
        if self._recovery_timer is not None:
            self._recovery_timer.stop()
            self._recovery_timer = None

    def write_recovery(self) -> None:
        self._recovery_timer = None
        if not self.session.modified:
            return
        try:
            write_recovery(self.path, self.session.project, self.stamp)
        except PufuError as exc:
            self.notify(str(exc), severity="warning", markup=False)

    def offer_recovery(self) -> None:
        """After a crash, offer back the work the recovery copy holds."""
        found = read_recovery(self.path)
        if found is None:
            return
        if found.text == dumps_project(self.session.project):
            discard_recovery(self.path)
            return
        when = found.saved_local()

        def answer(recover: bool | None) -> None:
            if not recover:
                discard_recovery(self.path)
                return
            try:
                project = found.project()
            except PufuError as exc:
                self.notify(str(exc), severity="error", timeout=15, markup=False)
                discard_recovery(self.path)
                return
            self.session = Session(project)
            self.session.touch()
            self.stamp = found.base
            self.refresh_all()
            self.say(t("msg.recovered", self.lang))

        self.push_screen(
            ConfirmDialog(
                t("dialog.recover", self.lang, file=self.path.name, time=when),
                self.lang,
                yes=t("dialog.recover_yes", self.lang),
                no=t("dialog.recover_no", self.lang),
            ),
            answer,
        )
