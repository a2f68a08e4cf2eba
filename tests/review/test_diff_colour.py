"""``pufu diff`` in colour: Rich decides (a terminal, NO_COLOR, FORCE_COLOR, TERM) and the colours
come from the palette, the same on a 256-colour terminal as in truecolor."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from pufu.palette import TERMINAL_INK

from .helpers import saved, story

SGR = re.compile(r"\x1b\[([0-9;]*)m")


def pufu_diff(path: Path, *extra: str, **env: str) -> str:
    """A real ``pufu diff PATH 1 2`` process, its output into a pipe, with these variables."""
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLORTERM", "TERM")}
    environ |= {"PUFU_LANG": "ja", "PUFU_CONFIG_DIR": str(path.parent / "config"), **env}
    done = subprocess.run(
        [sys.executable, "-m", "pufu.cli.main", "diff", str(path), "1", "2", *extra],
        env=environ, capture_output=True, text=True, check=True,
    )
    return done.stdout


def colours(out: str) -> list[str]:
    """The colour parameters of every SGR sequence (38;…), bold and dim left out."""
    return [p for p in SGR.findall(out) if any(code.startswith(("3", "9")) for code in p.split(";"))]


def test_always_colours_a_pipe_and_says_the_same_words(tmp_path: Path) -> None:
    path = saved(story(), tmp_path)
    plain = pufu_diff(path, "--color", "never", TERM="xterm-256color")
    coloured = pufu_diff(path, "--color", "always", TERM="xterm-256color")
    assert "\x1b[" not in plain
    assert colours(coloured)
    assert SGR.sub("", coloured) == plain


def test_a_pipe_gets_no_colour_unless_forced(tmp_path: Path) -> None:
    path = saved(story(), tmp_path)
    assert "\x1b[" not in pufu_diff(path, TERM="xterm-256color")
    assert colours(pufu_diff(path, TERM="xterm-256color", FORCE_COLOR="1"))


def test_no_color_is_honoured(tmp_path: Path) -> None:
    path = saved(story(), tmp_path)
    out = pufu_diff(path, TERM="xterm-256color", FORCE_COLOR="1", NO_COLOR="1")
    assert colours(out) == []  # bold headings stay: NO_COLOR is about colour
    assert "局面1 → 局面2" in SGR.sub("", out)


def test_the_colours_are_the_palettes_on_256_colours(tmp_path: Path) -> None:
    path = saved(story(), tmp_path)
    out = pufu_diff(path, "--color", "always", TERM="xterm-256color")
    green = 28  # TERMINAL_INK's green, #008700, is entry 28 of the xterm cube
    red = 160  # its red, #d70000
    assert TERMINAL_INK.comment["green"] == "#008700" and TERMINAL_INK.comment["red"] == "#d70000"
    line = next(line for line in out.splitlines() if "20件公開" in line)
    assert f"\x1b[38;5;{green}m" in line  # the green comment on 上位20件の記事を書く
    line = next(line for line in out.splitlines() if "開発が分類を読んでいない" in line)
    assert f"\x1b[38;5;{red}m" in line
    truecolor = pufu_diff(path, "--color", "always", TERM="xterm-256color", COLORTERM="truecolor")
    assert "\x1b[38;2;0;135;0m" in truecolor


def on_a_terminal(path: Path, **env: str) -> str:
    """``pufu diff PATH 1 2`` with its output on a real pseudo-terminal."""
    import pty

    main, child = pty.openpty()
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLORTERM")}
    environ |= {"PUFU_LANG": "ja", "PUFU_CONFIG_DIR": str(path.parent / "config"), "TERM": "xterm-256color", **env}
    with subprocess.Popen(
        [sys.executable, "-m", "pufu.cli.main", "diff", str(path), "1", "2"], env=environ, stdout=child, stderr=child
    ) as process:
        os.close(child)
        chunks = []
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait()
    os.close(main)
    return b"".join(chunks).decode()


def test_a_terminal_gets_colour_and_no_color_takes_it_away(tmp_path: Path) -> None:
    path = saved(story(), tmp_path)
    assert colours(on_a_terminal(path))
    quiet = on_a_terminal(path, NO_COLOR="1")
    assert colours(quiet) == [] and "局面1 → 局面2" in quiet
