"""The chart actions of the editor: delete, reorder, colours, progress, links, comments, phases.

Each is a model operation through the session (so it is undoable), with a dialog when it needs
an answer. Mixed into :class:`~pufu.tui.app.PufuApp`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

from ..i18n import t
from ..model import COLOR_ORDER, SYMBOLS, ChartError, Color, Kind
from ..model.chart import Adding, Removing
from ..model.texts import nfc
from ..text import truncate
from .dialogs import CommentDialog, ConfirmDialog, InputDialog, PickDialog, RecordPhaseDialog
from .layout import Slot, number

if TYPE_CHECKING:
    from ..model import Finding, Session
    from ..model.merge import ConflictFinding
    from .sheet import SheetView


class ChartActions:
    """Actions on the selected part (mixed into the app)."""

    session: Session
    path: Path
    lang: str
    blink: bool
    message: str
    findings: list[Finding | ConflictFinding]
    _finding_index: int

    if TYPE_CHECKING:
        push_screen: Any  # App.push_screen

        @property
        def sheet(self) -> SheetView: ...
        def refresh_all(self, *, schedule: bool = True) -> None: ...
        def refresh_header(self) -> None: ...
        def say(self, message: str) -> None: ...
        def commit_editing(self) -> None: ...

    @overload
    def apply(self, operation: Adding, /, *args: Any, **kwargs: Any) -> str | None: ...
    @overload
    def apply(self, operation: Removing, /, *args: Any, **kwargs: Any) -> list[str] | None: ...
    @overload
    def apply(self, operation: str, /, *args: Any, **kwargs: Any) -> str | list[str] | None: ...

    def apply(self, operation: str, /, *args: Any, **kwargs: Any) -> str | list[str] | None:
        """Run one undoable operation; an impossible one is reported (and gives None), not raised."""
        try:
            result = self.session.apply(operation, *args, **kwargs)
        except ChartError as exc:
            self.say(exc.render_in(self.lang))
            return None
        self.message = ""  # what the status line said before (an error, a colour) is over
        self.refresh_all()
        return result

    def _selected_measure(self) -> Slot | None:
        slot = self.sheet.selection
        if self.session.chart.part(slot.part).kind != Kind.MEASURE:
            self.say(t("msg.only_measures", self.lang))
            return None
        return slot

    def _purpose_label(self, purpose: str) -> str:
        chart = self.session.chart
        index = chart.purposes().index(purpose)
        return f"{t('kind.purpose', self.lang)} {number(index)}: {truncate(chart.part(purpose).text, 50)}"

    # ------------------------------------------------------------------ delete, reorder

    def action_delete(self) -> None:
        slot = self.sheet.selection
        chart = self.session.chart
        part = chart.part(slot.part)
        layout = self.sheet.layout_
        column = layout.column(slot) if layout and slot in layout.places else [slot]
        index = column.index(slot)
        fallbacks = [*column[index + 1 :], *reversed(column[:index])]
        if slot.purpose:
            fallbacks.append(Slot(slot.purpose))
        fallbacks.append(Slot(chart.win))

        def remove(confirmed: bool | None = True) -> None:
            if not confirmed:
                return
            removed = self.apply("remove", slot.part)
            if removed is None:
                return
            gone = set(removed)
            target = next(
                (s for s in fallbacks if s.part not in gone and s.part in self.session.chart),
                Slot(self.session.chart.win),
            )
            self.sheet.select(target)

        if part.kind == Kind.MEASURE:
            message = t("dialog.delete_measure", self.lang, text=truncate(part.text, 40))
            self.push_screen(ConfirmDialog(message, self.lang), remove)
        elif part.kind == Kind.PURPOSE:
            only_here = [m for m in chart.measures_of(part.id) if len(chart.purposes_of(m)) == 1]
            if only_here:
                message = t("dialog.delete_purpose", self.lang, text=truncate(part.text, 40), count=len(only_here))
                self.push_screen(ConfirmDialog(message, self.lang), remove)
            else:
                remove()
        else:
            self.say(t("msg.not_removable", self.lang, what=t(f"kind.{part.kind.value}", self.lang)))

    def action_move_part(self, offset: int) -> None:
        slot = self.sheet.selection
        kind = self.session.chart.part(slot.part).kind
        if kind == Kind.PURPOSE:
            self.apply("move_purpose", slot.part, offset)
        elif kind == Kind.MEASURE and slot.purpose:
            self.apply("move_measure", slot.part, slot.purpose, offset)
        else:
            self.say(t("msg.not_movable", self.lang))
            return
        self.sheet.select(slot)

    # ------------------------------------------------------------------ colour, progress

    def action_cycle_color(self) -> None:
        slot = self._selected_measure()
        if slot is None:
            return
        color = self.session.chart.part(slot.part).color or Color.WHITE
        following = COLOR_ORDER[(COLOR_ORDER.index(color) + 1) % len(COLOR_ORDER)]
        self.apply("set_color", slot.part, following)
        if self.session.chart.part(slot.part).color == following:
            self.say(self._color_said(following))

    def _color_said(self, color: Color) -> str:
        """● 赤 — what the colour means: said in the status line when a 施策 takes it."""
        return f"{SYMBOLS[color]} {t('color.' + color.value, self.lang)} — {t('color.' + color.value + '.meaning', self.lang)}"

    def action_choose_color(self) -> None:
        slot = self._selected_measure()
        if slot is None:
            return
        current = self.session.chart.part(slot.part).color
        options = [
            (c.value, f"{SYMBOLS[c]} {t('color.' + c.value, self.lang)} — {t('color.' + c.value + '.meaning', self.lang)}")
            for c in COLOR_ORDER
        ]

        def chosen(color: str | None) -> None:
            if color and color != current:
                self.apply("set_color", slot.part, color)
                if self.session.chart.part(slot.part).color == color:
                    self.say(self._color_said(Color(color)))

        self.push_screen(PickDialog(t("dialog.choose_color", self.lang), options, current), chosen)

    def action_progress(self) -> None:
        slot = self._selected_measure()
        if slot is None:
            return
        current = self.session.chart.part(slot.part).progress

        def typed(value: str | None) -> None:
            if value is None:
                return
            value = nfc(value)
            if not value:
                progress = None
            elif value.isdigit() and 0 <= int(value) <= 100:
                progress = int(value)
            else:
                self.say(t("msg.progress_invalid", self.lang))
                return
            if progress != current:
                self.apply("set_progress", slot.part, progress)

        shown = "" if current is None else f"{current:g}"
        self.push_screen(InputDialog(t("dialog.progress", self.lang), shown, restrict=r"[0-9]{0,3}"), typed)

    def action_step_progress(self, step: int) -> None:
        slot = self._selected_measure()
        if slot is None:
            return
        before = self.session.chart.part(slot.part).progress
        current = int(before or 0)
        if step > 0:
            value = min(100, (current // 10 + 1) * 10)
        else:
            value = max(0, (current - 1) // 10 * 10) if current > 0 else 0
        if value != before:
            self.apply("set_progress", slot.part, value)

    # ------------------------------------------------------------------ links

    def action_link(self) -> None:
        slot = self._selected_measure()
        if slot is None:
            return
        chart = self.session.chart
        served = set(chart.purposes_of(slot.part))
        options = [(p, self._purpose_label(p)) for p in chart.purposes() if p not in served]
        if not options:
            self.say(t("msg.no_other_purpose", self.lang))
            return

        def chosen(purpose: str | None) -> None:
            if purpose:
                self.apply("link_measure", slot.part, purpose)
                if self.session.chart.graph.has_edge(slot.part, purpose):
                    self.sheet.select(Slot(slot.part, purpose))

        self.push_screen(PickDialog(t("dialog.link", self.lang), options), chosen)

    def action_unlink(self) -> None:
        slot = self._selected_measure()
        if slot is None or slot.purpose is None:
            return
        self.apply("unlink_measure", slot.part, slot.purpose)
        remaining = self.session.chart.purposes_of(slot.part)
        if slot.purpose not in remaining and remaining:
            self.sheet.select(Slot(slot.part, remaining[0]))

    # ------------------------------------------------------------------ comments

    def action_comment(self) -> None:
        slot = self.sheet.selection
        comment = self.session.chart.part(slot.part).comment

        def done(result: tuple[str, str] | None) -> None:
            if result is None:
                return
            color, text = result[0], nfc(result[1])
            if (color, text) != (comment.color, comment.text):
                self.apply("set_comment", slot.part, color, text)

        self.push_screen(CommentDialog(comment.color, comment.text, self.lang, self.blink), done)

    # ------------------------------------------------------------------ findings

    def action_next_finding(self) -> None:
        located = [f for f in self.findings if f.part and f.part in self.session.chart]
        if not located:
            self.say(t("msg.no_findings", self.lang))
            return
        self._finding_index = (self._finding_index + 1) % len(located)
        finding = located[self._finding_index]
        part = finding.part or self.session.chart.win  # every located finding names a part
        slots = self.sheet.layout_.slots_of(part) if self.sheet.layout_ else []
        self.sheet.select(slots[0] if slots else Slot(part))
        self.say(finding.message(self.lang))

    # ------------------------------------------------------------------ merge conflicts

    def _conflict_here(self) -> Any:
        """The conflict on the selected part; else one the sheet cannot show (the title, a part
        that only the other side keeps)."""
        conflicts = self.session.project.conflicts
        part = self.sheet.selection.part
        here = [c for c in conflicts if c.where.part == part]
        if here:
            return here[0]
        loose = [c for c in conflicts if c.where.part is None or c.where.part not in self.session.chart]
        return loose[0] if loose else None

    def action_take_side(self, side: str) -> None:
        """Settle the conflict of the selected part with ours or theirs (undoable)."""
        self.commit_editing()
        conflict = self._conflict_here()
        if conflict is None:
            key = "msg.no_conflict_here" if self.session.project.conflicts else "msg.no_conflicts"
            self.say(t(key, self.lang))
            return
        try:
            self.session.resolve_conflict(conflict.id, side)
        except ChartError as exc:
            self.say(exc.render_in(self.lang))
            return
        self.refresh_all()
        left = len(self.session.project.conflicts)
        if left:
            self.say(t("msg.conflict_taken", self.lang, side=side, left=left))
        else:
            self.say(t("msg.conflicts_done", self.lang))

    def action_help(self) -> None:
        from .help import HelpScreen

        self.push_screen(HelpScreen(self.lang))

    def action_goto_goal(self) -> None:
        self.sheet.action_goto_goal()

    def action_goto_elements(self) -> None:
        self.sheet.action_goto_elements()

    # ------------------------------------------------------------------ phases

    def action_record_phase(self) -> None:
        self.commit_editing()

        def done(result: tuple[str, str] | None) -> None:
            if result is None:
                return
            title, happened = (nfc(text) for text in result)  # the dialog refused an empty title
            try:  # one undoable step until the file is saved (pufu.model.session)
                phase = self.session.record_phase(title=title, happened=happened)
            except ChartError as exc:
                self.say(exc.render_in(self.lang))
                return
            self.refresh_all()
            said = [t("msg.recorded", self.lang, number=phase.number, title=phase.title)]
            said += self.session.project.date_warnings(phase.number, self.lang)
            self.say("  ".join(said))

        self.push_screen(RecordPhaseDialog(self.lang, self.blink), done)

    def action_phases(self) -> None:
        from .phases import PhaseScreen, phase_options

        project = self.session.project
        if not project.phases:
            self.say(t("dialog.no_phases", self.lang))
            return

        def chosen(key: str | None) -> None:
            if key:
                self.push_screen(PhaseScreen(project, int(key), self.lang))

        current = str(len(project.phases))
        self.push_screen(PickDialog(t("dialog.phases", self.lang), phase_options(project, self.lang), current), chosen)

    def action_review(self) -> None:
        """感想戦: replay the recorded phases; notes written there join the project, unsaved."""
        from .review.screens import ReviewScreen

        if not self.session.project.phases:
            self.say(t("dialog.no_phases", self.lang))
            return

        def noted(_note: Any) -> None:
            self.session.touch()
            self.refresh_header()

        self.push_screen(ReviewScreen(self.session.project, self.path, on_note=noted, lang=self.lang))

    # ------------------------------------------------------------------ export, templates

    def action_export(self) -> None:
        """The export dialog on the draft; the written file's path is shown when it closes."""
        from .export_dialog import ExportDialog

        def written(path: Any) -> None:
            if path is not None:
                self.say(str(path))

        self.push_screen(ExportDialog(self.session.project, None, self.path.parent), written)

    def action_template(self) -> None:
        from .template_picker import open_dialog

        open_dialog(self)
