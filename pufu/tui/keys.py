"""Every key of the editor in one table: the bindings, the help screen, the command palette and
the README's keys table are all made from it, so they cannot disagree.

Each key has an id (the settings' ``[keys]`` table remaps keys by id, through Textual's keymap:
:func:`binding_ids` lists every id), the action it runs,
where it applies (``app``: anywhere; ``sheet``: while the sheet has the focus, not while typing)
and whether the footer shows it. Labels come from the catalogue (``pufu.i18n.tui``):
``key.<id>`` short, for the footer; ``help.<id>`` a sentence, for the help and the palette.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from textual.binding import Binding, BindingsMap, BindingType

from ..i18n import t


@dataclass(frozen=True, slots=True)
class Key:
    id: str
    keys: str
    action: str
    scope: str = "sheet"
    show: bool = False
    palette: bool = True


KEYS: tuple[Key, ...] = (
    Key("move.up", "up", "move('up')", palette=False),
    Key("move.down", "down", "move('down')", palette=False),
    Key("move.left", "left", "move('left')", palette=False),
    Key("move.right", "right", "move('right')", palette=False),
    Key("goto.goal", "g", "goto_goal"),
    Key("goto.elements", "e", "goto_elements"),
    Key("edit", "enter,f2", "edit", show=True),
    Key("add", "a", "add", show=True),
    Key("add_measure", "m", "add_measure"),
    Key("delete", "d,delete", "delete", show=True),
    Key("move_part.up", "shift+up,K", "move_part(-1)"),
    Key("move_part.down", "shift+down,J", "move_part(1)"),
    Key("color", "c", "cycle_color", show=True),
    Key("choose_color", "C", "choose_color"),
    Key("progress", "p", "progress"),
    Key("progress.up", "plus,full_stop", "step_progress(10)"),
    Key("progress.down", "minus,comma", "step_progress(-10)"),
    Key("link", "l", "link"),
    Key("unlink", "u", "unlink"),
    Key("comment", "n", "comment"),
    Key("add_metric", "y", "add_metric"),
    Key("edit_metric", "Y", "edit_metric"),
    Key("metric_value", "i", "metric_value"),
    Key("remove_metric", "D", "remove_metric"),
    Key("title", "t", "edit_title"),
    Key("record_phase", "r", "record_phase"),
    Key("phases", "v", "phases"),
    Key("review", "w", "review"),
    Key("next_finding", "f8", "next_finding"),
    Key("conflict.ours", "left_square_bracket", "take_side('ours')"),
    Key("conflict.theirs", "right_square_bracket", "take_side('theirs')"),
    Key("export", "x", "export"),
    Key("template", "", "template"),
    Key("undo", "ctrl+z", "undo", scope="app", show=True),
    Key("redo", "ctrl+y", "redo", scope="app"),
    Key("save", "ctrl+s", "save", scope="app", show=True),
    Key("quit", "ctrl+q", "quit", scope="app", show=True),
    Key("help", "question_mark,f1", "help", scope="app", show=True),
    Key("palette", "ctrl+p", "command_palette", scope="app", palette=False),
)

#: Keys while a text is being edited (handled by the editor box itself).
EDITOR_KEYS: tuple[tuple[str, str], ...] = (
    ("enter", "editor.confirm"),
    ("escape", "editor.cancel"),
    ("ctrl+j,shift+enter", "editor.newline"),
    ("ctrl+z,ctrl+y", "editor.undo"),
)

#: Actions of the sheet widget itself; every other sheet key runs an action of the app.
LOCAL_ACTIONS = ("move(", "goto_")
#: Keys that work even while a text box has the focus.
PRIORITY = frozenset({"save", "quit", "palette"})

_NAMES = {
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "enter": "Enter",
    "escape": "Esc",
    "delete": "Delete",
    "question_mark": "?",
    "plus": "+",
    "minus": "-",
    "full_stop": ".",
    "comma": ",",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
}


def keys_of(key: Key, keymap: Mapping[str, str] | None = None) -> str:
    """The keys that run ``key`` now: those of the settings' ``[keys]`` table, else its own."""
    return (keymap or {}).get(key.id, key.keys)


def binding_ids() -> frozenset[str]:
    """Every binding id a ``[keys]`` table can remap: the editor's keys and those of its screens
    and dialogs (the review, the export dialog, lists)."""
    from .dialogs import PickDialog
    from .export_dialog import ConfirmReplace, ExportDialog
    from .phases import PhaseScreen
    from .review.compare import CompareChooser, CompareScreen, DiffScreen
    from .review.note import NoteScreen
    from .review.screens import ReviewScreen

    ids = {key.id for key in KEYS if key.keys} | set(PickDialog.BINDING_IDS) | {PhaseScreen.BACK}
    for screen in (ConfirmReplace, ExportDialog, CompareChooser, CompareScreen, DiffScreen, NoteScreen, ReviewScreen):
        ids |= {binding.id for binding in screen.BINDINGS if isinstance(binding, Binding) and binding.id}
    return frozenset(ids)


def unknown_ids(keymap: Mapping[str, str]) -> list[str]:
    """The ids of a ``[keys]`` table that name no binding (a typo, an old name)."""
    known = binding_ids()
    return sorted(name for name in keymap if name not in known)


def taken_ids(keymap: Mapping[str, str]) -> list[str]:
    """The editor's keys that lose a key of theirs to another action of a ``[keys]`` table
    (``color = "a"`` takes ``a`` from ``add``). ``keymap`` as Textual normalises it."""

    def names(keys: str) -> set[str]:
        return {name.strip() for name in keys.split(",") if name.strip()}

    given = {name: key.id for key in KEYS if key.id in keymap for name in names(keymap[key.id])}
    return [
        key.id
        for key in KEYS
        if key.keys and any(given.get(name, key.id) != key.id for name in names(keymap.get(key.id, key.keys)))
    ]


def display(keys: str) -> str:
    """``shift+up,K`` → ``Shift+↑ / K``: how a key is written for people."""
    shown = []
    for key in keys.split(","):
        parts = key.split("+")
        last = parts[-1]
        name = _NAMES.get(last, last.upper() if len(last) > 1 or len(parts) > 1 else last)
        mods = [p.capitalize() for p in parts[:-1]]
        shown.append("+".join([*mods, name]))
    return " / ".join(shown)


def bindings(scope: str, lang: str) -> list[Binding]:
    """The Textual bindings of one scope, labelled in ``lang``."""
    out = []
    for key in KEYS:
        if key.scope != scope or not key.keys:
            continue
        local = key.action.startswith(LOCAL_ACTIONS)
        out.append(
            Binding(
                key.keys,
                key.action if scope == "app" or local else f"app.{key.action}",
                t(f"key.{key.id}", lang),
                show=key.show,
                id=key.id,
                tooltip=t(f"help.{key.id}", lang),
                priority=key.id in PRIORITY,
            )
        )
    return out


def localized(bindings: Sequence[BindingType], lang: str | None) -> BindingsMap:
    """A screen's ``BINDINGS``, whose labels (and group labels) are catalogue keys, labelled in
    ``lang`` (the screen's language, not the one in force when the module was imported)."""
    out = []
    for binding in bindings:
        if not isinstance(binding, Binding):
            continue
        group = replace(binding.group, description=t(binding.group.description, lang)) if binding.group else None
        label = t(binding.description, lang) if binding.description else ""
        out.append(replace(binding, description=label, group=group))
    return BindingsMap(out)


def markdown_table() -> str:
    """The keys as the README's Markdown table (a test keeps the README in step with it)."""
    rows = ["| key | id | 操作 | does |", "| --- | --- | --- | --- |"]
    for key in KEYS:
        if not key.keys:
            continue
        shown = " / ".join(f"`{name}`" for name in display(key.keys).split(" / "))
        rows.append(f"| {shown} | `{key.id}` | {t(f'help.{key.id}', 'ja')} | {t(f'help.{key.id}', 'en')} |")
    return "\n".join(rows) + "\n"
