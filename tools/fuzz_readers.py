"""Mutation fuzzing of every reader pufu has: its own project file, pufu-editor charts and
maps, the settings file (TOML) and the editor's recovery copies.

    python tools/fuzz_readers.py --minutes 5 [--seed 1] [--save-cases tests/hardening/cases]

Each case is a seed file mutated at random (byte flips, truncations, insertions, invalid UTF-8,
and structure-aware changes: wrong types, huge numbers, deep nesting, deleted or duplicated
keys; for TOML also tables, arrays of tables, dates, multi-line strings and dotted keys).
A reader must either accept the input or refuse it with a PufuError whose message is one line
(exit 2 in the CLI, a one-line warning for settings): never another exception, never a hang
(each case has a time limit). Whatever is accepted must save, export and read back to the same
thing (settings: written by pufu and read back to the same values). Failing cases are written
to --save-cases as KIND-SEED-CASE.bin (KIND: project, editor, settings, recovery) so they can
become regression tests (tests/hardening/test_fuzz.py runs every file there).
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import random
import shutil
import signal
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pufu.export.markdown import chart_markdown  # noqa: E402
from pufu.interop.pufu_editor import (  # noqa: E402
    chart_to_editor,
    dumps_editor,
    export_phase_map,
    import_data,
)
from pufu.model import Project, PufuError, dumps_project, loads_project  # noqa: E402
from pufu.model.lock import path_key  # noqa: E402
from pufu.model.recovery import Opened, RecoverySession, copies, read_recovery, recovery_dir  # noqa: E402
from pufu.model.store import parse_json  # noqa: E402
from pufu.settings import KEYS, dumps_settings, load_settings  # noqa: E402

KINDS = ("project", "editor", "settings", "recovery")

LIMIT_SECONDS = 5


class Hang(Exception):
    pass


def _alarm(*_args: object) -> None:
    raise Hang()


def seeds() -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    interop = ROOT.parent / "shared" / "interop"
    for path in sorted(interop.glob("*.json")):
        out.append(("editor", path.read_bytes()))
    for path in sorted((ROOT / "pufu" / "data").glob("*.pufu.json")):
        out.append(("project", path.read_bytes()))
    if out and not any(kind == "project" for kind, _ in out):
        imported = import_data(json.loads(out[-1][1]))
        out.append(("project", dumps_project(imported.project).encode()))
    out += [("settings", text.encode("utf-8")) for text in SETTINGS_SEEDS]
    project = next((raw for kind, raw in out if kind == "project"), None)
    if project is not None:
        out.append(("recovery", recovery_seed(loads_project("seed", project))))
    return out


SETTINGS_SEEDS = [
    '# pufu settings (see: pufu settings --help)\nlang = "ja"  # ja or en\ntheme = "light"  # light or dark\n'
    'export_size = "16:9"  # 16:9, 4:3 or a4\nauthor = "佐藤"  # the name written on review notes\n',
    'lang = "en"\ntheme = "dark"\nexport_size = "a4"\nauthor = """Ann\nLee"""\n',
    "author = 'C:\\\\notes'\nexport_size = '4:3'\n",
]


def recovery_seed(project: object) -> bytes:
    """A recovery copy as the editor writes it (see pufu.model.recovery): the draft and what
    was added since the file was opened."""
    data = json.loads(dumps_project(project))  # type: ignore[arg-type]
    record = {
        "version": 2,
        "path": "/tmp/plan.pufu.json",
        "saved": "2026-11-23T10:00:00+00:00",
        "pid": 1,
        "host": "elsewhere",
        "boot": "",
        "token": "1-seed",
        "base": {"size": 10, "digest": "ab" * 32},
        "identity": None,
        "base_phases": 0,
        "title": data["title"],
        "draft": data["draft"],
        "added_phases": data["phases"],
        "added_notes": data["notes"],
    }
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


# ---------------------------------------------------------------------- mutations

WEIRD_VALUES = [
    None, True, False, 0, -1, 1e308, -1e308, 10**400, "", "x" * 10000, [], {}, [[[[[]]]]],
    "\x00", "\ud7ff", "「」。", "NaN", "100", "-5", "label=\"x\"]; evil [shape=box", 3.5, 101, -0.0,
]


def mutate_bytes(raw: bytes, rng: random.Random) -> bytes:
    data = bytearray(raw)
    choice = rng.randrange(6)
    if choice == 0 and data:  # flip bytes
        for _ in range(rng.randint(1, 8)):
            i = rng.randrange(len(data))
            data[i] ^= 1 << rng.randrange(8)
    elif choice == 1:  # truncate
        del data[rng.randrange(len(data) + 1) :]
    elif choice == 2:  # insert random bytes
        i = rng.randrange(len(data) + 1)
        data[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
    elif choice == 3:  # invalid UTF-8 in the middle of a string
        i = rng.randrange(len(data) + 1)
        data[i:i] = rng.choice([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf4\x90\x80\x80"])
    elif choice == 4:  # BOM or NUL
        data = bytearray(rng.choice([b"\xef\xbb\xbf", b"\x00"])) + data
    else:  # deep nesting
        depth = rng.choice([100, 1000, 100000])
        data = bytearray(b"[" * depth + b"]" * depth)
    return bytes(data)


def _paths(value: object, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out += _paths(item, (*prefix, index))
    return out


def mutate_json(raw: bytes, rng: random.Random) -> bytes:
    try:
        data = json.loads(raw)
    except ValueError:
        return mutate_bytes(raw, rng)
    paths = [p for p in _paths(data) if p]
    if not paths:
        return mutate_bytes(raw, rng)
    for _ in range(rng.randint(1, 3)):
        path = rng.choice(paths)
        parent = data
        try:
            for key in path[:-1]:
                parent = parent[key]
        except (KeyError, IndexError, TypeError):
            continue
        last = path[-1]
        action = rng.randrange(4)
        try:
            if action == 0:
                parent[last] = rng.choice(WEIRD_VALUES)
            elif action == 1:
                del parent[last]
            elif action == 2 and isinstance(parent, dict):
                parent[f"{last}_extra"] = parent[last]
            else:
                parent[last] = json.loads(json.dumps(parent[last])) if rng.random() < 0.5 else [parent[last]]
        except (KeyError, IndexError, TypeError):
            continue
    try:
        return json.dumps(data, ensure_ascii=rng.random() < 0.3).encode()
    except (ValueError, RecursionError):
        return raw


TOML_VALUES = [
    '""', "''", '"""a\nb"""', "'''\\x'''", '"\\u0000"', '"\\t\\r\\n"', '"\\u007f"', '"\\u2028"',
    "1979-05-27T07:32:00Z", "1979-05-27", "07:32:00", "inf", "-inf", "nan", "0x7fffffffffffffff", "9" * 5000,
    "1e999", "true", "[]", "[1, 'a', [2]]", "{}", "{ a = 1, b = { c = 2 } }", "[" * 5000 + "]" * 5000,
    "{x=" * 2000 + "1" + "}" * 2000, '"ja"', '"en"', '"dark"', '"a4"', '"' + "x" * 100000 + '"',
]
TOML_LINES = [
    "[lang]", "[[author]]", "lang.x = 1", '"" = 1', 'lang = "ja"', 'theme = "light"', "unknown = 1",
    '[table]\nlang = "en"', "a = " + "[" * 100000, "\x00", 'key = "unterminated',
]


def mutate_toml(raw: bytes, rng: random.Random) -> bytes:
    """Line-level changes of a TOML file: values replaced by odd TOML, lines added, removed or
    doubled (duplicate keys); falls back to byte mutations."""
    try:
        lines = raw.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return mutate_bytes(raw, rng)
    for _ in range(rng.randint(1, 3)):
        action = rng.randrange(4)
        index = rng.randrange(len(lines) + 1)
        if action == 0 and index < len(lines) and "=" in lines[index]:
            key = lines[index].split("=", 1)[0]
            lines[index] = f"{key}= {rng.choice(TOML_VALUES)}"
        elif action == 1:
            lines.insert(index, rng.choice(TOML_LINES))
        elif action == 2 and index < len(lines):
            del lines[index]
        elif index < len(lines):
            lines.insert(index, lines[index])
    return ("\n".join(lines) + "\n").encode("utf-8")


RECOVERY_VALUES = [
    *WEIRD_VALUES, "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "yesterday",
    {"size": "x", "digest": 1}, {"size": 10**30, "digest": ""},
]


def mutate_recovery(raw: bytes, rng: random.Random) -> bytes:
    """A recovery copy whose record, or the draft or phases inside it, is damaged."""
    try:
        record = json.loads(raw)
        part = rng.choice(["draft", "added_phases", "added_notes"])
        inner = json.dumps(record[part], ensure_ascii=False).encode("utf-8")
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return mutate_bytes(raw, rng)
    choice = rng.random()
    if choice < 0.4:
        damaged = mutate_json(inner, rng) if rng.random() < 0.6 else mutate_bytes(inner, rng)
        try:
            record[part] = json.loads(damaged)
        except (ValueError, RecursionError):
            record[part] = damaged.decode("utf-8", "replace")
    elif choice < 0.6:
        record[rng.choice(["saved", "base", "path", "base_phases", "title"])] = rng.choice(RECOVERY_VALUES)
    else:
        return mutate_json(raw, rng) if rng.random() < 0.6 else mutate_bytes(raw, rng)
    try:
        return json.dumps(record, ensure_ascii=False).encode("utf-8")
    except (ValueError, RecursionError):
        return raw


def mutate(kind: str, raw: bytes, rng: random.Random) -> bytes:
    """A random mutation fitting the kind of file."""
    if kind == "settings":
        return mutate_toml(raw, rng) if rng.random() < 0.6 else mutate_bytes(raw, rng)
    if kind == "recovery":
        return mutate_recovery(raw, rng)
    return mutate_json(raw, rng) if rng.random() < 0.6 else mutate_bytes(raw, rng)


def pick(pool: list[tuple[str, bytes]], rng: random.Random) -> tuple[str, bytes]:
    """A seed: first a kind of file (each kind equally often), then one of its seeds."""
    kind = rng.choice(sorted({kind for kind, _ in pool}))
    return rng.choice([item for item in pool if item[0] == kind])


# ---------------------------------------------------------------------- one case


ACCEPTED = "accepted"
_SCRATCH: list[Path] = []
_SETTINGS_ENV = tuple(f"PUFU_{key.upper()}" for key in KEYS)


def scratch() -> Path:
    """A private folder for the readers that need a file on disk."""
    if not _SCRATCH:
        _SCRATCH.append(Path(tempfile.mkdtemp(prefix="pufu-fuzz-")))
        atexit.register(shutil.rmtree, _SCRATCH[0], ignore_errors=True)
    return _SCRATCH[0]


class ReadBackError(Exception):
    """What a reader accepted failed to save, export or read back."""


def accepted_then(step: str):  # noqa: ANN201 - a decorator
    """Run ``step`` on accepted input: a PufuError there is a failure, not a clean refusal."""

    def wrap(func):  # noqa: ANN001, ANN202
        def run(*args):  # noqa: ANN002, ANN202
            try:
                return func(*args)
            except PufuError as exc:
                raise ReadBackError(f"accepted, but {step} failed: {exc}") from None

        return run

    return wrap


@accepted_then("saving, exporting or reading back")
def _check_project(project: Project) -> str | None:
    """An accepted project must save, export and read back to the same thing."""
    text = dumps_project(project)
    again = loads_project("again.pufu.json", text.encode())
    if dumps_project(again) != text:
        return "accepted input does not read back the same"
    for chart in [again.draft, *(again.phase_chart(p.number) for p in again.phases)]:
        chart_markdown(chart)
        exported = chart_to_editor(chart)
        back = import_data(json.loads(dumps_editor(exported))).project.draft
        if chart_to_editor(back) != exported:
            return "pufu-editor export does not read back the same"
    if again.phases:
        export_phase_map(again)
    return None


def _settings_case(raw: bytes) -> str | None:
    """load_settings on the file; accepted values, written by pufu, must read back the same."""
    folder = scratch()
    path, written = folder / "settings.toml", folder / "written.toml"
    path.write_bytes(raw)
    saved = {name: os.environ.pop(name) for name in _SETTINGS_ENV if name in os.environ}
    try:
        settings = load_settings(path)
        values = {key: getattr(settings, key) for key in KEYS}
        return _settings_read_back(values, written)
    finally:
        os.environ.update(saved)


@accepted_then("writing the settings and reading them back")
def _settings_read_back(values: dict[str, str], written: Path) -> str | None:
    written.write_bytes(dumps_settings(values).encode("utf-8"))
    again = load_settings(written)
    if {key: getattr(again, key) for key in KEYS} != values:
        return "settings written by pufu do not read back the same"
    return None


@accepted_then("writing the recovery copy again and reading it back")
def _recovery_read_back(project_path: Path, project: Project, base: object) -> str | None:
    session = RecoverySession(project_path)
    session.write(session.payload(project, Opened(base, None, 0, frozenset())))  # type: ignore[arg-type]
    session.close()
    again = next((c for c in copies(project_path) if c.file == session.file), None)
    session.discard()
    if again is None or dumps_project(again.project()) != dumps_project(project) or again.base != base:
        return "a recovery copy written again does not read back the same"
    return None


def _recovery_case(raw: bytes) -> str | None:
    """read_recovery as the editor calls it on open; an offered copy must load, show its time,
    and be written and read again unchanged."""
    folder = scratch()
    saved = os.environ.get("PUFU_STATE_DIR")
    os.environ["PUFU_STATE_DIR"] = str(folder / "state")
    try:
        project_path = folder / "plan.pufu.json"
        target = recovery_dir() / f"{path_key(project_path)}-1-fuzz.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(raw)
        found = read_recovery(project_path)
        if found is None:
            raise PufuError("no usable recovery copy")  # ignored, as the editor does
        found.saved_local()  # the time the editor shows when it offers the copy
        project = found.project()
        return _check_project(project) or _recovery_read_back(project_path, project, found.base)
    finally:
        if saved is None:
            os.environ.pop("PUFU_STATE_DIR", None)
        else:
            os.environ["PUFU_STATE_DIR"] = saved


READERS = {
    "project": lambda raw: _check_project(loads_project("case.pufu.json", raw)),
    "editor": lambda raw: _check_project(import_data(parse_json("case.json", raw)).project),
    "settings": _settings_case,
    "recovery": _recovery_case,
}


def run_case(kind: str, raw: bytes) -> str | None:
    """None when pufu refused the input cleanly (a PufuError of one line), ACCEPTED when it
    took it and everything read back; otherwise a description of what went wrong."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(LIMIT_SECONDS)
    try:
        return READERS[kind](raw) or ACCEPTED
    except PufuError as exc:
        message = str(exc)
        if "\n" in message or "\r" in message or not message.strip():
            return f"refused, but the message is not one line: {message[:200]!r}"
        return None
    except ReadBackError as exc:
        return str(exc)
    except Hang:
        return f"hang: more than {LIMIT_SECONDS} s"
    except Exception:  # noqa: BLE001 - this is what the fuzzer looks for
        return traceback.format_exc(limit=6)
    finally:
        signal.alarm(0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--save-cases", type=Path, help="folder to write failing inputs to")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    pool = seeds()
    if not pool:
        print("no seed files found", file=sys.stderr)
        return 2
    end = time.monotonic() + args.minutes * 60
    cases = accepted = failures = 0
    per_kind: dict[str, list[int]] = {}
    while time.monotonic() < end:
        kind, raw = pick(pool, rng)
        mutated = mutate(kind, raw, rng)
        problem = run_case(kind, mutated)
        cases += 1
        per_kind.setdefault(kind, [0, 0, 0])[0] += 1
        if problem is None:
            continue
        if problem == ACCEPTED:
            accepted += 1
            per_kind[kind][1] += 1
            continue
        failures += 1
        per_kind[kind][2] += 1
        print(f"case {cases} ({kind}): {problem.splitlines()[-1]}", file=sys.stderr)
        if args.save_cases:
            args.save_cases.mkdir(parents=True, exist_ok=True)
            (args.save_cases / f"{kind}-{args.seed}-{cases}.bin").write_bytes(mutated)
    print(
        f"{cases} cases in {args.minutes:g} min: {accepted} accepted and read back, "
        f"{cases - accepted - failures} refused cleanly, {failures} failures"
    )
    for kind in sorted(per_kind):
        n, ok, bad = per_kind[kind]
        print(f"  {kind}: {n} cases, {ok} accepted, {n - ok - bad} refused cleanly, {bad} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
