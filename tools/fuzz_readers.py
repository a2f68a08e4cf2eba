"""Mutation fuzzing of every reader pufu has: its own project file and pufu-editor charts and maps.

    python tools/fuzz_readers.py --minutes 5 [--seed 1] [--save-cases tests/hardening/cases]

Each case is a seed file mutated at random (byte flips, truncations, insertions, invalid UTF-8,
and JSON-aware changes: wrong types, huge numbers, deep nesting, deleted or duplicated keys).
A reader must either accept the input or refuse it with a PufuError (exit 2 in the CLI): never
another exception, never a hang (each case has a time limit). Whatever is accepted must save,
export and read back to the same thing. Failing cases are written to --save-cases so they can
become regression tests.
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import sys
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
from pufu.model import PufuError, dumps_project, loads_project  # noqa: E402
from pufu.model.store import parse_json  # noqa: E402

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
    return out


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


# ---------------------------------------------------------------------- one case


ACCEPTED = "accepted"


def run_case(kind: str, raw: bytes) -> str | None:
    """None when pufu refused the input cleanly, ACCEPTED when it took it and everything read
    back; otherwise a description of what went wrong."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(LIMIT_SECONDS)
    try:
        if kind == "project":
            project = loads_project("case.pufu.json", raw)
        else:
            imported = import_data(parse_json("case.json", raw))
            project = imported.project
        # accepted: it must save, export and read back
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
        return ACCEPTED
    except PufuError:
        return None
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
    while time.monotonic() < end:
        kind, raw = rng.choice(pool)
        mutated = mutate_json(raw, rng) if rng.random() < 0.6 else mutate_bytes(raw, rng)
        problem = run_case(kind, mutated)
        cases += 1
        if problem is None:
            continue
        if problem == ACCEPTED:
            accepted += 1
            continue
        failures += 1
        print(f"case {cases} ({kind}): {problem.splitlines()[-1]}", file=sys.stderr)
        if args.save_cases:
            args.save_cases.mkdir(parents=True, exist_ok=True)
            (args.save_cases / f"{kind}-{args.seed}-{cases}.bin").write_bytes(mutated)
    print(
        f"{cases} cases in {args.minutes:g} min: {accepted} accepted and read back, "
        f"{cases - accepted - failures} refused cleanly, {failures} failures"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
