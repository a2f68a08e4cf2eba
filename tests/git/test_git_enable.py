"""pufu git enable/disable/status: exactly pufu's settings, nothing else touched."""

from __future__ import annotations

from pathlib import Path

from .conftest import Repo

OTHER_CONFIG = """[core]
\trepositoryformatversion = 0
\tfilemode = true
\tbare = false
\tlogallrefupdates = true
[user]
\tname = 田中
\temail = tanaka@example.com
[diff "other"]
\ttextconv = cat
[alias]
\tst = status
"""


def test_enable_then_disable_leaves_other_settings_byte_identical(bare_repo: Repo) -> None:
    config = bare_repo.root / ".git" / "config"
    config.write_text(OTHER_CONFIG, encoding="utf-8")
    attributes = bare_repo.root / ".gitattributes"
    attributes.write_text("*.png binary\n*.md diff=markdown", encoding="utf-8")
    bare_repo.pufu("git", "enable")
    bare_repo.pufu("git", "enable")  # idempotent
    assert attributes.read_text(encoding="utf-8").count("*.pufu.json diff=pufu merge=pufu") == 1
    assert attributes.read_text(encoding="utf-8").startswith("*.png binary\n*.md diff=markdown\n")
    values = bare_repo.git("config", "--local", "--list").stdout
    assert "merge.pufu.driver=" in values and "%O %A %B %P" in values
    assert "diff.pufu.command=" in values and "diff.pufu.textconv=" in values
    assert "alias.st=status" in values
    bare_repo.pufu("git", "disable")
    bare_repo.pufu("git", "disable")  # idempotent
    assert config.read_text(encoding="utf-8") == OTHER_CONFIG
    assert attributes.read_text(encoding="utf-8") == "*.png binary\n*.md diff=markdown\n"


def test_the_driver_runs_the_installed_pufu(bare_repo: Repo) -> None:
    bare_repo.pufu("git", "enable")
    driver = bare_repo.git("config", "merge.pufu.driver").stdout
    program = driver.split(" git merge-driver")[0].strip("'")
    assert Path(program).is_file() and Path(program).is_absolute()


def test_status_says_what_is_set(bare_repo: Repo) -> None:
    assert "merge.pufu.driver: 未設定" in bare_repo.pufu("git", "status").stdout
    bare_repo.pufu("git", "enable")
    out = bare_repo.pufu("git", "status").stdout
    assert "merge.pufu.driver: 未設定" not in out and ".gitattributes: 設定済み" in out


def test_global_writes_the_users_config_and_attributes(bare_repo: Repo) -> None:
    home = Path(bare_repo.env["HOME"])
    bare_repo.pufu("git", "enable", "--global")
    assert "merge.pufu.driver" in bare_repo.git("config", "--global", "--list").stdout
    assert "*.pufu.json diff=pufu merge=pufu" in (home / ".config" / "git" / "attributes").read_text()
    assert not (bare_repo.root / ".gitattributes").exists()
    bare_repo.pufu("git", "disable", "--global")
    assert "pufu" not in bare_repo.git("config", "--global", "--list", check=False).stdout
    assert not (home / ".config" / "git" / "attributes").exists()


def test_outside_a_repository_enable_says_so(bare_repo: Repo, tmp_path: Path) -> None:
    elsewhere = Repo(tmp_path / "home", {**bare_repo.env, "GIT_CEILING_DIRECTORIES": str(tmp_path)})
    done = elsewhere.pufu("git", "enable", check=False)
    assert done.returncode == 2 and "git リポジトリの中ではありません" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_fresh_clone_works_once_enabled(repo: Repo, tmp_path: Path) -> None:
    clone = Repo(tmp_path / "clone", repo.env)
    repo.git("clone", "-q", str(repo.root), str(clone.root))
    clone.git("config", "user.name", "佐藤")
    clone.git("config", "user.email", "sato@example.com")
    assert "merge.pufu" not in clone.git("config", "--local", "--list").stdout
    clone.pufu("git", "enable")
    assert clone.root.joinpath(".gitattributes").read_text().count("*.pufu.json") == 1
    assert clone.git("status", "--porcelain").stdout == ""
    clone.edit("plan.pufu.json", lambda p: p.snapshot("clone の局面", date="2026-03-01"))
    assert "+ 局面2「clone の局面」" in clone.git("diff").stdout
