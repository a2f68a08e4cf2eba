"""The user's settings: one typed object, read once at start-up and handed down.

    lang = "ja"            # ja or en: labels, messages, templates
    theme = "light"        # light or dark: the editor and the diagrams
    export_size = "16:9"   # 16:9, 4:3 or a4: the default size of exported pictures
    author = "佐藤"         # the name written on review notes
    lock_wait = 10         # seconds a writer waits for another to finish

    [keys]                 # the editor's keys by binding id (pufu.tui.keys)
    save = "ctrl+w"

The file is ``settings.toml`` in the config folder (:mod:`pufu.locations`; ``PUFU_CONFIG_DIR``
moves it), read through pydantic-settings' own TOML source. Each key can also come from a
variable (``PUFU_LANG``, ``PUFU_THEME``, ``PUFU_EXPORT_SIZE``, ``PUFU_AUTHOR``, ``PUFU_LOCK_WAIT``), which wins over
the file; ``--lang`` wins over both. Variables are read when the settings are loaded (once, at
start-up), never later, and pufu never writes them.

``pufu`` loads the settings once and runs the command inside :func:`use`; code anywhere below
reads them with :func:`current` (a :class:`~contextvars.ContextVar`, as posting does), which
gives the defaults when nothing was loaded (a library caller, a test). A file pufu cannot use
raises :class:`SettingsError`, one line naming the file and the key.
"""

from __future__ import annotations

import os
import sys
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .i18n import t
from .locations import settings_file
from .model.errors import FileError, Text
from .model.store import decode_text, read_bytes

ENV_PREFIX = "PUFU_"
#: The largest settings file pufu reads (a real one is a few lines).
MAX_SETTINGS_BYTES = 1024 * 1024
_BOM = b"\xef\xbb\xbf"


class SettingsError(FileError):
    """A settings file (or variable) pufu cannot use; the message names it and the key."""


def settings_path() -> Path:
    """Where the settings file is (it need not exist)."""
    return settings_file()


def read_text(path: Path) -> str:
    """The text of a settings file (``""`` when there is none), read through the one capped
    reader, :func:`pufu.model.store.read_bytes`."""
    if not os.path.lexists(path):
        return ""
    try:  # a byte-order mark is allowed (Windows editors write one)
        return decode_text(path, read_bytes(path, MAX_SETTINGS_BYTES).removeprefix(_BOM))
    except FileError as exc:
        raise SettingsError(exc.file, exc.key, **exc.values) from None


def read_file(path: Path) -> dict[str, Any]:
    """The table of a settings file, ``{}`` when there is none."""
    return parse(path, read_text(path))


def parse(path: Path, text: str) -> dict[str, Any]:
    """The table of a settings file's text; a one-line :class:`SettingsError` if it is not TOML."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(path, "err.settings.toml_hint", reason=exc) from None
    except RecursionError:
        raise SettingsError(path, "err.settings.toml_deep") from None
    except ValueError as exc:  # e.g. an integer of more digits than Python converts
        raise SettingsError(path, "err.settings.toml", reason=_short(str(exc))) from None


class _Reading:
    """The file being read by :func:`load_settings`, and the table found in it."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.values: dict[str, Any] = {}


_READING: ContextVar[_Reading | None] = ContextVar("pufu_settings_reading", default=None)


class Settings(BaseModel):
    """pufu's settings, with their defaults (the object handed down; :func:`load_settings`
    fills it from its sources)."""

    model_config = ConfigDict(extra="forbid", validate_default=True, frozen=True)

    lang: Literal["ja", "en"] = "ja"
    theme: Literal["light", "dark"] = "light"
    export_size: Literal["16:9", "4:3", "a4"] = "16:9"
    author: str = ""
    lock_wait: float = Field(10.0, ge=0)  # seconds a writer waits for another (pufu.model.lock)
    #: the ``[keys]`` table: binding id → keys (``save = "ctrl+w"``, ``"move.up" = "k,up"``),
    #: applied to the editor through Textual's keymap (:meth:`textual.app.App.set_keymap`)
    keys: dict[str, str] = {}

    @field_validator("keys", mode="before")
    @classmethod
    def _flat_keys(cls, value: Any) -> Any:
        """``move.up = "k"`` unquoted is a dotted key in TOML (a table ``move`` holding ``up``):
        both spellings name the binding ``move.up``."""
        if not isinstance(value, dict):
            return value
        flat: dict[str, Any] = {}
        for name, keys in value.items():
            if isinstance(keys, dict):
                flat.update({f"{name}.{sub}": inner for sub, inner in cls._flat_keys(keys).items()})
            elif isinstance(keys, str) and not keys.strip():
                raise ValueError(name)  # the binding id: SettingsError "err.settings.keys_empty" says the rest
            else:
                flat[name] = keys
        return flat


#: The settings named by one line ``key = "value"`` (``pufu settings --set``); the ``[keys]``
#: table is written by hand.
KEYS: tuple[str, ...] = tuple(name for name in Settings.model_fields if name != "keys")


@cache
def _from_sources() -> type[Settings]:
    """:class:`Settings` read by pydantic-settings: init values (``--lang``), then ``PUFU_*``
    variables, then the TOML file. Built on first use: importing pydantic-settings costs more
    than the rest of a ``pufu check``, so a run with nothing to read does without it."""
    from pydantic_settings import (
        BaseSettings,
        PydanticBaseSettingsSource,
        SettingsConfigDict,
        TomlConfigSettingsSource,
    )

    class TomlSource(TomlConfigSettingsSource):
        """pydantic-settings' TOML source, reading through pufu's capped reader and errors."""

        def _read_file(self, file_path: Any) -> dict[str, Any]:
            values = read_file(Path(file_path))
            reading = _READING.get()
            if reading is not None:
                reading.values = values
            return values

    class FromSources(Settings, BaseSettings):
        model_config = SettingsConfigDict(
            env_prefix=ENV_PREFIX, extra="forbid", validate_default=True, frozen=True
        )

        @classmethod
        def settings_customise_sources(
            cls,
            settings_cls: type[BaseSettings],
            init_settings: PydanticBaseSettingsSource,
            env_settings: PydanticBaseSettingsSource,
            dotenv_settings: PydanticBaseSettingsSource,
            file_secret_settings: PydanticBaseSettingsSource,
        ) -> tuple[PydanticBaseSettingsSource, ...]:
            reading = _READING.get()
            path = reading.path if reading is not None else None
            return (init_settings, env_settings, TomlSource(settings_cls, toml_file=path))

    return FromSources


def _variables() -> bool:
    """Whether any ``PUFU_*`` variable names a setting (read at load time only)."""
    names = {f"{ENV_PREFIX}{key}".upper() for key in KEYS}
    return any(name.upper() in names for name in os.environ)

_CURRENT: ContextVar[Settings | None] = ContextVar("pufu_settings", default=None)


#: The settings of the outermost :func:`use` still running, for threads started without a copy
#: of its context (Textual's thread workers run in a plain executor).
_PROCESS: list[Settings] = []


def current() -> Settings:
    """The settings in use: those handed to :func:`use`, else the defaults."""
    settings = _CURRENT.get()
    if settings is not None:
        return settings
    return _PROCESS[0] if _PROCESS else Settings()


@contextmanager
def use(settings: Settings) -> Iterator[Settings]:
    """Run the block with ``settings`` as :func:`current` (threads started inside it, which do
    not copy the context, see them too)."""
    token = _CURRENT.set(settings)
    _PROCESS.append(settings)
    try:
        yield settings
    finally:
        _PROCESS.remove(settings)
        _CURRENT.reset(token)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def load_settings(path: Path | None = None, *, lang: str | None = None, file: bool = True) -> Settings:
    """The settings: defaults, then the file (``path``, else the user's; none when ``file`` is
    false), then ``PUFU_*`` variables, then ``lang`` (the ``--lang`` flag)."""
    reading = _Reading((path or settings_path()) if file else None)
    if reading.path is not None and os.path.lexists(reading.path) and not reading.path.is_file():
        read_file(reading.path)  # a folder or a FIFO: refused by the reader, in one line
    overrides: dict[str, Any] = {"lang": lang} if lang else {}
    if (reading.path is None or not os.path.lexists(reading.path)) and not _variables():
        return Settings(**overrides)  # nothing to read
    token = _READING.set(reading)
    try:
        return _from_sources()(**overrides)
    except ValidationError as exc:
        raise _explain(exc, reading.path, reading.values) from None
    finally:
        _READING.reset(token)


def at_start(lang: str | None = None) -> Settings:
    """The settings of a run of ``pufu``: a settings file (or variable) pufu cannot use is
    reported in one line on stderr and left out, never fatal."""
    try:
        return load_settings(lang=lang)
    except SettingsError as exc:
        from .terminal import shown

        print(f"pufu: warning: {shown(t('cli.settings.using_defaults', lang, error=exc))}", file=sys.stderr)
    try:
        return load_settings(lang=lang, file=False)  # the variables alone, if they are fine
    except SettingsError:
        return Settings(**({"lang": lang} if lang else {}))


def check_values(values: dict[str, Any], path: Path) -> None:
    """Refuse file values pufu cannot use (without looking at variables), as :func:`load_settings`
    would."""
    try:
        Settings.model_validate(values)
    except ValidationError as exc:
        raise _explain(exc, path, values) from None


def _keys_error(where: object, error: Any) -> SettingsError:
    """What is wrong in the ``[keys]`` table, in one line."""
    inside = [str(part) for part in error["loc"][1:]]
    got = _short(repr(error["input"]))
    if error["type"] == "value_error":
        name = str(error["msg"]).removeprefix("Value error, ")
        return SettingsError(where, "err.settings.keys_empty", name=name)
    if inside:
        return SettingsError(where, "err.settings.keys_not_text", name=".".join(inside), got=got)
    return SettingsError(where, "err.settings.keys_not_table", got=got)


def _explain(exc: ValidationError, path: Path | None, values: dict[str, Any]) -> SettingsError:
    error = exc.errors()[0]
    key = str(error["loc"][0]) if error["loc"] else "?"
    variable = f"{ENV_PREFIX}{key.upper()}"
    where: object = path
    if variable in os.environ:  # a variable wins over the file: its value was the one refused
        where = Text("err.settings.variable", name=variable)
        values = {**values, key: os.environ[variable]}
    if error["type"] == "extra_forbidden":
        return SettingsError(where, "err.settings.unknown_key", key=key, keys=", ".join(KEYS))
    if key == "keys":
        return _keys_error(where, error)
    field = Settings.model_fields.get(key)
    choices = getattr(field.annotation, "__args__", None) if field else None
    got = _short(repr(values.get(key, os.environ.get(variable))))
    if choices:
        names = [repr(choice) for choice in choices]
        return SettingsError(
            where, "err.settings.either" if len(names) == 2 else "err.settings.one_of",
            key=key, first=names[0], second=names[-1], names=", ".join(names), got=got,
        )
    return SettingsError(where, "err.settings.invalid", key=key, reason=error["msg"].lower(), got=got)


_COMMENTS = {
    "lang": "ja or en",
    "theme": "light or dark",
    "export_size": "16:9, 4:3 or a4",
    "author": "the name written on review notes",
    "lock_wait": "seconds to wait for another writer",
}


def dumps_settings(values: dict[str, str], text: str = "") -> str:
    """A settings file's text with ``values`` set: ``text`` (the file as it is) keeps its
    comments and layout; a new file gets one ``key = "value"`` line per key with a short
    comment. tomlkit writes the values, escaping quotes, backslashes and control characters."""
    import tomlkit

    document = tomlkit.parse(text) if text else tomlkit.document()
    if not text:
        document.add(tomlkit.comment("pufu settings (see: pufu settings --help)"))
    for key in KEYS:
        if key not in values:
            continue
        value: Any = float(values[key]) if Settings.model_fields[key].annotation is float else str(values[key])
        if key in document:
            document[key] = value
        else:
            item = tomlkit.item(value)
            item.comment(_COMMENTS[key])
            document.add(key, item)
    return tomlkit.dumps(document)
