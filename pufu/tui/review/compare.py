"""The full diff of a step, and two phases side by side."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ...diffview import diff_rows
from ...export.report import decisive_lines, side_name
from ...i18n import t
from ...model import Project
from ...model.diff import ChartDiff, diff, resolve
from ..keys import localized
from ..themes import ink_of
from .sheet import Rows, SheetView, step_marks

#: ↑ and ↓ share one label in the footer
_SCROLL = Binding.Group("review.key.scroll", compact=True)


class DiffScreen(ModalScreen[None]):
    """The full diff of one step (or of two phases compared)."""

    DEFAULT_CSS = """
    DiffScreen { align: center middle; }
    DiffScreen > Vertical { width: 90%; height: 1fr; margin-top: 1; border: thick $primary; background: $surface; }
    DiffScreen #diff-title { padding: 0 1; background: $boost; }
    DiffScreen Footer.-compact FooterLabel { margin: 0 1 0 0; }
    """
    BINDINGS = [
        Binding("up", "scroll(-1)", "review.key.scroll", key_display="↑", priority=True, id="review.diff.up", group=_SCROLL),
        Binding("down", "scroll(1)", "review.key.scroll", key_display="↓", priority=True, id="review.diff.down", group=_SCROLL),
        Binding("escape", "close", "review.key.close", id="review.diff.close"),
        Binding("q", "close", "review.key.close", show=False),
        Binding("d", "close", "review.key.close", show=False),
    ]

    def __init__(self, d: ChartDiff, a: str, b: str, lang: str | None) -> None:
        super().__init__()
        self.d, self.a, self.b, self.lang = d, a, b, lang
        self._bindings = localized(self.BINDINGS, lang)

    def compose(self) -> ComposeResult:
        title = t("review.diff.title", self.lang, a=side_name(self.a, self.lang), b=side_name(self.b, self.lang))
        count = t("review.diff.count", self.lang, n=len(self.d))
        with Vertical():
            yield Static(Text(f"{title} ({count})", style="bold"), id="diff-title")
            with VerticalScroll():
                yield Rows(diff_rows(self.d, self.lang, ink_of(self.app.current_theme)), id="diff-body")
        yield Footer(compact=True)  # this dialog's keys, in place of the screen's below

    def action_scroll(self, lines: int) -> None:
        self.query_one(VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_close(self) -> None:
        self.dismiss(None)


class CompareChooser(ModalScreen[tuple[str, str] | None]):
    """Choose two phases (or the draft): ↑↓ in each list, Tab to switch, Enter to compare."""

    DEFAULT_CSS = """
    CompareChooser { align: center middle; }
    CompareChooser > Vertical { width: 100; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1; }
    CompareChooser Horizontal { height: auto; max-height: 1fr; }
    CompareChooser Horizontal > Vertical { height: auto; }
    CompareChooser OptionList { width: 1fr; height: auto; max-height: 20; }
    CompareChooser #compare-keys { color: $text-muted; margin-top: 1; }
    """
    BINDINGS = [Binding("escape", "cancel", "review.note.cancel", id="review.compare.cancel")]

    def __init__(self, names: list[str], left: str, right: str, lang: str | None, labels: list[str] | None = None) -> None:
        super().__init__()
        self.names, self.left, self.right, self.lang = names, left, right, lang
        self._bindings = localized(self.BINDINGS, lang)
        self.labels = labels or [side_name(name, lang) for name in names]

    def compose(self) -> ComposeResult:
        options = [Option(label, id=name) for name, label in zip(self.names, self.labels, strict=True)]
        with Vertical():
            yield Static(Text(t("review.compare.title", self.lang), style="bold"))
            with Horizontal():
                with Vertical():
                    yield Static(t("review.compare.left", self.lang))
                    yield OptionList(*options, id="compare-left", markup=False)
                with Vertical():
                    yield Static(t("review.compare.right", self.lang))
                    yield OptionList(*[Option(o.prompt, id=o.id) for o in options], id="compare-right", markup=False)
            yield Static(t("review.compare.keys", self.lang), id="compare-keys", markup=False)
        yield Footer(compact=True)  # this dialog's keys, in place of the replay's below

    def on_mount(self) -> None:
        left = self.query_one("#compare-left", OptionList)
        right = self.query_one("#compare-right", OptionList)
        left.highlighted = self.names.index(self.left)
        right.highlighted = self.names.index(self.right)
        left.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "compare-left":
            self.query_one("#compare-right", OptionList).focus()
            return
        left = self.query_one("#compare-left", OptionList)
        right = self.query_one("#compare-right", OptionList)
        if left.highlighted is None or right.highlighted is None:
            return
        self.dismiss((self.names[left.highlighted], self.names[right.highlighted]))

    def action_cancel(self) -> None:
        self.dismiss(None)


class CompareScreen(Screen[None]):
    """Two sheets side by side: on the left what was removed or changed, on the right what was
    added or changed."""

    DEFAULT_CSS = """
    CompareScreen #compare-head { height: auto; padding: 0 1; background: $boost; }
    CompareScreen Horizontal { height: 1fr; }
    CompareScreen VerticalScroll { width: 1fr; border: round $primary-darken-2; }
    """
    BINDINGS = [
        Binding("q", "close", "review.key.close", id="review.compare.close"),
        Binding("escape", "close", "review.key.close", show=False),
        Binding("d", "diff", "review.key.diff", id="review.compare.diff"),
    ]

    def __init__(self, project: Project, a: str, b: str, lang: str | None) -> None:
        super().__init__()
        self.lang = lang
        self._bindings = localized(self.BINDINGS, lang)
        self.a, self.before = resolve(project, a)
        self.b, self.after = resolve(project, b)
        self.d = diff(self.before, self.after)

    def compose(self) -> ComposeResult:
        after_marks, _, before_marks = step_marks(self.d, self.before)
        head = Text()
        head.append(f"{side_name(self.a, self.lang)}  ⇄  {side_name(self.b, self.lang)}", style="bold")
        head.append(f"   ({t('review.diff.count', self.lang, n=len(self.d))})   {t('review.legend', self.lang)}", style="dim")
        for line in decisive_lines(self.d, self.lang):
            head.append(f"\n!! {line}", style=f"bold {ink_of(self.app.current_theme).decisive}")
        yield Static(head, id="compare-head")
        with Horizontal():
            with VerticalScroll(id="compare-a") as pane:
                pane.border_title = side_name(self.a, self.lang)
                left = SheetView(id="sheet-a")
                yield left
            with VerticalScroll(id="compare-b") as pane:
                pane.border_title = side_name(self.b, self.lang)
                right = SheetView(id="sheet-b")
                yield right
        yield Footer()
        left.show(self.before, self.lang, marks=before_marks)
        right.show(self.after, self.lang, marks=after_marks)

    def action_diff(self) -> None:
        self.app.push_screen(DiffScreen(self.d, self.a, self.b, self.lang))

    def action_close(self) -> None:
        self.dismiss(None)
