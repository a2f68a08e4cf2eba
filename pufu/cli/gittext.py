"""A project file as readable text, for git's own line diff (``pufu git textconv``).

git runs this once per side per commit in ``git log -p``, so it reads the JSON with the standard
library and the label catalogue only: no validation, no graph. Whatever does not look like a
project is shown as it is, after a one-line note.
"""

from __future__ import annotations

import json
from typing import Any

from ..i18n import t
from ..terminal import shown

ELEMENTS = ("people", "money", "time", "quality", "businessScheme", "environment", "rival", "foreignEnemy")
SYMBOLS = {"red": "●", "white": "○", "green": "■", "blue": "◆", "yellow": "★"}


def _line(text: object) -> str:
    return " ".join(str(text).split())


def _part(label: str, part: dict[str, Any], lang: str | None, indent: str = "") -> list[str]:
    lines = [f"{indent}{label}: {_line(part.get('text', ''))}"]
    comment = part.get("comment") or {}
    if comment.get("text"):
        color = t("color." + str(comment.get("color", "blue")), lang)
        lines.append(f"{indent}  {t('comment', lang)}（{color}）: {_line(comment['text'])}")
    return lines


def _measure(part: dict[str, Any], label: str, lang: str | None, indent: str) -> list[str]:
    symbol = SYMBOLS.get(str(part.get("color", "white")), "○")
    progress = part.get("progress")
    shown = f" ({progress:g}%)" if isinstance(progress, int | float) else ""
    lines = _part(f"{symbol} {label}", part, lang, indent)
    lines[0] += shown
    return lines


def chart_text(chart: dict[str, Any], lang: str | None) -> list[str]:
    lines = _part(t("kind.goal", lang), chart["gainingGoal"], lang)
    lines += _part(t("kind.win", lang), chart["winCondition"], lang)
    measures = {m["id"]: m for m in chart.get("measures", [])}
    linked: set[str] = set()
    for p_index, purpose in enumerate(chart.get("purposes", []), start=1):
        lines += _part(f"{t('kind.purpose', lang)}{p_index}", purpose, lang, "  ")
        for m_index, measure_id in enumerate(purpose.get("measures", []), start=1):
            linked.add(measure_id)
            if measure_id in measures:
                label = f"{t('kind.measure', lang)}{p_index}-{m_index}"
                lines += _measure(measures[measure_id], label, lang, "    ")
    for measure_id, measure in measures.items():
        if measure_id not in linked:
            lines += _measure(measure, t("kind.measure", lang), lang, "  ")
    for metric in chart.get("metrics", []) or []:  # yardsticks, when the file has them
        values = ", ".join(f"{k}={metric[k]}" for k in ("baseline", "target", "value") if k in metric)
        lines.append(f"  {t('merge.kind.metric', lang)}: {_line(metric.get('name', ''))} {values}".rstrip())
    lines.append(t("kind.elements", lang))
    elements = chart.get("elements", {})
    for key in ELEMENTS:
        if key in elements:
            lines += _part(t("element." + key, lang), elements[key], lang, "  ")
    return lines


PART_KINDS = ("goal", "win", "purpose", "measure", "element")


def _conflict_line(conflict: dict[str, Any], lang: str | None) -> str:
    where = conflict.get("where", {})
    kind = str(where.get("kind", ""))
    name = t(f"kind.{kind}" if kind in PART_KINDS else f"merge.kind.{kind}", lang)
    if where.get("field") and kind != "title":
        name += t("merge.field", lang, field=t(f"merge.field.{where['field']}", lang))

    def shown(value: object) -> str:
        if value is None:
            return t("merge.removed", lang)
        if isinstance(value, dict):
            value = value.get("text", "")
        return t("merge.quoted", lang, text=_line(value)[:40])

    ours, theirs = shown(conflict.get("ours")), shown(conflict.get("theirs"))
    return t("check.conflict", lang, part=name, ours=ours, theirs=theirs)


def project_text(data: dict[str, Any], lang: str | None) -> str:
    """Title, phases with what happened and their review notes, conflicts, then the draft."""
    lines = [f"# {_line(data.get('title', ''))}", ""]
    notes: dict[int, list[dict[str, Any]]] = {}
    for note in data.get("notes", []):
        notes.setdefault(note["phase"], []).append(note)
    for phase in data.get("phases", []):
        lines.append(
            t("git.text.phase", lang, number=phase["number"], title=_line(phase.get("title", "")), date=phase["date"])
        )
        if phase.get("happened"):
            lines.append(t("git.text.happened", lang, text=_line(phase["happened"])))
        for note in notes.get(phase["number"], []):
            kind = t(f"review.note.{note['kind']}", lang)
            lines.append(t("git.text.note", lang, kind=kind, author=_line(note["author"]), text=_line(note["text"])))
    conflicts = data.get("conflicts") or []
    if conflicts:
        lines += ["", t("git.diff.conflicts", lang, n=len(conflicts))]
        for conflict in conflicts:
            lines.append("  " + _conflict_line(conflict, lang))
    lines += ["", f"## {t('git.text.draft', lang)}", *chart_text(data["draft"], lang)]
    return "\n".join(lines) + "\n"


def textconv(raw: bytes, name: str, lang: str | None) -> str:
    """The text git diffs for one side; a file that is not a project: a note, then its text."""
    text = raw.decode("utf-8", "replace")
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != "pufu":
            raise ValueError(t("cli.git.not_project", lang))
        return project_text(data, lang)
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        note = t("git.diff.unreadable", lang, side=name, error=_line(exc)[:120])
        return note + "\n" + text + ("" if text.endswith("\n") else "\n")


def main(argv: list[str] | None = None) -> int:
    """``python -m pufu.cli.gittext FILE``: what ``diff.pufu.textconv`` runs, without loading the
    rest of pufu (git starts it twice per commit in ``git log -p``)."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        sys.stderr.write("usage: python -m pufu.cli.gittext FILE\n")
        return 2
    try:
        with open(args[0], "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        raw = f"{exc.strerror}\n".encode()
    sys.stdout.write(shown(textconv(raw, args[0], _lang()), "\n\t"))  # no escape reaches the pager raw
    return 0


def _lang() -> str:
    """The language of the user's settings (file and ``PUFU_LANG``), as every command has it."""
    from ..settings import load_settings

    try:
        return load_settings().lang
    except Exception:  # a broken settings file must not break git log -p: the default language
        return "ja"


if __name__ == "__main__":
    raise SystemExit(main())
