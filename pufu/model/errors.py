"""The error types of the model.

Every impossible operation on a chart raises :class:`ChartError` and changes nothing.
Every file pufu cannot read or write raises :class:`FileError`, whose message names the file
and the place in it (a JSON path such as ``$.draft.purposes[2].text``).
"""

from __future__ import annotations


class PufuError(Exception):
    """Base of every error pufu reports to the user as one line (exit code 2 in the CLI)."""


class ChartError(PufuError):
    """An operation the プ譜 does not allow (removing the goal, progress 140, ...).

    The chart is left exactly as it was.
    """


class FormatError(PufuError):
    """Data that does not fit the format, at a JSON path inside the document."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class FileError(PufuError):
    """A file pufu cannot read or write; the message names the file and the place."""

    def __init__(self, file: object, message: str) -> None:
        super().__init__(f"{file}: {message}")
        self.file = str(file)
        self.message = message


class ConflictError(FileError):
    """The file changed on disk since pufu read it; saving would overwrite someone's work."""
