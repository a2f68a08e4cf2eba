"""The fuzzing at the command line: the real `pufu` commands on mutated files answer with exit
0, 1 (check only) or 2, and a refusal is one line on stderr, never a traceback."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from pufu.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import fuzz_readers  # noqa: E402

#: (command, the kinds of file it gets): each reads the file given as its first argument.
COMMANDS: list[tuple[list[str], tuple[str, ...]]] = [
    (["check", "{file}"], ("project", "editor")),
    (["phases", "{file}"], ("project",)),
    (["export", "{file}", "--format", "md"], ("project",)),
    (["export", "{file}", "--format", "md", "--all-phases"], ("project",)),
    (["export", "{file}", "--format", "pufu-editor"], ("project",)),
    (["export", "{file}", "--format", "pufu-editor", "--all-phases"], ("project",)),
    (["export", "{file}", "--format", "dot"], ("project",)),
    (["import", "{file}", "-o", "{out}"], ("editor", "project")),
]


def cases(count: int, seed: int) -> list[tuple[list[str], str, bytes]]:
    """``count`` (command, kind, mutated bytes), the same on every run."""
    rng = random.Random(seed)
    pool = [item for item in fuzz_readers.seeds() if item[0] in ("project", "editor")]
    out = []
    for _ in range(count):
        command, kinds = rng.choice(COMMANDS)
        kind = rng.choice(kinds)
        raw = rng.choice([r for k, r in pool if k == kind])
        out.append((command, kind, fuzz_readers.mutate(kind, raw, rng)))
    return out


def arguments(command: list[str], file: Path, out: Path) -> list[str]:
    return [part.format(file=file, out=out) for part in command]


def check_answer(command: list[str], code: int, err: str) -> None:
    allowed = (0, 1, 2) if command[0] == "check" else (0, 2)
    assert code in allowed, (command, code, err)
    assert "Traceback" not in err, err
    lines = err.splitlines()
    if code == 2:
        assert len(lines) == 1 and lines[0].startswith("pufu: error: "), lines
    else:
        assert all(line.startswith(("pufu: warning: ", "imported ", "wrote ")) for line in lines), lines


@pytest.mark.usefixtures("english")
def test_mutated_files_through_the_commands_in_process(
    interop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    codes: dict[int, int] = {}
    for index, (command, _kind, raw) in enumerate(cases(240, 20261123)):
        file = tmp_path / f"case{index}.json"
        file.write_bytes(raw)
        out = tmp_path / f"out{index}.pufu.json"
        code = main(arguments(command, file, out))
        captured = capsys.readouterr()
        check_answer(command, code, captured.err)
        codes[code] = codes.get(code, 0) + 1
        if code == 0 and command[0] == "import":  # what was imported opens
            assert main(["check", str(out)]) in (0, 1)
            capsys.readouterr()
    assert codes.get(0, 0) > 10 and codes.get(2, 0) > 20, codes  # both answers happen


@pytest.mark.usefixtures("english")
def test_mutated_files_through_real_pufu_processes(interop: Path, tmp_path: Path) -> None:
    for index, (command, _kind, raw) in enumerate(cases(6, 7)):
        file = tmp_path / f"case{index}.json"
        file.write_bytes(raw)
        result = subprocess.run(
            [sys.executable, "-m", "pufu.cli.main", *arguments(command, file, tmp_path / f"out{index}.pufu.json")],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        check_answer(command, result.returncode, result.stderr)
