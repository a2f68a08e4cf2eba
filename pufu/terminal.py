"""One sanitizer for text shown in a terminal, and one for JSON pufu writes.

A project someone shares may hold escape sequences in any text, id or key: ESC ] 52 sets the
clipboard, ESC ] 2 the window title, CSI 2 J clears the screen, and the single-byte C1 forms
(U+009B is CSI) do the same on many terminals. Bidirectional overrides reorder what a reader
sees. :func:`shown` turns every such character into a visible stand-in, so the text still
reads as what it is and nothing reaches the terminal as a command:

- C0 controls U+0000–U+001F as their Control Pictures (ESC ``␛``, CR ``␍``, NUL ``␀``); a
  caller keeps newline or tab deliberately with ``keep="\\n\\t"``;
- DEL as ``␡``;
- C1 controls U+0080–U+009F as ``\\x9b`` (four characters);
- bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the
  line and paragraph separators (U+2028, U+2029) as ``⟨U+202E⟩``; the marks LRM, RLM and ALM
  (U+200E, U+200F, U+061C) are kept: they reorder nothing beyond a neutral character;
- a lone surrogate (bytes of a command line or file name that were not UTF-8) as ``\\xff``
  for the byte it stands for, or ``⟨U+D800⟩``.

:func:`json_text` escapes C1 controls, DEL, those bidirectional characters and the
separators as ``\\u009b`` inside JSON text: the same text to any JSON reader, never a raw
control in a file or on a terminal.
"""

from __future__ import annotations

import re

_BIDI = "\u202a-\u202e\u2066-\u2069\u2028\u2029"
_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}\ud800-\udfff]")
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{_BIDI}]")


def _stand_in(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    if code <= 0x9F:
        return f"\\x{code:02x}"
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for a byte that was not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    return f"\u27e8U+{code:04X}\u27e9"


def shown(text: object, keep: str = "") -> str:
    """``text`` (any object, as ``str()``) with every control character visible; the
    characters in ``keep`` (only ``"\\n"`` and ``"\\t"`` make sense) stay as they are."""
    string = str(text)
    if not _UNSAFE.search(string):
        return string
    return _UNSAFE.sub(lambda m: m.group() if m.group() in keep else _stand_in(m.group()), string)


def is_safe(text: str, keep: str = "") -> bool:
    """True when :func:`shown` would leave ``text`` as it is."""
    return shown(text, keep) == text


def json_text(text: str) -> str:
    """JSON text with C1 controls, DEL, bidirectional controls and separators written as
    ``\\uXXXX`` escapes (JSON itself escapes C0). Only valid on JSON: those characters can only
    stand inside strings there, where the escape means the same character."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def stand_ins() -> dict[int, str]:
    """Every character :func:`shown` replaces (newline and tab aside), with its stand-in: a
    ``str.translate`` table."""
    codes = [*range(0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
    codes += [0x2028, 0x2029, *range(0xD800, 0xE000)]
    return {code: _stand_in(chr(code)) for code in codes if chr(code) not in "\n\t"}


def install_in_textual() -> None:
    """Make every text Textual and Rich draw show control characters visibly.

    Rich's ``Text`` and Textual's ``Content`` pass every string through one translate table
    that only drops BEL, BS, VT, FF and CR: ESC, C1 and bidirectional controls reach the
    terminal raw. Both tables are module-level dicts used as default arguments, so extending
    them in place covers every widget (labels, the header, notifications, option lists, text
    areas) without touching each one. Raises ``RuntimeError`` when a new Rich or Textual no
    longer has them, rather than running unprotected.
    """
    import rich.control
    import textual.content

    table = stand_ins()
    for module, name in ((rich.control, "_CONTROL_STRIP_TRANSLATE"), (textual.content, "_CONTROL_STRIP_TRANSLATE")):
        current = getattr(module, name, None)
        if not isinstance(current, dict):
            raise RuntimeError(f"{module.__name__}.{name} is gone: pufu cannot keep escapes off the screen")
        current.update(table)


#: What the text engine (:mod:`pufu.text`) breaks lines at, and the tab it shows as a space:
#: the characters to keep when text made safe with :func:`shown` is wrapped afterwards.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\t"
