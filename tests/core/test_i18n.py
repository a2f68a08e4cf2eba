"""Every word a user sees comes from the catalogue: in Japanese mode the CLI, its errors and the
editor's messages are Japanese; in English mode English; both catalogues hold the same keys."""

from __future__ import annotations

import ast
import asyncio
import importlib
import os
import pty
import re
import select
import string
import subprocess
import sys
from pathlib import Path

import pytest

import pufu
from pufu import i18n
from pufu.cli.main import main
from pufu.model import ChartError, FileError, Project, save_project

PACKAGE = Path(pufu.__file__).parent


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("area", i18n._AREAS)
def test_japanese_and_english_hold_the_same_keys_and_placeholders(area: str) -> None:
    module = importlib.import_module(f"pufu.i18n.{area}")
    assert set(module.JA) == set(module.EN), f"{area}: keys only in one language"
    for key, ja in module.JA.items():
        assert fields(ja) == fields(module.EN[key]), f"{area}: {key} names other values in JA and EN"


def pufu_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.pufu.json"
    project = Project(title="計画")
    project.draft.set_text(project.draft.goal, "問い合わせを減らす")
    save_project(project, path, None)
    return path


def test_the_cli_confirms_and_refuses_in_japanese(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    code, _, err = pufu_cli(capsys, "snapshot", str(plan), "--title", "初回")
    assert code == 0 and "局面1を記録しました: 初回" in err and "recorded" not in err
    code, _, err = pufu_cli(capsys, "diff", str(plan), "9", "1")
    assert code == 2 and "局面9はありません。局面は 1 から 1 までです" in err and "no phase" not in err
    code, _, err = pufu_cli(capsys, "check", str(plan), "--phase", "9")
    assert code == 2 and err == f"pufu: エラー: {plan}: 局面9はありません。局面は 1 から 1 までです\n"
    code, _, err = pufu_cli(capsys, "note", str(plan), "--phase", "1", "--author", "佐藤", "--kind", "good", " ")
    assert code == 2 and "感想には本文が要ります" in err
    code, _, err = pufu_cli(capsys, "snapshot", str(plan.with_name("none.pufu.json")), "--title", "x")
    assert code == 2 and "そのようなファイルはありません" in err
    code, _, err = pufu_cli(capsys, "new", str(plan.with_name("new.pufu.json")))
    assert code == 0 and "を作りました。次は: pufu edit" in err
    code, _, err = pufu_cli(capsys, "demo", "--no-open", "--dir", str(plan.parent / "demo"))
    assert code == 0 and err.startswith("デモの写し: ")
    code, _, err = pufu_cli(capsys, "settings", "--set", "colour=red")
    assert code == 2 and "KEY=VALUE の形で" in err


def test_the_same_errors_in_english_with_lang_en(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    code, _, err = pufu_cli(capsys, "--lang", "en", "snapshot", str(plan), "--title", "first")
    assert code == 0 and "recorded phase 1: first" in err
    code, _, err = pufu_cli(capsys, "--lang", "en", "diff", str(plan), "9", "1")
    assert code == 2 and "there is no phase 9; phases are 1 to 1" in err
    code, _, err = pufu_cli(capsys, "--lang", "en", "snapshot", str(plan.with_name("none.pufu.json")), "--title", "x")
    assert code == 2 and "none.pufu.json: no such file" in err


def test_an_error_is_rendered_in_the_language_in_use_when_shown() -> None:
    from pufu.settings import Settings, use

    err = ChartError("err.chart.move_end")
    with use(Settings(lang="en")):
        assert str(err) == "cannot move it further that way"
    with use(Settings(lang="ja")):
        assert str(err) == "その向きにはこれ以上動かせません"
    assert err.render_in("en") == "cannot move it further that way"
    nested = FileError("plan.pufu.json", "err.file.not_regular_read", kind=i18n_text("err.filekind.fifo"))
    assert nested.render_in("ja") == "plan.pufu.json: 名前付きパイプ（FIFO）で、通常のファイルではありません。pufu が読むのはファイルだけです"
    assert nested.render_in("en").startswith("plan.pufu.json: is a FIFO (named pipe), not a regular file")


def test_an_error_survives_pickling_and_copying_with_its_key_values_and_file() -> None:
    import copy
    import pickle

    from pufu.model.errors import Text

    err = FileError("plan.pufu.json", "err.file.not_regular_read", kind=Text("err.filekind.fifo"))
    for again in (pickle.loads(pickle.dumps(err)), copy.copy(err)):
        assert type(again) is FileError and again.file == "plan.pufu.json" and again.key == err.key
        assert again.render_in("en") == err.render_in("en")


def i18n_text(key: str) -> object:
    from pufu.model.errors import Text

    return Text(key)


def read_until(fd: int, wanted: bytes, limit: float = 30.0) -> bytes:
    """What a process wrote to its terminal, up to ``wanted`` (or EOF, or ``limit`` seconds of silence)."""
    seen = b""
    while wanted not in seen:
        ready, _, _ = select.select([fd], [], [], limit)
        if not ready:
            break
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the child closed its terminal
            break
        if not chunk:
            break
        seen += chunk
    return seen


def test_the_create_prompt_of_pufu_edit_asks_in_japanese(tmp_path: Path) -> None:
    target = tmp_path / "new.pufu.json"
    main_fd, child_fd = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-c", "import sys; from pufu.cli.main import main; sys.exit(main())", "edit", str(target)],
        stdin=child_fd, stdout=child_fd, stderr=child_fd, env={**os.environ, "PUFU_LANG": "ja"},
    )
    os.close(child_fd)
    try:
        asked = read_until(main_fd, b"[Y/n]").decode("utf-8", "replace")
        assert "はありません。作りますか?" in asked and "does not exist" not in asked
        os.write(main_fd, b"n\n")
        answer = read_until(main_fd, "作りませんでした".encode()).decode("utf-8", "replace")
        assert "作りませんでした" in answer
        assert process.wait(timeout=30) == 2
    finally:
        if process.poll() is None:
            process.kill()
        os.close(main_fd)
    assert not target.exists()


def test_a_chart_error_in_the_editor_is_said_in_the_editors_language(tmp_path: Path) -> None:
    from pufu.tui.app import PufuApp

    path = tmp_path / "plan.pufu.json"
    project = Project(title="計画")
    project.draft.add_purpose("最初の中間目的")
    project.draft.add_purpose("最後の中間目的")
    save_project(project, path, None)

    async def move_last_down(lang: str) -> str:
        app = PufuApp(path, lang=lang, recovery_delay=0, blink=False)
        async with app.run_test(size=(160, 48)) as pilot:
            from pufu.tui.sheet import Slot

            app.sheet.select(Slot(app.session.chart.purposes()[-1]))
            await pilot.press("J")
            await pilot.pause()
            return app.message

    assert "その向きにはこれ以上動かせません" in asyncio.run(move_last_down("ja"))
    assert "cannot move it further that way" in asyncio.run(move_last_down("en"))


def test_the_review_footer_and_the_palette_speak_japanese(plan: Path) -> None:
    from textual.command import CommandInput
    from textual.widgets._footer import FooterKey

    from pufu.model import load_project
    from pufu.tui.review import ReviewApp

    project, stamp = load_project(plan)
    project.snapshot(title="初回")

    async def look(lang: str) -> tuple[list[str], str, list[str]]:
        app = ReviewApp(project, plan, stamp, lang=lang)
        async with app.run_test(size=(140, 40)) as pilot:
            await pilot.pause()
            footer = [key.description for key in app.screen.query(FooterKey)]
            system = [command.title for command in app.get_system_commands(app.screen)]
            await pilot.press("ctrl+p")
            await pilot.pause()
            return footer, app.screen.query_one(CommandInput).placeholder, system

    footer, placeholder, system = asyncio.run(look("ja"))
    assert "コマンド" in footer and "palette" not in footer
    assert placeholder == "コマンドを検索…"
    assert "テーマ" in system and "Theme" not in system and "Quit" not in system
    footer, placeholder, system = asyncio.run(look("en"))
    assert "Commands" in footer and placeholder == "Search for commands…" and "Theme" in system


# ---------------------------------------------------------------------- no sentence in a raise

ERRORS = {"_fail", "PufuError", "ChartError", "FormatError", "FileError", "ConflictError", "LockedError",
          "SettingsError", "CommandError", "DiagramError", "ExportError", "UnknownTemplateError"}
#: Errors whose first argument names the file or the JSON path; the key comes second.
NAMED = {"_fail", "FormatError", "FileError", "ConflictError", "LockedError", "SettingsError"}


def _keys(node: ast.expr) -> list[str] | None:
    """The catalogue keys an argument can be: a literal, either branch of ``a if c else b``,
    or ``t("key", ...)``; None when it is anything else (a sentence built at the raise). An
    error's own key handed on (``exc.key``, or ``key`` inside a helper such as ``_fail``) counts:
    its raise is checked where it is made."""
    if isinstance(node, ast.Attribute) and node.attr == "key" or isinstance(node, ast.Name) and node.id == "key":
        return []
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _keys(node.body), _keys(node.orelse)
        return None if body is None or orelse is None else body + orelse
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t" and node.args:
        return _keys(node.args[0])
    return None


def raise_sites() -> list[tuple[str, int, str, ast.Call]]:
    sites = []
    for source in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            call = node.exc if isinstance(node, ast.Raise) else node.value if isinstance(node, ast.Return) else None
            if not isinstance(call, ast.Call):
                continue
            name = call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")
            if name in ERRORS:
                sites.append((str(source.relative_to(PACKAGE.parent)), node.lineno, name, call))
    return sites


def test_every_error_pufu_raises_names_a_catalogue_key() -> None:
    catalogue = set(i18n._table("ja")) & set(i18n._table("en"))
    sites = raise_sites()
    assert len(sites) > 150, "the scan finds the raise sites"
    wrong = []
    for where, line, name, call in sites:
        position = 1 if name in NAMED else 0
        if len(call.args) <= position:
            if any(isinstance(arg, ast.Starred) for arg in call.args):
                continue  # re-raised from another error's key and values
            wrong.append(f"{where}:{line}: {name} without a key")
            continue
        keys = _keys(call.args[position])
        if keys is None or not all(key in catalogue for key in keys):
            wrong.append(f"{where}:{line}: {ast.unparse(call)[:90]}")
    assert not wrong, "a raise with a sentence instead of a catalogue key:\n" + "\n".join(wrong)


def test_a_missing_catalogue_module_is_an_error_not_a_silent_gap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "_AREAS", (*i18n._AREAS, "no_such_area"))
    i18n._table.cache_clear()
    try:
        with pytest.raises(ModuleNotFoundError):
            i18n._table("ja")
    finally:
        monkeypatch.undo()
        i18n._table.cache_clear()


def test_no_cli_line_is_an_english_literal() -> None:
    """``info``/``warn``/``fail``/``ask`` lines are catalogue texts, never words written in place."""
    wrong = []
    for source in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args):
                continue
            if node.func.id not in ("info", "warn", "fail", "ask"):
                continue
            line = node.args[0]
            if isinstance(line, ast.Constant) and isinstance(line.value, str):
                words = [line.value]
            elif isinstance(line, ast.JoinedStr):
                words = [part.value for part in line.values if isinstance(part, ast.Constant)]
            else:
                continue
            if any(re.search(r"[A-Za-z]{3,}", word) for word in words):
                wrong.append(f"{source.relative_to(PACKAGE.parent)}:{node.lineno}: {ast.unparse(line)[:80]}")
    assert not wrong, "a CLI line written in place instead of t(key):\n" + "\n".join(wrong)
