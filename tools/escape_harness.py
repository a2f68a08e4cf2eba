"""Terminal-escape harness: nothing from a file reaches the terminal as a command.

    python tools/escape_harness.py            # every command, the editor and the review screen
    python tools/escape_harness.py --tmux     # also the real editor in a tmux pane

It builds projects whose every text, id, phase title, note author, file name and JSON key
(unknown keys of a pufu-editor file; an unknown key of a project file, in its error line)
holds ESC, OSC (52: clipboard, 2: window title), CSI (clear screen), the C1 forms (U+009B,
U+009D), DEL, CR, BS, bidirectional overrides and isolates; then runs every command as a real
process and the editor and the review screen headless, and checks that no raw control byte
reaches stdout, stderr or the screen: only newline and tab, and the SGR colours pufu itself
emits (``ESC [ … m``). With ``--tmux`` it also opens the real editor in a tmux pane and checks
that the window title did not change, the clipboard (tmux buffers) stayed empty, and every
hostile text is on the screen visibly.

The fast part runs in the suite: tests/hardening/test_terminal_escapes.py.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pufu.model import ELEMENT_KEYS, Chart, Project, save_project  # noqa: E402

#: The sequences: each would do something to a terminal that printed it raw.
SEQUENCES = {
    "markup": "[/oops] [@click=app.quit]quit[/] [b]",  # Textual markup: an action, a bad tag
    "osc52": "\x1b]52;c;SGVsbG8=\x07",  # set the clipboard to "Hello"
    "osc2": "\x1b]2;pwned\x07",  # set the window title
    "csi": "\x1b[2J\x1b[H",  # clear the screen, cursor home
    "c1csi": "\x9b2J",  # the same with the one-character CSI
    "c1osc": "\x9d2;pwned\x9c",  # window title with the C1 OSC and ST
    "bidi": "\u202eevil\u202c \u2066iso\u2069",  # right-to-left override, isolates
    "misc": "cr\rbs\x08del\x7fbel\x07nul\x00vt\x0b",
}
HOSTILE = "".join(SEQUENCES.values())
FILE_NAME = "p\x1b]2;pwned\x07\x9b2J.pufu.json"

#: What pufu itself may write: SGR colours. Everything else below U+0020 but \n and \t, DEL,
#: C1 and the bidirectional controls is a leak.
_SGR = re.compile(r"\x1b\[[0-9;:]*m")
_LEAK = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def leaks(text: str) -> list[str]:
    """The raw control characters in ``text`` (pufu's own SGR colours aside): none, or one
    line saying how many and showing the first in context."""
    clean = _SGR.sub("", text)
    found = list(_LEAK.finditer(clean))
    if not found:
        return []
    first = found[0].start()
    return [f"{len(found)} raw, first in {clean[max(0, first - 20) : first + 20]!r}"]


def hostile(label: str) -> str:
    return f"{label}:{HOSTILE}"


def arg(label: str) -> str:
    """A hostile command-line argument (a command line cannot hold NUL)."""
    return hostile(label).replace("\x00", "")


def hostile_project() -> Project:
    """A project whose every text and id holds every sequence."""
    chart = Chart.blank(  # ids too
        goal="g\x1b]2;pwned\x07",
        win="w\x9b2J",
        elements={key: f"{key}\x1b[2J" for key in ELEMENT_KEYS},
    )
    chart.set_text(chart.goal, hostile("goal"))
    chart.set_text(chart.win, hostile("win"))
    for key in ELEMENT_KEYS:
        chart.set_element(key, hostile(key))
    chart.set_comment(chart.goal, "red", hostile("comment"))
    purpose = chart.add_purpose(hostile("purpose"), part_id="p\x1b]2;pwned\x07")
    chart.add_measure(purpose, hostile("measure"), part_id="m\x9b2J", color="red", progress=40)
    chart.add_purpose("", part_id="empty")  # a check finding that names a part
    project = Project(title=hostile("title"), draft=chart)
    project.snapshot(hostile("phase1"), hostile("happened1"), "2026-01-01")
    chart.set_text("m\x9b2J", hostile("measure2"))
    chart.add_measure(purpose, hostile("added"), part_id="m2\x1b[2J")
    project.snapshot(hostile("phase2"), hostile("happened2"), "2026-02-01")
    project.add_note(1, hostile("author"), "good", hostile("note"), part="m\x9b2J")
    project.add_note(2, hostile("author2"), "lesson", hostile("lesson"))
    chart.set_text(purpose, hostile("purpose3"))
    return project


def editor_file() -> dict:
    """A pufu-editor chart whose texts, uuids and unknown keys hold the sequences."""

    def part(text: str, uid: str) -> dict:
        return {"uuid": uid, "text": text, "comment": {"color": "red", "text": hostile("c")}}

    elements = {key: part(hostile(key), f"e-{key}") for key in ELEMENT_KEYS}
    purpose = part(hostile("purpose"), "pur\x1b]2;pwned\x07")
    purpose["measures"] = [{**part(hostile("measure"), "mea\x9b2J"), "color": "red", "progress": 10}]
    purpose["measures"][0][hostile("unknownInMeasure")] = 1
    return {
        "gainingGoal": part(hostile("goal"), "goal"),
        "winCondition": part(hostile("win"), "win"),
        "purposes": [purpose],
        "elements": elements,
        hostile("unknownKey"): "x",
        "title": hostile("title"),
    }


@dataclass
class Case:
    name: str
    argv: list[str]
    stdin: str = ""


def make_files(folder: Path) -> dict[str, Path]:
    """The hostile project (under a hostile name too), a pufu-editor file, a project file with
    an unknown key, and a project file whose JSON is broken at a hostile place."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {"project": folder / "plan.pufu.json", "named": folder / FILE_NAME}
    for path in files.values():
        save_project(hostile_project(), path, None, force=True)
    files["editor"] = folder / "editor.json"
    files["editor"].write_text(json.dumps(editor_file(), ensure_ascii=False), encoding="utf-8")
    data = json.loads(files["project"].read_text(encoding="utf-8"))
    data[hostile("unknownKey")] = 1
    files["unknown"] = folder / "unknown.pufu.json"
    files["unknown"].write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    files["broken"] = folder / "broken.pufu.json"
    files["broken"].write_text('{"title": "' + HOSTILE.replace("\x00", "") + '", ', encoding="utf-8")
    return files


def cases(files: dict[str, Path], out: Path) -> Iterator[Case]:
    """Every command that shows project text, on every hostile file."""
    p, named = str(files["project"]), str(files["named"])
    yield Case("start", [])
    for path in (p, named, str(files["unknown"]), str(files["broken"]), str(out / "missing\x1b[2J.json")):
        yield Case(f"phases {Path(path).name!r}", ["phases", path])
        yield Case(f"check {Path(path).name!r}", ["check", path])
    for args in (["1", "2"], ["1", "draft"], ["draft", "1"], ["1", "x\x1b]2;pwned\x07"]):
        yield Case(f"diff {args}", ["diff", p, *args])
        yield Case(f"diff {args} color", ["diff", p, *args, "--color", "always"])
        yield Case(f"diff {args} json", ["diff", p, *args, "--format", "json"])
    yield Case("check phase 1", ["check", p, "--phase", "1"])
    yield Case("check phase 9", ["check", named, "--phase", "9"])
    for fmt in ("md", "pufu-editor", "dot", "svg"):
        yield Case(f"export {fmt}", ["export", p, "--format", fmt])
        yield Case(f"export {fmt} named", ["export", named, "--format", fmt, "--phase", "2"])
    yield Case("export md all", ["export", p, "--format", "md", "--all-phases"])
    yield Case("export pufu-editor all", ["export", p, "--format", "pufu-editor", "--all-phases"])
    yield Case("export onto itself", ["export", named, "--format", "md", "-o", named, "--force"])
    yield Case("report", ["report", p])
    yield Case("report named", ["report", named])
    yield Case("import", ["import", str(files["editor"]), "-o", str(out / "imported.pufu.json"), "--force"])
    yield Case("import to hostile name", ["import", str(files["editor"]), "-o", str(out / FILE_NAME), "--force"])
    yield Case("snapshot", ["snapshot", str(out / "imported.pufu.json"), "--title", arg("t")])
    yield Case("snapshot named", ["snapshot", named, "--title", arg("t"), "--note", arg("n")])
    yield Case("note", ["note", p, arg("text"), "--phase", "1", "--kind", "good", "--author", arg("a")])
    yield Case("note bad part", ["note", p, "x", "--phase", "1", "--kind", "good", "--author", "a", "--part", arg("part")])
    yield Case("note bad phase", ["note", named, "x", "--phase", "7", "--kind", "good", "--author", "a"])
    yield Case("new", ["new", str(out / "new\x1b]2;pwned\x07.pufu.json"), "--title", arg("t"), "--force"])
    yield Case("new bad template", ["new", str(out / "x.pufu.json"), "--template", arg("tpl")])
    yield Case("settings set", ["settings", "--set", f"author={arg('author')}"])
    yield Case("settings set bad key", ["settings", "--set", f"{arg('key')}=1"])
    yield Case("settings", ["settings"])
    yield Case("templates", ["templates"])
    yield Case("bad choice", ["export", p, "--format", arg("fmt")])
    yield Case("bad command", [arg("cmd")])
    yield Case("edit without a terminal", ["edit", str(out / "nothing\x9b2J.pufu.json")])


def run_case(case: Case, env: dict[str, str], cwd: Path) -> list[str]:
    """Run one case as a real process; the leaks found in its stdout and stderr."""
    done = subprocess.run(
        [sys.executable, "-m", "pufu.cli.main", *case.argv],
        capture_output=True,
        env=env,
        cwd=cwd,
        input=case.stdin.encode(),
        timeout=120,
    )
    problems = []
    for stream, raw in (("stdout", done.stdout), ("stderr", done.stderr)):
        text = raw.decode("utf-8", errors="replace")
        problems += [f"{case.name}: {stream}: {leak}" for leak in leaks(text)]
        if "Traceback" in text:
            problems.append(f"{case.name}: {stream}: a traceback")
    if done.returncode not in (0, 1, 2):
        problems.append(f"{case.name}: exit code {done.returncode}")
    return problems


def environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PUFU_")}
    env.update(
        PUFU_CONFIG_DIR=str(home / "config"),
        PUFU_STATE_DIR=str(home / "state"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_DATA_HOME=str(home / "data"),
        PYTHONPATH=str(ROOT),
        COLUMNS="120",
    )
    return env


def run_commands(folder: Path) -> tuple[int, list[str]]:
    files = make_files(folder / "in")
    out = folder / "out"
    out.mkdir(exist_ok=True)
    env = environment(folder)
    problems: list[str] = []
    count = 0
    for case in cases(files, out):
        problems += run_case(case, env, folder)
        count += 1
    return count, problems


# ---------------------------------------------------------------------- the screens, headless


def screen_text(app) -> str:
    """What the app's screen would send to a terminal now: every strip rendered to ANSI."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.render(app.console) for strip in strips)


async def drive_editor(path: Path, size: tuple[int, int] = (160, 50)) -> tuple[int, list[str]]:
    """Open the editor on ``path`` and visit every screen that shows project text; the leaks
    on each, and how many screens were looked at."""
    from pufu.model import Session, load_project
    from pufu.tui.app import PufuApp

    project, stamp = load_project(path)
    app = PufuApp(path, lang="en", session=Session(project), stamp=stamp)
    problems: list[str] = []
    seen = 0
    async with app.run_test(size=size) as pilot:

        async def look(where: str) -> None:
            nonlocal seen
            await pilot.pause()
            seen += 1
            problems.extend(f"editor {where}: {leak}" for leak in leaks(screen_text(app)))

        await look("sheet")
        for key, where in (
            ("v", "phase list"),
            ("enter", "read-only phase"),
            ("escape", "back"),
            ("question_mark", "help"),
            ("escape", "back"),
            ("t", "title editor"),
            ("escape", "back"),
            ("n", "comment editor"),
            ("escape", "back"),
            ("r", "record dialog"),
            ("escape", "back"),
            ("x", "export dialog"),
            ("escape", "back"),
            ("f8", "next finding"),
        ):
            await pilot.press(key)
            await look(where)
        for _ in range(6):
            await pilot.press("down")
            await look("moving")
        await pilot.press("w")
        await look("review from the editor")
    return seen, problems


async def drive_review(path: Path, size: tuple[int, int] = (160, 50)) -> tuple[int, list[str]]:
    from pufu.model import load_project
    from pufu.tui.review import ReviewApp

    project, stamp = load_project(path)
    app = ReviewApp(project, str(path), stamp, lang="en", author=hostile("author"))
    problems: list[str] = []
    seen = 0
    async with app.run_test(size=size) as pilot:

        async def look(where: str) -> None:
            nonlocal seen
            await pilot.pause()
            seen += 1
            problems.extend(f"review {where}: {leak}" for leak in leaks(screen_text(app)))

        await look("phase 1")
        for key, where in (
            ("right", "phase 2"),
            ("d", "diff"),
            ("escape", "back"),
            ("c", "compare"),
            ("escape", "back"),
            ("n", "note dialog"),
            ("escape", "back"),
            ("left", "phase 1 again"),
        ):
            await pilot.press(key)
            await look(where)
        await pilot.press("n")  # a note by the hostile author: saved, and said in a notification
        await pilot.pause()
        app.screen.query_one("#note-text").value = hostile("note text").replace("\x00", "")
        await pilot.press("ctrl+s")
        await look("note saved")
    return seen, problems


# ---------------------------------------------------------------------- the real editor in tmux


def tmux_editor(folder: Path, path: Path) -> list[str]:
    """Open the real editor in a tmux pane on ``path``; the window title must not change, no
    tmux buffer (OSC 52) appear, the screen must not be cleared by a text, and every label
    must show on the screen with its sequences visible."""
    if shutil.which("tmux") is None:
        return ["tmux is not installed"]
    socket = folder / "tmux.sock"
    tmux = ["tmux", "-S", str(socket), "-f", "/dev/null"]
    env = environment(folder)
    command = f"{sys.executable} -m pufu.cli.main --lang en edit {shlex_quote(str(path))}"
    subprocess.run(
        [*tmux, "new-session", "-d", "-x", "200", "-y", "60", "-s", "escapes", command],
        env=env,
        check=True,
    )
    subprocess.run([*tmux, "set-option", "-g", "set-clipboard", "on"], check=False)
    problems = []
    try:
        screen = ""
        for _ in range(100):  # until the editor has drawn the sheet
            screen = _capture(tmux)
            if "measure2:" in screen and "purpose3:" in screen:
                break
            time.sleep(0.2)
        else:
            return [f"tmux: the editor did not draw the sheet: {screen[:400]!r}"]
        for keys in (["v"], ["Enter"], ["Escape"], ["question"], ["Escape"], ["t"], ["Escape"]):
            subprocess.run([*tmux, "send-keys", "-t", "escapes", *keys], check=True)
            time.sleep(0.6)
            problems += _tmux_state(tmux, keys[0])
        screen = _capture(tmux)
        problems += [f"tmux screen: {leak}" for leak in leaks(screen)]
        for label in ("goal:", "win:", "purpose3:", "measure2:", "people:"):
            if label not in screen:
                problems.append(f"tmux: {label} is not on the screen (cleared?)")
        if "␛]2;pwned␇" not in screen:
            problems.append("tmux: the OSC 2 sequence is not shown visibly")
        subprocess.run([*tmux, "send-keys", "-t", "escapes", "C-q"], check=True)
        time.sleep(0.5)
        subprocess.run([*tmux, "send-keys", "-t", "escapes", "n"], check=False)
    finally:
        subprocess.run([*tmux, "kill-server"], check=False, capture_output=True)
    return problems


def _capture(tmux: list[str]) -> str:
    done = subprocess.run([*tmux, "capture-pane", "-p", "-t", "escapes"], capture_output=True, check=True)
    return done.stdout.decode("utf-8", errors="replace")


def _tmux_state(tmux: list[str], where: str) -> list[str]:
    problems = []
    title = subprocess.run(
        [*tmux, "display-message", "-p", "-t", "escapes", "#{pane_title}"], capture_output=True
    ).stdout.decode("utf-8", errors="replace")
    if "pwned" in title:
        problems.append(f"tmux after {where}: the window title was set: {title.strip()!r}")
    buffers = subprocess.run([*tmux, "list-buffers"], capture_output=True).stdout.decode(
        "utf-8", errors="replace"
    )
    if buffers.strip():
        problems.append(f"tmux after {where}: the clipboard (OSC 52) was set: {buffers.strip()!r}")
    return problems


def shlex_quote(text: str) -> str:
    import shlex

    return shlex.quote(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tmux", action="store_true", help="also run the real editor in a tmux pane")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--no-commands", action="store_true", help="only the screens")
    args = parser.parse_args()
    import asyncio

    folder = Path(tempfile.mkdtemp(prefix="pufu-escapes-"))
    os.environ.update(environment(folder))
    started = time.perf_counter()
    try:
        make_files(folder / "in")
        count, problems = (0, []) if args.no_commands else run_commands(folder)
        print(f"commands: {count} runs, {len(problems)} leaks")
        path = folder / "in" / "plan.pufu.json"
        seen, editor = asyncio.run(drive_editor(path))
        print(f"editor: {seen} screens, {len(editor)} leaks")
        seen_review, review = asyncio.run(drive_review(path))
        print(f"review: {seen_review} screens, {len(review)} leaks")
        problems += editor + review
        if args.tmux:
            real = tmux_editor(folder, folder / "in" / FILE_NAME)
            print(f"tmux editor: {len(real)} problems")
            problems += real
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    for problem in problems:
        print(problem)
    print(f"total: {len(problems)} problems in {time.perf_counter() - started:.1f} s")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
