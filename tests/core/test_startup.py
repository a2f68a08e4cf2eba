"""A fast start: the command table matches the command modules, and ``pufu --version``,
``pufu --help`` and ``pufu check`` import only what they use."""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pufu.model
from pufu.cli import commands
from pufu.cli.commands import COMMANDS, DEFAULT

HEAVY = ("networkx", "pydantic", "pydantic_settings", "platformdirs", "textual", "rich", "wcwidth",
         "tomlkit", "pygraphviz", "pptx", "pufu.model.chart", "pufu.settings")


def modules_after(*argv: str, env: dict[str, str] | None = None) -> set[str]:
    """The modules a fresh ``pufu ARGV`` process has imported when it finishes."""
    code = (
        "import sys\nfrom pufu.cli.main import main\n"
        f"try:\n    main({list(argv)!r})\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write(' '.join(sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    return set(result.stderr.split())


def test_the_command_table_lists_every_command_module_with_its_own_help_line() -> None:
    modules = {info.name for info in pkgutil.iter_modules(commands.__path__)} - {DEFAULT}
    assert {entry.module for entry in COMMANDS.values()} == modules, "add the module to COMMANDS"
    for name, entry in COMMANDS.items():
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(f"{commands.__name__}.{entry.module}").register(sub)
        assert list(sub.choices) == [name]
        assert [action.help for action in sub._choices_actions] == [entry.help], name


def test_version_and_help_import_nothing_heavy() -> None:
    for argv in (["--version"], ["--help"], ["--lang", "en", "--help"], ["--lang", "ja", "--help"]):
        loaded = modules_after(*argv)
        # help with Japanese in it (プ譜, 局面, ...) is wrapped by pufu's one text engine
        # (pufu.text: wcwidth, BudouX); --version wraps nothing
        light = HEAVY if argv == ["--version"] else tuple(name for name in HEAVY if name != "wcwidth")
        assert not {name for name in loaded if name.startswith(light)}, argv
        assert not any(name.startswith("pufu.cli.commands.") for name in loaded), argv


def test_a_command_imports_its_own_module_only(tmp_path: Path) -> None:
    project = tmp_path / "p.pufu.json"
    subprocess.run([sys.executable, "-m", "pufu.cli.main", "new", str(project)], check=True, capture_output=True)
    loaded = modules_after("check", str(project))
    assert {name for name in loaded if name.startswith("pufu.cli.commands.")} == {"pufu.cli.commands.check"}
    assert not {name for name in loaded if name.startswith(("textual", "rich", "pufu.tui", "pufu.export", "wcwidth"))}


def test_every_public_name_of_the_model_resolves() -> None:
    assert sorted(pufu.model._WHERE) == sorted(pufu.model.__all__)
    for name in pufu.model.__all__:
        assert getattr(pufu.model, name) is not None


def test_settings_are_read_through_pydantic_settings_only_when_there_is_something_to_read(
    tmp_path: Path,
) -> None:
    project = tmp_path / "p.pufu.json"
    subprocess.run([sys.executable, "-m", "pufu.cli.main", "new", str(project)], check=True, capture_output=True)
    env = {name: value for name, value in os.environ.items() if not name.startswith("PUFU_")}
    env["PUFU_CONFIG_DIR"] = str(tmp_path / "config")
    assert "pydantic_settings" not in modules_after("check", str(project), env=env)
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.toml").write_text('lang = "en"\n', encoding="utf-8")
    assert "pydantic_settings" in modules_after("check", str(project), env=env)
    out = subprocess.run([sys.executable, "-m", "pufu.cli.main", "check", str(project)], env=env,
                         capture_output=True, text=True, check=False).stdout
    assert "goal" in out.lower() and "獲得目標" not in out
