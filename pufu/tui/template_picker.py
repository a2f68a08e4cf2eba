""""New from template": a modal that lists the templates and previews the selected one's sheet.

    app.push_screen(TemplatePicker(lang), callback)  # the callback gets a name, or None

The screen only chooses. :func:`open_dialog` is the editor's hook (``pufu.tui.actions``): it
asks the new file's name (a free name beside the open file, editable; an existing file is
replaced only when confirmed, the open one never), makes it from the chosen template and
switches the editor to it, or, when the open project has unsaved changes, leaves it open and
says where the new file is.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList, Static
from textual.widgets.option_list import Option

from ..i18n import default_lang, t
from ..model import ELEMENT_KEYS, SYMBOLS, Color, Project, PufuError, Session, save_project
from ..model.texts import nfc
from ..palette import LIGHT_INK, Ink
from ..recent import remember
from ..settings import current
from ..templates import TemplateInfo, list_templates, load_template
from .dialogs import ConfirmDialog, InputDialog
from .themes import ink_of


@cache
def _template(name: str, lang: str) -> Project:
    return load_template(name, lang, fresh_ids=False)


def preview(project: Project, lang: str, ink: Ink = LIGHT_INK) -> Text:
    """A template's draft as text: goal, win condition, 中間目的 with their 施策, the elements."""
    chart = project.draft
    text = Text()
    if project.title:
        text.append(project.title + "\n", style="bold underline")
    if project.phases:
        text.append(t("picker.phases", lang, count=len(project.phases), notes=len(project.notes)) + "\n")
    text.append("\n")

    def line(label: str, body: str, style: str = "bold") -> None:
        text.append(label, style=style)
        text.append(f"  {body}\n")

    line(t("kind.goal", lang), chart.part(chart.goal).text)
    line(t("kind.win", lang), chart.part(chart.win).text)
    for number, purpose in enumerate(chart.purposes(), start=1):
        text.append("\n")
        line(f"{t('kind.purpose', lang)} {number}", chart.part(purpose).text, f"bold {ink.label}")
        for measure in chart.measures_of(purpose):
            part = chart.part(measure)
            color = part.color or Color.WHITE
            text.append(f"  {SYMBOLS[color]} ", style=f"bold {ink.measure[color]}")
            text.append(part.text)
            if part.progress is not None:
                text.append(f" ({part.progress:g}%)", style="dim")
            text.append("\n")
    text.append("\n")
    text.append(t("kind.elements", lang) + "\n", style="bold")
    for key in ELEMENT_KEYS:
        text.append(f"  {t('element.' + key, lang)}: ", style="bold")
        text.append(chart.part(chart.element(key)).text + "\n")
    return text


class TemplatePicker(ModalScreen[str | None]):
    """Choose a template; dismisses with its name, or None when cancelled."""

    DEFAULT_CSS = """
    TemplatePicker {
        align: center middle;
    }
    TemplatePicker > Vertical {
        width: 90%;
        height: 90%;
        border: thick $accent;
        background: $surface;
        padding: 0 1;
    }
    TemplatePicker #picker-title {
        text-style: bold;
        padding: 0 0 1 0;
    }
    TemplatePicker Horizontal#picker-body {
        height: 1fr;
    }
    TemplatePicker OptionList {
        width: 40%;
        height: 100%;
    }
    TemplatePicker VerticalScroll {
        width: 60%;
        height: 100%;
        border: round $panel;
        padding: 0 1;
    }
    TemplatePicker #picker-buttons {
        height: auto;
        align: right middle;
        padding: 1 0 0 0;
    }
    TemplatePicker #picker-hint {
        width: 1fr;
        color: $text-muted;
    }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="picker.cancel"),
    ]

    def __init__(self, lang: str | None = None) -> None:
        super().__init__()
        self.lang = lang or default_lang()
        self.templates: list[TemplateInfo] = list_templates(self.lang)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(t("picker.title", self.lang), id="picker-title")
            with Horizontal(id="picker-body"):
                yield OptionList(
                    *(self._option(info) for info in self.templates), id="picker-list"
                )
                with VerticalScroll(id="picker-preview-box"):
                    yield Static(id="picker-preview")
            with Horizontal(id="picker-buttons"):
                yield Label(t("picker.hint", self.lang), id="picker-hint")
                yield Button(t("picker.choose", self.lang), variant="primary", id="picker-choose")
                yield Button(t("picker.cancel", self.lang), id="picker-cancel")

    def _option(self, info: TemplateInfo) -> Option:
        prompt = Text()
        prompt.append(info.name, style="bold")
        prompt.append("\n" + info.description, style="dim")
        return Option(prompt, id=info.name)

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0
        options.focus()
        self._show(self.templates[0].name)

    @property
    def selected(self) -> str | None:
        """The highlighted template's name."""
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return None
        return options.get_option_at_index(options.highlighted).id

    def _show(self, name: str) -> None:
        self.query_one("#picker-preview", Static).update(preview(_template(name, self.lang), self.lang, ink_of(self.app.current_theme)))
        self.query_one("#picker-preview-box", VerticalScroll).scroll_home(animate=False)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self._show(event.option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "picker-choose":
            self.dismiss(self.selected)
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


def free_path(folder: Path, name: str) -> Path:
    """``NAME.pufu.json`` in ``folder``, or ``NAME-2.pufu.json`` and so on when that is taken."""
    candidate = folder / f"{name}.pufu.json"
    number = 2
    while candidate.exists():
        candidate = folder / f"{name}-{number}.pufu.json"
        number += 1
    return candidate


def target_path(folder: Path, name: str) -> Path:
    """The file a typed name means: in ``folder`` unless it says where; ``.pufu.json`` added
    when it names no JSON file."""
    path = Path(name).expanduser()
    if not path.name.endswith(".json"):
        path = path.with_name(path.name + ".pufu.json")
    return path if path.is_absolute() else folder / path


def open_dialog(app: Any) -> None:
    """The editor's "new from template": choose, name the file (an existing file is replaced only
    when confirmed, the open one never), create it, and open it when that is safe."""

    def chosen(name: str | None) -> None:
        if name is None:
            return
        folder = Path(app.path).parent
        ask_name(name, folder, free_path(folder, name).name)

    def ask_name(name: str, folder: Path, suggested: str) -> None:
        def named(answer: str | None) -> None:
            answer = nfc(answer or "").strip()
            if not answer:
                return
            path = target_path(folder, answer)
            if path.exists() and path.resolve() == Path(app.path).resolve():
                app.say(t("picker.is_open", app.lang, file=path.name))
                ask_name(name, folder, answer)
                return
            if path.exists():

                def replace(yes: bool | None) -> None:
                    if yes:
                        create(name, path, force=True)
                    else:
                        ask_name(name, folder, answer)

                app.push_screen(ConfirmDialog(t("picker.replace", app.lang, file=path.name), app.lang), replace)
                return
            create(name, path, force=False)

        title = t("picker.file_name", app.lang, folder=folder)
        app.push_screen(InputDialog(title, suggested), named)

    def create(name: str, path: Path, *, force: bool) -> None:
        project = load_template(name, app.lang)
        try:
            stamp = save_project(project, path, None, force=force, wait=current().lock_wait)
        except PufuError as exc:
            app.notify(exc.render_in(app.lang), severity="error", timeout=15, markup=False)
            return
        if app.session.modified:
            app.notify(t("picker.created_unsaved", app.lang, file=path), timeout=15, markup=False)
            return
        app.cancel_recovery()
        app.path, app.session, app.stamp = path, Session(project), stamp
        remember(path)
        app.refresh_all(schedule=False)
        app.notify(t("picker.created", app.lang, file=path.name), markup=False)

    app.push_screen(TemplatePicker(app.lang), chosen)
