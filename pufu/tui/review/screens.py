"""The replay screen of the 感想戦, and the screens it opens (full diff, side by side, a note).

``ReviewScreen(project, path)`` can be pushed by any app (the editor does); ``←``/``→`` step
through the phases, ``d`` shows the full diff of the step, ``c`` compares any two phases side
by side, ``n`` writes a review note, ``q`` leaves. Notes are saved to the project file at once
(or handed to ``on_note`` when the caller saves the file itself); recorded phases never change.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from ...diffview import diff_rows
from ...export.report import (
    side_name,
)
from ...i18n import default_lang, t
from ...model import NoteData, PhaseData, Project, PufuError, Stamp
from ...model.diff import DRAFT, ChartDiff, diff, reviews
from ...model.document import Document
from ...model.texts import nfc
from ...settings import current
from ..keys import localized
from ..themes import ink_of
from .changes import text_row, trajectory_rows
from .compare import CompareChooser, CompareScreen, DiffScreen
from .sheet import Row, Rows, SheetView, step_marks

#: ← and → share one label in the footer
_STEP = Binding.Group("review.key.step", compact=True)


class ReviewScreen(Screen[None]):
    """Replay the phases like a shogi game: one phase at a time, what changed marked."""

    DEFAULT_CSS = """
    ReviewScreen #review-head { height: auto; padding: 0 1; background: $boost; }
    ReviewScreen #review-body { height: 1fr; }
    ReviewScreen #sheet-scroll { width: 1fr; border-right: solid $primary-darken-2; }
    ReviewScreen #side-scroll { width: 1fr; padding: 0 1; }
    ReviewScreen Footer.-compact FooterLabel { margin: 0 1 0 0; }
    """

    BINDINGS = [
        Binding("left", "step(-1)", "review.key.prev", key_display="←", priority=True, id="review.prev", group=_STEP),
        Binding("right", "step(1)", "review.key.next", key_display="→", priority=True, id="review.next", group=_STEP),
        Binding("d", "diff", "review.key.diff", id="review.diff"),
        Binding("c", "compare", "review.key.compare", id="review.compare"),
        Binding("n", "note", "review.key.note", id="review.note"),
        Binding("q", "leave", "review.key.quit", id="review.quit"),
    ]
    #: the editor's draft is not on this screen: its undo and redo are neither shown nor run
    #: here, nor its key list (that of the draft)
    DRAFT_KEYS_OFF = frozenset({"undo", "redo", "help"})

    def __init__(
        self,
        project: Project,
        path: str | Path | None = None,
        *,
        stamp: Stamp | None = None,
        on_note: Callable[[NoteData], None] | None = None,
        lang: str | None = None,
        author: str = "",
    ) -> None:
        super().__init__()
        self.project = project
        self.path = path
        self.stamp = stamp
        self.on_note = on_note
        self.lang = lang or default_lang()
        self._bindings = localized(self.BINDINGS, self.lang)
        self.author = author or _default_author()
        self.number = 1 if project.phases else 0
        self.roles = reviews(project)
        self.last_diff: ChartDiff | None = None
        self._shown: dict[int, tuple[ChartDiff | None, list[Row], list[Row]]] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="review-head")
        with Horizontal(id="review-body"):
            with VerticalScroll(id="sheet-scroll"):
                yield SheetView(id="sheet")
            with VerticalScroll(id="side-scroll"):
                yield Rows(id="side")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.show_phase()
        self.app.theme_changed_signal.subscribe(self, self._recolour)

    def _recolour(self, _theme: object) -> None:
        """Another theme (the command palette): build the rows again in its ink."""
        self._shown.clear()
        self.show_phase()

    # ------------------------------------------------------------------ showing

    def phase_label(self, number: int) -> str:
        phase = self.project.phase(number)
        label = t("review.side.phase", self.lang, n=number)
        if phase.title:
            label += f": {phase.title}"
        if number in self.roles:
            label += f" ({t('review.side.reviews', self.lang, n=self.roles[number])})"
        return label

    def show_phase(self) -> None:
        """Paint the current phase: the sheet with marks, what happened, changes, notes."""
        head = self.query_one("#review-head", Static)
        sheet = self.query_one("#sheet", SheetView)
        side = self.query_one("#side", Rows)
        if not self.number:
            head.update(Text(t("review.title", self.lang), style="bold"))
            side.set_rows([text_row(t("review.no_phases", self.lang))])
            sheet.set_rows([])
            return
        n = self.number
        phase = self.project.phase(n)
        chart = self.project.phase_chart(n)
        if n in self._shown:  # phases never change: stepping back reuses what was built
            self.last_diff, sheet_rows_, side_rows = self._shown[n]
            sheet.set_rows(sheet_rows_)
            side.set_rows(side_rows)
            head.update(self._head(n, phase))
            return
        notes = [note for note in self.project.notes if note.phase == n]
        on_parts = Counter(note.part for note in notes if note.part)
        if n > 1:
            before = self.project.phase_chart(n - 1)
            self.last_diff = diff(before, chart)
            marks, removed, _ = step_marks(self.last_diff, before)
        else:
            self.last_diff, marks, removed = None, {}, []
        sheet.show(chart, self.lang, marks=marks, removed=removed, notes=on_parts)
        head.update(self._head(n, phase))

        rows: list[Row] = [text_row(t("review.happened", self.lang), "bold underline")]
        rows.append(text_row(phase.happened or t("review.nothing_happened", self.lang)))
        rows.append(text_row(""))
        ink = ink_of(self.app.current_theme)
        rows += trajectory_rows(self.project, n, self.lang, ink)
        if self.last_diff is None:
            rows += [text_row(t("review.first_phase", self.lang), "dim"), text_row("")]
        else:
            since = t("review.since", self.lang, a=side_name(str(n - 1), self.lang))
            count_label = t("review.diff.count", self.lang, n=len(self.last_diff))
            rows.append(text_row(f"{since} ({count_label}, d)", "bold underline"))
            rows += diff_rows(self.last_diff, self.lang, ink, limit=40, comments=False)
            rows.append(text_row(""))
        rows.append(text_row(t("review.notes", self.lang), "bold underline"))
        if not notes:
            rows.append(text_row(t("review.no_notes", self.lang), "dim"))
        for note in notes:
            prefix = Text(f"[{t('review.note.' + note.kind, self.lang)}] ", style=f"bold {ink.note[note.kind]}")
            body = Text(note.author, style="bold")
            if note.part and note.part in chart:
                part = chart.part(note.part)
                name = t(f"element.{part.key}", self.lang) if part.key else t(f"kind.{part.kind.value}", self.lang)
                body.append(f" ({name}「{part.text[:24]}」)", style="dim")
            body.append(f": {note.text}")
            rows.append((prefix, body))
        side.set_rows(rows)
        self._shown[n] = (self.last_diff, sheet._rows, rows)

    def _head(self, n: int, phase: PhaseData) -> Text:
        count = len(self.project.phases)
        title = Text()
        title.append(f"{t('review.title', self.lang)} — {self.project.title or t('untitled', self.lang)}   ", style="bold")
        title.append(f"{'◀' if n > 1 else ' '} ", style="bold" if n > 1 else "dim")
        title.append(f"{n}/{count} ", style="bold reverse")
        title.append(f" {'▶' if n < count else ' '}  ", style="bold" if n < count else "dim")
        title.append(self.phase_label(n), style=f"bold {ink_of(self.app.current_theme).label}")
        title.append(f"  {phase.date}", style="dim")
        title.append(f"   {t('review.legend', self.lang)}", style="dim")
        return title


    # ------------------------------------------------------------------ actions

    def action_step(self, offset: int) -> None:
        target = self.number + offset
        if self.number and 1 <= target <= len(self.project.phases):
            self.number = target
            self.show_phase()
            self.query_one("#sheet-scroll").scroll_home(animate=False)
        else:
            self.app.bell()

    def action_diff(self) -> None:
        if self.last_diff is None:
            self.notify(t("review.first_phase", self.lang))
            return
        self.app.push_screen(DiffScreen(self.last_diff, str(self.number - 1), str(self.number), self.lang))

    def action_compare(self) -> None:
        if not self.number:
            return
        names = [str(n) for n in range(1, len(self.project.phases) + 1)] + [DRAFT]
        labels = [self.phase_label(int(name)) for name in names[:-1]] + [side_name(DRAFT, self.lang)]
        left = str(max(self.number - 1, 1))
        chooser = CompareChooser(names, left, str(self.number), self.lang, labels)

        def chosen(pair: tuple[str, str] | None) -> None:
            if pair:
                self.app.push_screen(CompareScreen(self.project, pair[0], pair[1], self.lang))

        self.app.push_screen(chooser, chosen)

    def action_note(self) -> None:
        if not self.number:
            return
        from .note import NoteScreen

        screen = NoteScreen(self.project.phase_chart(self.number), self.number, self.author, self.lang)
        self.app.push_screen(screen, self.add_note)

    def add_note(self, data: dict | None) -> None:
        """Record a note the note screen returned, and save it."""
        if not data:
            return
        try:
            note = self.project.add_note(
                self.number, nfc(data["author"]), data["kind"], nfc(data["text"]), part=data.get("part") or None
            )
        except PufuError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.author = note.author
        self._shown.pop(note.phase, None)
        if self.on_note is not None:
            self.on_note(note)
        elif self.path is not None:
            try:
                # locked, on the file as it is now: a phase or note saved meanwhile is kept
                doc, _ = Document.update(self.path, lambda fresh: fresh.notes.append(note), wait=current().lock_wait)
                self.stamp = doc.stamp
            except PufuError as exc:
                self.notify(str(exc), severity="error", timeout=10, markup=False)
        self.notify(
            t("review.note.saved", self.lang, phase=note.phase, author=note.author, kind=t(f"review.note.{note.kind}", self.lang)),
            markup=False,
        )
        self.show_phase()

    def action_leave(self) -> None:
        self.dismiss(None)




def _default_author() -> str:
    """The author named in the settings in use, if any."""
    from ...settings import current

    return current().author.strip()
