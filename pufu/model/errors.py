"""The error types of the model.

Every impossible operation on a chart raises :class:`ChartError` and changes nothing.
Every file pufu cannot read or write raises :class:`FileError`, whose message names the file
and the place in it (a JSON path such as ``$.draft.purposes[2].text``).

An error carries a catalogue key and its values, not a sentence: ``str(err)`` renders it in the
language in use when it is shown (:func:`pufu.i18n.t`, imported only then, so the model stays free
of everything but the catalogue). A value may itself be a :class:`Text` (a key and values),
rendered in the same language.
"""

from __future__ import annotations

from typing import Any


class Text:
    """A catalogue key and its values, rendered in the language in use when it is shown."""

    __slots__ = ("key", "values")

    def __init__(self, key: str, /, **values: object) -> None:
        self.key = key
        self.values = values

    def render_in(self, lang: str | None = None) -> str:
        """The text in ``lang`` (None: the language in use), values that are texts too."""
        from ..i18n import t

        return t(self.key, lang, **self.values)

    def __str__(self) -> str:
        return self.render_in()

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __repr__(self) -> str:
        return f"Text({self.key!r}, **{self.values!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and (self.key, self.values) == (other.key, other.values)

    def __hash__(self) -> int:
        return hash(self.key)


class PufuError(Exception):
    """Base of every error pufu reports to the user as one line (exit code 2 in the CLI).

    ``PufuError(key, **values)``: ``key`` names the sentence in the catalogue (``pufu.i18n``)."""

    def __init__(self, key: str, /, **values: Any) -> None:
        super().__init__(key)
        self.key = key
        self.values = values

    @property
    def text(self) -> Text:
        return Text(self.key, **self.values)

    def render_in(self, lang: str | None = None) -> str:
        """The one-line message in ``lang`` (None: the language in use)."""
        return self.text.render_in(lang)

    @property
    def message(self) -> str:
        """What went wrong, without the file or place a subclass puts before it."""
        return str(self.text)

    def __str__(self) -> str:
        return self.render_in()

    def __reduce__(self) -> tuple[Any, ...]:  # pickled and copied with its key, values and file
        return (_restore, (type(self), self.args, self.__dict__))


def _restore(cls: type[PufuError], args: tuple[Any, ...], state: dict[str, Any]) -> PufuError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


class ChartError(PufuError):
    """An operation the プ譜 does not allow (removing the goal, progress 140, ...).

    The chart is left exactly as it was.
    """


class FormatError(PufuError):
    """Data that does not fit the format, at a JSON path inside the document."""

    def __init__(self, path: str, key: str, /, **values: Any) -> None:
        super().__init__(key, **values)
        self.path = path

    def render_in(self, lang: str | None = None) -> str:
        return f"{self.path}: {self.text.render_in(lang)}"


class FileError(PufuError):
    """A file pufu cannot read or write; the message names the file and the place."""

    def __init__(self, file: object, key: str, /, **values: Any) -> None:
        super().__init__(key, **values)
        self.file = str(file)
        self._where = file  # a Text (an environment variable, ...) is named in the language shown

    def render_in(self, lang: str | None = None) -> str:
        where = self._where.render_in(lang) if isinstance(self._where, Text) else self.file
        return f"{where}: {self.text.render_in(lang)}"


class ConflictError(FileError):
    """The file changed on disk since pufu read it; saving would overwrite someone's work."""
