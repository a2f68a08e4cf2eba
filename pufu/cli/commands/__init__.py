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
    help: str  # the line ``pufu --help`` shows (the module's own ``add_parser(help=...)``)


COMMANDS: dict[str, Command] = {
    "edit": Command("edit", "edit a project in the terminal"),
    "demo": Command("demo", "try the editor on a copy of the demo project"),
    "new": Command("new", "create a new project file"),
    "templates": Command("templates", "list the templates to start a project from"),
    "check": Command("check", "check a project's draft for errors and warnings"),
    "import": Command("import_cmd", "import a pufu-editor JSON file"),
    "export": Command("export", "export a chart (pufu-editor JSON, Markdown, diagrams, a deck)"),
    "snapshot": Command("snapshot", "record the draft as the next phase (局面)"),
    "phases": Command("phases", "list the recorded phases"),
    "phase": Command("phase", "amend a recorded phase's title, date or what happened"),
    "metric": Command("metric", "the 評価指標 (yardsticks): add, set a value, edit, remove, list"),
    "diff": Command("diff", "what changed between two phases (or a phase and the draft)"),
    "review": Command("review", "replay the phases and write review notes (感想戦)"),
    "note": Command("note", "add a review note (感想) to a phase"),
    "report": Command("report", "write the review (感想戦) up in Markdown"),
    "git": Command("git", "use pufu as git's diff and merge driver for projects"),
    "schema": Command("schema", "print the JSON Schema of the project file"),
    "settings": Command(
        "settings", "show or change your settings (language, theme, export size, author)"
    ),
}

#: The module that runs when no command is given (the first screen).
DEFAULT = "start"
