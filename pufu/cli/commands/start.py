"""pufu with no command: what to do first — recent projects, templates, the demo."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from ...i18n import default_lang, t
from ...recent import recent_projects
from ...templates import DEMO, list_templates
from ...terminal import shown
from ...text import clip

ORDER = 0

#: The templates the first run suggests, most asked-for first; the rest are one command away.
FEATURED: tuple[str, ...] = (
    "self-service-launch",
    "inquiry-rate-one-stop",
    "support-to-success",
    "saas-user-pays",
)


def register(sub: argparse._SubParsersAction) -> None:
    """Nothing to register: this runs when no command is given."""


def run_default(args: argparse.Namespace) -> int:
    print(shown(guide(getattr(args, "lang", None) or default_lang()), keep="\n"), end="")
    return 0


def guide(lang: str, width: int | None = None) -> str:
    """The first-run text: recent projects, a few templates, the demo, and other commands."""
    width = width or shutil.get_terminal_size((100, 24)).columns
    lines = [t("start.title", lang), ""]
    recent = _recent()
    if recent:
        lines.append(t("start.recent", lang))
        for path in recent:
            shown = _shown(path)
            lines.append(f"  pufu edit {shown}")
        lines.append("")
    lines.append(t("start.templates", lang))
    templates = [info for info in list_templates(lang) if info.name != DEMO]
    by_name = {info.name: info for info in templates}
    featured = [by_name[name] for name in FEATURED if name in by_name] or templates[:4]
    lines.append(f"  pufu new plan.pufu.json --template {featured[0].name}")
    name_width = max(len(info.name) for info in featured)
    for info in featured:
        lines.append(clip(f"    {info.name.ljust(name_width)}  {info.description}", width))
    lines.append(f"    {t('start.templates.more', lang, count=len(templates) - len(featured))}")
    lines.append("")
    lines.append(t("start.demo", lang))
    lines.append("  pufu demo")
    lines.append("")
    lines.append(t("start.more", lang))
    more = [
        ("pufu import chart.json -o plan.pufu.json", t("start.more.import", lang)),
        ("pufu check plan.pufu.json", t("start.more.check", lang)),
        ("pufu settings", t("start.more.settings", lang)),
        ("pufu --help", t("start.more.help", lang)),
    ]
    command_width = max(len(command) for command, _ in more)
    for command, what in more:
        lines.append(clip(f"  {command.ljust(command_width)}  {what}", width))
    return "\n".join(lines) + "\n"


def _recent() -> list[Path]:
    try:
        return list(recent_projects(limit=5))
    except (OSError, ValueError):  # the list of recent files is a convenience; never fail the first screen
        return []


def _shown(path: Path) -> str:
    """A path as short as it can be: relative to here, else with ``~`` for the home folder."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        pass
    try:
        return str(Path("~") / path.relative_to(Path.home()))
    except (ValueError, RuntimeError):
        return str(path)


