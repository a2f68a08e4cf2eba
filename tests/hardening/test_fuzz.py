"""The fast part of the reader fuzzing (tools/fuzz_readers.py runs the long part)."""

from __future__ import annotations

import json
import random
import sys
import tomllib
from pathlib import Path

import pytest
import tomlkit
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import fuzz_readers  # noqa: E402

from pufu import settings as settings_module  # noqa: E402

CASES = Path(__file__).parent / "cases"


def test_a_thousand_mutations_are_accepted_or_refused_cleanly(interop: Path) -> None:
    rng = random.Random(20261123)
    pool = fuzz_readers.seeds()
    outcomes = {kind: {"accepted": 0, "refused": 0} for kind in fuzz_readers.KINDS}
    for _ in range(1000):
        kind, raw = fuzz_readers.pick(pool, rng)
        problem = fuzz_readers.run_case(kind, fuzz_readers.mutate(kind, raw, rng))
        assert problem in (None, fuzz_readers.ACCEPTED), problem
        outcomes[kind]["accepted" if problem else "refused"] += 1
    for kind, counts in outcomes.items():  # every reader is reached, both ways
        assert counts["accepted"] > 20 and counts["refused"] > 20, (kind, counts)


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
    for kind in ("editor", "project", "recovery"):
        assert fuzz_readers.run_case(kind, raw) in (None, fuzz_readers.ACCEPTED)


# ---------------------------------------------------------------------- settings (TOML)

toml_keys = st.sampled_from(["lang", "theme", "export_size", "author", "other", '""', "lang.x", "[lang]\nx"])
toml_values = st.one_of(
    st.text(max_size=20).map(lambda text: tomlkit.string(text).as_string()),
    st.sampled_from(['"ja"', '"en"', '"dark"', '"a4"', "1", "1e999", "inf", "true", "[]", "{a = 1}", "1979-05-27",
                     '"""a\nb"""', "'lit'", "9" * 5000, "[" * 3000 + "]" * 3000]),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(toml_keys, toml_values), max_size=5), st.binary(max_size=4))
def test_random_settings_files_give_settings_or_one_settings_error(pairs: list, junk: bytes) -> None:
    raw = "\n".join(f"{key} = {value}" for key, value in pairs).encode() + junk
    assert fuzz_readers.run_case("settings", raw) in (None, fuzz_readers.ACCEPTED)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_author_written_by_pufu_reads_back_exactly(author: str) -> None:
    text = settings_module.dumps_settings({"author": author, "lang": "en"})
    assert tomllib.loads(text) == {"author": author, "lang": "en"}


@pytest.mark.parametrize(
    "text",
    ["lang = " + "[" * 100000, "author = " + "9" * 5000, "lang = [[[\n", "theme = 'pink'",
     'theme = "' + "x" * 100000 + '"', "\x00", "unknown = 1"],
    ids=["deep", "huge-int", "broken", "bad-choice", "long-value", "nul", "unknown-key"],
)
def test_a_bad_settings_file_is_one_settings_error(text: str, tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(settings_module.SettingsError) as caught:
        settings_module.load_settings(path)
    message = str(caught.value)
    assert "\n" not in message and len(message) < 300 and str(path) in message


@pytest.mark.usefixtures("english")
def test_a_settings_file_over_the_limit_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)
    with pytest.raises(settings_module.SettingsError, match="settings.toml: is 200.0 MiB"):
        settings_module.load_settings(path)


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize("command", [["check"], ["export", "-f", "md"], ["phases"]], ids=lambda c: c[0])
def test_every_command_warns_once_in_one_line_about_bad_settings_and_goes_on(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from pufu.cli.main import main

    monkeypatch.delenv("PUFU_LANG")
    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv("PUFU_CONFIG_DIR", str(config))
    (config / "settings.toml").write_text("lang = " + "[" * 100000, encoding="utf-8")
    project = tmp_path / "p.pufu.json"
    assert main(["new", str(project), "--template", "demo"]) == 0
    capsys.readouterr()
    assert main([command[0], str(project), *command[1:]]) == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("pufu: warning: ") and "nested too deeply" in err[0], err


def test_pufu_settings_set_writes_any_text_that_reads_back_and_refuses_bytes_that_are_not_utf8(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from pufu.cli.main import main

    monkeypatch.setenv("PUFU_CONFIG_DIR", str(tmp_path))
    monkeypatch.delenv("PUFU_AUTHOR", raising=False)
    assert main(["settings", "--set", 'author=佐藤\n"花子"\t\\\x7f']) == 0
    assert settings_module.load_settings(tmp_path / "settings.toml").author == '佐藤\n"花子"\t\\\x7f'
    capsys.readouterr()
    assert main(["settings", "--set", "author=\udcff"]) == 2  # a byte of argv that is not UTF-8
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "--set" in err[0] and "UTF-8" in err[0]
    assert settings_module.load_settings(tmp_path / "settings.toml").author == '佐藤\n"花子"\t\\\x7f'
