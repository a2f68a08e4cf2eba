"""How often a line break splits a phrase, before and after the text engine; how fast it wraps.

    python benchmarks/bench_text.py

Every part text of the bundled templates (pufu/templates/ja) and of the demo (draft and every
phase, each text once) is wrapped at the diagram's widths (``COLUMNS`` of export/diagram.py:
施策 40, 中間目的 32, 勝利条件 and 獲得目標 28, 廟算八要素 30). A break "inside a phrase" falls
between two characters that BudouX puts in one phrase (a break after a space is between words).
"Forced" counts those where the phrase is wider than the line, so some break inside it must be.
Before = the wrappers this engine replaced (export/wrap.py, the editor's tui/text.py), read from
git at the commit before it (skipped when git cannot show them).

Speed: every demo text wrapped at its diagram width, cold (caches and the BudouX parser emptied
and loaded again) and warm (as on an editor redraw, where the same labels wrap again).
Goal: none is set for the share; after should be the forced breaks only. Warm ≤ 1 ms.
"""

from __future__ import annotations

import subprocess
import sys
import time
import types
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pufu import text as engine  # noqa: E402
from pufu.export.diagram import COLUMNS  # noqa: E402
from pufu.model import Chart, Project  # noqa: E402
from pufu.model.store import load_project  # noqa: E402

BEFORE = "da836467e6aa2263c6a3318c1b320abe85f85cb1"
OLD_FILES = {"export/wrap.py (diagrams)": "pufu/export/wrap.py", "tui/text.py (editor)": "pufu/tui/text.py"}
Wrapper = Callable[[str, int], list[str]]


def old_wrappers() -> dict[str, Wrapper]:
    found: dict[str, Wrapper] = {}
    for name, path in OLD_FILES.items():
        try:
            source = subprocess.run(
                ["git", "-C", str(ROOT), "show", f"{BEFORE}:{path}"],
                capture_output=True, text=True, check=True,
            ).stdout
        except (OSError, subprocess.CalledProcessError):
            continue
        module = types.ModuleType(f"old_{path.replace('/', '_')}")
        exec(compile(source, path, "exec"), module.__dict__)  # noqa: S102 - our own old source
        found[name] = module.wrap
    return found


def charts(project: Project) -> list[Chart]:
    return [project.draft, *(project.phase_chart(p.number) for p in project.phases)]


def texts(paths: list[Path]) -> list[tuple[str, int]]:
    """(text, columns) of every part, each once."""
    seen: dict[tuple[str, int], None] = {}
    for path in paths:
        project, _ = load_project(path)
        for chart in charts(project):
            for part in chart.parts():
                if part.text.strip():
                    seen[(part.text, COLUMNS[str(part.kind.value)])] = None
    return list(seen)


def inside_phrase(items: list[tuple[str, int]], wrap: Wrapper) -> tuple[int, int, int]:
    """(breaks, breaks inside a phrase, of those the forced ones)."""
    total = inside = forced = 0
    for text, columns in items:
        for paragraph in engine.NEWLINES.split(engine.visible(text)):
            bounds: dict[int, str] = {}
            at = 0
            for phrase in engine.phrases(paragraph):
                for offset in range(1, len(phrase)):
                    bounds[at + offset] = phrase
                at += len(phrase)
            at = 0
            for line in wrap(paragraph, columns)[:-1]:
                at += len(line)
                total += 1
                phrase = bounds.get(at)
                if phrase is not None and paragraph[at - 1] != " ":
                    inside += 1
                    forced += engine.width(phrase) > columns
    return total, inside, forced


def main() -> None:
    templates = sorted((ROOT / "pufu" / "templates" / "ja").glob("*.pufu.json"))
    demo = ROOT / "pufu" / "data" / "demo.pufu.json"
    items = texts([*templates, demo])
    print(f"{len(items)} texts of {len(templates)} templates and the demo, at the diagram's widths")
    wrappers: dict[str, Wrapper] = {f"before: {k}": v for k, v in old_wrappers().items()}
    wrappers["after: pufu/text.py"] = engine.wrap
    for name, wrap in wrappers.items():
        total, inside, forced = inside_phrase(items, wrap)
        share = inside / total if total else 0.0
        print(
            f"  {name:34} {total:4} breaks, {inside:4} inside a phrase ({share:5.1%}), "
            f"{forced} of them forced (phrase wider than the line)"
        )

    demo_items = texts([demo])
    runs = []
    for _ in range(5):
        engine._wrap.cache_clear()
        engine._breaks.cache_clear()
        engine.phrases.cache_clear()
        engine._parser.cache_clear()
        start = time.perf_counter()
        for text, columns in demo_items:
            engine.wrap(text, columns)
        runs.append(time.perf_counter() - start)
    cold = sorted(runs)[len(runs) // 2]
    runs = []
    for _ in range(20):
        start = time.perf_counter()
        for text, columns in demo_items:
            engine.wrap(text, columns)
        runs.append(time.perf_counter() - start)
    warm = sorted(runs)[len(runs) // 2]
    print(
        f"wrap of all {len(demo_items)} demo texts: cold {cold * 1000:.1f} ms "
        f"(BudouX parser loaded again), warm {warm * 1000:.2f} ms (goal ≤ 1 ms)"
    )


if __name__ == "__main__":
    main()
