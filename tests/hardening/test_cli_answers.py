"""No quiet wrong answers, no traceback, nothing replaced that should not be.

- an output never replaces the command's own input or a file that is not a regular one
  (a FIFO, a device such as /dev/null, a socket), ``--force`` or not;
- ``check --phase 0``, ``note --part ""`` and an empty phase title are refused, and every
  error names the project file;
- text arguments that are not UTF-8, a lone surrogate in a pufu-editor file and a phase key of
  5 000 digits are one line and exit 2, with nothing written; unknown pufu-editor fields are
  named in a warning with their JSON path.

Real processes wherever the process boundary matters (argv bytes, what reaches stderr).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from pufu.cli.main import main
from pufu.model import ELEMENT_KEYS, Chart, Project, load_project, save_project


def run(*argv: str | bytes, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """The real ``pufu`` as a process; argv may hold bytes that are not UTF-8."""
    env = {k: v for k, v in os.environ.items() if k != "PUFU_LANG"} | {"PUFU_LANG": "en"}
    return subprocess.run(
        [sys.executable, "-m", "pufu.cli.main", "--lang", "en", *argv], capture_output=True, cwd=cwd, env=env, timeout=120
    )


def one_error_line(done: subprocess.CompletedProcess[bytes]) -> str:
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2, err
    assert "Traceback" not in err and err.count("\n") == 1 and err.startswith("pufu: error: "), err
    return err.strip()


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    chart = Chart.blank()
    purpose = chart.add_purpose("FAQで自己解決できている状態", part_id="p1")
    chart.add_measure(purpose, "記事を書く", part_id="m1")
    project = Project(title="計画", draft=chart)
    project.snapshot("始まり", "", "2026-01-01")
    project.snapshot("二つ目", "", "2026-02-01")
    path = tmp_path / "plan.pufu.json"
    save_project(project, path, None)
    return path


# ---------------------------------------------------------------------- outputs


@pytest.mark.parametrize("command", [["export", "--format", "md"], ["report"]], ids=["export", "report"])
@pytest.mark.parametrize("spelling", ["same", "dot-slash", "symlink", "hard-link"])
def test_an_output_never_replaces_the_project_it_reads(plan: Path, command: list[str], spelling: str, capsys) -> None:
    before = plan.read_bytes()
    target = {"same": str(plan), "dot-slash": str(plan.parent / "." / plan.name)}.get(spelling)
    if spelling == "symlink":
        target = str(plan.parent / "link.md")
        os.symlink(plan.name, target)
    elif spelling == "hard-link":
        target = str(plan.parent / "hard.md")
        os.link(plan, target)
    assert main([command[0], str(plan), *command[1:], "-o", target, "--force"]) == 2
    err = capsys.readouterr().err
    assert "pufu never replaces its input" in err or "そのもの" in err
    assert plan.read_bytes() == before and load_project(plan)
    assert os.path.samefile(target, plan)  # the link is still a link to it


def test_import_never_replaces_its_source(tmp_path: Path, plan: Path) -> None:
    source = tmp_path / "chart.json"
    assert main(["export", str(plan), "--format", "pufu-editor", "-o", str(source)]) == 0
    before = source.read_bytes()
    assert main(["import", str(source), "-o", str(source), "--force"]) == 2
    assert source.read_bytes() == before


def test_an_output_onto_a_fifo_is_refused_without_blocking_or_replacing_it(plan: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for argv in (["export", str(plan), "-f", "md", "-o", str(fifo), "--force"], ["report", str(plan), "-o", str(fifo), "--force"]):
        err = one_error_line(run(*argv, cwd=tmp_path))
        assert "pipe: is not a regular file (a named pipe (FIFO))" in err
        assert fifo.is_fifo()


def test_an_output_onto_a_device_is_refused_and_says_how_to_discard(plan: Path, tmp_path: Path) -> None:
    err = one_error_line(run("export", str(plan), "-f", "md", "-o", "/dev/null", "--force", cwd=tmp_path))
    assert err.startswith("pufu: error: /dev/null: is not a regular file (a device; to discard the output")
    assert Path("/dev/null").is_char_device()


def test_an_output_onto_a_socket_is_refused(plan: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # a socket's path is short
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind("s.sock")
        assert main(["--lang", "en", "export", str(plan), "-f", "md", "-o", "s.sock", "--force"]) == 2
        assert "a socket" in capsys.readouterr().err
        assert Path("s.sock").is_socket()
    finally:
        server.close()


def test_all_phase_diagrams_never_replace_the_project(plan: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "plan.pufu.json-phase01.dot"
    os.symlink(plan.name, target)
    before = plan.read_bytes()
    code = main(["export", str(plan), "-f", "dot", "--all-phases", "-o", str(tmp_path / "plan.pufu.json"), "--force"])
    assert code == 2 and plan.read_bytes() == before


# ---------------------------------------------------------------------- quiet wrong answers


@pytest.mark.parametrize("phase", ["0", "-1", "9"])
def test_check_of_a_phase_that_does_not_exist_is_refused_naming_the_file(plan: Path, phase: str, capsys) -> None:
    assert main(["--lang", "en", "check", str(plan), "--phase", phase]) == 2
    assert capsys.readouterr().err == f"pufu: error: {plan}: there is no phase {phase}; phases are 1 to 2\n"


def test_a_note_on_an_empty_part_is_refused(plan: Path, capsys) -> None:
    before = plan.read_bytes()
    for part in ("", "  "):
        assert main(["--lang", "en", "note", str(plan), "x", "--phase", "1", "--kind", "good", "--author", "a", "--part", part]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"pufu: error: {plan}: --part is empty") and err.count("\n") == 1
    assert plan.read_bytes() == before


@pytest.mark.parametrize("title", ["", "   ", "\u3000"])
def test_an_empty_phase_title_is_refused(plan: Path, title: str, capsys) -> None:
    before = plan.read_bytes()
    assert main(["--lang", "en", "snapshot", str(plan), "--title", title]) == 2
    assert capsys.readouterr().err == f"pufu: error: {plan}: a phase needs a title: give --title a word or two\n"
    assert plan.read_bytes() == before


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["note", "{p}", "x", "--phase", "9", "--kind", "good", "--author", "a"], "there is no phase 9; phases are 1 to 2"),
        (["note", "{p}", " ", "--phase", "1", "--kind", "good", "--author", "a"], "a note needs a text"),
        (["note", "{p}", "x", "--phase", "1", "--kind", "good", "--author", "a", "--part", "nothing"], "phase 1 has no part"),
        (["diff", "{p}", "1", "7"], "there is no phase 7"),
        (["diff", "{p}", "1", "x"], "name a phase by its number"),
        (["export", "{p}", "-f", "md", "--phase", "5"], "there is no phase 5"),
        (["snapshot", "{p}", "--title", "t", "--date", "soon"], "a phase date is written YYYY-MM-DD"),
    ],
    ids=["note-phase", "note-text", "note-part", "diff-phase", "diff-side", "export-phase", "snapshot-date"],
)
def test_every_message_names_the_file(plan: Path, argv: list[str], message: str, capsys) -> None:
    assert main(["--lang", "en", *(a.format(p=plan) for a in argv)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"pufu: error: {plan}: ") and message in err and err.count("\n") == 1


# ---------------------------------------------------------------------- tracebacks


@pytest.mark.parametrize(
    ("argv", "option"),
    [
        (["new", "x.pufu.json", "--title", b"\xff\xfe"], "--title"),
        (["snapshot", "{p}", "--title", b"ok\xff"], "--title"),
        (["snapshot", "{p}", "--title", "ok", "--note", b"\xc3("], "--note"),
        (["note", "{p}", b"\xff", "--phase", "1", "--kind", "good", "--author", "a"], "TEXT"),
        (["note", "{p}", "x", "--phase", "1", "--kind", "good", "--author", b"\xed\xa0\x80"], "--author"),
        (["note", "{p}", "x", "--phase", "1", "--kind", "good", "--author", "a", "--part", b"\xff"], "--part"),
        (["import", "{chart}", "-o", "y.pufu.json", "--title", b"\xff"], "--title"),
        (["settings", "--set", b"author=\xff"], "--set"),
    ],
    ids=["new", "snapshot-title", "snapshot-note", "note-text", "note-author", "note-part", "import-title", "settings"],
)
def test_text_arguments_that_are_not_utf8_are_refused_with_nothing_written(
    plan: Path, tmp_path: Path, argv: list, option: str, monkeypatch
) -> None:
    chart = tmp_path / "chart.json"
    assert main(["export", str(plan), "--format", "pufu-editor", "-o", str(chart)]) == 0
    env_config = tmp_path / "config"
    before = {path: path.read_bytes() for path in tmp_path.iterdir() if path.is_file()}
    monkeypatch.setenv("PUFU_CONFIG_DIR", str(env_config))
    done = run(*(a.format(p=plan, chart=chart) if isinstance(a, str) else a for a in argv), cwd=tmp_path)
    assert one_error_line(done) == f"pufu: error: the value of {option} is not UTF-8 text; nothing was written"
    after = {path: path.read_bytes() for path in tmp_path.iterdir() if path.is_file()}
    assert after == before and not env_config.exists()


def test_a_file_name_that_is_not_utf8_still_works(plan: Path, tmp_path: Path) -> None:
    name = os.fsdecode(b"plan\xff.pufu.json")
    (tmp_path / name).write_bytes(plan.read_bytes())
    done = run("phases", os.fsencode(name), cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.decode().startswith("1\t始まり")
    err = one_error_line(run("check", os.fsencode(name), "--phase", "9", cwd=tmp_path))
    assert err.startswith("pufu: error: plan\\xff.pufu.json: there is no phase 9")


def editor_chart(plan: Path, tmp_path: Path) -> dict:
    target = tmp_path / "e.json"
    assert main(["export", str(plan), "--format", "pufu-editor", "-o", str(target), "--force"]) == 0
    return json.loads(target.read_text(encoding="utf-8"))


@pytest.mark.parametrize("where", ["comment", "uuid", "text", "measure"])
def test_a_lone_surrogate_in_a_pufu_editor_file_is_one_line(plan: Path, tmp_path: Path, where: str) -> None:
    data = editor_chart(plan, tmp_path)
    part = data["purposes"][0]["measures"][0] if where == "measure" else data["gainingGoal"]
    if where == "comment":
        part["comment"]["text"] = "x\ud800y"
    else:
        part["uuid" if where == "uuid" else "text"] = "\udfff"
    source = tmp_path / "s.json"
    source.write_text(json.dumps(data), encoding="ascii")  # "\ud800", escaped as JSON allows
    err = one_error_line(run("import", str(source), "-o", "out.pufu.json", cwd=tmp_path))
    assert "half of a UTF-16 pair" in err and "s.json: $." in err
    assert not (tmp_path / "out.pufu.json").exists()


def test_a_phase_key_of_5000_digits_is_one_line(plan: Path, tmp_path: Path) -> None:
    source = tmp_path / "map.json"
    source.write_text(json.dumps({"phase" + "9" * 5000: editor_chart(plan, tmp_path)}), encoding="utf-8")
    err = one_error_line(run("import", str(source), "-o", "out.pufu.json", cwd=tmp_path))
    assert "a phase number of 5000 digits" in err and len(err) < 300
    assert not (tmp_path / "out.pufu.json").exists()


def test_unknown_pufu_editor_fields_are_named_with_their_path(plan: Path, tmp_path: Path) -> None:
    data = editor_chart(plan, tmp_path)
    data["title"] = "計画"
    data["dueDate"] = "2026-03-01"
    data["purposes"][0]["measures"][0]["dueDate"] = "2026-02-01"
    data["elements"]["people"]["comment"]["author"] = "佐藤"
    data["gainingGoal"]["odd key"] = 1
    source = tmp_path / "chart.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    done = run("import", str(source), "-o", "out.pufu.json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.decode().splitlines() if "pufu does not know" in line]
    paths = [line.split("chart.json: ")[1].split(":")[0] for line in warnings]
    assert paths == [
        "$.title",
        "$.dueDate",
        '$.gainingGoal["odd key"]',
        "$.elements.people.comment.author",
        "$.purposes[0].measures[0].dueDate",
    ]
    assert load_project(tmp_path / "out.pufu.json")


def test_a_pufu_editor_file_written_by_pufu_warns_of_nothing_unknown(plan: Path, tmp_path: Path) -> None:
    data = editor_chart(plan, tmp_path)
    assert set(data["elements"]) == set(ELEMENT_KEYS)
    done = run("import", str(tmp_path / "e.json"), "-o", "out.pufu.json", cwd=tmp_path)
    assert done.returncode == 0 and b"does not know" not in done.stderr
