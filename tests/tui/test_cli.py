"""pufu edit and pufu demo open the editor (the editor itself is replaced here)."""

from __future__ import annotations

import json

import pytest

import pufu.tui
from pufu.cli.commands import demo
from pufu.cli.main import main
from pufu.model import load_project


@pytest.fixture
def opened(monkeypatch):
    calls = []
    monkeypatch.setattr(pufu.tui, "run_editor", lambda path, lang=None: calls.append((path, lang)) or 0)
    return calls


def test_edit_creates_a_missing_file_when_told_to_and_opens_it(tmp_path, opened):
    path = tmp_path / "新しい計画.pufu.json"
    assert main(["edit", "--create", "--title", "新規", str(path)]) == 0
    assert load_project(path)[0].title == "新規"
    assert opened == [(path, "ja")]


def test_edit_asks_before_creating_a_missing_file(tmp_path, opened, monkeypatch):
    path = tmp_path / "plan.pufu.json"
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert main(["edit", str(path)]) == 2
    assert not path.exists() and not opened
    monkeypatch.setattr("builtins.input", lambda prompt: "")
    assert main(["edit", str(path)]) == 0
    assert path.exists() and opened


def test_edit_does_not_create_without_a_terminal_to_ask(tmp_path, opened, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["edit", str(tmp_path / "x.pufu.json")]) == 2
    assert "--create" in capsys.readouterr().err


def test_edit_opens_in_english_with_lang_en(tmp_path, opened):
    path = tmp_path / "plan.pufu.json"
    main(["--lang", "en", "edit", "--create", str(path)])
    assert opened == [(path, "en")]


def test_demo_opens_a_fresh_copy_of_the_bundled_demo_each_time(tmp_path, opened):
    bundled = demo.demo_bytes()
    assert main(["demo", "--dir", str(tmp_path)]) == 0
    assert main(["demo", "--dir", str(tmp_path)]) == 0
    first, second = tmp_path / "demo.pufu.json", tmp_path / "demo-2.pufu.json"
    assert first.read_bytes() == bundled and second.read_bytes() == bundled
    assert [path for path, _ in opened] == [first, second]
    assert json.loads(bundled)["draft"]["purposes"]
    load_project(first)


def test_demo_without_dir_uses_a_new_temporary_folder(opened, tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    assert main(["demo", "--no-open"]) == 0
    assert not opened
    assert list(tmp_path.glob("pufu-demo-*/demo.pufu.json"))
