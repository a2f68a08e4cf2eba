"""The 感想戦 (post-game review) screens: replay, full diff, side by side, review notes.

Push :class:`ReviewScreen` from any app (``app.push_screen(ReviewScreen(project, path))``), or
run :class:`ReviewApp` on its own (``pufu review PROJECT``).
"""

from .app import ReviewApp
from .compare import CompareScreen, DiffScreen
from .screens import ReviewScreen

__all__ = ["CompareScreen", "DiffScreen", "ReviewApp", "ReviewScreen"]
