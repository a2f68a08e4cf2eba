"""The settings file: defaults, a valid file, one-line errors for a bad one, and the language."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pufu.settings import (
    Settings,
    SettingsError,
    at_start,
    current,
    load_settings,
    settings_path,
    use,
)

from .helpers import pufu


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PUFU_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("PUFU_LANG", raising=False)
    for key in ("THEME", "EXPORT_SIZE", "AUTHOR"):
        monkeypatch.delenv(f"PUFU_{key}", raising=False)
    return tmp_path / "config" / "settings.toml"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_the_file_lives_in_the_config_folder(config: Path) -> None:
    assert settings_path() == config


def test_defaults_without_a_file(config: Path) -> None:
    settings = load_settings()
    assert (settings.lang, settings.theme, settings.export_size, settings.author) == ("ja", "light", "16:9", "")


def test_a_valid_file(config: Path) -> None:
    write(config, 'lang = "en"\ntheme = "dark"\nexport_size = "a4"\nauthor = "佐藤"\n')
    settings = load_settings()
    assert (settings.lang, settings.theme, settings.export_size, settings.author) == ("en", "dark", "a4", "佐藤")


def test_a_variable_wins_over_the_file(config: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(config, 'theme = "dark"\n')
    monkeypatch.setenv("PUFU_THEME", "light")
    assert load_settings().theme == "light"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('lang = "fr"\n', "lang: must be 'ja' or 'en', not 'fr'"),
        ('export_size = "a3"\n', "export_size: must be one of '16:9', '4:3', 'a4'"),
        ('colour = "red"\n', "unknown key 'colour'"),
        ("author = 3\n", "author:"),
        ("lang = en\n", "is not valid TOML"),
    ],
)
@pytest.mark.usefixtures("english")
def test_a_bad_file_is_one_line_naming_the_file_and_the_key(config: Path, text: str, expected: str) -> None:
    write(config, text)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    message = str(caught.value)
    assert str(config) in message and expected in message and "\n" not in message


def test_a_file_that_is_not_utf8(config: Path) -> None:
    config.parent.mkdir(parents=True)
    config.write_bytes(b'author = "\x82\xb3\x82\xa4"\n')
    with pytest.raises(SettingsError, match="UTF-8"):
        load_settings()


def test_a_bad_variable_is_named(config: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PUFU_THEME", "blue")
    with pytest.raises(SettingsError, match="PUFU_THEME"):
        load_settings()


def test_pufu_settings_shows_the_path_and_values(config: Path, capsys) -> None:
    code, out, _ = pufu(capsys, "settings")
    assert code == 0 and str(config) in out and 'lang = "ja"' in out and "author" in out


def test_pufu_settings_set_writes_the_file(config: Path, capsys) -> None:
    code, out, _ = pufu(capsys, "settings", "--set", "author=佐藤", "--set", "lang=en")
    assert code == 0 and 'author = "佐藤"' in out
    assert load_settings().author == "佐藤" and load_settings().lang == "en"
    code, _, err = pufu(capsys, "settings", "--set", "theme=blue")
    assert code == 2 and "theme" in err and err.count("\n") == 1
    assert load_settings().theme == "light"
    code, _, err = pufu(capsys, "settings", "--set", "colour=red")
    assert code == 2 and "lang, theme, export_size, author" in err


def test_pufu_settings_on_a_bad_file_is_one_line_not_a_traceback(config: Path, capsys) -> None:
    write(config, "lang = [\n")
    code, _, err = pufu(capsys, "settings")
    assert code == 2 and str(config) in err and "Traceback" not in err and err.count("\n") == 1


def test_the_settings_language_is_the_default(config: Path) -> None:
    write(config, 'lang = "en"\n')
    assert at_start().lang == "en"


def test_lang_flag_and_variable_win_over_the_settings(config: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(config, 'lang = "en"\n')
    monkeypatch.setenv("PUFU_LANG", "ja")
    assert at_start().lang == "ja"
    monkeypatch.delenv("PUFU_LANG")
    assert at_start(lang="ja").lang == "ja"


def test_a_bad_file_at_start_up_warns_in_one_line(config: Path, capsys) -> None:
    write(config, 'lang = "fr"\n')
    assert at_start().lang == "ja"
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(config) in err and "warning" in err


def test_a_bad_file_at_start_up_still_honours_the_variables(config: Path, monkeypatch, capsys) -> None:
    write(config, "lang = [\n")
    monkeypatch.setenv("PUFU_LANG", "en")
    assert at_start().lang == "en"


def test_the_settings_are_handed_down_and_the_environment_is_left_alone(config: Path, capsys) -> None:
    write(config, 'lang = "en"\n')
    before = dict(os.environ)
    assert current().lang == "ja"  # nothing loaded: the defaults
    with use(Settings(lang="en", author="佐藤")):
        assert current().author == "佐藤" and current().lang == "en"
    assert current().lang == "ja"
    code, out, _ = pufu(capsys, "templates")
    assert code == 0 and "inquiry" in out.lower()
    assert dict(os.environ) == before


@pytest.mark.parametrize("argv", [["--lang", "en", "check", "{p}"], ["check", "{p}", "--lang", "en"]])
def test_lang_before_or_after_the_command(config: Path, tmp_path: Path, capsys, argv: list[str]) -> None:
    project = tmp_path / "p.pufu.json"
    assert pufu(capsys, "new", str(project))[0] == 0
    code, out, _ = pufu(capsys, *(arg.format(p=project) for arg in argv))
    assert code == 0 and "獲得目標" not in out and "goal" in out.lower()
    code, out, _ = pufu(capsys, "check", str(project))
    assert "獲得目標" in out


def test_pufu_settings_set_keeps_comments_and_layout(config: Path, capsys) -> None:
    write(config, '# mine\n\n# who writes notes\nauthor = "x"   # me\ntheme = "dark"\n')
    code, _, _ = pufu(capsys, "settings", "--set", "author=佐藤 \"花子\"", "--set", "lang=en")
    text = config.read_text(encoding="utf-8")
    assert code == 0 and text.startswith('# mine\n\n# who writes notes\nauthor = "佐藤 \\"花子\\""   # me\ntheme = "dark"\n')
    assert load_settings().author == '佐藤 "花子"' and load_settings().lang == "en"


def test_pufu_settings_set_escapes_any_value(config: Path, capsys) -> None:
    value = 'a "quoted" \\ back\\slash\nnew line\ttab \x00\x1b[31m\x7f end'
    assert pufu(capsys, "settings", "--set", "author=" + value)[0] == 0
    assert load_settings().author == value.strip()
    assert pufu(capsys, "settings", "--set", "theme=dark")[0] == 0  # editing again keeps it
    assert load_settings().author == value.strip()


def test_a_thread_started_while_the_settings_are_in_use_sees_them() -> None:
    import concurrent.futures

    with use(Settings(lang="en")), concurrent.futures.ThreadPoolExecutor(1) as pool:
        assert pool.submit(lambda: current().lang).result() == "en"
    assert current().lang == "ja"
