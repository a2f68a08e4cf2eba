"""The terminal editor of pufu (Textual): ``pufu edit PROJECT`` and ``pufu demo``.

A thin layer over the model: every change is a :class:`~pufu.model.Session` operation.
Modules: :mod:`.app` (the app: saving, recovery, undo), :mod:`.editing` and :mod:`.actions`
(what the keys do), :mod:`.sheet` and :mod:`.layout` (drawing the プ譜), :mod:`.dialogs`,
:mod:`.help`, :mod:`.palette`, :mod:`.phases`, :mod:`.keys` (the one table of keys).
"""

from __future__ import annotations

from pathlib import Path

from ..terminal import install_in_textual

install_in_textual()  # every widget shows ESC, C1 and bidi controls from a file visibly


def run_editor(path: str | Path, lang: str | None = None) -> int:
    """Open the editor on a project file and return the exit code when it closes."""
    from ..model.document import Document
    from .app import PufuApp

    app = PufuApp(path, lang=lang, document=Document.open(path))
    code = app.run()
    if app.crash_message:
        import sys

        print(f"pufu: error: {app.crash_message}", file=sys.stderr)
        return code or 2
    return code or 0
