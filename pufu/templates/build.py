"""Generate the bundled templates and the demo from their Python sources.

    python -m pufu.templates.build           # write every file
    python -m pufu.templates.build --check   # exit 1 if a bundled file is out of date

Writes ``pufu/templates/{ja,en}/NAME.pufu.json``, ``pufu/templates/index.json`` (names and
one-line descriptions) and the demo, ``pufu/data/demo.pufu.json`` (Japanese) and
``pufu/data/demo.en.pufu.json`` (English). The output is deterministic: ids are derived from
the template name and a key (:func:`pufu.templates.ids.stable_id`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from ..model import dumps_project
from . import demo
from .sources import SPECS

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "data"
LANGS = ("ja", "en")


def demo_path(lang: str) -> Path:
    """Where the demo project of a language is bundled."""
    return DATA / ("demo.pufu.json" if lang == "ja" else f"demo.{lang}.pufu.json")


def index_data() -> dict:
    """The index: every template in order, with its one-line description per language."""
    entries = [
        {"name": spec.name, "ja": spec.description[0], "en": spec.description[1]} for spec in SPECS
    ]
    entries.append({"name": demo.NAME, "ja": demo.DESCRIPTION[0], "en": demo.DESCRIPTION[1]})
    return {"templates": entries}


def outputs() -> Iterator[tuple[Path, str]]:
    """Every generated file and its text."""
    for lang in LANGS:
        yield demo_path(lang), dumps_project(demo.build_demo(lang))
        for spec in SPECS:
            yield HERE / lang / f"{spec.name}.pufu.json", dumps_project(spec.project(lang))
    yield HERE / "index.json", json.dumps(index_data(), ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pufu.templates.build", description=__doc__)
    parser.add_argument("--check", action="store_true", help="only report files that are out of date")
    args = parser.parse_args(argv)
    stale = []
    for path, text in outputs():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for path in stale:
        print(f"{'out of date' if args.check else 'wrote'}: {path.relative_to(HERE.parent.parent)}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
