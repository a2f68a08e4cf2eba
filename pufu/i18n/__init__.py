"""The label catalogue: every user-facing word of pufu, in Japanese (default) and English.

Each module of this package holds one area's labels as two dicts, ``JA`` and ``EN``, with the
same keys. :func:`t` looks a key up; a key missing in English falls back to Japanese, and a key
missing everywhere is returned as it is, so a typo shows on screen instead of crashing.
"""

from __future__ import annotations

import importlib
from functools import cache

LANGS: tuple[str, ...] = ("ja", "en")
_AREAS: tuple[str, ...] = ("core", "tui", "export", "review", "templates", "git", "metrics", "errors", "cli", "help")


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
    lang = lang or default_lang()
    text = _table(lang).get(key, key)
    if not values:
        return text
    for name, value in values.items():  # an error or a text among the values: in the same language
        render_in = getattr(value, "render_in", None)
        if callable(render_in):
            values[name] = render_in(lang)
    return text.format(**values)
