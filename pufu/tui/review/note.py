"""Writing a review note (感想) in the replay: author, kind, the part it is about, the text.

Returns ``{"author", "kind", "part", "text"}`` (part is "" for the whole phase), or None when
cancelled. The caller normalises the text (NFC) and records it.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Select, Static

from ...i18n import t
from ...model import NOTE_KINDS, Chart
from ...model.partref import part_name, short_ids
from ..keys import localized


def part_choices(chart: Chart, lang: str | None) -> list[tuple[str, str]]:
    """(label, part id) for every part of the sheet, in sheet order; each label starts with the
    part's short id, which ``pufu note --part`` takes."""
    out: list[tuple[str, str]] = []
    short = short_ids(chart)
    for part in chart.parts():
        name = part_name(chart, part, lang)
        text = " ".join(part.text.split())
        out.append((f"[{short[part.id]}] {name}: {text[:40]}{'…' if len(text) > 40 else ''}", part.id))
    return out


class NoteScreen(ModalScreen[dict | None]):
    """A small form: who, what kind, on what, and the note. Enter in the note records it."""

    DEFAULT_CSS = """
    NoteScreen { align: center middle; }
    NoteScreen > Vertical { width: 90; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1; }
    /* full-width labels: a label's edge under an open drop-down would cut its wide characters */
    NoteScreen Label { margin-top: 1; width: 1fr; }
    NoteScreen #note-error { color: $error; height: auto; }
    NoteScreen Horizontal { height: auto; margin-top: 1; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "review.note.cancel", id="review.note.cancel"),
        Binding("ctrl+s", "save", "review.note.save", id="review.note.save"),
    ]

    def __init__(self, chart: Chart, phase: int, author: str, lang: str | None) -> None:
        super().__init__()
        self.chart, self.phase, self.author, self.lang = chart, phase, author, lang
        self._bindings = localized(self.BINDINGS, lang)

    def compose(self) -> ComposeResult:
        lang = self.lang
        kinds = [(t(f"review.note.{kind}", lang), kind) for kind in NOTE_KINDS]
        parts = [(t("review.note.whole_phase", lang), "")] + part_choices(self.chart, lang)
        with Vertical():
            yield Static(Text(t("review.note.title", lang, phase=self.phase), style="bold"))
            yield Label(t("review.note.author", lang))
            yield Input(self.author, id="note-author", compact=True)
            yield Label(t("review.note.kind", lang))
            yield Select(kinds, value="good", allow_blank=False, id="note-kind", compact=True)
            yield Label(t("review.note.part", lang))
            yield Select(parts, value="", allow_blank=False, id="note-part", compact=True)
            yield Label(t("review.note.text", lang))
            yield Input(id="note-text", compact=True)
            yield Static(id="note-error")
            with Horizontal():
                yield Button(t("review.note.save", lang), variant="primary", id="note-save")
                yield Button(t("review.note.cancel", lang), id="note-cancel")
        yield Footer(compact=True)  # this dialog's keys, in place of the replay's below

    def on_mount(self) -> None:
        self.query_one("#note-author", Input).focus()  # a pair takes turns: the name comes first

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "note-text":
            self.action_save()
        else:
            self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "note-save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        author = self.query_one("#note-author", Input).value
        text = self.query_one("#note-text", Input).value
        if not author.strip() or not text.strip():
            self.query_one("#note-error", Static).update(t("review.note.empty", self.lang))
            return
        self.dismiss(
            {
                "author": author,
                "kind": self.query_one("#note-kind", Select).value,
                "part": self.query_one("#note-part", Select).value,
                "text": text,
            }
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
