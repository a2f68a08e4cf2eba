"""Entry point of the ``pufu`` command.

The commands are listed in :data:`pufu.cli.commands.COMMANDS` (name, module, help line), so
building the parser imports no command: only the module of the command named on the command
line is imported and registers its options (``register(subparsers)``); ``--version`` and
``--help`` import nothing heavy. The settings are loaded once, after parsing, and the command
runs inside :func:`pufu.settings.use`.

Help and usage errors are in the language of the run (:mod:`pufu.cli.parser`): ``--lang`` (before
or after the command), else the settings' ``lang``. They are shown before the settings are
loaded, so :func:`help_lang` reads just that one key, and only when something is shown.

Exit codes: 0 ok, 1 ``check`` found errors, 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import os
import stat
import sys
from collections.abc import Callable, Sequence

from .. import __version__
from ..i18n import LANGS, t
from .commands import COMMANDS, DEFAULT
from .parser import Parser

_LANG_HELP = "opt.pufu.lang"

#: Arguments that name files: they may hold bytes that are not UTF-8 (a file name is bytes on
#: POSIX). Every other argument is text that goes into a project, so it must be UTF-8.
PATH_ARGS = frozenset({"project", "source", "output", "dir", "command", "func"})


def _not_utf8(args: argparse.Namespace) -> str | None:
    """The first text argument holding bytes that were not UTF-8 (Python decodes them to lone
    surrogates), named as the user typed it: ``--title``, ``TEXT``."""
    for name, value in vars(args).items():
        values = value if isinstance(value, list) else [value]
        if name in PATH_ARGS or not any(isinstance(v, str) for v in values):
            continue
        if any(isinstance(v, str) and not v.isascii() and _has_surrogate(v) for v in values):
            return f"--{name.replace('_', '-')}" if name not in ("text", "a", "b") else name.upper()
    return None


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _naming_the_file(exc: Exception, args: argparse.Namespace) -> str:
    """The error line, naming the project file the command was given when the error does not
    already name a file ("plan.pufu.json: there is no phase 9; phases are 1 to 4")."""
    message = str(exc)
    from ..model.errors import FileError

    project = getattr(args, "project", None)
    if isinstance(exc, FileError) or not isinstance(project, str) or message.startswith(f"{project}:"):
        return message
    return f"{project}: {message}"


def named_command(argv: Sequence[str]) -> str | None:
    """The command named on the command line (the first word that is not an option)."""
    words = iter(argv)
    for word in words:
        if word == "--lang":
            next(words, None)
        elif not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


def lang_option(argv: Sequence[str]) -> str | None:
    """The language named by ``--lang`` (before or after the command), if any."""
    found = None
    words = iter(argv)
    for word in words:
        if word == "--":
            break
        if word == "--lang":
            found = next(words, None)
        elif word.startswith("--lang="):
            found = word.partition("=")[2]
    return found if found in LANGS else None


def help_lang(argv: Sequence[str]) -> str:
    """The language of the help and usage errors: ``--lang``, else the settings' ``lang``
    (``PUFU_LANG``, else the settings file's ``lang``), else Japanese. Read without loading the
    settings (:mod:`pufu.settings` imports pydantic, which ``pufu --help`` must not); a value
    pufu cannot use is left out here, and reported when a command loads the settings."""
    lang = lang_option(argv)
    if lang is not None:
        return lang
    for name, value in os.environ.items():  # as pydantic-settings reads it: any case
        if name.upper() == "PUFU_LANG" and value in LANGS:
            return value
    return _file_lang() or "ja"


def _file_lang() -> str | None:
    from ..locations import settings_file

    try:  # without blocking on a FIFO, and only from a regular file
        fd = os.open(settings_file(), os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:  # no settings file (the usual case): nothing more to import
        return None
    with os.fdopen(fd, "rb") as file:
        try:
            raw = file.read(1024 * 1024) if stat.S_ISREG(os.fstat(fd).st_mode) else b""
        except OSError:
            return None
    import tomllib

    try:
        lang = tomllib.loads(raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")).get("lang")
    except (ValueError, RecursionError):
        return None
    return lang if lang in LANGS else None


def _once(argv: Sequence[str]) -> Callable[[], str]:
    found: list[str] = []

    def lang() -> str:
        if not found:
            found.append(help_lang(argv))
        return found[0]

    return lang


def command_module(name: str) -> str:
    return f"{__package__}.commands.{COMMANDS[name].module if name in COMMANDS else name}"


def build_parser(command: str | None = None, lang: Callable[[], str] | None = None) -> argparse.ArgumentParser:
    """The parser, with the options of ``command`` (the other commands by name and help line);
    its help and usage errors are in the language ``lang()`` gives (default: :func:`help_lang`
    of the process's arguments)."""
    parser = Parser(prog="pufu", description="about.pufu", allow_abbrev=False, lang=lang or _once(sys.argv[1:]))
    parser.add_argument("--version", action="version", version=f"pufu {__version__}", help="opt.pufu.version")
    parser.add_argument("--lang", choices=LANGS, help=_LANG_HELP)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", help="opt.pufu.command")
    for name, entry in COMMANDS.items():
        if name != command:
            sub.add_parser(name, help=entry.help, add_help=False)
            continue
        importlib.import_module(command_module(name)).register(sub)
        own = sub.choices[name]
        if "--lang" not in own._option_string_actions:  # --lang after the command, too
            own.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=_LANG_HELP)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    process = argv is None  # the ``pufu`` process itself (tests pass their arguments)
    argv = list(sys.argv[1:] if argv is None else argv)
    was_enabled = gc.isenabled()
    gc.disable()  # importing the command makes only objects that live as long as the process
    try:
        parser = build_parser(named_command(argv), _once(argv))
    finally:
        if was_enabled:
            gc.enable()
    if process:  # keep them out of every later collection: a fifth of a big `pufu check`
        gc.freeze()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        func = importlib.import_module(command_module(DEFAULT)).run_default

    from ..model.errors import PufuError
    from ..settings import Settings, at_start, use
    from .common import fail

    settings = None
    try:
        if args.command == "settings":  # that command reports a bad settings file itself
            settings = Settings(**({"lang": args.lang} if args.lang else {}))
        else:
            settings = at_start(lang=args.lang)  # --lang, else PUFU_LANG, else the file's lang
        args.lang = settings.lang
        with use(settings):
            bad = _not_utf8(args)
            if bad is not None:  # before the command reads or writes anything
                return fail(t("cli.not_utf8", args.lang, option=bad))
            return int(func(args) or 0)
    except PufuError as exc:  # shown in the language of the run
        with use(settings) if settings is not None else contextlib.nullcontext():
            return fail(_naming_the_file(exc, args))
    except KeyboardInterrupt:
        return fail(t("cli.interrupted", args.lang))
    except BrokenPipeError:
        return 0


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()
