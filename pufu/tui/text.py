"""Text the user types, as pufu stores it. Width, wrapping and cutting live in :mod:`pufu.text`."""

from __future__ import annotations

import unicodedata


def normalize(text: str) -> str:
    """What the user typed, as pufu stores it: NFC, with CRLF and CR made LF."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
