"""pufu demo [--dir DIR]: open a fresh copy of the bundled demo project in the editor.

The copy goes to a new temporary folder, or to DIR (as demo.pufu.json, or demo-2.pufu.json and
so on when that name is taken), so you can try everything and the original stays as it was.
"""

from __future__ import annotations

import argparse
import tempfile
from importlib import resources
from pathlib import Path

from ...i18n import default_lang, t
from ...model import FileError, write_atomic
from ..common import CommandError, info

ORDER = 6
DEMO = "demo.pufu.json"


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("demo", help="cmd.demo", description="about.demo")
    parser.add_argument("--dir", help="opt.demo.dir")
    parser.add_argument("--no-open", action="store_true", help="opt.demo.no_open")
    parser.set_defaults(func=run)


def demo_bytes(lang: str = "ja") -> bytes:
    """The bundled demo project (its English version with ``--lang en``, when there is one)."""
    folder = resources.files("pufu") / "data"
    source = folder / DEMO
    if lang != "ja" and (folder / f"demo.{lang}.pufu.json").is_file():
        source = folder / f"demo.{lang}.pufu.json"
    if not source.is_file():
        raise CommandError("cli.demo.missing", name=DEMO)
    return source.read_bytes()


def fresh_copy(folder: str | None) -> Path:
    """Copy the demo project to a name not yet taken in ``folder`` (or a new temporary one)."""
    data = demo_bytes(default_lang())
    if folder is None:
        where = Path(tempfile.mkdtemp(prefix="pufu-demo-"))
    else:
        where = Path(folder)
        if where.exists() and not where.is_dir():
            raise FileError(where, "cli.demo.not_folder")
        where.mkdir(parents=True, exist_ok=True)
    target = where / DEMO
    counter = 2
    while target.exists():
        target = where / f"demo-{counter}.pufu.json"
        counter += 1
    write_atomic(target, data, exclusive=True)
    return target


def run(args: argparse.Namespace) -> int:
    target = fresh_copy(args.dir)
    info(t("cli.demo.copy", path=target))
    if args.no_open:
        return 0
    from ...tui import run_editor

    code = run_editor(target, lang=default_lang())
    info(t("cli.demo.stays", path=target))
    return code
