"""The help and argparse's usage errors in the user's language, and the lock wait as a setting:
what a user sees from fresh ``pufu`` processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pufu.cli.commands import COMMANDS
from pufu.i18n import help as catalogue
from pufu.model.lock import locked


def run(*argv: str, env_extra: dict[str, str] | None = None, config: Path) -> subprocess.CompletedProcess[str]:
    """A fresh ``pufu ARGV`` with no PUFU_LANG, settings in ``config``, a wide terminal."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("PUFU_")}
    env.update({"PUFU_CONFIG_DIR": str(config), "PUFU_STATE_DIR": str(config / "state"), "COLUMNS": "200"})
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "pufu.cli.main", *argv], capture_output=True, text=True,
                          env=env, check=False, timeout=60)


def test_pufu_help_lists_every_command_in_japanese_by_default(tmp_path: Path) -> None:
    result = run("--help", config=tmp_path)
    assert result.returncode == 0
    out = result.stdout
    assert out.startswith("使い方: pufu ")
    for name in COMMANDS:
        assert f"{name}  " in out and catalogue.JA[f"cmd.{name}"] in out, name
        assert catalogue.EN[f"cmd.{name}"] not in out, name
    assert "引数:" in out and "オプション:" in out and "このヘルプを表示して終了します" in out
    for english in ("usage:", "positional arguments", "options:", "show this help message"):
        assert english not in out


def test_pufu_help_in_english_with_lang_en_or_the_settings(tmp_path: Path) -> None:
    by_option = run("--help", "--lang", "en", config=tmp_path).stdout
    (tmp_path / "settings.toml").write_text('lang = "en"\n', encoding="utf-8")
    by_file = run("--help", config=tmp_path).stdout
    by_variable = run("--help", env_extra={"PUFU_LANG": "en"}, config=tmp_path / "none").stdout
    for out in (by_option, by_file, by_variable):
        assert out.startswith("usage: pufu ")
        for name in COMMANDS:
            assert catalogue.EN[f"cmd.{name}"] in out, name
        assert "show this help message and exit" in out and "使い方" not in out and "オプション" not in out
    assert run("--help", "--lang", "ja", config=tmp_path).stdout.startswith("使い方: ")  # --lang wins


def test_snapshot_help_in_japanese_and_in_english(tmp_path: Path) -> None:
    ja = run("snapshot", "--help", config=tmp_path).stdout
    en = run("snapshot", "--help", "--lang", "en", config=tmp_path).stdout  # --lang after the command
    assert ja.startswith("使い方: pufu snapshot ") and en.startswith("usage: pufu snapshot ")
    for key in ("opt.snapshot.title", "opt.snapshot.note", "opt.pufu.lang"):
        assert catalogue.JA[key] in ja and catalogue.EN[key] not in ja, key
        assert catalogue.EN[key] in en and catalogue.JA[key] not in en, key
    assert "下書きを次の局面として記録します。" in ja and "record the draft as the next phase." in en
    assert "（既定: 今日）" in ja and "(default: today)" in en


def test_japanese_help_wraps_by_display_width(tmp_path: Path) -> None:
    out = run("check", "--help", config=tmp_path, env_extra={"COLUMNS": "60"}).stdout
    widths = [sum(2 if "\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef" else 1 for c in line)
              for line in out.splitlines() if not line.startswith(("使い方", "  --"))]
    assert max(widths) <= 58, out
    assert not any(line.startswith(("、", "。", "）")) or line.endswith("（") for line in out.splitlines())


def test_japanese_help_never_starts_a_line_with_closing_punctuation_nor_ends_one_opening_a_bracket() -> None:
    from pufu.cli.parser import wrap

    for key in ("about.check", "about.report", "about.review", "opt.note.part"):
        paragraph = catalogue.JA[key].replace("\n", " ")
        for width in range(20, 81):
            lines = wrap(paragraph, width)
            assert "".join(lines).replace(" ", "") == paragraph.replace(" ", ""), (key, width)
            for line in lines:
                assert not line.startswith(("、", "。", "）", "」")) and not line.endswith(("（", "「")), (key, width, line)


def test_a_usage_error_is_one_japanese_line_and_exit_2(tmp_path: Path) -> None:
    missing = run("snapshot", "plan.pufu.json", config=tmp_path)
    assert missing.returncode == 2 and missing.stdout == ""
    assert missing.stderr == "pufu snapshot: エラー: 次の引数が必要です: --title（参照: pufu snapshot --help）\n"
    wrong = run("export", "plan.pufu.json", "-f", "gif", config=tmp_path)
    assert wrong.returncode == 2
    assert wrong.stderr.startswith("pufu export: エラー: 引数 --format/-f: 'gif' は選べません（選べるのは 'dot', ")
    unknown = run("snapshoot", config=tmp_path)
    assert unknown.returncode == 2 and "'snapshoot' は選べません" in unknown.stderr
    assert "error" not in unknown.stderr and "invalid choice" not in unknown.stderr
    english = run("snapshot", "plan.pufu.json", "--lang", "en", config=tmp_path)
    assert english.returncode == 2
    assert english.stderr == (
        "pufu snapshot: error: the following arguments are required: --title (see: pufu snapshot --help)\n"
    )


def test_japanese_and_english_help_hold_the_same_keys() -> None:
    assert catalogue.JA.keys() == catalogue.EN.keys()
    from pufu import i18n

    assert "help" in i18n._AREAS


def test_the_lock_wait_comes_from_the_settings_file_or_pufu_lock_wait(tmp_path: Path) -> None:
    project = tmp_path / "plan.pufu.json"
    assert run("new", str(project), config=tmp_path).returncode == 0
    (tmp_path / "settings.toml").write_text("lock_wait = 0.3\n", encoding="utf-8")
    note = ("note", str(project), "--phase", "1", "--kind", "good", "--author", "a", "text")
    snapshot = ("snapshot", str(project), "--title", "t")
    with locked(project, 1.0):  # another writer holds the file
        by_file = run(*snapshot, config=tmp_path)
        by_variable = run(*note, env_extra={"PUFU_LOCK_WAIT": "0.2"}, config=tmp_path)
    assert by_file.returncode == 2 and "0.3 秒待ちました" in by_file.stderr
    assert by_variable.returncode == 2 and "0.2 秒待ちました" in by_variable.stderr
    assert run(*snapshot, config=tmp_path).returncode == 0  # the lock released: it saves


def test_lock_wait_is_set_as_a_number_and_a_bad_variable_is_named(tmp_path: Path) -> None:
    assert run("settings", "--set", "lock_wait=2.5", config=tmp_path).returncode == 0
    text = (tmp_path / "settings.toml").read_text(encoding="utf-8")
    assert "lock_wait = 2.5 " in text
    assert "lock_wait = 2.5" in run("settings", config=tmp_path).stdout
    bad = run("schema", env_extra={"PUFU_LOCK_WAIT": "soon"}, config=tmp_path)
    assert bad.returncode == 0  # the defaults are used, with one warning naming the variable
    assert "PUFU_LOCK_WAIT" in bad.stderr and "'soon'" in bad.stderr and "settings.toml" not in bad.stderr
    assert run("settings", "--set", "lock_wait=-1", config=tmp_path).returncode == 2


def test_help_does_not_hang_on_a_settings_fifo(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "settings.toml")  # nobody writes to it: opening it blocking would hang
    result = run("--help", config=tmp_path)  # run() gives up after 60 s
    assert result.returncode == 0 and result.stdout.startswith("使い方: pufu ")


def test_descriptions_reflow_to_the_terminal_keeping_items_and_examples(tmp_path: Path) -> None:
    git = run("git", "--help", config=tmp_path, env_extra={"COLUMNS": "80"}).stdout.splitlines()
    items = [line for line in git if line.startswith("- ")]
    assert [line.split()[1] for line in items] == ["git", "git", "git"]  # diff, log -p, merge
    after = git[git.index(items[0]) + 1]
    assert after.startswith("  ") and not after.startswith("   ")  # an item's next line: under its text
    assert any("ユーザーの attributes ファイル" in line for line in git)  # joined lines keep the space
    metric = run("metric", "--help", config=tmp_path, env_extra={"COLUMNS": "60"}).stdout
    example = "    pufu metric add p.pufu.json 問い合わせ率 --target 0.18 --baseline 0.25 --unit 件/顧客 --lower-is-better"
    assert example + "\n" in metric  # an example to copy stays whole
