"""Layouts kept in the cache folder: the diagrams' fitted layouts (``fit/``) and the decks'
chosen layouts (``deck/``), one small JSON file an entry, named by a digest of all that decides
the layout. An entry is written whole or not at all; a folder that cannot be written, or an
entry that cannot be read, is skipped (the layout is searched again); the oldest entries go
once a folder holds more than :data:`ENTRIES`."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

#: Entries kept at most in one folder; the oldest go first.
ENTRIES = 4000


def read(folder: Path, key: str) -> Any:
    """The entry kept for ``key``, or None."""
    try:
        return json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write(folder: Path, key: str, entry: Any) -> None:
    """Keep ``entry`` for ``key`` (atomically: a temporary file, then a rename)."""
    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{key}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(entry, handle)
        os.replace(tmp, folder / f"{key}.json")
        tmp = None
        if key.startswith("00"):  # now and then (1 write in 256): drop the oldest entries
            _prune(folder)
    except OSError:
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _prune(folder: Path) -> None:
    entries = []
    for item in os.scandir(folder):
        try:
            entries.append((item.stat().st_mtime, item.path))
        except OSError:
            continue
    entries.sort(reverse=True)
    for _, path in entries[ENTRIES:]:
        try:
            os.unlink(path)
        except OSError:
            pass
