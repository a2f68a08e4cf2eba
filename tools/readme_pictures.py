"""Make the README's two pictures again, from the code as it is:

    .venv/bin/python tools/readme_pictures.py

- ``docs/screenshot.svg``: the editor on a copy of the demo project, 160 × 48, default settings
  (Japanese, light theme), as Textual's own screenshot;
- ``docs/diagram.png``: ``pufu export pufu/data/demo.pufu.json -f png --phase 4 --comments``.

Run with no settings file of yours in the way: the folders pufu reads are pointed at a
temporary one.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "pufu" / "data" / "demo.pufu.json"


async def screenshot(folder: Path) -> str:
    from pufu.tui.app import PufuApp

    path = folder / "demo.pufu.json"
    shutil.copy(DEMO, path)
    app = PufuApp(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        return app.export_screenshot(title="pufu")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name in ("STATE", "CONFIG", "CACHE"):
            os.environ[f"PUFU_{name}_DIR"] = str(folder / name.lower())
        for name in ("PUFU_LANG", "PUFU_THEME", "PUFU_EXPORT_SIZE"):
            os.environ.pop(name, None)
        (ROOT / "docs" / "screenshot.svg").write_text(asyncio.run(screenshot(folder)), encoding="utf-8")
        subprocess.run(
            [sys.executable, "-m", "pufu.cli.main", "export", str(DEMO), "-f", "png", "--phase", "4",
             "--comments", "-o", str(ROOT / "docs" / "diagram.png"), "--force"],
            check=True,
        )


if __name__ == "__main__":
    main()
