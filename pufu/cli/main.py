"""Entry point of the ``pufu`` command.

Each module in :mod:`pufu.cli.commands` defines ``register(subparsers)``; the commands are
found by listing that package, so adding a command is adding a module.

Exit codes: 0 ok, 1 ``check`` found errors, 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence

from .. import __version__
from ..i18n import LANGS
from ..model.errors import FileError, PufuError
from ..terminal import shown
from . import commands
from .common import EXIT_BAD_INPUT, CommandError, fail

#: Arguments that name files: they may hold bytes that are not UTF-8 (a file name is bytes on
#: POSIX). Every other argument is text that goes into a project, so it must be UTF-8.
PATH_ARGS = frozenset({"project", "source", "output", "dir", "command", "func"})


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, then a pointer to --help
        line = shown(f"{self.prog}: error: {message} (see: {self.prog} --help)")
        self.exit(EXIT_BAD_INPUT, line + "\n")


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
    project = getattr(args, "project", None)
    if isinstance(exc, FileError) or not isinstance(project, str) or message.startswith(f"{project}:"):
        return message
    return f"{project}: {message}"


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="pufu",
        description="pufu: draft, record and review プ譜 (project score) charts in the terminal.",
    )
    parser.add_argument("--version", action="version", version=f"pufu {__version__}")
    parser.add_argument("--lang", choices=LANGS, help="language of labels and messages (default: ja)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    modules = sorted(
        (importlib.import_module(f"{commands.__name__}.{info.name}") for info in pkgutil.iter_modules(commands.__path__)),
        key=lambda module: getattr(module, "ORDER", 100),
    )
    for module in modules:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        from .commands import start

        func = start.run_default
    saved_lang = os.environ.get("PUFU_LANG")
    bad = _not_utf8(args)
    if bad is not None:
        from ..i18n import t

        return fail(t("cli.not_utf8", getattr(args, "lang", None), option=bad))
    try:
        if args.command != "settings":  # that command reports a bad settings file itself
            from ..settings import use_settings

            use_settings(args)  # --lang, else PUFU_LANG, else the settings file's language
        return int(func(args) or 0)
    except (PufuError, CommandError) as exc:
        return fail(_naming_the_file(exc, args))
    except KeyboardInterrupt:
        return fail("interrupted; nothing was saved after the last save")
    except BrokenPipeError:
        return 0
    finally:  # main() may run in-process (tests): leave the environment as it was
        if saved_lang is None:
            os.environ.pop("PUFU_LANG", None)
        else:
            os.environ["PUFU_LANG"] = saved_lang


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()
