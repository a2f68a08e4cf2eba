"""pufu.model knows nothing of the screen or of Graphviz."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pufu.model

FORBIDDEN = ("textual", "rich", "graphviz", "pygraphviz", "pptx", "pufu.tui", "pufu.export", "pufu.cli")


def test_model_sources_import_no_screen_or_graphviz() -> None:
    folder = Path(pufu.model.__file__).parent
    for source in folder.rglob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            elif isinstance(node, ast.ImportFrom) and node.level >= 2 and node.module:
                names = [f"pufu.{node.module}"]
            for name in names:
                assert not name.startswith(FORBIDDEN), f"{source.name} imports {name}"


def test_importing_the_model_loads_no_screen_or_graphviz() -> None:
    code = (
        "import sys, pufu.model, pufu.interop.pufu_editor;"
        f"bad=[m for m in sys.modules if m.split('.')[0] in {('textual', 'rich', 'pygraphviz', 'pptx')!r}];"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
