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
from ..model.errors import PufuError
from . import commands
from .common import EXIT_BAD_INPUT, CommandError, fail


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, then a pointer to --help
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message} (see: {self.prog} --help)\n")


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
    try:
        if args.command != "settings":  # that command reports a bad settings file itself
            from ..settings import use_settings

            use_settings(args)  # --lang, else PUFU_LANG, else the settings file's language
        return int(func(args) or 0)
    except (PufuError, CommandError) as exc:
        return fail(str(exc))
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
