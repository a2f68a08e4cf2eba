"""The user's settings: ``settings.toml`` in the user's config folder, and ``PUFU_*`` variables.

    lang = "ja"            # ja or en: labels, messages, templates
    theme = "light"        # light or dark: the editor and the diagrams
    export_size = "16:9"   # 16:9, 4:3 or a4: the default size of exported pictures
    author = "佐藤"         # the name written on review notes

The folder is ``platformdirs.user_config_dir("pufu")`` (``~/.config/pufu`` on Linux);
``PUFU_CONFIG_DIR`` moves it. Each key can also come from a variable (``PUFU_LANG``,
``PUFU_THEME``, ``PUFU_EXPORT_SIZE``, ``PUFU_AUTHOR``), which wins over the file; ``--lang``
wins over both. A file pufu cannot use raises :class:`SettingsError`, one line naming the file
and the key.
"""

from __future__ import annotations

import argparse
import os
import sys
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from .model.errors import FileError

FILENAME = "settings.toml"
ENV_PREFIX = "PUFU_"
#: The largest settings file pufu reads (a real one is a few lines).
MAX_SETTINGS_BYTES = 1024 * 1024


class SettingsError(FileError):
    """A settings file (or variable) pufu cannot use; the message names it and the key."""


def config_dir() -> Path:
    """The folder of ``settings.toml``: ``PUFU_CONFIG_DIR``, else the user's config folder."""
    override = os.environ.get("PUFU_CONFIG_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("pufu", appauthor=False))


def settings_path() -> Path:
    """Where the settings file is (it need not exist)."""
    return config_dir() / FILENAME


class _FileSource(PydanticBaseSettingsSource):
    """The values of the TOML file, read once (the file is checked before this runs)."""

    def __init__(self, settings_cls: type[BaseSettings], values: dict[str, Any]) -> None:
        super().__init__(settings_cls)
        self.values = values

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return self.values.get(field_name), field_name, False

    def __call__(self) -> dict[str, Any]:
        return dict(self.values)


class Settings(BaseSettings):
    """pufu's settings, with their defaults."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="forbid", validate_default=True)

    lang: Literal["ja", "en"] = "ja"
    theme: Literal["light", "dark"] = "light"
    export_size: Literal["16:9", "4:3", "a4"] = "16:9"
    author: str = ""

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        values = init_settings.init_kwargs.pop("_file_values", {})  # type: ignore[attr-defined]
        return (init_settings, env_settings, _FileSource(settings_cls, values))


KEYS: tuple[str, ...] = tuple(Settings.model_fields)


def read_file(path: Path) -> dict[str, Any]:
    """The raw table of a settings file, or ``{}`` when there is none."""
    from .model.store import read_bytes  # the one capped reader: refuses a FIFO without blocking

    try:
        raw = read_bytes(path, MAX_SETTINGS_BYTES)
    except FileError as exc:
        if not os.path.lexists(path):
            return {}
        if path.is_dir():
            raise SettingsError(path, "is a folder, not a settings file") from None
        if exc.message.startswith("is ") and "MiB" in exc.message:
            raise SettingsError(path, f"is larger than {MAX_SETTINGS_BYTES // 1024} KiB; a settings file is a few lines") from None
        raise SettingsError(path, exc.message) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SettingsError(path, f"is not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(
            path, f"is not valid TOML ({exc}); write lines such as: lang = \"en\""
        ) from None
    except RecursionError:
        raise SettingsError(path, "is not valid TOML (nested too deeply)") from None
    except ValueError as exc:  # e.g. an integer of more digits than Python converts
        raise SettingsError(path, f"is not valid TOML ({_short(str(exc))})") from None


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def load_settings(path: Path | None = None) -> Settings:
    """The settings: defaults, then the file, then ``PUFU_*`` variables."""
    path = path or settings_path()
    values = read_file(path)
    try:
        return Settings(_file_values=values)  # type: ignore[call-arg]
    except ValidationError as exc:
        raise _explain(exc, path, values) from None


def check_values(values: dict[str, Any], path: Path) -> None:
    """Refuse file values pufu cannot use (without looking at variables), as :func:`load_settings`
    would."""
    try:
        Settings.model_validate(values)
    except ValidationError as exc:
        raise _explain(exc, path, values) from None


def _explain(exc: ValidationError, path: Path, values: dict[str, Any]) -> SettingsError:
    error = exc.errors()[0]
    key = str(error["loc"][0]) if error["loc"] else "?"
    variable = f"{ENV_PREFIX}{key.upper()}"
    where: object = path
    if key not in values and variable in os.environ:
        where = f"environment variable {variable}"
    if error["type"] == "extra_forbidden":
        return SettingsError(where, f"unknown key {key!r}; the keys are {', '.join(KEYS)}")
    field = Settings.model_fields.get(key)
    choices = getattr(field.annotation, "__args__", None) if field else None
    got = _short(repr(values.get(key, os.environ.get(variable))))
    if choices:
        names = [repr(choice) for choice in choices]
        allowed = " or ".join(names) if len(names) == 2 else "one of " + ", ".join(names)
        return SettingsError(where, f"{key}: must be {allowed}, not {got}")
    return SettingsError(where, f"{key}: {error['msg'].lower()} (got {got})")


def dumps_settings(values: dict[str, str]) -> str:
    """A settings file's text: one ``key = "value"`` line per key, with a short comment."""
    comments = {
        "lang": "ja or en",
        "theme": "light or dark",
        "export_size": "16:9, 4:3 or a4",
        "author": "the name written on review notes",
    }
    lines = ["# pufu settings (see: pufu settings --help)"]
    for key in KEYS:
        if key in values:
            lines.append(f"{key} = {toml_string(str(values[key]))}  # {comments[key]}")
    return "\n".join(lines) + "\n"


def toml_string(value: str) -> str:
    """A TOML basic string holding ``value`` exactly: quotes, backslashes and every control
    character (newlines, tabs, DEL) escaped."""
    out = []
    for char in value:
        code = ord(char)
        if char in ('"', "\\"):
            out.append("\\" + char)
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def use_settings(args: argparse.Namespace) -> None:
    """At start-up: make the settings' language the default when neither ``--lang`` nor
    ``PUFU_LANG`` is given. A broken settings file is reported in one line, not fatal."""
    if getattr(args, "lang", None):
        os.environ["PUFU_LANG"] = args.lang
        return
    if os.environ.get("PUFU_LANG"):
        return
    try:
        lang = load_settings().lang
    except SettingsError as exc:
        print(f"pufu: warning: {exc}; using the defaults (see: pufu settings)", file=sys.stderr)
        args.settings_warned = True  # commands that read the settings again do not repeat it
        return
    os.environ["PUFU_LANG"] = lang
    args.lang = lang
