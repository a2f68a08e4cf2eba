"""The command line, as a user runs it: outputs, exit codes, one-line errors, nothing overwritten."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pufu import __version__
from pufu.cli.main import main


def pufu(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_version_and_help_on_every_command(capsys) -> None:
    code, out, _ = pufu(capsys, "--version")
    assert code == 0 and __version__ in out
    from pufu.cli.main import build_parser

    subparsers = next(a for a in build_parser()._actions if a.dest == "command")
    commands = sorted(subparsers.choices)
    assert {"new", "check", "import", "export", "snapshot", "phases", "schema", "edit", "demo",
            "diff", "review", "note", "report", "templates", "settings"} <= set(commands)
    for command in commands:
        code, out, _ = pufu(capsys, command, "--help")
        assert code == 0 and "使い方: pufu " + command in out  # Japanese by default


def test_usage_errors_exit_2_in_one_line(capsys) -> None:
    code, _, err = pufu(capsys, "export")
    assert code == 2 and err.count("\n") == 1


def test_new_check_snapshot_phases(tmp_path: Path, capsys) -> None:
    project = tmp_path / "plan.pufu.json"
    assert pufu(capsys, "new", str(project), "--title", "サポートからサクセスへ")[0] == 0
    code, out, _ = pufu(capsys, "check", str(project))
    assert code == 0 and "獲得目標が空です" in out
    code, _, err = pufu(capsys, "snapshot", str(project), "--title", "計画", "--note", "始めた", "--date", "2026-05-01")
    assert code == 0 and "局面1を記録しました" in err
    pufu(capsys, "snapshot", str(project), "--title", "見直し")
    code, out, _ = pufu(capsys, "phases", str(project))
    lines = out.splitlines()
    assert lines[0] == "1\t計画\t2026-05-01\t始めた"
    assert lines[1].startswith("2\t見直し\t")


def test_new_and_import_never_overwrite_without_force(tmp_path: Path, capsys, interop: Path) -> None:
    project = tmp_path / "plan.pufu.json"
    project.write_text("precious", encoding="utf-8")
    code, _, err = pufu(capsys, "new", str(project))
    assert code == 2 and "--force" in err and project.read_text(encoding="utf-8") == "precious"
    code, _, err = pufu(capsys, "import", str(interop / "storybook-example.json"), "-o", str(project))
    assert code == 2 and project.read_text(encoding="utf-8") == "precious"
    code, _, _ = pufu(capsys, "import", str(interop / "storybook-example.json"), "-o", str(project), "--force")
    assert code == 0 and json.loads(project.read_text(encoding="utf-8"))["format"] == "pufu"


def test_check_exits_1_on_errors(tmp_path: Path, capsys) -> None:
    project = tmp_path / "plan.pufu.json"
    pufu(capsys, "new", str(project))
    data = json.loads(project.read_text(encoding="utf-8"))
    data["draft"]["measures"].append({"id": "lonely", "text": "どこにもつながらない施策"})
    project.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, _ = pufu(capsys, "check", str(project))
    assert code == 1 and "どこにもつながらない施策" in out and "[lonely]" in out


@pytest.mark.usefixtures("english")
def test_import_and_export_round_trip_through_files(tmp_path: Path, capsys, interop: Path) -> None:
    project = tmp_path / "p.pufu.json"
    src = interop / "generator-four-phase-sample.json"
    assert pufu(capsys, "import", str(src), "-o", str(project))[0] == 0
    out = tmp_path / "out.json"
    code, _, err = pufu(capsys, "export", str(project), "--format", "pufu-editor", "--all-phases", "-o", str(out))
    assert code == 0
    assert "cannot hold" in err  # phase titles named on stderr, not silently dropped
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(src.read_text(encoding="utf-8"))
    code, text, _ = pufu(capsys, "export", str(project), "--format", "pufu-editor", "--phase", "2", "-o", "-")
    assert code == 0 and json.loads(text)["gainingGoal"]["text"]
    code, _, err = pufu(capsys, "export", str(project), "--format", "md", "--phase", "9")
    assert code == 2 and "no phase 9" in err


def test_markdown_matches_the_editors_export_with_the_right_term(tmp_path: Path, capsys, interop: Path) -> None:
    project = tmp_path / "p.pufu.json"
    pufu(capsys, "import", str(interop / "storybook-example.json"), "-o", str(project))
    code, out, _ = pufu(capsys, "export", str(project), "--format", "md")
    expected = (interop / "storybook-example.expected.md").read_text(encoding="utf-8")
    assert code == 0 and out == expected.replace("勝利目標", "勝利条件")


def test_export_refuses_to_replace_a_file(tmp_path: Path, capsys) -> None:
    project = tmp_path / "p.pufu.json"
    pufu(capsys, "new", str(project))
    out = tmp_path / "out.md"
    out.write_text("keep", encoding="utf-8")
    code, _, err = pufu(capsys, "export", str(project), "--format", "md", "-o", str(out))
    assert code == 2 and out.read_text(encoding="utf-8") == "keep"


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b'{"format": "pufu", "version": 1, "title": ', "not valid JSON"),
        (b"\xef\xbb\xbf{}", "BOM"),
        (b"\xff\xfe{}", "UTF-8"),
        (b'{"format": "pufu", "version": 1, "draft": 3}', "$.draft"),
    ],
)
@pytest.mark.usefixtures("english")
def test_bad_files_give_one_line_and_exit_2_and_are_untouched(tmp_path: Path, capsys, content: bytes, needle: str) -> None:
    project = tmp_path / "bad.pufu.json"
    project.write_bytes(content)
    for argv in (["check", str(project)], ["snapshot", str(project), "--title", "x"], ["phases", str(project)]):
        code, out, err = pufu(capsys, *argv)
        assert code == 2 and needle in err and err.count("\n") == 1 and "Traceback" not in err
        assert str(project) in err
    assert project.read_bytes() == content


@pytest.mark.usefixtures("english")
def test_a_folder_and_a_missing_file(tmp_path: Path, capsys) -> None:
    code, _, err = pufu(capsys, "check", str(tmp_path))
    assert code == 2 and "folder" in err
    code, _, err = pufu(capsys, "check", str(tmp_path / "nope.pufu.json"))
    assert code == 2 and "no such file" in err


def test_schema_is_generated_from_the_models(capsys) -> None:
    code, out, _ = pufu(capsys, "schema")
    schema = json.loads(out)
    assert code == 0 and "draft" in schema["properties"] and "$defs" in schema


def test_the_installed_command_runs() -> None:
    out = subprocess.run([sys.executable, "-m", "pufu.cli.main", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and __version__ in out.stdout
