"""Small modal dialogs, each reused wherever the app must ask something.

- :class:`ConfirmDialog` — yes or no (``ModalScreen[bool]``);
- :class:`ChoiceDialog` — one of a few buttons (save and quit / quit / cancel, ...);
- :class:`PickDialog` — one item of a list (colours, 中間目的, phases);
- :class:`InputDialog` — one line (progress);
- :class:`CommentDialog` — a comment's colour and text;
- :class:`RecordPhaseDialog` — the title of a phase and what happened.
Escape always cancels.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, OptionList, RadioButton, RadioSet
from textual.widgets.option_list import Option

from ..i18n import t
from .editor import PartEditor

DIALOG_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: auto; min-width: 40; max-width: 90%; height: auto; max-height: 90%;
    border: thick $accent; background: $surface; padding: 1 2;
}}
{name} Label.message {{ width: auto; max-width: 80; margin-bottom: 1; }}
{name} Horizontal {{ height: auto; width: auto; }}
{name} Button {{ margin-right: 1; }}
{name} .field-label {{ margin-top: 1; color: $text-muted; }}
"""


class ConfirmDialog(ModalScreen[bool]):
    """Ask a yes-or-no question: ``y``/``n`` answer, Escape says no."""

    DEFAULT_CSS = DIALOG_CSS.format(name="ConfirmDialog")
    BINDINGS = [
        Binding("y", "answer(True)", show=False),
        Binding("n,escape", "answer(False)", show=False),
    ]

    def __init__(self, message: str, lang: str = "ja", yes: str | None = None, no: str | None = None) -> None:
        super().__init__()
        self.message = message
        self.yes = yes or t("dialog.yes", lang)
        self.no = no or t("dialog.no", lang)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.message, classes="message", markup=False)
            with Horizontal():
                yield Button(f"{self.yes} (y)", variant="primary", id="yes", compact=True)
                yield Button(f"{self.no} (n)", id="no", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class ChoiceDialog(ModalScreen[str | None]):
    """Choose one of a few actions; digits 1, 2, 3 choose too; Escape gives None."""

    DEFAULT_CSS = DIALOG_CSS.format(name="ChoiceDialog") + "ChoiceDialog Button { width: 100%; margin-bottom: 1; content-align: left middle; }"
    BINDINGS = [
        Binding("escape", "choose(None)", show=False),
        *[Binding(str(n), f"choose_index({n - 1})", show=False) for n in range(1, 10)],
    ]

    def __init__(self, message: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.message = message
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.message, classes="message", markup=False)
            for index, (choice, label) in enumerate(self.choices):
                yield Button(f"{index + 1}. {label}", id=f"choice-{choice}", variant="primary" if index == 0 else "default", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "").removeprefix("choice-"))

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)

    def action_choose_index(self, index: int) -> None:
        if index < len(self.choices):
            self.dismiss(self.choices[index][0])


class PickDialog(ModalScreen[str | None]):
    """Pick one item of a list with the arrows and Enter (or a click); Escape gives None. Its
    footer shows these keys (in place of the screen's below, which do not work here)."""

    DEFAULT_CSS = DIALOG_CSS.format(name="PickDialog") + "PickDialog OptionList { height: auto; max-height: 20; min-width: 40; }"
    BINDING_IDS = ("dialog.pick", "dialog.back")

    def __init__(self, title: str, options: list[tuple[str, str]], current: str | None = None, lang: str | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.options = options
        self.current = current
        self.lang = lang

    def compose(self) -> ComposeResult:
        lang = self.lang or getattr(self.app, "lang", None)
        self._bindings = BindingsMap(
            [
                Binding("enter", "pick", t("dialog.pick", lang), priority=True, id="dialog.pick"),
                Binding("escape", "cancel", t("dialog.back", lang), id="dialog.back"),
            ]
        )
        with Vertical():
            yield Label(self.title_text, classes="message", markup=False)
            yield OptionList(*[Option(label, id=key) for key, label in self.options], markup=False)
        yield Footer(compact=True)

    def action_pick(self) -> None:
        self.query_one(OptionList).action_select()

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        keys = [key for key, _ in self.options]
        if self.current in keys:
            options.highlighted = keys.index(self.current)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class InputDialog(ModalScreen[str | None]):
    """Type one line; Enter confirms, Escape gives None."""

    DEFAULT_CSS = DIALOG_CSS.format(name="InputDialog") + "InputDialog Input { width: 40; }"
    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, title: str, value: str = "", restrict: str | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.restrict = restrict

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, classes="message", markup=False)
            yield Input(self.value, restrict=self.restrict, select_on_focus=True)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class CommentDialog(ModalScreen[tuple[str, str] | None]):
    """A comment: its colour (blue note, green went well, red problem) and its text."""

    DEFAULT_CSS = DIALOG_CSS.format(name="CommentDialog") + "CommentDialog PartEditor { width: 60; }"
    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, color: str, text: str, lang: str = "ja", blink: bool = True) -> None:
        super().__init__()
        self.color = color
        self.text = text
        self.lang = lang
        self.blink = blink

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(t("dialog.comment_color", self.lang), classes="field-label")
            with RadioSet(id="comment-color"):
                for color in ("blue", "green", "red"):
                    label = f"{t('tui.comment.' + color, self.lang)} ({t('color.' + color, self.lang)})"
                    yield RadioButton(label, value=color == self.color, id=f"color-{color}")
            yield Label(f"{t('dialog.comment', self.lang)} — {t('editor.hint', self.lang)}", classes="field-label")
            yield PartEditor(self.text, blink=self.blink, id="comment-text")

    def on_mount(self) -> None:
        editor = self.query_one(PartEditor)
        editor.move_cursor(editor.document.end)
        editor.focus()

    def chosen_color(self) -> str:
        pressed = self.query_one(RadioSet).pressed_button
        return (pressed.id or "color-blue").removeprefix("color-") if pressed else self.color

    def on_part_editor_confirmed(self, event: PartEditor.Confirmed) -> None:
        event.stop()
        self.dismiss((self.chosen_color(), event.text))

    def on_part_editor_cancelled(self, event: PartEditor.Cancelled) -> None:
        event.stop()
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class RecordPhaseDialog(ModalScreen[tuple[str, str] | None]):
    """Record a phase: a title (Enter goes on), then what happened (Enter records)."""

    DEFAULT_CSS = (
        DIALOG_CSS.format(name="RecordPhaseDialog")
        + "RecordPhaseDialog Input, RecordPhaseDialog PartEditor { width: 60; }"
        + "RecordPhaseDialog #phase-title-error { color: $error; display: none; }"
    )
    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, lang: str = "ja", blink: bool = True) -> None:
        super().__init__()
        self.lang = lang
        self.blink = blink

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(t("dialog.record", self.lang), classes="message")
            yield Label(t("dialog.record_title", self.lang), classes="field-label")
            yield Input(id="phase-title")
            yield Label("", id="phase-title-error", classes="field-label")
            yield Label(f"{t('dialog.record_happened', self.lang)} — {t('editor.hint', self.lang)}", classes="field-label")
            yield PartEditor(blink=self.blink, id="phase-happened")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def _title_missing(self) -> bool:
        """An empty title is refused here, the dialog staying open (as pufu snapshot refuses it)."""
        error = self.query_one("#phase-title-error", Label)
        if self.query_one(Input).value.strip():
            error.update("")
            error.display = False
            return False
        error.update(t("msg.empty_phase_title_dialog", self.lang))
        error.display = True
        self.query_one(Input).focus()
        return True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not self._title_missing():
            self.query_one(PartEditor).focus()

    def on_part_editor_confirmed(self, event: PartEditor.Confirmed) -> None:
        event.stop()
        if not self._title_missing():
            self.dismiss((self.query_one(Input).value, event.text))

    def on_part_editor_cancelled(self, event: PartEditor.Cancelled) -> None:
        event.stop()
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
