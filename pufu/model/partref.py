"""Naming a part of a sheet the way a person can type it: a short id, or the start of its text.

Part ids are long (``3dd5e37d9a0b41c8a2f6e1``); :func:`short_ids` gives each part of a chart the
shortest start of its id, 8 characters or more, that no other part's id shares, which
``pufu phases PROJECT N`` and the review's note dialog show. :func:`find_part` takes what
the user typed (``pufu note --part``): an id, the start of one, or the start of a part's text.
"""

from __future__ import annotations

from ..i18n import t
from .chart import Chart, Part
from .errors import ChartError
from .texts import nfc

#: The fewest characters of an id that are shown.
SHORT_ID = 8


def short_ids(chart: Chart) -> dict[str, str]:
    """Every part id of ``chart`` → its shortest unambiguous start (``SHORT_ID`` or more)."""
    ids = [part.id for part in chart.parts()]
    out: dict[str, str] = {}
    for part_id in ids:
        size = min(SHORT_ID, len(part_id))
        while size < len(part_id) and any(o != part_id and o.startswith(part_id[:size]) for o in ids):
            size += 1
        out[part_id] = part_id[:size]
    return out


def part_name(chart: Chart, part: Part, lang: str | None = None) -> str:
    """What the part is on the sheet: 獲得目標, 中間目的2, 施策, ひと, ..."""
    if part.key:
        return t(f"element.{part.key}", lang)
    if part.kind.value == "purpose":
        return f"{t('kind.purpose', lang)}{chart.purposes().index(part.id) + 1}"
    return t(f"kind.{part.kind.value}", lang)


def _flat(text: str) -> str:
    return " ".join(nfc(text).split())


def _excerpt(text: str, size: int = 20) -> str:
    flat = _flat(text)
    return flat if len(flat) <= size else flat[: size - 1] + "…"


def find_part(chart: Chart, wanted: str, phase: int, lang: str | None = None) -> str:
    """The id of the one part ``wanted`` names: its id; else the one part whose id starts with it
    or whose text is it; else the one part whose text starts with it (texts compared NFC, spaces
    collapsed). None or several: a :class:`ChartError` saying so (several are listed)."""
    if wanted in chart:
        return wanted
    norm = _flat(wanted)
    if not norm:
        raise ChartError("part.none", phase=phase, part=wanted)
    parts = list(chart.parts())
    tiers = (
        [p for p in parts if p.id.startswith(wanted) or _flat(p.text) == norm],
        [p for p in parts if _flat(p.text).startswith(norm)],
    )
    for found in tiers:
        if len(found) == 1:
            return found[0].id
        if found:
            short = short_ids(chart)
            candidates = ", ".join(
                f"[{short[p.id]}] {part_name(chart, p, lang)}「{_excerpt(p.text)}」" for p in found
            )
            raise ChartError("part.ambiguous", phase=phase, part=norm, n=len(found), candidates=candidates)
    raise ChartError("part.none", phase=phase, part=norm)
