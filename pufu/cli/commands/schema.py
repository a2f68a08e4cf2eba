"""pufu schema: print the JSON Schema of the project file, generated from the models."""

from __future__ import annotations

import argparse
import json

from ...model import json_schema

ORDER = 90


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("schema", help="cmd.schema", description="about.schema")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return 0
