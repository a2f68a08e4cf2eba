"""The editor app: one project, its session (undo/redo), saving, recovery copies, and the screen.

Every change to the chart goes through :class:`~pufu.model.Session` (``apply``, ``set_title``,
``undo``, ``redo``), so undo, the checks and saving are those of the model. The chart actions
live in :mod:`pufu.tui.actions`; this module holds what keeps the work safe.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import events
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import BindingsMap
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Static

from ..i18n import default_lang, t
from ..model import ChartError, ConflictError, FileError, Finding, PufuError, Session, Stamp, check
from ..model.document import Document, losses, merge_from_disk
from ..model.merge import ConflictFinding, conflict_findings
from ..model.recovery import Copy, Opened, RecoverySession, copies, discard_copy
from ..recent import remember
from ..settings import current
from .actions import ChartActions
from .dialogs import ChoiceDialog, ConfirmDialog
from .editing import EditingMixin
from .footer import KeysFooter
from .keys import bindings, taken_ids, unknown_ids
from .metric_actions import MetricActions
from .palette import PufuCommands, open_palette, system_commands
from .sheet import SheetView
from .themes import Palettes

#: Findings marked with ⚠ on the sheet (empty texts already show as "(empty)").
FLAGGED = frozenset({"orphan_measure", "purpose_without_measures", "too_many_purposes", "no_purposes"})


class PufuApp(Palettes, EditingMixin, ChartActions, MetricActions, App[int]):
    """pufu's editor: draft a プ譜 by keyboard, with undo, checks and safe saving."""

    TITLE = "pufu"
    CSS = """
    Screen { layout: vertical; }
    #status { height: 1; padding: 0 1; background: $panel; }
    """
    COMMANDS = {PufuCommands}  # Textual's own commands listed after pufu's by PufuCommands

    def action_command_palette(self) -> None:
        open_palette(self, self.lang)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        return system_commands(super().get_system_commands(screen), screen, self.lang)

    def __init__(
        self,
        path: str | Path,
        *,
        lang: str | None = None,
        session: Session | None = None,
        stamp: Stamp | None = None,
        document: Document | None = None,
        recovery_delay: float = 1.0,
        blink: bool = True,
    ) -> None:
        super().__init__()
        self.use_palette()  # the theme setting: pufu-light or pufu-dark
        self.lang = lang or default_lang()
        if document is None:
            document = Document.open(path) if session is None else Document(Path(path), session.project, stamp)
        self.document = document
        self.session = session if session is not None else Session(document.project)
        self.recovery = RecoverySession(self.document.path)
        self.opened = Opened.of(self.document.path, self.document.project, self.document.stamp)
        self.crash_message = ""
        self.recovery_delay = recovery_delay
        self.blink = blink
        self.findings: list[Finding | ConflictFinding] = []
        self.message = ""
        self._recovery_timer: Timer | None = None
        self._finding_index = -1
        #: keys typed while a box is opening, for that box (None: keys go where they always go)
        self._held: list[events.Key | events.Paste] | None = None
        self._bindings = BindingsMap(bindings("app", self.lang))
        self.set_keymap(current().keys)  # the settings' [keys] table, binding id → keys

    @property
    def path(self) -> Path:
        return self.document.path

    @path.setter
    def path(self, value: str | Path) -> None:  # the template picker opens a new file
        self.document.path = Path(value)
        self.recovery.close()
        self.recovery = RecoverySession(self.document.path)

    @property
    def stamp(self) -> Stamp | None:
        return self.document.stamp

    @stamp.setter
    def stamp(self, value: Stamp | None) -> None:
        self.document.stamp = value
        self.opened = Opened.of(self.document.path, self.session.project, value)

    # ------------------------------------------------------------------ screen

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="譜")
        yield SheetView(self.session.chart, self.lang, id="sheet")
        yield from self.compose_editing()
        yield Static("", id="status", markup=False)
        yield KeysFooter(compact=True)  # every shown key fits in 80 columns

    @property
    def sheet(self) -> SheetView:
        return self.query_one("#sheet", SheetView)

    def on_mount(self) -> None:
        self.set_focus(self.sheet)  # at once (focus() waits its turn): the first key finds it
        self.refresh_all(schedule=False)
        remember(self.path)
        self.offer_recovery()
        self.call_after_refresh(self.report_keymap)
        self.call_after_refresh(self.freeze_loaded)

    @staticmethod
    def freeze_loaded() -> None:
        """What is loaded and drawn now lives as long as the editor, mostly: keep it out of the
        collector's full passes, which otherwise stall a key now and then (~40 ms at 100 × 10,
        ~8 ms then). Garbage is collected first, so none of it stays; unfrozen when the editor
        closes."""
        gc.collect()
        gc.freeze()

    def report_keymap(self) -> None:
        """Say which ids of the settings' ``[keys]`` name no key (a typo would go unnoticed)."""
        if not self._keymap:  # nothing to check: the screens' modules stay unloaded until used
            return
        unknown = unknown_ids(self._keymap)
        if unknown:
            self.notify(t("tui.keymap_unknown", self.lang, ids=", ".join(unknown)), severity="warning", markup=False)
        taken = taken_ids(self._keymap)  # Textual's keymap moves such a key without a word
        if taken:
            self.notify(t("tui.keymap_clash", self.lang, ids=", ".join(taken)), severity="warning", markup=False)

    def refresh_all(self, *, schedule: bool = True) -> None:
        """Show the chart as it is now: sheet, checks, header; keep the recovery copy current."""
        chart = self.session.chart
        self.findings = [*conflict_findings(self.session.project), *check(chart)]
        flagged = {f.part for f in self.findings if f.part and (f.code in FLAGGED or f.code == "conflict")}
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
        # the phase first: a long title is cut short at the end, not the phase
        self.sub_title = f"{phase} · {project.title or t('untitled', self.lang)}"

    def refresh_status(self) -> None:
        errors = sum(f.level == "error" for f in self.findings)
        warnings = len(self.findings) - errors
        line = Text()
        if self.message:
            line.append(self.message, style="bold")
            line.append("  │  ")
        conflicts = len(self.session.project.conflicts)
        if conflicts:  # left by a git merge: [ takes ours, ] theirs
            line.append(t("status.conflicts", self.lang, n=conflicts), style=f"bold {self.ink.decisive}")
            line.append("  ")
        if not self.findings:
            line.append(t("status.ok", self.lang), style=self.ink.ok)
        else:
            style = f"bold {self.ink.error}" if errors else self.ink.warn
            line.append(("✗ " if errors else "⚠ ") + t("status.findings", self.lang, errors=errors, warnings=warnings), style=style)
            selected = self.sheet.selection.part
            shown = next((f for f in self.findings if f.part == selected), self.findings[0])
            line.append(f"  {shown.message(self.lang)}", style=self.ink.error if shown.level == "error" else "")
            line.append("  (F8)", style="dim")
            if shown.code == "conflict":
                line.append(f"  {t('status.conflict_keys', self.lang)}", style="dim")
        self.query_one("#status", Static).update(line, layout=False)  # one line, always: no new layout

    def say(self, message: str) -> None:
        """Show a short message in the status line until the next move."""
        self.message = message
        self.refresh_status()

    def on_sheet_view_selected(self, event: SheetView.Selected) -> None:
        self.message = ""
        self.refresh_status()

    def on_sheet_view_activated(self, event: SheetView.Activated) -> None:
        self.action_edit()

    # ------------------------------------------------------------------ keys typed ahead

    async def on_event(self, event: events.Event) -> None:
        """Keys typed ahead belong to the box that the first of them opens.

        The sheet's keys run here, one after the other, rather than in the sheet's own queue:
        so when one opens the edit box or a dialog, the keys after it (already read from the
        terminal, or pasted) are held until that box has the focus, and then go to it.
        """
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            if self._held is not None:
                self._held.append(event)
                return
            # (while the app has no focus, Textual gives the focus back first: let it)
            if isinstance(event, events.Key) and self.app_focus and isinstance(self.focused, SheetView):
                if await self._check_bindings(event.key, priority=True) or await self._check_bindings(event.key):
                    return
        await super().on_event(event)

    def hold_keys(self) -> None:
        """A box is opening: keep the keys that follow for it (see :meth:`release_keys`)."""
        if self._held is None:
            self._held = []

    async def release_keys(self) -> None:
        """The box has the focus: hand it the keys typed meanwhile, in their order."""
        held, self._held = self._held, None
        for event in held or ():
            fresh = events.Paste(event.text) if isinstance(event, events.Paste) else events.Key(event.key, event.character)
            await self.on_event(fresh)

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        """Every dialog: the keys typed while it opens are its own."""
        self.hold_keys()
        result = super().push_screen(screen, *args, **kwargs)
        if isinstance(screen, Screen):
            screen.call_after_refresh(self.release_keys)
        else:
            self.call_later(self.release_keys)
        self.set_timer(1.0, self.release_keys)  # in case the screen closed before it was drawn
        return result

    # ------------------------------------------------------------------ undo

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A screen over the draft (a recorded phase, the review) can leave out draft keys it
        does not show (``DRAFT_KEYS_OFF``): they are neither in its footer nor run from it, nor
        from a dialog over it."""
        screen = next((screen for screen in reversed(self.screen_stack) if not screen.is_modal), self.screen)
        return action not in getattr(screen, "DRAFT_KEYS_OFF", ())

    def action_undo(self) -> None:
        self.commit_editing()
        phases = list(self.session.project.phases)
        try:
            label = self.session.undo()
        except ChartError as exc:  # a recorded phase that review notes already refer to
            self.say(str(exc))
            return
        if label is None:
            self.say(t("msg.nothing_to_undo", self.lang))
            return
        self.refresh_all()
        gone = phases[len(self.session.project.phases) :]
        if gone:
            self.say(t("phase.unrecorded", self.lang, number=gone[0].number, title=gone[0].title))
        else:
            self.say(t("msg.undone", self.lang))

    def action_redo(self) -> None:
        self.commit_editing()
        known = len(self.session.project.phases)
        try:
            label = self.session.redo()
        except ChartError as exc:
            self.say(str(exc))
            return
        if label is None:
            self.say(t("msg.nothing_to_redo", self.lang))
            return
        self.refresh_all()
        back = self.session.project.phases[known:]
        if back:
            self.say(t("phase.rerecorded", self.lang, number=back[0].number, title=back[0].title))
        else:
            self.say(t("msg.redone", self.lang))

    # ------------------------------------------------------------------ saving

    def action_save(self) -> None:
        self.commit_editing()
        self.save()

    def save(self, *, force: bool = False, then_quit: bool = False) -> bool:
        """Save under the file's lock; on a conflict ask (merge / overwrite / reload / cancel)."""
        self.document.project = self.session.project
        try:
            self.document.save(force=force, wait=current().lock_wait)
        except ConflictError:
            self.ask_conflict(then_quit)
            return False
        except FileError as exc:
            self.notify(t("msg.not_saved", self.lang, error=exc), severity="error", timeout=15, markup=False)
            self.say(t("msg.not_saved", self.lang, error=exc))
            return False
        self.saved()
        if then_quit:
            self.exit(0)
        return True

    def saved(self) -> None:
        self.opened = Opened.of(self.path, self.session.project, self.stamp)
        self.session.mark_saved()
        self.cancel_recovery()
        self.recovery.discard()
        remember(self.path)
        self.refresh_header()
        self.say(t("msg.saved", self.lang, file=self.path.name))

    def ask_conflict(self, then_quit: bool = False) -> None:
        """Say what each answer loses, comparing the file on disk with this work; merge first."""
        try:
            disk, disk_stamp = self.document.read_disk()
        except PufuError:
            disk = None
        mine = self.session.project
        if disk is not None:
            lost = losses(mine, disk, self.document.base)
            lines = [t("dialog.conflict", self.lang, file=self.path.name)]
            for choice, items in (("merge", lost.merge), ("overwrite", lost.overwrite), ("reload", lost.reload)):
                if items:
                    said = "; ".join(self.describe_loss(item) for item in items[:4])
                    more = f" (+{len(items) - 4})" if len(items) > 4 else ""
                    lines.append(t(f"dialog.loses_{choice}", self.lang, what=said + more))
            message = "\n".join(lines)
        else:
            message = t("dialog.conflict", self.lang, file=self.path.name)

        def answer(choice: str | None) -> None:
            if choice == "merge" and disk is not None:
                merged = merge_from_disk(mine, disk)
                self.session = Session(merged)
                self.session.touch()
                self.document.adopt(merged, disk_stamp)
                self.document.base = type(self.document.base).of(disk)
                self.refresh_all()
                self.save(then_quit=then_quit)
            elif choice == "overwrite":
                self.save(force=True, then_quit=then_quit)
            elif choice == "reload":
                self.reload()

        choices = [("merge", t("dialog.merge", self.lang))] if disk is not None else []
        choices += [
            ("overwrite", t("dialog.overwrite", self.lang)),
            ("reload", t("dialog.reload", self.lang)),
            ("cancel", t("dialog.cancel", self.lang)),
        ]
        self.push_screen(ChoiceDialog(message, choices), answer)

    def describe_loss(self, item: tuple[str, ...]) -> str:
        kind = item[0]
        if kind == "phase":
            return t("loss.phase", self.lang, number=item[1], title=item[2], date=item[3])
        if kind == "note":
            return t("loss.note", self.lang, phase=item[1], author=item[2], time=item[3])
        if kind == "draft":
            return t(f"loss.draft_{item[1]}", self.lang)
        return t("loss.title", self.lang, title=item[1])

    def reload(self) -> None:
        try:
            self.document.reload()
        except PufuError as exc:
            self.notify(exc.render_in(self.lang), severity="error", timeout=15, markup=False)
            return
        self.session = Session(self.document.project)
        self.opened = Opened.of(self.path, self.session.project, self.stamp)
        self.cancel_recovery()
        self.recovery.discard()
        self.refresh_all(schedule=False)
        self.say(t("msg.reloaded", self.lang))

    async def action_quit(self) -> None:
        self.commit_editing()
        if not self.session.modified:
            self.cancel_recovery()
            self.recovery.discard()
            self.exit(0)
            return

        def answer(choice: str | None) -> None:
            if choice == "save":
                self.save(then_quit=True)
            elif choice == "discard":
                self.cancel_recovery()
                self.recovery.discard()
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

    def on_unmount(self) -> None:
        self.recovery.close()
        gc.unfreeze()  # the editor's objects can go once it is closed (several editors in one process: tests)

    # ------------------------------------------------------------------ unexpected errors

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected error: keep the work in the recovery copy, say so in one line, and
        end with a non-zero exit code (never a traceback, never 0)."""
        kept = ""
        try:
            if self.session.modified:
                kept = str(self.recovery.write(self.recovery.payload(self.session.project, self.opened)))
        except Exception:  # noqa: BLE001 - the first error is the one to report
            kept = ""
        detail = f"{type(error).__name__}: {error}".splitlines()[0][:200] if str(error) else type(error).__name__
        key = "msg.crashed_kept" if kept else "msg.crashed"
        self.crash_message = t(key, self.lang, error=detail, copy=kept)
        self._return_code = 2
        if self._exception is None:
            self._exception = error
            self._exception_event.set()
        self._close_messages_no_wait()

    # ------------------------------------------------------------------ recovery copies

    def schedule_recovery(self) -> None:
        """Keep the recovery copy in step with the work: written shortly after each change."""
        if not self.session.modified:
            self.cancel_recovery()
            self.recovery.discard()
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
        """Take what the copy needs here (the draft, what was added) and write it in a thread."""
        self._recovery_timer = None
        if not self.session.modified:
            return
        payload = self.recovery.payload(self.session.project, self.opened)
        if self.recovery_delay <= 0:
            self._write_copy(payload)
        else:
            self.run_worker(lambda: self._write_copy(payload), thread=True, group="recovery", exclusive=True)

    def _write_copy(self, payload: dict) -> None:
        try:
            self.recovery.write(payload)
        except PufuError as exc:
            if self.recovery_delay > 0:
                self.call_from_thread(self.notify, exc.render_in(self.lang), severity="warning", markup=False)
            else:
                self.notify(exc.render_in(self.lang), severity="warning", markup=False)

    def offer_recovery(self) -> None:
        """After a crash, offer back the work other sessions' copies hold, newest first."""
        self.offer_copies(copies(self.path, exclude=self.recovery))

    def offer_copies(self, found: list[Copy]) -> None:
        if not found:
            return
        copy, rest = found[0], found[1:]
        try:
            project = copy.project(self.session.project)
        except PufuError:
            discard_copy(copy)
            self.offer_copies(rest)
            return
        running = copy.running()
        from ..model.store import dumps_project

        if not running and dumps_project(project) == dumps_project(self.session.project):
            discard_copy(copy)
            self.offer_copies(rest)
            return
        notes = [t("dialog.recover", self.lang, file=self.path.name, time=copy.saved_local())]
        if running:
            notes.append(t("recover.running", self.lang, pid=copy.pid))
        if copy.other_file(self.session.project):
            notes.append(t("recover.other_file", self.lang))
        elif not copy.base_matches(self.path):
            notes.append(t("recover.changed", self.lang))

        def answer(recover: bool | None) -> None:
            if recover:
                self.session = Session(project)
                self.session.touch()
                self.refresh_all()  # this session's own copy now holds the work
                self.say(t("msg.recovered", self.lang))
                if not running:
                    discard_copy(copy)
            elif not running:
                discard_copy(copy)
            self.offer_copies(rest)

        self.push_screen(
            ConfirmDialog(
                "\n".join(notes),
                self.lang,
                yes=t("dialog.recover_yes", self.lang),
                no=t("dialog.recover_no", self.lang) if not running else t("recover.later", self.lang),
            ),
            answer,
        )
