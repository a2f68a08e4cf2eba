"""The help screen (``?``): every key, made from the same table as the bindings."""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label

from ..i18n import t
from .keys import EDITOR_KEYS, KEYS, display, keys_of


def key_rows(lang: str, keymap: Mapping[str, str] | None = None) -> list[tuple[str, str]]:
    """(keys, what they do) for every key of the editor, in the table's order, as remapped by
    ``keymap`` (the settings' ``[keys]``)."""
    return [(display(keys_of(key, keymap)), t(f"help.{key.id}", lang)) for key in KEYS if key.keys]


def editor_rows(lang: str) -> list[tuple[str, str]]:
    return [(display(keys), t(label, lang)) for keys, label in EDITOR_KEYS]


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 90%; max-width: 110; height: 90%;
        border: thick $accent; background: $surface; padding: 0 1; }
    HelpScreen Label { margin: 1 0 0 0; text-style: bold; }
    HelpScreen DataTable { height: auto; }
    """
    BINDINGS = [Binding("escape,question_mark,q,f1", "close", show=False)]

    def __init__(self, lang: str = "ja") -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Label(f"{t('help.heading', self.lang)}  ({t('help.close', self.lang)})")
            yield DataTable(id="keys", cursor_type="row", zebra_stripes=True)
            yield Label(t("help.while_editing", self.lang))
            yield DataTable(id="editor-keys", cursor_type="none")
            yield Label(t("help.legend", self.lang))

    def on_mount(self) -> None:
        keys = key_rows(self.lang, self.app._keymap)
        for table_id, rows in (("#keys", keys), ("#editor-keys", editor_rows(self.lang))):
            table = self.query_one(table_id, DataTable)
            table.add_columns(t("help.col.keys", self.lang), t("help.col.does", self.lang))
            table.add_rows(rows)
        self.query_one("#keys", DataTable).focus()

    def action_close(self) -> None:
        self.dismiss(None)
