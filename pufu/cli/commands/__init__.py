"""The commands of ``pufu``: one module each, with ``register(subparsers)`` and ``run(args)``.

:data:`COMMANDS` lists them in the order ``pufu --help`` shows them, with the help line and the
module of each, so that the parser is built without importing any command: only the module of
the command named on the command line is imported (a test keeps this table equal to the
modules). Adding a command is adding a module and a line here.
"""

from __future__ import annotations

from typing import NamedTuple


class Command(NamedTuple):
    module: str  # the module in this package
    help: str  # the catalogue key of the line ``pufu --help`` shows (:mod:`pufu.i18n.help`)


COMMANDS: dict[str, Command] = {
    "edit": Command("edit", "cmd.edit"),
    "demo": Command("demo", "cmd.demo"),
    "new": Command("new", "cmd.new"),
    "templates": Command("templates", "cmd.templates"),
    "check": Command("check", "cmd.check"),
    "import": Command("import_cmd", "cmd.import"),
    "export": Command("export", "cmd.export"),
    "snapshot": Command("snapshot", "cmd.snapshot"),
    "phases": Command("phases", "cmd.phases"),
    "phase": Command("phase", "cmd.phase"),
    "metric": Command("metric", "cmd.metric"),
    "diff": Command("diff", "cmd.diff"),
    "review": Command("review", "cmd.review"),
    "note": Command("note", "cmd.note"),
    "report": Command("report", "cmd.report"),
    "git": Command("git", "cmd.git"),
    "schema": Command("schema", "cmd.schema"),
    "settings": Command("settings", "cmd.settings"),
}

#: The module that runs when no command is given (the first screen).
DEFAULT = "start"
