"""The label catalogue: every user-facing word of pufu, in Japanese (default) and English.

Each module of this package holds one area's labels as two dicts, ``JA`` and ``EN``, with the
same keys. :func:`t` looks a key up; a key missing in English falls back to Japanese, and a key
missing everywhere is returned as it is, so a typo shows on screen instead of crashing.
"""

from __future__ import annotations

import importlib
from functools import cache

LANGS: tuple[str, ...] = ("ja", "en")
_AREAS: tuple[str, ...] = ("core", "tui", "export", "review", "templates", "git", "metrics", "errors", "cli")


@cache
def _table(lang: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for area in _AREAS:
        module = importlib.import_module(f"{__name__}.{area}")
        merged.update(getattr(module, "JA", {}))
        if lang != "ja":
            merged.update(getattr(module, lang.upper(), {}))
    return merged


def default_lang() -> str:
    """The language of the settings in use (:func:`pufu.settings.current`), else Japanese."""
    from ..settings import current

    lang = current().lang
    return lang if lang in LANGS else "ja"


def t(key: str, lang: str | None = None, /, **values: object) -> str:
    """The label for ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``."""
    text = _table(lang or default_lang()).get(key, key)
    return text.format(**values) if values else text
