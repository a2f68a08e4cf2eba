"""The text box used for every text of the sheet: Enter confirms, Escape cancels, Ctrl+J (or
Shift/Alt+Enter where the terminal tells them apart) puts a newline in the text.

Text typed through an input method arrives as key presses or as a paste; both land here, and
the app stores it normalised to NFC. The box keeps its own character-level undo (Ctrl+Z while
typing); the chart's undo starts once the text is confirmed.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, TextArea

from ..i18n import t

NEWLINE_KEYS = frozenset({"ctrl+j", "shift+enter", "alt+enter", "ctrl+enter"})


class PartEditor(TextArea):
    """A TextArea that confirms on Enter and cancels on Escape."""

    DEFAULT_CSS = """
    PartEditor { height: auto; min-height: 3; max-height: 10; }
    """

    class Confirmed(Message):
        def __init__(self, editor: PartEditor, text: str) -> None:
            super().__init__()
            self.editor = editor
            self.text = text

        @property
        def control(self) -> PartEditor:
            return self.editor

    class Cancelled(Message):
        def __init__(self, editor: PartEditor) -> None:
            super().__init__()
            self.editor = editor

        @property
        def control(self) -> PartEditor:
            return self.editor

    def __init__(self, text: str = "", *, blink: bool = True, id: str | None = None) -> None:
        super().__init__(text, soft_wrap=True, show_line_numbers=False, tab_behavior="focus", id=id)
        self.cursor_blink = blink

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Confirmed(self, self.text))
            return
        if event.key == "escape":
            event.stop()
            event.prevent_default()
            self.post_message(self.Cancelled(self))
            return
        if event.key in NEWLINE_KEYS:
            event.stop()
            event.prevent_default()
            self.insert("\n")
            return
        await super()._on_key(event)

    def load(self, text: str) -> None:
        """Show a text to edit, with the cursor at its end."""
        self.load_text(text)
        self.move_cursor(self.document.end)


class EditBar(Vertical):
    """The box at the foot of the sheet where the selected text is edited."""

    DEFAULT_CSS = """
    EditBar { dock: bottom; height: auto; display: none; background: $boost;
              border-top: tall $accent; padding: 0 1; }
    EditBar > Label { width: 1fr; color: $text-muted; }
    """

    def __init__(self, lang: str, *, blink: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        self.blink = blink

    def compose(self) -> ComposeResult:
        yield Label("", id="edit-title")
        yield PartEditor(blink=self.blink, id="part-editor")

    @property
    def editor(self) -> PartEditor:
        return self.query_one(PartEditor)

    # Shown and hidden by its own style, not a class: a class would match the CSS of the box and
    # everything in it again, each time.

    @property
    def is_open(self) -> bool:
        return self.styles.display == "block"

    def open(self, title: str, text: str) -> None:
        self.query_one("#edit-title", Label).update(f"{title}   —   {t('editor.hint', self.lang)}")
        self.styles.display = "block"
        self.editor.load(text)
        self.editor.focus()

    def close(self) -> None:
        self.styles.display = "none"
