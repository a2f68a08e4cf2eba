"""Editing texts: Enter on a part, ``a``/``m`` to add one, ``t`` for the project title.

The edit box (:class:`~pufu.tui.editor.EditBar`) opens at the foot of the sheet. A part added
with ``a`` appears at once, selected; confirming its text makes adding and writing one undo
step, and cancelling takes the new part away again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import ComposeResult

from ..i18n import t
from ..model import ChartError, Kind, Part
from ..model.session import Mark
from ..model.texts import nfc
from .editor import EditBar, PartEditor
from .layout import Slot, number

if TYPE_CHECKING:
    from ..model import Session
    from .sheet import SheetView


@dataclass
class EditTarget:
    """What the open edit box writes to."""

    kind: str  # "text" (a part's text) or "title" (the project title)
    part: str | None = None
    readd: Callable[[str], Any] | None = None  # for a part just added: add it again, with its text
    back: tuple[Mark, Slot] | None = None  # for a part just added: the session and selection before
    focused: bool = False  # the box has had the focus


class EditingMixin:
    """The app's text editing (mixed into :class:`~pufu.tui.app.PufuApp`)."""

    session: Session
    lang: str
    blink: bool
    message: str
    _editing: EditTarget | None = None

    if TYPE_CHECKING:

        @property
        def sheet(self) -> SheetView: ...
        def refresh_all(self, *, schedule: bool = True) -> None: ...
        def say(self, message: str) -> None: ...
        def query_one(self, selector: Any, expect_type: Any = None) -> Any: ...
        def hold_keys(self) -> None: ...
        async def release_keys(self) -> None: ...
        def call_later(self, callback: Any, *args: Any, **kwargs: Any) -> bool: ...

    def compose_editing(self) -> ComposeResult:
        yield EditBar(self.lang, blink=self.blink, id="editbar")

    @property
    def editbar(self) -> EditBar:
        return self.query_one("#editbar", EditBar)

    @property
    def editing(self) -> bool:
        return self._editing is not None

    # ------------------------------------------------------------------ naming parts

    def part_name(self, part: Part) -> str:
        """How the edit box names a part: 獲得目標, 中間目的 2, 施策, ひと, ..."""
        chart = self.session.chart
        if part.kind == Kind.PURPOSE:
            return f"{t('kind.purpose', self.lang)} {number(chart.purposes().index(part.id))}"
        if part.kind == Kind.ELEMENT:
            return f"{t('kind.element', self.lang)}「{t('element.' + (part.key or ''), self.lang)}」"
        return t(f"kind.{part.kind.value}", self.lang)

    # ------------------------------------------------------------------ the edit box

    def start_edit(self, target: EditTarget, title: str, text: str) -> None:
        self.hold_keys()  # keys typed ahead are the box's, once it has the focus
        self._editing = target
        self.editbar.open(title, text)
        self.call_later(self.release_keys)  # after the focus moved (Widget.focus is queued too)

    def action_edit(self) -> None:
        slot = self.sheet.selection
        part = self.session.chart.part(slot.part)
        self.start_edit(
            EditTarget("text", part.id), t("editor.editing", self.lang, what=self.part_name(part)), part.text
        )

    def action_edit_title(self) -> None:
        what = t("editor.title", self.lang)
        self.start_edit(EditTarget("title"), t("editor.editing", self.lang, what=what), self.session.project.title)

    def commit_editing(self) -> None:
        """Confirm the text being edited, if any (before saving, quitting, undoing)."""
        if self._editing is not None:
            self._finish(self.editbar.editor.text)

    def on_part_editor_confirmed(self, event: PartEditor.Confirmed) -> None:
        if self._editing is None:
            return
        event.stop()
        self._finish(event.text)

    def on_part_editor_cancelled(self, event: PartEditor.Cancelled) -> None:
        if self._editing is None:
            return
        event.stop()
        target, self._editing = self._editing, None
        self._close()
        if target.back is not None:  # a part just added goes, without a trace
            mark, selected = target.back
            self.session.take_back(mark)
            self.refresh_all()
            self.sheet.select(selected)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """A click on the sheet while editing confirms the text (once the box had the focus:
        news of the sheet's focus from before the box opened changes nothing)."""
        if self._editing is None:
            return
        if event.widget is self.editbar.editor:
            self._editing.focused = True
        elif event.widget is self.sheet and self._editing.focused:
            self.commit_editing()

    def _close(self) -> None:
        self.editbar.close()
        self.sheet.focus()

    def _finish(self, raw: str) -> None:
        target, self._editing = self._editing, None
        assert target is not None
        self._close()
        self.message = ""  # a new change: what the status line said before is over
        text = nfc(raw)
        try:
            if target.kind == "title":
                if text != self.session.project.title:
                    self.session.set_title(text)
            elif target.readd is not None:
                self.session.undo()
                target.readd(text)
            elif (
                target.part is not None
                and target.part in self.session.chart
                and text != self.session.chart.part(target.part).text
            ):
                self.session.apply("set_text", target.part, text)
        except ChartError as exc:
            self.say(exc.render_in(self.lang))
        self.refresh_all()

    # ------------------------------------------------------------------ adding

    def action_add(self) -> None:
        """Add a part of the same kind after the selected one, and edit it."""
        slot = self.sheet.selection
        chart = self.session.chart
        kind = chart.part(slot.part).kind
        if kind == Kind.ELEMENT:
            self.say(t("msg.cannot_add", self.lang))
            return
        if kind == Kind.MEASURE:
            if slot.purpose is None:
                self.say(t("msg.need_purpose", self.lang))
                return
            self._add_measure(slot.purpose, after=slot.part)
            return
        purposes = chart.purposes()
        after = slot.part if kind == Kind.PURPOSE else (purposes[-1] if purposes else None)
        self._add_purpose(after)

    def action_add_measure(self) -> None:
        """Add a 施策 at the end of the selected 中間目的 (or of the one the 施策 stands under)."""
        slot = self.sheet.selection
        kind = self.session.chart.part(slot.part).kind
        purpose = slot.part if kind == Kind.PURPOSE else slot.purpose if kind == Kind.MEASURE else None
        if purpose is None:
            self.say(t("msg.need_purpose", self.lang))
            return
        self._add_measure(purpose, after=None)

    def _add_purpose(self, after: str | None) -> None:
        back = (self.session.mark(), self.sheet.selection)
        new = self.session.apply("add_purpose", "", after=after)
        self.refresh_all()
        self.sheet.select(Slot(new))

        def readd(text: str) -> None:
            self.session.apply("add_purpose", text, after=after, part_id=new)

        what = t("kind.purpose", self.lang)
        self.start_edit(EditTarget("text", new, readd, back), t("editor.adding", self.lang, what=what), "")

    def _add_measure(self, purpose: str, after: str | None) -> None:
        back = (self.session.mark(), self.sheet.selection)
        new = self.session.apply("add_measure", purpose, "", after=after)
        self.refresh_all()
        self.sheet.select(Slot(new, purpose))

        def readd(text: str) -> None:
            self.session.apply("add_measure", purpose, text, after=after, part_id=new)

        what = t("kind.measure", self.lang)
        self.start_edit(EditTarget("text", new, readd, back), t("editor.adding", self.lang, what=what), "")
