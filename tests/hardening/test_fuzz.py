"""The fast part of the reader fuzzing (tools/fuzz_readers.py runs the long part)."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import fuzz_readers  # noqa: E402

CASES = Path(__file__).parent / "cases"


def test_a_thousand_mutations_are_accepted_or_refused_cleanly(interop: Path) -> None:
    rng = random.Random(20261123)
    pool = fuzz_readers.seeds()
    outcomes = {"accepted": 0, "refused": 0}
    for _ in range(1000):
        kind, raw = rng.choice(pool)
        mutated = fuzz_readers.mutate_json(raw, rng) if rng.random() < 0.6 else fuzz_readers.mutate_bytes(raw, rng)
        problem = fuzz_readers.run_case(kind, mutated)
        assert problem in (None, fuzz_readers.ACCEPTED), problem
        outcomes["accepted" if problem else "refused"] += 1
    assert outcomes["accepted"] > 50 and outcomes["refused"] > 50


@pytest.mark.parametrize("case", sorted(CASES.glob("*.bin")) if CASES.is_dir() else [], ids=lambda p: p.name)
def test_found_cases_stay_fixed(case: Path) -> None:
    kind = case.name.split("-")[0]
    assert fuzz_readers.run_case(kind, case.read_bytes()) in (None, fuzz_readers.ACCEPTED)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)
keys = st.sampled_from(["gainingGoal", "winCondition", "purposes", "elements", "phase1", "draft", "format", "measures"])


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(keys, json_values, max_size=5))
def test_random_json_objects_never_crash_a_reader(data: dict) -> None:
    raw = json.dumps(data).encode()
    for kind in ("editor", "project"):
        assert fuzz_readers.run_case(kind, raw) in (None, fuzz_readers.ACCEPTED)
