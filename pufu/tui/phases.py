"""Recorded phases on the screen: the list, and one phase shown read-only."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ..i18n import t
from ..model import Project
from ..text import truncate
from .sheet import SheetView


def phase_options(project: Project, lang: str) -> list[tuple[str, str]]:
    """One line per phase: number, date, title, what happened."""
    options = []
    for phase in project.phases:
        happened = f" — {truncate(phase.happened, 40)}" if phase.happened.strip() else ""
        title = phase.title or t("untitled", lang)
        amended = f"  {t('phase.amended_mark', lang, n=len(phase.amendments))}" if phase.amendments else ""
        options.append((str(phase.number), f"{t('phase', lang)} {phase.number}  {phase.date}  {title}{happened}{amended}"))
    return options


class PhaseScreen(Screen[None]):
    """A recorded phase, read-only: move around it; Escape returns to the draft."""

    DEFAULT_CSS = """
    PhaseScreen #happened { height: auto; max-height: 5; padding: 0 1; background: $panel; }
    """
    #: the draft is not on this screen: its undo, redo and save are neither shown nor run here
    DRAFT_KEYS_OFF = frozenset({"undo", "redo", "save"})
    #: the id of its one key, back to the draft
    BACK = "back"

    def __init__(self, project: Project, number: int, lang: str = "ja") -> None:
        super().__init__()
        self.project = project
        self.number = number
        self.lang = lang
        phase = project.phase(number)
        self.sub_title = t("tui.readonly_phase", lang, number=number, title=phase.title, date=phase.date)
        self._bindings = BindingsMap([Binding("escape,q", "close", t("key.back", lang), show=True, id=self.BACK)])

    def compose(self) -> ComposeResult:
        phase = self.project.phase(self.number)
        yield Header(show_clock=False, icon="譜")
        yield SheetView(self.project.phase_chart(self.number), self.lang, read_only=True, id="phase-sheet")
        if phase.happened.strip():
            yield Static(phase.happened, id="happened", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(SheetView).focus()

    def action_close(self) -> None:
        self.dismiss(None)
