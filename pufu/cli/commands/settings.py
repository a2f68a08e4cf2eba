"""pufu settings [--set KEY=VALUE ...] [--path]: show or change your settings.

The settings file is settings.toml in your config folder (PUFU_CONFIG_DIR moves it). Keys:
lang (ja, en), theme (light, dark), export_size (16:9, 4:3, a4), author (the name on review
notes), lock_wait (seconds a save waits for another writer). Variables PUFU_LANG, PUFU_THEME,
PUFU_EXPORT_SIZE, PUFU_AUTHOR and PUFU_LOCK_WAIT win over the file.
A [keys] table (written by hand) remaps the editor's keys by binding id: save = "ctrl+w".
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from ...i18n import t
from ...model import write_atomic
from ...settings import (
    ENV_PREFIX,
    KEYS,
    SettingsError,
    check_values,
    dumps_settings,
    load_settings,
    parse,
    read_text,
    settings_path,
)
from ..common import CommandError, info, out

ORDER = 95


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "settings",
        help="cmd.settings",
        description="about.settings",
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="opt.settings.set",
    )
    parser.add_argument("--path", action="store_true", help="opt.settings.path")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    path = settings_path()
    if args.path:
        out(path)
        return 0
    if args.set:
        _change(path, args.set)
    settings = load_settings(path)
    state = "" if path.exists() else "  " + t("cli.settings.not_created")
    out(f"# {path}{state}")
    for key in KEYS:
        value = getattr(settings, key)
        source = "  # " + t("cli.settings.from_env", name=f"{ENV_PREFIX}{key.upper()}") if os.environ.get(f"{ENV_PREFIX}{key.upper()}") else ""
        out(f"{key} = {json.dumps(value, ensure_ascii=False)}{source}")
    if settings.keys:  # the keymap, as a TOML table
        out("[keys]")
        for name, keys in settings.keys.items():
            out(f"{json.dumps(name, ensure_ascii=False)} = {json.dumps(keys, ensure_ascii=False)}")
    return 0


def _change(path: Path, assignments: list[str]) -> None:
    """Set the values in the file, keeping its comments and layout (tomlkit)."""
    text = read_text(path)
    values = {key: value if key == "keys" else str(value) for key, value in parse(path, text).items()}
    for assignment in assignments:
        key, sep, value = assignment.partition("=")
        key = key.strip()
        if not sep or key not in KEYS:
            raise CommandError("cli.settings.bad_set", assignment=assignment, keys=", ".join(KEYS))
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # bytes of the command line that are not UTF-8
            raise CommandError("cli.settings.not_utf8", key=key) from None
        values[key] = value.strip()
    check_values(values, path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, dumps_settings(values, text).encode("utf-8"))
    except OSError as exc:
        raise SettingsError(path, "cli.settings.cannot_write", reason=exc.strerror or exc) from None
    info(t("cli.settings.saved", path=path))
