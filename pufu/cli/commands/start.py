"""pufu with no command: what to do first."""

from __future__ import annotations

import argparse

ORDER = 0

GUIDE = """pufu: draft, record and review プ譜 (project score) charts.

  pufu demo                       try the bundled demo project
  pufu new plan.pufu.json         start a new project
  pufu import chart.json -o plan.pufu.json
                                  read a pufu-editor file
  pufu check plan.pufu.json       find errors and weak spots
  pufu --help                     every command
"""


def register(sub: argparse._SubParsersAction) -> None:
    """Nothing to register: this runs when no command is given."""


def run_default(args: argparse.Namespace) -> int:
    print(GUIDE, end="")
    return 0
