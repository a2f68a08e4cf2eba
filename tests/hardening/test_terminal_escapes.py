"""Nothing from a file reaches the terminal as a command: a shared project whose texts, ids,
file names and JSON keys hold ESC, OSC, CSI, C1 and bidirectional controls shows them visibly
in every command's output, every error line, the editor and the review screen.

The fast part of tools/escape_harness.py (which runs every command as a process, and the real
editor in tmux with ``--tmux``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from pufu import terminal
from pufu.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import escape_harness as harness  # noqa: E402

# ---------------------------------------------------------------------- the sanitizer


def test_every_control_shows_visibly_and_plain_text_stays() -> None:
    assert terminal.shown("a\x1b]2;pwned\x07b") == "a␛]2;pwned␇b"
    assert terminal.shown("\x9b2J\x9d2;t\x9c") == "\\x9b2J\\x9d2;t\\x9c"
    assert terminal.shown("\u202eevil\u202c \u2066x\u2069") == "⟨U+202E⟩evil⟨U+202C⟩ ⟨U+2066⟩x⟨U+2069⟩"
    assert terminal.shown("del\x7f cr\r nul\x00") == "del␡ cr␍ nul␀"
    assert terminal.shown("a\nb\tc") == "a␊b␉c"
    assert terminal.shown("a\nb\tc", keep="\n\t") == "a\nb\tc"
    assert terminal.shown("name\udcff") == "name\\xff"  # a byte of a file name that was not UTF-8
    plain = "獲得目標：問い合わせ率を下げる 😀 \u200f\u200e (LRM, RLM kept) ‘quotes’ … ©"
    assert terminal.shown(plain) == plain
    assert harness.leaks(terminal.shown(harness.HOSTILE)) == []
    assert harness.leaks(harness.HOSTILE)  # the check can fail


def test_json_carries_no_raw_c1_del_or_bidi_and_means_the_same() -> None:
    data = {"text": "a\x9b2J\x7f\u202eb\u2028c\x85", "ok": "日本語 ©"}
    text = terminal.json_text(json.dumps(data, ensure_ascii=False))
    assert harness.leaks(text) == [] and "\x85" not in text
    assert json.loads(text) == data
    assert "日本語 ©" in text


# ---------------------------------------------------------------------- the commands


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return harness.make_files(tmp_path_factory.mktemp("escapes"))


def run_in_process(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def in_process_cases(files: dict[str, Path], out: Path) -> list[harness.Case]:
    return [case for case in harness.cases(files, out) if case.argv and case.argv[0] != "edit"]


def test_every_command_shows_hostile_texts_visibly(files: dict[str, Path], tmp_path: Path, capsys) -> None:
    problems = []
    count = 0
    for case in in_process_cases(files, tmp_path):
        try:
            code, out, err = run_in_process(case.argv, capsys)
        except SystemExit as exc:  # argparse refusing the arguments
            code = exc.code
            out, err = capsys.readouterr()
        count += 1
        assert code in (0, 1, 2), (case.name, code, err)
        problems += [f"{case.name}: {leak}" for leak in harness.leaks(out) + harness.leaks(err)]
    assert count > 40
    assert problems == []


@pytest.mark.usefixtures("english")
def test_the_sequences_are_shown_not_dropped(files: dict[str, Path], capsys) -> None:
    code, out, _ = run_in_process(["phases", str(files["project"])], capsys)
    assert code == 0
    assert "quit[/] [b]␛]52;c;SGVsbG8=␇␛]2;pwned␇␛[2J␛[H\\x9b2J\\x9d2;pwned\\x9c⟨U+202E⟩evil" in out
    code, _, err = run_in_process(["check", str(files["named"]), "--phase", "9"], capsys)
    assert code == 2
    assert err.startswith("pufu: error: " + terminal.shown(str(files["named"])) + ": there is no phase 9; phases are 1 to ")
    assert err.count("\n") == 1 and "␛]2;pwned␇\\x9b2J.pufu.json" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["phases", "{named}"],
        ["check", "{project}"],
        ["diff", "{project}", "1", "2", "--color", "always"],
        ["export", "{unknown}", "--format", "md"],
        ["import", "{editor}", "-o", "{out}"],
        ["export", "{project}", "--format", "\x1b]2;pwned\x07"],
    ],
    ids=["phases", "check", "diff-colour", "unknown-key", "import", "argparse"],
)
def test_real_processes_write_no_raw_control(files: dict[str, Path], tmp_path: Path, argv: list[str]) -> None:
    names = {key: str(path) for key, path in files.items()} | {"out": str(tmp_path / "o.pufu.json")}
    case = harness.Case(argv[0], [part.format(**names) for part in argv])
    assert harness.run_case(case, harness.environment(tmp_path), tmp_path) == []


def test_the_pufu_editor_export_holds_no_raw_c1(files: dict[str, Path], capsys) -> None:
    code, out, _ = run_in_process(["export", str(files["project"]), "--format", "pufu-editor"], capsys)
    assert code == 0 and harness.leaks(out) == [] and "\\u009b2J" in out
    assert json.loads(out)["gainingGoal"]["text"] == harness.hostile("goal")


# ---------------------------------------------------------------------- the screens


async def test_the_editor_shows_every_hostile_text_visibly(files: dict[str, Path]) -> None:
    seen, problems = await harness.drive_editor(files["project"])
    assert seen > 15
    assert problems == []


async def test_the_review_screen_shows_every_hostile_text_visibly(files: dict[str, Path]) -> None:
    seen, problems = await harness.drive_review(files["project"])
    assert seen > 5
    assert problems == []


def test_widgets_show_the_same_stand_ins_as_the_command_line() -> None:
    from rich.text import Text
    from textual.content import Content

    import pufu.tui  # noqa: F401 - installs the stand-ins

    assert Content("a\x1b[2J").plain == "a␛[2J" and Text("\x9b").plain == "\\x9b"
    assert terminal.shown("\x1b") == "␛"  # the same stand-ins as the command line


# The real editor in a tmux pane (window title, clipboard, screen) waits on the screen with
# pauses, so it runs in the harness only: python tools/escape_harness.py --tmux
