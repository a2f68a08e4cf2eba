"""The README's keys table is the editor's key table."""

from __future__ import annotations

from pathlib import Path

from pufu.tui.keys import markdown_table

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_lists_every_key_as_the_editor_binds_it() -> None:
    text = README.read_text(encoding="utf-8")
    start = text.index("<!-- keys:")
    start = text.index("\n", start) + 1
    end = text.index("<!-- /keys -->")
    assert text[start:end] == markdown_table(), "paste markdown_table() into the README"
