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
    from ..model import Session, load_project
    from .app import PufuApp

    project, stamp = load_project(path)
    app = PufuApp(path, lang=lang, session=Session(project), stamp=stamp)
    return app.run() or 0
