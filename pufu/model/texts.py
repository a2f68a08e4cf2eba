"""Text as pufu stores and lists it: one definition each, shared by the CLI, the editor and
the exporters."""

from __future__ import annotations

import unicodedata

from .errors import ChartError, Text


def nfc(text: str) -> str:
    """Typed or pasted text as pufu stores it: NFC, line breaks as LF, trimmed."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")).strip()


def one_line(text: str) -> str:
    """A text on one line: each line trimmed, line breaks shown as ⏎, tabs as spaces (so a
    tab-separated listing keeps its columns)."""
    text = text.replace("\t", " ")
    if "\n" not in text and "\r" not in text:
        return text
    return " ⏎ ".join(line.strip() for line in text.splitlines())


_TEXT = Text("err.text.text")


def check_text(value: object, what: str | Text = _TEXT) -> str:
    """A text the model may store: a string of valid Unicode (no lone surrogates); else a
    :class:`ChartError` naming ``what`` it is."""
    if not isinstance(value, str):
        raise ChartError("err.text.type", what=what, type=type(value).__name__)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ChartError("err.text.unicode", what=what, reason=exc.reason) from None
    return value
